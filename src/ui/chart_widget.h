// Chart widgets: a daily stacked chart (time series, top N + "Other") and a
// horizontal top-N bar chart. ImGui draws the title, legend, grid, axes and
// the hover tooltip (exact values from core); ChartGpu draws the rectangles.
// Each also renders off screen at any size for "Save chart as PNG".
#pragma once

#include <string>

#include "core/table/chart_series.h"
#include "ui/chart_gpu.h"
#include "ui/widget_registry.h"

namespace ud::ui {

// One chart on screen: its GPU buffers and this frame's queued draw.
struct ChartCanvas {
    ChartBuffers buffers;
    ChartDrawCall screen;
};

// At the cursor, full width, `height` tall. Widgets for tests: <id>.plot (the
// plotting area) and, while hovered, <id>.tooltip whose label is the tooltip text.
void drawStackedChart(const std::string& id, const std::string& title, const core::StackedSeriesView& series,
                      ChartGpu& gpu, ChartCanvas& canvas, WidgetRegistry& reg, float height);
void drawBarChart(const std::string& id, const std::string& title, const core::BarSeries& series, ChartGpu& gpu,
                  ChartCanvas& canvas, WidgetRegistry& reg, float height);

// "top [ 8 ][-][+]": how many keys a chart shows before "Other", 1..core::kChartMaxTopN.
// The same control on every chart; returns true when `n` changed. Registered as `id`.
bool topNInput(WidgetRegistry& reg, const char* id, std::size_t& n);
// Its width, so a row of controls can wrap before it (sameLineIfFits).
float topNInputWidth();

// The height a bar chart needs for its rows at their thickest (no empty space below).
float barChartHeight(const core::BarSeries& series);

// The same charts as images (no hover), `size` in display units, at the screen's pixel density.
ChartImage stackedChartImage(const std::string& title, const core::StackedSeriesView& series, ChartGpu& gpu,
                             ChartCanvas& canvas, ImVec2 size);
ChartImage barChartImage(const std::string& title, const core::BarSeries& series, ChartGpu& gpu, ChartCanvas& canvas,
                         ImVec2 size);

}  // namespace ud::ui
