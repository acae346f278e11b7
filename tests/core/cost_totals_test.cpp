// Per-currency exact totals and the daily by-category series.
#include <gtest/gtest.h>

#include "core/activeplatform/activeplatform_parse.h"
#include "core/activeplatform/activeplatform_totals.h"

using namespace ud::core;

namespace {

struct Line {
    std::string day, category, group, currency, total, taxes = "0.0", discount = "0.0";
};

Table tableOf(const std::vector<Line>& lines) {
    std::string body = R"({"subscription":{"id":"1","export_headers":[{"key":"total","type":"number"},)"
                       R"({"key":"operate_day","type":"date"}],"items":[)";
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (i) body += ",";
        body += R"({"operate_day":")" + l.day + R"(","category":")" + l.category + R"(","resource_group":")" + l.group +
                R"(","currency":")" + l.currency + R"(","total":")" + l.total + R"(","taxes_total":")" + l.taxes +
                R"(","discount_amount":")" + l.discount + R"(","sku":"s)" + std::to_string(i % 3) + R"("})";
    }
    body += "]}}";
    auto rep = analyticsReportFromJson(body);
    EXPECT_TRUE(rep.ok()) << (rep.ok() ? "" : rep.error().message);
    return rep.ok() ? std::move(rep.value().items) : Table{};
}

const GroupTotal* find(const std::vector<GroupTotal>& groups, std::string_view key) {
    for (const auto& g : groups)
        if (g.key == key) return &g;
    return nullptr;
}

}  // namespace

TEST(CostTotals, ManyValuesSumToTheReferenceToTheLastDigit) {
    std::vector<Line> lines;
    Int128 eur_micros = 0;
    for (int i = 0; i < 100000; ++i) {
        long long micros = (i * 104729LL) % 9999991 - 2000000;  // refunds included
        eur_micros += micros;
        lines.push_back({"2024-03-0" + std::to_string(1 + i % 9), "c", "g", "EUR",
                         Decimal::fromUnits(static_cast<Int128>(micros) * 1000).toString()});
    }
    CostTotals t = costTotalsFromTable(tableOf(lines));
    ASSERT_EQ(t.currencies.size(), 1u);
    EXPECT_EQ(t.currencies[0].grand.total, Decimal::fromUnits(eur_micros * 1000));
    EXPECT_EQ(t.currencies[0].grand.lines, 100000u);
    EXPECT_EQ(t.unreadable_lines, 0u);
    // 0.1 added ten million times in binary floating point drifts; exact sums do not.
    Decimal tenth = *Decimal::fromText("0.1"), sum;
    for (int i = 0; i < 10000000; ++i) sum += tenth;
    EXPECT_EQ(sum.toString(), "1000000");
}

TEST(CostTotals, NeverAddsAcrossCurrencies) {
    CostTotals t = costTotalsFromTable(tableOf({
        {"2024-03-01", "Storage", "rg", "EUR", "10.5", "2.1"},
        {"2024-03-01", "Storage", "rg", "USD", "3.25"},
        {"2024-03-02", "Virtual Machines", "rg", "EUR", "-4.5", "0.0", "0.5"},  // a refund
        {"2024-03-02", "Storage", "rg", "USD", "0.000001"},
    }));
    ASSERT_EQ(t.currencies.size(), 2u);
    const CurrencyTotals& eur = t.currencies[0];
    const CurrencyTotals& usd = t.currencies[1];
    EXPECT_EQ(eur.currency, "EUR");
    EXPECT_EQ(eur.grand.total.toString(), "6");
    EXPECT_EQ(eur.grand.taxes_total.toString(), "2.1");
    EXPECT_EQ(eur.grand.discount_amount.toString(), "0.5");
    EXPECT_EQ(usd.grand.total.toString(), "3.250001");
    ASSERT_EQ(eur.by_category.size(), 2u);
    EXPECT_EQ(eur.by_category[0].key, "Storage");
    EXPECT_EQ(eur.by_category[1].amounts.total.toString(), "-4.5");
    EXPECT_EQ(formatMoney(usd.grand.total, usd.currency), "3.250001 USD");
}

