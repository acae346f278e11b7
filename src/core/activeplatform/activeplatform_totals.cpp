// Per-currency exact totals and the daily by-category series of an items table.
// Text columns are grouped through their dictionary codes, so a pass over a
// million rows adds integers into flat arrays and hashes each distinct name once.
#include "core/activeplatform/activeplatform_totals.h"

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

// Sums keyed (currency << 32 | group) as one sorted list per currency, in a
// single pass over the map (a pass per currency would be quadratic).
std::vector<std::vector<GroupTotal>> groupsByCurrency(const std::unordered_map<std::uint64_t, AmountTotals>& sums,
                                                      std::size_t currency_count, const Grouping& g) {
    std::vector<std::vector<GroupTotal>> out(currency_count);
    for (const auto& [key, amounts] : sums) out[key >> 32].push_back({g.names[key & 0xffffffffu], amounts});
    for (auto& list : out)
        std::sort(list.begin(), list.end(), [](const GroupTotal& a, const GroupTotal& b) {
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

    // Keyed by (currency, group): a flat [currency][group] array would explode
    // when a damaged answer has thousands of currencies and SKUs.
    std::vector<AmountTotals> grand(currency.names.size());
    std::vector<std::unordered_map<std::uint64_t, AmountTotals>> sums(kDims);
    CostTotals out;
    for (std::size_t r = 0; r < items.rowCount(); ++r) {
        std::optional<Decimal> total = amountAt(total_col, r);
        if (!total) {
            ++out.unreadable_lines;
            continue;
        }
        Decimal taxes = amountAt(taxes_col, r).value_or(Decimal());
        Decimal discount = amountAt(discount_col, r).value_or(Decimal());
        std::uint64_t k = currency.ids[r];
        addLine(grand[k], *total, taxes, discount);
        for (std::size_t d = 0; d < kDims; ++d) addLine(sums[d][k << 32 | dims[d].ids[r]], *total, taxes, discount);
    }
    std::vector<std::vector<std::vector<GroupTotal>>> lists;  // [dim][currency]
    for (std::size_t d = 0; d < kDims; ++d) lists.push_back(groupsByCurrency(sums[d], grand.size(), dims[d]));
    for (std::size_t k = 0; k < grand.size(); ++k) {
        if (grand[k].lines == 0) continue;
        CurrencyTotals c;
        c.currency = currency.names[k];
        c.grand = grand[k];
        c.by_category = std::move(lists[0][k]);
        c.by_subcategory = std::move(lists[1][k]);
        c.by_resource_group = std::move(lists[2][k]);
        c.by_region = std::move(lists[3][k]);
        c.by_sku = std::move(lists[4][k]);
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

    // Pass 1: each currency's last day and each (currency, category) total.
    struct PerCurrency {
        std::int64_t first = std::numeric_limits<std::int64_t>::max();
        std::int64_t last = std::numeric_limits<std::int64_t>::min();
        std::size_t lines = 0;
    };
    std::vector<PerCurrency> per(currency.names.size());
    std::unordered_map<std::uint64_t, Decimal> category_sums;  // (currency << 32 | category)
    for (std::size_t r = 0; r < items.rowCount(); ++r) {
        auto day = dayAt(day_col, r);
        auto total = amountAt(total_col, r);
        if (!day || !total) continue;
        PerCurrency& p = per[currency.ids[r]];
        p.last = std::max(p.last, *day);
        ++p.lines;
    }
    // A chart of centuries is a damaged answer, not a report: keep the latest days.
    for (std::size_t r = 0; r < items.rowCount(); ++r) {
        auto day = dayAt(day_col, r);
        auto total = amountAt(total_col, r);
        if (!day || !total) continue;
        std::uint64_t k = currency.ids[r];
        if (*day <= per[k].last - kMaxChartDays) continue;
        per[k].first = std::min(per[k].first, *day);
        category_sums[k << 32 | category.ids[r]] += *total;
    }
    // Only the currencies with the most lines get a chart (a handful in practice).
    std::vector<std::uint32_t> charted;
    for (std::uint32_t k = 0; k < per.size(); ++k)
        if (per[k].lines > 0) charted.push_back(k);
    std::sort(charted.begin(), charted.end(), [&](auto a, auto b) { return per[a].lines > per[b].lines; });
    if (charted.size() > kMaxChartCurrencies) charted.resize(kMaxChartCurrencies);

    std::vector<DailyCategorySeries> out;
    for (std::uint32_t k : charted) {
        std::vector<std::pair<Decimal, std::uint32_t>> ranked;  // (total, category id)
        for (const auto& [key, sum] : category_sums)
            if (key >> 32 == k) ranked.emplace_back(sum, static_cast<std::uint32_t>(key & 0xffffffffu));
        std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
            if (a.first != b.first) return a.first > b.first;
            return category.names[a.second] < category.names[b.second];
        });
        DailyCategorySeries s;
        s.currency = currency.names[k];
        s.first_day = dateFromDays(per[k].first);
        s.day_count = static_cast<std::size_t>(per[k].last - per[k].first + 1);
        bool has_other = ranked.size() > top_n;
        std::size_t shown = has_other ? top_n : ranked.size();
        std::unordered_map<std::uint32_t, std::size_t> slot_of;  // category id -> series index
        for (std::size_t i = 0; i < ranked.size(); ++i) slot_of[ranked[i].second] = std::min(i, shown);
        for (std::size_t i = 0; i < shown; ++i)
            s.categories.push_back(ranked[i].second == 0 ? "(none)" : category.names[ranked[i].second]);
        if (has_other) s.categories.push_back(kOtherCategory);
        s.other_category_count = ranked.size() - shown;
        s.values.assign(s.categories.size(), std::vector<Decimal>(s.day_count));
        s.day_totals.assign(s.day_count, Decimal());
        out.push_back(std::move(s));
        // Pass 2 for this currency: fill its cells.
        DailyCategorySeries& series = out.back();
        for (std::size_t r = 0; r < items.rowCount(); ++r) {
            if (currency.ids[r] != k) continue;
            auto day = dayAt(day_col, r);
            auto total = amountAt(total_col, r);
            if (!day || !total || *day < per[k].first) continue;
            auto d = static_cast<std::size_t>(*day - per[k].first);
            series.values[slot_of[category.ids[r]]][d] += *total;
            series.day_totals[d] += *total;
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.currency < b.currency; });
    return out;
}

}  // namespace ud::core
