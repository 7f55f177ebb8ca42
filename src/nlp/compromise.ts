// compromise set up once, with its plugins registered here only; other modules import `nlp` from this file.
import compromise from 'compromise';
import datesPlugin from 'compromise-dates';
import type { DatesMethods } from 'compromise-dates';

compromise.plugin(datesPlugin);

/** The configured compromise instance (compromise-dates registered). */
export const nlp = compromise;

// Every compute step but the dates plugin's, which costs a fifth of a parse and gives verbs nothing.
const GRAMMAR_HOOKS = (compromise.world() as { hooks: string[] }).hooks.filter((hook) => hook !== 'dates');

/**
 * One parse, with compromise's own tagger and chunker only, of several texts, each split into sentences on its own so
 * that each reads as it would alone: compromise's fixed cost per call (its tagger's pattern sweep, the verb chunker) is
 * most of what a short clause costs. Gives the document and, for each of its sentences, the index of its text.
 */
export function parseGrammarOfEach(texts: string[]) {
  const parts = texts.map((text) => compromise.tokenize(text));
  const View = parts[0].constructor as new (document: unknown[]) => (typeof parts)[number];
  const doc = new View(parts.flatMap((part) => part.document));
  doc.compute(GRAMMAR_HOOKS);
  return { doc, textOf: parts.flatMap((part, i) => part.document.map(() => i)) };
}

/** Runs a library call that may throw on ordinary input (compromise-dates 3.9 does) and returns its value or its error. */
export function safely<T>(fn: () => T): { value?: T; error?: Error } {
  try {
    return { value: fn() };
  } catch (caught) {
    return { error: caught instanceof Error ? caught : new Error(String(caught)) };
  }
}

/** A date phrase as compromise-dates reads it: offsets into the text it was given, ISO start/end, unit. */
export interface LibraryDate {
  start: number;
  end: number;
  text: string;
  /** ISO timestamps as the library gives them (UTC), or null when it found a phrase but no date. */
  dateStart: string | null;
  dateEnd: string | null;
  unit: string | null;
}

interface DateMatchJson {
  text: string;
  offset: { start: number; length: number };
  dates?: { start: string | null; end: string | null; unit?: string };
}

/** Date phrases of `text` read by compromise-dates against `today` (YYYY-MM-DD, UTC); throws what the library throws. */
export function readLibraryDates(text: string, today: string): LibraryDate[] {
  const doc = nlp(text) as unknown as DatesMethods;
  const matches = doc.dates({ today, timezone: 'UTC' }).json({ offset: true }) as DateMatchJson[];
  return matches.map((match) => {
    // the library keeps trailing punctuation in its match ("in mid-March.")
    const raw = text.slice(match.offset.start, match.offset.start + match.offset.length);
    const trimmed = raw.replace(/[\s.,;:!?"”’)]+$/u, '');
    return {
      start: match.offset.start,
      end: match.offset.start + trimmed.length,
      text: trimmed,
      dateStart: match.dates?.start ?? null,
      dateEnd: match.dates?.end ?? null,
      unit: match.dates?.unit ?? null,
    };
  });
}
