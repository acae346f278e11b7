// HttpTransport over emscripten_fetch, asynchronous only (no sync XHR, no
// threads, so the page needs no special headers).
// Supports: any method, request headers, body, timeout, response headers,
// reading 4xx/5xx bodies (the APIs put their message there).
// Does not: send credentials/cookies (CORS wildcard forbids them), stream
// partial bodies, or tell "network down" from "blocked by CORS" (the browser
// hides the difference; both arrive as status 0).
#pragma once

#include <deque>
#include <functional>

#include "platform/http_transport.h"

namespace ud::platform::web {

class WebHttpTransport : public HttpTransport {
public:
    // `wake` is called when an answer arrives so the render loop draws again.
    explicit WebHttpTransport(std::function<void()> wake) : wake_(std::move(wake)) {}
    RequestId send(core::HttpRequest request, Done on_done) override;
    void poll() override;

    // Called from fetch callbacks; public for the C trampolines only.
    void complete(RequestId id, core::HttpResponse response);

private:
    struct Finished {
        RequestId id;
        core::HttpResponse response;
    };
    std::function<void()> wake_;
    RequestId last_id_ = 0;
    std::deque<std::pair<RequestId, Done>> waiting_;
    std::deque<Finished> finished_;
};

}  // namespace ud::platform::web
