// What controllers may use from the platform: the HTTP transports (the real
// one and the in-page simulated clouds; RequestQueue picks one by demo mode),
// the clock, storage, and file save/open + clipboard (FileDialogs). Nothing
// here points into AppState: demo mode reaches controllers through Controller.
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
    platform::FileDialogs& files;             // downloads, file picker, clipboard
};

}  // namespace ud::app
