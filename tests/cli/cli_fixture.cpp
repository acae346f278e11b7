// Fakes, a throw-away HOME, and the runs of the real binary.
#include "cli_fixture.h"

#include <cstdlib>
#include <filesystem>

#include "fixtures/fixture_files.h"
#include "platform/native/http_transport_native.h"

namespace ud::cli_test {

void UsagedeskCli::SetUp() {
    core::ParticleSimConfig config = core::testParticleSimConfig();
    config.ready_after_seconds = 20;  // ready only when a test moves the fake clock (or waits)
    sim_ = std::make_unique<core::ParticleSim>(config);
    auto handler = sim::serializedHandler([this](const core::HttpRequest& r, core::Timestamp now) { return sim_->handle(r, now); });
    downloads_ = std::make_unique<sim::FakeHttpServer>(handler);
    api_ = std::make_unique<sim::FakeHttpServer>(handler);
    ASSERT_TRUE(downloads_->start(0).ok());
    ASSERT_TRUE(api_->start(0).ok());
    sim_->setDownloadBase(downloads_->baseUrl());
    base_ = api_->baseUrl();
    ap_ = std::make_unique<core::ActivePlatformSim>(core::SimPreset::Small);
    ap_server_ = std::make_unique<sim::FakeHttpServer>(
        sim::serializedHandler([this](const core::HttpRequest& r, core::Timestamp now) { return ap_->handle(r, now); }));
    ASSERT_TRUE(ap_server_->start(0).ok());
    std::string pattern = (std::filesystem::temp_directory_path() / "usagedesk-cli-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    home_ = pattern;
}

void UsagedeskCli::TearDown() {
    api_.reset();
    downloads_.reset();
    ap_server_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(home_, ignored);
}

// Only what the test gives, plus a fresh HOME: nothing leaks in from the machine.
std::vector<std::string> UsagedeskCli::environment(std::vector<std::string> env) const {
    env.push_back("HOME=" + home_);
    env.push_back("XDG_CONFIG_HOME=" + home_ + "/config");
    env.push_back("XDG_STATE_HOME=" + home_ + "/state");
    env.push_back("PATH=/usr/bin:/bin");
    env.push_back("NO_PROXY=127.0.0.1");  // (a test's own NO_PROXY comes first and wins)
    return env;
}

RunResult UsagedeskCli::runTerminal(std::vector<std::string> args, const std::vector<TerminalStep>& script) {
    args.insert(args.begin(), {"--api", base_});
    RunResult r = runOnTerminal(std::string(UD_BINARY_DIR) + "/usagedesk", args, environment({"TERM=dumb"}), script);
    all_args_.push_back(args);
    all_runs_.push_back(r);
    return r;
}

RunResult UsagedeskCli::runPlain(std::vector<std::string> args, const std::string& input, std::vector<std::string> env) {
    RunResult r = runProgram(std::string(UD_BINARY_DIR) + "/usagedesk", args, environment(std::move(env)), input);
    all_args_.push_back(args);
    all_runs_.push_back(r);
    return r;
}

RunResult UsagedeskCli::run(std::vector<std::string> args, const std::string& input, std::vector<std::string> env) {
    args.insert(args.begin(), {"--api", base_});
    return runPlain(std::move(args), input, std::move(env));
}

void UsagedeskCli::rateLimitNextStatusCheck(int seconds) {
    core::ParticleFault fault;
    fault.route = "report_status";
    fault.kind = core::ParticleFaultKind::RateLimited;
    fault.count = 1;
    fault.retry_after_s = seconds;
    sim_->addFault(fault);
}

std::string UsagedeskCli::login(const std::string& email, const std::string& input) {
    RunResult r = run({"login", "--email", email}, input);
    EXPECT_EQ(r.code, 0) << r.err;
    return savedToken();
}

std::string UsagedeskCli::savedToken() const {
    std::string t = readFile(tokenFile());
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r')) t.pop_back();
    return t;
}

std::string UsagedeskCli::readFile(const std::string& path) { return textOfFile(path); }

std::string UsagedeskCli::fixture(const std::string& relative) { return std::string(UD_SOURCE_DIR) + "/tests/fixtures/" + relative; }

std::string UsagedeskCli::control(const std::string& base, const std::string& method, const std::string& path) {
    core::HttpRequest r;
    r.method = method;
    r.url = base + path;
    if (method == "POST") {
        r.body = "{}";
        r.headers = {{"Content-Type", "application/json"}};
    }
    return platform::performHttpRequest(r).body;
}

}  // namespace ud::cli_test
