// Chart widgets: layout (title, legend, value axis, day or key labels), hover
// and tooltip by ImGui; the rectangles by ChartGpu. One paint function per chart
// kind draws into any ImDrawList, so the screen and the PNG export share it.
// Numbers shown are core's exact text; doubles only place things.
#include "ui/chart_widget.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImRect

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/base/date.h"

namespace ud::ui {
namespace {

// Tableau 20, strong hues first so the top keys differ most.
constexpr ImU32 kPalette[] = {
    IM_COL32(0x4E, 0x79, 0xA7, 255), IM_COL32(0xF2, 0x8E, 0x2B, 255), IM_COL32(0xE1, 0x57, 0x59, 255),
    IM_COL32(0x76, 0xB7, 0xB2, 255), IM_COL32(0x59, 0xA1, 0x4F, 255), IM_COL32(0xED, 0xC9, 0x48, 255),
    IM_COL32(0xB0, 0x7A, 0xA1, 255), IM_COL32(0xFF, 0x9D, 0xA7, 255), IM_COL32(0x9C, 0x75, 0x5F, 255),
    IM_COL32(0xA0, 0xCB, 0xE8, 255), IM_COL32(0xFF, 0xBE, 0x7D, 255), IM_COL32(0x8C, 0xD1, 0x7D, 255),
    IM_COL32(0x49, 0x98, 0x94, 255), IM_COL32(0xF1, 0xCE, 0x63, 255), IM_COL32(0xD4, 0xA6, 0xC8, 255),
    IM_COL32(0xB6, 0x99, 0x2D, 255), IM_COL32(0xFA, 0xBF, 0xD2, 255), IM_COL32(0xD7, 0xB5, 0xA6, 255),
    IM_COL32(0x86, 0xBC, 0xB6, 255), IM_COL32(0xFF, 0x9D, 0x9A, 255)};

struct ChartStyle {
    ImFont* font = nullptr;
    float font_size = 13;
    float line = 17;  // text row height
    ImU32 text = 0, muted = 0, grid = 0, axis = 0, background = 0, border = 0, other = 0;
    ImVec4 dim;
    bool dark = false;
};

ChartStyle chartStyle() {
    const ImGuiStyle& st = ImGui::GetStyle();
    ImVec4 bg = st.Colors[ImGuiCol_WindowBg];
    ChartStyle s;
    s.dark = 0.299f * bg.x + 0.587f * bg.y + 0.114f * bg.z < 0.5f;
    s.font = ImGui::GetFont();
    s.font_size = ImGui::GetFontSize();
    s.line = std::round(s.font_size + 4);
    s.text = ImGui::GetColorU32(ImGuiCol_Text);
    s.muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    s.grid = s.dark ? IM_COL32(255, 255, 255, 30) : IM_COL32(0, 0, 0, 24);
    s.axis = s.dark ? IM_COL32(255, 255, 255, 120) : IM_COL32(0, 0, 0, 130);
    s.background = s.dark ? IM_COL32(28, 30, 35, 255) : IM_COL32(255, 255, 255, 255);
    s.border = ImGui::GetColorU32(ImGuiCol_Border);
    s.other = s.dark ? IM_COL32(125, 125, 130, 255) : IM_COL32(165, 165, 170, 255);
    s.dim = ImGui::ColorConvertU32ToFloat4(s.background);
    return s;
}

// Key i's colour; "Other" is grey. Also uploaded as the GPU palette.
std::vector<ImU32> keyColors(const ChartStyle& s, std::size_t keys, bool has_other) {
    std::vector<ImU32> colors(keys);
    for (std::size_t i = 0; i < keys; ++i) colors[i] = kPalette[i % std::size(kPalette)];
    if (has_other && keys > 0) colors.back() = s.other;
    return colors;
}

ImVec2 textSize(const ChartStyle& s, const std::string& text) {
    return s.font->CalcTextSizeA(s.font_size, FLT_MAX, 0.0f, text.c_str());
}

void drawText(ImDrawList& dl, const ChartStyle& s, ImVec2 pos, ImU32 color, const std::string& text) {
    dl.AddText(s.font, s.font_size, ImVec2(std::floor(pos.x), std::floor(pos.y)), color, text.c_str());
}

// `text` cut to `max_width` with "..." (by whole UTF-8 characters).
std::string fitted(const ChartStyle& s, const std::string& text, float max_width) {
    if (textSize(s, text).x <= max_width) return text;
    std::string out = text;
    while (!out.empty() && textSize(s, out + "...").x > max_width) {
        out.pop_back();
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    }
    return out + "...";
}

// Title, then one legend entry per key wrapping over rows; returns the y below.
float paintHeader(ImDrawList& dl, const ChartStyle& s, const ImRect& frame, const std::string& title,
                  std::span<const std::string> keys, const std::vector<ImU32>& colors) {
    float x0 = frame.Min.x + 10, right = frame.Max.x - 10;
    float y = frame.Min.y + 8;
    drawText(dl, s, ImVec2(x0, y), s.text, fitted(s, title, right - x0));
    y += s.line + 4;
    float x = x0, swatch = std::round(s.font_size * 0.75f);
    for (std::size_t k = 0; k < keys.size(); ++k) {
        std::string label = fitted(s, keys[k], 220);
        float w = swatch + 5 + textSize(s, label).x + 16;
        if (x > x0 && x + w > right) {
            x = x0;
            y += s.line;
        }
        float sy = y + std::round((s.line - 4 - swatch) * 0.5f);
        dl.AddRectFilled(ImVec2(x, sy), ImVec2(x + swatch, sy + swatch), colors[k], 2.0f);
        drawText(dl, s, ImVec2(x + swatch + 5, y), s.text, label);
        x += w;
    }
    return keys.empty() ? y : y + s.line + 2;
}

// The value axis: exact round ticks and their labels, and where they map.
struct ValueAxis {
    std::vector<core::Decimal> ticks;
    std::vector<std::string> labels;
    float label_width = 0;
    double min = 0, max = 1;
    float at(double v, float from, float to) const { return from + static_cast<float>((v - min) / (max - min)) * (to - from); }
};

ValueAxis valueAxis(const ChartStyle& s, const ChartBuffers& b, const core::ChartValueFormat& format, float length,
                    float spacing) {
    ValueAxis a;
    int target = std::clamp(static_cast<int>(length / spacing), 2, 10);
    a.ticks = core::axisTicks(b.low, b.high, target, core::minAxisStep(format));
    for (core::Decimal t : a.ticks) {
        a.labels.push_back(core::textFromAxisTick(t, format));
        a.label_width = std::max(a.label_width, textSize(s, a.labels.back()).x);
    }
    a.min = a.ticks.front().toDouble();
    a.max = a.ticks.back().toDouble();
    if (a.max <= a.min) a.max = a.min + 1;
    return a;
}

// Uploads the series when its fingerprint changed, and the palette when the keys or theme did.
template <typename Series, typename Geometry>
void prepare(ChartGpu& gpu, ChartCanvas& c, const Series& series, Geometry geometry, const std::vector<ImU32>& colors,
             const ChartStyle& s) {
    std::uint64_t fp = core::fingerprintOf(series);
    if (!c.buffers.has_series || c.buffers.fingerprint != fp) {
        core::ChartGeometry g = geometry(series);
        c.buffers.low = g.low;
        c.buffers.high = g.high;
        c.buffers.last_cut = g.last_cut;
        c.buffers.fingerprint = fp;
        c.buffers.has_series = true;
        if (gpu.ready()) gpu.upload(c.buffers, g.rects);
    }
    std::uint64_t palette_fp = colors.size() * 4 + (series.has_other ? 2 : 0) + (s.dark ? 1 : 0);
    if (gpu.ready()) gpu.setPalette(c.buffers, palette_fp, colors);
}

std::vector<ImU32> prepareStacked(ChartGpu& gpu, ChartCanvas& c, const core::StackedSeriesView& series,
                                  const ChartStyle& s) {
    std::vector<ImU32> colors = keyColors(s, series.keys.size(), series.has_other);
    prepare(gpu, c, series, core::geometryFromStacked, colors, s);
    return colors;
}

std::vector<ImU32> prepareBars(ChartGpu& gpu, ChartCanvas& c, const core::BarSeries& series, const ChartStyle& s) {
    std::vector<ImU32> colors = keyColors(s, series.keys.size(), series.has_other);
    prepare(gpu, c, series, [](const core::BarSeries& b) { return core::geometryFromBars(b); }, colors, s);
    return colors;
}

struct Hover {
    int column = -1;  // day or bar
    int key = -1;
};

// [SECTION] Stacked daily chart ------------------------------------------------

Hover stackedHover(const core::StackedSeriesView& series, const ImRect& plot, const ValueAxis& axis, ImVec2 mouse) {
    Hover h;
    if (!plot.Contains(mouse) || series.day_count == 0) return h;
    double t = (mouse.x - plot.Min.x) / plot.GetWidth();
    h.column = std::clamp(static_cast<int>(t * static_cast<double>(series.day_count)), 0, static_cast<int>(series.day_count) - 1);
    double v = axis.min + (plot.Max.y - mouse.y) / plot.GetHeight() * (axis.max - axis.min);
    double up = 0, down = 0;
    for (std::size_t k = 0; k < series.keys.size(); ++k) {
        double x = series.values[k][static_cast<std::size_t>(h.column)].toDouble();
        double& edge = x < 0 ? down : up;
        double lo = std::min(edge, edge + x), hi = std::max(edge, edge + x);
        if (x != 0 && v >= lo && v <= hi) h.key = static_cast<int>(k);
        edge += x;
    }
    return h;
}

// Paints the whole chart into `dl` over `frame`; `mouse` (screen only) picks the hover.
// Line i's colour: the text colour (never a key's), then the palette's far end.
ImU32 lineColor(const ChartStyle& s, std::size_t i) { return i == 0 ? s.text : kPalette[(std::size(kPalette) - 1 - i) % std::size(kPalette)]; }

// Lines over the stacks (a projection dashed, an earlier period solid): a
// segment between the centres of neighbouring days that both have a value.
void paintLines(ImDrawList& dl, const ChartStyle& s, const core::StackedSeriesView& series, const ImRect& plot,
                const ValueAxis& axis, float day_w) {
    for (std::size_t i = 0; i < series.lines.size(); ++i) {
        const core::ChartLine& line = series.lines[i];
        const ImU32 color = lineColor(s, i);
        auto point = [&](std::size_t d) {
            return ImVec2(plot.Min.x + (static_cast<float>(d) + 0.5f) * day_w,
                          axis.at(line.values[d]->toDouble(), plot.Max.y, plot.Min.y));
        };
        const std::size_t n = std::min(line.values.size(), series.day_count);
        for (std::size_t d = 0; d < n; ++d) {
            if (!line.values[d]) continue;
            const ImVec2 a = point(d);
            dl.AddCircleFilled(a, 2.5f, color);
            if (d + 1 >= n || !line.values[d + 1]) continue;
            const ImVec2 b = point(d + 1);
            if (!line.dashed) {
                dl.AddLine(a, b, color, 2.0f);
                continue;
            }
            const float len = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
            for (float t = 0; t < len; t += 8.0f) {  // 5 px dash, 3 px gap
                const float u0 = t / len, u1 = std::min(t + 5.0f, len) / len;
                dl.AddLine(ImVec2(a.x + (b.x - a.x) * u0, a.y + (b.y - a.y) * u0),
                           ImVec2(a.x + (b.x - a.x) * u1, a.y + (b.y - a.y) * u1), color, 2.0f);
            }
        }
    }
}

// `day_labels_out` (screen only) gets the day labels drawn, for the test hook.
Hover paintStacked(ImDrawList& dl, const ChartStyle& s, const ImRect& frame, ImVec2 display_size,
                   const std::string& title, const core::StackedSeriesView& series, const std::vector<ImU32>& colors,
                   ChartGpu& gpu, ChartCanvas& canvas, ChartDrawCall& call, const ImVec2* mouse, ImRect* plot_out,
                   std::vector<std::string>* day_labels_out = nullptr) {
    std::vector<std::string> legend = core::legendLabels(series);
    std::vector<ImU32> legend_colors = colors;
    for (std::size_t i = 0; i < series.lines.size(); ++i) {
        legend.push_back(series.lines[i].label);
        legend_colors.push_back(lineColor(s, i));
    }
    float top = paintHeader(dl, s, frame, title, legend, legend_colors) + s.line * 0.5f;
    float bottom = frame.Max.y - s.line - 10;
    ValueAxis axis = valueAxis(s, canvas.buffers, series.format, bottom - top, s.line * 2.5f);
    ImRect plot(ImVec2(frame.Min.x + axis.label_width + 18, top), ImVec2(frame.Max.x - 14, bottom));
    *plot_out = plot;
    if (plot.GetWidth() < 16 || plot.GetHeight() < 16 || series.day_count == 0) return {};
    Hover hover = mouse ? stackedHover(series, plot, axis, *mouse) : Hover{};

    for (std::size_t i = 0; i < axis.ticks.size(); ++i) {
        float y = std::round(axis.at(axis.ticks[i].toDouble(), plot.Max.y, plot.Min.y));
        dl.AddLine(ImVec2(plot.Min.x, y), ImVec2(plot.Max.x, y), axis.ticks[i].isZero() ? s.axis : s.grid);
        float w = textSize(s, axis.labels[i]).x;
        drawText(dl, s, ImVec2(plot.Min.x - 8 - w, y - s.font_size * 0.5f), s.muted, axis.labels[i]);
    }
    float day_w = plot.GetWidth() / static_cast<float>(series.day_count);
    call.buffers = &canvas.buffers;
    call.params = ChartDrawParams{ImVec2(0, 0), display_size, ImVec4(plot.Min.x, plot.Min.y, plot.Max.x, plot.Max.y),
                                  ImVec2(0, static_cast<float>(axis.min)),
                                  ImVec2(static_cast<float>(series.day_count), static_cast<float>(axis.max)),
                                  day_w >= 4 ? 0.78f : 1.0f, 0,
                                  ImVec2(static_cast<float>(hover.column), static_cast<float>(hover.key)), s.dim};
    gpu.addDraw(dl, call);
    paintLines(dl, s, series, plot, axis, day_w);

    // Short day labels ("3 Nov", the month on its first day), as many as fit
    // without touching; the hover has the full date. The hovered day is marked.
    float label_w = textSize(s, core::kWidestDayAxisLabel).x + 18;
    auto fit = std::max<std::size_t>(1, static_cast<std::size_t>(plot.GetWidth() / label_w));
    std::size_t step = (series.day_count + fit - 1) / fit;
    for (std::size_t d = 0; d < series.day_count; d += step) {
        std::string label = core::dayAxisLabel(core::addDays(series.first_day, static_cast<std::int64_t>(d)));
        if (day_labels_out) day_labels_out->push_back(label);
        float cx = plot.Min.x + (static_cast<float>(d) + 0.5f) * day_w;
        float x = std::clamp(cx - textSize(s, label).x * 0.5f, frame.Min.x + 4, frame.Max.x - 4 - textSize(s, label).x);
        dl.AddLine(ImVec2(std::round(cx), plot.Max.y), ImVec2(std::round(cx), plot.Max.y + 4), s.axis);
        drawText(dl, s, ImVec2(x, plot.Max.y + 6), s.muted, label);
    }
    if (hover.column >= 0) {
        float x0 = plot.Min.x + static_cast<float>(hover.column) * day_w;
        dl.AddRect(ImVec2(std::floor(x0), plot.Min.y), ImVec2(std::ceil(x0 + day_w), plot.Max.y), s.axis);
    }
    return hover;
}

void colorSwatch(ImU32 color) {
    float size = std::round(ImGui::GetFontSize() * 0.75f);
    ImVec2 p = ImGui::GetCursorScreenPos();
    float dy = std::round((ImGui::GetTextLineHeight() - size) * 0.5f);
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + dy), ImVec2(p.x + size, p.y + dy + size), color, 2.0f);
    ImGui::Dummy(ImVec2(size, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
}

// Tooltip lines; the hovered one in the accent colour. Registered for tests with all its text.
void tooltip(WidgetRegistry& reg, const std::string& id, const std::vector<std::string>& lines,
             const std::vector<ImU32>& swatches, int highlight) {
    ImGui::BeginTooltip();
    std::string all;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i < swatches.size() && swatches[i] != 0) colorSwatch(swatches[i]);
        if (static_cast<int>(i) == highlight)
            ImGui::TextColored(ImGui::GetStyle().Colors[ImGuiCol_ButtonActive], "%s", lines[i].c_str());
        else
            ImGui::TextUnformatted(lines[i].c_str());
        all += (i ? "\n" : "") + lines[i];
    }
    ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    reg.put(id + ".tooltip", WidgetRect{pos.x, pos.y, size.x, size.y, true, all});
    ImGui::EndTooltip();
}

