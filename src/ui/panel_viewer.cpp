// The Viewer section: open or drop a CSV (or load the demo report), progress
// while it streams in, parse issues with keep/skip, the data table, group-by
// with totals, and export of the view.
#include "ui/panel_viewer.h"
#include "ui/panel_viewer_insights.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/base/decimal.h"
#include "ui/chart_widget.h"
#include "ui/table_widget.h"
#include "ui/widgets.h"

namespace ud::ui {
namespace {

constexpr core::Aggregate kFunctions[] = {core::Aggregate::Sum, core::Aggregate::Count, core::Aggregate::Min,
                                          core::Aggregate::Max, core::Aggregate::Mean};

void push(app::Intents& intents, app::ViewerIntent intent) { intents.push_back(app::Intent{std::move(intent)}); }

std::string sizeText(std::uint64_t bytes) {
    if (bytes < 1024 * 1024) return core::formatCount(static_cast<long long>(bytes / 1024)) + " KB";
    return core::formatCount(static_cast<long long>(bytes / (1024 * 1024))) + " MB";
}

void drawLoading(const app::ViewerState& v) {
    spinner();
    ImGui::SameLine();
    std::string name = v.load.file_name.empty() ? std::string("file") : v.load.file_name;
    std::string text = "Reading " + name + ": " + sizeText(v.load.bytes);
    if (v.load.total_bytes > 0) text += " of " + sizeText(v.load.total_bytes);
    text += ", " + core::formatCount(static_cast<long long>(v.load.rows)) + " rows";
    ImGui::TextUnformatted(text.c_str());
    if (v.load.total_bytes > 0)
        ImGui::ProgressBar(static_cast<float>(v.load.bytes) / static_cast<float>(v.load.total_bytes), ImVec2(-1, 0));
}

void drawEmpty(UiState& ui, app::Intents& intents) {
    ImGui::Spacing();
    mutedText("Open a usage CSV to read it as a table, sort, filter, group and export it.");
    ImGui::Spacing();
    if (actionButton(ui.widgets, "viewer.open", "Open CSV file...")) push(intents, app::OpenCsvFile{});
    sameLineIfFits("Load demo report (50,000 rows)");
    if (actionButton(ui.widgets, "viewer.demo", "Load demo report (50,000 rows)")) push(intents, app::LoadDemoReport{});
    ImGui::Spacing();
    mutedText("...or drop a CSV file anywhere on this page.");
}

void drawIssues(const app::ViewerState& v, UiState& ui, app::Intents& intents) {
    if (v.issue_count == 0) return;
    std::string title = core::formatCount(static_cast<long long>(v.issue_count)) +
                        (v.issue_count == 1 ? " row" : " rows") + " did not fit the header###issues";
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.90f, 0.45f, 0.10f, 1.0f));
    bool open = ImGui::CollapsingHeader(title.c_str());
    ImGui::PopStyleColor();
    markItem(ui.widgets, "viewer.issues", title);
    if (!open) return;
    ImGui::BeginDisabled(!v.can_reread);
    if (ImGui::RadioButton("Keep bad rows (padded or cut to the header)", v.bad_rows == core::BadRowPolicy::Keep))
        push(intents, app::SetBadRowPolicy{core::BadRowPolicy::Keep});
    markItem(ui.widgets, "viewer.issues.keep");
    sameLineIfFits(checkWidth("Skip bad rows"));
    if (ImGui::RadioButton("Skip bad rows", v.bad_rows == core::BadRowPolicy::Skip))
        push(intents, app::SetBadRowPolicy{core::BadRowPolicy::Skip});
    markItem(ui.widgets, "viewer.issues.skip");
    ImGui::EndDisabled();
    float lines = std::min(6.0f, static_cast<float>(v.issues.size() + (v.issue_count > v.issues.size() ? 1 : 0)));
    float h = lines * ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y * 2 + 2;
    ImGui::BeginChild("##issues", ImVec2(0, h), true);
    for (const auto& issue : v.issues) ImGui::TextUnformatted(issue.message.c_str());  // the message names its line
    if (v.issue_count > v.issues.size())
        ImGui::TextDisabled("...and %zu more", v.issue_count - v.issues.size());
    ImGui::EndChild();
}

