// No token in the process arguments, stdout, stderr, or any file but the
// 0600 token file (and only when one was asked for), across every command.
#include <sys/stat.h>

#include <filesystem>

#include "cli_fixture.h"

namespace ud::cli_test {
namespace {

using Secrets = UsagedeskCli;

// Every file under `dir` whose bytes contain `secret`.
std::vector<std::string> filesHolding(const std::string& dir, const std::string& secret) {
    std::vector<std::string> hits;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
        if (entry.is_regular_file() && UsagedeskCli::readFile(entry.path().string()).find(secret) != std::string::npos)
            hits.push_back(entry.path().string());
    return hits;
}

TEST_F(Secrets, NoTokenInArgumentsOutputOrFilesButTheTokenFile) {
    const std::string token = login();
    ASSERT_FALSE(token.empty());
    std::string id = run({"report", "request"}).out;
    id = id.substr(0, id.find('\n'));
    sim_->advanceSeconds(60);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"whoami"}, {"--json", "whoami"}, {"orgs"}, {"usage"}, {"--json", "usage"}, {"report", "status", id},
             {"--json", "report", "status", id}, {"report", "wait", id}, {"report", "download", id, "-o", home_ + "/r.csv"}})
        EXPECT_EQ(run(args).code, 0) << args[0];
    sim_->revokeAllTokens();
    EXPECT_EQ(run({"whoami"}).code, 3);  // the error line must not carry it either
    runPlain({"ap", "daily", "--base", apBase(), "--subscription", "70112", "--from", "2024-03-01", "--to", "2024-03-31",
              "--token-stdin", "-o", home_ + "/ap.csv"}, "test-manager-token\n");

    for (std::size_t i = 0; i < all_runs_.size(); ++i) {
        for (const auto& arg : all_args_[i]) {
            EXPECT_EQ(arg.find(token), std::string::npos) << "argument of run " << i;
            EXPECT_EQ(arg.find("test-manager-token"), std::string::npos);
        }
        EXPECT_EQ(all_runs_[i].out.find(token), std::string::npos) << "stdout of run " << i;
        EXPECT_EQ(all_runs_[i].err.find(token), std::string::npos) << "stderr of run " << i;
        EXPECT_EQ(all_runs_[i].err.find("test-manager-token"), std::string::npos);
    }
    EXPECT_EQ(filesHolding(home_, token), std::vector<std::string>{tokenFile()});
    EXPECT_TRUE(filesHolding(home_, "test-manager-token").empty()) << "not saved unless --save-token";
    struct stat st {};
    ASSERT_EQ(stat(tokenFile().c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    for (const auto& r : sim_->recorded()) EXPECT_EQ(r.path.find(token), std::string::npos) << "token in a URL";
}

TEST_F(Secrets, TheTokenIsPrintedOnlyWhenAskedAndThenNoFileIsWritten) {
    RunResult r = run({"login", "--email", "user@example.com", "--print-token"}, "secret\n");
    ASSERT_EQ(r.code, 0) << r.err;
    std::string token = r.out;
    while (!token.empty() && token.back() == '\n') token.pop_back();
    ASSERT_EQ(token.size(), 40u) << r.out;
    EXPECT_EQ(r.err.find(token), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(tokenFile()));
    EXPECT_TRUE(filesHolding(home_, token).empty());

    RunResult saved = runPlain({"ap", "daily", "--base", apBase(), "--subscription", "70112", "--from", "2024-03-01",
                                "--to", "2024-03-02", "--token-stdin", "--save-token"}, "test-manager-token\n");
    ASSERT_EQ(saved.code, 0) << saved.err;
    const std::string ap_file = home_ + "/config/usagedesk/activeplatform-token";
    EXPECT_EQ(filesHolding(home_, "test-manager-token"), std::vector<std::string>{ap_file});
    struct stat st {};
    ASSERT_EQ(stat(ap_file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    EXPECT_EQ(runPlain({"ap", "daily", "--base", apBase(), "--subscription", "70112", "--from", "2024-03-01", "--to",
                        "2024-03-02"}).code, 0) << "the saved token is used";
}

}  // namespace
}  // namespace ud::cli_test
