// The daily analytics answer, streamed through nlohmann's SAX interface into
// per-column builders, then assembled into a Table (export_headers order first).
// Column typing and cell conversion rules are described in core/activeplatform/activeplatform_parse.h.
#include "core/activeplatform/activeplatform_parse.h"

#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/base/jsonapi_error.h"
#include "core/table/cell_text.h"

namespace ud::core {
namespace {

using nlohmann::json;

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
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

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

enum class ValueKind { String, Number, Bool, Null };

// Receives SAX events; keeps a stack of where in the document it is.
class AnalyticsSax {
public:
    explicit AnalyticsSax(std::size_t body_size) : body_size_(body_size) {}

    bool null() { return scalar("", ValueKind::Null); }
    bool boolean(bool v) { return scalar(v ? "true" : "false", ValueKind::Bool); }
    bool number_integer(json::number_integer_t v) { return scalar(std::to_string(v), ValueKind::Number); }
    bool number_unsigned(json::number_unsigned_t v) { return scalar(std::to_string(v), ValueKind::Number); }
    bool number_float(json::number_float_t, const std::string& raw) { return scalar(raw, ValueKind::Number); }
    bool string(std::string& v) { return scalar(v, ValueKind::String); }
    bool binary(json::binary_t&) { return true; }
    bool start_object(std::size_t) { return open(true); }
    bool start_array(std::size_t) { return open(false); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& k);
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex);

    Result<AnalyticsReport> finish(std::string_view body);

private:
    enum class Place { Root, Subscription, HeaderList, Header, ItemList, Item, CellArray, CellObject };
    enum class Next { Other, Subscription, Id, Headers, Items, HeaderKey, HeaderType, Cell };

    bool fail(std::string message) {
        if (error_.empty()) error_ = std::move(message);
        return false;
    }
    bool scalar(std::string_view text, ValueKind kind);
    bool open(bool is_object);
    bool close();
    bool openCell(bool is_object);
    bool inTopCellArray() const { return place_.back() == Place::CellArray && place_[place_.size() - 2] == Place::Item; }
    void nestedSeparator();
    void writeNestedScalar(std::string_view text, ValueKind kind);
    std::size_t columnFor(std::string_view key, ColumnType type);
    void appendCell(std::size_t col, std::string_view text);
    void endRow();
    void registerHeader();
    std::string itemName() const { return "Item " + std::to_string(rows_ + 1); }

    std::size_t body_size_;
    std::string error_;
    std::vector<Place> place_;
    Next next_ = Next::Other;
    int skip_depth_ = 0;  // > 0 while inside a value nobody reads
    bool saw_root_ = false, saw_subscription_ = false, saw_items_ = false;

    AnalyticsReport report_;
    std::string header_key_, header_type_;

