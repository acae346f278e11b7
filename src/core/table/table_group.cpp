// Group-by: each key column -> a dense ordinal per row in that column's sort
// order (dictionary codes or day offsets where they are dense, hashing only
// where they are not), the pair of ordinals -> a group id numbered in key order
// (a direct table when the pairs are few, a hash plus one sort of the distinct
// pairs when not), then one pass per distinct aggregate column with exact
// sums (int64, redone in 128 bits if one overflows). Groups come out already in
// key order, so the result is built once, column by column in bulk (key text
// by dictionary code, never re-hashed per group), and never sorted; the
// totals row folds the groups' figures. Million-row temporaries are few and
// rewritten in place: on native builds fresh pages cost more than the work.
#include "core/table/table_group.h"

#include <algorithm>
#include <string>

#include "core/table/table_view.h"

namespace ud::core {
namespace {

constexpr std::uint64_t kEmptyKey = UINT64_MAX;
constexpr std::int64_t kPow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000};

// Open-addressing map from a 64-bit key to a dense id 0, 1, 2, ...
class DenseIds {
public:
    std::uint32_t idOf(std::uint64_t key) {
        if (size_ * 2 >= keys_.size()) grow();
        std::size_t mask = keys_.size() - 1;
        for (std::size_t i = mix(key) & mask;; i = (i + 1) & mask) {
            if (ids_[i] == kFree) {
                keys_[i] = key;
                ids_[i] = static_cast<std::uint32_t>(size_++);
                return ids_[i];
            }
            if (keys_[i] == key) return ids_[i];
        }
    }
    std::size_t size() const { return size_; }

private:
    static constexpr std::uint32_t kFree = UINT32_MAX;
    static std::size_t mix(std::uint64_t k) {
        k ^= k >> 33;
        k *= 0xFF51AFD7ED558CCDULL;
        k ^= k >> 33;
        return static_cast<std::size_t>(k);
    }
    void grow() {
        std::vector<std::uint64_t> keys = std::move(keys_);
        std::vector<std::uint32_t> ids = std::move(ids_);
        keys_.assign(std::max<std::size_t>(1024, keys.size() * 2), 0);
        ids_.assign(keys_.size(), kFree);
        std::size_t mask = keys_.size() - 1;
        for (std::size_t j = 0; j < keys.size(); ++j) {
            if (ids[j] == kFree) continue;
            std::size_t i = mix(keys[j]) & mask;
            while (ids_[i] != kFree) i = (i + 1) & mask;
            keys_[i] = keys[j];
            ids_[i] = ids[j];
        }
    }
    std::vector<std::uint64_t> keys_;
    std::vector<std::uint32_t> ids_;
    std::size_t size_ = 0;
};

std::int64_t monthIndex(std::int32_t days) {
    Date d = dateFromDays(days);
    return static_cast<std::int64_t>(d.year) * 12 + d.month - 1;
}

std::uint64_t groupKeyOf(const Column& c, std::uint32_t row, bool by_month) {
    if (c.isNull(row)) return kEmptyKey;
    switch (c.type()) {
        case ColumnType::Text: return c.textCode(row);
        case ColumnType::Integer: return static_cast<std::uint64_t>(c.integer(row));
        case ColumnType::Decimal: return static_cast<std::uint64_t>(c.decimalUnits(row));
        case ColumnType::Date:
            return by_month ? static_cast<std::uint64_t>(monthIndex(c.days(row))) : static_cast<std::uint64_t>(c.days(row));
    }
    return kEmptyKey;
}

// A key column's value per row as a slot: a small dense number that is the
// same for equal values. Text uses its dictionary code (0 = empty), dates and
// months their distance from the smallest (empty = one past the largest) when
// that range is small, anything else a hashed id.
struct KeySlots {
    std::vector<std::uint32_t> of_row;  // per position in `rows`
    std::vector<std::uint32_t> first;   // per slot: the first row with it, kUnseen if none
};

constexpr std::uint32_t kUnseen = UINT32_MAX;

KeySlots slotsOf(const Column& c, std::span<const std::uint32_t> rows, bool by_month) {
    KeySlots k;
    k.of_row.resize(rows.size());
    auto finishSlots = [&](std::size_t slot_count) {
        k.first.assign(slot_count, kUnseen);
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (k.first[k.of_row[i]] == kUnseen) k.first[k.of_row[i]] = rows[i];
        return k;
    };
    if (c.type() == ColumnType::Text) {
        for (std::size_t i = 0; i < rows.size(); ++i) k.of_row[i] = c.textCode(rows[i]);
        return finishSlots(std::max<std::size_t>(c.dictionarySize(), 1));
    }
    if (c.type() == ColumnType::Date) {
        std::int32_t lo = INT32_MAX, hi = INT32_MIN;
        for (std::uint32_t r : rows) {
            if (c.isNull(r)) continue;
            lo = std::min(lo, c.days(r));
            hi = std::max(hi, c.days(r));
        }
        if (lo > hi) lo = hi = 0;
        std::size_t range = static_cast<std::size_t>(std::int64_t{hi} - lo) + 1;
        if (range <= std::max<std::size_t>(rows.size(), 1 << 16)) {
            // Slot per day of the range (its month's offset when by month); empty = one past the last.
            std::vector<std::uint32_t> slot_of_day(range);
            std::int64_t first_month = monthIndex(lo);
            for (std::size_t d = 0; d < range; ++d)
                slot_of_day[d] = by_month ? static_cast<std::uint32_t>(monthIndex(static_cast<std::int32_t>(lo + d)) - first_month)
                                          : static_cast<std::uint32_t>(d);
            std::uint32_t empty = slot_of_day.back() + 1;
            for (std::size_t i = 0; i < rows.size(); ++i)
                k.of_row[i] = c.isNull(rows[i]) ? empty : slot_of_day[static_cast<std::size_t>(c.days(rows[i]) - lo)];
            return finishSlots(std::size_t{empty} + 1);
        }
    }
    if (c.isWide()) {  // slots are the value ranks; empty = one past the last
        k.of_row = wideValueRanks(c, rows);
        std::uint32_t empty = 0;
        for (std::uint32_t slot : k.of_row) empty = std::max(empty, slot + 1);
        for (std::size_t i = 0; i < rows.size(); ++i)
            if (c.isNull(rows[i])) k.of_row[i] = empty;
        return finishSlots(std::size_t{empty} + 1);
    }
    DenseIds ids;
    for (std::size_t i = 0; i < rows.size(); ++i) k.of_row[i] = ids.idOf(groupKeyOf(c, rows[i], by_month));
    return finishSlots(ids.size());
}

// Each row's key as its position in the key's sort order (empty last), a dense
// 0..count-1. The order comes from sortRows on one row per slot, so groups
// line up exactly as the table view sorts that column.
struct KeyOrdinals {
    std::vector<std::uint32_t> of_row;
    std::uint32_t count = 0;
};

KeyOrdinals ordinalsOf(const Table& table, std::span<const std::uint32_t> rows, const GroupKey& key) {
    KeySlots slots = slotsOf(table.column(key.column), rows, key.by_month);
    std::vector<std::uint32_t> representatives;
    for (std::uint32_t r : slots.first)
        if (r != kUnseen) representatives.push_back(r);
    std::vector<SortKey> order{{key.column, SortDirection::Ascending}};
    sortRows(table, representatives, order);  // a date sorts by day, which is also its month's order
    // Rank per slot, through a row -> slot lookup over the few representatives.
    std::vector<std::uint32_t> rank(slots.first.size(), 0);
    DenseIds slot_of_row;
    std::vector<std::uint32_t> slot_by_id;
    for (std::uint32_t s = 0; s < slots.first.size(); ++s) {
        if (slots.first[s] == kUnseen) continue;
        slot_of_row.idOf(slots.first[s]);
        slot_by_id.push_back(s);
    }
    for (std::uint32_t pos = 0; pos < representatives.size(); ++pos)
        rank[slot_by_id[slot_of_row.idOf(representatives[pos])]] = pos;
    KeyOrdinals k;
    k.count = static_cast<std::uint32_t>(representatives.size());
    k.of_row = std::move(slots.of_row);  // slot -> rank in place: a million rows, no second array
    for (std::uint32_t& x : k.of_row) x = rank[x];
    return k;
}

// Dense group ids in key order: the groups come out sorted, with no sort of the result.
struct GroupIds {
    std::vector<std::uint32_t> of_row;
    std::vector<std::uint32_t> first_row;  // per group: the first row, which stands for its keys
    std::vector<std::int64_t> row_count;   // per group: its rows
};

GroupIds groupIdsOf(const Table& table, std::span<const std::uint32_t> rows, const std::vector<GroupKey>& keys) {
    GroupIds g;
    KeyOrdinals a = ordinalsOf(table, rows, keys[0]);
    g.of_row = std::move(a.of_row);  // two keys: each row's pair id overwrites its first ordinal
    std::size_t groups = a.count;     // every ordinal and pair id numbered is used by some row
    if (keys.size() == 2) {
        KeyOrdinals b = ordinalsOf(table, rows, keys[1]);
        std::uint64_t combos = std::uint64_t{a.count} * b.count;
        if (combos <= std::max<std::uint64_t>(2 * rows.size(), 1 << 16)) {
            // Few enough pairs for a direct table: mark the pairs seen, number them in order.
            std::vector<std::uint32_t> id(combos, 0);
            for (std::size_t i = 0; i < rows.size(); ++i) id[std::uint64_t{g.of_row[i]} * b.count + b.of_row[i]] = 1;
            std::uint32_t next = 0;
            for (std::uint32_t& x : id) x = x ? next++ : kUnseen;
            groups = next;
            for (std::size_t i = 0; i < rows.size(); ++i) g.of_row[i] = id[std::uint64_t{g.of_row[i]} * b.count + b.of_row[i]];
        } else {
            // Sparse pairs: hash them, then renumber the distinct pairs in key order.
            DenseIds ids;
            std::vector<std::uint64_t> pairs;
            for (std::size_t i = 0; i < rows.size(); ++i) {
                std::uint64_t pair = std::uint64_t{g.of_row[i]} << 32 | b.of_row[i];
                g.of_row[i] = ids.idOf(pair);
                if (g.of_row[i] == pairs.size()) pairs.push_back(pair);
            }
            std::vector<std::uint32_t> by_pair(pairs.size());
            for (std::uint32_t i = 0; i < by_pair.size(); ++i) by_pair[i] = i;
            std::sort(by_pair.begin(), by_pair.end(), [&](std::uint32_t x, std::uint32_t y) { return pairs[x] < pairs[y]; });
            std::vector<std::uint32_t> renumber(pairs.size());
            for (std::uint32_t pos = 0; pos < by_pair.size(); ++pos) renumber[by_pair[pos]] = pos;
            for (std::uint32_t& x : g.of_row) x = renumber[x];
            groups = pairs.size();
        }
    }
    g.first_row.assign(groups, kUnseen);
    g.row_count.assign(groups, 0);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::uint32_t id = g.of_row[i];
        if (g.row_count[id]++ == 0) g.first_row[id] = rows[i];
    }
    return g;
}

