// Exact cost totals of an ActivePlatform items table, always per currency
// (amounts in different currencies are never added together), and the daily
// cost by category (top N + "Other") that feeds the stacked chart.
// Reads the columns by name: currency, total, taxes_total, discount_amount,
// category, subcategory, resource_group, region, sku, operate_day. A missing
// column counts as empty. Resource groups are grouped ignoring case (the API
// sends "rgLan" and "RGLAN" for one group, doc 5.3); the first spelling is shown.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/base/date.h"
#include "core/base/decimal.h"
#include "core/table/table.h"

namespace ud::core {

struct AmountTotals {
    Decimal total;
    Decimal taxes_total;
    Decimal discount_amount;
    std::size_t lines = 0;
};

struct GroupTotal {
    std::string key;  // "" = lines without a value (the UI shows "(none)")
    AmountTotals amounts;
};

struct CurrencyTotals {
    std::string currency;  // "" when lines carry no currency
    AmountTotals grand;
    // Each sorted by total, largest first, then by key.
    std::vector<GroupTotal> by_category;
    std::vector<GroupTotal> by_subcategory;
    std::vector<GroupTotal> by_resource_group;
    std::vector<GroupTotal> by_region;
    std::vector<GroupTotal> by_sku;
};

struct CostTotals {
    std::vector<CurrencyTotals> currencies;  // sorted by currency code
    // Lines whose total is not a number (a column widened to text); kept out of the sums.
    std::size_t unreadable_lines = 0;
};

CostTotals costTotalsFromTable(const Table& items);

inline constexpr const char* kOtherCategory = "Other";
// Limits that keep a damaged answer (dates over centuries, thousands of
// currencies) from allocating gigabytes: only the latest days, and only the
// currencies with the most lines, are charted.
inline constexpr std::int64_t kMaxChartDays = 3660;
inline constexpr std::size_t kMaxChartCurrencies = 8;

// One currency's daily cost by category: values[category][day], exact.
struct DailyCategorySeries {
    std::string currency;
    Date first_day;                      // days run first_day .. first_day + day_count - 1, gaps are zero
    std::size_t day_count = 0;
    std::vector<std::string> categories;  // the top N by total, then "Other" when more exist
    std::size_t other_category_count = 0; // categories folded into "Other"
    std::vector<std::vector<Decimal>> values;
    std::vector<Decimal> day_totals;     // sum over categories per day (hover, axis range)
};

// Lines without an operate_day or a numeric total are left out, as are days
// more than kMaxChartDays before a currency's last day.
std::vector<DailyCategorySeries> dailyCostByCategory(const Table& items, std::size_t top_n = 8);

}  // namespace ud::core
