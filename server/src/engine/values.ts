// Claim values and how two of them compare. Counts and dates are closed
// intervals, so "compatible" is "overlapping" for both. Dates are proleptic
// Gregorian day numbers computed by arithmetic (read/calendar.ts): the
// JavaScript Date reads years 0–99 as 1900–1999, and every date the markup
// can write (years 0000–9999) must mean what it says.

import { entityNoun } from './names';
import { dayNumber, daysInMonth, isoDay } from './read/calendar';

export type PropertyType = 'count' | 'date' | 'enum' | 'entity' | 'text';
export type EntitySection = 'actor' | 'place' | 'event';

export interface PropertyDefinition {
  readonly key: string;
  readonly type: PropertyType;
  /** enum: the allowed values. */
  readonly values: readonly string[];
  /** enum: groups of values that do not contradict each other. */
  readonly compatible: readonly (readonly string[])[];
  /** entity: the section values come from. */
  readonly kind?: EntitySection;
  /** count: the ± of `~N`; absent, max(1, ⌈N/10⌉). */
  readonly tolerance?: number;
  readonly description?: string;
}

export type ClaimValue =
  | { readonly type: 'unknown' }
  | {
      readonly type: 'interval';
      readonly low: number;
      readonly high: number;
      /**
       * Counts: the one number the value puts forward, what the events export's
       * medians take: N for `N`, `~N`, `>=N` and `<=N`; N+1 for `>N`; N−1 for
       * `<N`; the midpoint of `a..b`. Absent for dates.
       */
      readonly figure?: number;
    }
  | { readonly type: 'enum'; readonly value: string }
  | { readonly type: 'entity'; readonly id: string }
  | { readonly type: 'text'; readonly text: string };

export type ValueReading = { readonly ok: true; readonly value: ClaimValue } | { readonly ok: false; readonly message: string };

const COUNT = /^(?:(~)|(>=|<=|>|<))?(\d{1,15})$/;
const COUNT_RANGE = /^(\d{1,15})\.\.(\d{1,15})$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function ok(value: ClaimValue): ValueReading {
  return { ok: true, value };
}

function fail(message: string): ValueReading {
  return { ok: false, message };
}

/** Whether a text is 1 to 15 ASCII digits: COUNT with neither `~` nor a bound, which most counts are. */
function plainCount(text: string): boolean {
  if (text.length === 0 || text.length > 15) return false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x30 || unit > 0x39) return false;
  }
  return true;
}

export function readCount(text: string, tolerance?: number): ValueReading {
  // Told by a loop, not the two patterns: the value check reads each figure of a claim's words for every count it checks.
  if (plainCount(text)) {
    const n = Number(text);
    return ok({ type: 'interval', low: n, high: n, figure: n });
  }
  const range = COUNT_RANGE.exec(text);
  if (range) {
    const low = Number(range[1]);
    const high = Number(range[2]);
    if (low > high) return fail(`\`${text}\` is an empty range: write the smaller bound first (${high}..${low})`);
    return ok({ type: 'interval', low, high, figure: (low + high) / 2 });
  }
  const match = COUNT.exec(text);
  if (!match) {
    return fail(`\`${text}\` is not a count: write 12, 20..99, >=20, <5 or ~50 (about 50), or ? when not given`);
  }
  const n = Number(match[3]);
  if (match[1]) {
    const spread = tolerance ?? Math.max(1, Math.ceil(n / 10));
    return ok({ type: 'interval', low: Math.max(0, n - spread), high: n + spread, figure: n });
  }
  switch (match[2]) {
    case '>=':
      return ok({ type: 'interval', low: n, high: Infinity, figure: n });
    case '>':
      return ok({ type: 'interval', low: n + 1, high: Infinity, figure: n + 1 });
    case '<=':
      return ok({ type: 'interval', low: 0, high: n, figure: n });
    case '<':
      if (n === 0) return fail('`<0` allows no count at all');
      return ok({ type: 'interval', low: 0, high: n - 1, figure: n - 1 });
    default:
      return ok({ type: 'interval', low: n, high: n, figure: n });
  }
}

/** The days a date covers: a year, a month or a day. */
function readDatePeriod(text: string): { low: number; high: number } | string {
  const match = DATE.exec(text);
  if (!match) return `\`${text}\` is not a date: write 2023, 2023-11 or 2023-11-24, or a range 2023-11-24..2023-11-26`;
  const year = Number(match[1]);
  if (match[2] === undefined) return { low: dayNumber(year, 1, 1), high: dayNumber(year, 12, 31) };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return `\`${text}\` has no month ${match[2]}`;
  if (match[3] === undefined) return { low: dayNumber(year, month, 1), high: dayNumber(year, month, daysInMonth(year, month)) };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return `\`${text}\` is not a real date: ${year}-${match[2]} has ${daysInMonth(year, month)} days`;
  return { low: dayNumber(year, month, day), high: dayNumber(year, month, day) };
}

