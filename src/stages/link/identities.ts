// One key for one person the KB lacks across articles: "Chris Andrew Coons" in one story and "Chris Coons" in the next,
// "Voreqe Bainimarama" and "Josaia Voreqe Bainimarama", "Luis Lacalle" and "Luis Lacalle Pou". The link stage
// names people article by article; the assembler passes each article's facts here, in article-id order, before merging.
import { foldName } from '../../kb/knowledge-base.js';
import type { ArticleFacts, EntityFact } from '../../types.js';

interface Seen {
  key: string;
  words: string[];
  country: string | null;
}

export class PersonIdentities {
  private readonly seen: Seen[] = [];
  private readonly keys = new Set<string>();

  /** The facts with each new person the KB lacks renamed to a person seen in an earlier article whose name it shares. */
  unify(facts: ArticleFacts): ArticleFacts {
    const rename = new Map<string, string>();
    for (const e of facts.entities) {
      if (e.kind !== 'person' || e.kbId !== null || this.keys.has(e.key)) continue;
      const words = foldName(e.label).split(' ');
      const same = this.seen.filter((s) => (s.country === null || e.country === null || s.country === e.country) && samePerson(words, s.words));
      // Only a single match: two earlier "Khan"s leave a third one alone.
      if (same.length === 1) rename.set(e.key, same[0].key);
    }
    for (const e of facts.entities) {
      if (e.kind !== 'person' || rename.has(e.key) || this.keys.has(e.key)) continue;
      this.keys.add(e.key);
      this.seen.push({ key: e.key, words: foldName(e.label).split(' '), country: e.country });
    }
    if (rename.size === 0) return facts;
    const to = (key: string) => rename.get(key) ?? key;
    const entities: EntityFact[] = [];
    for (const e of facts.entities) {
      const key = to(e.key);
      const renamed = key === e.key ? e : { ...e, key, aliases: [...new Set([e.label, ...e.aliases])] };
      const other = entities.find((x) => x.key === key);
      if (!other) entities.push(renamed);
      else {
        other.mentions = [...other.mentions, ...renamed.mentions];
        other.aliases = [...new Set([...other.aliases, ...renamed.aliases])];
        other.roles = [...other.roles, ...renamed.roles.filter((r) => !other.roles.some((x) => x.title === r.title && x.of === r.of && x.origin === r.origin))];
      }
    }
    return {
      ...facts,
      entities,
      events: facts.events.map((ev) => ({ ...ev, participants: [...new Set(ev.participants.map(to))] })),
      offices: facts.offices.map((o) => ({ ...o, person: to(o.person) })),
    };
  }
}

/**
 * Two names of one person across articles: the same first name and the other words in order, middle names or a second
 * surname more or less ("Chris Coons", "Chris Andrew Coons"; "Luis Lacalle", "Luis Alberto Lacalle Pou"), or a run of two or more words of the other ("Luis Lacalle" in "Luis Lacalle Pou"). A different
 * first name is a different person, a surname alone may be anyone of that name, and no typo is forgiven across articles.
A double-barrelled surname by its last part is the same name ("John Oyegun", "John Odigie-Oyegun").
 */
function samePerson(a: string[], b: string[]): boolean {
  if (a.length < 2 || b.length < 2) return false;
  if (a.length === b.length) {
    // A double-barrelled surname written in full or by its last part: "John Odigie-Oyegun", "John Oyegun".
    const x = a[a.length - 1];
    const y = b[b.length - 1];
    return a.slice(0, -1).every((w, k) => w === b[k]) && (x.endsWith(`-${y}`) || y.endsWith(`-${x}`));
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  const lastShort = short[short.length - 1];
  const lastLong = long[long.length - 1];
  // The same first name and the rest in order: "Chris Coons" in "Chris Andrew Coons", "Luis Lacalle" in "Luis Alberto Lacalle Pou".
  if (short[0] === long[0] && (lastShort === lastLong || lastLong.endsWith(`-${lastShort}`) || long.includes(lastShort))) {
    let i = 0;
    for (const w of long) if (w === short[i]) i++;
    if (i === short.length) return true;
  }
  for (let i = 0; i + short.length <= long.length; i++) if (short.every((w, k) => long[i + k] === w)) return true;
  return false;
}
