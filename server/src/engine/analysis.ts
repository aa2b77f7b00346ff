// The analysis of one (event, property) group as the features read it: its
// claims pooled into value classes (two claims of one value never disagree),
// and which classes are compatible, which contradict each other and which
// contradictions the event's `disputed:` acknowledges. Values are compared
// with each other (few), never claims with claims (many).
//
// The group keeps its classes up to date (group.ts) and classifies them once,
// for the contradiction diagnostics and for this: a snapshot taken when asked
// for, kept until the group changes, which the hover cards and the views built
// here read — for the claims matrix and `report` (a cell per claimant, its
// state) and for exports (each class's value and its claims, hedged or not).

import type { DiagnosticCode } from './diagnostics';
import type { Assertion, Claim } from './claims';
import type { PropertyEntry } from './registry';
import { listOf, type SoleOrList } from './soleOrList';
import { valueKey, type ClaimValue } from './values';

/** The claims of one value, and how that value relates to the group's other values. */
export interface ValueClass {
  /** The value's `valueKey`: equal for equal values (quoting never changes a value). */
  readonly key: string;
  readonly value: ClaimValue;
  /** The claims of this value, in file and offset order. */
  readonly members: readonly Assertion[];
  /** The members by claimant key (an anonymous claimant has one key per document), each in file and offset order. */
  readonly byClaimant: ReadonlyMap<string, readonly Assertion[]>;
  /** Other classes whose values are compatible: overlapping intervals, enum values listed as compatible, places one inside the other. */
  readonly compatible: readonly ValueClass[];
  /** Classes whose values contradict this one and that no `disputed:` acknowledges: conflicting claims, or inconsistent reports when the claimant is the same. */
  readonly contradicts: readonly ValueClass[];
  /** Classes whose values contradict this one, acknowledged together with it by the event's `disputed:`. */
  readonly acknowledged: readonly ValueClass[];
  /** How many classes each of those three lists holds, counted for the group's classes all at once: what a table of the whole group reads. */
  readonly relationCounts: RelationCounts;
}

/** How many of a group's classes stand in each relation to one class. */
export interface RelationCounts {
  readonly compatible: number;
  readonly contradicts: number;
  readonly acknowledged: number;
}

/**
 * One (event, property) group. `?` (declined) and free text have classes of
 * their own but are never compared: they relate to no other class.
 */
export interface GroupAnalysis {
  readonly event: string;
  readonly property: PropertyEntry;
  /** By value key, in the order of each value's first claim (file, offset). */
  readonly classes: ReadonlyMap<string, ValueClass>;
  /** How two of its classes stand to each other: which of `a`'s lists holds `b`, without building them. */
  relate(a: ValueClass, b: ValueClass): Relation;
  /** Whether any of these classes (one claimant's values) is in another's `contradicts`, without relating every pair. */
  anyContradicting(classes: readonly ValueClass[]): boolean;
}

/** The key of the declined value `?`. */
const DECLINED_KEY = valueKey({ type: 'unknown' });

/** File, then offset: the order of the CLI's output, of related entries and of every list here. */
export function compareAssertions(a: Assertion, b: Assertion): number {
  if (a.claim.file !== b.claim.file) return a.claim.file < b.claim.file ? -1 : 1;
  return a.start - b.start;
}

/** How two values of a group stand to each other; undefined when one of them is never compared (`?`, free text). */
export type Relation = 'compatible' | 'contradicts' | 'acknowledged' | undefined;

/** A value class as the group keeps it (group.ts): what a snapshot is taken of. */
export interface ClassSource {
  readonly key: string;
  readonly value: ClaimValue;
  readonly members: readonly Assertion[];
  /** Each claimant key's members, in file and offset order (a party, group.ts), in the order the claimants came. */
  parties(): Iterable<{ readonly claimantKey: string; readonly held: SoleOrList<Assertion> }>;
}

/** How a group relates its classes: pair by pair, and all at once by counts. */
export interface ClassRelations<C extends ClassSource> {
  relate(a: C, b: C): Relation;
  /** relate()'s answers for every ordered pair of `classes`, counted per class. */
  count(classes: readonly C[]): ReadonlyMap<C, RelationCounts>;
  /** Whether relate() says `contradicts` of any pair of `classes`. */
  anyContradicting(classes: readonly C[]): boolean;
}

const NO_RELATIONS: RelationCounts = { compatible: 0, contradicts: 0, acknowledged: 0 };

