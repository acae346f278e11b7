#pragma once

#include "app/app_state.h"
#include "app/intents.h"
#include "ui/ui_state.h"

namespace ud::ui {

// The Particle section: every panel of it, in the main area.
void drawParticleSection(const app::AppState& state, UiState& ui, app::Intents& intents);
// The scope list under the sidebar's navigation (sandbox and organizations), once signed in.
void drawParticleSidebar(const app::AppState& state, UiState& ui, app::Intents& intents);

}  // namespace ud::ui
