// Social-media handles of people the article names: "President @MBuhari this afternoon received ..." is Muhammadu Buhari.
import { foldName } from '../../kb/knowledge-base.js';
import type { Sentence } from '../../nlp/sentences.js';
import type { LinkedMention } from './index.js';
import { overlapsAny } from './spans.js';

const HANDLE_RE = /(?<![\p{L}\p{N}_])@([A-Za-z][A-Za-z0-9_]{2,30})\b/gu;

/** The ways a handle spells a name: the surname, the initial and surname, the whole name run together ("MBuhari"). */
function handleForms(label: string): string[] {
  const words = foldName(label).replace(/[^a-z\s]/g, '').split(/\s+/).filter(Boolean);
  if (words.length < 2) return [];
  const last = words[words.length - 1];
  return [last, words[0][0] + last, words[0] + last, words.join('')];
}

/**
 * Mentions for the handles in the article's sentences that spell exactly one person the article names elsewhere; a handle
 * the article does not tie to a name ("@ChibuikeAmaechi" with no Amaechi) stays unlinked, as a reader could not tell.
 */
export function handleMentions(text: string, sentences: Sentence[], mentions: LinkedMention[]): LinkedMention[] {
  const people = new Map<string, string>();
  for (const m of mentions) if (m.kind === 'person' && m.form !== 'role') people.set(m.key, m.label);
  const out: LinkedMention[] = [];
  for (const s of sentences) {
    for (const h of text.slice(s.start, s.end).matchAll(HANDLE_RE)) {
      const start = s.start + h.index;
      const span = { start, end: start + h[0].length };
      if (overlapsAny(span, mentions)) continue;
      const handle = h[1].toLowerCase().replace(/_/g, '');
      const owners = [...people].filter(([, label]) => handleForms(label).includes(handle));
      if (owners.length !== 1) continue;
      const [key, label] = owners[0];
      out.push({ ...span, text: h[0], via: 'handle', key, kind: 'person', label, form: 'name', qualifier: false, confidence: 0.9 });
    }
  }
  return out;
}
