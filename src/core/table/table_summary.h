// What the Viewer's group-by and the `usagedesk csv summary` command share, so
// the page and the command line never disagree: which columns get summed
// (every numeric column that is neither a key nor an id), and the grouped
// result written as one CSV (the groups, then the "Total" row).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/table/csv_writer.h"
#include "core/table/table_group.h"

namespace ud::core {

// The aggregates the Viewer shows: `function` of every Integer or Decimal
// column that is not one of `keys` and is not a device or product id.
std::vector<AggregateSpec> defaultAggregates(const Table& table, std::span<const GroupKey> keys, Aggregate function);

// The groups (`rows` of them, in that order) followed by the totals row, with
// the `columns` given, as one CSV: what "Export view" saves for a grouped table.
std::string csvFromGroupedTable(const GroupedTable& grouped, std::span<const std::uint32_t> rows,
                                std::span<const std::size_t> columns, const CsvWriteOptions& options = {});
// Every group row and column in order.
std::string csvFromGroupedTable(const GroupedTable& grouped, const CsvWriteOptions& options = {});

}  // namespace ud::core
