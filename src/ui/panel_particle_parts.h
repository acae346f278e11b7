// The Particle section's panels, shared between its files (not a public header).
#pragma once

#include "app/app_state.h"
#include "app/intents.h"
#include "ui/ui_state.h"

namespace ud::ui {

void pushParticle(app::Intents& intents, app::ParticleIntent intent);
// "Developer sandbox", or the organization's name.
const char* scopeLabel(const app::ParticleState& state, const core::Scope& scope);

// The usage rows (a bar, the forecast): the value in a column 170 px from the
// label on a wide screen, under its label on a narrow one. Call after the label.
inline constexpr float kUsageValueColumn = 170.0f;
void usageValueColumn();
// panel_particle_usage.cpp: the scope's agreement, billing period, usage bars, notifications.
void drawUsagePanel(const app::AppState& state, UiState& ui, app::Intents& intents, core::Timestamp now);
// panel_particle_forecast.cpp: under the usage bars, where the period is heading.
void drawForecastPanel(const app::AppState& state, UiState& ui);
// panel_particle_reports.cpp: the request form, and the list of reports with their actions.
void drawRequestPanel(const app::AppState& state, UiState& ui, app::Intents& intents);
void drawReportsPanel(const app::AppState& state, UiState& ui, app::Intents& intents, core::Timestamp now);

}  // namespace ud::ui
