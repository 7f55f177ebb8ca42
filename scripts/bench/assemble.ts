// Assembly benchmark (not a test): a build's facts.jsonl, grown K-fold in memory (copyFacts), through the assembler and
// the layout alone, so assembly can be timed and profiled at 100,000 articles without extracting them.
//   npx tsx scripts/bench/assemble.ts --facts OUT/facts.jsonl --copies 32 [--layout] [--graph FILE]
//   node --cpu-prof --import tsx scripts/bench/assemble.ts ...   (a profile of the same run)
// Prints the figures, then a JSON line of them (for scripts/bench.ts).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { createAssembler } from '../../src/stages/assemble/index.js';
import { applyLayout } from '../../src/graph/layout.js';
import { countGraph } from '../../src/graph/model.js';
import { serializeGraphChunks, writeFileAtomic } from '../../src/graph/serialize.js';
import { compareArticleIds } from '../../src/pipeline/article-order.js';
import { PIPELINE_VERSION } from '../../src/pipeline/options.js';
import type { ArticleFacts } from '../../src/types.js';
import { copyFacts } from './copy-facts.js';

const { values } = parseArgs({ options: { facts: { type: 'string' }, copies: { type: 'string', default: '0' }, layout: { type: 'boolean', default: false }, graph: { type: 'string' } } });
const copies = Number(values.copies);
if (!values.facts || !Number.isInteger(copies) || copies < 0) throw new Error('bench assemble: --facts FILE and --copies N (a whole number, 0 for none) are required');

/** The originals' lines by id; the copies are made one at a time as the assembler asks, so memory holds the originals only. */
const originals = new Map<string, string>();
for (const line of readFileSync(values.facts, 'utf8').split('\n')) {
  if (line.trim() === '') continue;
  originals.set((JSON.parse(line) as ArticleFacts).meta.id, line);
}
// The assembler takes articles in increasing id order, the copies' ids among them ("A~10" before "A~2").
const order: { id: string; original: string; k: number }[] = [];
for (const id of originals.keys()) for (let k = 0; k <= copies; k++) order.push({ id: k === 0 ? id : `${id}~${k}`, original: id, k });
order.sort((a, b) => compareArticleIds(a.id, b.id));

const kb = loadKnowledgeBase();
const assembler = createAssembler(kb, PIPELINE_VERSION);
let addMs = 0;
for (const { original, k } of order) {
  const line = originals.get(original)!;
  const facts = JSON.parse(k === 0 ? line : copyFacts(line, original, k)) as ArticleFacts;
  const t0 = performance.now();
  assembler.add(facts);
  addMs += performance.now() - t0;
}
const t1 = performance.now();
const graph = assembler.finish();
const finishMs = performance.now() - t1;
const assembleRss = process.resourceUsage().maxRSS;
let layoutMs = 0;
if (values.layout) {
  const t2 = performance.now();
  applyLayout(graph);
  layoutMs = performance.now() - t2;
}
if (values.graph) await writeFileAtomic(values.graph, serializeGraphChunks(graph));
const counts = countGraph(graph);
const figures = { articles: order.length, addMs: Math.round(addMs), finishMs: Math.round(finishMs), layoutMs: Math.round(layoutMs), assembleRssKb: assembleRss, maxRssKb: process.resourceUsage().maxRSS, nodes: graph.order, edges: graph.size, events: counts.nodes.event ?? 0 };
const s = (ms: number) => (ms / 1000).toFixed(1);
process.stdout.write(`assemble ${figures.articles} articles (${originals.size} x ${copies + 1}): add ${s(addMs)} s, finish (event merge, graph) ${s(finishMs)} s${values.layout ? `, layout ${s(layoutMs)} s` : ''}; peak RSS ${(figures.maxRssKb / 1024).toFixed(0)} MB (${(assembleRss / 1024).toFixed(0)} MB before the layout); ${figures.nodes} nodes (${figures.events} events), ${figures.edges} edges\n`);
process.stdout.write(`${JSON.stringify(figures)}\n`);
