// Group-by: rows -> dense group ids (flat hash on packed keys), then one
// column-at-a-time pass per aggregate with 128-bit sums, then a result Table
// sorted by its key columns. The totals row is the same computation with one group.
#include "core/table_group.h"

#include <algorithm>
#include <string>

#include "core/table_view.h"

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

std::uint64_t monthIndex(std::int32_t days) {
    Date d = dateFromDays(days);
    return static_cast<std::uint64_t>(d.year * 12 + d.month - 1);
}

std::uint64_t groupKeyOf(const Column& c, std::uint32_t row, bool by_month) {
    if (c.isNull(row)) return kEmptyKey;
    switch (c.type()) {
        case ColumnType::Text: return c.textCode(row);
        case ColumnType::Integer: return static_cast<std::uint64_t>(c.integer(row));
        case ColumnType::Decimal: return static_cast<std::uint64_t>(c.decimalUnits(row));
        case ColumnType::Date: return by_month ? monthIndex(c.days(row)) : static_cast<std::uint64_t>(c.days(row));
    }
    return kEmptyKey;
}

struct Accumulated {
    std::vector<Int128> sum;
    std::vector<std::int64_t> count, min, max;
};

Accumulated accumulate(const Column& c, std::span<const std::uint32_t> rows,
                       std::span<const std::uint32_t> group_of, std::size_t groups) {
    Accumulated a;
    a.sum.assign(groups, 0);
    a.count.assign(groups, 0);
    a.min.assign(groups, INT64_MAX);
    a.max.assign(groups, INT64_MIN);
    bool is_decimal = c.type() == ColumnType::Decimal;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::uint32_t r = rows[i];
        if (c.isNull(r)) continue;
        std::int64_t v = is_decimal ? c.decimalUnits(r) : c.integer(r);
        std::uint32_t g = group_of[i];
        a.sum[g] += v;
        ++a.count[g];
        a.min[g] = std::min(a.min[g], v);
        a.max[g] = std::max(a.max[g], v);
    }
    return a;
}

// sum / count at `extra` more fraction digits, rounded half away from zero.
std::int64_t meanUnits(Int128 sum, std::int64_t count, int extra) {
    Int128 scaled = sum * kPow10[extra];
    Int128 q = scaled / count, r = scaled % count;
    if (2 * (r < 0 ? -r : r) >= count) q += scaled < 0 ? -1 : 1;
    return static_cast<std::int64_t>(q);
}

void appendAggregateCell(ColumnBuilder& out, const Column& source, Aggregate f, const Accumulated& a,
                         std::uint32_t g) {
    int scale = source.type() == ColumnType::Decimal ? source.decimalScale() : 0;
    if (f == Aggregate::Count) {
        out.appendInteger(a.count[g]);
        return;
    }
    if (a.count[g] == 0) {
        out.appendNull();
        return;
    }
    switch (f) {
        case Aggregate::Sum:
            if (a.sum[g] > INT64_MAX || a.sum[g] < INT64_MIN) {
                out.appendDecimal(Decimal::fromUnits(a.sum[g] * kPow10[Decimal::kScale - scale]));
            } else {
                out.appendUnits(static_cast<std::int64_t>(a.sum[g]), scale);
            }
            break;
        case Aggregate::Min: out.appendUnits(a.min[g], scale); break;
        case Aggregate::Max: out.appendUnits(a.max[g], scale); break;
        case Aggregate::Mean: {
            int extra = std::min(2, Decimal::kScale - scale);
            out.appendUnits(meanUnits(a.sum[g], a.count[g], extra), scale + extra);
            break;
        }
        case Aggregate::Count: break;
    }
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

void appendGroupKeyCell(ColumnBuilder& out, const Column& c, std::uint32_t row, bool by_month) {
    if (c.isNull(row)) {
        out.appendNull();
        return;
    }
    switch (c.type()) {
        case ColumnType::Text: out.appendText(c.text(row)); break;
        case ColumnType::Integer: out.appendInteger(c.integer(row)); break;
        case ColumnType::Decimal: out.appendUnits(c.decimalUnits(row), c.decimalScale()); break;
        case ColumnType::Date:
            if (by_month) out.appendText(c.cellText(row).substr(0, 7));
            else out.appendDays(c.days(row));
            break;
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
    // 1. Dense group id per row: each key to a dense id, the pair packed into 64 bits.
    std::vector<DenseIds> key_ids(spec.keys.size());
    DenseIds group_ids;
    std::vector<std::uint32_t> group_of(rows.size());
    std::vector<std::uint32_t> first_row;  // the first row of each group stands for its keys
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::uint64_t packed = 0;
        for (std::size_t k = 0; k < spec.keys.size(); ++k) {
            const GroupKey& key = spec.keys[k];
            std::uint64_t id = key_ids[k].idOf(groupKeyOf(table.column(key.column), rows[i], key.by_month));
            packed = packed << 32 | id;
        }
        std::uint32_t g = group_ids.idOf(packed);
        if (g == first_row.size()) first_row.push_back(rows[i]);
        group_of[i] = g;
    }
    // 3. Aggregates, one column at a time.
    std::vector<Accumulated> acc, totals;
    std::vector<std::uint32_t> all_zero(rows.size(), 0);
    std::vector<std::int64_t> group_rows(first_row.size(), 0);
    for (std::uint32_t g : group_of) ++group_rows[g];
    for (const AggregateSpec& s : spec.aggregates) {
        acc.push_back(accumulate(table.column(s.column), rows, group_of, first_row.size()));
        totals.push_back(accumulate(table.column(s.column), rows, all_zero, 1));
    }
    // 4. The result tables.
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
    std::size_t first_aggregate = spec.keys.size() + 1;
    for (std::uint32_t g = 0; g < first_row.size(); ++g) {
        std::uint32_t row = first_row[g];
        for (std::size_t k = 0; k < spec.keys.size(); ++k) {
            appendGroupKeyCell(groups.column(k), table.column(spec.keys[k].column), row, spec.keys[k].by_month);
        }
        groups.appendInteger(spec.keys.size(), group_rows[g]);
        for (std::size_t a = 0; a < spec.aggregates.size(); ++a) {
            const AggregateSpec& s = spec.aggregates[a];
            appendAggregateCell(groups.column(first_aggregate + a), table.column(s.column), s.function, acc[a], g);
        }
    }
    addAggregateColumns(total, table, spec);
    total.appendInteger(spec.keys.size(), static_cast<std::int64_t>(rows.size()));
    for (std::size_t a = 0; a < spec.aggregates.size(); ++a) {
        const AggregateSpec& s = spec.aggregates[a];
        appendAggregateCell(total.column(first_aggregate + a), table.column(s.column), s.function, totals[a], 0);
    }
    // Groups were built in first-seen order; show them in key order.
    Table unordered = groups.finish();
    std::vector<std::uint32_t> order = filterRows(unordered, {}, "");
    std::vector<SortKey> sort_keys;
    for (std::size_t k = 0; k < spec.keys.size(); ++k) sort_keys.push_back({k, SortDirection::Ascending});
    sortRows(unordered, order, sort_keys);
    GroupedTable result{tableFromRows(unordered, order), total.finish()};
    return result;
}

}  // namespace ud::core
