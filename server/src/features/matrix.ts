// The claims matrix: what a desk builds by hand from its coders' sheets — for
// each event, each property, who claims what, heard through which
// independent origins, where they agree and where they conflict, what the
// desk has concluded, and who said it first. Plain data, so that it can
// travel as JSON to the editor's view and be written out by `corroborate
// report`; every label is already in words, so neither recomputes anything.
//
// The engine's analysis of each (event, property) group says what agrees and
// what conflicts (claimantCells gives each claimant's state); this file only
// arranges it and puts it into words. Ranges are offsets into the files.

import { originOf, type CellState, type ClaimantCell, type EventRow, type ValueClass } from '../engine/analysis';
import type { Corpus } from '../engine/corpus';
import type { Assertion, Claim } from '../engine/claims';
import type { Entity, PropertyEntry, Registry } from '../engine/registry';
import type { TextRange } from '../engine/syntax';
import { isoDay } from '../engine/read/calendar';
import { readDate, type PropertyType } from '../engine/values';
import { entityName, valueText } from './present';

export type { CellState };

export interface MatrixOptions {
  /** How a corpus file is named in labels (the CLI names it from the working folder); `file` fields stay corpus-relative. */
  readonly showPath?: (file: string) => string;
}

export interface EntityLabel {
  readonly id: string;
  /** The registry's name, or `@id` for an id the registry does not know. */
  readonly name: string;
}

/** A range of days, as ISO dates. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
  /** `claims`: the span of the claims' `date=` values; `registry`: the event's `date:` in corroborate.yaml, when no claim gives a date. */
  readonly basis: 'claims' | 'registry';
}

/** How much of an event is in dispute. */
export interface DisputeCount {
  /** Properties (matrix rows) where claimed values contradict each other. */
  readonly properties: number;
  /** (property, claimant) cells in this state. */
  readonly cells: number;
  /**
   * The diagnostics `corroborate check` reports on the event's claims: for
   * open conflicts, its `conflicting-claims` and `inconsistent-reports`
   * warnings; for acknowledged ones, its `acknowledged-dispute` information.
   */
  readonly diagnostics: number;
}

/** One line of the corpus overview. */
export interface EventSummary {
  readonly event: EntityLabel;
  /** Claim spans about the event. */
  readonly claims: number;
  /** Reports holding those claims. */
  readonly reports: number;
  /** Distinct outlets (front matter `source:`) of those reports. */
  readonly sources: number;
  /** Independent origins of those reports: a report's `origin:`, else its `source:`; reports sharing one count once. */
  readonly origins: number;
  /** Matrix columns: claimants, an anonymous one once per report. */
  readonly claimants: number;
  /** Matrix rows: properties claimed. */
  readonly properties: number;
  /** Unacknowledged contradictions. */
  readonly conflicts: DisputeCount;
  /** Contradictions the event's `disputed:` acknowledges. */
  readonly acknowledged: DisputeCount;
  readonly dates?: DateRange;
}

export interface CorpusOverview {
  readonly documents: number;
  readonly claims: number;
  /** Events with at least one claim, most disputed first (see overviewOrder). */
  readonly events: readonly EventSummary[];
  /** Registry events no claim is about, in registry order. */
  readonly withoutClaims: readonly EntityLabel[];
}

/** A report that holds claims about the event. */
export interface ReportEntry {
  readonly file: string;
  /** The file as the options' showPath names it. */
  readonly label: string;
  readonly source?: EntityLabel;
  /** Its independent origin's key (see MatrixOrigin). */
  readonly origin: string;
  /** A republication: its `origin:` is not its `source:`. */
  readonly copy: boolean;
  /** Its front matter's `published:`, as written. */
  readonly published?: string;
}

/** An independent origin of the event's reports: the outlet whose report the others repeat, or a report without source on its own. */
export interface MatrixOrigin {
  readonly key: string;
  readonly label: string;
  /** The origin's actor id; absent for a report that names no source. */
  readonly actor?: string;
  /** Its reports, copies included, by file. */
  readonly reports: readonly string[];
  /** How many of them are republications. */
  readonly copies: number;
}

