// Shared by the table tests: a CSV text read as a Table, a Table as rows of
// cell text, and every row in file order.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/table/csv_reader.h"
#include "core/table/table_view.h"

namespace ud::test {

using core::Column;
using core::CsvIssue;
using core::CsvReadOptions;
using core::Result;
using core::Table;

using Rows = std::vector<std::vector<std::string>>;

// The table read from `csv`; an empty Table (and a test failure) when it does not read.
inline Table tableOf(std::string_view csv, const CsvReadOptions& options = {}, std::vector<CsvIssue>* issues = nullptr) {
    Result<Table> t = tableFromCsv(csv, options, issues);
    EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().message);
    return t.ok() ? std::move(t).value() : Table{};
}

inline Rows rowsOf(const Table& t) {
    Rows rows;
    for (std::size_t r = 0; r < t.rowCount(); ++r) {
        std::vector<std::string> row;
        for (const Column& c : t.columns()) row.push_back(c.cellText(r));
        rows.push_back(std::move(row));
    }
    return rows;
}

inline std::vector<std::uint32_t> allRows(const Table& t) { return filterRows(t, {}, ""); }

}  // namespace ud::test
