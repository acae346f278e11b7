// The Particle section's panels.
#include "ui/panel_particle.h"

#include "ui/widgets.h"

namespace ud::ui {

void drawParticleSection(const app::AppState& state, UiState& ui, app::Intents& intents) {
    (void)state;
    (void)ui;
    (void)intents;
    sectionTitle("Particle data operations");
    mutedText("Log in to the Particle Cloud to request and read data operations usage reports.");
}

}  // namespace ud::ui
