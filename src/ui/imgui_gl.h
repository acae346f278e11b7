// Dear ImGui's draw lists drawn with WebGL2 (shaders/imgui_*.glsl), in place
// of ImGui's OpenGL3 backend. That backend saves and restores some twenty
// pieces of GL state around every frame with glGet* calls, and in a browser
// several of them are a round trip to the GPU process: about 36 ms of the
// first frame here (README, Benchmarks). This one sets the state it needs and
// reads none back: after imguiGlRender the scissor test is off and no vertex
// array is bound; blending stays on.
#pragma once

#include <imgui.h>

namespace ud::ui {

// After the GL context exists: the program, the vertex array and its buffers.
void imguiGlInit();
// The font atlas as a texture (after the atlas is built), and its release.
void imguiGlCreateFontsTexture();
void imguiGlDestroyFontsTexture();
// Draws `data` into the bound framebuffer, whose size is DisplaySize times
// FramebufferScale. Draw callbacks run in between; ImDrawCallback_ResetRenderState
// sets this renderer's state again.
void imguiGlRender(const ImDrawData& data);
// The framebuffer size (pixels) of the imguiGlRender call under way, for draw callbacks.
ImVec2 imguiGlTargetSize();

}  // namespace ud::ui
