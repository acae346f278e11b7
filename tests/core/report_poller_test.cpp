// Report rules, the report lifecycle step function and its schedule (time
// comes in as an argument: no sleeping), record save/restore, and the quota.
#include <gtest/gtest.h>

#include "core/particle/particle_api.h"
#include "core/particle/particle_errors.h"
#include "core/particle/particle_report_poller.h"
#include "core/particle/particle_report_quota.h"
#include "core/particle/particle_report_records.h"
#include "core/particle/particle_report_rules.h"
#include "core/particle/particle_report_text.h"

namespace ud::core {
namespace {

constexpr Timestamp kS = 1000;
const Timestamp kT0 = timestampFromDate({2026, 6, 1});

UsageReport reportIn(std::string state, std::string url = "", std::optional<Timestamp> expires = std::nullopt) {
    UsageReport r;
    r.id.value = "8804";
    r.state_text = state;
    r.download_url = url;
    r.state = reportStateFromText(state, !url.empty());
    r.expires_at = expires;
    return r;
}

ReportPoll created() {
    UsageReportSpec spec;
    spec.range = {{2026, 5, 1}, {2026, 5, 31}};
    ReportPoll p = startReportPoll(Scope::sandbox(), AgreementId{"3117"}, spec, kT0);
    return step(p, report_event::Created{reportIn("pending")}, kT0).state;
}

Error httpError(int status, int retry_after = -1) {
    HttpResponse r;
    r.status = status;
    if (retry_after >= 0) r.headers = {{"Retry-After", std::to_string(retry_after)}};
    r.body = "{}";
    return particleErrorFromResponse(r, ParticleCall::ReportStatus, "api.particle.io");
}

TEST(ReportRules, AcceptsAValidRange) {
    auto c = checkReportRange("2026-05-04", "2026-06-01", ReportType::Devices, {2026, 6, 1});
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c.range->first, (Date{2026, 5, 4}));
    EXPECT_TRUE(c.warning.empty());
}

TEST(ReportRules, GivesPerFieldMessages) {
    auto c = checkReportRange("2026-02-30", "2026-6-1", ReportType::Devices, {2026, 6, 1});
    EXPECT_FALSE(c.ok());
    EXPECT_NE(c.start_error.find("Start date"), std::string::npos);
    EXPECT_NE(c.end_error.find("End date"), std::string::npos);
    auto reversed = checkReportRange("2026-05-10", "2026-05-01", ReportType::Devices, {2026, 6, 1});
    EXPECT_EQ(reversed.range_error, "The start date is after the end date.");
    auto future = checkReportRange("2026-06-02", "2026-06-03", ReportType::Devices, {2026, 6, 1});
    EXPECT_NE(future.start_error.find("future"), std::string::npos);
    EXPECT_NE(future.end_error.find("future"), std::string::npos);
}

// East of UTC a person's own today is still "tomorrow" for Particle: the refusal says why.
TEST(ReportRules, FutureDatesAreExplainedAsUtcDaysWithTodaysUtcDate) {
    auto future = checkReportRange("2026-06-02", "2026-06-02", ReportType::Devices, {2026, 6, 1});
    for (const std::string& message : {future.start_error, future.end_error}) {
        EXPECT_NE(message.find("UTC days"), std::string::npos) << message;
        EXPECT_NE(message.find("today in UTC is 2026-06-01"), std::string::npos) << message;
    }
    EXPECT_EQ(utcTodayNote({2026, 6, 1}), "Report dates are UTC days; today in UTC is 2026-06-01.");
}

TEST(ReportRules, WarnsButAllowsMoreThanSixMonthsBack) {
    auto c = checkReportRange("2025-11-30", "2025-12-31", ReportType::Devices, {2026, 6, 1});
    EXPECT_TRUE(c.ok());
    EXPECT_NE(c.warning.find("6 months"), std::string::npos);
    EXPECT_TRUE(checkReportRange("2025-12-01", "2025-12-31", ReportType::Devices, {2026, 6, 1}).warning.empty());
}

TEST(ReportRules, PresetsFollowTheBillingPeriodAndStopAtToday) {
    DateRange period{{2026, 5, 4}, {2026, 6, 3}};
    Date today{2026, 5, 20};
    EXPECT_EQ(rangeFromPreset(RangePreset::ThisPeriod, period, today), (DateRange{{2026, 5, 4}, {2026, 5, 20}}));
    EXPECT_EQ(rangeFromPreset(RangePreset::LastPeriod, period, today), (DateRange{{2026, 4, 4}, {2026, 5, 3}}));
    EXPECT_EQ(rangeFromPreset(RangePreset::Last30Days, period, today), (DateRange{{2026, 4, 21}, {2026, 5, 20}}));
    ServiceAgreement a;
    a.current_billing_period = period;
    EXPECT_EQ(defaultReportRange(a, {2026, 7, 1}), period);
}

TEST(ReportPoller, SchedulesFirstCheckAfter15Seconds) {
    ReportPoll p = created();
    EXPECT_EQ(p.record.phase, ReportPhase::Pending);
    EXPECT_EQ(p.record.id.value, "8804");
    EXPECT_EQ(p.record.next_check, kT0 + 15 * kS);
    auto early = step(p, report_event::Tick{}, kT0 + 14 * kS);
    ASSERT_EQ(early.commands.size(), 1u);
    EXPECT_EQ(early.commands[0].kind, ReportCommandKind::ScheduleWake);
    EXPECT_EQ(secondsUntilNextCheck(p, kT0 + 10 * kS), 5);
    auto due = step(p, report_event::Tick{}, kT0 + 15 * kS);
    ASSERT_EQ(due.commands.size(), 1u);
    EXPECT_EQ(due.commands[0].kind, ReportCommandKind::CheckStatus);
    EXPECT_TRUE(due.state.awaiting_status);
    EXPECT_TRUE(step(due.state, report_event::Tick{}, kT0 + 16 * kS).commands.empty());  // one check at a time
}

TEST(ReportPoller, FollowsThe15_30_60_60Schedule) {
    ReportPoll p = created();
    Timestamp now = kT0;
    std::vector<Timestamp> gaps;
    for (int i = 0; i < 5; ++i) {
        now = p.record.next_check;
        p = step(p, report_event::Tick{}, now).state;
        auto s = step(p, report_event::StatusArrived{reportIn("pending")}, now);
        p = s.state;
        gaps.push_back(p.record.next_check - now);
    }
    EXPECT_EQ(gaps, (std::vector<Timestamp>{30 * kS, 60 * kS, 60 * kS, 60 * kS, 60 * kS}));
    EXPECT_EQ(p.record.attempts, 5);
}

TEST(ReportPoller, BecomesAvailableWithUrlAndStops) {
    ReportPoll p = created();
    auto s = step(p, report_event::StatusArrived{reportIn("available", "https://s/r.csv", kT0 + 7 * 86400 * kS)}, kT0 + 15 * kS);
    EXPECT_EQ(s.state.record.phase, ReportPhase::Available);
    EXPECT_EQ(s.state.download_url, "https://s/r.csv");
    ASSERT_EQ(s.commands.size(), 1u);
    EXPECT_EQ(s.commands[0].kind, ReportCommandKind::Finished);
    auto later = step(s.state, report_event::Tick{}, kT0 + 8 * 86400 * kS);
    EXPECT_EQ(later.state.record.phase, ReportPhase::Expired);
    EXPECT_TRUE(later.state.download_url.empty());
}

TEST(ReportPoller, FailedAndExpiredStatesAreFinal) {
    EXPECT_EQ(step(created(), report_event::StatusArrived{reportIn("failed")}, kT0).state.record.phase, ReportPhase::Failed);
    EXPECT_EQ(step(created(), report_event::StatusArrived{reportIn("expired")}, kT0).state.record.phase, ReportPhase::Expired);
}

TEST(ReportPoller, GivesUpAfter60MinutesPending) {
    ReportPoll p = created();
    auto s = step(p, report_event::Tick{}, kT0 + 60 * 60 * kS);
    EXPECT_EQ(s.state.record.phase, ReportPhase::TimedOut);
    EXPECT_NE(s.state.record.message.find("you will also receive an email"), std::string::npos);
}

TEST(ReportPoller, HonoursRetryAfterElseWaitsAMinute) {
    ReportPoll p = created();
    p.awaiting_status = true;
    EXPECT_EQ(step(p, report_event::StatusFailed{httpError(429, 120)}, kT0).state.record.next_check, kT0 + 120 * kS);
    EXPECT_EQ(step(p, report_event::StatusFailed{httpError(503)}, kT0).state.record.next_check, kT0 + 60 * kS);
    EXPECT_EQ(step(p, report_event::StatusFailed{httpError(500)}, kT0).state.record.phase, ReportPhase::Pending);
}

TEST(ReportPoller, NetworkErrorsBackOff) {
    ReportPoll p = created();
    HttpResponse none;
    Error net = particleErrorFromResponse(none, ParticleCall::ReportStatus, "h");
    std::vector<Timestamp> waits;
    for (int i = 0; i < 6; ++i) {
        p = step(p, report_event::StatusFailed{net}, kT0).state;
        waits.push_back(p.record.next_check - kT0);
    }
    EXPECT_EQ(waits, (std::vector<Timestamp>{15 * kS, 30 * kS, 60 * kS, 120 * kS, 240 * kS, 300 * kS}));
    p = step(p, report_event::StatusArrived{reportIn("pending")}, kT0).state;
    EXPECT_EQ(p.record.network_failures, 0);
}

TEST(ReportPoller, AnAnswerOverTheSizeCapIsCheckedAgainNotFailed) {
    HttpResponse refused;
    refused.transport_error = ErrorKind::Limit;
    refused.transport_message = answerTooLargeText(300u << 20);
    Error too_large = particleErrorFromResponse(refused, ParticleCall::ReportStatus, "h");
    ReportPoll p = step(created(), report_event::StatusFailed{too_large}, kT0).state;
    EXPECT_EQ(p.record.phase, ReportPhase::Pending);
    EXPECT_EQ(p.record.next_check, kT0 + 15 * kS);
    EXPECT_NE(p.record.message.find("the answer is 300 MB"), std::string::npos) << p.record.message;
}

TEST(ReportPoller, SignedOutPausesUntilResume) {
    ReportPoll p = created();
    auto s = step(p, report_event::StatusFailed{httpError(401)}, kT0 + 15 * kS);
    EXPECT_EQ(s.state.record.phase, ReportPhase::SignedOut);
    EXPECT_TRUE(step(s.state, report_event::Tick{}, kT0 + 100 * kS).commands.empty());
    auto resumed = step(s.state, report_event::Resume{}, kT0 + 100 * kS);
    EXPECT_EQ(resumed.state.record.phase, ReportPhase::Pending);
    EXPECT_EQ(resumed.state.record.next_check, kT0 + 100 * kS);
}

TEST(ReportPoller, NotFoundStopsWithoutRetry) {
    auto s = step(created(), report_event::StatusFailed{httpError(404)}, kT0);
    EXPECT_EQ(s.state.record.phase, ReportPhase::Failed);
    EXPECT_NE(s.state.record.message.find("not found"), std::string::npos);
}

TEST(ReportPoller, RecordRoundTripsWithoutUrl) {
    ReportPoll p = created();
    p.download_url = "https://secret/url";
    std::string saved = jsonFromReportRecord(p.record);
    EXPECT_EQ(saved.find("secret"), std::string::npos);
    auto back = reportRecordFromJson(saved);
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_EQ(back->id, p.record.id);
    EXPECT_EQ(back->range, p.record.range);
    EXPECT_EQ(back->next_check, p.record.next_check);
    EXPECT_EQ(back->phase, ReportPhase::Pending);
    StoredReports list = storedReportsFromJson(jsonFromStoredReports({p.record, p.record}, {}));
    EXPECT_EQ(list.records.size(), 2u);
    EXPECT_TRUE(list.dropped.empty());
    EXPECT_FALSE(reportRecordFromJson(R"({"id":"1","scope":"nope"})").ok());
    EXPECT_FALSE(reportRecordFromJson("garbage").ok());
}

TEST(ReportPoller, RestoredPendingResumesWhereItWasAndNeverRequestsAgain) {
    ReportRecord r = created().record;
    ReportPoll p = resumeReportPoll(*reportRecordFromJson(jsonFromReportRecord(r)), kT0 + 5 * kS);
    auto early = step(p, report_event::Tick{}, kT0 + 5 * kS);
    EXPECT_EQ(early.commands[0].kind, ReportCommandKind::ScheduleWake);
    EXPECT_EQ(early.commands[0].at, kT0 + 15 * kS);
    // Restored Available polls once to get its URL back; restored Requested is not re-sent.
    ReportRecord avail = r;
    avail.phase = ReportPhase::Available;
    avail.expires_at = kT0 + 86400 * kS;
    EXPECT_EQ(step(resumeReportPoll(avail, kT0), report_event::Tick{}, kT0).commands[0].kind, ReportCommandKind::CheckStatus);
    ReportRecord requested = r;
    requested.phase = ReportPhase::Requested;
    requested.id.value.clear();
    ReportPoll lost = resumeReportPoll(requested, kT0);
    EXPECT_EQ(lost.record.phase, ReportPhase::Uncertain);  // may have been created: counted, never re-sent
    EXPECT_TRUE(isOutstandingPhase(lost.record.phase));
    EXPECT_TRUE(step(lost, report_event::Tick{}, kT0).commands.empty());
}

TEST(ReportPoller, RestoredAvailableGetsItsUrlBackEvenHoursAfterTheRequest) {
    ReportRecord avail = created().record;
    avail.phase = ReportPhase::Available;
    avail.expires_at = kT0 + 7 * 86400 * kS;
    const Timestamp later = kT0 + 3 * 3600 * kS;  // well past the 60-minute give-up
    auto check = step(resumeReportPoll(avail, later), report_event::Tick{}, later);
    ASSERT_EQ(check.commands[0].kind, ReportCommandKind::CheckStatus);
    auto done = step(check.state, report_event::StatusArrived{reportIn("available", "https://storage.example/r.csv")}, later);
    EXPECT_EQ(done.state.record.phase, ReportPhase::Available);
    EXPECT_EQ(done.state.download_url, "https://storage.example/r.csv");
}

TEST(ReportPoller, RateLimitedCheckIsShownAsSuchWithItsOwnCountdown) {
    ReportPoll p = step(created(), report_event::Tick{}, kT0 + 15 * kS).state;
    ReportStep s = step(p, report_event::StatusFailed{httpError(429, 90)}, kT0 + 16 * kS);
    EXPECT_TRUE(s.state.rate_limited);
    EXPECT_EQ(s.state.record.next_check, kT0 + 106 * kS);
    EXPECT_TRUE(s.state.record.message.empty());  // not the API's sentence
    EXPECT_EQ(textFromReportState(s.state, kT0 + 46 * kS, true), "rate limited by Particle; next check in 1 min 00 s");
    ReportPoll due = step(s.state, report_event::Tick{}, kT0 + 106 * kS).state;
    ReportStep answered = step(due, report_event::StatusArrived{reportIn("pending")}, kT0 + 107 * kS);
    EXPECT_FALSE(answered.state.rate_limited);
    EXPECT_EQ(textFromReportState(answered.state, kT0 + 107 * kS, true), "being prepared, next check in 30 s");
}

TEST(ReportText, AnExpiredLinkSaysWhenItExpired) {
    const Timestamp expires = kT0 + 7 * 86400 * kS + 9 * 3600 * kS;
    ReportPoll p = step(created(), report_event::Tick{}, kT0 + 15 * kS).state;
    p = step(p, report_event::StatusArrived{reportIn("available", "https://x/r.csv", expires)}, kT0 + 16 * kS).state;
    EXPECT_EQ(textFromReportState(p, kT0 + 16 * kS, true).rfind("ready, link expires in 7 d", 0), 0u);
    ReportPoll expired = step(p, report_event::Tick{}, expires).state;
    ASSERT_EQ(expired.record.phase, ReportPhase::Expired);
    EXPECT_EQ(textFromReportState(expired, expires + 3600 * kS, true), "link expired 2026-06-08 09:00 UTC");
}

TEST(ReportPoller, RecordKeepsItsFiltersSoItCanBeRequestedAgain) {
    UsageReportSpec spec;
    spec.type = ReportType::Products;
    spec.range = {{2026, 5, 1}, {2026, 5, 31}};
    spec.devices = {"e00fce68aaaaaaaaaaaaaaaa"};
    spec.products = {"1234", "5678"};
    ReportPoll p = startReportPoll(Scope::organization("acme"), AgreementId{"3117"}, spec, kT0);
    p.record.id.value = "8804";
    p.record.phase = ReportPhase::Expired;
    auto restored = reportRecordFromJson(jsonFromReportRecord(p.record));
    ASSERT_TRUE(restored.ok());
    UsageReportSpec again = specFromReportRecord(*restored);
    EXPECT_EQ(jsonFromUsageReportSpec(again), jsonFromUsageReportSpec(spec));
}

TEST(ReportQuota, RefusesAFourthPerScope) {
    std::vector<ReportRecord> records(3, created().record);
    Status s = checkReportQuota(records, Scope::sandbox());
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, ErrorKind::Limit);
    EXPECT_EQ(s.error().message, kOutstandingLimitMessage);
    EXPECT_TRUE(checkReportQuota(records, Scope::organization("acme")).ok());
    records[0].phase = ReportPhase::Available;
    EXPECT_TRUE(checkReportQuota(records, Scope::sandbox()).ok());
    EXPECT_EQ(outstandingReportCount(records, Scope::sandbox()), 2);
}

}  // namespace
}  // namespace ud::core
