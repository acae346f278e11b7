#version 300 es
// Flat colour per rectangle (chosen in chart_rects_vs.glsl).
precision mediump float;

flat in vec4 v_color;
out vec4 o_color;

void main() { o_color = v_color; }
