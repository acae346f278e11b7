// The simulated ActivePlatform: the API contract of doc section 9, the data
// generator's invariants, CORS, fault switches, recording and control endpoints.
#include <set>

#include <gtest/gtest.h>

#include "core/activeplatform/activeplatform_api.h"
#include "sim/activeplatform_sim.h"
#include "core/activeplatform/activeplatform_parse.h"
#include "sim/fake_directives.h"

using namespace ud::core;

namespace {

const Timestamp kNow = timestampFromDate({2024, 6, 15}) + 12 * 3600 * 1000;

HttpRequest apiRequest(std::string query, std::string_view token = kSimTestToken) {
    HttpRequest r;
    r.url = "http://127.0.0.1:9201/api/v3/analytics_daily?" + query;
    if (!token.empty()) r.headers.emplace_back("X-Api-Token", std::string(token));
    r.headers.emplace_back("Accept", "application/vnd.api+json");
    r.headers.emplace_back("Content-Type", "application/vnd.api+json");
    return r;
}

HttpRequest control(std::string path_and_query, std::string method = "POST") {
    HttpRequest r;
    r.method = std::move(method);
    r.url = "http://127.0.0.1:9201/__fake/" + path_and_query;
    return r;
}

const std::string kJune = "subscription_id=70112&date_from=2024-06-01&date_to=2024-06-10";

AnalyticsReport parsed(const HttpResponse& r) {
    auto rep = analyticsReportFromJson(r.body);
    EXPECT_TRUE(rep.ok()) << (rep.ok() ? "" : rep.error().message);
    return rep.ok() ? std::move(rep).value() : AnalyticsReport{};
}

std::string apiDetail(const HttpResponse& r) { return errorFromAnalyticsResponse(r, "http://x").api_message; }

// round6(unit_price x duration), exactly, in 1e-9 units.
Int128 roundedProductUnits(Decimal price, Decimal duration) {
    Int128 p = price.units() / 1000, d = duration.units() / 1000;  // micro-units (the generator uses 6 decimals)
    Int128 prod = p * d;                                             // 1e-12
    Int128 micros = prod >= 0 ? (prod + 500000) / 1000000 : -((-prod + 500000) / 1000000);
    return micros * 1000;
}

}  // namespace

TEST(ActivePlatformSim, AnswersTheDocumentedShape) {
    ActivePlatformSim sim;
    HttpResponse r = sim.handle(apiRequest(kJune), kNow);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(headerValue(r.headers, "Content-Type"), "application/vnd.api+json");
    EXPECT_EQ(r.body.rfind(R"({"subscription":{"id":"70112","export_headers":[)", 0), 0u);
    AnalyticsReport rep = parsed(r);
    EXPECT_EQ(rep.items.rowCount(), 100u);  // 10 lines a day
    auto vm = rep.items.findColumn("virtual_machine_name");
    ASSERT_TRUE(vm);
    for (std::size_t i = 0; i < rep.items.rowCount(); ++i) EXPECT_TRUE(rep.items.column(*vm).text(i).empty());
    EXPECT_EQ(sim.handle(apiRequest(kJune), kNow).body, r.body) << "deterministic";
}

TEST(ActivePlatformSim, GeneratedLinesKeepTheDocumentedInvariants) {
    ActivePlatformSim sim(SimPreset::Large);
    HttpResponse r = sim.handle(apiRequest("subscription_id=70112&date_from=2024-05-01&date_to=2024-05-31"), kNow);
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.body.find("e-0") != std::string::npos, true) << "one tiny value in exponent form";
    AnalyticsReport rep = parsed(r);
    const Table& t = rep.items;
    ASSERT_EQ(t.rowCount(), 31u * 300u);
    auto c = [&](std::string_view n) -> const Column& { return t.column(*t.findColumn(n)); };
    int zero = 0, negative = 0, discounted = 0;
    std::set<std::string> groups, regions, categories;
    for (std::size_t i = 0; i < t.rowCount(); ++i) {
        Decimal total = *c("total").number(i), discount = *c("discount_amount").number(i);
        ASSERT_EQ(total.units(), roundedProductUnits(*c("unit_price").number(i), *c("duration").number(i)) - discount.units())
            << "row " << i;
        auto lag = c("billed_day").days(i) - c("operate_day").days(i);
        ASSERT_TRUE(lag >= 0 && lag <= 2);
        zero += total.isZero();
        negative += total.isNegative();
        discounted += !discount.isZero();
        groups.insert(std::string(c("resource_group").text(i)));
        regions.insert(std::string(c("region").text(i)));
        categories.insert(std::string(c("category").text(i)));
    }
    EXPECT_GT(zero, 0);
    EXPECT_GT(negative, 0);
    EXPECT_GT(discounted, 0);
    EXPECT_TRUE(groups.count("rgLan") && groups.count("RGLAN"));
    EXPECT_TRUE(regions.count(""));
    EXPECT_GE(categories.size(), 6u);
}