    std::vector<ColumnBuilder> cols_;
    std::vector<std::string> names_;
    std::vector<std::size_t> filled_row_;  // rows_ + 1 once the current item gave that column a value
    std::vector<std::size_t> next_hint_;   // the column that followed this one in the last item
    std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> index_;
    std::size_t rows_ = 0;
    std::size_t cell_col_ = kNone;  // column of the item value being read
    std::size_t prev_col_ = kNone;  // previous key's column in this item (for next_hint_)
    std::size_t first_col_hint_ = kNone;
    std::string cell_text_;                   // nested value (tags array, object) as text
    std::vector<std::size_t> nested_counts_;  // elements written per nested level
    bool after_key_ = false;
};

bool AnalyticsSax::key(std::string& k) {
    if (skip_depth_ > 0) return true;
    switch (place_.back()) {
        case Place::Root: next_ = k == "subscription" ? Next::Subscription : Next::Other; break;
        case Place::Subscription:
            next_ = k == "id" ? Next::Id : k == "export_headers" ? Next::Headers : k == "items" ? Next::Items : Next::Other;
            break;
        case Place::Header: next_ = k == "key" ? Next::HeaderKey : k == "type" ? Next::HeaderType : Next::Other; break;
        case Place::Item: {
            next_ = Next::Cell;
            std::size_t col = columnFor(k, knownFieldType(k));
            if (col == kNone) return false;
            cell_col_ = filled_row_[col] == rows_ + 1 ? kNone : col;  // a repeated key keeps its first value
            if (prev_col_ == kNone) first_col_hint_ = col;
            else next_hint_[prev_col_] = col;
            prev_col_ = col;
            break;
        }
        case Place::CellObject:
            nestedSeparator();
            appendJsonQuoted(cell_text_, k);
            cell_text_.push_back(':');
            after_key_ = true;
            break;
        default: break;
    }
    return true;
}

bool AnalyticsSax::scalar(std::string_view text, ValueKind kind) {
    if (skip_depth_ > 0) return true;
    if (place_.empty()) return fail("The answer is not a JSON object.");
    switch (place_.back()) {
        case Place::Root:
            if (next_ == Next::Subscription) return fail("The answer's \"subscription\" is not an object.");
            return true;
        case Place::Subscription:
            if (next_ == Next::Id && (kind == ValueKind::String || kind == ValueKind::Number))
                report_.subscription_id = std::string(text);
            if (next_ == Next::Items) return fail("The answer's \"items\" is not a list.");
            return true;
        case Place::Header:
            if (kind == ValueKind::String && next_ == Next::HeaderKey) header_key_ = std::string(text);
            if (kind == ValueKind::String && next_ == Next::HeaderType) header_type_ = std::string(text);
            return true;
        case Place::ItemList: return fail(itemName() + " is not an object.");
        case Place::Item:
            if (cell_col_ != kNone && kind != ValueKind::Null) appendCell(cell_col_, text);
            return true;
        case Place::CellArray:
        case Place::CellObject: writeNestedScalar(text, kind); return true;
        case Place::HeaderList: return true;
    }
    return true;
}

bool AnalyticsSax::open(bool is_object) {
    if (skip_depth_ > 0) {
        ++skip_depth_;
        return true;
    }
    if (place_.empty()) {
        if (!is_object || saw_root_) return fail("The answer is not a JSON object.");
        saw_root_ = true;
        place_.push_back(Place::Root);
        return true;
    }
    Place top = place_.back();
    auto push = [this](Place p) { place_.push_back(p); return true; };
    auto skip = [this] { skip_depth_ = 1; return true; };
    switch (top) {
        case Place::Root:
            if (next_ != Next::Subscription) return skip();
            if (!is_object) return fail("The answer's \"subscription\" is not an object.");
            if (saw_subscription_) return skip();
            saw_subscription_ = true;
            return push(Place::Subscription);
        case Place::Subscription:
            if (next_ == Next::Items) {
                if (!is_object && !saw_items_) { saw_items_ = true; return push(Place::ItemList); }
                if (is_object) return fail("The answer's \"items\" is not a list.");
            }
            if (next_ == Next::Headers && !is_object && !report_.had_export_headers) {
                report_.had_export_headers = true;
                return push(Place::HeaderList);
            }
            return skip();
        case Place::HeaderList:
            if (!is_object) return skip();
            header_key_.clear();
            header_type_.clear();
            return push(Place::Header);
        case Place::ItemList:
            if (!is_object) return fail(itemName() + " is not an object.");
            prev_col_ = kNone;
            return push(Place::Item);
        case Place::Item:
            if (cell_col_ == kNone) return skip();
            cell_text_.clear();
            nested_counts_.assign(1, 0);
            after_key_ = false;
            if (is_object) cell_text_.push_back('{');
            return push(is_object ? Place::CellObject : Place::CellArray);
        case Place::CellArray:
        case Place::CellObject:
            nestedSeparator();
            cell_text_.push_back(is_object ? '{' : '[');
            nested_counts_.push_back(0);
            return push(is_object ? Place::CellObject : Place::CellArray);
        case Place::Header: return skip();
    }
    return skip();
}

bool AnalyticsSax::close() {
    if (skip_depth_ > 0) {
        --skip_depth_;
        return true;
    }
    Place p = place_.back();
    place_.pop_back();
    switch (p) {
        case Place::Header: registerHeader(); break;
        case Place::Item: endRow(); break;
        case Place::CellArray:
        case Place::CellObject:
            nested_counts_.pop_back();
            if (place_.back() == Place::Item) {
                if (p == Place::CellObject) cell_text_.push_back('}');
                appendCell(cell_col_, cell_text_);
            } else {
                cell_text_.push_back(p == Place::CellObject ? '}' : ']');
            }
            break;
        default: break;
    }
    return true;
}

// Elements of a top-level array (tags) are joined by kTagSeparator; deeper
// values are written as compact JSON so nothing the server sent is lost.
void AnalyticsSax::nestedSeparator() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    std::size_t& count = nested_counts_.back();
    if (count > 0) {
        if (inTopCellArray()) cell_text_ += kTagSeparator;
        else cell_text_.push_back(',');
    }
    ++count;
}

