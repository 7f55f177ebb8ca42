// Repeated paragraphs (a page that printed part of the story twice): the first copy stays.
import type { Segment } from './segment.js';
import { normalizeForComparison, splitWords } from './shape.js';

// Short lines ("Advertisement", "He said.") repeat legitimately; only paragraphs this long count as copies.
const MIN_DUPLICATE_WORDS = 5;

/** Of the kept blocks (indexes into `segments`, in order), those whose text repeats an earlier one. */
export function findDuplicates(segments: Segment[], kept: number[]): number[] {
  const seen = new Set<string>();
  const duplicates: number[] = [];
  for (const index of kept) {
    const { text } = segments[index];
    if (splitWords(text).length < MIN_DUPLICATE_WORDS) continue;
    const key = normalizeForComparison(text);
    if (seen.has(key)) duplicates.push(index);
    else seen.add(key);
  }
  return duplicates;
}
