// Clean: page furniture removed and the story kept whole on the seed articles, datelines recorded, offsets true to the text.
import { cleanArticle } from '../../src/stages/clean/index.js';
import { readArticles } from '../../src/stages/ingest/index.js';
import type { CleanArticle, RawArticle } from '../../src/types.js';

const SEEDS = new Map<string, RawArticle>();

beforeAll(async () => {
  for await (const item of readArticles(['data/articles'])) {
    if (item.kind === 'article') SEEDS.set(item.article.meta.id.slice(0, 3), item.article);
  }
});

function seed(prefix: string): RawArticle {
  const article = SEEDS.get(prefix);
  if (!article) throw new Error(`seed ${prefix} not read`);
  return article;
}

// The same seed without the manifest's metadata: the rules must not lean on it.
function withoutMetadata(raw: RawArticle): RawArticle {
  return { ...raw, meta: { ...raw.meta, source: null, url: null, published: null, title: null } };
}

function variants(prefix: string): [string, () => RawArticle][] {
  return [
    [`${prefix} with manifest metadata`, () => seed(prefix)],
    [`${prefix} without metadata`, () => withoutMetadata(seed(prefix))],
  ];
}

// Lines of the seed file by 1-based number, as a reader sees them in an editor.
function lines(raw: RawArticle, numbers: number[]): string[] {
  const all = raw.text.split('\n');
  return numbers.map((n) => all[n - 1].trim());
}

function keptTexts(article: CleanArticle, kinds = ['body', 'quote']): string[] {
  return article.blocks.filter((block) => kinds.includes(block.kind)).map((block) => block.text);
}

function makeRaw(text: string, published: string | null = null): RawArticle {
  return { meta: { id: 'test', title: null, url: null, published, source: null, language: null, file: 'test.txt' }, text, format: 'txt' };
}

const BODY_A = 'Hungarian Prime Minister Viktor Orban met Russian President Vladimir Putin in Moscow on Tuesday, the Kremlin said.';
const BODY_B = 'The two leaders discussed energy supplies and the war in Ukraine during talks that lasted three hours.';