void stackedTooltip(WidgetRegistry& reg, const std::string& id, const core::StackedSeriesView& series,
                    const std::vector<ImU32>& colors, Hover hover) {
    auto d = static_cast<std::size_t>(hover.column);
    std::vector<std::string> lines{core::isoFromDate(core::addDays(series.first_day, static_cast<std::int64_t>(d))),
                                   "Total: " + core::textFromChartValue(series.day_totals[d], series.format)};
    std::vector<ImU32> swatches{0, 0};
    const std::vector<std::string> legend = core::legendLabels(series);
    for (std::size_t k = 0; k < series.keys.size(); ++k) {
        lines.push_back(legend[k] + ": " + core::textFromChartValue(series.values[k][d], series.format));
        swatches.push_back(colors[k]);
    }
    for (std::size_t i = 0; i < series.lines.size(); ++i) {
        const auto& v = d < series.lines[i].values.size() ? series.lines[i].values[d] : std::nullopt;
        if (!v) continue;
        lines.push_back(series.lines[i].label + ": " + core::textFromChartValue(*v, series.format));
        swatches.push_back(0);
    }
    tooltip(reg, id, lines, swatches, hover.key >= 0 ? hover.key + 2 : -1);
}

// [SECTION] Top-N bar chart ------------------------------------------------------

