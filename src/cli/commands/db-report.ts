// What `kg build --db`, `kg build --db --queue` and `kg assemble --db` print, and --report FILE.
import { writeFileAtomic } from '../../graph/serialize.js';
import { MAX_GROWTH, type RelayoutReason } from '../../graph/layout-extend.js';
import type { DbRunReport } from '../../pipeline/db-build.js';

/** The short human summary of a run in the database: what was stored, queued or built, skipped, dead. */
export function summarizeDbRun(report: DbRunReport): string {
  const a = report.articles;
  const lines: string[] = [];
  const name = report.kind === 'assemble' ? 'assemble' : 'build';
  if (report.kind !== 'assemble') lines.push(`${name}: ${a.read} article(s) read: ${a.stored} stored, ${a.unchanged} already stored with their facts -> ${report.database} (pipeline ${report.pipeline})`);
  if (report.kind === 'enqueue') lines.push(`${name}: ${a.queued} job(s) queued; run kg worker --db URL to extract them, then kg assemble --db URL`);
  if (report.kind === 'build') lines.push(`${name}: ${a.extracted} extracted on ${report.workers} worker(s)`);
  if (report.kind !== 'enqueue') {
    const nodes = Object.entries(report.counts.nodes).map(([k, n]) => `${n} ${k}`).join(', ');
    if (report.upToDate) lines.push(`${name}: graph of ${a.inGraph} article(s) up to date: the graph tables were assembled from these same facts and are left as they are (--relayout lays it out afresh); nodes: ${nodes || 'none'}`);
    else lines.push(`${name}: graph of ${a.inGraph} article(s) written to the graph tables; nodes: ${nodes || 'none'}`);
    if (report.layout) lines.push(`${name}: ${describeLayout(report.layout, counted(report))}`);
    if (a.pending > 0) lines.push(`${name}: ${a.pending} article(s) still waiting for a worker are not in the graph yet; assemble again once they are done`);
  }
  for (const s of report.skipped.slice(0, 10)) lines.push(`${name}: skipped: ${s.message}`);
  if (report.skipped.length > 10) lines.push(`${name}: ... and ${report.skipped.length - 10} more skipped in the report`);
  for (const d of report.deadLetters.slice(0, 10)) lines.push(`${name}: dead letter: ${d.file ?? '?'}${d.line ? ` line ${d.line}` : ''}: article "${d.article}" failed ${d.attempts} time(s): ${d.code}: ${d.message}`);
  if (report.deadLetters.length > 10) lines.push(`${name}: ... and ${report.deadLetters.length - 10} more dead letters in the report`);
  lines.push(`${name}: report stored in kg.runs (${Object.entries(report.timings).map(([k, ms]) => `${k} ${ms} ms`).join(', ')})`);
  return `${lines.join('\n')}\n`;
}

const AFRESH: Record<RelayoutReason, string> = {
  asked: 'laid out afresh (--relayout)',
  'no-graph': 'laid out afresh: no graph was stored before',
  'few-kept': 'laid out afresh: less than half of its nodes were in the graph stored before',
  grown: `laid out afresh: it has more than ${MAX_GROWTH} times the nodes of its last full layout`,
};

function describeLayout(layout: NonNullable<DbRunReport['layout']>, nodes: number): string {
  if (layout.afresh) return AFRESH[layout.afresh];
  return `layout kept: ${layout.kept} node(s) kept their places, ${nodes - layout.kept} new one(s) placed beside them; laid out afresh once it passes ${MAX_GROWTH * layout.base} nodes, or with --relayout`;
}

function counted(report: DbRunReport): number {
  return Object.values(report.counts.nodes).reduce((sum, n) => sum + n, 0);
}

/** Writes the report as JSON when --report FILE was given. */
export async function writeReport(file: string | undefined, report: DbRunReport): Promise<void> {
  if (file) await writeFileAtomic(file, `${JSON.stringify(report, null, 2)}\n`);
}
