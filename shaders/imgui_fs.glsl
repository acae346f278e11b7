#version 300 es
// Dear ImGui's fragments: vertex colour times the bound texture (the font
// atlas, or a chart image). The sampler reads texture unit 0, its default, so
// the program has no uniform to set.
precision mediump float;

uniform sampler2D u_texture;

in vec2 v_uv;
in vec4 v_color;

layout(location = 0) out vec4 o_color;

void main() {
    o_color = v_color * texture(u_texture, v_uv);
}