float maxBarRow(const ChartStyle& s) { return std::round(s.line * 2.6f); }

std::string barLabel(const core::BarSeries& series, std::size_t i) {
    if (series.has_other && i + 1 == series.keys.size())
        return core::otherLabel(series.other_key_count);
    return series.keys[i];
}

Hover paintBars(ImDrawList& dl, const ChartStyle& s, const ImRect& frame, ImVec2 display_size, const std::string& title,
                const core::BarSeries& series, ChartGpu& gpu, ChartCanvas& canvas, ChartDrawCall& call,
                const ImVec2* mouse, ImRect* plot_out) {
    float top = paintHeader(dl, s, frame, title, {}, {}) + 4;
    float bottom = frame.Max.y - s.line - 10;
    float key_w = 0, value_w = 0;
    std::vector<std::string> keys, values;
    for (std::size_t i = 0; i < series.keys.size(); ++i) {
        keys.push_back(fitted(s, barLabel(series, i), frame.GetWidth() * 0.3f));
        values.push_back(core::textFromChartValue(series.values[i], series.format));
        key_w = std::max(key_w, textSize(s, keys.back()).x);
        value_w = std::max(value_w, textSize(s, values.back()).x);
    }
    float left = frame.Min.x + key_w + 22, right = frame.Max.x - value_w - 22;
    ValueAxis axis = valueAxis(s, canvas.buffers, series.format, right - left, textSize(s, "000,000,000").x + 24);
    ImRect plot(ImVec2(left, top), ImVec2(right, bottom));
    *plot_out = plot;
    std::size_t n = series.keys.size();
    if (plot.GetWidth() < 16 || plot.GetHeight() < 16 || n == 0) return {};
    // Rows no thicker than a few text lines: six bars need not fill 500 pixels.
    float row_h = std::min(plot.GetHeight() / static_cast<float>(n), maxBarRow(s));
    plot.Max.y = plot.Min.y + row_h * static_cast<float>(n);
    *plot_out = plot;
    Hover hover;
    if (mouse && plot.Contains(*mouse)) {
        hover.column = std::clamp(static_cast<int>((mouse->y - plot.Min.y) / row_h), 0, static_cast<int>(n) - 1);
        hover.key = hover.column;
    }
    for (std::size_t i = 0; i < axis.ticks.size(); ++i) {
        float x = std::round(axis.at(axis.ticks[i].toDouble(), plot.Min.x, plot.Max.x));
        dl.AddLine(ImVec2(x, plot.Min.y), ImVec2(x, plot.Max.y + 4), axis.ticks[i].isZero() ? s.axis : s.grid);
        float w = textSize(s, axis.labels[i]).x;
        drawText(dl, s, ImVec2(std::clamp(x - w * 0.5f, frame.Min.x + 4, frame.Max.x - 4 - w), plot.Max.y + 6), s.muted,
                 axis.labels[i]);
    }
    call.buffers = &canvas.buffers;
    call.params = ChartDrawParams{ImVec2(0, 0), display_size, ImVec4(plot.Min.x, plot.Min.y, plot.Max.x, plot.Max.y),
                                  ImVec2(static_cast<float>(axis.min), static_cast<float>(n)),
                                  ImVec2(static_cast<float>(axis.max), 0), 0.68f, 1,
                                  ImVec2(static_cast<float>(hover.column), static_cast<float>(hover.key)), s.dim};
    gpu.addDraw(dl, call);
    float zero_x = axis.at(0, plot.Min.x, plot.Max.x);
    for (std::size_t i = 0; i < n; ++i) {
        float cy = plot.Min.y + (static_cast<float>(i) + 0.5f) * row_h - s.font_size * 0.5f;
        drawText(dl, s, ImVec2(plot.Min.x - 10 - textSize(s, keys[i]).x, cy), s.text, keys[i]);
        float end = axis.at(series.values[i].toDouble(), plot.Min.x, plot.Max.x);
        drawText(dl, s, ImVec2(std::clamp(std::max(end, zero_x) + 6, plot.Min.x, frame.Max.x - 6 - textSize(s, values[i]).x), cy),
                 s.text, values[i]);
    }
    if (canvas.buffers.last_cut) {  // "Other" runs off the scale: a break mark where it is cut
        float y0 = plot.Min.y + (static_cast<float>(n - 1) + 0.16f) * row_h, y1 = plot.Max.y - 0.16f * row_h;
        for (float x : {plot.Max.x - 30, plot.Max.x - 24})
            dl.AddLine(ImVec2(x, y1 + 3), ImVec2(x + 8, y0 - 3), s.background, 3.0f);
    }
    return hover;
}

