// CsvReader and CsvTokenizer: RFC 4180 edge cases, chunking, bad rows with
// line numbers, type inference and widening, report roles.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "core/table/column_roles.h"
#include "core/table/csv_reader.h"
#include "support/table_helpers.h"

namespace ud::core {
namespace {

using test::Rows;
using test::rowsOf;

std::vector<std::string> headerOf(const Table& t) {
    std::vector<std::string> names;
    for (const Column& c : t.columns()) names.push_back(c.name());
    return names;
}

Table parse(std::string_view text, CsvReadOptions options = {}, std::vector<CsvIssue>* issues = nullptr) {
    return test::tableOf(text, options, issues);
}

Table parseInChunks(std::string_view text, std::size_t chunk, CsvReadOptions options = {}) {
    CsvReader reader(options);
    for (std::size_t at = 0; at < text.size(); at += chunk) reader.feed(text.substr(at, chunk));
    Result<Table> table = reader.finish();
    EXPECT_TRUE(table.ok());
    return table.ok() ? std::move(table).value() : Table{};
}

TEST(CsvReader, ReadsQuotedFieldsWithDoubledQuotesSeparatorsAndNewlines) {
    Table t = parse("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\n");
    EXPECT_EQ(rowsOf(t), (Rows{{"x,y", "say \"hi\"", "two\nlines"}}));
}

TEST(CsvReader, AcceptsCrLfLfAndLoneCrLineEnds) {
    Table t = parse("a,b\r\n1,2\n3,4\r5,6\r\n");
    EXPECT_EQ(rowsOf(t), (Rows{{"1", "2"}, {"3", "4"}, {"5", "6"}}));
}

TEST(CsvReader, SkipsUtf8BomEvenWhenSplitAcrossChunks) {
    std::string text = "\xEF\xBB\xBFname,n\nx,1\n";
    for (std::size_t chunk : {1u, 2u, 4u, 100u}) {
        Table t = parseInChunks(text, chunk);
        EXPECT_EQ(headerOf(t), (std::vector<std::string>{"name", "n"})) << chunk;
    }
    // Bytes that only start like a BOM are data.
    EXPECT_EQ(headerOf(parse("\xEF\xBBx,y\n")), (std::vector<std::string>{"\xEF\xBBx", "y"}));
}

TEST(CsvReader, KeepsEmptyFieldsAndReadsAMissingFinalNewline) {
    Table t = parse("a,b,c\n,,\n1,,\"\"\n2,3,");
    EXPECT_EQ(rowsOf(t), (Rows{{"", "", ""}, {"1", "", ""}, {"2", "3", ""}}));
}

TEST(CsvReader, SkipsBlankLines) {
    Table t = parse("a,b\n\n1,2\r\n\r\n3,4\n\n");
    EXPECT_EQ(rowsOf(t), (Rows{{"1", "2"}, {"3", "4"}}));
}

TEST(CsvReader, KeepsNonAsciiTextIntact) {
    Table t = parse("név,ciudad\n\"Zoë, 東京\",Ålesund 🚀\n");
    EXPECT_EQ(headerOf(t), (std::vector<std::string>{"név", "ciudad"}));
    EXPECT_EQ(rowsOf(t), (Rows{{"Zoë, 東京", "Ålesund 🚀"}}));
}

TEST(CsvReader, ReadsVeryLongFieldsAcrossChunks) {
    std::string long_plain(3'000'000, 'x');
    std::string long_quoted(1'000'000, ',');
    std::string text = "a,b\n" + long_plain + ",\"" + long_quoted + "\"\nend,1\n";
    Table t = parseInChunks(text, 64 * 1024);
    ASSERT_EQ(t.rowCount(), 2u);
    EXPECT_EQ(t.column(0).text(0), long_plain);
    EXPECT_EQ(t.column(1).text(0), long_quoted);
    EXPECT_EQ(t.column(0).text(1), "end");
}

TEST(CsvReader, GivesTheSameTableForEveryChunkSize) {
    std::string text =
        "\xEF\xBB\xBF" "date,device_id,\"note\",ops\r\n"
        "2024-01-01,0123456789abcdef01234567,\"a \"\"q\"\" b\",12\r\n"
        "2024-01-02,0123456789abcdef01234568,\"multi\r\nline\",-3\r\n"
        "2024-01-03,,plain,\r\n"
        "2024-01-04,0123456789abcdef01234569,\"\",7";
    Rows expected = rowsOf(parse(text));
    ASSERT_EQ(expected.size(), 4u);
    for (std::size_t chunk = 1; chunk <= text.size(); ++chunk) {
        EXPECT_EQ(rowsOf(parseInChunks(text, chunk)), expected) << "chunk size " << chunk;
    }
}

TEST(CsvReader, ReportsRaggedRowsWithLineNumbersAndKeepsThemByDefault) {
    std::vector<CsvIssue> issues;
    Table t = parse("a,b,c\n1,2,3\n4,5\n\"x\ny\",8,9,10\n11,12,13\n", {}, &issues);
    EXPECT_EQ(rowsOf(t), (Rows{{"1", "2", "3"}, {"4", "5", ""}, {"x\ny", "8", "9"}, {"11", "12", "13"}}));
    ASSERT_EQ(issues.size(), 2u);
    EXPECT_EQ(issues[0].kind, CsvIssueKind::RaggedRow);
    EXPECT_EQ(issues[0].line, 3u);
    EXPECT_EQ(issues[0].fields, 2u);
    EXPECT_EQ(issues[1].line, 4u);
    EXPECT_EQ(issues[1].message, "Line 4: 4 fields where the header has 3; extra cells dropped.");
}

TEST(CsvReader, SkipsBadRowsWhenAskedAndKeepsTheRest) {
    CsvReadOptions options;
    options.bad_rows = BadRowPolicy::Skip;
    CsvReader reader(options);
    reader.feed("a,b\n1,2\n3\n4,5\n");
    Result<Table> t = reader.finish();
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(rowsOf(*t), (Rows{{"1", "2"}, {"4", "5"}}));
    EXPECT_EQ(reader.skippedRows(), 1u);
    ASSERT_EQ(reader.issues().size(), 1u);
    EXPECT_FALSE(reader.issues()[0].row_kept);
    EXPECT_EQ(reader.issues()[0].message, "Line 3: 1 field where the header has 2; the row was skipped.");
}

TEST(CsvReader, UnterminatedQuoteLosesOnlyItsOwnRow) {
    std::vector<CsvIssue> issues;
    Table t = parse("a,b\n1,2\n3,\"open\n5,6\n7,8\n", {}, &issues);
    EXPECT_EQ(rowsOf(t), (Rows{{"1", "2"}, {"3", "\"open"}, {"5", "6"}, {"7", "8"}}));
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].kind, CsvIssueKind::UnterminatedQuote);
    EXPECT_EQ(issues[0].line, 3u);
    // Also when the open quote crosses many chunks.
    EXPECT_EQ(rowsOf(parseInChunks("a,b\n1,2\n3,\"open\n5,6\n7,8\n", 3)), rowsOf(t));
}

