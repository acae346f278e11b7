// The font atlas without the embedded UI subset, for the native ui build: the
// panel tests draw with ImGui's default font and never fetch fallbacks, so
// noting the characters data needs has nothing to do. CMake picks this file
// instead of font_atlas.cpp (which needs the header the WASM build generates).
#include "ui/font_atlas.h"

namespace ud::ui {

void noteDataText(std::string_view) {}

}  // namespace ud::ui
