// Group-by: keys (text, date, month, two keys), exact aggregates, totals.
#include <gtest/gtest.h>

#include <map>

#include "core/table/csv_reader.h"
#include "core/table/table_group.h"
#include "core/table/table_view.h"
#include "support/table_helpers.h"

namespace ud::core {
namespace {

using test::allRows;
using test::Rows;
using test::rowsOf;

// 0 date, 1 device, 2 ops (Integer), 3 cost (Decimal, scale 2)
Table usage() {
    return test::tableOf(
        "date,device,ops,cost\n"
        "2024-01-30,b,10,0.10\n"
        "2024-01-31,a,5,0.20\n"
        "2024-02-01,b,7,0.30\n"
        "2024-01-31,b,,0.01\n"
        "2024-02-01,a,3,\n"
        ",a,1,1.00\n");
}

TEST(TableGroup, SumsCountsMinMaxAndMeanPerTextKey) {
    Table t = usage();
    GroupSpec spec;
    spec.keys = {{1, false}};
    spec.aggregates = {{2, Aggregate::Sum}, {2, Aggregate::Count}, {2, Aggregate::Min},
                       {2, Aggregate::Max}, {2, Aggregate::Mean}, {3, Aggregate::Sum}, {3, Aggregate::Mean}};
    Result<GroupedTable> g = groupRows(t, allRows(t), spec);
    ASSERT_TRUE(g.ok());
    EXPECT_EQ(rowsOf(g->groups), (Rows{{"a", "3", "9", "3", "1", "5", "3.00", "1.20", "0.6000"},
                                       {"b", "3", "17", "2", "7", "10", "8.50", "0.41", "0.1367"}}));
    EXPECT_EQ(g->groups.column(2).displayName(), "Sum of ops");
    EXPECT_EQ(g->groups.column(2).type(), ColumnType::Integer);
    EXPECT_EQ(g->groups.column(7).type(), ColumnType::Decimal);
    EXPECT_EQ(rowsOf(g->totals), (Rows{{"Total", "6", "26", "5", "1", "10", "5.20", "1.61", "0.3220"}}));
}

TEST(TableGroup, GroupsByDateWithEmptyKeysLast) {
    Table t = usage();
    GroupSpec spec;
    spec.keys = {{0, false}};
    spec.aggregates = {{2, Aggregate::Sum}};
    Result<GroupedTable> g = groupRows(t, allRows(t), spec);
    ASSERT_TRUE(g.ok());
    EXPECT_EQ(rowsOf(g->groups), (Rows{{"2024-01-30", "1", "10"},
                                       {"2024-01-31", "2", "5"},
                                       {"2024-02-01", "2", "10"},
                                       {"", "1", "1"}}));
    EXPECT_EQ(g->groups.column(0).type(), ColumnType::Date);
}

TEST(TableGroup, GroupsByMonthAndASecondKey) {
    Table t = usage();
    GroupSpec spec;
    spec.keys = {{0, true}, {1, false}};
    spec.aggregates = {{3, Aggregate::Sum}};
    Result<GroupedTable> g = groupRows(t, allRows(t), spec);
    ASSERT_TRUE(g.ok());
    EXPECT_EQ(rowsOf(g->groups), (Rows{{"2024-01", "a", "1", "0.20"},
                                       {"2024-01", "b", "2", "0.11"},
                                       {"2024-02", "a", "1", ""},
                                       {"2024-02", "b", "1", "0.30"},
                                       {"", "a", "1", "1.00"}}));
    EXPECT_EQ(g->groups.column(0).displayName(), "Date (month)");
}

TEST(TableGroup, GroupsOnlyTheGivenRows) {
    Table t = usage();
    GroupSpec spec;
    spec.keys = {{1, false}};
    spec.aggregates = {{2, Aggregate::Sum}};
    std::vector<std::uint32_t> rows{0, 2};
    Result<GroupedTable> g = groupRows(t, rows, spec);
    ASSERT_TRUE(g.ok());
    EXPECT_EQ(rowsOf(g->groups), (Rows{{"b", "2", "17"}}));
    EXPECT_EQ(rowsOf(g->totals), (Rows{{"Total", "2", "17"}}));
}

TEST(TableGroup, SumsAreExactOverManyDecimals) {
    TableBuilder b;
    b.addColumn("k", ColumnType::Text);
    b.addColumn("v", ColumnType::Decimal);
    for (int i = 0; i < 100000; ++i) {
        b.appendText(0, "x");
        b.appendText(1, "0.000000001");  // 1e-9: binary floating point would drift
    }
    b.appendText(0, "x");
    b.appendText(1, "12345678.5");
    Table t = b.finish();
    GroupSpec spec;
    spec.keys = {{0, false}};
    spec.aggregates = {{1, Aggregate::Sum}};
    Result<GroupedTable> g = groupRows(t, allRows(t), spec);
    ASSERT_TRUE(g.ok());
    EXPECT_EQ(*g->groups.column(2).number(0), *Decimal::fromText("12345678.500100000"));
}

// Keys with many distinct or far-apart values take the hashed paths (sparse
// pairs, dates centuries apart); groups must still come out in key order, with
// empty cells last, exactly as sorting the key columns would order them.
TEST(TableGroup, SparseKeysComeOutInKeyOrder) {
    TableBuilder b;
    b.addColumn("a", ColumnType::Integer);
    b.addColumn("b", ColumnType::Decimal);
    b.addColumn("when", ColumnType::Date);
    b.addColumn("v", ColumnType::Integer);
    std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> expected;  // (a, b units) -> sum of v
    for (int i = 0; i < 700; ++i) {
        std::int64_t a = (i * 37) % 350 - 175, units = (i * 101) % 413;
        b.appendInteger(0, a);
        b.appendText(1, std::to_string(units / 100) + "." + std::to_string(units / 10 % 10) + std::to_string(units % 10));
        b.appendText(2, i % 3 == 0 ? "1900-01-01" : i % 3 == 1 ? "2199-12-31" : "");
        b.appendInteger(3, i);
        expected[{a, units}] += i;
    }
    Table t = b.finish();
    GroupSpec pairs;
    pairs.keys = {{0, false}, {1, false}};
    pairs.aggregates = {{3, Aggregate::Sum}};
    Result<GroupedTable> g = groupRows(t, allRows(t), pairs);
    ASSERT_TRUE(g.ok());
    ASSERT_EQ(g->groups.rowCount(), expected.size());
    std::size_t row = 0;
    for (const auto& [key, sum] : expected) {
        EXPECT_EQ(g->groups.column(0).integer(row), key.first) << row;
        EXPECT_EQ(g->groups.column(1).decimalUnits(row), key.second) << row;
        EXPECT_EQ(g->groups.column(3).integer(row), sum) << row;
        ++row;
    }
    GroupSpec dates;
    dates.keys = {{2, false}};
    Result<GroupedTable> d = groupRows(t, allRows(t), dates);
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(rowsOf(d->groups), (Rows{{"1900-01-01", "234"}, {"2199-12-31", "233"}, {"", "233"}}));
    dates.keys = {{2, true}, {0, false}};  // month, then a: 3 x 350 pairs
    Result<GroupedTable> m = groupRows(t, allRows(t), dates);
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->groups.column(0).text(0), "1900-01");
    EXPECT_TRUE(m->groups.column(0).isNull(m->groups.rowCount() - 1));
    for (std::size_t r = 1; r < m->groups.rowCount(); ++r) {
        bool same_month = m->groups.column(0).textCode(r) == m->groups.column(0).textCode(r - 1);
        if (same_month) {
            EXPECT_LT(m->groups.column(1).integer(r - 1), m->groups.column(1).integer(r)) << r;
        }
    }
}

// The result is appended in bulk runs; an empty aggregate cell or a sum past
// int64 in the middle of a run must come out as cell-by-cell appends would.
TEST(TableGroup, EmptyAndOversizedCellsInsideRuns) {
    Result<Table> t = tableFromCsv(
        "k,v\n"
        "d,2\n"
        "b,9000000000000000000\n"
        "a,5\n"
        "c,\n"
        "b,9000000000000000000\n");
    ASSERT_TRUE(t.ok());
    GroupSpec spec;
    spec.keys = {{0, false}};
    spec.aggregates = {{1, Aggregate::Sum}, {1, Aggregate::Min}, {1, Aggregate::Count}};
    Result<GroupedTable> g = groupRows(*t, allRows(*t), spec);
    ASSERT_TRUE(g.ok());
    EXPECT_EQ(rowsOf(g->groups), (Rows{{"a", "1", "5", "5", "1"},
                                       {"b", "2", "18000000000000000000", "9000000000000000000", "2"},
                                       {"c", "1", "", "", "0"},
                                       {"d", "1", "2", "2", "1"}}));
    EXPECT_EQ(g->groups.column(2).type(), ColumnType::Integer);  // wide: the oversized sum stays a number
    EXPECT_TRUE(g->groups.column(2).isWide());
    EXPECT_EQ(g->groups.column(3).type(), ColumnType::Integer);
    EXPECT_EQ(g->groups.column(0).dictionarySize(), 5u);  // the empty cell and a, b, c, d, in key order
    EXPECT_EQ(g->groups.column(0).dictionaryText(1), "a");
    EXPECT_EQ(rowsOf(g->totals), (Rows{{"Total", "5", "18000000000000000007", "2", "4"}}));
}

TEST(TableGroup, RefusesBadSpecs) {
    Table t = usage();
    GroupSpec none;
    EXPECT_EQ(groupRows(t, allRows(t), none).error().kind, ErrorKind::Validation);
    GroupSpec month_of_text;
    month_of_text.keys = {{1, true}};
    EXPECT_FALSE(groupRows(t, allRows(t), month_of_text).ok());
    GroupSpec sum_of_text;
    sum_of_text.keys = {{0, false}};
    sum_of_text.aggregates = {{1, Aggregate::Sum}};
    EXPECT_FALSE(groupRows(t, allRows(t), sum_of_text).ok());
}


// Issue 12: past int64 a sum or mean is the exact value, never a wrapped number.
TEST(TableGroupOverflow, MeanAndSumOfHugeIntegersAreExact) {
    Result<Table> t = tableFromCsv("k,v\na,100000000000000000\na,100000000000000000\nb,9000000000000000000\nb,9000000000000000000\n");
    ASSERT_TRUE(t.ok());
    GroupSpec spec;
    spec.keys = {{0, false}};
    spec.aggregates = {{1, Aggregate::Mean}, {1, Aggregate::Sum}};
    Result<GroupedTable> g = groupRows(*t, allRows(*t), spec);
    ASSERT_TRUE(g.ok());
    Rows rows = rowsOf(g->groups);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(Decimal::fromText(rows[0][2]), Decimal::fromInt(100000000000000000LL)) << rows[0][2];
    EXPECT_EQ(Decimal::fromText(rows[1][2]), Decimal::fromInt(9000000000000000000LL)) << rows[1][2];
    EXPECT_EQ(rows[1][3], "18000000000000000000");
    Rows totals = rowsOf(g->totals);
    EXPECT_EQ(totals[0][3], "18200000000000000000");
    EXPECT_EQ(Decimal::fromText(totals[0][2]), Decimal::fromInt(4550000000000000000LL)) << totals[0][2];
}

// Issue 12: a source column with integers past int64 totals exactly, and such
// a column can be a group key; a sum past what Decimal holds says so.
TEST(TableGroupOverflow, WideSourceColumnsTotalExactly) {
    Result<Table> t = tableFromCsv(
        "k,v\n"
        "a,100000000000000000000\n"
        "b,1\n"
        "a,100000000000000000001\n"
        "b,\n"
        "c,-7\n");
    ASSERT_TRUE(t.ok());
    ASSERT_TRUE(t->column(1).isWide());
    GroupSpec spec;
    spec.keys = {{0, false}};
    spec.aggregates = {{1, Aggregate::Sum}, {1, Aggregate::Min}, {1, Aggregate::Max}, {1, Aggregate::Mean},
                       {1, Aggregate::Count}};
    Result<GroupedTable> g = groupRows(*t, allRows(*t), spec);
    ASSERT_TRUE(g.ok());
    EXPECT_EQ(rowsOf(g->groups),
              (Rows{{"a", "2", "200000000000000000001", "100000000000000000000", "100000000000000000001",
                     "100000000000000000000.50", "2"},
                    {"b", "2", "1", "1", "1", "1.00", "1"},
                    {"c", "1", "-7", "-7", "-7", "-7.00", "1"}}));
    EXPECT_EQ(rowsOf(g->totals), (Rows{{"Total", "5", "199999999999999999995", "-7", "100000000000000000001",
                                         "49999999999999999998.75", "4"}}));
    // Grouped by the wide column itself: one group per value, empty last.
    GroupSpec by_value;
    by_value.keys = {{1, false}};
    Result<GroupedTable> v = groupRows(*t, allRows(*t), by_value);
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(rowsOf(v->groups), (Rows{{"-7", "1"}, {"1", "1"}, {"100000000000000000000", "1"},
                                       {"100000000000000000001", "1"}, {"", "1"}}));
    // Past 10^27 a sum is too large to total exactly, never a wrapped number.
    std::string csv = "k,v\n";
    for (int i = 0; i < 200; ++i) csv += "a,999999999999999999999999999\n";
    Result<Table> big = tableFromCsv(csv);
    ASSERT_TRUE(big.ok());
    GroupSpec sum;
    sum.keys = {{0, false}};
    sum.aggregates = {{1, Aggregate::Sum}};
    Result<GroupedTable> s = groupRows(*big, allRows(*big), sum);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(rowsOf(s->groups)[0][2], kTooLargeText);
}

}  // namespace
}  // namespace ud::core
