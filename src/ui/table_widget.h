// The one data table widget every section uses: clickable headers (click to
// sort, shift-click for a second key; core sorts), a filter row, a search box,
// column show/hide, "shown of total", row selection with copy, and an
// optional totals row. Long tables draw only visible rows (ImGuiListClipper).
#pragma once

#include <vector>

#include "app/table_view_state.h"
#include "core/table/table.h"
#include "ui/table_forms.h"
#include "ui/widget_registry.h"

namespace ud::ui {

struct TableWidgetOptions {
    const core::Table* totals = nullptr;  // one row drawn last, highlighted
    float height = 0;                     // 0 = the rest of the window
};

// `id` prefixes every marked widget: "<id>.search", "<id>.header.<col>",
// "<id>.filter.<col>", "<id>.columns", "<id>.column.<col>", "<id>.copy", "<id>.row.<pos>".
void drawTableWidget(const char* id, const core::Table& table, const app::TableViewState& view,
                     TableWidgetForm& form, WidgetRegistry& reg, std::vector<app::TableAction>& out,
                     const TableWidgetOptions& options = {});

}  // namespace ud::ui
