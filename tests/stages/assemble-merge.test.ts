// Merging event reports across articles (src/stages/assemble/merge-events.ts): a story with no date at all, and a
// second event of the same kind in one article. The quotes are the dev set's (d10, d31, d32).
import { clusterEvents } from '../../src/stages/assemble/index.js';
import type { EventFact, ResolvedDate } from '../../src/types.js';

const RABUKA = ['person:sitiveni-rabuka', 'country:NZ'];
const PAIR = ['person:giorgia-meloni', 'person:volodymyr-zelensky'];
const COUNTRY: Record<string, string> = { 'place:rome': 'country:IT', 'place:kyiv': 'country:UA', 'place:wellington': 'country:NZ' };
const countryOf = (key: string) => COUNTRY[key] ?? null;
const UNDATED: ResolvedDate = { date: null, precision: 'unknown', dateStart: null, dateEnd: null };
const day = (iso: string): ResolvedDate => ({ date: iso, precision: 'day', dateStart: iso, dateEnd: iso });

function report(article: string, anchor: string | null, fact: Partial<EventFact> & { quote: string }) {
  const { quote, ...rest } = fact;
  const participants = rest.participants ?? PAIR;
  const full: EventFact = {
    type: 'meeting', status: 'occurred', hedged: false, participants, participantEvidence: Object.fromEntries(participants.map((k) => [k, 'stated'])),
    location: null, date: UNDATED, dateEvidence: null, dateInferred: false, cancellationReported: null,
    evidence: [{ article, quote, start: 0, end: quote.length }], trigger: 'met', confidence: 1, ...rest,
  };
  return { fact: full, article, anchor };
}

describe('a story with no date joins the one event of its parties that fits', () => {
  it('d32 (no date) tells of the visit d31 dates: one event, with d31\'s day', () => {
    const clusters = clusterEvents([
      report('d31', '2023-06-07', { type: 'visit', participants: RABUKA, date: day('2023-06-06'), trigger: 'visit', quote: 'Rabuka began his official visit to New Zealand yesterday.' }),
      report('d32', null, { type: 'visit', participants: RABUKA, status: 'planned', location: 'place:wellington', trigger: 'visiting', quote: 'Fiji’s new Prime Minister Sitiveni Rabuka is visiting New Zealand this week for his first visit since winning last year’s election.' }),
    ], countryOf);
    expect(clusters.map((c) => [c.reports.map((r) => r.article), c.date.date])).toEqual([[['d31', 'd32'], '2023-06-06']]);
  });

  it('and two undated reports, one in a dated article: one event', () => {
    const clusters = clusterEvents([
      report('d31', '2023-06-07', { status: 'planned', quote: 'Rabuka will undertake a series of formal engagements in Auckland and Wellington, including bilateral meetings with Prime Minister Hipkins.' }),
      report('d32', null, { status: 'planned', quote: 'In Wellington, Rabuka will hold meetings with Hipkins.' }),
    ], countryOf);
    expect(clusters).toHaveLength(1);
  });

  it('but not a historical aside dated by a bare year (d32: "visited New Zealand in 1998")', () => {
    const clusters = clusterEvents([
      report('d32', null, { type: 'visit', participants: RABUKA, date: { date: '1998', precision: 'year', dateStart: '1998-01-01', dateEnd: '1998-12-31' }, quote: 'Previously holding the office of prime minister between 1992 to 1999, Rabuka visited New Zealand in 1998.' }),
      report('d32', null, { type: 'visit', participants: RABUKA, status: 'planned', quote: 'Fiji’s new Prime Minister Sitiveni Rabuka is visiting New Zealand this week.' }),
    ], countryOf);
    expect(clusters).toHaveLength(2);
  });

  it('with two events of the pair to choose from, it joins neither; its place, when it has one, chooses', () => {
    const rome = report('a', '2023-04-27', { date: day('2023-04-26'), location: 'place:rome', quote: 'Meloni met Zelensky in Rome on Wednesday.' });
    const kyiv = report('b', '2023-05-11', { date: day('2023-05-10'), location: 'place:kyiv', quote: 'Meloni met Zelensky in Kyiv on Wednesday.' });
    const bare = report('c', null, { quote: 'Meloni met Zelensky.' });
    expect(clusterEvents([rome, kyiv, bare], countryOf)).toHaveLength(3);
    const placed = report('c', null, { location: 'place:kyiv', quote: 'Meloni met Zelensky in Kyiv.' });
    const clusters = clusterEvents([rome, kyiv, placed], countryOf);
    expect(clusters.map((c) => c.reports.map((r) => r.article))).toEqual([['a'], ['b', 'c']]);
  });
});

describe('a second event of the same kind in one article stays apart', () => {
  it('d10: "a more low-key visit" before the end of the year is not the postponed state visit', () => {
    const trump = ['person:donald-trump', 'country:GB'];
    const clusters = clusterEvents([
      report('d10', '2017-07-11', { type: 'visit', participants: trump, status: 'cancelled', trigger: 'visit', quote: "Donald Trump's state visit to the UK has been postponed until next year, it has been confirmed." }),
      report('d10', '2017-07-11', { type: 'visit', participants: trump, status: 'planned', hedged: true, trigger: 'visit', date: { date: '2017-12', precision: 'month', dateStart: '2017-12-01', dateEnd: '2017-12-31' }, quote: 'However, they insisted that he could make a more low-key visit to London before the end of this year if he is in Europe on other business.' }),
    ], countryOf);
    expect(clusters.map((c) => c.status)).toEqual(['cancelled', 'planned']);
  });
});

