// What the table shows: the rows that pass the filters and the search, in the
// chosen sort order, as row indices into an unchanged Table. Text tests run
// once per dictionary entry, not per row, and sorts compare packed integer
// keys (a radix sort), so a million rows filter and sort in milliseconds.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/table/table.h"

namespace ud::core {

enum class SortDirection { Ascending, Descending };

struct SortKey {
    std::size_t column = 0;
    SortDirection direction = SortDirection::Ascending;
};

// All set parts must hold; unset parts do not filter. Ranges are inclusive.
struct ColumnFilter {
    std::size_t column = 0;
    std::string contains;                 // case-insensitive (ASCII) substring of the cell text
    std::optional<Decimal> min, max;      // Integer and Decimal columns
    std::optional<Date> first, last;      // Date columns
};

struct ViewSpec {
    std::vector<ColumnFilter> filters;
    std::string search;                   // case-insensitive, across all Text columns
    std::vector<SortKey> sort;            // first key decides, later keys break ties
};

// Rows passing every filter and the search, in table order.
std::vector<std::uint32_t> filterRows(const Table& table, std::span<const ColumnFilter> filters,
                                      std::string_view search);
// Stable sort of `rows` by the keys. Text sorts case-insensitively (then by
// bytes); empty cells go last in either direction.
void sortRows(const Table& table, std::vector<std::uint32_t>& rows, std::span<const SortKey> keys);
// filterRows, then sortRows.
std::vector<std::uint32_t> viewRows(const Table& table, const ViewSpec& spec);

// Case-insensitive (ASCII) substring test; an empty needle matches everything.
bool containsIgnoringCase(std::string_view haystack, std::string_view needle);

}  // namespace ud::core
