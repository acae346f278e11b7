// Counting outstanding reports per scope and refusing a 4th (particle_report_quota.h).
#include "core/particle/particle_report_quota.h"

#include <algorithm>

#include "core/particle/particle_errors.h"

namespace ud::core {

int outstandingReportCount(const std::vector<ReportRecord>& records, const Scope& scope) {
    return static_cast<int>(std::count_if(records.begin(), records.end(), [&](const ReportRecord& r) {
        return r.scope == scope && isOutstandingPhase(r.phase);
    }));
}

Status checkReportQuota(const std::vector<ReportRecord>& records, const Scope& scope) {
    if (outstandingReportCount(records, scope) < kMaxOutstandingReports) return Ok{};
    return makeError(ErrorKind::Limit, std::string(kOutstandingLimitMessage));
}

}  // namespace ud::core