void barTooltip(WidgetRegistry& reg, const std::string& id, const core::BarSeries& series,
                const std::vector<ImU32>& colors, Hover hover) {
    auto i = static_cast<std::size_t>(hover.column);
    tooltip(reg, id, {barLabel(series, i), core::textFromChartValue(series.values[i], series.format)}, {colors[i], 0}, -1);
}

// [SECTION] Screen and image entry points ----------------------------------------

// Reserves the chart's area at the cursor and paints its frame; `paint` does the rest.
template <typename Paint>
Hover drawOnScreen(const std::string& id, float height, const ChartStyle& s, WidgetRegistry& reg, Paint&& paint) {
    ImVec2 size(std::max(ImGui::GetContentRegionAvail().x, 200.0f), height);
    ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id.c_str(), size);
    bool hovered = ImGui::IsItemHovered();
    ImRect frame(min, ImVec2(min.x + size.x, min.y + size.y));
    ImDrawList& dl = *ImGui::GetWindowDrawList();
    dl.AddRectFilled(frame.Min, frame.Max, s.background, 4.0f);
    dl.AddRect(frame.Min, frame.Max, s.border, 4.0f);
    ImVec2 mouse = ImGui::GetIO().MousePos;
    ImRect plot;
    Hover hover = paint(dl, frame, hovered ? &mouse : nullptr, &plot);
    reg.put(id + ".plot", WidgetRect{plot.Min.x, plot.Min.y, plot.GetWidth(), plot.GetHeight(), true, {}});
    return hover;
}

}  // namespace

