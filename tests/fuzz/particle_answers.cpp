// libFuzzer target: any bytes as a Particle API answer body, through every
// model parser and the error mapping for every call and a range of statuses
// (first byte picks the status). Must never crash, leak or hit UB.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/particle/particle_errors.h"
#include "core/particle/particle_parse.h"

using namespace ud::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static constexpr int kStatuses[] = {0, 200, 201, 204, 400, 401, 403, 404, 408, 429, 500, 502, 503, 504};
    const int status = kStatuses[data[0] % (sizeof kStatuses / sizeof kStatuses[0])];
    std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
    (void)accessTokenFromJson(body);
    (void)userFromJson(body);
    (void)tokenInfoFromJson(body);
    (void)organizationsFromJson(body);
    if (auto agreements = serviceAgreementsFromJson(body)) (void)preferredAgreement(*agreements);
    (void)usageReportFromJson(body);
    if (auto notes = notificationsFromJson(body))
        for (const auto& n : *notes) (void)sentenceFromNotification(n);
    (void)apiMessageFromBody(body, status);
    (void)apiErrorFromBody(body);
    HttpResponse r;
    r.status = status;
    r.body = std::string(body);
    r.headers = {{"Retry-After", std::string(body.substr(0, 40))}, {"Content-Type", "application/json"}};
    for (int call = 0; call <= static_cast<int>(ParticleCall::Download); ++call) {
        const auto c = static_cast<ParticleCall>(call);
        Error e = particleErrorFromResponse(r, c, "api.test");
        (void)isSignedOutError(e, c);
        (void)checkParticleAnswer(r, c, "api.test");
    }
    (void)loginOutcomeFromResponse(r, ParticleCall::PasswordGrant, "api.test");
    (void)loginOutcomeFromResponse(r, ParticleCall::MfaGrant, "api.test");
    return 0;
}
