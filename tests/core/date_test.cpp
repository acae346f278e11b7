#include <gtest/gtest.h>

#include "core/base/date.h"

using namespace ud::core;

TEST(Date, ParsesStrictIso) {
    auto d = dateFromIso("2024-02-29");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->year, 2024);
    EXPECT_EQ(d->month, 2);
    EXPECT_EQ(d->day, 29);
    EXPECT_EQ(isoFromDate(*d), "2024-02-29");
}

TEST(Date, RejectsImpossibleAndSloppyDates) {
    EXPECT_FALSE(dateFromIso("2023-02-29"));  // not a leap year
    EXPECT_FALSE(dateFromIso("1900-02-29"));  // century rule
    EXPECT_TRUE(dateFromIso("2000-02-29"));   // 400-year rule
    EXPECT_FALSE(dateFromIso("2024-13-01"));
    EXPECT_FALSE(dateFromIso("2024-04-31"));
    EXPECT_FALSE(dateFromIso("2024-4-01"));
    EXPECT_FALSE(dateFromIso("2024-04-01 "));
    EXPECT_FALSE(dateFromIso("2024/04/01"));
    EXPECT_FALSE(dateFromIso(""));
}

TEST(Date, FieldErrorsSayWhatIsWrong) {
    auto r = parseDateField("2023-02-29");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Validation);
    EXPECT_NE(r.error().message.find("has 28 days"), std::string::npos) << r.error().message;
    EXPECT_NE(parseDateField("yesterday").error().message.find("YYYY-MM-DD"), std::string::npos);
    EXPECT_NE(parseDateField("2024-13-01").error().message.find("Month 13"), std::string::npos);
}

TEST(Date, DayArithmeticRoundTrips) {
    EXPECT_EQ(daysFromDate(Date{1970, 1, 1}), 0);
    EXPECT_EQ(daysFromDate(Date{2000, 3, 1}), 11017);
    for (std::int64_t n = -800000; n < 800000; n += 997) EXPECT_EQ(daysFromDate(dateFromDays(n)), n);
    EXPECT_EQ(addDays(Date{2024, 2, 28}, 1), (Date{2024, 2, 29}));
    EXPECT_EQ(addDays(Date{2024, 12, 31}, 1), (Date{2025, 1, 1}));
    EXPECT_EQ(daysBetween(Date{2026, 5, 4}, Date{2026, 6, 3}), 30);
}

TEST(Date, MonthArithmeticClampsToMonthEnd) {
    EXPECT_EQ(addMonths(Date{2024, 1, 31}, 1), (Date{2024, 2, 29}));
    EXPECT_EQ(addMonths(Date{2024, 3, 15}, -3), (Date{2023, 12, 15}));
    EXPECT_EQ(lastOfMonth(Date{2023, 2, 10}), (Date{2023, 2, 28}));
}

TEST(Date, ParsesRubyAndIsoTimestamps) {
    auto ruby = timestampFromText("2026-06-01 08:42:10 -0700");
    ASSERT_TRUE(ruby);
    EXPECT_EQ(isoFromTimestamp(*ruby), "2026-06-01T15:42:10Z");
    auto iso = timestampFromText("2026-01-05T10:00:00.000Z");
    ASSERT_TRUE(iso);
    EXPECT_EQ(isoFromTimestamp(*iso), "2026-01-05T10:00:00Z");
    auto off = timestampFromText("2026-05-04T00:02:11.000-07:00");
    ASSERT_TRUE(off);
    EXPECT_EQ(isoFromTimestamp(*off), "2026-05-04T07:02:11Z");
    EXPECT_FALSE(timestampFromText("2026-06-01"));
    EXPECT_FALSE(timestampFromText("2026-06-01 25:00:00 +0000"));
    EXPECT_FALSE(timestampFromText("garbage that is long enough"));
}

TEST(Date, YearMonthIsStrict) {
    auto ym = yearMonthFromIso("2023-06");
    ASSERT_TRUE(ym);
    EXPECT_EQ(isoFromYearMonth(*ym), "2023-06");
    EXPECT_FALSE(yearMonthFromIso("2023-6"));
    EXPECT_FALSE(yearMonthFromIso("2023-13"));
}

namespace ud::core {
TEST(DurationText, TwoUnitsAtMostRoundedUp) {
    EXPECT_EQ(durationText(-5), "0 s");
    EXPECT_EQ(durationText(1), "1 s");
    EXPECT_EQ(durationText(12000), "12 s");
    EXPECT_EQ(durationText(245000), "4 min 05 s");
    EXPECT_EQ(durationText(3600000 + 120000), "1 h 02 min");
    EXPECT_EQ(durationText(7LL * 86400000 - 3600000), "6 d 23 h");
}

TEST(DurationText, ChangesAtTheNextShownSecondOrMinute) {
    const Timestamp deadline = 1'000'000'000;
    auto shown = [&](Timestamp now) { return durationText(deadline - now); };
    for (Timestamp left : {12000LL, 11999LL, 11001LL, 1000LL, 999LL, 245500LL, 3600000LL + 120500LL}) {
        const Timestamp now = deadline - left;
        const Timestamp at = durationTextChangesAt(deadline, now);
        ASSERT_GT(at, now) << left;
        EXPECT_EQ(shown(at - 1), shown(now)) << left;  // nothing changes before it
        EXPECT_NE(shown(at), shown(now)) << left;      // and the text changes at it
    }
    EXPECT_EQ(durationTextChangesAt(deadline, deadline), deadline);  // due
    EXPECT_EQ(durationTextChangesAt(deadline, deadline + 5), deadline);
}
}  // namespace ud::core