TEST(ActivePlatformSim, LargePresetYearIsOverAHundredThousandLines) {
    ActivePlatformSim sim(SimPreset::Large);
    HttpResponse r = sim.handle(apiRequest("subscription_id=70112&date_from=2023-06-15&date_to=2024-06-14"), kNow);
    ASSERT_EQ(r.status, 200);
    EXPECT_GT(r.body.size(), 40u * 1000 * 1000);  // ~450 bytes a line
    EXPECT_EQ(parsed(r).items.rowCount(), 366u * 300u);
}

TEST(ActivePlatformSim, PresetsShapeTheData) {
    ActivePlatformSim sim(SimPreset::MixedCurrency);
    AnalyticsReport rep = parsed(sim.handle(apiRequest(kJune), kNow));
    const Column& cur = rep.items.column(*rep.items.findColumn("currency"));
    std::set<std::string> currencies;
    for (std::size_t i = 0; i < rep.items.rowCount(); ++i) currencies.insert(std::string(cur.text(i)));
    EXPECT_EQ(currencies, (std::set<std::string>{"EUR", "USD"}));
    sim.setPreset(SimPreset::Empty);
    EXPECT_EQ(parsed(sim.handle(apiRequest(kJune), kNow)).items.rowCount(), 0u);
    sim.setPreset(SimPreset::Demo);
    EXPECT_EQ(parsed(sim.handle(apiRequest(kJune, kSimDemoToken), kNow)).items.rowCount(), 400u);
    EXPECT_EQ(parsed(sim.handle(apiRequest("subscription_id=70113&period_from=2024-06&period_to=2024-06",
                                           kSimDemoToken), kNow)).items.rowCount(), 15u * 15u)  // up to today only
        << "future days have no items";
}

TEST(ActivePlatformSim, ChecksTokenAndSubscription) {
    ActivePlatformSim sim;
    EXPECT_EQ(sim.handle(apiRequest(kJune, ""), kNow).status, 401);
    EXPECT_EQ(sim.handle(apiRequest(kJune, "nope"), kNow).status, 401);
    sim.switches().unknown_token_forbidden = true;
    EXPECT_EQ(sim.handle(apiRequest(kJune, "nope"), kNow).status, 403);
    EXPECT_EQ(sim.handle(apiRequest(kJune, kSimOtherResellerToken), kNow).status, 404);
    sim.switches().foreign_subscription_forbidden = true;
    EXPECT_EQ(sim.handle(apiRequest(kJune, kSimOtherResellerToken), kNow).status, 403);
    EXPECT_EQ(sim.handle(apiRequest("subscription_id=99999&date_from=2024-06-01&date_to=2024-06-02"), kNow).status, 404);
    HttpResponse r = sim.handle(apiRequest("subscription_id=7a&date_from=2024-06-01&date_to=2024-06-02"), kNow);
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(apiDetail(r), "subscription_id must be a number");
    r = sim.handle(apiRequest("subscription_id=70114&date_from=2024-06-01&date_to=2024-06-02"), kNow);
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(apiDetail(r), "subscription 70114 is not pay-as-you-go");
    sim.switches().non_payg_empty_items = true;
    r = sim.handle(apiRequest("subscription_id=70114&date_from=2024-06-01&date_to=2024-06-02"), kNow);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(parsed(r).items.rowCount(), 0u);
}

