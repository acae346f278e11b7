// TouchGestures with Dear ImGui (no backend): a window of 60 buttons, taller
// than the screen. A tap clicks the button it landed on; a drag scrolls the
// window by as much as the finger moved and clicks nothing (a list inside it
// first, then, at the list's end, the window); a finger held still before it
// moves presses like a mouse instead of scrolling.
#include <gtest/gtest.h>
#include <imgui.h>

#include <string>

#include "ui/touch_gestures.h"

namespace ud::ui {
namespace {

struct Screen {
    Screen() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(400, 300);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        frame();
    }
    ~Screen() { ImGui::DestroyContext(); }

    // One frame; the button clicked in it, or -1.
    int frame() {
        touch.beforeNewFrame(ImGui::GetIO());
        ImGui::NewFrame();
        touch.afterNewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(400, 300));
        ImGui::Begin("buttons", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
        int clicked = -1;
        if (with_list) {  // a short list of its own, which scrolls a little
            ImGui::BeginChild("list", ImVec2(200, 80), true);
            for (int i = 0; i < 6; ++i) ImGui::Text("line %d", i);
            list_scroll_y = ImGui::GetScrollY();
            list_scroll_max = ImGui::GetScrollMaxY();
            ImGui::EndChild();
        }
        for (int i = 0; i < 60; ++i) {
            if (ImGui::Button(("button " + std::to_string(i)).c_str(), ImVec2(200, 0))) clicked = i;
            if (i == 0) first_button_y = ImGui::GetItemRectMin().y;
        }
        scroll_y = ImGui::GetScrollY();
        ImGui::End();
        ImGui::Render();
        return clicked;
    }
    // Frames until nothing more is owed; the last button clicked, or -1.
    int frames(int n = 5) {
        int clicked = -1;
        for (int i = 0; i < n; ++i)
            if (int c = frame(); c >= 0) clicked = c;
        return clicked;
    }

    TouchGestures touch;
    bool with_list = false;
    float list_scroll_y = 0, list_scroll_max = 0;
    float scroll_y = 0;
    float first_button_y = 0;
};

TEST(TouchGestures, ATapClicksTheButtonItLandedOn) {
    Screen s;
    const float y = s.first_button_y + 23 * 2 + 8;  // the third button (19 px high, 4 apart)
    s.touch.down(1, 50, y, 0);
    EXPECT_EQ(s.frame(), -1) << "a finger down is not a click yet";
    s.touch.up(1, 51, y + 2, 90);
    EXPECT_EQ(s.frames(), 2);
    EXPECT_EQ(s.scroll_y, 0.0f);
}

TEST(TouchGestures, ATapInOneBatchStillClicks) {
    Screen s;
    s.touch.down(1, 50, s.first_button_y + 5, 0);
    s.touch.up(1, 50, s.first_button_y + 5, 40);
    EXPECT_EQ(s.frames(), 0);
}

TEST(TouchGestures, ADragScrollsAsFarAsTheFingerMovedAndClicksNothing) {
    Screen s;
    s.touch.down(1, 50, 250, 0);
    s.frame();
    s.touch.move(1, 50, 200, 30);
    EXPECT_EQ(s.touch.phase(), TouchGestures::Phase::Scrolling);
    s.frame();
    s.touch.move(1, 50, 130, 60);
    s.frame();
    s.touch.up(1, 50, 130, 90);
    EXPECT_EQ(s.frames(), -1) << "a scroll is not a click";
    EXPECT_NEAR(s.scroll_y, 120.0f, 1.0f);
    // Back down: the content follows the finger the other way.
    s.touch.down(1, 50, 100, 1000);
    s.touch.move(1, 50, 150, 1020);
    s.touch.up(1, 50, 150, 1040);
    EXPECT_EQ(s.frames(), -1);
    EXPECT_NEAR(s.scroll_y, 70.0f, 1.0f);
}

TEST(TouchGestures, AListScrollsToItsEndThenTheWindowTakesTheRest) {
    Screen s;
    s.with_list = true;
    s.frames(2);
    ASSERT_GT(s.list_scroll_max, 0.0f);
    s.touch.down(1, 50, 60, 0);  // on the list
    s.frame();
    s.touch.move(1, 50, 60 - 100, 30);
    s.touch.up(1, 50, 60 - 100, 60);
    s.frames(3);
    EXPECT_EQ(s.list_scroll_y, s.list_scroll_max);
    EXPECT_NEAR(s.scroll_y, 100.0f - s.list_scroll_max, 1.0f);
}

TEST(TouchGestures, AFingerHeldStillThenMovedDragsInsteadOfScrolling) {
    Screen s;
    s.touch.down(1, 50, 250, 0);
    s.frame();
    s.touch.move(1, 50, 200, TouchGestures::kHoldMs + 100);
    EXPECT_EQ(s.touch.phase(), TouchGestures::Phase::Dragging);
    s.frame();
    EXPECT_TRUE(ImGui::GetIO().MouseDown[0]);
    s.frames(2);
    EXPECT_EQ(s.scroll_y, 0.0f);
    s.touch.up(1, 50, 200, TouchGestures::kHoldMs + 200);
    s.frame();
    EXPECT_FALSE(ImGui::GetIO().MouseDown[0]);
}

TEST(TouchGestures, ASecondFingerIsIgnored) {
    Screen s;
    s.touch.down(1, 50, 250, 0);
    s.touch.down(2, 300, 100, 10);
    s.touch.move(2, 300, 10, 20);
    EXPECT_EQ(s.touch.phase(), TouchGestures::Phase::Touching);
    s.touch.up(2, 300, 10, 30);
    EXPECT_EQ(s.touch.phase(), TouchGestures::Phase::Touching);
}

}  // namespace
}  // namespace ud::ui
