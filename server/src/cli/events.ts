// `corroborate export --format events | events-json`: one row per registry
// event, in the conventions of the conflict-event datasets (ACLED, UCDP
// GED): a date range with its precision, the location and the places it lies
// in, the actors the claims name, and for every count property with a
// `measure:` the low, high, best and most conservative figures beside the
// desk's own estimate. docs/export.md documents every column.
//
// Nothing here classifies claims: contradictions, acknowledged disputes,
// claimants and independent origins are the engine's analysis (analysis.ts),
// and a count's figure is read with its value (values.ts). This module only
// arranges them into rows.

import { originOf, type GroupAnalysis } from '../engine/analysis';
import type { Corpus } from '../engine/corpus';
import type { Claim } from '../engine/claims';
import { civilDate, daysInMonth, isoDay } from '../engine/read/calendar';
import type { Entity, PropertyEntry } from '../engine/registry';
import { csvRow } from './report';

/** A cell: text, a number, a list (joined with `; ` in CSV), or nothing. */
export type EventCell = string | number | null | readonly string[];

export interface EventTable {
  /** The column names, unique. */
  readonly columns: readonly string[];
  /** One row per registry event, in the registry's order, each aligned with `columns`. */
  readonly rows: readonly (readonly EventCell[])[];
}

/** The registry fields of an event whose claims give its date and place: the properties of the same name. */
const DATE_PROPERTY = 'date';
const PLACE_PROPERTY = 'place';

/** The figures' columns of a measured property, after its measure's name. */
const MEASURE_COLUMNS = ['low', 'high', 'best', 'conservative', 'hedged', 'estimate'] as const;

/** More claimants than this in one property's note are summed up. */
const NOTE_CLAIMANTS = 10;

/** How precise a date range is: one day, one calendar month, one calendar year, or any other span of days. */
type DatePrecision = 'day' | 'month' | 'year' | 'range';

function datePrecision(low: number, high: number): DatePrecision {
  if (low === high) return 'day';
  const first = civilDate(low);
  const last = civilDate(high);
  if (first.year !== last.year || first.day !== 1) return 'range';
  if (first.month === last.month && last.day === daysInMonth(last.year, last.month)) return 'month';
  return first.month === 1 && last.month === 12 && last.day === 31 ? 'year' : 'range';
}

/** The figures of one measured property of one event. */
interface MeasureFigures {
  readonly low: number | null;
  /** Null when a claim is open-ended (`>=20`) or when no claim gives a count. */
  readonly high: number | null;
  readonly best: number | null;
  readonly conservative: number | null;
  readonly hedged: number;
  /** The desk's `estimate:` as written in corroborate.yaml. */
  readonly estimate: string | null;
}

/**
 * One figure: a count a claimant puts forward. Claims repeating it count
 * once — the same claimant's value in several reports, a republication of
 * its origin's toll — so that a figure carried by many outlets does not
 * outweigh one carried by few. A republication's outlet speaking in its own
 * name repeats its origin, so it speaks for the origin; an anonymous
 * claimant (local sources) is a different one in each independent origin: a
 * republication repeats its origin's local sources, another outlet quotes
 * its own.
 */
interface Figure {
  readonly figure: number;
  /** True while every claim of the figure is hedged. */
  hedged: boolean;
}

/** Who puts a figure forward, as figures count claimants: see Figure. */
function figureClaimant(claim: Claim): string {
  const claimant = claim.claimant ?? '';
  if (claim.claimantKey !== claim.claimant) return `${claimant}\u0000${originOf(claim).key}`;
  return claimant === claim.source && claim.origin !== undefined ? claim.origin : claimant;
}

function figuresOf(analysis: GroupAnalysis): Figure[] {
  const figures = new Map<string, Figure>();
  for (const valueClass of analysis.classes.values()) {
    for (const { claim, value } of valueClass.members) {
      // Each claim's own figure: `<=50` and `0..50` are one value, with different figures.
      if (value.type !== 'interval' || value.figure === undefined) continue;
      const key = `${value.figure}\u0000${figureClaimant(claim)}`;
      const found = figures.get(key);
      if (!found) figures.set(key, { figure: value.figure, hedged: claim.hedged });
      else if (!claim.hedged) found.hedged = false;
    }
  }
  return [...figures.values()];
}

