// The ActivePlatform month-end forecast per currency (rules in activeplatform_forecast.h).
#include "core/activeplatform/activeplatform_forecast.h"

namespace ud::core {
namespace {

std::string daysText(std::int64_t n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }
std::string rangeText(const DateRange& r) { return isoFromDate(r.first) + ".." + isoFromDate(r.last); }

std::optional<Projection> projectionFrom(const std::optional<RateWindow>& window, Decimal used, std::int64_t days_left) {
    if (!window) return std::nullopt;
    auto rate = window->perDay(kMoneyForecastDecimals);
    auto total = projectedTotal(used, *window, days_left, kMoneyForecastDecimals);
    if (!rate || !total) return std::nullopt;
    return Projection{*window, *rate, *total};
}

std::string money(Decimal value, const std::string& currency) { return formatMoney(value, currency); }

CurrencyForecast forecastFor(const DailyCategorySeries& series, const ActivePlatformForecast& f, Date today) {
    CurrencyForecast c;
    c.currency = series.currency;
    const DailyValues values = dailyValuesFromSeries(series, f.month);
    c.month_to_date = values.sumOver({f.month.first, today});
    const DailyRates rates = dailyRatesFrom(values, f.month, today);
    c.complete_days = rates.complete_days;
    c.average = projectionFrom(rates.average, c.month_to_date, f.days_left);
    c.last7 = projectionFrom(rates.last7, c.month_to_date, f.days_left);
    c.lowest7 = projectionFrom(rates.lowest7, c.month_to_date, f.days_left);
    c.highest7 = projectionFrom(rates.highest7, c.month_to_date, f.days_left);
    const Projection* p = c.primary();
    const std::string so_far = money(c.month_to_date, c.currency) + " so far";
    if (!p) {
        c.status = ForecastStatus::TooLittleData;
        c.sentence = "Too little data for a forecast yet: " + daysText(c.complete_days) + " complete (a forecast needs " +
                     daysText(kMinForecastDays) + "); " + so_far + ".";
        return c;
    }
    c.status = ForecastStatus::Ready;
    c.sentence = std::string("At ") + (c.last7 && p == &*c.last7 ? "the last 7 days' rate" : "the average rate so far") +
                 " the month ends at about " + money(p->total, c.currency) + " (" + so_far + ", " +
                 daysText(f.days_left) + " left).";
    std::string d = "Month to date " + money(c.month_to_date, c.currency) + " (" + rangeText({f.month.first, today}) +
                    ", today's lines included). ";
    auto line = [&](const char* label, const Projection& q) {
        d += std::string(label) + " (" + rangeText(q.window.days) + "): " + money(q.window.sum, c.currency) + " in " +
             daysText(q.window.day_count) + " = " + money(q.rate_per_day, c.currency) + " a day -> " +
             money(q.total, c.currency) + ". ";
    };
    if (c.average) line("Average so far", *c.average);
    if (c.last7) line("Last 7 complete days", *c.last7);
    if (c.lowest7 && c.highest7)
        d += "Likely range " + money(c.lowest7->total, c.currency) + " to " + money(c.highest7->total, c.currency) +
             " (lowest and highest 7-day rate this month). ";
    d += "Projection = month to date + rate x days left, exact, rounded once (half away from zero) to the cent.";
    c.details = d;
    return c;
}

}  // namespace

DailyValues dailyValuesFromSeries(const DailyCategorySeries& series, DateRange range) {
    DailyValues out = emptyDailyValues(range);
    for (std::size_t d = 0; d < series.day_count && d < series.day_totals.size(); ++d) {
        const std::int64_t i = daysBetween(out.range.first, addDays(series.first_day, static_cast<std::int64_t>(d)));
        if (i >= 0 && i < out.dayCount()) out.values[static_cast<std::size_t>(i)] += series.day_totals[d];
    }
    return out;
}

ActivePlatformForecast activePlatformForecast(const std::vector<DailyCategorySeries>& daily, DateRange fetched,
                                              Date today) {
    ActivePlatformForecast f;
    f.month = {firstOfMonth(today), lastOfMonth(today)};
    f.day_of_month = today.day;
    f.days_left = daysBetween(today, f.month.last);
    if (fetched.first > f.month.first || fetched.last < today) {
        f.status = ForecastStatus::OutsidePeriod;
        f.notice = "The month-end forecast needs a range from the 1st of this month through today (" +
                   rangeText({f.month.first, today}) + "); the fetched range is " + rangeText(fetched) + ".";
        return f;
    }
    if (daily.empty()) {
        f.notice = "No costs this month yet, so there is nothing to forecast.";
        return f;
    }
    for (const auto& series : daily) {
        f.currencies.push_back(forecastFor(series, f, today));
        if (f.currencies.back().status == ForecastStatus::Ready) f.status = ForecastStatus::Ready;
    }
    if (f.status != ForecastStatus::Ready) f.status = ForecastStatus::TooLittleData;
    return f;
}

}  // namespace ud::core
