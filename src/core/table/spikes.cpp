// The spike list (rule in spikes.h): daily totals per key over one day range,
// each key's median, then every day that passes the rule.
#include "core/table/spikes.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "core/table/daily_rates.h"

namespace ud::core {
namespace {

std::string withUnit(std::string text, const std::string& unit) { return unit.empty() ? text : text + " " + unit; }

}  // namespace

Result<SpikeList> spikesFromTable(const Table& table, std::span<const std::uint32_t> rows, const SpikeSpec& spec) {
    const std::size_t n = table.columnCount();
    if (spec.date_column >= n || table.column(spec.date_column).type() != ColumnType::Date)
        return makeError(ErrorKind::Validation, "The spike list needs a date column.");
    if (spec.value_column >= n || !table.column(spec.value_column).isNumeric())
        return makeError(ErrorKind::Validation, "The spike list needs a numeric amount column.");
    if (spec.key_column >= n || (spec.currency_column && *spec.currency_column >= n))
        return makeError(ErrorKind::Validation, "The spike list needs a key column.");
    if (spec.rule.factor < 1) return makeError(ErrorKind::Validation, "The spike factor must be at least 1.");
    const Column& dates = table.column(spec.date_column);
    const Column& values = table.column(spec.value_column);
    const Column& keys = table.column(spec.key_column);

    SpikeList out;
    std::int32_t first = 0, last = -1;
    bool any = false;
    for (std::uint32_t row : rows) {
        if (dates.isNull(row) || !values.number(row)) continue;
        const std::int32_t d = dates.days(row);
        first = any ? std::min(first, d) : d;
        last = any ? std::max(last, d) : d;
        any = true;
    }
    if (!any) return out;
    out.range = emptyDailyValues({dateFromDays(first), dateFromDays(last)}).range;  // capped like every daily series
    const std::int32_t range_first = static_cast<std::int32_t>(daysFromDate(out.range.first));
    const std::size_t day_count = static_cast<std::size_t>(daysBetween(out.range.first, out.range.last) + 1);

    std::map<std::pair<std::string, std::string>, std::vector<Decimal>> per_key;
    for (std::uint32_t row : rows) {
        auto amount = values.number(row);
        if (dates.isNull(row) || !amount || dates.days(row) < range_first) continue;
        std::string currency = spec.currency_column ? table.column(*spec.currency_column).cellText(row) : std::string();
        auto& days = per_key[{std::move(currency), keys.cellText(row)}];
        if (days.empty()) days.assign(day_count, Decimal{});
        days[static_cast<std::size_t>(dates.days(row) - range_first)] += *amount;
    }
    out.keys = per_key.size();
    std::vector<Decimal> sorted;
    for (const auto& [id, days] : per_key) {
        sorted = days;
        std::sort(sorted.begin(), sorted.end());
        // Twice the median, exact: the middle value doubled, or the two middle values added.
        const std::size_t mid = sorted.size() / 2;
        const Decimal median_twice = sorted.size() % 2 ? sorted[mid] + sorted[mid] : sorted[mid - 1] + sorted[mid];
        const Decimal median = *roundedQuotient(median_twice, 2, Decimal::kScale);
        auto threshold = checkedMul(median_twice, spec.rule.factor);
        if (!threshold) continue;
        for (std::size_t d = 0; d < days.size(); ++d) {
            const Decimal v = days[d];
            if (v < spec.rule.minimum || !(v + v > *threshold)) continue;
            Spike s{id.first, id.second, addDays(out.range.first, static_cast<std::int64_t>(d)), v, median,
                    static_cast<std::int64_t>(day_count), std::nullopt};
            if (!median.isZero()) s.times_median = roundedRatio(v + v, median_twice, 1);
            out.spikes.push_back(std::move(s));
        }
    }
    std::sort(out.spikes.begin(), out.spikes.end(), [](const Spike& a, const Spike& b) {
        if (a.day != b.day) return a.day > b.day;
        if (a.value != b.value) return a.value > b.value;
        return std::tie(a.currency, a.key) < std::tie(b.currency, b.key);
    });
    if (out.spikes.size() > kMaxSpikes) {
        out.more = out.spikes.size() - kMaxSpikes;
        out.spikes.resize(kMaxSpikes);
    }
    return out;
}

std::string explainSpike(const Spike& s, int decimals, const std::string& unit) {
    std::string text = (s.key.empty() ? std::string("(none)") : s.key) + " on " + isoFromDate(s.day) + ": " +
                       withUnit(formatDecimal(s.value, decimals), unit) + ", ";
    text += s.times_median ? formatDecimal(*s.times_median, 1) + "x its median day of " : std::string("its median day is ");
    text += withUnit(formatDecimal(s.median, decimals), unit) + " over " + std::to_string(s.range_days) + " days.";
    return text;
}

std::string textFromSpikeRule(const SpikeRule& rule, int decimals, const std::string& unit) {
    return "More than " + std::to_string(rule.factor) + "x the median day of the same " +
           "key over the range (days without rows count as 0), and at least " +
           withUnit(formatDecimal(rule.minimum, decimals), unit) + ".";
}

}  // namespace ud::core
