// Chart series: daily stacks by key with top N + "Other", bars, exact ticks,
// geometry (positives up, negatives down) and the ActivePlatform adapter.
#include <gtest/gtest.h>

#include "core/table/chart_series.h"
#include "core/table/csv_reader.h"
#include "core/table/png_encode.h"
#include "core/table/table_view.h"
#include "support/table_helpers.h"

namespace ud::core {
namespace {

// 0 date, 1 device, 2 ops (Integer), 3 cost (Decimal, scale 2)
using test::allRows;

Table usage() {
    return test::tableOf(
        "date,device,ops,cost\n"
        "2024-01-30,b,10,0.10\n"
        "2024-01-30,c,1,0.05\n"
        "2024-02-01,a,4,0.20\n"
        "2024-02-01,b,7,0.30\n"
        "2024-02-01,d,2,-0.40\n"
        "2024-02-01,a,,0.01\n"
        ",a,100,1.00\n");
}
std::string text(Decimal d) { return d.toString(); }

TEST(ChartSeries, SumsPerDayStackedByTopKeysWithOtherAndZeroGaps) {
    Table t = usage();
    auto s = stackedSeriesFromTable(t, allRows(t), StackedSpec{0, 2, std::size_t{1}, 2});
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(isoFromDate(s->first_day), "2024-01-30");
    ASSERT_EQ(s->day_count, 3u);  // 01-31 has no rows: zero
    EXPECT_EQ(s->keys, (std::vector<std::string>{"b", "a", "Other"}));
    EXPECT_TRUE(s->has_other);
    EXPECT_EQ(s->other_key_count, 2u);
    EXPECT_EQ(text(s->values[0][0]), "10");
    EXPECT_EQ(text(s->values[0][2]), "7");
    EXPECT_EQ(text(s->values[1][2]), "4");
    EXPECT_EQ(text(s->values[2][0]), "1");  // c
    EXPECT_EQ(text(s->values[2][2]), "2");  // d
    EXPECT_EQ(text(s->day_totals[1]), "0");
    EXPECT_EQ(text(s->day_totals[2]), "13");
    EXPECT_EQ(s->rows_used, 5u);  // no date, no number: left out
    EXPECT_EQ(s->format.decimals, 0);
}

TEST(ChartSeries, DecimalSumsStayExactAndFollowTheRowsGiven) {
    Table t = usage();
    std::vector<std::uint32_t> rows{0, 1, 3};
    auto s = stackedSeriesFromTable(t, rows, StackedSpec{0, 3, std::nullopt, 8});
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->keys, (std::vector<std::string>{"All"}));
    EXPECT_EQ(text(s->day_totals[0]), "0.15");
    EXPECT_EQ(textFromChartValue(s->day_totals[0], s->format), "0.15");
    EXPECT_EQ(s->format.decimals, 2);
}

TEST(ChartSeries, RejectsNonDateDaysAndNonNumericValues) {
    Table t = usage();
    EXPECT_FALSE(stackedSeriesFromTable(t, allRows(t), StackedSpec{1, 2, std::nullopt, 8}).ok());
    auto bad = stackedSeriesFromTable(t, allRows(t), StackedSpec{0, 1, std::nullopt, 8});
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, ErrorKind::Validation);
    EXPECT_FALSE(barSeriesFromTable(t, allRows(t), BarSpec{1, 0, 8}).ok());
}

TEST(ChartSeries, BarsRankKeysByTotalAndFoldTheRestIntoOther) {
    Table t = usage();
    auto b = barSeriesFromTable(t, allRows(t), BarSpec{1, 3, 2});
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(b->keys, (std::vector<std::string>{"a", "b", "Other"}));  // a 1.21, b 0.40, c+d -0.35
    EXPECT_EQ(text(b->values[0]), "1.21");
    EXPECT_EQ(text(b->values[2]), "-0.35");
    EXPECT_EQ(textFromChartValue(b->values[0], b->format), "1.21");
}

TEST(ChartSeries, TicksAreRoundExactAndCoverZero) {
    auto ticks = axisTicks(Decimal::fromInt(0), Decimal::fromInt(13));
    std::vector<std::string> texts;
    for (Decimal d : ticks) texts.push_back(text(d));
    EXPECT_EQ(texts, (std::vector<std::string>{"0", "5", "10", "15"}));
    ticks = axisTicks(*Decimal::fromText("-0.4"), *Decimal::fromText("0.35"), 4);
    EXPECT_EQ(text(ticks.front()), "-0.4");
    EXPECT_EQ(text(ticks.back()), "0.4");
    EXPECT_EQ(text(ticks[1]), "-0.2");
    ticks = axisTicks(Decimal(), Decimal::fromInt(2), 10, Decimal::fromInt(1));  // counts: whole steps
    EXPECT_EQ(ticks.size(), 3u);
    EXPECT_EQ(minAxisStep(ChartValueFormat{2, false, ""}).toString(), "0.01");
    EXPECT_EQ(textFromAxisTick(*Decimal::fromText("0.5"), ChartValueFormat{0, true, "EUR"}), "0.50");
    ticks = axisTicks(Decimal(), Decimal());
    EXPECT_EQ(text(ticks.front()), "0");
    EXPECT_EQ(text(ticks.back()), "1");
}

