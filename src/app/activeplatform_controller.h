// ActivePlatform daily analytics: settings, fetch, typed table, totals per currency (issue 7).
// Turns ActivePlatform intents into requests and answers into ActivePlatformState. No timer, no
// thread: the App's Controller calls tick() each loop and asks nextWakeAt(). A 429 or 503 answer
// is sent again after its Retry-After (else 30 s), up to kActivePlatformMaxRetries times, with a
// countdown in the state; earlier results stay on screen meanwhile.
#pragma once

#include <utility>
#include <vector>

#include "app/activeplatform_intents.h"
#include "app/activeplatform_state.h"
#include "app/services.h"

namespace ud::app {

class ActivePlatformController {
public:
    // Reads a remembered token from the store.
    ActivePlatformController(ActivePlatformState& state, Services services);
    void apply(const ActivePlatformIntent& intent);
    void tick();
    core::Timestamp nextWakeAt() const;  // -1 when nothing is scheduled
    bool isAnimating() const;

private:
    void edit(const EditAnalyticsForm& edit);
    void applyPreset(RangePreset preset);
    void fetch();
    void send();
    void onAnswer(const core::HttpResponse& response);
    bool scheduleRetry(const core::HttpResponse& response);
    void cancelRetry();
    void exportCsv();

    ActivePlatformState& state_;
    Services services_;
    platform::RequestId pending_ = 0;  // 0 = none
    std::string pending_url_;          // for error sentences (never holds a token)
    core::HttpRequest last_request_;   // what a retry sends again
    std::vector<std::pair<platform::RequestId, core::HttpResponse>> answers_;  // queued by callbacks
    core::Timestamp redraw_at_ = -1;  // set when an answer arrived, so the main loop draws it
};

}  // namespace ud::app
