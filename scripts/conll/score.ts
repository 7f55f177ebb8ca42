// Scores person names (PER) of the link stage on CoNLL-2003 news stories, spans exact:
//   npx tsx scripts/conll/score.ts /work/peer/conll2003/eng.testa [--errors] [--all]
// --errors prints each missed and extra span with its line; --all scores sports tables too (see isTable in read.ts).
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../../src/kb/index.js';
import { cleanArticle } from '../../src/stages/clean/index.js';
import { dateAndLinkArticle } from '../../src/stages/document-date.js';
import type { RawArticle } from '../../src/types.js';
import { readConll, type ConllDocument } from './read.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { errors: { type: 'boolean', default: false }, all: { type: 'boolean', default: false } } });
if (positionals.length !== 1) throw new Error('usage: npx tsx scripts/conll/score.ts CONLL_FILE [--errors] [--all]');
const file = positionals[0];
if (/testb/.test(file)) throw new Error('eng.testb is the test set: it is not to be scored during development');

const kb = loadKnowledgeBase();
const docs = readConll(file).filter((d) => values.all || !d.table);
let tp = 0;
let fp = 0;
let fn = 0;
for (const doc of docs) {
  const predicted = personSpans(doc);
  const gold = doc.spans.filter((s) => s.type === 'PER').map((s) => `${s.start}:${s.end}`);
  const goldSet = new Set(gold);
  const predictedSet = new Set(predicted);
  for (const g of goldSet) if (predictedSet.has(g)) tp++; else { fn++; report('missed', doc, g); }
  for (const p of predictedSet) if (!goldSet.has(p)) { fp++; report('extra', doc, p); }
}
const precision = tp / Math.max(1, tp + fp);
const recall = tp / Math.max(1, tp + fn);
const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
console.log(`${file}: ${docs.length} documents${values.all ? '' : ' (news; sports tables left out)'}; PER precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} F1 ${f1.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`);

/** The person-name spans the link stage finds in one document ("start:end"); role phrases ("the Russian President") are no names. */
function personSpans(doc: ConllDocument): string[] {
  const raw: RawArticle = {
    meta: { id: `conll-${doc.index}`, title: doc.title, url: null, published: doc.published, source: null, language: 'en', file },
    text: doc.text,
    format: 'txt',
  };
  const { article } = cleanArticle(raw);
  const { linked } = dateAndLinkArticle(article, kb);
  return linked.mentions.filter((m) => m.kind === 'person' && m.form !== 'role').map((m) => `${m.start}:${m.end}`);
}

function report(kind: string, doc: ConllDocument, span: string): void {
  if (!values.errors) return;
  const [start, end] = span.split(':').map(Number);
  const lineStart = doc.text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = doc.text.indexOf('\n', end);
  const line = doc.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  console.log(`${kind}\t${doc.index}\t${doc.text.slice(start, end)}\t| ${line.slice(Math.max(0, start - lineStart - 60), end - lineStart + 40)}`);
}
