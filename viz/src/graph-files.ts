// GraphML and GEXF 1.2 writers for the filtered graph: browser-safe, every attribute declared, XML escaped, dates as ISO strings.
import type { KgGraph } from '../../src/graph/model.js';

type XmlType = 'boolean' | 'double' | 'string';
interface Column {
  name: string;
  type: XmlType;
}

// XML 1.0 forbids these characters even when escaped.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for an XML attribute or element, dropping characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text.replace(FORBIDDEN, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Attribute columns over a set of attribute records: numbers as double, booleans as boolean, everything else (arrays, objects) as JSON strings. */
function collectColumns(records: Record<string, unknown>[], skip: readonly string[]): Column[] {
  const types = new Map<string, XmlType>();
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) {
      if (skip.includes(name) || value === null || value === undefined) continue;
      const type: XmlType = typeof value === 'number' ? 'double' : typeof value === 'boolean' ? 'boolean' : 'string';
      const seen = types.get(name);
      types.set(name, seen === undefined || seen === type ? type : 'string');
    }
  }
  return [...types].sort(([a], [b]) => a.localeCompare(b)).map(([name, type]) => ({ name, type }));
}

function formatValue(value: unknown, type: XmlType): string {
  if (type === 'string') return typeof value === 'string' ? value : JSON.stringify(value);
  return String(value);
}

function visibleEdges(graph: KgGraph, keep: Set<string>): string[] {
  return graph.filterEdges((_edge, _attributes, source, target) => keep.has(source) && keep.has(target));
}

/** GraphML of the nodes in `keep` and the edges between them; the relation is also the edge label (Neo4j APOC reads it as the type). */
export function writeGraphml(graph: KgGraph, keep: Set<string>): string {
  const nodes = graph.filterNodes((key) => keep.has(key));
  const edges = visibleEdges(graph, keep);
  const nodeColumns = collectColumns(nodes.map((n) => graph.getNodeAttributes(n) as unknown as Record<string, unknown>), []);
  const edgeColumns = collectColumns(edges.map((e) => ({ ...graph.getEdgeAttributes(e), label: graph.getEdgeAttribute(e, 'relation') })), []);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'];
  for (const c of nodeColumns) lines.push(`  <key id="n_${escapeXml(c.name)}" for="node" attr.name="${escapeXml(c.name)}" attr.type="${c.type}"/>`);
  for (const c of edgeColumns) lines.push(`  <key id="e_${escapeXml(c.name)}" for="edge" attr.name="${escapeXml(c.name)}" attr.type="${c.type}"/>`);
  lines.push('  <graph id="kg" edgedefault="directed">');
  const data = (prefix: string, columns: Column[], record: Record<string, unknown>) =>
    columns.filter((c) => record[c.name] !== null && record[c.name] !== undefined).map((c) => `<data key="${prefix}_${escapeXml(c.name)}">${escapeXml(formatValue(record[c.name], c.type))}</data>`).join('');
  for (const node of nodes) lines.push(`    <node id="${escapeXml(node)}">${data('n', nodeColumns, graph.getNodeAttributes(node) as unknown as Record<string, unknown>)}</node>`);
  for (const edge of edges) {
    const record = { ...graph.getEdgeAttributes(edge), label: graph.getEdgeAttribute(edge, 'relation') };
    lines.push(`    <edge id="${escapeXml(edge)}" source="${escapeXml(graph.source(edge))}" target="${escapeXml(graph.target(edge))}">${data('e', edgeColumns, record)}</edge>`);
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

const hexToRgb = (color: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as [number, number, number];
const GEXF_DISPLAY = ['x', 'y', 'size', 'color', 'label'] as const;

/** GEXF 1.2 (dynamic, dates) of the nodes in `keep`: events carry start/end spells so Gephi's timeline works; x, y, size and colour go to viz:*. */
export function writeGexf(graph: KgGraph, keep: Set<string>): string {
  const nodes = graph.filterNodes((key) => keep.has(key));
  const edges = visibleEdges(graph, keep);
  const nodeColumns = collectColumns(nodes.map((n) => graph.getNodeAttributes(n) as unknown as Record<string, unknown>), GEXF_DISPLAY);
  const edgeColumns = collectColumns(edges.map((e) => graph.getEdgeAttributes(e) as unknown as Record<string, unknown>), []);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">',
    '  <meta><creator>kg viewer</creator></meta>',
    '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">',
  ];
  const declare = (cls: string, columns: Column[]) => {
    lines.push(`    <attributes class="${cls}">`);
    columns.forEach((c, i) => lines.push(`      <attribute id="${i}" title="${escapeXml(c.name)}" type="${c.type}"/>`));
    lines.push('    </attributes>');
  };
  declare('node', nodeColumns);
  declare('edge', edgeColumns);
  const attvalues = (columns: Column[], record: Record<string, unknown>) => {
    const values = columns.flatMap((c, i) => (record[c.name] === null || record[c.name] === undefined ? [] : [`<attvalue for="${i}" value="${escapeXml(formatValue(record[c.name], c.type))}"/>`]));
    return values.length > 0 ? `<attvalues>${values.join('')}</attvalues>` : '';
  };
  lines.push('    <nodes>');
  for (const key of nodes) {
    const node = graph.getNodeAttributes(key);
    const spell = node.kind === 'event' && node.dateStart !== null ? ` start="${node.dateStart}" end="${node.dateEnd ?? node.dateStart}"` : '';
    const [r, g, b] = hexToRgb(node.color);
    lines.push(
      `      <node id="${escapeXml(key)}" label="${escapeXml(node.label)}"${spell}>${attvalues(nodeColumns, node as unknown as Record<string, unknown>)}<viz:color r="${r}" g="${g}" b="${b}"/><viz:position x="${node.x}" y="${node.y}" z="0"/><viz:size value="${node.size}"/></node>`,
    );
  }
  lines.push('    </nodes>', '    <edges>');
  for (const edge of edges) {
    const attributes = graph.getEdgeAttributes(edge);
    lines.push(`      <edge id="${escapeXml(edge)}" source="${escapeXml(graph.source(edge))}" target="${escapeXml(graph.target(edge))}" label="${escapeXml(attributes.relation)}">${attvalues(edgeColumns, attributes as unknown as Record<string, unknown>)}</edge>`);
  }
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
