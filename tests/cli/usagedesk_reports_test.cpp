// usagedesk report request / status / wait / download / get against the fake
// Particle cloud: the whole flow, the 3-at-a-time limit, 429 + Retry-After.
#include <cstdio>

#include "cli_fixture.h"
#include "core/particle/particle_errors.h"

namespace ud::cli_test {
namespace {

using Reports = UsagedeskCli;

std::string firstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

TEST_F(Reports, RequestWaitDownloadByteForByte) {
    login();
    RunResult req = run({"report", "request", "--type", "devices"});
    ASSERT_EQ(req.code, 0) << req.err;
    const std::string id = firstLine(req.out);
    ASSERT_FALSE(id.empty());
    EXPECT_EQ(run({"report", "download", id, "-o", home_ + "/early.csv"}).code, 1) << "not ready yet";

    sim_->advanceSeconds(60);  // the fake clock passes the report's ready time
    RunResult wait = run({"report", "wait", id});
    ASSERT_EQ(wait.code, 0) << wait.err;
    EXPECT_NE(wait.out.find("is ready"), std::string::npos) << wait.out;

    RunResult status = run({"report", "status", id});
    ASSERT_EQ(status.code, 0);
    EXPECT_NE(status.out.find("available"), std::string::npos);
    EXPECT_NE(status.out.find("(hidden)"), std::string::npos) << "the link is masked: " << status.out;

    const std::string file = home_ + "/usage.csv";
    RunResult dl = run({"report", "download", id, "-o", file});
    ASSERT_EQ(dl.code, 0) << dl.err;
    const std::string expected = sim_->reportCsv(id);
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(readFile(file), expected);
    RunResult to_stdout = run({"report", "download", id, "-o", "-"});
    EXPECT_EQ(to_stdout.out, expected);
}

TEST_F(Reports, GetRequestsWaitsOnTheScheduleAndDownloads) {
    login();
    sim_->config().ready_after_seconds = 10;  // ready before the first check, 15 s after the request
    const std::string file = home_ + "/got.csv";
    RunResult r = run({"report", "get", "--type", "products", "-o", file});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_GE(r.elapsed_ms, 14500) << "first check 15 s after the request";
    EXPECT_EQ(sim_->count("report_status"), 1);
    const std::string id = r.out.substr(r.out.find("report ") + 7, r.out.find(" to ") - r.out.find("report ") - 7);
    EXPECT_EQ(readFile(file), sim_->reportCsv(id)) << r.out;
}

TEST_F(Reports, AFourthReportIsExplainedBeforeItIsSent) {
    login();
    for (int i = 0; i < 3; ++i) ASSERT_EQ(run({"report", "request"}).code, 0);
    RunResult fourth = run({"report", "request"});
    EXPECT_EQ(fourth.code, 5);
    EXPECT_NE(fourth.err.find(std::string(core::kOutstandingLimitMessage)), std::string::npos) << fourth.err;
    EXPECT_NE(fourth.err.find("nothing was sent"), std::string::npos);
    EXPECT_EQ(sim_->count("create_report"), 3);

    // Without the local records the server refuses it, with the same sentence and code.
    std::remove(stateFile().c_str());
    RunResult refused = run({"report", "request"});
    EXPECT_EQ(refused.code, 5);
    EXPECT_NE(refused.err.find(std::string(core::kOutstandingLimitMessage)), std::string::npos) << refused.err;
    EXPECT_EQ(sim_->count("create_report"), 4);

    // Once one is ready, a new one may be requested.
    sim_->advanceSeconds(60);
    EXPECT_EQ(run({"report", "request"}).code, 0);
}

TEST_F(Reports, WaitHonoursRetryAfterOnA429) {
    login();
    const std::string id = firstLine(run({"report", "request"}).out);
    sim_->advanceSeconds(60);
    rateLimitNextStatusCheck(2);
    RunResult r = run({"report", "wait", id});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_GE(r.elapsed_ms, 1900);
    EXPECT_LT(r.elapsed_ms, 15000) << "Retry-After, not the 60 s fallback";
    EXPECT_EQ(sim_->count("report_status"), 2);
}

TEST_F(Reports, UnknownReportIsNotFoundAndBadDatesAreUsageErrors) {
    login();
    RunResult r = run({"report", "status", "424242"});
    EXPECT_EQ(r.code, 4) << r.err;
    RunResult dates = run({"report", "request", "--from", "2026-02-30", "--to", "2026-03-01"});
    EXPECT_EQ(dates.code, 2);
    EXPECT_NE(dates.err.find("--from"), std::string::npos) << dates.err;
    EXPECT_EQ(sim_->count("create_report"), 0);
}

TEST_F(Reports, RevokedTokenWhileWaitingIsAnAuthenticationError) {
    login();
    const std::string id = firstLine(run({"report", "request"}).out);
    sim_->revokeAllTokens();
    RunResult r = run({"report", "wait", id});
    EXPECT_EQ(r.code, 3) << r.err;
}

}  // namespace
}  // namespace ud::cli_test
