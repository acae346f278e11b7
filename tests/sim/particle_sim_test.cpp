// The simulated Particle cloud, called directly (no network): the documented
// contract, the tolerance switches, faults and the /__fake/ control endpoints.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sim/fake_directives.h"
#include "core/particle/particle_api.h"
#include "core/particle/particle_parse.h"
#include "sim/particle_sim.h"

namespace ud::core {
namespace {

constexpr std::string_view kBase = "http://api.test";
const Timestamp kNow = timestampFromDate({2026, 6, 1}) + 8 * 3600 * 1000;

class ParticleSimTest : public ::testing::Test {
protected:
    HttpResponse send(const HttpRequest& r) { return sim_.handle(r, kNow); }
    std::string login(const std::string& email = "user@example.com") {
        auto o = loginOutcomeFromResponse(send(passwordGrantRequest(kBase, email, "secret", 0)), ParticleCall::PasswordGrant, "h");
        return o.ok() && o->token ? o->token->access_token : std::string();
    }
    HttpResponse createReport(const std::string& token, Scope scope = Scope::sandbox(), std::string agreement = "3117") {
        UsageReportSpec spec;
        spec.range = {{2026, 5, 1}, {2026, 5, 3}};
        return send(createUsageReportRequest(kBase, token, scope, AgreementId{agreement}, spec));
    }
    HttpResponse control(const std::string& method, const std::string& path, const std::string& body = "") {
        HttpRequest r;
        r.method = method;
        r.url = std::string(kBase) + path;
        r.body = body;
        return send(r);
    }
    ParticleSim sim_;
};

TEST_F(ParticleSimTest, PasswordLoginGivesAWorkingToken) {
    HttpResponse r = send(passwordGrantRequest(kBase, "user@example.com", "secret", std::nullopt));
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(headerValue(r.headers, "Cache-Control"), "no-store");
    EXPECT_EQ(headerValue(r.headers, "Access-Control-Allow-Origin"), "*");
    auto t = accessTokenFromJson(r.body);
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->expires_in_s, 7776000);
    auto user = userFromJson(send(currentUserRequest(kBase, t->access_token)).body);
    ASSERT_TRUE(user.ok());
    EXPECT_EQ(user->username, "user@example.com");
}

TEST_F(ParticleSimTest, NeverExpiringTokenHasNoRefreshToken) {
    HttpResponse r = send(passwordGrantRequest(kBase, "user@example.com", "secret", 0));
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    EXPECT_EQ(j["expires_in"], 0);
    EXPECT_FALSE(j.contains("refresh_token"));
    auto info = tokenInfoFromJson(send(currentTokenRequest(kBase, j["access_token"].get<std::string>())).body);
    ASSERT_TRUE(info.ok());
    EXPECT_FALSE(info->expires_at);
}

TEST_F(ParticleSimTest, TokenEndpointChecksEncodingClientAndPassword) {
    HttpRequest json_body = passwordGrantRequest(kBase, "user@example.com", "secret", 0);
    json_body.headers = {{"Content-Type", "application/json"}};
    EXPECT_EQ(apiErrorFromBody(send(json_body).body), "invalid_request");
    HttpRequest bad_client = passwordGrantRequest(kBase, "user@example.com", "secret", 0);
    bad_client.body = formBody({{"grant_type", "password"}, {"username", "user@example.com"}, {"password", "secret"}});
    HttpResponse r = send(bad_client);
    EXPECT_EQ(apiErrorFromBody(r.body), "invalid_client");
    EXPECT_FALSE(headerValue(r.headers, "WWW-Authenticate").empty());
    bad_client.headers.emplace_back("Authorization", "Basic cGFydGljbGU6cGFydGljbGU=");  // particle:particle
    EXPECT_EQ(send(bad_client).status, 200);
    HttpResponse wrong = send(passwordGrantRequest(kBase, "user@example.com", "nope", 0));
    EXPECT_EQ(wrong.status, 400);
    EXPECT_EQ(apiMessageFromBody(wrong.body, 400), "User credentials are invalid");
    EXPECT_EQ(apiErrorFromBody(send(passwordGrantRequest(kBase, "sso@example.com", "x", 0)).body), "sso_user");
}

TEST_F(ParticleSimTest, MfaNeedsTheCodeAndSurvivesAWrongOne) {
    auto first = loginOutcomeFromResponse(send(passwordGrantRequest(kBase, "mfa@example.com", "secret", 0)),
                                          ParticleCall::PasswordGrant, "h");
    ASSERT_TRUE(first.ok() && first->needsOtp());
    HttpResponse wrong = send(mfaGrantRequest(kBase, first->mfa_token, "000000", 0));
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(apiMessageFromBody(wrong.body, 401), "Could not validate OTP.");
    sim_.config().wrong_otp_400 = true;
    EXPECT_EQ(send(mfaGrantRequest(kBase, first->mfa_token, "111111", 0)).status, 400);
    auto ok = loginOutcomeFromResponse(send(mfaGrantRequest(kBase, first->mfa_token, "123456", 0)), ParticleCall::MfaGrant, "h");
    ASSERT_TRUE(ok.ok());
    EXPECT_TRUE(ok->token);
}

TEST_F(ParticleSimTest, LocksOutAfterTenFailures) {
    for (int i = 0; i < 10; ++i) EXPECT_EQ(send(passwordGrantRequest(kBase, "user@example.com", "bad", 0)).status, 400);
    HttpResponse r = send(passwordGrantRequest(kBase, "user@example.com", "secret", 0));
    EXPECT_EQ(r.status, 429);
    EXPECT_EQ(retryAfterSeconds(r.headers), 1800);
    sim_.advanceSeconds(1801);
    EXPECT_EQ(send(passwordGrantRequest(kBase, "user@example.com", "secret", 0)).status, 200);
}

TEST_F(ParticleSimTest, BearerChecks) {
    EXPECT_EQ(send(currentUserRequest(kBase, "unknown")).status, 401);
    HttpRequest none = currentUserRequest(kBase, "x");
    none.headers.clear();
    EXPECT_EQ(send(none).status, 400);
    sim_.config().missing_token_401 = true;
    EXPECT_EQ(send(none).status, 401);
    std::string token = login();
    HttpRequest leak = currentUserRequest(kBase, token);
    leak.url += "?access_token=" + token;
    EXPECT_EQ(send(leak).status, 400);
    EXPECT_EQ(send(revokeCurrentTokenRequest(kBase, token)).body, R"({"ok":true})");
    EXPECT_EQ(send(currentUserRequest(kBase, token)).status, 401);
}

TEST_F(ParticleSimTest, ExpiredTokenSaysSo) {
    std::string token = sim_.issueToken("user@example.com", 60, kNow);
    sim_.advanceSeconds(61);
    HttpResponse r = send(currentUserRequest(kBase, token));
    EXPECT_EQ(r.status, 401);
    EXPECT_NE(apiMessageFromBody(r.body, 401).find("expired"), std::string::npos);
}

TEST_F(ParticleSimTest, OrgsAndAgreementsByIdOrSlug) {
    std::string token = login();
    auto orgs = organizationsFromJson(send(organizationsRequest(kBase, token)).body);
    ASSERT_TRUE(orgs.ok());
    EXPECT_EQ(orgs->size(), 2u);
    EXPECT_TRUE(organizationsFromJson(send(organizationsRequest(kBase, login("solo@example.com"))).body)->empty());
    auto by_id = serviceAgreementsFromJson(send(serviceAgreementsRequest(kBase, token, Scope::organization((*orgs)[0].id))).body);
    auto by_slug = serviceAgreementsFromJson(send(serviceAgreementsRequest(kBase, token, Scope::organization("acme-fleet"))).body);
    ASSERT_TRUE(by_id.ok() && by_slug.ok());
    EXPECT_EQ((*by_id)[0].id.value, "4200");
    EXPECT_EQ((*by_slug)[0].id.value, "4200");
    auto sandbox = serviceAgreementsFromJson(send(serviceAgreementsRequest(kBase, token, Scope::sandbox())).body);
    EXPECT_EQ((*sandbox)[0].current_billing_period, (DateRange{{2026, 5, 4}, {2026, 6, 3}}));
    HttpResponse outsider = send(serviceAgreementsRequest(kBase, login("solo@example.com"), Scope::organization("acme-fleet")));
    EXPECT_EQ(outsider.status, 403);
    sim_.config().numeric_ids = true;
    auto numeric = serviceAgreementsFromJson(send(serviceAgreementsRequest(kBase, token, Scope::sandbox())).body);
    EXPECT_EQ((*numeric)[0].id.value, "3117");
}

TEST_F(ParticleSimTest, ReportLifecycleAndDownload) {
    std::string token = login();
    HttpResponse c = createReport(token);
    EXPECT_EQ(c.status, 202);
    auto report = usageReportFromJson(c.body);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->state, ReportState::Pending);
    HttpRequest status = usageReportRequest(kBase, token, Scope::sandbox(), report->id);
    EXPECT_EQ(usageReportFromJson(send(status).body)->state, ReportState::Pending);
    EXPECT_EQ(usageReportFromJson(send(status).body)->state, ReportState::Pending);
    auto ready = usageReportFromJson(send(status).body);
    ASSERT_EQ(ready->state, ReportState::Available);
    EXPECT_EQ(ready->expires_at, *ready->created_at + 7LL * 86400 * 1000);
    EXPECT_EQ(ready->download_url.rfind("https://storage.usagedesk.test/reports/", 0), 0u);
    HttpResponse csv = send(reportDownloadRequest(ready->download_url));
    EXPECT_EQ(csv.status, 200);
    EXPECT_EQ(headerValue(csv.headers, "Content-Type"), "text/csv");
    EXPECT_TRUE(headerValue(csv.headers, "Access-Control-Allow-Origin").empty());  // documented default
    EXPECT_EQ(csv.body, sim_.reportCsv(report->id.value));
    EXPECT_EQ(csv.body.rfind("date,device_id,device_name,product_id,product_name,data_operations\n", 0), 0u);
    EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 1 + 3 * 6);  // 3 days x 6 devices
    HttpRequest with_token = reportDownloadRequest(ready->download_url);
    with_token.headers.emplace_back("Authorization", "Bearer " + token);
    EXPECT_EQ(send(with_token).status, 400);
    sim_.advanceSeconds(7 * 86400);
    EXPECT_EQ(usageReportFromJson(send(status).body)->state, ReportState::Expired);
    HttpResponse gone = send(reportDownloadRequest(ready->download_url));
    EXPECT_EQ(gone.status, 403);
    EXPECT_EQ(gone.body.find('{'), std::string::npos);
}

