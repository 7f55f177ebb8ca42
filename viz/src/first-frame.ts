// The first frame from the drawing file (graph.viewer.json, src/export/viewer-columns.ts): the nodes the default view
// shows, with their build-time colours and sizes, drawn before the full graph.json is fetched and parsed. It is a
// picture only: the page's small entry script draws it while the viewer's bundle (sigma's renderer, graphology) still
// loads, so nothing here may import them (sigma's utils are small and stand alone). It draws with the renderer's own point-sprite shaders in one WebGL canvas (a 2D canvas
// took several times longer for 10,000 nodes in a software renderer), and the renderer replaces it once the graph is in.
import { createNormalizationFunction, floatColor, matrixFromCamera } from 'sigma/utils';
import { VIEWER_FILE_FORMAT, type ViewerFile } from '../../src/export/viewer-columns.js';
import { NODE_KINDS, SCHEMA_VERSION } from '../../src/graph/kinds.js';
import { frameBox, type Extent } from './framing.js';
import { DIAMOND_SHADER, DISC_SHADER, VERTEX_SHADER } from './node-point-shaders.js';
import { DEFAULT_LABEL_DENSITY, formatViewState, type ViewState } from './state.js';
import { inferredColor, type Theme } from './theme.js';

const ARTICLE = NODE_KINDS.indexOf('article');
const EVENT = NODE_KINDS.indexOf('event');
// Sigma's defaults, which the renderer keeps: the padding around the framed graph, in pixels.
const STAGE_PADDING = 30;
// Per node: x, y, size, the colour (sigma's floatColor: its four bytes in one float), and an id the shaders' picking
// mode reads and this picture does not.
const FLOATS = 5;

/** Whether the state draws what the drawing file holds: the default view (no filter, selection or pick; the build's colours and sizes), whatever the label density. */
export function drawableAtOnce(state: ViewState): boolean {
  return formatViewState({ ...state, labels: DEFAULT_LABEL_DENSITY }) === '';
}

/** The drawing file at `url`, or null when there is none or it is not one this viewer reads (then graph.json alone is drawn). */
export async function fetchDrawing(url: string): Promise<ViewerFile | null> {
  try {
    const response = await fetch(url);
    // 204: the server has none for this graph.
    if (response.status !== 200) return null;
    const file = (await response.json()) as Partial<ViewerFile>;
    return file.format === VIEWER_FILE_FORMAT && file.schemaVersion === SCHEMA_VERSION && Array.isArray(file.keys) ? (file as ViewerFile) : null;
  } catch {
    return null;
  }
}

/** Node i is hidden in the default view: an article, or an entity with no edge of the event network (events stay). */
const hiddenAt = (file: ViewerFile, isolated: Set<number>, i: number) => file.kinds[i] === ARTICLE || (file.kinds[i] !== EVENT && isolated.has(i));

/** The extent of the nodes at `indexes` (null when there are none). */
function extentOf(file: ViewerFile, indexes: Iterable<number>): Extent | null {
  const extent: Extent = { x: [Infinity, -Infinity], y: [Infinity, -Infinity] };
  for (const i of indexes) {
    extent.x = [Math.min(extent.x[0], file.x[i]), Math.max(extent.x[1], file.x[i])];
    extent.y = [Math.min(extent.y[0], file.y[i]), Math.max(extent.y[1], file.y[i])];
  }
  return extent.x[0] <= extent.x[1] ? extent : null;
}

/**
 * Sigma's own mapping with its camera at rest (utils of the renderer's sigma, not its renderer): graph coordinates
 * normalised to the framed box, and the camera matrix with the stage padding, so that the renderer draws each node
 * where the picture did.
 */
