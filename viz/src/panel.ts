// The side panel: what a clicked node is, its timeline of events, and every source quote with its article, all rendered as text.
import type { EventNode, GraphArticle, KgGraph, NodeAttributes } from '../../src/graph/model.js';
import type { Source } from '../../src/types.js';
import { h, safeHref } from './dom.js';
import type { EventIndex } from './filters.js';
import { shortEventDate } from './labels.js';
import type { ShownTie, TieAttributes } from './projection.js';

export interface PanelContext {
  graph: KgGraph;
  events: EventIndex;
  /** Whether the filters currently show the node: hidden ones stay listed, dimmed. */
  isVisible(key: string): boolean;
  onSelect(key: string): void;
  onClose(): void;
}

const ARTICLE_FILE = /^articles\/[A-Za-z0-9][A-Za-z0-9._-]*\.txt$/;

/** Human form of an event's date at its precision; undated events say so rather than get a made-up date. */
export function formatEventDate(event: Pick<EventNode, 'date' | 'datePrecision' | 'dateStart' | 'dateEnd'>): string {
  switch (event.datePrecision) {
    case 'day':
      return event.date ?? event.dateStart ?? 'date unknown';
    case 'month':
      return `${event.date ?? event.dateStart?.slice(0, 7) ?? '?'} (month)`;
    case 'year':
      return `${event.date ?? event.dateStart?.slice(0, 4) ?? '?'} (year)`;
    case 'range':
      return event.dateStart !== null ? `between ${event.dateStart} and ${event.dateEnd ?? '?'}` : 'date unknown';
    case 'unknown':
      return 'date unknown';
  }
}

/** Renders the details of `key` into the panel element. */
export function renderPanel(panel: HTMLElement, key: string, ctx: PanelContext): void {
  const { graph } = ctx;
  const node = graph.getNodeAttributes(key);
  const close = h('button', { type: 'button', class: 'panel-close', 'aria-label': 'Close details' }, '×');
  close.addEventListener('click', () => ctx.onClose());
  const header = h('header', {}, close, h('span', { class: `badge kind-${node.kind}` }, node.kind === 'event' ? node.eventType : node.kind), h('h2', {}, node.label));
  const aliases = node.aliases.length > 0 ? h('p', { class: 'aliases' }, `Also: ${node.aliases.join(', ')}`) : null;
  const body = node.kind === 'event' ? renderEvent(key, node, ctx) : renderEntity(key, node, ctx);
  panel.replaceChildren(header, ...(aliases ? [aliases] : []), ...body);
  panel.hidden = false;
  panel.dataset.node = key;
  delete panel.dataset.tie;
}

function nodeLink(key: string, ctx: PanelContext): HTMLElement {
  const node = ctx.graph.getNodeAttributes(key);
  const link = h('button', { type: 'button', class: `node-link kind-${node.kind}`, 'data-key': key }, node.label);
  link.addEventListener('click', () => ctx.onSelect(key));
  return link;
}

function section(title: string, ...content: (Node | string)[]): HTMLElement {
  return h('section', { class: 'panel-section' }, h('h3', {}, title), ...content);
}

function field(name: string, value: Node | string): HTMLElement {
  return h('div', { class: 'field' }, h('span', { class: 'field-name' }, `${name}: `), value);
}

function renderEntity(key: string, node: Exclude<NodeAttributes, EventNode>, ctx: PanelContext): HTMLElement[] {
  const { graph } = ctx;
  const out: HTMLElement[] = [];
  const countryKey = (iso2: string | null) => (iso2 !== null && graph.hasNode(`country:${iso2}`) ? `country:${iso2}` : null);
  if (node.kind === 'person') {
    const country = countryKey(node.country);
    if (node.country !== null) out.push(field('Country', country !== null ? nodeLink(country, ctx) : node.country));
    if (node.roles.length > 0) {
      out.push(
        section(
          'Roles',
          h('ul', {}, ...node.roles.map((role) => h('li', {}, role.title, role.of !== null && graph.hasNode(role.of) ? h('span', {}, ' of ', nodeLink(role.of, ctx)) : role.of !== null ? ` of ${role.of}` : '', role.from || role.to ? ` (${role.from ?? '…'} – ${role.to ?? '…'})` : ''))),
        ),
      );
    }
  }
  if (node.kind === 'place') {
    const country = countryKey(node.country);
    if (country !== null) out.push(field('Country', nodeLink(country, ctx)));
  }
  if (node.kind === 'country' || node.kind === 'organization') {
    const people = new Map<string, string | null>();
    graph.forEachInEdge(key, (_edge, attributes, source) => {
      if (attributes.relation === 'leader_of' || attributes.relation === 'official_of') people.set(source, people.get(source) ?? attributes.role);
    });
    if (node.kind === 'country') {
      graph.forEachNode((person, attributes) => {
        if (attributes.kind === 'person' && attributes.country === node.iso2 && !people.has(person)) people.set(person, null);
      });
    }
    if (people.size > 0) out.push(section('People', h('ul', {}, ...[...people].map(([person, role]) => h('li', {}, nodeLink(person, ctx), role ? ` — ${role}` : '')))));
    const related = (relation: 'member_of' | 'located_in', direction: 'in' | 'out') => {
      const keys: string[] = [];
      const visit = (_e: string, attributes: { relation: string }, source: string, target: string) => {
        if (attributes.relation === relation) keys.push(direction === 'in' ? source : target);
      };
      if (direction === 'in') graph.forEachInEdge(key, visit);
      else graph.forEachOutEdge(key, visit);
      return keys;
    };
    const members = related('member_of', 'in');
    if (members.length > 0) out.push(section('Members', h('ul', {}, ...members.map((m) => h('li', {}, nodeLink(m, ctx))))));
    const memberships = related('member_of', 'out');
    if (memberships.length > 0) out.push(section('Member of', h('ul', {}, ...memberships.map((m) => h('li', {}, nodeLink(m, ctx))))));
    const places = related('located_in', 'in');
    if (places.length > 0) out.push(section('Places', h('ul', {}, ...places.map((p) => h('li', {}, nodeLink(p, ctx))))));
  }
  out.push(section('Events', renderTimeline(key, ctx)));
  return out;
}

