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
    for (const auto& [name, r] : rects_) {
        j[name] = {{"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}, {"enabled", r.enabled}, {"active", r.active},
                   {"overflow", r.overflow}, {"label", r.label}};
        if (r.presses >= 0) j[name]["presses"] = r.presses;
    }
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);  // labels may come from files
}

std::string WidgetRegistry::textFieldsJson() const {
    nlohmann::json j = nlohmann::json::array();
    for (const TextField& f : text_fields_)
        j.push_back({{"name", f.name}, {"x", f.rect.x}, {"y", f.rect.y}, {"w", f.rect.w}, {"h", f.rect.h},
                     {"active", f.rect.active}, {"autocomplete", f.autocomplete}, {"password", f.password},
                     {"text", f.text}, {"label", f.label}});
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<std::string> WidgetRegistry::takePageText(const std::string& name) {
    auto it = page_input_.text.find(name);
    if (it == page_input_.text.end()) return std::nullopt;
    std::string text = std::move(it->second);
    page_input_.text.erase(it);
    return text;
}

bool WidgetRegistry::takePageFocus(const std::string& name) {
    if (page_input_.focus != name) return false;
    page_input_.focus.clear();
    return true;
}

void markItem(WidgetRegistry& registry, const std::string& name, const std::string& label) {
    const bool pressable = GImGui->LastItemData.ID != 0;  // text and separators have no ID
    const int presses = pressable ? registry.notePress(name, ImGui::IsItemActivated()) : -1;
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    // Clip to the current window so a scrolled-away widget is not "clickable".
    const ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImRect clip = window->ClipRect;
    bool visible = max.y > clip.Min.y && min.y < clip.Max.y && max.x > clip.Min.x && min.x < clip.Max.x;
    if (!visible) return;
    noteDataText(label);  // a label may carry data (an org, device or file name)
    // Selectables reach half an item spacing past the content on purpose.
    const float slack = ImGui::GetStyle().ItemSpacing.x * 0.5f + 1.0f;
    const bool overflow = !window->ScrollbarX &&
                          (min.x < window->InnerClipRect.Min.x - slack || max.x > window->InnerClipRect.Max.x + slack);
    // Only the visible part: a click at its centre must land on the widget.
    min = ImVec2(std::max(min.x, clip.Min.x), std::max(min.y, clip.Min.y));
    max = ImVec2(std::min(max.x, clip.Max.x), std::min(max.y, clip.Max.y));
    WidgetRect r{min.x, min.y, max.x - min.x, max.y - min.y, !(GImGui->CurrentItemFlags & ImGuiItemFlags_Disabled),
                 label, ImGui::IsItemActive(), presses, overflow};
    registry.put(name, r);
}

}  // namespace ud::ui
