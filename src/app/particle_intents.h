// What the user asks of the Particle section (imperative). The UI appends them;
// ParticleController applies them in order once per frame.
#pragma once

#include <variant>

namespace ud::app {

using ParticleIntent = std::variant<std::monostate>;

}  // namespace ud::app