TEST_F(ParticleSimTest, FourthOutstandingReportIsRefused) {
    std::string token = login();
    for (int i = 0; i < 3; ++i) EXPECT_EQ(createReport(token).status, 202);
    HttpResponse fourth = createReport(token);
    EXPECT_EQ(fourth.status, 429);
    EXPECT_EQ(particleErrorFromResponse(fourth, ParticleCall::CreateReport, "h").message, kOutstandingLimitMessage);
    sim_.config().limit_as_422 = true;
    HttpResponse as422 = createReport(token);
    EXPECT_EQ(as422.status, 422);
    EXPECT_EQ(particleErrorFromResponse(as422, ParticleCall::CreateReport, "h").kind, ErrorKind::Limit);
}

TEST_F(ParticleSimTest, TimeBasedReadinessAndToleranceSwitches) {
    sim_.config().ready_after_seconds = 20;
    sim_.config().status_key = true;
    std::string token = login();
    auto report = usageReportFromJson(createReport(token).body);
    HttpRequest status = usageReportRequest(kBase, token, Scope::sandbox(), report->id);
    auto pending = usageReportFromJson(send(status).body);
    EXPECT_EQ(pending->state_text, "pending");  // read from "status"
    sim_.advanceSeconds(20);
    EXPECT_EQ(usageReportFromJson(send(status).body)->state, ReportState::Available);
}