describe('cleanArticle on the seed articles', () => {
  it.each(variants('004'))('%s: the headline list under "Related Articles" is gone and the body is whole', (_, load) => {
    const raw = load();
    const { article, diagnostics } = cleanArticle(raw);
    expect(diagnostics).toEqual([]);
    const kept = article.blocks.map((block) => block.text).join('\n');
    for (const name of ['Fred Smith', 'Alexandr Wang', 'Harrods', 'Fordow', 'Juncker', 'Related Articles', 'Newsletter', '0:00', 'Beautiful Virgin Islands', '×']) {
      expect(kept).not.toContain(name);
    }
    expect(keptTexts(article)).toEqual(lines(raw, [9, 11, 13, 15, 18, 20, 22, 24, 26]));
    expect(keptTexts(article, ['title'])).toEqual(['Dialogue Between US, Russia Serves Security in Central Europe, Hungarian Foreign Minister Says']);
    expect(article.removed.filter((block) => block.reason === 'duplicate-title')).toHaveLength(1);
  });

  it.each(variants('004'))('%s: the page date in the site chrome is recorded and removed', (_, load) => {
    const { article } = cleanArticle(load());
    expect(article.textDates).toEqual([{ kind: 'page-date', date: '2025-06-24', text: 'Tuesday, Jun 24, 2025', start: 26, end: 47 }]);
    expect(article.removed).toContainEqual({ reason: 'page-date', text: 'Tuesday, Jun 24, 2025', start: 26, end: 47 });
    expect(article.blocks.some((block) => block.kind === 'dateline')).toBe(false);
  });

  it.each(variants('003'))('%s: related posts, the e-mail, the cookie notice and the header line are gone; the body is whole', (_, load) => {
    const raw = load();
    const { article, diagnostics } = cleanArticle(raw);
    expect(diagnostics).toEqual([]);
    const kept = article.blocks.map((block) => block.text).join('\n');
    for (const text of ['Rosatom', 'Chukotka', 'Foreign Agent Criteria', 'rimmaruslan98@gmail.com', 'cookies', 'Related posts', 'london-news-net']) {
      expect(kept).not.toContain(text);
    }
    expect(keptTexts(article)).toEqual(lines(raw, [7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 41]));
    expect(keptTexts(article, ['title'])).toEqual(['Trump Plans Meeting with Putin in Budapest Amid Controversial Missile Debate']);
    expect(article.removed.map((block) => block.reason)).toEqual(
      expect.arrayContaining(['site-name', 'duplicate-title', 'related-links', 'email', 'cookie-notice']),
    );
  });

  it.each(variants('001'))('%s: each repeated paragraph is kept once and the byline is recorded, not kept', (_, load) => {
    const raw = load();
    const { article } = cleanArticle(raw);
    expect(keptTexts(article)).toEqual(lines(raw, [1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]));
    const duplicates = article.removed.filter((block) => block.reason === 'duplicate-paragraph');
    expect(duplicates.map((block) => block.text)).toEqual(lines(raw, [6, 7, 8, 9]));
    expect(article.bylines).toEqual(['Vita Khanatayeva']);
    expect(article.blocks.map((block) => block.text).join('\n')).not.toMatch(/Khanatayeva|BelTA$/);
  });

  it.each(variants('002'))('%s: the opening dateline is recorded and the body starts after it', (_, load) => {
    const raw = load();
    const { article } = cleanArticle(raw);
    expect(article.textDates).toEqual([{ kind: 'dateline', date: '2022-02-01', text: 'date 2022-02-01', start: 1, end: 16 }]);
    expect(article.blocks[0]).toEqual({ kind: 'dateline', text: 'date 2022-02-01', start: 1, end: 16 });
    expect(article.blocks[1]).toMatchObject({ kind: 'body', start: 17 });
    expect(article.blocks[1].text.startsWith("Hungary's Prime Minister Viktor Orban arrived in Moscow")).toBe(true);
    expect(article.removed).toEqual([expect.objectContaining({ reason: 'boilerplate', text: '(With inputs from agencies)' })]);
    // Subheadings and the embedded post stay: they are part of the story.
    expect(keptTexts(article)).toEqual(expect.arrayContaining(lines(raw, [7, 11, 13])));
    expect(article.blocks.find((block) => block.text.startsWith('Good call with PM'))?.kind).toBe('quote');
  });

  it.each(variants('000'))('%s: an article with no furniture is kept line for line', (_, load) => {
    const raw = load();
    const { article, diagnostics } = cleanArticle(raw);
    expect(diagnostics).toEqual([]);
    expect(article.removed).toEqual([]);
    expect(keptTexts(article)).toEqual(lines(raw, [1, 2, 3, 4, 5, 6, 7, 8]));
  });

  it.each(['000', '001', '002', '003', '004'])('seed %s: every block, removed block and date equals the original text at its offsets', (prefix) => {
    const raw = seed(prefix);
    const { article } = cleanArticle(raw);
    expect(article.original).toBe(raw.text);
    const spans = [...article.blocks, ...article.removed].sort((a, b) => a.start - b.start);
    for (const span of [...spans, ...article.textDates]) {
      expect(raw.text.slice(span.start, span.end)).toBe(span.text);
      expect(span.text).toBe(span.text.trim());
      expect(span.text).not.toBe('');
    }
    // Blocks do not overlap and every non-space character of the text is in one of them.
    let covered = '';
    let end = 0;
    for (const span of spans) {
      expect(span.start).toBeGreaterThanOrEqual(end);
      expect(raw.text.slice(end, span.start).trim()).toBe('');
      covered += span.text;
      end = span.end;
    }
    expect(raw.text.slice(end).trim()).toBe('');
    expect(covered.replace(/\s/g, '')).toBe(raw.text.replace(/\s/g, ''));
  });

  it('is pure: the same input gives the same output and is not changed', () => {
    const raw = seed('004');
    const copy = structuredClone(raw);
    expect(cleanArticle(raw)).toEqual(cleanArticle(copy));
    expect(raw).toEqual(copy);
  });
});

