// Particle response parsers and the error mapper: documented examples parse,
// both variants of uncertain fields parse, malformed input gives specific errors.
#include <gtest/gtest.h>

#include "core/particle/particle_parse.h"

namespace ud::core {
namespace {

HttpResponse answer(int status, std::string body, std::string type = "application/json") {
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    r.headers = {{"Content-Type", type}};
    return r;
}

Error mapped(int status, const std::string& body, ParticleCall call) {
    return particleErrorFromResponse(answer(status, body), call, "api.particle.io");
}

TEST(ParticleParse, DocumentedTokenAnswerParses) {
    auto t = accessTokenFromJson(R"({ "token_type": "bearer", "access_token": "5e0c8d1f", "expires_in": 3600,
                                      "refresh_token": "b83f" })");
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->access_token, "5e0c8d1f");
    EXPECT_EQ(t->expires_in_s, 3600);
    EXPECT_FALSE(t->neverExpires());
}

TEST(ParticleParse, NeverExpiringTokenMayOmitOrZeroExpiresIn) {
    EXPECT_TRUE(accessTokenFromJson(R"({"access_token":"a","expires_in":0})")->neverExpires());
    EXPECT_TRUE(accessTokenFromJson(R"({"access_token":"a"})")->neverExpires());
}

TEST(ParticleParse, MfaRequiredIsAChallengeNotAnError) {
    auto o = loginOutcomeFromResponse(
        answer(403, R"({"error":"mfa_required","error_description":"Multifactor authentication required","mfa_token":"eyJ"})"),
        ParticleCall::PasswordGrant, "api.particle.io");
    ASSERT_TRUE(o.ok());
    EXPECT_TRUE(o->needsOtp());
    EXPECT_EQ(o->mfa_token, "eyJ");
}

TEST(ParticleParse, UserAndTokenInfoAcceptBothClientNames) {
    auto u = userFromJson(R"({"username":"a@b.c","mfa":{"enabled":true},"extra":1})");
    ASSERT_TRUE(u.ok());
    EXPECT_TRUE(u->mfa_enabled);
    auto t1 = tokenInfoFromJson(R"({"expires_at":"2026-01-05T10:00:00.000Z","client":"particle","scopes":[],"orgs":[]})");
    auto t2 = tokenInfoFromJson(R"({"expires_at":null,"client_id":"particle"})");
    ASSERT_TRUE(t1.ok() && t2.ok());
    EXPECT_EQ(t1->client, "particle");
    EXPECT_EQ(t2->client, "particle");
    EXPECT_EQ(t1->expires_at, timestampFromText("2026-01-05T10:00:00Z"));
    EXPECT_FALSE(t2->expires_at);
}

TEST(ParticleParse, OrganizationsParseIncludingEmpty) {
    auto o = organizationsFromJson(R"({ "organizations": [ { "id": "64a1f0c2e4b0d97a55c3e210", "slug": "acme-fleet", "name": "Acme Fleet" } ] })");
    ASSERT_TRUE(o.ok());
    ASSERT_EQ(o->size(), 1u);
    EXPECT_EQ((*o)[0].slug, "acme-fleet");
    EXPECT_TRUE(organizationsFromJson(R"({"organizations":[]})")->empty());
    EXPECT_EQ(organizationsFromJson(R"({"orgs":[]})").error().kind, ErrorKind::Parse);
}

