// Every panel drawn natively with Dear ImGui (no backend, a fixed display
// size, the font atlas built in memory) from states the real controllers
// produce against the in-page simulated clouds: empty, loading, error, data.
// Each state checks the named widgets the browser tests rely on (the test
// hook's WidgetRegistry), so a panel that crashes or loses a widget fails
// here in seconds rather than in the browser stage.
#include <gtest/gtest.h>
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/controller.h"
#include "app/demo_clouds.h"
#include "platform/simulated_transport.h"
#include "support/fake_services.h"
#include "ui/ui_root.h"
#include "ui/widgets.h"

namespace ud::ui {
namespace {

// The real network in these tests: every request is refused with 401, so a
// sign-in shows its error; nothing is answered until run() polls.
core::HttpResponse refused(const core::HttpRequest&, core::Timestamp) {
    core::HttpResponse r;
    r.status = 401;
    r.body = R"({"error":"invalid_token","error_description":"The access token provided is invalid."})";
    return r;
}

struct Page : test::FakePlatform {
    explicit Page(float width = 1280) : FakePlatform(core::timestampFromDate(core::Date{2026, 6, 20}) + 9 * 3600 * 1000LL) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, 3000);  // tall, so nothing is clipped away
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas; nothing renders it
        controller.loadSaved();
    }
    ~Page() { ImGui::DestroyContext(); }

    void apply(app::Intent intent) { controller.apply({std::move(intent)}); }
    void show(app::Section section) { apply(app::SelectSection{section}); }
    // Lets `ms` of simulated time pass, delivering answers and due timers.
    void run(core::Timestamp ms) {
        for (core::Timestamp t = 0; t < ms; t += 100) {
            clock.advance(100);
            transport.poll();
            demo_transport.poll();
            controller.tick();
        }
    }
    // Two frames (the first lays out auto-sized items); the second's widgets.
    std::vector<std::string> draw() {
        for (int frame = 0; frame < 2; ++frame) {
            ImGui::NewFrame();
            ui.widgets.beginFrame();
            app::Intents ignored;
            drawUi(state, ui, ignored);
            ImGui::Render();
        }
        std::vector<std::string> names;
        for (const auto& [name, rect] : ui.widgets.rects()) names.push_back(name);
        return names;
    }

    platform::SimulatedTransport transport{clock, refused};
    platform::SimulatedTransport demo_transport{clock, app::demoCloudHandler()};
    app::AppState state;
    app::Controller controller{state, services(transport, demo_transport)};
    UiState ui;
};

std::string listed(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += n + " ";
    return out;
}

// Every name in `expected` was drawn; a name ending in "." matches any drawn name it starts.
void expectWidgets(const std::vector<std::string>& drawn, std::initializer_list<const char*> expected) {
    for (std::string want : expected) {
        bool found = std::any_of(drawn.begin(), drawn.end(), [&](const std::string& name) {
            return want.back() == '.' ? name.rfind(want, 0) == 0 : name == want;
        });
        EXPECT_TRUE(found) << want << " is missing; drawn: " << listed(drawn);
    }
}

void expectNoWidgets(const std::vector<std::string>& drawn, std::initializer_list<const char*> absent) {
    for (const char* name : absent)
        EXPECT_EQ(std::count(drawn.begin(), drawn.end(), name), 0) << name << " should not be drawn";
}

TEST(Panels, EmptyStateOfEverySection) {
    Page page;
    expectWidgets(page.draw(), {"nav.particle", "nav.activeplatform", "nav.viewer", "nav.settings", "particle.token",
                                "particle.signin", "particle.demo", "particle.tab.token", "particle.tab.password"});
    page.show(app::Section::ActivePlatform);
    expectWidgets(page.draw(), {"ap.base_url", "ap.token", "ap.subscription", "ap.fetch", "ap.demo",
                                "ap.preset.this_month", "ap.preset.last_month", "ap.range.days"});
    page.show(app::Section::Viewer);
    expectWidgets(page.draw(), {"viewer.open", "viewer.demo"});
    page.show(app::Section::Settings);
    expectWidgets(page.draw(), {"settings.particle_url", "settings.activeplatform_url", "settings.save",
                                "settings.reset"});
}

