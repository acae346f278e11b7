// Report viewer: the loaded CSV table, its view (filter/sort/group), charts and export (issue 6).
// Turns Viewer intents into requests and answers into ViewerState. No timer, no
// thread: the App's Controller calls tick() each loop and asks nextWakeAt().
#pragma once

#include "app/viewer_intents.h"
#include "app/viewer_state.h"
#include "app/services.h"

namespace ud::app {

class ViewerController {
public:
    ViewerController(ViewerState& state, Services services) : state_(state), services_(services) {}
    void apply(const ViewerIntent& intent);
    void tick();
    core::Timestamp nextWakeAt() const;  // -1 when nothing is scheduled
    bool isAnimating() const;

private:
    ViewerState& state_;
    Services services_;
};

}  // namespace ud::app
