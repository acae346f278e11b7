// Screen rectangles of named widgets from the last frame, in CSS pixels. The
// browser test hook (window.usagedesk.widgets()) reads them to click and type
// with real input events; ImGui has no DOM to query.
#pragma once

#include <map>
#include <string>

namespace ud::ui {

struct WidgetRect {
    float x = 0, y = 0, w = 0, h = 0;
    bool enabled = true;
    std::string label;  // visible text, when useful to a test (button captions, values)
    bool active = false;  // a text field being edited (has the keyboard)
};

class WidgetRegistry {
public:
    void beginFrame() { rects_.clear(); }
    void put(const std::string& name, const WidgetRect& rect) { rects_[name] = rect; }
    const std::map<std::string, WidgetRect>& rects() const { return rects_; }
    std::string json() const;

private:
    std::map<std::string, WidgetRect> rects_;
};

// Records the last ImGui item under `name` (call right after the widget).
void markItem(WidgetRegistry& registry, const std::string& name, const std::string& label = {});

}  // namespace ud::ui
