// The error document of a JSON:API server ({"errors":[{"title","detail",
// "code","source":{"parameter"}}]}), read leniently: every member is optional,
// a body that is not JSON reads as empty. ActivePlatform sends these, also
// with status 200 instead of data.
#pragma once

#include <string>
#include <string_view>

namespace ud::core {

struct JsonApiError {
    std::string detail;     // errors[0].detail
    std::string title;      // errors[0].title
    std::string code;       // errors[0].code
    std::string parameter;  // errors[0].source.parameter
    bool empty() const { return detail.empty() && title.empty(); }
};

// errors[0] when `body` parses as a JSON object, whatever the Content-Type
// says. With `plain_too`, a body without "errors" is read as the
// {"error": title, "message": detail} that other servers and proxies send.
JsonApiError jsonApiErrorFromBody(std::string_view body, bool plain_too);

}  // namespace ud::core
