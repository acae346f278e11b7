// ActivePlatform daily analytics: settings, fetch, typed table, totals per currency (issue 7).
// State owned by the App, changed only by ActivePlatformController, read by the UI.
#pragma once

namespace ud::app {

struct ActivePlatformState {
};

}  // namespace ud::app