void drawStackedChart(const std::string& id, const std::string& title, const core::StackedSeriesView& series,
                      ChartGpu& gpu, ChartCanvas& canvas, WidgetRegistry& reg, float height) {
    ChartStyle s = chartStyle();
    std::vector<ImU32> colors = prepareStacked(gpu, canvas, series, s);
    ImVec2 display = ImGui::GetIO().DisplaySize;
    std::vector<std::string> day_labels;
    Hover hover = drawOnScreen(id, height, s, reg, [&](ImDrawList& dl, const ImRect& frame, const ImVec2* mouse, ImRect* plot) {
        return paintStacked(dl, s, frame, display, title, series, colors, gpu, canvas, canvas.screen, mouse, plot,
                            &day_labels);
    });
    // What the chart reads as, for tests: the legend and the day labels, " | " between entries.
    auto joined = [](const std::vector<std::string>& items) {
        std::string out;
        for (const std::string& item : items) out += (out.empty() ? "" : " | ") + item;
        return out;
    };
    const auto found = reg.rects().find(id + ".plot");
    const WidgetRect plot = found != reg.rects().end() ? found->second : WidgetRect{};
    reg.put(id + ".legend", WidgetRect{plot.x, plot.y, 0, 0, true, joined(core::legendLabels(series))});
    reg.put(id + ".days", WidgetRect{plot.x, plot.y + plot.h, plot.w, 0, true, joined(day_labels)});
    if (hover.column >= 0) stackedTooltip(reg, id, series, colors, hover);
    if (!gpu.error().empty()) ImGui::TextDisabled("%s", gpu.error().c_str());
}

