// The event merge by partition (src/stages/assemble/event-partitions.ts): which reports may meet, and that merging
// each partition on its own gives what one pass over every report gives.
import { clusterEvents, mergeReports, type EventCluster } from '../../src/stages/assemble/merge-events.js';
import { partitionReports } from '../../src/stages/assemble/event-partitions.js';
import { createRandom } from '../../src/graph/random.js';
import type { EventFact, ResolvedDate } from '../../src/types.js';

const UNDATED: ResolvedDate = { date: null, precision: 'unknown', dateStart: null, dateEnd: null };
const COUNTRY: Record<string, string> = { 'place:rome': 'country:IT', 'place:kyiv': 'country:UA', 'place:nairobi': 'country:KE' };
const countryOf = (key: string) => COUNTRY[key] ?? null;

function report(article: string, anchor: string | null, participants: string[], rest: Partial<EventFact> = {}): EventCluster['reports'][number] {
  const quote = rest.evidence?.[0]?.quote ?? `${participants.join(' and ')} met.`;
  const fact: EventFact = {
    type: 'meeting', status: 'occurred', hedged: false, participants, participantEvidence: Object.fromEntries(participants.map((k) => [k, 'stated'])),
    location: null, date: UNDATED, dateEvidence: null, dateInferred: false, cancellationReported: null,
    evidence: [{ article, quote, start: 0, end: quote.length }], trigger: 'met', confidence: 1, ...rest,
  };
  return { fact, article, anchor };
}

const articlesOf = (groups: EventCluster['reports'][]) => groups.map((g) => g.map((r) => `${r.article}:${r.fact.participants.join('+')}`));

describe('partitionReports', () => {
  const [a, b, c, d] = ['person:a', 'person:b', 'person:c', 'person:d'];
  it('puts a summit of three with the pairs it holds, and a pair sharing one person apart', () => {
    const reports = [report('1', null, [a, b]), report('2', null, [c, d]), report('3', null, [b, c]), report('4', null, [a, b, c]), report('5', null, [a, d])];
    expect(articlesOf(partitionReports(reports))).toEqual([['1:person:a+person:b', '3:person:b+person:c', '4:person:a+person:b+person:c'], ['2:person:c+person:d'], ['5:person:a+person:d']]);
  });

  it('keeps a core with fewer than two people with the same core only, whatever its countries add', () => {
    const reports = [report('1', null, [a, 'country:KE']), report('2', null, ['country:KE', a]), report('3', null, [a, 'country:UA']), report('4', null, [a, b, 'country:KE']), report('5', null, [b, a])];
    expect(articlesOf(partitionReports(reports))).toEqual([['1:person:a+country:KE', '2:country:KE+person:a'], ['3:person:a+country:UA'], ['4:person:a+person:b+country:KE', '5:person:b+person:a']]);
  });
});

describe('merging by partition equals one pass over every report', () => {
  const PEOPLE = ['person:a', 'person:b', 'person:c', 'person:d', 'person:e'];
  const OTHERS = ['country:IT', 'country:UA', 'country:KE', 'org:un'];
  const PLACES = [null, null, 'place:rome', 'place:kyiv', 'place:nairobi', 'country:KE'];
  const TYPES = ['meeting', 'summit', 'call', 'visit'] as const;
  const STATUSES = ['occurred', 'occurred', 'planned', 'cancelled'] as const;

  /** A seeded pile of reports over few parties, so that cores repeat, hold one another and chain into partitions. */
  function pile(seed: number): EventCluster['reports'] {
    const random = createRandom(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const iso = (day: number) => `2024-03-${String(day).padStart(2, '0')}`;
    const reports: EventCluster['reports'] = [];
    for (let n = 0; n < 80; n++) {
      const article = `a${String(n).padStart(3, '0')}`;
      const published = random() < 0.15 ? null : 5 + Math.floor(random() * 20);
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const parties = new Set<string>();
        for (let m = 1 + Math.floor(random() * 3); m > 0; m--) parties.add(random() < 0.7 ? pick(PEOPLE) : pick(OTHERS));
        const day = (published ?? 15) + Math.floor(random() * 9) - 6;
        const r = random();
        const date: ResolvedDate = r < 0.4 ? UNDATED : r < 0.75 ? { date: iso(day), precision: 'day', dateStart: iso(day), dateEnd: iso(day) }
          : r < 0.9 ? { date: '2024-03', precision: 'month', dateStart: '2024-03-01', dateEnd: '2024-03-31' } : { date: null, precision: 'range', dateStart: iso(day), dateEnd: iso(day + 2) };
        const trigger = pick(['met', 'talks', 'visit']);
        const quote = random() < 0.1 ? `They held another ${trigger} there.` : `They held ${trigger} there.`;
        reports.push(report(article, published === null ? null : iso(published), [...parties], {
          type: pick(TYPES), status: pick(STATUSES), location: pick(PLACES), date, trigger, dateEvidence: date.precision === 'unknown' || random() < 0.3 ? null : { text: 'on', rule: 'test', anchor: null },
          evidence: [{ article, quote, start: 0, end: quote.length }],
        }));
      }
    }
    return reports;
  }

  it.each(Array.from({ length: 25 }, (_, i) => i + 1))('seed %i', (seed) => {
    const reports = pile(seed);
    const partitions = partitionReports(reports);
    // The pile must exercise the point: several partitions, some holding more than one core.
    expect(partitions.length).toBeGreaterThan(5);
    expect(partitions.some((p) => new Set(p.map((r) => [...r.fact.participants].sort().join('+'))).size > 1)).toBe(true);
    const whole = mergeReports(reports, countryOf);
    expect(whole.length).toBeLessThan(reports.length);
    expect(clusterEvents(reports, countryOf)).toEqual(whole);
  });
});
