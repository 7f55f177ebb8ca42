// Reads CoNLL-2003 (IOB1, four columns) into documents: each sentence's tokens joined by single spaces, one sentence a line,
// so every gold span is an exact substring; sorts news stories from sports tables by a general rule (see isTable).
import { readFileSync } from 'node:fs';

export interface GoldSpan {
  start: number;
  end: number;
  type: string;
  text: string;
}

export interface ConllDocument {
  /** Position in the file, from 0. */
  index: number;
  text: string;
  /** The first line (the story's headline), as a title for the clean stage. */
  title: string;
  /** The dateline's date ("LONDON 1996-08-30"), when the story has one. */
  published: string | null;
  lines: string[][];
  spans: GoldSpan[];
  /** True for results tables and score lists rather than prose. */
  table: boolean;
}

const NUMBER = /^[-+]?\d[\d.,:/-]*$/;

export function readConll(file: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let sentences: { token: string; tag: string }[][] = [];
  let current: { token: string; tag: string }[] = [];
  const flushSentence = () => {
    if (current.length > 0) sentences.push(current);
    current = [];
  };
  const flushDoc = () => {
    flushSentence();
    if (sentences.length > 0) docs.push(toDocument(docs.length, sentences));
    sentences = [];
  };
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-')) flushDoc();
    else if (line.trim() === '') flushSentence();
    else {
      const cols = line.split(' ');
      current.push({ token: cols[0], tag: cols[cols.length - 1] });
    }
  }
  flushDoc();
  return docs;
}

function toDocument(index: number, sentences: { token: string; tag: string }[][]): ConllDocument {
  const spans: GoldSpan[] = [];
  const lines: string[] = [];
  let offset = 0;
  for (const sentence of sentences) {
    let open: GoldSpan | null = null;
    let pos = offset;
    for (const [i, { token, tag }] of sentence.entries()) {
      if (i > 0) pos += 1;
      const [prefix, type] = tag === 'O' ? ['O', ''] : tag.split('-');
      // IOB1: I- continues a span of the same type, B- starts a new one next to it.
      if (open && (prefix === 'O' || prefix === 'B' || type !== open.type)) {
        spans.push(open);
        open = null;
      }
      if (prefix !== 'O') {
        if (open) open.end = pos + token.length;
        else open = { start: pos, end: pos + token.length, type, text: '' };
      }
      pos += token.length;
    }
    if (open) spans.push(open);
    lines.push(sentence.map((t) => t.token).join(' '));
    offset = pos + 1;
  }
  const text = lines.join('\n');
  for (const s of spans) s.text = text.slice(s.start, s.end);
  const dateline = /^\S.*\s(\d{4}-\d{2}-\d{2})$/.exec(lines[1] ?? '');
  const tokens = sentences.map((s) => s.map((t) => t.token));
  return { index, text, title: lines[0], published: dateline ? dateline[1] : null, lines: tokens, spans, table: isTable(tokens) };
}

/**
 * A results table, standings or score list rather than a story: at least 40% of its lines after the headline and dateline
 * are rows. A row holds a number and at most three lower-case words ("1. Michelle Freeman ( Jamaica ) 12.71 seconds",
 * "M. Waugh c and b Jayasuriya 50"); prose, even full of figures, has more ("was trading at 97.18 , down 0.20 from ...").
 */
export function isTable(lines: string[][]): boolean {
  const body = lines.slice(2);
  if (body.length === 0) return false;
  const rows = body.filter((tokens) => tokens.some((t) => NUMBER.test(t)) && tokens.filter((t) => /^\p{Ll}/u.test(t)).length <= 3);
  return rows.length / body.length >= 0.4;
}
