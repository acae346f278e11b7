// drawTableWidget: the shared ImGui table over a core::Table and its view.
#include "ui/table_widget.h"

#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/base/decimal.h"
#include "ui/font_atlas.h"
#include "ui/widgets.h"

namespace ud::ui {
namespace {

void syncForm(const app::TableViewState& view, const core::Table& table, TableWidgetForm& form) {
    if (form.seen_revision == view.revision && form.filters.size() == table.columnCount()) return;
    form.seen_revision = view.revision;
    form.search = view.spec.search;
    form.filters = view.filter_texts;
    form.filters.resize(table.columnCount());
    form.selection_anchor = form.selection_end = -1;
}

std::string headerLabel(const core::Table& table, const app::TableViewState& view, std::size_t col) {
    std::string label = table.column(col).displayName();
    for (std::size_t k = 0; k < view.spec.sort.size(); ++k) {
        if (view.spec.sort[k].column != col) continue;
        label += view.spec.sort[k].direction == core::SortDirection::Ascending ? "  ^" : "  v";
        if (view.spec.sort.size() > 1) label += std::to_string(k + 1);
    }
    return label;
}

// Ids that happen to be numbers (product ids) read better without separators.
bool isIdColumn(const core::Column& column) {
    auto role = column.role();
    return role == core::ColumnRole::ProductId || role == core::ColumnRole::DeviceId;
}

void cellText(const core::Column& column, std::size_t row, bool right_align) {
    std::string text = isIdColumn(column) ? column.cellText(row) : column.displayText(row);
    if (right_align) {
        float w = ImGui::CalcTextSize(text.c_str()).x;
        float avail = ImGui::GetContentRegionAvail().x;
        if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
    }
    noteDataText(text);
    ImGui::TextUnformatted(text.c_str());
}

void drawToolbar(const char* id, const core::Table& table, const app::TableViewState& view, TableWidgetForm& form,
                 WidgetRegistry& reg, std::vector<app::TableAction>& out) {
    std::string name = id;
    TextFieldOptions search;
    search.hint = "Search text columns";
    search.width = 260;
    if (textField(reg, name + ".search", form.search, search)) out.push_back(app::SetSearch{form.search});
    // The rest of the bar wraps on a narrow screen.
    sameLineIfFits("Columns...");
    if (ImGui::Button(("Columns...##" + name).c_str())) ImGui::OpenPopup(("columns" + name).c_str());
    markItem(reg, name + ".columns", "Columns...");
    if (ImGui::BeginPopup(("columns" + name).c_str())) {
        for (std::size_t c = 0; c < table.columnCount(); ++c) {
            bool shown = c >= view.hidden.size() || !view.hidden[c];
            ImGui::PushID(static_cast<int>(c));
            if (ImGui::Checkbox(table.column(c).displayName().c_str(), &shown))
                out.push_back(app::SetColumnHidden{c, !shown});
            markItem(reg, name + ".column." + std::to_string(c), table.column(c).displayName());
            ImGui::PopID();
        }
        ImGui::EndPopup();
    }
    sameLineIfFits("Copy selected rows");
    bool has_selection = form.selection_anchor >= 0 && !view.rows.empty();
    if (actionButton(reg, (name + ".copy").c_str(), "Copy selected rows", has_selection)) {
        auto lo = static_cast<std::size_t>(std::min(form.selection_anchor, form.selection_end));
        auto hi = static_cast<std::size_t>(std::max(form.selection_anchor, form.selection_end));
        out.push_back(app::CopyRows{lo, hi});
    }
    if (!view.spec.sort.empty()) {
        sameLineIfFits("Clear sort");
        if (actionButton(reg, (name + ".unsort").c_str(), "Clear sort")) out.emplace_back(std::in_place_type<app::ClearSort>);
    }
    std::string shown = core::formatCount(static_cast<long long>(view.rows.size())) + " of " +
                        core::formatCount(static_cast<long long>(table.rowCount())) + " rows shown";
    sameLineIfFits(ImGui::CalcTextSize(shown.c_str()).x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", shown.c_str());
    markItem(reg, name + ".shown", shown);
}

}  // namespace

void drawTableWidget(const char* id, const core::Table& table, const app::TableViewState& view,
                     TableWidgetForm& form, WidgetRegistry& reg, std::vector<app::TableAction>& out,
                     const TableWidgetOptions& options) {
    syncForm(view, table, form);
    std::string name = id;
    ImGui::PushID(id);
    drawToolbar(id, table, view, form, reg, out);
    for (std::size_t c = 0; c < view.filter_errors.size(); ++c)
        if (!view.filter_errors[c].empty()) errorText(table.column(c).displayName() + ": " + view.filter_errors[c]);

    auto cols = app::shownColumns(view, table);
    if (cols.empty()) {
        mutedText("Every column is hidden. Use Columns... to show some.");
        ImGui::PopID();
        return;
    }
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
                            ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
    float height = options.height > 0 ? options.height : ImGui::GetContentRegionAvail().y;
    height = std::max(height, ImGui::GetTextLineHeightWithSpacing() * 6);
    if (!ImGui::BeginTable("##table", static_cast<int>(cols.size()), flags, ImVec2(0, height))) {
        ImGui::PopID();
        return;
    }
    // The header and filter rows stay; on a phone the first column too, as the rest scrolls sideways.
    ImGui::TableSetupScrollFreeze(isNarrowLayout() ? 1 : 0, 2);
    for (std::size_t c : cols) {
        // First-use width: the header or the widest of the first shown cells.
        const core::Column& column = table.column(c);
        float width = ImGui::CalcTextSize(column.displayName().c_str()).x + 36;
        for (std::size_t p = 0; p < view.rows.size() && p < 40; ++p)
            width = std::max(width, ImGui::CalcTextSize(column.displayText(view.rows[p]).c_str()).x + 16);
        ImGui::TableSetupColumn(column.displayName().c_str(), ImGuiTableColumnFlags_WidthFixed, std::min(width, 360.0f));
    }

    // Header row: our own, so a click becomes a sort intent (core sorts).
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (std::size_t i = 0; i < cols.size(); ++i) {
        ImGui::TableSetColumnIndex(static_cast<int>(i));
        std::string label = headerLabel(table, view, cols[i]) + "##h" + std::to_string(cols[i]);
        ImGui::TableHeader(label.c_str());
        if (ImGui::IsItemClicked()) out.push_back(app::SortByColumn{cols[i], ImGui::GetIO().KeyShift});
        const std::string header_id = name + ".header." + std::to_string(cols[i]);
        markItem(reg, header_id, table.column(cols[i]).displayName());
        // Why this column cannot be totalled: the first value that was not a number.
        if (const std::string& why = table.column(cols[i]).textReason(); !why.empty() && ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(why.c_str());
            const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
            reg.put(header_id + ".tooltip", WidgetRect{pos.x, pos.y, size.x, size.y, true, why});
            ImGui::EndTooltip();
        }
    }
    // Filter row.
    ImGui::TableNextRow();
    for (std::size_t i = 0; i < cols.size(); ++i) {
        ImGui::TableSetColumnIndex(static_cast<int>(i));
        std::size_t c = cols[i];
        bool bad = c < view.filter_errors.size() && !view.filter_errors[c].empty();
        if (bad) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.85f, 0.25f, 0.2f, 0.35f));
        TextFieldOptions filter;
        filter.hint = table.column(c).type() == core::ColumnType::Text ? "contains" : ">=, <, a..b";
        if (textField(reg, name + ".filter." + std::to_string(c), form.filters[c], filter))
            out.push_back(app::SetColumnFilter{c, form.filters[c]});
        if (bad) ImGui::PopStyleColor();
    }

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.rows.size()));
    long long lo = std::min(form.selection_anchor, form.selection_end);
    long long hi = std::max(form.selection_anchor, form.selection_end);
    while (clipper.Step()) {
        for (int p = clipper.DisplayStart; p < clipper.DisplayEnd; ++p) {
            std::uint32_t row = view.rows[static_cast<std::size_t>(p)];
            ImGui::TableNextRow();
            for (std::size_t i = 0; i < cols.size(); ++i) {
                ImGui::TableSetColumnIndex(static_cast<int>(i));
                const core::Column& column = table.column(cols[i]);
                if (i == 0) {
                    bool selected = form.selection_anchor >= 0 && p >= lo && p <= hi;
                    ImGui::PushID(p);
                    if (ImGui::Selectable("##row", selected,
                                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap)) {
                        if (ImGui::GetIO().KeyShift && form.selection_anchor >= 0) {
                            form.selection_end = p;
                        } else {
                            form.selection_anchor = form.selection_end = p;
                        }
                    }
                    markItem(reg, name + ".row." + std::to_string(p));
                    ImGui::PopID();
                    ImGui::SameLine(0.0f, 0.0f);
                }
                cellText(column, row, column.isNumeric());
            }
        }
    }
    if (options.totals && options.totals->rowCount() > 0 && options.totals->columnCount() == table.columnCount()) {
        ImGui::TableNextRow();
        for (std::size_t i = 0; i < cols.size(); ++i) {
            ImGui::TableSetColumnIndex(static_cast<int>(i));
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
            const core::Column& column = options.totals->column(cols[i]);
            cellText(column, 0, column.isNumeric());
        }
    }
    bool copy_keys = ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows) && ImGui::GetIO().KeyCtrl &&
                     ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_C), false) && form.selection_anchor >= 0;
    ImGui::EndTable();
    if (copy_keys) out.push_back(app::CopyRows{static_cast<std::size_t>(lo), static_cast<std::size_t>(hi)});
    ImGui::PopID();
}

}  // namespace ud::ui