// Per group figures of one source column. Only the arrays some aggregate needs
// are filled (a million groups cost 8 bytes per array); `count` is left empty
// when the column has no empty cells, where it equals the group's rows. Sums
// are int64 while every one fits, else all 128-bit (`wide_sum`, twice the memory).
struct Accumulated {
    std::vector<std::int64_t> sum;
    std::vector<Int128> wide_sum;
    std::vector<std::int64_t> count, min, max;
    // A wide source column (values past int64): exact Decimal figures instead of
    // sum/min/max above; a sum past Decimal's range is its "too large" value.
    std::vector<Decimal> exact_sum, exact_min, exact_max;
    std::span<const std::int64_t> rows;  // per group: rows in it

    std::int64_t countOf(std::size_t g) const { return count.empty() ? rows[g] : count[g]; }
    bool hasSums() const { return !sum.empty() || !wide_sum.empty(); }
    bool isExact() const { return !exact_sum.empty() || !exact_min.empty() || !exact_max.empty(); }
    Int128 sumOf(std::size_t g) const { return wide_sum.empty() ? Int128{sum[g]} : wide_sum[g]; }
};

struct Needs {
    bool sum = false, min = false, max = false;
};

Accumulated accumulateWide(const Column& c, std::span<const std::uint32_t> rows,
                           std::span<const std::uint32_t> group_of, std::span<const std::int64_t> group_rows,
                           Needs needs) {
    Accumulated a;
    const std::size_t groups = group_rows.size();
    a.rows = group_rows;
    a.count.assign(groups, 0);
    if (needs.sum) a.exact_sum.assign(groups, Decimal{});
    if (needs.min) a.exact_min.assign(groups, Decimal{});
    if (needs.max) a.exact_max.assign(groups, Decimal{});
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::optional<Decimal> v = c.number(rows[i]);
        if (!v) continue;
        const std::uint32_t g = group_of[i];
        const bool first = a.count[g]++ == 0;
        if (needs.sum) a.exact_sum[g] += *v;
        if (needs.min && (first || *v < a.exact_min[g])) a.exact_min[g] = *v;
        if (needs.max && (first || *v > a.exact_max[g])) a.exact_max[g] = *v;
    }
    return a;
}