/** The classes of one snapshot, and what their relations are read from. */
class SnapshotGroup<C extends ClassSource> {
  readonly classes: SnapshotClass<C>[] = [];
  /** By value key: the analysis's `classes`. */
  readonly byKey = new Map<string, SnapshotClass<C>>();

  constructor(readonly relations: ClassRelations<C>) {}

  add(source: C): void {
    const valueClass = new SnapshotClass(source, this);
    this.classes.push(valueClass);
    this.byKey.set(valueClass.key, valueClass);
  }

  /** Counted for every class at once, the first time any class is asked, and kept on each class. */
  countRelations(): void {
    const counts = this.relations.count(this.classes.map((c) => c.source));
    for (const valueClass of this.classes) valueClass.counted(counts.get(valueClass.source) ?? NO_RELATIONS);
  }

  relate(a: ValueClass, b: ValueClass): Relation {
    const first = this.sourceOf(a);
    const second = this.sourceOf(b);
    return first && second ? this.relations.relate(first, second) : undefined;
  }

  anyContradicting(classes: readonly ValueClass[]): boolean {
    const sources: C[] = [];
    for (const valueClass of classes) {
      const source = this.sourceOf(valueClass);
      if (source) sources.push(source);
    }
    return this.relations.anyContradicting(sources);
  }

  /** The group's class behind one of this snapshot's classes; undefined for a class of another snapshot. */
  private sourceOf(valueClass: ValueClass): C | undefined {
    const own = this.byKey.get(valueClass.key);
    return own === valueClass ? own.source : undefined;
  }
}

/** A value class as it stood when the snapshot was taken; its relations are found when first read. */
class SnapshotClass<C extends ClassSource> implements ValueClass {
  readonly key: string;
  readonly value: ClaimValue;
  readonly members: readonly Assertion[];
  readonly byClaimant: ReadonlyMap<string, readonly Assertion[]>;
  private relations: Record<Exclude<Relation, undefined>, ValueClass[]> | undefined;
  private counts: RelationCounts | undefined;

  constructor(
    readonly source: C,
    private readonly snapshot: SnapshotGroup<C>,
  ) {
    this.key = source.key;
    this.value = source.value;
    this.members = [...source.members];
    this.byClaimant = new Map(Array.from(source.parties(), (own) => [own.claimantKey, [...listOf(own.held)]]));
  }

  get compatible(): readonly ValueClass[] {
    return this.related().compatible;
  }

  get contradicts(): readonly ValueClass[] {
    return this.related().contradicts;
  }

  get acknowledged(): readonly ValueClass[] {
    return this.related().acknowledged;
  }

  get relationCounts(): RelationCounts {
    if (!this.counts) this.snapshot.countRelations();
    return this.counts ?? NO_RELATIONS;
  }

  /** Its counts, as the snapshot counted them for all its classes. */
  counted(counts: RelationCounts): void {
    this.counts = counts;
  }

  private related(): Record<Exclude<Relation, undefined>, ValueClass[]> {
    if (!this.relations) {
      const relations: Record<Exclude<Relation, undefined>, ValueClass[]> = { compatible: [], contradicts: [], acknowledged: [] };
      for (const other of this.snapshot.classes) {
        const relation = this.snapshot.relations.relate(this.source, other.source);
        if (relation !== undefined) relations[relation].push(other);
      }
      this.relations = relations;
    }
    return this.relations;
  }
}

/**
 * The analysis of a group as its classes stand now: the classes copied, in
 * the order of each value's first claim, their relations read from
 * `relations` when first asked for (a claim's card needs only its own
 * value's lists; a table of a large group's values, only how many each list
 * holds, counted for all the classes at once).
 */
export function snapshotAnalysis<C extends ClassSource>(event: string, property: PropertyEntry, classes: Iterable<C>, relations: ClassRelations<C>): GroupAnalysis {
  const ordered = [...classes].filter((c) => c.members.length > 0).sort((a, b) => compareAssertions(a.members[0], b.members[0]));
  const snapshot = new SnapshotGroup(relations);
  for (const source of ordered) snapshot.add(source);
  return {
    event,
    property,
    classes: snapshot.byKey,
    relate: (a, b) => snapshot.relate(a, b),
    anyContradicting: (classes) => snapshot.anyContradicting(classes),
  };
}

/** How a contradicting claim stands to a claim: the contradiction codes of DESIGN.md. */
export type ContradictionKind = Extract<DiagnosticCode, 'conflicting-claims' | 'inconsistent-reports' | 'acknowledged-dispute'>;

