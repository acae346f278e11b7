// The daily analytics answer read by a scanner written for its known shape:
//   { "subscription": { "id": .., "export_headers": [{"key","type"}..], "items": [{..}..] } }
// One pass over the bytes, no token copies: keys are compared in place with
// the column the previous item had next, strings without escapes go to the
// table as views of the body, and decimal strings in decimal columns are read
// digit by digit straight into the column's exact units. Anything else in the
// document is still read and checked as strict JSON (RFC 8259, UTF-8
// validated), so a malformed answer is an error, never a half table.
//
// It must give exactly what the nlohmann SAX reference gives
// (activeplatform_parse_nlohmann.cpp; checked by the differential test and the
// fuzz target), including the order in which errors are found: a scalar is
// read whole before the place it stands in is judged, as nlohmann lexes a
// token before it reports it. Column rules: activeplatform_parse.h.
#include "core/activeplatform/activeplatform_parse.h"

#include <cmath>
#include <cstdint>
#include <cstring>

#include <fast_float/fast_float.h>

#include "core/activeplatform/activeplatform_columns.h"

namespace ud::core {
namespace {

using analytics::ValueKind;

struct Scalar {
    ValueKind kind = ValueKind::Null;
    std::string_view text;
};

// Bytes a string may hold as they are: printable ASCII but '"' and '\'.
constexpr bool isPlainStringByte(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

struct PlainTable {
    bool plain[256] = {};
    constexpr PlainTable() {
        for (int c = 0; c < 256; ++c) plain[c] = isPlainStringByte(static_cast<unsigned char>(c));
    }
};
constexpr PlainTable kPlain;

// True when none of the 8 bytes at p needs a look: no '"', '\\', control
// character or non-ASCII byte (SWAR; a flagged word is then read byte by byte).
inline bool plainWord(const char* p) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    std::uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
    std::uint64_t flags = ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) | ((w - kOnes * 0x20) & ~w) | w;
    return (flags & kHigh) == 0;
}

// Advances p over plain string bytes, 8 at a time while it can.
inline const char* skipPlain(const char* p, const char* end) {
    while (end - p >= 8 && plainWord(p)) p += 8;
    while (p < end && kPlain.plain[static_cast<unsigned char>(*p)]) ++p;
    return p;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// Walks a nested value without keeping it (skipValue); NestedCellText keeps it.
class SkipSink {
public:
    void begin(bool is_object) { levels_.assign(1, is_object); }
    void key(std::string_view) {}
    void scalar(std::string_view, ValueKind) {}
    void open(bool is_object) { levels_.push_back(is_object); }
    bool close() {
        levels_.pop_back();
        return levels_.empty();
    }
    bool inObject() const { return levels_.back(); }

private:
    std::vector<bool> levels_;
};

class AnalyticsScanner {
public:
    explicit AnalyticsScanner(std::string_view body)
        : begin_(body.data()), p_(body.data()), end_(body.data() + body.size()) {}

    Result<AnalyticsReport> run(std::string_view body) {
        parseDocument();
        return out_.finish(body, saw_root_, saw_subscription_, saw_items_);
    }

private:
    // ---- errors --------------------------------------------------------------
    bool truncated() {
        return out_.fail("The answer ends too early (after " + std::to_string(end_ - begin_) +
                         " bytes): the download was probably cut off.");
    }
    bool syntax(const char* what) {
        if (p_ >= end_) return truncated();
        return out_.fail("The answer is not valid JSON near byte " + std::to_string(p_ - begin_) + ": " + what);
    }

    // ---- lexing --------------------------------------------------------------
    // Skips whitespace; false at the end of the input.
    bool skipSpace() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
        return p_ < end_;
    }
    bool expect(char c, const char* what) {
        if (!skipSpace()) return truncated();
        if (*p_ != c) return syntax(what);
        ++p_;
        return true;
    }

    // One well-formed UTF-8 sequence of 2-4 bytes at p_ (RFC 3629: no overlong
    // forms, no surrogates, nothing above U+10FFFF).
    bool skipUtf8() {
        auto b = [this](std::ptrdiff_t i) { return static_cast<unsigned char>(p_[i]); };
        unsigned char c = b(0);
        int n;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) n = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            return syntax("a string holds a byte that is not UTF-8");
        }
        for (int i = 1; i <= n; ++i) {
            if (p_ + i >= end_) {
                p_ = end_;
                return truncated();
            }
            unsigned char min = i == 1 ? lo : 0x80, max = i == 1 ? hi : 0xBF;
            if (b(i) < min || b(i) > max) {
                p_ += i;
                return syntax("a string holds a byte that is not UTF-8");
            }
        }
        p_ += n + 1;
        return true;
    }

    // \uXXXX at p_ (after the backslash and 'u'): the code unit, or -1.
    long readHex4() {
        if (end_ - p_ < 4) {
            p_ = end_;
            return -1;
        }
        long v = 0;
        for (int i = 0; i < 4; ++i) {
            int h = hexValue(p_[i]);
            if (h < 0) {
                p_ += i;
                return -2;
            }
            v = v * 16 + h;
        }
        p_ += 4;
        return v;
    }

    // One escape at p_ (on the backslash), decoded onto `out`.
    bool readEscape(std::string& out) {
        if (++p_ >= end_) return truncated();
        char e = *p_++;
        switch (e) {
            case '"': out.push_back('"'); return true;
            case '\\': out.push_back('\\'); return true;
            case '/': out.push_back('/'); return true;
            case 'b': out.push_back('\b'); return true;
            case 'f': out.push_back('\f'); return true;
            case 'n': out.push_back('\n'); return true;
            case 'r': out.push_back('\r'); return true;
            case 't': out.push_back('\t'); return true;
            case 'u': break;
            default: --p_; return syntax("a string holds an unknown escape");
        }
        long cu = readHex4();
        if (cu == -1) return truncated();
        if (cu == -2) return syntax("\\u must be followed by 4 hex digits");
        std::uint32_t cp = static_cast<std::uint32_t>(cu);
        if (cp >= 0xDC00 && cp <= 0xDFFF) return syntax("a string holds a lone low surrogate");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (end_ - p_ < 2) {
                p_ = end_;
                return truncated();
            }
            if (p_[0] != '\\' || p_[1] != 'u') return syntax("a high surrogate must be followed by a low one");
            p_ += 2;
            long low = readHex4();
            if (low == -1) return truncated();
            if (low == -2) return syntax("\\u must be followed by 4 hex digits");
            if (low < 0xDC00 || low > 0xDFFF) return syntax("a high surrogate must be followed by a low one");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<std::uint32_t>(low) - 0xDC00);
        }
        appendUtf8(out, cp);
        return true;
    }

    // A string at p_ (on the opening quote). Without escapes the text is a
    // view of the body; with them it is decoded into `scratch`.
    bool readString(std::string_view& text, std::string& scratch) {
        const char* start = ++p_;
        for (;;) {
            p_ = skipPlain(p_, end_);
            if (p_ >= end_) return truncated();
            unsigned char c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                text = std::string_view(start, static_cast<std::size_t>(p_ - start));
                ++p_;
                return true;
            }
            if (c == '\\') break;
            if (c < 0x20) return syntax("a string holds a control character");
            if (!skipUtf8()) return false;
        }
        // Escapes: decode from here on.
        scratch.assign(start, static_cast<std::size_t>(p_ - start));
        for (;;) {
            const char* run = p_;
            p_ = skipPlain(p_, end_);
            scratch.append(run, static_cast<std::size_t>(p_ - run));
            if (p_ >= end_) return truncated();
            unsigned char c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                text = scratch;
                ++p_;
                return true;
            }
            if (c == '\\') {
                if (!readEscape(scratch)) return false;
            } else if (c < 0x20) {
                return syntax("a string holds a control character");
            } else {
                const char* seq = p_;
                if (!skipUtf8()) return false;
                scratch.append(seq, static_cast<std::size_t>(p_ - seq));
            }
        }
    }

    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? at p_; text as nlohmann hands it on.
    bool readNumber(std::string_view& text) {
        const char* start = p_;
        auto digits = [this] {
            const char* from = p_;
            while (p_ < end_ && static_cast<unsigned>(*p_ - '0') <= 9) ++p_;
            return p_ - from;
        };
        if (*p_ == '-') ++p_;
        if (p_ >= end_) return truncated();
        std::ptrdiff_t int_digits = 1;
        if (*p_ == '0') ++p_;
        else if (static_cast<unsigned>(*p_ - '0') <= 9) int_digits = digits();
        else return syntax("a number needs a digit");
        bool has_exponent = false;
        if (p_ < end_ && *p_ == '.') {
            ++p_;
            if (p_ >= end_) return truncated();
            if (digits() == 0) return syntax("a number needs a digit after '.'");
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            ++p_;
            if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (p_ >= end_) return truncated();
            if (digits() == 0) return syntax("a number needs a digit in its exponent");
            has_exponent = true;
        }
        text = std::string_view(start, static_cast<std::size_t>(p_ - start));
        // nlohmann reads numbers as doubles when they are not integers that fit
        // 64 bits, and refuses those that overflow; only long or exponent forms can.
        if (has_exponent || int_digits > 300) {
            double value = 0;
            fast_float::from_chars(text.data(), text.data() + text.size(), value);
            if (!std::isfinite(value)) return out_.fail("The answer is not valid JSON near byte " +
                                                        std::to_string(start - begin_) + ": a number is too large");
        }
        text = analytics::numberText(text);
        return true;
    }

    bool readLiteral(std::string_view word) {
        for (char c : word) {
            if (p_ >= end_) return truncated();
            if (*p_ != c) return syntax("unknown word (true, false and null are the only ones)");
            ++p_;
        }
        return true;
    }

    // Any value that is not an object or array, at p_ (not at the end).
    bool readScalar(Scalar& s) {
        char c = *p_;
        if (c == '"') {
            s.kind = ValueKind::String;
            return readString(s.text, value_scratch_);
        }
        if (c == '-' || static_cast<unsigned>(c - '0') <= 9) {
            s.kind = ValueKind::Number;
            return readNumber(s.text);
        }
        if (c == 't' || c == 'f') {
            s.kind = ValueKind::Bool;
            s.text = c == 't' ? "true" : "false";
            return readLiteral(s.text);
        }
        if (c == 'n') {
            s.kind = ValueKind::Null;
            s.text = {};
            return readLiteral("null");
        }
        return syntax("a value was expected");
    }

    // ---- containers -------------------------------------------------------------
    // For each member of the object at p_ (on '{'): on_key(key) as soon as the
    // key is read (nlohmann reports a key before it checks the ':'), then
    // on_value(key) with p_ on the value, which it reads. False on any error.
    template <typename OnKey, typename OnValue>
    bool eachMember(OnKey&& on_key, OnValue&& on_value) {
        ++p_;
        if (!skipSpace()) return truncated();
        if (*p_ == '}') {
            ++p_;
            return true;
        }
        for (;;) {
            if (!skipSpace()) return truncated();
            if (*p_ != '"') return syntax("a key in quotes was expected");
            std::string_view key;
            if (!readString(key, key_scratch_)) return false;
            if (!on_key(key)) return false;
            if (!expect(':', "':' was expected after a key")) return false;
            if (!skipSpace()) return truncated();
            if (!on_value(key)) return false;
            if (!skipSpace()) return truncated();
            if (*p_ == ',') {
                ++p_;
                continue;
            }
            if (*p_ == '}') {
                ++p_;
                return true;
            }
            return syntax("',' or '}' was expected");
        }
    }

    template <typename OnValue>
    bool eachMember(OnValue&& on_value) {
        return eachMember([](std::string_view) { return true; }, on_value);
    }

    template <typename Element>
    bool eachElement(Element&& element) {
        ++p_;
        if (!skipSpace()) return truncated();
        if (*p_ == ']') {
            ++p_;
            return true;
        }
        for (;;) {
            if (!skipSpace()) return truncated();
            if (!element()) return false;
            if (!skipSpace()) return truncated();
            if (*p_ == ',') {
                ++p_;
                continue;
            }
            if (*p_ == ']') {
                ++p_;
                return true;
            }
            return syntax("',' or ']' was expected");
        }
    }

    // A nested object or array at p_, walked without recursion (depth is the
    // sender's choice) and handed to `sink` event by event.
    template <typename Sink>
    bool walkNested(Sink& sink) {
        sink.begin(*p_ == '{');
        ++p_;
        bool first = true;
        for (;;) {
            if (!skipSpace()) return truncated();
            char close = sink.inObject() ? '}' : ']';
            if (*p_ == close) {
                ++p_;
                if (sink.close()) return true;
                first = false;
                continue;
            }
            if (!first) {
                if (*p_ != ',') return syntax(close == '}' ? "',' or '}' was expected" : "',' or ']' was expected");
                ++p_;
                if (!skipSpace()) return truncated();
            }
            first = false;
            if (sink.inObject()) {
                if (*p_ != '"') return syntax("a key in quotes was expected");
                std::string_view key;
                if (!readString(key, key_scratch_)) return false;
                sink.key(key);
                if (!expect(':', "':' was expected after a key")) return false;
                if (!skipSpace()) return truncated();
            }
            if (*p_ == '{' || *p_ == '[') {
                sink.open(*p_ == '{');
                ++p_;
                first = true;
                continue;
            }
            Scalar s;
            if (!readScalar(s)) return false;
            sink.scalar(s.text, s.kind);
        }
    }

    // Any value at p_, checked and dropped.
    bool skipValue() {
        if (*p_ == '{' || *p_ == '[') return walkNested(skip_);
        Scalar s;
        return readScalar(s);
    }

    // ---- the known shape ---------------------------------------------------------
    void parseDocument() {
        if (end_ - p_ >= 1 && static_cast<unsigned char>(*p_) == 0xEF) {  // a UTF-8 byte order mark
            if (end_ - p_ < 3) {
                p_ = end_;
                truncated();
                return;
            }
            if (static_cast<unsigned char>(p_[1]) != 0xBB || static_cast<unsigned char>(p_[2]) != 0xBF) {
                syntax("a byte order mark must be EF BB BF");
                return;
            }
            p_ += 3;
        }
        if (!skipSpace()) {
            truncated();
            return;
        }
        if (*p_ == '{') {
            saw_root_ = true;
            if (!eachMember([this](std::string_view key) { return rootMember(key); })) return;
        } else {
            Scalar s;
            if (*p_ == '[' || readScalar(s)) out_.fail("The answer is not a JSON object.");
            return;
        }
        if (skipSpace()) syntax("the answer goes on after its end");
    }

    bool rootMember(std::string_view key) {
        if (key != "subscription") return skipValue();
        if (*p_ == '{') {
            if (saw_subscription_) return skipValue();
            saw_subscription_ = true;
            return eachMember([this](std::string_view k) { return subscriptionMember(k); });
        }
        Scalar s;
        if (*p_ == '[' || readScalar(s)) return out_.fail("The answer's \"subscription\" is not an object.");
        return false;
    }

    bool subscriptionMember(std::string_view key) {
        char c = *p_;
        if (key == "items") {
            if (c == '[') {
                if (saw_items_) return skipValue();
                saw_items_ = true;
                return eachElement([this] { return item(); });
            }
            Scalar s;
            if (c == '{' || readScalar(s)) return out_.fail("The answer's \"items\" is not a list.");
            return false;
        }
        if (key == "id" && c != '{' && c != '[') {
            Scalar s;
            if (!readScalar(s)) return false;
            if (s.kind == ValueKind::String || s.kind == ValueKind::Number) out_.setSubscriptionId(s.text);
            return true;
        }
        if (key == "export_headers" && c == '[' && !out_.hadExportHeaders()) {
            out_.markExportHeaders();
            return eachElement([this] { return headerEntry(); });
        }
        return skipValue();
    }

    bool headerEntry() {
        if (*p_ != '{') return skipValue();
        std::string key, type;
        bool ok = eachMember([&](std::string_view k) {
            bool is_key = k == "key", is_type = k == "type";
            if ((!is_key && !is_type) || *p_ == '{' || *p_ == '[') return skipValue();
            Scalar s;
            if (!readScalar(s)) return false;
            if (s.kind == ValueKind::String) (is_key ? key : type) = std::string(s.text);
            return true;
        });
        if (!ok) return false;
        out_.header(key, type);
        return true;
    }

    bool item() {
        if (*p_ != '{') {
            Scalar s;
            if (*p_ == '[' || readScalar(s)) return out_.fail(out_.itemName() + " is not an object.");
            return false;
        }
        out_.beginItem();
        if (!eachMember([this](std::string_view key) { return out_.itemKey(key); },
                        [this](std::string_view) { return itemValue(); }))
            return false;
        out_.endItem();
        return true;
    }

    bool itemValue() {
        bool used = out_.cellColumn() != analytics::kNone;
        char c = *p_;
        if (c == '"' && used && out_.cellIsDecimal() && decimalString()) return true;
        if (c == '{' || c == '[') {
            if (!used) return skipValue();
            if (!walkNested(cell_)) return false;
            out_.cellText(cell_.text());
            return true;
        }
        Scalar s;
        if (!readScalar(s)) return false;
        if (used && s.kind != ValueKind::Null) out_.cellText(s.text);
        return true;
    }

    // The fast path of the answer's bulk: a string "-?(0|[1-9]d*)(.d{1,9})?"
    // of at most 18 digits at p_, appended as exact units. Anything else
    // (exponents, escapes, "-0", long forms) returns false with p_ unmoved,
    // and the value is read as text.
    bool decimalString() {
        const char* q = p_ + 1;
        bool negative = false;
        if (q < end_ && *q == '-') {
            negative = true;
            ++q;
        }
        std::int64_t units = 0;
        int count = 0, scale = 0;
        const char* int_start = q;
        while (q < end_ && static_cast<unsigned>(*q - '0') <= 9 && count < 18) {
            units = units * 10 + (*q - '0');
            ++q;
            ++count;
        }
        if (q == int_start || (*int_start == '0' && q - int_start > 1)) return false;
        if (q < end_ && *q == '.') {
            ++q;
            const char* frac_start = q;
            while (q < end_ && static_cast<unsigned>(*q - '0') <= 9 && count < 18) {
                units = units * 10 + (*q - '0');
                ++q;
                ++count;
            }
            scale = static_cast<int>(q - frac_start);
            if (scale == 0 || scale > 9) return false;
        }
        if (count > 18 || q >= end_ || *q != '"' || (negative && units == 0)) return false;
        out_.cellUnits(negative ? -units : units, scale);
        p_ = q + 1;
        return true;
    }

    const char* begin_;
    const char* p_;
    const char* end_;
    bool saw_root_ = false, saw_subscription_ = false, saw_items_ = false;
    analytics::AnalyticsColumns out_;
    analytics::NestedCellText cell_;
    SkipSink skip_;
    std::string key_scratch_, value_scratch_;
};

}  // namespace

ColumnType columnTypeFromHeaderType(std::string_view type) {
    if (type == "number") return ColumnType::Decimal;
    if (type == "date") return ColumnType::Date;
    return ColumnType::Text;  // "string" and anything the doc does not name
}

Result<AnalyticsReport> analyticsReportFromJson(std::string_view body) {
    if (auto error = analytics::errorFromFirstLook(body)) return *error;
    return AnalyticsScanner(body).run(body);
}

}  // namespace ud::core
