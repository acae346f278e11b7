// The ActivePlatform section: the query form with inline validation, Fetch and
// the demo, errors where they happened, totals per currency (never summed
// across currencies), the items table (shared widget) and CSV export.
#include "ui/panel_activeplatform.h"

#include <imgui.h>

#include <string>

#include "core/table/chart_series.h"
#include "core/base/decimal.h"
#include "ui/chart_widget.h"
#include "ui/panel_activeplatform_insights.h"
#include "ui/table_widget.h"
#include "ui/widgets.h"

namespace ud::ui {
namespace {

void push(app::Intents& intents, app::ActivePlatformIntent intent) { intents.push_back(app::Intent{std::move(intent)}); }

std::string fieldError(const app::ActivePlatformState& s, core::AnalyticsField field, const std::string& value) {
    if (!s.show_field_errors && value.empty()) return {};  // don't scold an untouched field
    for (const auto& e : s.field_errors)
        if (e.field == field) return e.message;
    return {};
}

void syncForm(const app::AppState& state, ActivePlatformForms& f, app::Intents& intents) {
    const auto& s = state.activeplatform;
    if (f.seen_revision == s.form_revision) return;
    f.seen_revision = s.form_revision;
    f.edit = s.form;
    f.remember_token = s.remember_token;
    if (f.edit.base_url.empty()) {
        f.edit.base_url = state.settings.activeplatform_base_url;
        push(intents, app::EditAnalyticsForm{f.edit, f.remember_token});
    }
}

bool drawTokenField(const app::ActivePlatformState& s, ActivePlatformForms& f, WidgetRegistry& reg) {
    ImGui::TextUnformatted("Manager API token");
    ImGui::PushID("ap.token");
    const ImGuiStyle& st = ImGui::GetStyle();
    float boxes = 2 * (ImGui::GetFrameHeight() + st.ItemInnerSpacing.x + st.ItemSpacing.x) +
                  ImGui::CalcTextSize("Show").x + ImGui::CalcTextSize("Remember on this device").x + 4;
    TextFieldOptions token;
    token.label = "Manager API token";
    token.hint = "sent only in the X-Api-Token header";
    token.password = !f.show_token;
    token.width = isNarrowLayout() ? -1.0f : -boxes;  // a phone: the boxes go under the field
    bool changed = textField(reg, "ap.token", f.edit.token, token);
    sameLineIfFits(checkWidth("Show"));
    ImGui::Checkbox("Show", &f.show_token);
    markItem(reg, "ap.token.show");
    sameLineIfFits(checkWidth("Remember on this device"));
    changed |= ImGui::Checkbox("Remember on this device", &f.remember_token);
    markItem(reg, "ap.token.remember");
    ImGui::PopID();
    std::string err = fieldError(s, core::AnalyticsField::Token, f.edit.token);
    if (!err.empty()) errorText(err);
    return changed;
}

bool drawRange(const app::ActivePlatformState& s, ActivePlatformForms& f, WidgetRegistry& reg, app::Intents& intents) {
    bool changed = false;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Range");
    sameLineIfFits(checkWidth("Days"));
    if (ImGui::RadioButton("Days", f.edit.range_kind == core::AnalyticsRangeKind::Days)) {
        f.edit.range_kind = core::AnalyticsRangeKind::Days;
        changed = true;
    }
    markItem(reg, "ap.range.days");
    sameLineIfFits(checkWidth("Billing months"));
    if (ImGui::RadioButton("Billing months", f.edit.range_kind == core::AnalyticsRangeKind::BillingPeriods)) {
        f.edit.range_kind = core::AnalyticsRangeKind::BillingPeriods;
        changed = true;
    }
    markItem(reg, "ap.range.periods");
    bool days = f.edit.range_kind == core::AnalyticsRangeKind::Days;
    if (days) {
        static constexpr struct { const char* id; const char* label; core::RangePreset preset; } kPresets[] = {
            {"ap.preset.this_month", "This month", core::RangePreset::ThisPeriod},
            {"ap.preset.last_month", "Last month", core::RangePreset::LastPeriod},
            {"ap.preset.last_30_days", "Last 30 days", core::RangePreset::Last30Days},
            {"ap.preset.this_year", "This year", core::RangePreset::ThisYear}};
        for (const auto& p : kPresets) {
            sameLineIfFits(p.label);
            if (actionButton(reg, p.id, p.label)) push(intents, app::ApplyRangePreset{p.preset});
        }
    }
    std::string& from = days ? f.edit.date_from : f.edit.period_from;
    std::string& to = days ? f.edit.date_to : f.edit.period_to;
    auto from_field = days ? core::AnalyticsField::DateFrom : core::AnalyticsField::PeriodFrom;
    auto to_field = days ? core::AnalyticsField::DateTo : core::AnalyticsField::PeriodTo;
    changed |= labelledInputPair(reg, days ? "ap.date_from" : "ap.period_from",
                                 days ? "From (YYYY-MM-DD)" : "From (YYYY-MM)", from, fieldError(s, from_field, from),
                                 days ? "ap.date_to" : "ap.period_to", "To, inclusive", to, fieldError(s, to_field, to));
    return changed;
}

void drawForm(const app::AppState& state, ActivePlatformForms& f, WidgetRegistry& reg, app::Intents& intents) {
    const auto& s = state.activeplatform;
    bool changed = labelledInput(reg, "ap.base_url", "Base URL (absolute, or a same-origin proxy path like /ap/)",
                                 f.edit.base_url, fieldError(s, core::AnalyticsField::BaseUrl, f.edit.base_url));
    changed |= drawTokenField(s, f, reg);
    changed |= labelledInput(reg, "ap.subscription", "Subscription id", f.edit.subscription_id,
                             fieldError(s, core::AnalyticsField::SubscriptionId, f.edit.subscription_id), "70112");
    changed |= drawRange(s, f, reg, intents);
    if (changed) push(intents, app::EditAnalyticsForm{f.edit, f.remember_token});
    ImGui::Spacing();
    if (actionButton(reg, "ap.fetch", s.busy ? "Fetching..." : "Fetch daily expenses", true, s.busy))
        push(intents, app::FetchAnalytics{});
    sameLineIfFits("Try the demo");
    if (actionButton(reg, "ap.demo", "Try the demo", !s.busy)) {
        if (!state.demo_mode) intents.push_back(app::EnterDemoMode{});
        push(intents, app::TryActivePlatformDemo{});
    }
    if (s.error) {
        errorText(s.error->message);  // core's sentence already names the HTTP status
        markItem(reg, "ap.error", s.error->message);
    }
    if (!s.warning.empty()) {
        warningText(s.warning);
        markItem(reg, "ap.warning", s.warning);
    }
}

void groupTable(const char* id, const char* title, const std::vector<core::GroupTotal>& groups,
                const std::string& currency, WidgetRegistry& reg) {
    if (!ImGui::BeginTabItem(title)) return;
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY;
    float h = std::min(8.0f, static_cast<float>(groups.size()) + 1.5f) * ImGui::GetTextLineHeightWithSpacing() + 8;
    const bool narrow = isNarrowLayout();  // a phone: sideways, the names kept in view
    if (narrow) {
        flags |= ImGuiTableFlags_ScrollX;
        h += ImGui::GetStyle().ScrollbarSize;
    }
    if (ImGui::BeginTable(id, 5, flags, ImVec2(0, h))) {
        ImGui::TableSetupScrollFreeze(narrow ? 1 : 0, 1);
        const char* names[] = {title, "Total", "Taxes", "Discounts", "Lines"};
        for (const char* name : names) ImGui::TableSetupColumn(name);
        // The headers by hand, each named for the tests: ap.groups.<currency>.header.<column>.
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        for (int c = 0; c < 5; ++c) {
            ImGui::TableSetColumnIndex(c);
            ImGui::TableHeader(names[c]);
            markItem(reg, "ap.groups." + currency + ".header." + std::to_string(c), names[c]);
        }
        for (const auto& g : groups) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(g.key.empty() ? "(none)" : g.key.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(core::formatMoney(g.amounts.total, currency).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(core::formatMoney(g.amounts.taxes_total, currency).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(core::formatMoney(g.amounts.discount_amount, currency).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(core::formatCount(static_cast<long long>(g.amounts.lines)).c_str());
        }
        ImGui::EndTable();
    }
    ImGui::EndTabItem();
}

void drawTotals(const app::ActivePlatformState& s, WidgetRegistry& reg) {
    if (s.totals.currencies.size() > 1)
        mutedText("Amounts in different currencies are never added together: one total per currency.");
    const bool narrow = isNarrowLayout();
    for (const auto& c : s.totals.currencies) {
        const std::string& cur = c.currency;
        const std::string name = cur.empty() ? std::string("(no currency)") : cur;
        const std::string amounts = "total " + core::formatMoney(c.grand.total, cur) + "   taxes " +
                                    core::formatMoney(c.grand.taxes_total, cur) + "   discounts " +
                                    core::formatMoney(c.grand.discount_amount, cur) + "   (" +
                                    core::formatCount(static_cast<long long>(c.grand.lines)) + " lines)";
        // A phone: the header names the currency; the amounts wrap under it.
        bool open = ImGui::CollapsingHeader(((narrow ? name : name + ":  " + amounts) + "###cur" + cur).c_str(),
                                            ImGuiTreeNodeFlags_DefaultOpen);
        markItem(reg, "ap.totals." + cur, name + ":  " + amounts);
        if (!open) continue;
        if (narrow) ImGui::TextWrapped("%s", amounts.c_str());
        ImGui::PushID(cur.c_str());
        if (ImGui::BeginTabBar("##by")) {
            groupTable("##cat", "Category", c.by_category, cur, reg);
            groupTable("##sub", "Subcategory", c.by_subcategory, cur, reg);
            groupTable("##rg", "Resource group", c.by_resource_group, cur, reg);
            groupTable("##reg", "Region", c.by_region, cur, reg);
            groupTable("##sku", "SKU", c.by_sku, cur, reg);
            ImGui::EndTabBar();
        }
        ImGui::PopID();
    }
    if (s.totals.unreadable_lines > 0)
        errorText(std::to_string(s.totals.unreadable_lines) + " lines have a total that is not a number; left out of the sums.");
}

// The daily stacked chart of cost by category, one currency at a time (amounts
// in different currencies are never stacked together): a chooser when there are several.
void drawDailyChart(const app::ActivePlatformState& s, UiState& ui, app::Intents& intents) {
    if (s.daily.empty()) return;
    ActivePlatformForms& f = ui.activeplatform;
    const core::DailyCategorySeries* series = &s.daily.front();
    for (const auto& d : s.daily)
        if (d.currency == f.chart_currency) series = &d;
    std::string currency = series->currency.empty() ? std::string("no currency") : series->currency;
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Daily cost by category");
    if (s.daily.size() > 1) {
        ImGui::PushID("ap.chart.currency");
        for (const auto& d : s.daily) {
            std::string label = d.currency.empty() ? std::string("(no currency)") : d.currency;
            sameLineIfFits(checkWidth(label.c_str()));
            if (ImGui::RadioButton(label.c_str(), &d == series)) f.chart_currency = d.currency;
            markItem(ui.widgets, "ap.chart.currency." + d.currency, label);
        }
        ImGui::PopID();
    }
    core::StackedSeriesView view = core::viewFromDailySeries(*series);
    std::string title = "Cost per day by category, " + currency;
    if (view.has_other) title += " (top " + std::to_string(view.keys.size() - 1) + " + Other)";
    float height = 360;
    sameLineIfFits(topNInputWidth());
    std::size_t top_n = s.chart_top_n;
    if (topNInput(ui.widgets, "ap.chart.top_n", top_n)) push(intents, app::SetAnalyticsChartTopN{top_n});
    sameLineIfFits("Save chart as PNG");
    if (actionButton(ui.widgets, "ap.chart.png", "Save chart as PNG")) {
        ImVec2 size(std::max(ImGui::GetContentRegionAvail().x, 200.0f), height);
        ChartImage image = stackedChartImage(title, view, ui.chart_gpu, f.chart, size);
        intents.push_back(app::SaveChartPng{"activeplatform-daily-" + (series->currency.empty() ? std::string("none") : series->currency) + ".png",
                                            image.width, image.height, std::move(image.rgba)});
    }
    drawStackedChart("ap.chart", title, view, ui.chart_gpu, f.chart, ui.widgets, height);
}

void drawResults(const app::ActivePlatformState& s, UiState& ui, app::Intents& intents) {
    ImGui::Separator();
    ImGui::AlignTextToFramePadding();
    ImGui::TextWrapped("Subscription %s", s.fetched_label.c_str());
    sameLineIfFits("Export CSV");
    if (actionButton(ui.widgets, "ap.export", "Export CSV")) push(intents, app::ExportAnalyticsCsv{});
    if (!s.message.empty()) successText(s.message);
    if (!s.empty_message.empty()) {
        mutedText(s.empty_message.c_str());
        markItem(ui.widgets, "ap.empty", s.empty_message);
    }
    if (s.report->items.rowCount() == 0) return;
    drawTotals(s, ui.widgets);
    drawAnalyticsForecast(s, ui);
    drawAnalyticsSpikes(s, ui, intents);
    drawDailyChart(s, ui, intents);
    ImGui::Spacing();
    std::vector<app::TableAction> actions;
    TableWidgetOptions options;
    options.height = std::max(320.0f, ImGui::GetContentRegionAvail().y);
    drawTableWidget("ap.table", s.report->items, s.view, ui.activeplatform.table, ui.widgets, actions, options);
    for (auto& a : actions) push(intents, app::ActivePlatformTableAction{std::move(a)});
}

}  // namespace

void drawActivePlatformSection(const app::AppState& state, UiState& ui, app::Intents& intents) {
    const auto& s = state.activeplatform;
    sectionTitle("ActivePlatform daily analytics");
    offlineNotice(state, ui.widgets, "activeplatform.offline", "ActivePlatform");
    syncForm(state, ui.activeplatform, intents);
    drawForm(state, ui.activeplatform, ui.widgets, intents);
    if (s.busy) {
        spinner();
        ImGui::SameLine();
        mutedText("Waiting for the server; a long range can take a minute.");
    }
    if (s.retry_at >= 0) {  // retried by itself on core's schedule (the controller counts down)
        ImGui::AlignTextToFramePadding();
        std::string line =
            core::retryLineText(s.retry_status, s.retry_seconds_left, s.retry_attempt, app::kActivePlatformMaxRetries);
        mutedText(line.c_str());
        markItem(ui.widgets, "ap.retry", line);
        sameLineIfFits("Cancel");
        if (actionButton(ui.widgets, "ap.retry.cancel", "Cancel")) push(intents, app::CancelAnalyticsRetry{});
    }
    drawAnalyticsCompare(s, ui, intents);
    if (s.report) drawResults(s, ui, intents);
}

}  // namespace ud::ui
