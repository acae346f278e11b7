// Reading a built Table: cell access, exact cell text, display text and
// header lookup. Building (dictionary, widening) is in table_builder.cpp.
#include "core/table/table.h"

#include <algorithm>
#include <numeric>

#include "core/table/cell_text.h"

namespace ud::core {
namespace {

constexpr std::int64_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};

}  // namespace

const char* nameFromColumnType(ColumnType type) {
    switch (type) {
        case ColumnType::Text: return "text";
        case ColumnType::Integer: return "integer";
        case ColumnType::Decimal: return "decimal";
        case ColumnType::Date: return "date";
    }
    return "text";
}

std::string textReasonFromCell(std::string_view cell, std::size_t row) {
    constexpr std::size_t kShown = 40;  // a long cell is cut: the tooltip stays one line
    std::string shown(cell.substr(0, kShown));
    if (cell.size() > kShown) shown += "...";
    const std::size_t sign = !cell.empty() && (cell[0] == '-' || cell[0] == '+') ? 1 : 0;
    bool digits = cell.size() > sign;
    for (std::size_t i = sign; i < cell.size() && digits; ++i) digits = cell[i] >= '0' && cell[i] <= '9';
    const std::string where = " (row " + std::to_string(row) + ")";
    if (digits && cell.size() > sign + 1 && cell[sign] == '0')
        return "Read as text: \"" + shown + "\"" + where + " has a leading zero that a number would lose.";
    if (digits) return "Read as text: \"" + shown + "\"" + where + " is too long to total exactly.";
    return "Read as text: \"" + shown + "\"" + where + " is not a number or a date.";
}

std::string headerKey(std::string_view header) {
    std::string key;
    key.reserve(header.size());
    for (char c : header) {
        if (c >= 'A' && c <= 'Z') key.push_back(static_cast<char>(c - 'A' + 'a'));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) key.push_back(c);
        else if (static_cast<unsigned char>(c) >= 0x80) key.push_back(c);  // keep non-ASCII names distinct
    }
    return key;
}

Column::Column(std::string name, ColumnType type)
    : name_(std::move(name)), display_name_(name_), type_(type) {}

bool Column::isNull(std::size_t row) const {
    if (type_ == ColumnType::Text) return codes_[row] == 0;
    std::size_t word = row / 64;
    return word < null_bits_.size() && (null_bits_[word] >> (row % 64) & 1u) != 0;
}

Decimal Column::decimal(std::size_t row) const {
    return Decimal::fromUnits(units(row) * kPow10[Decimal::kScale - scale()]);
}

std::optional<Decimal> Column::number(std::size_t row) const {
    if (isNull(row) || !isNumeric()) return std::nullopt;
    return decimal(row);
}

void Column::appendCellText(std::size_t row, std::string& out) const {
    if (type_ == ColumnType::Text) {
        out.append(text(row));
        return;
    }
    if (isNull(row)) return;
    if (wide_) {
        appendFixedPoint(out, wide_values_[row], scale(), !decimal_fixed_scale_);
        return;
    }
    switch (type_) {
        case ColumnType::Integer: appendInteger(out, values_[row]); break;
        case ColumnType::Decimal: appendFixedPoint(out, values_[row], decimal_scale_, !decimal_fixed_scale_); break;
        case ColumnType::Date: appendIsoDate(out, days_[row]); break;
        case ColumnType::Text: break;
    }
}

std::string Column::cellText(std::size_t row) const {
    std::string out;
    appendCellText(row, out);
    return out;
}

std::string Column::displayText(std::size_t row) const {
    if (isNull(row)) return {};
    switch (type_) {
        case ColumnType::Integer: return wide_ ? formatDecimal(decimal(row), 0) : formatCount(values_[row]);
        case ColumnType::Decimal: return formatDecimal(decimal(row), decimal_scale_);
        case ColumnType::Text:
        case ColumnType::Date: break;
    }
    return cellText(row);
}

std::size_t Column::memoryBytes() const {
    return codes_.capacity() * sizeof(std::uint32_t) + dict_offsets_.capacity() * sizeof(std::uint32_t) +
           dict_arena_.capacity() + values_.capacity() * sizeof(std::int64_t) +
           wide_values_.capacity() * sizeof(Int128) +
           days_.capacity() * sizeof(std::int32_t) + null_bits_.capacity() * sizeof(std::uint64_t) +
           sizeof(Column) + name_.capacity() + display_name_.capacity();
}

std::vector<std::uint32_t> wideValueRanks(const Column& c, std::span<const std::uint32_t> rows) {
    std::vector<std::uint32_t> order(rows.size());
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return c.units(rows[a]) < c.units(rows[b]); });
    std::vector<std::uint32_t> rank(rows.size());
    std::uint32_t next = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i > 0 && c.units(rows[order[i]]) != c.units(rows[order[i - 1]])) ++next;
        rank[order[i]] = next;
    }
    return rank;
}

std::optional<std::size_t> Table::findColumn(std::string_view name) const {
    std::string key = headerKey(name);
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        if (headerKey(columns_[i].name()) == key) return i;
    }
    return std::nullopt;
}

std::optional<std::size_t> Table::findRole(ColumnRole role) const {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        if (columns_[i].role() == role) return i;
    }
    return std::nullopt;
}

std::size_t Table::memoryBytes() const {
    std::size_t total = sizeof(Table);
    for (const Column& c : columns_) total += c.memoryBytes();
    return total;
}

}  // namespace ud::core
