// ActivePlatformController against the in-page simulator: validation before
// sending, presets, fetch -> table + per-currency totals, errors, export,
// remembered token, the demo route, and the automatic retry of 429/503.
#include <gtest/gtest.h>

#include <deque>

#include "app/activeplatform_controller.h"
#include "app/controller.h"
#include "app/state_json.h"
#include "app/demo_clouds.h"
#include "sim/activeplatform_sim.h"
#include "platform/simulated_transport.h"
#include "support/fake_services.h"

namespace ud::app {
namespace {

struct Fixture : test::FakePlatform {
    Fixture() : FakePlatform(core::timestampFromDate(core::Date{2024, 6, 15})) {
        controller.emplace(state, services(transport, demo_transport));
    }
    core::ActivePlatformSim sim{core::SimPreset::Small};
    std::deque<core::HttpResponse> scripted;  // answered first, before the simulator
    platform::SimulatedTransport transport{clock, [this](const core::HttpRequest& r, core::Timestamp now) {
                                               if (scripted.empty()) return sim.handle(r, now);
                                               core::HttpResponse next = std::move(scripted.front());
                                               scripted.pop_front();
                                               return next;
                                           }};
    platform::SimulatedTransport demo_transport{clock, demoCloudHandler()};
    ActivePlatformState state;
    std::optional<ActivePlatformController> controller;

