// ViewerController: chunked CSV loading, issues with keep/skip, sort/filter,
// group-by and export through the recording FileDialogs.
#include <gtest/gtest.h>

#include "app/viewer_fixture.h"

namespace ud::app {
namespace {

using Fixture = ViewerFixture;

constexpr std::string_view kCsv =
    "date,device_id,data_operations\n"
    "2024-01-02,b,5\n"
    "2024-01-01,a,3\n"
    "2024-01-01,b,7\n";

TEST(ViewerController, LoadsChunksThenSortsFiltersGroupsAndExports) {
    Fixture f;
    f.controller.onFileChunk(kCsv.substr(0, 20));
    EXPECT_TRUE(f.state.load.active);
    f.controller.onFileChunk(kCsv.substr(20));
    f.controller.onFileEnd("usage.csv", kCsv.size());
    ASSERT_TRUE(f.state.table.has_value());
    EXPECT_FALSE(f.state.load.active);
    EXPECT_EQ(f.state.table->rowCount(), 3u);
    EXPECT_EQ(f.state.file_name, "usage.csv");

    f.controller.apply(ViewerTableAction{false, SortByColumn{2, false}});
    f.controller.apply(ViewerTableAction{false, SortByColumn{2, false}});  // descending
    EXPECT_EQ(f.state.table->column(2).cellText(f.state.view.rows[0]), "7");
    f.controller.apply(ViewerTableAction{false, SetColumnFilter{2, ">4"}});
    EXPECT_EQ(f.state.view.rows.size(), 2u);

    f.controller.apply(ExportViewCsv{});
    ASSERT_EQ(f.files.saved.size(), 1u);
    EXPECT_EQ(f.files.saved[0].name, "usage-view.csv");
    EXPECT_EQ(f.files.saved[0].bytes, "date,device_id,data_operations\r\n2024-01-01,b,7\r\n2024-01-02,b,5\r\n");

    f.controller.apply(ViewerTableAction{false, SetColumnFilter{2, ""}});
    f.controller.apply(GroupBy{{core::GroupKey{1, false}}, core::Aggregate::Sum});
    ASSERT_TRUE(f.state.group.result.has_value());
    EXPECT_EQ(f.state.group.result->groups.rowCount(), 2u);
    f.controller.apply(ExportViewCsv{});
    ASSERT_EQ(f.files.saved.size(), 2u);
    EXPECT_EQ(f.files.saved[1].bytes, "device_id,Rows,Sum of data_operations\r\na,1,3\r\nb,2,12\r\nTotal,3,15\r\n");

    f.controller.apply(ViewerTableAction{true, CopyRows{0, 1}});
    EXPECT_EQ(f.files.clipboard.substr(0, 10), "Device ID\t");
}

TEST(ViewerController, BadRowsCanBeSkippedAfterLoading) {
    Fixture f;
    std::string_view csv = "a,b\n1,2\n3\n4,5\n";
    f.controller.onFileChunk(csv);
    f.controller.onFileEnd("bad.csv", csv.size());
    ASSERT_TRUE(f.state.table.has_value());
    EXPECT_EQ(f.state.issue_count, 1u);
    EXPECT_EQ(f.state.issues[0].line, 3u);
    EXPECT_EQ(f.state.table->rowCount(), 3u);
    // The text is not kept: the page is asked to send the file again.
    f.controller.apply(SetBadRowPolicy{core::BadRowPolicy::Skip});
    EXPECT_EQ(f.files.resend_requests, 1);
    EXPECT_TRUE(f.controller.onFileStart("bad.csv", csv.size()));
    f.load(csv, "bad.csv");
    EXPECT_EQ(f.state.table->rowCount(), 2u);
    EXPECT_EQ(f.state.skipped_rows, 1u);
    f.controller.apply(SetBadRowPolicy{core::BadRowPolicy::Keep});
    EXPECT_EQ(f.files.resend_requests, 2);
    f.load(csv, "bad.csv");
    EXPECT_EQ(f.state.table->rowCount(), 3u);
}

TEST(ViewerController, DemoReportLoadsOverSeveralTicks) {
    Fixture f;
    f.controller.apply(LoadDemoReport{20000});
    int ticks = 0;
    while (f.state.load.active && ticks < 1000) {
        f.controller.tick();
        ++ticks;
    }
    ASSERT_TRUE(f.state.table.has_value());
    EXPECT_EQ(f.state.table->rowCount(), 20000u);
    EXPECT_GT(ticks, 1);
}

TEST(ViewerController, OpenAsksThePlatformForAPicker) {
    Fixture f;
    f.controller.apply(OpenCsvFile{});
    EXPECT_EQ(f.files.picker_accepts.size(), 1u);
}

}  // namespace
}  // namespace ud::app

namespace ud::app {
namespace {

// Issue 12: the clipboard copy has the export's formula guard; numbers stay numbers.
TEST(ViewerHardening, CopiedRowsAreGuardedLikeTheExport) {
    ViewerFixture f;
    f.load("name,n\n=HYPERLINK(\"x\"),-5\n@SUM(A1),3\nplain,1\n");
    f.controller.apply(ViewerTableAction{false, CopyRows{0, 2}});
    ASSERT_NE(f.files.clipboard.find("\n'=HYPERLINK(\"x\")\t-5\n"), std::string::npos) << f.files.clipboard;
    EXPECT_NE(f.files.clipboard.find("\n'@SUM(A1)\t3\n"), std::string::npos) << f.files.clipboard;
    EXPECT_NE(f.files.clipboard.find("\nplain\t1\n"), std::string::npos) << f.files.clipboard;
}

// A file over the limit is refused before reading, with its size and the limit; the table stays.
TEST(ViewerHardening, TooLargeFileIsRefusedBeforeReading) {
    ViewerFixture f;
    f.load("a\n1\n");
    ASSERT_TRUE(f.state.table.has_value());
    EXPECT_TRUE(f.controller.onFileStart("ok.csv", 1000));
    EXPECT_FALSE(f.controller.onFileStart("huge.csv", 3ull << 30));
    EXPECT_EQ(f.state.load_error, "huge.csv is 3,072 MB; this page opens files up to 2,560 MB. Nothing was read. "
                                  "Split the file or filter it first.");
    EXPECT_TRUE(f.state.table.has_value());
    EXPECT_FALSE(f.state.load.active);
    // Reading stopped half way: the load is dropped, what was shown stays.
    f.controller.onFileChunk("x\n1\n");
    f.controller.onFileAbort("the page ran out of memory");
    EXPECT_FALSE(f.state.load.active);
    EXPECT_NE(f.state.load_error.find("ran out of memory"), std::string::npos);
    EXPECT_EQ(f.state.table->column(0).name(), "a");
}

}  // namespace
}  // namespace ud::app
