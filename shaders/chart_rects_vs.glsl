#version 300 es
// Chart rectangles, one instance each (ui/chart_gpu.cpp uploads core::ChartRect
// once per series: rect in data units, then key and column). The four corners
// come from gl_VertexID, so there is no vertex buffer, only the instance buffer.
// Data units map to the plot rectangle in framebuffer pixels, then to clip space;
// the viewport is the whole framebuffer. Per frame only uniforms change.
precision highp float;

layout(location = 0) in vec4 a_rect;  // x0, x1, y0, y1 (data units)
layout(location = 1) in vec2 a_meta;  // key (palette texel), column (day or bar)

uniform vec2 u_data_min;   // data value at the plot's left / bottom edge
uniform vec2 u_data_max;   // ... right / top edge (bars pass y reversed: index 0 on top)
uniform vec4 u_plot;       // plot rectangle in framebuffer pixels: left, top, right, bottom
uniform vec2 u_fb_size;    // framebuffer size in pixels
uniform float u_fill;      // share of a column's band a bar covers (the rest is gap)
uniform int u_band_axis;   // 0: columns run along x (days); 1: along y (horizontal bars)
uniform vec2 u_hover;      // column and key under the mouse, -1 when none
uniform vec4 u_dim;        // colour that columns other than the hovered one fade towards
uniform sampler2D u_palette;  // one RGBA texel per key

flat out vec4 v_color;

vec2 pixelFrom(vec2 data) {
    vec2 t = (data - u_data_min) / (u_data_max - u_data_min);
    return vec2(mix(u_plot.x, u_plot.z, t.x), mix(u_plot.w, u_plot.y, t.y));
}

void main() {
    vec4 r = a_rect;
    float inset = 0.5 * (1.0 - u_fill);
    if (u_band_axis == 0) {
        float w = r.y - r.x;
        r.xy += vec2(w * inset, -w * inset);
    } else {
        float h = r.w - r.z;
        r.zw += vec2(h * inset, -h * inset);
    }
    vec2 p0 = pixelFrom(r.xz);
    vec2 p1 = pixelFrom(r.yw);
    vec2 lo = min(p0, p1);
    vec2 hi = max(p0, p1);
    // At least one pixel across, so a thousand days in 800 pixels stay visible.
    vec2 grow = max(vec2(1.0) - (hi - lo), vec2(0.0)) * 0.5;
    lo -= grow;
    hi += grow;
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
    vec2 px = mix(lo, hi, corner);
    gl_Position = vec4(px.x / u_fb_size.x * 2.0 - 1.0, 1.0 - px.y / u_fb_size.y * 2.0, 0.0, 1.0);

    vec4 color = texelFetch(u_palette, ivec2(int(a_meta.x + 0.5), 0), 0);
    if (u_hover.x >= 0.0) {
        bool in_column = abs(a_meta.y - u_hover.x) < 0.5;
        if (!in_column) color.rgb = mix(color.rgb, u_dim.rgb, 0.45);
        else if (abs(a_meta.x - u_hover.y) < 0.5) color.rgb = mix(color.rgb, vec3(1.0), 0.25);
    }
    v_color = color;
}
