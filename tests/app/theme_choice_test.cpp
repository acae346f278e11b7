// The theme: the system's colour scheme, live, unless the person chose Light or
// Dark in Settings; the choice is saved at once and read back. The pixel ratio
// the page reports is kept for the test hook.
#include <gtest/gtest.h>

#include "app/controller.h"
#include "app/intents.h"
#include "platform/simulated_transport.h"
#include "support/fake_services.h"

namespace ud::app {
namespace {

struct ControllerFixture : test::FakePlatform {
    ControllerFixture() : FakePlatform(1700000000000) {}
    platform::SimulatedTransport transport{clock,
                                           [](const core::HttpRequest&, core::Timestamp) { return core::HttpResponse{}; }};
    AppState state;
    Controller controller{state, services(transport, transport)};
};

TEST(ThemeChoice, SystemSchemeChangesSwitchTheThemeAtOnce) {
    ControllerFixture f;
    f.controller.loadSaved();
    f.controller.handle(ThemeChanged{true});
    EXPECT_TRUE(f.state.dark_theme);
    f.controller.handle(ThemeChanged{false});
    EXPECT_FALSE(f.state.dark_theme);
}

TEST(ThemeChoice, AChosenThemeWinsOverTheSystemAndIsSaved) {
    ControllerFixture f;
    f.controller.loadSaved();
    f.controller.apply({ChooseTheme{ThemeChoice::Dark}});
    EXPECT_TRUE(f.state.dark_theme);
    f.controller.handle(ThemeChanged{false});
    EXPECT_TRUE(f.state.dark_theme) << "the system changing does not undo a choice";

    ControllerFixture reload;
    reload.store = f.store;
    reload.controller.loadSaved();
    EXPECT_EQ(reload.state.settings.theme, ThemeChoice::Dark);
    EXPECT_TRUE(reload.state.dark_theme);

    f.controller.apply({ChooseTheme{ThemeChoice::System}});
    EXPECT_FALSE(f.state.dark_theme) << "back to the system, which says light";
    f.controller.apply({ChooseTheme{ThemeChoice::Light}});
    f.controller.apply({ResetSettings{}});
    f.controller.handle(ThemeChanged{true});
    EXPECT_TRUE(f.state.dark_theme) << "reset: the system again";
}

TEST(ThemeChoice, SettingsJsonKeepsTheChoiceAndNamesUnknownOnes) {
    Settings s;
    s.theme = ThemeChoice::Light;
    auto back = settingsFromJson(jsonFromSettings(s));
    ASSERT_TRUE(back);
    EXPECT_EQ(back.value().theme, ThemeChoice::Light);
    std::string dropped;
    auto odd = settingsFromJson(R"({"version":1,"theme":"sepia"})", &dropped);
    ASSERT_TRUE(odd);
    EXPECT_EQ(odd.value().theme, ThemeChoice::System);
    EXPECT_NE(dropped.find("'theme'"), std::string::npos) << dropped;
}

TEST(ThemeChoice, PixelRatioIsKept) {
    ControllerFixture f;
    f.controller.handle(PixelRatioChanged{1.5});
    EXPECT_EQ(f.state.pixel_ratio, 1.5);
    f.controller.handle(PixelRatioChanged{0});
    EXPECT_EQ(f.state.pixel_ratio, 1.5) << "a nonsense ratio is ignored";
}

}  // namespace
}  // namespace ud::app