TEST(CsvReader, LineNumbersCountNewlinesInsideQuotes) {
    std::vector<CsvIssue> issues;
    parse("a,b\n\"1\n\n\",2\n3\n", {}, &issues);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].line, 5u);
}

TEST(CsvReader, KeepsTextAfterAClosingQuoteAndFlagsIt) {
    std::vector<CsvIssue> issues;
    Table t = parse("a,b\n\"ab\"cd,1\nx\"y,2\n", {}, &issues);
    EXPECT_EQ(rowsOf(t), (Rows{{"abcd", "1"}, {"x\"y", "2"}}));  // a mid-field quote is literal
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].kind, CsvIssueKind::StrayQuote);
    EXPECT_EQ(issues[0].line, 2u);
}

TEST(CsvReader, ReportsProgressInBytesAndRows) {
    CsvReader reader;
    reader.feed("a,b\n1,2\n3,");
    EXPECT_EQ(reader.progress().bytes, 10u);
    EXPECT_EQ(reader.progress().rows, 1u);
    reader.feed("4\n");
    EXPECT_EQ(reader.progress().rows, 2u);
}

// The columns are sized once from the sampled rows, whatever the chunks: the
// page feeds 1-16 MB at a time, and a guess from the bytes fed so far (a whole
// chunk past the sample) sized them for a few thousand rows of a million.
TEST(CsvReader, SizesTheColumnsForTheWholeFileFromTheSampledRows) {
    std::string text = "date,device,ops\n";
    for (int i = 0; i < 20000; ++i) text += "2026-11-0" + std::to_string(1 + i % 9) + ",dev-" + std::to_string(i % 300) + "," + std::to_string(i) + "\n";
    for (std::size_t chunk : {text.size(), std::size_t{1} << 16, std::size_t{4096}}) {
        CsvReadOptions options;
        options.expected_bytes = text.size();
        CsvReader reader(options);
        for (std::size_t at = 0; at < text.size(); at += chunk) reader.feed(std::string_view(text).substr(at, chunk));
        ASSERT_TRUE(reader.finish().ok());
        EXPECT_GE(reader.reservedRows(), 20000u) << "chunk " << chunk;
        EXPECT_LE(reader.reservedRows(), 23000u) << "chunk " << chunk;
    }
}

