// What controllers may use from the platform: the HTTP transport (the real
// one, or the in-page simulated clouds in demo mode), the clock, storage, and
// file save/open + clipboard (FileDialogs).
#pragma once

#include "platform/clock.h"
#include "platform/file_dialogs.h"
#include "platform/http_transport.h"
#include "platform/key_value_store.h"

namespace ud::app {

struct Services {
    platform::HttpTransport& transport;       // real network
    platform::HttpTransport& demo_transport;  // simulated clouds inside the page
    const platform::Clock& clock;
    platform::KeyValueStore& store;
    const bool& demo_mode;                    // AppState::demo_mode
    platform::FileDialogs& files;             // downloads, file picker, clipboard

    platform::HttpTransport& active() const { return demo_mode ? demo_transport : transport; }
};

}  // namespace ud::app
