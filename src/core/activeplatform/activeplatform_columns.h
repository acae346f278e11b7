// What both daily analytics parsers share (the hand-written scanner in
// activeplatform_parse.cpp and the nlohmann SAX reference in
// activeplatform_parse_nlohmann.cpp): the item columns being built, the text
// form of nested cell values, and the final checks. Keeping this in one place
// is what makes the two parsers give the same table, which the differential
// test (tests/core/activeplatform_scanner_test.cpp) checks. Internal to core.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/activeplatform/activeplatform_parse.h"

namespace ud::core::analytics {

enum class ValueKind { String, Number, Bool, Null };

inline constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Checks made before any parser runs: empty body, an HTML page.
std::optional<Error> errorFromFirstLook(std::string_view body);

// A JSON number's text as the reference parser hands it on: the digits as
// sent, except "-0", which nlohmann reads as the integer 0.
inline std::string_view numberText(std::string_view raw) { return raw == "-0" ? std::string_view("0") : raw; }

// A nested item value (tags array, object) as one text cell: elements of a
// top-level array joined by kTagSeparator, deeper values as compact JSON.
class NestedCellText {
public:
    void begin(bool is_object);
    void key(std::string_view key);
    void scalar(std::string_view text, ValueKind kind);
    void open(bool is_object);
    bool close();  // true when the outermost value closed; text() is then the cell
    bool inObject() const { return levels_.back().is_object; }
    const std::string& text() const { return text_; }

private:
    struct Level {
        bool is_object;
        std::size_t count;
    };
    bool inTopArray() const { return levels_.size() == 1 && !levels_[0].is_object; }
    void separator();

    std::string text_;
    std::vector<Level> levels_;
    bool after_key_ = false;
};

// The item table as it grows, plus subscription id and export headers.
class AnalyticsColumns {
public:
    // First message wins; returns false so callers can `return fail(...)`.
    bool fail(std::string message);
    bool failed() const { return !error_.empty(); }

    void setSubscriptionId(std::string_view id) { report_.subscription_id = std::string(id); }
    bool hadExportHeaders() const { return report_.had_export_headers; }
    void markExportHeaders() { report_.had_export_headers = true; }
    // One export_headers entry (ignored when the key is empty or repeated).
    void header(std::string_view key, std::string_view type);

    void beginItem() { prev_col_ = kNone; }
    // An item key: selects the column its value goes to. False when the answer
    // has too many different fields (the error is recorded).
    bool itemKey(std::string_view key);
    // kNone when the value is ignored (the item repeats a key).
    std::size_t cellColumn() const { return cell_col_; }
    bool cellIsDecimal() const { return cols_[cell_col_].type() == ColumnType::Decimal; }
    void cellText(std::string_view text);  // the value as text (number, string, nested text)
    // An exact value units * 10^-scale, as a canonical decimal string would give.
    void cellUnits(std::int64_t units, int scale);
    void endItem();
    std::string itemName() const { return "Item " + std::to_string(rows_ + 1); }

    Result<AnalyticsReport> finish(std::string_view body, bool saw_root, bool saw_subscription, bool saw_items);

private:
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::size_t findColumn(std::string_view key, bool use_hint) const;  // kNone when the key is new
    std::size_t addColumn(std::string_view key, ColumnType type);      // kNone (and the error) past kMaxColumns

    std::string error_;
    AnalyticsReport report_;
    std::vector<ColumnBuilder> cols_;
    std::vector<std::string> names_;
    std::vector<std::size_t> filled_row_;  // rows_ + 1 once the current item gave that column a value
    std::vector<std::size_t> next_hint_;   // the column that followed this one in the last item
    std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> index_;
    std::size_t rows_ = 0;
    std::size_t cell_col_ = kNone;  // column of the item value being read
    std::size_t prev_col_ = kNone;  // previous key's column in this item (for next_hint_)
    std::size_t first_col_hint_ = kNone;
};

}  // namespace ud::core::analytics
