// Filters, search and multi-key stable sorts over a small typed table.
#include <gtest/gtest.h>

#include "core/table/csv_reader.h"
#include "core/table/table_view.h"
#include "support/table_helpers.h"

namespace ud::core {
namespace {

// Columns: 0 day (Date), 1 name (Text), 2 n (Integer), 3 cost (Decimal).
Table sample() {
    return test::tableOf(
        "day,name,n,cost\n"
        "2024-01-03,beta,5,1.50\n"      // row 0
        "2024-01-01,Alpha,-2,0.25\n"    // row 1
        "2024-02-10,gamma,,-3.00\n"     // row 2
        ",alpha,5,\n"                   // row 3
        "2024-01-01,Beta pump,10,2.00\n"  // row 4
    );
}

std::vector<std::uint32_t> sorted(const Table& t, std::vector<SortKey> keys) {
    std::vector<std::uint32_t> rows = filterRows(t, {}, "");
    sortRows(t, rows, keys);
    return rows;
}

using Rows = std::vector<std::uint32_t>;

TEST(TableView, FiltersTextCaseInsensitively) {
    Table t = sample();
    ColumnFilter f;
    f.column = 1;
    f.contains = "BETA";
    EXPECT_EQ(filterRows(t, std::vector{f}, ""), (Rows{0, 4}));
}

TEST(TableView, FiltersNumericRangesInclusiveAndDropsEmptyCells) {
    Table t = sample();
    ColumnFilter f;
    f.column = 3;
    f.min = *Decimal::fromText("0.25");
    f.max = *Decimal::fromText("1.5");
    EXPECT_EQ(filterRows(t, std::vector{f}, ""), (Rows{0, 1}));
    ColumnFilter g;
    g.column = 2;
    g.min = Decimal::fromInt(0);
    EXPECT_EQ(filterRows(t, std::vector{g}, ""), (Rows{0, 3, 4}));
    g.min = *Decimal::fromText("4.5");  // between integers: rounds inward
    g.max = *Decimal::fromText("5.5");
    EXPECT_EQ(filterRows(t, std::vector{g}, ""), (Rows{0, 3}));
}

TEST(TableView, FiltersDateRangesAndCombinesFilters) {
    Table t = sample();
    ColumnFilter d;
    d.column = 0;
    d.first = Date{2024, 1, 1};
    d.last = Date{2024, 1, 31};
    EXPECT_EQ(filterRows(t, std::vector{d}, ""), (Rows{0, 1, 4}));
    ColumnFilter n;
    n.column = 2;
    n.max = Decimal::fromInt(5);
    EXPECT_EQ(filterRows(t, std::vector{d, n}, ""), (Rows{0, 1}));
    ColumnFilter month;  // contains on a date column matches its ISO text
    month.column = 0;
    month.contains = "2024-02";
    EXPECT_EQ(filterRows(t, std::vector{month}, ""), (Rows{2}));
}

TEST(TableView, SearchLooksAcrossTextColumns) {
    Table t = sample();
    EXPECT_EQ(filterRows(t, {}, "alp"), (Rows{1, 3}));
    EXPECT_EQ(filterRows(t, {}, "pump"), (Rows{4}));
    EXPECT_EQ(filterRows(t, {}, "zzz"), (Rows{}));
}

TEST(TableView, SortsEachTypeWithEmptyCellsLast) {
    Table t = sample();
    EXPECT_EQ(sorted(t, {{0, SortDirection::Ascending}}), (Rows{1, 4, 0, 2, 3}));
    EXPECT_EQ(sorted(t, {{0, SortDirection::Descending}}), (Rows{2, 0, 1, 4, 3}));
    EXPECT_EQ(sorted(t, {{2, SortDirection::Ascending}}), (Rows{1, 0, 3, 4, 2}));
    EXPECT_EQ(sorted(t, {{3, SortDirection::Descending}}), (Rows{4, 0, 1, 2, 3}));
    // Text: case-insensitive first, so "Alpha" and "alpha" sit together.
    EXPECT_EQ(sorted(t, {{1, SortDirection::Ascending}}), (Rows{1, 3, 0, 4, 2}));
}

// Issue 12: a column with integers past int64 sorts and filters by value.
TEST(TableView, WideNumbersSortAndFilterByValue) {
    Table t = test::tableOf(
        "n,x\n"
        "30000000000000000000,a\n"    // row 0
        "-5,b\n"                      // row 1
        ",c\n"                        // row 2
        "29999999999999999999.5,d\n"  // row 3
        "30000000000000000000,e\n");  // row 4
    ASSERT_TRUE(t.column(0).isWide());
    EXPECT_EQ(sorted(t, {{0, SortDirection::Ascending}}), (Rows{1, 3, 0, 4, 2}));
    EXPECT_EQ(sorted(t, {{0, SortDirection::Descending}}), (Rows{0, 4, 3, 1, 2}));
    ColumnFilter f;
    f.column = 0;
    f.min = Decimal::fromText("29999999999999999999.6");
    std::vector<ColumnFilter> filters{f};
    EXPECT_EQ(filterRows(t, filters, ""), (Rows{0, 4}));
    filters[0].min.reset();
    filters[0].max = Decimal::fromInt(0);
    EXPECT_EQ(filterRows(t, filters, ""), (Rows{1}));
    ColumnFilter contains;
    contains.column = 0;
    contains.contains = "99.5";
    EXPECT_EQ(filterRows(t, std::vector<ColumnFilter>{contains}, ""), (Rows{3}));  // the exact digits
}

TEST(TableView, SortIsStableAndUsesSecondKeyForTies) {
    Table t = sample();
    EXPECT_EQ(sorted(t, {{2, SortDirection::Descending}}), (Rows{4, 0, 3, 1, 2}));  // 0 before 3 (both 5)
    EXPECT_EQ(sorted(t, {{2, SortDirection::Descending}, {1, SortDirection::Descending}}), (Rows{4, 0, 3, 1, 2}));
    EXPECT_EQ(sorted(t, {{2, SortDirection::Descending}, {1, SortDirection::Ascending}}), (Rows{4, 3, 0, 1, 2}));
    // Sorting a view keeps ties in the view's order.
    std::vector<std::uint32_t> rows{3, 0, 1};
    sortRows(t, rows, std::vector<SortKey>{{2, SortDirection::Descending}});
    EXPECT_EQ(rows, (Rows{3, 0, 1}));
}

TEST(TableView, WideKeysFallBackToTheComparatorWithTheSameOrder) {
    TableBuilder b;
    b.addColumn("a", ColumnType::Integer);
    b.addColumn("b", ColumnType::Integer);
    std::vector<std::pair<std::int64_t, std::int64_t>> values{
        {INT64_MAX, 1}, {INT64_MIN, 2}, {0, INT64_MIN}, {0, INT64_MAX}, {INT64_MIN, 1}};
    for (auto [a, v] : values) {
        b.appendInteger(0, a);
        b.appendInteger(1, v);
    }
    Table t = b.finish();
    EXPECT_EQ(sorted(t, {{0, SortDirection::Ascending}, {1, SortDirection::Ascending}}), (Rows{4, 1, 2, 3, 0}));
}

TEST(TableView, ViewRowsFiltersThenSorts) {
    Table t = sample();
    ViewSpec spec;
    spec.search = "a";
    spec.sort = {{3, SortDirection::Ascending}};
    EXPECT_EQ(viewRows(t, spec), (Rows{2, 1, 0, 4, 3}));
}

}  // namespace
}  // namespace ud::core
