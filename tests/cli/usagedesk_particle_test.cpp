// usagedesk login / logout / whoami / orgs / usage against the fake Particle cloud.
#include <sys/stat.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "core/particle/particle_errors.h"

namespace ud::cli_test {
namespace {

using Particle = UsagedeskCli;

TEST_F(Particle, LoginSavesTheTokenInA0600FileAndPrintsNoSecret) {
    RunResult r = run({"login", "--email", "user@example.com"}, "secret\n");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("Signed in as user@example.com"), std::string::npos) << r.out;
    const std::string token = savedToken();
    ASSERT_FALSE(token.empty());
    EXPECT_EQ(r.out.find(token), std::string::npos);
    EXPECT_EQ(r.err.find(token), std::string::npos);
    struct stat st {};
    ASSERT_EQ(stat(tokenFile().c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(sim_->count("token"), 1);
}

TEST_F(Particle, LoginWithTwoStepVerificationReadsTheCodeFromTheNextStdinLine) {
    RunResult r = run({"login", "--email", "mfa@example.com", "--lifetime", "1h"}, "secret\n123456\n");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("mfa@example.com"), std::string::npos);
    EXPECT_NE(r.out.find("expires in 1 h"), std::string::npos) << r.out;
    EXPECT_EQ(sim_->count("token"), 2);  // password step, then the code
}

TEST_F(Particle, WrongCodeOrPasswordIsAnAuthenticationError) {
    RunResult code = run({"login", "--email", "mfa@example.com"}, "secret\n000000\n");
    EXPECT_EQ(code.code, 3);
    EXPECT_NE(code.err.find(std::string(core::kWrongOtpMessage)), std::string::npos) << code.err;
    RunResult missing = run({"login", "--email", "mfa@example.com"}, "secret\n");
    EXPECT_EQ(missing.code, 3) << missing.err;
    RunResult password = run({"login", "--email", "user@example.com"}, "wrong\n");
    EXPECT_EQ(password.code, 3);
    EXPECT_NE(password.err.find(std::string(core::kWrongPasswordMessage)), std::string::npos) << password.err;
    EXPECT_EQ(std::count(password.err.begin(), password.err.end(), '\n'), 1) << "one line on stderr";
    struct stat st {};
    EXPECT_NE(stat(tokenFile().c_str(), &st), 0) << "no token file after failed logins";
}

TEST_F(Particle, WhoamiOrgsAndUsage) {
    login();
    RunResult who = run({"whoami"});
    ASSERT_EQ(who.code, 0) << who.err;
    EXPECT_NE(who.out.find("user@example.com"), std::string::npos);

    RunResult orgs = run({"--json", "orgs"});
    ASSERT_EQ(orgs.code, 0) << orgs.err;
    auto list = nlohmann::json::parse(orgs.out, nullptr, false);
    ASSERT_TRUE(list.is_array()) << orgs.out;
    ASSERT_EQ(list.size(), 2u);
    RunResult table = run({"orgs"});
    EXPECT_NE(table.out.find(list[0]["slug"].get<std::string>()), std::string::npos) << table.out;

    RunResult usage = run({"usage"});
    ASSERT_EQ(usage.code, 0) << usage.err;
    EXPECT_NE(usage.out.find("Billing period"), std::string::npos) << usage.out;
    EXPECT_NE(usage.out.find("Data operations"), std::string::npos);
    EXPECT_NE(usage.out.find(" %)"), std::string::npos);
    RunResult org_usage = run({"--json", "usage", "--org", list[0]["id"].get<std::string>()});
    ASSERT_EQ(org_usage.code, 0) << org_usage.err;
    auto doc = nlohmann::json::parse(org_usage.out, nullptr, false);
    ASSERT_TRUE(doc.is_object()) << org_usage.out;
    EXPECT_TRUE(doc["data_operations"]["used"].is_number());
    EXPECT_TRUE(doc["notifications"].is_array());
}

TEST_F(Particle, ARevokedTokenIsAnAuthenticationErrorThatSaysHowToSignIn) {
    login();
    sim_->revokeAllTokens();
    RunResult r = run({"whoami"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("usagedesk login"), std::string::npos) << r.err;
}

TEST_F(Particle, NoTokenAtAllIsAnAuthenticationError) {
    RunResult r = run({"orgs"});
    EXPECT_EQ(r.code, 3);
    EXPECT_NE(r.err.find("PARTICLE_ACCESS_TOKEN"), std::string::npos) << r.err;
    EXPECT_EQ(sim_->count("orgs"), 0);
}

TEST_F(Particle, TokenFromTheEnvironmentOrStdin) {
    const std::string token = sim_->issueToken("solo@example.com", 0, sim::wallClockNow());
    RunResult env = run({"whoami"}, "", {"PARTICLE_ACCESS_TOKEN=" + token});
    ASSERT_EQ(env.code, 0) << env.err;
    EXPECT_NE(env.out.find("solo@example.com"), std::string::npos);
    RunResult in = run({"orgs", "--token-stdin"}, token + "\n");
    ASSERT_EQ(in.code, 0) << in.err;
    EXPECT_NE(in.out.find("only the developer sandbox"), std::string::npos) << in.out;
}

TEST_F(Particle, LogoutRevokesTheTokenAndRemovesTheFile) {
    login();
    RunResult r = run({"logout"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(sim_->count("revoke"), 1);
    struct stat st {};
    EXPECT_NE(stat(tokenFile().c_str(), &st), 0);
    EXPECT_EQ(run({"whoami"}).code, 3);
}

TEST_F(Particle, NetworkAndUsageErrorsHaveTheirExitCodes) {
    EXPECT_EQ(runPlain({"--api", "http://127.0.0.1:1", "whoami"}, "", {"PARTICLE_ACCESS_TOKEN=x"}).code, 6);
    EXPECT_EQ(run({"report", "frobnicate"}).code, 2);
    EXPECT_EQ(run({"login"}).code, 2);  // --email is required
    RunResult help = run({"report", "get", "--help"});
    EXPECT_EQ(help.code, 0);
    EXPECT_NE(help.out.find("Examples:"), std::string::npos);
}

}  // namespace
}  // namespace ud::cli_test
