// ChartGpu without a GPU, for the native ui build (tests draw every panel with
// ImGui and no backend). CMake picks this file instead of chart_gpu.cpp: the
// charts' axes, labels and hover are still drawn by ImGui; the rectangles are
// not, and ready() says why, as it would if WebGL2 refused the shaders.
#include "ui/chart_gpu.h"

namespace ud::ui {

bool ChartGpu::ready() {
    error_ = "No GPU in this build: chart bars are not drawn.";
    return false;
}
void ChartGpu::upload(ChartBuffers& buffers, std::span<const core::ChartRect> rects) {
    buffers.count = static_cast<int>(rects.size());
}
void ChartGpu::setPalette(ChartBuffers& buffers, std::uint64_t fingerprint, std::span<const ImU32>) {
    buffers.palette_fingerprint = fingerprint;
}
void ChartGpu::addDraw(ImDrawList&, ChartDrawCall& call) { call.gpu = this; }
void ChartGpu::render(const ChartDrawCall&, const ImVec4&) {}

OffscreenChart::OffscreenChart(ImVec2 size, ImU32 background)
    : size_(size), background_(background), list_(ImGui::GetDrawListSharedData()) {
    list_._ResetForNewFrame();
    list_.PushTextureID(ImGui::GetIO().Fonts->TexID);
    list_.PushClipRect(ImVec2(0, 0), size_);
}
ChartImage OffscreenChart::render(float) { return {}; }

}  // namespace ud::ui
