// ActivePlatformController against the in-page simulator: validation before
// sending, presets, fetch -> table + per-currency totals, errors, export,
// remembered token, and the demo route.
#include <gtest/gtest.h>

#include "app/activeplatform_controller.h"
#include "app/demo_clouds.h"
#include "core/activeplatform_sim.h"
#include "platform/simulated_transport.h"

namespace ud::app {
namespace {

struct Fixture {
    platform::FakeClock clock{core::timestampFromDate(core::Date{2024, 6, 15})};
    core::ActivePlatformSim sim{core::SimPreset::Small};
    platform::SimulatedTransport transport{clock, [this](const core::HttpRequest& r, core::Timestamp now) {
                                               return sim.handle(r, now);
                                           }};
    platform::SimulatedTransport demo_transport{clock, demoCloudHandler()};
    platform::MemoryStore store;
    platform::RecordingFileDialogs files;
    bool demo = false;
    ActivePlatformState state;
    std::optional<ActivePlatformController> controller;

    Fixture() { controller.emplace(state, Services{transport, demo_transport, clock, store, demo, files}); }
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
    f.controller->apply(ApplyRangePreset{RangePreset::LastMonth});
    EXPECT_EQ(f.state.form.date_from, "2024-05-01");
    EXPECT_EQ(f.state.form.date_to, "2024-05-31");
    f.controller->apply(ApplyRangePreset{RangePreset::Last30Days});
    EXPECT_EQ(f.state.form.date_from, "2024-05-17");
    EXPECT_EQ(f.state.form.date_to, "2024-06-15");
}

TEST(ActivePlatformController, TokenIsStoredOnlyWhenRemembered) {
    Fixture f;
    f.controller->apply(EditAnalyticsForm{f.validForm(), false});
    EXPECT_FALSE(f.store.get(kActivePlatformTokenKey));
    f.controller->apply(EditAnalyticsForm{f.validForm(), true});
    EXPECT_EQ(f.store.get(kActivePlatformTokenKey).value_or(""), core::kSimTestToken);
    ActivePlatformState again;
    ActivePlatformController c2(again, Services{f.transport, f.demo_transport, f.clock, f.store, f.demo, f.files});
    EXPECT_TRUE(again.remember_token);
    EXPECT_EQ(again.form.token, core::kSimTestToken);
}

TEST(ActivePlatformController, DemoRouteAnswersInsideThePage) {
    Fixture f;
    f.demo = true;
    f.controller->apply(TryActivePlatformDemo{});
    f.settle();
    ASSERT_FALSE(f.state.error.has_value()) << f.state.error->message;
    ASSERT_TRUE(f.state.report.has_value());
    EXPECT_GT(f.state.report->items.rowCount(), 0u);
}

}  // namespace
}  // namespace ud::app
