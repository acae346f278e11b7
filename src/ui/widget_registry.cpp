// Widget rectangles for the test hook, and their JSON form.
#include "ui/widget_registry.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <nlohmann/json.hpp>

namespace ud::ui {

std::string WidgetRegistry::json() const {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [name, r] : rects_)
        j[name] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}, {"enabled", r.enabled}, {"label", r.label}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);  // labels may come from files
}

void markItem(WidgetRegistry& registry, const std::string& name, const std::string& label) {
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    // Clip to the current window so a scrolled-away widget is not "clickable".
    ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
    bool visible = max.y > clip.Min.y && min.y < clip.Max.y && max.x > clip.Min.x && min.x < clip.Max.x;
    if (!visible) return;
    WidgetRect r{min.x, min.y, max.x - min.x, max.y - min.y, !(GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled), label};
    registry.put(name, r);
}

}  // namespace ud::ui
