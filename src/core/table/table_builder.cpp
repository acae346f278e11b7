// Building table columns: typed appends, the per-column text dictionary, and
// widening a column (Integer -> Decimal -> Text, Date -> Text) when a value
// does not fit, so no cell is ever lost or altered.
#include <algorithm>
#include <cstring>

#include "core/base/same_bytes.h"
#include "core/table/cell_text.h"
#include "core/table/table.h"

namespace ud::core {
namespace {

constexpr std::int64_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};
constexpr std::size_t kFirstSlotCount = 16;  // small: a 200k-column header must stay cheap; doubles as it fills
// Codes whose successor is remembered (4 bytes each, grown as codes appear,
// so at most 4 MB a column): a month's report lists each day's devices in the
// same order, so a device id is usually the one that followed the previous
// id the day before, found without hashing into a table of many megabytes.
constexpr std::uint32_t kHintedCodes = 1u << 20;


// Word-at-a-time multiply-xorshift hash: device ids (24 chars) take 3 rounds.
std::uint64_t hashText(std::string_view s) {
    std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
    const char* p = s.data();
    std::size_t n = s.size(), i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, p + i, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
    }
    if (i < n) {
        std::uint64_t w = 0;
        std::memcpy(&w, p + i, n - i);
        h = (h ^ w) * 0x94D049BB133111EBULL;
    }
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 32);
}

// A Decimal (10^-9 units) as units at the smallest exact scale.
Int128 smallestUnits(Decimal value, int& scale) {
    Int128 u = value.units();
    scale = Decimal::kScale;
    while (scale > 0 && u % 10 == 0) {
        u /= 10;
        --scale;
    }
    return u;
}

bool fitsInt64(Int128 v) { return v >= INT64_MIN && v <= INT64_MAX; }

// A wide cell's limit at `scale`: the value stays below 10^27 (cell_text.h).
Int128 wideLimit(int scale) {
    Int128 limit = 1;
    for (int k = 0; k < kMaxWideIntegerDigits + scale; ++k) limit *= 10;
    return limit;
}

// One cell of `source` appended by its type: what appendRows does when the
// types differ or the cells are decimals (whose scale may change on the way).
void appendCellOf(ColumnBuilder& out, const Column& source, std::uint32_t row) {
    if (source.isNull(row)) {
        out.appendNull();
        return;
    }
    switch (source.type()) {
        case ColumnType::Text: out.appendText(source.text(row)); break;
        case ColumnType::Integer:
            if (source.isWide()) out.appendWide(source.units(row), 0);
            else out.appendInteger(source.integer(row));
            break;
        case ColumnType::Decimal:
            if (source.isWide()) out.appendWide(source.units(row), source.decimalScale());
            else out.appendUnits(source.decimalUnits(row), source.decimalScale());
            break;
        case ColumnType::Date: out.appendDays(source.days(row)); break;
    }
}

// Gives back a vector's spare room only when it is more than an eighth of it: a
// column sized from the file's estimated rows (CsvReader) is a few % over, and
// copying it to shed that held both copies at once (a 10M-row load's peak, and
// a second of copying).
template <typename Vector>
void shrinkIfLoose(Vector& v) {
    if (v.capacity() - v.size() > v.size() / 8) v.shrink_to_fit();
}

}  // namespace

ColumnBuilder::ColumnBuilder(std::string name, ColumnType type) : column_(std::move(name), type) {
    if (type == ColumnType::Text) rehashDictionary(kFirstSlotCount);
}

void ColumnBuilder::reserve(std::size_t rows) {
    switch (column_.type_) {
        case ColumnType::Text: column_.codes_.reserve(rows); break;
        case ColumnType::Integer:
        case ColumnType::Decimal:
            if (column_.wide_) column_.wide_values_.reserve(rows);
            else column_.values_.reserve(rows);
            break;
        case ColumnType::Date: column_.days_.reserve(rows); break;
    }
}