// Offline (the browser's offline event): the API panels say so, except in the
// demo, which needs no network; Settings gets the theme choice.
TEST(Panels, OfflineNoticesAndTheThemeChoice) {
    Page page;
    page.controller.handle(app::NetworkChanged{false});
    expectWidgets(page.draw(), {"particle.offline", "particle.token"});
    page.show(app::Section::ActivePlatform);
    expectWidgets(page.draw(), {"activeplatform.offline", "ap.fetch"});
    page.apply(app::EnterDemoMode{});
    expectNoWidgets(page.draw(), {"activeplatform.offline"});
    page.apply(app::LeaveDemoMode{});
    page.controller.handle(app::NetworkChanged{true});
    expectNoWidgets(page.draw(), {"activeplatform.offline"});
    page.show(app::Section::Settings);
    expectWidgets(page.draw(), {"settings.theme.system", "settings.theme.light", "settings.theme.dark"});
}

// The page keeps a real <input> over each text field drawn (web/usagedesk.js):
// the list says which, with the autocomplete name a password manager reads;
// text and a focus from those inputs reach the field through PageInput.
TEST(Panels, TextFieldsAreListedForThePageAndTakeItsTextAndFocus) {
    Page page;
    page.draw();
    const std::string fields = page.ui.widgets.textFieldsJson();
    EXPECT_NE(fields.find(R"("name":"particle.token")"), std::string::npos) << fields;
    EXPECT_NE(fields.find(R"("autocomplete":"off")"), std::string::npos) << fields;
    EXPECT_NE(fields.find(R"("password":true)"), std::string::npos) << fields;  // the token is drawn as dots

    page.ui.widgets.pageInput().text["particle.token"] = "from-autofill";
    page.draw();
    EXPECT_EQ(page.ui.particle.token, "from-autofill");
    EXPECT_FALSE(page.ui.widgets.rects().at("particle.token").active);

    page.ui.widgets.pageInput().focus = "particle.token";
    page.draw();
    EXPECT_TRUE(page.ui.widgets.rects().at("particle.token").active) << "a tap on the input gives the field the keyboard";
    EXPECT_TRUE(page.ui.widgets.pageInput().focus.empty());

    // While the field is being edited, ImGui holds its own copy of the text: a
    // touch keyboard's whole new text replaces it there.
    page.ui.widgets.pageInput().text["particle.token"] = "typed-on-a-phone";
    page.draw();
    EXPECT_EQ(page.ui.particle.token, "typed-on-a-phone");
    EXPECT_TRUE(page.ui.widgets.rects().at("particle.token").active);
    EXPECT_NE(page.ui.widgets.textFieldsJson().find(R"("active":true)"), std::string::npos);
}

TEST(Panels, LoadingStates) {
    Page page;
    page.apply(app::ParticleIntent{app::SignInWithToken{"0123456789abcdef", false}});
    ASSERT_TRUE(page.state.particle.login.busy);
    expectWidgets(page.draw(), {"nav.particle", "particle.token"});

    page.apply(app::EnterDemoMode{});
    page.show(app::Section::ActivePlatform);
    page.apply(app::ActivePlatformIntent{app::TryActivePlatformDemo{}});
    ASSERT_TRUE(page.state.activeplatform.busy);
    expectWidgets(page.draw(), {"ap.fetch", "demo.leave", "notice.dismiss"});

    page.show(app::Section::Viewer);
    page.apply(app::ViewerIntent{app::LoadDemoReport{200000}});
    page.controller.tick();
    ASSERT_TRUE(page.state.viewer.load.active);
    expectWidgets(page.draw(), {"nav.viewer"});
}