/** A column of the matrix: one claimant, an anonymous one once per report. */
export interface MatrixClaimant {
  /** The column's key, which cells refer to: the actor id, or for an anonymous claimant the id and its report. */
  readonly key: string;
  /** The claimant's actor id. */
  readonly id: string;
  readonly name: string;
  /** How the column is headed: the name, or "Local sources (unnamed, in 001.txt)". */
  readonly label: string;
  /** An anonymous claimant's report: it counts as a different claimant in each. */
  readonly document?: string;
  /** Its claim spans about the event. */
  readonly claims: number;
  /** The independent origins through which it is heard, by key, with its reports under each. */
  readonly origins: readonly { readonly origin: string; readonly reports: readonly string[] }[];
}

/** One value claimed on a property: a class of equal values in the engine's analysis. */
export interface RowValue {
  /** The engine's value key: equal values, however written, share it. */
  readonly key: string;
  /** In words: "≥ 20", "about 50", "Niafunké", "not given (?)". */
  readonly label: string;
  /** As its first claim writes it. */
  readonly raw: string;
  /** `declined`: `?`, never in conflict; `text`: free text, recorded, never compared. */
  readonly kind: 'value' | 'declined' | 'text';
  readonly claims: number;
  readonly reports: number;
  readonly origins: number;
  readonly hedged: number;
  /**
   * How many of the row's other values agree with it (the same within
   * tolerance, overlapping, listed compatible, a place inside the other),
   * contradict it unacknowledged, and contradict it as the event's
   * `disputed:` acknowledges. Counts, not lists: a row of hundreds of
   * values, each written differently, would make lists of every pair.
   */
  readonly relations: { readonly compatible: number; readonly contradicts: number; readonly acknowledged: number };
}

/** Where one claim says it: what a click on a cell opens. */
export interface Passage {
  readonly file: string;
  /** The claim span, `[` to the end of its block. */
  readonly claim: TextRange;
  /** Its `key=value`. */
  readonly assertion: TextRange;
  /** The value as written there. */
  readonly raw: string;
  readonly hedged: boolean;
}

/** One value in a cell: what the claimant says, and where. */
export interface CellValue {
  /** The row's value key. */
  readonly value: string;
  readonly claims: number;
  /** Reports carrying it. */
  readonly reports: number;
  /** Independent origins of those reports. */
  readonly origins: number;
  readonly hedged: number;
  /** In file and offset order. */
  readonly passages: readonly Passage[];
}

/** What one claimant says about one property of the event. */
export interface MatrixCell {
  /** The column's key. */
  readonly claimant: string;
  /** DESIGN.md's state, the first that applies: conflicts, acknowledged, agrees, single, declined. */
  readonly state: CellState;
  /** Its own values contradict each other: the same party reported differently. */
  readonly inconsistent: boolean;
  /** In the row's value order. */
  readonly values: readonly CellValue[];
}

export interface MatrixRow {
  readonly property: string;
  readonly type: PropertyType;
  readonly description?: string;
  /** `open`: some values contradict each other unacknowledged; `acknowledged`: only acknowledged contradictions; `none`. */
  readonly dispute: 'open' | 'acknowledged' | 'none';
  /** In the order of each value's first claim. */
  readonly values: readonly RowValue[];
  /** In column order; only the claimants who claim something about the property. */
  readonly cells: readonly MatrixCell[];
}

/** What the desk records about the event in corroborate.yaml: never compared with the claims. */
export interface DeskView {
  /** `disputed:`: per property, the values whose disagreement is acknowledged, as written. */
  readonly disputed: readonly { readonly property: string; readonly values: readonly string[] }[];
  readonly assessment?: string;
  /** `estimate:`: the desk's own value per property, as written and in words. */
  readonly estimate: readonly { readonly property: string; readonly raw: string; readonly label: string }[];
}

/** When one report carried a timeline's statement. */
export interface Appearance {
  readonly file: string;
  readonly published?: string;
  /**
   * `first`: no dated report of the same statement was published before it
   * (a partial date such as `2023-11` ties with the days inside it), and it
   * relays nobody; `later`: one was published before it, or it relays its
   * origin; `undated`: the report has no `published:`.
   */
  readonly order: 'first' | 'later' | 'undated';
  /** A republication whose origin's own report carries the same statement: it only relays it. */
  readonly relay: boolean;
  readonly copy: boolean;
  readonly origin: string;
  /** Every claim of the statement in this report is hedged. */
  readonly hedged: boolean;
}