/** Events of a node, oldest first, undated last: date, type, status, the other participants and the first source quote. */
function renderTimeline(key: string, ctx: PanelContext): HTMLElement {
  const { graph } = ctx;
  const events = (ctx.events.links.get(key) ?? []).map((link) => [link.event, graph.getNodeAttributes(link.event) as EventNode] as const);
  if (events.length === 0) return h('p', { class: 'empty' }, 'No events.');
  events.sort(([, a], [, b]) => (a.dateStart ?? '9999').localeCompare(b.dateStart ?? '9999') || a.label.localeCompare(b.label));
  return h(
    'ol',
    { class: 'timeline' },
    ...events.map(([eventKey, event]) => {
      const others = participantsOf(eventKey, graph).filter((p) => p.key !== key);
      const open = h('button', { type: 'button', class: 'event-open', 'data-key': eventKey }, `${event.eventType} · ${event.status}`);
      open.addEventListener('click', () => ctx.onSelect(eventKey));
      return h(
        'li',
        { class: ctx.isVisible(eventKey) ? 'event-row' : 'event-row filtered-out', 'data-key': eventKey },
        h('span', { class: 'event-date' }, formatEventDate(event)),
        ' ',
        open,
        others.length > 0 ? h('span', { class: 'event-with' }, ' with ', ...others.flatMap((p, i) => [i > 0 ? ', ' : '', nodeLink(p.key, ctx)])) : '',
        event.location !== null ? h('span', { class: 'event-location' }, ` in ${event.location}`) : '',
        h('q', { class: 'event-quote' }, event.sources[0].quote),
      );
    }),
  );
}

/** Renders a tie of the people network: its two ends, and the events behind it in range, oldest first, with dates and quotes. */
export function renderTie(panel: HTMLElement, edge: string, shown: ShownTie | undefined, ctx: PanelContext): void {
  const { graph } = ctx;
  const tie = graph.getEdgeAttributes(edge) as TieAttributes;
  const close = h('button', { type: 'button', class: 'panel-close', 'aria-label': 'Close details' }, '×');
  close.addEventListener('click', () => ctx.onClose());
  const [a, b] = [graph.source(edge), graph.target(edge)];
  const inRange = shown?.events ?? [];
  const events = inRange.map((e) => [e, graph.getNodeAttributes(e) as EventNode] as const);
  events.sort(([, x], [, y]) => (x.dateStart ?? '9999').localeCompare(y.dateStart ?? '9999') || x.label.localeCompare(y.label));
  const byType = Object.entries(tie.byType ?? {}).filter(([, n]) => n > 0).map(([type, n]) => `${n} ${type}${n > 1 ? 's' : ''}`).join(', ');
  const hiddenCount = tie.events.length - inRange.length;
  panel.replaceChildren(
    h('header', {}, close, h('span', { class: 'badge' }, 'tie'), h('h2', {}, graph.getNodeAttribute(a, 'label'), ' — ', graph.getNodeAttribute(b, 'label'))),
    h('p', { class: 'field' }, nodeLink(a, ctx), ' and ', nodeLink(b, ctx)),
    field('Events', `${tie.count}${byType ? ` (${byType})` : ''}${tie.firstDate ? `, ${tie.firstDate} – ${tie.lastDate ?? '…'}` : ''}`),
    field('Weight', hiddenCount > 0 ? `${shown?.weight ?? 0} in range, of ${tie.weight}` : `${tie.weight}`),
    section(
      hiddenCount > 0 ? `Events in range (${inRange.length}; ${hiddenCount} outside the filters)` : `Events (${inRange.length})`,
      h(
        'ol',
        { class: 'timeline tie-events' },
        ...events.map(([eventKey, event]) => {
          const open = h('button', { type: 'button', class: 'event-open', 'data-key': eventKey }, `${event.eventType} · ${event.status}`);
          open.addEventListener('click', () => ctx.onSelect(eventKey));
          return h(
            'li',
            { class: 'event-row tie-event', 'data-key': eventKey },
            h('span', { class: 'event-date' }, shortEventDate(event)),
            ' ',
            open,
            event.location !== null ? h('span', { class: 'event-location' }, ` in ${event.location}`) : '',
            ...event.sources.slice(0, 2).map((source) => h('q', { class: 'event-quote' }, source.quote)),
          );
        }),
      ),
    ),
  );
  panel.hidden = false;
  delete panel.dataset.node;
  panel.dataset.tie = edge;
}

