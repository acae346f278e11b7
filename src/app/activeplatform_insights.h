// ActivePlatform insights in app state (issue 14): the month-end forecast per
// currency and the spike list of a fetched report, and the comparison of two
// fetched ranges. Plain functions over ActivePlatformState, called by
// ActivePlatformController when answers arrive; core does the arithmetic.
#pragma once

#include "app/activeplatform_state.h"

namespace ud::app {

// The range an answer covers: the days asked for, or the billing months' days.
core::DateRange rangeOfQuery(const core::AnalyticsQuery& query);
// Forecast and spikes of state.report (fetched over state.fetched_range) at `today`.
void refreshAnalyticsInsights(ActivePlatformState& state, core::Date today);
// The comparison's lines, table and aligned charts from its two reports, by its key.
void buildComparison(AnalyticsComparison& compare);
// The items-table filters that show one spike (currency, category and day).
void showSpike(ActivePlatformState& state, std::size_t index);

}  // namespace ud::app
