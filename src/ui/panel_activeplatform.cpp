// The ActivePlatform section's panels.
#include "ui/panel_activeplatform.h"

#include "ui/widgets.h"

namespace ud::ui {

void drawActivePlatformSection(const app::AppState& state, UiState& ui, app::Intents& intents) {
    (void)state;
    (void)ui;
    (void)intents;
    sectionTitle("ActivePlatform daily analytics");
    mutedText("Fetch the daily expenses of a pay-as-you-go subscription with a manager API token.");
}

}  // namespace ud::ui