void ColumnBuilder::markNull() {
    std::size_t word = column_.size_ / 64;
    if (column_.null_bits_.size() <= word) column_.null_bits_.resize(word + 1, 0);
    column_.null_bits_[word] |= std::uint64_t{1} << (column_.size_ % 64);
}

void ColumnBuilder::appendNull() {
    switch (column_.type_) {
        case ColumnType::Text: column_.codes_.push_back(0); break;
        case ColumnType::Integer:
        case ColumnType::Decimal:
            markNull();
            if (column_.wide_) column_.wide_values_.push_back(0);
            else column_.values_.push_back(0);
            break;
        case ColumnType::Date: markNull(); column_.days_.push_back(0); break;
    }
    ++column_.null_count_;
    ++column_.size_;
}

void ColumnBuilder::appendTextCode(std::string_view text) {
    column_.codes_.push_back(predictedCode(text));
    if (text.empty()) ++column_.null_count_;
    ++column_.size_;
}

void ColumnBuilder::appendText(std::string_view text) {
    if (text.empty()) {
        appendNull();
        return;
    }
    std::int64_t value = 0;
    int scale = 0;
    if (column_.wide_ && appendWideText(text)) return;
    switch (column_.type_) {
        case ColumnType::Text: appendTextCode(text); return;
        case ColumnType::Integer:
            if (integerFromCell(text, value)) {
                column_.values_.push_back(value);
                ++column_.size_;
                return;
            }
            if (decimalFromCell(text, value, scale)) {
                widenToDecimal();
                if (appendDecimalUnits(value, scale)) return;
            }
            if (!column_.wide_ && appendWideText(text)) return;
            break;
        case ColumnType::Decimal:
            if (decimalFromCell(text, value, scale) && appendDecimalUnits(value, scale)) return;
            if (integerFromCell(text, value) && appendDecimalUnits(value, 0)) return;
            if (!column_.wide_ && appendWideText(text)) return;
            break;
        case ColumnType::Date: {
            std::int32_t days = 0;
            if (daysFromCell(text, days)) {
                column_.days_.push_back(days);
                ++column_.size_;
                return;
            }
            break;
        }
    }
    if (column_.text_reason_.empty()) column_.text_reason_ = textReasonFromCell(text, column_.size_ + 1);
    widenToText();
    appendTextCode(text);
}

void ColumnBuilder::appendInteger(std::int64_t value) {
    if (column_.type_ == ColumnType::Integer && !column_.wide_) {
        column_.values_.push_back(value);
        ++column_.size_;
        return;
    }
    if (column_.type_ == ColumnType::Decimal && appendDecimalUnits(value, 0)) return;
    if (column_.isNumeric() && appendWideUnits(value, 0)) return;
    std::string text;
    ud::core::appendInteger(text, value);
    if (column_.type_ != ColumnType::Text) widenToText();
    appendTextCode(text);
}

void ColumnBuilder::appendDecimal(Decimal value) {
    int scale = 0;
    const Int128 units = smallestUnits(value, scale);
    if (!value.isTooLarge() && column_.isNumeric()) {
        if (fitsInt64(units)) {
            appendUnits(static_cast<std::int64_t>(units), scale);
            return;
        }
        if (appendWideUnits(units, scale)) return;
    }
    if (column_.type_ != ColumnType::Text) widenToText();
    appendTextCode(value.toString());
}

void ColumnBuilder::appendUnits(std::int64_t units, int scale) {
    if (scale == 0 && column_.type_ == ColumnType::Integer) {
        appendInteger(units);
        return;
    }
    if (column_.type_ == ColumnType::Integer) widenToDecimal();
    if (column_.type_ == ColumnType::Decimal && appendDecimalUnits(units, scale)) return;
    if (column_.isNumeric() && appendWideUnits(units, scale)) return;
    std::string text;
    appendFixedPoint(text, units, scale, false);
    if (column_.type_ != ColumnType::Text) widenToText();
    appendTextCode(text);
}

