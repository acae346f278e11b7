// One finger on a touch screen, as phones behave: a tap is a click where it
// landed, a drag scrolls what is under the finger (the panel, or a table or
// list sideways, the way a wheel does), and a finger held still for a moment
// before it moves drags like a mouse (a column's edge, a scrollbar). SDL's own
// touch-to-mouse is off (app/main.cpp): its press at touch-down would click
// whatever a scroll started on.
#pragma once

struct ImGuiIO;
struct ImGuiWindow;

namespace ud::ui {

class TouchGestures {
public:
    static constexpr float kSlop = 8.0f;      // CSS px a tap may wander and still be a tap
    static constexpr double kHoldMs = 450.0;  // held this long before moving: a drag, not a scroll

    // Finger events in CSS px and milliseconds; only the first finger counts.
    void down(long long finger, float x, float y, double ms);
    void move(long long finger, float x, float y, double ms);
    void up(long long finger, float x, float y, double ms);
    // A real mouse moved: it is ImGui's mouse again.
    void mouseMoved() { touch_drives_ = false; }

    // Between the platform backend's NewFrame and ImGui::NewFrame: ImGui's
    // mouse as the finger makes it. Returns true while frames are owed (a tap
    // takes three: hover, press, release).
    bool beforeNewFrame(ImGuiIO& io);
    // After ImGui::NewFrame: scrolls the window the drag started over (or the
    // nearest one around it that scrolls that way) by the finger's movement.
    void afterNewFrame();

    // For tests: what the finger is doing.
    enum class Phase { Idle, Touching, Scrolling, Dragging };
    Phase phase() const { return phase_; }

private:
    Phase phase_ = Phase::Idle;
    long long finger_ = -1;
    float start_x_ = 0, start_y_ = 0, x_ = 0, y_ = 0;
    double start_ms_ = 0;
    float scroll_dx_ = 0, scroll_dy_ = 0;  // finger movement not yet applied
    bool window_taken_ = false;            // the scrolled window was chosen (first frame of a scroll)
    ImGuiWindow* window_ = nullptr;
    int tap_stage_ = 0;                    // 3 hover, 2 press, 1 release, 0 none
    float tap_x_ = 0, tap_y_ = 0;
    bool drag_pressed_ = false;            // a drag's press was shown at the start point
    bool touch_drives_ = false;            // the last pointer was a finger
};

}  // namespace ud::ui
