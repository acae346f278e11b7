// A table on screen as JSON for the browser test hook: size, columns, view
// spec, and the first shown rows as exact cell text.
#pragma once

#include <nlohmann/json.hpp>

#include "app/table_view_state.h"
#include "core/table/table.h"

namespace ud::app {

nlohmann::json jsonFromTableView(const core::Table& table, const TableViewState& view, std::size_t sample_rows = 8);

}  // namespace ud::app