TEST_F(ParticleSimTest, ReportOfAnotherScopeIsNotFound) {
    std::string token = login();
    auto report = usageReportFromJson(createReport(token).body);
    EXPECT_EQ(send(usageReportRequest(kBase, token, Scope::organization("acme-fleet"), report->id)).status, 404);
    EXPECT_EQ(send(usageReportRequest(kBase, login("solo@example.com"), Scope::sandbox(), report->id)).status, 404);
    EXPECT_EQ(createReport(token, Scope::sandbox(), "9999").status, 404);
}

TEST_F(ParticleSimTest, BadReportRequestsAreRefused) {
    std::string token = login();
    HttpRequest r = createUsageReportRequest(kBase, token, Scope::sandbox(), AgreementId{"3117"}, {});
    r.body = R"({"report_type":"devices","date_period_start":"2026-05-10","date_period_end":"2026-05-01"})";
    EXPECT_EQ(send(r).status, 400);
    r.body = R"({"report_type":"weekly","date_period_start":"2026-05-01","date_period_end":"2026-05-01"})";
    EXPECT_EQ(send(r).status, 400);
}

TEST_F(ParticleSimTest, NotificationsFollowUsage) {
    std::string token = login("mfa@example.com");  // MFA account: sign in through the code
    (void)token;
    std::string t = sim_.issueToken("mfa@example.com", 0, kNow);  // 100 % usage fixture
    auto list = notificationsFromJson(send(notificationsRequest(kBase, t, Scope::sandbox(), AgreementId{"3118"})).body);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 5u);
    EXPECT_EQ((*list)[0].event_type, "automatic_unpause");
    EXPECT_EQ((*list)[4].event_name, "developer:usage_activity:automatic_pause");
}

