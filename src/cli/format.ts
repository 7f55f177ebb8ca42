// Output of query results: an aligned table for people, JSON or CSV for other tools.
import { Option, type Command } from 'commander';

export type OutputFormat = 'table' | 'json' | 'csv';

export interface Column {
  header: string;
  /** Widest a table cell gets; longer text is cut with "…" (CSV and JSON always carry the full text). */
  max?: number;
}

/**
 * Rows for table and CSV output. A record may span several lines (an event and each of its sources):
 * a table leaves a cell blank when it repeats the line above in the same record; CSV repeats it, so every line stands alone.
 */
export interface Tabular {
  columns: Column[];
  records: string[][][];
  /** What a table says when there are no records, e.g. "no events match". */
  empty: string;
}

/** Adds --json and --csv (mutually exclusive) to a command. */
export function addFormatOptions(command: Command): Command {
  return command
    .addOption(new Option('--json', 'print the full results as JSON').conflicts('csv'))
    .addOption(new Option('--csv', 'print the results as CSV with a header row').conflicts('json'));
}

/** The format the --json/--csv flags ask for; table otherwise. */
export function chooseFormat(options: { json?: boolean; csv?: boolean }): OutputFormat {
  if (options.json) return 'json';
  return options.csv ? 'csv' : 'table';
}

/** Renders results in the chosen format: JSON prints `value` whole; table and CSV print `tabular`. */
export function formatOutput(format: OutputFormat, value: unknown, tabular: Tabular): string {
  if (format === 'json') return formatJson(value);
  return format === 'csv' ? formatCsv(tabular) : formatTable(tabular);
}

/** Pretty JSON with a final newline. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** An aligned plain-text table; whitespace runs become single spaces and long cells are cut to their column's max. */
export function formatTable(tabular: Tabular): string {
  if (tabular.records.length === 0) return `${tabular.empty}\n`;
  const lines: string[][] = [];
  for (const record of tabular.records) {
    record.forEach((line, index) => {
      const above = record[index - 1];
      lines.push(line.map((cell, column) => (above !== undefined && cell === above[column] ? '' : truncate(cell.replace(/\s+/g, ' ').trim(), tabular.columns[column]?.max))));
    });
  }
  const headers = tabular.columns.map((column) => column.header);
  const widths = headers.map((header, column) => lines.reduce((width, line) => Math.max(width, (line[column] ?? '').length), header.length));
  const render = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return `${[render(headers), render(widths.map((width) => '-'.repeat(width))), ...lines.map(render)].join('\n')}\n`;
}

/** RFC 4180 CSV: a header row, then one row per line of every record, with repeated cells filled in. */
export function formatCsv(tabular: Tabular): string {
  const rows = [tabular.columns.map((column) => column.header), ...tabular.records.flat()];
  return rows.map((row) => row.map(quoteCsv).join(',')).join('\n') + '\n';
}

function quoteCsv(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function truncate(text: string, max: number | undefined): string {
  if (max === undefined || text.length <= max) return text;
  return `${text.slice(0, max - 1).trimEnd()}…`;
}
