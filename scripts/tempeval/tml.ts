// Reads a TimeML (.tml) file of TempEval-3: the creation date, the plain text of <TEXT> and its TIMEX3 spans.
import { readFileSync } from 'node:fs';

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

export interface TimeMlDocument {
  id: string;
  /** The creation date (the TIMEX3 with functionInDocument="CREATION_TIME"), YYYY-MM-DD. */
  dct: string;
  /** The text inside <TEXT>, tags removed and entities decoded: every offset refers to it. */
  text: string;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Parses one .tml file. */
export function readTimeMl(file: string): TimeMlDocument {
  const xml = readFileSync(file, 'utf8');
  const id = /<DOCID>([^<]*)<\/DOCID>/.exec(xml)?.[1].trim() ?? file;
  const creation = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml);
  const dct = creation ? attribute(creation[0], 'value')?.slice(0, 10) : undefined;
  if (!dct || !/^\d{4}-\d{2}-\d{2}$/.test(dct)) throw new Error(`${file}: no creation date`);
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1];
  if (body === undefined) throw new Error(`${file}: no <TEXT>`);
  let text = '';
  const timexes: GoldTimex[] = [];
  let open: { start: number; type: string; value: string } | null = null;
  for (const piece of body.matchAll(/<[^>]+>|[^<]+/g)) {
    const token = piece[0];
    if (!token.startsWith('<')) {
      text += decode(token);
    } else if (token.startsWith('<TIMEX3')) {
      open = { start: text.length, type: attribute(token, 'type') ?? '', value: attribute(token, 'value') ?? '' };
    } else if (token === '</TIMEX3>' && open) {
      timexes.push({ ...open, end: text.length, text: text.slice(open.start, text.length) });
      open = null;
    }
  }
  return { id, dct, text, timexes };
}

function attribute(tag: string, name: string): string | undefined {
  const found = new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  return found === undefined ? undefined : decode(found);
}

function decode(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}
