// The Viewer's insights above the table (issue 14): what spiked in the usage
// report on screen (Show filters the table to it), and the comparison with a
// kept earlier report: totals and change, the lines by device or product sorted
// by the size of the change (new and gone marked), both files day by day from
// each one's first day, and CSV export.
#include "ui/panel_viewer_insights.h"

#include <imgui.h>

#include "ui/chart_widget.h"
#include "ui/spike_list.h"
#include "ui/table_widget.h"
#include "ui/widgets.h"

namespace ud::ui {
namespace {

void push(app::Intents& intents, app::ViewerIntent intent) { intents.push_back(app::Intent{std::move(intent)}); }

std::string changeText(const core::CompareLine& l) {
    std::string text = (l.change.isNegative() ? "" : "+") + core::formatDecimal(l.change, 0);
    text += l.change_percent ? " (" + std::string(l.change_percent->isNegative() ? "" : "+") +
                                   core::formatDecimal(*l.change_percent, 1) + " %)"
                             : std::string(" (no percentage: nothing before)");
    return text;
}

void drawSpikes(const app::ViewerInsights& in, UiState& ui, app::Intents& intents) {
    if (!in.spikes) return;
    const std::string title = "What spiked (" + std::to_string(in.spikes->spikes.size()) + ", by " + in.spike_key_name + ")";
    const bool open = ImGui::CollapsingHeader((title + "###viewer.spikes").c_str());
    markItem(ui.widgets, "viewer.spikes", title);
    if (!open) return;
    if (auto i = drawSpikeList("viewer.spikes", *in.spikes, in.spike_rule, 0, false, ui.widgets))
        push(intents, app::ShowReportSpike{*i});
}

void drawComparison(const app::ViewerState& v, UiState& ui, app::Intents& intents) {
    const app::ViewerInsights& in = v.insights;
    WidgetRegistry& reg = ui.widgets;
    if (in.earlier_name.empty()) {
        if (actionButton(reg, "viewer.keep", "Keep as earlier period"))
            push(intents, app::KeepAsEarlierPeriod{});
        if (!isNarrowLayout()) ImGui::SameLine();  // a phone: the hint under the button
        mutedText("then open another report to compare the two");
        return;
    }
    const bool same = in.earlier_name == v.file_name && !in.compare;
    const std::string title = "Compare: " + in.earlier_name + " against " + v.file_name;
    if (!same) ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    const bool open = ImGui::CollapsingHeader((title + "###viewer.compare").c_str());
    markItem(reg, "viewer.compare", title);
    if (!open) return;
    if (actionButton(reg, "viewer.compare.forget", "Forget the earlier period")) push(intents, app::ForgetEarlierPeriod{});
    sameLineIfFits("Export comparison CSV");
    if (actionButton(reg, "viewer.compare.export", "Export comparison CSV", in.compare_table.has_value()))
        push(intents, app::ExportViewerComparison{});
    if (!in.message.empty()) successText(in.message);
    if (!in.compare_error.empty()) errorText(in.compare_error);
    if (!in.compare || !in.compare_table) return;
    for (const auto& t : in.compare->totals) {
        const std::string line = "Total " + core::formatDecimal(t.before, 0) + " -> " + core::formatDecimal(t.after, 0) +
                                 "   change " + changeText(t);
        ImGui::TextWrapped("%s", line.c_str());
        markItem(reg, "viewer.compare.total", line);
    }
    mutedText("Change % = (later - earlier) / earlier x 100, exact, rounded once to one decimal (half away from zero).");
    if (in.compare_chart) {
        const std::string title_chart = "Per day from each file's first day: " + v.file_name + " (bars) against " +
                                        in.earlier_name + " (line)";
        drawStackedChart("viewer.compare.chart", title_chart, in.compare_chart->view(), ui.chart_gpu,
                         ui.viewer.compare_chart, reg, 240);
    }
    std::vector<app::TableAction> actions;
    TableWidgetOptions options;
    options.height = 260;
    drawTableWidget("viewer.compare.table", *in.compare_table, in.compare_view, ui.viewer.compare_table, reg, actions,
                    options);
    for (auto& a : actions) push(intents, app::ViewerCompareTableAction{std::move(a)});
}

}  // namespace

void drawViewerInsights(const app::ViewerState& v, UiState& ui, app::Intents& intents) {
    drawSpikes(v.insights, ui, intents);
    drawComparison(v, ui, intents);
}

}  // namespace ud::ui
