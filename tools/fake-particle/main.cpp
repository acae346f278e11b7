// fake-particle: the simulated Particle Cloud (core/particle_sim) served over
// HTTP on 127.0.0.1, with a second port standing in for the storage host that
// serves report CSVs. For browser tests and trying the app by hand.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <chrono>
#include <cstring>
#include <string>
#include <thread>

#include "sim/particle_sim.h"
#include "sim/native/fake_http_server.h"

namespace {

constexpr const char* kUsage = R"(fake-particle: a simulated Particle Cloud on 127.0.0.1

Usage: fake-particle [--port 9101] [--download-port 9102] [--report-ready-after SECONDS]
                     [--demo] [--seed N]

  --port N                API origin (stands in for https://api.particle.io). 0 = any free port.
  --download-port N       Download origin for report CSVs (stands in for the storage host).
  --report-ready-after S  Reports become available S seconds after the request
                          (default: after 2 status reads).
  --demo                  Demo accounts instead of the test ones.
  --seed N                Seed for tokens, download paths and CSV numbers (default 42).

Accounts (test fixture): user@example.com / secret (2 orgs), mfa@example.com / secret
(MFA, code 123456), solo@example.com / secret (no org), sso@example.com (SSO: password refused).
Demo fixture: demo@usagedesk.test / demo, mfa@usagedesk.test / demo (code 123456).

Control endpoint (API origin, fake only):
  POST   /__fake/reset                 forget tokens, reports, faults, counts, clock offset
  POST   /__fake/advance?seconds=N     move the simulated clock forward
  POST   /__fake/fault                 {"route":"create_report","kind":"rate_limit","count":1,
                                        "retry_after":30,"delay_ms":5000}
         kinds: unauthorized forbidden not_found rate_limit server_error unavailable slow
                drop malformed_json wrong_content_type empty_body
         routes: token user token_info revoke orgs agreements create_report report_status
                 notifications download, "*" (every API route) or a path fragment "/v1/..."
  DELETE /__fake/faults                clear faults
  POST   /__fake/config                switches: ready_after_reads, ready_after_seconds, otp,
                                       wrong_otp_400, missing_token_401, limit_as_422, status_key,
                                       processing_state, fail_reports, reject_old_device_reports,
                                       numeric_ids, download_cors, csv_variant
  POST   /__fake/revoke                {"token":"..."} or {"all":true}
  GET    /__fake/counts                requests per route
  GET    /__fake/requests              recorded requests (header names only, never token values)
  GET    /__fake/state                 simulated time and reports
  GET    /__fake/report_csv?id=N       the exact CSV bytes of report N
)";

volatile std::sig_atomic_t g_stop = 0;  // set by the signal handler only
void onSignal(int) { g_stop = 1; }

bool numberArg(int argc, char** argv, int& i, long long& out) {
    if (i + 1 >= argc) return false;
    char* end = nullptr;
    out = std::strtoll(argv[++i], &end, 10);
    return end && *end == '\0';
}

}  // namespace

int main(int argc, char** argv) {
    long long port = 9101, download_port = 9102, ready_after = -1, seed = 42;
    bool demo = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        bool ok = true;
        if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (a == "--port") ok = numberArg(argc, argv, i, port);
        else if (a == "--download-port") ok = numberArg(argc, argv, i, download_port);
        else if (a == "--report-ready-after") ok = numberArg(argc, argv, i, ready_after);
        else if (a == "--seed") ok = numberArg(argc, argv, i, seed);
        else if (a == "--demo") demo = true;
        else ok = false;
        if (!ok) {
            std::fprintf(stderr, "fake-particle: bad argument %s\n\n%s", a.c_str(), kUsage);
            return 2;
        }
    }
    ud::core::ParticleSimConfig config = demo ? ud::core::demoParticleSimConfig() : ud::core::testParticleSimConfig();
    if (ready_after >= 0) config.ready_after_seconds = static_cast<int>(ready_after);
    config.seed = static_cast<std::uint64_t>(seed);

    // Download URLs must name the download port before the server knows it when
    // the port is 0, so bind the download origin first.
    ud::core::ParticleSim sim(config);
    auto handler = ud::sim::serializedHandler(
        [&sim](const ud::core::HttpRequest& r, ud::core::Timestamp now) { return sim.handle(r, now); });
    ud::sim::FakeHttpServer downloads(handler);
    auto dport = downloads.start(static_cast<int>(download_port));
    if (!dport) {
        std::fprintf(stderr, "fake-particle: %s\n", dport.error().message.c_str());
        return 1;
    }
    sim.setDownloadBase(downloads.baseUrl());
    ud::sim::FakeHttpServer api(handler);
    auto aport = api.start(static_cast<int>(port));
    if (!aport) {
        std::fprintf(stderr, "fake-particle: %s\n", aport.error().message.c_str());
        return 1;
    }
    std::printf("fake-particle API:      %s\nfake-particle download: %s\ncontrol:                %s/__fake/\n",
                api.baseUrl().c_str(), downloads.baseUrl().c_str(), api.baseUrl().c_str());
    std::fflush(stdout);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    while (!g_stop) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return 0;
}
