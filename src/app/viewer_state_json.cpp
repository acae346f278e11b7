// ViewerState as JSON for the browser test hook. Secrets only as booleans.
#include "app/state_json.h"
#include "app/table_view_json.h"

namespace ud::app {
namespace {

const char* nameFromIssueKind(core::CsvIssueKind kind) {
    switch (kind) {
        case core::CsvIssueKind::RaggedRow: return "ragged_row";
        case core::CsvIssueKind::UnterminatedQuote: return "unterminated_quote";
        case core::CsvIssueKind::StrayQuote: return "stray_quote";
    }
    return "unknown";
}

// The chart for tests: its spec, keys, and every day's (or bar's) exact text.
nlohmann::json jsonFromChart(const ViewerChart& chart) {
    const ChartSpec& spec = chart.spec;
    nlohmann::json j = {{"shown", chart.shown},
                        {"kind", spec.kind == ChartKind::TimeSeries ? "time_series" : "top_bars"},
                        {"date_column", spec.date_column},
                        {"value_column", spec.value_column},
                        {"key_column", spec.key_column},
                        {"top_n", spec.top_n},
                        {"error", chart.error}};
    nlohmann::json totals = nlohmann::json::array();
    if (chart.series) {
        const core::StackedSeries& s = *chart.series;
        j["keys"] = s.keys;
        j["first_day"] = core::isoFromDate(s.first_day);
        j["day_count"] = s.day_count;
        for (core::Decimal d : s.day_totals) totals.push_back(core::textFromChartValue(d, s.format));
    }
    if (chart.bars) {
        j["keys"] = chart.bars->keys;
        for (core::Decimal d : chart.bars->values) totals.push_back(core::textFromChartValue(d, chart.bars->format));
    }
    j["totals"] = totals;  // per day (time series) or per bar, as the hover shows them
    return j;
}

}  // namespace

nlohmann::json jsonFromViewerState(const ViewerState& state) {
    nlohmann::json j;
    j["loading"] = state.load.active;
    j["load"] = {{"file_name", state.load.file_name}, {"bytes", state.load.bytes},
                 {"total_bytes", state.load.total_bytes}, {"rows", state.load.rows}};
    j["load_error"] = state.load_error;
    j["file_name"] = state.file_name;
    j["has_table"] = state.table.has_value();
    if (state.table) j["table"] = jsonFromTableView(*state.table, state.view);
    nlohmann::json issues = nlohmann::json::array();
    for (std::size_t i = 0; i < state.issues.size() && i < 20; ++i) {
        const auto& issue = state.issues[i];
        issues.push_back({{"line", issue.line}, {"kind", nameFromIssueKind(issue.kind)}, {"kept", issue.row_kept}});
    }
    j["issues"] = issues;
    j["issue_count"] = state.issue_count;
    j["skipped_rows"] = state.skipped_rows;
    j["bad_rows"] = state.bad_rows == core::BadRowPolicy::Keep ? "keep" : "skip";
    j["can_reread"] = state.can_reread;
    j["grouped"] = state.group.active;
    j["group_error"] = state.group.error;
    if (state.group.result) {
        j["group"] = jsonFromTableView(state.group.result->groups, state.group.view);
        j["group_totals"] = jsonFromTableView(state.group.result->totals, TableViewState{
            {}, {0}, {}, {}, {}, 0});
    }
    j["chart"] = jsonFromChart(state.chart);
    j["message"] = state.message;
    j["last_export"] = {{"name", state.last_export_name}, {"bytes", state.last_export_bytes}};
    const ViewerInsights& in = state.insights;
    j["insights"] = {{"spikes", jsonFromSpikes(in.spikes, 0)},
                     {"spike_error", in.spike_error},
                     {"spike_key", in.spike_key_name},
                     {"earlier", in.earlier_name},
                     {"compare", jsonFromComparison(in.compare)},
                     {"compare_key", in.compare_key_name},
                     {"compare_error", in.compare_error},
                     {"compare_chart_days", in.compare_chart ? in.compare_chart->day_count : 0},
                     {"message", in.message}};
    if (in.compare_table) j["insights"]["compare_table"] = jsonFromTableView(*in.compare_table, in.compare_view);
    return j;
}

}  // namespace ud::app
