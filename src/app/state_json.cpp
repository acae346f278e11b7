// Serialises AppState for tests; secrets appear only as booleans.
#include "app/state_json.h"

#include <nlohmann/json.hpp>

namespace ud::app {

nlohmann::json jsonFromError(const std::optional<core::Error>& error) {
    if (!error) return nullptr;
    return {{"kind", core::nameFromErrorKind(error->kind)}, {"status", error->http_status}, {"message", error->message}};
}

std::string jsonFromAppState(const AppState& state) {
    nlohmann::json j;
    j["section"] = idFromSection(state.section);
    j["demo_mode"] = state.demo_mode;
    j["offline"] = state.offline;
    j["notice"] = state.notice;
    j["dark_theme"] = state.dark_theme;
    j["system_dark"] = state.system_dark;
    j["pixel_ratio"] = state.pixel_ratio;
    j["fonts"] = state.fonts;
    j["settings"] = {{"particle_base_url", state.settings.particle_base_url},
                     {"activeplatform_base_url", state.settings.activeplatform_base_url},
                     {"theme", nameFromThemeChoice(state.settings.theme)}};
    j["particle"] = jsonFromParticleState(state.particle);
    j["viewer"] = jsonFromViewerState(state.viewer);
    j["activeplatform"] = jsonFromActivePlatformState(state.activeplatform);
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);  // file text may not be UTF-8
}

}  // namespace ud::app
