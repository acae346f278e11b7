// Text tables and JSON on stdout.
#include "cli_output.h"

#include <algorithm>
#include <cstdio>

namespace ud::cli {
namespace {

// Display width in code points (UTF-8 continuation bytes do not count).
std::size_t widthOf(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

}  // namespace

std::string textTable(const std::vector<std::string>& header, const TextRows& rows, const std::vector<bool>& right_aligned) {
    std::vector<std::size_t> widths(header.size(), 0);
    auto measure = [&widths](const std::vector<std::string>& row) {
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) widths[c] = std::max(widths[c], widthOf(row[c]));
    };
    measure(header);
    for (const auto& row : rows) measure(row);
    std::string out;
    auto line = [&](const std::vector<std::string>& row) {
        std::string text;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            const std::string cell = c < row.size() ? row[c] : std::string();
            const std::string pad(widths[c] - std::min(widths[c], widthOf(cell)), ' ');
            const bool right = c < right_aligned.size() && right_aligned[c];
            if (c) text += "  ";
            text += right ? pad + cell : cell + (c + 1 < widths.size() ? pad : std::string());
        }
        out += text + "\n";
    };
    line(header);
    for (const auto& row : rows) line(row);
    return out;
}

// Replace, not throw, on bytes that are not UTF-8 (a CSV can hold anything).
void printJson(const nlohmann::json& document) {
    printText(document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

void printText(const std::string& text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
}

TextRows displayRows(const core::Table& table) {
    TextRows rows(table.rowCount());
    for (std::size_t r = 0; r < table.rowCount(); ++r)
        for (std::size_t c = 0; c < table.columnCount(); ++c) rows[r].push_back(table.column(c).displayText(r));
    return rows;
}

std::vector<std::string> headerOf(const core::Table& table) {
    std::vector<std::string> header;
    for (const auto& column : table.columns()) header.push_back(column.name());
    return header;
}

std::vector<bool> numericColumns(const core::Table& table) {
    std::vector<bool> out;
    for (const auto& column : table.columns()) out.push_back(column.isNumeric());
    return out;
}

nlohmann::json jsonRows(const core::Table& table) {
    nlohmann::json rows = nlohmann::json::array();
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        nlohmann::json row = nlohmann::json::object();
        for (const auto& column : table.columns()) row[column.name()] = column.cellText(r);
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace ud::cli
