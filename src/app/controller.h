// Turns intents and page events into state changes and requests, and
// responses into state: the only writer of AppState. Owns no timer and no
// thread: the main loop calls apply() with the frame's intents, handle() with
// each page event, tick() with the time, and asks nextWakeAt() when to come back.
#pragma once

#include "app/activeplatform_controller.h"
#include "app/announcer.h"
#include "app/app_state.h"
#include "app/intents.h"
#include "app/page_events.h"
#include "app/particle_controller.h"
#include "app/services.h"
#include "app/viewer_controller.h"

namespace ud::app {

class Controller {
public:
    Controller(AppState& state, Services services);

    void loadSaved();                 // settings, saved reports and a remembered token, at start-up
    void apply(const Intents& intents);
    // False only when the page refused the event (a file too large: read nothing).
    bool handle(const PageEvent& event);
    void tick();                      // deliver finished requests, run due timers
    core::Timestamp nextWakeAt() const;  // -1 when nothing is scheduled
    bool isAnimating() const;        // a spinner or countdown is on screen
    // What the page must say since the last call (live region, tab title,
    // notification; app/announcer.h). The main loop hands it over after each call above.
    PageNotes takePageNotes() { return announcer_.take(); }

private:
    void applyOne(const Intent& intent);
    void saveChartPng(const SaveChartPng& chart);
    void setDemoMode(bool demo);
    void updateTheme();  // dark_theme from the settings' choice or the system's scheme

    AppState& state_;
    Services services_;
    ParticleController particle_;
    ViewerController viewer_;
    ActivePlatformController activeplatform_;
    Announcer announcer_;
};

}  // namespace ud::app
