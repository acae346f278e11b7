// Settings panel: API base URLs with inline validation, save and reset.
#include "ui/panel_settings.h"

#include <imgui.h>

#include "ui/widgets.h"

namespace ud::ui {

void drawSettingsPanel(const app::AppState& state, SettingsForm& form, WidgetRegistry& reg, app::Intents& intents) {
    if (!form.loaded) {
        form.edit = state.settings;
        form.loaded = true;
    }
    sectionTitle("Settings");
    mutedText("Where UsageDesk sends its requests. Point them at a local fake server or a same-origin proxy "
              "if your browser cannot reach the real API directly.");
    ImGui::Spacing();
    labelledInput(reg, "settings.particle_url", "Particle API address", form.edit.particle_base_url,
                  form.particle_error, "https://api.particle.io");
    labelledInput(reg, "settings.activeplatform_url", "ActivePlatform base URL", form.edit.activeplatform_base_url,
                  form.activeplatform_error, "https://your-platform.example or /ap/");
    ImGui::Spacing();
    if (actionButton(reg, "settings.save", "Save settings")) {
        auto p = app::validateBaseUrl(form.edit.particle_base_url);
        auto a = app::validateBaseUrl(form.edit.activeplatform_base_url);
        form.particle_error = p ? "" : p.error().message;
        form.activeplatform_error = a ? "" : a.error().message;
        if (p && a) intents.push_back(app::SaveSettings{form.edit});
    }
    ImGui::SameLine();
    if (actionButton(reg, "settings.reset", "Reset to defaults")) {
        intents.push_back(app::ResetSettings{});
        form = SettingsForm{};
    }
}

}  // namespace ud::ui
