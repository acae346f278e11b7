// jsonFromTableView: what a browser test needs to check a table's view.
#include "app/table_view_json.h"

namespace ud::app {

nlohmann::json jsonFromTableView(const core::Table& table, const TableViewState& view, std::size_t sample_rows) {
    nlohmann::json j;
    j["total_rows"] = table.rowCount();
    j["shown_rows"] = view.rows.size();
    nlohmann::json cols = nlohmann::json::array();
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        const auto& col = table.column(c);
        cols.push_back({{"name", col.name()}, {"display", col.displayName()}, {"type", core::nameFromColumnType(col.type())},
                        {"hidden", c < view.hidden.size() && view.hidden[c]}, {"text_reason", col.textReason()}});
    }
    j["columns"] = cols;
    nlohmann::json sort = nlohmann::json::array();
    for (const auto& k : view.spec.sort)
        sort.push_back({{"column", k.column}, {"descending", k.direction == core::SortDirection::Descending}});
    j["sort"] = sort;
    j["search"] = view.spec.search;
    j["filters"] = view.filter_texts;
    j["filter_errors"] = view.filter_errors;
    nlohmann::json rows = nlohmann::json::array();
    auto shown = shownColumns(view, table);
    for (std::size_t p = 0; p < view.rows.size() && p < sample_rows; ++p) {
        nlohmann::json row = nlohmann::json::array();
        for (std::size_t c : shown) row.push_back(table.column(c).cellText(view.rows[p]));
        rows.push_back(row);
    }
    j["first_rows"] = rows;
    return j;
}

}  // namespace ud::app