void ColumnBuilder::appendWide(Int128 units, int scale) {
    if (fitsInt64(units)) {
        appendUnits(static_cast<std::int64_t>(units), scale);
        return;
    }
    if (appendWideUnits(units, scale)) return;
    std::string text;  // past even the wide range: the exact digits, as text
    appendFixedPoint(text, units, scale, false);
    if (column_.type_ != ColumnType::Text) widenToText();
    appendTextCode(text);
}

void ColumnBuilder::appendUnits(std::span<const std::int64_t> units, int scale) {
    if (units.empty()) return;
    if (column_.type_ == ColumnType::Integer && scale != 0) widenToDecimal();  // as the first cell would
    bool copy = column_.type_ == ColumnType::Integer && !column_.wide_;
    if (column_.type_ == ColumnType::Decimal) {
        if (column_.size_ == column_.null_count_) {  // the first value sets the scale (see appendDecimalUnits)
            column_.decimal_scale_ = scale;
            column_.decimal_fixed_scale_ = true;
        }
        copy = scale == column_.decimal_scale_ && !column_.wide_;
    }
    if (!copy) {  // text, or a change of scale: cell by cell
        for (std::int64_t u : units) appendUnits(u, scale);
        return;
    }
    column_.values_.insert(column_.values_.end(), units.begin(), units.end());
    column_.size_ += units.size();
}

void ColumnBuilder::appendRows(const Column& source, std::span<const std::uint32_t> rows) {
    ColumnType type = source.type();
    if (type != column_.type_ || type == ColumnType::Decimal || source.isWide() || column_.wide_) {
        for (std::uint32_t r : rows) appendCellOf(*this, source, r);
        return;
    }
    reserve(column_.size_ + rows.size());
    if (type == ColumnType::Text) {
        // Source code -> ours, 0 = not looked up yet (the empty cell maps to 0 anyway).
        std::vector<std::uint32_t> code_of(std::max<std::size_t>(source.dictionarySize(), 1), 0);
        for (std::uint32_t r : rows) {
            std::uint32_t from = source.codes_[r];
            std::uint32_t code = code_of[from];
            if (code == 0 && from != 0) code = code_of[from] = internText(source.dictionaryText(from));
            column_.codes_.push_back(code);
            if (code == 0) ++column_.null_count_;
        }
        column_.size_ += rows.size();
        return;
    }
    bool nulls = source.hasNulls();
    for (std::uint32_t r : rows) {
        if (nulls && source.isNull(r)) {
            appendNull();
            continue;
        }
        if (type == ColumnType::Date) column_.days_.push_back(source.days_[r]);
        else column_.values_.push_back(source.values_[r]);
        ++column_.size_;
    }
}

void ColumnBuilder::appendDate(Date date) { appendDays(static_cast<std::int32_t>(daysFromDate(date))); }

void ColumnBuilder::appendDays(std::int32_t days) {
    if (column_.type_ == ColumnType::Date) {
        column_.days_.push_back(days);
        ++column_.size_;
        return;
    }
    std::string text;
    appendIsoDate(text, days);
    if (column_.type_ != ColumnType::Text) widenToText();
    appendTextCode(text);
}

bool ColumnBuilder::appendDecimalUnits(std::int64_t units, int scale) {
    if (column_.wide_) return appendWideUnits(units, scale);
    if (column_.size_ == column_.null_count_) {
        // The first value sets the column's scale (earlier nulls hold 0 at any scale).
        column_.decimal_scale_ = scale;
        column_.decimal_fixed_scale_ = true;
    } else if (scale != column_.decimal_scale_) {
        if (scale > column_.decimal_scale_ && !raiseDecimalScale(scale)) return false;
        if (scale < column_.decimal_scale_ &&
            __builtin_mul_overflow(units, kPow10[column_.decimal_scale_ - scale], &units)) {
            return false;
        }
        column_.decimal_fixed_scale_ = false;
    }
    column_.values_.push_back(units);
    ++column_.size_;
    return true;
}

