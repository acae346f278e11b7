// The page's group-by on the report fixtures, exported as the Viewer's
// "Export view" saves it, equals the shared expected files that `usagedesk csv
// summary` is checked against too (tests/cli/usagedesk_csv_test.cpp).
#include <gtest/gtest.h>

#include "app/viewer_fixture.h"
#include "fixtures/fixture_files.h"
#include "fixtures/report_summary_cases.h"

namespace ud::app {
namespace {

TEST(ViewerSummary, GroupedExportEqualsTheSharedExpectedFiles) {
    for (const auto& c : kReportSummaryCases) {
        ViewerFixture f;
        f.load(fixtureText(c.input), "report.csv");
        ASSERT_TRUE(f.state.table.has_value()) << c.input;
        std::vector<core::GroupKey> keys;
        for (const auto& k : c.keys) {
            auto column = f.state.table->findColumn(k.name);
            ASSERT_TRUE(column.has_value()) << k.name;
            keys.push_back({*column, k.by_month});
        }
        f.controller.apply(GroupBy{keys, core::Aggregate::Sum});
        f.controller.apply(ExportViewCsv{});
        ASSERT_FALSE(f.files.saved.empty());
        EXPECT_EQ(f.files.saved.back().bytes, fixtureText(c.expected)) << c.input;
    }
}

}  // namespace
}  // namespace ud::app
