// TableBuilder: typed appends, text cells parsed by column type, widening
// without loss, dictionary-coded text, nulls and exact cell text.
#include <gtest/gtest.h>

#include "core/table/cell_text.h"
#include "core/table/table.h"

namespace ud::core {
namespace {

Table oneColumn(ColumnType type, std::initializer_list<std::string_view> cells) {
    TableBuilder b;
    b.addColumn("c", type);
    for (std::string_view cell : cells) b.appendText(0, cell);
    return b.finish();
}

std::vector<std::string> cellTexts(const Column& c) {
    std::vector<std::string> out;
    for (std::size_t r = 0; r < c.size(); ++r) out.push_back(c.cellText(r));
    return out;
}

TEST(CellText, IntegersAcceptOnlyCanonicalSpelling) {
    std::int64_t v = 0;
    EXPECT_TRUE(integerFromCell("0", v));
    EXPECT_TRUE(integerFromCell("-42", v));
    EXPECT_EQ(v, -42);
    EXPECT_TRUE(integerFromCell("9223372036854775807", v));
    EXPECT_EQ(v, INT64_MAX);
    EXPECT_TRUE(integerFromCell("-9223372036854775808", v));
    EXPECT_EQ(v, INT64_MIN);
    EXPECT_FALSE(integerFromCell("9223372036854775808", v));
    EXPECT_FALSE(integerFromCell("007", v));
    EXPECT_FALSE(integerFromCell("-0", v));
    EXPECT_FALSE(integerFromCell("+5", v));
    EXPECT_FALSE(integerFromCell("1 ", v));
    EXPECT_FALSE(integerFromCell("-", v));
    EXPECT_FALSE(integerFromCell("", v));
}

TEST(CellText, DecimalsKeepScaleAndRefuseLossySpellings) {
    std::int64_t u = 0;
    int s = 0;
    EXPECT_TRUE(decimalFromCell("-12.50", u, s));
    EXPECT_EQ(u, -1250);
    EXPECT_EQ(s, 2);
    EXPECT_TRUE(decimalFromCell("0.000000001", u, s));
    EXPECT_EQ(s, 9);
    EXPECT_FALSE(decimalFromCell("0.0000000001", u, s));  // 10 fraction digits
    EXPECT_FALSE(decimalFromCell("1.", u, s));
    EXPECT_FALSE(decimalFromCell(".5", u, s));
    EXPECT_FALSE(decimalFromCell("01.5", u, s));
    EXPECT_FALSE(decimalFromCell("-0.0", u, s));
    EXPECT_FALSE(decimalFromCell("1.2.3", u, s));
    EXPECT_TRUE(decimalFromCell("1e5", u, s));  // the exponent form is a number (written back as 100000)
    EXPECT_EQ(u, 100000);
    EXPECT_EQ(s, 0);
}

TEST(CellText, ExponentFormIsExactOrRefused) {
    std::int64_t units = 0;
    int scale = 0;
    EXPECT_TRUE(decimalFromCell("9.99999999999999999e17", units, scale));
    EXPECT_EQ(units, 999999999999999999LL);
    EXPECT_EQ(scale, 0);
    EXPECT_FALSE(decimalFromCell("1e18", units, scale));  // 19 digits
    EXPECT_FALSE(decimalFromCell("1e-10", units, scale));  // 10 fraction digits
    EXPECT_TRUE(decimalFromCell("100e-11", units, scale));  // = 1e-9: trailing zeros give way
    EXPECT_EQ(units, 1);
    EXPECT_EQ(scale, 9);
    EXPECT_FALSE(decimalFromCell("-0e0", units, scale));  // its sign would be lost
    EXPECT_FALSE(decimalFromCell("01e2", units, scale));
    EXPECT_FALSE(decimalFromCell("1e1230567230", units, scale));  // a long exponent is refused, not overflowed (fuzz)
    EXPECT_FALSE(decimalFromCell("1e0001", units, scale));
    EXPECT_FALSE(decimalFromCell("1.e2", units, scale));
    EXPECT_FALSE(decimalFromCell("1e2x", units, scale));
    EXPECT_FALSE(decimalFromCell("1e1000", units, scale));
    EXPECT_FALSE(decimalFromCell("1234567890123456789e-5", units, scale));  // 19 digits
}

TEST(CellText, WideNumbersKeepCanonicalSpellingUpTo27Digits) {
    Int128 units = 0;
    int scale = 0;
    EXPECT_TRUE(wideFromCell("123456789012345678901234567", units, scale));
    EXPECT_EQ(scale, 0);
    std::string text;
    appendFixedPoint(text, units, scale, false);
    EXPECT_EQ(text, "123456789012345678901234567");
    EXPECT_FALSE(wideFromCell("1234567890123456789012345678", units, scale));  // 28 digits
    EXPECT_TRUE(wideFromCell("-99999999999999999999.000000001", units, scale));
    EXPECT_EQ(scale, 9);
    text.clear();
    appendFixedPoint(text, units, scale, false);
    EXPECT_EQ(text, "-99999999999999999999.000000001");
    EXPECT_TRUE(wideFromCell("2.5e25", units, scale));  // the exponent form, at its smallest scale
    EXPECT_EQ(scale, 0);
    EXPECT_EQ(units, Int128{25} * 1000000000000000000LL * 1000000);
    EXPECT_FALSE(wideFromCell("1e27", units, scale));
    EXPECT_FALSE(wideFromCell("1e-10", units, scale));
    EXPECT_FALSE(wideFromCell("1.0000000000", units, scale));  // 10 fraction digits would round
    for (std::string_view bad : {"0123456789012345678901", "-0", "+12345678901234567890", "1.", ".5", "1e", "--1", "1 2", ""})
        EXPECT_FALSE(wideFromCell(bad, units, scale)) << bad;
    EXPECT_TRUE(isWideIntegerCell("-12345678901234567890"));
    EXPECT_FALSE(isWideIntegerCell("1.5"));
    text.clear();
    appendFixedPoint(text, Int128{-12345}, 2, true);  // the 128-bit form agrees with the 64-bit one
    EXPECT_EQ(text, "-123.45");
}

TEST(CellText, DatesAreStrictCalendarDays) {
    std::int32_t d = 0;
    EXPECT_TRUE(daysFromCell("1970-01-01", d));
    EXPECT_EQ(d, 0);
    EXPECT_TRUE(daysFromCell("2024-02-29", d));
    EXPECT_EQ(d, daysFromDate(Date{2024, 2, 29}));
    EXPECT_FALSE(daysFromCell("2023-02-29", d));
    EXPECT_FALSE(daysFromCell("2024-13-01", d));
    EXPECT_FALSE(daysFromCell("2024-1-01", d));
    std::string out;
    appendIsoDate(out, daysFromDate(Date{1999, 12, 31}));
    EXPECT_EQ(out, "1999-12-31");
}

TEST(TableBuilder, TextColumnsShareOneDictionaryEntryPerDistinctValue) {
    Table t = oneColumn(ColumnType::Text, {"a", "b", "a", "", "ü✓", "a"});
    const Column& c = t.column(0);
    EXPECT_EQ(c.dictionarySize(), 4u);  // "", a, b, ü✓
    EXPECT_EQ(c.textCode(0), c.textCode(2));
    EXPECT_TRUE(c.isNull(3));
    EXPECT_EQ(cellTexts(c), (std::vector<std::string>{"a", "b", "a", "", "ü✓", "a"}));
}

TEST(TableBuilder, DictionarySurvivesManyDistinctValues) {
    TableBuilder b;
    b.addColumn("id", ColumnType::Text);
    for (int i = 0; i < 50000; ++i) b.appendText(0, "dev" + std::to_string(i % 20000));
    Table t = b.finish();
    EXPECT_EQ(t.column(0).dictionarySize(), 20001u);
    EXPECT_EQ(t.column(0).text(49999), "dev9999");
    EXPECT_EQ(t.column(0).textCode(5), t.column(0).textCode(20005));
}

TEST(TableBuilder, ValuesInARepeatingOrderOrBreakingItKeepTheirCodes) {
    // The builder tries the code that followed the previous one last time
    // before hashing: cycles, repeats, broken cycles and near-equal texts
    // (same first word, one byte or one length apart) must all map right.
    std::vector<std::string> values = {"Virtual Machines: B4ms", "Virtual Machines: B4mt", "Virtual Machines: B4m",
                                       "Storage", "Storage", "x", "", "Virtual Machines: B4ms"};
    TableBuilder b;
    b.addColumn("c", ColumnType::Text);
    std::vector<std::string> sent;
    for (int round = 0; round < 3; ++round)
        for (std::size_t i = 0; i < values.size(); ++i) {
            const std::string& v = values[(i + (round == 2 ? 3 : 0)) % values.size()];  // the last round shifts the cycle
            b.appendText(0, v);
            sent.push_back(v);
        }
    Table t = b.finish();
    const Column& c = t.column(0);
    EXPECT_EQ(cellTexts(c), sent);
    EXPECT_EQ(c.dictionarySize(), 6u);  // "", the three machines, Storage, x
    EXPECT_EQ(c.textCode(0), c.textCode(7));
    EXPECT_NE(c.textCode(0), c.textCode(1));
    EXPECT_NE(c.textCode(0), c.textCode(2));
}

TEST(TableBuilder, CodesPastTheHintedRangeStillMapRight) {
    TableBuilder b;
    b.addColumn("id", ColumnType::Text);
    constexpr int kDistinct = 70000;  // more distinct values than the builder keeps successors for
    for (int round = 0; round < 2; ++round)
        for (int i = 0; i < kDistinct; ++i) b.appendText(0, "device-" + std::to_string(i));
    Table t = b.finish();
    const Column& c = t.column(0);
    EXPECT_EQ(c.dictionarySize(), kDistinct + 1u);
    for (int i : {0, 1, 65535, 65536, 65537, kDistinct - 1}) {
        EXPECT_EQ(c.textCode(i), c.textCode(kDistinct + i)) << i;
        EXPECT_EQ(c.text(kDistinct + i), "device-" + std::to_string(i));
    }
}

TEST(TableBuilder, IntegerColumnWidensToDecimalExactly) {
    Table t = oneColumn(ColumnType::Integer, {"5", "", "-3", "2.25"});
    const Column& c = t.column(0);
    EXPECT_EQ(c.type(), ColumnType::Decimal);
    EXPECT_EQ(c.decimalScale(), 2);
    EXPECT_EQ(*c.number(0), Decimal::fromInt(5));
    EXPECT_TRUE(c.isNull(1));
    EXPECT_EQ(*c.number(3), *Decimal::fromText("2.25"));
    EXPECT_EQ(cellTexts(c), (std::vector<std::string>{"5", "", "-3", "2.25"}));
}

TEST(TableBuilder, DecimalColumnWithUniformScaleWritesItsZeros) {
    Table t = oneColumn(ColumnType::Decimal, {"1.50", "2.00", "-0.25"});
    EXPECT_EQ(cellTexts(t.column(0)), (std::vector<std::string>{"1.50", "2.00", "-0.25"}));
    Table mixed = oneColumn(ColumnType::Decimal, {"1.5", "0.125", "7"});
    EXPECT_EQ(cellTexts(mixed.column(0)), (std::vector<std::string>{"1.5", "0.125", "7"}));
}

TEST(TableBuilder, ColumnsWidenToTextWithoutLosingCells) {
    Table t = oneColumn(ColumnType::Integer, {"1", "", "1.5", "n/a", "007"});
    EXPECT_EQ(t.column(0).type(), ColumnType::Text);
    EXPECT_EQ(cellTexts(t.column(0)), (std::vector<std::string>{"1", "", "1.5", "n/a", "007"}));
    Table d = oneColumn(ColumnType::Date, {"2024-01-31", "", "2024-02-30"});
    EXPECT_EQ(d.column(0).type(), ColumnType::Text);
    EXPECT_EQ(cellTexts(d.column(0)), (std::vector<std::string>{"2024-01-31", "", "2024-02-30"}));
    EXPECT_TRUE(d.column(0).isNull(1));
}

TEST(TableBuilder, DecimalThatOverflowsInt64AtColumnScaleGoesWide) {
    Table t = oneColumn(ColumnType::Decimal, {"0.000000001", "123456789012.5"});
    EXPECT_EQ(t.column(0).type(), ColumnType::Decimal);
    EXPECT_TRUE(t.column(0).isWide());
    EXPECT_EQ(cellTexts(t.column(0)), (std::vector<std::string>{"0.000000001", "123456789012.5"}));
    EXPECT_EQ(*t.column(0).number(1), *Decimal::fromText("123456789012.5"));
}

// Issue 12: integers longer than int64 are numbers that total exactly, up to
// 27 digits before the point; past that the column is text and says why.
TEST(TableBuilder, WideIntegersAndDecimalsStayNumbers) {
    Table t = oneColumn(ColumnType::Integer, {"1", "", "123456789012345678901234567", "-99999999999999999999"});
    const Column& c = t.column(0);
    EXPECT_EQ(c.type(), ColumnType::Integer);
    EXPECT_TRUE(c.isWide());
    EXPECT_TRUE(c.isNull(1));
    EXPECT_EQ(cellTexts(c), (std::vector<std::string>{"1", "", "123456789012345678901234567", "-99999999999999999999"}));
    EXPECT_EQ(c.displayText(2), "123,456,789,012,345,678,901,234,567");
    EXPECT_EQ(*c.number(2), *Decimal::fromText("123456789012345678901234567"));
    // A fraction after wide integers: the column becomes a wide decimal, every cell exact.
    Table d = oneColumn(ColumnType::Integer, {"20000000000000000000", "0.25", "3"});
    EXPECT_EQ(d.column(0).type(), ColumnType::Decimal);
    EXPECT_EQ(cellTexts(d.column(0)), (std::vector<std::string>{"20000000000000000000", "0.25", "3"}));
    EXPECT_EQ(*d.column(0).number(0), *Decimal::fromText("20000000000000000000"));
    // 28 digits: too long to total exactly, so text (no cell changed).
    Table x = oneColumn(ColumnType::Integer, {"1", "1234567890123456789012345678"});
    EXPECT_EQ(x.column(0).type(), ColumnType::Text);
    EXPECT_EQ(cellTexts(x.column(0)), (std::vector<std::string>{"1", "1234567890123456789012345678"}));
    // Leading zeros and "-0" stay text, as for short numbers.
    EXPECT_EQ(oneColumn(ColumnType::Integer, {"00000000000000000000001"}).column(0).type(), ColumnType::Text);
}

TEST(TableBuilder, WideColumnsCopyAndWidenToTextWithoutLoss) {
    Table t = oneColumn(ColumnType::Integer, {"5", "30000000000000000000", ""});
    ColumnBuilder copy("copy", ColumnType::Integer);
    std::vector<std::uint32_t> rows{2, 1, 0};
    copy.appendRows(t.column(0), rows);
    Column c = copy.finish(3);
    EXPECT_TRUE(c.isWide());
    EXPECT_EQ(cellTexts(c), (std::vector<std::string>{"", "30000000000000000000", "5"}));
    ColumnBuilder b("n", ColumnType::Integer);
    b.appendText("30000000000000000000");
    b.appendText("n/a");
    Column text = b.finish(2);
    EXPECT_EQ(text.type(), ColumnType::Text);
    EXPECT_EQ(cellTexts(text), (std::vector<std::string>{"30000000000000000000", "n/a"}));
}

TEST(TableBuilder, TypedAppendsFromJsonLikeSources) {
    TableBuilder b;
    std::size_t day = b.addColumn("date", ColumnType::Date);
    std::size_t cost = b.addColumn("cost", ColumnType::Decimal);
    std::size_t n = b.addColumn("count", ColumnType::Integer);
    b.appendDate(day, Date{2026, 1, 5});
    b.appendDecimal(cost, *Decimal::fromText("5.0e-05"));
    b.appendInteger(n, 12);
    b.appendDate(day, Date{2026, 1, 6});
    b.appendDecimal(cost, *Decimal::fromText("0.13664"));  // second row; count left short
    Table t = b.finish();
    ASSERT_EQ(t.rowCount(), 2u);
    EXPECT_EQ(t.column(day).cellText(1), "2026-01-06");
    EXPECT_EQ(*t.column(cost).number(0), *Decimal::fromText("0.00005"));
    EXPECT_EQ(t.column(cost).cellText(1), "0.13664");
    EXPECT_TRUE(t.column(n).isNull(1));
    EXPECT_EQ(t.column(n).displayText(0), "12");
}

TEST(TableBuilder, FindColumnIgnoresCaseSpacesAndUnderscores) {
    TableBuilder b;
    b.addColumn("Device ID", ColumnType::Text);
    b.addColumn("data_operations", ColumnType::Integer);
    Table t = b.finish();
    EXPECT_EQ(t.findColumn("device_id"), 0u);
    EXPECT_EQ(t.findColumn("deviceId"), 0u);
    EXPECT_EQ(t.findColumn("DataOperations"), 1u);
    EXPECT_FALSE(t.findColumn("product").has_value());
}

// A column as everything a reader can see of it: type, scale, cells, nulls and
// the dictionary in its order.
std::vector<std::string> observed(const Column& c) {
    std::vector<std::string> out{nameFromColumnType(c.type()), std::to_string(c.decimalScale())};
    for (std::size_t r = 0; r < c.size(); ++r) out.push_back((c.isNull(r) ? "null:" : "") + c.cellText(r));
    for (std::uint32_t code = 0; c.type() == ColumnType::Text && code < c.dictionarySize(); ++code) {
        out.push_back("dict:" + std::string(c.dictionaryText(code)));
    }
    return out;
}

// The typed append each cell asks for, one at a time.
Column appendedCellByCell(ColumnType type, const Column& source, std::span<const std::uint32_t> rows) {
    ColumnBuilder b("c", type);
    for (std::uint32_t r : rows) {
        if (source.isNull(r)) b.appendNull();
        else if (source.type() == ColumnType::Text) b.appendText(source.text(r));
        else if (source.type() == ColumnType::Integer) b.appendInteger(source.integer(r));
        else if (source.type() == ColumnType::Decimal) b.appendUnits(source.decimalUnits(r), source.decimalScale());
        else b.appendDays(source.days(r));
    }
    return b.finish(rows.size());
}

TEST(TableBuilder, AppendRowsMatchesCellByCellAppends) {
    const ColumnType types[] = {ColumnType::Text, ColumnType::Integer, ColumnType::Decimal, ColumnType::Date};
    TableBuilder src;
    for (ColumnType type : types) src.addColumn(nameFromColumnType(type), type);
    const char* cells[][4] = {{"b", "5", "1.50", "2026-01-02"}, {"", "", "", ""},      {"a", "-7", "2", "2026-01-01"},
                              {"b", "9", "0.125", ""},           {"c", "0", "", "2025-12-31"}};
    for (const auto& row : cells)
        for (std::size_t col = 0; col < 4; ++col) src.appendText(col, row[col]);
    Table source = src.finish();
    const std::uint32_t rows[] = {3, 1, 0, 4, 3, 2, 1};
    for (std::size_t col = 0; col < 4; ++col) {
        const Column& c = source.column(col);
        // Into the same type (the fast paths), and into every other type (widening).
        for (ColumnType into : types) {
            ColumnBuilder bulk("c", into);
            bulk.appendRows(c, rows);
            EXPECT_EQ(observed(bulk.finish(std::size(rows))), observed(appendedCellByCell(into, c, rows)))
                << c.name() << " into " << nameFromColumnType(into);
        }
    }
}

TEST(TableBuilder, AppendRowsDictionaryHoldsOnlyTheAppendedValuesInFirstSeenOrder) {
    Table t = oneColumn(ColumnType::Text, {"x", "y", "z", "y", ""});
    ColumnBuilder b("c", ColumnType::Text);
    b.appendText("w");
    const std::uint32_t rows[] = {3, 4, 1, 2};
    b.appendRows(t.column(0), rows);
    Column c = b.finish(5);
    EXPECT_EQ(observed(c), (std::vector<std::string>{"text", "0", "w", "y", "null:", "y", "z", "dict:", "dict:w",
                                                     "dict:y", "dict:z"}));
}

TEST(TableBuilder, AppendUnitsRunMatchesOneByOne) {
    const std::int64_t units[] = {150, -3, 0, 9223372036854775807};
    struct Case {
        ColumnType type;
        std::vector<std::string> before;  // cells appended first
        int scale;
    };
    const Case cases[] = {{ColumnType::Integer, {}, 0},        {ColumnType::Integer, {"4"}, 2},
                          {ColumnType::Integer, {""}, 3},      {ColumnType::Decimal, {"", ""}, 1},
                          {ColumnType::Decimal, {"1.5"}, 1},   {ColumnType::Decimal, {"1.5"}, 3},
                          {ColumnType::Decimal, {"1.525"}, 1}, {ColumnType::Text, {"a"}, 2},
                          {ColumnType::Date, {"2026-01-01"}, 0}};
    for (const Case& k : cases) {
        ColumnBuilder bulk("c", k.type), single("c", k.type);
        for (const std::string& cell : k.before) {
            bulk.appendText(cell);
            single.appendText(cell);
        }
        bulk.appendUnits(units, k.scale);
        for (std::int64_t u : units) single.appendUnits(u, k.scale);
        std::size_t rows = k.before.size() + std::size(units);
        EXPECT_EQ(observed(bulk.finish(rows)), observed(single.finish(rows)))
            << nameFromColumnType(k.type) << " at scale " << k.scale;
    }
}

}  // namespace
}  // namespace ud::core
