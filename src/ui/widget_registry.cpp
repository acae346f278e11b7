// Widget rectangles for the test hook, and their JSON form.
#include "ui/widget_registry.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "ui/font_atlas.h"

namespace ud::ui {

std::string WidgetRegistry::json() const {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [name, r] : rects_)
        j[name] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}, {"enabled", r.enabled}, {"active", r.active}, {"label", r.label}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);  // labels may come from files
}

void markItem(WidgetRegistry& registry, const std::string& name, const std::string& label) {
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    // Clip to the current window so a scrolled-away widget is not "clickable".
    ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    bool visible = max.y > clip.Min.y && min.y < clip.Max.y && max.x > clip.Min.x && min.x < clip.Max.x;
    if (!visible) return;
    noteDataText(label);  // a label may carry data (an org, device or file name)
    // Only the visible part: a click at its centre must land on the widget.
    min = ImVec2(std::max(min.x, clip.Min.x), std::max(min.y, clip.Min.y));
    max = ImVec2(std::min(max.x, clip.Max.x), std::min(max.y, clip.Max.y));
    WidgetRect r{min.x, min.y, max.x - min.x, max.y - min.y, !(GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled),
                 label, ImGui::IsItemActive()};
    registry.put(name, r);
}

}  // namespace ud::ui
