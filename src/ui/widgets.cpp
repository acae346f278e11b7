// Shared widgets. Colours come from the style so both themes work.
#include "ui/widgets.h"

#include <imgui.h>
#include <imgui_internal.h>  // GetActiveID: is this field the one being edited
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <optional>

namespace ud::ui {
namespace {
const ImVec4 kErrorColor(0.86f, 0.20f, 0.18f, 1.0f);
const ImVec4 kSuccessColor(0.13f, 0.60f, 0.30f, 1.0f);
const ImVec4 kWarningColor(0.80f, 0.50f, 0.05f, 1.0f);  // amber: readable on the light and the dark theme

// Puts the page input's text into the field being edited: ImGui edits its own
// copy of an active field's text, which would overwrite the caller's buffer.
int replaceActiveText(ImGuiInputTextCallbackData* data) {
    const auto* replacement = static_cast<const std::string*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways && replacement) {
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, replacement->c_str());
    }
    return 0;
}
}  // namespace

bool textField(WidgetRegistry& reg, const std::string& name, std::string& text, const TextFieldOptions& options) {
    ImGui::PushID(name.c_str());
    const bool was_active = ImGui::GetActiveID() == ImGui::GetID("##field");
    std::optional<std::string> from_page = reg.takePageText(name);
    bool changed = false;
    if (from_page && !was_active) {
        changed = text != *from_page;
        text = *from_page;
    }
    if (reg.takePageFocus(name) && !was_active) ImGui::SetKeyboardFocusHere();
    ImGuiInputTextFlags flags = options.password ? ImGuiInputTextFlags_Password : 0;
    ImGuiInputTextCallback callback = nullptr;
    void* replacement = nullptr;
    if (from_page && was_active) {
        flags |= ImGuiInputTextFlags_CallbackAlways;
        callback = replaceActiveText;
        replacement = &*from_page;
    }
    ImGui::SetNextItemWidth(options.width);
    changed |= options.hint ? ImGui::InputTextWithHint("##field", options.hint, &text, flags, callback, replacement)
                            : ImGui::InputText("##field", &text, flags, callback, replacement);
    ImGui::PopID();
    markItem(reg, name, options.label ? options.label : "");  // the caption, so tests can read what it asks for
    auto drawn = reg.rects().find(name);
    if (drawn != reg.rects().end()) {
        const char* accessible = options.label ? options.label : options.hint ? options.hint : name.c_str();
        reg.putTextField({name, drawn->second, options.autocomplete, options.password, text, accessible});
    }
    return changed;
}

bool labelledInput(WidgetRegistry& reg, const char* id, const char* label, std::string& text,
                   const std::string& error, const char* hint, bool password, const char* autocomplete) {
    ImGui::TextWrapped("%s", label);  // one line where it fits, as before; wrapped on a phone
    TextFieldOptions options;
    options.label = label;
    options.hint = hint;
    options.password = password;
    options.autocomplete = autocomplete;
    bool changed = textField(reg, id, text, options);
    if (!error.empty()) {
        errorText(error);
        markItem(reg, std::string(id) + ".error", error);  // the inline message, for tests
    }
    return changed;
}

bool labelledInputPair(WidgetRegistry& reg, const char* id_a, const char* label_a, std::string& text_a,
                       const std::string& error_a, const char* id_b, const char* label_b, std::string& text_b,
                       const std::string& error_b) {
    bool changed = false;
    if (isNarrowLayout()) {  // one column: each label above its field
        changed |= labelledInput(reg, id_a, label_a, text_a, error_a);
        changed |= labelledInput(reg, id_b, label_b, text_b, error_b);
        return changed;
    }
    if (!ImGui::BeginTable(id_a, 2)) return false;
    ImGui::TableNextColumn();
    changed |= labelledInput(reg, id_a, label_a, text_a, error_a);
    // Tables align the next cell's first text line with this cell's last baseline
    // (a frame's padding); an empty item ends the cell on a plain line so labels line up.
    ImGui::Dummy(ImVec2(0, 0));
    ImGui::TableNextColumn();
    changed |= labelledInput(reg, id_b, label_b, text_b, error_b);
    ImGui::EndTable();
    return changed;
}

bool actionButton(WidgetRegistry& reg, const char* id, const char* label, bool enabled, bool busy) {
    bool disabled = !enabled || busy;
    if (disabled) ImGui::BeginDisabled();
    ImGui::PushID(id);
    bool clicked = ImGui::Button(label);
    ImGui::PopID();
    markItem(reg, id, label);
    if (disabled) ImGui::EndDisabled();
    if (busy) {
        ImGui::SameLine();
        spinner();
    }
    return clicked && !disabled;
}

bool isNarrowLayout() { return isNarrowWidth(ImGui::GetMainViewport()->WorkSize.x); }

void sameLineIfFits(const char* label) {
    sameLineIfFits(ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2);
}

void sameLineIfFits(float width) {
    const float line_end = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width;
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    if (line_end <= right) ImGui::SameLine();
}

float checkWidth(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

void sectionTitle(const char* text) {
    ImGui::Spacing();
    ImGui::SetWindowFontScale(1.25f);
    ImGui::TextUnformatted(text);
    ImGui::SetWindowFontScale(1.0f);
    ImGui::Separator();
    ImGui::Spacing();
}

void mutedText(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void errorText(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorColor);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

void offlineNotice(const app::AppState& state, WidgetRegistry& reg, const char* id, const char* needs) {
    if (!state.offline || state.demo_mode) return;
    const std::string text = std::string("You are offline: ") + needs +
                             " needs the network. The demo, the Report viewer and saved reports work offline.";
    errorText(text);
    markItem(reg, id, text);
}

void successText(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, kSuccessColor);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

void hoverDetails(const std::string& text) {
    if (text.empty() || !ImGui::IsItemHovered()) return;
    ImGui::BeginTooltip();
    // At most 36 em wide, and never wider than a phone's screen.
    ImGui::PushTextWrapPos(std::min(ImGui::GetFontSize() * 36, ImGui::GetMainViewport()->WorkSize.x - ImGui::GetFontSize() * 3));
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void warningText(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, kWarningColor);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

void spinner(float radius) { spinnerAt(radius, static_cast<float>(ImGui::GetTime()) * 6.0f); }

void spinnerAt(float radius, float t) {
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float size = radius * 2 + 2;
    ImGui::Dummy(ImVec2(size, size));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 c(pos.x + radius + 1, pos.y + radius + 1);
    dl->PathClear();
    for (int i = 0; i <= 20; ++i) {
        float a = t + static_cast<float>(i) / 20.0f * 4.5f;
        dl->PathLineTo(ImVec2(c.x + std::cos(a) * radius, c.y + std::sin(a) * radius));
    }
    dl->PathStroke(ImGui::GetColorU32(ImGuiCol_ButtonActive), 0, 2.5f);
}

}  // namespace ud::ui