Accumulated accumulate(const Column& c, std::span<const std::uint32_t> rows, std::span<const std::uint32_t> group_of,
                       std::span<const std::int64_t> group_rows, Needs needs) {
    if (c.isWide()) return accumulateWide(c, rows, group_of, group_rows, needs);
    Accumulated a;
    std::size_t groups = group_rows.size();
    bool nulls = c.hasNulls();
    a.rows = group_rows;
    if (needs.sum) a.sum.assign(groups, 0);
    if (nulls) a.count.assign(groups, 0);
    if (needs.min) a.min.assign(groups, INT64_MAX);
    if (needs.max) a.max.assign(groups, INT64_MIN);
    bool is_decimal = c.type() == ColumnType::Decimal;
    bool overflow = false;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::uint32_t r = rows[i];
        if (nulls && c.isNull(r)) continue;
        std::int64_t v = is_decimal ? c.decimalUnits(r) : c.integer(r);
        std::uint32_t g = group_of[i];
        if (needs.sum) overflow |= __builtin_add_overflow(a.sum[g], v, &a.sum[g]);
        if (nulls) ++a.count[g];
        if (needs.min) a.min[g] = std::min(a.min[g], v);
        if (needs.max) a.max[g] = std::max(a.max[g], v);
    }
    if (overflow) {  // some sum passed int64: sum again in 128 bits
        a.sum = {};
        a.wide_sum.assign(groups, 0);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            std::uint32_t r = rows[i];
            if (!(nulls && c.isNull(r))) a.wide_sum[group_of[i]] += is_decimal ? c.decimalUnits(r) : c.integer(r);
        }
    }
    return a;
}

