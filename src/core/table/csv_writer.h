// Table -> RFC 4180 CSV for "Export view": the rows and columns the user sees,
// in their order. Cells are written from their exact values (no rounding, no
// thousands separators) so an exported file reads back to the same table.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/table/table.h"

namespace ud::core {

struct CsvWriteOptions {
    char separator = ',';
    std::string_view line_end = "\r\n";  // RFC 4180's; "\n" also reads back
    bool guard_formulas = true;          // see needsFormulaGuard
    bool display_names = false;          // header from display names instead of the file's headers
};

// Formula-injection guard (OWASP "CSV Injection"): a spreadsheet runs a cell
// that begins with '=', '+', '-', '@', tab or carriage return as a formula, so
// such a TEXT cell is written with a leading single quote, which makes it
// literal text. Exempt, because no formula can hide in them: cells of numeric
// and date columns (written from their exact value, so "-12.5" stays a number)
// and text cells that are a plain number (-?digits[.digits]).
bool needsFormulaGuard(std::string_view text);

// Appends one field, quoted only when it holds the separator, a quote, CR or LF.
void appendCsvField(std::string& out, std::string_view text, char separator = ',');

// `rows` are row indices (a TableView's), `columns` column indices, both in output order.
std::string csvFromTable(const Table& table, std::span<const std::uint32_t> rows,
                         std::span<const std::size_t> columns, const CsvWriteOptions& options = {});
// Every row and column in table order.
std::string csvFromTable(const Table& table, const CsvWriteOptions& options = {});

}  // namespace ud::core
