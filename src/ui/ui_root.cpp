// Top-level layout. Panels are drawn by their own files; this file only
// arranges them and owns the sidebar, which on a narrow screen folds into a
// menu button above the panel.
#include "ui/ui_root.h"

#include <imgui.h>

#include <algorithm>

#include "ui/panel_activeplatform.h"
#include "ui/panel_particle.h"
#include "ui/panel_settings.h"
#include "ui/panel_viewer.h"
#include "ui/widgets.h"

namespace ud::ui {
namespace {

constexpr app::Section kSections[] = {app::Section::Particle, app::Section::ActivePlatform, app::Section::Viewer,
                                      app::Section::Settings};

void drawTitle(const app::AppState& state) {
    ImGui::SetWindowFontScale(1.35f);
    ImGui::TextUnformatted("UsageDesk");
    ImGui::SetWindowFontScale(1.0f);
    if (state.demo_mode) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.95f, 0.55f, 0.10f, 1.0f), "DEMO");
    }
}

void drawSidebar(const app::AppState& state, UiState& ui, app::Intents& intents) {
    if (!isNarrowLayout()) drawTitle(state);  // a narrow screen has it in the bar above
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

// A narrow screen: a bar with the menu button, the title and the section;
// the menu (the sidebar's content) takes the panel's place until a section
// or a scope is picked.
void drawNarrow(const app::AppState& state, UiState& ui, app::Intents& intents, float notice_h) {
    if (actionButton(ui.widgets, "nav.menu", ui.menu_open ? "Close menu" : "Menu")) ui.menu_open = !ui.menu_open;
    ImGui::SameLine();
    drawTitle(state);
    if (!ui.menu_open) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        mutedText(app::labelFromSection(state.section));
    }
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    ImGui::BeginChild("##main", ImVec2(0, -notice_h), false);
    if (ui.menu_open) {
        const std::size_t before = intents.size();
        drawSidebar(state, ui, intents);
        if (intents.size() != before) ui.menu_open = false;  // picked: show it
    } else {
        drawSection(state, ui, intents);
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void drawWide(const app::AppState& state, UiState& ui, app::Intents& intents, float notice_h) {
    ui.menu_open = false;
    float sidebar_w = ImGui::GetMainViewport()->WorkSize.x < 900 ? 170.0f : 210.0f;
    ImGui::BeginChild("##sidebar", ImVec2(sidebar_w, -notice_h), true);
    drawSidebar(state, ui, intents);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    ImGui::BeginChild("##main", ImVec2(0, -notice_h), false);
    drawSection(state, ui, intents);
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace

void drawUi(const app::AppState& state, UiState& ui, app::Intents& intents) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
    ImGui::Begin("##root", nullptr, flags);

    const bool narrow = isNarrowLayout();
    // The notice line at the bottom; on a narrow screen Dismiss comes first and
    // the text wraps beside it, over as many lines as it needs.
    const ImGuiStyle& st = ImGui::GetStyle();
    const float dismiss_w = ImGui::CalcTextSize("Dismiss").x + st.FramePadding.x * 2 + st.ItemSpacing.x;
    const float notice_wrap = ImGui::GetContentRegionAvail().x - dismiss_w;
    float notice_h = 0.0f;
    if (!state.notice.empty())
        notice_h = narrow ? std::max(ImGui::GetFrameHeight(),
                                     ImGui::CalcTextSize(state.notice.c_str(), nullptr, false, notice_wrap).y) +
                                st.ItemSpacing.y + 4
                          : ImGui::GetFrameHeightWithSpacing() + 4;
    if (narrow)
        drawNarrow(state, ui, intents, notice_h);
    else
        drawWide(state, ui, intents, notice_h);

    if (!state.notice.empty() && narrow) {
        if (actionButton(ui.widgets, "notice.dismiss", "Dismiss")) intents.push_back(app::DismissNotice{});
        ImGui::SameLine();
        ImGui::TextWrapped("%s", state.notice.c_str());
    } else if (!state.notice.empty()) {
        ImGui::TextUnformatted(state.notice.c_str());
        ImGui::SameLine();
        if (actionButton(ui.widgets, "notice.dismiss", "Dismiss")) intents.push_back(app::DismissNotice{});
    }
    ImGui::End();
}

}  // namespace ud::ui
