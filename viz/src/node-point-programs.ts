// WebGL node programs drawn as point sprites, one vertex per node: discs for entities, bordered diamonds for events.
// Sigma's own NodeCircleProgram draws an instanced triangle per node, which a software renderer (SwiftShader, as in
// headless Chromium or a machine without a GPU) draws about eight times slower: 5,500 discs took 250 ms a frame there
// against 30 ms as points. A point sprite is capped at the GPU's largest point size (at least 256 px on desktop GPUs),
// reached only when zoomed far in on a large node.
import type { Attributes } from 'graphology-types';
import { NodeProgram } from 'sigma/rendering';
import type { NodeDisplayData, RenderParams } from 'sigma/types';
import { floatColor } from 'sigma/utils';
import { DIAMOND_SHADER, DISC_SHADER, VERTEX_SHADER } from './node-point-shaders.js';

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