void drawBarChart(const std::string& id, const std::string& title, const core::BarSeries& series, ChartGpu& gpu,
                  ChartCanvas& canvas, WidgetRegistry& reg, float height) {
    ChartStyle s = chartStyle();
    std::vector<ImU32> colors = prepareBars(gpu, canvas, series, s);
    ImVec2 display = ImGui::GetIO().DisplaySize;
    Hover hover = drawOnScreen(id, height, s, reg, [&](ImDrawList& dl, const ImRect& frame, const ImVec2* mouse, ImRect* plot) {
        return paintBars(dl, s, frame, display, title, series, gpu, canvas, canvas.screen, mouse, plot);
    });
    if (hover.column >= 0) barTooltip(reg, id, series, colors, hover);
    if (!gpu.error().empty()) ImGui::TextDisabled("%s", gpu.error().c_str());
}

float topNInputWidth() {
    const ImGuiStyle& st = ImGui::GetStyle();
    return ImGui::CalcTextSize("top").x + st.ItemSpacing.x + ImGui::CalcTextSize("000").x + st.FramePadding.x * 2 +
           2 * (st.ItemInnerSpacing.x + ImGui::GetFrameHeight());
}

bool topNInput(WidgetRegistry& reg, const char* id, std::size_t& n) {
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("top");
    ImGui::SameLine();
    int value = static_cast<int>(n);
    ImGui::PushID(id);
    // The field alone (no step buttons inside InputInt), so the test hook names the field itself.
    ImGui::SetNextItemWidth(ImGui::CalcTextSize("000").x + st.FramePadding.x * 2);
    bool changed = ImGui::InputInt("##top_n", &value, 0, 0);
    markItem(reg, id, std::to_string(std::clamp(value, 1, static_cast<int>(core::kChartMaxTopN))));
    ImGui::SameLine(0, st.ItemInnerSpacing.x);
    if (ImGui::Button("-", ImVec2(ImGui::GetFrameHeight(), 0))) {
        --value;
        changed = true;
    }
    markItem(reg, std::string(id) + ".minus");
    ImGui::SameLine(0, st.ItemInnerSpacing.x);
    if (ImGui::Button("+", ImVec2(ImGui::GetFrameHeight(), 0))) {
        ++value;
        changed = true;
    }
    markItem(reg, std::string(id) + ".plus");
    ImGui::PopID();
    if (changed) n = static_cast<std::size_t>(std::clamp(value, 1, static_cast<int>(core::kChartMaxTopN)));
    return changed;
}

