// Small widgets shared by panels: labelled fields with inline errors, section
// titles, muted text, and buttons that register themselves for the test hook.
#pragma once

#include <string>

#include "app/app_state.h"
#include "ui/widget_registry.h"

namespace ud::ui {

struct TextFieldOptions {
    const char* label = nullptr;  // the caption: the page input's accessible name, the test hook's label
    const char* hint = nullptr;   // grey text while empty
    bool password = false;        // drawn as dots
    // "username", "current-password", "one-time-code" for a login; "off" for
    // everything else (tokens too: no password manager should keep them).
    const char* autocomplete = "off";
    float width = -1.0f;          // ImGui item width; -1 = the rest of the line
};
// Every text field is drawn here: the ImGui field, its rectangle for the test
// hook (`name`), and its entry in the registry's text-field list, which the page
// mirrors into one real <input> each. Text the page's input took without key
// presses (autofill, a touch keyboard) and a focus it got (a tap) come back
// through the registry's PageInput. Returns true when the text changed.
bool textField(WidgetRegistry& reg, const std::string& name, std::string& text, const TextFieldOptions& options = {});

// A label above a full-width text field; `error` (if any) shows under it in red.
// Returns true when the text changed. `id` names the widget for tests.
bool labelledInput(WidgetRegistry& reg, const char* id, const char* label, std::string& text,
                   const std::string& error = {}, const char* hint = nullptr, bool password = false,
                   const char* autocomplete = "off");
// Two labelled fields side by side, each half the width (e.g. a date range).
// Returns true when either changed.
bool labelledInputPair(WidgetRegistry& reg, const char* id_a, const char* label_a, std::string& text_a,
                       const std::string& error_a, const char* id_b, const char* label_b, std::string& text_b,
                       const std::string& error_b);
// Below this width (CSS px) the sidebar and a panel no longer fit side by side:
// the sidebar folds into a menu button and panels flow into one column (labels
// above fields, bars full width, tables scroll sideways with their first column kept).
inline constexpr float kNarrowWidth = 700.0f;
constexpr bool isNarrowWidth(float css_width) { return css_width < kNarrowWidth; }
// This frame's layout: isNarrowWidth of the display.
bool isNarrowLayout();

// A button that is greyed out while `busy` or `!enabled`; returns true on click.
bool actionButton(WidgetRegistry& reg, const char* id, const char* label, bool enabled = true, bool busy = false);
// SameLine() when a button captioned `label` still fits on this line (in the
// window or table cell), else nothing: rows of buttons wrap on narrow screens.
void sameLineIfFits(const char* label);
// The same for an item `width` wide (a checkbox, a field, a line of text).
void sameLineIfFits(float width);
// The width of a checkbox or radio button captioned `label`.
float checkWidth(const char* label);
void sectionTitle(const char* text);
void mutedText(const char* text);
void errorText(const std::string& text);
// "You are offline" above a panel that needs the network (not in the demo, which needs none).
void offlineNotice(const app::AppState& state, WidgetRegistry& reg, const char* id, const char* needs);
void successText(const std::string& text);
void warningText(const std::string& text);
// The last item's longer explanation, as a wrapped tooltip while it is hovered ("" = none).
void hoverDetails(const std::string& text);  // something was not used or kept, and why; nothing failed now
// A small rotating arc for in-progress work (the caller keeps frames coming).
void spinner(float radius = 7.0f);
// The same arc at a given angle (radians): a countdown turns it one step per
// second it shows, so it moves without frames in between.
void spinnerAt(float radius, float angle);

}  // namespace ud::ui
