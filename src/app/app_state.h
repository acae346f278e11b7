// Everything the UI shows, owned by the App and changed only by the
// controller. UI code reads it through a const reference.
#pragma once

#include <string>
#include <vector>

#include "app/activeplatform_state.h"
#include "app/particle_state.h"
#include "app/settings.h"
#include "app/viewer_state.h"

namespace ud::app {

// Sidebar sections. The order here is the order in the sidebar.
enum class Section { Particle, ActivePlatform, Viewer, Settings };
const char* labelFromSection(Section section);
const char* idFromSection(Section section);  // stable ids for the test hook

struct AppState {
    Section section = Section::Particle;
    Settings settings;
    bool demo_mode = false;    // simulated clouds inside the page, no network
    bool offline = false;      // the browser says there is no network (NetworkChanged)
    std::string notice;        // one-line app-wide message (e.g. "Settings saved")
    bool system_dark = false;  // the system's colour scheme (ThemeChanged), kept current by the page
    bool dark_theme = false;   // what is drawn: settings.theme, or system_dark for ThemeChoice::System
    double pixel_ratio = 1;    // devicePixelRatio the font is rasterised at (PixelRatioChanged)
    int canvas_width = 0;      // CSS pixels (Resized)
    int canvas_height = 0;
    std::vector<std::string> fonts;  // font files drawing text: the embedded UI subset, then any data needed
    ParticleState particle;
    ViewerState viewer;
    ActivePlatformState activeplatform;
};

}  // namespace ud::app