// The totals row: the groups' figures folded into one.
Accumulated foldGroups(const Accumulated& a, const std::int64_t& all_rows) {
    Accumulated t;
    t.rows = std::span<const std::int64_t>(&all_rows, 1);
    if (a.hasSums()) t.wide_sum.assign(1, 0);
    if (!a.count.empty()) t.count.assign(1, 0);
    if (!a.min.empty()) t.min.assign(1, INT64_MAX);
    if (!a.max.empty()) t.max.assign(1, INT64_MIN);
    if (a.isExact()) {
        bool any = false;
        if (!a.exact_sum.empty()) t.exact_sum.assign(1, Decimal{});
        if (!a.exact_min.empty()) t.exact_min.assign(1, Decimal{});
        if (!a.exact_max.empty()) t.exact_max.assign(1, Decimal{});
        for (std::size_t g = 0; g < a.rows.size(); ++g) {
            t.count[0] += a.count[g];
            if (a.count[g] == 0) continue;
            if (!a.exact_sum.empty()) t.exact_sum[0] += a.exact_sum[g];
            if (!a.exact_min.empty() && (!any || a.exact_min[g] < t.exact_min[0])) t.exact_min[0] = a.exact_min[g];
            if (!a.exact_max.empty() && (!any || a.exact_max[g] > t.exact_max[0])) t.exact_max[0] = a.exact_max[g];
            any = true;
        }
        return t;
    }
    for (std::size_t g = 0; g < a.rows.size(); ++g) {
        if (a.hasSums()) t.wide_sum[0] += a.sumOf(g);
        if (!a.count.empty()) t.count[0] += a.count[g];
        if (!a.min.empty()) t.min[0] = std::min(t.min[0], a.min[g]);
        if (!a.max.empty()) t.max[0] = std::max(t.max[0], a.max[g]);
    }
    return t;
}

