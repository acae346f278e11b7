#include "ui/imgui_gl.h"

#include <GLES3/gl3.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "shaders.h"
#include "ui/gl_program.h"

namespace ud::ui {
namespace {

// One renderer per page (one GL context).
struct Renderer {
    GLuint program = 0;
    GLuint vao = 0, vertices = 0, indices = 0;
    GLuint font_texture = 0;
    bool link_checked = false;
    ImVec2 target;
};
Renderer g;

constexpr GLuint kToClip = 3;  // a_to_clip's location (shaders/imgui_vs.glsl)

void setRenderState(const ImDrawData& data, int fb_w, int fb_h) {
    glViewport(0, 0, fb_w, fb_h);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(g.program);
    // Display rectangle to clip space, y down (ImGui's orthographic projection).
    const float l = data.DisplayPos.x, r = l + data.DisplaySize.x;
    const float t = data.DisplayPos.y, b = t + data.DisplaySize.y;
    glVertexAttrib4f(kToClip, 2.0f / (r - l), 2.0f / (t - b), (r + l) / (l - r), (t + b) / (b - t));
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vertices);
}

// The link status, read once after the first frame's draws: by then the
// browser has waited for the link anyway (glUseProgram), so reading it costs
// nothing, where reading it at start-up would wait for the GPU process.
void checkLinkOnce() {
    if (g.link_checked) return;
    g.link_checked = true;
    const std::string error = glProgramError(g.program, "ImGui program");
    if (!error.empty()) std::printf("UsageDesk: WebGL2 refused a shader: %s\n", error.c_str());
}

}  // namespace

void imguiGlInit() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "ud_webgl2";
    g.program = glProgramFrom(kShader_imgui_vs, kShader_imgui_fs);
    // The vertex layout lives in the vertex array, set once (ImDrawVert: pos, uv, col).
    glGenVertexArrays(1, &g.vao);
    glGenBuffers(1, &g.vertices);
    glGenBuffers(1, &g.indices);
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vertices);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.indices);
    constexpr GLsizei kStride = sizeof(ImDrawVert);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, kStride,
                          reinterpret_cast<const void*>(static_cast<std::uintptr_t>(offsetof(ImDrawVert, pos))));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, kStride,
                          reinterpret_cast<const void*>(static_cast<std::uintptr_t>(offsetof(ImDrawVert, uv))));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, kStride,
                          reinterpret_cast<const void*>(static_cast<std::uintptr_t>(offsetof(ImDrawVert, col))));
    glBindVertexArray(0);
}

void imguiGlCreateFontsTexture() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    glGenTextures(1, &g.font_texture);
    glBindTexture(GL_TEXTURE_2D, g.font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(g.font_texture)));
}

void imguiGlDestroyFontsTexture() {
    if (!g.font_texture) return;
    glDeleteTextures(1, &g.font_texture);
    ImGui::GetIO().Fonts->SetTexID(nullptr);
    g.font_texture = 0;
}

void imguiGlRender(const ImDrawData& data) {
    const int fb_w = static_cast<int>(data.DisplaySize.x * data.FramebufferScale.x);
    const int fb_h = static_cast<int>(data.DisplaySize.y * data.FramebufferScale.y);
    if (fb_w <= 0 || fb_h <= 0) return;
    g.target = ImVec2(static_cast<float>(fb_w), static_cast<float>(fb_h));
    setRenderState(data, fb_w, fb_h);
    const ImVec2 clip_off = data.DisplayPos, clip_scale = data.FramebufferScale;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.VtxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
                     list.VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.IdxBuffer.Size) * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                     list.IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
                setRenderState(data, fb_w, fb_h);
                continue;
            }
            if (cmd.UserCallback) {
                cmd.UserCallback(&list, &cmd);
                continue;
            }
            const ImVec2 min((cmd.ClipRect.x - clip_off.x) * clip_scale.x, (cmd.ClipRect.y - clip_off.y) * clip_scale.y);
            const ImVec2 max((cmd.ClipRect.z - clip_off.x) * clip_scale.x, (cmd.ClipRect.w - clip_off.y) * clip_scale.y);
            if (max.x <= min.x || max.y <= min.y) continue;
            glScissor(static_cast<GLint>(min.x), static_cast<GLint>(static_cast<float>(fb_h) - max.y),
                      static_cast<GLsizei>(max.x - min.x), static_cast<GLsizei>(max.y - min.y));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                           sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                           reinterpret_cast<const void*>(static_cast<std::uintptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
    glDisable(GL_SCISSOR_TEST);  // the next glClear covers the whole framebuffer
    glBindVertexArray(0);
    checkLinkOnce();
}

ImVec2 imguiGlTargetSize() { return g.target; }

}  // namespace ud::ui
