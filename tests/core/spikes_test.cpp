// The spike rule at its boundaries: exactly factor x the median is not a
// spike, one more is; the minimum is inclusive; the median over an even
// number of days; days without rows count as 0; currencies kept apart.
#include <gtest/gtest.h>

#include "core/table/csv_reader.h"
#include "core/table/spikes.h"
#include "core/table/table_view.h"
#include "support/table_helpers.h"

namespace ud::core {
namespace {

using test::allRows;
Table csv(const char* text) { return test::tableOf(text); }

// dev1 over 5 days: 10, 10, 30, 31, 10 -> median 10; 3 x 10 = 30.
Table fiveDays() {
    return csv("date,device,ops\n"
               "2026-11-01,dev1,10\n2026-11-02,dev1,10\n2026-11-03,dev1,30\n2026-11-04,dev1,31\n2026-11-05,dev1,10\n");
}

std::vector<Spike> spikes(const Table& t, long long factor, long long minimum, std::optional<std::size_t> currency = {},
                          std::size_t key = 1, std::size_t value = 2) {
    auto rows = allRows(t);
    SpikeSpec spec{0, key, value, currency, SpikeRule{factor, Decimal::fromInt(minimum)}};
    auto r = spikesFromTable(t, rows, spec);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r->spikes : std::vector<Spike>{};
}

TEST(Spikes, MoreThanThreeTimesTheMedianNotEqual) {
    Table t = fiveDays();
    auto s = spikes(t, 3, 0);
    ASSERT_EQ(s.size(), 1u);  // 30 = 3 x 10 is not more; 31 is
    EXPECT_EQ(isoFromDate(s[0].day), "2026-11-04");
    EXPECT_EQ(s[0].value.toString(), "31");
    EXPECT_EQ(s[0].median.toString(), "10");
    EXPECT_EQ(s[0].range_days, 5);
    EXPECT_EQ(s[0].times_median->toString(), "3.1");
    EXPECT_EQ(explainSpike(s[0], 0), "dev1 on 2026-11-04: 31, 3.1x its median day of 10 over 5 days.");
}

TEST(Spikes, TheMinimumIsInclusive) {
    Table t = fiveDays();
    EXPECT_EQ(spikes(t, 3, 31).size(), 1u);  // at least 31: 31 counts
    EXPECT_EQ(spikes(t, 3, 32).size(), 0u);
}

TEST(Spikes, EvenDayCountTakesTheMeanOfTheTwoMiddleDays) {
    // 0 (no row on the 4th), 10, 20, 61 -> median (10 + 20) / 2 = 15; 3 x 15 = 45 < 61.
    Table t = csv("date,device,ops\n2026-11-01,d,10\n2026-11-02,d,20\n2026-11-03,d,61\n2026-11-04,x,1\n");
    auto s = spikes(t, 3, 0);
    std::vector<Spike> d;
    for (auto& x : s)
        if (x.key == "d") d.push_back(x);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].median.toString(), "15");
    EXPECT_EQ(d[0].times_median->toString(), "4.1");  // 61 / 15 = 4.07
    // 45 exactly would not be a spike; 45.5 > 45 would.
    Table edge = csv("date,device,ops\n2026-11-01,d,10\n2026-11-02,d,20\n2026-11-03,d,45\n2026-11-04,x,1\n");
    for (auto& x : spikes(edge, 3, 0)) EXPECT_NE(x.key, "d");
}

TEST(Spikes, DaysWithoutRowsCountAsZero) {
    // dev2 has one row in a 5-day range: its median day is 0, so any day at or over the minimum is a spike.
    Table t = csv("date,device,ops\n2026-11-01,dev1,10\n2026-11-05,dev1,10\n2026-11-03,dev2,100\n");
    auto s = spikes(t, 3, 50);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].key, "dev2");
    EXPECT_EQ(s[0].median.toString(), "0");
    EXPECT_FALSE(s[0].times_median);
    EXPECT_EQ(explainSpike(s[0], 0), "dev2 on 2026-11-03: 100, its median day is 0 over 5 days.");
}

TEST(Spikes, KeysArePerCurrency) {
    // Storage in EUR is steady at 1; in USD one day of 50 against 1s. Mixed, EUR 1 would look like
    // half of a 2-a-day key; kept apart, only the USD day is a spike.
    Table t = csv("date,currency,category,total\n"
                  "2026-11-01,EUR,Storage,1\n2026-11-02,EUR,Storage,1\n2026-11-03,EUR,Storage,1\n"
                  "2026-11-01,USD,Storage,1\n2026-11-02,USD,Storage,50\n2026-11-03,USD,Storage,1\n");
    auto s = spikes(t, 3, 1, std::size_t{1}, 2, 3);
    ASSERT_EQ(s.size(), 1u);
    EXPECT_EQ(s[0].currency, "USD");
    EXPECT_EQ(s[0].value.toString(), "50");
    EXPECT_EQ(explainSpike(s[0], 2, "USD"), "Storage on 2026-11-02: 50.00 USD, 50.0x its median day of 1.00 USD over 3 days.");
}

TEST(Spikes, NewestDayFirstAndARuleThatReads) {
    Table t = csv("date,device,ops\n2026-11-01,a,100\n2026-11-02,a,0\n2026-11-03,a,0\n"
                  "2026-11-01,b,0\n2026-11-02,b,0\n2026-11-03,b,100\n");
    auto s = spikes(t, 3, 1);
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[0].key, "b");
    EXPECT_EQ(s[1].key, "a");
    EXPECT_EQ(textFromSpikeRule({3, Decimal::fromInt(5000)}, 0),
              "More than 3x the median day of the same key over the range (days without rows count as 0), and at "
              "least 5,000.");
}

TEST(Spikes, RejectsColumnsOfTheWrongType) {
    Table t = fiveDays();
    auto rows = allRows(t);
    EXPECT_FALSE(spikesFromTable(t, rows, SpikeSpec{1, 1, 2, std::nullopt, {}}).ok());  // not a date column
    EXPECT_FALSE(spikesFromTable(t, rows, SpikeSpec{0, 1, 1, std::nullopt, {}}).ok());  // not numeric
}

}  // namespace
}  // namespace ud::core
