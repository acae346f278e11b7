// Usage and billing-period sentences (see particle_usage_text.h).
#include "core/particle/particle_usage_text.h"

#include "core/base/decimal.h"

namespace ud::core {

std::string usageAgainstIncludedText(long long used, long long included) {
    if (used < 0) return {};
    std::string text = formatCount(used);
    if (included > 0)
        text += " of " + formatCount(included) + " (" + std::to_string(wholePercent(used, included)) + " %)";
    return text;
}

long long countedDevices(const ServiceAgreement& agreement) {
    return agreement.billable_devices >= 0 ? agreement.billable_devices : agreement.owned_devices;
}

std::string billingPeriodText(const ServiceAgreement& agreement, Date today) {
    const DateRange& period = agreement.current_billing_period;
    std::string text = "Billing period " + isoFromDate(period.first) + " to " + isoFromDate(period.last);
    const long long day = daysBetween(period.first, today) + 1, days = daysBetween(period.first, period.last) + 1;
    if (day >= 1 && day <= days) text += "  (day " + std::to_string(day) + " of " + std::to_string(days) + ")";
    if (agreement.next_billing_period_start)
        text += ", next starts " + isoFromDate(*agreement.next_billing_period_start);
    return text;
}

}  // namespace ud::core