void AnalyticsSax::writeNestedScalar(std::string_view text, ValueKind kind) {
    if (inTopCellArray()) {
        if (kind == ValueKind::Null) return;
        nestedSeparator();
        cell_text_ += text;
        return;
    }
    nestedSeparator();
    if (kind == ValueKind::String) appendJsonQuoted(cell_text_, text);
    else if (kind == ValueKind::Null) cell_text_ += "null";
    else cell_text_ += text;
}

std::size_t AnalyticsSax::columnFor(std::string_view key, ColumnType type) {
    // Items usually list their keys in the same order: try the last item's successor first.
    std::size_t hint = prev_col_ == kNone ? first_col_hint_ : next_hint_[prev_col_];
    if (place_.back() == Place::Item && hint != kNone && names_[hint] == key) return hint;
    if (auto it = index_.find(key); it != index_.end()) return it->second;
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

void AnalyticsSax::appendCell(std::size_t col, std::string_view text) {
    ColumnBuilder& b = cols_[col];
    filled_row_[col] = rows_ + 1;
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

void AnalyticsSax::endRow() {
    for (std::size_t c = 0; c < cols_.size(); ++c)
        if (filled_row_[c] != rows_ + 1) cols_[c].appendNull();
    ++rows_;
}

void AnalyticsSax::registerHeader() {
    if (header_key_.empty()) return;
    for (const ExportHeader& h : report_.headers)
        if (h.key == header_key_) return;
    ColumnType type = columnTypeFromHeaderType(header_type_);
    std::size_t col = columnFor(header_key_, type);
    if (col == kNone) return;
    report_.headers.push_back({header_key_, header_type_, cols_[col].type()});
}

bool AnalyticsSax::parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    if (position >= body_size_)
        return fail("The answer ends too early (after " + std::to_string(body_size_) +
                    " bytes): the download was probably cut off.");
    // nlohmann says "[json.exception...] parse error at line 1, column 9: <what>"; keep <what>.
    std::string what = ex.what();
    std::size_t column = what.find(", column ");
    std::size_t colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
    return fail("The answer is not valid JSON near byte " + std::to_string(position) + ": " +
                (colon == std::string::npos ? what : what.substr(colon + 2)));
}

Result<AnalyticsReport> AnalyticsSax::finish(std::string_view body) {
    if (!error_.empty()) return makeError(ErrorKind::Parse, error_);
    if (!saw_root_) return makeError(ErrorKind::Parse, "The answer is not a JSON object.");
    if (!saw_subscription_) {
        // An answer without "subscription" may be a JSON:API error document sent with 200.
        JsonApiError api = jsonApiErrorFromBody(body, /*plain_too=*/false);
        const std::string& detail = api.detail.empty() ? api.title : api.detail;
        if (!detail.empty()) return makeError(ErrorKind::Parse, "The answer holds an error instead of data: " + detail);
        return makeError(ErrorKind::Parse, "The answer has no \"subscription\" object.");
    }
    if (!saw_items_) return makeError(ErrorKind::Parse, "The answer's subscription has no \"items\" list.");

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

}  // namespace

ColumnType columnTypeFromHeaderType(std::string_view type) {
    if (type == "number") return ColumnType::Decimal;
    if (type == "date") return ColumnType::Date;
    return ColumnType::Text;  // "string" and anything the doc does not name
}

Result<AnalyticsReport> analyticsReportFromJson(std::string_view body) {
    std::size_t start = body.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return makeError(ErrorKind::Parse, "The answer was empty.");
    if (body[start] == '<')
        return makeError(ErrorKind::Parse, "The answer is an HTML page, not JSON (often a proxy's or login page).");
    AnalyticsSax sax(body.size());
    bool ok = json::sax_parse(body.data(), body.data() + body.size(), &sax, json::input_format_t::json,
                              /*strict=*/true, /*ignore_comments=*/false);
    (void)ok;  // failures are recorded in sax and reported by finish()
    return sax.finish(body);
}

}  // namespace ud::core