// A file whose first rows are tiny and the rest long does not size its columns
// past the file's own size (a guess of a row per two bytes would take 4x).
TEST(CsvReader, NeverSizesTheColumnsPastTheFilesSize) {
    std::string text = "a\n";
    for (int i = 0; i < 1000; ++i) text += "1\n";
    CsvReadOptions options;
    options.expected_bytes = std::uint64_t{64} << 20;  // as the page would say of a 64 MB file
    CsvReader reader(options);
    reader.feed(text);
    EXPECT_LE(reader.reservedRows() * 8, options.expected_bytes);
    EXPECT_GT(reader.reservedRows(), 0u);
}

TEST(CsvReader, EmptyInputIsAnErrorAndHeaderOnlyIsAnEmptyTable) {
    Result<Table> empty = tableFromCsv("");
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().kind, ErrorKind::Parse);
    Table header_only = parse("a,b\n");
    EXPECT_EQ(header_only.rowCount(), 0u);
    EXPECT_EQ(header_only.columnCount(), 2u);
}

TEST(CsvReader, NamesEmptyAndDuplicateHeaders) {
    EXPECT_EQ(headerOf(parse("a,,a\n1,2,3\n")), (std::vector<std::string>{"a", "Column 2", "a (2)"}));
}

TEST(CsvReader, InfersIntegerDecimalDateAndText) {
    Table t = parse("i,d,day,t,mixed,blank\n1,1.5,2024-01-31,x,1,\n-20,0.25,2024-02-29,y,007,\n");
    EXPECT_EQ(t.column(0).type(), ColumnType::Integer);
    EXPECT_EQ(t.column(1).type(), ColumnType::Decimal);
    EXPECT_EQ(t.column(2).type(), ColumnType::Date);
    EXPECT_EQ(t.column(3).type(), ColumnType::Text);
    EXPECT_EQ(t.column(4).type(), ColumnType::Text);  // "007" would lose its zeros as a number
    EXPECT_EQ(t.column(5).type(), ColumnType::Text);
    EXPECT_EQ(*t.column(1).number(1), *Decimal::fromText("0.25"));
    EXPECT_EQ(t.column(2).days(1), daysFromDate(Date{2024, 2, 29}));
}

TEST(CsvReader, ExponentFormIsANumberThatSumsExactly) {
    Table t = parse("e,big,neg,odd\n1e3,1E+17,-2.5e-2,1e400\n2.5E-2,1.5e17,0.000000001e0,2e\n0.5e1,1,1e-9,.5e1\n");
    ASSERT_EQ(t.column(0).type(), ColumnType::Decimal);
    Decimal sum;
    for (std::size_t r = 0; r < t.rowCount(); ++r) sum += *t.column(0).number(r);
    EXPECT_EQ(sum.toString(), "1005.025");  // 1000 + 0.025 + 5, not via a double
    ASSERT_EQ(t.column(1).type(), ColumnType::Decimal);
    EXPECT_EQ(*t.column(1).number(1), *Decimal::fromText("150000000000000000"));
    ASSERT_EQ(t.column(2).type(), ColumnType::Decimal);
    EXPECT_EQ(*t.column(2).number(0), *Decimal::fromText("-0.025"));
    EXPECT_EQ(*t.column(2).number(2), *Decimal::fromText("0.000000001"));
    EXPECT_EQ(t.column(3).type(), ColumnType::Text);  // too large for 18 digits, a bare "e", no leading digit
}

