// Plain HTTP request/response values. Core builds requests and parses
// responses; a platform transport (emscripten_fetch, cpp-httplib, the in-page
// simulator) carries them. Header names are kept as given; lookups ignore case.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/date.h"
#include "core/base/result.h"

namespace ud::core {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method = "GET";
    std::string url;        // absolute, or relative to the page for same-origin proxies
    HeaderList headers;     // secrets (tokens) travel only here, never in url
    std::string body;
    int timeout_ms = 30000;
};

// What came back, or why nothing did.
struct HttpResponse {
    int status = 0;         // 0 = no HTTP answer (see transport_error)
    HeaderList headers;
    std::string body;
    // Set when status == 0: Transport (network or blocked by the browser), Timeout,
    // or Limit (the answer was larger than kMaxAnswerBytes and was not read).
    ErrorKind transport_error = ErrorKind::Transport;
    std::string transport_message;
};

// The largest answer the page reads (report CSVs included); a bigger one is
// refused whole instead of being held in memory twice.
inline constexpr std::uint64_t kMaxAnswerBytes = 256ull << 20;
// "the answer is 300 MB; the page reads answers up to 256 MB"; `bytes` 0 = size
// unknown (no Content-Length, reading stopped at the limit).
std::string answerTooLargeText(std::uint64_t bytes, std::uint64_t limit = kMaxAnswerBytes);

std::string_view headerValue(const HeaderList& headers, std::string_view name);  // "" if absent
bool isSuccess(const HttpResponse& r);  // 2xx
// "Not Found" for 404: the reason phrase of the statuses the clouds send, "" for others.
std::string_view reasonPhrase(int status);

// Percent-encoding for query strings and form bodies (RFC 3986 unreserved kept).
std::string urlEncode(std::string_view text);
std::string formBody(const std::vector<std::pair<std::string, std::string>>& fields);
// Splits "a=1&b=x%20y" into decoded pairs (used by fakes and tests).
std::vector<std::pair<std::string, std::string>> pairsFromForm(std::string_view body);
std::string urlDecode(std::string_view text);

// "https://api.particle.io/" + "/v1/user" -> "https://api.particle.io/v1/user".
std::string joinUrl(std::string_view base, std::string_view path);
// The host part of a URL for messages ("could not reach api.particle.io").
std::string hostFromUrl(std::string_view url);

// http:// to anything but this computer (127.x, localhost, [::1]) sends passwords and
// tokens in clear: the sentence to show, or empty when the address is acceptable.
std::string plainHttpProblem(std::string_view url);

// Retry-After as seconds (delta-seconds form only), or -1.
int retryAfterSeconds(const HeaderList& headers);
// Retry-After in either form (RFC 9110 10.2.3): delta-seconds, or an HTTP date
// ("Sun, 06 Nov 1994 08:49:37 GMT") as the whole seconds left after `now`
// (0 when already past); -1 when absent or unreadable.
int retryAfterSeconds(const HeaderList& headers, Timestamp now);

}  // namespace ud::core
