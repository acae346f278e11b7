// ChartGpu: compiles shaders/chart_rects_*.glsl (embedded by CMake into
// generated/shaders.h), uploads instance buffers and palettes, draws through an
// ImDrawList callback, and renders charts into an FBO for PNG export. The
// callback is followed by ImDrawCallback_ResetRenderState, so the ImGui
// renderer (ui/imgui_gl.h) sets its own program, VAO, blend, viewport and
// scissor again afterwards.
#include "ui/chart_gpu.h"

#include <GLES3/gl3.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "shaders.h"
#include "ui/gl_program.h"
#include "ui/imgui_gl.h"

namespace ud::ui {
namespace {

void drawCallback(const ImDrawList*, const ImDrawCmd* cmd) {
    const auto* call = static_cast<const ChartDrawCall*>(cmd->UserCallbackData);
    call->gpu->render(*call, cmd->ClipRect);
}

}  // namespace

bool ChartGpu::ready() {
    if (compiled_) return program_ != 0;
    compiled_ = true;
    GLuint program = glProgramFrom(kShader_chart_rects_vs, kShader_chart_rects_fs);
    error_ = glProgramError(program, "chart program");
    if (!error_.empty()) {
        glDeleteProgram(program);
        return false;
    }
    program_ = program;
    u_data_min_ = glGetUniformLocation(program, "u_data_min");
    u_data_max_ = glGetUniformLocation(program, "u_data_max");
    u_plot_ = glGetUniformLocation(program, "u_plot");
    u_fb_size_ = glGetUniformLocation(program, "u_fb_size");
    u_fill_ = glGetUniformLocation(program, "u_fill");
    u_band_axis_ = glGetUniformLocation(program, "u_band_axis");
    u_hover_ = glGetUniformLocation(program, "u_hover");
    u_dim_ = glGetUniformLocation(program, "u_dim");
    u_palette_ = glGetUniformLocation(program, "u_palette");
    return true;
}

void ChartGpu::upload(ChartBuffers& b, std::span<const core::ChartRect> rects) {
    if (b.vao == 0) {
        glGenVertexArrays(1, &b.vao);
        glGenBuffers(1, &b.vbo);
    }
    GLint last_buffer = 0;
    glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &last_buffer);
    glBindVertexArray(b.vao);
    glBindBuffer(GL_ARRAY_BUFFER, b.vbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(rects.size_bytes()), rects.data(), GL_STATIC_DRAW);
    constexpr GLsizei kStride = sizeof(core::ChartRect);
    static_assert(kStride == 6 * sizeof(float), "ChartRect is read by the shader as vec4 + vec2");
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, kStride, nullptr);
    glVertexAttribDivisor(0, 1);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, kStride, reinterpret_cast<const void*>(4 * sizeof(float)));
    glVertexAttribDivisor(1, 1);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, static_cast<GLuint>(last_buffer));
    b.count = static_cast<int>(rects.size());
}

void ChartGpu::setPalette(ChartBuffers& b, std::uint64_t fingerprint, std::span<const ImU32> colors) {
    if (b.palette != 0 && b.palette_fingerprint == fingerprint) return;
    if (b.palette == 0) glGenTextures(1, &b.palette);
    GLint last_texture = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last_texture);
    glBindTexture(GL_TEXTURE_2D, b.palette);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    // ImU32 is 0xAABBGGRR: in memory R, G, B, A on little-endian wasm, as GL_RGBA wants.
    ImU32 none = 0xff808080u;
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, std::max<GLsizei>(1, static_cast<GLsizei>(colors.size())), 1, 0, GL_RGBA,
                 GL_UNSIGNED_BYTE, colors.empty() ? &none : colors.data());
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last_texture));
    b.palette_fingerprint = fingerprint;
}