/** The median, a half rounded down: a count is whole. */
function median(sorted: readonly number[]): number {
  const middle = sorted.length >> 1;
  const value = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.floor(value);
}

function measureFigures(analysis: GroupAnalysis | undefined, estimate: string | undefined): MeasureFigures {
  let low = Infinity;
  let high = -Infinity;
  for (const valueClass of analysis?.classes.values() ?? []) {
    if (valueClass.value.type !== 'interval') continue;
    low = Math.min(low, valueClass.value.low);
    high = Math.max(high, valueClass.value.high);
  }
  const figures = analysis ? figuresOf(analysis) : [];
  const all = figures.map((f) => f.figure).sort((a, b) => a - b);
  // Not Math.min(...firm): a group may have more figures than a call takes arguments.
  const conservative = figures.reduce((least, f) => (f.hedged ? least : Math.min(least, f.figure)), Infinity);
  return {
    low: Number.isFinite(low) ? low : null,
    high: Number.isFinite(high) ? high : null,
    best: all.length > 0 ? median(all) : null,
    conservative: Number.isFinite(conservative) ? Math.floor(conservative) : null,
    hedged: figures.filter((f) => f.hedged).length,
    estimate: estimate ?? null,
  };
}

/** The day numbers the claims' dates cover, earliest first day to latest last day. */
function claimedDays(analysis: GroupAnalysis | undefined): { low: number; high: number } | undefined {
  let found: { low: number; high: number } | undefined;
  for (const valueClass of analysis?.classes.values() ?? []) {
    const value = valueClass.value;
    if (value.type !== 'interval') continue;
    found = found ? { low: Math.min(found.low, value.low), high: Math.max(found.high, value.high) } : { low: value.low, high: value.high };
  }
  return found;
}

/** Entity ids a group's claims name, the one most claimants name first (then in the order of first claims). */
function claimedIds(analysis: GroupAnalysis | undefined): string[] {
  const named: { id: string; claimants: number }[] = [];
  for (const { value, byClaimant } of analysis?.classes.values() ?? []) if (value.type === 'entity') named.push({ id: value.id, claimants: byClaimant.size });
  // Array.prototype.sort is stable: equal counts keep the order of first claims.
  return named.sort((a, b) => b.claimants - a.claimants).map((n) => n.id);
}

/**
 * The place the claims agree on: the deepest of them when they all lie on
 * one chain of `in:` (Niafunké in the Tombouctou region in Mali), else the
 * deepest place that holds them all; undefined when none does.
 */
function resolvePlace(places: readonly string[], corpus: Corpus): string | undefined {
  if (places.length === 0) return undefined;
  const containment = corpus.registry.containment;
  const deepest = places.find((inner) => places.every((outer) => containment.contains(outer, inner)));
  if (deepest !== undefined) return deepest;
  return containment.chain(places[0]).find((outer) => places.every((inner) => containment.contains(outer, inner)));
}

function nameOf(corpus: Corpus, id: string): string {
  return corpus.registry.entities.get(id)?.name ?? id;
}

/**
 * The note of one property: who claims what, when the claims contradict
 * each other or the event's `disputed:` acknowledges them, and the desk's
 * estimate when it has no column of its own, whether or not any claim gives
 * the property (`analysis` undefined). Undefined when there is none.
 */
