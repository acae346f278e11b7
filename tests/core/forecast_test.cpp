// Forecasts with hand-worked numbers: the daily rate windows, the Particle
// billing-period projection (agreement only, and with a report that has a
// missing day), the 100 % date, too little data, and the ActivePlatform
// month-end per currency (never mixed).
#include <gtest/gtest.h>

#include "core/activeplatform/activeplatform_forecast.h"
#include "core/particle/particle_forecast.h"
#include "core/table/csv_reader.h"
#include "core/table/daily_rates.h"
#include "core/table/table_view.h"

namespace ud::core {
namespace {

Date day(const char* iso) { return dateFromIso(iso).value(); }
Decimal dec(const char* text) { return Decimal::fromText(text).value(); }
std::string text(Decimal d) { return d.toString(); }

// November 2026: 1..13 use 1000 a day, 14..20 use 2000 a day except the 16th,
// which has no rows at all (a missing day counts as 0). 21 (today) is partial.
DailyValues novemberReport() {
    DailyValues v = emptyDailyValues({day("2026-11-01"), day("2026-11-21")});
    for (int d = 1; d <= 21; ++d) v.values[static_cast<std::size_t>(d - 1)] = Decimal::fromInt(d <= 13 ? 1000 : 2000);
    v.values[15] = Decimal{};  // the 16th
    v.values[20] = Decimal::fromInt(500);  // today, incomplete: never in a rate
    return v;
}

TEST(DailyRates, UseCompleteDaysOnlyAndCountMissingDaysAsZero) {
    const DailyRates r = dailyRatesFrom(novemberReport(), {day("2026-11-01"), day("2026-11-30")}, day("2026-11-21"));
    EXPECT_EQ(r.complete_days, 20);
    ASSERT_TRUE(r.average && r.last7 && r.lowest7 && r.highest7);
    EXPECT_EQ(text(r.average->sum), "25000");  // 13 x 1000 + 6 x 2000
    EXPECT_EQ(r.average->day_count, 20);       // per calendar day: the 16th is a day of 0
    EXPECT_EQ(text(r.last7->sum), "12000");    // 14..20
    EXPECT_EQ(isoFromDate(r.last7->days.first), "2026-11-14");
    EXPECT_EQ(isoFromDate(r.lowest7->days.first), "2026-11-01");  // 7000; the first of equal windows wins
    EXPECT_EQ(text(r.lowest7->sum), "7000");
    EXPECT_EQ(isoFromDate(r.highest7->days.first), "2026-11-14");
    EXPECT_EQ(text(*r.last7->perDay(0)), "1714");  // 12000 / 7 = 1714.29
}

TEST(DailyRates, NeedThreeCompleteDaysForARateAndSevenForTheWindows) {
    const DateRange period{day("2026-11-01"), day("2026-11-30")};
    DailyValues v = emptyDailyValues(period);
    EXPECT_FALSE(dailyRatesFrom(v, period, day("2026-11-03")).average);  // 2 complete days
    EXPECT_TRUE(dailyRatesFrom(v, period, day("2026-11-04")).average);   // 3
    EXPECT_FALSE(dailyRatesFrom(v, period, day("2026-11-07")).last7);    // 6
    EXPECT_TRUE(dailyRatesFrom(v, period, day("2026-11-08")).last7);     // 7
}

TEST(DailyRates, ProjectionIsRoundedOnceHalfAwayFromZero) {
    // used 10 + 5 x 1 / 2 = 12.5 -> 13 (half away from zero), not 12 (to even) or 12.5 kept.
    RateWindow w{{day("2026-11-01"), day("2026-11-02")}, Decimal::fromInt(5), 2};
    EXPECT_EQ(text(*projectedTotal(Decimal::fromInt(10), w, 1, 0)), "13");
    EXPECT_EQ(text(*projectedTotal(Decimal::fromInt(-10), RateWindow{w.days, Decimal::fromInt(-5), 2}, 1, 0)), "-13");
    EXPECT_EQ(text(*projectedTotal(Decimal::fromInt(10), w, 1, 1)), "12.5");
}

TEST(ParticleForecast, AgreementOnlyUsesTheAverageSoFarWithTodayCounted) {
    ParticleForecastInput in;
    in.period = {day("2026-11-04"), day("2026-12-03")};  // 30 days
    in.today = day("2026-11-30");                        // day 27, 3 days left
    in.used = 83000;
    in.included = 100000;
    const ParticleForecast f = particleForecast(in);
    ASSERT_EQ(f.status, ForecastStatus::Ready);
    EXPECT_EQ(f.day_of_period, 27);
    EXPECT_EQ(f.days_left, 3);
    EXPECT_FALSE(f.from_report);
    EXPECT_FALSE(f.last7);
    ASSERT_TRUE(f.average);
    EXPECT_EQ(text(f.average->rate_per_day), "3074");  // 83000 / 27 = 3074.07
    EXPECT_EQ(text(f.average->total), "92222");        // 83000 x 30 / 27 = 92222.2
    EXPECT_FALSE(f.full_date);                         // 17000 x 27 / 83000 = 5.5 -> 6 Dec, after the end
    EXPECT_EQ(f.sentence, "At the average rate so far you end the period at about 92,222 of 100,000 (92 %).");
    ASSERT_EQ(f.thresholds.size(), 3u);
    EXPECT_TRUE(f.thresholds[0].reached);  // 70 %
    ASSERT_TRUE(f.thresholds[1].date);     // 90 %: 7000 x 27 / 83000 = 2.3 -> 3 days -> 3 Dec
    EXPECT_EQ(isoFromDate(*f.thresholds[1].date), "2026-12-03");
    EXPECT_FALSE(f.thresholds[2].date);
    EXPECT_NE(f.consequence.find("70 % reached, 90 % around 3 Dec, 100 % not in this period"), std::string::npos)
        << f.consequence;
    EXPECT_NE(f.details.find("83,000 in 27 days = 3,074 a day -> 92,222"), std::string::npos) << f.details;
}

TEST(ParticleForecast, WithAReportUsesSevenDayRateRangeAndTheHundredPercentDate) {
    const DailyValues report = novemberReport();
    ParticleForecastInput in;
    in.period = {day("2026-11-01"), day("2026-11-30")};
    in.today = day("2026-11-21");  // 9 days left
    in.used = 27000;
    in.included = 40000;
    in.daily = &report;
    const ParticleForecast f = particleForecast(in);
    ASSERT_EQ(f.status, ForecastStatus::Ready);
    EXPECT_TRUE(f.from_report);
    ASSERT_TRUE(f.average && f.last7 && f.lowest7 && f.highest7);
    EXPECT_EQ(text(f.average->total), "38250");   // 27000 + 25000 / 20 x 9
    EXPECT_EQ(text(f.last7->total), "42429");     // 27000 + 12000 / 7 x 9 = 42428.57
    EXPECT_EQ(text(f.lowest7->total), "36000");   // 27000 + 7000 / 7 x 9
    EXPECT_EQ(text(f.highest7->total), "42429");
    EXPECT_EQ(f.primary(), &*f.last7);
    // 100 %: 13000 x 7 / 12000 = 7.58 -> 8 days after the 21st.
    ASSERT_TRUE(f.full_date);
    EXPECT_EQ(isoFromDate(*f.full_date), "2026-11-29");
    EXPECT_EQ(f.sentence, "At the last 7 days' rate you reach 100 % around 29 Nov, 1 day before the period ends.");
    EXPECT_EQ(isoFromDate(*f.thresholds[0].date), "2026-11-22");  // 70 % = 28000: 1000 x 7 / 12000 -> 1 day
    EXPECT_EQ(isoFromDate(*f.thresholds[1].date), "2026-11-27");  // 90 % = 36000: 9000 x 7 / 12000 = 5.25 -> 6
    EXPECT_NE(f.details.find("Likely range 36,000 to 42,429"), std::string::npos) << f.details;
}

TEST(ParticleForecast, HundredPercentOnTheLastDayAndAlreadyReached) {
    const DailyValues report = novemberReport();
    ParticleForecastInput in{{day("2026-11-01"), day("2026-11-30")}, day("2026-11-21"), 26000, 40000, &report};
    // 14000 x 7 / 12000 = 8.17 -> 9 days -> the 30th, the period's last day.
    EXPECT_EQ(particleForecast(in).sentence,
              "At the last 7 days' rate you reach 100 % around 30 Nov, on the period's last day.");
    in.used = 40000;
    const ParticleForecast full = particleForecast(in);
    EXPECT_FALSE(full.full_date);
    EXPECT_TRUE(full.thresholds[2].reached);
    EXPECT_EQ(full.sentence.rfind("You have used 100 % already (40,000 of 40,000)", 0), 0u) << full.sentence;
}

TEST(ParticleForecast, SaysTooLittleDataInsteadOfGuessing) {
    ParticleForecastInput in{{day("2026-11-01"), day("2026-11-30")}, day("2026-11-02"), 9000, 100000, nullptr};
    ParticleForecast f = particleForecast(in);
    EXPECT_EQ(f.status, ForecastStatus::TooLittleData);
    EXPECT_FALSE(f.primary());
    EXPECT_EQ(f.sentence, "Too little data for a forecast yet: day 2 of 30 (a forecast needs 3 days).");
    in.today = day("2026-11-03");  // day 3: enough
    EXPECT_EQ(particleForecast(in).status, ForecastStatus::Ready);
    in.used = -1;
    EXPECT_EQ(particleForecast(in).status, ForecastStatus::NoData);
    in.used = 5;
    in.today = day("2026-12-01");
    EXPECT_EQ(particleForecast(in).status, ForecastStatus::OutsidePeriod);
}

TEST(ParticleForecast, AReportWithTooFewCompleteDaysFallsBackToTheCounter) {
    DailyValues report = emptyDailyValues({day("2026-11-19"), day("2026-11-21")});  // 2 complete days
    ParticleForecastInput in{{day("2026-11-01"), day("2026-11-30")}, day("2026-11-21"), 21000, 0, &report};
    const ParticleForecast f = particleForecast(in);
    EXPECT_FALSE(f.from_report);
    EXPECT_FALSE(f.last7);
    ASSERT_TRUE(f.average);
    EXPECT_EQ(text(f.average->total), "30000");  // 21000 x 30 / 21
    EXPECT_EQ(f.sentence, "At the average rate so far you end the period at about 30,000.");  // no limit known
    EXPECT_TRUE(f.consequence.empty());
}

DailyCategorySeries series(const char* currency, const char* first, std::vector<const char*> totals) {
    DailyCategorySeries s;
    s.currency = currency;
    s.first_day = day(first);
    s.day_count = totals.size();
    for (const char* t : totals) s.day_totals.push_back(dec(t));
    return s;
}

TEST(ActivePlatformForecast, ProjectsEachCurrencyOnItsOwn) {
    // Today is the 10th: 9 complete days, 20 days left in November.
    std::vector<DailyCategorySeries> daily = {
        series("EUR", "2026-11-01", {"10", "10", "10", "10", "10", "10", "10", "10", "10", "5"}),
        series("USD", "2026-11-01", {"3.33", "3.33", "3.33"}),  // then no lines: days of 0
    };
    const auto f = activePlatformForecast(daily, {day("2026-11-01"), day("2026-11-30")}, day("2026-11-10"));
    ASSERT_EQ(f.status, ForecastStatus::Ready);
    EXPECT_EQ(f.days_left, 20);
    ASSERT_EQ(f.currencies.size(), 2u);
    const CurrencyForecast& eur = f.currencies[0];
    EXPECT_EQ(text(eur.month_to_date), "95");
    EXPECT_EQ(text(eur.average->total), "295");  // 95 + 90 / 9 x 20
    EXPECT_EQ(text(eur.last7->total), "295");    // 95 + 70 / 7 x 20
    EXPECT_EQ(eur.sentence, "At the last 7 days' rate the month ends at about 295.00 EUR (95.00 EUR so far, 20 days left).");
    const CurrencyForecast& usd = f.currencies[1];
    EXPECT_EQ(text(usd.month_to_date), "9.99");
    EXPECT_EQ(text(usd.average->total), "32.19");  // 9.99 + 9.99 / 9 x 20 = 32.19
    EXPECT_EQ(text(usd.last7->total), "19.5");     // 9.99 + 3.33 / 7 x 20 = 19.504 -> 19.50
    EXPECT_EQ(text(usd.last7->rate_per_day), "0.48");  // 3.33 / 7 = 0.4757
    EXPECT_EQ(usd.details.find("EUR"), std::string::npos) << usd.details;
}

TEST(ActivePlatformForecast, NeedsTheMonthFromTheFirstThroughTodayAndEnoughDays) {
    std::vector<DailyCategorySeries> daily = {series("EUR", "2026-11-05", {"1", "1"})};
    auto late = activePlatformForecast(daily, {day("2026-11-05"), day("2026-11-30")}, day("2026-11-10"));
    EXPECT_EQ(late.status, ForecastStatus::OutsidePeriod);
    EXPECT_NE(late.notice.find("2026-11-01..2026-11-10"), std::string::npos) << late.notice;
    auto early = activePlatformForecast(daily, {day("2026-11-01"), day("2026-11-30")}, day("2026-11-03"));
    EXPECT_EQ(early.status, ForecastStatus::TooLittleData);
    EXPECT_EQ(early.currencies[0].sentence.rfind("Too little data for a forecast yet: 2 days complete", 0), 0u)
        << early.currencies[0].sentence;
}

}  // namespace
}  // namespace ud::core
