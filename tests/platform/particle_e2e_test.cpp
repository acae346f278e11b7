// The tutorial's whole flow over real HTTP on 127.0.0.1: native transport ->
// FakeHttpServer (API origin + download origin) -> simulated Particle cloud.
// Simulated time moves through /__fake/advance, so nothing sleeps for minutes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/particle/particle_api.h"
#include "core/particle/particle_parse.h"
#include "sim/particle_sim.h"
#include "core/particle/particle_report_poller.h"
#include "core/particle/particle_report_quota.h"
#include "core/particle/particle_report_rules.h"
#include "sim/native/fake_http_server.h"
#include "platform/native/http_transport_native.h"

namespace ud::platform {
namespace {

using namespace ud::core;
using sim::FakeHttpServer;
using sim::serializedHandler;
using sim::wallClockNow;

class ParticleE2e : public ::testing::Test {
protected:
    void SetUp() override {
        ParticleSimConfig config = testParticleSimConfig();
        config.ready_after_seconds = 20;
        sim_ = std::make_unique<ParticleSim>(config);
        auto handler = serializedHandler([this](const HttpRequest& r, Timestamp now) { return sim_->handle(r, now); });
        downloads_ = std::make_unique<FakeHttpServer>(handler);
        api_ = std::make_unique<FakeHttpServer>(handler);
        ASSERT_TRUE(downloads_->start(0).ok());
        ASSERT_TRUE(api_->start(0).ok());
        sim_->setDownloadBase(downloads_->baseUrl());
        base_ = api_->baseUrl();
        host_ = hostFromUrl(base_);
    }

    HttpResponse send(HttpRequest r) { return sendAndWait(transport_, std::move(r), 20000); }
    HttpResponse control(const std::string& method, const std::string& path, const std::string& body = "") {
        HttpRequest r;
        r.method = method;
        r.url = base_ + path;
        r.body = body;
        if (!body.empty()) r.headers = {{"Content-Type", "application/json"}};
        return send(r);
    }
    int count(const std::string& route) {
        auto j = nlohmann::json::parse(control("GET", "/__fake/counts").body, nullptr, false);
        return j.contains(route) && j[route].is_number_integer() ? j[route].get<int>() : 0;
    }
    std::string login(const std::string& email = "user@example.com") {
        auto o = loginOutcomeFromResponse(send(passwordGrantRequest(base_, email, "secret", 0)), ParticleCall::PasswordGrant, host_);
        EXPECT_TRUE(o.ok() && o->token);
        return o.ok() && o->token ? o->token->access_token : std::string();
    }
    Result<UsageReport> requestReport(const std::string& token, const DateRange& range) {
        UsageReportSpec spec;
        spec.range = range;
        return particleResult<UsageReport>(send(createUsageReportRequest(base_, token, Scope::sandbox(), AgreementId{"3117"}, spec)),
                                           ParticleCall::CreateReport, host_, usageReportFromJson);
    }
    // Drives the poller to a final phase, moving simulated time instead of sleeping.
    ReportPoll pollToEnd(ReportPoll poll, const std::string& token, Timestamp& now) {
        for (int guard = 0; guard < 50 && !isFinalPhase(poll.record.phase); ++guard) {
            ReportStep s = step(poll, report_event::Tick{}, now);
            poll = s.state;
            for (const auto& c : s.commands) {
                if (c.kind == ReportCommandKind::ScheduleWake && c.at > now) {
                    control("POST", "/__fake/advance?seconds=" + std::to_string((c.at - now) / 1000));
                    now = c.at;
                } else if (c.kind == ReportCommandKind::CheckStatus) {
                    auto r = particleResult<UsageReport>(send(usageReportRequest(base_, token, poll.record.scope, poll.record.id)),
                                                         ParticleCall::ReportStatus, host_, usageReportFromJson);
                    poll = r.ok() ? step(poll, report_event::StatusArrived{r.value()}, now).state
                                  : step(poll, report_event::StatusFailed{r.error()}, now).state;
                }
            }
        }
        return poll;
    }

