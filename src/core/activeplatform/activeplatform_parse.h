// Reads an ActivePlatform daily analytics answer (doc 5.2) straight into the
// shared columnar Table, in one streaming pass (nlohmann SAX): no DOM of a
// large answer is ever built.
//
// Columns: first every `export_headers` entry in its order with its declared
// type (string -> Text, number -> Decimal, date -> Date, anything else -> Text),
// including headers no item carries (left empty); then item keys the headers do
// not name (e.g. `tags`, service-specific extras) in first-seen order, typed by
// the doc's field list when known, else Text. Numbers stay exact: decimal
// strings, JSON numbers, signs and exponent forms ("5.0e-05") all become
// Decimal; a value a column cannot hold widens that column to text, never lost.
// `tags` arrays become one text cell, "env: prod; team: web".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/table/table.h"

namespace ud::core {

struct ExportHeader {
    std::string key;       // "total"
    std::string type;      // as sent: "number"
    ColumnType column_type = ColumnType::Text;  // what the table column was created as
};

struct AnalyticsReport {
    std::string subscription_id;          // as sent; a JSON number is kept as its digits
    std::vector<ExportHeader> headers;    // export_headers as sent (empty when absent)
    bool had_export_headers = false;
    Table items;                          // one row per item
};

// Column type for an export_headers type name ("number" -> Decimal, ...).
ColumnType columnTypeFromHeaderType(std::string_view type);

// Parses a complete 2xx body. Parse errors name what is wrong: not JSON, cut
// short, no "subscription", no "items", an item that is not an object.
Result<AnalyticsReport> analyticsReportFromJson(std::string_view body);

// The separator used when an array value (tags) becomes one text cell.
inline constexpr std::string_view kTagSeparator = "; ";

}  // namespace ud::core
