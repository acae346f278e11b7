// What the user asked for (imperative). UI code appends intents; the
// controller applies them once per frame, in order. Events that happened
// (responses, timers) are the controller's business and live elsewhere.
#pragma once

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

using Intent = std::variant<SelectSection, SaveSettings, ResetSettings, DismissNotice, EnterDemoMode, LeaveDemoMode,
                            ParticleIntent, ViewerIntent, ActivePlatformIntent>;
using Intents = std::vector<Intent>;

}  // namespace ud::app