TEST(ParticleParse, DocumentedAgreementParsesWithStringOrNumericId) {
    const std::string doc = R"({ "data": [ { "id": "3117", "type": "service_agreement", "attributes": {
    "owner_id": "5d9e", "owner_type": "User", "name": "Free plan", "agreement_type": "developer", "state": "active",
    "starts_on": "2023-09-04", "ends_on": null,
    "current_billing_period_start": "2026-05-04", "current_billing_period_end": "2026-06-03",
    "next_billing_period_start": "2026-06-04",
    "current_usage_summary": { "device_limit_reached": false, "connectivity": {
        "all": { "owned_devices": 14, "billable_devices": 11, "device_data": 0, "device_messages": 83512 } } },
    "pricing_terms": { "device": { "max_devices": 100 }, "messaging": { "max_messages": 100000 } } } } ] })";
    auto a = serviceAgreementsFromJson(doc);
    ASSERT_TRUE(a.ok()) << a.error().message;
    EXPECT_EQ((*a)[0].id.value, "3117");
    EXPECT_EQ((*a)[0].current_billing_period, (DateRange{{2026, 5, 4}, {2026, 6, 3}}));
    EXPECT_EQ((*a)[0].device_messages, 83512);
    EXPECT_EQ((*a)[0].max_messages, 100000);
    auto numeric = serviceAgreementsFromJson(R"({"data":[{"id":3117,"attributes":{"current_billing_period_start":"2026-05-04","current_billing_period_end":"2026-06-03"}}]})");
    ASSERT_TRUE(numeric.ok());
    EXPECT_EQ((*numeric)[0].id.value, "3117");
    EXPECT_EQ((*numeric)[0].device_messages, -1);
}

TEST(ParticleParse, AgreementWithoutBillingPeriodIsASpecificError) {
    auto a = serviceAgreementsFromJson(R"({"data":[{"id":"1","attributes":{"name":"x"}}]})");
    ASSERT_FALSE(a.ok());
    EXPECT_NE(a.error().message.find("billing period"), std::string::npos);
}

TEST(ParticleParse, PreferredAgreementIsFirstActive) {
    std::vector<ServiceAgreement> list(2);
    list[0].state = "ended";
    list[1].state = "active";
    EXPECT_EQ(preferredAgreement(list), &list[1]);
    list[1].state = "";
    EXPECT_EQ(preferredAgreement(list), &list[0]);
    EXPECT_EQ(preferredAgreement({}), nullptr);
}

TEST(ParticleParse, DocumentedPendingReportParses) {
    auto r = usageReportFromJson(R"({ "data": { "id": "8804", "type": "usage_report", "attributes": {
    "state": "pending", "service_agreement_id": 3117,
    "date_period_start": "2026-05-04", "date_period_end": "2026-06-03",
    "created_at": "2026-06-01 08:42:10 -0700", "expires_at": null, "report_type": "devices",
    "report_params": { "devices": [], "products": [], "recipient_list": ["owner@example.com"] },
    "download_url": null } } })");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->id.value, "8804");
    EXPECT_EQ(r->state, ReportState::Pending);
    EXPECT_EQ(r->service_agreement_id, "3117");
    EXPECT_EQ(r->created_at, timestampFromText("2026-06-01T15:42:10Z"));
    EXPECT_FALSE(r->expires_at);
}

