// The reference parser: nlohmann SAX events, a stack of where in the document
// they are, into the shared AnalyticsColumns (activeplatform_columns.h).
#include "core/activeplatform/activeplatform_parse_nlohmann.h"

#include <nlohmann/json.hpp>

#include "core/activeplatform/activeplatform_columns.h"

namespace ud::core {
namespace {

using nlohmann::json;
using analytics::ValueKind;

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
    // nlohmann reads a NUL byte as the end of the input. JSON allows none
    // outside a string (inside one it is already a parse error), so a NUL after
    // a whole value is text after the answer's end, as the scanner says.
    void textAfterEnd(std::size_t position) {
        (void)fail("The answer is not valid JSON near byte " + std::to_string(position) +
                   ": the answer goes on after its end");
    }

    Result<AnalyticsReport> finish(std::string_view body) {
        return out_.finish(body, saw_root_, saw_subscription_, saw_items_);
    }

private:
    enum class Place { Root, Subscription, HeaderList, Header, ItemList, Item, Cell };
    enum class Next { Other, Subscription, Id, Headers, Items, HeaderKey, HeaderType, Cell };

    bool fail(std::string message) { return out_.fail(std::move(message)); }
    bool scalar(std::string_view text, ValueKind kind);
    bool open(bool is_object);
    bool close();

    std::size_t body_size_;
    std::vector<Place> place_;
    Next next_ = Next::Other;
    int skip_depth_ = 0;  // > 0 while inside a value nobody reads
    bool saw_root_ = false, saw_subscription_ = false, saw_items_ = false;
    std::string header_key_, header_type_;
    analytics::AnalyticsColumns out_;
    analytics::NestedCellText cell_;
};

bool AnalyticsSax::key(std::string& k) {
    if (skip_depth_ > 0) return true;
    switch (place_.back()) {
        case Place::Root: next_ = k == "subscription" ? Next::Subscription : Next::Other; break;
        case Place::Subscription:
            next_ = k == "id" ? Next::Id : k == "export_headers" ? Next::Headers : k == "items" ? Next::Items : Next::Other;
            break;
        case Place::Header: next_ = k == "key" ? Next::HeaderKey : k == "type" ? Next::HeaderType : Next::Other; break;
        case Place::Item:
            next_ = Next::Cell;
            return out_.itemKey(k);
        case Place::Cell: cell_.key(k); break;
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
            if (next_ == Next::Id && (kind == ValueKind::String || kind == ValueKind::Number)) out_.setSubscriptionId(text);
            if (next_ == Next::Items) return fail("The answer's \"items\" is not a list.");
            return true;
        case Place::Header:
            if (kind == ValueKind::String && next_ == Next::HeaderKey) header_key_ = std::string(text);
            if (kind == ValueKind::String && next_ == Next::HeaderType) header_type_ = std::string(text);
            return true;
        case Place::ItemList: return fail(out_.itemName() + " is not an object.");
        case Place::Item:
            if (out_.cellColumn() != analytics::kNone && kind != ValueKind::Null) out_.cellText(text);
            return true;
        case Place::Cell: cell_.scalar(text, kind); return true;
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
    auto push = [this](Place p) { place_.push_back(p); return true; };
    auto skip = [this] { skip_depth_ = 1; return true; };
    switch (place_.back()) {
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
            if (next_ == Next::Headers && !is_object && !out_.hadExportHeaders()) {
                out_.markExportHeaders();
                return push(Place::HeaderList);
            }
            return skip();
        case Place::HeaderList:
            if (!is_object) return skip();
            header_key_.clear();
            header_type_.clear();
            return push(Place::Header);
        case Place::ItemList:
            if (!is_object) return fail(out_.itemName() + " is not an object.");
            out_.beginItem();
            return push(Place::Item);
        case Place::Item:
            if (out_.cellColumn() == analytics::kNone) return skip();
            cell_.begin(is_object);
            return push(Place::Cell);
        case Place::Cell:
            cell_.open(is_object);
            return push(Place::Cell);
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
        case Place::Header: out_.header(header_key_, header_type_); break;
        case Place::Item: out_.endItem(); break;
        case Place::Cell:
            if (cell_.close()) out_.cellText(cell_.text());
            break;
        default: break;
    }
    return true;
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

}  // namespace

Result<AnalyticsReport> analyticsReportFromJsonNlohmann(std::string_view body) {
    if (auto error = analytics::errorFromFirstLook(body)) return *error;
    AnalyticsSax sax(body.size());
    bool ok = json::sax_parse(body.data(), body.data() + body.size(), &sax, json::input_format_t::json,
                              /*strict=*/true, /*ignore_comments=*/false);
    // failures are recorded in sax and reported by finish()
    if (std::size_t nul = body.find('\0'); ok && nul != std::string_view::npos) sax.textAfterEnd(nul);
    return sax.finish(body);
}

}  // namespace ud::core
