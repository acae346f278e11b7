// Particle request builders: exact method, URL, headers, form fields and JSON bodies.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/particle/particle_api.h"

namespace ud::core {
namespace {

const std::string kBase = "https://api.particle.io";

std::string formValue(const HttpRequest& r, const std::string& key) {
    for (const auto& [k, v] : pairsFromForm(r.body))
        if (k == key) return v;
    return "<absent>";
}

void expectOnlyAllowedHeaders(const HttpRequest& r) {
    for (const auto& [k, v] : r.headers)
        EXPECT_TRUE(k == "Authorization" || k == "Content-Type" || k == "Accept") << k;
}

TEST(ParticleApi, PasswordGrantIsFormEncodedWithClientInBody) {
    HttpRequest r = passwordGrantRequest(kBase, "a+b@example.com", "p&ss=1", 3600);
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.url, "https://api.particle.io/oauth/token");
    EXPECT_EQ(headerValue(r.headers, "Content-Type"), "application/x-www-form-urlencoded");
    EXPECT_TRUE(headerValue(r.headers, "Authorization").empty());
    EXPECT_EQ(formValue(r, "grant_type"), "password");
    EXPECT_EQ(formValue(r, "username"), "a+b@example.com");
    EXPECT_EQ(formValue(r, "password"), "p&ss=1");
    EXPECT_EQ(formValue(r, "client_id"), "particle");
    EXPECT_EQ(formValue(r, "client_secret"), "particle");
    EXPECT_EQ(formValue(r, "expires_in"), "3600");
    expectOnlyAllowedHeaders(r);
}

TEST(ParticleApi, PasswordGrantSendsZeroForNeverExpiresAndNothingForDefault) {
    EXPECT_EQ(formValue(passwordGrantRequest(kBase, "u", "p", 0), "expires_in"), "0");
    EXPECT_EQ(formValue(passwordGrantRequest(kBase, "u", "p", std::nullopt), "expires_in"), "<absent>");
}

TEST(ParticleApi, MfaGrantCarriesTokenAndCode) {
    HttpRequest r = mfaGrantRequest(kBase, "mfa.tok", "123456", 0);
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.url, kBase + "/oauth/token");
    EXPECT_EQ(formValue(r, "grant_type"), "urn:custom:mfa-otp");
    EXPECT_EQ(formValue(r, "mfa_token"), "mfa.tok");
    EXPECT_EQ(formValue(r, "otp"), "123456");
    EXPECT_EQ(formValue(r, "client_id"), "particle");
    EXPECT_EQ(formValue(r, "expires_in"), "0");
}

TEST(ParticleApi, AccountCallsPutTheTokenOnlyInTheHeader) {
    struct Case {
        HttpRequest r;
        const char* method;
        const char* path;
    };
    Case cases[] = {{currentUserRequest(kBase, "tok123"), "GET", "/v1/user"},
                    {currentTokenRequest(kBase, "tok123"), "GET", "/v1/access_tokens/current"},
                    {revokeCurrentTokenRequest(kBase, "tok123"), "DELETE", "/v1/access_tokens/current"},
                    {organizationsRequest(kBase, "tok123"), "GET", "/v1/orgs"}};
    for (const auto& c : cases) {
        EXPECT_EQ(c.r.method, c.method);
        EXPECT_EQ(c.r.url, kBase + c.path);
        EXPECT_EQ(headerValue(c.r.headers, "Authorization"), "Bearer tok123");
        EXPECT_EQ(headerValue(c.r.headers, "Accept"), "application/json");
        EXPECT_EQ(c.r.url.find("tok123"), std::string::npos);
        EXPECT_TRUE(c.r.body.empty());
        expectOnlyAllowedHeaders(c.r);
    }
}

TEST(ParticleApi, AgreementPathsDependOnScope) {
    EXPECT_EQ(serviceAgreementsRequest(kBase, "t", Scope::sandbox()).url, kBase + "/v1/user/service_agreements");
    EXPECT_EQ(serviceAgreementsRequest(kBase, "t", Scope::organization("acme-fleet")).url,
              kBase + "/v1/orgs/acme-fleet/service_agreements");
    EXPECT_EQ(notificationsRequest(kBase, "t", Scope::organization("64a1"), AgreementId{"3117"}).url,
              kBase + "/v1/orgs/64a1/service_agreements/3117/notifications");
}

