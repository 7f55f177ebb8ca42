// Scores kg's date stage on TempEval-3 training documents (TBAQ-cleaned): TIMEX3 type=DATE detection and value accuracy.
// npx tsx scripts/tempeval/score.ts [DIR...] [--errors] [--json]   (default: the AQUAINT and TimeBank folders)
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveTimeExpressions } from '../../src/stages/dates/index.js';
import type { TimeExpression } from '../../src/types.js';
import { readTimeMl, type GoldTimex } from './tml.js';
import { timexValue } from './value.js';

const DEFAULT_DIRS = ['AQUAINT', 'TimeBank'].map((name) => `/work/peer/tempeval3-training/TBAQ-cleaned/${name}`);

const { values: options, positionals } = parseArgs({
  options: { errors: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  allowPositionals: true,
});

const files = (positionals.length > 0 ? positionals : DEFAULT_DIRS).flatMap((entry) =>
  statSync(entry).isDirectory() ? readdirSync(entry).filter((name) => name.endsWith('.tml')).sort().map((name) => path.join(entry, name)) : [entry],
);
if (files.some((file) => file.includes('platinum'))) throw new Error('te3-platinum is the test set: score training documents only');

const counts = { gold: 0, found: 0, otherType: 0, lenientHit: 0, strictHit: 0, lenientCorrect: 0, foundHit: 0, valueCorrect: 0, valueMatched: 0 };
const errors: Array<{ doc: string; kind: string; gold?: string; kg?: string; text: string; rule?: string; context?: string }> = [];
let seconds = 0;

for (const file of files) {
  const doc = readTimeMl(file);
  const started = process.hrtime.bigint();
  const { expressions } = resolveTimeExpressions(doc.text, { anchor: doc.dct });
  seconds += Number(process.hrtime.bigint() - started) / 1e9;
  const dates = doc.timexes.filter((timex) => timex.type === 'DATE');
  const others = doc.timexes.filter((timex) => timex.type !== 'DATE');
  counts.gold += dates.length;
  for (const gold of dates) {
    const overlapping = expressions.filter((expression) => overlaps(expression, gold));
    if (overlapping.length === 0) {
      errors.push({ doc: doc.id, kind: 'missed', gold: gold.value, text: gold.text, context: around(doc.text, gold) });
      continue;
    }
    counts.lenientHit += 1;
    if (overlapping.some((expression) => expression.start === gold.start && expression.end === gold.end)) counts.strictHit += 1;
    // the value is judged on the kg expression that overlaps the gold span most
    const best = overlapping.reduce((a, b) => (overlapLength(b, gold) > overlapLength(a, gold) ? b : a));
    counts.valueMatched += 1;
    const value = timexValue(best);
    if (value === comparableValue(gold.value)) counts.valueCorrect += 1;
    else errors.push({ doc: doc.id, kind: 'value', gold: gold.value, kg: value ?? 'unknown', text: `${gold.text} | ${best.text}`, rule: best.rule, context: around(doc.text, gold) });
  }
  for (const expression of expressions) {
    // a kg expression on a TIME, DURATION or SET timex is a typing question, not a false detection of a DATE
    if (!dates.some((gold) => overlaps(expression, gold)) && others.some((gold) => overlaps(expression, gold))) {
      counts.otherType += 1;
      continue;
    }
    counts.found += 1;
    if (dates.some((gold) => overlaps(expression, gold))) counts.foundHit += 1;
    else errors.push({ doc: doc.id, kind: 'spurious', kg: timexValue(expression) ?? 'unknown', text: expression.text, rule: expression.rule, context: around(doc.text, expression) });
  }
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : Math.round((a / b) * 1000) / 1000);
const result = {
  documents: files.length,
  goldDates: counts.gold,
  kgExpressions: counts.found,
  recallLenient: ratio(counts.lenientHit, counts.gold),
  recallStrict: ratio(counts.strictHit, counts.gold),
  precisionLenient: ratio(counts.foundHit, counts.found),
  valueAccuracy: ratio(counts.valueCorrect, counts.valueMatched),
  valueF1: f1(ratio(counts.valueCorrect, counts.gold), ratio(counts.valueCorrect, counts.found)),
  onOtherTypes: counts.otherType,
  seconds: Math.round(seconds * 100) / 100,
};

if (options.json) {
  console.log(JSON.stringify({ ...result, errors: options.errors ? errors : undefined }, null, 2));
} else {
  if (options.errors) for (const error of errors) console.log([error.kind, error.doc, error.gold ?? '', error.kg ?? '', error.rule ?? '', error.text, error.context ?? ''].join('\t'));
  console.log(`documents ${result.documents}, gold DATE timexes ${result.goldDates}, kg expressions ${result.kgExpressions} (+${result.onOtherTypes} on TIME/DURATION/SET timexes)`);
  console.log(`detection recall ${result.recallLenient} lenient, ${result.recallStrict} strict; precision ${result.precisionLenient} lenient`);
  console.log(`value accuracy ${result.valueAccuracy} (${counts.valueCorrect}/${counts.valueMatched} matched); value F1 ${result.valueF1}; date stage ${result.seconds} s`);
}

// the parts of a TIMEX3 value that kg never states: a time of day ("2000-01-05TEV" is the day), unspecified trailing
// parts ("1968-XX" is the year) and an unpadded week number ("2000-W7")
function comparableValue(value: string): string {
  return value.replace(/T[\w:]+$/, '').replace(/(?:-XX)+$/, '').replace(/-W(\d)(?!\d)/, '-W0$1');
}

// the words around a span, on one line, for reading the errors
function around(text: string, span: { start: number; end: number }): string {
  return text.slice(Math.max(0, span.start - 80), span.end + 60).replace(/\s+/g, ' ');
}

function overlaps(a: { start: number; end: number }, b: GoldTimex): boolean {
  return a.start < b.end && b.start < a.end;
}

function overlapLength(expression: TimeExpression, gold: GoldTimex): number {
  return Math.min(expression.end, gold.end) - Math.max(expression.start, gold.start);
}

function f1(recall: number, precision: number): number {
  return recall + precision === 0 ? 0 : Math.round(((2 * recall * precision) / (recall + precision)) * 1000) / 1000;
}
