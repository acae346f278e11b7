// ActivePlatformController: applies ActivePlatform intents and answers to ActivePlatformState.
#include "app/activeplatform_controller.h"

namespace ud::app {

void ActivePlatformController::apply(const ActivePlatformIntent& intent) { (void)intent; (void)state_; (void)services_; }
void ActivePlatformController::tick() {}
core::Timestamp ActivePlatformController::nextWakeAt() const { return -1; }
bool ActivePlatformController::isAnimating() const { return false; }

}  // namespace ud::app
