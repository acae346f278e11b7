// What spiked in the fetched range: category days over the rule, per currency;
// Show filters the items table to that category, day and currency.
#include <imgui.h>

#include "ui/panel_activeplatform_insights.h"
#include "ui/spike_list.h"
#include "ui/widgets.h"

namespace ud::ui {

void drawAnalyticsSpikes(const app::ActivePlatformState& s, UiState& ui, app::Intents& intents) {
    if (!s.spikes && s.spike_error.empty()) return;
    ImGui::Spacing();
    const std::string title = "What spiked" + (s.spikes ? " (" + std::to_string(s.spikes->spikes.size()) + ")" : std::string());
    const bool open = ImGui::CollapsingHeader((title + "###ap.spikes").c_str(), ImGuiTreeNodeFlags_DefaultOpen);
    markItem(ui.widgets, "ap.spikes", title);
    if (!open) return;
    if (!s.spike_error.empty()) {
        mutedText(s.spike_error.c_str());
        return;
    }
    if (auto i = drawSpikeList("ap.spikes", *s.spikes, s.spike_rule, 2, true, ui.widgets))
        intents.push_back(app::Intent{app::ActivePlatformIntent{app::ShowSpike{*i}}});
}

}  // namespace ud::ui