export function readDate(text: string): ValueReading {
  const parts = text.split('..');
  if (parts.length > 2) return fail(`\`${text}\` is not a date range: write start..end`);
  const first = readDatePeriod(parts[0] ?? '');
  if (typeof first === 'string') return fail(first);
  if (parts.length === 1) return ok({ type: 'interval', ...first });
  const last = readDatePeriod(parts[1] ?? '');
  if (typeof last === 'string') return fail(last);
  if (last.high < first.low) return fail(`\`${text}\` ends before it starts: write the earlier date first`);
  return ok({ type: 'interval', low: first.low, high: last.high });
}

/** True for the value `?`: declined or unknown, never in conflict. */
export function isUnknownValue(text: string): boolean {
  return text === '?';
}

/**
 * Reads a value written for a property. Entity values are only checked for
 * their `@` here: whether the id exists and is of the right kind needs the
 * registry, and is the caller's job.
 */
export function readValue(property: PropertyDefinition, text: string, ref: string | undefined): ValueReading {
  if (isUnknownValue(text)) return ok({ type: 'unknown' });
  switch (property.type) {
    case 'count':
      return readCount(text, property.tolerance);
    case 'date':
      return readDate(text);
    case 'enum':
      if (property.values.includes(text)) return ok({ type: 'enum', value: text });
      return fail(`\`${text}\` is not a value of ${property.key}: use one of ${property.values.join(', ')}, or ?`);
    case 'entity':
      if (ref === undefined) return fail(`${property.key} takes the @id of ${property.kind ? entityNoun(property.kind) : 'a registry entity'}, not \`${text}\``);
      return ok({ type: 'entity', id: ref });
    case 'text':
      return ok({ type: 'text', text });
  }
}

/** A key equal for equal values: claims with the same key never contradict each other. */
export function valueKey(value: ClaimValue): string {
  switch (value.type) {
    case 'unknown':
      return '?';
    case 'interval':
      return `${value.low}..${value.high}`;
    case 'enum':
      return `=${value.value}`;
    case 'entity':
      return `@${value.id}`;
    case 'text':
      return `"${value.text}`;
  }
}

/** Whether a value can contradict anything at all. */
export function isComparable(value: ClaimValue): boolean {
  return value.type !== 'unknown' && value.type !== 'text';
}

/** Which places lie inside which, through the registry's `in:` (a place lies inside itself). */
export interface PlaceContainment {
  contains(outer: string, inner: string): boolean;
  /** The place, then the places it lies in, innermost first. */
  chain(place: string): readonly string[];
}

/** A count or a date: the values a large group holds most of. */
export type IntervalValue = Extract<ClaimValue, { readonly type: 'interval' }>;

/** Two counts or dates are compatible when their intervals overlap (a group's relations count them this way too: group.ts). */
export function overlaps(a: IntervalValue, b: IntervalValue): boolean {
  return a.low <= b.high && b.low <= a.high;
}

export function compatible(
  property: PropertyDefinition,
  a: ClaimValue,
  b: ClaimValue,
  within: PlaceContainment,
): boolean {
  if (!isComparable(a) || !isComparable(b)) return true;
  if (a.type === 'interval' && b.type === 'interval') return overlaps(a, b);
  if (a.type === 'enum' && b.type === 'enum') {
    if (a.value === b.value) return true;
    return property.compatible.some((group) => group.includes(a.value) && group.includes(b.value));
  }
  if (a.type === 'entity' && b.type === 'entity') {
    if (a.id === b.id) return true;
    if (property.kind !== 'place') return false;
    return within.contains(a.id, b.id) || within.contains(b.id, a.id);
  }
  return true;
}

/** Bounds for export: numbers for counts, ISO dates for dates, the value itself otherwise. */
export function valueBounds(property: PropertyDefinition, value: ClaimValue): { low: string | number | null; high: string | number | null } {
  switch (value.type) {
    case 'unknown':
      return { low: null, high: null };
    case 'interval':
      if (property.type === 'date') return { low: isoDay(value.low), high: isoDay(value.high) };
      return { low: value.low, high: Number.isFinite(value.high) ? value.high : null };
    case 'enum':
      return { low: value.value, high: value.value };
    case 'entity':
      return { low: value.id, high: value.id };
    case 'text':
      return { low: value.text, high: value.text };
  }
}
