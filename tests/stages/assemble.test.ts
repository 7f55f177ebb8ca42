// Assembling events: which reports merge (dates and places must agree) and what the graph records of them.
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { validateGraph } from '../../src/graph/validate.js';
import { extractArticleFacts } from '../../src/pipeline.js';
import { clusterEvents, createAssembler, eventLabel } from '../../src/stages/assemble/index.js';
import type { EventNode } from '../../src/graph/model.js';
import type { EventFact, ResolvedDate } from '../../src/types.js';

const kb = loadKnowledgeBase();
const PARTIES = ['person:giorgia-meloni', 'person:volodymyr-zelensky'];
const COUNTRY: Record<string, string> = { 'place:rome': 'country:IT', 'place:kyiv': 'country:UA' };

function day(iso: string): ResolvedDate {
  return { date: iso, precision: 'day', dateStart: iso, dateEnd: iso };
}

const UNDATED: ResolvedDate = { date: null, precision: 'unknown', dateStart: null, dateEnd: null };

function report(article: string, anchor: string, date: ResolvedDate, location: string | null, extra: Partial<EventFact> = {}) {
  const fact: EventFact = {
    type: 'meeting', status: 'occurred', hedged: false, participants: PARTIES, participantEvidence: { [PARTIES[0]]: 'stated', [PARTIES[1]]: 'stated' },
    location, date, dateEvidence: null, dateInferred: false, cancellationReported: null,
    evidence: [{ article, quote: 'q', start: 0, end: 1 }], trigger: 'met', confidence: 1, ...extra,
  };
  return { fact, article, anchor };
}

describe('event reports merge only when their dates and places agree', () => {
  it('two meetings of one pair, 26 April in Rome and 10 May in Kyiv, stay two', () => {
    const clusters = clusterEvents([
      report('a', '2023-04-27', day('2023-04-26'), 'place:rome'),
      report('b', '2023-05-11', day('2023-05-10'), 'place:kyiv'),
      // An undated report in the Kyiv article, placed in Kyiv: it is the Kyiv meeting, not the Rome one.
      report('b', '2023-05-11', UNDATED, 'place:kyiv'),
    ], (key) => COUNTRY[key] ?? null);
    expect(clusters.map((c) => [c.location, c.date.date, c.reports.length])).toEqual([['place:rome', '2023-04-26', 1], ['place:kyiv', '2023-05-10', 2]]);
  });

  it('an undated report with a place that contradicts the only dated meeting does not join it', () => {
    const clusters = clusterEvents([report('a', '2023-04-27', day('2023-04-26'), 'place:rome'), report('a', '2023-04-27', UNDATED, 'place:kyiv')], (key) => COUNTRY[key] ?? null);
    expect(clusters).toHaveLength(2);
  });

  it('a lead-event range joins the dated report it overlaps, across articles', () => {
    const inferred: ResolvedDate = { date: null, precision: 'range', dateStart: '2023-04-26', dateEnd: '2023-04-27' };
    const clusters = clusterEvents([report('a', '2023-04-27', day('2023-04-26'), 'place:rome'), report('b', '2023-04-27', inferred, null, { dateInferred: true })], (key) => COUNTRY[key] ?? null);
    expect(clusters).toHaveLength(1);
    expect(clusters[0].date.date).toBe('2023-04-26');
  });

  it.each([
    ['two papers of the same week (d28, d29: "Mahuta will meet ... Bainimarama")', '2022-03-25', '2022-03-25', 1],
    ['articles six days apart', '2022-03-19', '2022-03-25', 1],
    ['articles months apart: the pair may have met again', '2022-03-25', '2022-07-01', 2],
  ])('undated reports of one pair across articles: %s', (_, a, b, clusters) => {
    expect(clusterEvents([report('a', a, UNDATED, null), report('b', b, UNDATED, null)], () => null)).toHaveLength(clusters);
  });

  it('a historical aside dated by a bare year takes no undated report (d32: "visited New Zealand in 1998")', () => {
    const clusters = clusterEvents([report('a', '2023-06-07', { date: '1998', precision: 'year', dateStart: '1998-01-01', dateEnd: '1998-12-31' }, null), report('a', '2023-06-07', UNDATED, null)], () => null);
    expect(clusters).toHaveLength(2);
  });
});

