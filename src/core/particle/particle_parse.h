// Particle Cloud API response parsers: body text -> Result<Model>. Tolerant as
// particle-api.md asks: ids as string or number (kept as strings), `state` else
// `status`, both timestamp forms, `client` or `client_id`, unknown keys ignored.
// A malformed body gives a Parse error that names what is missing.
#pragma once

#include <string_view>
#include <vector>

#include "core/base/http.h"
#include "core/particle/particle_errors.h"
#include "core/particle/particle_models.h"
#include "core/base/result.h"

namespace ud::core {

Result<AccessToken> accessTokenFromJson(std::string_view body);
Result<ParticleUser> userFromJson(std::string_view body);
Result<TokenInfo> tokenInfoFromJson(std::string_view body);
Result<std::vector<Organization>> organizationsFromJson(std::string_view body);
Result<std::vector<ServiceAgreement>> serviceAgreementsFromJson(std::string_view body);
Result<UsageReport> usageReportFromJson(std::string_view body);
Result<std::vector<UsageNotification>> notificationsFromJson(std::string_view body);

// The answer to either token step: a token, or (403 mfa_required) the MFA
// challenge, or an error with the user's sentence.
Result<LoginOutcome> loginOutcomeFromResponse(const HttpResponse& response, ParticleCall step, std::string_view host);

// A usage notification as a sentence: "70 % of the included usage reached",
// "Service paused", ...; an unknown event type reads as words with its period:
// "Data limit warning (period 2026-05-04)".
std::string sentenceFromNotification(const UsageNotification& notification);

// First agreement whose state is "active", else the first; nullptr when empty.
const ServiceAgreement* preferredAgreement(const std::vector<ServiceAgreement>& agreements);

// The whole answer -> model: non-2xx goes through particleErrorFromResponse;
// an empty or (except for Download, a CSV) non-JSON 2xx body gives a Parse
// error saying so.
Status checkParticleAnswer(const HttpResponse& response, ParticleCall call, std::string_view host);

template <typename T>
Result<T> particleResult(const HttpResponse& response, ParticleCall call, std::string_view host,
                         Result<T> (*parse)(std::string_view)) {
    Status checked = checkParticleAnswer(response, call, host);
    if (!checked) return checked.error();
    return parse(response.body);
}

}  // namespace ud::core