function propertyNote(corpus: Corpus, property: PropertyEntry, analysis: GroupAnalysis | undefined, estimate: string | undefined): string | undefined {
  const classes = analysis ? [...analysis.classes.values()] : [];
  const open = classes.some((c) => c.contradicts.length > 0);
  const acknowledged = classes.some((c) => c.acknowledged.length > 0);
  if (!open && !acknowledged && estimate === undefined) return undefined;
  let note = `${property.key}:`;
  if (open || acknowledged) {
    // By claimant (an anonymous claimant's documents together), each with its values in the group's order.
    // Values as json's `value` gives them, unquoted: a quoted `">=20"` is the same value as `>=20`.
    const said = new Map<string, Map<string, { written: string; hedged: boolean }>>();
    for (const valueClass of classes) {
      if (valueClass.value.type === 'unknown') continue;
      for (const d of valueClass.members) {
        const claimant = d.claim.claimant ?? '';
        let values = said.get(claimant);
        if (!values) said.set(claimant, (values = new Map<string, { written: string; hedged: boolean }>()));
        const value = values.get(valueClass.key);
        if (!value) values.set(valueClass.key, { written: d.valueText, hedged: d.claim.hedged });
        else if (!d.claim.hedged) value.hedged = false;
      }
    }
    const parts = [...said].slice(0, NOTE_CLAIMANTS).map(([claimant, values]) => {
      const shown = [...values.values()].map((v) => (v.hedged ? `${v.written} (hedged)` : v.written));
      return `${nameOf(corpus, claimant)}: ${shown.join(', ')}`;
    });
    const more = said.size - NOTE_CLAIMANTS;
    if (more > 0) parts.push(`${more} more ${more === 1 ? 'claimant' : 'claimants'}`);
    note += ` ${parts.join('; ')} — ${open ? 'unresolved' : 'acknowledged'}`;
  }
  if (estimate !== undefined) note += `${open || acknowledged ? ';' : ''} desk estimate: ${estimate}`;
  return note;
}

/** What the columns say of one event, before they are laid out. */
interface EventFacts {
  readonly event: Entity;
  readonly days?: { readonly low: number; readonly high: number };
  readonly dateSource: 'claims' | 'registry' | null;
  readonly place?: string;
  /** The place and the places it lies in, outermost first. */
  readonly chain: readonly string[];
  readonly placeSource: 'claims' | 'registry' | null;
  /** Per actor property, the actors claimed. */
  readonly actors: readonly (readonly string[])[];
  readonly measures: readonly MeasureFigures[];
  readonly claims: number;
  readonly claimants: number;
  readonly origins: number;
  readonly sources: readonly string[];
  readonly notes: readonly string[];
}

function eventFacts(corpus: Corpus, event: Entity, actors: readonly PropertyEntry[], measured: readonly PropertyEntry[]): EventFacts {
  const registry = corpus.registry;
  const group = (property: PropertyEntry | undefined) => (property ? corpus.analysis(event.id, property.key) : undefined);
  const dateProperty = registry.properties.get(DATE_PROPERTY);
  const placeProperty = registry.properties.get(PLACE_PROPERTY);

  const claimed = claimedDays(dateProperty?.type === 'date' ? group(dateProperty) : undefined);
  const days = claimed ?? event.dateDays;

  const places = placeProperty?.type === 'entity' && placeProperty.kind === 'place' ? claimedIds(group(placeProperty)) : [];
  const registryPlace = event.place && registry.entities.get(event.place.value)?.section === 'place' ? event.place.value : undefined;
  const place = places.length > 0 ? resolvePlace(places, corpus) : registryPlace;

  const claims = corpus.claimsOfEvent(event.id);
  const claimants = new Set<string>();
  const origins = new Set<string>();
  const sources = new Set<string>();
  for (const claim of claims) {
    if (claim.claimantKey !== undefined) claimants.add(claim.claimantKey);
    origins.add(originOf(claim).key);
    if (claim.source !== undefined) sources.add(claim.source);
  }

  // In the registry's order of properties, as the event's rows are; a property no claim gives may still have an estimate.
  const analyses = new Map(corpus.eventAnalysis(event.id).rows.map(({ analysis }) => [analysis.property.key, analysis]));
  const notes: string[] = [];
  for (const property of registry.properties.values()) {
    // A measured property's estimate has a column of its own.
    const estimate = property.measure ? undefined : event.estimate.get(property.key)?.value;
    const note = propertyNote(corpus, property, analyses.get(property.key), estimate);
    if (note !== undefined) notes.push(note);
  }

  return {
    event,
    ...(days ? { days } : {}),
    dateSource: claimed ? 'claims' : days ? 'registry' : null,
    ...(place !== undefined ? { place } : {}),
    chain: place !== undefined ? [...registry.containment.chain(place)].reverse() : [],
    placeSource: places.length > 0 ? 'claims' : place !== undefined ? 'registry' : null,
    actors: actors.map((property) => claimedIds(group(property))),
    measures: measured.map((property) => measureFigures(group(property), event.estimate.get(property.key)?.value)),
    claims: claims.length,
    claimants: claimants.size,
    origins: origins.size,
    sources: [...sources].sort(),
    notes,
  };
}