// Which columns a combo offers: keys (anything but amounts) or numbers to sum.
enum class ColumnChoice { Keys, Numbers };
constexpr float kColumnComboWidth = 180.0f;

bool columnCombo(UiState& ui, const char* id, const char* label, const core::Table& table, int& value,
                 const char* none, ColumnChoice choice = ColumnChoice::Keys) {
    std::string preview = value < 0 ? (none ? none : "(none)") : table.column(static_cast<std::size_t>(value)).displayName();
    bool changed = false;
    ImGui::SetNextItemWidth(kColumnComboWidth);
    bool open = ImGui::BeginCombo(label, preview.c_str());
    markItem(ui.widgets, id, preview);
    if (open) {
        if (none && ImGui::Selectable(none, value < 0)) { value = -1; changed = true; }
        if (none) markItem(ui.widgets, std::string(id) + ".none", none);
        for (std::size_t c = 0; c < table.columnCount(); ++c) {
            bool numeric = table.column(c).isNumeric();
            if (choice == ColumnChoice::Keys && table.column(c).type() == core::ColumnType::Decimal) continue;  // amounts are not keys
            if (choice == ColumnChoice::Numbers && !numeric) continue;
            ImGui::PushID(static_cast<int>(c));
            if (ImGui::Selectable(table.column(c).displayName().c_str(), value == static_cast<int>(c))) {
                value = static_cast<int>(c);
                changed = true;
            }
            markItem(ui.widgets, std::string(id) + "." + std::to_string(c), table.column(c).displayName());
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return changed;
}

void drawGroupBar(const app::ViewerState& v, UiState& ui, app::Intents& intents) {
    const core::Table& table = *v.table;
    ViewerForms& f = ui.viewer;
    if (!v.group.active) f.group_key1 = f.group_key2 = -1;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Group by");
    sameLineIfFits(kColumnComboWidth);
    bool changed = columnCombo(ui, "viewer.group.key1", "##key1", table, f.group_key1, "(no grouping)");
    if (f.group_key1 >= 0) {
        sameLineIfFits(ImGui::CalcTextSize("then").x);
        ImGui::TextUnformatted("then");
        sameLineIfFits(kColumnComboWidth);
        changed |= columnCombo(ui, "viewer.group.key2", "##key2", table, f.group_key2, "(nothing)");
        bool has_date = table.column(static_cast<std::size_t>(f.group_key1)).type() == core::ColumnType::Date ||
                        (f.group_key2 >= 0 && table.column(static_cast<std::size_t>(f.group_key2)).type() == core::ColumnType::Date);
        if (has_date) {
            sameLineIfFits(checkWidth("by month"));
            changed |= ImGui::Checkbox("by month", &f.by_month);
            markItem(ui.widgets, "viewer.group.by_month");
        }
        sameLineIfFits(110);
        ImGui::SetNextItemWidth(110);
        const char* fname = core::nameFromAggregate(kFunctions[f.function]);
        bool open = ImGui::BeginCombo("##function", fname);
        markItem(ui.widgets, "viewer.group.function", fname);
        if (open) {
            for (int i = 0; i < 5; ++i) {
                if (ImGui::Selectable(core::nameFromAggregate(kFunctions[i]), f.function == i)) {
                    f.function = i;
                    changed = true;
                }
                markItem(ui.widgets, "viewer.group.function." + std::to_string(i), core::nameFromAggregate(kFunctions[i]));
            }
            ImGui::EndCombo();
        }
    }
    if (!changed) return;
    if (f.group_key1 < 0) {
        push(intents, app::Ungroup{});
        return;
    }
    auto keyFor = [&](int col) {
        bool is_date = table.column(static_cast<std::size_t>(col)).type() == core::ColumnType::Date;
        return core::GroupKey{static_cast<std::size_t>(col), is_date && f.by_month};
    };
    app::GroupBy g;
    g.keys.push_back(keyFor(f.group_key1));
    if (f.group_key2 >= 0 && f.group_key2 != f.group_key1) g.keys.push_back(keyFor(f.group_key2));
    g.function = kFunctions[f.function];
    push(intents, g);
}

std::string chartTitle(const core::Table& table, const app::ViewerChart& c) {
    auto name = [&](int col) { return table.column(static_cast<std::size_t>(col)).displayName(); };
    const app::ChartSpec& spec = c.spec;
    std::string n = std::to_string(spec.top_n);
    if (c.series) {
        std::string title = name(spec.value_column) + " per day";
        if (spec.key_column >= 0)
            title += ", stacked by " + name(spec.key_column) + (c.series->has_other ? " (top " + n + " + Other)" : "");
        return title;
    }
    std::string title = name(spec.value_column) + " by " + name(spec.key_column);
    return c.bars && c.bars->has_other ? title + ", top " + n + " + Other" : title;
}

// Kind, value, key and N of the chart; any change is one SetChartSpec.
void drawChartControls(const app::ViewerState& v, UiState& ui, app::Intents& intents) {
    const core::Table& table = *v.table;
    app::ChartSpec spec = v.chart.spec;
    bool changed = false;
    ImGui::SetNextItemWidth(150);
    bool bars = spec.kind == app::ChartKind::TopBars;
    const char* kinds[] = {"Time series", "Top N bars"};
    bool open = ImGui::BeginCombo("##kind", kinds[bars ? 1 : 0]);
    markItem(ui.widgets, "viewer.chart.kind", kinds[bars ? 1 : 0]);
    if (open) {
        for (int k = 0; k < 2; ++k) {
            if (ImGui::Selectable(kinds[k], (bars ? 1 : 0) == k)) {
                spec.kind = k ? app::ChartKind::TopBars : app::ChartKind::TimeSeries;
                changed = true;
            }
            markItem(ui.widgets, std::string("viewer.chart.kind.") + std::to_string(k), kinds[k]);
        }
        ImGui::EndCombo();
    }
    sameLineIfFits(ImGui::CalcTextSize("of").x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("of");
    sameLineIfFits(kColumnComboWidth);
    changed |= columnCombo(ui, "viewer.chart.value", "##value", table, spec.value_column, nullptr, ColumnChoice::Numbers);
    const char* by = bars ? "by" : "stacked by";
    sameLineIfFits(ImGui::CalcTextSize(by).x);
    ImGui::TextUnformatted(by);
    sameLineIfFits(kColumnComboWidth);
    changed |= columnCombo(ui, "viewer.chart.key", "##key", table, spec.key_column, bars ? nullptr : "(one stack)");
    sameLineIfFits(topNInputWidth());
    changed |= topNInput(ui.widgets, "viewer.chart.top_n", spec.top_n);
    if (changed) push(intents, app::SetChartSpec{spec});
}

void drawChartView(const app::ViewerState& v, UiState& ui, app::Intents& intents) {
    drawChartControls(v, ui, intents);
    const app::ViewerChart& c = v.chart;
    if (!c.error.empty()) {
        errorText(c.error);
        return;
    }
    if (!c.series && !c.bars) return;
    std::string title = chartTitle(*v.table, c);
    float height = std::clamp(ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() - 8, 320.0f, 620.0f);
    if (c.bars) height = std::min(height, barChartHeight(*c.bars));
    ImVec2 size(std::max(ImGui::GetContentRegionAvail().x, 200.0f), height);
    std::string stem = v.file_name.substr(0, v.file_name.rfind('.'));
    if (actionButton(ui.widgets, "viewer.chart.png", "Save chart as PNG")) {
        ChartImage image = c.series ? stackedChartImage(title, c.series->view(), ui.chart_gpu, ui.viewer.chart, size)
                                    : barChartImage(title, *c.bars, ui.chart_gpu, ui.viewer.chart, size);
        std::string name = (stem.empty() ? std::string("report") : stem) + (c.series ? "-daily.png" : "-top.png");
        intents.push_back(app::SaveChartPng{name, image.width, image.height, std::move(image.rgba)});
    }
    constexpr const char* kHoverHint = "Hover a bar for exact values.";
    sameLineIfFits(ImGui::CalcTextSize(kHoverHint).x);
    mutedText(kHoverHint);
    if (c.series)
        drawStackedChart("viewer.chart", title, c.series->view(), ui.chart_gpu, ui.viewer.chart, ui.widgets, height);
    else
        drawBarChart("viewer.chart", title, *c.bars, ui.chart_gpu, ui.viewer.chart, ui.widgets, height);
}

// Table or Chart: two tabs-like buttons; the chart follows the table's filters.
void drawViewSwitch(const app::ViewerState& v, UiState& ui, app::Intents& intents) {
    if (ImGui::RadioButton("Table", !v.chart.shown)) push(intents, app::ShowChart{false});
    markItem(ui.widgets, "viewer.view.table");
    sameLineIfFits(checkWidth("Chart"));
    if (ImGui::RadioButton("Chart", v.chart.shown)) push(intents, app::ShowChart{true});
    markItem(ui.widgets, "viewer.view.chart");
}

void drawData(const app::ViewerState& v, UiState& ui, app::Intents& intents) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextWrapped("%s  -  %s rows, %zu columns", v.file_name.c_str(),
                       core::formatCount(static_cast<long long>(v.table->rowCount())).c_str(), v.table->columnCount());
    sameLineIfFits("Export CSV");
    if (actionButton(ui.widgets, "viewer.export", "Export CSV")) push(intents, app::ExportViewCsv{});
    sameLineIfFits("Open another...");
    if (actionButton(ui.widgets, "viewer.open", "Open another...")) push(intents, app::OpenCsvFile{});
    sameLineIfFits("Close");
    if (actionButton(ui.widgets, "viewer.close", "Close")) push(intents, app::CloseReport{});
    if (!v.message.empty()) successText(v.message);
    drawIssues(v, ui, intents);
    drawViewerInsights(v, ui, intents);
    drawViewSwitch(v, ui, intents);
    if (v.chart.shown) {
        drawChartView(v, ui, intents);
        return;
    }
    if (!isNarrowLayout()) ImGui::SameLine(0, 24);  // a phone: the group bar under the switch
    drawGroupBar(v, ui, intents);
    if (!v.group.error.empty()) errorText(v.group.error);

    std::vector<app::TableAction> actions;
    if (v.group.active && v.group.result) {
        TableWidgetOptions options;
        options.totals = &v.group.result->totals;
        drawTableWidget("viewer.group", v.group.result->groups, v.group.view, ui.viewer.group_table, ui.widgets, actions,
                        options);
        for (auto& a : actions) push(intents, app::ViewerTableAction{true, std::move(a)});
    } else {
        drawTableWidget("viewer.table", *v.table, v.view, ui.viewer.data_table, ui.widgets, actions);
        for (auto& a : actions) push(intents, app::ViewerTableAction{false, std::move(a)});
    }
}

}  // namespace

void drawViewerSection(const app::AppState& state, UiState& ui, app::Intents& intents) {
    const app::ViewerState& v = state.viewer;
    sectionTitle("Report viewer");
    if (!v.load_error.empty()) errorText(v.load_error);
    if (v.load.active) {
        drawLoading(v);
        return;
    }
    if (!v.table) {
        drawEmpty(ui, intents);
        return;
    }
    drawData(v, ui, intents);
}

}  // namespace ud::ui
