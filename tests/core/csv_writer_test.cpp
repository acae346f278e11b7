// CSV export: quoting, the formula-injection guard, views, and round trips
// through the reader (including the generated report).
#include <gtest/gtest.h>

#include "core/table/csv_reader.h"
#include "core/table/csv_writer.h"
#include "sim/particle_report_csv_generator.h"
#include "core/table/table_view.h"
#include "support/table_helpers.h"

namespace ud::core {
namespace {

Table read(std::string_view text) { return test::tableOf(text); }

CsvWriteOptions lf() {
    CsvWriteOptions o;
    o.line_end = "\n";
    return o;
}

TEST(CsvWriter, GuardsTextCellsThatASpreadsheetWouldRun) {
    EXPECT_TRUE(needsFormulaGuard("=SUM(A1:A2)"));
    EXPECT_TRUE(needsFormulaGuard("+1+cmd|' /C calc'!A0"));
    EXPECT_TRUE(needsFormulaGuard("-2+3"));
    EXPECT_TRUE(needsFormulaGuard("@SUM(1)"));
    EXPECT_TRUE(needsFormulaGuard("\tx"));
    EXPECT_TRUE(needsFormulaGuard("\rx"));
    EXPECT_TRUE(needsFormulaGuard("-"));
    EXPECT_TRUE(needsFormulaGuard("-1e5"));
    EXPECT_FALSE(needsFormulaGuard("-12.5"));  // a plain number is not a formula
    EXPECT_FALSE(needsFormulaGuard("-7"));
    EXPECT_FALSE(needsFormulaGuard("a=b"));
    EXPECT_FALSE(needsFormulaGuard(""));
}

TEST(CsvWriter, WritesGuardedTextButLeavesNumbersAlone) {
    Table t = read("name,amount,note\n=1+2,-12.5,-x\n@me,3.25,\"\t,tab\"\n");
    ASSERT_EQ(t.column(1).type(), ColumnType::Decimal);
    EXPECT_EQ(csvFromTable(t, lf()), "name,amount,note\n'=1+2,-12.5,'-x\n'@me,3.25,\"'\t,tab\"\n");
    CsvWriteOptions raw = lf();
    raw.guard_formulas = false;
    EXPECT_EQ(csvFromTable(t, raw), "name,amount,note\n=1+2,-12.5,-x\n@me,3.25,\"\t,tab\"\n");
}

TEST(CsvWriter, QuotesOnlyWhatNeedsQuotes) {
    Table t = read("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"two\nlines\",plain\n");
    EXPECT_EQ(csvFromTable(t), "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",plain\r\n");
}

TEST(CsvWriter, ExportsAViewsRowsAndColumnsInOrder) {
    Table t = read("a,b,c\n1,x,2024-01-01\n2,y,\n3,z,2024-01-03\n");
    std::vector<std::uint32_t> rows{2, 0};
    std::vector<std::size_t> columns{2, 0};
    EXPECT_EQ(csvFromTable(t, rows, columns, lf()), "c,a\n2024-01-03,3\n2024-01-01,1\n");
    CsvWriteOptions display = lf();
    display.display_names = true;
    t.setDisplayName(0, "Alpha, first");
    EXPECT_EQ(csvFromTable(t, rows, std::vector<std::size_t>{0}, display), "\"Alpha, first\"\n3\n1\n");
}

TEST(CsvWriter, UnmodifiedTableRoundTripsToTheSameBytes) {
    std::string text = "id,n,price,day,name\n1,-5,0.50,2024-02-29,\"Zoë, \"\"the\"\" pump\"\n2,,12.00,,\n3,7,-0.01,1999-12-31,東京\n";
    CsvWriteOptions options = lf();
    options.guard_formulas = false;
    EXPECT_EQ(csvFromTable(read(text), options), text);
}

TEST(ReportCsvGenerator, IsDeterministicAndReadsBackAsAReport) {
    ReportCsvOptions options;
    options.rows = 3000;
    options.seed = 42;
    std::string a = reportCsvFromSeed(options);
    EXPECT_EQ(a, reportCsvFromSeed(options));
    options.seed = 43;
    EXPECT_NE(a, reportCsvFromSeed(options));
    Table t = read(a);
    ASSERT_EQ(t.rowCount(), 3000u);
    EXPECT_EQ(t.column(0).type(), ColumnType::Date);
    EXPECT_EQ(t.column(0).role(), ColumnRole::Date);
    EXPECT_EQ(t.column(1).role(), ColumnRole::DeviceId);
    EXPECT_EQ(t.column(3).type(), ColumnType::Integer);
    EXPECT_EQ(t.column(5).role(), ColumnRole::Count);
    EXPECT_EQ(t.column(1).dictionarySize(), 101u);  // 100 devices + the empty entry
    CsvWriteOptions out = lf();
    EXPECT_EQ(csvFromTable(t, out), a);  // quoting of names with commas and quotes survives
}

}  // namespace
}  // namespace ud::core
