// Day arithmetic for the date reader: proleptic Gregorian days counted from
// 1970-01-01, for any year. JavaScript's Date.UTC maps the years 0–99 to the
// 1900s, so it is not used: the conversions are Howard Hinnant's
// days_from_civil and civil_from_days.

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days since 1970-01-01 of a civil date (month 1–12). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The civil date of a day number. */
export function civilDate(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Day of the week: 0 Monday … 6 Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The markup's day: 2023-11-24. */
export function isoDay(days: number): string {
  const { year, month, day } = civilDate(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The markup's month: 2023-11. */
export function isoMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

export function isoYear(year: number): string {
  return pad(year, 4);
}

/** The markup's value for the days first..last: one day, or a range. */
export function isoDays(first: number, last: number): string {
  return first === last ? isoDay(first) : `${isoDay(first)}..${isoDay(last)}`;
}

/** A month moved by a number of months: (2023, 11) − 2 → (2023, 9). */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/** A document's `published` date, as the readers use it. */
export interface Published {
  /** `day` when it names one day; `month`, `year` when it names no day; `range` for a range. */
  readonly precision: 'day' | 'month' | 'year' | 'range';
  /** The first and last day it covers. */
  readonly first: number;
  readonly last: number;
  readonly text: string;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u;

function period(text: string): { first: number; last: number; precision: 'day' | 'month' | 'year' } | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { first: dayNumber(year, 1, 1), last: dayNumber(year, 12, 31), precision: 'year' };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { first: dayNumber(year, month, 1), last: dayNumber(year, month, daysInMonth(year, month)), precision: 'month' };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  const days = dayNumber(year, month, day);
  return { first: days, last: days, precision: 'day' };
}

/**
 * The `published` values read: every passage of a report asks for its own,
 * and reports of one day share it (a corpus of years holds some hundreds).
 * Emptied past a bound rather than grown, for a language server's lifetime.
 */
const knownPublished = new Map<string, Published | undefined>();
const KNOWN_PUBLISHED = 4096;

/** Reads `published` as front matter writes it; undefined when it is not a date. */
export function readPublished(text: string | undefined): Published | undefined {
  if (text === undefined) return undefined;
  const known = knownPublished.get(text);
  if (known !== undefined || knownPublished.has(text)) return known;
  const published = parsePublished(text);
  if (knownPublished.size >= KNOWN_PUBLISHED) knownPublished.clear();
  knownPublished.set(text, published);
  return published;
}

function parsePublished(text: string): Published | undefined {
  const parts = text.trim().split('..');
  if (parts.length > 2) return undefined;
  const first = period(parts[0]);
  if (first === undefined) return undefined;
  if (parts.length === 1) return { ...first, text };
  const last = period(parts[1]);
  if (last === undefined || last.last < first.first) return undefined;
  const precision = first.first === last.last ? 'day' : 'range';
  return { precision, first: first.first, last: last.last, text };
}

/** Whether `published` names a month (or a day within one): relative months resolve against it. */
export function publishedMonth(published: Published): { year: number; month: number } | undefined {
  const first = civilDate(published.first);
  const last = civilDate(published.last);
  if (published.precision === 'year' || first.year !== last.year || first.month !== last.month) return undefined;
  return { year: first.year, month: first.month };
}

/** The year `published` lies in, if it lies in one. */
export function publishedYear(published: Published): number | undefined {
  const first = civilDate(published.first).year;
  return first === civilDate(published.last).year ? first : undefined;
}
