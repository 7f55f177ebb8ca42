// Extracts the event facts of one text, as the pipeline does for an article with that publication date.
import type { KnowledgeBase } from '../../src/kb/knowledge-base.js';
import { extractArticleFacts } from '../../src/pipeline.js';
import type { EventFact } from '../../src/types.js';

/** The events of `text` as article "a", published on `published` (or undated). */
export function eventsOf(kb: KnowledgeBase, text: string, published: string | null): EventFact[] {
  return extractArticleFacts({ meta: { id: 'a', title: null, url: null, published, source: null, language: null, file: 'a.txt' }, text, format: 'txt' }, kb).events;
}