describe('what the graph records of an event', () => {
  function build(texts: [string, string | null][]) {
    const assembler = createAssembler(kb, 'test');
    texts.forEach(([text, published], i) => assembler.add(extractArticleFacts({ meta: { id: `a${i}`, title: null, url: null, published, source: null, language: null, file: `a${i}.txt` }, text, format: 'txt' }, kb)));
    return assembler.finish();
  }

  it('participant edges say how each party was found; an inferred date and a reported cancellation are attributes', () => {
    const graph = build([
      ['Theresa May invited the US President Donald Trump when she visited the White House in January.', '2017-07-11'],
      // d12 as printed: the full name first, so the bare "Jaishankar" is that person.
      ['External Affairs Minister S Jaishankar spoke to his counterpart in the EU, Vice President and High Representative Josep Borrell. “Assured him of our fullest support in the return of EU citizens from India,” Jaishankar tweeted.\n\nJaishankar also had a phone conversation with Chinese State Councillor and Foreign Minister Wang Yi.', '2020-03-25'],
      ['Prime Minister of India Narendra Modi will no longer be visiting Guyana as planned in early December.', '2018-10-20'],
    ]);
    const foundBy: Record<string, string | null | undefined> = {};
    graph.forEachEdge((_, attrs, source, target) => {
      if (attrs.relation === 'participant') foundBy[`${source} ${graph.getNodeAttribute(target, 'label')}`] = attrs.foundBy;
    });
    expect(foundBy['person:theresa-may Visit: Theresa May – United States, 2017-01, White House']).toBe('pronoun');
    expect(foundBy['country:US Visit: Theresa May – United States, 2017-01, White House']).toBe('visit');
    const events = graph.filterNodes((_, a) => a.kind === 'event').map((k) => graph.getNodeAttributes(k));
    const call = events.find((e) => e.kind === 'event' && e.eventType === 'call' && e.label.includes('Wang Yi'));
    expect(call && call.kind === 'event' && [call.dateInferred, call.datePrecision, call.dateStart, call.dateEnd]).toEqual([true, 'range', '2020-03-24', '2020-03-25']);
    const cancelled = events.find((e) => e.kind === 'event' && e.status === 'cancelled');
    expect(cancelled && cancelled.kind === 'event' && [cancelled.cancellationReported, cancelled.dateStart, cancelled.dateInferred]).toEqual(['2018-10-20', '2018-12-01', false]);
    expect(validateGraph(graph)).toEqual([]);
  });
});

