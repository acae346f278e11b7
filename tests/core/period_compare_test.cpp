// Period comparison with hand-worked numbers: new and gone keys, zero
// denominators, sorting by the size of the change, currencies kept apart,
// keys that differ in case, the export table and the aligned days.
#include <gtest/gtest.h>

#include "core/table/csv_reader.h"
#include "core/table/period_compare.h"
#include "core/table/table_view.h"
#include "support/table_helpers.h"

namespace ud::core {
namespace {

using test::allRows;
Table csv(const char* text) { return test::tableOf(text); }
std::string text(const std::optional<Decimal>& d) { return d ? d->toString() : "none"; }

TEST(PeriodCompare, TotalsChangesNewGoneAndZeroDenominators) {
    // C used nothing before (a row of 0): a change from 0 has no percentage.
    Table before = csv("device,ops\nA,10\nB,5\nC,0\nD,3\n");
    Table after = csv("device,ops\nA,12\nB,5\nC,4\nE,7\n");
    auto rb = allRows(before), ra = allRows(after);
    auto c = comparePeriods({&before, rb, std::size_t{0}, 1, std::nullopt}, {&after, ra, std::size_t{0}, 1, std::nullopt});
    ASSERT_TRUE(c.ok()) << c.error().message;
    ASSERT_EQ(c->totals.size(), 1u);
    EXPECT_EQ(c->totals[0].before.toString(), "18");
    EXPECT_EQ(c->totals[0].after.toString(), "28");
    EXPECT_EQ(c->totals[0].change.toString(), "10");
    EXPECT_EQ(text(c->totals[0].change_percent), "55.6");  // 10 / 18 = 55.56 %
    ASSERT_EQ(c->keys.size(), 5u);
    // Sorted by the size of the change: E +7, C +4, D -3, A +2, B 0.
    EXPECT_EQ(c->keys[0].key, "E");
    EXPECT_EQ(c->keys[0].presence, KeyPresence::New);
    EXPECT_EQ(text(c->keys[0].change_percent), "none");
    EXPECT_EQ(c->keys[1].key, "C");
    EXPECT_EQ(c->keys[1].presence, KeyPresence::Both);
    EXPECT_EQ(text(c->keys[1].change_percent), "none");  // 0 -> 4
    EXPECT_EQ(c->keys[2].key, "D");
    EXPECT_EQ(c->keys[2].presence, KeyPresence::Gone);
    EXPECT_EQ(c->keys[2].change.toString(), "-3");
    EXPECT_EQ(text(c->keys[2].change_percent), "-100");
    EXPECT_EQ(c->keys[3].key, "A");
    EXPECT_EQ(text(c->keys[3].change_percent), "20");
    EXPECT_EQ(c->keys[4].key, "B");
    EXPECT_EQ(text(c->keys[4].change_percent), "0");
}

TEST(PeriodCompare, BothPeriodsEmptyOrFromNothing) {
    Table before = csv("device,ops\nA,0\n");  // nothing used before
    Table after = csv("device,ops\nA,3\n");
    auto rb = allRows(before), ra = allRows(after);
    auto c = comparePeriods({&before, rb, std::nullopt, 1, std::nullopt}, {&after, ra, std::nullopt, 1, std::nullopt});
    ASSERT_TRUE(c.ok()) << c.error().message;
    ASSERT_EQ(c->totals.size(), 1u);
    EXPECT_EQ(c->totals[0].change.toString(), "3");
    EXPECT_EQ(text(c->totals[0].change_percent), "none");
    EXPECT_TRUE(c->keys.empty());  // totals only without a key column
}

TEST(PeriodCompare, NeverMixesCurrenciesAndFoldsCaseWhenAsked) {
    Table before = csv("currency,resource_group,total\nEUR,rgLan,10.00\nUSD,rgLan,100.00\nEUR,web,1.00\n");
    Table after = csv("currency,resource_group,total\nEUR,RGLAN,11.00\nUSD,RGLAN,50.00\nEUR,web,1.50\n");
    auto rb = allRows(before), ra = allRows(after);
    CompareSide b{&before, rb, std::size_t{1}, 2, std::size_t{0}}, a{&after, ra, std::size_t{1}, 2, std::size_t{0}};
    auto c = comparePeriods(b, a, true);
    ASSERT_TRUE(c.ok()) << c.error().message;
    ASSERT_EQ(c->totals.size(), 2u);
    EXPECT_EQ(c->totals[0].currency, "EUR");
    EXPECT_EQ(c->totals[0].before.toString(), "11");
    EXPECT_EQ(c->totals[0].after.toString(), "12.5");
    EXPECT_EQ(text(c->totals[0].change_percent), "13.6");  // 1.5 / 11 = 13.64 %
    EXPECT_EQ(c->totals[1].currency, "USD");
    EXPECT_EQ(text(c->totals[1].change_percent), "-50");
    ASSERT_EQ(c->keys.size(), 3u);  // EUR rgLan, EUR web, USD rgLan: one group per currency
    EXPECT_EQ(c->keys[0].currency, "EUR");
    EXPECT_EQ(c->keys[0].key, "rgLan");  // first spelling shown
    EXPECT_EQ(c->keys[0].presence, KeyPresence::Both);
    EXPECT_EQ(c->keys[1].key, "web");
    EXPECT_EQ(c->keys[2].currency, "USD");
    // Without folding, rgLan is gone and RGLAN is new.
    auto strict = comparePeriods(b, a, false);
    ASSERT_TRUE(strict.ok());
    EXPECT_EQ(strict->keys.size(), 5u);
}

TEST(PeriodCompare, RejectsAColumnThatIsNotAnAmount) {
    Table t = csv("device,ops\nA,1\n");
    auto rows = allRows(t);
    auto c = comparePeriods({&t, rows, std::size_t{0}, 0, std::nullopt}, {&t, rows, std::size_t{0}, 1, std::nullopt});
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().kind, ErrorKind::Validation);
}

TEST(PeriodCompare, ExportsAsATableWithStatusAndEmptyPercentForZero) {
    Table before = csv("device,ops\nA,10\nD,3\n");
    Table after = csv("device,ops\nA,15\nE,7\n");
    auto rb = allRows(before), ra = allRows(after);
    auto c = comparePeriods({&before, rb, std::size_t{0}, 1, std::nullopt}, {&after, ra, std::size_t{0}, 1, std::nullopt});
    ASSERT_TRUE(c.ok());
    Table out = tableFromComparison(*c, "Device");
    ASSERT_EQ(out.columnCount(), 6u);  // no currency column
    EXPECT_EQ(out.column(0).name(), "Device");
    ASSERT_EQ(out.rowCount(), 3u);
    EXPECT_EQ(out.column(0).cellText(0), "E");
    EXPECT_EQ(out.column(4).cellText(0), "");  // no percentage from 0
    EXPECT_EQ(out.column(5).cellText(0), "new");
    EXPECT_EQ(out.column(0).cellText(1), "A");
    EXPECT_EQ(out.column(4).cellText(1), "50");
    EXPECT_EQ(out.column(5).cellText(2), "gone");
}

TEST(PeriodCompare, AlignsDaysFromEachPeriodsStart) {
    DailyValues before = emptyDailyValues({dateFromIso("2026-10-04").value(), dateFromIso("2026-11-03").value()});
    DailyValues after = emptyDailyValues({dateFromIso("2026-11-04").value(), dateFromIso("2026-11-06").value()});
    before.values[0] = Decimal::fromInt(5);
    after.values[0] = Decimal::fromInt(9);
    AlignedDays a = alignedDays(before, after);
    EXPECT_EQ(a.dayCount(), 31u);
    EXPECT_EQ(text(a.before[0]), "5");
    EXPECT_EQ(text(a.after[0]), "9");
    EXPECT_EQ(text(a.after[2]), "0");
    EXPECT_EQ(text(a.after[3]), "none");  // the later period has no day 4 yet
}

}  // namespace
}  // namespace ud::core
