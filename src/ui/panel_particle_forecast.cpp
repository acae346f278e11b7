// Under the data-operations bar: where the billing period is heading. One
// sentence, what happens at the thresholds (in sight when 100 % is near), the method and its numbers (on
// hover and as a details line), and with a report of this period its daily
// chart with the projection continuing to the period's end. The numbers and
// words come from core (particle_forecast); this file only lays them out.
#include <imgui.h>

#include <string>

#include "ui/chart_widget.h"
#include "ui/panel_particle_parts.h"
#include "ui/widgets.h"

namespace ud::ui {

void drawForecastPanel(const app::AppState& state, UiState& ui) {
    const app::ParticleForecastState& f = state.particle.forecast;
    if (!f.shown) return;
    WidgetRegistry& reg = ui.widgets;
    const core::ParticleForecast& fc = f.forecast;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Forecast");
    usageValueColumn();
    if (fc.status == core::ForecastStatus::Ready) ImGui::TextWrapped("%s", fc.sentence.c_str());
    else mutedText(fc.sentence.c_str());
    markItem(reg, "particle.forecast.sentence", fc.sentence);
    hoverDetails(fc.details);
    if (fc.status != core::ForecastStatus::Ready) return;
    const bool wide = !isNarrowLayout();
    if (wide) ImGui::Indent(kUsageValueColumn);
    // What happens at 70/90/100 % stays in sight when 100 % is near (reached
    // in this period, or projected past it); otherwise it waits in the details,
    // so the report list is not pushed below the fold.
    const core::Decimal one = core::Decimal::fromInt(1);
    const bool urgent = fc.full_date.has_value() || (f.projected_fraction && !(*f.projected_fraction < one));
    if (!fc.consequence.empty() && urgent) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
        ImGui::TextWrapped("%s", fc.consequence.c_str());
        ImGui::PopStyleColor();
        markItem(reg, "particle.forecast.consequence", fc.consequence);
    }
    if (ImGui::TreeNode(urgent ? "How this is computed" : "At 70, 90 and 100 %, and how this is computed")) {
        if (!urgent && !fc.consequence.empty()) {
            ImGui::TextWrapped("%s", fc.consequence.c_str());
            markItem(reg, "particle.forecast.consequence", fc.consequence);
        }
        ImGui::TextWrapped("%s", fc.details.c_str());
        markItem(reg, "particle.forecast.details", fc.details);
        ImGui::TreePop();
    }
    markItem(reg, "particle.forecast.how");
    if (wide) ImGui::Unindent(kUsageValueColumn);
    if (f.chart) {
        const std::string title = "Daily data operations from " + f.report_file + ", and the projection";
        drawStackedChart("particle.forecast.chart", title, f.chart->view(), ui.chart_gpu, ui.particle.forecast_chart,
                         reg, 220);
    }
}

}  // namespace ud::ui
