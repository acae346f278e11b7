// What spiked: days on which one key (a device, a category, a resource) used
// far more than its own usual day. The rule, checkable by hand:
//   a key's day is a spike when its total that day is
//     more than `factor` x the median of the key's daily totals, and
//     at least `minimum` (so tiny values do not flood the list).
// The median is over every day of the range (first to last date of the rows
// given), days without rows counting as 0; with an even number of days it is
// the mean of the two middle days. The test is exact: 2 x value > factor x
// (a + b) for the two middle values a and b. With a currency column, keys are
// per currency, so amounts in different currencies are never mixed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/base/date.h"
#include "core/base/decimal.h"
#include "core/base/result.h"
#include "core/table/table.h"

namespace ud::core {

struct SpikeRule {
    long long factor = 3;  // more than factor x the median day
    Decimal minimum;       // and at least this much
};

struct SpikeSpec {
    std::size_t date_column = 0;
    std::size_t key_column = 0;
    std::size_t value_column = 0;
    std::optional<std::size_t> currency_column;
    SpikeRule rule;
};

struct Spike {
    std::string currency;  // "" without a currency column
    std::string key;
    Date day;
    Decimal value;                        // the key's total that day
    Decimal median;                       // the key's median day (exact to 10^-9)
    std::int64_t range_days = 0;          // days the median is taken over
    std::optional<Decimal> times_median;  // value / median, one decimal; none when the median is 0
};

inline constexpr std::size_t kMaxSpikes = 500;  // a list people read; the rest is counted

struct SpikeList {
    std::vector<Spike> spikes;  // newest day first, then largest value, then key
    std::size_t more = 0;       // spikes past kMaxSpikes, left out
    DateRange range;            // the days looked at
    std::size_t keys = 0;       // keys looked at
};

// Validation error when the columns are out of range or of the wrong type.
Result<SpikeList> spikesFromTable(const Table& table, std::span<const std::uint32_t> rows, const SpikeSpec& spec);

// "sensor-07 on 2026-11-20: 41,230, 12.4x its median day of 3,320 over 30 days."
// `decimals`: fraction digits of the amounts; `unit` follows amounts ("EUR", "").
std::string explainSpike(const Spike& spike, int decimals, const std::string& unit = "");
// "More than 3x the key's median day and at least 5,000."
std::string textFromSpikeRule(const SpikeRule& rule, int decimals, const std::string& unit = "");

}  // namespace ud::core
