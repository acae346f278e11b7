// FrameScheduler over requestAnimationFrame and setTimeout (Emscripten's html5
// and eventloop APIs call the browser functions of the same names).
#include "platform/web/frame_scheduler.h"

#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include "platform/web/browser_glue.h"

namespace ud::platform::web {
namespace {

EM_BOOL onAnimationFrame(double, void* user) {
    static_cast<FrameScheduler*>(user)->runFrame();
    return EM_FALSE;  // one frame per request, never a loop
}

void onTimer(void* user) { static_cast<FrameScheduler*>(user)->runTimer(); }
void onHidden(void* user) { static_cast<FrameScheduler*>(user)->runHidden(); }

}  // namespace

void FrameScheduler::requestFrame() {
    if (pageHidden()) {
        if (hidden_id_ == 0) hidden_id_ = emscripten_set_timeout(onHidden, 0, this);
        return;
    }
    if (raf_id_ == 0) raf_id_ = emscripten_request_animation_frame(onAnimationFrame, this);
}

void FrameScheduler::wakeAt(double epoch_ms) {
    if (timer_id_ != 0 && wake_at_ == epoch_ms) return;  // already set for that moment
    cancelWake();
    double delay = epoch_ms - nowMs();
    wake_at_ = epoch_ms;
    timer_id_ = emscripten_set_timeout(onTimer, delay > 0 ? delay : 0, this);
}

void FrameScheduler::cancelWake() {
    if (timer_id_ != 0) emscripten_clear_timeout(timer_id_);
    timer_id_ = 0;
    wake_at_ = -1;
}

void FrameScheduler::runFrame() {
    raf_id_ = 0;
    on_frame_(user_);
}

void FrameScheduler::runTimer() {
    timer_id_ = 0;
    wake_at_ = -1;
    timer_fired_ = true;
    requestFrame();
}

void FrameScheduler::runHidden() {
    hidden_id_ = 0;
    on_hidden_(user_);
}

}  // namespace ud::platform::web
