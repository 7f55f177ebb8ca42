// Table, CSV and JSON output of the query commands.
import { describe, expect, it } from '@jest/globals';
import { chooseFormat, formatCsv, formatOutput, formatTable, type Tabular } from '../../src/cli/format.js';

const TABLE: Tabular = {
  columns: [{ header: 'DATE' }, { header: 'WHO' }, { header: 'QUOTE', max: 12 }],
  records: [
    [
      ['2025-10-16', 'Putin, Trump', 'He said, "yes"\nand left.'],
      ['2025-10-16', 'Putin, Trump', 'short'],
    ],
    [['2022', 'Orbán', '']],
  ],
  empty: 'nothing',
};

describe('formatTable', () => {
  it('aligns columns, blanks cells a record repeats, flattens and cuts long cells', () => {
    expect(formatTable(TABLE)).toBe(
      [
        'DATE        WHO           QUOTE',
        '----------  ------------  ------------',
        '2025-10-16  Putin, Trump  He said, "y…',
        '                          short',
        '2022        Orbán',
        '',
      ].join('\n'),
    );
  });

  it('says what is empty', () => {
    expect(formatTable({ ...TABLE, records: [] })).toBe('nothing\n');
  });
});

describe('formatCsv', () => {
  it('has a header, repeats record cells and quotes commas, quotes and newlines', () => {
    expect(formatCsv(TABLE)).toBe(
      ['DATE,WHO,QUOTE', '2025-10-16,"Putin, Trump","He said, ""yes""\nand left."', '2025-10-16,"Putin, Trump",short', '2022,Orbán,', ''].join('\n'),
    );
  });

  it('is only the header when empty', () => {
    expect(formatCsv({ ...TABLE, records: [] })).toBe('DATE,WHO,QUOTE\n');
  });
});

describe('formatOutput', () => {
  it('prints the value itself as JSON', () => {
    expect(JSON.parse(formatOutput('json', [{ a: 1 }], TABLE))).toEqual([{ a: 1 }]);
  });

  it.each([
    [{}, 'table'],
    [{ json: true }, 'json'],
    [{ csv: true }, 'csv'],
  ])('%j -> %s', (flags, format) => {
    expect(chooseFormat(flags)).toBe(format);
  });
});