bool ColumnBuilder::raiseDecimalScale(int scale) {
    std::int64_t factor = kPow10[scale - column_.decimal_scale_];
    std::int64_t scaled = 0;
    for (std::int64_t v : column_.values_) {
        if (__builtin_mul_overflow(v, factor, &scaled)) return false;  // check all before changing any
    }
    for (std::int64_t& v : column_.values_) v *= factor;
    column_.decimal_scale_ = scale;
    return true;
}

// A cell the int64 parsers refused that is a number within the wide range:
// the column becomes wide (an Integer column Decimal first if it has a point).
bool ColumnBuilder::appendWideText(std::string_view text) {
    Int128 units = 0;
    int scale = 0;
    std::int64_t small = 0;
    if (integerFromCell(text, small)) return appendWideUnits(small, 0);
    if (decimalFromCell(text, small, scale)) return appendWideUnits(small, scale);
    return wideFromCell(text, units, scale) && appendWideUnits(units, scale);
}

// The value units * 10^-scale into a numeric column in 128-bit units. false
// when it is past the wide limit (the caller then makes the column text).
bool ColumnBuilder::appendWideUnits(Int128 units, int scale) {
    if (!column_.isNumeric() || scale > Decimal::kScale) return false;
    if (units >= wideLimit(scale) || units <= -wideLimit(scale)) return false;
    if (column_.type_ == ColumnType::Integer && scale != 0) widenToDecimal();
    if (column_.size_ == column_.null_count_ && column_.type_ == ColumnType::Decimal) {
        column_.decimal_scale_ = scale;  // the first value sets the scale, as in appendDecimalUnits
        column_.decimal_fixed_scale_ = true;
    }
    if (!column_.wide_) widenToWide();
    const int have = column_.scale();
    if (scale < have) {
        for (int k = scale; k < have; ++k) units *= 10;  // below 10^36: no overflow
        column_.decimal_fixed_scale_ = false;
    } else if (scale > have) {
        const Int128 factor = kPow10[scale - have];
        for (Int128& v : column_.wide_values_) v *= factor;
        column_.decimal_scale_ = scale;
        column_.decimal_fixed_scale_ = column_.size_ == column_.null_count_;
    }
    column_.wide_values_.push_back(units);
    ++column_.size_;
    return true;
}

void ColumnBuilder::widenToWide() {
    column_.wide_values_.assign(column_.values_.begin(), column_.values_.end());
    column_.values_ = {};
    column_.wide_ = true;
}

void ColumnBuilder::widenToDecimal() {
    // Integers are decimals at scale 0; a later value with fraction digits
    // raises the scale and marks the column as mixed-scale.
    column_.type_ = ColumnType::Decimal;
    column_.decimal_scale_ = 0;
    column_.decimal_fixed_scale_ = true;
}

void ColumnBuilder::widenToText() {
    rehashDictionary(kFirstSlotCount);
    std::vector<std::uint32_t> codes;
    codes.reserve(column_.size_ + 1);
    std::string cell;
    for (std::size_t row = 0; row < column_.size_; ++row) {
        cell.clear();
        if (!column_.isNull(row)) column_.appendCellText(row, cell);  // still the old type here
        codes.push_back(internText(cell));
    }
    column_.type_ = ColumnType::Text;
    column_.codes_ = std::move(codes);
    column_.values_ = {};
    column_.wide_values_ = {};
    column_.wide_ = false;
    column_.days_ = {};
    column_.null_bits_ = {};
}