float barChartHeight(const core::BarSeries& series) {
    ChartStyle s = chartStyle();
    // paintBars: title row, gap, the rows, value labels under them, margins.
    return 8 + s.line + 4 + 4 + maxBarRow(s) * static_cast<float>(series.keys.size()) + s.line + 10 + 8;
}

ChartImage stackedChartImage(const std::string& title, const core::StackedSeriesView& series, ChartGpu& gpu,
                             ChartCanvas& canvas, ImVec2 size) {
    ChartStyle s = chartStyle();
    std::vector<ImU32> colors = prepareStacked(gpu, canvas, series, s);
    OffscreenChart image(size, s.background);
    ChartDrawCall call;
    ImRect plot;
    paintStacked(image.list(), s, ImRect(ImVec2(0, 0), size), size, title, series, colors, gpu, canvas, call, nullptr, &plot);
    return image.render(std::max(1.0f, ImGui::GetIO().DisplayFramebufferScale.x));
}

ChartImage barChartImage(const std::string& title, const core::BarSeries& series, ChartGpu& gpu, ChartCanvas& canvas,
                         ImVec2 size) {
    ChartStyle s = chartStyle();
    prepareBars(gpu, canvas, series, s);
    OffscreenChart image(size, s.background);
    ChartDrawCall call;
    ImRect plot;
    paintBars(image.list(), s, ImRect(ImVec2(0, 0), size), size, title, series, gpu, canvas, call, nullptr, &plot);
    return image.render(std::max(1.0f, ImGui::GetIO().DisplayFramebufferScale.x));
}

}  // namespace ud::ui
