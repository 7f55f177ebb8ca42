// The time range control: a histogram of events per month with a year axis, two handles, play (speed, sliding or cumulative) and the undated toggle.
import type { EventNode, KgGraph } from '../../src/graph/model.js';
import { h, icon } from './dom.js';
import type { ViewState } from './state.js';

export type TimeRange = Pick<ViewState, 'from' | 'to' | 'undated'>;

export interface MonthHistogram {
  /** Every month from the first to the last dated event, YYYY-MM. */
  months: string[];
  /** Events starting in each month. */
  counts: number[];
  undated: number;
}

const PLAY_STEP_MS = 800;

/** Months from `first` to `last` inclusive (YYYY-MM). */
export function listMonths(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number);
  const [lastYear, lastMonth] = last.split('-').map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/** Counts events per month of their start, over the span of all dated events; undated events are counted apart. */
export function countEventsByMonth(graph: KgGraph): MonthHistogram {
  const starts: string[] = [];
  let last = '';
  let undated = 0;
  graph.forEachNode((_key, node) => {
    if (node.kind !== 'event') return;
    const event = node as EventNode;
    if (event.dateStart === null) {
      undated += 1;
      return;
    }
    starts.push(event.dateStart.slice(0, 7));
    const end = (event.dateEnd ?? event.dateStart).slice(0, 7);
    if (end > last) last = end;
  });
  if (starts.length === 0) return { months: [], counts: [], undated };
  const first = starts.reduce((a, b) => (a < b ? a : b));
  const months = listMonths(first, last);
  const position = new Map(months.map((m, i) => [m, i]));
  const counts = months.map(() => 0);
  for (const start of starts) counts[position.get(start)!] += 1;
  return { months, counts, undated };
}

/** Where the year ticks go: the index of each January (and of the first month unless a January is close), thinned so labels do not touch. */
export function yearTicks(months: string[], width: number, minGap = 34): { index: number; year: string }[] {
  const step = months.length > 0 ? width / months.length : 0;
  const januaries = months.flatMap((month, index) => (month.endsWith('-01') ? [index] : []));
  const starts = months.length > 0 && (januaries[0] ?? Infinity) * step >= minGap && januaries[0] !== 0 ? [0, ...januaries] : januaries;
  const ticks: { index: number; year: string }[] = [];
  for (const index of starts) {
    const last = ticks.at(-1);
    if (last !== undefined && (index - last.index) * step < minGap) continue;
    ticks.push({ index, year: months[index].slice(0, 4) });
  }
  return ticks;
}

export const PLAY_SPEEDS = [0.5, 1, 2, 4];

export interface TimelineControl {
  update(range: TimeRange): void;
  /** Moves the window (or, in cumulative mode, its end) by `delta` months. */
  step(delta: number): void;
  togglePlay(): void;
  /** Redraws the histogram (after a theme change). */
  redraw(): void;
}

