// Colours and spacing: light and dark follow the system setting.
#pragma once

namespace ud::ui {

void applyTheme(bool dark);

}  // namespace ud::ui
