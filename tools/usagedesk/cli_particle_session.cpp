// Token lookup and Particle calls for the command line.
#include "cli_particle_session.h"

#include "cli_secrets.h"

namespace ud::cli {

core::Result<ParticleSession> particleSession(const Cli& cli, bool token_stdin) {
    auto token = findToken(token_stdin, kParticleTokenEnv, kParticleTokenFile, kParticleLoginHint);
    if (!token) return token.error();
    ParticleSession s;
    s.cli = &cli;
    s.base = cli.particle_api;
    s.host = core::hostFromUrl(s.base);
    s.token = token->token;
    s.token_from = token->from;
    return s;
}

core::Scope scopeFromOption(const std::string& org) {
    return org.empty() ? core::Scope::sandbox() : core::Scope::organization(org);
}

core::Error particleError(const ParticleSession& s, const core::HttpResponse& response, core::ParticleCall call,
                          const std::string& url) {
    core::Error e = core::particleErrorFromResponse(response, call, s.host);
    if (response.status == 0) e.message = networkSentence(response, url);  // the core sentence speaks of browsers
    else if (core::isSignedOutError(e, call)) e.message += std::string(" To sign in: ") + kParticleLoginHint;
    return e;
}

core::Result<core::ServiceAgreement> scopeAgreement(const ParticleSession& s, const core::Scope& scope,
                                                    const std::string& wanted) {
    auto agreements = particleCall<std::vector<core::ServiceAgreement>>(
        s, core::serviceAgreementsRequest(s.base, s.token, scope), core::ParticleCall::Agreements,
        core::serviceAgreementsFromJson);
    if (!agreements) return agreements.error();
    if (!wanted.empty()) {
        for (const auto& a : *agreements)
            if (a.id.value == wanted) return a;
        core::Error e = core::makeError(core::ErrorKind::Http, "no service agreement " + wanted + " in this scope.");
        e.http_status = 404;
        return e;
    }
    const core::ServiceAgreement* preferred = core::preferredAgreement(*agreements);
    if (!preferred) {
        core::Error e = core::makeError(core::ErrorKind::Http,
                                        "this scope has no service agreement, so there is no usage to show or report on.");
        e.http_status = 404;
        return e;
    }
    return *preferred;
}

}  // namespace ud::cli
