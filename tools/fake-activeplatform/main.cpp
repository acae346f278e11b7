// fake-activeplatform: the simulated ActivePlatform (core/activeplatform_sim.h)
// served over real HTTP on 127.0.0.1 for end-to-end and browser tests.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <thread>

#include "sim/activeplatform_sim.h"
#include "sim/native/fake_http_server.h"

namespace {

std::atomic<bool> g_stop{false};  // set by SIGINT/SIGTERM; the only way a signal may talk to us

void onSignal(int) { g_stop = true; }

constexpr const char* kUsage =
    "usage: fake-activeplatform [--port N] [--prefix /ap] [--preset small|large|empty|mixed|demo]\n"
    "\n"
    "Serves a simulated ActivePlatform API (GET /api/v3/analytics_daily) on 127.0.0.1.\n"
    "  --port N       port to listen on (default 9201; 0 = any free port)\n"
    "  --prefix P     serve under a path prefix, like a same-origin proxy (default none)\n"
    "  --preset NAME  data set (default small)\n"
    "Tokens: demo-manager-token, test-manager-token (reseller 1001), other-reseller-token (2002).\n"
    "Subscriptions: 70112 (EUR), 70113 (USD), 70114 (not pay-as-you-go), 80001 (reseller 2002).\n"
    "Control (fake only, GET or POST): <prefix>/__fake/reset | preset?name= | fault?kind=&count=&status= |\n"
    "  config?cors=off&... | requests | counts. See src/sim/activeplatform_sim.h.\n";

}  // namespace

int main(int argc, char** argv) {
    int port = 9201;
    std::string prefix;
    ud::core::SimPreset preset = ud::core::SimPreset::Small;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        bool has_value = i + 1 < argc;
        if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (arg == "--port" && has_value) {
            port = std::atoi(argv[++i]);
        } else if (arg == "--prefix" && has_value) {
            prefix = argv[++i];
        } else if (arg == "--preset" && has_value) {
            auto p = ud::core::simPresetFromName(argv[++i]);
            if (!p) {
                std::fprintf(stderr, "unknown preset '%s'\n%s", argv[i], kUsage);
                return 2;
            }
            preset = *p;
        } else {
            std::fprintf(stderr, "unknown or incomplete argument '%s'\n%s", argv[i], kUsage);
            return 2;
        }
    }

    ud::core::ActivePlatformSim sim(preset, prefix);
    ud::sim::FakeHttpServer server(
        [&sim](const ud::core::HttpRequest& r, ud::core::Timestamp now) { return sim.handle(r, now); });
    auto bound = server.start(port);
    if (!bound) {
        std::fprintf(stderr, "fake-activeplatform: %s\n", bound.error().message.c_str());
        return 1;
    }
    while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
    std::printf("fake-activeplatform: serving preset '%s' at %s%s\n", ud::core::nameFromSimPreset(preset),
                server.baseUrl().c_str(), prefix.c_str());
    std::fflush(stdout);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    server.stop();
    return 0;
}
