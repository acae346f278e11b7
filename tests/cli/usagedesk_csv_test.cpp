// usagedesk csv summary: the same group-by totals as the page's Viewer on the
// same files (tests/fixtures/reports/*.expected.csv are shared with
// tests/app/viewer_summary_test.cpp), exact totals, bad rows with line numbers.
#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "fixtures/report_summary_cases.h"

namespace ud::cli_test {
namespace {

using CsvSummary = UsagedeskCli;

TEST_F(CsvSummary, GroupedCsvIsWhatThePageExportsForTheSameGrouping) {
    for (const auto& c : kReportSummaryCases) {
        std::string keys;
        for (const auto& k : c.keys) keys += (keys.empty() ? "" : ",") + std::string(k.name) + (k.by_month ? ":month" : "");
        RunResult r = runPlain({"csv", "summary", fixture(c.input), "--group-by", keys, "--format", "csv"});
        ASSERT_EQ(r.code, 0) << r.err;
        EXPECT_EQ(r.out, readFile(fixture(c.expected))) << c.input << " by " << keys;
    }
}

TEST_F(CsvSummary, UngroupedTotalsAreExact) {
    RunResult r = runPlain({"--json", "csv", "summary", fixture("viewer/usage_small.csv")});
    ASSERT_EQ(r.code, 0) << r.err;
    auto doc = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_TRUE(doc.is_object()) << r.out;
    EXPECT_EQ(doc["rows"], 6);
    EXPECT_EQ(doc["totals"]["Sum of data_operations"], "147");
    EXPECT_EQ(doc["totals"].size(), 2u) << "product_id is an id, not an amount";
    RunResult text = runPlain({"csv", "summary", fixture("viewer/usage_small.csv")});
    EXPECT_NE(text.out.find("Sum of data_operations"), std::string::npos) << text.out;
}

TEST_F(CsvSummary, BadRowsAreListedWithLineNumbers) {
    RunResult r = runPlain({"csv", "summary", fixture("viewer/usage_ragged.csv"), "--group-by", "device_id"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("line 3"), std::string::npos) << r.err;
    RunResult json = runPlain({"--json", "csv", "summary", fixture("viewer/usage_ragged.csv")});
    auto doc = nlohmann::json::parse(json.out, nullptr, false);
    ASSERT_TRUE(doc.is_object()) << json.out;
    ASSERT_EQ(doc["issues"].size(), 1u);
    EXPECT_EQ(doc["issues"][0]["line"], 3);
}

TEST_F(CsvSummary, UnknownColumnAndMissingFileAreUsageErrors) {
    RunResult column = runPlain({"csv", "summary", fixture("viewer/usage_small.csv"), "--group-by", "nope"});
    EXPECT_EQ(column.code, 2);
    EXPECT_NE(column.err.find("device_id"), std::string::npos) << "names the columns: " << column.err;
    EXPECT_EQ(runPlain({"csv", "summary", home_ + "/missing.csv"}).code, 2);
}

}  // namespace
}  // namespace ud::cli_test
