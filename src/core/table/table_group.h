// Group-by with totals: rows grouped by one or two columns (text, date,
// integer, or the month of a date column), with exact sum, count, min, max
// and mean of numeric columns. The result is itself a Table, so the same
// table UI sorts, filters and exports it.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/base/result.h"
#include "core/table/table.h"

namespace ud::core {

struct GroupKey {
    std::size_t column = 0;
    bool by_month = false;  // Date columns: group by calendar month, shown as YYYY-MM
};

enum class Aggregate { Sum, Count, Min, Max, Mean };

struct AggregateSpec {
    std::size_t column = 0;  // an Integer or Decimal column
    Aggregate function = Aggregate::Sum;
};

struct GroupSpec {
    std::vector<GroupKey> keys;               // one or two
    std::vector<AggregateSpec> aggregates;
};

// `groups`: one row per distinct key, sorted by the keys (empty keys last),
// columns = keys, "Rows", then one column per aggregate ("Sum of Data
// operations", ...). Sums are exact; Count counts non-empty cells; Mean is
// rounded half away from zero to two more decimals than the column has.
// `totals`: one row over all the given rows, same columns, the first key
// cell reading "Total" (key columns are Text there).
struct GroupedTable {
    Table groups;
    Table totals;
};

const char* nameFromAggregate(Aggregate function);

// Validation error for a bad spec (no keys, more than two, non-numeric aggregate).
Result<GroupedTable> groupRows(const Table& table, std::span<const std::uint32_t> rows, const GroupSpec& spec);

}  // namespace ud::core
