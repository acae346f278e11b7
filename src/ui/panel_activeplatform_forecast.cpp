// The month-end forecast per currency (core/activeplatform/activeplatform_forecast):
// one sentence per currency, the method and its numbers on hover and in a details line.
#include <imgui.h>

#include "ui/panel_activeplatform_insights.h"
#include "ui/widgets.h"

namespace ud::ui {

void drawAnalyticsForecast(const app::ActivePlatformState& s, UiState& ui) {
    if (!s.forecast) return;
    WidgetRegistry& reg = ui.widgets;
    ImGui::Spacing();
    ImGui::TextUnformatted("Month-end forecast");
    if (s.forecast->currencies.empty() || !s.forecast->notice.empty()) {
        mutedText(s.forecast->notice.c_str());
        markItem(reg, "ap.forecast.notice", s.forecast->notice);
        return;
    }
    for (const core::CurrencyForecast& c : s.forecast->currencies) {
        ImGui::Bullet();
        if (c.status == core::ForecastStatus::Ready) ImGui::TextWrapped("%s", c.sentence.c_str());
        else mutedText(c.sentence.c_str());
        markItem(reg, "ap.forecast." + c.currency, c.sentence);
        hoverDetails(c.details);
    }
    if (ImGui::TreeNode("How the forecast is computed")) {
        for (const core::CurrencyForecast& c : s.forecast->currencies) {
            if (c.details.empty()) continue;
            ImGui::TextWrapped("%s: %s", c.currency.c_str(), c.details.c_str());
            markItem(reg, "ap.forecast.details." + c.currency, c.details);
        }
        ImGui::TreePop();
    }
    markItem(reg, "ap.forecast.how");
}

}  // namespace ud::ui
