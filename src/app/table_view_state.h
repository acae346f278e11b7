// What one on-screen table shows of a core::Table: the view spec (filters,
// search, sort), the resulting row indices, hidden columns, and the filter
// texts as typed. Shared by the Viewer's data and group tables and the
// ActivePlatform items table; the UI's table widget emits TableActions and the
// owning controller applies them here (core does the filtering and sorting).
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/table/table.h"
#include "core/table/table_view.h"

namespace ud::app {

struct TableViewState {
    core::ViewSpec spec;
    std::vector<std::uint32_t> rows;         // shown rows, in order
    std::vector<bool> hidden;                // per column
    std::vector<std::string> filter_texts;   // per column, as typed
    std::vector<std::string> filter_errors;  // per column, "" = fine
    std::size_t revision = 0;                // bumped when the table or view is replaced (UI resyncs)
};

// Header click: sort by `column` (toggles direction when it is already the
// first key); with `add`, it becomes / toggles a later key instead.
struct SortByColumn { std::size_t column = 0; bool add = false; };
struct ClearSort {};
// Filter text for one column: text columns "contains"; numbers ">5", "<=10",
// "5..10" or "=5"; dates "2024-01-03", "2024-01-01..2024-01-31", ">=2024-02-01".
struct SetColumnFilter { std::size_t column = 0; std::string text; };
struct SetSearch { std::string text; };
struct SetColumnHidden { std::size_t column = 0; bool hidden = false; };
// Copies shown rows [first, last] (view positions) of the shown columns as TSV.
struct CopyRows { std::size_t first = 0, last = 0; };

using TableAction = std::variant<SortByColumn, ClearSort, SetColumnFilter, SetSearch, SetColumnHidden, CopyRows>;

// Fresh view of a (new) table: everything shown, table order.
void resetTableView(TableViewState& view, const core::Table& table);
// Applies one action (except CopyRows, which the caller handles with tsvFromRows).
void applyTableAction(TableViewState& view, const core::Table& table, const TableAction& action);
void refreshTableRows(TableViewState& view, const core::Table& table);
std::vector<std::size_t> shownColumns(const TableViewState& view, const core::Table& table);
// Tab-separated cells of view positions [first, last], header line first.
std::string tsvFromRows(const TableViewState& view, const core::Table& table, std::size_t first, std::size_t last);
// The filter for one column from the text typed, or an error sentence.
bool columnFilterFromText(const core::Column& column, std::size_t index, const std::string& text,
                          core::ColumnFilter& out, std::string& error);

}  // namespace ud::app