TEST(Panels, ErrorStates) {
    Page page;
    page.apply(app::ParticleIntent{app::SignInWithToken{"0123456789abcdef", false}});
    page.run(1000);
    ASSERT_TRUE(page.state.particle.login.error.has_value());
    expectWidgets(page.draw(), {"particle.login.error", "particle.token", "particle.signin"});

    page.show(app::Section::ActivePlatform);
    page.apply(app::ActivePlatformIntent{app::FetchAnalytics{}});  // the empty form is refused before sending
    ASSERT_TRUE(page.state.activeplatform.error.has_value());
    expectWidgets(page.draw(), {"ap.error", "ap.fetch"});

    page.show(app::Section::Viewer);
    page.controller.handle(app::FileChunk{"day,cost\n2024-01-01,1.00\n2024-01-02,\"unclosed\n"});
    page.controller.handle(app::FileEnd{"broken.csv", 43});
    expectWidgets(page.draw(), {"viewer.issues"});
}

TEST(Panels, DataStates) {
    Page page;
    page.apply(app::EnterDemoMode{});
    page.apply(app::ParticleIntent{app::TryParticleDemo{}});
    page.run(3000);
    ASSERT_EQ(page.state.particle.login.session, app::ParticleSession::SignedIn);
    expectWidgets(page.draw(), {"particle.user", "particle.logout", "particle.scope.sandbox", "particle.billing",
                                "particle.request", "particle.start", "particle.end", "particle.preset.this_period",
                                "particle.type.devices"});
    page.apply(app::ParticleIntent{app::RequestReport{}});
    page.run(16000);
    ASSERT_FALSE(page.state.particle.reports.empty());
    expectWidgets(page.draw(), {"particle.reports", "particle.report."});
    expectNoWidgets(page.draw(), {"particle.signin", "particle.token"});

    page.show(app::Section::ActivePlatform);
    page.apply(app::ActivePlatformIntent{app::TryActivePlatformDemo{}});
    page.run(3000);
    ASSERT_TRUE(page.state.activeplatform.report.has_value());
    expectWidgets(page.draw(), {"ap.table.row.", "ap.export", "ap.totals.", "ap.chart.plot"});

    page.show(app::Section::Viewer);
    page.apply(app::ViewerIntent{app::LoadDemoReport{2000}});
    page.run(1000);
    ASSERT_TRUE(page.state.viewer.table.has_value());
    expectWidgets(page.draw(), {"viewer.table.row.", "viewer.table.search", "viewer.export", "viewer.group.", "viewer.close",
                                "viewer.view.chart"});
    page.apply(app::ViewerIntent{app::ShowChart{true}});
    expectWidgets(page.draw(), {"viewer.chart.plot", "viewer.chart.top_n", "viewer.view.table"});
}

// The layout decision: below 700 CSS px the sidebar and a panel do not fit side by side.
TEST(Layout, NarrowBelowSevenHundredCssPixels) {
    EXPECT_TRUE(isNarrowWidth(390));
    EXPECT_TRUE(isNarrowWidth(699.5f));
    EXPECT_FALSE(isNarrowWidth(700));
    EXPECT_FALSE(isNarrowWidth(1280));
}

// What is wrong with a screen's layout: named widgets that run off it
// (sideways, outside a table that scrolls sideways), or that partly cover
// each other. One inside another is fine (a table and its cells); the
// forecast's marker sits on its usage bar by design, and a table's row
// selectables reach half an item spacing into the next row (ImGui's hit areas).
std::string layoutProblems(const WidgetRegistry& reg, float width) {
    std::vector<std::pair<std::string, WidgetRect>> shown;
    for (const auto& [name, r] : reg.rects())
        if (r.w > 0 && r.h > 0 && name.find(".tooltip") == std::string::npos) shown.emplace_back(name, r);
    std::string out;
    for (const auto& [name, r] : shown)
        if (r.overflow || r.x < -1 || r.x + r.w > width + 1) out += name + " runs off the screen; ";
    auto inside = [](const WidgetRect& a, const WidgetRect& b) {
        return a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.w <= b.x + b.w + 1 && a.y + a.h <= b.y + b.h + 1;
    };
    for (std::size_t i = 0; i < shown.size(); ++i)
        for (std::size_t j = i + 1; j < shown.size(); ++j) {
            const auto& [a, r] = shown[i];
            const auto& [b, q] = shown[j];
            const float w = std::min(r.x + r.w, q.x + q.w) - std::max(r.x, q.x);
            const float h = std::min(r.y + r.h, q.y + q.h) - std::max(r.y, q.y);
            const bool marker = a.ends_with(".forecast.marker") || b.ends_with(".forecast.marker");
            const auto list = [](const std::string& n) { return n.substr(0, n.find_last_not_of("0123456789") + 1); };
            const bool rows = list(a).ends_with(".row.") && list(a) == list(b);
            if (w > 1 && h > 1 && !inside(r, q) && !inside(q, r) && !marker && !rows) out += a + " x " + b + "; ";
        }
    return out;
}

