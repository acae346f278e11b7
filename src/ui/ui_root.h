// The one window: sidebar (sources, settings) on the left, the chosen
// section's panels on the right, a notice line at the bottom.
#pragma once

#include "app/app_state.h"
#include "app/intents.h"
#include "ui/ui_state.h"

namespace ud::ui {

void drawUi(const app::AppState& state, UiState& ui, app::Intents& intents);

}  // namespace ud::ui
