// What the user asks of the Viewer section (imperative). The UI appends them;
// ViewerController applies them in order once per frame.
#pragma once

#include <cstddef>
#include <variant>
#include <vector>

#include "app/table_view_state.h"
#include "app/viewer_state.h"
#include "core/table/csv_reader.h"
#include "core/table/table_group.h"

namespace ud::app {

struct OpenCsvFile {};                           // opens the browser's file picker
struct LoadDemoReport { std::size_t rows = 50000; };
struct SetBadRowPolicy { core::BadRowPolicy policy = core::BadRowPolicy::Keep; };  // re-reads the file
struct ViewerTableAction { bool group_table = false; TableAction action; };
// Group the shown rows by one or two columns; every other numeric column gets `function`.
struct GroupBy { std::vector<core::GroupKey> keys; core::Aggregate function = core::Aggregate::Sum; };
struct Ungroup {};
struct ShowChart { bool shown = true; };        // the Chart view instead of the table, and back
struct SetChartSpec { ChartSpec spec; };        // kind, columns and N of the chart
struct ExportViewCsv {};                         // the table on screen (grouped or not) as a download
struct CloseReport {};

// Insights (issue 14).
struct KeepAsEarlierPeriod {};      // the table on screen becomes the "before" of the next one opened
struct ForgetEarlierPeriod {};
struct ShowReportSpike { std::size_t index = 0; };  // filters the table to that device (or product) and day
struct ViewerCompareTableAction { TableAction action; };
struct ExportViewerComparison {};

using ViewerIntent =
    std::variant<OpenCsvFile, LoadDemoReport, SetBadRowPolicy, ViewerTableAction, GroupBy, Ungroup, ShowChart,
                 SetChartSpec, ExportViewCsv, CloseReport, KeepAsEarlierPeriod, ForgetEarlierPeriod, ShowReportSpike,
                 ViewerCompareTableAction, ExportViewerComparison>;

}  // namespace ud::app