function stageMapping(box: Extent, width: number, height: number): { normalize: (x: number, y: number) => { x: number; y: number }; matrix: Float32Array } {
  const normalization = createNormalizationFunction(box);
  const graphDimensions = { width: box.x[1] - box.x[0] || 1, height: box.y[1] - box.y[0] || 1 };
  return { normalize: (x, y) => normalization({ x, y }), matrix: matrixFromCamera({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { width, height }, graphDimensions, STAGE_PADDING) };
}

function compile(gl: WebGLRenderingContext, fragmentShader: string): WebGLProgram {
  const program = gl.createProgram()!;
  for (const [type, source] of [[gl.VERTEX_SHADER, VERTEX_SHADER], [gl.FRAGMENT_SHADER, fragmentShader]] as const) {
    const shader = gl.createShader(type)!;
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    gl.attachShader(program, shader);
  }
  gl.linkProgram(program);
  return program;
}

/** The nodes at `indexes` as the shaders' vertices, packed as node-point-programs.ts packs them. */
function vertices(file: ViewerFile, indexes: number[], normalize: (x: number, y: number) => { x: number; y: number }, colorOf: (i: number) => string): Float32Array {
  const data = new Float32Array(indexes.length * FLOATS);
  indexes.forEach((i, n) => {
    const { x, y } = normalize(file.x[i], file.y[i]);
    data.set([x, y, file.sizes[i], floatColor(colorOf(i)), 0], n * FLOATS);
  });
  return data;
}

/** A first frame on screen: when it was drawn (performance.now()), and what removes it. */
export interface Picture {
  at: number;
  kill(): void;
}

/** Draws the default view's nodes from the drawing file in the container (synchronously); returns the picture, or null without WebGL. */
export function drawFirstFrame(file: ViewerFile, container: HTMLElement, theme: Theme): Picture | null {
  const isolated = new Set(file.isolated);
  const inferred = new Set(file.inferred);
  const shown: number[] = [];
  for (let i = 0; i < file.keys.length; i++) if (!hiddenAt(file, isolated, i)) shown.push(i);
  const all = file.keys.map((_key, i) => i);
  // The renderer frames what framing.ts's networkExtent gives (articles and isolated entities left out), or the whole
  // graph when that is nearly the same.
  const full = extentOf(file, all) ?? { x: [0, 1], y: [0, 1] };
  const framed = extentOf(file, all.filter((i) => file.kinds[i] !== ARTICLE && !isolated.has(i)));
  const { offsetWidth: width, offsetHeight: height } = container;
  const canvas = document.createElement('canvas');
  const pixelRatio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * pixelRatio);
  canvas.height = Math.round(height * pixelRatio);
  canvas.className = 'first-frame';
  canvas.style.cssText = `position:absolute;inset:0;width:${width}px;height:${height}px`;
  const gl = canvas.getContext('webgl', { antialias: false, premultipliedAlpha: true });
  if (gl === null) return null;
  container.append(canvas);
  gl.viewport(0, 0, canvas.width, canvas.height);
  gl.enable(gl.BLEND);
  gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
  const { normalize, matrix } = stageMapping(frameBox(full, framed) ?? full, width, height);
  const colorOf = (i: number) => (inferred.has(i) ? inferredColor(file.palette[file.colors[i]], theme) : file.palette[file.colors[i]]);
  // Discs, then diamonds over them, as the renderer's programs draw.
  for (const [fragmentShader, indexes] of [[DISC_SHADER, shown.filter((i) => file.kinds[i] !== EVENT)], [DIAMOND_SHADER, shown.filter((i) => file.kinds[i] === EVENT)]] as const) {
    const program = compile(gl, fragmentShader);
    gl.useProgram(program);
    gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
    gl.bufferData(gl.ARRAY_BUFFER, vertices(file, indexes, normalize, colorOf), gl.STATIC_DRAW);
    for (const [name, size, type, normalized, offset] of [['a_position', 2, gl.FLOAT, false, 0], ['a_size', 1, gl.FLOAT, false, 8], ['a_color', 4, gl.UNSIGNED_BYTE, true, 12]] as const) {
      const location = gl.getAttribLocation(program, name);
      gl.enableVertexAttribArray(location);
      gl.vertexAttribPointer(location, size, type, normalized, FLOATS * 4, offset);
    }
    gl.uniformMatrix3fv(gl.getUniformLocation(program, 'u_matrix'), false, matrix);
    gl.uniform1f(gl.getUniformLocation(program, 'u_sizeRatio'), 1);
    gl.uniform1f(gl.getUniformLocation(program, 'u_pixelRatio'), pixelRatio);
    gl.drawArrays(gl.POINTS, 0, indexes.length);
  }
  const kill = () => {
    // Frees the context at once: the renderer opens its own, and a page may hold only so many.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    canvas.remove();
  };
  return { at: performance.now(), kill };
}
