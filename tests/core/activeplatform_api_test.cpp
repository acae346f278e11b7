// ActivePlatform request builder, form validation and error sentences.
#include <gtest/gtest.h>

#include "core/activeplatform/activeplatform_api.h"

using namespace ud::core;

namespace {

AnalyticsForm daysForm() {
    AnalyticsForm f;
    f.base_url = "https://cp.example.com/";
    f.token = "vY5fwetestK3gJXZH5uHCw";
    f.subscription_id = "53840";
    f.range_kind = AnalyticsRangeKind::Days;
    f.date_from = "2023-06-01";
    f.date_to = "2023-06-30";
    return f;
}

std::vector<AnalyticsField> fieldsOf(const std::vector<FieldError>& errors) {
    std::vector<AnalyticsField> out;
    for (const auto& e : errors) out.push_back(e.field);
    return out;
}

HttpResponse answer(int status, std::string body, HeaderList headers = {}) {
    HttpResponse r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    return r;
}

}  // namespace

TEST(ActivePlatformApi, BuildsExactDaysRequest) {
    auto q = analyticsQueryFromForm(daysForm());
    ASSERT_TRUE(q.ok()) << q.error().message;
    HttpRequest r = analyticsDailyRequest(*q);
    EXPECT_EQ(r.method, "GET");
    EXPECT_EQ(r.url, "https://cp.example.com/api/v3/analytics_daily?subscription_id=53840&date_from=2023-06-01&date_to=2023-06-30");
    ASSERT_EQ(r.headers.size(), 3u);
    EXPECT_EQ(headerValue(r.headers, "X-Api-Token"), "vY5fwetestK3gJXZH5uHCw");
    EXPECT_EQ(headerValue(r.headers, "Accept"), "application/vnd.api+json");
    EXPECT_EQ(headerValue(r.headers, "Content-Type"), "application/vnd.api+json");
    EXPECT_TRUE(r.body.empty());
    EXPECT_EQ(r.url.find("vY5fw"), std::string::npos) << "token must never be in the URL";
}

TEST(ActivePlatformApi, BuildsPeriodRequestOnRelativeProxyBase) {
    AnalyticsForm f = daysForm();
    f.base_url = "/ap/";
    f.range_kind = AnalyticsRangeKind::BillingPeriods;
    f.period_from = "2023-06";
    f.period_to = "2023-07";
    auto q = analyticsQueryFromForm(f);
    ASSERT_TRUE(q.ok()) << q.error().message;
    EXPECT_EQ(analyticsDailyRequest(*q).url,
              "/ap/api/v3/analytics_daily?subscription_id=53840&period_from=2023-06&period_to=2023-07");
}

TEST(ActivePlatformApi, SendsOnlyTheChosenPair) {
    AnalyticsForm f = daysForm();
    f.period_from = "2023-01";  // typed earlier, but the user chose days
    f.period_to = "2023-02";
    auto q = analyticsQueryFromForm(f);
    ASSERT_TRUE(q.ok());
    EXPECT_EQ(analyticsDailyRequest(*q).url.find("period_"), std::string::npos);
}

TEST(ActivePlatformApi, ReportsEveryBadFieldSeparately) {
    AnalyticsForm f;
    f.base_url = "cp.example.com";
    f.token = "two words";
    f.subscription_id = "53a40";
    f.date_from = "2023-02-30";
    f.date_to = "";
    auto errors = fieldErrorsFromForm(f);
    EXPECT_EQ(fieldsOf(errors), (std::vector<AnalyticsField>{AnalyticsField::BaseUrl, AnalyticsField::Token,
                                                               AnalyticsField::SubscriptionId, AnalyticsField::DateFrom,
                                                               AnalyticsField::DateTo}));
    EXPECT_NE(errors[3].message.find("28 days"), std::string::npos) << errors[3].message;
    auto q = analyticsQueryFromForm(f);
    ASSERT_FALSE(q.ok());
    EXPECT_EQ(q.error().kind, ErrorKind::Validation);
    EXPECT_NE(q.error().message.find("subscription_id:"), std::string::npos);
}