/** Drives the control whose elements index.html puts in `container`; `onChange` receives the new range, and the returned `update` syncs the control with a state. */
export function mountTimeline(container: HTMLElement, histogram: MonthHistogram, onChange: (range: TimeRange) => void): TimelineControl {
  const { months, counts } = histogram;
  const last = months.length - 1;
  const find = <T extends Element>(selector: string) => container.querySelector<T & HTMLElement>(selector)!;
  const canvas = find<HTMLCanvasElement>('canvas.histogram');
  const from = find<HTMLInputElement>('#range-from');
  const to = find<HTMLInputElement>('#range-to');
  for (const handle of [from, to]) [handle.min, handle.max] = ['0', String(Math.max(last, 0))];
  const label = find<HTMLSpanElement>('#range-label');
  const play = find<HTMLButtonElement>('#time-play');
  play.replaceChildren(icon('play'));
  const speed = find<HTMLSelectElement>('#play-speed');
  speed.replaceChildren(...PLAY_SPEEDS.map((s) => h('option', { value: s, selected: s === 1 }, `${s}×`)));
  const cumulative = find<HTMLInputElement>('#play-cumulative');
  const undated = find<HTMLInputElement>('#undated-toggle');
  find('#undated-count').textContent = `undated (${histogram.undated})`;
  const track = find<HTMLDivElement>('.range-track');
  if (months.length === 0) {
    track.hidden = true;
    play.disabled = true;
    label.textContent = 'No dated events';
  }

  let timer: ReturnType<typeof setTimeout> | null = null;
  let current: TimeRange = { from: null, to: null, undated: true };
  const indexOf = (month: string | null, fallback: number) => {
    if (month === null) return fallback;
    const i = months.indexOf(month);
    if (i >= 0) return i;
    return month < months[0] ? 0 : last;
  };
  const range = (): [number, number] => [indexOf(current.from, 0), indexOf(current.to, last)];

  const draw = () => {
    const ratio = window.devicePixelRatio || 1;
    const width = track.clientWidth;
    const height = canvas.clientHeight;
    if (width === 0 || months.length === 0) return;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const context = canvas.getContext('2d');
    if (!context) return;
    const style = getComputedStyle(container);
    context.scale(ratio, ratio);
    context.clearRect(0, 0, width, height);
    const axis = 12;
    const barsHeight = height - axis;
    const max = Math.max(...counts, 1);
    const barWidth = width / months.length;
    const [lo, hi] = range();
    counts.forEach((count, i) => {
      const barHeight = (count / max) * (barsHeight - 2);
      context.fillStyle = i >= lo && i <= hi ? style.getPropertyValue('--accent') || '#f28e2b' : style.getPropertyValue('--bar-off') || '#d0d0d0';
      context.fillRect(i * barWidth + 0.5, barsHeight - barHeight, Math.max(barWidth - 1, 1), barHeight);
    });
    // The date axis: a tick and the year at each January.
    context.fillStyle = style.getPropertyValue('--muted') || '#666';
    context.font = '10px system-ui, sans-serif';
    context.textBaseline = 'top';
    for (const tick of yearTicks(months, width)) {
      const x = Math.round(tick.index * barWidth) + 0.5;
      context.fillRect(x, barsHeight, 1, 4);
      context.fillText(tick.year, x + 3, barsHeight + 1);
    }
  };

  const emit = (lo: number, hi: number) => {
    current = { ...current, from: lo <= 0 ? null : months[lo], to: hi >= last ? null : months[hi] };
    onChange(current);
  };
  const stop = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    play.replaceChildren(icon('play'));
    play.setAttribute('aria-label', 'Play through time');
    play.dataset.playing = 'false';
  };
  const step = (delta: number) => {
    let [lo, hi] = range();
    if (cumulative.checked) hi = Math.max(0, Math.min(last, hi + delta));
    else {
      const width = hi - lo;
      lo = Math.max(0, Math.min(last - width, lo + delta));
      hi = lo + width;
    }
    emit(cumulative.checked ? 0 : lo, hi);
  };
  const togglePlay = () => {
    if (months.length === 0) return;
    if (timer !== null) return stop();
    let [lo, hi] = range();
    // From the full span, play from the first month: one month at a time, or everything up to it when cumulative.
    if (hi >= last) [lo, hi] = cumulative.checked || (lo === 0 && hi === last) ? [0, 0] : [0, hi - lo];
    if (cumulative.checked) lo = 0;
    emit(lo, hi);
    play.replaceChildren(icon('pause'));
    play.setAttribute('aria-label', 'Pause');
    play.dataset.playing = 'true';
    const tick = () => {
      const [, end] = range();
      if (end >= last) return stop();
      step(1);
      timer = setTimeout(tick, PLAY_STEP_MS / Number(speed.value));
    };
    timer = setTimeout(tick, PLAY_STEP_MS / Number(speed.value));
  };
  from.addEventListener('input', () => {
    const lo = Number(from.value);
    emit(lo, Math.max(lo, Number(to.value)));
  });
  to.addEventListener('input', () => {
    const hi = Number(to.value);
    emit(Math.min(hi, Number(from.value)), hi);
  });
  undated.addEventListener('change', () => {
    current = { ...current, undated: undated.checked };
    onChange(current);
  });
  play.addEventListener('click', togglePlay);
  new ResizeObserver(draw).observe(track);

  return {
    update(next) {
      current = { from: next.from, to: next.to, undated: next.undated };
      const [lo, hi] = range();
      from.value = String(lo);
      to.value = String(hi);
      undated.checked = next.undated;
      label.textContent = months.length === 0 ? 'No dated events' : `${months[lo]} – ${months[hi]}`;
      draw();
    },
    step,
    togglePlay,
    redraw: draw,
  };
}
