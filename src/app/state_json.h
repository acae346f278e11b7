// The app state as JSON for the browser test hook (window.usagedesk.state()).
// Never includes secrets: tokens and passwords are reported only as present/absent.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/app_state.h"

namespace ud::app {

std::string jsonFromAppState(const AppState& state);
// {kind, status, message} or null: how every section reports its errors.
nlohmann::json jsonFromError(const std::optional<core::Error>& error);
// One per section, each in its section's *_state_json.cpp.
nlohmann::json jsonFromParticleState(const ParticleState& state);
nlohmann::json jsonFromViewerState(const ViewerState& state);
nlohmann::json jsonFromActivePlatformState(const ActivePlatformState& state);
// Insights (issue 14), in insights_state_json.cpp.
nlohmann::json jsonFromParticleForecast(const ParticleForecastState& forecast);
nlohmann::json jsonFromAnalyticsInsights(const ActivePlatformState& state);
nlohmann::json jsonFromSpikes(const std::optional<core::SpikeList>& spikes, int decimals);
nlohmann::json jsonFromComparison(const std::optional<core::PeriodComparison>& comparison);

}  // namespace ud::app