    std::unique_ptr<ParticleSim> sim_;
    std::unique_ptr<FakeHttpServer> downloads_;
    std::unique_ptr<FakeHttpServer> api_;
    NativeHttpTransport transport_;
    std::string base_;
    std::string host_;
};

TEST_F(ParticleE2e, TutorialFlowFromLoginToCsv) {
    std::string token = login();
    auto user = particleResult<ParticleUser>(send(currentUserRequest(base_, token)), ParticleCall::User, host_, userFromJson);
    ASSERT_TRUE(user.ok());
    EXPECT_EQ(user->username, "user@example.com");
    auto orgs = particleResult<std::vector<Organization>>(send(organizationsRequest(base_, token)), ParticleCall::Organizations,
                                                          host_, organizationsFromJson);
    ASSERT_TRUE(orgs.ok());
    EXPECT_EQ(orgs->size(), 2u);
    auto org_agreements = particleResult<std::vector<ServiceAgreement>>(
        send(serviceAgreementsRequest(base_, token, Scope::organization((*orgs)[0].id))), ParticleCall::Agreements, host_,
        serviceAgreementsFromJson);
    ASSERT_TRUE(org_agreements.ok());
    auto agreements = particleResult<std::vector<ServiceAgreement>>(
        send(serviceAgreementsRequest(base_, token, Scope::sandbox())), ParticleCall::Agreements, host_, serviceAgreementsFromJson);
    ASSERT_TRUE(agreements.ok());
    const ServiceAgreement* agreement = preferredAgreement(*agreements);
    ASSERT_NE(agreement, nullptr);

    Timestamp now = wallClockNow();
    DateRange range = defaultReportRange(*agreement, dateFromTimestamp(now));
    UsageReportSpec spec;
    spec.range = range;
    ReportPoll poll = startReportPoll(Scope::sandbox(), agreement->id, spec, now);
    auto created = particleResult<UsageReport>(send(createUsageReportRequest(base_, token, Scope::sandbox(), agreement->id, spec)),
                                               ParticleCall::CreateReport, host_, usageReportFromJson);
    ASSERT_TRUE(created.ok()) << created.error().message;
    poll = step(poll, report_event::Created{created.value()}, now).state;
    poll = pollToEnd(poll, token, now);
    ASSERT_EQ(poll.record.phase, ReportPhase::Available) << poll.record.message;
    EXPECT_EQ(poll.record.attempts, 2);  // 15 s: pending; +30 s: ready (ready 20 s after the request)
    EXPECT_EQ(count("create_report"), 1);

    HttpResponse csv = send(reportDownloadRequest(poll.download_url));
    ASSERT_TRUE(checkParticleAnswer(csv, ParticleCall::Download, hostFromUrl(poll.download_url)).ok());
    EXPECT_EQ(csv.status, 200);
    EXPECT_EQ(csv.body, control("GET", "/__fake/report_csv?id=" + poll.record.id.value).body);
    EXPECT_EQ(csv.body, sim_->reportCsv(poll.record.id.value));
    EXPECT_GT(csv.body.size(), 100u);

    // No token ever in a URL, and none reached the download origin.
    for (const auto& r : sim_->recorded()) {
        EXPECT_EQ(r.path.find(token), std::string::npos) << r.path;
        if (r.route == "download") {
            EXPECT_FALSE(r.has_authorization);
        }
    }
}

TEST_F(ParticleE2e, MfaWrongCodeRefusedThenRightCodeAccepted) {
    auto first = loginOutcomeFromResponse(send(passwordGrantRequest(base_, "mfa@example.com", "secret", 3600)),
                                          ParticleCall::PasswordGrant, host_);
    ASSERT_TRUE(first.ok());
    ASSERT_TRUE(first->needsOtp());
    auto wrong = loginOutcomeFromResponse(send(mfaGrantRequest(base_, first->mfa_token, "654321", 3600)), ParticleCall::MfaGrant, host_);
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().message, kWrongOtpMessage);
    EXPECT_FALSE(isSignedOutError(wrong.error(), ParticleCall::MfaGrant));
    auto right = loginOutcomeFromResponse(send(mfaGrantRequest(base_, first->mfa_token, "123456", 3600)), ParticleCall::MfaGrant, host_);
    ASSERT_TRUE(right.ok());
    ASSERT_TRUE(right->token);
    EXPECT_EQ(send(currentUserRequest(base_, right->token->access_token)).status, 200);
}

TEST_F(ParticleE2e, WrongPasswordAndSsoGiveClearSentences) {
    auto wrong = loginOutcomeFromResponse(send(passwordGrantRequest(base_, "user@example.com", "nope", 0)), ParticleCall::PasswordGrant, host_);
    EXPECT_EQ(wrong.error().message, kWrongPasswordMessage);
    auto sso = loginOutcomeFromResponse(send(passwordGrantRequest(base_, "sso@example.com", "x", 0)), ParticleCall::PasswordGrant, host_);
    EXPECT_EQ(sso.error().message, kSsoMessage);
}

TEST_F(ParticleE2e, FourthConcurrentReportIsRefusedBeforeAndBySending) {
    std::string token = login();
    DateRange range{{2026, 5, 1}, {2026, 5, 2}};
    std::vector<ReportRecord> records;
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(checkReportQuota(records, Scope::sandbox()).ok());
        auto r = requestReport(token, range);
        ASSERT_TRUE(r.ok()) << r.error().message;
        UsageReportSpec spec;
        spec.range = range;
        records.push_back(step(startReportPoll(Scope::sandbox(), AgreementId{"3117"}, spec, 0), report_event::Created{r.value()}, 0)
                              .state.record);
    }
    Status local = checkReportQuota(records, Scope::sandbox());
    ASSERT_FALSE(local.ok());
    EXPECT_EQ(local.error().message, kOutstandingLimitMessage);
    EXPECT_EQ(count("create_report"), 3);  // the client refused without sending
    auto server = requestReport(token, range);  // a client that did not know (another tab)
    ASSERT_FALSE(server.ok());
    EXPECT_EQ(server.error().message, kOutstandingLimitMessage);
    EXPECT_EQ(server.error().kind, ErrorKind::Limit);
}