/** One statement — a claimant's value for a property — through time. */
export interface TimelineTrack {
  readonly property: string;
  /** The claimant's actor id: an anonymous claimant's reports are followed together here. */
  readonly claimant: string;
  readonly claimantName: string;
  /** The row's value key. */
  readonly value: string;
  readonly label: string;
  /** The `published:` of its first report; absent when every report is undated. */
  readonly first?: string;
  /** First reports, then later ones and relays, then undated ones; each by publication (start, then end of the date), then file. */
  readonly appearances: readonly Appearance[];
}

export interface EventMatrix {
  readonly event: EntityLabel;
  /** The registry's descriptive fields. */
  readonly date?: string;
  readonly place?: EntityLabel;
  readonly description?: string;
  readonly summary: EventSummary;
  readonly desk: DeskView;
  /** By key. */
  readonly origins: readonly MatrixOrigin[];
  /** By file. */
  readonly reports: readonly ReportEntry[];
  /** Most claims first, then by label. */
  readonly claimants: readonly MatrixClaimant[];
  /** In the registry's order of properties. */
  readonly rows: readonly MatrixRow[];
  /** Earliest first; statements no dated report carries last. */
  readonly timeline: readonly TimelineTrack[];
}

/** The whole corpus at once, as `corroborate report` writes it. */
export interface ClaimsReport {
  readonly overview: CorpusOverview;
  /** The events with claims, in the overview's order. */
  readonly events: readonly EventMatrix[];
}

/** The property whose values date an event in the overview. */
const DATE_PROPERTY = 'date';

function label(corpus: Corpus, id: string): EntityLabel {
  return { id, name: entityName(corpus, id) };
}

