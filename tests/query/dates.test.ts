// User dates as day spans, and the window overlap the date filters use.
import { describe, expect, it } from '@jest/globals';
import { UsageError } from '../../src/errors.js';
import { overlapsWindow, parseDateOption, resolveWindow, spanOfDate } from '../../src/query/dates.js';

describe('spanOfDate', () => {
  it.each([
    ['2024', { start: '2024-01-01', end: '2024-12-31' }],
    ['2024-02', { start: '2024-02-01', end: '2024-02-29' }],
    ['2023-02', { start: '2023-02-01', end: '2023-02-28' }],
    ['2025-10-16', { start: '2025-10-16', end: '2025-10-16' }],
    ['2024-02-29', { start: '2024-02-29', end: '2024-02-29' }],
    ['2023-02-29', null],
    ['2024-00', null],
    ['2024-13-01', null],
    ['2024-1-5', null],
    ['16 October 2025', null],
    ['', null],
  ])('%j -> %j', (text, span) => {
    expect(spanOfDate(text)).toEqual(span);
  });
});

describe('parseDateOption', () => {
  it('throws bad-date naming the option', () => {
    expect(() => parseDateOption('next week', '--to')).toThrow(UsageError);
    expect(() => parseDateOption('next week', '--to')).toThrow(/^--to: "next week" is not a date/);
    try {
      parseDateOption('2024-13', '--from');
    } catch (error) {
      expect((error as UsageError).code).toBe('bad-date');
      expect((error as UsageError).exitCode).toBe(2);
    }
    expect.assertions(4);
  });
});

describe('overlapsWindow', () => {
  const july = { start: '2024-07-01', end: '2024-07-31' };
  it.each([
    [july, { from: '2024-07-15' }, true],
    [july, { to: '2024-07-01' }, true],
    [july, { from: '2024-08' }, false],
    [july, { to: '2024-06' }, false],
    [july, {}, true],
    [null, {}, true],
    [null, { from: '2000' }, false],
    [{ start: '2010-05-29', end: null }, { from: '2025' }, true],
    [{ start: '2010-05-29', end: null }, { to: '2009' }, false],
  ])('%j in %j -> %s', (span, window, expected) => {
    expect(overlapsWindow(span, resolveWindow(window))).toBe(expected);
  });
});
