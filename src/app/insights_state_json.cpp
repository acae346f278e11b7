// Forecasts, spike lists and comparisons as JSON for the browser test hook (issue 14).
#include "app/state_json.h"
#include "app/table_view_json.h"

namespace ud::app {
namespace {

const char* nameFromStatus(core::ForecastStatus s) {
    switch (s) {
        case core::ForecastStatus::Ready: return "ready";
        case core::ForecastStatus::TooLittleData: return "too_little_data";
        case core::ForecastStatus::OutsidePeriod: return "outside_period";
        case core::ForecastStatus::NoData: break;
    }
    return "no_data";
}

nlohmann::json jsonFromProjection(const std::optional<core::Projection>& p) {
    if (!p) return nullptr;
    return {{"rate", p->rate_per_day.toString()}, {"total", p->total.toString()}, {"sum", p->window.sum.toString()},
            {"days", p->window.day_count}, {"first", core::isoFromDate(p->window.days.first)},
            {"last", core::isoFromDate(p->window.days.last)}};
}

std::string percentText(const std::optional<core::Decimal>& d) { return d ? d->toString() : ""; }

nlohmann::json jsonFromLine(const core::CompareLine& l) {
    return {{"currency", l.currency}, {"key", l.key}, {"before", l.before.toString()}, {"after", l.after.toString()},
            {"change", l.change.toString()}, {"percent", percentText(l.change_percent)},
            {"status", core::nameFromPresence(l.presence)}};
}

}  // namespace

nlohmann::json jsonFromParticleForecast(const ParticleForecastState& f) {
    const core::ParticleForecast& fc = f.forecast;
    nlohmann::json thresholds = nlohmann::json::array();
    for (const auto& t : fc.thresholds)
        thresholds.push_back({{"percent", t.percent}, {"reached", t.reached},
                              {"date", t.date ? nlohmann::json(core::isoFromDate(*t.date)) : nlohmann::json(nullptr)}});
    return {{"shown", f.shown},
            {"status", nameFromStatus(fc.status)},
            {"day", fc.day_of_period},
            {"period_days", fc.period_days},
            {"days_left", fc.days_left},
            {"from_report", fc.from_report},
            {"report_file", f.report_file},
            {"average", jsonFromProjection(fc.average)},
            {"last7", jsonFromProjection(fc.last7)},
            {"lowest7", jsonFromProjection(fc.lowest7)},
            {"highest7", jsonFromProjection(fc.highest7)},
            {"thresholds", thresholds},
            {"full_date", fc.full_date ? nlohmann::json(core::isoFromDate(*fc.full_date)) : nlohmann::json(nullptr)},
            {"projected_fraction", percentText(f.projected_fraction)},
            {"sentence", fc.sentence},
            {"consequence", fc.consequence},
            {"details", fc.details},
            {"chart_days", f.chart ? f.chart->day_count : 0}};
}

nlohmann::json jsonFromSpikes(const std::optional<core::SpikeList>& spikes, int decimals) {
    if (!spikes) return nullptr;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& s : spikes->spikes)
        list.push_back({{"currency", s.currency}, {"key", s.key}, {"day", core::isoFromDate(s.day)},
                        {"value", s.value.toString()}, {"median", s.median.toString()},
                        {"times", percentText(s.times_median)},
                        {"text", core::explainSpike(s, decimals, s.currency)}});
    return {{"spikes", list}, {"more", spikes->more}, {"keys", spikes->keys},
            {"first", core::isoFromDate(spikes->range.first)}, {"last", core::isoFromDate(spikes->range.last)}};
}

nlohmann::json jsonFromComparison(const std::optional<core::PeriodComparison>& c) {
    if (!c) return nullptr;
    nlohmann::json totals = nlohmann::json::array(), keys = nlohmann::json::array();
    for (const auto& t : c->totals) totals.push_back(jsonFromLine(t));
    for (const auto& k : c->keys) keys.push_back(jsonFromLine(k));
    return {{"totals", totals}, {"keys", keys}};
}

nlohmann::json jsonFromAnalyticsInsights(const ActivePlatformState& s) {
    nlohmann::json j;
    if (s.forecast) {
        nlohmann::json currencies = nlohmann::json::array();
        for (const auto& c : s.forecast->currencies)
            currencies.push_back({{"currency", c.currency}, {"status", nameFromStatus(c.status)},
                                  {"month_to_date", c.month_to_date.toString()},
                                  {"average", jsonFromProjection(c.average)}, {"last7", jsonFromProjection(c.last7)},
                                  {"sentence", c.sentence}, {"details", c.details}});
        j["forecast"] = {{"status", nameFromStatus(s.forecast->status)}, {"notice", s.forecast->notice},
                         {"days_left", s.forecast->days_left}, {"currencies", currencies}};
    } else {
        j["forecast"] = nullptr;
    }
    j["spikes"] = jsonFromSpikes(s.spikes, 2);
    j["spike_error"] = s.spike_error;
    const AnalyticsComparison& c = s.compare;
    j["compare"] = {{"active", c.active}, {"loading", c.loading}, {"key", c.key},
                    {"earlier", c.earlier_label}, {"later", c.later_label},
                    {"error", jsonFromError(c.error)}, {"result", jsonFromComparison(c.result)},
                    {"charts", c.charts.size()}, {"message", c.message}};
    if (c.table) j["compare"]["table"] = jsonFromTableView(*c.table, c.view);
    return j;
}

}  // namespace ud::app
