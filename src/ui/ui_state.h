// UI-only state owned by the app: edit buffers for text fields (InputText needs
// somewhere to write), and the widget registry. Never a function-level static.
#pragma once

#include <string>

#include "app/settings.h"
#include "ui/activeplatform_forms.h"
#include "ui/particle_forms.h"
#include "ui/viewer_forms.h"
#include "ui/widget_registry.h"

namespace ud::ui {

struct SettingsForm {
    bool loaded = false;   // copied from AppState the first time the panel shows
    app::Settings edit;
    std::string particle_error;
    std::string activeplatform_error;
};

struct UiState {
    WidgetRegistry widgets;
    SettingsForm settings_form;
    ParticleForms particle;
    ViewerForms viewer;
    ActivePlatformForms activeplatform;
    ChartGpu chart_gpu;      // the chart shader program, shared by every chart
    float dpi_scale = 1.0f;  // devicePixelRatio, for first-use sizes
    bool menu_open = false;  // narrow screens: the sections, shown instead of the panel
};

}  // namespace ud::ui
