// The spike list widget (see spike_list.h). Text comes from core (explainSpike).
#include "ui/spike_list.h"

#include <imgui.h>

#include <algorithm>

#include "ui/widgets.h"

namespace ud::ui {

std::optional<std::size_t> drawSpikeList(const std::string& id, const core::SpikeList& spikes,
                                         const core::SpikeRule& rule, int decimals, bool money, WidgetRegistry& reg) {
    std::optional<std::size_t> clicked;
    const std::string rule_text = "Rule: " + core::textFromSpikeRule(rule, decimals) +
                                  (money ? " (per currency)" : "") + " Range " + core::isoFromDate(spikes.range.first) +
                                  " to " + core::isoFromDate(spikes.range.last) + ".";
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", rule_text.c_str());
    ImGui::PopStyleColor();
    markItem(reg, id + ".rule", rule_text);
    if (spikes.spikes.empty()) {
        mutedText("Nothing spiked: no day passes the rule.");
        markItem(reg, id + ".empty");
        return clicked;
    }
    const float row = ImGui::GetFrameHeightWithSpacing();
    const float height = std::min(static_cast<float>(spikes.spikes.size()), 8.0f) * row + 4;
    // A phone: long lines scroll sideways rather than wrap (the clipper needs even rows).
    const bool narrow = isNarrowLayout();
    ImGui::BeginChild((id + ".list").c_str(), ImVec2(0, height + (narrow ? ImGui::GetStyle().ScrollbarSize : 0.0f)), true,
                      narrow ? ImGuiWindowFlags_HorizontalScrollbar : 0);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(spikes.spikes.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const core::Spike& s = spikes.spikes[static_cast<std::size_t>(i)];
            ImGui::PushID(i);
            const std::string n = std::to_string(i);
            if (ImGui::SmallButton("Show")) clicked = static_cast<std::size_t>(i);
            markItem(reg, id + ".show." + n, "Show");
            ImGui::SameLine();
            const std::string text = core::explainSpike(s, decimals, money ? s.currency : std::string());
            ImGui::TextUnformatted(text.c_str());
            markItem(reg, id + ".item." + n, text);
            ImGui::PopID();
        }
    }
    ImGui::EndChild();
    if (spikes.more > 0) mutedText(("and " + std::to_string(spikes.more) + " more, left out").c_str());
    return clicked;
}

}  // namespace ud::ui
