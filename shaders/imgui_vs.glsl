#version 300 es
// Dear ImGui's vertices (ui/imgui_gl.cpp): position in display units, the
// font atlas coordinate and a colour. Display units go to clip space through
// a_to_clip (scale in xy, offset in zw), a constant vertex attribute set with
// glVertexAttrib4f rather than a uniform: looking up a uniform's location makes
// the browser wait for the GPU process to link the program.
precision highp float;

layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;
layout(location = 3) in vec4 a_to_clip;

out vec2 v_uv;
out vec4 v_color;

void main() {
    v_uv = a_uv;
    v_color = a_color;
    gl_Position = vec4(a_pos * a_to_clip.xy + a_to_clip.zw, 0.0, 1.0);
}
