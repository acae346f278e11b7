// The ActivePlatform client (core request builder, error sentences, parser,
// totals) against the simulated ActivePlatform served over real HTTP on
// 127.0.0.1 by FakeHttpServer, through the native transport. One test per
// fault switch shows the sentence the user would read.
#include <gtest/gtest.h>

#include "core/activeplatform/activeplatform_api.h"
#include "sim/activeplatform_sim.h"
#include "core/activeplatform/activeplatform_parse.h"
#include "core/activeplatform/activeplatform_totals.h"
#include "core/base/retry.h"
#include "sim/native/fake_http_server.h"
#include "platform/native/http_transport_native.h"

using namespace ud::core;
using ud::sim::FakeHttpServer;
using ud::platform::NativeHttpTransport;

namespace {

class ActivePlatformE2E : public ::testing::Test {
protected:
    void SetUp() override {
        auto port = server_.start(0);
        ASSERT_TRUE(port.ok()) << port.error().message;
    }

    AnalyticsForm form() const {
        AnalyticsForm f;
        f.base_url = server_.baseUrl() + "/ap/";
        f.token = std::string(kSimTestToken);
        f.subscription_id = std::string(kSimEurSubscription);
        f.date_from = "2024-03-01";
        f.date_to = "2024-03-31";
        return f;
    }

    HttpResponse fetch(const AnalyticsForm& f, int timeout_ms = 10000) {
        auto query = analyticsQueryFromForm(f);
        EXPECT_TRUE(query.ok());
        HttpRequest request = analyticsDailyRequest(*query);
        request.timeout_ms = timeout_ms;
        last_url_ = request.url;
        return ud::platform::sendAndWait(transport_, request, 30000);
    }

    // What the panel would show: the error sentence, or "ok <rows>".
    std::string shown(const HttpResponse& r) {
        if (!isSuccess(r)) return errorFromAnalyticsResponse(r, last_url_).message;
        auto report = analyticsReportFromJson(r.body);
        return report.ok() ? "ok " + std::to_string(report->items.rowCount()) : report.error().message;
    }

    void fault(const std::string& query) {
        HttpRequest r;
        r.method = "POST";
        r.url = server_.baseUrl() + "/ap/__fake/fault?" + query;
        r.body = "{}";  // cpp-httplib wants a Content-Length on POST
        ASSERT_EQ(ud::platform::sendAndWait(transport_, r).status, 200);
    }

    ActivePlatformSim sim_{SimPreset::Small, "/ap"};
    FakeHttpServer server_{[this](const HttpRequest& r, Timestamp now) { return sim_.handle(r, now); }};
    NativeHttpTransport transport_;
    std::string last_url_;
};

}  // namespace

TEST_F(ActivePlatformE2E, FetchesParsesAndTotalsAMonth) {
    HttpResponse r = fetch(form());
    ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
    EXPECT_EQ(headerValue(r.headers, "Content-Type"), "application/vnd.api+json");
    auto report = analyticsReportFromJson(r.body);
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(report->items.rowCount(), 310u);
    CostTotals totals = costTotalsFromTable(report->items);
    ASSERT_EQ(totals.currencies.size(), 1u);
    EXPECT_EQ(totals.currencies[0].currency, "EUR");
    EXPECT_GT(totals.currencies[0].grand.total, Decimal());
    // The fake saw exactly what the client sent, and no token value was kept.
    ASSERT_EQ(sim_.requests().size(), 1u);
    const RecordedRequest& rec = sim_.requests()[0];
    EXPECT_EQ(rec.path, "/ap/api/v3/analytics_daily");
    EXPECT_EQ(rec.query, (std::vector<std::pair<std::string, std::string>>{
                             {"subscription_id", "70112"}, {"date_from", "2024-03-01"}, {"date_to", "2024-03-31"}}));
    EXPECT_TRUE(rec.token_present);
    EXPECT_EQ(sim_.counts().missing_accept, 0);
    EXPECT_EQ(sim_.counts().missing_content_type, 0);
}

TEST_F(ActivePlatformE2E, BadTokenSaysSo) {
    AnalyticsForm f = form();
    f.token = "wrong-token";
    EXPECT_EQ(shown(fetch(f)), "The API token was not accepted (HTTP 401): the API token is not valid. Check the "
                               "manager's API token (Operator Control Panel, Managers, Regenerate Token).");
}

TEST_F(ActivePlatformE2E, ForbiddenAndUnknownSubscriptionsSaySo) {
    fault("kind=status&status=403");
    EXPECT_EQ(shown(fetch(form())).rfind("This API token may not read that subscription (HTTP 403)", 0), 0u);
    AnalyticsForm f = form();
    f.subscription_id = "99999";
    EXPECT_EQ(shown(fetch(f)), "The subscription was not found for this token (HTTP 404): subscription 99999 was not "
                               "found (subscription_id). Check the subscription id and that it belongs to this manager's reseller.");
}

