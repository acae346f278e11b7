// WebGL2 drawing of chart rectangles (shaders/chart_rects_*.glsl): one program
// compiled on first use, one instance buffer per chart uploaded only when its
// series changes, and a draw queued into an ImDrawList as a callback, so ImGui
// renders the bars between the chart's grid (before) and its labels (after).
// Axes, text and hover stay ImGui's; this file knows nothing of series.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/table/chart_series.h"

namespace ud::ui {

class ChartGpu;

// One chart's data on the GPU. Owned by the panel's UI state (never a static).
struct ChartBuffers {
    unsigned vao = 0, vbo = 0, palette = 0;  // GL names, 0 = not created yet
    int count = 0;                            // rectangles uploaded
    bool has_series = false;                  // fingerprint, low and high are set
    std::uint64_t fingerprint = 0;            // of the series uploaded
    std::uint64_t palette_fingerprint = 0;
    core::Decimal low, high;                  // exact extent of what was uploaded
    bool last_cut = false;                    // the last bar runs past high (core::ChartGeometry)
};

// Where and how one draw goes. Rectangles are in display coordinates of the
// target (the screen, or an offscreen image for PNG export).
struct ChartDrawParams {
    ImVec2 display_pos{0, 0};
    ImVec2 display_size{1, 1};
    ImVec4 plot{0, 0, 1, 1};     // left, top, right, bottom
    ImVec2 data_min{0, 0};       // data value at the plot's left / bottom
    ImVec2 data_max{1, 1};       // ... right / top
    float fill = 0.8f;           // share of a day or bar band that is drawn
    int band_axis = 0;           // 0: bands along x (days), 1: along y (bars)
    ImVec2 hover{-1, -1};        // column and key under the mouse
    ImVec4 dim{0, 0, 0, 1};      // colour other columns fade towards while hovering
};

// A queued draw; must live until ImGui has rendered the list it went into.
struct ChartDrawCall {
    ChartGpu* gpu = nullptr;
    const ChartBuffers* buffers = nullptr;
    ChartDrawParams params;
};

class ChartGpu {
public:
    // Compiles the program the first time; false when WebGL2 refused it (see error()).
    bool ready();
    const std::string& error() const { return error_; }

    // Replaces the rectangles of `buffers` (the caller checks the fingerprint first).
    void upload(ChartBuffers& buffers, std::span<const core::ChartRect> rects);
    // One colour per key (texel i = key i); re-uploaded only when `fingerprint` changes.
    void setPalette(ChartBuffers& buffers, std::uint64_t fingerprint, std::span<const ImU32> colors);
    // Queues `call` in `list`, then ImGui's own render state again.
    void addDraw(ImDrawList& list, ChartDrawCall& call);

    // Called by ImGui's renderer through the draw callback.
    void render(const ChartDrawCall& call, const ImVec4& clip_rect);

private:
    bool compiled_ = false;
    unsigned program_ = 0;
    int u_data_min_ = -1, u_data_max_ = -1, u_plot_ = -1, u_fb_size_ = -1, u_fill_ = -1, u_band_axis_ = -1,
        u_hover_ = -1, u_dim_ = -1, u_palette_ = -1;
    std::string error_;
};

struct ChartImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba;  // width * height * 4 bytes, rows top to bottom
};

// A chart drawn off screen for PNG export: paint into list() over 0..size as
// on screen (GPU draws included), then render() draws it into a framebuffer
// object at `scale` pixels per unit and reads the pixels back. Use inside an
// ImGui frame (it needs the font atlas and the OpenGL3 backend).
class OffscreenChart {
public:
    OffscreenChart(ImVec2 size, ImU32 background);
    ImDrawList& list() { return list_; }
    ChartImage render(float scale);

private:
    ImVec2 size_;
    ImU32 background_;
    ImDrawList list_;
};

}  // namespace ud::ui
