// UI-only state of one on-screen table (search and filter edit buffers, the
// row selection, the columns popup). Owned by a section's forms struct.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace ud::ui {

struct TableWidgetForm {
    std::size_t seen_revision = static_cast<std::size_t>(-1);  // TableViewState::revision last copied
    std::string search;
    std::vector<std::string> filters;  // per column
    long long selection_anchor = -1;   // view positions; -1 = nothing selected
    long long selection_end = -1;
};

}  // namespace ud::ui