/** How `other` contradicts `own`, or undefined when their values do not contradict each other. */
export function contradictionKind(analysis: GroupAnalysis, own: Assertion, other: Assertion): ContradictionKind | undefined {
  const ownClass = analysis.classes.get(own.valueKey);
  const otherClass = analysis.classes.get(other.valueKey);
  if (!ownClass || !otherClass) return undefined;
  const relation = analysis.relate(ownClass, otherClass);
  if (relation === 'acknowledged') return 'acknowledged-dispute';
  if (relation !== 'contradicts') return undefined;
  return own.claim.claimantKey === other.claim.claimantKey ? 'inconsistent-reports' : 'conflicting-claims';
}

// ---------------------------------------------------------------------------
// Independent origins

/** An independent origin: corroboration counts these, not documents. */
export interface Origin {
  /** Equal for the documents of one origin; origins sort by it. */
  readonly key: string;
  /** The document's `origin`, else its `source`. */
  readonly actor?: string;
  /** A document that names neither is an origin of its own. */
  readonly document?: string;
}

export function originOf(claim: Claim): Origin {
  return claim.origin !== undefined ? { key: claim.origin, actor: claim.origin } : { key: `\u0000${claim.file}`, document: claim.file };
}

// ---------------------------------------------------------------------------
// One claim in its group: the claim card

/** How one claim stands in its group. */
export interface Standing {
  readonly valueClass: ValueClass;
  /** Other claims of the same or a compatible value, in file and offset order. */
  readonly agreeing: readonly Assertion[];
  /** Claims of a contradicting value, acknowledged ones included, in file and offset order: see contradictionKind. */
  readonly contradicting: readonly Assertion[];
  /** Claims that decline to give a value (`?`). */
  readonly declined: readonly Assertion[];
  /** The independent origins of the agreeing claims other than the claim's own, by key, each with how many documents carry them. */
  readonly corroboration: readonly { readonly origin: Origin; readonly documents: number }[];
}

/** Undefined for a claim that is not in the group. */
export function standingOf(analysis: GroupAnalysis, assertion: Assertion): Standing | undefined {
  const own = analysis.classes.get(assertion.valueKey);
  if (!own) return undefined;
  const agreeing = [...own.members.filter((d) => d !== assertion), ...own.compatible.flatMap((c) => c.members)].sort(compareAssertions);
  const contradicting = [...own.contradicts, ...own.acknowledged].flatMap((c) => c.members).sort(compareAssertions);
  const ownOrigin = originOf(assertion.claim).key;
  const origins = new Map<string, { origin: Origin; files: Set<string> }>();
  for (const d of agreeing) {
    const origin = originOf(d.claim);
    if (origin.key === ownOrigin) continue;
    let found = origins.get(origin.key);
    if (!found) origins.set(origin.key, (found = { origin, files: new Set() }));
    found.files.add(d.claim.file);
  }
  const corroboration = [...origins.values()].sort((a, b) => (a.origin.key < b.origin.key ? -1 : 1)).map(({ origin, files }) => ({ origin, documents: files.size }));
  const declined = own.key === DECLINED_KEY ? [] : (analysis.classes.get(DECLINED_KEY)?.members ?? []);
  return { valueClass: own, agreeing, contradicting, declined, corroboration };
}

/** Claims summed up by claimant and value: one line of a summary. */
export interface ClaimTally {
  /** The claimant's actor id (anonymous claimants of several documents are summed together). */
  readonly claimant: string | undefined;
  /** The first of the claims, standing for their value. */
  readonly first: Assertion;
  readonly claims: number;
  readonly hedged: number;
  /** The sources reporting them, sorted. */
  readonly sources: readonly string[];
}

/**
 * Claims summed up by claimant and value, most claims first (ties keep the
 * order given). `valueOf` says which claims carry one value: equal values by
 * default; a message that quotes values as written passes the raw text.
 */
export function tallyClaims(assertions: readonly Assertion[], valueOf: (d: Assertion) => string = (d) => d.valueKey): ClaimTally[] {
  const tallies = new Map<string, { claimant: string | undefined; first: Assertion; claims: number; hedged: number; sources: Set<string> }>();
  for (const d of assertions) {
    const key = `${d.claim.claimant ?? ''}\u0000${valueOf(d)}`;
    let tally = tallies.get(key);
    if (!tally) tallies.set(key, (tally = { claimant: d.claim.claimant, first: d, claims: 0, hedged: 0, sources: new Set() }));
    tally.claims++;
    if (d.claim.hedged) tally.hedged++;
    if (d.claim.source !== undefined) tally.sources.add(d.claim.source);
  }
  return [...tallies.values()].sort((a, b) => b.claims - a.claims).map((t) => ({ ...t, sources: [...t.sources].sort() }));
}