TEST(CsvReader, ATextColumnSaysWhyItIsText) {
    Table t = parse("zip,code,device_id,n,empty,note\n007,1,42,1,,a\n010,x-1,43,2,,b\n");
    EXPECT_EQ(t.column(0).type(), ColumnType::Text);
    EXPECT_EQ(t.column(0).textReason(), "Read as text: \"007\" (row 1) has a leading zero that a number would lose.");
    EXPECT_EQ(t.column(1).textReason(), "Read as text: \"x-1\" (row 2) is not a number or a date.");
    EXPECT_NE(t.column(2).textReason().find("header names an ID"), std::string::npos);
    EXPECT_EQ(t.column(3).type(), ColumnType::Integer);
    EXPECT_EQ(t.column(3).textReason(), "");
    EXPECT_NE(t.column(4).textReason().find("hold no value"), std::string::npos);
    EXPECT_EQ(t.column(5).textReason(), "Read as text: \"a\" (row 1) is not a number or a date.");
    // A value past the rows types are read from widens the column and says where.
    CsvReadOptions options;
    options.inference_rows = 2;
    Table w = parse("n\n1\n2\n3\n1234567890123456789012345678\n", options);
    EXPECT_EQ(w.column(0).type(), ColumnType::Text);
    EXPECT_EQ(w.column(0).textReason(),
              "Read as text: \"1234567890123456789012345678\" (row 4) is too long to total exactly.");
    // Up to 27 digits a long integer is a number (issue 12), read in the sample or later.
    Table l = parse("n,m\n1,12345678901234567890123\n2,5\n12345678901234567890123,6\n", options);
    EXPECT_EQ(l.column(0).type(), ColumnType::Integer);
    EXPECT_EQ(l.column(1).type(), ColumnType::Integer);
    EXPECT_TRUE(l.column(0).isWide());
    EXPECT_EQ(l.column(0).cellText(2), "12345678901234567890123");
}

TEST(CsvReader, WidensAColumnWhenALaterValueDoesNotFit) {
    CsvReadOptions options;
    options.inference_rows = 2;
    Table t = parse("n,day\n1,2024-01-01\n2,2024-01-02\n3.75,2024-01-03\nlots,soon\n", options);
    EXPECT_EQ(t.column(0).type(), ColumnType::Text);
    EXPECT_EQ(t.column(1).type(), ColumnType::Text);
    EXPECT_EQ(rowsOf(t), (Rows{{"1", "2024-01-01"}, {"2", "2024-01-02"}, {"3.75", "2024-01-03"}, {"lots", "soon"}}));
    Table d = parse("n\n1\n2\n3.75\n", options);
    EXPECT_EQ(d.column(0).type(), ColumnType::Decimal);
    EXPECT_EQ(*d.column(0).number(2), *Decimal::fromText("3.75"));
}

TEST(CsvReader, FindsParticleRolesFromHeadersAndValues) {
    Table t = parse(
        "Day,Device ID,deviceName,product_id,Product Name,Data Operations,extra\n"
        "2024-03-01,0123456789abcdef01234567,pump-1,12345,Pumps,17,x\n");
    EXPECT_EQ(t.column(0).role(), ColumnRole::Date);
    EXPECT_EQ(t.column(1).role(), ColumnRole::DeviceId);
    EXPECT_EQ(t.column(2).role(), ColumnRole::DeviceName);
    EXPECT_EQ(t.column(3).role(), ColumnRole::ProductId);
    EXPECT_EQ(t.column(4).role(), ColumnRole::ProductName);
    EXPECT_EQ(t.column(5).role(), ColumnRole::Count);
    EXPECT_EQ(t.column(6).role(), ColumnRole::None);
    EXPECT_EQ(t.column(5).displayName(), "Data operations");
    EXPECT_EQ(t.column(6).displayName(), "extra");
    EXPECT_TRUE(reportColumnsFromTable(t).isReport());
}

