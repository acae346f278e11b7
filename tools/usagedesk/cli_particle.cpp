// Particle account commands: login (password, then the 6-digit code when the
// account asks), logout (revokes the token), whoami, orgs, usage.
#include <array>
#include <iterator>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <utility>

#include "cli_commands.h"
#include "cli_output.h"
#include "cli_particle_session.h"
#include "cli_secrets.h"
#include "core/base/decimal.h"
#include "core/particle/particle_usage_text.h"

namespace ud::cli {
namespace {

using core::ParticleCall;

// The login form's lifetimes (core::kTokenLifetimeChoices) by name.
constexpr std::array<std::pair<const char*, std::int64_t>, 7> kLifetimes{{
    {"15m", 900}, {"1h", 3600}, {"8h", 28800}, {"1d", 86400}, {"30d", 2592000}, {"90d", 7776000}, {"never", 0}}};
static_assert(kLifetimes.size() == std::size(core::kTokenLifetimeChoices));

struct LoginOptions {
    std::string email;
    std::string lifetime = "90d";
    bool print_token = false;
};

std::int64_t secondsFromLifetime(const std::string& name) {
    for (const auto& [n, s] : kLifetimes)
        if (name == n) return s;
    return core::kDefaultTokenLifetime;
}

std::string lifetimeText(const core::AccessToken& token) {
    return token.neverExpires() ? "never expires" : "expires in " + core::durationText(*token.expires_in_s * 1000);
}

// One token step: the answer as a token, an MFA challenge, or an error.
core::Result<core::LoginOutcome> tokenStep(const Cli& cli, core::HttpRequest request, ParticleCall step) {
    const std::string url = request.url;
    core::HttpResponse response = send(cli, std::move(request));
    if (response.status == 0) {
        core::Error e = core::makeError(response.transport_error, networkSentence(response, url));
        return e;
    }
    return core::loginOutcomeFromResponse(response, step, core::hostFromUrl(url));
}

// Asks for the code (terminal: up to 3 tries with the same mfa_token, as Particle's CLI does).
core::Result<core::AccessToken> answerMfa(const Cli& cli, const std::string& mfa_token, std::int64_t lifetime) {
    const int tries = stdinIsTerminal() ? 3 : 1;
    core::Error last = core::makeError(core::ErrorKind::State, std::string(core::kMfaNeededMessage));
    for (int i = 0; i < tries; ++i) {
        auto code = readSecret("6-digit code from your authenticator app: ");
        if (!code || code->empty())
            return core::makeError(core::ErrorKind::State,
                                   std::string(core::kMfaNeededMessage) + " Give it on the line after the password.");
        auto outcome = tokenStep(cli, core::mfaGrantRequest(cli.particle_api, mfa_token, *code, lifetime), ParticleCall::MfaGrant);
        if (outcome && outcome->token) return *outcome->token;
        last = outcome ? core::makeError(core::ErrorKind::Parse, "no token in the answer") : outcome.error();
        if (last.message != core::kWrongOtpMessage) break;
        if (i + 1 < tries) warn(last.message);
    }
    if (last.message == core::kWrongOtpMessage) last.kind = core::ErrorKind::State;  // exit code: authentication
    return last;
}

int runLogin(const Cli& cli, const LoginOptions& o) {
    const std::int64_t lifetime = secondsFromLifetime(o.lifetime);
    auto password = readSecret("Password for " + o.email + ": ");
    if (!password || password->empty()) return fail(Exit::Usage, "no password given (type it, or give it as one line on stdin).");
    auto outcome = tokenStep(cli, core::passwordGrantRequest(cli.particle_api, o.email, *password, lifetime),
                             ParticleCall::PasswordGrant);
    password->assign(password->size(), '\0');  // the password is never kept
    if (!outcome) return failWith(outcome.error());
    core::AccessToken token;
    if (outcome->needsOtp()) {
        auto answered = answerMfa(cli, outcome->mfa_token, lifetime);
        if (!answered) return failWith(answered.error());
        token = *answered;
    } else if (outcome->token) {
        token = *outcome->token;
    } else {
        return fail(Exit::Server, "the sign-in answer held no token.");
    }
    ParticleSession s{&cli, cli.particle_api, core::hostFromUrl(cli.particle_api), token.access_token, "login"};
    auto user = particleCall<core::ParticleUser>(s, core::currentUserRequest(s.base, s.token), ParticleCall::User,
                                                 core::userFromJson);
    if (!user) return failWith(user.error());
    nlohmann::json doc = {{"username", user->username}, {"expires_in", token.neverExpires() ? 0 : *token.expires_in_s}};
    if (o.print_token) {  // asked for: the token on stdout, and no file
        if (cli.json) {
            doc["access_token"] = token.access_token;
            printJson(doc);
        } else {
            printText(token.access_token + "\n");
            std::fprintf(stderr, "Signed in as %s; the token %s.\n", user->username.c_str(), lifetimeText(token).c_str());
        }
        return 0;
    }
    if (auto saved = saveToken(kParticleTokenFile, token.access_token); !saved) return fail(Exit::Failed, saved.error().message);
    doc["token_file"] = tokenFilePath(kParticleTokenFile);
    if (cli.json) printJson(doc);
    else printText("Signed in as " + user->username + ". Token saved to " + tokenFilePath(kParticleTokenFile) + " (" +
                   lifetimeText(token) + ").\n");
    return 0;
}

int runLogout(const Cli& cli, bool token_stdin) {
    auto s = particleSession(cli, token_stdin);
    if (!s) return failWith(s.error());
    const bool from_file = s->token_from == tokenFilePath(kParticleTokenFile);
    core::HttpRequest request = core::revokeCurrentTokenRequest(s->base, s->token);
    const std::string url = request.url;
    core::HttpResponse response = send(cli, std::move(request));
    std::string note = "Token revoked.";
    if (!core::isSuccess(response)) {
        core::Error e = particleError(*s, response, ParticleCall::Revoke, url);
        if (!core::isSignedOutError(e, ParticleCall::Revoke)) return failWith(e);  // keep the file: it may still work
        note = "The token was already invalid.";
    }
    if (from_file) removeToken(kParticleTokenFile);
    if (cli.json) printJson({{"revoked", core::isSuccess(response)}, {"token_file_removed", from_file}});
    else printText(note + (from_file ? " Removed " + tokenFilePath(kParticleTokenFile) + "." : "") + "\n");
    if (!token_stdin && std::getenv(kParticleTokenEnv)) warn("PARTICLE_ACCESS_TOKEN is still set in your environment.");
    return 0;
}

int runWhoami(const Cli& cli, bool token_stdin) {
    auto s = particleSession(cli, token_stdin);
    if (!s) return failWith(s.error());
    auto user = particleCall<core::ParticleUser>(*s, core::currentUserRequest(s->base, s->token), ParticleCall::User,
                                                 core::userFromJson);
    if (!user) return failWith(user.error());
    auto info = particleCall<core::TokenInfo>(*s, core::currentTokenRequest(s->base, s->token), ParticleCall::TokenInfo,
                                              core::tokenInfoFromJson);
    std::string expires = info && info->expires_at ? core::isoFromTimestamp(*info->expires_at) : std::string();
    if (cli.json) {
        printJson({{"username", user->username}, {"mfa_enabled", user->mfa_enabled},
                   {"token_expires_at", expires.empty() ? nlohmann::json(nullptr) : nlohmann::json(expires)}});
        return 0;
    }
    printText(user->username + (user->mfa_enabled ? " (two-step verification on)" : "") + "\n" +
              (info ? "Token " + (expires.empty() ? std::string("never expires") : "expires " + expires) + ".\n" : ""));
    return 0;
}

int runOrgs(const Cli& cli, bool token_stdin) {
    auto s = particleSession(cli, token_stdin);
    if (!s) return failWith(s.error());
    auto orgs = particleCall<std::vector<core::Organization>>(*s, core::organizationsRequest(s->base, s->token),
                                                              ParticleCall::Organizations, core::organizationsFromJson);
    if (!orgs) return failWith(orgs.error());
    if (cli.json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& o : *orgs) list.push_back({{"id", o.id}, {"slug", o.slug}, {"name", o.name}});
        printJson(list);
        return 0;
    }
    if (orgs->empty()) {
        printText("No organizations: only the developer sandbox.\n");
        return 0;
    }
    TextRows rows;
    for (const auto& o : *orgs) rows.push_back({o.id, o.slug, o.name});
    printText(textTable({"ID", "SLUG", "NAME"}, rows));
    return 0;
}

struct UsageOptions {
    std::string org;
    std::string agreement;
    bool token_stdin = false;
};

nlohmann::json jsonCount(long long used, long long included) {
    return {{"used", used < 0 ? nlohmann::json(nullptr) : nlohmann::json(used)},
            {"included", included < 0 ? nlohmann::json(nullptr) : nlohmann::json(included)}};
}

int runUsage(const Cli& cli, const UsageOptions& o) {
    auto s = particleSession(cli, o.token_stdin);
    if (!s) return failWith(s.error());
    const core::Scope scope = scopeFromOption(o.org);
    auto agreement = scopeAgreement(*s, scope, o.agreement);
    if (!agreement) return failWith(agreement.error());
    const core::ServiceAgreement& a = *agreement;
    auto notes = particleCall<std::vector<core::UsageNotification>>(
        *s, core::notificationsRequest(s->base, s->token, scope, a.id), ParticleCall::Notifications,
        core::notificationsFromJson);
    if (!notes) warn("notifications: " + notes.error().message);
    const core::Date today = core::dateFromTimestamp(nowMs());
    const long long devices = core::countedDevices(a);
    if (cli.json) {
        nlohmann::json list = nlohmann::json::array();
        if (notes)
            for (const auto& n : *notes)
                list.push_back({{"event", n.event_name}, {"text", core::sentenceFromNotification(n)},
                                {"created_at", n.created_at}, {"state", n.state}});
        printJson({{"scope", scope.key()},
                   {"agreement", {{"id", a.id.value}, {"name", a.name}, {"type", a.agreement_type}, {"state", a.state}}},
                   {"billing_period", {{"start", core::isoFromDate(a.current_billing_period.first)},
                                       {"end", core::isoFromDate(a.current_billing_period.last)}}},
                   {"data_operations", jsonCount(a.device_messages, a.max_messages)},
                   {"devices", jsonCount(devices, a.max_devices)},
                   {"notifications", list}});
        return 0;
    }
    auto shown = [](long long used, long long included) {
        std::string t = core::usageAgainstIncludedText(used, included);
        return t.empty() ? std::string("not reported by the API") : t;
    };
    std::string text = (scope.isSandbox() ? std::string("Sandbox") : "Organization " + scope.org) + ": " + a.name + " (" +
                       a.id.value + "), " + a.agreement_type + (a.state.empty() ? "" : ", " + a.state) + "\n" +
                       core::billingPeriodText(a, today) + "\n";
    text += textTable({"Usage", "This period"},
                      {{"Data operations", shown(a.device_messages, a.max_messages)}, {"Devices", shown(devices, a.max_devices)}});
    if (notes) {
        text += notes->empty() ? "No usage notifications in this billing period.\n" : "Notifications:\n";
        for (const auto& n : *notes)
            text += "  " + n.created_at + "  " + core::sentenceFromNotification(n) + (n.state.empty() ? "" : " (" + n.state + ")") + "\n";
    }
    printText(text);
    return 0;
}

}  // namespace

