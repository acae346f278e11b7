// Where this month's ActivePlatform cost is heading, per currency (amounts in
// different currencies are never added). Same rules and wording as the
// Particle forecast (core/particle/particle_forecast.h):
//   - Month to date: every line of the month up to and including today.
//   - Average rate: the month's complete days (1st .. yesterday); the last 7
//     complete days; the likely range from the lowest and highest 7-day windows.
//     Days without lines count as 0: a rate is per calendar day.
//   - Projection at a rate r: month to date + r x days left (after today),
//     exact, rounded once (half away from zero) to the cent.
// Needs a fetched range that starts on or before the 1st and reaches today.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/activeplatform/activeplatform_totals.h"
#include "core/base/date.h"
#include "core/base/decimal.h"
#include "core/particle/particle_forecast.h"
#include "core/table/daily_rates.h"

namespace ud::core {

inline constexpr int kMoneyForecastDecimals = 2;

struct CurrencyForecast {
    std::string currency;
    ForecastStatus status = ForecastStatus::NoData;
    Decimal month_to_date;
    std::int64_t complete_days = 0;
    std::optional<Projection> average, last7, lowest7, highest7;

    const Projection* primary() const { return last7 ? &*last7 : average ? &*average : nullptr; }
    std::string sentence;  // "At the last 7 days' rate the month ends at about 1,234.56 EUR ..."
    std::string details;   // the method and the numbers
};

struct ActivePlatformForecast {
    ForecastStatus status = ForecastStatus::NoData;  // Ready when at least one currency has a forecast
    DateRange month;                                 // the calendar month of today
    std::int64_t day_of_month = 0;
    std::int64_t days_left = 0;                      // days after today
    std::vector<CurrencyForecast> currencies;        // one per currency, in the order given
    std::string notice;                              // why there is no forecast, when there is none
};

// `daily`: the fetched items' daily totals per currency (dailyCostByCategory);
// `fetched`: the range asked for.
ActivePlatformForecast activePlatformForecast(const std::vector<DailyCategorySeries>& daily, DateRange fetched,
                                              Date today);

// One currency's daily totals over `range` (days without lines are 0).
DailyValues dailyValuesFromSeries(const DailyCategorySeries& series, DateRange range);

}  // namespace ud::core