describe('a report naming more or fewer of one meeting\'s attendees is that meeting', () => {
  const RUTO = ['person:william-ruto', 'person:chris-coons'];
  const ALL = [...RUTO, 'person:meg-whitman', 'person:alfred-mutua'];
  const range: ResolvedDate = { date: null, precision: 'range', dateStart: '2023-08-17', dateEnd: '2023-08-18' };
  it.each([
    ['d04 (no date) names the senator and the ambassador of d03\'s meeting', [
      report('d03', '2023-08-18', { participants: ALL, date: range, quote: 'The President hosted Delaware Senator Chris Andrew Coons at the State House.' }),
      report('d04', null, { participants: [...RUTO, 'person:meg-whitman'], quote: 'Nairobi - President William Ruto has hosted United States senator Chris Coons at State House Nairobi.' }),
      report('d04', null, { participants: RUTO, quote: 'President William Ruto said held talks with Senator Chris Coons regarding global security and climate change' }),
    ], [['d03', 'd04', 'd04']]],
    ['but not one of another day (d03: the senator met Odinga last Sunday, Ruto on Friday)', [
      report('d03', '2023-08-18', { participants: ALL, date: day('2023-08-18'), quote: 'President William Ruto Friday August 18 morning held talks with a US Senator.' }),
      report('d03', '2023-08-18', { participants: RUTO, date: day('2023-08-13'), quote: 'The meeting comes days after the senator held separate talks with Mr Odinga last Sunday.' }),
    ], [['d03'], ['d03']]],
    ['nor one that shares a single person (d22: Osinbajo visited Buhari; the delegation met him)', [
      report('d22', null, { participants: ['person:muhammadu-buhari', 'person:john-odigie-oyegun'], quote: 'President Muhammadu Buhari, who is on a medical vacation in London, yesterday received top dignitaries from Nigeria.' }),
      report('d22', null, { participants: ['person:muhammadu-buhari', 'person:yemi-osinbajo'], quote: 'Acting President Yemi Osinbajo had visited him a fortnight ago.' }),
    ], [['d22'], ['d22']]],
    ['and an undated report with a meeting of more of them and one of the pair to choose from joins neither (Rome, Kyiv)', [
      report('a', '2023-04-27', { participants: [...PAIR, 'person:sergio-mattarella'], date: day('2023-04-26'), location: 'place:rome', quote: 'Meloni met Zelensky and Mattarella in Rome on Wednesday.' }),
      report('b', '2023-05-11', { date: day('2023-05-10'), location: 'place:kyiv', quote: 'Meloni met Zelensky in Kyiv on Wednesday.' }),
      report('c', null, { quote: 'Meloni met Zelensky.' }),
    ], [['a'], ['b'], ['c']]],
  ])('%s', (_, reports, want) => {
    expect(clusterEvents(reports, countryOf).map((c) => c.reports.map((r) => r.article))).toEqual(want);
  });
});

// The merge finds a report's candidates by an index (merge-candidates.ts); when two events fit equally well, the
// first in the order the merge always took them wins: by the report's first core party each was filed under, then by
// when it was filed there. Each table row breaks a simpler order (creation, or filing under the current core).
describe('between two events that fit equally, the first in merge order takes the report', () => {
  const MELONI = 'person:giorgia-meloni';
  const ZELENSKY = 'person:volodymyr-zelensky';
  const MATTARELLA = 'person:sergio-mattarella';
  const TAJANI = 'person:antonio-tajani';
  const april: ResolvedDate = { date: '2023-04', precision: 'month', dateStart: '2023-04-01', dateEnd: '2023-04-30' };
  const met = (article: string, participants: string[], date: ResolvedDate, location: string | null, quote: string) => report(article, '2023-04-30', { participants, date, location, quote });
  it.each([
    ['two events of the pair in April (Rome, Kyiv): a report of a day in April joins the one made first', [
      met('a', PAIR, april, 'place:rome', 'Meloni met Zelensky in Rome in April.'),
      met('b', PAIR, april, 'place:kyiv', 'Meloni met Zelensky in Kyiv in April.'),
      met('c', PAIR, day('2023-04-26'), null, 'Meloni met Zelensky on Wednesday.'),
    ], [['a', 'c'], ['b']]],
    ['a meeting holding the report\'s people comes before one they hold, made earlier: it is filed under their first party', [
      met('a', [MELONI, TAJANI], day('2023-03-10'), 'place:rome', 'Meloni met Tajani in Rome on March 10.'),
      met('b', [ZELENSKY, MATTARELLA], april, 'place:rome', 'Zelensky met Mattarella in Rome in April.'),
      met('c', [MELONI, ZELENSKY, MATTARELLA, TAJANI], april, 'place:kyiv', 'Meloni, Tajani and Mattarella met Zelensky in Kyiv in April.'),
      met('d', [MELONI, ZELENSKY, MATTARELLA], day('2023-04-26'), null, 'Meloni and Mattarella met Zelensky on Wednesday.'),
    ], [['a'], ['b'], ['c', 'd']]],
    ['a meeting whose people grew to the report\'s comes before one that had them first: it was filed under the pair first', [
      met('a', PAIR, april, 'place:rome', 'Meloni met Zelensky in Rome in April.'),
      met('b', [...PAIR, MATTARELLA], april, 'place:kyiv', 'Meloni and Mattarella met Zelensky in Kyiv in April.'),
      met('c', [...PAIR, MATTARELLA], april, 'place:rome', 'Meloni and Mattarella met Zelensky in Rome in April.'),
      met('d', [...PAIR, MATTARELLA], day('2023-04-26'), null, 'Meloni and Mattarella met Zelensky on Wednesday.'),
    ], [['a', 'c', 'd'], ['b']]],
  ])('%s', (_, reports, want) => {
    expect(clusterEvents(reports, countryOf).map((c) => c.reports.map((r) => r.article))).toEqual(want);
  });
});
