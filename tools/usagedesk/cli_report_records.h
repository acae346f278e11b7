// The reports this machine requested, kept between runs so the 3-at-a-time
// rule can be explained before a 4th is sent (as the page keeps them in
// localStorage). $XDG_STATE_HOME/usagedesk/particle-reports.json holds core's
// ReportRecord JSON: id, scope, type, range, times and state; never a token or
// a download URL.
#pragma once

#include <string>
#include <vector>

#include "core/particle/particle_report_poller.h"
#include "core/particle/particle_report_records.h"

namespace ud::cli {

std::string reportRecordsPath();
std::vector<core::ReportRecord> loadReportRecords();  // empty when none or unreadable
void saveReportRecords(const std::vector<core::ReportRecord>& records);
// Replaces the record with the same id and scope, or adds it.
void storeReportRecord(const core::ReportRecord& record);
core::ReportRecord* findReportRecord(std::vector<core::ReportRecord>& records, const core::ReportId& id,
                                     const core::Scope& scope);

}  // namespace ud::cli
