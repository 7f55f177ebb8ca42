// Labels that cover neither each other nor other nodes. Sigma hands over the candidates of its label grid (the
// renderer makes its cells small enough to hold no two labels); this draws a frame's labels in rank (rankCandidates: forced, entities, then size, links, mentions, key), each
// at the first of four places around its node (right, left, below, above) where it keeps clear of every other node's
// disc and, by a margin the label-density control sets (then, for labels left out, a quarter of it), of the labels drawn
// before it: a node with room around it gets its label, however small. Where no node has room (a hairball seen whole), the largest node of each grid cell
// still gets its label, over the discs of nodes no larger than it, never over a label or a larger node.
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';

/** A rectangle in viewport pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A drawn label's box and the key of its node (null when sigma did not pass one). */
export interface LabelBox extends Box {
  key: string | null;
}

/** A node's disc in viewport pixels. */
export interface Disc {
  key: string;
  x: number;
  y: number;
  radius: number;
}

// The air a label keeps from other nodes' discs (the density control spaces labels from each other only: two nodes
// side by side, however close, each keep their label if there is room beyond them).
const DISC_AIR = 2;

// Side of the buckets the boxes and discs are filed in, so a test looks at the few nearby only.
const BUCKET = 64;

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

// Whether the disc reaches into the box: the box's nearest point to the centre is within the radius.
const touches = (box: Box, disc: Disc) => {
  const dx = disc.x - Math.max(box.x, Math.min(disc.x, box.x + box.width));
  const dy = disc.y - Math.max(box.y, Math.min(disc.y, box.y + box.height));
  return dx * dx + dy * dy < disc.radius * disc.radius;
};

/** Items with a bounding box, filed by the buckets their box spans. */
class Buckets<T> {
  private readonly buckets = new Map<string, T[]>();

  clear(): void {
    this.buckets.clear();
  }

  private keys(box: Box): string[] {
    const keys: string[] = [];
    for (let col = Math.floor(box.x / BUCKET); col <= Math.floor((box.x + box.width) / BUCKET); col++) {
      for (let row = Math.floor(box.y / BUCKET); row <= Math.floor((box.y + box.height) / BUCKET); row++) keys.push(`${col},${row}`);
    }
    return keys;
  }

  add(box: Box, item: T): void {
    for (const key of this.keys(box)) {
      const list = this.buckets.get(key);
      if (list === undefined) this.buckets.set(key, [item]);
      else list.push(item);
    }
  }

  some(box: Box, test: (item: T) => boolean): boolean {
    return this.keys(box).some((key) => this.buckets.get(key)?.some(test) === true);
  }
}

/** The label boxes drawn in one frame and the discs they must keep clear of. */
export class LabelBoxes {
  private readonly boxes = new Buckets<Box>();
  private readonly discs = new Buckets<Disc>();
  /** The boxes placed since the last clear, in order. */
  readonly placed: LabelBox[] = [];

  /** Starts a frame over these node discs. */
  clear(discs: readonly Disc[] = []): void {
    this.boxes.clear();
    this.discs.clear();
    this.placed.length = 0;
    for (const disc of discs) this.discs.add({ x: disc.x - disc.radius, y: disc.y - disc.radius, width: 2 * disc.radius, height: 2 * disc.radius }, disc);
  }

  /**
   * Whether the box keeps `margin` pixels from the boxes placed and DISC_AIR from the discs of nodes other than `own`
   * (discs of a radius up to `over` do not count).
   */
  fits(box: Box, margin = 0, own: string | null = null, over = -1): boolean {
    const grow = (by: number) => ({ x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by });
    const spaced = grow(margin);
    const aired = grow(DISC_AIR);
    return !this.boxes.some(spaced, (other) => overlaps(spaced, other)) && !this.discs.some(aired, (disc) => disc.key !== own && disc.radius > over && touches(aired, disc));
  }

  /** Adds the box unless it does not fit (see fits), or anyway when forced; returns whether it was added. */
  place(box: Box, force = false, margin = 0, own: string | null = null): boolean {
    if (!force && !this.fits(box, margin, own)) return false;
    this.placed.push({ ...box, key: own });
    this.boxes.add(box, box);
    return true;
  }
}

/**
 * The room a label keeps from other labels, in pixels, for a label density (the viewer's control, 0 to 3): 8 px at 1,
 * 2 px at 2, none at 3; at 0 only forced labels are drawn.
 */
