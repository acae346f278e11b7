// Column building shared by both analytics parsers; rules in activeplatform_parse.h.
#include "core/activeplatform/activeplatform_columns.h"

#include "core/base/jsonapi_error.h"
#include "core/base/same_bytes.h"
#include "core/table/cell_text.h"

namespace ud::core::analytics {
namespace {

// A table of thousands of fields is not an analytics answer; stop before the
// backfill of late columns turns quadratic.
constexpr std::size_t kMaxColumns = 1000;

// Item fields the doc (5.3) types even when export_headers does not list them.
ColumnType knownFieldType(std::string_view key) {
    if (key == "operate_day" || key == "billed_day") return ColumnType::Date;
    if (key == "unit_price" || key == "duration" || key == "discount_amount" || key == "taxes_total" ||
        key == "total")
        return ColumnType::Decimal;
    return ColumnType::Text;
}

// "resource_group" -> "Resource group".
std::string displayNameFromKey(std::string_view key) {
    std::string out(key);
    for (char& c : out)
        if (c == '_') c = ' ';
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

void appendJsonQuoted(std::string& out, std::string_view text) {
    out.push_back('"');
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(c);
        } else if (static_cast<unsigned char>(c) < 0x20) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    out.push_back('"');
}

}  // namespace

std::optional<Error> errorFromFirstLook(std::string_view body) {
    std::size_t start = body.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return makeError(ErrorKind::Parse, "The answer was empty.");
    if (body[start] == '<')
        return makeError(ErrorKind::Parse, "The answer is an HTML page, not JSON (often a proxy's or login page).");
    return std::nullopt;
}

// ---- NestedCellText ----------------------------------------------------------

void NestedCellText::begin(bool is_object) {
    text_.clear();
    levels_.assign(1, Level{is_object, 0});
    after_key_ = false;
    if (is_object) text_.push_back('{');
}

void NestedCellText::separator() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    std::size_t& count = levels_.back().count;
    if (count > 0) {
        if (inTopArray()) text_ += kTagSeparator;
        else text_.push_back(',');
    }
    ++count;
}

void NestedCellText::key(std::string_view key) {
    separator();
    appendJsonQuoted(text_, key);
    text_.push_back(':');
    after_key_ = true;
}

void NestedCellText::scalar(std::string_view text, ValueKind kind) {
    if (inTopArray()) {  // tags: the values themselves, nulls dropped
        if (kind == ValueKind::Null) return;
        separator();
        text_ += text;
        return;
    }
    separator();
    if (kind == ValueKind::String) appendJsonQuoted(text_, text);
    else if (kind == ValueKind::Null) text_ += "null";
    else text_ += text;
}

void NestedCellText::open(bool is_object) {
    separator();
    text_.push_back(is_object ? '{' : '[');
    levels_.push_back(Level{is_object, 0});
}

bool NestedCellText::close() {
    bool was_object = levels_.back().is_object;
    levels_.pop_back();
    if (levels_.empty()) {
        if (was_object) text_.push_back('}');  // a top-level array has no brackets: "a: 1; b: 2"
        return true;
    }
    text_.push_back(was_object ? '}' : ']');
    return false;
}

// ---- AnalyticsColumns --------------------------------------------------------

bool AnalyticsColumns::fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return false;
}

std::size_t AnalyticsColumns::findColumn(std::string_view key, bool use_hint) const {
    // Items usually list their keys in the same order: try the last item's successor first.
    std::size_t hint = prev_col_ == kNone ? first_col_hint_ : next_hint_[prev_col_];
    if (use_hint && hint != kNone && sameBytes(names_[hint], key)) return hint;
    if (auto it = index_.find(key); it != index_.end()) return it->second;
    return kNone;
}

std::size_t AnalyticsColumns::addColumn(std::string_view key, ColumnType type) {
    if (cols_.size() >= kMaxColumns) {
        fail("The answer has more than " + std::to_string(kMaxColumns) + " different fields.");
        return kNone;
    }
    std::size_t col = cols_.size();
    cols_.emplace_back(std::string(key), type);
    cols_.back().setDisplayName(displayNameFromKey(key));
    for (std::size_t r = 0; r < rows_; ++r) cols_.back().appendNull();  // rows before this key appeared
    names_.emplace_back(key);
    filled_row_.push_back(0);
    next_hint_.push_back(kNone);
    index_.emplace(std::string(key), col);
    return col;
}