function isCopy(claim: Claim): boolean {
  return claim.origin !== undefined && claim.origin !== claim.source;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------
// The overview

/** Most disputed first: properties in open conflict, then cells in conflict, then warnings, then claims; then by id. */
export function overviewOrder(a: EventSummary, b: EventSummary): number {
  return (
    b.conflicts.properties - a.conflicts.properties ||
    b.conflicts.cells - a.conflicts.cells ||
    b.conflicts.diagnostics - a.conflicts.diagnostics ||
    b.claims - a.claims ||
    byText(a.event.id, b.event.id)
  );
}

export function corpusOverview(corpus: Corpus): CorpusOverview {
  const summaries: EventSummary[] = [];
  for (const entity of corpus.registry.entities.values()) {
    if (entity.section !== 'event') continue;
    const summary = keptSummary(corpus, entity.id);
    if (summary.claims > 0) summaries.push(summary);
  }
  return overviewOf(corpus, summaries);
}

/**
 * Each event's overview line as last read, with the event's revision then
 * (Corpus.eventRevision): the matrix view asks for the whole overview after
 * every edit, and an edit changes the lines of the events it touched only.
 * Started afresh with each registry, so events it no longer has are let go.
 */
const keptSummaries = new WeakMap<Corpus, { readonly registry: Registry; readonly lines: Map<string, { readonly revision: number; readonly summary: EventSummary }> }>();

/** The overview line of one event, read again only when the event changed since it was last read. */
export function keptSummary(corpus: Corpus, event: string): EventSummary {
  let kept = keptSummaries.get(corpus);
  if (kept?.registry !== corpus.registry) keptSummaries.set(corpus, (kept = { registry: corpus.registry, lines: new Map() }));
  const revision = corpus.eventRevision(event);
  let line = kept.lines.get(event);
  if (line?.revision !== revision) kept.lines.set(event, (line = { revision, summary: eventSummary(corpus, event) }));
  return line.summary;
}

/** The registry's events that claims are about, each with its claims, in registry order. */
function eventsWithClaims(corpus: Corpus): { readonly entity: Entity; readonly claims: readonly Claim[] }[] {
  const found: { entity: Entity; claims: readonly Claim[] }[] = [];
  for (const entity of corpus.registry.entities.values()) {
    const claims = entity.section === 'event' ? corpus.claimsOfEvent(entity.id) : [];
    if (claims.length > 0) found.push({ entity, claims });
  }
  return found;
}

function overviewOf(corpus: Corpus, summaries: readonly EventSummary[]): CorpusOverview {
  const about = new Set(summaries.map((s) => s.event.id));
  const withoutClaims = [...corpus.registry.entities.values()].filter((e) => e.section === 'event' && !about.has(e.id)).map((e) => label(corpus, e.id));
  let claims = 0;
  for (const file of corpus.files()) claims += corpus.document(file)?.claims.length ?? 0;
  return { documents: corpus.files().length, claims, events: [...summaries].sort(overviewOrder), withoutClaims };
}

/** The overview line of one event, read from the engine's analysis and findings. */
export function eventSummary(corpus: Corpus, event: string, claims: readonly Claim[] = corpus.claimsOfEvent(event)): EventSummary {
  const reports = new Set<string>();
  const sources = new Set<string>();
  const origins = new Set<string>();
  for (const claim of claims) {
    reports.add(claim.file);
    if (claim.source !== undefined) sources.add(claim.source);
    origins.add(originOf(claim).key);
  }
  const { rows } = corpus.eventAnalysis(event);
  const conflicts = { properties: 0, cells: 0, diagnostics: 0 };
  const acknowledged = { properties: 0, cells: 0, diagnostics: 0 };
  const claimants = new Set<string>();
  for (const { analysis, cells } of rows) {
    const classes = [...analysis.classes.values()];
    if (classes.some((c) => c.relationCounts.contradicts > 0)) conflicts.properties++;
    if (classes.some((c) => c.relationCounts.acknowledged > 0)) acknowledged.properties++;
    for (const cell of cells) {
      claimants.add(cell.key);
      if (cell.state === 'conflicts') conflicts.cells++;
      if (cell.state === 'acknowledged') acknowledged.cells++;
    }
    for (const valueClass of classes) {
      if (valueClass.relationCounts.contradicts === 0 && valueClass.relationCounts.acknowledged === 0) continue;
      for (const assertion of valueClass.members) {
        for (const finding of corpus.findingsOf(assertion)?.findings ?? []) {
          if (finding.code === 'acknowledged-dispute') acknowledged.diagnostics++;
          else conflicts.diagnostics++;
        }
      }
    }
  }
  const dates = claimedDates(corpus, event) ?? registryDates(corpus.registry.entities.get(event));
  return {
    event: label(corpus, event),
    claims: claims.length,
    reports: reports.size,
    sources: sources.size,
    origins: origins.size,
    claimants: claimants.size,
    properties: rows.length,
    conflicts,
    acknowledged,
    ...(dates ? { dates } : {}),
  };
}

function claimedDates(corpus: Corpus, event: string): DateRange | undefined {
  if (corpus.registry.properties.get(DATE_PROPERTY)?.type !== 'date') return undefined;
  let low = Infinity;
  let high = -Infinity;
  for (const { value } of corpus.analysis(event, DATE_PROPERTY)?.classes.values() ?? []) {
    if (value.type !== 'interval') continue;
    low = Math.min(low, value.low);
    high = Math.max(high, value.high);
  }
  return low <= high ? { from: isoDay(low), to: isoDay(high), basis: 'claims' } : undefined;
}

function registryDates(entity: Entity | undefined): DateRange | undefined {
  if (entity?.date === undefined) return undefined;
  const reading = readDate(entity.date);
  if (!reading.ok || reading.value.type !== 'interval') return undefined;
  return { from: isoDay(reading.value.low), to: isoDay(reading.value.high), basis: 'registry' };
}

// ---------------------------------------------------------------------------
// One event

/** The matrix of one event; undefined when the registry has no such event. An event without claims has no rows. */
export function eventMatrix(corpus: Corpus, event: string, options: MatrixOptions = {}): EventMatrix | undefined {
  const entity = corpus.registry.entities.get(event);
  if (entity?.section !== 'event') return undefined;
  return buildMatrix(corpus, entity, corpus.claimsOfEvent(event), keptSummary(corpus, event), options.showPath ?? ((file) => file));
}

/** The overview and the matrix of every event with claims: what `corroborate report` writes. */
export function claimsReport(corpus: Corpus, options: MatrixOptions = {}): ClaimsReport {
  const showPath = options.showPath ?? ((file: string) => file);
  const matrices: EventMatrix[] = [];
  for (const { entity, claims } of eventsWithClaims(corpus)) matrices.push(buildMatrix(corpus, entity, claims, eventSummary(corpus, entity.id, claims), showPath));
  const overview = overviewOf(corpus, matrices.map((m) => m.summary));
  const order = new Map(overview.events.map((s, i) => [s.event.id, i]));
  matrices.sort((a, b) => (order.get(a.event.id) ?? 0) - (order.get(b.event.id) ?? 0));
  return { overview, events: matrices };
}

interface ColumnBuilder {
  readonly key: string;
  readonly id: string;
  readonly document?: string;
  readonly claims: Set<Claim>;
  readonly origins: Map<string, Set<string>>;
}

function buildMatrix(corpus: Corpus, entity: Entity, claims: readonly Claim[], summary: EventSummary, showPath: (file: string) => string): EventMatrix {
  const { rows: analysed } = corpus.eventAnalysis(entity.id);
  const reports = new Map<string, ReportEntry>();
  const origins = new Map<string, { key: string; label: string; actor?: string; reports: Set<string>; copies: number }>();
  for (const claim of claims) {
    if (reports.has(claim.file)) continue;
    const origin = originOf(claim);
    const published = corpus.document(claim.file)?.frontMatter.published;
    const copy = isCopy(claim);
    reports.set(claim.file, {
      file: claim.file,
      label: showPath(claim.file),
      ...(claim.source !== undefined ? { source: label(corpus, claim.source) } : {}),
      origin: origin.key,
      copy,
      ...(published !== undefined ? { published } : {}),
    });
    let found = origins.get(origin.key);
    if (!found) {
      const name = origin.actor !== undefined ? entityName(corpus, origin.actor) : `${showPath(claim.file)} (no source)`;
      origins.set(origin.key, (found = { key: origin.key, label: name, ...(origin.actor !== undefined ? { actor: origin.actor } : {}), reports: new Set(), copies: 0 }));
    }
    found.reports.add(claim.file);
    if (copy) found.copies++;
  }

  const columns = new Map<string, ColumnBuilder>();
  const rows = analysed.map(({ analysis, cells }): MatrixRow => {
    const classes = [...analysis.classes.values()];
    for (const cell of cells) addToColumn(columns, cell);
    const dispute = classes.some((c) => c.relationCounts.contradicts > 0) ? 'open' : classes.some((c) => c.relationCounts.acknowledged > 0) ? 'acknowledged' : 'none';
    return {
      property: analysis.property.key,
      type: analysis.property.type,
      ...(analysis.property.description !== undefined ? { description: analysis.property.description } : {}),
      dispute,
      values: classes.map((c) => rowValue(corpus, analysis.property, c)),
      cells: cells.map(matrixCell),
    };
  });

  const claimants = [...columns.values()].map((column): MatrixClaimant => {
    const name = entityName(corpus, column.id);
    return {
      key: column.key,
      id: column.id,
      name,
      label: column.document !== undefined ? `${name} (unnamed, in ${showPath(column.document)})` : name,
      ...(column.document !== undefined ? { document: column.document } : {}),
      claims: column.claims.size,
      origins: [...column.origins].sort(([a], [b]) => byText(a, b)).map(([origin, files]) => ({ origin, reports: [...files].sort() })),
    };
  });
  claimants.sort((a, b) => b.claims - a.claims || byText(a.label, b.label) || byText(a.key, b.key));
  const column = new Map(claimants.map((c, i) => [c.key, i]));
  const sortedRows = rows.map((row) => ({ ...row, cells: [...row.cells].sort((a, b) => (column.get(a.claimant) ?? 0) - (column.get(b.claimant) ?? 0)) }));

  return {
    event: label(corpus, entity.id),
    ...(entity.date !== undefined ? { date: entity.date } : {}),
    ...(entity.place ? { place: label(corpus, entity.place.value) } : {}),
    ...(entity.description !== undefined ? { description: entity.description } : {}),
    summary,
    desk: deskView(corpus, entity),
    origins: [...origins.values()].sort((a, b) => byText(a.key, b.key)).map((o) => ({ ...o, reports: [...o.reports].sort() })),
    reports: [...reports.values()].sort((a, b) => byText(a.file, b.file)),
    claimants,
    rows: sortedRows,
    timeline: timeline(corpus, analysed, sortedRows, reports),
  };
}

function addToColumn(columns: Map<string, ColumnBuilder>, cell: ClaimantCell): void {
  let column = columns.get(cell.key);
  if (!column) {
    column = { key: cell.key, id: cell.claimant, ...(cell.document !== undefined ? { document: cell.document } : {}), claims: new Set(), origins: new Map() };
    columns.set(cell.key, column);
  }
  for (const { claims } of cell.values) {
    for (const { claim } of claims) {
      column.claims.add(claim);
      const origin = originOf(claim).key;
      let files = column.origins.get(origin);
      if (!files) column.origins.set(origin, (files = new Set()));
      files.add(claim.file);
    }
  }
}

function originCount(assertions: readonly Assertion[]): number {
  return new Set(assertions.map((d) => originOf(d.claim).key)).size;
}

function reportCount(assertions: readonly Assertion[]): number {
  return new Set(assertions.map((d) => d.claim.file)).size;
}

function hedgedCount(assertions: readonly Assertion[]): number {
  return assertions.filter((d) => d.claim.hedged).length;
}

function rowValue(corpus: Corpus, property: PropertyEntry, valueClass: ValueClass): RowValue {
  const first = valueClass.members[0];
  const raw = first?.rawValue ?? '';
  const value = valueClass.value;
  return {
    key: valueClass.key,
    label: valueText(corpus, property, value, first?.valueText ?? ''),
    raw,
    kind: value.type === 'unknown' ? 'declined' : value.type === 'text' ? 'text' : 'value',
    claims: valueClass.members.length,
    reports: reportCount(valueClass.members),
    origins: originCount(valueClass.members),
    hedged: hedgedCount(valueClass.members),
    relations: { compatible: valueClass.relationCounts.compatible, contradicts: valueClass.relationCounts.contradicts, acknowledged: valueClass.relationCounts.acknowledged },
  };
}

function matrixCell(cell: ClaimantCell): MatrixCell {
  return {
    claimant: cell.key,
    state: cell.state,
    inconsistent: cell.inconsistent,
    values: cell.values.map((v) => ({
      value: v.valueClass.key,
      claims: v.claims.length,
      reports: v.documents,
      origins: originCount(v.claims),
      hedged: v.hedged,
      passages: v.claims.map(passage),
    })),
  };
}

function passage(assertion: Assertion): Passage {
  const { claim } = assertion;
  return {
    file: claim.file,
    claim: { start: claim.start, end: claim.end },
    assertion: { start: assertion.start, end: assertion.end },
    raw: assertion.rawValue,
    hedged: claim.hedged,
  };
}

// ---------------------------------------------------------------------------
// The desk's record

function deskView(corpus: Corpus, entity: Entity): DeskView {
  const estimate: DeskView['estimate'][number][] = [];
  for (const [property, { value: raw, claimValue }] of entity.estimate) {
    const definition = corpus.registry.properties.get(property);
    estimate.push({ property, raw, label: definition ? valueText(corpus, definition, claimValue, raw) : raw });
  }
  return {
    disputed: [...entity.disputed].map(([property, { values }]) => ({ property, values: values.map((v) => v.value) })),
    ...(entity.assessment !== undefined ? { assessment: entity.assessment } : {}),
    estimate,
  };
}

// ---------------------------------------------------------------------------
// The timeline

const ORDER_RANK: Readonly<Record<Appearance['order'], number>> = { first: 0, later: 1, undated: 2 };

/** A report's publication as days; absent when it has no readable `published:`. */
interface Dated {
  readonly low: number;
  readonly high: number;
}

function publicationDays(report: ReportEntry): Dated | undefined {
  if (report.published === undefined) return undefined;
  const reading = readDate(report.published);
  return reading.ok && reading.value.type === 'interval' ? { low: reading.value.low, high: reading.value.high } : undefined;
}

interface TrackBuilder {
  readonly track: TimelineTrack;
  readonly row: number;
  readonly valueIndex: number;
  /** The first report's first day; Infinity when no report is dated. */
  readonly earliest: number;
}

function timeline(corpus: Corpus, analysed: readonly EventRow[], rows: readonly MatrixRow[], reports: ReadonlyMap<string, ReportEntry>): TimelineTrack[] {
  const days = new Map<string, Dated | undefined>();
  for (const report of reports.values()) days.set(report.file, publicationDays(report));
  const tracks: TrackBuilder[] = [];
  analysed.forEach(({ analysis }, row) => {
    let valueIndex = 0;
    for (const valueClass of analysis.classes.values()) {
      // One track per claimant: an anonymous claimant's reports are one statement here.
      const byActor = new Map<string, Assertion[]>();
      for (const assertion of valueClass.members) {
        const actor = assertion.claim.claimant ?? '';
        let own = byActor.get(actor);
        if (!own) byActor.set(actor, (own = []));
        own.push(assertion);
      }
      const label = rows[row]?.values[valueIndex]?.label ?? valueClass.key;
      for (const [actor, assertions] of byActor) {
        const statement: Statement = { property: analysis.property.key, claimant: actor, claimantName: entityName(corpus, actor), value: valueClass.key, label };
        tracks.push(track(statement, assertions, reports, days, row, valueIndex));
      }
      valueIndex++;
    }
  });
  tracks.sort((a, b) => a.earliest - b.earliest || a.row - b.row || a.valueIndex - b.valueIndex || byText(a.track.claimantName, b.track.claimantName) || byText(a.track.claimant, b.track.claimant));
  return tracks.map((t) => t.track);
}

type Statement = Omit<TimelineTrack, 'first' | 'appearances'>;

function track(
  statement: Statement,
  assertions: readonly Assertion[],
  reports: ReadonlyMap<string, ReportEntry>,
  days: ReadonlyMap<string, Dated | undefined>,
  row: number,
  valueIndex: number,
): TrackBuilder {
  // Per report: whether every claim of the statement there is hedged.
  const hedgedIn = new Map<string, boolean>();
  for (const { claim } of assertions) hedgedIn.set(claim.file, (hedgedIn.get(claim.file) ?? true) && claim.hedged);
  const carriers = [...hedgedIn.keys()].flatMap((file) => reports.get(file) ?? []);
  // Origins whose own reports (not copies) carry the statement: their copies only relay it.
  const originals = new Set(carriers.filter((r) => !r.copy).map((r) => r.origin));
  let firstEnd = Infinity;
  for (const report of carriers) {
    const dated = days.get(report.file);
    if (dated && !(report.copy && originals.has(report.origin))) firstEnd = Math.min(firstEnd, dated.high);
  }
  const appearances = carriers.map((report) => {
    const dated = days.get(report.file);
    const relay = report.copy && originals.has(report.origin);
    const appearance: Appearance = {
      file: report.file,
      ...(report.published !== undefined ? { published: report.published } : {}),
      order: dated === undefined ? 'undated' : !relay && dated.low <= firstEnd ? 'first' : 'later',
      relay,
      copy: report.copy,
      origin: report.origin,
      hedged: hedgedIn.get(report.file) ?? false,
    };
    return { appearance, dated };
  });
  appearances.sort(
    (a, b) =>
      ORDER_RANK[a.appearance.order] - ORDER_RANK[b.appearance.order] ||
      (a.dated && b.dated ? a.dated.low - b.dated.low || a.dated.high - b.dated.high : 0) ||
      byText(a.appearance.file, b.appearance.file),
  );
  const first = appearances[0]?.appearance.order === 'first' ? appearances[0] : undefined;
  return {
    track: { ...statement, ...(first?.appearance.published !== undefined ? { first: first.appearance.published } : {}), appearances: appearances.map((a) => a.appearance) },
    row,
    valueIndex,
    earliest: first?.dated?.low ?? Infinity,
  };
}
