// Viewer insights in app state (see viewer_insights.h).
#include "app/viewer_insights.h"

#include "core/table/column_roles.h"
#include "core/table/daily_rates.h"
#include "core/table/table_view.h"

namespace ud::app {
namespace {

std::vector<std::uint32_t> allRows(const core::Table& t) { return core::filterRows(t, {}, ""); }

// The column a report is keyed by: device name, else device id, else product name or id.
std::optional<std::size_t> keyColumn(const core::ReportColumns& r) {
    if (r.device_name) return r.device_name;
    if (r.device_id) return r.device_id;
    if (r.product_name) return r.product_name;
    return r.product_id;
}

// The days a table's rows cover (first to last date).
std::optional<core::DateRange> dateSpan(const core::Table& t, std::size_t date_column) {
    const core::Column& c = t.column(date_column);
    std::optional<core::DateRange> span;
    for (std::size_t r = 0; r < t.rowCount(); ++r) {
        if (c.isNull(r)) continue;
        const core::Date d = core::dateFromDays(c.days(r));
        if (!span) span = core::DateRange{d, d};
        span->first = std::min(span->first, d);
        span->last = std::max(span->last, d);
    }
    return span;
}

void refreshSpikes(ViewerState& s) {
    ViewerInsights& in = s.insights;
    in.spikes.reset();
    in.spike_error.clear();
    if (s.table->rowCount() > kMaxSpikeRows) {  // a usage report is far smaller; keep big files fast to open
        in.spike_error = "What spiked is computed for files up to " +
                         core::formatCount(static_cast<long long>(kMaxSpikeRows)) + " rows.";
        return;
    }
    const core::ReportColumns roles = core::reportColumnsFromTable(*s.table);
    const auto key = keyColumn(roles);
    if (!roles.date || !roles.count || !key) {
        in.spike_error = "What spiked needs a usage report: a date, a device or product, and a count column.";
        return;
    }
    in.spike_rule = core::SpikeRule{kReportSpikeFactor, core::Decimal::fromInt(kReportSpikeMinimum)};
    in.spike_key_name = s.table->column(*key).displayName();
    auto spikes = core::spikesFromTable(*s.table, allRows(*s.table), {*roles.date, *key, *roles.count, std::nullopt, in.spike_rule});
    if (!spikes) {
        in.spike_error = spikes.error().message;
        return;
    }
    in.spikes = std::move(spikes).value();
}

void refreshComparison(ViewerState& s) {
    ViewerInsights& in = s.insights;
    in.compare.reset();
    in.compare_table.reset();
    in.compare_chart.reset();
    in.compare_error.clear();
    if (!in.earlier || !s.table) return;
    const core::ReportColumns a = core::reportColumnsFromTable(*in.earlier), b = core::reportColumnsFromTable(*s.table);
    const auto ka = keyColumn(a), kb = keyColumn(b);
    if (!a.count || !b.count) {
        in.compare_error = "Both files need a count column (data operations) to compare.";
        return;
    }
    const auto rows_a = allRows(*in.earlier), rows_b = allRows(*s.table);
    const bool keyed = ka && kb && in.earlier->column(*ka).displayName() == s.table->column(*kb).displayName();
    auto result = core::comparePeriods({&*in.earlier, rows_a, keyed ? ka : std::nullopt, *a.count, std::nullopt},
                                       {&*s.table, rows_b, keyed ? kb : std::nullopt, *b.count, std::nullopt});
    if (!result) {
        in.compare_error = result.error().message;
        return;
    }
    in.compare = std::move(result).value();
    in.compare_key_name = keyed ? s.table->column(*kb).displayName() : std::string("Total");
    in.compare_table = core::tableFromComparison(*in.compare, in.compare_key_name);
    resetTableView(in.compare_view, *in.compare_table);
    if (!a.date || !b.date) return;
    const auto span_a = dateSpan(*in.earlier, *a.date), span_b = dateSpan(*s.table, *b.date);
    if (!span_a || !span_b) return;
    const core::DailyValues da = core::dailyValuesFromTable(*in.earlier, rows_a, *a.date, *a.count, *span_a);
    const core::DailyValues db = core::dailyValuesFromTable(*s.table, rows_b, *b.date, *b.count, *span_b);
    const core::AlignedDays days = core::alignedDays(da, db);
    in.compare_chart = core::alignedPeriodsSeries(days.before, days.after, span_b->first, in.earlier_name,
                                                  s.file_name, core::ChartValueFormat{});
}

}  // namespace

void refreshViewerInsights(ViewerState& s) {
    s.insights.spikes.reset();
    s.insights.spike_error.clear();
    if (!s.table) return;
    refreshSpikes(s);
    refreshComparison(s);
}

void keepAsEarlier(ViewerState& s) {
    if (!s.table) return;
    s.insights.earlier = core::tableFromRows(*s.table, allRows(*s.table));
    s.insights.earlier_name = s.file_name;
    s.insights.message = "Kept " + s.file_name + " as the earlier period: open another report to compare.";
    refreshComparison(s);
}

void showReportSpike(ViewerState& s, std::size_t index) {
    if (!s.table || !s.insights.spikes || index >= s.insights.spikes->spikes.size()) return;
    const core::Spike& spike = s.insights.spikes->spikes[index];
    const core::ReportColumns roles = core::reportColumnsFromTable(*s.table);
    const auto key = keyColumn(roles);
    if (!key || !roles.date) return;
    s.view.spec.filters.clear();
    s.view.spec.search.clear();
    std::fill(s.view.filter_texts.begin(), s.view.filter_texts.end(), std::string());
    applyTableAction(s.view, *s.table, SetColumnFilter{*key, spike.key});
    applyTableAction(s.view, *s.table, SetColumnFilter{*roles.date, core::isoFromDate(spike.day)});
    ++s.view.revision;
}

}  // namespace ud::app
