// Report viewer: the loaded CSV table, its view (filter/sort/group), charts and export (issue 6).
// State owned by the App, changed only by ViewerController, read by the UI.
#pragma once

namespace ud::app {

struct ViewerState {
};

}  // namespace ud::app
