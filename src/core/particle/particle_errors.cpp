// Particle error bodies (OAuth, classic, JSON:API shapes) and the mapping of
// every failure to a user-facing sentence, per particle-api.md §2 and §8.
#include "core/particle/particle_errors.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

namespace ud::core {
namespace {

using nlohmann::json;

std::string stringAt(const json& j, const char* key) {
    if (j.is_object() && j.contains(key) && j[key].is_string()) return j[key].get<std::string>();
    return {};
}

std::string firstErrorsItem(const json& j) {
    if (!j.is_object() || !j.contains("errors") || !j["errors"].is_array()) return {};
    for (const json& item : j["errors"]) {
        if (item.is_string() && !item.get<std::string>().empty()) return item.get<std::string>();
        for (const char* key : {"detail", "title", "message"})
            if (std::string s = stringAt(item, key); !s.empty()) return s;
    }
    return {};
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

bool mentions(std::string_view haystack, std::string_view needle) {
    return lower(haystack).find(needle) != std::string::npos;
}

std::string waitText(int seconds) {
    if (seconds < 0) seconds = 60;
    if (seconds < 120) return std::to_string(seconds) + " s";
    return std::to_string((seconds + 59) / 60) + " min";
}

bool isTokenStep(ParticleCall call) { return call == ParticleCall::PasswordGrant || call == ParticleCall::MfaGrant; }

std::string transportSentence(const HttpResponse& r, ParticleCall call, std::string_view host) {
    if (r.transport_error == ErrorKind::Timeout)
        return std::string(host) + " did not answer in time. Check your connection and try again.";
    if (r.transport_error == ErrorKind::Limit)
        return "The answer from " + std::string(host) + " was refused: " + r.transport_message + ".";
    if (call == ParticleCall::Download)
        return "Could not fetch the CSV from " + std::string(host) +
               ": network error or the browser blocked the request. Copy the link, open it in a new tab, and "
               "open the saved file in the Report viewer.";
    return "Could not reach " + std::string(host) + ": network error or the browser blocked the request.";
}

// The sentence for a non-2xx answer; `e` already carries status and API texts.
std::string httpSentence(const Error& e, ParticleCall call) {
    const int status = e.http_status;
    const std::string& api = e.api_message;
    if (call == ParticleCall::Download) {
        if (status == 403 || status == 404 || status == 410)
            return "The download link has expired or is no longer valid (reports can be downloaded for 7 days). "
                   "Request a new report.";
        if (status >= 500) return "The storage server failed (HTTP " + std::to_string(status) + "); try again.";
        return "The CSV download was refused (HTTP " + std::to_string(status) + ").";
    }
    if (e.api_error == "mfa_required") return std::string(kMfaNeededMessage);
    if (call == ParticleCall::MfaGrant && (status == 400 || status == 401)) return std::string(kWrongOtpMessage);
    if (e.api_error == "sso_user") return std::string(kSsoMessage);
    if (call == ParticleCall::PasswordGrant && e.api_error == "invalid_grant") return std::string(kWrongPasswordMessage);
    if (status == 429 && (e.api_error == "rate_limit_exceeded" || mentions(api, "rate limit")) &&
        isTokenStep(call))
        return "Too many sign-in attempts. Wait " + waitText(e.retry_after_s < 0 ? 1800 : e.retry_after_s) +
               " and try again.";
    if (call == ParticleCall::CreateReport && status >= 400 && status < 500 && status != 401 && status != 403 &&
        (mentions(api, "outstanding") || mentions(api, "at a time") || mentions(api, "concurrent") ||
         (status == 429 && e.api_error != "rate_limit_exceeded" && !mentions(api, "rate limit"))))
        return std::string(kOutstandingLimitMessage);
    if (status == 429) return "Too many requests to the Particle API. Wait " + waitText(e.retry_after_s) + " and try again.";
    if (isSignedOutError(e, call)) {
        if (mentions(api, "expired")) return "Your access token has expired. Sign in again.";
        return "You are signed out: the access token is not valid any more. Sign in again.";
    }
    if (status >= 500)
        return "Particle's server had a problem (HTTP " + std::to_string(status) + "). Try again in a minute.";
    if (isTokenStep(call) && e.api_error == "invalid_client")
        return "The sign-in request was refused (" + api + "). Check the email and password fields.";
    if (call == ParticleCall::CreateReport) return "The report request was refused: " + api;
    if (status == 403) {
        // Only calls that read an organization's data can be refused for want of its admin role.
        const bool org_data = call == ParticleCall::Organizations || call == ParticleCall::Agreements ||
                              call == ParticleCall::Notifications || call == ParticleCall::CreateReport ||
                              call == ParticleCall::ReportStatus;
        return "Not permitted: " + api + (org_data ? ". Organization data needs an organization administrator." : ".");
    }
    if (status == 404) {
        if (call == ParticleCall::ReportStatus)
            return "This report was not found (it may belong to another account or organization).";
        return "Not found: " + api;
    }
    return "The Particle API refused the request: " + api;
}

}  // namespace

std::string apiErrorFromBody(std::string_view body) {
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded()) return {};
    return stringAt(j, "error");
}

std::string apiMessageFromBody(std::string_view body, int status) {
    json j = json::parse(body, nullptr, false);
    if (!j.is_discarded() && j.is_object()) {
        if (std::string s = stringAt(j, "error_description"); !s.empty()) return s;
        if (std::string s = firstErrorsItem(j); !s.empty()) return s;
        if (std::string s = stringAt(j, "error"); !s.empty()) return s;
        if (std::string s = stringAt(j, "info"); !s.empty()) return s;
    }
    return "HTTP " + std::to_string(status);
}

bool isSignedOutError(const Error& e, ParticleCall call) {
    if (e.kind != ErrorKind::Http || isTokenStep(call) || call == ParticleCall::Download) return false;
    if (e.api_error == "mfa_required" || e.api_error == "sso_user") return false;
    if (e.http_status == 401) return true;
    // No token at all: the OAuth layer answers 400 invalid_request (doc §2.3).
    return e.http_status == 400 && (e.api_error == "invalid_token" || e.api_error == "invalid_request");
}

Error particleErrorFromResponse(const HttpResponse& r, ParticleCall call, std::string_view host) {
    Error e;
    if (r.status == 0) {
        e.kind = r.transport_error == ErrorKind::Timeout || r.transport_error == ErrorKind::Limit ? r.transport_error
                                                                                                 : ErrorKind::Transport;
        e.message = transportSentence(r, call, host);
        e.api_message = r.transport_message;
        return e;
    }
    e.kind = ErrorKind::Http;
    e.http_status = r.status;
    e.retry_after_s = retryAfterSeconds(r.headers);
    e.api_error = apiErrorFromBody(r.body);
    e.api_message = apiMessageFromBody(r.body, r.status);
    e.message = httpSentence(e, call);
    if (e.message == kOutstandingLimitMessage) e.kind = ErrorKind::Limit;
    return e;
}

}  // namespace ud::core
