// Settings panel: API base URLs with inline validation, save and reset; the theme.
#include "ui/panel_settings.h"

#include <imgui.h>

#include "ui/widgets.h"

namespace ud::ui {
namespace {

// Applied and saved at once: a theme is judged by seeing it.
void themeChoice(const app::AppState& state, SettingsForm& form, WidgetRegistry& reg, app::Intents& intents) {
    static constexpr struct { const char* id; const char* label; app::ThemeChoice choice; } kChoices[] = {
        {"settings.theme.system", "As the system", app::ThemeChoice::System},
        {"settings.theme.light", "Light", app::ThemeChoice::Light},
        {"settings.theme.dark", "Dark", app::ThemeChoice::Dark}};
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Theme");
    for (const auto& c : kChoices) {
        sameLineIfFits(checkWidth(c.label));
        if (ImGui::RadioButton(c.label, state.settings.theme == c.choice) && state.settings.theme != c.choice) {
            form.edit.theme = c.choice;  // a later Save keeps it
            intents.push_back(app::ChooseTheme{c.choice});
        }
        markItem(reg, c.id, c.label);
    }
}

}  // namespace

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
    themeChoice(state, form, reg, intents);
    ImGui::Spacing();
    if (actionButton(reg, "settings.save", "Save settings")) {
        auto p = app::validateBaseUrl(form.edit.particle_base_url);
        auto a = app::validateBaseUrl(form.edit.activeplatform_base_url);
        form.particle_error = p ? "" : p.error().message;
        form.activeplatform_error = a ? "" : a.error().message;
        if (p && a) intents.push_back(app::SaveSettings{form.edit});
    }
    sameLineIfFits("Reset to defaults");
    if (actionButton(reg, "settings.reset", "Reset to defaults")) {
        intents.push_back(app::ResetSettings{});
        form = SettingsForm{};
    }
}

}  // namespace ud::ui