// sum / count at `extra` more fraction digits, rounded half away from zero.
// 128-bit: the mean of large int64 values at 2 more digits can pass int64.
Int128 meanUnits(Int128 sum, std::int64_t count, int extra) {
    constexpr std::int64_t kSafe = INT64_MAX / 1000;  // sum * 10^2 and 2 * remainder stay in int64
    if (sum > -kSafe && sum < kSafe) {  // 64-bit division: much cheaper than 128-bit, same result
        std::int64_t s64 = static_cast<std::int64_t>(sum) * kPow10[extra];
        std::int64_t q = s64 / count, r = s64 % count;
        if (2 * (r < 0 ? -r : r) >= count) q += s64 < 0 ? -1 : 1;
        return q;
    }
    Int128 scaled = sum * kPow10[extra];
    Int128 q = scaled / count, r = scaled % count;
    if (2 * (r < 0 ? -r : r) >= count) q += scaled < 0 ? -1 : 1;
    return q;
}


// A wide column's figure for group g (isExact): "too large" stays that.
Decimal exactFigure(const Accumulated& a, Aggregate f, std::size_t g, std::int64_t count, int scale) {
    switch (f) {
        case Aggregate::Sum: return a.exact_sum[g];
        case Aggregate::Min: return a.exact_min[g];
        case Aggregate::Max: return a.exact_max[g];
        case Aggregate::Mean:
            if (a.exact_sum[g].isTooLarge()) return a.exact_sum[g];
            return roundedQuotient(a.exact_sum[g], count, scale).value_or(Decimal::tooLarge());
        case Aggregate::Count: break;
    }
    return Decimal::fromInt(count);
}

// An exact figure at the column's scale (its digits never go past `scale`); a
// too-large one is the "too large to total exactly" text.
void appendExactCell(ColumnBuilder& out, Decimal v, int scale) {
    if (v.isTooLarge()) {
        out.appendDecimal(v);
        return;
    }
    Int128 step = 1;
    for (int k = scale; k < Decimal::kScale; ++k) step *= 10;
    out.appendWide(v.units() / step, scale);
}

// An aggregate's cells when they are exactly one of the accumulated arrays
// (no group without a value, no sum past int64); empty when they need working out.
std::span<const std::int64_t> storedCells(const Accumulated& a, Aggregate f) {
    if (a.isExact() && f != Aggregate::Count) return {};
    if (f == Aggregate::Count) return a.count.empty() ? a.rows : std::span<const std::int64_t>(a.count);
    if (!a.count.empty()) return {};  // the column has empty cells: some group may have none
    switch (f) {
        case Aggregate::Sum: return a.sum;
        case Aggregate::Min: return a.min;
        case Aggregate::Max: return a.max;
        case Aggregate::Count:
        case Aggregate::Mean: break;
    }
    return {};
}

