// Output for people and for scripts: aligned text tables on stdout, JSON
// documents (one per command, pretty-printed, ending in a newline), and a
// core Table printed either way.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/table/table.h"

namespace ud::cli {

using TextRows = std::vector<std::vector<std::string>>;

// Columns padded to their widest cell, two spaces apart; numbers right-aligned
// where `right_aligned[c]` says so.
std::string textTable(const std::vector<std::string>& header, const TextRows& rows,
                      const std::vector<bool>& right_aligned = {});
void printJson(const nlohmann::json& document);
void printText(const std::string& text);  // as is, on stdout

// A core Table's cells: display text (thousands separators) for people,
// exact text for JSON and CSV.
TextRows displayRows(const core::Table& table);
std::vector<std::string> headerOf(const core::Table& table);
std::vector<bool> numericColumns(const core::Table& table);
nlohmann::json jsonRows(const core::Table& table);  // [{"col": "exact text", ...}, ...]

}  // namespace ud::cli
