// Period comparison (see period_compare.h): sums per currency and key on each
// side, then the lines sorted by the size of the change.
#include "core/table/period_compare.h"

#include <algorithm>
#include <map>
#include <utility>

namespace ud::core {
namespace {

struct Sums {
    Decimal before, after;
    bool in_before = false, in_after = false;
    std::string shown_key;  // first spelling seen
};
using SumMap = std::map<std::pair<std::string, std::string>, Sums>;

std::string lowerAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

Status checkSide(const CompareSide& side, const char* name) {
    auto fail = [&](const std::string& what) -> Status {
        return makeError(ErrorKind::Validation, std::string(name) + " period: " + what);
    };
    if (!side.table) return fail("no table");
    const std::size_t n = side.table->columnCount();
    if (side.value_column >= n || !side.table->column(side.value_column).isNumeric())
        return fail("the amount column is missing or not numeric");
    if (side.key_column && *side.key_column >= n) return fail("the key column is missing");
    if (side.currency_column && *side.currency_column >= n) return fail("the currency column is missing");
    return Ok{};
}

void addSide(const CompareSide& side, bool is_after, bool ignore_case, SumMap& sums) {
    const Table& t = *side.table;
    const Column& value = t.column(side.value_column);
    for (std::uint32_t row : side.rows) {
        auto amount = value.number(row);
        if (!amount) continue;
        std::string currency = side.currency_column ? t.column(*side.currency_column).cellText(row) : std::string();
        std::string key = side.key_column ? t.column(*side.key_column).cellText(row) : std::string();
        Sums& s = sums[{std::move(currency), ignore_case ? lowerAscii(key) : key}];
        if (s.shown_key.empty()) s.shown_key = key;
        (is_after ? s.after : s.before) += *amount;
        (is_after ? s.in_after : s.in_before) = true;
    }
}

CompareLine lineFrom(const std::string& currency, const std::string& key, Decimal before, Decimal after,
                     KeyPresence presence) {
    CompareLine line{currency, key, before, after, after - before, percentChange(before, after, kChangePercentDecimals),
                     presence};
    return line;
}

Decimal magnitude(Decimal d) { return d.isNegative() ? -d : d; }

}  // namespace

const char* nameFromPresence(KeyPresence presence) {
    switch (presence) {
        case KeyPresence::New: return "new";
        case KeyPresence::Gone: return "gone";
        case KeyPresence::Both: break;
    }
    return "";
}

Result<PeriodComparison> comparePeriods(const CompareSide& before, const CompareSide& after, bool ignore_case) {
    if (auto ok = checkSide(before, "The earlier"); !ok) return ok.error();
    if (auto ok = checkSide(after, "The later"); !ok) return ok.error();
    SumMap sums;
    addSide(before, false, ignore_case, sums);
    addSide(after, true, ignore_case, sums);
    PeriodComparison out;
    std::map<std::string, std::pair<Decimal, Decimal>> totals;
    const bool keyed = before.key_column && after.key_column;
    for (const auto& [id, s] : sums) {
        auto& t = totals[id.first];
        t.first += s.before;
        t.second += s.after;
        if (!keyed) continue;
        const KeyPresence presence = !s.in_before ? KeyPresence::New : !s.in_after ? KeyPresence::Gone : KeyPresence::Both;
        out.keys.push_back(lineFrom(id.first, s.shown_key, s.before, s.after, presence));
    }
    for (const auto& [currency, t] : totals) out.totals.push_back(lineFrom(currency, "", t.first, t.second, KeyPresence::Both));
    std::stable_sort(out.keys.begin(), out.keys.end(), [](const CompareLine& a, const CompareLine& b) {
        if (a.currency != b.currency) return a.currency < b.currency;
        const Decimal ma = magnitude(a.change), mb = magnitude(b.change);
        if (ma != mb) return ma > mb;
        return a.key < b.key;
    });
    return out;
}

Table tableFromComparison(const PeriodComparison& comparison, const std::string& key_header) {
    bool any_currency = false;
    for (const auto& t : comparison.totals) any_currency |= !t.currency.empty();
    TableBuilder b;
    std::optional<std::size_t> currency;
    if (any_currency) currency = b.addColumn("Currency", ColumnType::Text);
    const std::size_t key = b.addColumn(key_header, ColumnType::Text);
    const std::size_t before = b.addColumn("Before", ColumnType::Decimal);
    const std::size_t after = b.addColumn("After", ColumnType::Decimal);
    const std::size_t change = b.addColumn("Change", ColumnType::Decimal);
    const std::size_t percent = b.addColumn("Change %", ColumnType::Decimal);
    const std::size_t status = b.addColumn("Status", ColumnType::Text);
    for (const auto& line : comparison.keys) {
        if (currency) b.appendText(*currency, line.currency);
        b.appendText(key, line.key);
        b.appendDecimal(before, line.before);
        b.appendDecimal(after, line.after);
        b.appendDecimal(change, line.change);
        if (line.change_percent) b.appendDecimal(percent, *line.change_percent);
        else b.appendNull(percent);
        b.appendText(status, nameFromPresence(line.presence));
    }
    return b.finish();
}

AlignedDays alignedDays(const DailyValues& before, const DailyValues& after) {
    AlignedDays out;
    for (const Decimal& v : before.values) out.before.emplace_back(v);
    for (const Decimal& v : after.values) out.after.emplace_back(v);
    out.before.resize(out.dayCount());
    out.after.resize(out.dayCount());
    return out;
}

}  // namespace ud::core
