// Announcer: which state changes become sentences for the live region, the
// hidden tab's title and notifications, and which do not.
#include <gtest/gtest.h>

#include "app/announcer.h"

namespace ud::app {
namespace {

ParticleReport reportIn(core::ReportPhase phase, std::uint64_t local_id, bool notify = false) {
    ParticleReport r;
    r.local_id = local_id;
    r.notify = notify;
    r.poll.record.phase = phase;
    r.poll.record.range = {core::Date{2026, 11, 1}, core::Date{2026, 11, 30}};
    return r;
}

// Runs `change` on a state and returns what it announced.
template <typename Change>
std::vector<Announcement> announced(AppState& state, Change change) {
    Announcer announcer;
    announcer.reset(state);
    change(state);
    announcer.update(state);
    return announcer.take().announcements;
}

TEST(Announcer, SaysNothingWhenNothingChanged) {
    AppState state;
    state.particle.reports.push_back(reportIn(core::ReportPhase::Available, 1));
    EXPECT_TRUE(announced(state, [](AppState&) {}).empty());
}

TEST(Announcer, LoginErrorIsUrgentAndSignInIsPolite) {
    AppState state;
    auto said = announced(state, [](AppState& s) {
        s.particle.login.error = core::makeError(core::ErrorKind::Http, "Wrong email or password.");
    });
    ASSERT_EQ(said.size(), 1u);
    EXPECT_EQ(said[0].text, "Particle sign-in: Wrong email or password.");
    EXPECT_TRUE(said[0].urgent);

    AppState fresh;
    said = announced(fresh, [](AppState& s) {
        s.particle.login.session = ParticleSession::SignedIn;
        s.particle.login.username = "user@example.com";
    });
    ASSERT_EQ(said.size(), 1u);
    EXPECT_EQ(said[0].text, "Signed in to Particle as user@example.com.");
    EXPECT_FALSE(said[0].urgent);
}

TEST(Announcer, ReportReadyMarksTheTabAndCarriesNotify) {
    AppState state;
    state.particle.reports.push_back(reportIn(core::ReportPhase::Pending, 7, true));
    auto said = announced(state, [](AppState& s) { s.particle.reports[0].poll.record.phase = core::ReportPhase::Available; });
    ASSERT_EQ(said.size(), 1u);
    EXPECT_EQ(said[0].text, "Report ready: devices report, 2026-11-01 to 2026-11-30, sandbox.");
    EXPECT_TRUE(said[0].report_ready);
    EXPECT_TRUE(said[0].notify);
}

TEST(Announcer, ReportRequestedAndFailed) {
    AppState state;
    state.particle.reports.push_back(reportIn(core::ReportPhase::Requested, 1));
    state.particle.reports.push_back(reportIn(core::ReportPhase::Pending, 2));
    auto said = announced(state, [](AppState& s) {
        s.particle.reports[0].poll.record.phase = core::ReportPhase::Pending;
        s.particle.reports[1].poll.record.phase = core::ReportPhase::Failed;
        s.particle.reports[1].poll.record.message = "Particle could not prepare it.";
    });
    ASSERT_EQ(said.size(), 2u);
    EXPECT_EQ(said[0].text.rfind("Report requested: devices report", 0), 0u);
    EXPECT_EQ(said[1].text, "Report failed: devices report, 2026-11-01 to 2026-11-30, sandbox. Particle could not prepare it.");
    EXPECT_TRUE(said[1].urgent);
}

TEST(Announcer, ReportsThatAppearOrLeaveAreNotNews) {
    // The demo swaps the whole report list in and out: restored entries say nothing.
    AppState state;
    state.particle.reports.push_back(reportIn(core::ReportPhase::Pending, 1));
    auto said = announced(state, [](AppState& s) {
        s.particle.reports.clear();
        s.particle.reports.push_back(reportIn(core::ReportPhase::Available, 2));
    });
    EXPECT_TRUE(said.empty());
}

TEST(Announcer, TickingNotifyMeAsksForPermissionOnce) {
    AppState state;
    Announcer announcer;
    announcer.reset(state);
    state.particle.form.notify_when_ready = true;
    announcer.update(state);
    EXPECT_TRUE(announcer.take().ask_notification_permission);
    announcer.update(state);
    EXPECT_FALSE(announcer.take().ask_notification_permission);
}

TEST(Announcer, FetchFinishedFailedOrWaiting) {
    AppState state;
    state.activeplatform.busy = true;
    auto said = announced(state, [](AppState& s) {
        s.activeplatform.busy = false;
        s.activeplatform.fetched_label = "70112, 2024-05-01 to 2024-05-31";
    });
    ASSERT_EQ(said.size(), 1u);
    EXPECT_EQ(said[0].text, "ActivePlatform: fetched 0 rows for 70112, 2024-05-01 to 2024-05-31.");

    AppState failing;
    failing.activeplatform.busy = true;
    said = announced(failing, [](AppState& s) {
        s.activeplatform.busy = false;
        s.activeplatform.error = core::makeError(core::ErrorKind::Http, "The token was refused (403).");
    });
    ASSERT_EQ(said.size(), 1u);
    EXPECT_EQ(said[0].text, "ActivePlatform fetch failed: The token was refused (403).");

    AppState waiting;
    waiting.activeplatform.busy = true;
    said = announced(waiting, [](AppState& s) {
        s.activeplatform.busy = false;
        s.activeplatform.retry_at = 5000;
        s.activeplatform.retry_seconds_left = 5;
    });
    ASSERT_EQ(said.size(), 1u);
    EXPECT_EQ(said[0].text, "ActivePlatform is busy; trying again in 5 s.");
}

TEST(Announcer, FileOpenedWithItsRowCountOnlyOnceRead) {
    AppState state;
    auto said = announced(state, [](AppState& s) {
        s.viewer.load.active = true;
        s.viewer.file_name = "usage.csv";
    });
    EXPECT_TRUE(said.empty());
    state.viewer.load.active = false;
    said = announced(state, [](AppState&) {});  // reset sees it already open: nothing
    EXPECT_TRUE(said.empty());
    AppState loading;
    loading.viewer.load.active = true;
    said = announced(loading, [](AppState& s) {
        s.viewer.load.active = false;
        s.viewer.file_name = "usage.csv";
    });
    ASSERT_EQ(said.size(), 1u);
    EXPECT_EQ(said[0].text, "Opened usage.csv: 0 rows.");
}

}  // namespace
}  // namespace ud::app