TEST(ActivePlatformSim, ValidatesDatesStrictly) {
    ActivePlatformSim sim;
    auto detail = [&](std::string q) {
        HttpResponse r = sim.handle(apiRequest("subscription_id=70112" + q), kNow);
        EXPECT_EQ(r.status, 422) << q;
        return apiDetail(r);
    };
    EXPECT_EQ(detail(""), "date_from and date_to, or period_from and period_to, are required");
    EXPECT_EQ(detail("&date_from=2024-06-01"), "date_to is required together with date_from");
    EXPECT_EQ(detail("&date_from=2024-02-30&date_to=2024-03-01"), "date_from must be a date in the form YYYY-MM-DD");
    EXPECT_EQ(detail("&date_from=2024-6-01&date_to=2024-07-01"), "date_from must be a date in the form YYYY-MM-DD");
    EXPECT_EQ(detail("&date_from=2024-06-02&date_to=2024-06-01"), "date_from must not be after date_to");
    EXPECT_EQ(detail("&date_from=2023-01-01&date_to=2024-01-02"), "the range must not exceed 366 days");
    EXPECT_EQ(detail("&period_from=2023-01&period_to=2024-01"), "the range must not exceed 12 billing periods");
    EXPECT_EQ(detail("&period_from=2024-13&period_to=2024-12"), "period_from must be a billing period in the form YYYY-MM");
    std::string both = "&date_from=2024-06-01&date_to=2024-06-01&period_from=2024-01&period_to=2024-01";
    EXPECT_EQ(detail(both), "send either date_from/date_to or period_from/period_to, not both");
    sim.switches().dates_win_over_periods = true;
    EXPECT_EQ(parsed(sim.handle(apiRequest("subscription_id=70112" + both), kNow)).items.rowCount(), 10u);
}

TEST(ActivePlatformSim, AnswersPreflightsAndCanTurnCorsOff) {
    ActivePlatformSim sim;
    HttpRequest pre = apiRequest(kJune, "");
    pre.method = "OPTIONS";
    pre.headers = {{"Origin", "http://127.0.0.1:8000"}, {"Access-Control-Request-Headers", "x-api-token"}};
    HttpResponse r = sim.handle(pre, kNow);
    EXPECT_EQ(r.status, 204);
    EXPECT_EQ(headerValue(r.headers, "Access-Control-Allow-Origin"), "http://127.0.0.1:8000");
    EXPECT_EQ(headerValue(r.headers, "Access-Control-Allow-Headers"), "X-Api-Token, Content-Type, Accept");
    HttpRequest get = apiRequest(kJune);
    get.headers.emplace_back("Origin", "http://127.0.0.1:8000");
    EXPECT_EQ(headerValue(sim.handle(get, kNow).headers, "Access-Control-Allow-Origin"), "http://127.0.0.1:8000");
    ASSERT_EQ(sim.handle(control("config?cors=off"), kNow).status, 200);
    EXPECT_EQ(headerValue(sim.handle(pre, kNow).headers, "Access-Control-Allow-Origin"), "");
    EXPECT_EQ(headerValue(sim.handle(get, kNow).headers, "Access-Control-Allow-Origin"), "");
    EXPECT_EQ(sim.counts().preflights, 2);
}

TEST(ActivePlatformSim, FaultsLastForTheirCountThenClear) {
    ActivePlatformSim sim;
    ASSERT_EQ(sim.handle(control("fault?kind=status&status=429&retry_after=7&count=2"), kNow).status, 200);
    for (int i = 0; i < 2; ++i) {
        HttpResponse r = sim.handle(apiRequest(kJune), kNow);
        EXPECT_EQ(r.status, 429);
        EXPECT_EQ(headerValue(r.headers, "Retry-After"), "7");
    }
    EXPECT_EQ(sim.handle(apiRequest(kJune), kNow).status, 200);
    EXPECT_EQ(sim.counts().faults_applied, 2);
    EXPECT_EQ(sim.handle(control("fault?kind=bogus"), kNow).status, 400);
}

