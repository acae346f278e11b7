// ParticleController against the simulated Particle cloud (core::ParticleSim)
// through SimulatedTransport and a FakeClock: login by token and by password +
// MFA, scope and agreements, report requests on the tutorial's schedule, the
// 3-at-a-time rule, reload without a second request, sign-out mid-poll, faults,
// downloads, remember on/off, and the demo route.
#include <gtest/gtest.h>

#include <optional>

#include "app/demo_clouds.h"
#include "app/particle_controller.h"
#include "app/state_json.h"
#include "core/particle/particle_api.h"
#include "core/particle/particle_report_text.h"
#include "sim/particle_sim.h"
#include "platform/simulated_transport.h"
#include "support/fake_services.h"

namespace ud::app {
namespace {

constexpr const char* kBase = "http://127.0.0.1:9101";

struct Fixture : test::FakePlatform {
    core::ParticleSim sim{core::testParticleSimConfig()};
    std::vector<core::HttpRequest> sent;  // every request to the (non-demo) cloud, bodies included
    platform::SimulatedTransport transport{clock, [this](const core::HttpRequest& r, core::Timestamp now) {
                                               sent.push_back(r);
                                               return sim.handle(r, now);
                                           }};
    platform::SimulatedTransport demo_transport{clock, demoCloudHandler()};
    std::string base_url = kBase;
    ParticleState state;
    std::optional<ParticleController> controller;
    std::vector<std::pair<std::string, std::string>> opened;  // (file name, csv) handed to the viewer

