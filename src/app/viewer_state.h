// Report viewer: the loaded CSV table, its view (filter/sort/group), charts and export (issue 6).
// State owned by the App, changed only by ViewerController, read by the UI.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/table_view_state.h"
#include "core/table/chart_series.h"
#include "core/table/csv_reader.h"
#include "core/table/period_compare.h"
#include "core/table/spikes.h"
#include "core/table/table.h"
#include "core/table/table_group.h"

namespace ud::app {

// A CSV being read, chunk by chunk.
struct ViewerLoad {
    bool active = false;
    std::string file_name;          // known at the end for picked files, at once for the demo
    std::uint64_t bytes = 0;        // fed so far
    std::uint64_t total_bytes = 0;  // 0 while unknown
    std::size_t rows = 0;           // data rows accepted so far
};

struct ViewerGroup {
    bool active = false;
    core::GroupSpec spec;
    core::Aggregate function = core::Aggregate::Sum;
    std::optional<core::GroupedTable> result;
    TableViewState view;  // of result->groups
    std::string error;
};

enum class ChartKind { TimeSeries, TopBars };

// What the Chart view shows; columns are indexes into the table, -1 = none.
struct ChartSpec {
    ChartKind kind = ChartKind::TimeSeries;
    int date_column = -1;   // time series: the days
    int value_column = -1;  // summed per day (time series) or per key (bars)
    int key_column = -1;    // stacks (time series, -1 = one stack) or bars
    std::size_t top_n = core::kChartDefaultTopN;
};

// The chart of the shown rows (filters apply), rebuilt when the spec or the rows change.
struct ViewerChart {
    bool shown = false;  // the Chart view replaces the table
    ChartSpec spec;
    std::optional<core::StackedSeries> series;  // kind == TimeSeries
    std::optional<core::BarSeries> bars;        // kind == TopBars
    std::string error;
};

// Spikes of a usage report on screen, and its comparison with a kept earlier
// report (issue 14). Needs the report roles: a date, a device or product, a count.
struct ViewerInsights {
    std::optional<core::SpikeList> spikes;  // device (or product) days over the rule
    core::SpikeRule spike_rule;
    std::string spike_key_name;             // "Device name", ...
    std::string spike_error;
    // "Keep as earlier period": a copy of a table to compare the next one against.
    std::optional<core::Table> earlier;
    std::string earlier_name;
    std::optional<core::PeriodComparison> compare;
    std::optional<core::Table> compare_table;
    TableViewState compare_view;
    std::optional<core::StackedSeries> compare_chart;  // both files day by day from each one's first day
    std::string compare_key_name;
    std::string compare_error;
    std::string message;  // last export outcome
};

// The spike rule for usage reports: a device's day over 3x its median day and at least 1,000 data operations.
inline constexpr long long kReportSpikeFactor = 3;
inline constexpr long long kReportSpikeMinimum = 1000;
// Larger files (benchmarks, exports of many months) get no spike list: it holds every key's days.
inline constexpr std::size_t kMaxSpikeRows = 250000;

struct ViewerState {
    ViewerLoad load;
    std::string load_error;               // the last load failed (the previous table stays)
    std::string file_name;                // of the table on screen
    std::optional<core::Table> table;
    TableViewState view;
    // Parse issues of the table on screen, and whether bad rows were kept.
    std::vector<core::CsvIssue> issues;
    std::size_t issue_count = 0;
    std::size_t skipped_rows = 0;
    core::BadRowPolicy bad_rows = core::BadRowPolicy::Keep;
    bool can_reread = false;              // the file had issues: keep/skip reads it again from its source
    ViewerGroup group;
    ViewerChart chart;
    std::string message;                  // last export / copy outcome
    std::string last_export_name;
    std::size_t last_export_bytes = 0;
    ViewerInsights insights;
};

}  // namespace ud::app
