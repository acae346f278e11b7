// ActivePlatform daily analytics: settings, fetch, typed table, totals per currency (issue 7).
// Turns ActivePlatform intents into requests and answers into ActivePlatformState. No timer, no
// thread: the App's Controller calls tick() each loop and asks nextWakeAt().
#pragma once

#include "app/activeplatform_intents.h"
#include "app/activeplatform_state.h"
#include "app/services.h"

namespace ud::app {

class ActivePlatformController {
public:
    ActivePlatformController(ActivePlatformState& state, Services services) : state_(state), services_(services) {}
    void apply(const ActivePlatformIntent& intent);
    void tick();
    core::Timestamp nextWakeAt() const;  // -1 when nothing is scheduled
    bool isAnimating() const;

private:
    ActivePlatformState& state_;
    Services services_;
};

}  // namespace ud::app
