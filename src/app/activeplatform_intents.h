// What the user asks of the ActivePlatform section (imperative). The UI appends them;
// ActivePlatformController applies them in order once per frame.
#pragma once

#include <variant>

namespace ud::app {

using ActivePlatformIntent = std::variant<std::monostate>;

}  // namespace ud::app
