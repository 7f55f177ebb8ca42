// Repeated paragraphs (a page that printed part of the story twice): the first copy stays.
import type { BlockKind, RemovedBlock } from '../../types.js';
import type { Segment } from './segment.js';
import { normalizeForComparison, splitWords } from './shape.js';

// Short lines ("Advertisement", "He said.") repeat legitimately; only paragraphs this long count as copies.
const MIN_DUPLICATE_WORDS = 5;

/** Indexes of kept body and quote blocks whose text repeats an earlier kept one. */
export function findDuplicates(segments: Segment[], decisions: ({ keep: BlockKind } | { remove: RemovedBlock['reason'] })[]): number[] {
  const seen = new Set<string>();
  const duplicates: number[] = [];
  for (const [index, segment] of segments.entries()) {
    const decision = decisions[index];
    if (!('keep' in decision) || (decision.keep !== 'body' && decision.keep !== 'quote')) continue;
    if (splitWords(segment.text).length < MIN_DUPLICATE_WORDS) continue;
    const key = normalizeForComparison(segment.text);
    if (seen.has(key)) duplicates.push(index);
    else seen.add(key);
  }
  return duplicates;
}
