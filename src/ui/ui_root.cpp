// Top-level layout. Panels are drawn by their own files; this file only
// arranges them and owns the sidebar.
#include "ui/ui_root.h"

#include <imgui.h>

#include "ui/panel_activeplatform.h"
#include "ui/panel_particle.h"
#include "ui/panel_settings.h"
#include "ui/panel_viewer.h"
#include "ui/widgets.h"

namespace ud::ui {
namespace {

constexpr app::Section kSections[] = {app::Section::Particle, app::Section::ActivePlatform, app::Section::Viewer,
                                      app::Section::Settings};

void drawSidebar(const app::AppState& state, UiState& ui, app::Intents& intents) {
    ImGui::SetWindowFontScale(1.35f);
    ImGui::TextUnformatted("UsageDesk");
    ImGui::SetWindowFontScale(1.0f);
    if (state.demo_mode) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.95f, 0.55f, 0.10f, 1.0f), "DEMO");
    }
    mutedText("Cloud usage, fetched and understood.");
    if (state.demo_mode && actionButton(ui.widgets, "demo.leave", "Leave the demo"))
        intents.push_back(app::LeaveDemoMode{});
    ImGui::Separator();
    ImGui::Spacing();
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.0f, 0.5f));
    for (app::Section s : kSections) {
        std::string id = std::string("nav.") + app::idFromSection(s);
        if (ImGui::Selectable(app::labelFromSection(s), state.section == s, 0, ImVec2(0, 28 * 1.0f)))
            intents.push_back(app::SelectSection{s});
        markItem(ui.widgets, id, app::labelFromSection(s));
    }
    drawParticleSidebar(state, ui, intents);
    ImGui::PopStyleVar();
}

void drawSection(const app::AppState& state, UiState& ui, app::Intents& intents) {
    switch (state.section) {
        case app::Section::Settings:
            drawSettingsPanel(state, ui.settings_form, ui.widgets, intents);
            break;
        case app::Section::Particle:
            drawParticleSection(state, ui, intents);
            break;
        case app::Section::ActivePlatform:
            drawActivePlatformSection(state, ui, intents);
            break;
        case app::Section::Viewer:
            drawViewerSection(state, ui, intents);
            break;
    }
}

}  // namespace

void drawUi(const app::AppState& state, UiState& ui, app::Intents& intents) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
    ImGui::Begin("##root", nullptr, flags);

    float sidebar_w = vp->WorkSize.x < 900 ? 170.0f : 210.0f;
    float notice_h = state.notice.empty() ? 0.0f : ImGui::GetFrameHeightWithSpacing() + 4;
    ImGui::BeginChild("##sidebar", ImVec2(sidebar_w, -notice_h), true);
    drawSidebar(state, ui, intents);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    ImGui::BeginChild("##main", ImVec2(0, -notice_h), false);
    drawSection(state, ui, intents);
    ImGui::EndChild();
    ImGui::PopStyleColor();

    if (!state.notice.empty()) {
        ImGui::TextUnformatted(state.notice.c_str());
        ImGui::SameLine();
        if (actionButton(ui.widgets, "notice.dismiss", "Dismiss")) intents.push_back(app::DismissNotice{});
    }
    ImGui::End();
}

}  // namespace ud::ui
