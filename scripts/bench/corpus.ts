// Synthetic news corpus for the benchmark: seeded, so every run writes the same JSONL of calls, meetings and visits among KB leaders.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { KnowledgeBase } from '../../src/kb/index.js';
import type { KbOffice, KbPerson } from '../../src/kb/index.js';
import { createRandom } from '../../src/graph/random.js';


interface Leader {
  person: KbPerson;
  office: KbOffice;
  /** "French President", "NATO Secretary-General": how a first mention introduces the person. */
  title: string;
  /** Where the office is: a country name, or an organisation's. */
  place: string;
  capital: string | null;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TOPICS = ['trade and energy', 'the war in Ukraine', 'security in the region', 'migration', 'climate finance', 'the situation in the Middle East', 'sanctions', 'a new gas pipeline', 'defence spending', 'grain exports'];
const FILLER = [
  'Officials said the talks covered {topic}, but gave few details.',
  'Markets were little changed after the announcement, with analysts saying the outcome had been largely expected.',
  'The statement did not say whether any agreement had been reached on {topic}.',
  'Opposition politicians criticised the government for what they called a lack of transparency.',
  'Analysts said the meeting signalled a thaw after months of tension over {topic}.',
  'The finance ministry said the budget deficit would narrow this year, according to figures published by the statistics office.',
  'Neither side took questions from reporters after the talks.',
  'Diplomats cautioned that a breakthrough on {topic} remained unlikely before the end of the year.',
  'The central bank left interest rates unchanged at its meeting, citing uncertainty over {topic}.',
];
const FURNITURE = [
  'Share this article', 'Sign up for our daily newsletter', 'Related posts', 'Advertisement', 'Photo: Reuters', 'Read more:',
  '© {year} Example News Ltd. All rights reserved.', 'We use cookies to improve your experience. Accept all cookies', 'Follow us on Twitter and Facebook',
];
const SOURCES = ['Example News', 'Daily Wire Service', 'Global Times Review', 'The Morning Ledger', 'Capital Dispatch'];

/** Writes `count` articles as JSONL records {id, title, url, source, published, text} to `file`; returns the text bytes written. */
export async function writeCorpus(file: string, count: number, kb: KnowledgeBase, seed = 7): Promise<{ articles: number; textBytes: number }> {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const offices = listOffices(kb);
  const out = createWriteStream(file, { encoding: 'utf8' });
  let textBytes = 0;
  for (let i = 0; i < count; i++) {
    const published = randomDay(random, 2008, 2025);
    const inOffice = offices.filter((l) => l.office.from <= published && (l.office.to === null || published < l.office.to));
    const article = writeArticle(random, pick, inOffice.length >= 2 ? inOffice : offices, published, kb.organizations.map((o) => o.acronym ?? o.name));
    textBytes += Buffer.byteLength(article.text, 'utf8');
    const record = { id: `bench-${String(i).padStart(6, '0')}`, title: article.title, url: `https://news.example/${i}`, source: pick(SOURCES), published, text: article.text };
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { articles: count, textBytes };
}

/** Every office of a leader or minister the KB dates, with the title a news report would put before the name. */
function listOffices(kb: KnowledgeBase): Leader[] {
  const wanted = new Set(['head_of_state', 'head_of_government', 'foreign_minister', 'secretary_general', 'org_president']);
  const leaders: Leader[] = [];
  for (const person of kb.people) {
    for (const office of person.offices) {
      if (!wanted.has(office.type)) continue;
      const country = kb.country(office.of);
      const org = country ? undefined : kb.organization(office.of);
      const place = country?.name ?? org?.acronym ?? org?.name;
      if (!place) continue;
      const adjective = country?.demonyms[0] ?? org?.acronym ?? org?.name ?? '';
      leaders.push({ person, office, title: `${adjective} ${office.title}`, place, capital: country?.capital ?? null });
    }
  }
  return leaders;
}

function writeArticle(random: () => number, pick: <T>(items: readonly T[]) => T, leaders: Leader[], published: string, orgs: string[]): { title: string; text: string } {
  const a = pick(leaders);
  let b = pick(leaders);
  for (let tries = 0; tries < 5 && b.person.id === a.person.id; tries++) b = pick(leaders);
  const c = pick(leaders);
  const topic = pick(TOPICS);
  const surname = (l: Leader) => l.person.name.split(' ').at(-1) ?? l.person.name;
  const when = relativeDate(random, pick, published);
  const venue = b.capital ?? a.capital ?? 'Geneva';
  const leads = [
    `${a.title} ${a.person.name} spoke by phone with ${b.title} ${b.person.name} ${when}, discussing ${topic}.`,
    `${a.title} ${a.person.name} met ${b.title} ${b.person.name} in ${venue} ${when}.`,
    `${a.title} ${a.person.name} and ${b.title} ${b.person.name} held talks ${when} on the sidelines of a ${pick(orgs)} summit.`,
    `In a telephone call ${when}, ${a.title} ${a.person.name} and ${b.person.name}, the ${b.title}, discussed ${topic}.`,
    `${a.title} ${a.person.name} arrived in ${b.place} ${when} for a two-day visit, his office said.`,
    `${a.title} ${a.person.name} will host ${b.title} ${b.person.name} in ${a.capital ?? 'the capital'} ${pick(['next week', 'later this month', `on ${pick(MONTHS)} ${1 + Math.floor(random() * 28)}`])}, officials said.`,
  ];
  const follow = [
    `${surname(a)} said the two leaders had agreed to stay in close contact.`,
    `The two leaders agreed to meet again within two weeks.`,
    `${surname(b)} told reporters the conversation had been "frank and constructive".`,
    `${c.title} ${c.person.name} is expected to visit ${a.place} ${pick(['next month', 'in the coming weeks', 'later this year'])}.`,
    `${surname(a)} could meet ${surname(b)} again at the ${pick(orgs)} summit, a spokesperson said.`,
    `A planned meeting between ${surname(b)} and ${c.person.name} was cancelled ${pick(['on Friday', 'last week', 'earlier this week'])}.`,
    `${surname(a)} last met ${surname(b)} in ${pick(MONTHS)}.`,
  ];
  const paragraphs: string[] = [pick(leads)];
  const length = 10 + Math.floor(random() * 10);
  const filler = () => pick(FILLER).replace('{topic}', pick(TOPICS));
  while (paragraphs.length < length) {
    const roll = random();
    if (roll < 0.35) paragraphs.push(`${pick(follow)} ${filler()}`);
    else if (roll < 0.85) paragraphs.push(`${filler()} ${filler()} ${filler()}`);
    else paragraphs.push(pick(FURNITURE).replace('{year}', published.slice(0, 4)));
  }
  // About 1 in 150 real business reports holds a sentence compromise-dates throws on (STACK.md).
  if (random() < 1 / 150) paragraphs.push('It posted a third-quarter profit, up from a year earlier.');
  const title = `${surname(a)} and ${surname(b)} discuss ${topic}`;
  return { title, text: `${title}\n\n${paragraphs.join('\n\n')}\n` };
}

function relativeDate(random: () => number, pick: <T>(items: readonly T[]) => T, published: string): string {
  const roll = random();
  if (roll < 0.35) return `on ${pick(WEEKDAYS)}`;
  if (roll < 0.5) return pick(['yesterday', 'earlier this week', 'last week', 'earlier this month']);
  const month = Number(published.slice(5, 7));
  return `on ${MONTHS[month - 1]} ${Math.max(1, Number(published.slice(8, 10)) - 1 - Math.floor(random() * 5))}`;
}

function randomDay(random: () => number, fromYear: number, toYear: number): string {
  const year = fromYear + Math.floor(random() * (toYear - fromYear));
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
