// ActivePlatform daily analytics: settings, fetch, typed table, totals per currency (issue 7),
// and the insights of issue 14 (forecast, spikes, two ranges compared).
// Turns ActivePlatform intents into requests and answers into ActivePlatformState. No timer, no
// thread: the App's Controller calls tick() each loop and asks nextWakeAt(). A 429/502/503/504
// answer or a network error is sent again on core's retry schedule (retry.h), up to
// kActivePlatformMaxRetries times, with a countdown in the state; earlier results stay on screen.
#pragma once

#include <optional>
#include <string>

#include "app/activeplatform_intents.h"
#include "app/activeplatform_state.h"
#include "app/request_queue.h"
#include "app/services.h"
#include "core/base/remembered_token.h"

namespace ud::app {

class ActivePlatformController {
public:
    // Reads a remembered token from the store.
    ActivePlatformController(ActivePlatformState& state, Services services);
    void apply(const ActivePlatformIntent& intent);
    void tick();
    // Demo mode switched: an answer in flight is dropped, and so is a waiting retry;
    // the person's own form and results are set aside while the demo runs and come back after.
    void setDemoMode(bool demo);
    // The browser went offline or online: offline, a fetch is refused at once (app/offline_refusal.h).
    void setOffline(bool offline) { offline_ = offline; }
    core::Timestamp nextWakeAt() const;  // -1 when nothing is scheduled
    bool isAnimating() const;

private:
    // Refuses `intent` when it needs the network and the browser is offline; the reason goes where the action is.
    bool refusedOffline(const ActivePlatformIntent& intent);
    void edit(const EditAnalyticsForm& edit);
    void applyPreset(core::RangePreset preset);
    void fetch();
    void send();
    void onAnswer(const core::HttpResponse& response);
    bool scheduleRetry(const core::HttpResponse& response);
    void cancelRetry();
    void exportCsv();
    // ---- comparison (activeplatform_controller_compare.cpp) ----
    void compareRanges(core::DateRange earlier, core::DateRange later);
    void onCompareAnswer(bool earlier, const core::HttpResponse& response);
    void dropComparison();
    void exportComparison();
    // The form holds the remembered token but points at another address than it was saved for.
    bool rememberedTokenElsewhere() const;

    ActivePlatformState& state_;
    Services services_;
    RequestQueue requests_;
    std::string pending_url_;          // for error sentences (never holds a token)
    core::HttpRequest last_request_;   // what a retry sends again
    core::DateRange pending_range_;    // the days last_request_ covers
    RequestQueue::Ticket compare_pending_[2] = {0, 0};  // earlier, later; 0 = answered
    std::string compare_url_;                            // for error sentences (never holds a token)
    core::RememberedToken remembered_;  // as stored: the token and the address it belongs to
    std::optional<ActivePlatformState> real_;  // the person's state while the demo runs
    bool offline_ = false;                     // the browser says there is no network
};

}  // namespace ud::app
