// What the user asked for (imperative). UI code appends intents; the
// controller applies them once per frame, in order. Events that happened
// (responses, timers) are the controller's business and live elsewhere.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "app/activeplatform_intents.h"
#include "app/app_state.h"
#include "app/particle_intents.h"
#include "app/viewer_intents.h"

namespace ud::app {

struct SelectSection { Section section; };
struct SaveSettings { Settings settings; };
struct ResetSettings {};
struct DismissNotice {};
struct EnterDemoMode {};
struct LeaveDemoMode {};
// Settings > Theme: takes effect and is saved at once (the addresses wait for Save).
struct ChooseTheme { ThemeChoice theme = ThemeChoice::System; };
// A chart the UI rendered offscreen, to be saved as a PNG download. `rgba`:
// width * height * 4 bytes, rows top to bottom.
struct SaveChartPng {
    std::string file_name;
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;
};

using Intent = std::variant<SelectSection, SaveSettings, ResetSettings, DismissNotice, EnterDemoMode, LeaveDemoMode,
                            ChooseTheme, SaveChartPng, ParticleIntent, ViewerIntent, ActivePlatformIntent>;
using Intents = std::vector<Intent>;

}  // namespace ud::app