describe('cleanArticle rules', () => {
  it.each<[string, string]>([
    ['Advertisement', 'advertisement'],
    ['Share this article', 'share-prompt'],
    ['Facebook Twitter WhatsApp Email', 'share-prompt'],
    ['Leave a comment', 'share-prompt'],
    ['Sign up for our daily newsletter to get the latest updates in your inbox', 'newsletter'],
    ['We use cookies to give you the best experience on our site. By continuing you agree to our privacy policy.', 'cookie-notice'],
    ['Photo: Reuters/Evgenia Novozhenina', 'photo-credit'],
    ['Photo by Jane Doe / AFP', 'photo-credit'],
    ['Copyright 2025 Example Media. All rights reserved.', 'boilerplate'],
    ['(With inputs from agencies)', 'boilerplate'],
    ['(ANI)', 'boilerplate'],
    ['Reporting by Jane Doe; Editing by John Roe', 'boilerplate'],
    ['By Jane Doe', 'byline'],
    ['desk@example.com', 'email'],
    ['0:00', 'navigation'],
    ['Close', 'navigation'],
    ['example.com', 'site-name'],
  ])('removes %j as %s and keeps the paragraphs around it', (line, reason) => {
    const text = `${BODY_A}\n\n${line}\n\n${BODY_B}\n`;
    const { article, diagnostics } = cleanArticle(makeRaw(text));
    expect(article.removed).toEqual([{ reason, text: line, start: text.indexOf(line), end: text.indexOf(line) + line.length }]);
    expect(keptTexts(article)).toEqual([BODY_A, BODY_B]);
    expect(diagnostics).toEqual([]);
  });

  it.each([
    'Share the burden equally among allies.',
    'Photos by the agency showed the destroyed bridge.',
    'Copyright law was not on the agenda.',
    'Click',
    'He Ruled Out a Peace Deal',
  ])('keeps %j, which only looks like furniture', (line) => {
    const { article } = cleanArticle(makeRaw(`${BODY_A}\n\n${line}\n\n${BODY_B}`));
    expect(keptTexts(article)).toEqual([BODY_A, line, BODY_B]);
  });

  it('records the names of a "By" line', () => {
    const { article } = cleanArticle(makeRaw(`By Jane Doe and John Roe\n\n${BODY_A}`));
    expect(article.bylines).toEqual(['Jane Doe', 'John Roe']);
  });

  it.each<[string, string, string | null, string]>([
    ['MOSCOW, Feb 1 (Reuters) - ', 'MOSCOW, Feb 1 (Reuters) -', '2025-02-01', '2025-02-03'],
    ['MOSCOW, October 17. /TASS/. ', 'MOSCOW, October 17. /TASS/.', '2024-10-17', '2025-01-05'],
    ['KYIV, Ukraine (AP) — ', 'KYIV, Ukraine (AP) —', null, '2025-02-03'],
    ['October 17, 2025 — ', 'October 17, 2025 —', '2025-10-17', '2025-10-17'],
    ['Published: 17 October 2025 ', 'Published: 17 October 2025', '2025-10-17', '2025-10-18'],
  ])('splits the dateline %j off the first paragraph', (prefix, dateline, date, published) => {
    const text = `${prefix}${BODY_A}\n\n${BODY_B}`;
    const { article } = cleanArticle(makeRaw(text, published));
    expect(article.blocks.map((block) => [block.kind, block.text])).toEqual([
      ['dateline', dateline],
      ['body', BODY_A],
      ['body', BODY_B],
    ]);
    expect(article.textDates).toEqual(date === null ? [] : [{ kind: 'dateline', date, text: dateline, start: 0, end: dateline.length }]);
  });

  it('takes a date between the headline and the body for a dateline, not a page date', () => {
    const text = `Orban Meets Putin in Moscow\n\nFebruary 1, 2022\n\n${BODY_A}`;
    const { article } = cleanArticle(makeRaw(text));
    expect(article.blocks.map((block) => block.kind)).toEqual(['title', 'dateline', 'body']);
    expect(article.textDates).toEqual([expect.objectContaining({ kind: 'dateline', date: '2022-02-01' })]);
  });

  it('keeps a wrapped paragraph together and splits a list of headlines into lines', () => {
    const wrapped = 'Hungarian Prime Minister Viktor Orban met Russian President Vladimir Putin\nin Moscow on Tuesday, the Kremlin said.';
    const text = `${wrapped}\n\nLatest news\nPutin Meets Xi in Beijing\nOrban Visits Washington for Talks\n`;
    const { article } = cleanArticle(makeRaw(text));
    expect(keptTexts(article)).toEqual([wrapped]);
    expect(article.removed.map((block) => block.reason)).toEqual(['related-links', 'related-links', 'related-links']);
  });

  it('removes a run of headlines with no marker above it, but keeps a lone subheading', () => {
    const text = `${BODY_A}\n\nHe Ruled Out a Peace Deal\n\n${BODY_B}\n\nPutin Meets Xi in Beijing\nOrban Visits Washington for Talks\nMacron Calls Scholz After Summit\n`;
    const { article } = cleanArticle(makeRaw(text));
    expect(keptTexts(article)).toEqual([BODY_A, 'He Ruled Out a Peace Deal', BODY_B]);
    expect(article.removed.map((block) => block.reason)).toEqual(['related-links', 'related-links', 'related-links']);
  });

  it('resumes the body after a related-links run when a real paragraph follows', () => {
    const text = `${BODY_A}\n\nRead more\n\nPutin Meets Xi in Beijing\n\n${BODY_B}`;
    const { article } = cleanArticle(makeRaw(text));
    expect(keptTexts(article)).toEqual([BODY_A, BODY_B]);
  });

  it.each<[string, string]>([
    ['nothing but furniture', 'Advertisement\n\nShare this article\n\nreader@example.com'],
    ['only a headline', 'Putin Meets Orban in Moscow'],
  ])('reports no-body for %s', (_, text) => {
    const { article, diagnostics } = cleanArticle(makeRaw(text));
    expect(keptTexts(article)).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ stage: 'clean', code: 'no-body', severity: 'warning', article: 'test', file: 'test.txt' })]);
  });

  it('removes the cookie banner that readability keeps from an HTML page', async () => {
    for await (const item of readArticles(['tests/fixtures/ingest/formats/page.html'])) {
      if (item.kind !== 'article') continue;
      const { article } = cleanArticle(item.article);
      expect(article.removed.map((block) => block.reason)).toContain('cookie-notice');
      expect(keptTexts(article)).toHaveLength(3);
    }
  });
});

