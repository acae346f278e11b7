// The service agreement's figures as the sentences the page and the command
// line both show: usage against what is included, and the billing period.
#pragma once

#include <string>

#include "core/base/date.h"
#include "core/particle/particle_models.h"

namespace ud::core {

// "83,000 of 100,000 (83 %)"; "83,000" when nothing is included; "" when the
// API did not report the count (used < 0).
std::string usageAgainstIncludedText(long long used, long long included);
// Devices counted against the plan: billable devices, else owned devices.
long long countedDevices(const ServiceAgreement& agreement);
// "Billing period 2026-05-04 to 2026-06-03  (day 12 of 31), next starts 2026-06-04".
std::string billingPeriodText(const ServiceAgreement& agreement, Date today);

}  // namespace ud::core