export const labelMargin = (density: number): number => Math.max(0, Math.round(12 / Math.max(density, 0.05) - 4));

/** The side of the grid cells whose largest node is labelled even without room: 120 px at density 1, 60 px at 4. */
export const labelCellSize = (density: number): number => Math.round(120 / Math.sqrt(Math.max(density, 0.05)));

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & { key?: string };

/** What the placer reads from a renderer at the end of its frame: the shown nodes, where and how large they are drawn. */
export interface LabelRenderer {
  on(event: 'beforeRender' | 'afterRender', listener: () => void): unknown;
  getGraph(): { forEachNode(callback: (key: string) => void): void };
  getNodeDisplayData(key: string): NodeDisplayData | undefined;
  framedGraphToViewport(point: { x: number; y: number }): { x: number; y: number };
  scaleSize(size: number): number;
  getDimensions(): { width: number; height: number };
}

/** The discs of the renderer's shown nodes that lie on its stage. */
export function shownDiscs(renderer: LabelRenderer): Disc[] {
  const { width, height } = renderer.getDimensions();
  const discs: Disc[] = [];
  renderer.getGraph().forEachNode((key) => {
    const data = renderer.getNodeDisplayData(key);
    if (data === undefined || data.hidden) return;
    const { x, y } = renderer.framedGraphToViewport(data);
    const radius = renderer.scaleSize(data.size);
    if (x + radius >= 0 && y + radius >= 0 && x - radius <= width && y - radius <= height) discs.push({ key, x, y, radius });
  });
  return discs;
}

/** What a renderer needs to place its labels: the label drawer for its settings, and the frame's start and end. */
export interface LabelPlacer {
  /** sigma's defaultDrawNodeLabel: notes the label as a candidate of the frame. */
  draw(context: CanvasRenderingContext2D, data: LabelData, settings: Settings): void;
  /** Starts a frame (beforeRender). */
  reset(): void;
  /** Draws the frame's candidates clear of each other and of the discs of the shown nodes (afterRender). */
  flush(discs?: () => readonly Disc[]): void;
  /** The boxes of the labels drawn in the last frame, with their nodes' keys. */
  drawn(): LabelBox[];
  /** Lets a renderer (the viewer's, the PNG export's) place its labels with this placer. */
  attach(renderer: LabelRenderer): void;
}

/** What ranks a node's label after its drawn size: events after entities, then the more linked and mentioned first. */
export interface LabelStanding {
  event: boolean;
  /** Edges in the event network (participants, places, affiliations). */
  links: number;
  mentions: number;
}

/**
 * The frame's candidates in the order they are placed: forced ones, then entities before events (an entity's label is
 * what an analyst looks for, an event's is drawn once zoomed in), then by drawn size, links, mentions and key, so the
 * labels drawn depend on the graph only, never on the order its nodes were added or sigma handed them over.
 */
