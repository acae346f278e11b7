// What every usagedesk command shares: the global options, the documented
// exit codes, one-line errors on stderr, HTTP through the native transport
// (honouring HTTPS_PROXY / NO_PROXY), and progress that is shown only when
// stderr is a terminal. Commands print data on stdout, nothing else.
#pragma once

#include <string>
#include <string_view>

#include "core/base/http.h"
#include "core/base/result.h"
#include "platform/native/http_proxy.h"

namespace ud::cli {

// Documented in the README ("Command line") and in `usagedesk --help`.
enum class Exit : int {
    Ok = 0,
    Failed = 1,    // anything else: a report that failed or expired, a file that could not be written
    Usage = 2,     // bad arguments or input; nothing was sent
    Auth = 3,      // no token, token invalid/revoked/expired, wrong password or code, not permitted
    NotFound = 4,  // the report, subscription or organization does not exist
    Limit = 5,     // 3 reports already being prepared, or rate limited after the retries
    Network = 6,   // no answer: refused, DNS, timeout
    Server = 7,    // the server failed (5xx) or sent an answer that cannot be read
};

inline constexpr const char* kExitCodesHelp =
    "Exit codes: 0 ok, 1 failed (report failed or expired, file not written), 2 usage error,\n"
    "3 authentication (no or invalid token, wrong password or code, not permitted), 4 not found,\n"
    "5 limit reached (3 reports being prepared, rate limited), 6 network, 7 server error.";

struct Cli {
    std::string particle_api = "https://api.particle.io";  // --api
    bool json = false;                                      // --json
    bool quiet = false;                                     // --quiet: no progress even on a terminal
    platform::ProxyEnvironment proxies;

    bool progressShown() const;  // stderr is a terminal and not --quiet
};

// Prints "usagedesk: <message>" on stderr (one line) and returns the code.
int fail(Exit code, std::string_view message);
// The exit code a core error stands for.
Exit exitFromError(const core::Error& error);
int failWith(const core::Error& error);
void warn(std::string_view message);  // "usagedesk: warning: ..." on stderr

// One blocking request through the proxy the environment names.
core::HttpResponse send(const Cli& cli, core::HttpRequest request);
// A no-answer response as a sentence for a terminal ("could not reach host: ...").
std::string networkSentence(const core::HttpResponse& response, std::string_view url);

core::Timestamp nowMs();
// Sleeps until `at` (wall clock). While it waits and progress is shown,
// `label` + " in N s" is redrawn once a second on stderr.
void sleepUntil(const Cli& cli, core::Timestamp at, std::string_view label);
void progressLine(const Cli& cli, std::string_view text);  // one redrawn line on stderr
void progressDone(const Cli& cli);                         // ends that line

}  // namespace ud::cli