    void settle() {
        clock.advance(1000);
        transport.poll();
        demo_transport.poll();
        controller->tick();
    }
    core::AnalyticsForm validForm() {
        core::AnalyticsForm f;
        f.base_url = "http://127.0.0.1:9";
        f.token = std::string(core::kSimTestToken);
        f.subscription_id = std::string(core::kSimEurSubscription);
        f.date_from = "2024-05-01";
        f.date_to = "2024-05-31";
        return f;
    }
};

TEST(ActivePlatformController, InvalidFormIsNotSent) {
    Fixture f;
    auto form = f.validForm();
    form.date_from = "2024-13-01";
    f.controller->apply(EditAnalyticsForm{form, false});
    f.controller->apply(FetchAnalytics{});
    EXPECT_FALSE(f.state.busy);
    ASSERT_TRUE(f.state.error.has_value());
    EXPECT_EQ(f.state.error->kind, core::ErrorKind::Validation);
    EXPECT_FALSE(f.state.field_errors.empty());
    EXPECT_EQ(f.sim.counts().api_requests, 0);
}

TEST(ActivePlatformController, FetchBuildsTableTotalsAndExports) {
    Fixture f;
    f.controller->apply(EditAnalyticsForm{f.validForm(), false});
    f.controller->apply(FetchAnalytics{});
    EXPECT_TRUE(f.state.busy);
    f.settle();
    EXPECT_FALSE(f.state.busy);
    ASSERT_FALSE(f.state.error.has_value()) << f.state.error->message;
    ASSERT_TRUE(f.state.report.has_value());
    EXPECT_GT(f.state.report->items.rowCount(), 100u);
    ASSERT_EQ(f.state.totals.currencies.size(), 1u);
    EXPECT_EQ(f.state.totals.currencies[0].currency, "EUR");
    EXPECT_GE(f.controller->nextWakeAt(), 0);  // asks for a frame to show the answer
    f.controller->apply(ExportAnalyticsCsv{});
    ASSERT_EQ(f.files.saved.size(), 1u);
    EXPECT_EQ(f.files.saved[0].name, "activeplatform-70112.csv");
}

TEST(ActivePlatformController, UnknownTokenShowsTheServerSentence) {
    Fixture f;
    auto form = f.validForm();
    form.token = "nope";
    f.controller->apply(EditAnalyticsForm{form, false});
    f.controller->apply(FetchAnalytics{});
    f.settle();
    ASSERT_TRUE(f.state.error.has_value());
    EXPECT_EQ(f.state.error->http_status, 401);
}

TEST(ActivePlatformController, PresetsFillDaysFromTheClock) {
    Fixture f;
    f.controller->apply(ApplyRangePreset{core::RangePreset::LastPeriod});
    EXPECT_EQ(f.state.form.date_from, "2024-05-01");
    EXPECT_EQ(f.state.form.date_to, "2024-05-31");
    f.controller->apply(ApplyRangePreset{core::RangePreset::Last30Days});
    EXPECT_EQ(f.state.form.date_from, "2024-05-17");
    EXPECT_EQ(f.state.form.date_to, "2024-06-15");
}

TEST(ActivePlatformController, TokenIsStoredOnlyWhenRemembered) {
    Fixture f;
    f.controller->apply(EditAnalyticsForm{f.validForm(), false});
    EXPECT_FALSE(f.store.get(kActivePlatformTokenKey));
    f.controller->apply(EditAnalyticsForm{f.validForm(), true});
    EXPECT_NE(f.store.get(kActivePlatformTokenKey).value_or("").find(core::kSimTestToken), std::string::npos);
    ActivePlatformState again;
    ActivePlatformController c2(again, f.services(f.transport, f.demo_transport));
    EXPECT_TRUE(again.remember_token);
    EXPECT_EQ(again.form.token, core::kSimTestToken);
    EXPECT_EQ(again.form.base_url, f.validForm().base_url);
}

TEST(ActivePlatformController, RememberedTokenIsNeverSentToAnotherAddress) {
    Fixture f;
    f.controller->apply(EditAnalyticsForm{f.validForm(), true});
    ActivePlatformState again;
    ActivePlatformController c2(again, f.services(f.transport, f.demo_transport));
    EXPECT_EQ(again.form.token, core::kSimTestToken);
    core::AnalyticsForm moved = f.validForm();  // the same token, another address
    moved.base_url = "http://127.0.0.1:10";
    c2.apply(EditAnalyticsForm{moved, true});
    c2.apply(FetchAnalytics{});
    EXPECT_FALSE(again.busy);
    ASSERT_TRUE(again.error.has_value());
    EXPECT_NE(again.error->message.find("not sent to another address"), std::string::npos) << again.error->message;
    // The stored record still names its own address.
    EXPECT_NE(f.store.get(kActivePlatformTokenKey).value_or("").find("127.0.0.1:9\""), std::string::npos);
    // Typing the token again binds it to the new address.
    moved.token = "typed-again";
    c2.apply(EditAnalyticsForm{moved, true});
    c2.apply(FetchAnalytics{});
    EXPECT_TRUE(again.busy) << (again.error ? again.error->message : "");
}

TEST(ActivePlatformController, CorruptTokenRecordIsForgottenWithANotice) {
    Fixture f;
    (void)f.store.set(kActivePlatformTokenKey, R"({"v":1,"token":7})");
    ActivePlatformState again;
    ActivePlatformController c2(again, f.services(f.transport, f.demo_transport));
    EXPECT_TRUE(again.form.token.empty());
    EXPECT_NE(again.warning.find("could not be read"), std::string::npos) << again.warning;
    EXPECT_FALSE(f.store.get(kActivePlatformTokenKey));
}

TEST(ActivePlatformController, RefusedWriteIsReported) {
    Fixture f;
    f.store.fail_writes = true;
    f.controller->apply(EditAnalyticsForm{f.validForm(), true});
    EXPECT_NE(f.state.warning.find("could not be remembered"), std::string::npos) << f.state.warning;
}

TEST(ActivePlatformController, DemoRouteAnswersInsideThePage) {
    Fixture f;
    f.controller->setDemoMode(true);
    f.controller->apply(TryActivePlatformDemo{});
    f.settle();
    ASSERT_FALSE(f.state.error.has_value()) << f.state.error->message;
    ASSERT_TRUE(f.state.report.has_value());
    EXPECT_GT(f.state.report->items.rowCount(), 0u);
}

// Issue 14: spikes and the (absent) forecast of last month, this month against
// last month, then this month's forecast per currency.
TEST(ActivePlatformController, InsightsSpikesCompareAndForecast) {
    Fixture f;
    f.controller->setDemoMode(true);
    f.controller->apply(TryActivePlatformDemo{});  // last month: May 2024
    f.settle();
    ASSERT_TRUE(f.state.report.has_value());
    ASSERT_TRUE(f.state.forecast.has_value());
    EXPECT_EQ(f.state.forecast->status, core::ForecastStatus::OutsidePeriod);  // May does not reach today
    ASSERT_TRUE(f.state.spikes.has_value()) << f.state.spike_error;
    ASSERT_FALSE(f.state.spikes->spikes.empty());
    f.controller->apply(ShowSpike{0});
    EXPECT_LT(f.state.view.rows.size(), f.state.report->items.rowCount());
    EXPECT_FALSE(f.state.view.rows.empty());

    f.controller->apply(CompareThisMonthWithLast{});
    EXPECT_TRUE(f.state.compare.loading);
    f.settle();
    ASSERT_FALSE(f.state.compare.error.has_value()) << f.state.compare.error->message;
    ASSERT_TRUE(f.state.compare.result.has_value());
    EXPECT_EQ(f.state.compare.earlier_label, "2024-05-01 to 2024-05-31");
    EXPECT_EQ(f.state.compare.later_label, "2024-06-01 to 2024-06-15");
    ASSERT_EQ(f.state.compare.result->totals.size(), 1u);
    EXPECT_NE(f.state.compare.result->totals[0].before, f.state.compare.result->totals[0].after);
    EXPECT_EQ(f.state.compare.charts.size(), 1u);
    f.controller->apply(SetComparisonKey{"resource_group"});
    bool gone = false, fresh = false;
    for (const auto& k : f.state.compare.result->keys) {
        gone |= k.presence == core::KeyPresence::Gone && k.key == "rg-data";  // named rg-archive in June
        fresh |= k.presence == core::KeyPresence::New && k.key == "rg-archive";
    }
    EXPECT_TRUE(gone && fresh);
    f.controller->apply(ExportComparisonCsv{});
    ASSERT_EQ(f.files.saved.size(), 1u);
    EXPECT_EQ(f.files.saved[0].name, "activeplatform-compare_2024-05-01_2024-06-01_resource_group.csv");

    f.controller->apply(ApplyRangePreset{core::RangePreset::ThisPeriod});
    f.controller->apply(FetchAnalytics{});
    f.settle();
    ASSERT_TRUE(f.state.forecast.has_value());
    ASSERT_EQ(f.state.forecast->status, core::ForecastStatus::Ready) << f.state.forecast->notice;
    ASSERT_EQ(f.state.forecast->currencies.size(), 1u);
    EXPECT_EQ(f.state.forecast->currencies[0].currency, "EUR");
    EXPECT_TRUE(f.state.forecast->currencies[0].last7.has_value());
    EXPECT_EQ(f.state.forecast->days_left, 15);
}

// ---- Automatic retry of 429 / 503 (issue 7) ---------------------------------

core::SimFault busyFault(int status, int retry_after_s, int count = 1) {
    core::SimFault fault;
    fault.kind = core::SimFaultKind::FixedStatus;
    fault.status = status;
    fault.retry_after_s = retry_after_s;
    fault.remaining = count;
    return fault;
}

TEST(ActivePlatformRetry, RateLimitedFetchCountsDownThenSucceeds) {
    Fixture f;
    f.sim.setFault(busyFault(429, 12));
    f.controller->apply(EditAnalyticsForm{f.validForm(), false});
    f.controller->apply(FetchAnalytics{});
    f.settle();
    core::Timestamp answered = f.clock.now();
    EXPECT_FALSE(f.state.busy);
    EXPECT_FALSE(f.state.error.has_value());
    EXPECT_EQ(f.state.retry_status, 429);
    EXPECT_EQ(f.state.retry_attempt, 1);
    EXPECT_EQ(f.state.retry_at, answered + 12000);
    EXPECT_EQ(f.state.retry_seconds_left, 12);
    f.clock.advance(1000);  // the frame for the answer was drawn; the next wake is the countdown's next second
    f.controller->tick();
    EXPECT_EQ(f.state.retry_seconds_left, 11);
    EXPECT_EQ(f.controller->nextWakeAt(), answered + 2000);
    f.clock.set(answered + 11500);
    f.controller->tick();
    EXPECT_EQ(f.state.retry_seconds_left, 1);
    EXPECT_EQ(f.controller->nextWakeAt(), answered + 12000);  // the render loop wakes for the retry
    EXPECT_EQ(f.sim.counts().api_requests, 1);
    f.clock.set(answered + 12000);
    f.controller->tick();
    EXPECT_TRUE(f.state.busy);
    EXPECT_EQ(f.state.retry_at, -1);
    EXPECT_EQ(f.state.retry_attempt, 1);  // the retry in flight
    f.settle();
    EXPECT_EQ(f.sim.counts().api_requests, 2);
    ASSERT_FALSE(f.state.error.has_value()) << f.state.error->message;
    ASSERT_TRUE(f.state.report.has_value());
    EXPECT_EQ(f.state.retry_attempt, 0);
}

TEST(ActivePlatformRetry, WithoutRetryAfterBacksOffOnCoresScheduleAndKeepsEarlierResults) {
    Fixture f;
    f.controller->apply(EditAnalyticsForm{f.validForm(), false});
    f.controller->apply(FetchAnalytics{});
    f.settle();
    ASSERT_TRUE(f.state.report.has_value());
    std::size_t rows = f.state.report->items.rowCount();
    f.sim.setFault(busyFault(503, -1));
    f.controller->apply(FetchAnalytics{});
    f.settle();
    EXPECT_EQ(f.state.retry_status, 503);
    EXPECT_EQ(f.state.retry_at, f.clock.now() + 1000);  // core::retryDelayMs: 1 s, then 2 s, 4 s
    ASSERT_TRUE(f.state.report.has_value());  // still on screen while waiting
    EXPECT_EQ(f.state.report->items.rowCount(), rows);
}

TEST(ActivePlatformRetry, HttpDateRetryAfterIsHonoured) {
    Fixture f;  // the clock reads 2024-06-15 00:00:00 UTC
    core::HttpResponse limited;
    limited.status = 429;
    limited.headers = {{"Retry-After", "Sat, 15 Jun 2024 00:00:21 GMT"}};  // 20 s after the answer lands
    f.scripted.push_back(limited);
    f.controller->apply(EditAnalyticsForm{f.validForm(), false});
    f.controller->apply(FetchAnalytics{});
    f.settle();  // answered at 00:00:01
    EXPECT_EQ(f.state.retry_at, f.clock.now() + 20000);
    EXPECT_EQ(f.state.retry_seconds_left, 20);
}

TEST(ActivePlatformRetry, RetryAfterParserReadsBothForms) {
    core::Timestamp now = core::timestampFromDate(core::Date{1994, 11, 6}) + 8 * 3600 * 1000;  // 08:00:00
    auto after = [now](std::string value) { return core::retryAfterSeconds({{"Retry-After", value}}, now); };
    EXPECT_EQ(after("7"), 7);
    EXPECT_EQ(after("Sun, 06 Nov 1994 08:49:37 GMT"), 49 * 60 + 37);
    EXPECT_EQ(after("Sun, 06 Nov 1994 07:00:00 GMT"), 0);   // already past: retry now
    EXPECT_EQ(after("Sunday, 06-Nov-94 08:49:37 GMT"), -1);  // obsolete forms are not read
    EXPECT_EQ(after("Sun, 31 Nov 1994 08:49:37 GMT"), -1);
    EXPECT_EQ(after("soon"), -1);
    EXPECT_EQ(core::retryAfterSeconds({}, now), -1);
}

TEST(ActivePlatformRetry, GivesUpAfterThreeRetriesWithTheServerSentence) {
    Fixture f;
    f.sim.setFault(busyFault(429, 2, -1));
    f.controller->apply(EditAnalyticsForm{f.validForm(), false});
    f.controller->apply(FetchAnalytics{});
    for (int i = 0; i < 12 && !f.state.error; ++i) f.settle();
    EXPECT_EQ(f.sim.counts().api_requests, 1 + kActivePlatformMaxRetries);
    ASSERT_TRUE(f.state.error.has_value());
    EXPECT_EQ(f.state.error->http_status, 429);
    EXPECT_EQ(f.state.retry_at, -1);
    EXPECT_EQ(f.state.retry_attempt, 0);
}

TEST(ActivePlatformRetry, CancelStopsTheCountdown) {
    Fixture f;
    f.sim.setFault(busyFault(429, 5));
    f.controller->apply(EditAnalyticsForm{f.validForm(), false});
    f.controller->apply(FetchAnalytics{});
    f.settle();
    ASSERT_GE(f.state.retry_at, 0);
    f.controller->apply(CancelAnalyticsRetry{});
    EXPECT_EQ(f.state.retry_at, -1);
    EXPECT_EQ(f.state.retry_attempt, 0);
    for (int i = 0; i < 10; ++i) f.settle();
    EXPECT_EQ(f.sim.counts().api_requests, 1);
    EXPECT_LT(f.controller->nextWakeAt(), 0);  // nothing left to wake for
}

TEST(ActivePlatformRetry, OtherErrorsAreNotRetried) {
    for (int status : {403, 404, 500}) {
        Fixture f;
        f.sim.setFault(busyFault(status, 1));
        f.controller->apply(EditAnalyticsForm{f.validForm(), false});
        f.controller->apply(FetchAnalytics{});
        f.settle();
        ASSERT_TRUE(f.state.error.has_value()) << status;
        EXPECT_EQ(f.state.error->http_status, status);
        EXPECT_EQ(f.state.retry_at, -1) << status;
    }
}

// The contract's retry list is 429, 502, 503, 504 and network errors (issue 18).
TEST(ActivePlatformRetry, ProxyAndNetworkErrorsAreRetriedWithTheSameCountdown) {
    Fixture f;
    core::HttpResponse bad_gateway;
    bad_gateway.status = 502;
    bad_gateway.body = "<html>Bad Gateway</html>";
    core::HttpResponse gateway_timeout;
    gateway_timeout.status = 504;
    core::HttpResponse dropped;  // status 0: no answer at all
    dropped.transport_message = "connection reset";
    f.scripted = {bad_gateway, gateway_timeout, dropped};
    f.controller->apply(EditAnalyticsForm{f.validForm(), false});
    f.controller->apply(FetchAnalytics{});
    f.settle();
    ASSERT_FALSE(f.state.error.has_value()) << f.state.error->message;
    EXPECT_EQ(f.state.retry_status, 502);
    EXPECT_EQ(f.state.retry_attempt, 1);
    EXPECT_EQ(f.state.retry_at, f.clock.now() + 1000);
    nlohmann::json retry = jsonFromActivePlatformState(f.state)["retry"];
    ASSERT_TRUE(retry.is_object());
    EXPECT_EQ(retry.value("line", ""), "The proxy got no answer from the server (HTTP 502); retrying in 1 s (attempt 1 of 3)");
    // Until the retry numbered `attempt` waits (its request sent and answered).
    auto next = [&f](int attempt) {
        for (int i = 0; i < 10 && f.state.retry_attempt < attempt && !f.state.report; ++i) f.settle();
    };
    next(2);  // the first retry was answered 504
    EXPECT_EQ(f.state.retry_status, 504);
    EXPECT_EQ(f.state.retry_at, f.clock.now() + 2000);
    next(3);  // the second was answered with nothing: a network error
    EXPECT_EQ(f.state.retry_status, 0);
    EXPECT_EQ(f.state.retry_at, f.clock.now() + 4000);
    EXPECT_EQ(jsonFromActivePlatformState(f.state)["retry"].value("line", "").rfind("Could not reach the server; retrying in", 0), 0u);
    for (int i = 0; i < 10 && !f.state.report; ++i) f.settle();
    ASSERT_FALSE(f.state.error.has_value()) << f.state.error->message;
    ASSERT_TRUE(f.state.report.has_value());
    EXPECT_EQ(f.state.retry_attempt, 0);
    EXPECT_EQ(f.sim.counts().api_requests, 1);  // the three failures never reached the simulator
}

TEST(ActivePlatformRetry, ATimeoutIsNotRetried) {
    Fixture f;
    core::HttpResponse timed_out;
    timed_out.transport_error = core::ErrorKind::Timeout;
    f.scripted = {timed_out};
    f.controller->apply(EditAnalyticsForm{f.validForm(), false});
    f.controller->apply(FetchAnalytics{});
    f.settle();
    ASSERT_TRUE(f.state.error.has_value());
    EXPECT_EQ(f.state.retry_at, -1);
}

TEST(ActivePlatformController, AnAnswerWithNoItemsSaysSoByName) {
    Fixture f;
    core::HttpResponse empty;
    empty.status = 200;
    empty.headers = {{"Content-Type", "application/json"}};
    empty.body = R"({"subscription":{"id":"70112","export_headers":[{"key":"total","type":"number"}],"items":[]}})";
    f.scripted = {empty};
    f.controller->apply(EditAnalyticsForm{f.validForm(), false});
    f.controller->apply(FetchAnalytics{});
    f.settle();
    ASSERT_TRUE(f.state.report.has_value());
    EXPECT_EQ(jsonFromActivePlatformState(f.state).value("empty_message", ""), "No expenses in this range.");
    f.controller->apply(FetchAnalytics{});  // the simulator's answer has items: the line goes
    f.settle();
    EXPECT_EQ(jsonFromActivePlatformState(f.state).value("empty_message", "x"), "");
}

// The daily chart has the viewer chart's "top N" control, and its legend says how much "Other" holds.
TEST(ActivePlatformController, ChartTopNChangesTheCategoriesCharted) {
    Fixture f;
    f.controller->apply(EditAnalyticsForm{f.validForm(), false});
    f.controller->apply(FetchAnalytics{});
    f.settle();
    ASSERT_TRUE(f.state.report.has_value());
    auto legend = [&f] { return jsonFromActivePlatformState(f.state)["chart"]["series"][0]["legend"]; };
    const std::size_t categories = f.state.totals.currencies.at(0).by_category.size();
    ASSERT_GT(categories, 3u);
    f.controller->apply(SetAnalyticsChartTopN{2});
    EXPECT_EQ(jsonFromActivePlatformState(f.state)["chart"].value("top_n", 0), 2);
    ASSERT_EQ(legend().size(), 3u);
    EXPECT_EQ(legend().back(), "Other (" + std::to_string(categories - 2) + ")");
    f.controller->apply(SetAnalyticsChartTopN{core::kChartMaxTopN + 5});
    EXPECT_EQ(f.state.chart_top_n, core::kChartMaxTopN);
    f.controller->apply(FetchAnalytics{});  // a new answer keeps the choice
    f.settle();
    EXPECT_EQ(f.state.chart_top_n, core::kChartMaxTopN);
}

// The whole app: Try the demo fills the form with the demo's URL and token; leaving
// the demo brings back what the person had typed, and the panel is told to copy it.
TEST(ActivePlatformController, LeavingTheDemoRestoresTheFormFromBefore) {
    Fixture f;
    AppState app;
    Controller controller(app, f.services(f.transport, f.demo_transport));
    core::AnalyticsForm mine = f.validForm();
    mine.base_url = "https://cp.example.com/";
    mine.token = "my-own-token";
    controller.apply({Intent{ActivePlatformIntent{EditAnalyticsForm{mine, false}}}});
    const std::size_t seen = app.activeplatform.form_revision;  // what the panel last copied
    controller.apply({Intent{EnterDemoMode{}}, Intent{ActivePlatformIntent{TryActivePlatformDemo{}}}});
    for (int i = 0; i < 3; ++i) {
        f.clock.advance(1000);
        f.demo_transport.poll();
        controller.tick();
    }
    EXPECT_EQ(app.activeplatform.form.base_url, kDemoActivePlatformBaseUrl);
    ASSERT_TRUE(app.activeplatform.report.has_value());
    const std::size_t seen_in_demo = app.activeplatform.form_revision;
    controller.apply({Intent{LeaveDemoMode{}}});
    EXPECT_EQ(app.activeplatform.form.base_url, "https://cp.example.com/");
    EXPECT_EQ(app.activeplatform.form.token, "my-own-token");
    EXPECT_FALSE(app.activeplatform.report.has_value());  // the demo's results went with it
    EXPECT_GT(app.activeplatform.form_revision, std::max(seen, seen_in_demo));
    EXPECT_FALSE(f.store.get(kActivePlatformTokenKey).has_value());
}

}  // namespace
}  // namespace ud::app