TEST(CsvReader, FindsDeviceIdsByValueAndKeepsIdHeadersAsText) {
    Table t = parse("when,id,dataops\n2024-03-01,ABCDEF0123456789abcdef01,3\n");
    EXPECT_EQ(t.column(0).role(), ColumnRole::Date);
    EXPECT_EQ(t.column(1).role(), ColumnRole::DeviceId);
    EXPECT_EQ(t.column(2).role(), ColumnRole::Count);
    Table digits = parse("device_id,n\n123456789012345678,1\n");
    EXPECT_EQ(digits.column(0).type(), ColumnType::Text);
}

TEST(CsvReader, ShowsUnknownLayoutsAsARawTable) {
    Table t = parse("x,y\nfoo,1\n");
    EXPECT_FALSE(reportColumnsFromTable(t).isReport());
    EXPECT_EQ(t.column(0).displayName(), "x");
}

TEST(CsvReader, ReadsOtherSeparators) {
    CsvReadOptions options;
    options.separator = ';';
    EXPECT_EQ(rowsOf(parse("a;b\n\"1;2\";3\n", options)), (Rows{{"1;2", "3"}}));
}


// Issue 12: one bad line, one issue; hostile files stay linear.
TEST(CsvReaderHostile, AnOpenQuoteInAShortRowIsOneIssue) {
    std::vector<CsvIssue> issues;
    Table t = parse("a,b,c\n1,2,3\n4,\"open\n5,6,7\n", {}, &issues);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].kind, CsvIssueKind::UnterminatedQuote);
    EXPECT_EQ(issues[0].line, 3u);
    EXPECT_EQ(t.rowCount(), 3u);
}

TEST(CsvReaderHostile, AnOpenQuoteBeforeManyRowsCostsOneRowAndOneReread) {
    // Open on line 2, and every later run of quotes is a "" pair, so the quote
    // is still open at the end: one cut, one re-read, linear.
    std::string text = "a,b\n1,\"open\n";
    for (int i = 0; i < 200000; ++i) text += "2,\"\"\"\"\n";
    auto t0 = std::chrono::steady_clock::now();
    std::vector<CsvIssue> issues;
    Table t = parse(text, {}, &issues);
    double open_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ASSERT_EQ(t.rowCount(), 200001u);
    EXPECT_EQ(t.column(1).cellText(0), "\"open");
    EXPECT_EQ(t.column(1).cellText(200000), "\"");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].kind, CsvIssueKind::UnterminatedQuote);
    EXPECT_EQ(issues[0].line, 2u);
    EXPECT_EQ(rowsOf(parseInChunks(text.substr(0, 4000), 7)), rowsOf(parse(text.substr(0, 4000))));
    // The cell and the rows after it keep their bytes: "" pairs are not lost.
    EXPECT_EQ(rowsOf(parse("a,b\n1,\"x\"\"y\n2,\"\"\"\"\n")), (Rows{{"1", "\"x\"\"y"}, {"2", "\""}}));
    std::printf("open quote before 200k rows: %.3f s\n", open_s);
    EXPECT_LT(open_s, 10.0);
}

TEST(CsvReaderHostile, TwentyThousandEqualHeaderNamesAreCheap) {
    std::string header;
    for (int i = 0; i < 20000; ++i) header += i ? ",a" : "a";
    auto t0 = std::chrono::steady_clock::now();
    Table h = parse(header + "\n" + header + "\n");
    double header_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ASSERT_EQ(h.columnCount(), 20000u);
    EXPECT_EQ(h.column(1).name(), "a (2)");
    EXPECT_EQ(h.column(19999).name(), "a (20000)");
    EXPECT_LT(h.memoryBytes(), 20000u * 1024u) << "an almost empty text column must stay small";
    std::printf("20k equal header names: %.3f s, %zu bytes\n", header_s, h.memoryBytes());
    EXPECT_LT(header_s, 5.0);  // the old search per name was cubic here: minutes
}

}  // namespace
}  // namespace ud::core
