// ParticleState as JSON for the browser test hook. Secrets only as booleans.
#include "app/state_json.h"

namespace ud::app {

nlohmann::json jsonFromParticleState(const ParticleState& state) {
    (void)state;
    return nlohmann::json::object();
}

}  // namespace ud::app
