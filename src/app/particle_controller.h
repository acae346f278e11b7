// Particle Cloud: login, scope, agreements, report requests and their polling (issue 5).
// Turns Particle intents into requests and answers into ParticleState. No timer, no
// thread: the App's Controller calls tick() each loop and asks nextWakeAt().
#pragma once

#include "app/particle_intents.h"
#include "app/particle_state.h"
#include "app/services.h"

namespace ud::app {

class ParticleController {
public:
    ParticleController(ParticleState& state, Services services) : state_(state), services_(services) {}
    void apply(const ParticleIntent& intent);
    void tick();
    core::Timestamp nextWakeAt() const;  // -1 when nothing is scheduled
    bool isAnimating() const;

private:
    ParticleState& state_;
    Services services_;
};

}  // namespace ud::app
