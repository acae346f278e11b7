// The ActivePlatform insights under the totals (issue 14), one panel per file:
//   panel_activeplatform_forecast.cpp  the month-end forecast per currency
//   panel_activeplatform_spikes.cpp    what spiked (category days over the rule)
//   panel_activeplatform_compare.cpp   this month against last month, or two ranges
#pragma once

#include "app/app_state.h"
#include "app/intents.h"
#include "ui/ui_state.h"

namespace ud::ui {

void drawAnalyticsForecast(const app::ActivePlatformState& state, UiState& ui);
void drawAnalyticsSpikes(const app::ActivePlatformState& state, UiState& ui, app::Intents& intents);
void drawAnalyticsCompare(const app::ActivePlatformState& state, UiState& ui, app::Intents& intents);

}  // namespace ud::ui
