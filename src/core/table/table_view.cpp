// Filtering (dictionary masks, typed ranges) and sorting (packed keys + LSD
// radix sort, comparator fallback when keys do not fit 64 bits).
#include "core/table/table_view.h"

#include <algorithm>
#include <bit>
#include <numeric>

namespace ud::core {
namespace {

constexpr std::uint64_t kSignBit = std::uint64_t{1} << 63;

char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// One flag per dictionary code: does that text contain the needle?
std::vector<std::uint8_t> textMatches(const Column& c, std::string_view needle) {
    std::vector<std::uint8_t> match(c.dictionarySize(), 0);
    for (std::uint32_t code = 0; code < match.size(); ++code) {
        match[code] = containsIgnoringCase(c.dictionaryText(code), needle) ? 1 : 0;
    }
    return match;
}

// Numeric bounds in the column's own units, so each row test is one int64 compare.
std::int64_t unitsAtScale(const Decimal& value, int scale, bool round_up) {
    Int128 divisor = 1;
    for (int i = scale; i < Decimal::kScale; ++i) divisor *= 10;
    Int128 q = value.units() / divisor, r = value.units() % divisor;
    if (r != 0 && round_up && value.units() > 0) ++q;
    if (r != 0 && !round_up && value.units() < 0) --q;
    if (q > INT64_MAX) return INT64_MAX;
    if (q < INT64_MIN) return INT64_MIN;
    return static_cast<std::int64_t>(q);
}

void applyFilter(const Table& table, const ColumnFilter& f, std::vector<std::uint8_t>& keep) {
    const Column& c = table.column(f.column);
    const std::size_t n = table.rowCount();
    if (!f.contains.empty()) {
        if (c.type() == ColumnType::Text) {
            std::vector<std::uint8_t> match = textMatches(c, f.contains);
            for (std::size_t r = 0; r < n; ++r) keep[r] &= match[c.textCode(r)];
        } else {
            std::string cell;
            for (std::size_t r = 0; r < n; ++r) {
                if (!keep[r]) continue;
                cell.clear();
                c.appendCellText(r, cell);
                keep[r] = containsIgnoringCase(cell, f.contains) ? 1 : 0;
            }
        }
    }
    if ((f.min || f.max) && c.isWide()) {  // rare: exact Decimal compares, row by row
        for (std::size_t r = 0; r < n; ++r) {
            const std::optional<Decimal> v = keep[r] ? c.number(r) : std::nullopt;
            keep[r] &= static_cast<std::uint8_t>(v && (!f.min || *v >= *f.min) && (!f.max || *v <= *f.max));
        }
    } else if ((f.min || f.max) && c.isNumeric()) {
        int scale = c.type() == ColumnType::Decimal ? c.decimalScale() : 0;
        std::int64_t lo = f.min ? unitsAtScale(*f.min, scale, true) : INT64_MIN;
        std::int64_t hi = f.max ? unitsAtScale(*f.max, scale, false) : INT64_MAX;
        for (std::size_t r = 0; r < n; ++r) {
            std::int64_t v = c.type() == ColumnType::Decimal ? c.decimalUnits(r) : c.integer(r);
            keep[r] &= static_cast<std::uint8_t>(v >= lo && v <= hi && !c.isNull(r));
        }
    }
    if ((f.first || f.last) && c.type() == ColumnType::Date) {
        std::int64_t lo = f.first ? daysFromDate(*f.first) : INT64_MIN;
        std::int64_t hi = f.last ? daysFromDate(*f.last) : INT64_MAX;
        for (std::size_t r = 0; r < n; ++r) {
            keep[r] &= static_cast<std::uint8_t>(c.days(r) >= lo && c.days(r) <= hi && !c.isNull(r));
        }
    }
}

// Text order: case-insensitive, then bytes so the order is total.
std::vector<std::uint32_t> textRanks(const Column& c) {
    std::vector<std::uint32_t> codes(c.dictionarySize());
    std::iota(codes.begin(), codes.end(), 0u);
    auto less = [&](std::uint32_t a, std::uint32_t b) {
        std::string_view x = c.dictionaryText(a), y = c.dictionaryText(b);
        std::size_t n = std::min(x.size(), y.size());
        for (std::size_t i = 0; i < n; ++i) {
            char p = lowerAscii(x[i]), q = lowerAscii(y[i]);
            if (p != q) return static_cast<unsigned char>(p) < static_cast<unsigned char>(q);
        }
        return x.size() != y.size() ? x.size() < y.size() : x < y;
    };
    std::sort(codes.begin(), codes.end(), less);
    std::vector<std::uint32_t> rank(codes.size());
    for (std::uint32_t i = 0; i < codes.size(); ++i) rank[codes[i]] = i;
    return rank;
}

// One key per position, mapped so that ascending integer order is the wanted
// order with empty cells last: (raw - min) or (max - raw), empty = range + 1.
struct MappedKey {
    std::vector<std::uint64_t> values;
    int bits = 64;
};

MappedKey mapKey(const Table& table, std::span<const std::uint32_t> rows, const SortKey& key) {
    const Column& c = table.column(key.column);
    std::vector<std::uint32_t> rank, wide_rank;
    if (c.type() == ColumnType::Text) rank = textRanks(c);
    if (c.isWide()) wide_rank = wideValueRanks(c, rows);
    MappedKey m;
    m.values.resize(rows.size());
    std::uint64_t lo = UINT64_MAX, hi = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::uint32_t r = rows[i];
        std::uint64_t raw = 0;
        switch (c.type()) {
            case ColumnType::Text: raw = rank[c.textCode(r)]; break;
            case ColumnType::Integer:
            case ColumnType::Decimal:
                raw = c.isWide() ? wide_rank[i] : static_cast<std::uint64_t>(c.units(r)) ^ kSignBit;
                break;
            case ColumnType::Date: raw = static_cast<std::uint64_t>(static_cast<std::int64_t>(c.days(r))) ^ kSignBit; break;
        }
        bool null = c.isNull(r);
        if (!null) {
            lo = std::min(lo, raw);
            hi = std::max(hi, raw);
        }
        m.values[i] = raw;
    }
    if (lo > hi) lo = hi = 0;  // all empty
    std::uint64_t range = hi - lo;
    // A column spanning all 2^64 values leaves no code for "empty": it then sorts with the largest.
    std::uint64_t empty = range == UINT64_MAX ? UINT64_MAX : range + 1;
    bool ascending = key.direction == SortDirection::Ascending;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::uint64_t raw = m.values[i];
        m.values[i] = c.isNull(rows[i]) ? empty : ascending ? raw - lo : hi - raw;
    }
    m.bits = std::bit_width(empty);
    return m;
}

