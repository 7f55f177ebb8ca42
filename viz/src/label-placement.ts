// Labels that do not cover each other. Sigma's label grid keeps the largest nodes of each square cell, but a label runs
// far to the right of its node, so labels of neighbouring cells still pile up; this draws a label only where it covers
// none drawn before it in the same frame (labels sigma is told to force, the selection's, are always drawn).
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

/**
 * A label drawer for sigma's defaultDrawNodeLabel that skips a label covering one drawn earlier in the frame, and rims
 * the text in `halo` (the background) so it reads over nodes and edges. `reset` starts a frame (call it on
 * beforeRender); another canvas (the PNG export's renderer) starts its own.
 */
export function createLabelPlacer(halo: () => string): { reset(): void; drawn(): Box[]; draw(context: CanvasRenderingContext2D, data: LabelData, settings: Settings): void } {
  const boxes = new LabelBoxes();
  let canvas: CanvasRenderingContext2D | null = null;
  const widths = new Map<string, number>();
  return {
    reset() {
      boxes.clear();
    },
    drawn: () => [...boxes.placed],
    draw(context, data, settings) {
      if (typeof data.label !== 'string' || data.label === '') return;
      if (context !== canvas) {
        canvas = context;
        boxes.clear();
      }
      const size = settings.labelSize;
      const font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
      let width = widths.get(`${font}|${data.label}`);
      if (width === undefined) {
        context.font = font;
        widths.set(`${font}|${data.label}`, (width = context.measureText(data.label).width));
      }
      // The node's disc and the text to its right, with a little air between neighbours.
      const box = { x: data.x - data.size, y: data.y - size / 2 - 2, width: 2 * data.size + 3 + width + 4, height: size + 4 };
      if (!boxes.place(box, data.forceLabel === true)) return;
      // Where sigma's drawDiscNodeLabel puts it: right of the disc, on its middle line.
      const x = data.x + data.size + 3;
      const y = data.y + size / 3;
      context.font = font;
      context.lineJoin = 'round';
      context.lineWidth = 3;
      context.strokeStyle = halo();
      context.strokeText(data.label, x, y);
      context.fillStyle = settings.labelColor.color ?? '#000';
      context.fillText(data.label, x, y);
    },
  };
}