void addParticleCommands(CLI::App& app, Program& program) {
    auto login = std::make_shared<LoginOptions>();
    CLI::App* cmd = app.add_subcommand("login", "Sign in to Particle with email and password (and the 6-digit code "
                                                "when the account asks for one); saves the token (mode 0600)");
    cmd->add_option("--email", login->email, "Account email")->required()->envname("PARTICLE_EMAIL");
    std::vector<std::string> names;
    for (const auto& l : kLifetimes) names.push_back(l.first);
    cmd->add_option("--lifetime", login->lifetime, "Token lifetime: 15m, 1h, 8h, 1d, 30d, 90d or never")
        ->capture_default_str()
        ->check(CLI::IsMember(names));
    cmd->add_flag("--print-token", login->print_token, "Print the token on stdout instead of saving it");
    cmd->footer("The password is read from the terminal without echo; when stdin is not a terminal, the first\n"
                "line of stdin is the password and the next one the 6-digit code. It is never stored.\n"
                "Examples:\n"
                "  usagedesk login --email you@example.com\n"
                "  usagedesk login --email you@example.com --lifetime 1h\n"
                "  export PARTICLE_ACCESS_TOKEN=$(usagedesk login --email you@example.com --print-token)");
    cmd->callback([&program, login] { program.run = [&program, login] { return runLogin(program.cli, *login); }; });

    auto token_stdin = std::make_shared<bool>(false);
    auto simple = [&](const char* name, const char* help, const char* examples, int (*run)(const Cli&, bool)) {
        CLI::App* sub = app.add_subcommand(name, help);
        sub->add_flag("--token-stdin", *token_stdin, "Read the access token from the first line of stdin");
        sub->footer(examples);
        sub->callback([&program, token_stdin, run] { program.run = [&program, token_stdin, run] { return run(program.cli, *token_stdin); }; });
    };
    simple("logout", "Revoke the access token and remove the saved token file",
           "Examples:\n  usagedesk logout\n  echo \"$TOKEN\" | usagedesk logout --token-stdin", runLogout);
    simple("whoami", "Show the signed-in account and when the token expires",
           "Examples:\n  usagedesk whoami\n  usagedesk --json whoami", runWhoami);
    simple("orgs", "List the organizations you belong to (ids for --org)",
           "Examples:\n  usagedesk orgs\n  usagedesk --json orgs | jq -r '.[].id'", runOrgs);

    auto usage = std::make_shared<UsageOptions>();
    CLI::App* u = app.add_subcommand("usage", "Service agreement, billing period, usage against what is included, "
                                              "and usage notifications");
    u->add_option("--org", usage->org, "Organization id or slug (default: the developer sandbox)");
    u->add_option("--agreement", usage->agreement, "Service agreement id (default: the active one)");
    u->add_flag("--token-stdin", usage->token_stdin, "Read the access token from the first line of stdin");
    u->footer("Examples:\n  usagedesk usage\n  usagedesk usage --org acme-fleet\n  usagedesk --json usage | jq .data_operations");
    u->callback([&program, usage] { program.run = [&program, usage] { return runUsage(program.cli, *usage); }; });
}

}  // namespace ud::cli
