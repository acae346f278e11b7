#include <gtest/gtest.h>

#include <random>

#include "core/base/decimal.h"

using namespace ud::core;

namespace {
Decimal dec(const char* text) {
    auto d = Decimal::fromText(text);
    EXPECT_TRUE(d) << text;
    return d.value_or(Decimal{});
}
}  // namespace

TEST(Decimal, ParsesTheApisDecimalStrings) {
    EXPECT_EQ(dec("0.13664").toString(), "0.13664");
    EXPECT_EQ(dec("2.0").toString(), "2");
    EXPECT_EQ(dec("-0.5").toString(), "-0.5");
    EXPECT_EQ(dec("+7").toString(), "7");
    EXPECT_EQ(dec(".25").toString(), "0.25");
    EXPECT_EQ(dec("5.").toString(), "5");
    EXPECT_EQ(dec("5.0e-05").toString(), "0.00005");
    EXPECT_EQ(dec("1E3").toString(), "1000");
    EXPECT_EQ(dec("0.0").toString(), "0");
}

TEST(Decimal, RejectsWhatIsNotANumber) {
    for (const char* bad : {"", "-", ".", "1,5", "1.2.3", "abc", "1e", "1 ", " 1", "0x10", "NaN", "inf"})
        EXPECT_FALSE(Decimal::fromText(bad)) << bad;
}

TEST(Decimal, RoundsBeyondNineDigitsHalfToEven) {
    EXPECT_EQ(dec("0.0000000005").units(), 0);   // half, even stays
    EXPECT_EQ(dec("0.0000000015").units(), 2);   // half, odd rounds up
    EXPECT_EQ(dec("0.00000000151").units(), 2);
}

TEST(Decimal, SumsOfManyValuesAreExactToTheLastDigit) {
    // Sum a million 6-digit amounts both as Decimal and as plain integers of micro-units.
    std::mt19937_64 rng(42);
    Decimal sum;
    long long reference_micro = 0;
    for (int i = 0; i < 1000000; ++i) {
        long long micro = static_cast<long long>(rng() % 20000000) - 1000000;  // -1.000000 .. 18.999999
        reference_micro += micro;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s%lld.%06lld", micro < 0 ? "-" : "", std::llabs(micro) / 1000000,
                      std::llabs(micro) % 1000000);
        sum += dec(buf);
    }
    EXPECT_EQ(sum.units(), static_cast<Int128>(reference_micro) * 1000);
    double float_sum = 0;  // what a float accumulator would show: not the same digits
    (void)float_sum;
}

TEST(Decimal, DisplayRoundingDoesNotChangeTheValue) {
    Decimal d = dec("1234.5678");
    EXPECT_EQ(formatDecimal(d, 2), "1,234.57");
    EXPECT_EQ(formatDecimal(d, 0), "1,235");
    EXPECT_EQ(formatDecimal(dec("-0.004"), 2), "0.00");
    EXPECT_EQ(formatDecimal(dec("-0.005"), 2), "-0.01");
    EXPECT_EQ(d.toString(), "1234.5678");
    EXPECT_EQ(formatMoney(dec("0.000403"), "USD"), "0.000403 USD");
    EXPECT_EQ(formatMoney(dec("1234.5"), "EUR"), "1,234.50 EUR");
    EXPECT_EQ(formatMoney(dec("-12"), "EUR"), "-12.00 EUR");
    EXPECT_EQ(formatCount(1234567), "1,234,567");
    EXPECT_EQ(formatCount(-1000), "-1,000");
    EXPECT_EQ(formatCount(999), "999");
}

TEST(Decimal, OrdersAndNegates) {
    EXPECT_LT(dec("-1"), dec("0.5"));
    EXPECT_EQ(-dec("2.5"), dec("-2.5"));
    EXPECT_EQ(dec("0.1") + dec("0.2"), dec("0.3"));
}

TEST(Decimal, DerivedValuesRoundOnceHalfAwayFromZero) {
    EXPECT_EQ(roundedQuotient(Decimal::fromInt(5), 2, 0)->toString(), "3");   // 2.5 -> 3
    EXPECT_EQ(roundedQuotient(Decimal::fromInt(-5), 2, 0)->toString(), "-3");
    EXPECT_EQ(roundedQuotient(Decimal::fromInt(7), 3, 2)->toString(), "2.33");
    EXPECT_EQ(roundedQuotient(dec("0.005"), 1, 2)->toString(), "0.01");
    EXPECT_FALSE(roundedQuotient(Decimal::fromInt(1), 0, 0));
    EXPECT_EQ(percentChange(dec("18"), dec("28"), 1)->toString(), "55.6");
    EXPECT_EQ(percentChange(dec("-10"), dec("-5"), 1)->toString(), "50");  // towards zero from a credit: up
    EXPECT_FALSE(percentChange(Decimal{}, dec("3"), 1));
    EXPECT_EQ(percentOf(dec("92222"), dec("100000"), 0)->toString(), "92");
    EXPECT_EQ(roundedRatio(dec("61"), dec("15"), 1)->toString(), "4.1");
}

TEST(Decimal, CheckedArithmeticReportsOverflow) {
    const Decimal huge = Decimal::fromUnits(static_cast<Int128>(1) << 126);  // doubled: past 2^127 - 1
    EXPECT_FALSE(checkedAdd(huge, huge));
    EXPECT_FALSE(checkedMul(huge, 4));
    EXPECT_EQ(checkedMul(dec("1.5"), 3)->toString(), "4.5");
    EXPECT_EQ(checkedSub(dec("1"), dec("2.5"))->toString(), "-1.5");
    EXPECT_FALSE(percentChange(dec("1e-9"), huge, 1));
}

// Issue 12: sums are checked; past 128 bits the value is "too large", never wrapped.
TEST(Decimal, SumPastTheRangeIsTooLargeNotWrapped) {
    Decimal big = dec("999999999999999999999999999");  // ~1e27, 1e36 units
    Decimal sum;
    for (int i = 0; i < 1000; ++i) sum += big;  // 1e39 units: past 128 bits
    EXPECT_TRUE(sum.isTooLarge());
    EXPECT_FALSE(sum.isNegative());
    EXPECT_EQ(sum.toString(), kTooLargeText);
    EXPECT_EQ(formatMoney(sum, "EUR"), kTooLargeText);
    EXPECT_EQ(formatDecimal(sum, 2), kTooLargeText);
    sum -= big;  // stays too large
    EXPECT_TRUE(sum.isTooLarge());
    EXPECT_TRUE((-sum).isTooLarge());
    Decimal neg;
    for (int i = 0; i < 1000; ++i) neg -= big;
    EXPECT_TRUE(neg.isTooLarge());
    EXPECT_EQ(sum.toDouble(), 0.0);
    // In range, nothing changes.
    Decimal ok = big + big;
    EXPECT_FALSE(ok.isTooLarge());
    EXPECT_EQ(ok.toString(), "1999999999999999999999999998");
}

TEST(Decimal, WholePercentDoesNotOverflow) {
    EXPECT_EQ(wholePercent(83000, 100000), 83);
    EXPECT_EQ(wholePercent(9000000000000000000LL, 100), 9000000000000000000LL);  // used*100 past int64
    EXPECT_EQ(wholePercent(9223372036854775807LL, 1), 9223372036854775807LL);  // clamped
    EXPECT_EQ(wholePercent(5, 0), 0);
}
