// The app state as JSON for the browser test hook (window.usagedesk.state()).
// Never includes secrets: tokens and passwords are reported only as present/absent.
#pragma once

#include <string>

#include "app/app_state.h"

namespace ud::app {

std::string jsonFromAppState(const AppState& state);

}  // namespace ud::app
