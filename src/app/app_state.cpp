// Names for app-state enums (labels for the UI, ids for the test hook).
#include "app/app_state.h"

namespace ud::app {

const char* labelFromSection(Section section) {
    switch (section) {
        case Section::Particle: return "Particle";
        case Section::ActivePlatform: return "ActivePlatform";
        case Section::Viewer: return "Report viewer";
        case Section::Settings: return "Settings";
    }
    return "";
}

const char* idFromSection(Section section) {
    switch (section) {
        case Section::Particle: return "particle";
        case Section::ActivePlatform: return "activeplatform";
        case Section::Viewer: return "viewer";
        case Section::Settings: return "settings";
    }
    return "";
}

}  // namespace ud::app