TEST_F(ParticleSimTest, PreflightAllowsOnlyTheDocumentedHeaders) {
    HttpRequest r;
    r.method = "OPTIONS";
    r.url = std::string(kBase) + "/v1/user/service_agreements";
    HttpResponse p = send(r);
    EXPECT_EQ(p.status, 204);
    EXPECT_EQ(headerValue(p.headers, "Access-Control-Allow-Headers"), "Authorization, Content-Type, Accept");
    EXPECT_EQ(headerValue(p.headers, "Access-Control-Allow-Origin"), "*");
}

TEST_F(ParticleSimTest, FaultsHitTheirRouteForTheirCount) {
    std::string token = login();
    sim_.addFault({"orgs", ParticleFaultKind::RateLimited, 1, 7, 0});
    HttpResponse limited = send(organizationsRequest(kBase, token));
    EXPECT_EQ(limited.status, 429);
    EXPECT_EQ(retryAfterSeconds(limited.headers), 7);
    EXPECT_EQ(headerValue(limited.headers, "Access-Control-Allow-Origin"), "*");
    EXPECT_EQ(send(organizationsRequest(kBase, token)).status, 200);
    sim_.addFault({"*", ParticleFaultKind::Drop, 1, 0, 0});
    EXPECT_TRUE(isDroppedConnection(send(currentUserRequest(kBase, token))));
    sim_.addFault({"user", ParticleFaultKind::Slow, 1, 0, 2500});
    HttpResponse slow = send(currentUserRequest(kBase, token));
    EXPECT_EQ(slow.status, 200);
    EXPECT_EQ(fakeDelayMs(slow), 2500);
    EXPECT_EQ(sim_.count("orgs"), 2);
}

TEST_F(ParticleSimTest, ControlEndpointsDriveTheSimulator) {
    std::string token = login();
    EXPECT_EQ(control("POST", "/__fake/fault", R"({"route":"user","kind":"server_error","count":1})").status, 200);
    EXPECT_EQ(send(currentUserRequest(kBase, token)).status, 500);
    EXPECT_EQ(control("POST", "/__fake/fault", R"({"kind":"bogus"})").status, 400);
    auto counts = nlohmann::json::parse(control("GET", "/__fake/counts").body, nullptr, false);
    EXPECT_EQ(counts["user"], 1);
    EXPECT_EQ(counts["token"], 1);
    auto recorded = control("GET", "/__fake/requests").body;
    EXPECT_EQ(recorded.find(token), std::string::npos);  // never a token value
    EXPECT_NE(recorded.find("has_authorization"), std::string::npos);
    EXPECT_EQ(control("POST", "/__fake/revoke", R"({"token":")" + token + "\"}").status, 200);
    EXPECT_EQ(send(currentUserRequest(kBase, token)).status, 401);
    auto advanced = nlohmann::json::parse(control("POST", "/__fake/advance?seconds=90").body, nullptr, false);
    EXPECT_EQ(advanced["offset_s"], 90);
    EXPECT_EQ(control("POST", "/__fake/reset").status, 200);
    EXPECT_EQ(sim_.count("user"), 0);
    EXPECT_EQ(sim_.simNow(kNow), kNow);
}

TEST_F(ParticleSimTest, CsvIsDeterministicAndHasAVariant) {
    std::string token = login();
    auto report = usageReportFromJson(createReport(token).body);
    std::string a = sim_.reportCsv(report->id.value);
    ParticleSim other;
    std::string t2 = other.issueToken("user@example.com", 0, kNow);
    UsageReportSpec spec;
    spec.range = {{2026, 5, 1}, {2026, 5, 3}};
    other.handle(createUsageReportRequest(kBase, t2, Scope::sandbox(), AgreementId{"3117"}, spec), kNow);
    EXPECT_EQ(other.reportCsv("8804"), a);
    sim_.config().csv_variant = true;
    std::string v = sim_.reportCsv(report->id.value);
    EXPECT_EQ(v.rfind("\xEF\xBB\xBF" "Date,Device ID", 0), 0u);
    EXPECT_NE(v.find("\r\n"), std::string::npos);
    EXPECT_NE(v.find("\"sensor, bay 01\""), std::string::npos);
}

}  // namespace
}  // namespace ud::core
