// Compares the analytics scanner (analyticsReportFromJson) with the nlohmann
// reference (analyticsReportFromJsonNlohmann) on one body. Shared by the
// differential unit test (tests/core) and the fuzz target (tests/fuzz).
#pragma once

#include <string>
#include <string_view>

#include "core/activeplatform/activeplatform_parse.h"
#include "core/activeplatform/activeplatform_parse_nlohmann.h"

namespace ud::test {

// JSON syntax errors are worded by each parser in its own way (and nlohmann
// calls a bad last byte "ends too early"), so only their kind is compared;
// every other message must be the same text.
inline std::string analyticsErrorClass(const std::string& message) {
    for (std::string_view syntax : {"The answer is not valid JSON near byte", "The answer ends too early"})
        if (message.rfind(syntax, 0) == 0) return "<JSON syntax error>";
    return message;
}

// Empty when both parsers agree; else what differs first.
inline std::string analyticsParsersDiffer(std::string_view body) {
    auto a = core::analyticsReportFromJson(body);
    auto b = core::analyticsReportFromJsonNlohmann(body);
    if (a.ok() != b.ok())
        return std::string("scanner ") + (a.ok() ? "ok" : "error: " + a.error().message) + " / nlohmann " +
               (b.ok() ? "ok" : "error: " + b.error().message);
    if (!a.ok()) {
        if (a.error().kind != b.error().kind) return "error kinds differ";
        std::string ca = analyticsErrorClass(a.error().message), cb = analyticsErrorClass(b.error().message);
        return ca == cb ? std::string() : "errors differ: scanner \"" + a.error().message + "\" / nlohmann \"" +
                                              b.error().message + "\"";
    }
    if (a->subscription_id != b->subscription_id) return "subscription id " + a->subscription_id + " / " + b->subscription_id;
    if (a->had_export_headers != b->had_export_headers) return "had_export_headers differs";
    if (a->headers.size() != b->headers.size()) return "header counts differ";
    for (std::size_t i = 0; i < a->headers.size(); ++i) {
        const auto &x = a->headers[i], &y = b->headers[i];
        if (x.key != y.key || x.type != y.type || x.column_type != y.column_type)
            return "header " + std::to_string(i) + " differs: " + x.key + " / " + y.key;
    }
    const core::Table &ta = a->items, &tb = b->items;
    if (ta.rowCount() != tb.rowCount() || ta.columnCount() != tb.columnCount())
        return "table shape " + std::to_string(ta.rowCount()) + "x" + std::to_string(ta.columnCount()) + " / " +
               std::to_string(tb.rowCount()) + "x" + std::to_string(tb.columnCount());
    for (std::size_t c = 0; c < ta.columnCount(); ++c) {
        const core::Column &x = ta.column(c), &y = tb.column(c);
        if (x.name() != y.name() || x.displayName() != y.displayName() || x.type() != y.type())
            return "column " + std::to_string(c) + " differs: " + x.name() + " / " + y.name();
        for (std::size_t r = 0; r < ta.rowCount(); ++r)
            if (x.isNull(r) != y.isNull(r) || x.cellText(r) != y.cellText(r))
                return "cell " + x.name() + "[" + std::to_string(r) + "]: \"" + x.cellText(r) + "\" / \"" +
                       y.cellText(r) + "\"";
    }
    return {};
}

}  // namespace ud::test
