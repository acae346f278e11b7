// ParticleSim, part 6: the daily usage model of demo agreements (rules in
// particle_sim.h, modelDeviceOps). One function gives every device's data
// operations on a day, so the agreement counter, the 70/90/100 % notifications
// and every report CSV agree with each other.
#include <algorithm>

#include "sim/particle_sim.h"

namespace ud::core::particle_sim_detail {
namespace {

constexpr long long kRunsOutDaysAfterToday = 3;
constexpr long long kEarlierPeriodPercent = 75;
constexpr std::size_t kGoneDevice = 1;   // reports before this period, not in it
constexpr std::size_t kSpikeDevice = 2;  // 8x its share 3 days before today
constexpr long long kSpikeFactor = 8;
constexpr std::int64_t kSpikeDaysAgo = 3;

// Device shares before the pause: the day's target split over the active devices, +-20 %.
std::vector<long long> unpausedOps(const ParticleSimAgreement& a, std::size_t devices, Date day, Date today,
                                   std::uint64_t seed) {
    std::vector<long long> ops(devices, 0);
    if (devices < 2 || day > today) return ops;
    const DateRange period = billingPeriod(a, day);
    const bool current = period == billingPeriod(a, today);
    const long long days = daysBetween(period.first, period.last) + 1;
    // The current period's rate puts 100 % a few days after today (never past the period's end),
    // whatever day the demo is opened on.
    const long long crossing = std::min(daysBetween(period.first, today) + 1 + kRunsOutDaysAfterToday, days);
    const long long target = current ? a.max_messages / std::max<long long>(1, crossing)
                                     : a.max_messages * kEarlierPeriodPercent / 100 / days;
    const long long share = target / static_cast<long long>(devices - 1);
    for (std::size_t i = 0; i < devices; ++i) {
        if (modelDeviceAbsent(a, devices, i, day, today)) continue;
        const std::uint64_t h = mix(seed, static_cast<std::uint64_t>(daysFromDate(day)) * 1000 + i);
        ops[i] = share * (80 + static_cast<long long>(h % 41)) / 100;
        if (current && i == kSpikeDevice && day == addDays(today, -kSpikeDaysAgo)) ops[i] *= kSpikeFactor;
        if (day == today) ops[i] /= 2;
    }
    return ops;
}

long long sumOf(const std::vector<long long>& v) {
    long long s = 0;
    for (long long x : v) s += x;
    return s;
}

}  // namespace

bool modelDeviceAbsent(const ParticleSimAgreement& a, std::size_t devices, std::size_t index, Date day, Date today) {
    const bool current = billingPeriod(a, day) == billingPeriod(a, today);
    return index == (current ? kGoneDevice : devices - 1);
}

std::size_t deviceCount(const ParticleSimAgreement& agreement) {
    std::size_t n = 0;
    for (const auto& p : agreement.products) n += static_cast<std::size_t>(std::max(0, p.devices));
    return n;
}

std::vector<long long> modelDeviceOps(const ParticleSimAgreement& a, std::size_t devices, Date day, Date today,
                                      std::uint64_t seed) {
    // Paused once the period's total reached the plan before this day.
    const DateRange period = billingPeriod(a, day);
    long long before = 0;
    for (Date d = period.first; d < day; d = addDays(d, 1)) before += sumOf(unpausedOps(a, devices, d, today, seed));
    if (a.max_messages > 0 && before >= a.max_messages) return std::vector<long long>(devices, 0);
    return unpausedOps(a, devices, day, today, seed);
}

long long modelUsageSoFar(const ParticleSimAgreement& a, Date today, std::uint64_t seed) {
    const DateRange period = billingPeriod(a, today);
    const std::size_t devices = deviceCount(a);
    long long used = 0;
    for (Date d = period.first; d <= today; d = addDays(d, 1)) used += sumOf(modelDeviceOps(a, devices, d, today, seed));
    return used;
}

std::optional<Date> modelDayReaching(const ParticleSimAgreement& a, int percent, Date today, std::uint64_t seed) {
    const DateRange period = billingPeriod(a, today);
    const std::size_t devices = deviceCount(a);
    long long used = 0;
    for (Date d = period.first; d <= today; d = addDays(d, 1)) {
        used += sumOf(modelDeviceOps(a, devices, d, today, seed));
        if (used * 100 >= a.max_messages * percent) return d;
    }
    return std::nullopt;
}

}  // namespace ud::core::particle_sim_detail