TEST(ParticleParse, ReportStateFallsBackToStatusAndUrlMeansReady) {
    auto via_status = usageReportFromJson(R"({"data":{"id":1,"attributes":{"status":"pending"}}})");
    ASSERT_TRUE(via_status.ok());
    EXPECT_EQ(via_status->state_text, "pending");
    EXPECT_EQ(via_status->id.value, "1");
    auto url_only = usageReportFromJson(
        R"({"data":{"id":"2","attributes":{"state":"processing","download_url":"https://s/x.csv","expires_at":"2026-06-08T10:00:00Z"}}})");
    EXPECT_EQ(url_only->state, ReportState::Available);
    EXPECT_EQ(url_only->expires_at, timestampFromText("2026-06-08T10:00:00Z"));
    auto ruby_expiry = usageReportFromJson(
        R"({"data":{"id":"3","attributes":{"state":"available","download_url":"u","expires_at":"2026-06-08 03:00:00 -0700"}}})");
    EXPECT_EQ(ruby_expiry->expires_at, timestampFromText("2026-06-08T10:00:00Z"));
}

TEST(ParticleParse, ReportStatesMapAsDocumented) {
    EXPECT_EQ(reportStateFromText("queued", false), ReportState::Pending);
    EXPECT_EQ(reportStateFromText("something-new", false), ReportState::Pending);
    EXPECT_EQ(reportStateFromText("available", false), ReportState::Available);
    for (const char* s : {"failed", "error", "canceled", "cancelled"}) EXPECT_EQ(reportStateFromText(s, false), ReportState::Failed);
    EXPECT_EQ(reportStateFromText("expired", false), ReportState::Expired);
}

TEST(ParticleParse, MalformedBodiesGiveSpecificErrors) {
    EXPECT_NE(usageReportFromJson("").error().message.find("empty"), std::string::npos);
    EXPECT_NE(usageReportFromJson("{\"data\": {").error().message.find("not JSON"), std::string::npos);
    EXPECT_NE(usageReportFromJson("[1]").error().message.find("object"), std::string::npos);
    EXPECT_NE(usageReportFromJson(R"({"data":{"attributes":{}}})").error().message.find("no id"), std::string::npos);
    EXPECT_NE(accessTokenFromJson(R"({"token_type":"bearer"})").error().message.find("access_token"), std::string::npos);
}

TEST(ParticleParse, NotificationsUseEventNameOrEventType) {
    auto n = notificationsFromJson(R"({ "data": [ { "id": "c41e", "type": "notification", "attributes": {
    "state": "completed", "event_name": "developer:usage_activity:automatic_unpause", "time_period": "2026-05-04",
    "created_at": "2026-05-04 00:02:11 -0700", "details": { "event_type": "automatic_unpause" } } },
    { "id": "x", "attributes": { "details": { "event_type": "usage_threshold_90" } } } ] })");
    ASSERT_TRUE(n.ok());
    EXPECT_EQ((*n)[0].event_name, "developer:usage_activity:automatic_unpause");
    EXPECT_EQ((*n)[0].created_at, "2026-05-04 00:02:11 -0700");
    EXPECT_EQ((*n)[1].event_name, "usage_threshold_90");
}

TEST(ParticleErrors, MessageOrderFollowsTheDoc) {
    EXPECT_EQ(apiMessageFromBody(R"({"error":"e","error_description":"d","errors":["x"]})", 400), "d");
    EXPECT_EQ(apiMessageFromBody(R"({"errors":[{"status":"422","title":"T","detail":"D"}],"error":"e"})", 422), "D");
    EXPECT_EQ(apiMessageFromBody(R"({"ok":false,"errors":["first"]})", 400), "first");
    EXPECT_EQ(apiMessageFromBody(R"({"ok":false,"error":"Not found"})", 404), "Not found");
    EXPECT_EQ(apiMessageFromBody(R"({"info":"i"})", 400), "i");
    EXPECT_EQ(apiMessageFromBody("<html>502</html>", 502), "HTTP 502");
}

TEST(ParticleErrors, SignInSentences) {
    EXPECT_EQ(mapped(403, R"({"error":"mfa_required","mfa_token":"x"})", ParticleCall::PasswordGrant).message, kMfaNeededMessage);
    EXPECT_EQ(mapped(400, R"({"error":"invalid_grant","error_description":"User credentials are invalid"})", ParticleCall::PasswordGrant).message,
              kWrongPasswordMessage);
    EXPECT_EQ(mapped(403, R"({"error":"sso_user"})", ParticleCall::PasswordGrant).message, kSsoMessage);
    Error otp401 = mapped(401, R"({"error":"invalid_token","error_description":"Could not validate OTP."})", ParticleCall::MfaGrant);
    Error otp400 = mapped(400, R"({"error":"invalid_grant","error_description":"OTP expired"})", ParticleCall::MfaGrant);
    EXPECT_EQ(otp401.message, kWrongOtpMessage);
    EXPECT_EQ(otp400.message, kWrongOtpMessage);
    EXPECT_FALSE(isSignedOutError(otp401, ParticleCall::MfaGrant));
}

