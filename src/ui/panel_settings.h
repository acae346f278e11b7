#pragma once

#include "app/app_state.h"
#include "app/intents.h"
#include "ui/ui_state.h"

namespace ud::ui {

// API addresses and other settings; validates inline before saving.
void drawSettingsPanel(const app::AppState& state, SettingsForm& form, WidgetRegistry& reg, app::Intents& intents);

}  // namespace ud::ui
