// The demo data has something for every insight (issue 14): the Particle demo
// sandbox's counter agrees with its report CSVs, its current period runs out
// before its end, one device spikes, and the last period differs (one device
// new, one gone); the ActivePlatform demo has a category spike and months
// that differ. Checked with the same core functions the page uses.
#include <gtest/gtest.h>

#include <set>

#include "core/activeplatform/activeplatform_parse.h"
#include "core/activeplatform/activeplatform_totals.h"
#include "core/particle/particle_forecast.h"
#include "core/table/column_roles.h"
#include "core/table/csv_reader.h"
#include "core/table/period_compare.h"
#include "core/table/spikes.h"
#include "core/table/table_view.h"
#include "sim/activeplatform_generator.h"
#include "sim/particle_sim.h"

namespace ud::core {
namespace {

using namespace particle_sim_detail;

const ParticleSimAgreement& demoSandbox() {
    static const ParticleSimConfig config = demoParticleSimConfig();
    return config.accounts[0].sandbox;
}

Table csvTable(const std::string& text) {
    Result<Table> t = tableFromCsv(text);
    EXPECT_TRUE(t.ok());
    return t.ok() ? std::move(t).value() : Table{};
}

std::vector<std::uint32_t> allRows(const Table& t) { return filterRows(t, {}, ""); }

long long sumOps(const Table& t) {
    const auto count = reportColumnsFromTable(t).count;
    long long sum = 0;
    for (std::size_t r = 0; r < t.rowCount(); ++r) sum += t.column(*count).integer(r);
    return sum;
}

TEST(DemoInsights, ParticleCounterAgreesWithTheReportAndRunsOutBeforeTheEnd) {
    const ParticleSimAgreement& a = demoSandbox();
    ASSERT_TRUE(a.usage_from_model);
    for (int day : {8, 12, 20}) {  // days of a November period (4 Nov .. 3 Dec)
        const Date today{2026, 11, day};
        const DateRange period = billingPeriod(a, today);
        const Table report = csvTable(reportCsvText(a, "sandbox:demo", ReportType::Devices, period, 42, false, today));
        EXPECT_EQ(sumOps(report), modelUsageSoFar(a, today, 42)) << day;
        const auto roles = reportColumnsFromTable(report);
        const DailyValues daily = dailyValuesFromTable(report, allRows(report), *roles.date, *roles.count, period);
        const ParticleForecast f = particleForecast({period, today, modelUsageSoFar(a, today, 42), a.max_messages, &daily});
        ASSERT_EQ(f.status, ForecastStatus::Ready) << day;
        ASSERT_TRUE(f.full_date) << day << ": " << f.sentence;
        EXPECT_LT(*f.full_date, period.last) << f.sentence;
    }
}

TEST(DemoInsights, ParticleDemoReportHasASpikeThreeDaysBeforeToday) {
    const ParticleSimAgreement& a = demoSandbox();
    const Date today{2026, 11, 20};
    const Table report =
        csvTable(reportCsvText(a, "sandbox:demo", ReportType::Devices, billingPeriod(a, today), 42, false, today));
    const auto roles = reportColumnsFromTable(report);
    auto spikes = spikesFromTable(report, allRows(report),
                                  {*roles.date, *roles.device_name, *roles.count, std::nullopt, {3, Decimal::fromInt(1000)}});
    ASSERT_TRUE(spikes.ok());
    ASSERT_EQ(spikes->spikes.size(), 1u);
    EXPECT_EQ(spikes->spikes[0].key, "sensor-03");
    EXPECT_EQ(isoFromDate(spikes->spikes[0].day), "2026-11-17");
}

TEST(DemoInsights, ParticleLastPeriodDiffersWithANewAndAGoneDevice) {
    const ParticleSimAgreement& a = demoSandbox();
    const Date today{2026, 11, 20};
    const DateRange now = billingPeriod(a, today), before = billingPeriod(a, addDays(now.first, -1));
    const Table t1 = csvTable(reportCsvText(a, "sandbox:demo", ReportType::Devices, before, 42, false, today));
    const Table t2 = csvTable(reportCsvText(a, "sandbox:demo", ReportType::Devices, now, 42, false, today));
    const auto r1 = reportColumnsFromTable(t1), r2 = reportColumnsFromTable(t2);
    const auto rows1 = allRows(t1), rows2 = allRows(t2);
    auto c = comparePeriods({&t1, rows1, r1.device_name, *r1.count, std::nullopt},
                            {&t2, rows2, r2.device_name, *r2.count, std::nullopt});
    ASSERT_TRUE(c.ok());
    std::set<std::string> status;
    for (const auto& k : c->keys) status.insert(std::string(nameFromPresence(k.presence)) + ":" + k.key);
    EXPECT_TRUE(status.count("new:sensor-06"));
    EXPECT_TRUE(status.count("gone:sensor-02"));
    EXPECT_NE(c->totals[0].before, c->totals[0].after);
}

TEST(DemoInsights, ActivePlatformDemoHasACategorySpikeAndMonthsThatDiffer) {
    AnalyticsGeneratorOptions o;
    o.seed = 70112;
    o.lines_per_day = 40;
    o.demo_shape = true;
    auto month = [&](DateRange r) {
        auto rep = analyticsReportFromJson(analyticsBodyFromGenerator("70112", r, r.last, o));
        EXPECT_TRUE(rep.ok());
        return std::move(rep).value();
    };
    const AnalyticsReport oct = month({{2026, 10, 1}, {2026, 10, 31}});
    const AnalyticsReport nov = month({{2026, 11, 1}, {2026, 11, 30}});
    const Table& t = nov.items;
    auto col = [&](const Table& x, const char* n) { return *x.findColumn(n); };
    auto spikes = spikesFromTable(t, allRows(t), {col(t, "operate_day"), col(t, "category"), col(t, "total"),
                                                  col(t, "currency"), {3, Decimal::fromInt(1)}});
    ASSERT_TRUE(spikes.ok());
    bool bandwidth = false;
    for (const auto& s : spikes->spikes) bandwidth |= s.key == "Bandwidth";
    EXPECT_TRUE(bandwidth) << spikes->spikes.size();
    const auto ro = allRows(oct.items), rn = allRows(t);
    auto c = comparePeriods({&oct.items, ro, col(oct.items, "resource_group"), col(oct.items, "total"), col(oct.items, "currency")},
                            {&t, rn, col(t, "resource_group"), col(t, "total"), col(t, "currency")}, true);
    ASSERT_TRUE(c.ok());
    EXPECT_NE(c->totals[0].before, c->totals[0].after);
    std::set<std::string> status;
    for (const auto& k : c->keys) status.insert(std::string(nameFromPresence(k.presence)) + ":" + k.key);
    // October is even: its "rg-data" lines are named "rg-archive".
    EXPECT_TRUE(status.count("gone:rg-archive") && status.count("new:rg-data")) << c->keys.size();
}

}  // namespace
}  // namespace ud::core
