// The Particle pieces every Particle command needs: the token to use, the
// scope from --org, and one call = build request -> send -> core's error
// mapping and parser, with sentences fit for a terminal.
#pragma once

#include <string>

#include "cli_context.h"
#include "core/particle/particle_api.h"
#include "core/particle/particle_parse.h"

namespace ud::cli {

struct ParticleSession {
    const Cli* cli = nullptr;
    std::string base;   // --api
    std::string host;   // for messages
    std::string token;  // never printed
    std::string token_from;  // "stdin", the variable's name, or the token file's path
};

inline constexpr const char* kParticleLoginHint =
    "run `usagedesk login --email you@example.com`, set PARTICLE_ACCESS_TOKEN, or pass --token-stdin.";

core::Result<ParticleSession> particleSession(const Cli& cli, bool token_stdin);
core::Scope scopeFromOption(const std::string& org);  // "" = the developer sandbox

// A non-2xx or missing answer as an Error (signed-out errors say how to sign in again).
core::Error particleError(const ParticleSession& s, const core::HttpResponse& response, core::ParticleCall call,
                          const std::string& url);

template <typename T>
core::Result<T> particleCall(const ParticleSession& s, core::HttpRequest request, core::ParticleCall call,
                             core::Result<T> (*parse)(std::string_view)) {
    const std::string url = request.url;
    core::HttpResponse response = send(*s.cli, std::move(request));
    if (!core::isSuccess(response)) return particleError(s, response, call, url);
    return core::particleResult<T>(response, call, s.host, parse);
}

// The scope's agreement: `wanted` by id, else the preferred one (active first).
core::Result<core::ServiceAgreement> scopeAgreement(const ParticleSession& s, const core::Scope& scope,
                                                    const std::string& wanted);

}  // namespace ud::cli
