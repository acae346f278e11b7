// ParticleController: applies Particle intents and answers to ParticleState.
#include "app/particle_controller.h"

namespace ud::app {

void ParticleController::apply(const ParticleIntent& intent) { (void)intent; (void)state_; (void)services_; }
void ParticleController::tick() {}
core::Timestamp ParticleController::nextWakeAt() const { return -1; }
bool ParticleController::isAnimating() const { return false; }

}  // namespace ud::app
