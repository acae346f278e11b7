// A usage report's lifecycle as a pure step function: step(state, event, now)
// returns the new state and commands; it owns no timer and does no I/O.
//
//   Requested --Created--> Pending --StatusArrived(download_url)--> Available --(expires_at)--> Expired
//       |                   |  ^ Tick (due) -> CheckStatus                        
//       |                   |  | StatusFailed 429/503/5xx/network -> back off
//       |                   |  +-- 401 -> SignedOut --Resume--> Pending
//       |                   +-- failed/error/canceled, 4xx -> Failed
//       |                   +-- pending 60 min after the request -> TimedOut
//       +--CreateFailed (refused: 4xx) --> Failed
//       +--CreateFailed (timeout, dropped, 5xx, unreadable 2xx) --> Uncertain: "may have been
//          created"; kept, counted against the limit, never sent again by itself
//
// Polling schedule (tutorial): first check 15 s after the request, then 30 s,
// then 60 s, then every 60 s. A 429/503 waits its Retry-After (else >= 60 s);
// network errors back off 15, 30, 60, 120, 240, 300 s. Final states stop.
// ReportRecord is what survives a page reload: no token, no download URL.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/base/date.h"
#include "core/particle/particle_models.h"
#include "core/base/result.h"

namespace ud::core {

enum class ReportPhase { Requested, Pending, SignedOut, Available, Failed, Expired, TimedOut, Uncertain };
const char* nameFromReportPhase(ReportPhase phase);
std::optional<ReportPhase> reportPhaseFromName(std::string_view name);
bool isFinalPhase(ReportPhase phase);        // Available (until expiry), Failed, Expired, TimedOut, Uncertain
bool isOutstandingPhase(ReportPhase phase);  // counts against the 3-at-a-time limit
// A failed create that may still have made a report: no answer (timeout, dropped
// connection; a browser may even have re-sent the POST itself), a 5xx after the
// request was sent, or a 2xx whose body could not be read.
bool createMayHaveSucceeded(const Error& error);

inline constexpr Timestamp kGiveUpAfterMs = 60LL * 60 * 1000;

struct ReportRecord {
    ReportId id;  // empty while Requested
    Scope scope;
    AgreementId agreement;
    ReportType type = ReportType::Devices;
    DateRange range;
    Timestamp requested_at = 0;
    ReportPhase phase = ReportPhase::Requested;
    Timestamp next_check = 0;  // when Pending: the due time of the next status check
    int attempts = 0;          // status checks answered so far
    int network_failures = 0;  // consecutive, for back-off
    std::optional<Timestamp> expires_at;  // kept after expiry, to say when
    std::string message;  // why it failed / timed out, for the panel
    // Two tabs share the saved list: the tab that holds the lease (until
    // poll_until) is the one that checks this report's status.
    std::string poll_owner;
    Timestamp poll_until = 0;
    // The request's filters, so an expired report can be requested again as it was.
    std::vector<std::string> devices;
    std::vector<std::string> products;
};

// Stored form of records and of the saved list: particle_report_records.h.

// Poller state: the record plus what must never be stored.
struct ReportPoll {
    ReportRecord record;
    bool awaiting_status = false;  // a status check is in flight
    std::string download_url;      // memory only; secret
    // Restored (or signed-out) Available report being checked again only to get
    // its URL back: the 60-minute give-up does not apply.
    bool refetching_url = false;
    // The last status check was answered 429: next_check is the rate limit's wait
    // (Retry-After, else >= 60 s), shown as such rather than as the API's sentence.
    bool rate_limited = false;
};

// The spec of the request that made `record` (type, range, filters), to request it again.
UsageReportSpec specFromReportRecord(const ReportRecord& record);

namespace report_event {
struct Tick {};                              // time passed (the app's timer or frame)
struct Created { UsageReport report; };      // POST answered 2xx
struct CreateFailed { Error error; };        // POST refused or never answered
struct StatusArrived { UsageReport report; };
struct StatusFailed { Error error; };
struct Resume {};                            // signed in again after SignedOut
}  // namespace report_event
using ReportEvent = std::variant<report_event::Tick, report_event::Created, report_event::CreateFailed,
                                 report_event::StatusArrived, report_event::StatusFailed, report_event::Resume>;

enum class ReportCommandKind { CheckStatus, ScheduleWake, Finished };
struct ReportCommand {
    ReportCommandKind kind;
    Timestamp at = 0;  // ScheduleWake: when to send the next Tick
};

struct ReportStep {
    ReportPoll state;
    std::vector<ReportCommand> commands;
};

// A new poll for a request about to be sent (phase Requested).
ReportPoll startReportPoll(Scope scope, AgreementId agreement, const UsageReportSpec& spec, Timestamp now);
// A poll restored from storage. Never asks to request the report again: a
// restored Available record polls once to get its URL back; a record saved
// while still Requested cannot be recovered and is marked Uncertain.
ReportPoll resumeReportPoll(ReportRecord record, Timestamp now);

ReportStep step(const ReportPoll& state, const ReportEvent& event, Timestamp now);

// Delay before status check number `attempts` (0-based): 15 s, 30 s, 60 s, 60 s...
Timestamp pollDelayMs(int attempts);
// Back-off after `failures` consecutive network errors (1-based).
Timestamp networkBackoffMs(int failures);
// Seconds until the next check for a countdown (0 when due or not pending).
int secondsUntilNextCheck(const ReportPoll& poll, Timestamp now);

}  // namespace ud::core
