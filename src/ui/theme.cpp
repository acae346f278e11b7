// ImGui style for UsageDesk: roomier spacing than ImGui's defaults, rounded
// frames, and an accent colour shared by both schemes.
#include "ui/theme.h"

#include <imgui.h>

namespace ud::ui {

void applyTheme(bool dark) {
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    if (dark)
        ImGui::StyleColorsDark(&s);
    else
        ImGui::StyleColorsLight(&s);
    s.WindowPadding = ImVec2(14, 12);
    s.FramePadding = ImVec2(8, 5);
    s.ItemSpacing = ImVec2(10, 8);
    s.ItemInnerSpacing = ImVec2(6, 6);
    s.ScrollbarSize = 14;
    s.WindowRounding = 0;
    s.FrameRounding = 4;
    s.GrabRounding = 4;
    s.TabRounding = 4;
    s.WindowBorderSize = 0;
    s.FrameBorderSize = dark ? 0.0f : 1.0f;
    ImVec4 accent = ImVec4(0.12f, 0.47f, 0.85f, 1.0f);
    s.Colors[ImGuiCol_Button] = ImVec4(accent.x, accent.y, accent.z, dark ? 0.55f : 0.18f);
    s.Colors[ImGuiCol_ButtonHovered] = ImVec4(accent.x, accent.y, accent.z, dark ? 0.8f : 0.35f);
    s.Colors[ImGuiCol_ButtonActive] = accent;
    s.Colors[ImGuiCol_CheckMark] = accent;
    s.Colors[ImGuiCol_Header] = ImVec4(accent.x, accent.y, accent.z, dark ? 0.45f : 0.20f);
    s.Colors[ImGuiCol_HeaderHovered] = ImVec4(accent.x, accent.y, accent.z, dark ? 0.65f : 0.32f);
    s.Colors[ImGuiCol_HeaderActive] = ImVec4(accent.x, accent.y, accent.z, dark ? 0.85f : 0.45f);
    if (!dark) {
        s.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
        s.Colors[ImGuiCol_ChildBg] = ImVec4(0.93f, 0.94f, 0.96f, 1.0f);
        s.Colors[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
        s.Colors[ImGuiCol_Border] = ImVec4(0.78f, 0.80f, 0.84f, 1.0f);
    }
}

}  // namespace ud::ui
