// The report lifecycle step function and its schedule (ReportRecord JSON is in
// particle_report_records.cpp). The state diagram is in particle_report_poller.h.
#include "core/particle/particle_report_poller.h"

#include <algorithm>
#include <limits>

#include "core/base/retry.h"
#include "core/particle/particle_errors.h"

namespace ud::core {
namespace {

constexpr Timestamp kSecond = 1000;
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
    {ReportPhase::TimedOut, "timed_out"},  {ReportPhase::Uncertain, "uncertain"},
};

const std::string kExpiredMessage =
    "The download link has expired (reports can be downloaded for 7 days). Request a new report.";
const std::string kTimedOutMessage =
    "The report is still pending after 60 minutes; you will also receive an email when it is ready.";

// Particle has no endpoint that lists reports, so an unclear create can only be explained.
std::string uncertainMessage(const std::string& why) {
    return "The request may have reached Particle, but no clear answer came back (" + why +
           "). Particle has no way to list reports; if it was created, it is emailed to the account's "
           "recipients when ready. This entry counts against the limit of 3 until you forget it, and it is never "
           "sent again by itself.";
}

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
    s.rate_limited = false;
    if (s.record.phase != ReportPhase::Pending) return {std::move(s), {}};
    if (isSignedOutError(error, ParticleCall::ReportStatus)) {
        s.record.phase = ReportPhase::SignedOut;
        s.record.message = error.message;
        return {std::move(s), {}};
    }
    if (pastGiveUp(s, now)) return finish(std::move(s), ReportPhase::TimedOut, kTimedOutMessage);
    s.record.message = error.message;
    // An answer that could not be used (no answer, unreadable, over the size
    // cap) says nothing about the report: check again later, never "failed".
    const bool network = error.kind == ErrorKind::Transport || error.kind == ErrorKind::Timeout ||
                         error.kind == ErrorKind::Parse || (error.kind == ErrorKind::Limit && error.http_status == 0);
    if (network) {
        ++s.record.network_failures;
        return scheduleCheck(std::move(s), now + networkBackoffMs(s.record.network_failures));
    }
    const int status = error.http_status;
    if (status == 429) {
        s.rate_limited = true;  // the panel says "rate limited" with this wait's countdown
        s.record.message.clear();
    }
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
           phase == ReportPhase::TimedOut || phase == ReportPhase::Uncertain;
}

bool isOutstandingPhase(ReportPhase phase) {
    // A timed-out report may still be running on Particle's side, but the API
    // gives us no way to know; counting it could block the user for good.
    // An uncertain create counts: a second request could be the fourth report.
    return phase == ReportPhase::Requested || phase == ReportPhase::Pending || phase == ReportPhase::SignedOut ||
           phase == ReportPhase::Uncertain;
}

bool createMayHaveSucceeded(const Error& error) {
    if (error.kind == ErrorKind::Timeout || error.kind == ErrorKind::Transport || error.kind == ErrorKind::Limit)
        return true;
    return error.http_status >= 500 || (error.http_status >= 200 && error.http_status < 300);
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
    p.record.devices = spec.devices;
    p.record.products = spec.products;
    return p;
}

UsageReportSpec specFromReportRecord(const ReportRecord& record) {
    UsageReportSpec spec;
    spec.type = record.type;
    spec.range = record.range;
    spec.devices = record.devices;
    spec.products = record.products;
    return spec;
}

ReportPoll resumeReportPoll(ReportRecord record, Timestamp now) {
    ReportPoll p;
    p.record = std::move(record);
    switch (p.record.phase) {
        case ReportPhase::Requested:
            // The page closed before the server confirmed: re-sending could make a second report.
            p.record.phase = ReportPhase::Uncertain;
            p.record.message = uncertainMessage("the page was closed before Particle confirmed the request");
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
        if (createMayHaveSucceeded(failed->error))
            return finish(std::move(s), ReportPhase::Uncertain, uncertainMessage(failed->error.message));
        return finish(std::move(s), ReportPhase::Failed, failed->error.message);
    }
    if (const auto* arrived = std::get_if<report_event::StatusArrived>(&event)) {
        if (s.record.phase != ReportPhase::Pending) return {std::move(s), {}};
        s.awaiting_status = false;
        s.rate_limited = false;
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

}  // namespace ud::core
