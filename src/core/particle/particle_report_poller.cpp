// The report lifecycle step function, its schedule, and ReportRecord JSON
// save/restore. The state diagram is in particle_report_poller.h.
#include "core/particle/particle_report_poller.h"

#include <algorithm>
#include <limits>

#include <nlohmann/json.hpp>

#include "core/base/retry.h"
#include "core/particle/particle_errors.h"

namespace ud::core {
namespace {

using nlohmann::json;
constexpr Timestamp kSecond = 1000;
constexpr int kRecordVersion = 1;
// Status checks are retried until the 60-minute give-up, never counted out:
// network errors back off 15 s .. 300 s; a busy answer waits its Retry-After
// (at least 1 s) or 60 s when the page cannot read it (CORS exposes few headers).
constexpr RetryPolicy kStatusRetry{0, 15 * kSecond, 300 * kSecond, 60 * kSecond, kSecond,
                                     std::numeric_limits<Timestamp>::max(), false};

struct PhaseName {
    ReportPhase phase;
    const char* name;
};
constexpr PhaseName kPhaseNames[] = {
    {ReportPhase::Requested, "requested"}, {ReportPhase::Pending, "pending"},
    {ReportPhase::SignedOut, "signed_out"}, {ReportPhase::Available, "available"},
    {ReportPhase::Failed, "failed"},       {ReportPhase::Expired, "expired"},
    {ReportPhase::TimedOut, "timed_out"},
};

const std::string kExpiredMessage =
    "The download link has expired (reports can be downloaded for 7 days). Request a new report.";
const std::string kTimedOutMessage =
    "The report is still pending after 60 minutes; you will also receive an email when it is ready.";

ReportStep finish(ReportPoll s, ReportPhase phase, std::string message) {
    s.record.phase = phase;
    s.record.message = std::move(message);
    s.awaiting_status = false;
    if (phase != ReportPhase::Available) s.download_url.clear();
    return {std::move(s), {{ReportCommandKind::Finished, 0}}};
}

ReportStep scheduleCheck(ReportPoll s, Timestamp at) {
    s.record.next_check = at;
    return {std::move(s), {{ReportCommandKind::ScheduleWake, at}}};
}

bool pastGiveUp(const ReportPoll& s, Timestamp now) {
    return !s.refetching_url && now - s.record.requested_at >= kGiveUpAfterMs;
}

ReportStep applyReport(ReportPoll s, const UsageReport& report, Timestamp now) {
    s.record.expires_at = report.expires_at;
    switch (report.state) {
        case ReportState::Available:
            if (report.expires_at && *report.expires_at <= now) return finish(std::move(s), ReportPhase::Expired, kExpiredMessage);
            s.download_url = report.download_url;
            return finish(std::move(s), ReportPhase::Available, "");
        case ReportState::Expired: return finish(std::move(s), ReportPhase::Expired, kExpiredMessage);
        case ReportState::Failed:
            return finish(std::move(s), ReportPhase::Failed,
                          "Particle could not prepare the report (state: " + report.state_text + "). Request it again.");
        case ReportState::Pending: break;
    }
    if (pastGiveUp(s, now)) return finish(std::move(s), ReportPhase::TimedOut, kTimedOutMessage);
    s.record.phase = ReportPhase::Pending;
    return scheduleCheck(std::move(s), now + pollDelayMs(s.record.attempts));
}

ReportStep onTick(ReportPoll s, Timestamp now) {
    if (s.record.phase == ReportPhase::Available) {
        if (s.record.expires_at && *s.record.expires_at <= now)
            return finish(std::move(s), ReportPhase::Expired, kExpiredMessage);
        if (s.record.expires_at) return {std::move(s), {{ReportCommandKind::ScheduleWake, *s.record.expires_at}}};
        return {std::move(s), {}};
    }
    if (s.record.phase != ReportPhase::Pending || s.awaiting_status) return {std::move(s), {}};
    if (pastGiveUp(s, now)) return finish(std::move(s), ReportPhase::TimedOut, kTimedOutMessage);
    if (now < s.record.next_check) return {std::move(s), {{ReportCommandKind::ScheduleWake, s.record.next_check}}};
    s.awaiting_status = true;
    return {std::move(s), {{ReportCommandKind::CheckStatus, 0}}};
}

ReportStep onStatusFailed(ReportPoll s, const Error& error, Timestamp now) {
    s.awaiting_status = false;
    if (s.record.phase != ReportPhase::Pending) return {std::move(s), {}};
    if (isSignedOutError(error, ParticleCall::ReportStatus)) {
        s.record.phase = ReportPhase::SignedOut;
        s.record.message = error.message;
        return {std::move(s), {}};
    }
    if (pastGiveUp(s, now)) return finish(std::move(s), ReportPhase::TimedOut, kTimedOutMessage);
    s.record.message = error.message;
    const bool network = error.kind == ErrorKind::Transport || error.kind == ErrorKind::Timeout ||
                         error.kind == ErrorKind::Parse;
    if (network) {
        ++s.record.network_failures;
        return scheduleCheck(std::move(s), now + networkBackoffMs(s.record.network_failures));
    }
    const int status = error.http_status;
    if (isBusyStatus(status)) {
        return scheduleCheck(std::move(s), now + *busyDelayMs(kStatusRetry, error.retry_after_s, s.record.attempts));
    }
    if (status >= 500) return scheduleCheck(std::move(s), now + 60 * kSecond);
    return finish(std::move(s), ReportPhase::Failed, error.message);  // 4xx: retrying will not help
}

}  // namespace

const char* nameFromReportPhase(ReportPhase phase) {
    for (const auto& p : kPhaseNames)
        if (p.phase == phase) return p.name;
    return "unknown";
}

std::optional<ReportPhase> reportPhaseFromName(std::string_view name) {
    for (const auto& p : kPhaseNames)
        if (name == p.name) return p.phase;
    return std::nullopt;
}

bool isFinalPhase(ReportPhase phase) {
    return phase == ReportPhase::Available || phase == ReportPhase::Failed || phase == ReportPhase::Expired ||
           phase == ReportPhase::TimedOut;
}

bool isOutstandingPhase(ReportPhase phase) {
    // A timed-out report may still be running on Particle's side, but the API
    // gives us no way to know; counting it could block the user for good.
    return phase == ReportPhase::Requested || phase == ReportPhase::Pending || phase == ReportPhase::SignedOut;
}

Timestamp pollDelayMs(int attempts) {
    if (attempts <= 0) return 15 * kSecond;
    if (attempts == 1) return 30 * kSecond;
    return 60 * kSecond;
}

Timestamp networkBackoffMs(int failures) { return backoffDelayMs(kStatusRetry, failures); }

int secondsUntilNextCheck(const ReportPoll& poll, Timestamp now) {
    if (poll.record.phase != ReportPhase::Pending || poll.awaiting_status || now >= poll.record.next_check) return 0;
    return static_cast<int>((poll.record.next_check - now + kSecond - 1) / kSecond);
}

ReportPoll startReportPoll(Scope scope, AgreementId agreement, const UsageReportSpec& spec, Timestamp now) {
    ReportPoll p;
    p.record.scope = std::move(scope);
    p.record.agreement = std::move(agreement);
    p.record.type = spec.type;
    p.record.range = spec.range;
    p.record.requested_at = now;
    p.record.phase = ReportPhase::Requested;
    return p;
}

ReportPoll resumeReportPoll(ReportRecord record, Timestamp now) {
    ReportPoll p;
    p.record = std::move(record);
    switch (p.record.phase) {
        case ReportPhase::Requested:
            // The page closed before the server confirmed: re-sending could make a second report.
            p.record.phase = ReportPhase::Failed;
            p.record.message = "The page was closed before Particle confirmed the request. "
                               "If it went through, the report will arrive by email.";
            break;
        case ReportPhase::Available:
            // The URL is never stored: one status check fetches it again.
            if (p.record.expires_at && *p.record.expires_at <= now) {
                p.record.phase = ReportPhase::Expired;
                p.record.message = kExpiredMessage;
            } else {
                p.record.phase = ReportPhase::Pending;
                p.record.next_check = now;
                p.refetching_url = true;
            }
            break;
        default: break;
    }
    return p;
}

ReportStep step(const ReportPoll& state, const ReportEvent& event, Timestamp now) {
    ReportPoll s = state;
    if (std::holds_alternative<report_event::Tick>(event)) return onTick(std::move(s), now);
    if (const auto* created = std::get_if<report_event::Created>(&event)) {
        if (s.record.phase != ReportPhase::Requested) return {std::move(s), {}};
        s.record.id = created->report.id;
        s.record.phase = ReportPhase::Pending;
        s.record.next_check = now + pollDelayMs(0);
        if (created->report.state != ReportState::Pending) return applyReport(std::move(s), created->report, now);
        return scheduleCheck(std::move(s), s.record.next_check);
    }
    if (const auto* failed = std::get_if<report_event::CreateFailed>(&event)) {
        if (s.record.phase != ReportPhase::Requested) return {std::move(s), {}};
        return finish(std::move(s), ReportPhase::Failed, failed->error.message);
    }
    if (const auto* arrived = std::get_if<report_event::StatusArrived>(&event)) {
        if (s.record.phase != ReportPhase::Pending) return {std::move(s), {}};
        s.awaiting_status = false;
        ++s.record.attempts;
        s.record.network_failures = 0;
        s.record.message.clear();
        return applyReport(std::move(s), arrived->report, now);
    }
    if (const auto* failed = std::get_if<report_event::StatusFailed>(&event)) return onStatusFailed(std::move(s), failed->error, now);
    if (std::holds_alternative<report_event::Resume>(event) && s.record.phase == ReportPhase::SignedOut) {
        s.record.phase = ReportPhase::Pending;
        s.record.message.clear();
        return scheduleCheck(std::move(s), now);
    }
    return {std::move(s), {}};
}

// ---- save / restore ---------------------------------------------------------

namespace {

json jsonFromRecord(const ReportRecord& r) {
    json j = {{"v", kRecordVersion},
              {"id", r.id.value},
              {"scope", r.scope.key()},
              {"agreement", r.agreement.value},
              {"type", nameFromReportType(r.type)},
              {"start", isoFromDate(r.range.first)},
              {"end", isoFromDate(r.range.last)},
              {"requested_at", r.requested_at},
              {"phase", nameFromReportPhase(r.phase)},
              {"next_check", r.next_check},
              {"attempts", r.attempts},
              {"network_failures", r.network_failures},
              {"message", r.message}};
    j["expires_at"] = r.expires_at ? json(*r.expires_at) : json(nullptr);
    return j;
}

Result<ReportRecord> recordFromJson(const json& j) {
    auto bad = [](const std::string& what) {
        return makeError(ErrorKind::Parse, "A saved report could not be read: " + what + ".");
    };
    if (!j.is_object()) return bad("not an object");
    auto str = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string(); };
    auto num = [&](const char* k) { return j.contains(k) && j[k].is_number_integer() ? j[k].get<std::int64_t>() : 0; };
    ReportRecord r;
    r.id.value = str("id");
    auto scope = scopeFromKey(str("scope"));
    auto type = reportTypeFromName(str("type"));
    auto first = dateFromIso(str("start"));
    auto last = dateFromIso(str("end"));
    auto phase = reportPhaseFromName(str("phase"));
    if (!scope) return bad("unknown scope");
    if (!type) return bad("unknown report type");
    if (!first || !last) return bad("bad dates");
    if (!phase) return bad("unknown state");
    if (r.id.value.empty() && *phase != ReportPhase::Requested) return bad("no report id");
    r.scope = *scope;
    r.agreement.value = str("agreement");
    r.type = *type;
    r.range = {*first, *last};
    r.requested_at = num("requested_at");
    r.phase = *phase;
    r.next_check = num("next_check");
    r.attempts = static_cast<int>(num("attempts"));
    r.network_failures = static_cast<int>(num("network_failures"));
    if (j.contains("expires_at") && j["expires_at"].is_number_integer()) r.expires_at = j["expires_at"].get<Timestamp>();
    r.message = str("message");
    return r;
}

}  // namespace

std::string jsonFromReportRecord(const ReportRecord& record) { return jsonFromRecord(record).dump(); }

Result<ReportRecord> reportRecordFromJson(std::string_view text) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded()) return makeError(ErrorKind::Parse, "A saved report could not be read: not JSON.");
    return recordFromJson(j);
}

std::string jsonFromReportRecords(const std::vector<ReportRecord>& records) {
    json list = json::array();
    for (const auto& r : records) list.push_back(jsonFromRecord(r));
    return json{{"v", kRecordVersion}, {"reports", list}}.dump();
}

Result<std::vector<ReportRecord>> reportRecordsFromJson(std::string_view text) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("reports") || !j["reports"].is_array())
        return makeError(ErrorKind::Parse, "The saved reports could not be read.");
    std::vector<ReportRecord> out;
    for (const json& item : j["reports"]) {
        auto r = recordFromJson(item);
        if (!r) return r.error();
        out.push_back(std::move(r.value()));
    }
    return out;
}

}  // namespace ud::core
