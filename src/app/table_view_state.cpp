// Applying table actions (sort, filter, search, column visibility) to a
// TableViewState, parsing filter texts, and copying shown rows as TSV.
#include "app/table_view_state.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <type_traits>

#include "core/table/csv_writer.h"
#include "core/base/decimal.h"

namespace ud::app {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// "<op>value" or "a..b" split into bounds as text; op one of >, >=, <, <=, =.
struct Bounds {
    std::string_view low, high;
};
Bounds boundsFromText(std::string_view text) {
    Bounds b;
    auto dots = text.find("..");
    if (dots != std::string_view::npos) {
        b.low = trim(text.substr(0, dots));
        b.high = trim(text.substr(dots + 2));
    } else if (text.starts_with(">=") || text.starts_with(">")) {
        b.low = trim(text.substr(text[1] == '=' ? 2 : 1));
    } else if (text.starts_with("<=") || text.starts_with("<")) {
        b.high = trim(text.substr(text[1] == '=' ? 2 : 1));
    } else {
        b.low = b.high = trim(text.starts_with("=") ? text.substr(1) : text);
    }
    return b;
}

}  // namespace

void resetTableView(TableViewState& view, const core::Table& table) {
    std::size_t revision = view.revision + 1;
    view = TableViewState{};
    view.revision = revision;
    view.hidden.assign(table.columnCount(), false);
    view.filter_texts.assign(table.columnCount(), "");
    view.filter_errors.assign(table.columnCount(), "");
    refreshTableRows(view, table);
}

void refreshTableRows(TableViewState& view, const core::Table& table) { view.rows = core::viewRows(table, view.spec); }

bool columnFilterFromText(const core::Column& column, std::size_t index, const std::string& text,
                          core::ColumnFilter& out, std::string& error) {
    out = core::ColumnFilter{};
    out.column = index;
    std::string_view t = trim(text);
    if (column.type() == core::ColumnType::Text) {
        out.contains = std::string(t);
        return true;
    }
    Bounds b = boundsFromText(t);
    if (column.type() == core::ColumnType::Date) {
        if (!b.low.empty()) out.first = core::dateFromIso(b.low);
        if (!b.high.empty()) out.last = core::dateFromIso(b.high);
        if ((!b.low.empty() && !out.first) || (!b.high.empty() && !out.last)) {
            error = "Use a date like 2024-01-31, a range 2024-01-01..2024-01-31, or >=2024-02-01.";
            return false;
        }
        return true;
    }
    if (!b.low.empty()) out.min = core::Decimal::fromText(b.low);
    if (!b.high.empty()) out.max = core::Decimal::fromText(b.high);
    if ((!b.low.empty() && !out.min) || (!b.high.empty() && !out.max)) {
        error = "Use a number like 12.5, a range 10..20, or >5, <=100.";
        return false;
    }
    return true;
}

void applyTableAction(TableViewState& view, const core::Table& table, const TableAction& action) {
    std::visit(
        [&](const auto& a) {
            using T = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<T, SortByColumn>) {
                auto& keys = view.spec.sort;
                if (a.column >= table.columnCount()) return;
                auto it = std::find_if(keys.begin(), keys.end(), [&](const core::SortKey& k) { return k.column == a.column; });
                auto toggle = [](core::SortKey& k) {
                    k.direction = k.direction == core::SortDirection::Ascending ? core::SortDirection::Descending
                                                                               : core::SortDirection::Ascending;
                };
                if (a.add) {
                    if (it != keys.end()) toggle(*it);
                    else keys.push_back({a.column, core::SortDirection::Ascending});
                } else if (it == keys.begin() && keys.size() == 1) {
                    toggle(keys.front());
                } else {
                    keys = {{a.column, core::SortDirection::Ascending}};
                }
            } else if constexpr (std::is_same_v<T, ClearSort>) {
                view.spec.sort.clear();
            } else if constexpr (std::is_same_v<T, SetColumnFilter>) {
                if (a.column >= table.columnCount()) return;
                view.filter_texts[a.column] = a.text;
                view.filter_errors[a.column].clear();
                auto& filters = view.spec.filters;
                std::erase_if(filters, [&](const core::ColumnFilter& f) { return f.column == a.column; });
                core::ColumnFilter filter;
                if (!trim(a.text).empty() &&
                    columnFilterFromText(table.column(a.column), a.column, a.text, filter, view.filter_errors[a.column]))
                    filters.push_back(filter);
            } else if constexpr (std::is_same_v<T, SetSearch>) {
                view.spec.search = a.text;
            } else if constexpr (std::is_same_v<T, SetColumnHidden>) {
                if (a.column < view.hidden.size()) view.hidden[a.column] = a.hidden;
                return;  // rows unchanged
            } else if constexpr (std::is_same_v<T, CopyRows>) {
                return;
            }
            refreshTableRows(view, table);
        },
        action);
}

std::vector<std::size_t> shownColumns(const TableViewState& view, const core::Table& table) {
    std::vector<std::size_t> cols;
    for (std::size_t c = 0; c < table.columnCount(); ++c)
        if (c >= view.hidden.size() || !view.hidden[c]) cols.push_back(c);
    return cols;
}

std::string tsvFromRows(const TableViewState& view, const core::Table& table, std::size_t first, std::size_t last) {
    std::string out;
    auto cols = shownColumns(view, table);
    auto appendClean = [&out](std::string_view s) {
        for (char ch : s) out.push_back(ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch);
    };
    // The same formula guard as the CSV export: pasted into a spreadsheet, a text
    // cell starting with '=', '+', '-' or '@' would otherwise run as a formula.
    auto appendGuarded = [&](std::string_view s, bool text) {
        if (text && core::needsFormulaGuard(s)) out.push_back('\'');
        appendClean(s);
    };
    for (std::size_t i = 0; i < cols.size(); ++i) {
        if (i) out.push_back('\t');
        appendGuarded(table.column(cols[i]).displayName(), true);
    }
    out.push_back('\n');
    if (view.rows.empty()) return out;
    last = std::min(last, view.rows.size() - 1);
    std::string cell;
    for (std::size_t p = first; p <= last; ++p) {
        for (std::size_t i = 0; i < cols.size(); ++i) {
            if (i) out.push_back('\t');
            cell.clear();
            const core::Column& column = table.column(cols[i]);
            column.appendCellText(view.rows[p], cell);
            appendGuarded(cell, column.type() == core::ColumnType::Text);
        }
        out.push_back('\n');
    }
    return out;
}

}  // namespace ud::app
