// Report records on disk (see cli_report_records.h).
#include "cli_report_records.h"

#include "cli_context.h"
#include "cli_secrets.h"

namespace ud::cli {

std::string reportRecordsPath() { return stateDir() + "/particle-reports.json"; }

std::vector<core::ReportRecord> loadReportRecords() {
    auto text = readWholeFile(reportRecordsPath());
    if (!text) return {};
    // The page's rule: a bad record is dropped alone and named.
    core::StoredReports stored = core::storedReportsFromJson(*text);
    if (stored.newer_list) warn("the report list was written by a newer UsageDesk (" + reportRecordsPath() + ")");
    if (std::string notice = core::droppedReportsNotice(stored); !notice.empty())
        warn(notice + " (" + reportRecordsPath() + ")");
    return std::move(stored.records);
}

void saveReportRecords(const std::vector<core::ReportRecord>& records) {
    makeDirs(stateDir());
    if (auto written = writeFileAtomically(reportRecordsPath(), core::jsonFromStoredReports(records, {}), 0600); !written)
        warn(written.error().message);
}

core::ReportRecord* findReportRecord(std::vector<core::ReportRecord>& records, const core::ReportId& id,
                                     const core::Scope& scope) {
    for (auto& r : records)
        if (r.id == id && r.scope == scope) return &r;
    return nullptr;
}

void storeReportRecord(const core::ReportRecord& record) {
    auto records = loadReportRecords();
    if (core::ReportRecord* existing = findReportRecord(records, record.id, record.scope)) *existing = record;
    else records.push_back(record);
    saveReportRecords(records);
}

}  // namespace ud::cli
