// Edit buffers and UI-only choices of the Viewer section (InputText needs a
// place to write). Owned by UiState, never function statics.
#pragma once

#include "ui/chart_widget.h"
#include "ui/table_forms.h"

namespace ud::ui {

struct ViewerForms {
    TableWidgetForm data_table;
    TableWidgetForm group_table;
    int group_key1 = -1;  // column index, -1 = not grouped
    int group_key2 = -1;  // -1 = none
    bool by_month = false;
    int function = 0;     // core::Aggregate as int
    ChartCanvas chart;    // the Chart view's GPU buffers
    TableWidgetForm compare_table;  // issue 14: the comparison with a kept earlier report
    ChartCanvas compare_chart;
};

}  // namespace ud::ui