// One aggregate's cells for groups 0..group_count-1 (the totals row: 1).
// Plain values go in bulk runs at the column's scale; the rare empty cell or
// sum past int64 is appended on its own, exactly as a per-cell append would.
void appendAggregateColumn(ColumnBuilder& out, const Column& source, Aggregate f, const Accumulated& a,
                           std::size_t group_count) {
    int scale = source.type() == ColumnType::Decimal ? source.decimalScale() : 0;
    int extra = std::min(2, Decimal::kScale - scale);
    int run_scale = f == Aggregate::Count ? 0 : f == Aggregate::Mean ? scale + extra : scale;
    if (std::span<const std::int64_t> cells = storedCells(a, f); cells.size() == group_count) {
        out.appendUnits(cells, run_scale);
        return;
    }
    constexpr std::size_t kRun = 4096;  // a cache-sized buffer, not a second million-entry array
    std::vector<std::int64_t> run;
    run.reserve(std::min(group_count, kRun));
    auto flush = [&] {
        out.appendUnits(run, run_scale);
        run.clear();
    };
    for (std::size_t g = 0; g < group_count; ++g) {
        if (run.size() == kRun) flush();
        std::int64_t count = a.countOf(g);
        if (f == Aggregate::Count) {
            run.push_back(count);
            continue;
        }
        if (count == 0) {
            flush();
            out.appendNull();
            continue;
        }
        if (a.isExact()) {
            flush();
            appendExactCell(out, exactFigure(a, f, g, count, run_scale), run_scale);
            continue;
        }
        switch (f) {
            case Aggregate::Sum:
            case Aggregate::Mean: {
                const Int128 v = f == Aggregate::Sum ? a.sumOf(g) : meanUnits(a.sumOf(g), count, extra);
                if (v > INT64_MAX || v < INT64_MIN) {
                    flush();
                    out.appendWide(v, run_scale);
                } else {
                    run.push_back(static_cast<std::int64_t>(v));
                }
                break;
            }
            case Aggregate::Min: run.push_back(a.min[g]); break;
            case Aggregate::Max: run.push_back(a.max[g]); break;
            case Aggregate::Count: break;
        }
    }
    flush();
}

ColumnType aggregateType(const Column& source, Aggregate f) {
    if (f == Aggregate::Count) return ColumnType::Integer;
    if (f == Aggregate::Mean) return ColumnType::Decimal;
    return source.type();
}

void addAggregateColumns(TableBuilder& b, const Table& table, const GroupSpec& spec) {
    b.addColumn("Rows", ColumnType::Integer);
    for (const AggregateSpec& s : spec.aggregates) {
        const Column& c = table.column(s.column);
        std::string prefix = std::string(nameFromAggregate(s.function)) + " of ";
        std::size_t col = b.addColumn(prefix + c.name(), aggregateType(c, s.function));
        b.setDisplayName(col, prefix + c.displayName());
    }
}

// A key column of the result: the key cells of each group's first row.
void appendGroupKeyColumn(ColumnBuilder& out, const Column& c, std::span<const std::uint32_t> first_rows,
                          bool by_month) {
    if (!by_month) {
        out.appendRows(c, first_rows);  // text keeps to the source's codes: no hashing per group
        return;
    }
    for (std::uint32_t row : first_rows) {
        if (c.isNull(row)) out.appendNull();
        else out.appendText(c.cellText(row).substr(0, 7));
    }
}

Status validate(const Table& table, const GroupSpec& spec) {
    if (spec.keys.empty() || spec.keys.size() > 2) {
        return makeError(ErrorKind::Validation, "Group by one or two columns.");
    }
    for (const GroupKey& k : spec.keys) {
        if (k.column >= table.columnCount()) return makeError(ErrorKind::Validation, "Unknown group column.");
        if (k.by_month && table.column(k.column).type() != ColumnType::Date) {
            return makeError(ErrorKind::Validation, "Only a date column can be grouped by month.");
        }
    }
    for (const AggregateSpec& a : spec.aggregates) {
        if (a.column >= table.columnCount() || !table.column(a.column).isNumeric()) {
            return makeError(ErrorKind::Validation, "Totals need a numeric column.");
        }
    }
    return Ok{};
}

}  // namespace

