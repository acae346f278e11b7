// Edit buffers and UI-only choices of the ActivePlatform section (InputText needs a
// place to write). Owned by UiState, never function statics.
#pragma once

namespace ud::ui {

struct ActivePlatformForms {
};

}  // namespace ud::ui