// Stable LSD radix sort of positions by key, 11 bits per pass, only over `bits`.
void radixSortPositions(std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>& pos, int bits) {
    constexpr int kDigitBits = 11;
    constexpr std::size_t kBuckets = std::size_t{1} << kDigitBits;
    std::vector<std::uint64_t> keys_tmp(keys.size());
    std::vector<std::uint32_t> pos_tmp(pos.size());
    std::vector<std::size_t> count(kBuckets);
    for (int shift = 0; shift < bits; shift += kDigitBits) {
        std::fill(count.begin(), count.end(), 0);
        for (std::uint64_t k : keys) ++count[(k >> shift) & (kBuckets - 1)];
        std::size_t sum = 0;
        for (std::size_t& c : count) {
            std::size_t here = c;
            c = sum;
            sum += here;
        }
        for (std::size_t i = 0; i < keys.size(); ++i) {
            std::size_t at = count[(keys[i] >> shift) & (kBuckets - 1)]++;
            keys_tmp[at] = keys[i];
            pos_tmp[at] = pos[i];
        }
        keys.swap(keys_tmp);
        pos.swap(pos_tmp);
    }
}

}  // namespace

bool containsIgnoringCase(std::string_view haystack, std::string_view needle) {
    if (needle.empty()) return true;
    if (needle.size() > haystack.size()) return false;
    char first = lowerAscii(needle[0]);
    for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
        if (lowerAscii(haystack[i]) != first) continue;
        std::size_t k = 1;
        while (k < needle.size() && lowerAscii(haystack[i + k]) == lowerAscii(needle[k])) ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

std::vector<std::uint32_t> filterRows(const Table& table, std::span<const ColumnFilter> filters,
                                      std::string_view search) {
    const std::size_t n = table.rowCount();
    std::vector<std::uint8_t> keep(n, 1);
    for (const ColumnFilter& f : filters) {
        if (f.column < table.columnCount()) applyFilter(table, f, keep);
    }
    if (!search.empty()) {
        std::vector<std::uint8_t> found(n, 0);
        for (const Column& c : table.columns()) {
            if (c.type() != ColumnType::Text) continue;
            std::vector<std::uint8_t> match = textMatches(c, search);
            for (std::size_t r = 0; r < n; ++r) found[r] |= match[c.textCode(r)];
        }
        for (std::size_t r = 0; r < n; ++r) keep[r] &= found[r];
    }
    std::vector<std::uint32_t> rows;
    rows.reserve(static_cast<std::size_t>(std::count(keep.begin(), keep.end(), 1)));
    for (std::size_t r = 0; r < n; ++r) {
        if (keep[r]) rows.push_back(static_cast<std::uint32_t>(r));
    }
    return rows;
}

void sortRows(const Table& table, std::vector<std::uint32_t>& rows, std::span<const SortKey> keys) {
    if (keys.empty() || rows.size() < 2) return;
    std::vector<MappedKey> mapped;
    int total_bits = 0;
    for (const SortKey& k : keys) {
        mapped.push_back(mapKey(table, rows, k));
        total_bits += mapped.back().bits;
    }
    std::vector<std::uint32_t> pos(rows.size());
    std::iota(pos.begin(), pos.end(), 0u);
    if (total_bits <= 64) {
        // Pack all keys into one integer, first key in the high bits.
        std::vector<std::uint64_t> packed(rows.size(), 0);
        for (const MappedKey& m : mapped) {
            for (std::size_t i = 0; i < packed.size(); ++i) {
                packed[i] = m.bits >= 64 ? m.values[i] : (packed[i] << m.bits) | m.values[i];
            }
        }
        radixSortPositions(packed, pos, total_bits);
    } else {
        std::stable_sort(pos.begin(), pos.end(), [&](std::uint32_t a, std::uint32_t b) {
            for (const MappedKey& m : mapped) {
                if (m.values[a] != m.values[b]) return m.values[a] < m.values[b];
            }
            return false;
        });
    }
    std::vector<std::uint32_t> sorted(rows.size());
    for (std::size_t i = 0; i < pos.size(); ++i) sorted[i] = rows[pos[i]];
    rows.swap(sorted);
}

std::vector<std::uint32_t> viewRows(const Table& table, const ViewSpec& spec) {
    std::vector<std::uint32_t> rows = filterRows(table, spec.filters, spec.search);
    sortRows(table, rows, spec.sort);
    return rows;
}

}  // namespace ud::core
