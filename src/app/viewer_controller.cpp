// ViewerController: applies Viewer intents and answers to ViewerState.
#include "app/viewer_controller.h"

namespace ud::app {

void ViewerController::apply(const ViewerIntent& intent) { (void)intent; (void)state_; (void)services_; }
void ViewerController::tick() {}
core::Timestamp ViewerController::nextWakeAt() const { return -1; }
bool ViewerController::isAnimating() const { return false; }

}  // namespace ud::app
