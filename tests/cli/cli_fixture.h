// The real usagedesk binary against the fake Particle cloud (API and download
// origins) and the fake ActivePlatform, all on 127.0.0.1, with a fresh HOME
// (XDG config and state folders inside it) per test. Every run's arguments,
// stdout and stderr are kept so the secrets test can search them.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "sim/native/fake_http_server.h"
#include "sim/activeplatform_sim.h"
#include "sim/particle_sim.h"

namespace ud::cli_test {

class UsagedeskCli : public ::testing::Test {
public:
    static std::string readFile(const std::string& path);

protected:
    void SetUp() override;
    void TearDown() override;

    // usagedesk --api <fake> <args...>; `env` adds variables (NAME=value).
    RunResult run(std::vector<std::string> args, const std::string& input = "", std::vector<std::string> env = {});
    // The same without --api (ActivePlatform, csv).
    RunResult runPlain(std::vector<std::string> args, const std::string& input = "", std::vector<std::string> env = {});
    // usagedesk --api <fake> <args...> on a terminal (see runOnTerminal).
    RunResult runTerminal(std::vector<std::string> args, const std::vector<TerminalStep>& script);
    // The next report status check answers 429 with Retry-After: `seconds`.
    void rateLimitNextStatusCheck(int seconds);
    std::string login(const std::string& email = "user@example.com", const std::string& input = "secret\n");

    std::string tokenFile() const { return home_ + "/config/usagedesk/particle-token"; }
    std::string stateFile() const { return home_ + "/state/usagedesk/particle-reports.json"; }
    std::string savedToken() const;  // the token file's content without the line end
    std::string apBase() const { return ap_server_->baseUrl(); }
    static std::string fixture(const std::string& relative);  // tests/fixtures/<relative>
    // GET/POST on a fake's control endpoint.
    std::string control(const std::string& base, const std::string& method, const std::string& path);

    std::unique_ptr<core::ParticleSim> sim_;
    std::unique_ptr<sim::FakeHttpServer> downloads_, api_;
    std::unique_ptr<core::ActivePlatformSim> ap_;
    std::unique_ptr<sim::FakeHttpServer> ap_server_;
    std::vector<std::string> environment(std::vector<std::string> env) const;

    std::string base_;
    std::string home_;
    std::vector<std::vector<std::string>> all_args_;
    std::vector<RunResult> all_runs_;
};

}  // namespace ud::cli_test