export function rankCandidates<T extends { data: LabelData }>(candidates: T[], standing: (key: string) => LabelStanding | undefined): T[] {
  const ranked = candidates.map((candidate) => ({ candidate, key: candidate.data.key ?? candidate.data.label ?? '', standing: standing(candidate.data.key ?? '') }));
  ranked.sort(
    (a, b) =>
      Number(b.candidate.data.forceLabel === true) - Number(a.candidate.data.forceLabel === true) ||
      Number(a.standing?.event === true) - Number(b.standing?.event === true) ||
      b.candidate.data.size - a.candidate.data.size ||
      (b.standing?.links ?? 0) - (a.standing?.links ?? 0) ||
      (b.standing?.mentions ?? 0) - (a.standing?.mentions ?? 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return ranked.map(({ candidate }) => candidate);
}

/**
 * Labels placed per frame. Sigma asks for them cell by cell of its grid, so drawing them as they come would let a small
 * node's label keep a country's out; they are collected and drawn at the end of the frame instead, rimmed in `halo`
 * (the background) so that they read over edges. `density` is the label-density control (labelMargin, labelCellSize).
 */
export function createLabelPlacer(halo: () => string, density: () => number = () => 1, standing: (key: string) => LabelStanding | undefined = () => undefined): LabelPlacer {
  const boxes = new LabelBoxes();
  let pending: { context: CanvasRenderingContext2D; data: LabelData; settings: Settings }[] = [];
  // Text widths as the sum of each character's: measuring every label of a 10,000-node graph took half a second.
  const charWidths = new Map<string, Map<string, number>>();
  const textWidth = (context: CanvasRenderingContext2D, font: string, text: string) => {
    let widths = charWidths.get(font);
    if (widths === undefined) charWidths.set(font, (widths = new Map()));
    let width = 0;
    for (const char of text) {
      let w = widths.get(char);
      if (w === undefined) {
        context.font = font;
        widths.set(char, (w = context.measureText(char).width));
      }
      width += w;
    }
    return width;
  };
  const placer: LabelPlacer = {
    draw(context, data, settings) {
      if (typeof data.label === 'string' && data.label !== '') pending.push({ context, data, settings });
    },
    reset() {
      pending = [];
    },
    flush(discs = () => []) {
      const frame = rankCandidates(pending, standing);
      pending = [];
      // No candidates (labels hidden while the camera moves): nothing to place, and no disc to look up.
      boxes.clear(frame.length > 0 ? discs() : []);
      const margin = labelMargin(density());
      const cell = labelCellSize(density());
      const labelled = new Set<string>();
      const cellOf = (data: LabelData) => `${Math.floor(data.x / cell)},${Math.floor(data.y / cell)}`;
      const candidates = frame.map(({ context, data, settings }) => {
        const label = data.label as string;
        const size = settings.labelSize;
        const font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
        const width = textWidth(context, font, label);
        // The text with 2 px of air: right of the disc (where sigma's drawDiscNodeLabel puts it), left, below, above.
        const w = width + 4;
        const h = size + 4;
        const sides: Box[] = [
          { x: data.x + data.size + 1, y: data.y - h / 2, width: w, height: h },
          { x: data.x - data.size - 1 - w, y: data.y - h / 2, width: w, height: h },
          { x: data.x - w / 2, y: data.y + data.size + 1, width: w, height: h },
          { x: data.x - w / 2, y: data.y - data.size - 1 - h, width: w, height: h },
        ];
        // A label cut by the stage's edge tells little and hides the one it would have left room for.
        const stage = context.canvas === undefined ? { width: Infinity, height: Infinity } : { width: context.canvas.width / (globalThis.devicePixelRatio || 1), height: context.canvas.height / (globalThis.devicePixelRatio || 1) };
        const onStage = sides.filter((box) => box.x >= 0 && box.y >= 0 && box.x + box.width <= stage.width && box.y + box.height <= stage.height);
        return { context, data, settings, label, font, right: sides[0], sides: onStage, forced: data.forceLabel === true, own: data.key ?? null };
      });
      const draw = (candidate: (typeof candidates)[number], box: Box) => {
        const { context, data, settings, label, font, own } = candidate;
        boxes.place(box, true, 0, own);
        labelled.add(cellOf(data));
        const x = box.x + 2;
        const y = box.y + 2 + (settings.labelSize * 5) / 6;
        context.font = font;
        context.lineJoin = 'round';
        context.lineWidth = 3;
        context.strokeStyle = halo();
        context.strokeText(label, x, y);
        context.fillStyle = settings.labelColor.color ?? '#000';
        context.fillText(label, x, y);
      };
      let left: typeof candidates = [];
      for (const candidate of candidates) {
        const box = candidate.forced ? candidate.right : candidate.sides.find((side) => boxes.fits(side, margin, candidate.own));
        if (box === undefined) left.push(candidate);
        else draw(candidate, box);
      }
      // Labels with no room at the density's margin try again, in rank, at a quarter of it: a node boxed in between a
      // larger node's label and a neighbour's disc keeps its label if it touches neither.
      const closer = Math.floor(margin / 4);
      if (closer < margin) {
        const still: typeof candidates = [];
        for (const candidate of left) {
          const box = candidate.sides.find((side) => boxes.fits(side, closer, candidate.own));
          if (box === undefined) still.push(candidate);
          else draw(candidate, box);
        }
        left = still;
      }
      // Cells where no label found room: their largest node's label, over discs no larger than its own only.
      for (const candidate of left) {
        const key = cellOf(candidate.data);
        if (labelled.has(key)) continue;
        labelled.add(key);
        const box = candidate.sides.find((side) => boxes.fits(side, 0, candidate.own, candidate.data.size));
        if (box !== undefined) draw(candidate, box);
      }
    },
    drawn: () => [...boxes.placed],
    attach(renderer) {
      renderer.on('beforeRender', () => placer.reset());
      renderer.on('afterRender', () => placer.flush(() => shownDiscs(renderer)));
    },
  };
  return placer;
}
