// Autocomplete search over labels and aliases, diacritic-insensitive ("Orban" finds "Viktor Orbán").
import type { KgGraph, NodeKind } from '../../src/graph/model.js';
import { foldDiacritics } from '../../src/graph/text.js';
import { h } from './dom.js';

/** Lower-case, diacritics removed, punctuation to spaces: the form both names and queries are compared in. */
export function foldText(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface SearchEntry {
  key: string;
  label: string;
  kind: NodeKind;
  size: number;
  /** Folded label and aliases. */
  names: string[];
}

export interface SearchHit {
  key: string;
  label: string;
  kind: NodeKind;
  /** The alias that matched, when it was not the label. */
  via: string | null;
}

/** Builds the search entries of every node. */
export function buildSearchIndex(graph: KgGraph): SearchEntry[] {
  return graph.mapNodes((key, node) => ({ key, label: node.label, kind: node.kind, size: node.size, names: [node.label, ...node.aliases].map(foldText) }));
}

/** Ranks matches: a name starting with the query, then a word starting with it, then containing it; bigger nodes first within a rank. */
export function searchNodes(graph: KgGraph, index: SearchEntry[], query: string, limit = 10): SearchHit[] {
  const q = foldText(query);
  if (q === '') return [];
  const scored: { entry: SearchEntry; rank: number; name: number }[] = [];
  for (const entry of index) {
    let best: { rank: number; name: number } | null = null;
    entry.names.forEach((name, i) => {
      const rank = name.startsWith(q) ? 0 : name.includes(` ${q}`) ? 1 : name.includes(q) ? 2 : -1;
      if (rank >= 0 && (best === null || rank < best.rank)) best = { rank, name: i };
    });
    if (best !== null) scored.push({ entry, ...(best as { rank: number; name: number }) });
  }
  scored.sort((a, b) => a.rank - b.rank || b.entry.size - a.entry.size || a.entry.label.localeCompare(b.entry.label));
  return scored.slice(0, limit).map(({ entry, name }) => ({
    key: entry.key,
    label: entry.label,
    kind: entry.kind,
    via: name === 0 ? null : graph.getNodeAttribute(entry.key, 'aliases')[name - 1],
  }));
}

/** Wires the search box: typing lists matches, arrows and Enter or a click choose one, and `onChoose` receives its key. */
export function mountSearch(graph: KgGraph, input: HTMLInputElement, list: HTMLUListElement, onChoose: (key: string) => void): void {
  const index = buildSearchIndex(graph);
  let hits: SearchHit[] = [];
  let active = -1;
  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const choose = (hit: SearchHit) => {
    input.value = hit.label;
    close();
    onChoose(hit.key);
  };
  const render = () => {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const item = h('li', { role: 'option', 'aria-selected': i === active ? 'true' : 'false', 'data-key': hit.key, class: `kind-${hit.kind}` }, h('span', { class: 'hit-label' }, hit.label), hit.via ? h('span', { class: 'hit-via' }, ` (${hit.via})`) : null, h('span', { class: 'hit-kind' }, hit.kind));
        // mousedown rather than click: the input's blur would close the list before the click lands.
        item.addEventListener('mousedown', (event) => {
          event.preventDefault();
          choose(hit);
        });
        return item;
      }),
    );
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(hits.length > 0));
  };
  input.addEventListener('input', () => {
    hits = searchNodes(graph, index, input.value);
    active = hits.length > 0 ? 0 : -1;
    render();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (hits.length === 0) return;
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      choose(hits[active]);
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', close);
}