TEST(ActivePlatformApi, RejectsReversedAndTooLongRanges) {
    AnalyticsForm f = daysForm();
    f.date_from = "2023-07-01";
    f.date_to = "2023-06-30";
    auto e = fieldErrorsFromForm(f);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].field, AnalyticsField::DateTo);

    f.date_from = "2023-01-01";
    f.date_to = "2024-01-01";  // 366 days: the limit itself is fine
    EXPECT_TRUE(fieldErrorsFromForm(f).empty());
    f.date_to = "2024-01-02";
    e = fieldErrorsFromForm(f);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_NE(e[0].message.find("367 days"), std::string::npos) << e[0].message;

    f.range_kind = AnalyticsRangeKind::BillingPeriods;
    f.period_from = "2023-01";
    f.period_to = "2024-01";
    e = fieldErrorsFromForm(f);
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0].field, AnalyticsField::PeriodTo);
    f.period_to = "2023-13";
    EXPECT_EQ(fieldsOf(fieldErrorsFromForm(f)), std::vector<AnalyticsField>{AnalyticsField::PeriodTo});
    f.period_from = "2023-6";
    EXPECT_EQ(fieldErrorsFromForm(f).size(), 2u);
}

TEST(ActivePlatformApi, UsesJsonApiDetailThenTitleThenReason) {
    std::string url = "https://cp.example.com/api/v3/analytics_daily?subscription_id=1";
    Error e = errorFromAnalyticsResponse(
        answer(422, R"({"errors":[{"status":"422","title":"Invalid parameter","detail":"date_to is before date_from","source":{"parameter":"date_to"}}]})"),
        url);
    EXPECT_EQ(e.kind, ErrorKind::Http);
    EXPECT_EQ(e.http_status, 422);
    EXPECT_EQ(e.api_message, "date_to is before date_from");
    EXPECT_EQ(e.message, "ActivePlatform rejected the request (HTTP 422): date_to is before date_from.");

    e = errorFromAnalyticsResponse(answer(404, R"({"errors":[{"title":"Record not found"}]})"), url);
    EXPECT_EQ(e.message, "The subscription was not found for this token (HTTP 404): Record not found. "
                         "Check the subscription id and that it belongs to this manager's reseller.");

    e = errorFromAnalyticsResponse(answer(401, R"({"errors":[]})"), url);
    EXPECT_EQ(e.message.rfind("The API token was not accepted (HTTP 401): Unauthorized.", 0), 0u) << e.message;
    EXPECT_EQ(e.message.find("vY5fw"), std::string::npos);
}

TEST(ActivePlatformApi, ExplainsHtmlAndEmptyBodies) {
    Error e = errorFromAnalyticsResponse(answer(502, "<html><body><h1>502 Bad Gateway</h1></body></html>"), "/ap/x");
    EXPECT_EQ(e.message, "The proxy in front of ActivePlatform could not get an answer (HTTP 502): Bad Gateway. "
                         "The answer was an HTML page, not JSON (often a proxy's error page). Try again; a long range "
                         "may need a longer proxy timeout.");
    e = errorFromAnalyticsResponse(answer(500, ""), "/ap/x");
    EXPECT_EQ(e.message, "ActivePlatform had an internal error (HTTP 500): Internal Server Error. The answer was empty.");
    e = errorFromAnalyticsResponse(answer(403, R"({"errors":[{"detail":"Access denied."}]})"), "/ap/x");
    EXPECT_EQ(e.message.rfind("This API token may not read that subscription (HTTP 403): Access denied.", 0), 0u);
}

TEST(ActivePlatformApi, TooManyRequestsCarriesRetryAfter) {
    Error e = errorFromAnalyticsResponse(answer(429, "", {{"Retry-After", "7"}}), "https://cp.example.com/x");
    EXPECT_EQ(e.retry_after_s, 7);
    EXPECT_EQ(e.message, "ActivePlatform is limiting requests (HTTP 429): Too Many Requests. The answer was empty. "
                         "Try again in 7 s.");
}

TEST(ActivePlatformApi, NoAnswerNamesHostAndCors) {
    HttpResponse r;  // status 0
    r.transport_error = ErrorKind::Transport;
    Error e = errorFromAnalyticsResponse(r, "https://cp.example.com:8443/api/v3/analytics_daily?subscription_id=1");
    EXPECT_EQ(e.kind, ErrorKind::Transport);
    EXPECT_EQ(e.message, "could not reach cp.example.com:8443: network error, or the browser blocked the cross-origin "
                         "request (see README: serve through a same-origin proxy).");
    e = errorFromAnalyticsResponse(r, "/ap/api/v3/analytics_daily?subscription_id=1");
    EXPECT_NE(e.message.find("could not reach this page's server (/ap)"), std::string::npos) << e.message;
    r.transport_error = ErrorKind::Timeout;
    e = errorFromAnalyticsResponse(r, "http://127.0.0.1:9201/api/v3/analytics_daily");
    EXPECT_EQ(e.kind, ErrorKind::Timeout);
    EXPECT_EQ(e.message.rfind("127.0.0.1:9201 did not answer in time", 0), 0u);
}

