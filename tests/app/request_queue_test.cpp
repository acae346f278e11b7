// RequestQueue (the one request path of every controller) and the page events
// the Controller applies instead of main.cpp writing AppState.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/controller.h"
#include "app/request_queue.h"
#include "platform/simulated_transport.h"
#include "support/fake_services.h"

namespace ud::app {
namespace {

core::HttpResponse echo(const core::HttpRequest& r, core::Timestamp) {
    core::HttpResponse out;
    out.status = 200;
    out.body = r.url;
    return out;
}

struct QueueFixture : test::FakePlatform {
    QueueFixture() : FakePlatform(1000) {}
    platform::SimulatedTransport real{clock, echo, 100};
    platform::SimulatedTransport demo{clock, [](const core::HttpRequest& r, core::Timestamp now) {
        core::HttpResponse out = echo(r, now);
        out.body = "demo " + out.body;
        return out;
    }, 100};
    RequestQueue queue{services(real, demo)};
    std::vector<std::string> seen;

    RequestQueue::Ticket get(std::string url) {
        core::HttpRequest r;
        r.url = std::move(url);
        return queue.send(r, [this](const core::HttpResponse& a) { seen.push_back(a.body); });
    }
    void later(core::Timestamp ms) {
        clock.advance(ms);
        real.poll();
        demo.poll();
    }
};

TEST(RequestQueue, CallbacksOnlyQueueAndDeliverRunsHandlersInOrder) {
    QueueFixture f;
    RequestQueue::Ticket a = f.get("a");
    f.get("b");
    EXPECT_TRUE(f.queue.waiting(a));
    f.later(200);
    EXPECT_TRUE(f.seen.empty()) << "the transport callback must not run the handler";
    EXPECT_EQ(f.queue.redrawAt(), -1);
    EXPECT_TRUE(f.queue.deliver(f.clock.now()));
    EXPECT_EQ(f.seen, (std::vector<std::string>{"a", "b"}));
    EXPECT_FALSE(f.queue.waiting(a));
    EXPECT_EQ(f.queue.redrawAt(), f.clock.now());
    f.later(100);
    EXPECT_FALSE(f.queue.deliver(f.clock.now()));
    EXPECT_EQ(f.queue.redrawAt(), -1) << "the frame that was asked for has passed";
}

TEST(RequestQueue, DemoSwitchDropsEverythingInFlightAndChangesTransport) {
    QueueFixture f;
    f.get("real");
    f.queue.setDemo(true);
    EXPECT_TRUE(f.queue.demo());
    f.get("x");
    f.later(200);
    f.queue.deliver(f.clock.now());
    EXPECT_EQ(f.seen, (std::vector<std::string>{"demo x"}));
}

TEST(ControllerEvents, FileThemeAndSizeArriveAsEvents) {
    QueueFixture f;
    AppState state;
    Controller controller(state, f.services(f.real, f.demo));
    controller.handle(ThemeChanged{true});
    EXPECT_TRUE(state.dark_theme);
    controller.handle(Resized{1024, 700});
    EXPECT_EQ(state.canvas_width, 1024);
    EXPECT_EQ(state.canvas_height, 700);
    const std::string csv = "day,cost\n2024-01-01,1.50\n2024-01-02,2.00\n";
    controller.handle(FileChunk{std::string_view(csv).substr(0, 12)});
    controller.handle(FileChunk{std::string_view(csv).substr(12)});
    controller.handle(FileEnd{"usage.csv", csv.size()});
    EXPECT_EQ(state.section, Section::Viewer) << "what was opened is shown, wherever it was dropped";
    ASSERT_TRUE(state.viewer.table.has_value());
    EXPECT_EQ(state.viewer.table->rowCount(), 2u);
}

TEST(ControllerEvents, AFileStartShowsTheViewerWithItsProgress) {
    QueueFixture f;
    AppState state;
    Controller controller(state, f.services(f.real, f.demo));
    ASSERT_NE(state.section, Section::Viewer);
    const std::string csv = "day,cost\n2024-01-01,1.50\n";
    EXPECT_TRUE(controller.handle(FileStart{"usage.csv", csv.size()}));
    EXPECT_EQ(state.section, Section::Viewer) << "the load's progress is drawn in the Viewer, not after it";
    EXPECT_TRUE(state.viewer.load.active);
    state.section = Section::Particle;
    EXPECT_FALSE(controller.handle(FileStart{"huge.csv", 3ull << 30}));
    EXPECT_EQ(state.section, Section::Viewer) << "where the refusal is explained";
}

TEST(ControllerEvents, DemoModeReachesEveryCloudThroughTheController) {
    QueueFixture f;
    AppState state;
    Controller controller(state, f.services(f.real, f.demo));
    controller.apply({EnterDemoMode{}});
    EXPECT_TRUE(state.demo_mode);
    controller.apply({ActivePlatformIntent{TryActivePlatformDemo{}}});
    EXPECT_TRUE(state.activeplatform.busy);
    controller.apply({LeaveDemoMode{}});
    EXPECT_FALSE(state.demo_mode);
    EXPECT_FALSE(state.activeplatform.busy) << "the demo answer in flight was dropped";
}

}  // namespace
}  // namespace ud::app
