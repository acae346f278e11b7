// The columnar table every data view shows: a Particle usage CSV, ActivePlatform
// daily expenses, a group-by result. Each column stores one type in a flat array
// so a million rows cost a few bytes each and sorts compare plain integers:
//   Text    -> uint32 code per row into a per-column dictionary (one char arena);
//              code 0 is the empty cell, so repeated device ids are stored once
//   Integer -> int64
//   Decimal -> int64 units at a per-column scale (0..9 fraction digits), exact
//   (an Integer or Decimal column with one value past int64 units keeps them
//   all as 128-bit units instead: "wide", rare, up to 27 digits before the point)
//   Date    -> int32 days since 1970-01-01
// Numeric and date columns mark empty cells in a null bitmap.
// Tables are built with TableBuilder (typed appends or text cells that are
// parsed by the column's type, widening the column when a value does not fit).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/date.h"
#include "core/base/decimal.h"

namespace ud::core {

enum class ColumnType { Text, Integer, Decimal, Date };

// What a column means in a usage report, found from its header and values
// (see column_roles.h). None for columns shown as they are.
enum class ColumnRole { None, Date, DeviceId, DeviceName, ProductId, ProductName, Count };

const char* nameFromColumnType(ColumnType type);

// A header reduced to lowercase letters and digits, so "device_id", "Device ID"
// and "deviceId" compare equal ("deviceid").
std::string headerKey(std::string_view header);

// The sentence for a column that is text because of `cell` in data row `row`
// (1-based): a leading zero a number would lose, or a value that is neither a
// number nor a date.
std::string textReasonFromCell(std::string_view cell, std::size_t row);

class Column {
public:
    Column() = default;
    Column(std::string name, ColumnType type);

    const std::string& name() const { return name_; }             // header text as read
    const std::string& displayName() const { return display_name_; }  // what the UI shows
    ColumnType type() const { return type_; }
    ColumnRole role() const { return role_; }
    // Why a column read from a file is text and not numbers or dates (the
    // header's tooltip); empty for other columns and for text the file chose.
    const std::string& textReason() const { return text_reason_; }
    bool isNumeric() const { return type_ == ColumnType::Integer || type_ == ColumnType::Decimal; }
    std::size_t size() const { return size_; }
    bool isNull(std::size_t row) const;
    bool hasNulls() const { return null_count_ > 0; }

    // Text columns. Codes are dense, 0 = empty; dictionary order is first-seen order.
    std::uint32_t textCode(std::size_t row) const { return codes_[row]; }
    std::string_view text(std::size_t row) const { return dictionaryText(codes_[row]); }
    std::size_t dictionarySize() const { return dict_offsets_.empty() ? 0 : dict_offsets_.size() - 1; }
    std::string_view dictionaryText(std::uint32_t code) const {
        return std::string_view(dict_arena_).substr(dict_offsets_[code], dict_offsets_[code + 1] - dict_offsets_[code]);
    }

    // Integer columns (0 where null); not wide.
    std::int64_t integer(std::size_t row) const { return values_[row]; }
    // Decimal columns: value = units * 10^-scale (0 where null); not wide.
    int decimalScale() const { return decimal_scale_; }
    std::int64_t decimalUnits(std::size_t row) const { return values_[row]; }
    // A numeric column holding a value past int64 units: its cells are read
    // with units() (the fast int64 paths above do not apply).
    bool isWide() const { return wide_; }
    // Integer or Decimal cell as units at the column's scale (integers: 0), wide or not.
    Int128 units(std::size_t row) const { return wide_ ? wide_values_[row] : Int128{values_[row]}; }
    int scale() const { return type_ == ColumnType::Decimal ? decimal_scale_ : 0; }
    Decimal decimal(std::size_t row) const;
    // Date columns: days since 1970-01-01 (0 where null).
    std::int32_t days(std::size_t row) const { return days_[row]; }

    // Integer or Decimal cell as an exact Decimal; nullopt when null or not numeric.
    std::optional<Decimal> number(std::size_t row) const;
    // The cell as exact text ("" when null): what export writes and copy puts on
    // the clipboard. Integers and dates reproduce the file's bytes; decimals do too
    // when every cell of the column had the same number of fraction digits.
    std::string cellText(std::size_t row) const;
    void appendCellText(std::size_t row, std::string& out) const;  // no allocation per call
    // The cell for the screen: thousands separators on numbers, dates as ISO.
    std::string displayText(std::size_t row) const;

    std::size_t memoryBytes() const;

private:
    friend class ColumnBuilder;
    friend class Table;

