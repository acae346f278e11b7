// Offline without trying (issue 16): while the browser says it is offline, the
// Particle and ActivePlatform actions that need the network send nothing and
// say so at once, where the action is; the demo, which needs no network, still
// works; online again, the same actions are sent.
#include <gtest/gtest.h>

#include "app/controller.h"
#include "app/demo_clouds.h"
#include "app/intents.h"
#include "platform/simulated_transport.h"
#include "support/fake_services.h"

namespace ud::app {
namespace {

// The real network: counts what is sent, answers every request with 401.
struct CountingTransport : platform::SimulatedTransport {
    explicit CountingTransport(const platform::Clock& clock)
        : SimulatedTransport(clock, [](const core::HttpRequest&, core::Timestamp) {
              core::HttpResponse r;
              r.status = 401;
              r.body = R"({"error":"invalid_token"})";
              return r;
          }) {}
    platform::RequestId send(core::HttpRequest request, Done on_done) override {
        ++sent;
        return SimulatedTransport::send(std::move(request), std::move(on_done));
    }
    int sent = 0;
};

struct OfflineFixture : test::FakePlatform {
    OfflineFixture() : FakePlatform(1780000000000) { controller.loadSaved(); }
    void run(core::Timestamp ms) {
        for (core::Timestamp t = 0; t < ms; t += 100) {
            clock.advance(100);
            controller.tick();
        }
    }
    CountingTransport transport{clock};
    platform::SimulatedTransport demo_transport{clock, demoCloudHandler()};
    AppState state;
    Controller controller{state, services(transport, demo_transport)};
};

void expectOffline(const std::optional<core::Error>& error, const char* action) {
    ASSERT_TRUE(error.has_value()) << action;
    EXPECT_EQ(error->message, std::string("You are offline: ") + action +
                                  " needs the network. Try again when you are back online.");
}

TEST(OfflineRefusal, NetworkActionsSendNothingAndSaySoWhereTheActionIs) {
    OfflineFixture f;
    f.controller.handle(NetworkChanged{false});
    f.controller.apply({ParticleIntent{SignInWithToken{"0123456789abcdef", false}}});
    expectOffline(f.state.particle.login.error, "signing in");
    EXPECT_FALSE(f.state.particle.login.busy) << "nothing is waiting for an answer";
    f.controller.apply({ParticleIntent{CreateParticleToken{"a@example.com", "secret", 3600, false}}});
    expectOffline(f.state.particle.login.error, "signing in");
    f.controller.apply({ParticleIntent{RequestReport{}}});
    expectOffline(f.state.particle.request_error, "requesting a report");
    EXPECT_FALSE(f.state.particle.requesting);
    f.controller.apply({ParticleIntent{RefreshParticleUsage{}}});
    expectOffline(f.state.particle.agreements.error, "refreshing the usage");
    f.controller.apply({ActivePlatformIntent{FetchAnalytics{}}});
    expectOffline(f.state.activeplatform.error, "fetching daily expenses");
    EXPECT_FALSE(f.state.activeplatform.busy);
    f.controller.apply({ActivePlatformIntent{CompareThisMonthWithLast{}}});
    expectOffline(f.state.activeplatform.compare.error, "comparing two ranges");
    f.run(2000);
    EXPECT_EQ(f.transport.sent, 0) << "not one request while offline";
}

TEST(OfflineRefusal, TheDemoNeedsNoNetworkAndOnlineAgainActionsAreSent) {
    OfflineFixture f;
    f.controller.handle(NetworkChanged{false});
    f.controller.apply({EnterDemoMode{}, ParticleIntent{TryParticleDemo{}}});
    f.run(3000);
    EXPECT_EQ(f.state.particle.login.session, ParticleSession::SignedIn);
    f.controller.apply({ParticleIntent{RefreshParticleUsage{}}});
    EXPECT_FALSE(f.state.particle.agreements.error.has_value()) << "the demo's cloud is in the page";
    f.controller.apply({LeaveDemoMode{}});
    EXPECT_EQ(f.transport.sent, 0);

    f.controller.handle(NetworkChanged{true});
    f.controller.apply({ParticleIntent{SignInWithToken{"0123456789abcdef", false}}});
    EXPECT_EQ(f.transport.sent, 1) << "online: the sign-in is sent";
    f.controller.apply({ActivePlatformIntent{FetchAnalytics{}}});
    EXPECT_FALSE(f.state.activeplatform.error && f.state.activeplatform.error->message.starts_with("You are offline"))
        << "online: no offline refusal (the form's own checks still apply)";
}

}  // namespace
}  // namespace ud::app
