// What the columns of a usage report mean. Particle does not document its CSV
// columns (docs/particle-api.md §6), so roles come from headers, matched with
// headerKey() (case, spaces, '_' and '-' ignored), and from values: a date
// column, a device id (24 hex characters), product id and name, and the count
// (the first numeric column whose header says "operations" or "data ops").
// Columns with a role get a friendly display name; others keep their header.
#pragma once

#include <optional>
#include <string_view>

#include "core/table/table.h"

namespace ud::core {

struct ReportColumns {
    std::optional<std::size_t> date;
    std::optional<std::size_t> device_id;
    std::optional<std::size_t> device_name;
    std::optional<std::size_t> product_id;
    std::optional<std::size_t> product_name;
    std::optional<std::size_t> count;

    // Enough to show totals: a count and something to group it by.
    bool isReport() const { return count.has_value() && (date || device_id || product_id || product_name); }
};

ReportColumns reportColumnsFromTable(const Table& table);
// Sets roles and friendly display names on the columns found; returns them.
ReportColumns applyReportRoles(Table& table);
const char* displayNameFromRole(ColumnRole role);
// Headers whose values are names or ids even when they look like numbers
// ("device id" of 24 digits, a device named "2024"): inference keeps them Text.
bool isTextHeader(std::string_view header);
bool isDeviceIdText(std::string_view text);  // exactly 24 hex characters

}  // namespace ud::core
