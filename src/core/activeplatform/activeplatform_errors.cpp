// ActivePlatform failures as sentences (JSON:API errors[], HTML proxy pages,
// empty bodies, no answer at all). Retry timing is core/base/retry.h.
// Declared in activeplatform_api.h. The error body format is not documented
// (doc 7), so every member is optional and any body that is not JSON is ignored.
#include <algorithm>

#include "core/activeplatform/activeplatform_api.h"
#include "core/base/jsonapi_error.h"

namespace ud::core {
namespace {

bool looksLikeHtml(std::string_view body) {
    std::size_t i = body.find_first_not_of(" \t\r\n");
    return i != std::string_view::npos && body[i] == '<';
}

// What the status means for this endpoint, before the server's own words.
std::string leadFromStatus(int status) {
    if (status == 401) return "The API token was not accepted";
    if (status == 403) return "This API token may not read that subscription";
    if (status == 404) return "The subscription was not found for this token";
    if (status == 400 || status == 422) return "ActivePlatform rejected the request";
    if (status == 429) return "ActivePlatform is limiting requests";
    if (status == 502 || status == 504) return "The proxy in front of ActivePlatform could not get an answer";
    if (status == 503) return "ActivePlatform is temporarily unavailable";
    if (status >= 500) return "ActivePlatform had an internal error";
    return "ActivePlatform answered with an error";
}

std::string hintFromStatus(int status, int retry_after_s) {
    if (status == 401) return " Check the manager's API token (Operator Control Panel, Managers, Regenerate Token).";
    if (status == 403 || status == 404) return " Check the subscription id and that it belongs to this manager's reseller.";
    if (status == 429 || status == 503) {
        if (retry_after_s >= 0) return " Try again in " + std::to_string(retry_after_s) + " s.";
        return " Try again in a moment.";
    }
    if (status == 502 || status == 504) return " Try again; a long range may need a longer proxy timeout.";
    return "";
}

Error transportError(const HttpResponse& response, std::string_view url) {
    std::string host = hostForMessage(url);
    Error e;
    e.kind = response.transport_error == ErrorKind::Timeout || response.transport_error == ErrorKind::Limit
                 ? response.transport_error
                 : ErrorKind::Transport;
    if (e.kind == ErrorKind::Limit)
        e.message = "The answer from " + host + " was refused: " + response.transport_message +
                    ". Try a shorter range.";
    else if (e.kind == ErrorKind::Timeout)
        e.message = host + " did not answer in time. A long range can be slow: try a shorter one.";
    else
        e.message = "could not reach " + host +
                    ": network error, or the browser blocked the cross-origin request "
                    "(see README: serve through a same-origin proxy).";
    return e;
}

}  // namespace

Error errorFromAnalyticsResponse(const HttpResponse& response, std::string_view url) {
    if (response.status == 0) return transportError(response, url);
    Error e;
    e.kind = ErrorKind::Http;
    e.http_status = response.status;
    e.retry_after_s = retryAfterSeconds(response.headers);
    JsonApiError api = jsonApiErrorFromBody(response.body, /*plain_too=*/true);
    e.api_error = !api.code.empty() ? api.code : api.title;
    e.api_message = !api.detail.empty() ? api.detail : api.title;

    std::string said = e.api_message;
    if (said.empty()) said = reasonPhrase(response.status);
    if (said.empty()) said = "HTTP error";
    if (!api.parameter.empty() && said.find(api.parameter) == std::string::npos)
        said += " (" + api.parameter + ")";
    std::string body_note;
    if (api.detail.empty() && api.title.empty()) {
        if (looksLikeHtml(response.body))
            body_note = " The answer was an HTML page, not JSON (often a proxy's error page).";
        else if (response.body.empty())
            body_note = " The answer was empty.";
    }
    while (!said.empty() && (said.back() == '.' || said.back() == ' ')) said.pop_back();
    e.message = leadFromStatus(response.status) + " (HTTP " + std::to_string(response.status) + "): " + said + "." +
                body_note + hintFromStatus(response.status, e.retry_after_s);
    return e;
}

std::string retryLineText(int status, int seconds_left, int attempt, int max_attempts) {
    std::string lead = status == 429                   ? "Rate limited by the server"
                       : status == 503                 ? "The server is busy"
                       : status == 502 || status == 504 ? "The proxy got no answer from the server (HTTP " +
                                                              std::to_string(status) + ")"
                                                        : "Could not reach the server";
    return lead + "; retrying in " + std::to_string(seconds_left) + " s (attempt " + std::to_string(attempt) + " of " +
           std::to_string(max_attempts) + ")";
}

}  // namespace ud::core
