// Particle Cloud API request builders and the small model helpers (scope paths,
// report type and state names). Parsing is in particle_parse.cpp.
#include "core/particle/particle_api.h"

#include <nlohmann/json.hpp>

namespace ud::core {
namespace {

constexpr std::string_view kJson = "application/json";

HttpRequest apiRequest(std::string_view method, std::string_view base, std::string_view path,
                       std::string_view token) {
    HttpRequest r;
    r.method = std::string(method);
    r.url = joinUrl(base, path);
    r.headers.emplace_back("Authorization", "Bearer " + std::string(token));
    r.headers.emplace_back("Accept", std::string(kJson));
    r.timeout_ms = kParticleTimeoutMs;
    return r;
}

HttpRequest tokenRequest(std::string_view base, std::vector<std::pair<std::string, std::string>> fields,
                         std::optional<std::int64_t> expires_in_s) {
    // Client credentials go in the body, not in Basic auth: a form POST with no
    // custom headers is a "simple" CORS request and needs no preflight.
    fields.emplace_back("client_id", std::string(kParticleClientId));
    fields.emplace_back("client_secret", std::string(kParticleClientId));
    if (expires_in_s) fields.emplace_back("expires_in", std::to_string(*expires_in_s));
    HttpRequest r;
    r.method = "POST";
    r.url = joinUrl(base, "/oauth/token");
    r.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    r.headers.emplace_back("Accept", std::string(kJson));
    r.body = formBody(fields);
    r.timeout_ms = kParticleTimeoutMs;
    return r;
}

}  // namespace

std::string Scope::pathPrefix() const {
    return isSandbox() ? std::string("/v1/user") : "/v1/orgs/" + urlEncode(org);
}

std::string Scope::key() const { return isSandbox() ? std::string("sandbox") : "org:" + org; }

std::optional<Scope> scopeFromKey(std::string_view key) {
    if (key == "sandbox") return Scope::sandbox();
    if (key.size() > 4 && key.substr(0, 4) == "org:") return Scope::organization(std::string(key.substr(4)));
    return std::nullopt;
}

const char* nameFromReportType(ReportType type) { return type == ReportType::Products ? "products" : "devices"; }

std::optional<ReportType> reportTypeFromName(std::string_view name) {
    if (name == "devices") return ReportType::Devices;
    if (name == "products") return ReportType::Products;
    return std::nullopt;
}

ReportState reportStateFromText(std::string_view state, bool has_download_url) {
    // A download URL means ready whatever the state says (as Particle's own node script polls).
    if (has_download_url) return ReportState::Available;
    if (state == "available") return ReportState::Available;
    if (state == "expired") return ReportState::Expired;
    if (state == "failed" || state == "error" || state == "canceled" || state == "cancelled")
        return ReportState::Failed;
    return ReportState::Pending;  // pending, processing, queued, or anything unknown: keep polling
}

HttpRequest passwordGrantRequest(std::string_view base, std::string_view username, std::string_view password,
                                 std::optional<std::int64_t> expires_in_s) {
    return tokenRequest(base,
                        {{"grant_type", "password"}, {"username", std::string(username)},
                         {"password", std::string(password)}},
                        expires_in_s);
}

HttpRequest mfaGrantRequest(std::string_view base, std::string_view mfa_token, std::string_view otp,
                            std::optional<std::int64_t> expires_in_s) {
    return tokenRequest(base,
                        {{"grant_type", "urn:custom:mfa-otp"}, {"mfa_token", std::string(mfa_token)},
                         {"otp", std::string(otp)}},
                        expires_in_s);
}

HttpRequest currentUserRequest(std::string_view base, std::string_view token) {
    return apiRequest("GET", base, "/v1/user", token);
}

HttpRequest currentTokenRequest(std::string_view base, std::string_view token) {
    return apiRequest("GET", base, "/v1/access_tokens/current", token);
}

HttpRequest revokeCurrentTokenRequest(std::string_view base, std::string_view token) {
    return apiRequest("DELETE", base, "/v1/access_tokens/current", token);
}

HttpRequest organizationsRequest(std::string_view base, std::string_view token) {
    return apiRequest("GET", base, "/v1/orgs", token);
}

HttpRequest serviceAgreementsRequest(std::string_view base, std::string_view token, const Scope& scope) {
    return apiRequest("GET", base, scope.pathPrefix() + "/service_agreements", token);
}

std::string jsonFromUsageReportSpec(const UsageReportSpec& spec) {
    nlohmann::json body = {{"report_type", nameFromReportType(spec.type)},
                           {"date_period_start", isoFromDate(spec.range.first)},
                           {"date_period_end", isoFromDate(spec.range.last)}};
    if (!spec.devices.empty()) body["devices"] = spec.devices;
    if (!spec.products.empty()) body["products"] = spec.products;
    return body.dump();
}

HttpRequest createUsageReportRequest(std::string_view base, std::string_view token, const Scope& scope,
                                     const AgreementId& agreement, const UsageReportSpec& spec) {
    HttpRequest r = apiRequest(
        "POST", base, scope.pathPrefix() + "/service_agreements/" + urlEncode(agreement.value) + "/usage_reports",
        token);
    r.headers.emplace_back("Content-Type", std::string(kJson));
    r.body = jsonFromUsageReportSpec(spec);
    return r;
}

HttpRequest usageReportRequest(std::string_view base, std::string_view token, const Scope& scope,
                               const ReportId& report) {
    return apiRequest("GET", base, scope.pathPrefix() + "/usage_reports/" + urlEncode(report.value), token);
}

HttpRequest notificationsRequest(std::string_view base, std::string_view token, const Scope& scope,
                                 const AgreementId& agreement) {
    return apiRequest(
        "GET", base, scope.pathPrefix() + "/service_agreements/" + urlEncode(agreement.value) + "/notifications",
        token);
}

HttpRequest reportDownloadRequest(std::string_view download_url) {
    HttpRequest r;
    r.method = "GET";
    r.url = std::string(download_url);
    r.headers.emplace_back("Accept", "text/csv");
    r.timeout_ms = 120000;  // a large report can take a while to stream
    return r;
}

std::string maskedDownloadUrl(std::string_view download_url) {
    if (download_url.empty()) return {};
    const std::size_t scheme = download_url.find("://");
    const std::string prefix(download_url.substr(0, scheme == std::string_view::npos ? 0 : scheme + 3));
    return prefix + hostFromUrl(download_url) + "/*** (hidden)";
}

}  // namespace ud::core
