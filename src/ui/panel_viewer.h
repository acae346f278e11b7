#pragma once

#include "app/app_state.h"
#include "app/intents.h"
#include "ui/ui_state.h"

namespace ud::ui {

// The Viewer section: every panel of it, in the main area.
void drawViewerSection(const app::AppState& state, UiState& ui, app::Intents& intents);

}  // namespace ud::ui
