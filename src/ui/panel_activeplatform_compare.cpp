// Two ranges side by side: this month against last month (two requests) or any
// two ranges typed; the totals per currency with the change, the lines by the
// chosen key sorted by the size of the change (new and gone marked), a chart of
// both ranges day by day from their first days, and CSV export.
#include <imgui.h>

#include "core/base/date.h"
#include "ui/chart_widget.h"
#include "ui/panel_activeplatform_insights.h"
#include "ui/table_widget.h"
#include "ui/widgets.h"

namespace ud::ui {
namespace {

void push(app::Intents& intents, app::ActivePlatformIntent intent) { intents.push_back(app::Intent{std::move(intent)}); }

constexpr const char* kKeys[][2] = {{"category", "Category"},
                                    {"subcategory", "Subcategory"},
                                    {"resource_group", "Resource group"},
                                    {"resource_name", "Resource"}};

std::string changeText(const core::CompareLine& l) {
    std::string text = (l.change.isNegative() ? "" : "+") + core::formatMoney(l.change, l.currency);
    text += l.change_percent ? " (" + std::string(l.change_percent->isNegative() ? "" : "+") +
                                   core::formatDecimal(*l.change_percent, 1) + " %)"
                             : std::string(" (no percentage: nothing before)");
    return text;
}

// One short date field on the line ("earlier from", ...), named for the tests;
// on the next line when this one is full.
void dateField(UiState& ui, const char* id, const char* hint, std::string& text) {
    TextFieldOptions options;
    options.hint = hint;
    options.width = ImGui::GetFontSize() * 7;
    sameLineIfFits(options.width);
    textField(ui.widgets, id, text, options);
}

// A word between the controls of a line, or at the start of the next.
void joiningWord(const char* word, bool muted = false) {
    sameLineIfFits(ImGui::CalcTextSize(word).x);
    if (muted) mutedText(word);
    else ImGui::TextUnformatted(word);
}

void drawRangeInputs(ActivePlatformForms& f, UiState& ui, app::Intents& intents) {
    dateField(ui, "ap.compare.earlier.from", "earlier from", f.compare_earlier_from);
    dateField(ui, "ap.compare.earlier.to", "earlier to", f.compare_earlier_to);
    joiningWord("against");
    dateField(ui, "ap.compare.later.from", "later from", f.compare_later_from);
    dateField(ui, "ap.compare.later.to", "later to", f.compare_later_to);
    auto e1 = core::dateFromIso(f.compare_earlier_from), e2 = core::dateFromIso(f.compare_earlier_to);
    auto l1 = core::dateFromIso(f.compare_later_from), l2 = core::dateFromIso(f.compare_later_to);
    const bool valid = e1 && e2 && l1 && l2 && *e1 <= *e2 && *l1 <= *l2;
    sameLineIfFits("Compare these");
    if (actionButton(ui.widgets, "ap.compare.ranges", "Compare these", valid))
        push(intents, app::CompareAnalyticsRanges{{*e1, *e2}, {*l1, *l2}});
}

void drawResult(const app::AnalyticsComparison& c, UiState& ui, app::Intents& intents) {
    WidgetRegistry& reg = ui.widgets;
    for (const auto& t : c.result->totals) {
        const std::string cur = t.currency.empty() ? std::string("(no currency)") : t.currency;
        const std::string line = cur + ":  " + core::formatMoney(t.before, t.currency) + " -> " +
                                 core::formatMoney(t.after, t.currency) + "   change " + changeText(t);
        ImGui::TextWrapped("%s", line.c_str());
        markItem(reg, "ap.compare.total." + t.currency, line);
    }
    mutedText("Change % = (later - earlier) / earlier x 100, exact, rounded once to one decimal (half away from zero).");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("By");
    for (const auto& k : kKeys) {
        sameLineIfFits(checkWidth(k[1]));
        if (ImGui::RadioButton(k[1], c.key == k[0])) push(intents, app::SetComparisonKey{k[0]});
        markItem(reg, std::string("ap.compare.key.") + k[0], k[1]);
    }
    sameLineIfFits("Export comparison CSV");
    if (actionButton(reg, "ap.compare.export", "Export comparison CSV")) push(intents, app::ExportComparisonCsv{});
    if (!c.message.empty()) successText(c.message);
    for (std::size_t i = 0; i < c.charts.size(); ++i) {
        const core::StackedSeries& s = c.charts[i];
        const std::string title = "Per day from each range's first day, " + s.format.currency + ": " + c.later_label +
                                  " (bars) against " + c.earlier_label + " (line)";
        while (ui.activeplatform.compare_charts.size() <= i) ui.activeplatform.compare_charts.emplace_back();
        drawStackedChart("ap.compare.chart." + s.format.currency, title, s.view(), ui.chart_gpu,
                         ui.activeplatform.compare_charts[i], reg, 260);
    }
    std::vector<app::TableAction> actions;
    TableWidgetOptions options;
    options.height = 300;
    drawTableWidget("ap.compare.table", *c.table, c.view, ui.activeplatform.compare_table, reg, actions, options);
    for (auto& a : actions) push(intents, app::ComparisonTableAction{std::move(a)});
}

}  // namespace

void drawAnalyticsCompare(const app::ActivePlatformState& s, UiState& ui, app::Intents& intents) {
    const app::AnalyticsComparison& c = s.compare;
    ActivePlatformForms& f = ui.activeplatform;
    ImGui::Spacing();
    if (c.active) ImGui::SetNextItemOpen(true, ImGuiCond_Always);  // open while a comparison is shown (Close ends it)
    const bool open = ImGui::CollapsingHeader("Compare two ranges###ap.compare");
    markItem(ui.widgets, "ap.compare", "Compare two ranges");
    if (!open) return;
    if (actionButton(ui.widgets, "ap.compare.months", "This month against last month", !c.loading, c.loading))
        push(intents, app::CompareThisMonthWithLast{});
    joiningWord("or", true);
    drawRangeInputs(f, ui, intents);
    if (c.active) {
        sameLineIfFits("Close");
        if (actionButton(ui.widgets, "ap.compare.close", "Close")) push(intents, app::CloseComparison{});
    }
    if (c.loading) {
        spinner();
        ImGui::SameLine();
        mutedText(("Fetching " + c.earlier_label + " and " + c.later_label + "...").c_str());
    }
    if (c.error) {
        errorText(c.error->message);
        markItem(ui.widgets, "ap.compare.error", c.error->message);
    }
    if (!c.result || !c.table) return;
    const std::string heading = c.earlier_label + "  against  " + c.later_label;
    ImGui::TextWrapped("%s", heading.c_str());
    markItem(ui.widgets, "ap.compare.heading", heading);
    drawResult(c, ui, intents);
}

}  // namespace ud::ui
