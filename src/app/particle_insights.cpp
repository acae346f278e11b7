// The Particle forecast in app state (see particle_insights.h).
#include "app/particle_insights.h"

#include "core/table/column_roles.h"
#include "core/table/csv_reader.h"
#include "core/table/table_view.h"

namespace ud::app {
namespace {

const core::ServiceAgreement* chosenAgreement(const ParticleState& s) {
    for (const auto& a : s.agreements.items)
        if (a.id.value == s.agreement_id) return &a;
    return nullptr;
}

// The report's days through today, then the projection at the primary rate to the period's end.
core::StackedSeries forecastChart(const core::ParticleForecast& f, const core::DailyValues& daily,
                                  const core::DateRange& period, core::Date today) {
    core::StackedSeries s;
    s.first_day = period.first;
    s.day_count = static_cast<std::size_t>(f.period_days);
    s.keys = {"Data operations (report)"};
    s.values.assign(1, std::vector<core::Decimal>(s.day_count));
    s.day_totals.assign(s.day_count, core::Decimal{});
    for (std::size_t d = 0; d < s.day_count; ++d) {
        const core::Date day = core::addDays(period.first, static_cast<std::int64_t>(d));
        if (day > today) break;
        s.values[0][d] = s.day_totals[d] = daily.valueOn(day);
    }
    if (const core::Projection* p = f.primary())
        s.lines.push_back(core::rateLine(std::string("Projection at ") + core::rateName(f, *p), s,
                                         {today, period.last}, p->rate_per_day));
    return s;
}

}  // namespace

std::optional<ParticleReportDaily> reportDailyFromCsv(const std::string& csv, const core::ReportRecord& record,
                                                      std::string file_name) {
    core::Result<core::Table> table = core::tableFromCsv(csv);
    if (!table) return std::nullopt;
    const core::ReportColumns roles = core::reportColumnsFromTable(*table);
    if (!roles.date || !roles.count) return std::nullopt;
    const auto rows = core::filterRows(*table, {}, "");
    ParticleReportDaily out;
    out.scope_key = record.scope.key();
    out.file_name = std::move(file_name);
    out.daily = core::dailyValuesFromTable(*table, rows, *roles.date, *roles.count, record.range);
    return out;
}

void refreshParticleForecast(ParticleState& s) {
    const core::ServiceAgreement* a = chosenAgreement(s);
    const core::Date today = core::dateFromTimestamp(s.now);
    // The report counts only for this scope and when it reaches into the current period.
    const ParticleReportDaily* daily = nullptr;
    if (a && s.report_daily && s.report_daily->scope_key == s.scope.key() &&
        s.report_daily->daily.range.last >= a->current_billing_period.first &&
        s.report_daily->daily.range.first <= a->current_billing_period.last)
        daily = &*s.report_daily;
    std::string inputs = a ? a->id.value + "|" + std::to_string(a->device_messages) + "|" +
                                 std::to_string(a->max_messages) + "|" + core::isoFromDate(a->current_billing_period.first) +
                                 "|" + core::isoFromDate(today) + "|" + (daily ? daily->file_name : "")
                           : std::string();
    if (inputs == s.forecast.inputs) return;
    ParticleForecastState f;
    f.inputs = std::move(inputs);
    if (a) {
        f.shown = true;
        core::ParticleForecastInput in{a->current_billing_period, today, a->device_messages, a->max_messages,
                                       daily ? &daily->daily : nullptr};
        f.forecast = core::particleForecast(in);
        if (const core::Projection* p = f.forecast.primary(); p && a->max_messages > 0)
            f.projected_fraction = core::roundedRatio(p->total, core::Decimal::fromInt(a->max_messages), 4);
        if (daily && f.forecast.from_report) {
            f.report_file = daily->file_name;
            f.chart = forecastChart(f.forecast, daily->daily, a->current_billing_period, today);
        }
    }
    s.forecast = std::move(f);
}

}  // namespace ud::app
