// The Particle forecast in app state (issue 14): the daily data a report gives
// it and its recomputation. Plain functions over ParticleState, called by
// ParticleController (after a report CSV arrives, and on every tick; the
// inputs key makes an unchanged state cost one string compare).
#pragma once

#include <optional>
#include <string>

#include "app/particle_state.h"

namespace ud::app {

// The report's daily data operations (date x count summed), or nullopt when
// the CSV has no date or count column.
std::optional<ParticleReportDaily> reportDailyFromCsv(const std::string& csv, const core::ReportRecord& record,
                                                      std::string file_name);
// Recomputes state.forecast for the chosen agreement at state.now.
void refreshParticleForecast(ParticleState& state);

}  // namespace ud::app
