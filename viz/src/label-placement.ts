// Labels that do not cover each other. Sigma's label grid keeps the largest nodes of each square cell, but a label runs
// far to the right of its node, so labels of neighbouring cells still pile up; this draws a frame's labels largest node
// first, each only where it covers none drawn before it (labels sigma is told to force, the selection's, always).
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';

/** A rectangle in viewport pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

// Side of the buckets the drawn boxes are filed in, so a test looks at the few boxes nearby only.
const BUCKET = 64;

/** The boxes drawn in one frame, filed by bucket. */
export class LabelBoxes {
  private buckets = new Map<string, Box[]>();
  /** The boxes placed since the last clear, in order. */
  readonly placed: Box[] = [];

  clear(): void {
    this.buckets.clear();
    this.placed.length = 0;
  }

  /** Adds the box unless it overlaps one already added (or adds it anyway when forced); returns whether it was added. */
  place(box: Box, force = false): boolean {
    const keys: string[] = [];
    for (let col = Math.floor(box.x / BUCKET); col <= Math.floor((box.x + box.width) / BUCKET); col++) {
      for (let row = Math.floor(box.y / BUCKET); row <= Math.floor((box.y + box.height) / BUCKET); row++) keys.push(`${col},${row}`);
    }
    if (!force && keys.some((key) => this.buckets.get(key)?.some((other) => overlaps(box, other)))) return false;
    this.placed.push(box);
    for (const key of keys) {
      const list = this.buckets.get(key);
      if (list === undefined) this.buckets.set(key, [box]);
      else list.push(box);
    }
    return true;
  }
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The grid cell side for a label density: density 1 is one label per 120 px square, 4 one per 60 px square. */
export const BASE_LABEL_CELL = 120;
export const labelCellSize = (density: number): number => Math.round(BASE_LABEL_CELL / Math.sqrt(Math.max(density, 0.05)));

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'>;

/** What a renderer needs to place its labels: the label drawer for its settings, and the frame's start and end. */
export interface LabelPlacer {
  /** sigma's defaultDrawNodeLabel: notes the label as a candidate of the frame. */
  draw(context: CanvasRenderingContext2D, data: LabelData, settings: Settings): void;
  /** Starts a frame (beforeRender). */
  reset(): void;
  /** Draws the frame's candidates, forced ones first, then the largest nodes first, each only where it covers none drawn (afterRender). */
  flush(): void;
  /** The boxes of the labels drawn in the last frame. */
  drawn(): Box[];
  /** Lets another renderer over the same settings (the PNG export's) place its labels too. */
  attach(renderer: { on(event: 'beforeRender' | 'afterRender', listener: () => void): unknown }): void;
}

/**
 * Labels placed per frame. Sigma asks for them cell by cell of its grid, so drawing them as they come would let a small
 * node's label keep a country's out; they are collected and drawn at the end of the frame instead, rimmed in `halo`
 * (the background) so that they read over nodes and edges.
 */
export function createLabelPlacer(halo: () => string): LabelPlacer {
  const boxes = new LabelBoxes();
  let pending: { context: CanvasRenderingContext2D; data: LabelData; settings: Settings }[] = [];
  const widths = new Map<string, number>();
  const placer: LabelPlacer = {
    draw(context, data, settings) {
      if (typeof data.label === 'string' && data.label !== '') pending.push({ context, data, settings });
    },
    reset() {
      pending = [];
    },
    flush() {
      const frame = pending.sort((a, b) => Number(b.data.forceLabel === true) - Number(a.data.forceLabel === true) || b.data.size - a.data.size);
      pending = [];
      boxes.clear();
      for (const { context, data, settings } of frame) {
        const label = data.label as string;
        const size = settings.labelSize;
        const font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
        context.font = font;
        let width = widths.get(`${font}|${label}`);
        if (width === undefined) widths.set(`${font}|${label}`, (width = context.measureText(label).width));
        // The node's disc and the text to its right, with a little air between neighbours.
        const box = { x: data.x - data.size, y: data.y - size / 2 - 2, width: 2 * data.size + 3 + width + 4, height: size + 4 };
        // A label cut by the stage's right edge tells little and hides the one it would have left room for.
        const right = context.canvas === undefined ? Infinity : context.canvas.width / (globalThis.devicePixelRatio || 1);
        if (data.forceLabel !== true && box.x + box.width > right) continue;
        if (!boxes.place(box, data.forceLabel === true)) continue;
        // Where sigma's drawDiscNodeLabel puts it: right of the disc, on its middle line.
        const x = data.x + data.size + 3;
        const y = data.y + size / 3;
        context.lineJoin = 'round';
        context.lineWidth = 3;
        context.strokeStyle = halo();
        context.strokeText(label, x, y);
        context.fillStyle = settings.labelColor.color ?? '#000';
        context.fillText(label, x, y);
      }
    },
    drawn: () => [...boxes.placed],
    attach(renderer) {
      renderer.on('beforeRender', () => placer.reset());
      renderer.on('afterRender', () => placer.flush());
    },
  };
  return placer;
}