TEST(ChartSeries, GeometryStacksPositivesUpAndNegativesDown) {
    Table t = usage();
    auto s = stackedSeriesFromTable(t, allRows(t), StackedSpec{0, 3, std::size_t{1}, 8});
    ASSERT_TRUE(s.ok());
    ChartGeometry g = geometryFromStacked(s->view());
    EXPECT_EQ(text(g.high), "0.51");  // 02-01: a 0.21 + b 0.30
    EXPECT_EQ(text(g.low), "-0.4");   // 02-01: d
    int negative = 0;
    for (const ChartRect& r : g.rects) {
        EXPECT_LE(r.y0, r.y1);
        EXPECT_EQ(r.x1 - r.x0, 1.0f);
        if (r.y1 <= 0.0f) ++negative;
    }
    EXPECT_EQ(negative, 1);
    ChartGeometry bars = geometryFromBars(barSeriesFromTable(t, allRows(t), BarSpec{1, 2, 8}).value());
    EXPECT_EQ(bars.rects.size(), 4u);
    EXPECT_EQ(bars.rects[0].x1, 100.0f + 4.0f);  // a, with the dateless row
}

TEST(ChartSeries, AHugeOtherBarIsCutSoTheTopBarsStayReadable) {
    BarSeries b;
    b.keys = {"a", "b", "Other"};
    b.values = {Decimal::fromInt(10), Decimal::fromInt(5), Decimal::fromInt(400)};
    b.has_other = true;
    ChartGeometry g = geometryFromBars(b);
    EXPECT_TRUE(g.last_cut);
    EXPECT_EQ(text(g.high), "10");
    EXPECT_EQ(g.rects.back().x1, 400.0f);
    b.values.back() = Decimal::fromInt(20);
    g = geometryFromBars(b);
    EXPECT_FALSE(g.last_cut);
    EXPECT_EQ(text(g.high), "20");
}

TEST(ChartSeries, DailyCostSeriesIsChartedAsMoneyWithoutACopy) {
    DailyCategorySeries d;
    d.currency = "EUR";
    d.first_day = Date{2024, 5, 1};
    d.day_count = 1;
    d.categories = {"Compute", kOtherCategory};
    d.values = {{*Decimal::fromText("0.000403")}, {*Decimal::fromText("1.5")}};
    d.day_totals = {*Decimal::fromText("1.500403")};
    StackedSeriesView v = viewFromDailySeries(d);
    EXPECT_EQ(v.keys.data(), d.categories.data());
    EXPECT_TRUE(v.has_other);
    EXPECT_EQ(textFromChartValue(v.day_totals[0], v.format), "1.500403 EUR");
    EXPECT_NE(fingerprintOf(v), 0u);
    auto before = fingerprintOf(v);
    d.values[0][0] = *Decimal::fromText("0.000404");
    EXPECT_NE(fingerprintOf(viewFromDailySeries(d)), before);
}

// Full ISO dates do not fit under a day's column; the hover keeps them.
TEST(ChartSeries, DayAxisLabelsAreShortWithTheMonthOnItsFirstDay) {
    EXPECT_EQ(dayAxisLabel({2024, 11, 3}), "3 Nov");
    EXPECT_EQ(dayAxisLabel({2024, 11, 30}), "30 Nov");
    EXPECT_EQ(dayAxisLabel({2024, 12, 1}), "Dec");
    EXPECT_EQ(dayAxisLabel({2025, 1, 1}), "Jan 2025");  // where the year turns
    EXPECT_LE(dayAxisLabel({2025, 1, 1}).size(), std::string(kWidestDayAxisLabel).size());
}

TEST(ChartSeries, LegendSaysHowManyKeysOtherHolds) {
    Table t = usage();
    auto s = stackedSeriesFromTable(t, allRows(t), StackedSpec{0, 2, std::size_t{1}, 2});
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(legendLabels(s->view()), (std::vector<std::string>{"b", "a", "Other (2)"}));
    DailyCategorySeries d;
    d.day_count = 1;
    d.categories = {"Compute", kOtherCategory};
    d.other_category_count = 27;
    d.values = {{Decimal()}, {Decimal()}};
    d.day_totals = {Decimal()};
    EXPECT_EQ(legendLabels(viewFromDailySeries(d)).back(), "Other (27)");
    auto three = stackedSeriesFromTable(t, allRows(t), StackedSpec{0, 2, std::size_t{1}, 8});
    EXPECT_EQ(legendLabels(three->view()), (std::vector<std::string>{"b", "a", "d", "c"}));  // no Other: as they are
}

TEST(PngEncode, WritesASignatureAndRejectsWrongSizes) {
    std::vector<std::uint8_t> px(3 * 2 * 4, 200);
    std::string png = pngFromRgba(3, 2, px);
    ASSERT_GT(png.size(), 8u);
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    EXPECT_EQ(png.substr(12, 4), "IHDR");
    EXPECT_EQ(static_cast<unsigned char>(png[19]), 3u);  // width, big-endian
    EXPECT_TRUE(pngFromRgba(4, 2, px).empty());
    EXPECT_TRUE(pngFromRgba(0, 0, {}).empty());
}

}  // namespace
}  // namespace ud::core
