// What the user asks of the Viewer section (imperative). The UI appends them;
// ViewerController applies them in order once per frame.
#pragma once

#include <variant>

namespace ud::app {

using ViewerIntent = std::variant<std::monostate>;

}  // namespace ud::app