describe('what the assembler derives from the events', () => {
  const graph = (() => {
    const assembler = createAssembler(kb, 'test');
    const texts: [string, string][] = [
      // d12 as printed: two calls of Jaishankar's on the same day.
      ['External Affairs Minister S Jaishankar spoke to his counterpart in the EU, Vice President and High Representative Josep Borrell. “Assured him of our fullest support in the return of EU citizens from India,” Jaishankar tweeted.\n\nJaishankar also had a phone conversation with Chinese State Councillor and Foreign Minister Wang Yi.', '2020-03-25'],
      ['Theresa May invited the US President Donald Trump when she visited the White House in January.', '2017-07-11'],
      ['Prime Minister of India Narendra Modi will no longer be visiting Guyana as planned in early December.', '2018-10-20'],
    ];
    texts.forEach(([text, published], i) => assembler.add(extractArticleFacts({ meta: { id: `a${i}`, title: i === 0 ? 'Jaishankar calls' : null, url: `https://example.org/${i}`, published, source: 'Example', language: null, file: `a${i}.txt` }, text, format: 'txt' }, kb)));
    return assembler.finish();
  })();
  const participants = (event: string) => new Set(graph.inEdges(event).filter((e) => graph.getEdgeAttribute(e, 'relation') === 'participant').map((e) => graph.source(e)));

  it('weighs every tie by its events (occurred 1, planned 0.5, cancelled 0), lists only events both took part in, and keeps one edge a pair', () => {
    const ties = graph.filterEdges((_key, attrs) => attrs.relation === 'interacted_with');
    expect(ties.length).toBeGreaterThan(0);
    const pairs = new Set<string>();
    for (const key of ties) {
      const [a, b] = graph.extremities(key);
      const tie = graph.getEdgeAttributes(key);
      expect(a < b).toBe(true);
      expect(pairs.has(`${a}|${b}`)).toBe(false);
      pairs.add(`${a}|${b}`);
      const events = tie.events!.map((e) => graph.getNodeAttributes(e) as EventNode);
      expect(tie.weight).toBe(events.reduce((sum, e) => sum + { occurred: 1, planned: 0.5, cancelled: 0 }[e.status], 0));
      expect([tie.count, tie.occurred, tie.planned]).toEqual([events.length, events.filter((e) => e.status === 'occurred').length, events.filter((e) => e.status === 'planned').length]);
      for (const e of tie.events!) expect([participants(e).has(a), participants(e).has(b)]).toEqual([true, true]);
    }
    const jaishankar = graph.findNode((_key, node) => node.label.includes('Jaishankar'))!;
    const wang = graph.findNode((_key, node) => node.label === 'Wang Yi')!;
    const [a, b] = [jaishankar, wang].sort();
    expect(graph.getEdgeAttributes(`${a}--interacted_with--${b}`)).toMatchObject({ count: 1, weight: 1, byType: { call: 1 }, firstDate: '2020-03-24', lastDate: '2020-03-25' });
    // Belonging is not interaction: Theresa May and her visit's host country are tied, she and her own country are not.
    expect(graph.hasEdge('country:US--interacted_with--person:theresa-may')).toBe(true);
    expect(graph.hasEdge('country:GB--interacted_with--person:theresa-may')).toBe(false);
  });

  it('adds one node per article and a reported_in edge for each sentence an event is reported in', () => {
    expect(graph.getNodeAttributes('article:a0')).toMatchObject({ kind: 'article', label: 'Jaishankar calls', title: 'Jaishankar calls', url: 'https://example.org/0', source: 'Example', published: '2020-03-25', articles: ['a0'], firstSeen: '2020-03-25' });
    expect(graph.getNodeAttribute('article:a1', 'label')).toBe('a1');
    graph.forEachNode((key, node) => {
      if (node.kind !== 'event') return;
      const reported = graph.outEdges(key).filter((e) => graph.getEdgeAttribute(e, 'relation') === 'reported_in').map((e) => graph.getEdgeAttributes(e));
      expect(reported.map((e) => [e.quote, e.start, e.end])).toEqual(node.sources.map((s) => [s.quote, s.start, s.end]));
    });
    expect(validateGraph(graph)).toEqual([]);
  });

  it.each([
    ['people, then the parties that are not their own countries', [['person:donald-trump', 'Donald Trump', 'US'], ['person:vladimir-putin', 'Vladimir Putin', 'RU'], ['country:US', 'United States', 'US'], ['country:RU', 'Russia', 'RU']], { date: '2025-08-15', precision: 'day', dateStart: '2025-08-15', dateEnd: '2025-08-15' }, 'Anchorage', 'Meeting: Donald Trump – Vladimir Putin, 2025-08-15, Anchorage'],
    ['a range as start..end', [['person:s-jaishankar', 'Subrahmanyam Jaishankar', 'IN'], ['country:NL', 'Netherlands', 'NL']], { date: null, precision: 'range', dateStart: '2019-09-23', dateEnd: '2019-09-24' }, null, 'Meeting: Subrahmanyam Jaishankar – Netherlands, 2019-09-23..2019-09-24'],
    ['countries alone', [['country:US', 'United States', 'US'], ['country:AF', 'Afghanistan', 'AF']], { date: null, precision: 'unknown', dateStart: null, dateEnd: null }, null, 'Meeting: Afghanistan – United States'],
  ] as const)('labels an event by %s', (_name, parties, date, location, expected) => {
    expect(eventLabel('meeting', parties.map(([key, label, country]) => ({ key, label, country: key.startsWith('person:') ? country : null })), date, location)).toBe(expected);
  });

  it('gives a range that starts and ends on the same day as that day', () => {
    graph.forEachNode((_key, node) => {
      if (node.kind === 'event' && node.dateStart !== null && node.dateStart === node.dateEnd) expect([node.date, node.datePrecision]).toEqual([node.dateStart, 'day']);
    });
    const may = graph.findNode((_key, node) => node.kind === 'event' && node.label.startsWith('Visit: Theresa May'));
    expect(graph.getNodeAttribute(may!, 'label')).not.toMatch(/(\d{4}-\d{2}-\d{2})\.\.\1/);
  });
});