// A phone (390 CSS px): a menu button instead of the sidebar, and every state
// the demo walk passes through fits the width with nothing drawn over anything.
TEST(Panels, NarrowScreenOneColumnWithAMenu) {
    constexpr float kPhone = 390;
    Page page(kPhone);
    auto drawn = page.draw();
    expectWidgets(drawn, {"nav.menu", "particle.token", "particle.demo"});
    expectNoWidgets(drawn, {"nav.particle", "nav.viewer"});
    EXPECT_EQ(layoutProblems(page.ui.widgets, kPhone), "") << "login";
    page.ui.menu_open = true;
    expectWidgets(page.draw(), {"nav.menu", "nav.particle", "nav.activeplatform", "nav.viewer", "nav.settings"});
    EXPECT_EQ(layoutProblems(page.ui.widgets, kPhone), "") << "menu";
    page.ui.menu_open = false;

    page.apply(app::EnterDemoMode{});
    page.apply(app::ParticleIntent{app::TryParticleDemo{}});
    page.run(3000);
    expectWidgets(page.draw(), {"particle.user", "particle.logout", "particle.usage.messages", "particle.request"});
    EXPECT_EQ(layoutProblems(page.ui.widgets, kPhone), "") << "signed in";
    page.apply(app::ParticleIntent{app::RequestReport{}});
    page.run(20000);
    expectWidgets(page.draw(), {"particle.report."});
    EXPECT_EQ(layoutProblems(page.ui.widgets, kPhone), "") << "a report";

    page.show(app::Section::ActivePlatform);
    page.apply(app::ActivePlatformIntent{app::TryActivePlatformDemo{}});
    page.run(3000);
    page.draw();  // a tab's table first shows a frame late; its sideways scrollbar one frame later
    expectWidgets(page.draw(), {"ap.table.row.", "ap.export", "ap.totals.", "ap.chart.plot"});
    EXPECT_EQ(layoutProblems(page.ui.widgets, kPhone), "") << "ActivePlatform";
    page.apply(app::ActivePlatformIntent{app::CompareThisMonthWithLast{}});
    page.run(3000);
    expectWidgets(page.draw(), {"ap.compare.table.row.", "ap.compare.close"});
    EXPECT_EQ(layoutProblems(page.ui.widgets, kPhone), "") << "ActivePlatform comparison";

    page.show(app::Section::Viewer);
    page.apply(app::ViewerIntent{app::LoadDemoReport{2000}});
    page.run(1000);
    expectWidgets(page.draw(), {"viewer.table.row.", "viewer.close"});
    EXPECT_EQ(layoutProblems(page.ui.widgets, kPhone), "") << "viewer";
    page.apply(app::ViewerIntent{app::ShowChart{true}});
    expectWidgets(page.draw(), {"viewer.chart.plot"});
    EXPECT_EQ(layoutProblems(page.ui.widgets, kPhone), "") << "viewer chart";

    page.show(app::Section::Settings);
    expectWidgets(page.draw(), {"settings.save", "settings.reset", "settings.theme.dark"});
    EXPECT_EQ(layoutProblems(page.ui.widgets, kPhone), "") << "settings";
}

TEST(Panels, WideScreenKeepsTheSidebar) {
    Page page;
    auto drawn = page.draw();
    expectWidgets(drawn, {"nav.particle", "nav.viewer"});
    expectNoWidgets(drawn, {"nav.menu"});
}

}  // namespace
}  // namespace ud::ui
