// Per-currency exact totals and the daily by-category series of an items table.
// Text columns are grouped through their dictionary codes, so a pass over a
// million rows adds integers into flat arrays and hashes each distinct name once.
#include "core/cost_totals.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <unordered_map>

namespace ud::core {
namespace {

// Dense group ids per row (0 = empty value) and the shown name of each id.
struct Grouping {
    std::vector<std::uint32_t> ids;
    std::vector<std::string> names{""};
};

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

Grouping groupingFromColumn(const Table& t, std::string_view name, bool ignore_case) {
    Grouping g;
    g.ids.assign(t.rowCount(), 0);
    auto index = t.findColumn(name);
    if (!index) return g;
    const Column& c = t.column(*index);
    std::unordered_map<std::string, std::uint32_t> ids;
    auto idFor = [&](std::string_view text) -> std::uint32_t {
        if (text.empty()) return 0;
        auto [it, added] = ids.emplace(ignore_case ? lowerAscii(text) : std::string(text),
                                       static_cast<std::uint32_t>(g.names.size()));
        if (added) g.names.emplace_back(text);  // first spelling seen is the one shown
        return it->second;
    };
    if (c.type() == ColumnType::Text) {
        std::vector<std::uint32_t> id_of_code(c.dictionarySize());
        for (std::uint32_t code = 0; code < id_of_code.size(); ++code) id_of_code[code] = idFor(c.dictionaryText(code));
        for (std::size_t r = 0; r < t.rowCount(); ++r) g.ids[r] = id_of_code[c.textCode(r)];
    } else {
        for (std::size_t r = 0; r < t.rowCount(); ++r) g.ids[r] = idFor(c.cellText(r));
    }
    return g;
}

const Column* columnNamed(const Table& t, std::string_view name) {
    auto index = t.findColumn(name);
    return index ? &t.column(*index) : nullptr;
}

// An amount cell: numeric columns directly, a column widened to text by parsing.
std::optional<Decimal> amountAt(const Column* c, std::size_t row) {
    if (!c || c->isNull(row)) return std::nullopt;
    if (c->isNumeric()) return c->number(row);
    if (c->type() == ColumnType::Text) return Decimal::fromText(c->text(row));
    return std::nullopt;
}

void addLine(AmountTotals& to, Decimal total, Decimal taxes, Decimal discount) {
    to.total += total;
    to.taxes_total += taxes;
    to.discount_amount += discount;
    ++to.lines;
}

std::vector<GroupTotal> sortedGroups(const std::vector<AmountTotals>& sums, const Grouping& g) {
    std::vector<GroupTotal> out;
    for (std::size_t id = 0; id < sums.size(); ++id)
        if (sums[id].lines > 0) out.push_back({g.names[id], sums[id]});
    std::sort(out.begin(), out.end(), [](const GroupTotal& a, const GroupTotal& b) {
        if (a.amounts.total != b.amounts.total) return a.amounts.total > b.amounts.total;
        return a.key < b.key;
    });
    return out;
}

std::optional<std::int64_t> dayAt(const Column* c, std::size_t row) {
    if (!c || c->isNull(row)) return std::nullopt;
    if (c->type() == ColumnType::Date) return c->days(row);
    if (auto d = dateFromIso(c->cellText(row))) return daysFromDate(*d);
    return std::nullopt;
}

}  // namespace

CostTotals costTotalsFromTable(const Table& items) {
    constexpr std::size_t kDims = 5;
    static constexpr const char* kDimNames[kDims] = {"category", "subcategory", "resource_group", "region", "sku"};
    Grouping currency = groupingFromColumn(items, "currency", false);
    std::vector<Grouping> dims;
    for (std::size_t d = 0; d < kDims; ++d) dims.push_back(groupingFromColumn(items, kDimNames[d], d == 2));
    const Column* total_col = columnNamed(items, "total");
    const Column* taxes_col = columnNamed(items, "taxes_total");
    const Column* discount_col = columnNamed(items, "discount_amount");

    std::size_t n_cur = currency.names.size();
    std::vector<AmountTotals> grand(n_cur);
    std::vector<std::vector<std::vector<AmountTotals>>> sums(n_cur);  // [currency][dim][group]
    for (auto& per_cur : sums)
        for (std::size_t d = 0; d < kDims; ++d) per_cur.emplace_back(dims[d].names.size());

    CostTotals out;
    for (std::size_t r = 0; r < items.rowCount(); ++r) {
        std::optional<Decimal> total = amountAt(total_col, r);
        if (!total) {
            ++out.unreadable_lines;
            continue;
        }
        Decimal taxes = amountAt(taxes_col, r).value_or(Decimal());
        Decimal discount = amountAt(discount_col, r).value_or(Decimal());
        std::uint32_t k = currency.ids[r];
        addLine(grand[k], *total, taxes, discount);
        for (std::size_t d = 0; d < kDims; ++d) addLine(sums[k][d][dims[d].ids[r]], *total, taxes, discount);
    }
    for (std::size_t k = 0; k < n_cur; ++k) {
        if (grand[k].lines == 0) continue;
        CurrencyTotals c;
        c.currency = currency.names[k];
        c.grand = grand[k];
        c.by_category = sortedGroups(sums[k][0], dims[0]);
        c.by_subcategory = sortedGroups(sums[k][1], dims[1]);
        c.by_resource_group = sortedGroups(sums[k][2], dims[2]);
        c.by_region = sortedGroups(sums[k][3], dims[3]);
        c.by_sku = sortedGroups(sums[k][4], dims[4]);
        out.currencies.push_back(std::move(c));
    }
    std::sort(out.currencies.begin(), out.currencies.end(),
              [](const CurrencyTotals& a, const CurrencyTotals& b) { return a.currency < b.currency; });
    return out;
}

std::vector<DailyCategorySeries> dailyCostByCategory(const Table& items, std::size_t top_n) {
    Grouping currency = groupingFromColumn(items, "currency", false);
    Grouping category = groupingFromColumn(items, "category", false);
    const Column* total_col = columnNamed(items, "total");
    const Column* day_col = columnNamed(items, "operate_day");
    std::size_t n_cur = currency.names.size(), n_cat = category.names.size();

    struct Span {
        std::int64_t first = std::numeric_limits<std::int64_t>::max();
        std::int64_t last = std::numeric_limits<std::int64_t>::min();
    };
    std::vector<Span> spans(n_cur);
    for (std::size_t r = 0; r < items.rowCount(); ++r) {
        auto day = dayAt(day_col, r);
        if (!day || !amountAt(total_col, r)) continue;
        Span& s = spans[currency.ids[r]];
        s.first = std::min(s.first, *day);
        s.last = std::max(s.last, *day);
    }
    std::vector<std::vector<Decimal>> cells(n_cur);  // [currency][category * days + day]
    for (std::size_t k = 0; k < n_cur; ++k)
        if (spans[k].first <= spans[k].last)
            cells[k].resize(n_cat * static_cast<std::size_t>(spans[k].last - spans[k].first + 1));
    for (std::size_t r = 0; r < items.rowCount(); ++r) {
        auto day = dayAt(day_col, r);
        auto total = amountAt(total_col, r);
        if (!day || !total) continue;
        std::uint32_t k = currency.ids[r];
        std::size_t days = static_cast<std::size_t>(spans[k].last - spans[k].first + 1);
        cells[k][category.ids[r] * days + static_cast<std::size_t>(*day - spans[k].first)] += *total;
    }

    std::vector<DailyCategorySeries> out;
    for (std::size_t k = 0; k < n_cur; ++k) {
        if (cells[k].empty()) continue;
        std::size_t days = static_cast<std::size_t>(spans[k].last - spans[k].first + 1);
        std::vector<std::pair<Decimal, std::uint32_t>> ranked;  // (total, category id)
        for (std::uint32_t cat = 0; cat < n_cat; ++cat) {
            Decimal sum;
            bool any = false;
            for (std::size_t d = 0; d < days; ++d) {
                sum += cells[k][cat * days + d];
                any = any || !cells[k][cat * days + d].isZero();
            }
            if (any) ranked.emplace_back(sum, cat);
        }
        std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
            if (a.first != b.first) return a.first > b.first;
            return category.names[a.second] < category.names[b.second];
        });
        DailyCategorySeries s;
        s.currency = currency.names[k];
        s.first_day = dateFromDays(spans[k].first);
        s.day_count = days;
        s.day_totals.assign(days, Decimal());
        bool has_other = ranked.size() > top_n;
        std::size_t shown = has_other ? top_n : ranked.size();
        for (std::size_t i = 0; i < shown; ++i) {
            std::uint32_t cat = ranked[i].second;
            s.categories.push_back(cat == 0 ? "(none)" : category.names[cat]);
            s.values.emplace_back(cells[k].begin() + static_cast<std::ptrdiff_t>(cat * days),
                                  cells[k].begin() + static_cast<std::ptrdiff_t>((cat + 1) * days));
        }
        if (has_other) {
            s.categories.push_back(kOtherCategory);
            s.values.emplace_back(days, Decimal());
            for (std::size_t i = shown; i < ranked.size(); ++i)
                for (std::size_t d = 0; d < days; ++d) s.values.back()[d] += cells[k][ranked[i].second * days + d];
        }
        for (const auto& series : s.values)
            for (std::size_t d = 0; d < days; ++d) s.day_totals[d] += series[d];
        out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.currency < b.currency; });
    return out;
}

}  // namespace ud::core