void ChartGpu::addDraw(ImDrawList& list, ChartDrawCall& call) {
    call.gpu = this;
    if (!ready() || !call.buffers || call.buffers->count == 0) return;
    list.AddCallback(drawCallback, &call);
    list.AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

void ChartGpu::render(const ChartDrawCall& call, const ImVec4& clip_rect) {
    const ChartDrawParams& p = call.params;
    const ImVec2 target = imguiGlTargetSize();  // the framebuffer ImGui's lists are going to
    const float fb_w = target.x, fb_h = target.y;
    float sx = fb_w / p.display_size.x, sy = fb_h / p.display_size.y;
    auto toPixels = [&](const ImVec4& r) {
        return ImVec4((r.x - p.display_pos.x) * sx, (r.y - p.display_pos.y) * sy, (r.z - p.display_pos.x) * sx,
                      (r.w - p.display_pos.y) * sy);
    };
    ImVec4 plot = toPixels(p.plot);
    ImVec4 clip = toPixels(clip_rect);  // the window's clip: a scrolled chart is cut like its labels
    float left = std::max(plot.x, clip.x), top = std::max(plot.y, clip.y);
    float right = std::min(plot.z, clip.z), bottom = std::min(plot.w, clip.w);
    if (right <= left || bottom <= top) return;
    glEnable(GL_SCISSOR_TEST);
    glScissor(static_cast<GLint>(std::floor(left)), static_cast<GLint>(std::floor(fb_h - bottom)),
              static_cast<GLsizei>(std::ceil(right - left)), static_cast<GLsizei>(std::ceil(bottom - top)));
    glUseProgram(program_);
    glUniform2f(u_data_min_, p.data_min.x, p.data_min.y);
    glUniform2f(u_data_max_, p.data_max.x, p.data_max.y);
    glUniform4f(u_plot_, plot.x, plot.y, plot.z, plot.w);
    glUniform2f(u_fb_size_, fb_w, fb_h);
    glUniform1f(u_fill_, p.fill);
    glUniform1i(u_band_axis_, p.band_axis);
    glUniform2f(u_hover_, p.hover.x, p.hover.y);
    glUniform4f(u_dim_, p.dim.x, p.dim.y, p.dim.z, p.dim.w);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, call.buffers->palette);
    glUniform1i(u_palette_, 0);
    glBindVertexArray(call.buffers->vao);
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, call.buffers->count);
    glBindVertexArray(0);
}

OffscreenChart::OffscreenChart(ImVec2 size, ImU32 background)
    : size_(size), background_(background), list_(ImGui::GetDrawListSharedData()) {
    list_._ResetForNewFrame();
    list_.Flags = ImDrawListFlags_AntiAliasedLines | ImDrawListFlags_AntiAliasedFill;
    list_.PushTextureID(ImGui::GetIO().Fonts->TexID);
    list_.PushClipRect(ImVec2(0, 0), size_);
    list_.AddRectFilled(ImVec2(0, 0), size_, background_);
}

ChartImage OffscreenChart::render(float scale) {
    list_._PopUnusedDrawCmd();
    ImDrawList* lists[] = {&list_};
    ImDrawData data;
    data.Valid = true;
    data.CmdLists = lists;
    data.CmdListsCount = 1;
    data.TotalVtxCount = list_.VtxBuffer.Size;
    data.TotalIdxCount = list_.IdxBuffer.Size;
    data.DisplayPos = ImVec2(0, 0);
    data.DisplaySize = size_;
    data.FramebufferScale = ImVec2(scale, scale);

    ChartImage image;
    image.width = static_cast<int>(std::lround(size_.x * scale));
    image.height = static_cast<int>(std::lround(size_.y * scale));
    if (image.width <= 0 || image.height <= 0) return {};
    GLint last_fb = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &last_fb);
    GLuint texture = 0, fb = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glGenFramebuffers(1, &fb);
    glBindFramebuffer(GL_FRAMEBUFFER, fb);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, 0);
    bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    if (complete) {
        ImVec4 bg = ImGui::ColorConvertU32ToFloat4(background_);
        glViewport(0, 0, image.width, image.height);
        glDisable(GL_SCISSOR_TEST);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        imguiGlRender(data);
        std::vector<std::uint8_t> flipped(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4);
        glPixelStorei(GL_PACK_ALIGNMENT, 4);
        glReadPixels(0, 0, image.width, image.height, GL_RGBA, GL_UNSIGNED_BYTE, flipped.data());
        // GL rows run bottom to top; PNG rows top to bottom.
        std::size_t row = static_cast<std::size_t>(image.width) * 4;
        image.rgba.resize(flipped.size());
        for (int y = 0; y < image.height; ++y)
            std::memcpy(&image.rgba[static_cast<std::size_t>(y) * row],
                        &flipped[static_cast<std::size_t>(image.height - 1 - y) * row], row);
        for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;  // opaque file
    }
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(last_fb));
    glDeleteFramebuffers(1, &fb);
    glDeleteTextures(1, &texture);
    if (!complete) return {};
    return image;
}

}  // namespace ud::ui