TEST(ParticleErrors, BadTokenMeansSignedOut) {
    Error e = mapped(401, R"({"error":"invalid_token","error_description":"The access token provided is invalid."})", ParticleCall::Organizations);
    EXPECT_TRUE(isSignedOutError(e, ParticleCall::Organizations));
    EXPECT_NE(e.message.find("signed out"), std::string::npos);
    Error expired = mapped(401, R"({"error":"invalid_token","error_description":"The access token provided has expired."})", ParticleCall::User);
    EXPECT_NE(expired.message.find("expired"), std::string::npos);
    Error missing = mapped(400, R"({"error":"invalid_request","error_description":"The access token was not found"})", ParticleCall::User);
    EXPECT_TRUE(isSignedOutError(missing, ParticleCall::User));
}

TEST(ParticleErrors, OutstandingLimitInEveryDocumentedShape) {
    for (auto [status, body] : std::vector<std::pair<int, std::string>>{
             {429, R"({"error":"too_many","error_description":"You have reached the limit of 3 outstanding report requests."})"},
             {422, R"({"errors":[{"status":"422","title":"Unprocessable","detail":"Only 3 outstanding usage reports are allowed"}]})"},
             {409, R"({"ok":false,"error":"3 reports at a time"})"},
             {429, R"({"ok":false})"}}) {
        Error e = mapped(status, body, ParticleCall::CreateReport);
        EXPECT_EQ(e.message, kOutstandingLimitMessage) << body;
        EXPECT_EQ(e.kind, ErrorKind::Limit);
    }
    EXPECT_NE(mapped(400, R"({"ok":false,"error":"date_period_start must be on or before date_period_end"})", ParticleCall::CreateReport)
                  .message.find("date_period_start"), std::string::npos);
}

TEST(ParticleErrors, RateLimitHonoursRetryAfter) {
    HttpResponse r = answer(429, R"({"error":"rate_limit_exceeded","error_description":"Rate limit exceeded."})");
    r.headers.emplace_back("Retry-After", "45");
    Error e = particleErrorFromResponse(r, ParticleCall::Organizations, "api.particle.io");
    EXPECT_EQ(e.retry_after_s, 45);
    EXPECT_NE(e.message.find("Wait 45 s"), std::string::npos);
    EXPECT_NE(mapped(429, "{}", ParticleCall::User).message.find("Wait 60 s"), std::string::npos);
}

TEST(ParticleErrors, ServerAndNetworkFailures) {
    EXPECT_NE(mapped(503, "<html>down</html>", ParticleCall::User).message.find("HTTP 503"), std::string::npos);
    HttpResponse none;
    none.status = 0;
    Error net = particleErrorFromResponse(none, ParticleCall::User, "api.particle.io");
    EXPECT_EQ(net.kind, ErrorKind::Transport);
    EXPECT_EQ(net.message, "Could not reach api.particle.io: network error or the browser blocked the request.");
    none.transport_error = ErrorKind::Timeout;
    EXPECT_EQ(particleErrorFromResponse(none, ParticleCall::User, "h").kind, ErrorKind::Timeout);
}

TEST(ParticleErrors, ExpiredDownloadLinkIsExplained) {
    Error e = particleErrorFromResponse(answer(403, "<Error><Code>AccessDenied</Code></Error>", "application/xml"),
                                        ParticleCall::Download, "storage");
    EXPECT_NE(e.message.find("expired"), std::string::npos);
    EXPECT_FALSE(isSignedOutError(e, ParticleCall::Download));
}

TEST(ParticleErrors, NonJsonSuccessIsAParseErrorNamingTheType) {
    Status s = checkParticleAnswer(answer(200, "<html>portal</html>", "text/html; charset=utf-8"), ParticleCall::User, "h");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().kind, ErrorKind::Parse);
    EXPECT_NE(s.error().message.find("text/html"), std::string::npos);
    EXPECT_TRUE(checkParticleAnswer(answer(204, ""), ParticleCall::Revoke, "h").ok());
}

