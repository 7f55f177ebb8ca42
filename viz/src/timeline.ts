// The time range control: a histogram of events per month, two handles, a play button and the undated toggle.
import type { EventNode, KgGraph } from '../../src/graph/model.js';
import { h } from './dom.js';
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

/** Builds the control in `container`; `onChange` receives the new range, and the returned `update` syncs the control with a state. */
export function mountTimeline(container: HTMLElement, histogram: MonthHistogram, onChange: (range: TimeRange) => void): { update(range: TimeRange): void } {
  const { months, counts } = histogram;
  const last = months.length - 1;
  const canvas = h('canvas', { class: 'histogram', 'aria-hidden': 'true' });
  const from = h('input', { type: 'range', id: 'range-from', min: 0, max: Math.max(last, 0), step: 1, 'aria-label': 'From month' });
  const to = h('input', { type: 'range', id: 'range-to', min: 0, max: Math.max(last, 0), step: 1, 'aria-label': 'To month' });
  const label = h('span', { id: 'range-label' });
  const play = h('button', { type: 'button', id: 'time-play', 'aria-label': 'Play through time' }, '▶');
  const undated = h('input', { type: 'checkbox', id: 'undated-toggle' });
  const undatedLabel = h('label', { for: 'undated-toggle' }, undated, ` undated events (${histogram.undated})`);
  const track = h('div', { class: 'range-track' }, canvas, from, to);
  container.replaceChildren(h('div', { class: 'timeline-controls' }, play, label, undatedLabel), track);
  if (months.length === 0) {
    track.hidden = true;
    play.disabled = true;
    label.textContent = 'No dated events';
  }

  let timer: ReturnType<typeof setInterval> | null = null;
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
    context.scale(ratio, ratio);
    context.clearRect(0, 0, width, height);
    const max = Math.max(...counts, 1);
    const barWidth = width / months.length;
    const [lo, hi] = range();
    counts.forEach((count, i) => {
      const barHeight = (count / max) * (height - 4);
      context.fillStyle = i >= lo && i <= hi ? '#f28e2b' : '#d0d0d0';
      context.fillRect(i * barWidth + 0.5, height - barHeight, Math.max(barWidth - 1, 1), barHeight);
    });
  };

  const emit = (lo: number, hi: number) => {
    current = { ...current, from: lo <= 0 ? null : months[lo], to: hi >= last ? null : months[hi] };
    onChange(current);
  };
  const stop = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
    play.textContent = '▶';
    play.setAttribute('aria-label', 'Play through time');
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
  play.addEventListener('click', () => {
    if (timer !== null) return stop();
    let [lo, hi] = range();
    // From the full span, play one month at a time; otherwise slide the chosen window.
    if (lo === 0 && hi === last) hi = 0;
    if (hi >= last) [lo, hi] = [0, hi - lo];
    emit(lo, hi);
    play.textContent = '⏸';
    play.setAttribute('aria-label', 'Pause');
    timer = setInterval(() => {
      if (hi >= last) return stop();
      lo += 1;
      hi += 1;
      emit(lo, hi);
    }, PLAY_STEP_MS);
  });
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
  };
}
