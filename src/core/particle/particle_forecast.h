// Where a Particle billing period is heading: the data operations projected to
// the period's end, the date 100 % would be reached, and what happens then.
// Inputs: the service agreement's counter (used so far, included, period) and,
// when a report of the current period is at hand, its daily data operations.
//   - Average rate so far. Agreement only: used / days so far, today counted
//     (the counter includes today). With a report: the report's complete days.
//   - Rate of the last 7 complete days, and the likely range: the projection at
//     the lowest and the highest 7-day rate in the period (needs a report).
//   - Projection at a rate r: used + r x days left (the days after today),
//     exact, rounded once, half away from zero, to whole data operations.
//   - 100 % (and 70 %, 90 %) date: the first day after today on which
//     used + r x days reaches the threshold, at the last 7 days' rate when
//     known, otherwise the average; shown only inside the period.
// Fewer than kMinForecastDays days is "too little data": said, never guessed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/date.h"
#include "core/base/decimal.h"
#include "core/table/daily_rates.h"

namespace ud::core {

enum class ForecastStatus {
    Ready,          // projections below
    TooLittleData,  // fewer than kMinForecastDays days
    OutsidePeriod,  // today is not inside the range to forecast
    NoData,         // the API did not report the usage (or nothing was fetched)
};

// One projection and the numbers it came from, for the details line.
struct Projection {
    RateWindow window;       // the days the rate was taken from
    Decimal rate_per_day;    // window.sum / window.day_count, rounded for display
    Decimal total;           // used + rate x days left, rounded once
};

struct ThresholdForecast {
    int percent = 0;            // 70, 90, 100
    bool reached = false;       // already at or past it
    std::optional<Date> date;   // projected day, inside the period only
};

struct ParticleForecastInput {
    DateRange period;
    Date today;
    long long used = -1;      // data operations so far; -1 = not reported
    long long included = -1;  // included in the plan; -1 or 0 = unknown
    const DailyValues* daily = nullptr;  // a report's daily data operations, when one is at hand
};

struct ParticleForecast {
    ForecastStatus status = ForecastStatus::NoData;
    std::int64_t day_of_period = 0;  // today's day, 1-based
    std::int64_t period_days = 0;
    std::int64_t days_left = 0;      // days after today in the period
    bool from_report = false;        // the rates come from a report's daily data
    std::int64_t report_days = 0;    // complete days the report covers
    std::optional<Projection> average, last7, lowest7, highest7;
    std::vector<ThresholdForecast> thresholds;  // 70, 90, 100
    std::optional<Date> full_date;   // 100 % inside the period at the primary rate

    const Projection* primary() const { return last7 ? &*last7 : average ? &*average : nullptr; }
    std::string sentence;     // "At the last 7 days' rate you reach 100 % around 2 Dec, 2 days before the period ends."
    std::string consequence;  // what happens at 70/90/100 %
    std::string details;      // the method and every number it used
};

ParticleForecast particleForecast(const ParticleForecastInput& input);

// "the last 7 days' rate" / "the average rate so far".
const char* rateName(const ParticleForecast& forecast, const Projection& projection);

}  // namespace ud::core
