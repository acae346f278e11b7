// A ViewerController over fakes: recording file dialogs, a fixed clock, no network.
#pragma once

#include "app/viewer_controller.h"
#include "platform/simulated_transport.h"

namespace ud::app {

struct ViewerFixture {
    platform::FakeClock clock{1700000000000};
    platform::SimulatedTransport transport{clock, [](const core::HttpRequest&, core::Timestamp) { return core::HttpResponse{}; }};
    platform::MemoryStore store;
    platform::RecordingFileDialogs files;
    bool demo = false;
    ViewerState state;
    ViewerController controller{state, Services{transport, transport, clock, store, demo, files}};

    void load(std::string_view csv, std::string_view name = "usage.csv") {
        controller.onFileChunk(csv);
        controller.onFileEnd(name, csv.size());
    }
};

}  // namespace ud::app