TEST(ParticleParse, AFieldOfTheWrongTypeIsADamagedAnswerNotAMissingValue) {
    // A number where the expiry text belongs must not read as "never expires".
    auto info = tokenInfoFromJson(R"({"expires_at": 12345, "client": "user"})");
    ASSERT_FALSE(info.ok());
    EXPECT_EQ(info.error().message, "Unexpected answer from the Particle API: the token's expiry (expires_at) is not text.");
    EXPECT_TRUE(tokenInfoFromJson(R"({"expires_at": null, "client": "user"})").ok());  // null: never expires
    auto report = usageReportFromJson(R"({"data":{"id":"8804","attributes":{"state":7}}})");
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.error().message, "Unexpected answer from the Particle API: report 8804's state (state) is not text.");
    auto orgs = organizationsFromJson(R"({"organizations":[{"id":"a1","slug":"acme","name":{"en":"Acme"}}]})");
    ASSERT_FALSE(orgs.ok());
    EXPECT_NE(orgs.error().message.find("organization a1's name (name) is not text"), std::string::npos);
}

TEST(ParticleParse, ADownloadThatIsAWebPageOrEmptyIsNotTheReport) {
    auto html = checkParticleAnswer(answer(200, "<!doctype html><html>Sign in to the Wi-Fi</html>", "text/html"),
                                    ParticleCall::Download, "storage.example.com");
    ASSERT_FALSE(html.ok());
    EXPECT_NE(html.error().message.find("answered with a web page, not a CSV"), std::string::npos);
    // Sniffed even when the portal calls it text/csv, after a BOM and blank lines.
    EXPECT_FALSE(checkParticleAnswer(answer(200, "\xEF\xBB\xBF\r\n  <html>", "text/csv"), ParticleCall::Download, "s").ok());
    auto empty = checkParticleAnswer(answer(200, "", "text/csv"), ParticleCall::Download, "storage.example.com");
    ASSERT_FALSE(empty.ok());
    EXPECT_NE(empty.error().message.find("was empty"), std::string::npos);
    EXPECT_TRUE(checkParticleAnswer(answer(200, "Device ID,Date\n", "text/csv"), ParticleCall::Download, "s").ok());
}

TEST(ParticleParse, OnlyOrganizationCallsBlameAMissingAdminRole) {
    EXPECT_EQ(mapped(403, R"({"error":"Permission denied"})", ParticleCall::Agreements).message,
              "Not permitted: Permission denied. Organization data needs an organization administrator.");
    EXPECT_EQ(mapped(403, R"({"error":"Permission denied"})", ParticleCall::PasswordGrant).message,
              "Not permitted: Permission denied.");
}

}  // namespace
}  // namespace ud::core

namespace ud::core {
TEST(ParticleParse, NotificationsReadAsSentences) {
    UsageNotification n;
    n.event_name = "developer:usage_activity:usage_threshold_90";
    EXPECT_EQ(sentenceFromNotification(n), "90 % of the included usage reached");
    n.event_type = "automatic_unpause";
    EXPECT_EQ(sentenceFromNotification(n), "Service resumed");
    n.event_type = "automatic_pause";
    EXPECT_EQ(sentenceFromNotification(n), "Service paused: the included usage is used up");
}

// An event name the page does not know is not shown raw: its words, and the period from the notification.
TEST(ParticleParse, UnknownNotificationReadsAsASentenceWithItsPeriod) {
    UsageNotification n;
    n.event_name = "developer:usage_activity:data_limit_warning";
    n.time_period = "2026-05-04";
    EXPECT_EQ(sentenceFromNotification(n), "Data limit warning (period 2026-05-04)");
    n.event_type = "something_new";
    n.time_period.clear();
    EXPECT_EQ(sentenceFromNotification(n), "Something new");
    EXPECT_EQ(sentenceFromNotification(UsageNotification{}), "Usage notification");
}
}  // namespace ud::core
