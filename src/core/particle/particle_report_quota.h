// Outstanding-report accounting: Particle allows 3 report requests being
// prepared at a time, so the client refuses a 4th before sending it. The
// server's own refusal is mapped by particle_errors (same sentence).
#pragma once

#include <vector>

#include "core/particle/particle_report_poller.h"

namespace ud::core {

inline constexpr int kMaxOutstandingReports = 3;

int outstandingReportCount(const std::vector<ReportRecord>& records, const Scope& scope);
// Ok, or a Limit error with kOutstandingLimitMessage.
Status checkReportQuota(const std::vector<ReportRecord>& records, const Scope& scope);

}  // namespace ud::core