const char* nameFromAggregate(Aggregate function) {
    switch (function) {
        case Aggregate::Sum: return "Sum";
        case Aggregate::Count: return "Count";
        case Aggregate::Min: return "Min";
        case Aggregate::Max: return "Max";
        case Aggregate::Mean: return "Mean";
    }
    return "Sum";
}

Result<GroupedTable> groupRows(const Table& table, std::span<const std::uint32_t> rows, const GroupSpec& spec) {
    if (Status valid = validate(table, spec); !valid.ok()) return valid.error();
    // 1. Dense group id per row, numbered in key order (see groupIdsOf).
    GroupIds ids = groupIdsOf(table, rows, spec.keys);
    const std::vector<std::uint32_t>& first_row = ids.first_row;
    // 2. Aggregates: one pass per distinct source column; totals folded from the groups.
    const std::vector<std::int64_t>& group_rows = ids.row_count;
    std::vector<std::size_t> acc_of(spec.aggregates.size());  // aggregate -> its column's figures
    std::vector<std::size_t> acc_column;
    std::vector<Needs> needs;
    for (std::size_t a = 0; a < spec.aggregates.size(); ++a) {
        const AggregateSpec& s = spec.aggregates[a];
        auto seen = std::find(acc_column.begin(), acc_column.end(), s.column);
        acc_of[a] = static_cast<std::size_t>(seen - acc_column.begin());
        if (seen == acc_column.end()) {
            acc_column.push_back(s.column);
            needs.emplace_back();
        }
        Needs& n = needs[acc_of[a]];
        n.sum |= s.function == Aggregate::Sum || s.function == Aggregate::Mean;
        n.min |= s.function == Aggregate::Min;
        n.max |= s.function == Aggregate::Max;
    }
    const std::int64_t all_rows = static_cast<std::int64_t>(rows.size());
    std::vector<Accumulated> acc, totals;
    for (std::size_t i = 0; i < acc_column.size(); ++i) {
        acc.push_back(accumulate(table.column(acc_column[i]), rows, ids.of_row, group_rows, needs[i]));
        totals.push_back(foldGroups(acc.back(), all_rows));
    }
    // 3. The result tables, already in key order.
    TableBuilder groups, total;
    for (std::size_t k = 0; k < spec.keys.size(); ++k) {
        const GroupKey& key = spec.keys[k];
        const Column& c = table.column(key.column);
        std::string name = key.by_month ? c.name() + " month" : c.name();
        std::string display = key.by_month ? c.displayName() + " (month)" : c.displayName();
        groups.addColumn(name, key.by_month ? ColumnType::Text : c.type());
        groups.setDisplayName(k, display);
        groups.setRole(k, key.by_month ? ColumnRole::None : c.role());
        total.addColumn(name, ColumnType::Text);  // holds "Total", whatever the key's type
        total.setDisplayName(k, display);
        total.appendText(k, k == 0 ? "Total" : "");
    }
    addAggregateColumns(groups, table, spec);
    groups.reserve(first_row.size());
    std::size_t first_aggregate = spec.keys.size() + 1;
    for (std::size_t k = 0; k < spec.keys.size(); ++k) {
        appendGroupKeyColumn(groups.column(k), table.column(spec.keys[k].column), first_row, spec.keys[k].by_month);
    }
    groups.column(spec.keys.size()).appendUnits(group_rows, 0);
    addAggregateColumns(total, table, spec);
    total.appendInteger(spec.keys.size(), all_rows);
    for (std::size_t a = 0; a < spec.aggregates.size(); ++a) {
        const AggregateSpec& s = spec.aggregates[a];
        const Column& source = table.column(s.column);
        appendAggregateColumn(groups.column(first_aggregate + a), source, s.function, acc[acc_of[a]], first_row.size());
        appendAggregateColumn(total.column(first_aggregate + a), source, s.function, totals[acc_of[a]], 1);
    }
    GroupedTable result{groups.finish(), total.finish()};
    return result;
}

}  // namespace ud::core
