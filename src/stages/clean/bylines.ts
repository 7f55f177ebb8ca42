// Bylines: "By Jane Doe" and "Written by Jane Doe on 11 July 2017 in News" lines anywhere, and a signature ("Vita Khanatayeva,\nBelTA") closing the story.

// Two to four capitalised words: "Vita Khanatayeva", "Jean-Claude Juncker", "Mary O'Brien".
const NAME = "\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){1,3}";
const BY_LINE = new RegExp(`^(?:by|written\\s+by|author\\s*:)\\s+(${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*)(?:\\s*[,|/–—-]\\s*[^\\n]{0,60}|\\s+(?:on|in)\\s+[^\\n]{0,60})?$`, 'iu');
const SIGNATURE = new RegExp(`^(${NAME})\\s*(?:,\\s*(?:\\n\\s*)?(\\p{L}[\\p{L}\\d .&-]{0,40})?)?$`, 'u');
// An agency or desk line under a signature: "BelTA", "TASS", "Reuters Staff".
const AGENCY_LINE = /^\p{L}[\p{L}\d.&-]*(?:\s\p{L}[\p{L}\d.&-]*){0,3}$/u;

/** The names in a "By ..." line, or null when the block is not one. */
export function matchByLine(text: string): string[] | null {
  const match = BY_LINE.exec(text);
  if (!match || !/^\p{Lu}/u.test(match[1])) return null;
  return match[1].split(/\s*(?:,|\band\b|&)\s*/).filter((name) => name !== '');
}

/**
 * The name in a closing signature, given the blocks left after the last paragraph: "Name," alone,
 * "Name, Agency", or "Name" followed by an agency line. Returns how many blocks the signature spans.
 */
export function matchSignature(tail: string[]): { name: string; blocks: number } | null {
  if (tail.length === 0) return null;
  const match = SIGNATURE.exec(tail[0]);
  if (!match) return null;
  const hasComma = tail[0].includes(',');
  const agencyBelow = tail.length === 2 && AGENCY_LINE.test(tail[1]);
  // A bare name closing a story is a signature only with an agency line under it; a name with a comma signs on its own.
  if (!hasComma && !agencyBelow) return null;
  if (tail.length > 2 || (tail.length === 2 && !agencyBelow)) return null;
  return { name: match[1], blocks: tail.length };
}
