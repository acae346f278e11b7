// Edit buffers and UI-only choices of the ActivePlatform section (InputText needs a
// place to write). Owned by UiState, never function statics.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/activeplatform/activeplatform_api.h"
#include "ui/chart_widget.h"
#include "ui/table_forms.h"

namespace ud::ui {

struct ActivePlatformForms {
    std::size_t seen_revision = static_cast<std::size_t>(-1);  // ActivePlatformState::form_revision copied
    core::AnalyticsForm edit;   // the token buffer lives here only while the page is open
    bool remember_token = false;
    bool show_token = false;
    TableWidgetForm table;
    std::string chart_currency;  // the daily chart's currency; "" = the first
    ChartCanvas chart;
    // Compare two ranges (issue 14)
    std::string compare_earlier_from, compare_earlier_to, compare_later_from, compare_later_to;
    TableWidgetForm compare_table;
    std::vector<ChartCanvas> compare_charts;  // one per currency
};

}  // namespace ud::ui