// Page furniture of the dev pages, as a class: credits cut off captions, featured lists, chrome under the story.
describe('credits and chrome on real pages', () => {
  const PARA = 'Chinese President Xi Jinping on Wednesday held formal talks with his US counterpart Barack Obama, a day after the two leaders pledged to push forward relations.';
  const kept = (text: string) => keptTexts(cleanArticle(makeRaw(text)).article, ['body', 'quote', 'title']);
  const credits = (text: string) => cleanArticle(makeRaw(text)).article.removed.filter((b) => b.reason === 'photo-credit').map((b) => b.text);

  it.each([
    ['photographer and agency after "Photograph:" (d15)', "China's President Xi Jinping walks with US President Barack Obama as they inspect the honour guards in Beijing. Photograph: Petar Kujundzic/Reuters", 'Photograph: Petar Kujundzic/Reuters'],
    ['agency and photographer in brackets after a caption (d40)', 'Chinese President Hu Jintao (R) holds talks with Mongolian President Tsakhia Elbegdorj at the Great Hall of the People in Beijing. (Xinhua/Huang Jingwen)', '(Xinhua/Huang Jingwen)'],
    ['a bare agency in brackets after a file photo (d26)', 'Combined file photo of Japanese Prime Minister Yoshihide Suga and Chinese President Xi Jinping. (Kyodo)', '(Kyodo)'],
    ['a source in square brackets (d29)', 'New Zealand Foreign Affairs Minister, Nanaia Mahuta [Source: NZ Herald]', '[Source: NZ Herald]'],
    ['an agency after a short caption\'s dash (d10)', 'May and Trump - PA', '- PA'],
    ['agency and photographer after a dash (d33)', 'Party General Secretary, President Nguyễn Phú Trọng (left) hosts a reception in Hà Nội on Wednesday for the new ambassador of Thailand, Tanee Sangrat. – VNA/VNS Photo Trí Dũng', '– VNA/VNS Photo Trí Dũng'],
    ['a labelled credit naming a person (d03)', 'US Ambassador Meg Whitman, Kenyan President Willian Ruto and US Senator Chris Coons. Photo credit: Twitter via President William Ruto', 'Photo credit: Twitter via President William Ruto'],
  ])('cuts the credit off the caption: %s', (_, caption, credit) => {
    const text = `${caption}\n\n${PARA}`;
    expect(credits(text)).toEqual([credit]);
    expect(kept(text)[0]).toBe(caption.slice(0, caption.length - credit.length).trimEnd());
  });

  it.each([
    ['a story\'s closing source credit (d24)', 'Belgrade and Pristina have both raised the idea of redrawing their border. – Reuters'],
    ['an agency tag closing a paragraph (d27)', 'Relations between the two countries remain tense amid several territorial disputes and other unresolved issues. (ANI/Sputnik)'],
  ])('keeps %s', (_, paragraph) => {
    expect(credits(`${PARA}\n\n${paragraph}`)).toEqual([]);
  });

  it('removes a credit line standing alone (d20)', () => {
    const { article } = cleanArticle(makeRaw(`${PARA}\n\nSérgio Lima/Poder360 – 7.dec.2023\n\n${PARA.replace('Wednesday', 'Thursday')}`));
    expect(article.removed).toContainEqual(expect.objectContaining({ reason: 'photo-credit', text: 'Sérgio Lima/Poder360 – 7.dec.2023' }));
  });

  it('takes "Featured Stories" and the dates under its headlines as a related list (d38)', () => {
    const text = [PARA, 'Comment', 'Featured Stories', 'Ayatollah Khamenei Calls for Maximum Punishment for Quran Sacrilege', '23 July 2023', 'Anti-Muslim Group Desecrates Quran, Iraqi Flag in Denmark', '22 July 2023', 'North Korea Fires Cruise Missiles'].join('\n\n');
    const { article } = cleanArticle(makeRaw(text, '2023-07-23'));
    expect(keptTexts(article, ['body', 'quote', 'title', 'dateline'])).toEqual([PARA]);
    expect(article.textDates).toEqual([]);
  });

  it.each([
    ['site chrome in title case (d37)', ['Newspapers in English', 'Newspapers from United Kingdom']],
    ['a picture gallery in sentence case (d17)', ['Fire brigade in Shanghai holds group wedding', "Sunset scenery of Dayan Pagoda in Xi'an", 'Harbin attracts tourists by making best use of ice in winter']],
  ])('removes %s under the story\'s last paragraph', (_, lines) => {
    const { article } = cleanArticle(makeRaw([PARA, ...lines].join('\n\n')));
    expect(keptTexts(article)).toEqual([PARA]);
  });

  it('keeps a truncated last paragraph (d01)', () => {
    const last = 'External Affairs Minister held long discussions on fundamentalism and terrorism with Uzbek Foreign Minister Abdulaziz Kamilov on the sidelines of the UNG';
    expect(keptTexts(cleanArticle(makeRaw(`${PARA}\n\n${last}`)).article)).toEqual([PARA, last]);
  });

  it('reads "Written by ... on DATE in SECTION" as a byline (d10)', () => {
    const { article } = cleanArticle(makeRaw(`Donald Trump state visit postponed to 2018\n\nWritten by Kevin Schofield on 11 July 2017 in News\n\n${PARA}`));
    expect(article.bylines).toEqual(['Kevin Schofield']);
  });
});
