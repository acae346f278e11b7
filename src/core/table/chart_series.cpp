// Chart series from table rows (sums per day and key, top N + "Other"), exact
// axis ticks, and the double geometry the GPU draws. Sums are Decimal
// throughout; toDouble() is called only when a rectangle is laid out.
#include "core/table/chart_series.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <unordered_map>

namespace ud::core {
namespace {

constexpr const char* kNoneKey = "(none)";

// Dense ids for the distinct values of a key column (any type), each with the
// label of its first cell. With no column every row has id 0.
class KeyIds {
public:
    explicit KeyIds(const Column* column) : column_(column) {
        if (!column_) labels.emplace_back("All");
    }

    std::uint32_t idOf(std::size_t row) {
        if (!column_) return 0;
        auto [it, added] = ids_.try_emplace(rawKey(row), static_cast<std::uint32_t>(labels.size()));
        if (added) {
            std::string text = column_->cellText(row);
            labels.push_back(text.empty() ? std::string(kNoneKey) : std::move(text));
        }
        return it->second;
    }

    std::vector<std::string> labels;

private:
    // Text cells by dictionary code, numbers (wide ones too) and dates by value;
    // null apart, below every number a cell can hold.
    Int128 rawKey(std::size_t row) const {
        if (column_->isNull(row)) return Decimal::tooLarge().units();
        switch (column_->type()) {
            case ColumnType::Text: return column_->textCode(row);
            case ColumnType::Integer:
            case ColumnType::Decimal: return column_->units(row);
            case ColumnType::Date: return column_->days(row);
        }
        return 0;
    }

    struct KeyHash {
        std::size_t operator()(Int128 k) const {
            const auto u = static_cast<std::uint64_t>(k), high = static_cast<std::uint64_t>(k >> 64);
            return std::hash<std::uint64_t>{}(u ^ (high * 0x9E3779B97F4A7C15ULL));
        }
    };

