// Screen rectangles of named widgets from the last frame, in CSS pixels. The
// browser test hook (window.usagedesk.widgets()) reads them to click and type
// with real input events; ImGui has no DOM to query. The text fields drawn are
// also listed for the page, which keeps a real <input> over each (see TextField).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ud::ui {

struct WidgetRect {
    float x = 0, y = 0, w = 0, h = 0;
    bool enabled = true;
    std::string label;  // visible text, when useful to a test (button captions, values)
    bool active = false;  // a text field being edited (has the keyboard)
    // How often the item has been pressed since the page loaded; -1 for an
    // item that takes no press (a label). A test that clicked checks that its
    // press landed: the layout can move between reading a rectangle and the click.
    int presses = -1;
    // Part of it is cut off at the left or right edge of a window that does not
    // scroll sideways (a layout too wide for the screen; tests look for it).
    bool overflow = false;
};

// A text field drawn this frame. The page keeps one invisible <input> over
// each, all in one <form> (web/usagedesk.js), so password managers, autofill,
// touch keyboards and input methods have a real input; the drawing stays ImGui's.
struct TextField {
    std::string name;
    WidgetRect rect;
    std::string autocomplete;  // "username", "current-password", "one-time-code"; "off" for the rest
    bool password = false;
    // What the field holds, so the input agrees with it (a touch keyboard edits
    // the input's text; a password manager reads it to offer saving). A token
    // or password is then in the page's DOM, as in any login form.
    std::string text;
    std::string label;         // the input's accessible name
};

// What the page's inputs did since the last frame, kept here until the field
// is drawn (ui::textField takes it): text that came without key presses
// (autofill, a touch keyboard) and a field to give the keyboard (a tap, a focus).
struct PageInput {
    std::map<std::string, std::string> text;  // field name -> its whole new text
    std::string focus;                        // field name, or empty
};

class WidgetRegistry {
public:
    void beginFrame() {
        rects_.clear();
        text_fields_.clear();
    }
    void put(const std::string& name, const WidgetRect& rect) { rects_[name] = rect; }
    // Counts a press of the item `name`; returns the count so far.
    int notePress(const std::string& name, bool pressed_now) { return press_counts_[name] += pressed_now ? 1 : 0; }
    const std::map<std::string, WidgetRect>& rects() const { return rects_; }
    std::string json() const;

    void putTextField(TextField field) { text_fields_.push_back(std::move(field)); }
    // The fields for the page's inputs: a JSON list of {name, x, y, w, h, active,
    // autocomplete, password, text, label}; the same string while nothing changed.
    std::string textFieldsJson() const;

    PageInput& pageInput() { return page_input_; }
    std::optional<std::string> takePageText(const std::string& name);
    bool takePageFocus(const std::string& name);

private:
    std::map<std::string, WidgetRect> rects_;
    std::map<std::string, int> press_counts_;  // kept across frames, unlike rects_
    std::vector<TextField> text_fields_;
    PageInput page_input_;
};

// Records the last ImGui item under `name` (call right after the widget).
void markItem(WidgetRegistry& registry, const std::string& name, const std::string& label = {});

}  // namespace ud::ui
