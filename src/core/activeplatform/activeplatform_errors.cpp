// ActivePlatform failures as sentences (JSON:API errors[], HTML proxy pages,
// empty bodies, no answer at all) and the retry timing for the retryable ones.
// Declared in activeplatform_api.h. The error body format is not documented
// (doc 7), so every member is optional and any body that is not JSON is ignored.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/activeplatform/activeplatform_api.h"

namespace ud::core {
namespace {

using nlohmann::json;

// Error bodies are small; a huge one is not an error document worth reading.
constexpr std::size_t kMaxErrorBodyBytes = 256 * 1024;

std::string reasonFromStatus(int status) {
    switch (status) {
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 408: return "Request Timeout";
        case 409: return "Conflict";
        case 413: return "Payload Too Large";
        case 422: return "Unprocessable Entity";
        case 429: return "Too Many Requests";
        case 500: return "Internal Server Error";
        case 502: return "Bad Gateway";
        case 503: return "Service Unavailable";
        case 504: return "Gateway Timeout";
        default: return "HTTP error";
    }
}

std::string stringMember(const json& object, const char* key) {
    if (!object.is_object()) return {};
    auto it = object.find(key);
    if (it == object.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    return {};
}

struct ApiErrorText {
    std::string detail;     // errors[0].detail
    std::string title;      // errors[0].title
    std::string code;       // errors[0].code
    std::string parameter;  // errors[0].source.parameter
};

// Reads errors[0] when the body parses as JSON, whatever the Content-Type says.
ApiErrorText apiErrorFromBody(std::string_view body) {
    ApiErrorText out;
    if (body.empty() || body.size() > kMaxErrorBodyBytes) return out;
    json doc = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object()) return out;
    auto errors = doc.find("errors");
    if (errors != doc.end() && errors->is_array() && !errors->empty()) {
        const json& first = errors->front();
        out.detail = stringMember(first, "detail");
        out.title = stringMember(first, "title");
        out.code = stringMember(first, "code");
        if (first.is_object() && first.contains("source")) out.parameter = stringMember(first["source"], "parameter");
    } else {
        // Non-JSON:API servers and proxies often send {"error": "..."} or {"message": "..."}.
        out.detail = stringMember(doc, "message");
        out.title = stringMember(doc, "error");
    }
    return out;
}

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
    e.kind = response.transport_error == ErrorKind::Timeout ? ErrorKind::Timeout : ErrorKind::Transport;
    if (e.kind == ErrorKind::Timeout)
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
    ApiErrorText api = apiErrorFromBody(response.body);
    e.api_error = !api.code.empty() ? api.code : api.title;
    e.api_message = !api.detail.empty() ? api.detail : api.title;

    std::string said = e.api_message;
    if (said.empty()) said = reasonFromStatus(response.status);
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

bool isRetryableResponse(const HttpResponse& response) {
    if (response.status == 0) return response.transport_error == ErrorKind::Transport;
    return response.status == 429 || response.status == 502 || response.status == 503 || response.status == 504;
}

std::optional<Timestamp> retryDelayMs(const HttpResponse& response, int attempt, const RetryPolicy& policy) {
    if (!isRetryableResponse(response) || attempt >= policy.max_attempts || attempt < 1) return std::nullopt;
    int retry_after = retryAfterSeconds(response.headers);
    if (response.status != 0 && retry_after >= 0) {
        Timestamp ms = static_cast<Timestamp>(retry_after) * 1000;
        if (ms > policy.max_retry_after_ms) return std::nullopt;
        return ms;
    }
    Timestamp delay = policy.first_delay_ms;
    for (int i = 1; i < attempt && delay < policy.max_delay_ms; ++i) delay *= 2;
    return std::min(delay, policy.max_delay_ms);
}

}  // namespace ud::core
