// Edit buffers and UI-only choices of the ActivePlatform section (InputText needs a
// place to write). Owned by UiState, never function statics.
#pragma once

#include <cstddef>
#include <string>

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
};

}  // namespace ud::ui
