// The Viewer section's panels.
#include "ui/panel_viewer.h"

#include "ui/widgets.h"

namespace ud::ui {

void drawViewerSection(const app::AppState& state, UiState& ui, app::Intents& intents) {
    (void)state;
    (void)ui;
    (void)intents;
    sectionTitle("Report viewer");
    mutedText("Open a usage CSV to read it as a table, group it and chart it.");
}

}  // namespace ud::ui
