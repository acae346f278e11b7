// A ViewerController over fakes: recording file dialogs, a fixed clock, no network.
#pragma once

#include "app/viewer_controller.h"
#include "platform/simulated_transport.h"
#include "support/fake_services.h"

namespace ud::app {

struct ViewerFixture : test::FakePlatform {
    ViewerFixture() : FakePlatform(1700000000000) {}
    platform::SimulatedTransport transport{clock, [](const core::HttpRequest&, core::Timestamp) { return core::HttpResponse{}; }};
    ViewerState state;
    ViewerController controller{state, services(transport, transport)};

    void load(std::string_view csv, std::string_view name = "usage.csv") {
        controller.onFileChunk(csv);
        controller.onFileEnd(name, csv.size());
    }
};

}  // namespace ud::app