TEST(ParticleApi, CreateReportPostsJsonToTheAgreement) {
    UsageReportSpec spec;
    spec.range = {{2026, 5, 4}, {2026, 6, 3}};
    HttpRequest r = createUsageReportRequest(kBase, "t", Scope::sandbox(), AgreementId{"3117"}, spec);
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.url, kBase + "/v1/user/service_agreements/3117/usage_reports");
    EXPECT_EQ(headerValue(r.headers, "Content-Type"), "application/json");
    auto body = nlohmann::json::parse(r.body, nullptr, false);
    ASSERT_FALSE(body.is_discarded());
    EXPECT_EQ(body, nlohmann::json::parse(
                        R"({"report_type":"devices","date_period_start":"2026-05-04","date_period_end":"2026-06-03"})"));
    expectOnlyAllowedHeaders(r);
}

TEST(ParticleApi, CreateReportSendsFiltersOnlyWhenGiven) {
    UsageReportSpec spec;
    spec.type = ReportType::Products;
    spec.range = {{2026, 1, 1}, {2026, 1, 31}};
    spec.products = {"31001"};
    spec.devices = {"e00fce68aabbccddeeff0011"};
    HttpRequest r = createUsageReportRequest(kBase, "t", Scope::organization("acme"), AgreementId{"4200"}, spec);
    EXPECT_EQ(r.url, kBase + "/v1/orgs/acme/service_agreements/4200/usage_reports");
    auto body = nlohmann::json::parse(r.body, nullptr, false);
    EXPECT_EQ(body["report_type"], "products");
    EXPECT_EQ(body["products"], nlohmann::json::array({"31001"}));
    EXPECT_EQ(body["devices"], nlohmann::json::array({"e00fce68aabbccddeeff0011"}));
}

TEST(ParticleApi, ReportStatusHasNoAgreementSegment) {
    EXPECT_EQ(usageReportRequest(kBase, "t", Scope::sandbox(), ReportId{"8804"}).url, kBase + "/v1/user/usage_reports/8804");
    EXPECT_EQ(usageReportRequest(kBase, "t", Scope::organization("acme"), ReportId{"8804"}).url,
              kBase + "/v1/orgs/acme/usage_reports/8804");
}

TEST(ParticleApi, DownloadSendsNoTokenAndAsksForCsv) {
    HttpRequest r = reportDownloadRequest("https://storage.example/reports/abc/r.csv?sig=1");
    EXPECT_EQ(r.method, "GET");
    EXPECT_EQ(r.url, "https://storage.example/reports/abc/r.csv?sig=1");
    EXPECT_TRUE(headerValue(r.headers, "Authorization").empty());
    EXPECT_EQ(headerValue(r.headers, "Accept"), "text/csv");
}

TEST(ParticleApi, DownloadUrlIsShownWithoutItsSecretPart) {
    const std::string url = "https://storage.example.com/reports/9f3a77c2/usage_report_8804.csv?sig=abc";
    std::string shown = maskedDownloadUrl(url);
    EXPECT_EQ(shown, "https://storage.example.com/*** (hidden)");
    EXPECT_EQ(shown.find("9f3a77c2"), std::string::npos);
    EXPECT_EQ(maskedDownloadUrl(""), "");
}

TEST(ParticleApi, BaseUrlWithTrailingSlashIsJoinedCleanly) {
    EXPECT_EQ(currentUserRequest("http://127.0.0.1:9101/", "t").url, "http://127.0.0.1:9101/v1/user");
}

TEST(ParticleApi, ScopeKeysRoundTrip) {
    EXPECT_EQ(scopeFromKey(Scope::sandbox().key()), Scope::sandbox());
    EXPECT_EQ(scopeFromKey(Scope::organization("acme").key()), Scope::organization("acme"));
    EXPECT_FALSE(scopeFromKey("nonsense"));
}

}  // namespace
}  // namespace ud::core
