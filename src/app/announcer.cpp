// Announcer: facts of the state, and the sentences their changes become.
#include "app/announcer.h"

#include <algorithm>
#include <utility>

#include "core/base/date.h"
#include "core/base/decimal.h"

namespace ud::app {
namespace {

std::string labelFromRecord(const core::ReportRecord& r) {
    return std::string(core::nameFromReportType(r.type)) + " report, " + core::isoFromDate(r.range.first) + " to " +
           core::isoFromDate(r.range.last) + ", " + (r.scope.isSandbox() ? "sandbox" : "organization " + r.scope.org);
}

void say(PageNotes& notes, std::string text, bool urgent = false) {
    Announcement a;
    a.text = std::move(text);
    a.urgent = urgent;
    notes.announcements.push_back(std::move(a));
}

// A changed, non-empty text is news; a cleared one is not.
bool becameNew(const std::string& before, const std::string& after) { return !after.empty() && after != before; }

std::string rows(std::size_t n) {
    return core::formatCount(static_cast<long long>(n)) + (n == 1 ? " row" : " rows");
}

void announceReport(const AnnouncedFacts::Report& before, const AnnouncedFacts::Report& after, PageNotes& notes) {
    using core::ReportPhase;
    if (before.phase == after.phase) return;
    switch (after.phase) {
        case ReportPhase::Pending:
            if (before.phase == ReportPhase::Requested)
                say(notes, "Report requested: " + after.label + ". Particle is preparing it.");
            break;
        case ReportPhase::Available: {
            Announcement a;
            a.text = "Report ready: " + after.label + ".";
            a.report_ready = true;
            a.notify = after.notify;
            notes.announcements.push_back(std::move(a));
            break;
        }
        case ReportPhase::Failed:
        case ReportPhase::TimedOut:
            say(notes, "Report failed: " + after.label + ". " + after.message, true);
            break;
        default: break;
    }
}

}  // namespace

AnnouncedFacts announcedFactsFromState(const AppState& state) {
    AnnouncedFacts f;
    const ParticleState& p = state.particle;
    f.session = p.login.session;
    f.username = p.login.username;
    f.login_error = p.login.error ? p.login.error->message : std::string();
    f.login_message = p.login.message;
    f.request_error = p.request_error ? p.request_error->message : std::string();
    f.notify_wanted = p.form.notify_when_ready;
    f.reports.reserve(p.reports.size());
    for (const ParticleReport& r : p.reports)
        f.reports.push_back(
            {r.local_id, r.poll.record.phase, labelFromRecord(r.poll.record), r.poll.record.message, r.notify});
    const ActivePlatformState& ap = state.activeplatform;
    f.ap_busy = ap.busy;
    f.ap_error = ap.error ? ap.error->message : std::string();
    f.ap_label = ap.fetched_label;
    f.ap_rows = ap.report ? ap.report->items.rowCount() : 0;
    f.ap_retry_seconds = ap.retry_at >= 0 ? ap.retry_seconds_left : 0;
    const ViewerState& v = state.viewer;
    if (!v.load.active) {  // a file half read is not news yet
        f.viewer_file = v.file_name;
        f.viewer_rows = v.table ? v.table->rowCount() : 0;
    }
    f.viewer_error = v.load_error;
    return f;
}

void announceChanges(const AnnouncedFacts& before, const AnnouncedFacts& after, PageNotes& notes) {
    if (after.session == ParticleSession::SignedIn && before.session != ParticleSession::SignedIn)
        say(notes, "Signed in to Particle as " + after.username + ".");
    if (becameNew(before.login_error, after.login_error)) say(notes, "Particle sign-in: " + after.login_error, true);
    if (becameNew(before.login_message, after.login_message)) say(notes, after.login_message);
    if (becameNew(before.request_error, after.request_error))
        say(notes, "Report not requested: " + after.request_error, true);
    if (after.notify_wanted && !before.notify_wanted) notes.ask_notification_permission = true;
    // Reports are matched by local_id, which stays while the server id arrives;
    // one that appears or leaves (the demo swaps the list) is not news.
    for (const AnnouncedFacts::Report& r : after.reports) {
        auto old = std::find_if(before.reports.begin(), before.reports.end(),
                                [&](const AnnouncedFacts::Report& b) { return b.local_id == r.local_id; });
        if (old != before.reports.end()) announceReport(*old, r, notes);
    }
    if (becameNew(before.ap_error, after.ap_error)) say(notes, "ActivePlatform fetch failed: " + after.ap_error, true);
    if (before.ap_busy && !after.ap_busy && after.ap_error.empty()) {
        if (after.ap_retry_seconds > 0)
            say(notes, "ActivePlatform is busy; trying again in " + std::to_string(after.ap_retry_seconds) + " s.");
        else
            say(notes, "ActivePlatform: fetched " + rows(after.ap_rows) + " for " + after.ap_label + ".");
    }
    if (becameNew(before.viewer_error, after.viewer_error))
        say(notes, "Could not open the file: " + after.viewer_error, true);
    if (!after.viewer_file.empty() && (after.viewer_file != before.viewer_file || after.viewer_rows != before.viewer_rows))
        say(notes, "Opened " + after.viewer_file + ": " + rows(after.viewer_rows) + ".");
}

void Announcer::update(const AppState& state) {
    AnnouncedFacts now = announcedFactsFromState(state);
    announceChanges(last_, now, pending_);
    last_ = std::move(now);
}

PageNotes Announcer::take() { return std::exchange(pending_, PageNotes{}); }

}  // namespace ud::app
