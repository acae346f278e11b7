// Finds what to announce by comparing a few facts of the state before and after
// the controller ran (signed in, a login error, a report requested / ready /
// failed, a fetch finished or failed, a file opened), so no controller has to
// remember to announce anything. Owned by the Controller.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "app/announcement.h"
#include "app/app_state.h"

namespace ud::app {

struct AnnouncedFacts {
    struct Report {
        std::uint64_t local_id = 0;
        core::ReportPhase phase = core::ReportPhase::Requested;
        std::string label;    // "devices report, 2026-11-01 to 2026-11-30, sandbox"
        std::string message;  // why it failed
        bool notify = false;
    };
    ParticleSession session = ParticleSession::SignedOut;
    std::string username;
    std::string login_error;
    std::string login_message;
    std::string request_error;
    bool notify_wanted = false;  // the request form's "notify me" box
    std::vector<Report> reports;
    bool ap_busy = false;
    std::string ap_error;
    std::string ap_label;  // what was fetched: subscription and range
    std::size_t ap_rows = 0;
    int ap_retry_seconds = 0;  // a retried answer: the next attempt waits this long
    std::string viewer_file;
    std::size_t viewer_rows = 0;
    std::string viewer_error;
};

AnnouncedFacts announcedFactsFromState(const AppState& state);
// Appends to `notes` what changed from `before` to `after`.
void announceChanges(const AnnouncedFacts& before, const AnnouncedFacts& after, PageNotes& notes);

class Announcer {
public:
    void reset(const AppState& state) { last_ = announcedFactsFromState(state); }  // nothing to say about the start
    void update(const AppState& state);
    PageNotes take();  // what was found since the last take

private:
    AnnouncedFacts last_;
    PageNotes pending_;
};

}  // namespace ud::app
