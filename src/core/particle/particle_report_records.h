// ReportRecords as stored on the device: a versioned list of versioned records.
// Reading is field by field and never aborts: a bad record is dropped alone (and
// named, so the page can say what was dropped), a record or list written by a
// newer UsageDesk is kept exactly as it was and written back untouched.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/particle/particle_report_poller.h"

namespace ud::core {

inline constexpr int kReportRecordVersion = 1;

std::string jsonFromReportRecord(const ReportRecord& record);
Result<ReportRecord> reportRecordFromJson(std::string_view text);

struct StoredReports {
    std::vector<ReportRecord> records;
    std::vector<std::string> forgotten;  // reportKey()s a tab forgot: other tabs drop them too
    std::vector<std::string> newer;    // records of a newer version, as stored (JSON text)
    std::vector<std::string> dropped;  // one line per dropped record: which one and why
    bool newer_list = false;           // the whole list is a newer version: leave it alone
};

StoredReports storedReportsFromJson(std::string_view text);
// The list to store: `records` plus the newer records kept untouched, and the
// keys of forgotten reports (the last 200).
std::string jsonFromStoredReports(const std::vector<ReportRecord>& records, const std::vector<std::string>& newer,
                                  const std::vector<std::string>& forgotten = {});

// One report, whichever tab holds it and before or after it got its id.
std::string reportKey(const ReportRecord& record);
// The copy that knows more about the same report: the later phase, then more
// status checks; `mine` on a tie.
bool knowsMore(const ReportRecord& theirs, const ReportRecord& mine);
// "1 saved report could not be read and was dropped: ..." or empty.
std::string droppedReportsNotice(const StoredReports& stored);

}  // namespace ud::core
