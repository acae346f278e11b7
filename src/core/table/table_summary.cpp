// The Viewer's default aggregates and the grouped CSV (groups + Total row).
#include "core/table/table_summary.h"

#include <algorithm>
#include <numeric>

namespace ud::core {

std::vector<AggregateSpec> defaultAggregates(const Table& table, std::span<const GroupKey> keys, Aggregate function) {
    std::vector<AggregateSpec> out;
    for (std::size_t c = 0; c < table.columnCount(); ++c) {
        const bool is_key = std::any_of(keys.begin(), keys.end(), [c](const GroupKey& k) { return k.column == c; });
        const ColumnRole role = table.column(c).role();
        const bool is_id = role == ColumnRole::ProductId || role == ColumnRole::DeviceId;  // numbers, not amounts
        if (!is_key && !is_id && table.column(c).isNumeric()) out.push_back({c, function});
    }
    return out;
}

std::string csvFromGroupedTable(const GroupedTable& grouped, std::span<const std::uint32_t> rows,
                                std::span<const std::size_t> columns, const CsvWriteOptions& options) {
    std::string csv = csvFromTable(grouped.groups, rows, columns, options);
    const std::uint32_t total_row[] = {0};
    std::string totals = csvFromTable(grouped.totals, total_row, columns, options);
    const std::size_t header_end = totals.find('\n');
    if (header_end != std::string::npos) csv += totals.substr(header_end + 1);
    return csv;
}

std::string csvFromGroupedTable(const GroupedTable& grouped, const CsvWriteOptions& options) {
    std::vector<std::uint32_t> rows(grouped.groups.rowCount());
    std::iota(rows.begin(), rows.end(), 0u);
    std::vector<std::size_t> columns(grouped.groups.columnCount());
    std::iota(columns.begin(), columns.end(), std::size_t{0});
    return csvFromGroupedTable(grouped, rows, columns, options);
}

}  // namespace ud::core