function eventRow(corpus: Corpus, facts: EventFacts, admins: number): EventCell[] {
  const { event, days, place, chain } = facts;
  return [
    event.id,
    event.name,
    days ? isoDay(days.low) : null,
    days ? isoDay(days.high) : null,
    days ? datePrecision(days.low, days.high) : null,
    facts.dateSource,
    place ?? null,
    place !== undefined ? nameOf(corpus, place) : null,
    ...Array.from({ length: admins }, (_, level) => (level < chain.length ? nameOf(corpus, chain[level]) : null)),
    facts.placeSource,
    ...facts.actors.flatMap((ids) => [ids, ids.map((id) => nameOf(corpus, id))]),
    ...facts.measures.flatMap((figures) => MEASURE_COLUMNS.map((column) => figures[column])),
    facts.claims,
    facts.claimants,
    facts.origins,
    facts.sources,
    facts.notes.length > 0 ? facts.notes.join(' | ') : null,
    event.assessment ?? null,
  ];
}

/** A column: its name, and whether the registry named it (after a property or a measure) or this export did. */
interface Column {
  readonly name: string;
  readonly fromRegistry: boolean;
}

/**
 * The column names, unique. A property key or a measure may be another
 * column's name (an actor property called `notes`): the export's own columns
 * keep theirs, and a registry-named column whose name is taken gets `_2`,
 * `_3`…, so no value is lost under a duplicate key.
 */
function uniqueNames(columns: readonly Column[]): string[] {
  const taken = new Set(columns.filter((c) => !c.fromRegistry).map((c) => c.name));
  return columns.map(({ name, fromRegistry }) => {
    if (!fromRegistry) return name;
    let unique = name;
    for (let n = 2; taken.has(unique); n++) unique = `${name}_${n}`;
    taken.add(unique);
    return unique;
  });
}

export function eventTable(corpus: Corpus): EventTable {
  const registry = corpus.registry;
  const properties = [...registry.properties.values()];
  const actors = properties.filter((p) => p.type === 'entity' && p.kind === 'actor');
  const measured = properties.filter((p) => p.type === 'count' && p.measure !== undefined);
  const facts = [...registry.entities.values()].filter((e) => e.section === 'event').map((event) => eventFacts(corpus, event, actors, measured));
  // As many admin columns as the longest chain has places.
  const admins = facts.reduce((most, f) => Math.max(most, f.chain.length), 0);
  const own = (...names: string[]): Column[] => names.map((name) => ({ name, fromRegistry: false }));
  const named = (...names: string[]): Column[] => names.map((name) => ({ name, fromRegistry: true }));
  const columns = [
    ...own('event_id', 'event_name', 'date_start', 'date_end', 'date_precision', 'date_source', 'location_id', 'location_name'),
    ...own(...Array.from({ length: admins }, (_, level) => `admin${level + 1}`)),
    ...own('location_source'),
    ...actors.flatMap((p) => named(p.key, `${p.key}_name`)),
    ...measured.flatMap((p) => named(...MEASURE_COLUMNS.map((column) => `${p.measure?.value ?? p.key}_${column}`))),
    ...own('claims', 'claimants', 'origins', 'sources', 'notes', 'assessment'),
  ];
  return { columns: uniqueNames(columns), rows: facts.map((f) => eventRow(corpus, f, admins)) };
}

/** The CSV of `export --format events`: a header row, then one row per event; lists joined with `; `. */
export function eventsCsv(table: EventTable): string {
  const cell = (value: EventCell) => (Array.isArray(value) ? value.join('; ') : (value as string | number | null));
  return [csvRow(table.columns), ...table.rows.map((row) => csvRow(row.map(cell)))].join('');
}

/** The JSON of `export --format events-json`: an array of objects, the CSV's columns as keys, numbers as numbers, lists as arrays, null for nothing. */
export function eventsJson(table: EventTable): string {
  const records = table.rows.map((row) => Object.fromEntries(table.columns.map((column, i) => [column, row[i]])));
  return JSON.stringify(records, null, 2) + '\n';
}