std::uint32_t ColumnBuilder::predictedCode(std::string_view text) {
    if (text.empty()) return 0;
    // Rows often repeat a value, or cycle through values in a fixed order
    // (a day's lines per product, the same currency): try the code that
    // followed the previous one last time before hashing.
    std::uint32_t last = last_code_;
    std::uint32_t guess = last < next_code_.size() ? next_code_[last] : last;
    std::uint32_t code = guess != 0 && guess < column_.dictionarySize() && sameBytes(column_.dictionaryText(guess), text)
                             ? guess
                             : internText(text);
    if (last < kHintedCodes) {
        if (last >= next_code_.size()) next_code_.resize(last + 1, 0);
        next_code_[last] = code;
    }
    last_code_ = code;
    return code;
}

std::uint32_t ColumnBuilder::internText(std::string_view text) {
    if (text.empty()) return 0;
    std::uint64_t h = hashText(text);
    std::uint64_t tag = h & 0xFFFFFFFF00000000ULL;
    std::size_t mask = slots_.size() - 1;
    std::size_t i = static_cast<std::size_t>(h) & mask;
    for (;; i = (i + 1) & mask) {
        std::uint64_t slot = slots_[i];
        if (slot == 0) break;
        auto code = static_cast<std::uint32_t>(slot);
        if ((slot & 0xFFFFFFFF00000000ULL) == tag && sameBytes(column_.dictionaryText(code), text)) return code;
    }
    auto code = static_cast<std::uint32_t>(column_.dictionarySize());
    column_.dict_arena_.append(text);
    // Offsets are 32-bit: a column's distinct text stays under 4 GB (wasm32's whole memory).
    column_.dict_offsets_.push_back(static_cast<std::uint32_t>(column_.dict_arena_.size()));
    slots_[i] = tag | code;
    if (column_.dictionarySize() * 2 > slots_.size()) rehashDictionary(slots_.size() * 2);
    return code;
}

void ColumnBuilder::rehashDictionary(std::size_t slot_count) {
    if (column_.dict_offsets_.empty()) column_.dict_offsets_ = {0, 0};  // code 0 = empty cell
    slots_.assign(slot_count, 0);
    std::size_t mask = slot_count - 1;
    for (std::uint32_t code = 1; code < column_.dictionarySize(); ++code) {
        std::uint64_t h = hashText(column_.dictionaryText(code));
        std::size_t i = static_cast<std::size_t>(h) & mask;
        while (slots_[i] != 0) i = (i + 1) & mask;
        slots_[i] = (h & 0xFFFFFFFF00000000ULL) | code;
    }
}

Column ColumnBuilder::finish(std::size_t rows) {
    while (column_.size_ < rows) appendNull();
    slots_ = {};
    next_code_ = {};
    if (column_.type_ == ColumnType::Text && column_.dict_offsets_.empty()) column_.dict_offsets_ = {0, 0};
    shrinkIfLoose(column_.codes_);
    shrinkIfLoose(column_.values_);
    shrinkIfLoose(column_.days_);
    shrinkIfLoose(column_.dict_arena_);
    shrinkIfLoose(column_.dict_offsets_);
    return std::move(column_);
}

std::size_t TableBuilder::addColumn(std::string name, ColumnType type) {
    columns_.emplace_back(std::move(name), type);
    return columns_.size() - 1;
}

void TableBuilder::reserve(std::size_t rows) {
    for (ColumnBuilder& c : columns_) c.reserve(rows);
}

Table TableBuilder::finish() {
    std::size_t rows = 0;
    for (const ColumnBuilder& c : columns_) rows = std::max(rows, c.size());
    Table table;
    table.columns_.reserve(columns_.size());
    for (ColumnBuilder& c : columns_) table.columns_.push_back(c.finish(rows));
    table.row_count_ = rows;
    columns_.clear();
    return table;
}

Table tableFromRows(const Table& table, std::span<const std::uint32_t> rows) {
    TableBuilder b;
    for (std::size_t i = 0; i < table.columnCount(); ++i) {
        const Column& c = table.column(i);
        b.addColumn(c.name(), c.type());
        b.setDisplayName(i, c.displayName());
        b.setRole(i, c.role());
        b.column(i).appendRows(c, rows);
    }
    return b.finish();
}

}  // namespace ud::core