function participantsOf(eventKey: string, graph: KgGraph): { key: string; role: string | null }[] {
  const out: { key: string; role: string | null }[] = [];
  graph.forEachInEdge(eventKey, (_edge, attributes, source) => {
    if (attributes.relation === 'participant' && !out.some((p) => p.key === source)) out.push({ key: source, role: attributes.role });
  });
  return out;
}

function renderEvent(key: string, event: EventNode, ctx: PanelContext): HTMLElement[] {
  const { graph } = ctx;
  const out: HTMLElement[] = [];
  out.push(field('Date', h('span', { class: 'event-date' }, formatEventDate(event))));
  out.push(field('Status', h('span', { class: `status status-${event.status}` }, event.hedged ? `${event.status} (speculative)` : event.status)));
  const location = graph.outEdges(key).map((e) => (graph.getEdgeAttribute(e, 'relation') === 'location' ? graph.target(e) : null)).find((t) => t !== null);
  out.push(field('Location', location ? nodeLink(location, ctx) : (event.location ?? 'unknown')));
  out.push(section('Participants', h('ul', {}, ...participantsOf(key, graph).map((p) => h('li', {}, nodeLink(p.key, ctx), p.role && p.role !== 'party' ? ` (${p.role})` : '')))));
  const articles = new Map(graph.getAttribute('articles').map((a) => [a.id, a]));
  out.push(section(`Sources (${event.sources.length})`, h('ol', { class: 'sources' }, ...event.sources.map((source) => renderSource(source, articles.get(source.article) ?? null)))));
  return out;
}

function renderSource(source: Source, article: GraphArticle | null): HTMLElement {
  const href = safeHref(article?.url ?? null);
  const meta = h(
    'div',
    { class: 'source-meta' },
    h('span', { class: 'source-title' }, article?.title ?? source.article),
    article?.source ? h('span', { class: 'source-name' }, ` — ${article.source}`) : '',
    article?.published ? h('span', { class: 'source-date' }, `, ${article.published}`) : '',
    href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer', class: 'source-url' }, href) : '',
  );
  const show = h('button', { type: 'button', class: 'show-article' }, 'Show article');
  const view = h('div', { class: 'article-view', hidden: true });
  show.addEventListener('click', () => {
    if (!view.hidden) {
      view.hidden = true;
      show.textContent = 'Show article';
      return;
    }
    view.hidden = false;
    show.textContent = 'Hide article';
    void showArticle(view, source, article);
  });
  return h('li', { class: 'source', 'data-article': source.article }, h('blockquote', { class: 'quote' }, source.quote), meta, show, view);
}

/** Fetches the article text and shows it with the quote marked: text before, <mark>quote</mark>, text after, as text nodes. */
async function showArticle(view: HTMLElement, source: Source, article: GraphArticle | null): Promise<void> {
  view.replaceChildren(h('p', { class: 'loading' }, 'Loading article…'));
  // Texts are stored under a hash of the article id (kg build), named in the graph's article list.
  const file = article !== null && ARTICLE_FILE.test(article.textFile) ? article.textFile : null;
  let text: string;
  try {
    if (file === null) throw new Error(`article "${source.article}" has no text file in this graph`);
    const response = await fetch(`./${file}`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (error) {
    view.replaceChildren(h('p', { class: 'error' }, `Cannot load ${file ?? "the article"}: ${error instanceof Error ? error.message : String(error)}`));
    return;
  }
  const matches = text.slice(source.start, source.end) === source.quote;
  const warning = matches ? null : h('p', { class: 'error' }, `The quote is not at [${source.start}, ${source.end}) of this text: the article file changed since the build.`);
  const mark = h('mark', {}, matches ? source.quote : '');
  const body = h('div', { class: 'article-text' }, ...(matches ? [text.slice(0, source.start), mark, text.slice(source.end)] : [text]));
  view.replaceChildren(...(warning ? [warning] : []), h('h4', {}, article?.title ?? source.article), body);
  // Scroll the article box only: scrollIntoView would also scroll the panel and hide the event's header.
  if (matches) view.scrollTop = Math.max(0, mark.offsetTop - view.clientHeight / 3);
}
