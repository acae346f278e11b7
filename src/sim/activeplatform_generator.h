// Deterministic daily-analytics data for the simulated ActivePlatform (doc 9.7):
// many lines per day over 8 categories, resource groups in mixed case, regions
// (some empty), free-text units; total = round6(unit_price x duration) minus the
// discount; zero lines, refunds (negative), one tiny value in exponent form;
// billed_day = operate_day or a day or two later. The same seed and day always
// give the same lines, whatever range is asked for.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/date.h"

namespace ud::core {

struct AnalyticsGeneratorOptions {
    std::uint64_t seed = 1;
    int lines_per_day = 10;
    std::vector<std::string> currencies{"EUR"};  // more than one: lines alternate (mixed-currency preset)
    int tax_percent = 0;                         // taxes_total = total x this / 100, rounded to 6 decimals
    // Body variations the fake server's fault switches ask for:
    bool amounts_as_numbers = false;  // JSON numbers instead of decimal strings
    bool unknown_extras = false;      // extra item keys and a header of unknown type ("boolean")
    bool integer_id = false;          // "id": 70112 instead of "70112"
    bool items_missing = false;       // no "items" member at all
    // Demo shape (same lines, other amounts and names), so insights have something to find:
    // months cost 100 / 120 / 140 % in turn (this month and last always differ), on days
    // where days-since-1970 % 23 == 5 "Standard Data Transfer Out" moves 60x its usual
    // volume (a spike), and in even months resource group "rg-data" is named "rg-archive"
    // (a group new or gone between two months).
    bool demo_shape = false;
};

// The complete answer body for `subscription_id` over `range` (inclusive).
// Days after `today` have no items (the future has no consumption).
std::string analyticsBodyFromGenerator(const std::string& subscription_id, DateRange range, Date today,
                                       const AnalyticsGeneratorOptions& options);

// What the body for the same arguments adds up to, per currency, summed from
// the generated lines themselves (never from the JSON text): the fake's own
// expected totals, so a client's parse-and-total can be checked against them.
struct GeneratedTotals {
    std::string currency;
    std::int64_t lines = 0;
    std::int64_t total_micros = 0;
    std::int64_t taxes_micros = 0;
    std::int64_t discount_micros = 0;
};
std::vector<GeneratedTotals> analyticsTotalsFromGenerator(DateRange range, Date today,
                                                          const AnalyticsGeneratorOptions& options);

// "0.13664", "2.0", "0.0", "-1.5": micro-units as the API's float-style text.
std::string apTextFromMicros(std::int64_t micros);
// A tiny non-zero amount in exponent form, as a float printer would: 50 -> "5.0e-05".
std::string apExponentTextFromMicros(std::int64_t micros);

}  // namespace ud::core
