// libFuzzer target: any bytes as a Particle API answer body, through one of the
// model parsers or the error mapping for one call (second byte picks which),
// with a range of statuses (first byte picks the status). One reader per input
// keeps the target fast enough for the long run's ten million executions; the
// selector bytes let the fuzzer steer each reader on its own.
// Must never crash, leak or hit UB.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/particle/particle_errors.h"
#include "core/particle/particle_parse.h"

using namespace ud::core;

namespace {

void readModels(std::string_view body, unsigned which) {
    switch (which) {
        case 0: (void)accessTokenFromJson(body); break;
        case 1: (void)userFromJson(body); break;
        case 2: (void)tokenInfoFromJson(body); break;
        case 3: (void)organizationsFromJson(body); break;
        case 4:
            if (auto agreements = serviceAgreementsFromJson(body)) (void)preferredAgreement(*agreements);
            break;
        case 5: (void)usageReportFromJson(body); break;
        case 6:
            if (auto notes = notificationsFromJson(body))
                for (const auto& n : *notes) (void)sentenceFromNotification(n);
            break;
        default:
            (void)apiErrorFromBody(body);
            break;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    static constexpr int kStatuses[] = {0, 200, 201, 204, 400, 401, 403, 404, 408, 429, 500, 502, 503, 504};
    const int status = kStatuses[data[0] % (sizeof kStatuses / sizeof kStatuses[0])];
    constexpr unsigned kModelReaders = 8;
    constexpr unsigned kCalls = static_cast<unsigned>(ParticleCall::Download) + 1;
    const unsigned which = data[1] % (kModelReaders + kCalls + 1);
    std::string_view body(reinterpret_cast<const char*>(data) + 2, size - 2);
    if (which < kModelReaders) {
        readModels(body, which);
        return 0;
    }
    HttpResponse r;
    r.status = status;
    r.body = std::string(body);
    r.headers = {{"Retry-After", std::string(body.substr(0, 40))}, {"Content-Type", "application/json"}};
    if (which == kModelReaders + kCalls) {  // the sign-in answers and the plain message
        (void)apiMessageFromBody(body, status);
        (void)loginOutcomeFromResponse(r, ParticleCall::PasswordGrant, "api.test");
        (void)loginOutcomeFromResponse(r, ParticleCall::MfaGrant, "api.test");
        return 0;
    }
    const auto call = static_cast<ParticleCall>(which - kModelReaders);
    Error e = particleErrorFromResponse(r, call, "api.test");
    (void)isSignedOutError(e, call);
    (void)checkParticleAnswer(r, call, "api.test");
    return 0;
}
