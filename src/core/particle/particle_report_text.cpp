// The report list's state line (see particle_report_text.h).
#include "core/particle/particle_report_text.h"

namespace ud::core {
namespace {

std::string pendingText(const ReportPoll& poll, Timestamp now, bool signed_in, bool waiting_for_network) {
    if (poll.refetching_url) return signed_in ? "ready, fetching its download link..." : "ready: log in to get its download link";
    if (!signed_in) return "being prepared: log in to keep checking";
    if (poll.awaiting_status) return "being prepared, checking now...";
    if (waiting_for_network) return "being prepared; you are offline, checks go on when the network is back";
    const std::string wait = durationText(poll.record.next_check - now);
    if (poll.rate_limited) return "rate limited by Particle; next check in " + wait;
    return "being prepared, next check in " + wait;
}

}  // namespace

std::string textFromReportState(const ReportPoll& poll, Timestamp now, bool signed_in, bool waiting_for_network) {
    const ReportRecord& rec = poll.record;
    switch (rec.phase) {
        case ReportPhase::Requested: return "requesting...";
        case ReportPhase::Pending: return pendingText(poll, now, signed_in, waiting_for_network);
        case ReportPhase::SignedOut: return "waiting: log in to keep checking";
        case ReportPhase::Available:
            return "ready" + (rec.expires_at ? ", link expires in " + durationText(*rec.expires_at - now) : std::string());
        case ReportPhase::Failed: return "failed";
        case ReportPhase::Expired:
            return rec.expires_at ? "link expired " + minuteTextFromTimestamp(*rec.expires_at) : std::string("expired");
        case ReportPhase::TimedOut: return "still pending after 60 min";
        case ReportPhase::Uncertain: return "may have been created";
    }
    return {};
}

}  // namespace ud::core
