// Exit codes, error lines, HTTP and progress for the usagedesk commands.
#include "cli_context.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "platform/native/http_transport_native.h"

namespace ud::cli {

bool Cli::progressShown() const { return !quiet && isatty(STDERR_FILENO); }

int fail(Exit code, std::string_view message) {
    std::string line(message);
    for (char& c : line)
        if (c == '\n' || c == '\r') c = ' ';
    std::fprintf(stderr, "usagedesk: %s\n", line.c_str());
    return static_cast<int>(code);
}

void warn(std::string_view message) {
    std::fprintf(stderr, "usagedesk: warning: %.*s\n", static_cast<int>(message.size()), message.data());
}

Exit exitFromError(const core::Error& e) {
    switch (e.kind) {
        case core::ErrorKind::Transport:
        case core::ErrorKind::Timeout: return Exit::Network;
        case core::ErrorKind::Parse: return Exit::Server;
        case core::ErrorKind::Validation: return Exit::Usage;
        case core::ErrorKind::Limit: return Exit::Limit;
        case core::ErrorKind::State: return Exit::Auth;
        case core::ErrorKind::Http: break;
    }
    const int s = e.http_status;
    if (s == 401 || s == 403) return Exit::Auth;
    if (s == 404 || s == 410) return Exit::NotFound;
    if (s == 429) return Exit::Limit;
    if (s >= 500) return Exit::Server;
    // The token steps answer 400 for a wrong password or code.
    if (s == 400 && (e.api_error == "invalid_grant" || e.api_error == "invalid_token" ||
                     e.api_error == "invalid_request" || e.api_error == "invalid_client"))
        return Exit::Auth;
    return Exit::Failed;
}

int failWith(const core::Error& error) { return fail(exitFromError(error), error.message); }

core::HttpResponse send(const Cli& cli, core::HttpRequest request) {
    return platform::performHttpRequest(request, &cli.proxies);
}

std::string networkSentence(const core::HttpResponse& response, std::string_view url) {
    const std::string host = core::hostFromUrl(url);
    if (response.transport_error == core::ErrorKind::Timeout) return host + " did not answer in time.";
    return "could not reach " + host + " (" + response.transport_message + ").";
}

core::Timestamp nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void progressLine(const Cli& cli, std::string_view text) {
    if (!cli.progressShown()) return;
    std::fprintf(stderr, "\r\033[K%.*s", static_cast<int>(text.size()), text.data());
    std::fflush(stderr);
}

void progressDone(const Cli& cli) {
    if (!cli.progressShown()) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
}

void sleepUntil(const Cli& cli, core::Timestamp at, std::string_view label) {
    for (core::Timestamp now = nowMs(); now < at; now = nowMs()) {
        const core::Timestamp left = at - now;
        progressLine(cli, std::string(label) + " in " + core::durationText(left));
        // Wake on the second boundary so the countdown ticks evenly.
        const core::Timestamp slice = left % 1000 == 0 ? 1000 : left % 1000;
        std::this_thread::sleep_for(std::chrono::milliseconds(slice));
    }
}

}  // namespace ud::cli