// ---------------------------------------------------------------------------
// Claimants: the cells of the claims matrix and of `report`

/** DESIGN.md's cell states, strongest first. */
export type CellState = 'conflicts' | 'acknowledged' | 'agrees' | 'single' | 'declined';

/** One value a claimant claims, with its claims. */
export interface CellValue {
  readonly valueClass: ValueClass;
  /** This claimant's claims of the value, in file and offset order. */
  readonly claims: readonly Assertion[];
  /** How many documents carry them. */
  readonly documents: number;
  /** How many of them are hedged. */
  readonly hedged: number;
}

/** What one claimant says about one (event, property). */
export interface ClaimantCell {
  /** Who counts as one claimant: the actor id, or for an anonymous actor the id and the document. */
  readonly key: string;
  readonly claimant: string;
  /** An anonymous claimant's document: it counts as a different claimant in each. */
  readonly document?: string;
  /**
   * The first that applies: `conflicts` (a value of its contradicts another,
   * its own included, unacknowledged), `acknowledged` (only contradictions
   * the event's `disputed:` acknowledges), `agrees` (another claimant's value
   * is the same or compatible), `single` (no other claimant's value agrees
   * or contradicts: for compared values, no other claimant gives one other
   * than `?`; for free text, nobody gives the same words), `declined` (only `?`).
   */
  readonly state: CellState;
  /** Its own values contradict each other: inconsistent reports. */
  readonly inconsistent: boolean;
  /** In the group's class order. */
  readonly values: readonly CellValue[];
}

/** The cells of every claimant of the group, in the order of each one's first claim. */
export function claimantCells(analysis: GroupAnalysis): ClaimantCell[] {
  const values = new Map<string, CellValue[]>();
  for (const valueClass of analysis.classes.values()) {
    for (const [key, claims] of valueClass.byClaimant) {
      let own = values.get(key);
      if (!own) values.set(key, (own = []));
      own.push({ valueClass, claims, documents: new Set(claims.map((d) => d.claim.file)).size, hedged: claims.filter((d) => d.claim.hedged).length });
    }
  }
  const cells: { readonly cell: ClaimantCell; readonly first: Assertion }[] = [];
  for (const [key, own] of values) {
    const first = own.reduce((earliest, v) => (compareAssertions(v.claims[0], earliest) < 0 ? v.claims[0] : earliest), own[0].claims[0]);
    const claim = first.claim;
    const anonymous = claim.claimantKey !== claim.claimant;
    const cell: ClaimantCell = {
      key,
      claimant: claim.claimant ?? '',
      ...(anonymous ? { document: claim.file } : {}),
      state: cellState(key, own),
      inconsistent: analysis.anyContradicting(own.map((v) => v.valueClass)),
      values: own,
    };
    cells.push({ cell, first });
  }
  return cells.sort((a, b) => compareAssertions(a.first, b.first)).map(({ cell }) => cell);
}

function cellState(key: string, values: readonly CellValue[]): CellState {
  const stated = values.map((v) => v.valueClass).filter((c) => c.key !== DECLINED_KEY);
  if (stated.length === 0) return 'declined';
  if (stated.some((c) => c.relationCounts.contradicts > 0)) return 'conflicts';
  if (stated.some((c) => c.relationCounts.acknowledged > 0)) return 'acknowledged';
  const hasOthers = (c: ValueClass) => c.byClaimant.size > (c.byClaimant.has(key) ? 1 : 0);
  if (stated.some((c) => hasOthers(c) || (c.relationCounts.compatible > 0 && c.compatible.some(hasOthers)))) return 'agrees';
  return 'single';
}

// ---------------------------------------------------------------------------
// An event: its properties side by side

/** One property of an event: its analysis and its claimants' cells. */
export interface EventRow {
  readonly analysis: GroupAnalysis;
  readonly cells: readonly ClaimantCell[];
}

export interface EventAnalysis {
  readonly event: string;
  /** One row per property claimed about the event, in the registry's order of properties. */
  readonly rows: readonly EventRow[];
}

/** A group's row: its claimants' cells, read from the snapshot alone. */
export function eventRow(analysis: GroupAnalysis): EventRow {
  return { analysis, cells: claimantCells(analysis) };
}
