// The viewer's Chart view: Particle defaults, rebuilt on spec and filter
// changes, errors for charts a table cannot give.
#include <gtest/gtest.h>

#include "app/viewer_fixture.h"

namespace ud::app {
namespace {

using Fixture = ViewerFixture;

constexpr std::string_view kReport =
    "date,device_id,device_name,product_id,product_name,data_operations\n"
    "2024-01-01,e00fce68a1b2c3d4e5f60718,pump,1201,Pumps,3\n"
    "2024-01-01,e00fce68a1b2c3d4e5f60719,tank,1202,Tanks,7\n"
    "2024-01-03,e00fce68a1b2c3d4e5f60719,tank,1202,Tanks,5\n";

TEST(ViewerChart, ParticleReportDefaultsToOperationsPerDayStackedByProduct) {
    Fixture f;
    f.load(kReport);
    const ChartSpec& spec = f.state.chart.spec;
    EXPECT_EQ(spec.date_column, 0);
    EXPECT_EQ(spec.value_column, 5);
    EXPECT_EQ(spec.key_column, 4);
    EXPECT_FALSE(f.state.chart.series.has_value());  // not built until shown

    f.controller.apply(ShowChart{true});
    ASSERT_TRUE(f.state.chart.series.has_value()) << f.state.chart.error;
    EXPECT_EQ(f.state.chart.series->day_count, 3u);
    EXPECT_EQ(f.state.chart.series->keys, (std::vector<std::string>{"Tanks", "Pumps"}));
    EXPECT_EQ(f.state.chart.series->day_totals[0].toString(), "10");
}

TEST(ViewerChart, FollowsTheFilterAndSwitchesToBars) {
    Fixture f;
    f.load(kReport);
    f.controller.apply(ShowChart{true});
    f.controller.apply(ViewerTableAction{false, SetColumnFilter{4, "Pumps"}});
    ASSERT_TRUE(f.state.chart.series.has_value());
    EXPECT_EQ(f.state.chart.series->day_totals[0].toString(), "3");

    ChartSpec bars = f.state.chart.spec;
    bars.kind = ChartKind::TopBars;
    bars.key_column = 2;
    f.controller.apply(SetChartSpec{bars});
    EXPECT_FALSE(f.state.chart.series.has_value());
    ASSERT_TRUE(f.state.chart.bars.has_value());
    EXPECT_EQ(f.state.chart.bars->keys, (std::vector<std::string>{"pump"}));
}

TEST(ViewerChart, SaysWhyATableWithoutDatesHasNoTimeSeries) {
    Fixture f;
    f.load("name,count\na,1\nb,2\n");
    f.controller.apply(ShowChart{true});
    EXPECT_FALSE(f.state.chart.series.has_value());
    EXPECT_NE(f.state.chart.error.find("no date column"), std::string::npos);
    ChartSpec bars = f.state.chart.spec;
    bars.kind = ChartKind::TopBars;
    bars.key_column = 0;
    f.controller.apply(SetChartSpec{bars});
    ASSERT_TRUE(f.state.chart.bars.has_value());
    EXPECT_EQ(f.state.chart.bars->values[0].toString(), "2");
}

}  // namespace
}  // namespace ud::app
