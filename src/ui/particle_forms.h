// Edit buffers and UI-only choices of the Particle section (InputText needs a
// place to write). Owned by UiState, never function statics. The password
// buffer is cleared as soon as the login succeeds; the token buffer once it
// has been handed to the controller and accepted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "app/particle_state.h"
#include "core/particle/particle_api.h"
#include "ui/chart_widget.h"

namespace ud::ui {

struct ParticleForms {
    std::string token;
    bool show_token = false;
    bool remember = false;
    std::string email;
    std::string password;
    std::int64_t lifetime_s = core::kDefaultTokenLifetime;  // one of core::kTokenLifetimeChoices; 0 = never
    std::string otp;
    std::size_t seen_revision = static_cast<std::size_t>(-1);  // ParticleState::form_revision copied
    app::ReportForm report;
    ChartCanvas forecast_chart;  // the report's days and the projection
    // Each listed report's phase and outcome line as last drawn: a report that
    // is new or changed (ready, failed, downloaded) is scrolled into view, once,
    // when it is outside the panel.
    std::map<std::string, std::string> report_news;
    bool reports_drawn = false;  // the list was drawn once: what it holds then is not news
    // The row being scrolled into view, for a few frames: the panel's scroll
    // range grows a frame after the row does, so one scroll can stop short.
    std::string scroll_to;
    int scroll_frames = 0;
};

}  // namespace ud::ui