TEST_F(ParticleE2e, ExpiredDownloadUrlGivesAClearError) {
    std::string token = login();
    Timestamp now = wallClockNow();
    auto created = requestReport(token, {{2026, 5, 1}, {2026, 5, 2}});
    ASSERT_TRUE(created.ok());
    UsageReportSpec spec;
    spec.range = {{2026, 5, 1}, {2026, 5, 2}};
    ReportPoll poll = step(startReportPoll(Scope::sandbox(), AgreementId{"3117"}, spec, now), report_event::Created{created.value()}, now).state;
    poll = pollToEnd(poll, token, now);
    ASSERT_EQ(poll.record.phase, ReportPhase::Available);
    control("POST", "/__fake/advance", R"({"seconds":604800})");
    HttpResponse gone = send(reportDownloadRequest(poll.download_url));
    Status s = checkParticleAnswer(gone, ParticleCall::Download, hostFromUrl(poll.download_url));
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().message.find("expired"), std::string::npos);
    EXPECT_NE(s.error().message.find("7 days"), std::string::npos);
}

TEST_F(ParticleE2e, RevokedTokenGivesAClearError) {
    std::string token = login();
    ASSERT_EQ(control("POST", "/__fake/revoke", R"({"all":true})").status, 200);
    auto orgs = particleResult<std::vector<Organization>>(send(organizationsRequest(base_, token)), ParticleCall::Organizations,
                                                          host_, organizationsFromJson);
    ASSERT_FALSE(orgs.ok());
    EXPECT_TRUE(isSignedOutError(orgs.error(), ParticleCall::Organizations));
    EXPECT_EQ(orgs.error().message, "You are signed out: the access token is not valid any more. Sign in again.");
}

TEST_F(ParticleE2e, LogoutRevokesTheToken) {
    std::string token = login();
    EXPECT_TRUE(checkParticleAnswer(send(revokeCurrentTokenRequest(base_, token)), ParticleCall::Revoke, host_).ok());
    EXPECT_EQ(send(currentUserRequest(base_, token)).status, 401);
}

// One test per fault switch: what the user would read after listing organizations.
struct FaultCase {
    const char* kind;
    const char* expected;  // part of the sentence
};

class ParticleE2eFault : public ParticleE2e, public ::testing::WithParamInterface<FaultCase> {};

TEST_P(ParticleE2eFault, ShowsTheUserASentence) {
    std::string token = login();
    nlohmann::json fault = {{"route", "orgs"}, {"kind", GetParam().kind}, {"count", 1}, {"retry_after", 30}, {"delay_ms", 1500}};
    ASSERT_EQ(control("POST", "/__fake/fault", fault.dump()).status, 200);
    HttpRequest r = organizationsRequest(base_, token);
    r.timeout_ms = 500;  // the slow fault waits 1.5 s
    auto orgs = particleResult<std::vector<Organization>>(send(r), ParticleCall::Organizations, host_, organizationsFromJson);
    ASSERT_FALSE(orgs.ok());
    std::string expected = GetParam().expected;
    if (expected == "<host>") expected = "Could not reach " + host_ + ": network error or the browser blocked the request.";
    EXPECT_NE(orgs.error().message.find(expected), std::string::npos) << orgs.error().message;
    // The fault was one-shot: the next call works.
    EXPECT_TRUE(particleResult<std::vector<Organization>>(send(organizationsRequest(base_, token)), ParticleCall::Organizations,
                                                          host_, organizationsFromJson).ok());
}

INSTANTIATE_TEST_SUITE_P(
    EveryFault, ParticleE2eFault,
    ::testing::Values(FaultCase{"unauthorized", "You are signed out"}, FaultCase{"forbidden", "Not permitted: Permission denied"},
                      FaultCase{"not_found", "Not found: Not found"}, FaultCase{"rate_limit", "Wait 30 s and try again"},
                      FaultCase{"server_error", "Particle's server had a problem (HTTP 500)"},
                      FaultCase{"unavailable", "Particle's server had a problem (HTTP 503)"},
                      FaultCase{"slow", "did not answer in time"}, FaultCase{"drop", "<host>"},
                      FaultCase{"malformed_json", "Unexpected answer from the Particle API: not JSON."},
                      FaultCase{"wrong_content_type", "expected JSON but got text/html"},
                      FaultCase{"empty_body", "the answer was empty"}),
    [](const ::testing::TestParamInfo<FaultCase>& p) { return std::string(p.param.kind); });

}  // namespace
}  // namespace ud::platform
