// Daily values from a table and the rate windows of a forecast (see daily_rates.h).
#include "core/table/daily_rates.h"

#include <algorithm>

namespace ud::core {

Decimal DailyValues::valueOn(Date day) const {
    const std::int64_t i = daysBetween(range.first, day);
    if (i < 0 || i >= dayCount()) return {};
    return values[static_cast<std::size_t>(i)];
}

Decimal DailyValues::sumOver(DateRange days) const {
    Decimal sum;
    for (Date d = days.first; d <= days.last; d = addDays(d, 1)) sum += valueOn(d);
    return sum;
}

DailyValues emptyDailyValues(DateRange range) {
    DailyValues out;
    out.range = range;
    std::int64_t n = daysBetween(range.first, range.last) + 1;
    if (n < 0) n = 0;
    if (n > kMaxDailyDays) {  // keep the latest days (a damaged range must not allocate gigabytes)
        out.range.first = addDays(range.last, -(kMaxDailyDays - 1));
        n = kMaxDailyDays;
    }
    out.values.assign(static_cast<std::size_t>(n), Decimal{});
    return out;
}

DailyValues dailyValuesFromTable(const Table& table, std::span<const std::uint32_t> rows, std::size_t date_column,
                                 std::size_t value_column, DateRange range) {
    DailyValues out = emptyDailyValues(range);
    if (date_column >= table.columnCount() || value_column >= table.columnCount()) return out;
    const Column& dates = table.column(date_column);
    const Column& amounts = table.column(value_column);
    if (dates.type() != ColumnType::Date) return out;
    const std::int64_t first = daysFromDate(out.range.first);
    for (std::uint32_t row : rows) {
        if (dates.isNull(row)) continue;
        auto value = amounts.number(row);
        if (!value) continue;
        const std::int64_t i = dates.days(row) - first;
        if (i < 0 || i >= out.dayCount()) continue;
        out.values[static_cast<std::size_t>(i)] += *value;
    }
    return out;
}

DailyRates dailyRatesFrom(const DailyValues& data, DateRange period, Date today) {
    DailyRates out;
    if (data.values.empty()) return out;
    const Date first = std::max(period.first, data.range.first);
    const Date last = std::min({addDays(today, -1), period.last, data.range.last});
    if (last < first) return out;
    out.complete = DateRange{first, last};
    out.complete_days = daysBetween(first, last) + 1;
    auto window = [&](Date from, Date to) {
        return RateWindow{{from, to}, data.sumOver({from, to}), daysBetween(from, to) + 1};
    };
    if (out.complete_days >= kMinForecastDays) out.average = window(first, last);
    if (out.complete_days < kRateWindowDays) return out;
    out.last7 = window(addDays(last, -(kRateWindowDays - 1)), last);
    // Slide a 7-day window over the complete days; the first lowest/highest wins ties.
    RateWindow w = window(first, addDays(first, kRateWindowDays - 1));
    out.lowest7 = w;
    out.highest7 = w;
    for (Date end = addDays(w.days.last, 1); end <= last; end = addDays(end, 1)) {
        w.sum += data.valueOn(end);
        w.sum -= data.valueOn(w.days.first);
        w.days = {addDays(w.days.first, 1), end};
        if (w.sum < out.lowest7->sum) out.lowest7 = w;
        if (w.sum > out.highest7->sum) out.highest7 = w;
    }
    return out;
}

std::optional<Decimal> projectedTotal(Decimal used, const RateWindow& rate, std::int64_t days_left, int decimals) {
    if (rate.day_count <= 0) return std::nullopt;
    // (used x n + sum x left) / n: exact until the one division.
    auto base = checkedMul(used, rate.day_count);
    auto ahead = checkedMul(rate.sum, std::max<std::int64_t>(days_left, 0));
    if (!base || !ahead) return std::nullopt;
    auto numerator = checkedAdd(*base, *ahead);
    if (!numerator) return std::nullopt;
    return roundedQuotient(*numerator, rate.day_count, decimals);
}

std::optional<Date> dateReaching(Decimal used, Decimal limit, const RateWindow& rate, Date today) {
    if (rate.day_count <= 0 || rate.sum.units() <= 0) return std::nullopt;
    // Smallest k >= 1 with used + sum x k / n >= limit, i.e. k = ceil((limit - used) x n / sum).
    const Int128 missing = limit.units() - used.units();
    if (missing <= 0) return addDays(today, 1);
    auto need = checkedMul(Decimal::fromUnits(missing), rate.day_count);
    if (!need) return std::nullopt;
    Int128 k = need->units() / rate.sum.units() + (need->units() % rate.sum.units() != 0 ? 1 : 0);
    if (k < 1) k = 1;
    if (k > kMaxDailyDays * 100) return std::nullopt;  // centuries away: say "not in sight"
    return addDays(today, static_cast<std::int64_t>(k));
}

}  // namespace ud::core
