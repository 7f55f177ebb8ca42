// Questions to ask both query back ends, drawn from a graph: every method, with and without filters, windows and
// bad input, over its entities (a bounded sample of them on a large graph).
import type { NodeKind } from '../../src/graph/model.js';
import type { KnowledgeGraph } from '../../src/query/index.js';
import type { GraphQueries, RankMetric } from '../../src/query/types.js';

export interface Question {
  name: string;
  ask: (kg: GraphQueries) => unknown;
}

/** Every `step`-th item, at most `limit` of them. */
function sample<T>(items: T[], limit: number): T[] {
  const step = Math.max(1, Math.floor(items.length / limit));
  return items.filter((_item, i) => i % step === 0).slice(0, limit);
}

export function questionsFor(memory: KnowledgeGraph, limit = 12): Question[] {
  const graph = memory.graph;
  const entities = sample(graph.filterNodes((_key, node) => node.kind !== 'event' && node.kind !== 'article'), limit);
  const people = sample(graph.filterNodes((_key, node) => node.kind === 'person'), limit);
  const countries = sample(graph.filterNodes((_key, node) => node.kind === 'country'), limit);
  const articles = sample(graph.getAttribute('articles').map((a) => a.id), limit);
  const years = [...new Set(graph.filterNodes((_key, node) => node.kind === 'event').map((key) => graph.getNodeAttribute(key, 'firstSeen')?.slice(0, 4)).filter((y): y is string => y !== undefined))].sort();
  const windows = [{}, { from: years[0] }, { to: years[0] }, { from: years[years.length - 1], to: years[years.length - 1] }, { from: `${years[0]}-07`, to: `${years[years.length - 1]}-02-15` }];
  const pairs = sample(people.flatMap((a, i) => [...people.slice(i + 1), ...countries].map((b) => [a, b] as const)), limit * 2);
  const questions: Question[] = [];
  const ask = (name: string, question: (kg: GraphQueries) => unknown) => questions.push({ name, ask: question });

  for (const key of entities) {
    const label = graph.getNodeAttribute(key, 'label');
    ask(`find ${label}`, (kg) => kg.find(label));
    ask(`lookup ${key}`, (kg) => kg.lookup(key));
    ask(`lookup ${label} less its last letter`, (kg) => kg.lookup(label.slice(0, -1)));
    ask(`lookup the surname of ${label}`, (kg) => kg.lookup(label.split(' ').pop()!));
  }
  ask('find nobody', (kg) => kg.find('Xqzwvb'));
  ask('lookup a typo', (kg) => kg.lookup('Putn'));

  for (const window of windows) {
    ask(`events ${JSON.stringify(window)}`, (kg) => kg.events(window));
    for (const key of entities) ask(`timeline ${key} ${JSON.stringify(window)}`, (kg) => kg.timeline(key, window));
    for (const key of entities) ask(`neighbors ${key} ${JSON.stringify(window)}`, (kg) => kg.neighbors(key, window));
    for (const key of entities) ask(`projection ${key} ${JSON.stringify(window)}`, (kg) => kg.neighbors(key, { ...window, projection: true }));
    for (const [a, b] of pairs) ask(`between ${a} ${b} ${JSON.stringify(window)}`, (kg) => kg.interactions(a, b, window));
    for (const [a, b] of pairs) ask(`tie ${a} ${b} ${JSON.stringify(window)}`, (kg) => kg.tie(a, b, window));
  }
  for (const type of ['call', 'meeting', 'summit', 'visit', 'dinner']) ask(`events of type ${type}`, (kg) => kg.events({ type }));
  for (const status of ['occurred', 'planned', 'cancelled'] as const) ask(`events ${status}`, (kg) => kg.events({ status, type: ['meeting', 'visit'] }));
  for (const key of countries) ask(`events in or with ${key}`, (kg) => kg.events({ country: key }));
  for (const id of articles) ask(`events of article ${id}`, (kg) => kg.events({ article: id }));
  ask('events of no article', (kg) => kg.events({ article: 'no-such-article' }));
  for (const [a, b] of pairs) ask(`events with ${a} and ${b}`, (kg) => kg.events({ participants: [a, b] }));
  for (const [a, b] of pairs) ask(`events with ${a} or ${b}`, (kg) => kg.events({ anyOf: [a, b], from: years[0] }));
  ask('events with a bad date', (kg) => kg.events({ from: '2024-13' }));
  for (const key of entities) ask(`neighbors ${key} by office`, (kg) => kg.neighbors(key, { relation: ['leader_of', 'official_of', 'participant'] }));
  for (const [a, b] of pairs) {
    ask(`path ${a} ${b}`, (kg) => kg.path(a, b));
    ask(`path ${a} ${b} through everything`, (kg) => kg.path(a, b, { through: ['person', 'country', 'organization', 'place', 'event', 'article'] }));
    ask(`path ${b} ${a} through people`, (kg) => kg.path(b, a, { through: ['person'] }));
  }
  for (const by of ['degree', 'pagerank', 'events'] as RankMetric[]) {
    for (const kind of [undefined, 'person', 'country', 'event', 'organization'] as (NodeKind | undefined)[]) {
      for (const limit of [1, 3, 10, 1000]) ask(`top ${by} ${kind ?? 'any'} ${limit}`, (kg) => kg.top({ by, kind, limit }));
    }
  }
  ask('top with a bad limit', (kg) => kg.top({ limit: 0 }));
  return questions;
}
