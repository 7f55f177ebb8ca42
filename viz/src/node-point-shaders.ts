// The GLSL of the viewer's node point sprites (node-point-programs.ts), apart from sigma so that the first frame
// (first-frame.ts, drawn before sigma loads) draws nodes with the very same shaders.

// Same vertex shader as sigma's NodePointProgram; v_feather is one pixel as a share of the sprite.
export const VERTEX_SHADER = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute float a_size;
uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform mat3 u_matrix;
varying vec4 v_color;
varying float v_feather;
const float bias = 255.0 / 254.0;
void main() {
  gl_Position = vec4((u_matrix * vec3(a_position, 1)).xy, 0, 1);
  gl_PointSize = a_size / u_sizeRatio * u_pixelRatio * 2.0;
  v_feather = (0.5 / a_size) * u_sizeRatio;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}`;

export const DIAMOND_SHADER = /* glsl */ `
precision mediump float;
varying vec4 v_color;
varying float v_feather;
const float half_diagonal = 0.5;
const float border = 0.14;
const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);
void main(void) {
  vec2 m = gl_PointCoord - vec2(0.5, 0.5);
  float dist = half_diagonal - (abs(m.x) + abs(m.y));
  #ifdef PICKING_MODE
  gl_FragColor = dist > 0.0 ? v_color : transparent;
  #else
  vec4 fill = dist > border ? v_color : vec4(v_color.rgb * 0.45, v_color.a);
  float t = dist > v_feather ? 1.0 : dist > 0.0 ? dist / v_feather : 0.0;
  gl_FragColor = mix(transparent, fill, t);
  #endif
}`;

// A disc with a one-pixel soft edge, as sigma's circle.
export const DISC_SHADER = /* glsl */ `
precision mediump float;
varying vec4 v_color;
varying float v_feather;
const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);
void main(void) {
  float dist = 0.5 - length(gl_PointCoord - vec2(0.5, 0.5));
  #ifdef PICKING_MODE
  gl_FragColor = dist > 0.0 ? v_color : transparent;
  #else
  float t = dist > v_feather ? 1.0 : dist > 0.0 ? dist / v_feather : 0.0;
  gl_FragColor = mix(transparent, v_color, t);
  #endif
}`;
