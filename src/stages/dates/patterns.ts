// Shared pieces of the date rules: the rule type, regular-expression fragments, month and number words.
import type { ResolvedDate, TimeExpression } from '../../types.js';
import type { Tense } from './tense.js';

/** What a rule knows when it resolves a match. */
export interface RuleContext {
  /** Document date YYYY-MM-DD, or null. */
  anchor: string | null;
  /** Tense governing the expression (its clause, else its sentence). */
  tense: Tense;
  /** True when the tense comes from the expression's own clause and not from a reporting verb (see governingTense). */
  tenseFirm: boolean;
  /** The last date resolved earlier in the text, for "the following day". */
  previous: TimeExpression | null;
  /** True when the expression follows a comma after `previous`, in the same sentence ("on Oct. 3, the day before X"). */
  apposition: boolean;
  /** The rest of the sentence after the expression. */
  following: string;
}

/** A resolution: the date and, when the rule splits by case, the case's name. */
export interface RuleResult {
  date: ResolvedDate;
  rule?: string;
  /** For a date counted from an earlier one ("the day before"): that date. */
  antecedent?: TimeExpression['antecedent'];
}

/** A recognition rule: a global pattern (the whole match is the expression) and how to resolve a match; null drops it. */
export interface DateRule {
  name: string;
  pattern: RegExp;
  resolve(match: RegExpMatchArray, context: RuleContext): RuleResult | null;
}

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Full month names; capitalised only, so the verb "may" and "the march" stay out. */
export const FULL_MONTH = `(?:${MONTHS.join('|')})`;
/** Full or abbreviated month ("Oct.", "Sept"), only ever used next to a day number. */
export const ANY_MONTH = `(?:${MONTHS.join('|')}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)`;
export const WEEKDAY = `(?:${WEEKDAYS.join('|')})`;
/** A day of the month, ordinal suffix allowed: "16", "3rd". */
export const DAY = `(\\d{1,2})(?:st|nd|rd|th)?`;
/** A year of the modern era, 1600-2099 (a count like 1,500 has its comma). */
export const YEAR = `((?:1[6-9]|20)\\d{2})`;
/** After a number, a noun that shows it is a count: "of 2000 troops" is not a year. */
export const COUNTED_NOUN =
  '\\s+(?:people|troops|soldiers|votes|residents|civilians|workers|members|jobs|units|tonnes|tons|dollars|euros|kilometres|kilometers|km|miles|metres|meters)\\b';
/** Counts written in words or digits: "two", "a", "3". */
export const COUNT = `(\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple of)`;

const COUNT_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, 'a couple of': 2,
};

/** Number of a month name or abbreviation (1-12), or 0. */
export function monthNumber(name: string): number {
  const prefix = name.slice(0, 3).toLowerCase();
  return MONTHS.findIndex((month) => month.slice(0, 3).toLowerCase() === prefix) + 1;
}

/** Index of a weekday name (0 = Sunday), or -1. */
export function weekdayNumber(name: string): number {
  return WEEKDAYS.findIndex((day) => day.toLowerCase() === name.toLowerCase());
}

/** Value of a COUNT capture ("two" -> 2, "12" -> 12). */
export function countValue(word: string): number {
  return COUNT_WORDS[word.toLowerCase()] ?? Number(word);
}

/** A word with either case of its first letter, for patterns that are otherwise case-sensitive ("In July"). */
export function eitherCase(words: string[]): string {
  return `(?:${words.map((word) => `[${word[0].toUpperCase()}${word[0]}]${word.slice(1)}`).join('|')})`;
}
