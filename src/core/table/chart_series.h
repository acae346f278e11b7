// Chart series, exact: a daily series stacked by a key (top N + "Other") and a
// top-N bar series, built from a Table's rows; the ActivePlatform daily cost by
// category (core/activeplatform/activeplatform_totals.h) is viewed through the same shape without a copy.
// Values stay Decimal (integer counts are Decimals with no fraction), so hover
// text and axis labels are exact; doubles appear only in the drawing geometry
// at the end of this header, which the GPU layer uploads as it is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/activeplatform/activeplatform_totals.h"
#include "core/base/date.h"
#include "core/base/decimal.h"
#include "core/base/result.h"
#include "core/table/table.h"

namespace ud::core {

inline constexpr std::size_t kChartDefaultTopN = 8;
inline constexpr std::size_t kChartMaxTopN = 20;

// How a chart value reads: exact decimal text with thousands separators and
// `decimals` fraction digits, or money (formatMoney, exact to 9 digits, then
// the currency code when there is one).
struct ChartValueFormat {
    int decimals = 0;
    bool money = false;
    std::string currency;
};
std::string textFromChartValue(Decimal value, const ChartValueFormat& format);

// A line drawn over a daily chart: a projection continuing to the period's
// end, or an earlier period aligned day by day. values[d] is day d of the
// series; none leaves a gap.
struct ChartLine {
    std::string label;
    std::vector<std::optional<Decimal>> values;
    bool dashed = false;  // projections are dashed; measured lines are solid
};

// A read-only view of a daily stacked series: values[key][day], day d being
// first_day + d. Keys are the top N by total, largest first, then "Other".
struct StackedSeriesView {
    Date first_day;
    std::size_t day_count = 0;
    std::span<const std::string> keys;
    std::span<const std::vector<Decimal>> values;
    std::span<const Decimal> day_totals;
    ChartValueFormat format;
    bool has_other = false;  // the last key sums every key past the top N
    std::span<const ChartLine> lines;  // drawn over the stacks, in order
    std::size_t other_key_count = 0;  // how many keys "Other" holds
};

// The legend's entries: the keys, "Other" saying how many it holds ("Other (27)").
std::vector<std::string> legendLabels(const StackedSeriesView& series);
// "Other (27)": the same words in the legend, the tooltip and the bar chart.
std::string otherLabel(std::size_t key_count);

// A day axis label short enough to fit: "3 Nov"; the first day of a month is
// the month ("Nov", "Jan 2025" in January, so the year shows where it turns).
// The hover keeps the full date.
std::string dayAxisLabel(Date day);
// The widest label dayAxisLabel can give, to space them.
inline constexpr const char* kWidestDayAxisLabel = "Sep 2024";

struct StackedSeries {
    Date first_day;
    std::size_t day_count = 0;
    std::vector<std::string> keys;
    std::vector<std::vector<Decimal>> values;
    std::vector<Decimal> day_totals;
    ChartValueFormat format;
    bool has_other = false;
    std::size_t other_key_count = 0;  // distinct keys folded into "Other"
    std::size_t rows_used = 0;        // rows with a day and a number
    std::vector<ChartLine> lines;

    StackedSeriesView view() const;
};

// Pads the series with empty days up to `last` (for a projection past the data).
void extendSeriesTo(StackedSeries& series, Date last);
// A dashed line at `rate` over `days` (the rest of the period), on the series' days.
ChartLine rateLine(std::string label, const StackedSeries& series, DateRange days, Decimal rate);
// Two periods day by day from their first days: the later period as the bars
// (one key), the earlier as a line; first_day is the later period's.
StackedSeries alignedPeriodsSeries(const std::vector<std::optional<Decimal>>& before,
                                   const std::vector<std::optional<Decimal>>& after, Date after_first,
                                   const std::string& before_label, const std::string& after_label,
                                   ChartValueFormat format);

// The ActivePlatform series as a chart (money in its currency).
StackedSeriesView viewFromDailySeries(const DailyCategorySeries& series);

struct StackedSpec {
    std::size_t date_column = 0;                 // a Date column
    std::size_t value_column = 0;                // an Integer or Decimal column, summed
    std::optional<std::size_t> key_column;       // stack by this column; none = one stack
    std::size_t top_n = kChartDefaultTopN;       // 1..kChartMaxTopN
};
// Sums `value_column` per day and key over `rows` (a view's rows, so filters
// apply). Rows with no date or no number are left out; days run from the
// first to the last date (gaps are zero), at most kMaxChartDays (the latest).
Result<StackedSeries> stackedSeriesFromTable(const Table& table, std::span<const std::uint32_t> rows,
                                             const StackedSpec& spec);

struct BarSeries {
    std::vector<std::string> keys;  // top N by total, largest first, then "Other"
    std::vector<Decimal> values;
    ChartValueFormat format;
    bool has_other = false;
    std::size_t other_key_count = 0;
};

struct BarSpec {
    std::size_t key_column = 0;
    std::size_t value_column = 0;
    std::size_t top_n = kChartDefaultTopN;
};
Result<BarSeries> barSeriesFromTable(const Table& table, std::span<const std::uint32_t> rows, const BarSpec& spec);

// "Round" axis values covering [low, high] (0 always included), exact: multiples
// of 1, 2 or 5 x 10^k with about `target` steps, never finer than `min_step`
// (counts pass 1, so a small count axis does not read 0, 0.2, 0.4).
std::vector<Decimal> axisTicks(Decimal low, Decimal high, int target = 5, Decimal min_step = Decimal::fromUnits(1));
// An axis label: like textFromChartValue, without the currency (the title says it).
std::string textFromAxisTick(Decimal tick, const ChartValueFormat& format);
// The smallest step axisTicks should use for values of this format.
Decimal minAxisStep(const ChartValueFormat& format);

// ---- Drawing geometry (doubles from here on) -------------------------------
// One rectangle per non-zero value in data units. Stacked series: x = day index
// .. day + 1, y = the value's span in its day's stack (positives stacked up from
// 0, negatives down). Bars: x = 0 .. value, y = bar index .. index + 1.
// `key` picks the colour, `column` is the day or bar the hover highlights.
// Six floats, laid out as the GPU reads them (see shaders/chart_rects_vs.glsl).
struct ChartRect {
    float x0, x1, y0, y1;
    float key;
    float column;
};
struct ChartGeometry {
    std::vector<ChartRect> rects;
    Decimal low, high;  // exact extent of the stacks (0 included), for axisTicks
    bool last_cut = false;  // bars: "Other" is left out of low..high (it would flatten the top N)
};
ChartGeometry geometryFromStacked(const StackedSeriesView& series);
// An "Other" bar more than twice the size of the largest top-N bar is left out
// of the extent (last_cut): the UI draws it cut at the plot's edge, value in text.
ChartGeometry geometryFromBars(const BarSeries& series);

// FNV-1a over every value and key of the series, so a drawer can tell that a
// series it uploaded has changed without owning it.
std::uint64_t fingerprintOf(const StackedSeriesView& series);
std::uint64_t fingerprintOf(const BarSeries& series);

}  // namespace ud::core
