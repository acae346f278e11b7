// CSV export with the formula-injection guard; the rule is documented on
// needsFormulaGuard in csv_writer.h. Reading CSV is csv_reader.cpp.
#include "core/table/csv_writer.h"

#include <numeric>
#include <vector>

namespace ud::core {
namespace {

bool isPlainNumber(std::string_view text) {
    std::size_t i = text.starts_with('-') ? 1 : 0;
    bool digits = false, dot = false;
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (c >= '0' && c <= '9') {
            digits = true;
        } else if (c == '.' && !dot && digits) {
            dot = true;
            digits = false;  // a digit must follow the dot
        } else {
            return false;
        }
    }
    return digits;
}

void appendHeader(std::string& out, const Table& table, std::span<const std::size_t> columns,
                  const CsvWriteOptions& options) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i > 0) out.push_back(options.separator);
        const Column& c = table.column(columns[i]);
        std::string_view name = options.display_names ? c.displayName() : c.name();
        if (options.guard_formulas && needsFormulaGuard(name)) out.push_back('\'');
        appendCsvField(out, name, options.separator);
    }
    out.append(options.line_end);
}

}  // namespace

bool needsFormulaGuard(std::string_view text) {
    if (text.empty()) return false;
    char c = text[0];
    bool risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    return risky && !isPlainNumber(text);
}

void appendCsvField(std::string& out, std::string_view text, char separator) {
    bool needs_quotes = false;
    for (char c : text) {
        if (c == separator || c == '"' || c == '\n' || c == '\r') {
            needs_quotes = true;
            break;
        }
    }
    if (!needs_quotes) {
        out.append(text);
        return;
    }
    out.push_back('"');
    for (char c : text) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

std::string csvFromTable(const Table& table, std::span<const std::uint32_t> rows,
                         std::span<const std::size_t> columns, const CsvWriteOptions& options) {
    std::string out;
    out.reserve(64 + rows.size() * columns.size() * 12);
    appendHeader(out, table, columns, options);
    std::string cell;
    for (std::uint32_t row : rows) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (i > 0) out.push_back(options.separator);
            const Column& c = table.column(columns[i]);
            if (c.type() != ColumnType::Text) {
                c.appendCellText(row, out);  // digits, '-', '.' only: never quoted, never guarded
                continue;
            }
            std::string_view text = c.text(row);
            if (options.guard_formulas && needsFormulaGuard(text)) {
                cell.clear();  // not assign("'"): GCC 12 warns falsely (-Wrestrict) on assign+append
                cell.push_back('\'');
                cell.append(text);
                appendCsvField(out, cell, options.separator);
            } else {
                appendCsvField(out, text, options.separator);
            }
        }
        out.append(options.line_end);
    }
    return out;
}

std::string csvFromTable(const Table& table, const CsvWriteOptions& options) {
    std::vector<std::uint32_t> rows(table.rowCount());
    std::iota(rows.begin(), rows.end(), 0u);
    std::vector<std::size_t> columns(table.columnCount());
    std::iota(columns.begin(), columns.end(), std::size_t{0});
    return csvFromTable(table, rows, columns, options);
}

}  // namespace ud::core
