// usagedesk ap daily against the fake ActivePlatform: totals equal the fake's
// own expected totals, CSV export, retries on 429 + Retry-After, validation.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "cli_fixture.h"

namespace ud::cli_test {
namespace {

using ActivePlatform = UsagedeskCli;

const std::string kToken = "ACTIVEPLATFORM_API_TOKEN=test-manager-token";

std::vector<std::string> daily(const std::string& base, std::vector<std::string> more) {
    std::vector<std::string> args{"ap", "daily", "--base", base, "--subscription", "70112"};
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

TEST_F(ActivePlatform, DailyTotalsEqualTheFakesExpectedTotals) {
    for (const char* preset : {"small", "mixed"}) {
        control(apBase(), "POST", std::string("/__fake/preset?name=") + preset);
        std::vector<std::string> args = daily(apBase(), {"--from", "2024-03-01", "--to", "2024-05-31"});
        args.insert(args.begin(), "--json");
        RunResult r = runPlain(args, "", {kToken});
        ASSERT_EQ(r.code, 0) << r.err;
        auto got = nlohmann::json::parse(r.out, nullptr, false);
        auto expected = nlohmann::json::parse(
            control(apBase(), "GET", "/__fake/expected_totals?subscription_id=70112&date_from=2024-03-01&date_to=2024-05-31"),
            nullptr, false);
        ASSERT_TRUE(got.is_object()) << r.out;
        ASSERT_TRUE(expected.is_object());
        ASSERT_EQ(got["totals"].size(), expected["currencies"].size()) << preset;
        for (std::size_t i = 0; i < got["totals"].size(); ++i) {
            const auto& g = got["totals"][i];
            const auto& e = expected["currencies"][i];
            EXPECT_EQ(g["currency"], e["currency"]);
            EXPECT_EQ(g["lines"], e["lines"]);
            EXPECT_EQ(g["total"], e["total"]) << preset << " " << g["currency"];
            EXPECT_EQ(g["taxes_total"], e["taxes_total"]);
            EXPECT_EQ(g["discount_amount"], e["discount_amount"]);
        }
    }
}

TEST_F(ActivePlatform, BillingPeriodsAndTheTotalsTable) {
    RunResult r = runPlain(daily(apBase(), {"--period-from", "2024-03", "--period-to", "2024-04"}), "", {kToken});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("EUR"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Category"), std::string::npos);
    ASSERT_FALSE(ap_->requests().empty());
    bool has_period = false, has_date = false;
    for (const auto& [k, v] : ap_->requests().back().query) {
        has_period |= k == "period_from";
        has_date |= k == "date_from";
    }
    EXPECT_TRUE(has_period);
    EXPECT_FALSE(has_date) << "exactly one pair is sent";
}

TEST_F(ActivePlatform, WritesTheItemsAsCsv) {
    const std::string file = home_ + "/expenses.csv";
    RunResult r = runPlain(daily(apBase(), {"--from", "2024-03-01", "--to", "2024-03-31", "-o", file}), "", {kToken});
    ASSERT_EQ(r.code, 0) << r.err;
    const std::string csv = readFile(file);
    EXPECT_EQ(csv.substr(0, 4), "sku,");
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 311) << "header + 310 lines";
}

TEST_F(ActivePlatform, RetriesA429AfterItsRetryAfter) {
    control(apBase(), "POST", "/__fake/fault?kind=status&status=429&retry_after=1&count=1");
    RunResult r = runPlain(daily(apBase(), {"--from", "2024-03-01", "--to", "2024-03-31"}), "", {kToken});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_GE(r.elapsed_ms, 900);
    EXPECT_EQ(ap_->counts().analytics_daily, 2);
}

TEST_F(ActivePlatform, ValidationTokenAndNotFoundHaveTheirExitCodes) {
    RunResult bad_date = runPlain(daily(apBase(), {"--from", "2024-02-30", "--to", "2024-03-31"}), "", {kToken});
    EXPECT_EQ(bad_date.code, 2);
    EXPECT_NE(bad_date.err.find("--from"), std::string::npos) << bad_date.err;
    RunResult both = runPlain(daily(apBase(), {"--from", "2024-03-01", "--to", "2024-03-31", "--period-from", "2024-03",
                                               "--period-to", "2024-03"}), "", {kToken});
    EXPECT_EQ(both.code, 2);
    EXPECT_EQ(ap_->counts().api_requests, 0) << "nothing sent for usage errors";
    RunResult no_token = runPlain(daily(apBase(), {"--from", "2024-03-01", "--to", "2024-03-31"}));
    EXPECT_EQ(no_token.code, 3);
    RunResult wrong = runPlain(daily(apBase(), {"--from", "2024-03-01", "--to", "2024-03-31"}), "",
                               {"ACTIVEPLATFORM_API_TOKEN=nope"});
    EXPECT_EQ(wrong.code, 3) << wrong.err;
    std::vector<std::string> other = daily(apBase(), {"--from", "2024-03-01", "--to", "2024-03-31"});
    other[5] = "80001";  // another reseller's subscription
    EXPECT_EQ(runPlain(other, "", {kToken}).code, 4);
}

}  // namespace
}  // namespace ud::cli_test