TEST(CostTotals, GroupsResourceGroupsIgnoringCaseAndKeepsEmptyKeys) {
    CostTotals t = costTotalsFromTable(tableOf({
        {"2024-03-01", "Storage", "rgLan", "USD", "1.0"},
        {"2024-03-01", "Storage", "RGLAN", "USD", "2.0"},
        {"2024-03-01", "", "rg-web", "USD", "0.5"},
    }));
    const CurrencyTotals& usd = t.currencies.at(0);
    ASSERT_EQ(usd.by_resource_group.size(), 2u);
    EXPECT_EQ(usd.by_resource_group[0].key, "rgLan");
    EXPECT_EQ(usd.by_resource_group[0].amounts.total.toString(), "3");
    EXPECT_EQ(usd.by_resource_group[0].amounts.lines, 2u);
    ASSERT_NE(find(usd.by_category, ""), nullptr);
    EXPECT_EQ(find(usd.by_category, "")->amounts.total.toString(), "0.5");
    EXPECT_EQ(usd.by_sku.size(), 3u);
}

TEST(CostTotals, CountsUnreadableTotalsInsteadOfGuessing) {
    CostTotals t = costTotalsFromTable(tableOf({
        {"2024-03-01", "Storage", "rg", "EUR", "1.5"},
        {"2024-03-01", "Storage", "rg", "EUR", "n/a"},
    }));
    EXPECT_EQ(t.unreadable_lines, 1u);
    EXPECT_EQ(t.currencies.at(0).grand.total.toString(), "1.5");
}

TEST(CostTotals, DailySeriesKeepsTopCategoriesAndFoldsTheRestIntoOther) {
    std::vector<Line> lines{
        {"2024-03-01", "A", "g", "EUR", "5.0"}, {"2024-03-03", "A", "g", "EUR", "1.0"},
        {"2024-03-01", "B", "g", "EUR", "3.0"}, {"2024-03-02", "C", "g", "EUR", "0.25"},
        {"2024-03-03", "D", "g", "EUR", "0.5"}, {"2024-03-02", "A", "g", "USD", "7.0"},
    };
    auto series = dailyCostByCategory(tableOf(lines), 2);
    ASSERT_EQ(series.size(), 2u);
    const DailyCategorySeries& eur = series[0];
    EXPECT_EQ(eur.currency, "EUR");
    EXPECT_EQ(eur.first_day, (Date{2024, 3, 1}));
    EXPECT_EQ(eur.day_count, 3u);
    EXPECT_EQ(eur.categories, (std::vector<std::string>{"A", "B", "Other"}));
    EXPECT_EQ(eur.values[0][0].toString(), "5");
    EXPECT_EQ(eur.values[0][1].toString(), "0");  // a gap day is zero
    EXPECT_EQ(eur.values[2][1].toString(), "0.25");
    EXPECT_EQ(eur.values[2][2].toString(), "0.5");
    EXPECT_EQ(eur.day_totals[2].toString(), "1.5");
    EXPECT_EQ(series[1].categories, std::vector<std::string>{"A"});
    EXPECT_EQ(series[1].day_count, 1u);
}

TEST(CostTotals, DamagedDatesDoNotStretchTheChartOverCenturies) {
    auto series = dailyCostByCategory(tableOf({
        {"0001-01-01", "A", "g", "EUR", "1.0"},
        {"2024-03-01", "A", "g", "EUR", "2.0"},
        {"2024-03-02", "A", "g", "EUR", "3.0"},
    }));
    ASSERT_EQ(series.size(), 1u);
    EXPECT_EQ(series[0].first_day, (Date{2024, 3, 1}));
    EXPECT_EQ(series[0].day_count, 2u);
    EXPECT_EQ(costTotalsFromTable(tableOf({{"0001-01-01", "A", "g", "EUR", "1.0"}})).currencies.at(0).grand.total,
              *Decimal::fromText("1")) << "totals still count every line";
}
