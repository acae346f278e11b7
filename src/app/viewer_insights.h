// Viewer insights in app state (issue 14): what spiked in the usage report on
// screen, and its comparison with a kept earlier report. Plain functions over
// ViewerState, called by ViewerController when a table arrives; core does the work.
#pragma once

#include "app/viewer_state.h"

namespace ud::app {

// Spikes and (with a kept earlier table) the comparison of state.table.
void refreshViewerInsights(ViewerState& state);
// Keeps a copy of state.table as the earlier period.
void keepAsEarlier(ViewerState& state);
// Filters the table to spike `index` (its key and day).
void showReportSpike(ViewerState& state, std::size_t index);

}  // namespace ud::app