    std::string name_;
    std::string display_name_;
    ColumnType type_ = ColumnType::Text;
    ColumnRole role_ = ColumnRole::None;
    std::string text_reason_;
    std::size_t size_ = 0;
    std::size_t null_count_ = 0;
    std::vector<std::uint64_t> null_bits_;  // bit set = null; empty while no nulls
    std::vector<std::uint32_t> codes_;      // Text
    std::vector<std::uint32_t> dict_offsets_;  // Text: dictionary entry i is arena[off[i], off[i+1])
    std::string dict_arena_;
    std::vector<std::int64_t> values_;      // Integer, Decimal
    std::vector<Int128> wide_values_;       // Integer, Decimal once wide_ (values_ is then empty)
    bool wide_ = false;
    std::vector<std::int32_t> days_;        // Date
    int decimal_scale_ = 0;
    bool decimal_fixed_scale_ = true;       // every cell had exactly decimal_scale_ fraction digits
};

// A wide column's cells at `rows` as dense ranks in value order (equal values,
// equal rank; empty cells rank as 0 does): what sorts and group keys use where
// the int64 fast paths cannot.
std::vector<std::uint32_t> wideValueRanks(const Column& c, std::span<const std::uint32_t> rows);

class Table {
public:
    std::size_t rowCount() const { return row_count_; }
    std::size_t columnCount() const { return columns_.size(); }
    const Column& column(std::size_t index) const { return columns_[index]; }
    std::span<const Column> columns() const { return columns_; }
    // Finds a column by header, ignoring case, spaces, '_' and '-':
    // "device_id", "Device ID" and "deviceId" all name the same column.
    std::optional<std::size_t> findColumn(std::string_view name) const;
    std::optional<std::size_t> findRole(ColumnRole role) const;  // first column with that role
    void setDisplayName(std::size_t column, std::string name) { columns_[column].display_name_ = std::move(name); }
    void setRole(std::size_t column, ColumnRole role) { columns_[column].role_ = role; }
    std::size_t memoryBytes() const;

private:
    friend class TableBuilder;
    std::vector<Column> columns_;
    std::size_t row_count_ = 0;
};

// Builds one column. Appending a value the column's type cannot hold widens
// the column without losing data: Integer -> Decimal -> Text, Date -> Text.
class ColumnBuilder {
public:
    ColumnBuilder(std::string name, ColumnType type);

    ColumnType type() const { return column_.type_; }
    std::size_t size() const { return column_.size_; }

    void appendNull();
    // The cell as text (empty = null). Text columns keep it as it is; typed
    // columns parse it by their type and widen when it does not fit.
    void appendText(std::string_view text);
    void appendInteger(std::int64_t value);
    void appendDecimal(Decimal value);
    void appendDate(Date date);
    void appendDays(std::int32_t days);
    // The exact value units * 10^-scale (scale 0..9). Unlike appendDecimal it
    // keeps the scale, so sums of "1.50" display as "3.00", not "3".
    void appendUnits(std::int64_t units, int scale);
    // Bulk forms, each the same as the per-cell appends in a loop, only faster.
    // appendRows: the cells `rows` of `source`, in that order. Text is mapped
    // from the source's dictionary codes, so each distinct value is looked up
    // once, not hashed per row; the dictionary still holds only the values
    // appended, in first-seen order. Same-typed integer and date cells are copied.
    void appendRows(const Column& source, std::span<const std::uint32_t> rows);
    // units * 10^-scale in 128 bits (a sum past int64): the column goes wide;
    // past the wide range the cell is its exact digits as text.
    void appendWide(Int128 units, int scale);
    // appendUnits: a run of non-empty values, all at one scale.
    void appendUnits(std::span<const std::int64_t> units, int scale);
    void reserve(std::size_t rows);
    void setDisplayName(std::string name) { column_.display_name_ = std::move(name); }
    void setRole(ColumnRole role) { column_.role_ = role; }
    void setTextReason(std::string reason) { column_.text_reason_ = std::move(reason); }

    Column finish(std::size_t rows);  // pads with nulls up to `rows`

private:
    void markNull();
    void appendTextCode(std::string_view text);
    std::uint32_t predictedCode(std::string_view text);  // internText, trying the likely code first
    std::uint32_t internText(std::string_view text);
    void rehashDictionary(std::size_t slot_count);
    bool appendDecimalUnits(std::int64_t units, int scale);
    bool appendWideUnits(Int128 units, int scale);
    bool appendWideText(std::string_view text);
    void widenToWide();
    bool raiseDecimalScale(int scale);
    void widenToDecimal();
    void widenToText();

    Column column_;
    std::vector<std::uint64_t> slots_;  // open addressing: hash high 32 bits | code, 0 = free (building only)
    std::uint32_t last_code_ = 0;          // the previous text cell's code (building only)
    std::vector<std::uint32_t> next_code_;  // code -> the code that followed it last time (building only)
};

// Builds a table column by column; rows are appended cell by cell (one append
// per column per row). finish() pads short columns with nulls.
class TableBuilder {
public:
    std::size_t addColumn(std::string name, ColumnType type);
    ColumnBuilder& column(std::size_t index) { return columns_[index]; }
    std::size_t columnCount() const { return columns_.size(); }

    void appendNull(std::size_t col) { columns_[col].appendNull(); }
    void appendText(std::size_t col, std::string_view text) { columns_[col].appendText(text); }
    void appendInteger(std::size_t col, std::int64_t value) { columns_[col].appendInteger(value); }
    void appendDecimal(std::size_t col, Decimal value) { columns_[col].appendDecimal(value); }
    void appendDate(std::size_t col, Date date) { columns_[col].appendDate(date); }
    void setDisplayName(std::size_t col, std::string name) { columns_[col].setDisplayName(std::move(name)); }
    void setRole(std::size_t col, ColumnRole role) { columns_[col].setRole(role); }
    void reserve(std::size_t rows);

    Table finish();

private:
    std::vector<ColumnBuilder> columns_;
};

// A new table holding `rows` of `table` in that order (same columns, types,
// names and roles): a sorted group-by result, a view to hand on.
Table tableFromRows(const Table& table, std::span<const std::uint32_t> rows);

}  // namespace ud::core
