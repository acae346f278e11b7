// TouchGestures: a small state machine from finger events to ImGui's mouse
// and to scrolling (see touch_gestures.h).
#include "ui/touch_gestures.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiWindow, SetScrollX/Y(window): scroll the window the finger is on

#include <cfloat>
#include <cmath>

namespace ud::ui {
namespace {

// Whether `w` scrolls on axis `x` (or y) for a finger: sideways only where
// there is a sideways scrollbar (a wide table), as the wheel does.
bool scrolls(const ImGuiWindow* w, bool x) { return x ? w->ScrollbarX && w->ScrollMax.x > 0.0f : w->ScrollMax.y > 0.0f; }

// Moves the content of `w` by `delta` px on one axis; what it cannot take (at
// its end) goes to the windows around it, as a phone's scrolling chains.
void scrollChain(ImGuiWindow* w, float delta, bool x) {
    for (; w && delta != 0.0f; w = (w->Flags & ImGuiWindowFlags_ChildWindow) ? w->ParentWindow : nullptr) {
        if (!scrolls(w, x)) continue;
        const float now = x ? w->Scroll.x : w->Scroll.y;
        const float want = now - delta;
        const float to = ImClamp(want, 0.0f, x ? w->ScrollMax.x : w->ScrollMax.y);
        if (to != now) x ? ImGui::SetScrollX(w, to) : ImGui::SetScrollY(w, to);
        delta = to - want;  // the part past this window's end
    }
}

}  // namespace

void TouchGestures::down(long long finger, float x, float y, double ms) {
    if (finger_ != -1) return;  // a second finger: ignored
    finger_ = finger;
    phase_ = Phase::Touching;
    start_x_ = x_ = x;
    start_y_ = y_ = y;
    start_ms_ = ms;
    scroll_dx_ = scroll_dy_ = 0;
    window_taken_ = false;
    window_ = nullptr;
    drag_pressed_ = false;
    touch_drives_ = true;
}

void TouchGestures::move(long long finger, float x, float y, double ms) {
    if (finger != finger_) return;
    if (phase_ == Phase::Touching && std::hypot(x - start_x_, y - start_y_) > kSlop) {
        phase_ = ms - start_ms_ >= kHoldMs ? Phase::Dragging : Phase::Scrolling;
        x_ = start_x_;  // the scroll follows the finger from where it landed
        y_ = start_y_;
    }
    if (phase_ == Phase::Scrolling) {
        scroll_dx_ += x - x_;
        scroll_dy_ += y - y_;
    }
    x_ = x;
    y_ = y;
}

void TouchGestures::up(long long finger, float x, float y, double ms) {
    if (finger != finger_) return;
    move(finger, x, y, ms);
    if (phase_ == Phase::Touching) {  // a tap: where the finger landed
        tap_stage_ = 3;
        tap_x_ = start_x_;
        tap_y_ = start_y_;
    }
    phase_ = Phase::Idle;
    finger_ = -1;
}

bool TouchGestures::beforeNewFrame(ImGuiIO& io) {
    if (!touch_drives_) return false;
    const ImVec2 nowhere(-FLT_MAX, -FLT_MAX);
    io.MouseDown[0] = false;
    if (tap_stage_ > 0) {  // hover, then press, then release: a click as ImGui knows it
        io.MousePos = ImVec2(tap_x_, tap_y_);
        io.MouseDown[0] = tap_stage_ == 2;
        --tap_stage_;
        return true;
    }
    const bool choosing_window = !window_taken_ && (phase_ == Phase::Scrolling || scroll_dx_ != 0 || scroll_dy_ != 0);
    switch (phase_) {
        case Phase::Idle:
            // Nothing stays hovered after a finger leaves: a tap's press changes the
            // screen, and a tooltip left where it was would cover what comes.
            // (While a finger is down it hovers: held still on a chart, it shows the values.)
            io.MousePos = choosing_window ? ImVec2(start_x_, start_y_) : nowhere;
            break;
        case Phase::Touching:
            io.MousePos = ImVec2(x_, y_);
            break;
        case Phase::Scrolling:  // the window under where it landed, then no hover while the content moves
            io.MousePos = choosing_window ? ImVec2(start_x_, start_y_) : nowhere;
            break;
        case Phase::Dragging:  // pressed where it landed, then follows the finger
            io.MousePos = drag_pressed_ ? ImVec2(x_, y_) : ImVec2(start_x_, start_y_);
            io.MouseDown[0] = true;
            drag_pressed_ = true;
            break;
    }
    return choosing_window;
}

void TouchGestures::afterNewFrame() {
    if (!window_taken_ && (phase_ == Phase::Scrolling || scroll_dx_ != 0 || scroll_dy_ != 0)) {
        window_ = GImGui->HoveredWindow;
        window_taken_ = true;
    }
    scrollChain(window_, scroll_dy_, false);
    scrollChain(window_, scroll_dx_, true);
    scroll_dx_ = scroll_dy_ = 0;
    if (phase_ != Phase::Scrolling) window_ = nullptr;
}

}  // namespace ud::ui
