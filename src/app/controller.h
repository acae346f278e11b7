// Turns intents into state changes and requests, and responses into state.
// Owns no timer and no thread: the main loop calls apply() with the frame's
// intents and tick() with the time, and asks nextWakeAt() when to come back.
#pragma once

#include "app/app_state.h"
#include "app/intents.h"
#include "platform/clock.h"
#include "platform/http_transport.h"
#include "platform/key_value_store.h"

namespace ud::app {

struct Services {
    platform::HttpTransport& transport;
    const platform::Clock& clock;
    platform::KeyValueStore& store;
};

class Controller {
public:
    Controller(AppState& state, Services services);

    void loadSaved();                 // settings from the store, at start-up
    void apply(const Intents& intents);
    void tick();                      // deliver finished requests, run due timers
    core::Timestamp nextWakeAt() const;  // -1 when nothing is scheduled
    bool isAnimating() const;        // a spinner or countdown is on screen

private:
    void applyOne(const Intent& intent);

    AppState& state_;
    Services services_;
};

}  // namespace ud::app
