// Particle Cloud API request builders. Each returns a complete HttpRequest for
// the transport. The token goes only in the Authorization header; requests carry
// only Authorization, Content-Type and Accept (the API's CORS preflight allows
// no other header). Parsers live in particle_parse.h, errors in particle_errors.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/base/http.h"
#include "core/particle/particle_models.h"

namespace ud::core {

inline constexpr std::string_view kParticleApiBase = "https://api.particle.io";
inline constexpr std::string_view kParticleClientId = "particle";  // documented public client
inline constexpr int kParticleTimeoutMs = 30000;

// Token lifetimes the login form offers (seconds); 0 = never expires.
inline constexpr std::int64_t kTokenLifetimeChoices[] = {900, 3600, 28800, 86400, 2592000, 7776000, 0};
inline constexpr std::int64_t kDefaultTokenLifetime = 7776000;  // 90 days, the API's default

// POST /oauth/token, form-encoded password grant. expires_in empty = server default.
HttpRequest passwordGrantRequest(std::string_view base, std::string_view username, std::string_view password,
                                 std::optional<std::int64_t> expires_in_s);
// POST /oauth/token, grant urn:custom:mfa-otp with the mfa_token from the 403.
HttpRequest mfaGrantRequest(std::string_view base, std::string_view mfa_token, std::string_view otp,
                            std::optional<std::int64_t> expires_in_s);

HttpRequest currentUserRequest(std::string_view base, std::string_view token);          // GET /v1/user
HttpRequest currentTokenRequest(std::string_view base, std::string_view token);         // GET /v1/access_tokens/current
HttpRequest revokeCurrentTokenRequest(std::string_view base, std::string_view token);   // DELETE same
HttpRequest organizationsRequest(std::string_view base, std::string_view token);        // GET /v1/orgs
// GET <scope>/service_agreements
HttpRequest serviceAgreementsRequest(std::string_view base, std::string_view token, const Scope& scope);
// POST <scope>/service_agreements/:id/usage_reports with a JSON body.
HttpRequest createUsageReportRequest(std::string_view base, std::string_view token, const Scope& scope,
                                     const AgreementId& agreement, const UsageReportSpec& spec);
// GET <scope>/usage_reports/:id (no agreement segment).
HttpRequest usageReportRequest(std::string_view base, std::string_view token, const Scope& scope,
                               const ReportId& report);
// GET <scope>/service_agreements/:id/notifications
HttpRequest notificationsRequest(std::string_view base, std::string_view token, const Scope& scope,
                                 const AgreementId& agreement);
// GET the report's download_url: no Authorization (the URL authenticates
// itself, and a token must never reach the storage host), Accept text/csv.
HttpRequest reportDownloadRequest(std::string_view download_url);

// A download URL for display: scheme and host, the secret path and query
// hidden ("https://storage.example/*** (hidden)"). The URL itself is a credential.
std::string maskedDownloadUrl(std::string_view download_url);

// The JSON body of a usage report request (exposed for tests and the fake).
std::string jsonFromUsageReportSpec(const UsageReportSpec& spec);

}  // namespace ud::core
