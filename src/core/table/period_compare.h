// Two periods side by side: the total of each, the change and the change in
// percent, overall and by a key (device, product, category, resource group),
// sorted by the size of the change. Keys only one side has are marked new or
// gone. With a currency column the comparison is made per currency: amounts
// in different currencies are never added or compared.
// Percent = (after - before) / |before| x 100, exact, rounded once (half away
// from zero) to one decimal; a change from 0 has no percentage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/base/decimal.h"
#include "core/base/result.h"
#include "core/table/daily_rates.h"
#include "core/table/table.h"

namespace ud::core {

inline constexpr int kChangePercentDecimals = 1;

// One period's rows and which columns to read (the two tables may differ in layout).
struct CompareSide {
    const Table* table = nullptr;
    std::span<const std::uint32_t> rows;
    std::optional<std::size_t> key_column;       // none: totals only
    std::size_t value_column = 0;                // Integer or Decimal, summed
    std::optional<std::size_t> currency_column;  // amounts per currency
};

enum class KeyPresence { Both, New, Gone };
const char* nameFromPresence(KeyPresence presence);  // "", "new", "gone"

struct CompareLine {
    std::string currency;  // "" without a currency column
    std::string key;       // "" for the total line
    Decimal before, after, change;
    std::optional<Decimal> change_percent;  // none when before is 0
    KeyPresence presence = KeyPresence::Both;
};

struct PeriodComparison {
    std::vector<CompareLine> totals;  // one per currency, by currency code
    std::vector<CompareLine> keys;    // by currency, then |change| largest first, then key
};

// Validation error when a side has no table or its columns are out of range or not numeric.
// ignore_case: keys that differ only in ASCII case are one key (ActivePlatform
// resource groups, "rgLan" and "RGLAN"); the first spelling seen is shown.
Result<PeriodComparison> comparePeriods(const CompareSide& before, const CompareSide& after, bool ignore_case = false);

// The comparison as a table (for the table widget and CSV export): Currency
// (when any), <key_header>, Before, After, Change, Change %, Status.
Table tableFromComparison(const PeriodComparison& comparison, const std::string& key_header);

// Two periods' daily values aligned from their first days: day i of each.
// Lengths may differ; the shorter is padded with none.
struct AlignedDays {
    std::vector<std::optional<Decimal>> before, after;
    std::size_t dayCount() const { return before.size() > after.size() ? before.size() : after.size(); }
};
AlignedDays alignedDays(const DailyValues& before, const DailyValues& after);

}  // namespace ud::core
