// The Viewer's insights above the table: what spiked, and the comparison with a kept earlier report.
#pragma once

#include "app/app_state.h"
#include "app/intents.h"
#include "ui/ui_state.h"

namespace ud::ui {

void drawViewerInsights(const app::ViewerState& viewer, UiState& ui, app::Intents& intents);

}  // namespace ud::ui