TEST_F(ActivePlatformE2E, ServerRejectionShowsTheServersDetail) {
    AnalyticsForm f = form();
    f.subscription_id = std::string(kSimPrepaidSubscription);
    EXPECT_EQ(shown(fetch(f)), "ActivePlatform rejected the request (HTTP 422): subscription 70114 is not pay-as-you-go "
                               "(subscription_id).");
}

TEST_F(ActivePlatformE2E, RateLimitShowsRetryAfterAndIsRetryable) {
    fault("kind=status&status=429&retry_after=7");
    HttpResponse r = fetch(form());
    EXPECT_EQ(shown(r), "ActivePlatform is limiting requests (HTTP 429): simulated failure (429). Try again in 7 s.");
    EXPECT_EQ(retryDelayMs(r, 1, 0), 7000);
    EXPECT_EQ(shown(fetch(form())), "ok 310") << "the fault lasted one request";
}

TEST_F(ActivePlatformE2E, ServerErrorSaysSo) {
    fault("kind=status&status=500");
    EXPECT_EQ(shown(fetch(form())), "ActivePlatform had an internal error (HTTP 500): simulated failure (500).");
}

TEST_F(ActivePlatformE2E, HtmlProxyPageSaysSo) {
    fault("kind=html_error&status=502");
    EXPECT_EQ(shown(fetch(form())), "The proxy in front of ActivePlatform could not get an answer (HTTP 502): Bad "
                                    "Gateway. The answer was an HTML page, not JSON (often a proxy's error page). "
                                    "Try again; a long range may need a longer proxy timeout.");
}

TEST_F(ActivePlatformE2E, EmptyBodySaysSo) {
    fault("kind=empty_body");
    EXPECT_EQ(shown(fetch(form())), "The answer was empty.");
}

TEST_F(ActivePlatformE2E, DroppedConnectionNamesHostAndCors) {
    for (const char* kind : {"drop_before_headers", "drop_mid_body"}) {
        fault(std::string("kind=") + kind);
        EXPECT_EQ(shown(fetch(form())), "could not reach 127.0.0.1:" + std::to_string(server_.port()) +
                                            ": network error, or the browser blocked the cross-origin request "
                                            "(see README: serve through a same-origin proxy).")
            << kind;
    }
}

TEST_F(ActivePlatformE2E, HangEndsInATimeoutMessage) {
    fault("kind=hang");
    HttpResponse r = fetch(form(), /*timeout_ms=*/400);
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(shown(r), "127.0.0.1:" + std::to_string(server_.port()) +
                            " did not answer in time. A long range can be slow: try a shorter one.");
}

TEST_F(ActivePlatformE2E, LatencyStillDelivers) {
    fault("kind=latency&delay_ms=300");
    EXPECT_EQ(shown(fetch(form())), "ok 310");
}

TEST_F(ActivePlatformE2E, DamagedBodiesSayWhatIsWrong) {
    fault("kind=truncated_json");
    EXPECT_NE(shown(fetch(form())).find("ends too early"), std::string::npos);
    fault("kind=invalid_json");
    EXPECT_EQ(shown(fetch(form())).rfind("The answer is not valid JSON near byte", 0), 0u);
    fault("kind=items_missing");
    EXPECT_EQ(shown(fetch(form())), "The answer's subscription has no \"items\" list.");
}

TEST_F(ActivePlatformE2E, TolerantOfNumbersExtrasAndContentType) {
    for (const char* kind : {"numbers", "unknown_extras", "wrong_content_type"}) {
        fault(std::string("kind=") + kind);
        EXPECT_EQ(shown(fetch(form())), "ok 310") << kind;
    }
}

TEST_F(ActivePlatformE2E, PreflightAnswersUnlessCorsIsOff) {
    HttpRequest pre;
    pre.method = "OPTIONS";
    pre.url = server_.baseUrl() + "/ap/api/v3/analytics_daily";
    pre.headers = {{"Origin", "http://127.0.0.1:8000"}, {"Access-Control-Request-Method", "GET"},
                   {"Access-Control-Request-Headers", "x-api-token,content-type,accept"}};
    HttpResponse r = ud::platform::sendAndWait(transport_, pre);
    EXPECT_EQ(r.status, 204);
    EXPECT_EQ(headerValue(r.headers, "Access-Control-Allow-Origin"), "http://127.0.0.1:8000");
    EXPECT_EQ(headerValue(r.headers, "Access-Control-Allow-Headers"), "X-Api-Token, Content-Type, Accept");
    sim_.switches().cors = false;  // the handler runs one request at a time; none is in flight now
    r = ud::platform::sendAndWait(transport_, pre);
    EXPECT_EQ(headerValue(r.headers, "Access-Control-Allow-Origin"), "");
}
