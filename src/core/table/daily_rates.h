// The daily rates a forecast uses, exact. A DailyValues holds one amount per
// calendar day of a range; days without rows count as 0, because a rate is
// per whole day of the period, not per row. From it: the average over the
// complete days so far, the last 7 complete days, and the lowest and highest
// 7-day windows (the likely range). "Complete" means before today: today's
// usage is still growing. A projection is
//     used + window sum x days left / window days
// computed in integers and rounded once, half away from zero (Decimal's
// roundedQuotient), so the only rounding is the one the reader sees.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/base/date.h"
#include "core/base/decimal.h"
#include "core/table/table.h"

namespace ud::core {

// A forecast needs this many complete days; fewer is "too little data".
inline constexpr std::int64_t kMinForecastDays = 3;
inline constexpr std::int64_t kRateWindowDays = 7;

struct DailyValues {
    DateRange range;              // the days the data covers (the range that was asked for)
    std::vector<Decimal> values;  // one per day of range, in order; missing days are 0

    std::int64_t dayCount() const { return static_cast<std::int64_t>(values.size()); }
    Decimal valueOn(Date day) const;  // 0 outside the range
    Decimal sumOver(DateRange days) const;
};

// Zeroes over `range` (last >= first; at most kMaxDailyDays days).
DailyValues emptyDailyValues(DateRange range);
inline constexpr std::int64_t kMaxDailyDays = 3660;
// Sums `value_column` per day over `rows`; rows without a day or a number, or
// outside `range`, are left out.
DailyValues dailyValuesFromTable(const Table& table, std::span<const std::uint32_t> rows, std::size_t date_column,
                                 std::size_t value_column, DateRange range);

// A run of whole days and what was used in them; the rate is sum / day_count.
struct RateWindow {
    DateRange days;
    Decimal sum;
    std::int64_t day_count = 0;
    // The rate per day, rounded once to `decimals` for display.
    std::optional<Decimal> perDay(int decimals) const { return roundedQuotient(sum, day_count, decimals); }
};

struct DailyRates {
    std::int64_t complete_days = 0;               // covered days of the period before today
    std::optional<DateRange> complete;            // those days
    std::optional<RateWindow> average;            // every complete day (at least kMinForecastDays)
    std::optional<RateWindow> last7;              // the last 7 complete days
    std::optional<RateWindow> lowest7, highest7;  // among every 7 consecutive complete days
};
// Complete days run from the later of the period's and the data's first day to
// the earliest of yesterday, the period's last day and the data's last day.
DailyRates dailyRatesFrom(const DailyValues& data, DateRange period, Date today);

// used + rate x days_left, rounded once to `decimals`; nullopt on overflow or an empty window.
std::optional<Decimal> projectedTotal(Decimal used, const RateWindow& rate, std::int64_t days_left, int decimals);
// The first day after `today` on which used + rate x (days after today) reaches
// `limit`; nullopt when the rate is not positive. Callers check used < limit first.
std::optional<Date> dateReaching(Decimal used, Decimal limit, const RateWindow& rate, Date today);

}  // namespace ud::core