TEST(ActivePlatformSim, EachBodyFaultDamagesTheAnswerAsNamed) {
    ActivePlatformSim sim;
    auto with = [&](std::string fault) {
        EXPECT_EQ(sim.handle(control("fault?kind=" + fault), kNow).status, 200) << fault;
        return sim.handle(apiRequest(kJune), kNow);
    };
    auto parseMessage = [](const HttpResponse& r) {
        auto rep = analyticsReportFromJson(r.body);
        return rep.ok() ? std::string("ok") : rep.error().message;
    };
    EXPECT_NE(parseMessage(with("truncated_json")).find("ends too early"), std::string::npos);
    EXPECT_NE(parseMessage(with("invalid_json")).find("not valid JSON"), std::string::npos);
    EXPECT_EQ(parseMessage(with("items_missing")), "The answer's subscription has no \"items\" list.");
    HttpResponse numbers = with("numbers");
    EXPECT_NE(numbers.body.find("\"total\":0."), std::string::npos);
    EXPECT_EQ(parsed(numbers).items.column(*parsed(numbers).items.findColumn("total")).type(), ColumnType::Decimal);
    AnalyticsReport extras = parsed(with("unknown_extras"));
    EXPECT_TRUE(extras.items.findColumn("meter_id"));
    EXPECT_EQ(extras.headers.back().type, "boolean");
    EXPECT_EQ(headerValue(with("wrong_content_type").headers, "Content-Type"), "text/plain; charset=utf-8");
    HttpResponse html = with("html_error");
    EXPECT_EQ(html.status, 502);
    EXPECT_EQ(html.body.rfind("<html>", 0), 0u);
    HttpResponse empty = with("empty_body");
    EXPECT_EQ(empty.status, 200);
    EXPECT_TRUE(empty.body.empty());
    EXPECT_TRUE(isDroppedConnection(with("drop_before_headers")));
    EXPECT_TRUE(isDroppedConnection(with("drop_mid_body")));
    EXPECT_EQ(fakeDelayMs(sim.handle(control("fault?kind=latency&delay_ms=250"), kNow)), 0);
    EXPECT_EQ(fakeDelayMs(sim.handle(apiRequest(kJune), kNow)), 250);
    EXPECT_GE(fakeDelayMs(with("hang")), 60000);
    EXPECT_EQ(sim.handle(apiRequest(kJune), kNow).status, 200) << "faults default to one request";
}

TEST(ActivePlatformSim, SwitchesChangeContentTypeAndIdForm) {
    ActivePlatformSim sim;
    ASSERT_EQ(sim.handle(control("config?content_type=json&id=integer"), kNow).status, 200);
    HttpResponse r = sim.handle(apiRequest(kJune), kNow);
    EXPECT_EQ(headerValue(r.headers, "Content-Type"), "application/json");
    EXPECT_EQ(r.body.rfind(R"({"subscription":{"id":70112,)", 0), 0u);
    EXPECT_EQ(parsed(r).subscription_id, "70112");
    EXPECT_EQ(sim.handle(control("config?cors=maybe"), kNow).status, 400);
}

TEST(ActivePlatformSim, RecordsRequestsWithoutTokenValues) {
    ActivePlatformSim sim(SimPreset::Small, "/ap/");
    HttpRequest bare;
    bare.url = "/ap/api/v3/analytics_daily?subscription_id=70112&date_from=2024-06-01&date_to=2024-06-01";
    bare.headers = {{"X-Api-Token", std::string(kSimTestToken)}};
    EXPECT_EQ(sim.handle(bare, kNow).status, 200);
    HttpRequest good = apiRequest(kJune);
    good.url = "/ap/api/v3/analytics_daily?" + kJune;
    EXPECT_EQ(sim.handle(good, kNow).status, 200);
    EXPECT_EQ(sim.handle(apiRequest(kJune), kNow).status, 404) << "outside the prefix";
    ASSERT_EQ(sim.requests().size(), 3u);
    EXPECT_EQ(sim.requests()[1].path, "/ap/api/v3/analytics_daily");
    EXPECT_EQ(sim.requests()[1].query[1], (std::pair<std::string, std::string>{"date_from", "2024-06-01"}));
    EXPECT_TRUE(sim.requests()[1].token_present);
    EXPECT_EQ(sim.counts().missing_accept, 1);  // the bare request; the client's headers are countable
    EXPECT_EQ(sim.counts().missing_content_type, 1);
    HttpResponse list = sim.handle(control("requests", "GET"), kNow);
    EXPECT_EQ(list.status, 200);
    EXPECT_EQ(list.body.find(kSimTestToken), std::string::npos);
    EXPECT_NE(list.body.find("\"token_present\":true"), std::string::npos);
    EXPECT_NE(sim.handle(control("counts", "GET"), kNow).body.find("\"analytics_daily\":2"), std::string::npos);
    sim.handle(control("reset"), kNow);
    EXPECT_TRUE(sim.requests().empty());
}