    Fixture() : FakePlatform(core::timestampFromDate(core::Date{2026, 6, 20}) + 9 * 3600 * 1000LL) { restart(); }
    // A new page load over the same store and simulated cloud.
    void restart() {
        state = ParticleState{};
        controller.emplace(state, services(transport, demo_transport), base_url);
        controller->setOpenInViewer([this](std::string name, std::string csv) { opened.emplace_back(name, csv); });
        controller->start();
        run(2000);
    }
    void apply(ParticleIntent intent) { controller->apply(intent); }
    // Lets `ms` of time pass in small steps, delivering answers and due checks.
    void run(core::Timestamp ms) {
        for (core::Timestamp t = 0; t < ms; t += 100) {
            clock.advance(100);
            transport.poll();
            demo_transport.poll();
            controller->tick();
        }
    }
    void signIn(const char* email = "user@example.com", bool remember = false) {
        apply(SignInWithToken{sim.issueToken(email, 0, clock.now()), remember});
        run(2000);
    }
    // Signed in, one report requested and answered (pending, its first check 15 s away).
    void signInWithPendingReport() {
        signIn();
        apply(RequestReport{});
        run(1000);
    }
    const ParticleReport& report(std::size_t i = 0) const { return state.reports.at(i); }
    ReportRef ref(std::size_t i = 0) const {
        return {report(i).poll.record.id.value, report(i).poll.record.scope.key()};
    }
};

TEST(ParticleController, TokenSignInShowsUserOrgsAgreementAndDefaultRange) {
    Fixture f;
    f.signIn();
    ASSERT_EQ(f.state.login.session, ParticleSession::SignedIn) << (f.state.login.error ? f.state.login.error->message : "");
    EXPECT_EQ(f.state.login.username, "user@example.com");
    EXPECT_EQ(f.state.orgs.items.size(), 2u);
    ASSERT_FALSE(f.state.agreements.items.empty());
    EXPECT_FALSE(f.state.agreement_id.empty());
    EXPECT_TRUE(f.state.notifications.loaded);
    const auto& a = f.state.agreements.items.front();
    EXPECT_EQ(f.state.form.start, core::isoFromDate(a.current_billing_period.first));
    EXPECT_EQ(f.state.form.end, "2026-06-20");  // the period runs on, the report stops at today
    EXPECT_TRUE(f.state.start_error.empty());
    EXPECT_FALSE(f.store.get(kParticleTokenKey).has_value());  // not remembered unless asked
}

TEST(ParticleController, ABadTokenIsRefusedAndForgotten) {
    Fixture f;
    f.apply(SignInWithToken{"  not-a-token \n", true});
    f.run(1000);
    EXPECT_EQ(f.state.login.session, ParticleSession::SignedOut);
    ASSERT_TRUE(f.state.login.error.has_value());
    EXPECT_NE(f.state.login.error->message.find("not accepted"), std::string::npos);
    EXPECT_TRUE(f.state.login.token.empty());
    EXPECT_FALSE(f.store.get(kParticleTokenKey).has_value());
    f.apply(SignInWithToken{"   ", false});
    EXPECT_EQ(f.state.login.error->kind, core::ErrorKind::Validation);
}

TEST(ParticleController, PasswordWithMfaWrongThenRightCodeAndLogOutRevokes) {
    Fixture f;
    f.apply(CreateParticleToken{"mfa@example.com", "wrong", 3600, false});
    f.run(1000);
    ASSERT_TRUE(f.state.login.error.has_value());
    EXPECT_EQ(f.state.login.error->message, core::kWrongPasswordMessage);
    f.apply(CreateParticleToken{"mfa@example.com", "secret", 3600, false});
    f.run(1000);
    ASSERT_TRUE(f.state.login.needs_otp);
    EXPECT_EQ(f.state.login.message, core::kMfaNeededMessage);
    f.apply(SubmitParticleOtp{"12345"});  // not 6 digits: nothing sent
    EXPECT_EQ(f.state.login.error->kind, core::ErrorKind::Validation);
    f.apply(SubmitParticleOtp{"000000"});
    f.run(1000);
    ASSERT_TRUE(f.state.login.error.has_value());
    EXPECT_EQ(f.state.login.error->message, core::kWrongOtpMessage);
    EXPECT_TRUE(f.state.login.needs_otp);  // still asking, the challenge kept
    f.apply(SubmitParticleOtp{f.sim.config().otp});
    f.run(2000);
    ASSERT_EQ(f.state.login.session, ParticleSession::SignedIn);
    EXPECT_TRUE(f.state.login.token_created_here);
    ASSERT_TRUE(f.state.login.token_expires_at.has_value());  // 1 hour asked
    f.apply(LogOutParticle{});
    EXPECT_EQ(f.state.login.session, ParticleSession::SignedOut);
    f.run(1000);
    EXPECT_EQ(f.sim.count("revoke"), 1);
    EXPECT_EQ(f.state.login.message, "Logged out. The token this page created was revoked.");
}

TEST(ParticleController, APastedTokenIsNotRevokedOnLogOut) {
    Fixture f;
    f.signIn();
    f.apply(LogOutParticle{});
    f.run(1000);
    EXPECT_EQ(f.sim.count("revoke"), 0);
    EXPECT_NE(f.state.login.message.find("stays valid"), std::string::npos);
}

TEST(ParticleController, ReportFollowsTheScheduleThenDownloadsTheExactCsv) {
    Fixture f;
    f.signIn();
    f.apply(RequestReport{});
    EXPECT_TRUE(f.state.requesting);
    f.run(1000);
    ASSERT_EQ(f.state.reports.size(), 1u);
    EXPECT_EQ(f.report().poll.record.phase, core::ReportPhase::Pending);
    EXPECT_EQ(f.state.outstanding, 1);
    const core::Timestamp requested = f.report().poll.record.requested_at;
    EXPECT_NEAR(f.report().poll.record.next_check - requested, 15000, 500);  // measured from the answer
    f.run(13500);
    EXPECT_EQ(f.sim.count("report_status"), 0);
    f.run(1000);
    EXPECT_EQ(f.sim.count("report_status"), 1);  // at 15 s
    f.run(28000);
    EXPECT_EQ(f.sim.count("report_status"), 1);
    f.run(3000);
    EXPECT_EQ(f.sim.count("report_status"), 2);  // then 30 s later
    EXPECT_EQ(f.report().poll.record.phase, core::ReportPhase::Pending);
    f.run(58000);
    EXPECT_EQ(f.sim.count("report_status"), 2);
    f.run(3000);
    EXPECT_EQ(f.sim.count("report_status"), 3);  // then 60 s: the third read sees "available"
    ASSERT_EQ(f.report().poll.record.phase, core::ReportPhase::Available);
    EXPECT_EQ(f.state.outstanding, 0);
    f.run(120000);
    EXPECT_EQ(f.sim.count("report_status"), 3);  // final: no more checks

    f.apply(DownloadReport{f.ref()});
    f.run(1000);
    ASSERT_EQ(f.files.saved.size(), 1u);
    EXPECT_EQ(f.files.saved[0].bytes, f.sim.reportCsv(f.report().poll.record.id.value));
    EXPECT_EQ(f.files.saved[0].name, "particle-usage_sandbox_devices_2026-06-04_2026-06-20.csv");
    EXPECT_NE(f.report().message.find("Saved"), std::string::npos);
    // The download carries no token; the token never went into a URL.
    for (const auto& r : f.sim.recorded()) {
        if (r.route == "download") {
            EXPECT_FALSE(r.has_authorization);
        }
        EXPECT_EQ(r.path.find(f.state.login.token), std::string::npos);
    }
    f.apply(CopyReportLink{f.ref()});
    EXPECT_NE(f.files.clipboard.find("/reports/"), std::string::npos);
    f.apply(OpenReportInViewer{f.ref()});
    f.run(1000);
    ASSERT_EQ(f.opened.size(), 1u);
    EXPECT_EQ(f.opened[0].second, f.files.saved[0].bytes);
}

TEST(ParticleController, CheckNowAsksAtOnce) {
    Fixture f;
    f.signInWithPendingReport();
    f.apply(CheckReportNow{f.ref()});
    f.run(500);
    EXPECT_EQ(f.sim.count("report_status"), 1);
}

TEST(ParticleController, APendingReportWakesOncePerCountdownSecondWithoutAnimating) {
    Fixture f;
    f.signInWithPendingReport();
    ASSERT_EQ(f.report().poll.record.phase, core::ReportPhase::Pending);
    ASSERT_FALSE(f.report().poll.awaiting_status);
    EXPECT_FALSE(f.controller->isAnimating());  // only the countdown moves: timers, not an animation
    const core::Timestamp next_check = f.report().poll.record.next_check;
    const core::Timestamp wake = f.controller->nextWakeAt();
    EXPECT_GT(wake, f.clock.now());
    EXPECT_LE(wake, f.clock.now() + 1000);  // the countdown's next second
    EXPECT_EQ((next_check - wake) % 1000, 0);
}

TEST(ParticleController, OfflineTheChecksAndAScopeSwitchWaitForTheNetwork) {
    Fixture f;
    f.signInWithPendingReport();
    ASSERT_EQ(f.report().poll.record.phase, core::ReportPhase::Pending);
    const std::size_t sent_online = f.sent.size();
    f.controller->setOffline(true);
    f.run(60000);  // past the 15 s and 45 s checks
    EXPECT_EQ(f.sim.count("report_status"), 0) << "no check while offline";
    EXPECT_EQ(f.report().poll.record.phase, core::ReportPhase::Pending);
    EXPECT_EQ(core::textFromReportState(f.report().poll, f.clock.now(), true, f.state.waiting_for_network),
              "being prepared; you are offline, checks go on when the network is back");
    EXPECT_EQ(f.controller->nextWakeAt(), -1) << "nothing to wake for: the page sleeps while it waits";
    EXPECT_FALSE(f.controller->isAnimating());

    // A scope chosen offline says why its usage is missing, and sends nothing.
    f.apply(SelectParticleScope{core::Scope::organization(f.state.orgs.items[0].id)});
    f.run(1000);
    ASSERT_TRUE(f.state.agreements.error.has_value());
    EXPECT_EQ(f.state.agreements.error->message,
              "You are offline: loading this scope's usage needs the network. Try again when you are back online.");
    EXPECT_FALSE(f.state.agreements.loading);
    EXPECT_EQ(f.sent.size(), sent_online) << "not one request while offline";

    // Online again: the scope's usage loads, and the sandbox report's overdue check runs.
    f.controller->setOffline(false);
    f.run(1000);
    EXPECT_TRUE(f.state.agreements.loaded);
    EXPECT_FALSE(f.state.agreements.error.has_value());
    EXPECT_FALSE(f.state.waiting_for_network);
    EXPECT_EQ(f.sim.count("report_status"), 1);
}

TEST(ParticleController, AFourthReportIsExplainedBeforeSending) {
    Fixture f;
    f.signIn();
    for (int i = 0; i < 3; ++i) {
        f.apply(RequestReport{});
        f.run(1000);
    }
    EXPECT_EQ(f.state.outstanding, 3);
    f.apply(RequestReport{});
    ASSERT_TRUE(f.state.request_error.has_value());
    EXPECT_EQ(f.state.request_error->kind, core::ErrorKind::Limit);
    EXPECT_EQ(f.state.request_error->message, core::kOutstandingLimitMessage);
    f.run(1000);
    EXPECT_EQ(f.sim.count("create_report"), 3);
    // Another scope has its own three.
    f.apply(SelectParticleScope{core::Scope::organization(f.state.orgs.items[0].id)});
    f.run(2000);
    EXPECT_EQ(f.state.outstanding, 0);
}

TEST(ParticleController, InvalidDatesAreNotSent) {
    Fixture f;
    f.signIn();
    ReportForm form = f.state.form;
    form.start = "2026-02-30";
    f.apply(EditReportForm{form});
    EXPECT_FALSE(f.state.start_error.empty());
    f.apply(RequestReport{});
    ASSERT_TRUE(f.state.request_error.has_value());
    EXPECT_EQ(f.state.request_error->kind, core::ErrorKind::Validation);
    f.run(1000);
    EXPECT_EQ(f.sim.count("create_report"), 0);
    f.apply(ApplyReportPreset{core::RangePreset::LastPeriod});
    EXPECT_TRUE(f.state.start_error.empty());
    EXPECT_EQ(f.state.form.start, "2026-05-04");
    EXPECT_EQ(f.state.form.end, "2026-06-03");
}

TEST(ParticleController, ReloadWhilePendingResumesWithoutASecondRequest) {
    Fixture f;
    f.signIn("user@example.com", true);
    f.apply(RequestReport{});
    f.run(20000);  // one check done
    ASSERT_EQ(f.sim.count("report_status"), 1);
    // What storage holds: the token (remember was ticked), records without URLs.
    auto saved = f.store.get(kParticleReportsKey);
    ASSERT_TRUE(saved.has_value());
    EXPECT_EQ(saved->find("download"), std::string::npos);
    EXPECT_EQ(saved->find(f.state.login.token), std::string::npos);
    f.restart();
    ASSERT_EQ(f.state.login.session, ParticleSession::SignedIn);
    ASSERT_EQ(f.state.reports.size(), 1u);
    EXPECT_EQ(f.report().poll.record.phase, core::ReportPhase::Pending);
    f.run(120000);
    EXPECT_EQ(f.report().poll.record.phase, core::ReportPhase::Available);
    EXPECT_EQ(f.sim.count("create_report"), 1);
    // Reload again once available: the URL comes back with one status check.
    const int checks = f.sim.count("report_status");
    f.restart();
    f.run(1000);
    EXPECT_EQ(f.report().poll.record.phase, core::ReportPhase::Available);
    EXPECT_TRUE(!f.report().poll.download_url.empty());
    EXPECT_EQ(f.sim.count("report_status"), checks + 1);
    for (const auto& [key, value] : f.store.all()) EXPECT_EQ(value.find("secret"), std::string::npos) << key;
}

TEST(ParticleController, RevokedMidPollSignsOutKeepsReportsAndResumes) {
    Fixture f;
    f.signIn();
    f.apply(RequestReport{});
    f.run(1000);
    f.sim.revokeAllTokens();
    f.run(15000);
    EXPECT_EQ(f.state.login.session, ParticleSession::SignedOut);
    ASSERT_TRUE(f.state.login.error.has_value());
    EXPECT_NE(f.state.login.error->message.find("reports are kept"), std::string::npos);
    ASSERT_EQ(f.state.reports.size(), 1u);
    EXPECT_EQ(f.report().poll.record.phase, core::ReportPhase::SignedOut);
    const int checks = f.sim.count("report_status");
    f.run(120000);
    EXPECT_EQ(f.sim.count("report_status"), checks);  // no polling without a token
    EXPECT_FALSE(f.controller->isAnimating());         // nothing moves on screen while it waits
    f.signIn();
    f.run(1000);
    EXPECT_GT(f.sim.count("report_status"), checks);
    EXPECT_NE(f.report().poll.record.phase, core::ReportPhase::SignedOut);
}

TEST(ParticleController, ServerErrorsAndMalformedAnswersShowWhereTheyHappened) {
    Fixture f;
    f.signIn();
    f.sim.addFault({"agreements", core::ParticleFaultKind::ServerError, 1});
    f.apply(RefreshParticleUsage{});
    f.run(1000);
    ASSERT_TRUE(f.state.agreements.error.has_value());
    EXPECT_EQ(f.state.agreements.error->http_status, 500);
    EXPECT_FALSE(f.state.agreements.items.empty());  // what was shown stays
    f.sim.addFault({"create_report", core::ParticleFaultKind::MalformedJson, 1});
    f.apply(RequestReport{});
    f.run(1000);
    ASSERT_TRUE(f.state.request_error.has_value());
    EXPECT_EQ(f.state.request_error->kind, core::ErrorKind::Parse);
    EXPECT_NE(f.state.request_error->message.find("email"), std::string::npos);
    // A 2xx that could not be read may have created it: kept as "may have been created".
    ASSERT_EQ(f.state.reports.size(), 1u);
    EXPECT_EQ(f.state.reports[0].poll.record.phase, core::ReportPhase::Uncertain);
    EXPECT_EQ(f.state.outstanding, 1);
    f.apply(ForgetReport{{"", "sandbox", f.state.reports[0].poll.record.requested_at}});
    EXPECT_TRUE(f.state.reports.empty());
    EXPECT_EQ(f.state.login.session, ParticleSession::SignedIn);
    f.sim.addFault({"token", core::ParticleFaultKind::Drop, 1});
    f.apply(LogOutParticle{});
    f.apply(CreateParticleToken{"user@example.com", "secret", std::nullopt, false});
    f.run(1000);
    ASSERT_TRUE(f.state.login.error.has_value());
    EXPECT_EQ(f.state.login.error->kind, core::ErrorKind::Transport);
    EXPECT_NE(f.state.login.error->message.find("127.0.0.1"), std::string::npos);
}

TEST(ParticleController, RememberKeepsOnlyTheTokenAndOnlyWhenAsked) {
    Fixture f;
    f.apply(CreateParticleToken{"user@example.com", "secret", 3600, true});
    f.run(2000);
    ASSERT_EQ(f.state.login.session, ParticleSession::SignedIn);
    auto saved = f.store.get(kParticleTokenKey);
    ASSERT_TRUE(saved.has_value());
    EXPECT_NE(saved->find(f.state.login.token), std::string::npos);
    for (const auto& [key, value] : f.store.all()) EXPECT_EQ(value.find("secret"), std::string::npos) << key;
    f.apply(LogOutParticle{});
    EXPECT_FALSE(f.store.get(kParticleTokenKey).has_value());
}

TEST(ParticleController, RememberedTokenGoesOnlyToItsOwnAddress) {
    Fixture f;
    f.signIn("user@example.com", true);
    ASSERT_EQ(f.state.login.session, ParticleSession::SignedIn);
    // Settings unreadable: the address falls back to another one. The token is not sent there.
    f.base_url = "https://api.particle.io";
    f.restart();
    EXPECT_EQ(f.state.login.session, ParticleSession::SignedOut);
    EXPECT_TRUE(f.state.login.token.empty());
    EXPECT_NE(f.state.login.warning.find("was not sent"), std::string::npos) << f.state.login.warning;
    EXPECT_TRUE(f.store.get(kParticleTokenKey).has_value());  // kept for its own address
    f.base_url = kBase;
    f.restart();
    EXPECT_EQ(f.state.login.session, ParticleSession::SignedIn);
}

TEST(ParticleController, AnUnansweredReportPostIsKeptAsMayHaveBeenCreatedAndNeverResent) {
    for (auto fault : {core::ParticleFaultKind::Drop, core::ParticleFaultKind::ServerError,
                       core::ParticleFaultKind::Unavailable}) {
        Fixture f;
        f.signIn();
        f.sim.addFault({"create_report", fault, 1});
        f.apply(RequestReport{});
        f.run(1000);
        ASSERT_EQ(f.state.reports.size(), 1u) << core::nameFromParticleFaultKind(fault);
        EXPECT_EQ(f.report().poll.record.phase, core::ReportPhase::Uncertain);
        ASSERT_TRUE(f.state.request_error.has_value());
        EXPECT_NE(f.state.request_error->message.find("may have reached Particle"), std::string::npos);
        EXPECT_NE(f.state.request_error->message.find("no way to list reports"), std::string::npos);
        EXPECT_EQ(f.state.outstanding, 1);
        f.run(120000);
        f.restart();  // kept across a reload, still counted, never sent again
        ASSERT_EQ(f.state.reports.size(), 1u);
        EXPECT_EQ(f.report().poll.record.phase, core::ReportPhase::Uncertain);
        EXPECT_EQ(f.state.outstanding, 1);
        EXPECT_EQ(f.sim.count("create_report"), 1);
    }
    // A refusal (4xx) is certain: said, and the entry goes.
    Fixture f;
    f.signIn();
    f.sim.addFault({"create_report", core::ParticleFaultKind::Forbidden, 1});
    f.apply(RequestReport{});
    f.run(1000);
    EXPECT_TRUE(f.state.reports.empty());
    EXPECT_EQ(f.state.outstanding, 0);
}

TEST(ParticleController, CorruptStoredRecordsAreDroppedAloneAndThePageGoesOn) {
    Fixture f;
    // created_here not a boolean used to abort the page at load.
    (void)f.store.set(kParticleTokenKey, R"({"token":"abc","created_here":"yes"})");
    (void)f.store.set(kParticleReportsKey,
                      R"({"v":1,"reports":[{"v":1,"id":"5","scope":"sandbox","type":"devices","start":"2026-06-01",)"
                      R"("end":"2026-06-10","requested_at":1,"phase":"failed","attempts":"x"},)"
                      R"({"v":1,"id":"6","scope":"sandbox","type":"devices","start":"2026-06-01",)"
                      R"("end":"2026-06-10","requested_at":1,"phase":"failed","message":"old"},)"
                      R"({"v":9,"id":"7","future":true}]})");
    f.restart();
    EXPECT_EQ(f.state.login.session, ParticleSession::SignedOut);
    EXPECT_NE(f.state.login.warning.find("could not be read"), std::string::npos) << f.state.login.warning;
    EXPECT_FALSE(f.store.get(kParticleTokenKey).has_value());
    ASSERT_EQ(f.state.reports.size(), 1u);
    EXPECT_EQ(f.state.reports[0].poll.record.id.value, "6");
    EXPECT_NE(f.state.reports_message.find("1 saved report could not be read and was dropped: report 5"),
              std::string::npos) << f.state.reports_message;
    // The newer record survives the next write untouched.
    f.signIn();
    f.apply(ForgetReport{{"6", "sandbox"}});
    EXPECT_NE(f.store.get(kParticleReportsKey).value_or("").find("\"future\":true"), std::string::npos);
}

TEST(ParticleController, RefusedWritesAreReported) {
    Fixture f;
    f.store.fail_writes = true;
    f.apply(CreateParticleToken{"user@example.com", "secret", 3600, true});
    f.run(2000);
    ASSERT_EQ(f.state.login.session, ParticleSession::SignedIn);
    EXPECT_NE(f.state.login.warning.find("could not be remembered"), std::string::npos) << f.state.login.warning;
}

// A second tab of the same page: its own state and controller over the same
// storage, cloud and clock. Storage events are delivered by hand, as the browser would.
struct SecondTab {
    ParticleState state;
    ParticleController controller;
    explicit SecondTab(Fixture& f)
        : controller(state, f.services(f.transport, f.demo_transport), f.base_url) {
        controller.start();
    }
};

TEST(ParticleControllerTabs, ReportsAreSharedAndEachCheckIsMadeByOneTab) {
    Fixture f;
    f.signIn();
    SecondTab b(f);
    b.controller.apply(SignInWithToken{f.sim.issueToken("user@example.com", 0, f.clock.now()), false});
    auto runBoth = [&](core::Timestamp ms) {
        for (core::Timestamp t = 0; t < ms; t += 100) {
            f.clock.advance(100);
            f.transport.poll();
            f.controller->tick();
            b.controller.tick();
        }
    };
    runBoth(2000);
    ASSERT_EQ(b.state.login.session, ParticleSession::SignedIn);
    f.apply(RequestReport{});
    runBoth(1000);
    ASSERT_EQ(f.state.reports.size(), 1u);
    b.controller.onStorageChanged();  // the report requested in A appears in B
    ASSERT_EQ(b.state.reports.size(), 1u);
    EXPECT_EQ(b.state.reports[0].poll.record.id, f.report().poll.record.id);
    EXPECT_EQ(b.state.outstanding, 1);
    // Both tabs run the schedule; each status check is made once, not once per tab.
    for (int i = 0; i < 120; ++i) {
        runBoth(1000);
        f.controller->onStorageChanged();
        b.controller.onStorageChanged();
    }
    EXPECT_EQ(f.sim.count("create_report"), 1);
    // 15 s, 45 s, 105 s as with one tab, then B fetches its own download link once
    // (links are secrets kept in memory, never stored for another tab to read).
    EXPECT_EQ(f.sim.count("report_status"), 4);
    EXPECT_EQ(f.report().poll.record.phase, core::ReportPhase::Available);
    EXPECT_EQ(b.state.reports[0].poll.record.phase, core::ReportPhase::Available);
    // B writes after A: A's report is not lost. B forgets it: A drops it too.
    b.controller.apply(RequestReport{});
    runBoth(1000);
    f.controller->onStorageChanged();
    EXPECT_EQ(f.state.reports.size(), 2u);
    b.controller.apply(ForgetReport{{f.report(1).poll.record.id.value, "sandbox"}});
    f.controller->onStorageChanged();
    ASSERT_EQ(f.state.reports.size(), 1u);
    f.apply(RequestReport{});  // A writes: the forgotten one does not come back
    runBoth(1000);
    b.controller.onStorageChanged();
    EXPECT_EQ(b.state.reports.size(), 2u);
    f.restart();
    EXPECT_EQ(f.state.reports.size(), 2u);
}

TEST(ParticleController, DemoWalksTheWholeFlowAndLeavesTheRealSessionAlone) {
    Fixture f;
    f.signIn();
    f.controller->setDemoMode(true);
    EXPECT_EQ(f.state.login.session, ParticleSession::SignedOut);
    f.apply(TryParticleDemo{});
    f.run(2000);
    ASSERT_EQ(f.state.login.session, ParticleSession::SignedIn);
    EXPECT_EQ(f.state.login.username, core::kDemoParticleEmail);
    f.apply(RequestReport{});
    f.run(16000);  // about 15 s in the demo
    ASSERT_EQ(f.report().poll.record.phase, core::ReportPhase::Available);
    f.apply(DownloadReport{f.ref()});
    f.run(1000);
    ASSERT_EQ(f.files.saved.size(), 1u);
    EXPECT_NE(f.files.saved[0].bytes.find(','), std::string::npos);
    EXPECT_FALSE(f.store.get(kParticleReportsKey).has_value());  // demo reports are not stored
    EXPECT_EQ(f.sim.count("create_report"), 0);                  // the real cloud saw nothing
    f.controller->setDemoMode(false);
    EXPECT_EQ(f.state.login.session, ParticleSession::SignedIn);
    EXPECT_EQ(f.state.login.username, "user@example.com");
    EXPECT_TRUE(f.state.reports.empty());
}

// Issue 14: the forecast from the counter alone, then from an opened report of
// this period (7-day rate, chart), and a report compared with the last period.
TEST(ParticleController, ForecastUsesTheOpenedReportAndComparesWithTheLastPeriod) {
    Fixture f;
    std::vector<std::string> compared;  // earlier name, later name
    f.controller->setCompareInViewer([&](std::string a, std::string, std::string b, std::string) {
        compared = {a, b};
    });
    f.controller->setDemoMode(true);
    f.apply(TryParticleDemo{});
    f.run(2000);
    ASSERT_EQ(f.state.login.session, ParticleSession::SignedIn);
    const core::ParticleForecast& fc = f.state.forecast.forecast;
    ASSERT_TRUE(f.state.forecast.shown);
    EXPECT_EQ(fc.status, core::ForecastStatus::Ready) << fc.sentence;  // 20 June: day 17 of the period from 4 June
    EXPECT_EQ(fc.day_of_period, 17);
    EXPECT_FALSE(fc.from_report);
    EXPECT_FALSE(f.state.forecast.chart.has_value());
    f.apply(RequestReport{});
    f.run(16000);
    f.apply(OpenReportInViewer{f.ref()});
    f.run(1000);
    ASSERT_EQ(f.opened.size(), 1u);
    const core::ParticleForecast& with_report = f.state.forecast.forecast;
    EXPECT_TRUE(with_report.from_report);
    ASSERT_TRUE(with_report.last7.has_value());
    ASSERT_TRUE(with_report.full_date.has_value()) << with_report.sentence;  // the demo runs out before the end
    EXPECT_LT(*with_report.full_date, core::Date({2026, 7, 3}));
    ASSERT_TRUE(f.state.forecast.chart.has_value());
    EXPECT_EQ(f.state.forecast.chart->day_count, 30u);
    ASSERT_EQ(f.state.forecast.chart->lines.size(), 1u);  // the projection to the period's end
    EXPECT_TRUE(f.state.forecast.projected_fraction.has_value());

    const ReportRef current = f.ref();
    f.apply(CompareWithLastPeriod{current});  // not there yet: requested
    ASSERT_EQ(f.state.reports.size(), 2u);
    EXPECT_EQ(core::isoFromDate(f.report(0).poll.record.range.first), "2026-05-04");
    EXPECT_NE(f.report(1).message.find("press Compare again"), std::string::npos) << f.report(1).message;
    f.run(16000);
    f.apply(CompareWithLastPeriod{current});
    f.run(1000);
    ASSERT_EQ(compared.size(), 2u);
    EXPECT_EQ(compared[0], "particle-usage_sandbox_devices_2026-05-04_2026-06-03.csv");
    EXPECT_EQ(compared[1], "particle-usage_sandbox_devices_2026-06-04_2026-06-20.csv");
}

// ---- issue 18: small defects ------------------------------------------------------

nlohmann::json reportJson(const Fixture& f, std::size_t i = 0) { return jsonFromParticleState(f.state)["reports"][i]; }

TEST(ParticleController, AFailedTokenCheckLeavesTheExpiryUnknownNotNever) {
    Fixture f;
    f.sim.addFault({"token_info", core::ParticleFaultKind::ServerError, 1});
    f.signIn();
    ASSERT_EQ(f.state.login.session, ParticleSession::SignedIn);  // not fatal
    EXPECT_FALSE(f.state.login.token_expires_at.has_value());
    EXPECT_EQ(jsonFromParticleState(f.state)["login"].value("token_expiry", ""), "unreadable");
    Fixture g;
    g.signIn();  // a token that never expires, read fine
    EXPECT_EQ(jsonFromParticleState(g.state)["login"].value("token_expiry", ""), "known");
}

TEST(ParticleController, CopyIdPutsTheReportIdOnTheClipboard) {
    Fixture f;
    f.signIn();
    f.apply(RequestReport{});
    f.run(1000);
    const std::string id = f.report().poll.record.id.value;
    ASSERT_FALSE(id.empty());
    f.apply(CopyReportId{f.ref()});
    EXPECT_EQ(f.files.clipboard, id);
    EXPECT_NE(f.report().message.find(id), std::string::npos);
}

TEST(ParticleController, AnExpiredReportSaysWhenAndIsRequestedAgainAsItWas) {
    Fixture f;
    f.signIn();
    ReportForm form = f.state.form;
    form.devices = "e00fce68aaaaaaaaaaaaaaaa, e00fce68bbbbbbbbbbbbbbbb";
    f.apply(EditReportForm{form});
    f.apply(RequestReport{});
    f.run(120000);
    ASSERT_EQ(f.report().poll.record.phase, core::ReportPhase::Available);
    ASSERT_TRUE(f.report().poll.record.expires_at.has_value());
    const core::Timestamp expires = *f.report().poll.record.expires_at;
    f.clock.set(expires + 1000);
    f.run(1000);
    ASSERT_EQ(f.report().poll.record.phase, core::ReportPhase::Expired);
    EXPECT_EQ(reportJson(f).value("state_text", ""), "link expired " + core::minuteTextFromTimestamp(expires));

    f.apply(RequestReportAgain{f.ref()});
    f.run(1000);
    ASSERT_EQ(f.state.reports.size(), 2u);
    EXPECT_EQ(f.sim.count("create_report"), 2);
    const core::ReportRecord& again = f.report(0).poll.record;  // newest first
    const core::ReportRecord& expired = f.report(1).poll.record;
    EXPECT_EQ(again.phase, core::ReportPhase::Pending);
    EXPECT_EQ(again.range, expired.range);
    EXPECT_EQ(again.type, expired.type);
    EXPECT_EQ(again.devices, (std::vector<std::string>{"e00fce68aaaaaaaaaaaaaaaa", "e00fce68bbbbbbbbbbbbbbbb"}));
    std::vector<std::string> bodies;
    for (const auto& r : f.sent)
        if (r.method == "POST" && r.url.find("/usage_reports") != std::string::npos) bodies.push_back(r.body);
    ASSERT_EQ(bodies.size(), 2u);
    EXPECT_EQ(bodies[1], bodies[0]);  // the same request, filters included

    // The 3-at-a-time rule applies: with 3 being prepared, nothing is sent and the row says why.
    f.apply(RequestReport{});
    f.run(1000);
    f.apply(RequestReport{});
    f.run(1000);
    ASSERT_EQ(f.state.outstanding, 3);
    std::size_t last = f.state.reports.size() - 1;  // the expired one, oldest
    f.apply(RequestReportAgain{f.ref(last)});
    EXPECT_EQ(f.sim.count("create_report"), 4);
    ASSERT_TRUE(f.report(last).again_error.has_value());
    EXPECT_EQ(f.report(last).again_error->kind, core::ErrorKind::Limit);
}

TEST(ParticleController, ARateLimitedStatusCheckSaysSoWithItsOwnCountdown) {
    Fixture f;
    f.signIn();
    f.apply(RequestReport{});
    f.run(1000);
    core::ParticleFault limited{"report_status", core::ParticleFaultKind::RateLimited, 1};
    limited.retry_after_s = 90;
    f.sim.addFault(limited);
    f.run(15000);  // the first check, answered 429
    ASSERT_EQ(f.sim.count("report_status"), 1);
    nlohmann::json r = reportJson(f);
    EXPECT_TRUE(r.value("rate_limited", false));
    EXPECT_EQ(r.value("record_message", "x"), "");  // not the API's sentence
    const std::string text = r.value("state_text", "");
    EXPECT_EQ(text.rfind("rate limited by Particle; next check in 1 min ", 0), 0u) << text;
    f.run(90000);
    EXPECT_EQ(f.sim.count("report_status"), 2);  // after the Retry-After, not the 30 s schedule
    EXPECT_FALSE(reportJson(f).value("rate_limited", true));
}

}  // namespace
}  // namespace ud::app
