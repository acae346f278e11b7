// Particle Cloud: login, scope, agreements, report requests and their polling (issue 5).
// State owned by the App, changed only by ParticleController, read by the UI.
#pragma once

namespace ud::app {

struct ParticleState {
};

}  // namespace ud::app
