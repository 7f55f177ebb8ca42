// WebGL node programs drawn as point sprites, one vertex per node: discs for entities, bordered diamonds for events.
// Sigma's own NodeCircleProgram draws an instanced triangle per node, which a software renderer (SwiftShader, as in
// headless Chromium or a machine without a GPU) draws about eight times slower: 5,500 discs took 250 ms a frame there
// against 30 ms as points. A point sprite is capped at the GPU's largest point size (at least 256 px on desktop GPUs),
// reached only when zoomed far in on a large node.
import type { Attributes } from 'graphology-types';
import { NodeProgram } from 'sigma/rendering';
import type { NodeDisplayData, RenderParams } from 'sigma/types';
import { floatColor } from 'sigma/utils';

// Same vertex shader as sigma's NodePointProgram; v_feather is one pixel as a share of the sprite.
const VERTEX_SHADER = /* glsl */ `
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

const DIAMOND_SHADER = /* glsl */ `
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
const DISC_SHADER = /* glsl */ `
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

const UNIFORMS = ['u_sizeRatio', 'u_pixelRatio', 'u_matrix'] as const;

abstract class NodePointSpriteProgram<N extends Attributes, E extends Attributes, G extends Attributes> extends NodeProgram<(typeof UNIFORMS)[number], N, E, G> {
  protected abstract fragmentShader(): string;

  getDefinition() {
    return {
      VERTICES: 1,
      VERTEX_SHADER_SOURCE: VERTEX_SHADER,
      FRAGMENT_SHADER_SOURCE: this.fragmentShader(),
      METHOD: WebGLRenderingContext.POINTS,
      UNIFORMS,
      ATTRIBUTES: [
        { name: 'a_position', size: 2, type: WebGLRenderingContext.FLOAT },
        { name: 'a_size', size: 1, type: WebGLRenderingContext.FLOAT },
        { name: 'a_color', size: 4, type: WebGLRenderingContext.UNSIGNED_BYTE, normalized: true },
        { name: 'a_id', size: 4, type: WebGLRenderingContext.UNSIGNED_BYTE, normalized: true },
      ],
    };
  }

  processVisibleItem(nodeIndex: number, startIndex: number, data: NodeDisplayData): void {
    const array = this.array;
    array[startIndex++] = data.x;
    array[startIndex++] = data.y;
    array[startIndex++] = data.size;
    array[startIndex++] = floatColor(data.color);
    array[startIndex++] = nodeIndex;
  }

  setUniforms({ sizeRatio, pixelRatio, matrix }: RenderParams, { gl, uniformLocations }: { gl: WebGLRenderingContext; uniformLocations: Record<(typeof UNIFORMS)[number], WebGLUniformLocation> }): void {
    gl.uniform1f(uniformLocations.u_pixelRatio, pixelRatio);
    gl.uniform1f(uniformLocations.u_sizeRatio, sizeRatio);
    gl.uniformMatrix3fv(uniformLocations.u_matrix, false, matrix);
  }
}

/** Sigma node program for entities: a disc. */
export class NodeDiscProgram<N extends Attributes = Attributes, E extends Attributes = Attributes, G extends Attributes = Attributes> extends NodePointSpriteProgram<N, E, G> {
  protected fragmentShader(): string {
    return DISC_SHADER;
  }
}

/** Sigma node program for event nodes: a bordered diamond. */
export class NodeDiamondProgram<N extends Attributes = Attributes, E extends Attributes = Attributes, G extends Attributes = Attributes> extends NodePointSpriteProgram<N, E, G> {
  protected fragmentShader(): string {
    return DIAMOND_SHADER;
  }
}