    const Column* column_;
    std::unordered_map<Int128, std::uint32_t, KeyHash> ids_;
};

// Top N keys by total (largest first, then by label); the rest share slot N.
struct TopKeys {
    std::vector<std::string> keys;
    std::vector<std::size_t> slot_of;  // key id -> series index
    bool has_other = false;
    std::size_t other_key_count = 0;
};

TopKeys topKeys(const std::vector<Decimal>& totals, const std::vector<std::string>& labels, std::size_t top_n) {
    std::vector<std::uint32_t> ranked(totals.size());
    for (std::uint32_t i = 0; i < ranked.size(); ++i) ranked[i] = i;
    std::sort(ranked.begin(), ranked.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (totals[a] != totals[b]) return totals[a] > totals[b];
        return labels[a] < labels[b];
    });
    TopKeys top;
    top.has_other = ranked.size() > top_n;
    std::size_t shown = top.has_other ? top_n : ranked.size();
    top.slot_of.resize(totals.size());
    for (std::size_t i = 0; i < ranked.size(); ++i) top.slot_of[ranked[i]] = std::min(i, shown);
    for (std::size_t i = 0; i < shown; ++i) top.keys.push_back(labels[ranked[i]]);
    if (top.has_other) {
        top.keys.emplace_back(kOtherCategory);
        top.other_key_count = ranked.size() - shown;
    }
    return top;
}

ChartValueFormat formatOfColumn(const Column& column) {
    ChartValueFormat f;
    f.decimals = column.type() == ColumnType::Decimal ? column.decimalScale() : 0;
    return f;
}

Error invalid(std::string message) { return makeError(ErrorKind::Validation, std::move(message)); }

std::optional<Error> checkValueColumn(const Table& table, std::size_t value_column) {
    if (value_column >= table.columnCount()) return invalid("Choose a numeric column to chart.");
    if (!table.column(value_column).isNumeric())
        return invalid("\"" + table.column(value_column).displayName() + "\" is not a numeric column.");
    return std::nullopt;
}

std::size_t clampTopN(std::size_t n) { return std::clamp<std::size_t>(n, 1, kChartMaxTopN); }

float floatFrom(Decimal value) { return static_cast<float>(value.toDouble()); }

struct Fnv {
    std::uint64_t h = 1469598103934665603ull;
    void bytes(const void* p, std::size_t n) {
        const auto* b = static_cast<const unsigned char*>(p);
        for (std::size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 1099511628211ull;
    }
    void decimal(Decimal d) {  // two 64-bit words, not 16 bytes: this runs every frame
        Int128 u = d.units();
        number(static_cast<std::uint64_t>(u));
        number(static_cast<std::uint64_t>(u >> 64));
    }
    void text(const std::string& s) { bytes(s.data(), s.size() + 1); }  // with the terminator, so "a","b" != "ab"
    void number(std::uint64_t v) { h = (h ^ v) * 1099511628211ull; }
};

}  // namespace

std::string textFromChartValue(Decimal value, const ChartValueFormat& format) {
    if (format.money) return formatMoney(value, format.currency, Decimal::kScale);
    return formatDecimal(value, format.decimals);
}

StackedSeriesView StackedSeries::view() const {
    return StackedSeriesView{first_day, day_count, keys, values, day_totals, format, has_other, lines, other_key_count};
}

void extendSeriesTo(StackedSeries& series, Date last) {
    const std::int64_t want = daysBetween(series.first_day, last) + 1;
    if (want <= static_cast<std::int64_t>(series.day_count) || want > kMaxChartDays) return;
    series.day_count = static_cast<std::size_t>(want);
    for (auto& row : series.values) row.resize(series.day_count);
    series.day_totals.resize(series.day_count);
    for (auto& line : series.lines) line.values.resize(series.day_count);
}

ChartLine rateLine(std::string label, const StackedSeries& series, DateRange days, Decimal rate) {
    ChartLine line{std::move(label), std::vector<std::optional<Decimal>>(series.day_count), true};
    for (std::size_t d = 0; d < series.day_count; ++d) {
        const Date day = addDays(series.first_day, static_cast<std::int64_t>(d));
        if (day >= days.first && day <= days.last) line.values[d] = rate;
    }
    return line;
}

StackedSeries alignedPeriodsSeries(const std::vector<std::optional<Decimal>>& before,
                                   const std::vector<std::optional<Decimal>>& after, Date after_first,
                                   const std::string& before_label, const std::string& after_label,
                                   ChartValueFormat format) {
    StackedSeries s;
    s.first_day = after_first;
    s.day_count = std::min<std::size_t>(std::max(before.size(), after.size()), static_cast<std::size_t>(kMaxChartDays));
    s.keys = {after_label};
    s.values.assign(1, std::vector<Decimal>(s.day_count));
    s.day_totals.assign(s.day_count, Decimal{});
    for (std::size_t d = 0; d < s.day_count && d < after.size(); ++d) {
        s.values[0][d] = after[d].value_or(Decimal{});
        s.day_totals[d] = s.values[0][d];
    }
    ChartLine line{before_label, std::vector<std::optional<Decimal>>(s.day_count), false};
    for (std::size_t d = 0; d < s.day_count && d < before.size(); ++d) line.values[d] = before[d];
    s.lines.push_back(std::move(line));
    s.format = std::move(format);
    return s;
}

std::string otherLabel(std::size_t key_count) {
    return std::string(kOtherCategory) + " (" + formatCount(static_cast<long long>(key_count)) + ")";
}

std::vector<std::string> legendLabels(const StackedSeriesView& series) {
    std::vector<std::string> labels(series.keys.begin(), series.keys.end());
    if (series.has_other && !labels.empty() && series.other_key_count > 0) labels.back() = otherLabel(series.other_key_count);
    return labels;
}

std::string dayAxisLabel(Date day) {
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::string month = kMonths[(day.month - 1) % 12];
    if (day.day != 1) return std::to_string(day.day) + " " + month;
    return day.month == 1 ? month + " " + std::to_string(day.year) : month;
}

StackedSeriesView viewFromDailySeries(const DailyCategorySeries& series) {
    ChartValueFormat format;
    format.money = true;
    format.currency = series.currency;
    bool has_other = !series.categories.empty() && series.categories.back() == kOtherCategory;
    return StackedSeriesView{series.first_day, series.day_count, series.categories, series.values,
                             series.day_totals, format, has_other, {}, series.other_category_count};
}

Result<StackedSeries> stackedSeriesFromTable(const Table& table, std::span<const std::uint32_t> rows,
                                             const StackedSpec& spec) {
    if (spec.date_column >= table.columnCount() || table.column(spec.date_column).type() != ColumnType::Date)
        return invalid("Choose a date column for the days.");
    if (auto error = checkValueColumn(table, spec.value_column)) return *error;
    if (spec.key_column && *spec.key_column >= table.columnCount()) return invalid("Choose a column to stack by.");
    const Column& day_col = table.column(spec.date_column);
    const Column& value_col = table.column(spec.value_column);
    KeyIds ids(spec.key_column ? &table.column(*spec.key_column) : nullptr);

    // Pass 1: the last day, then each key's total over the charted days.
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    for (std::uint32_t r : rows)
        if (!day_col.isNull(r) && !value_col.isNull(r)) last = std::max<std::int64_t>(last, day_col.days(r));
    StackedSeries out;
    out.format = formatOfColumn(value_col);
    if (last == std::numeric_limits<std::int64_t>::min()) return out;  // nothing to chart
    std::int64_t first = last;
    std::vector<Decimal> totals;
    for (std::uint32_t r : rows) {
        if (day_col.isNull(r) || value_col.isNull(r)) continue;
        std::int64_t day = day_col.days(r);
        if (day <= last - kMaxChartDays) continue;  // a chart of centuries is damaged data; keep the latest
        first = std::min(first, day);
        std::uint32_t id = ids.idOf(r);
        if (id >= totals.size()) totals.resize(id + 1);
        totals[id] += *value_col.number(r);
        ++out.rows_used;
    }
    TopKeys top = topKeys(totals, ids.labels, clampTopN(spec.top_n));

    // Pass 2: each row's value into its key's slot and day.
    out.first_day = dateFromDays(first);
    out.day_count = static_cast<std::size_t>(last - first + 1);
    out.keys = std::move(top.keys);
    out.has_other = top.has_other;
    out.other_key_count = top.other_key_count;
    out.values.assign(out.keys.size(), std::vector<Decimal>(out.day_count));
    out.day_totals.assign(out.day_count, Decimal());
    for (std::uint32_t r : rows) {
        if (day_col.isNull(r) || value_col.isNull(r)) continue;
        std::int64_t day = day_col.days(r);
        if (day < first) continue;
        auto d = static_cast<std::size_t>(day - first);
        Decimal v = *value_col.number(r);
        out.values[top.slot_of[ids.idOf(r)]][d] += v;
        out.day_totals[d] += v;
    }
    return out;
}

Result<BarSeries> barSeriesFromTable(const Table& table, std::span<const std::uint32_t> rows, const BarSpec& spec) {
    if (spec.key_column >= table.columnCount()) return invalid("Choose a column for the bars.");
    if (auto error = checkValueColumn(table, spec.value_column)) return *error;
    const Column& value_col = table.column(spec.value_column);
    KeyIds ids(&table.column(spec.key_column));
    std::vector<Decimal> totals;
    for (std::uint32_t r : rows) {
        if (value_col.isNull(r)) continue;
        std::uint32_t id = ids.idOf(r);
        if (id >= totals.size()) totals.resize(id + 1);
        totals[id] += *value_col.number(r);
    }
    TopKeys top = topKeys(totals, ids.labels, clampTopN(spec.top_n));
    BarSeries out;
    out.format = formatOfColumn(value_col);
    out.keys = std::move(top.keys);
    out.has_other = top.has_other;
    out.other_key_count = top.other_key_count;
    out.values.assign(out.keys.size(), Decimal());
    for (std::size_t id = 0; id < totals.size(); ++id) out.values[top.slot_of[id]] += totals[id];
    return out;
}

std::string textFromAxisTick(Decimal tick, const ChartValueFormat& format) {
    if (format.money) return formatMoney(tick, "", Decimal::kScale);
    return formatDecimal(tick, format.decimals);
}

Decimal minAxisStep(const ChartValueFormat& format) {
    if (format.money) return Decimal::fromUnits(1);
    Int128 units = 1;
    for (int i = std::clamp(format.decimals, 0, Decimal::kScale); i < Decimal::kScale; ++i) units *= 10;
    return Decimal::fromUnits(units);
}

std::vector<Decimal> axisTicks(Decimal low, Decimal high, int target, Decimal min_step) {
    if (low.isTooLarge()) low = Decimal();  // shown as text, not drawn
    if (high.isTooLarge()) high = Decimal();
    low = std::min(low, Decimal());
    high = std::max(high, Decimal());
    if (high == low) high = low + Decimal::fromInt(1);  // an empty chart still gets a 0..1 axis
    Int128 range = 0;
    if (__builtin_sub_overflow(high.units(), low.units(), &range)) return {low, high};
    Int128 wanted = std::max(range / std::max(target, 1), min_step.units());
    // The smallest 1/2/5 x 10^k (in 10^-9 units) that is at least `wanted`.
    Int128 step = 1;
    for (Int128 p = 1;; p *= 10) {
        if (p >= wanted) { step = p; break; }
        if (2 * p >= wanted) { step = 2 * p; break; }
        if (5 * p >= wanted) { step = 5 * p; break; }
        if (p > std::numeric_limits<Int128>::max() / 100) { step = p * 10; break; }
    }
    auto floorDiv = [](Int128 a, Int128 b) { return a / b - ((a % b != 0) && (a < 0)); };
    Int128 first = floorDiv(low.units(), step);
    Int128 last = -floorDiv(-high.units(), step);  // ceil
    std::vector<Decimal> ticks;
    for (Int128 i = first; i <= last; ++i) ticks.push_back(Decimal::fromUnits(i * step));
    return ticks;
}

ChartGeometry geometryFromStacked(const StackedSeriesView& series) {
    ChartGeometry g;
    for (std::size_t d = 0; d < series.day_count; ++d) {
        Decimal up, down;  // the stack's top and bottom so far, exact
        for (std::size_t k = 0; k < series.keys.size(); ++k) {
            Decimal v = series.values[k][d];
            if (v.isZero()) continue;
            Decimal& edge = v.isNegative() ? down : up;
            Decimal from = edge;
            edge += v;
            float a = floatFrom(from), b = floatFrom(edge);
            g.rects.push_back({static_cast<float>(d), static_cast<float>(d + 1), std::min(a, b), std::max(a, b),
                               static_cast<float>(k), static_cast<float>(d)});
        }
        g.high = std::max(g.high, up);
        g.low = std::min(g.low, down);
    }
    for (const auto& line : series.lines)  // lines share the axis
        for (const auto& v : line.values)
            if (v) {
                g.high = std::max(g.high, *v);
                g.low = std::min(g.low, *v);
            }
    return g;
}

ChartGeometry geometryFromBars(const BarSeries& series) {
    ChartGeometry g;
    std::size_t top = series.has_other ? series.values.size() - 1 : series.values.size();
    for (std::size_t i = 0; i < series.values.size(); ++i) {
        Decimal v = series.values[i];
        if (i < top) {
            g.high = std::max(g.high, v);
            g.low = std::min(g.low, v);
        }
        if (v.isZero()) continue;
        float x = floatFrom(v);
        auto y = static_cast<float>(i);
        g.rects.push_back({std::min(0.0f, x), std::max(0.0f, x), y, y + 1, y, y});
    }
    if (top < series.values.size()) {
        Decimal other = series.values.back();
        g.last_cut = top > 0 && (other > g.high + g.high || other < g.low + g.low);
        if (!g.last_cut) {
            g.high = std::max(g.high, other);
            g.low = std::min(g.low, other);
        }
    }
    return g;
}

std::uint64_t fingerprintOf(const StackedSeriesView& series) {
    Fnv f;
    f.number(static_cast<std::uint64_t>(daysFromDate(series.first_day)));
    f.number(series.day_count);
    for (const auto& k : series.keys) f.text(k);
    for (const auto& row : series.values)
        for (Decimal v : row) f.decimal(v);
    for (const auto& line : series.lines) {
        f.text(line.label);
        for (const auto& v : line.values) f.decimal(v.value_or(Decimal::fromUnits(-1)));
    }
    f.text(series.format.currency);
    return f.h;
}

std::uint64_t fingerprintOf(const BarSeries& series) {
    Fnv f;
    for (const auto& k : series.keys) f.text(k);
    for (Decimal v : series.values) f.decimal(v);
    f.text(series.format.currency);
    return f.h;
}

}  // namespace ud::core
