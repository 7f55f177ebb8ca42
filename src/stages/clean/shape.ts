// The shape of a line of text (headline, prose, title case), on which the cleaning rules are built.

const SMALL_WORDS = new Set([
  'a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'nor', 'of', 'on', 'or', 'over', 'the', 'to', 'up', 'vs', 'via', 'with',
]);

/** The words of a text (runs of non-space). */
export function splitWords(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

/** True when the text ends as a sentence does: . ! ? or … before any closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  return /[.!?…]["'”’»)\]]*$/.test(text);
}

/** Sentences in a text, counted at sentence-ending punctuation followed by a capital. */
export function countSentences(text: string): number {
  return 1 + (text.match(/[.!?…]["'”’)\]]*\s+["'“‘(]?\p{Lu}/gu)?.length ?? 0);
}

/** Share of the significant words that start with a capital or a digit ("Trump Plans Meeting with Putin" is 1). */
export function titleCaseRatio(text: string): number {
  const words = splitWords(text).filter((word) => /\p{L}/u.test(word) && !SMALL_WORDS.has(word.toLowerCase()));
  if (words.length === 0) return 0;
  return words.filter((word) => /^["'“‘(]?[\p{Lu}\d]/u.test(word)).length / words.length;
}

/** A headline or a menu item: one line, at most 25 words, not ending as a sentence (a title-case question still counts). */
export function isHeadlineLike(text: string): boolean {
  if (text.includes('\n')) return false;
  const words = splitWords(text).length;
  if (words === 0 || words > 25) return false;
  if (!endsSentence(text)) return true;
  return /[?!]["'”’]?$/.test(text) && words <= 15 && titleCaseRatio(text) >= 0.75;
}

/** A real paragraph: ends as a sentence and is long (12 words or more) or holds two sentences. */
export function isProse(text: string): boolean {
  return endsSentence(text) && (splitWords(text).length >= 12 || countSentences(text) >= 2);
}

/** Text reduced for comparison: lower case, letters and digits only, single spaces. */
export function normalizeForComparison(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