void AnalyticsColumns::header(std::string_view key, std::string_view type) {
    if (key.empty()) return;
    for (const ExportHeader& h : report_.headers)
        if (h.key == key) return;
    std::size_t col = findColumn(key, /*use_hint=*/false);
    if (col == kNone) col = addColumn(key, columnTypeFromHeaderType(type));
    if (col == kNone) return;
    report_.headers.push_back({std::string(key), std::string(type), cols_[col].type()});
}

bool AnalyticsColumns::itemKey(std::string_view key) {
    std::size_t col = findColumn(key, /*use_hint=*/true);
    if (col == kNone) col = addColumn(key, knownFieldType(key));  // the type is looked up once per new key
    if (col == kNone) return false;
    cell_col_ = filled_row_[col] == rows_ + 1 ? kNone : col;  // a repeated key keeps its first value
    if (prev_col_ == kNone) first_col_hint_ = col;
    else next_hint_[prev_col_] = col;
    prev_col_ = col;
    return true;
}

void AnalyticsColumns::cellText(std::string_view text) {
    ColumnBuilder& b = cols_[cell_col_];
    filled_row_[cell_col_] = rows_ + 1;
    if (b.type() == ColumnType::Decimal) {
        // Canonical decimal text goes in as text so the column keeps the bytes;
        // exponent forms, "+1" or "-0.0" go through the exact Decimal reader.
        std::int64_t units = 0;
        int scale = 0;
        if (!decimalFromCell(text, units, scale) && !integerFromCell(text, units)) {
            if (auto d = Decimal::fromText(text)) {
                b.appendDecimal(*d);
                return;
            }
        }
    }
    b.appendText(text);
}

void AnalyticsColumns::cellUnits(std::int64_t units, int scale) {
    filled_row_[cell_col_] = rows_ + 1;
    cols_[cell_col_].appendUnits(units, scale);
}

void AnalyticsColumns::endItem() {
    for (std::size_t c = 0; c < cols_.size(); ++c)
        if (filled_row_[c] != rows_ + 1) cols_[c].appendNull();
    ++rows_;
}

Result<AnalyticsReport> AnalyticsColumns::finish(std::string_view body, bool saw_root, bool saw_subscription,
                                                 bool saw_items) {
    if (!error_.empty()) return makeError(ErrorKind::Parse, error_);
    if (!saw_root) return makeError(ErrorKind::Parse, "The answer is not a JSON object.");
    if (!saw_subscription) {
        // An answer without "subscription" may be a JSON:API error document sent with 200.
        JsonApiError api = jsonApiErrorFromBody(body, /*plain_too=*/false);
        const std::string& detail = api.detail.empty() ? api.title : api.detail;
        if (!detail.empty()) return makeError(ErrorKind::Parse, "The answer holds an error instead of data: " + detail);
        return makeError(ErrorKind::Parse, "The answer has no \"subscription\" object.");
    }
    if (!saw_items) return makeError(ErrorKind::Parse, "The answer's subscription has no \"items\" list.");

    // Header columns first, in their order; then keys only items had.
    std::vector<std::size_t> order;
    std::vector<bool> placed(cols_.size(), false);
    for (const ExportHeader& h : report_.headers) {
        std::size_t col = index_.find(h.key)->second;
        order.push_back(col);
        placed[col] = true;
    }
    for (std::size_t c = 0; c < cols_.size(); ++c)
        if (!placed[c]) order.push_back(c);
    TableBuilder builder;
    for (std::size_t col : order) {
        std::size_t at = builder.addColumn(names_[col], cols_[col].type());
        builder.column(at) = std::move(cols_[col]);
    }
    report_.items = builder.finish();
    return std::move(report_);
}

}  // namespace ud::core::analytics
