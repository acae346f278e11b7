// Asks the browser for a frame only when the app needs one, so an idle page
// runs nothing: no animation-frame loop polling for work. Input, finished
// requests, file chunks and resizes call requestFrame(); a due moment (report
// countdown, retry wait, animation step) becomes one browser timer (wakeAt).
#pragma once

#include <utility>

namespace ud::platform::web {

class FrameScheduler {
public:
    using FrameFn = void (*)(void* user);
    // `on_hidden` runs instead of a frame while the tab is hidden: a background
    // tab gets no animation frames, yet answers and due checks must be handled.
    FrameScheduler(FrameFn on_frame, FrameFn on_hidden, void* user)
        : on_frame_(on_frame), on_hidden_(on_hidden), user_(user) {}

    // One animation frame soon; requests made before it runs share it. While
    // the tab is hidden: on_hidden, from a browser timer, instead.
    void requestFrame();
    // A browser timer that requests a frame at `epoch_ms` (Date.now() time).
    // Replaces the previous timer, so there is at most one.
    void wakeAt(double epoch_ms);
    void cancelWake();

    // True once after the timer fired: the frame it asked for is due (the
    // moment it was set for has passed, whatever the deadlines say now).
    bool takeTimerFired() { return std::exchange(timer_fired_, false); }
    bool framePending() const { return raf_id_ != 0; }
    double wakeScheduledAt() const { return wake_at_; }  // -1 when no timer is set

    // Trampolines for the browser callbacks; public for the C API only.
    void runFrame();
    void runTimer();
    void runHidden();

private:
    FrameFn on_frame_;
    FrameFn on_hidden_;
    void* user_;
    long raf_id_ = 0;
    long timer_id_ = 0;
    long hidden_id_ = 0;
    double wake_at_ = -1;
    bool timer_fired_ = false;
};

}  // namespace ud::platform::web
