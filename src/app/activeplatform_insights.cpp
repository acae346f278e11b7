// ActivePlatform insights in app state (see activeplatform_insights.h).
#include "app/activeplatform_insights.h"

#include "core/table/table_view.h"

namespace ud::app {
namespace {

std::optional<std::size_t> column(const core::Table& t, const char* name) { return t.findColumn(name); }

std::vector<std::uint32_t> allRows(const core::Table& t) { return core::filterRows(t, {}, ""); }

// One chart per currency: the later range's daily total as bars, the earlier as a line, day by day.
std::vector<core::StackedSeries> alignedCharts(const AnalyticsComparison& c) {
    std::vector<core::StackedSeries> out;
    const auto earlier = core::dailyCostByCategory(c.earlier_report->items);
    const auto later = core::dailyCostByCategory(c.later_report->items);
    auto find = [](const std::vector<core::DailyCategorySeries>& list, const std::string& currency) {
        for (const auto& s : list)
            if (s.currency == currency) return &s;
        return static_cast<const core::DailyCategorySeries*>(nullptr);
    };
    std::vector<std::string> currencies;
    for (const auto& t : c.result->totals) currencies.push_back(t.currency);
    for (const std::string& currency : currencies) {
        const core::DailyCategorySeries* e = find(earlier, currency);
        const core::DailyCategorySeries* l = find(later, currency);
        core::DailyValues ev = e ? core::dailyValuesFromSeries(*e, c.earlier) : core::emptyDailyValues(c.earlier);
        core::DailyValues lv = l ? core::dailyValuesFromSeries(*l, c.later) : core::emptyDailyValues(c.later);
        const core::AlignedDays days = core::alignedDays(ev, lv);
        core::ChartValueFormat format;
        format.money = true;
        format.currency = currency;
        out.push_back(core::alignedPeriodsSeries(days.before, days.after, c.later.first, c.earlier_label,
                                                 c.later_label, format));
    }
    return out;
}

}  // namespace

core::DateRange rangeOfQuery(const core::AnalyticsQuery& q) {
    if (q.range_kind == core::AnalyticsRangeKind::Days) return q.days;
    return {core::Date{q.period_first.year, q.period_first.month, 1},
            core::lastOfMonth(core::Date{q.period_last.year, q.period_last.month, 1})};
}

void refreshAnalyticsInsights(ActivePlatformState& s, core::Date today) {
    s.forecast.reset();
    s.spikes.reset();
    s.spike_error.clear();
    if (!s.report || !s.fetched_range) return;
    s.forecast = core::activePlatformForecast(s.daily, *s.fetched_range, today);
    const core::Table& items = s.report->items;
    auto day = column(items, "operate_day"), category = column(items, "category"), total = column(items, "total");
    if (!day || !category || !total) {
        s.spike_error = "The answer has no operate_day, category or total column, so there is no spike list.";
        return;
    }
    s.spike_rule = core::SpikeRule{kApSpikeFactor, core::Decimal::fromUnits(kApSpikeMinimumCents * 10000000)};
    core::SpikeSpec spec{*day, *category, *total, column(items, "currency"), s.spike_rule};
    auto spikes = core::spikesFromTable(items, allRows(items), spec);
    if (!spikes) {
        s.spike_error = spikes.error().message;
        return;
    }
    s.spikes = std::move(spikes).value();
}

void buildComparison(AnalyticsComparison& c) {
    c.result.reset();
    c.table.reset();
    c.charts.clear();
    if (!c.earlier_report || !c.later_report) return;
    const core::Table& a = c.earlier_report->items;
    const core::Table& b = c.later_report->items;
    const auto rows_a = allRows(a), rows_b = allRows(b);
    auto side = [&](const core::Table& t, const std::vector<std::uint32_t>& rows) {
        return core::CompareSide{&t, rows, column(t, c.key.c_str()), column(t, "total").value_or(t.columnCount()),
                                 column(t, "currency")};
    };
    // Resource groups come in mixed case for one group ("rgLan", "RGLAN"): compare them as one.
    auto result = core::comparePeriods(side(a, rows_a), side(b, rows_b), c.key == "resource_group");
    if (!result) {
        // An empty answer has no total column: nothing to compare is not an error.
        if (a.rowCount() == 0 || b.rowCount() == 0) {
            c.error = core::makeError(core::ErrorKind::Parse, "One of the ranges has no costs, so there is nothing to compare.");
        } else {
            c.error = result.error();
        }
        return;
    }
    c.result = std::move(result).value();
    c.table = core::tableFromComparison(*c.result, c.key);
    resetTableView(c.view, *c.table);
    c.charts = alignedCharts(c);
}

void showSpike(ActivePlatformState& s, std::size_t index) {
    if (!s.report || !s.spikes || index >= s.spikes->spikes.size()) return;
    const core::Spike& spike = s.spikes->spikes[index];
    const core::Table& items = s.report->items;
    s.view.spec.filters.clear();
    s.view.spec.search.clear();
    std::fill(s.view.filter_texts.begin(), s.view.filter_texts.end(), std::string());
    auto filter = [&](const char* name, const std::string& text) {
        if (auto col = column(items, name)) applyTableAction(s.view, items, SetColumnFilter{*col, text});
    };
    filter("category", spike.key);
    filter("operate_day", core::isoFromDate(spike.day));
    if (!spike.currency.empty()) filter("currency", spike.currency);
    ++s.view.revision;
}

}  // namespace ud::app
