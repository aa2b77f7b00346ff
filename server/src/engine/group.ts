// One (event, property) group kept up to date claim by claim: its value
// classes, the parties that claim each value, and the contradiction findings
// of each class's claimants, computed when first asked for. A claim added,
// removed or moved changes its own class; which other classes it concerns is
// read from the values (a value class relates to another by their values
// alone), so an edit re-checks the classes whose findings it can change and
// reports only the files whose findings did change. The analysis the
// features read (analysis.ts) is a snapshot of it, taken when asked for.

import { compareAssertions, snapshotAnalysis, type GroupAnalysis, type Relation, type RelationCounts } from './analysis';
import { ContradictingParties, findingsFor, NO_CONTRADICTING, sameFindings, warningsIn, MAX_RELATED, type GroupFindings } from './contradictions';
import { samePlace, type Assertion } from './claims';
import type { PropertyEntry } from './registry';
import { countOf, listOf, type SoleOrList } from './soleOrList';
import { insertSorted, position, removeSorted } from './sorted';
import { compatible, isComparable, overlaps, type ClaimValue, type IntervalValue, type PlaceContainment } from './values';

/** What the values of a group are compared with: the property, what the event acknowledges, and where places lie. */
export interface GroupContext {
  readonly property: PropertyEntry;
  /** The value keys the event's `disputed:` lists for the property. */
  readonly acknowledged: ReadonlySet<string>;
  readonly within: PlaceContainment;
}

/** The claims of one value in a group. */
export class LiveClass {
  readonly key: string;
  readonly value: ClaimValue;
  readonly comparable: boolean;
  /**
   * Its claims in file and offset order (members): the claim itself while
   * the value is claimed once, as most are; a list of one was two objects
   * more a value for every collection to copy or mark.
   */
  held: Assertion | Assertion[];
  /**
   * Each claimant key's claims of this value, with how many documents they
   * come from, and as the party they make when the value is compared: one
   * record a claimant (partyOf(), parties()). Three maps a class (the
   * members, the documents and the parties, all by claimant key) were 33,000
   * maps and their tables, 7.9 MB that every collection walks, at 10,000
   * reports; now the one record itself while the value has one claimant
   * (half of the values), else a map of them by claimant key.
   */
  private claimants: LiveParty | Map<string, LiveParty>;
  /** Set once a claimant's findings are asked for (each party keeps its own): settle() re-checks the classes that have some. */
  findingsAsked = false;
  /** The parties that contradict this class, once asked for, then kept current as parties come and go: every claimant of the class reads its findings from them. */
  contradicting: ContradictingParties | undefined;
  /** The group's `version` when the related claims `contradicting` holds were chosen. */
  contradictingAt = -1;
  /** Scratch for one scan of the parties: the scan that last set `relation`. */
  scan = 0;
  relation: Relation = undefined;

  /** A class with its first claim, and that claim's claimant as its party. */
  constructor(first: Assertion) {
    this.key = first.valueKey;
    this.value = first.value;
    this.held = first;
    this.comparable = isComparable(first.value);
    this.claimants = partyOf(first, this);
  }

  /** Its claims in file and offset order: a new list of one for a value claimed once. */
  get members(): readonly Assertion[] {
    return listOf(this.held);
  }

  /** The party of a claimant key, if it claims this value. */
  partyOf(claimantKey: string): LiveParty | undefined {
    const held = this.claimants;
    if (held instanceof Map) return held.get(claimantKey);
    return held.claimantKey === claimantKey ? held : undefined;
  }

  /** Each claimant's party, in the order they came. */
  parties(): Iterable<LiveParty> {
    const held = this.claimants;
    return held instanceof Map ? held.values() : [held];
  }

  /** A claimant new to the value. */
  addParty(party: LiveParty): void {
    const held = this.claimants;
    if (held instanceof Map) held.set(party.claimantKey, party);
    else
      this.claimants = new Map([
        [held.claimantKey, held],
        [party.claimantKey, party],
      ]);
  }

  /** A claimant whose last claim of the value went; the value's last claimant stays until the class goes with it. */
  deleteParty(party: LiveParty): void {
    const held = this.claimants;
    if (!(held instanceof Map)) return;
    held.delete(party.claimantKey);
    if (held.size === 1) for (const left of held.values()) this.claimants = left;
  }
}

/** One claimant's claims of one value: who says what, as messages name them; a party of the group when the value is compared. */
export interface Party {
  readonly claimantKey: string;
  readonly claimant: string;
  /** An anonymous claimant's document: a different claimant in each. */
  readonly document?: string;
  readonly valueClass: LiveClass;
  /**
   * The class's members by this claimant, in file and offset order
   * (membersOf()): the claim itself while it is the only one, as for 85 % of
   * the parties; a list of one was two objects more a party for every
   * collection to copy or mark.
   */
  readonly held: SoleOrList<Assertion>;
  /** How many documents carry them, kept as claims come and go: an event's card shows it for every claimant, and counting it along the claims took most of the card at 50,000 reports. */
  readonly documents: number;
}

/** A party as its group changes it. */
export interface LiveParty extends Party {
  held: Assertion | Assertion[];
  documents: number;
  /** The findings of its members, once asked for; kept current by settle(). On the party, not in a map a class: most values contradict nothing, and at 10,000 reports every value's findings are asked for. */
  findings: GroupFindings | undefined;
}

/** A class's first claim in file and offset order. */
function firstMember(valueClass: LiveClass): Assertion {
  const held = valueClass.held;
  return Array.isArray(held) ? held[0] : held;
}

/** A party's claims, in file and offset order: a new list of one for a party with one. */
export function membersOf(party: Party): readonly Assertion[] {
  return listOf(party.held);
}

/** What holds claims as one or a list: a value class, a party. */
interface Holder {
  held: Assertion | Assertion[];
}

/** A holder's claims as a list it keeps, made of its one claim when it needs a list. */
function listIn(holder: Holder): Assertion[] {
  const held = holder.held;
  return Array.isArray(held) ? held : (holder.held = [held]);
}

/** A holder's claims once some went: the claim itself when one is left. */
function shrunk(holder: Holder, members: Assertion[]): void {
  if (members.length === 1) holder.held = members[0];
}

/** Puts `claim` in the place of the holder's claim at `at`. */
function putAt(holder: Holder, at: number, claim: Assertion): void {
  if (Array.isArray(holder.held)) holder.held[at] = claim;
  else holder.held = claim;
}

/**
 * The message order of parties: named claimants by id, then anonymous ones
 * by id and document; then by value (`compareValues`). Compared field by
 * field, as a string of `0claimant` or `1claimant\0document` would sort.
 */
function compareClaimants(a: Party, b: Party): number {
  const anonymous = a.document !== undefined;
  if (anonymous !== (b.document !== undefined)) return anonymous ? 1 : -1;
  if (a.claimant !== b.claimant) return a.claimant < b.claimant ? -1 : 1;
  const x = a.document ?? '';
  const y = b.document ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The index of an assertion in a list sorted in file and offset order, or -1. */
function indexOf(list: readonly Assertion[], item: Assertion): number {
  const at = position(list, item, compareAssertions);
  return list[at] === item ? at : -1;
}

/** The order of a group's values in messages: numbers and dates by interval, enum values as the registry lists them, ids alphabetically. */
function compareValues(property: PropertyEntry, a: ClaimValue, b: ClaimValue): number {
  if (a.type === 'interval' && b.type === 'interval') return a.low - b.low || a.high - b.high;
  if (a.type === 'enum' && b.type === 'enum') return property.values.indexOf(a.value) - property.values.indexOf(b.value);
  if (a.type === 'entity' && b.type === 'entity') return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
}

/** The highest low and the lowest high of a group's counts and dates, for one version of the group. */
interface IntervalBounds {
  readonly version: number;
  readonly highestLow: number;
  readonly lowestHigh: number;
}

/** The last stamp given to what a group's claims say: see ClaimGroup.contentStamp. */
let contentStamps = 0;

export class ClaimGroup {
  private context: GroupContext;
  private readonly classes = new Map<string, LiveClass>();
  /** The parties of compared values, in message order (claimant, then value) once orderedParties() put them in it. */
  private parties: Party[] = [];
  /**
   * Unset when addAll() left the parties in the order they came: sorted
   * when first read, as most groups of a corpus read whole never are (no
   * count or date of theirs lies apart from another, see
   * contradictingParties()).
   */
  private partiesInOrder = true;
  private size = 0;
  /** Classes whose change may alter the findings of the classes they relate to. */
  private changedClasses: Set<LiveClass> | undefined;
  /** Set when what values are compared with changed: every class's findings are re-checked. */
  private everythingChanged = false;
  /** Set once a class's findings are asked for: until then no finding was shown, and settle() has nothing to check (a corpus being read). */
  private findingsAsked = false;
  private snapshot: GroupAnalysis | undefined;
  private scans = 0;
  /** Moves with every change of the group's claims or context. */
  private version = 0;
  /** Moves when what the claims say changes: see contentStamp. */
  private stamp = ++contentStamps;
  /** intervalBounds() for a version of the group. */
  private bounds: IntervalBounds | undefined;
  /** contradictionWarnings() as counted for a stamp of the group's content. */
  private warnings: { readonly stamp: number; readonly count: number } | undefined;

  constructor(
    readonly event: string,
    context: GroupContext,
  ) {
    this.context = context;
  }

  get property(): PropertyEntry {
    return this.context.property;
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /**
   * Names what the group's claims say, unique across groups and time: it
   * moves when a claim comes or goes or the context changes, not when a
   * document is read again and its claims in the group say what they said
   * (replace()), which every edit of a report does to all its groups. What
   * is counted from the claims' values, claimants and documents alone (the
   * contradiction warnings, an event table's row) is kept by it.
   */
  get contentStamp(): number {
    return this.stamp;
  }

  /** How two values of the group stand to each other. */
  relate(a: LiveClass, b: LiveClass): Relation {
    if (a === b || !a.comparable || !b.comparable) return undefined;
    const { property, acknowledged, within } = this.context;
    if (compatible(property, a.value, b.value, within)) return 'compatible';
    return acknowledged.has(a.key) && acknowledged.has(b.key) ? 'acknowledged' : 'contradicts';
  }

  /** The message order of the group's parties: claimant, then value. */
  compareParties(a: Party, b: Party): number {
    return compareClaimants(a, b) || compareValues(this.context.property, a.valueClass.value, b.valueClass.value);
  }

  /**
   * relate()'s answers for every ordered pair of `classes`, counted per
   * class, without relating every pair: counts and dates (most of a large
   * group's values: hundreds in a contested event) are compatible when their
   * intervals overlap, so their bounds, sorted once, say for each how many
   * others lie wholly above or below it. Pairs with another kind of value
   * are related one by one.
   */
  countRelations(classes: readonly LiveClass[]): Map<LiveClass, RelationCounts> {
    const { acknowledged } = this.context;
    const tallies = new Map<LiveClass, Record<keyof RelationCounts, number>>(classes.map((c) => [c, { compatible: 0, contradicts: 0, acknowledged: 0 }]));
    const { intervals, others } = comparedByKind(classes);
    const lows = intervals.map((i) => i.value.low).sort(byNumber);
    const highs = intervals.map((i) => i.value.high).sort(byNumber);
    const acknowledgedIntervals = intervals.filter((i) => acknowledged.has(i.valueClass.key));
    for (const { valueClass, value } of intervals) {
      const tally = tallies.get(valueClass);
      if (!tally) continue;
      // Starting above its high, or ending below its low (never both): the intervals that do not overlap it.
      const apart = intervals.length - position(lows, value.high, atMost) + position(highs, value.low, byNumber);
      const acknowledgedApart = acknowledged.has(valueClass.key) ? acknowledgedIntervals.filter((other) => !overlaps(value, other.value)).length : 0;
      tally.compatible += intervals.length - 1 - apart;
      tally.contradicts += apart - acknowledgedApart;
      tally.acknowledged += acknowledgedApart;
    }
    const count = (a: LiveClass, b: LiveClass) => {
      const relation = this.relate(a, b);
      const tally = tallies.get(a);
      if (relation !== undefined && tally) tally[relation]++;
    };
    for (const valueClass of others) {
      for (const other of others) count(valueClass, other);
      for (const { valueClass: interval } of intervals) {
        count(valueClass, interval);
        count(interval, valueClass);
      }
    }
    return tallies;
  }

  /**
   * Whether relate() says `contradicts` of any pair of `classes` (one
   * claimant's values: its inconsistent reports), without relating every
   * pair: an interval lies apart from another of them exactly when the
   * highest low is above its high or the lowest high below its low, and such
   * a pair contradicts unless `disputed:` acknowledges both. Pairs with
   * another kind of value are related one by one.
   */
  anyContradicting(classes: readonly LiveClass[]): boolean {
    const { acknowledged } = this.context;
    const { intervals, others } = comparedByKind(classes);
    let highestLow = -Infinity;
    let lowestHigh = Infinity;
    for (const { value } of intervals) {
      highestLow = Math.max(highestLow, value.low);
      lowestHigh = Math.min(lowestHigh, value.high);
    }
    for (const { valueClass, value } of intervals) if (!acknowledged.has(valueClass.key) && (highestLow > value.high || lowestHigh < value.low)) return true;
    const contradicts = (a: LiveClass, b: LiveClass) => this.relate(a, b) === 'contradicts';
    return others.some((valueClass) => others.some((other) => contradicts(valueClass, other)) || intervals.some(({ valueClass: interval }) => contradicts(valueClass, interval) || contradicts(interval, valueClass)));
  }

  /** How two assertions of the group stand to each other (by their values). */
  relationOf(a: Assertion, b: Assertion): Relation {
    const first = this.classes.get(a.valueKey);
    const second = this.classes.get(b.valueKey);
    return first && second ? this.relate(first, second) : undefined;
  }

  /** A new registry: what values are compared with may have changed, so every finding is re-checked. */
  setContext(context: GroupContext): void {
    this.context = context;
    for (const valueClass of this.classes.values()) valueClass.contradicting = undefined;
    this.everythingChanged = true;
    this.snapshot = undefined;
    this.version++;
    this.stamp = ++contentStamps;
  }

  add(assertion: Assertion): void {
    let valueClass = this.classes.get(assertion.valueKey);
    const created = !valueClass;
    let at = 0;
    let came: LiveParty | undefined;
    if (!valueClass) {
      valueClass = new LiveClass(assertion);
      this.classes.set(valueClass.key, valueClass);
      came = valueClass.partyOf(assertion.claim.claimantKey ?? '');
    } else {
      insertSorted(listIn(valueClass), assertion, compareAssertions);
      const own = valueClass.partyOf(assertion.claim.claimantKey ?? '');
      if (!own) {
        came = partyOf(assertion, valueClass);
        valueClass.addParty(came);
      } else {
        const members = listIn(own);
        at = insertSorted(members, assertion, compareAssertions);
        if (aloneInDocument(members[at - 1], members[at + 1], assertion)) own.documents++;
      }
    }
    if (came && valueClass.comparable) {
      insertSorted(this.orderedParties(), came, (a, b) => this.compareParties(a, b));
      this.joined(came);
    }
    this.size++;
    this.snapshot = undefined;
    this.version++;
    this.stamp = ++contentStamps;
    // Related entries show the first claims of each party: one further down changes nothing others see.
    if (created || at < MAX_RELATED) this.changed(valueClass);
  }

  /**
   * Every claim of a new group at once, in the order add() would have had
   * them (a corpus read whole, then asked: Corpus's `groupAfterReading`):
   * each list is filled, then sorted once, rather than kept sorted claim by
   * claim, and it comes out as add() leaves it, in order, a claim before
   * those it ties with. A group already holding claims or shown findings
   * takes them one by one.
   */
  addAll(assertions: readonly Assertion[]): void {
    if (!this.isEmpty || this.findingsAsked) {
      for (const assertion of assertions) this.add(assertion);
      return;
    }
    const created: LiveParty[] = [];
    for (const assertion of assertions) {
      const claimantKey = assertion.claim.claimantKey ?? '';
      let valueClass = this.classes.get(assertion.valueKey);
      let came: LiveParty | undefined;
      if (!valueClass) {
        valueClass = new LiveClass(assertion);
        this.classes.set(valueClass.key, valueClass);
        came = valueClass.partyOf(claimantKey);
      } else {
        listIn(valueClass).push(assertion);
        const own = valueClass.partyOf(claimantKey);
        if (own) listIn(own).push(assertion);
        else valueClass.addParty((came = partyOf(assertion, valueClass)));
      }
      if (came && valueClass.comparable) created.push(came);
    }
    for (const valueClass of this.classes.values()) {
      if (Array.isArray(valueClass.held)) sortAsAdded(valueClass.held, compareAssertions);
      for (const own of valueClass.parties()) {
        const members = own.held;
        if (!Array.isArray(members)) continue;
        sortAsAdded(members, compareAssertions);
        own.documents = documentsOf(members);
      }
    }
    // The group was empty, so its parties are those created. Not pushed into
    // the group's own list: made with the group and first filled here, long
    // after, V8 still holds it a list of small integers, and the push sent
    // the optimised addAll back to the interpreter ("not a Smi"), in some
    // runs at every call.
    this.parties = created;
    this.partiesInOrder = false;
    this.size = assertions.length;
    this.snapshot = undefined;
    this.version += assertions.length;
    this.stamp = ++contentStamps;
  }

  remove(assertion: Assertion): boolean {
    const valueClass = this.classes.get(assertion.valueKey);
    if (!valueClass) return false;
    const inClass = listIn(valueClass);
    const removed = removeSorted(inClass, assertion, compareAssertions) >= 0;
    shrunk(valueClass, inClass);
    if (!removed) return false;
    const own = valueClass.partyOf(assertion.claim.claimantKey ?? '');
    const members = own ? listIn(own) : [];
    const at = removeSorted(members, assertion, compareAssertions);
    if (own && members.length === 0) {
      valueClass.deleteParty(own);
      if (valueClass.comparable) {
        removeSorted(this.orderedParties(), own, (a, b) => this.compareParties(a, b));
        for (const other of this.classes.values()) other.contradicting?.delete(own);
      }
    } else if (own) {
      if (at >= 0 && aloneInDocument(members[at - 1], members[at], assertion)) own.documents--;
      shrunk(own, members);
    }
    if (inClass.length === 0) this.classes.delete(valueClass.key);
    this.size--;
    this.snapshot = undefined;
    this.version++;
    this.stamp = ++contentStamps;
    if (members.length === 0 || at < MAX_RELATED) this.changed(valueClass);
    return true;
  }

  /**
   * Puts each `next` in the place of its `previous`, the same claim read
   * again (sameContent), possibly moved within its document: other findings
   * change only where they show it and it moved. The pairs come from one
   * document, in its order, after its removed claims went and before its new
   * ones come, so the places are found before any is changed and the lists
   * stay in order.
   */
  replace(pairs: readonly (readonly [previous: Assertion, next: Assertion])[]): void {
    const places = pairs.map(([previous]) => {
      const valueClass = this.classes.get(previous.valueKey);
      const own = valueClass?.partyOf(previous.claim.claimantKey ?? '');
      return { valueClass, own, inClass: valueClass ? indexOf(valueClass.members, previous) : -1, inParty: own ? indexOf(membersOf(own), previous) : -1 };
    });
    pairs.forEach(([previous, next], k) => {
      const { valueClass, own, inClass, inParty } = places[k];
      if (!valueClass || !own || inClass < 0 || inParty < 0) throw new Error(`replacing a claim that is not in the group of ${this.event}`);
      putAt(valueClass, inClass, next);
      putAt(own, inParty, next);
      if (inParty < MAX_RELATED && !samePlace(previous, next)) this.changed(valueClass);
    });
    if (pairs.length > 0) {
      this.snapshot = undefined;
      this.version++;
    }
  }

  /**
   * Re-checks the findings a change may have altered, those asked for
   * before, and adds to `files` the files of the claims whose findings
   * changed. Findings never asked for were never shown: nothing to report.
   */
  settle(files: Set<string>): void {
    const everything = this.everythingChanged;
    this.everythingChanged = false;
    const changed = this.changedClasses ? [...this.changedClasses] : [];
    this.changedClasses?.clear();
    if (!this.findingsAsked || (!everything && changed.length === 0)) return;
    for (const valueClass of this.classes.values()) {
      if (!valueClass.findingsAsked) continue;
      if (!everything && !changed.some((other) => contradicting(this.relate(valueClass, other)))) continue;
      const parties = this.partiesAgainst(valueClass);
      for (const own of valueClass.parties()) {
        const before = own.findings;
        if (before === undefined) continue;
        // Kept even when it shows the same, so that it holds the claims as they are now.
        const after = findingsFor(own, parties);
        own.findings = after;
        if (sameFindings(before, after)) continue;
        for (const member of membersOf(own)) files.add(member.claim.file);
      }
    }
  }

  /**
   * A class whose change may alter others' findings. Only once findings
   * were asked: until then settle() has nothing to re-check, and a corpus
   * being read keeps no set a group.
   */
  private changed(valueClass: LiveClass): void {
    if (this.findingsAsked) (this.changedClasses ??= new Set()).add(valueClass);
  }

  /** The findings of the claims of an assertion's claimant and value. */
  findingsOf(assertion: Assertion): GroupFindings | undefined {
    const valueClass = this.classes.get(assertion.valueKey);
    const own = valueClass?.partyOf(assertion.claim.claimantKey ?? '');
    return valueClass && own ? this.findingsOfClaimant(valueClass, own) : undefined;
  }

  /**
   * How many contradiction warnings the group's claims carry, each claim
   * counted with its own (what an event's card adds up): one value and
   * claimant's claims share their findings, so they are counted once per
   * claimant of each value, and again only once what the claims say
   * changed (which parties contradict which follows from that alone).
   */
  contradictionWarnings(): number {
    if (this.warnings?.stamp !== this.stamp) {
      let count = 0;
      for (const valueClass of this.classes.values()) {
        for (const own of valueClass.parties()) count += countOf(own.held) * warningsIn(this.findingsOfClaimant(valueClass, own));
      }
      this.warnings = { stamp: this.stamp, count };
    }
    return this.warnings.count;
  }

  /**
   * Adds to `files` the file of every claim that has findings, asking for
   * the findings of every claimant of every value, as findingsOf() would
   * for each claim: a pass over the group's values and parties, with no
   * look-up of a claim's value and claimant.
   */
  addFilesWithFindings(files: Set<string>): void {
    for (const valueClass of this.classes.values()) {
      for (const own of valueClass.parties()) {
        if (this.findingsOfClaimant(valueClass, own).findings.length === 0) continue;
        const held = own.held;
        if (Array.isArray(held)) for (const member of held) files.add(member.claim.file);
        else files.add(held.claim.file);
      }
    }
  }

  private findingsOfClaimant(valueClass: LiveClass, own: LiveParty): GroupFindings {
    valueClass.findingsAsked = true;
    this.findingsAsked = true;
    own.findings ??= findingsFor(own, this.partiesAgainst(valueClass));
    return own.findings;
  }

  /** A party came: the classes that keep their contradicting parties take it in if its value contradicts theirs. */
  private joined(party: Party): void {
    for (const other of this.classes.values()) {
      if (!other.contradicting) continue;
      const relation = this.relate(other, party.valueClass);
      if (!contradicting(relation)) continue;
      if (other.contradicting === NO_CONTRADICTING) other.contradicting = new ContradictingParties(this);
      other.contradicting.insert(party, relation === 'acknowledged');
    }
  }

  /** The highest low and the lowest high of the group's compared counts and dates, found once per version of the group. */
  private intervalBounds(): IntervalBounds {
    if (this.bounds?.version !== this.version) {
      let highestLow = -Infinity;
      let lowestHigh = Infinity;
      for (const valueClass of this.classes.values()) {
        const value = valueClass.value;
        if (!valueClass.comparable || value.type !== 'interval') continue;
        if (value.low > highestLow) highestLow = value.low;
        if (value.high < lowestHigh) lowestHigh = value.high;
      }
      this.bounds = { version: this.version, highestLow, lowestHigh };
    }
    return this.bounds;
  }

  /** The parties whose values contradict the class's, found once for all the class's claimants and their related claims chosen once per version of the group. */
  private partiesAgainst(valueClass: LiveClass): ContradictingParties {
    if (valueClass.contradicting === undefined) valueClass.contradicting = this.contradictingParties(valueClass);
    else if (valueClass.contradictingAt !== this.version) valueClass.contradicting.forgetRelated();
    valueClass.contradictingAt = this.version;
    return valueClass.contradicting;
  }

  /** The group's parties in message order: claimant, then value. */
  private orderedParties(): Party[] {
    if (!this.partiesInOrder) {
      sortAsAdded(this.parties, (a, b) => this.compareParties(a, b));
      this.partiesInOrder = true;
    }
    return this.parties;
  }

  /** The parties whose values contradict the class's, in message order. */
  private contradictingParties(valueClass: LiveClass): ContradictingParties {
    if (!valueClass.comparable) return NO_CONTRADICTING;
    // A count or date contradicts only a count or date it does not overlap (values.ts, compatible()): none lies
    // apart from it when the highest low is not above its high nor the lowest high below its low, as for most.
    const value = valueClass.value;
    if (value.type === 'interval') {
      const { highestLow, lowestHigh } = this.intervalBounds();
      if (highestLow <= value.high && lowestHigh >= value.low) return NO_CONTRADICTING;
    }
    let related: ContradictingParties | undefined;
    const scan = ++this.scans;
    for (const party of this.orderedParties()) {
      const other = party.valueClass;
      if (other.scan !== scan) {
        other.scan = scan;
        other.relation = this.relate(valueClass, other);
      }
      if (contradicting(other.relation)) (related ??= new ContradictingParties(this)).add(party, other.relation === 'acknowledged');
    }
    return related ?? NO_CONTRADICTING;
  }

  /** Every claim of the group, in file and offset order. */
  members(): Assertion[] {
    const all: Assertion[] = [];
    for (const valueClass of this.classes.values()) for (const member of valueClass.members) all.push(member);
    return all.sort(compareAssertions);
  }

  /**
   * Each claimant's values as an event's table shows them, read from the
   * live classes: no snapshot taken, no cell's state worked out beyond
   * whether a value of it is contradicted. The table is written again
   * whenever the group's content changes (after an edit, for the group the
   * edit changed), so this is a pass over each value's claimants, not over
   * the claims: each claimant's documents are counted as its claims come
   * and go (Party.documents).
   */
  claimantValues(): ClaimantValues[] {
    const classes = [...this.classes.values()].sort((a, b) => compareAssertions(firstMember(a), firstMember(b)));
    const relations = this.countRelations(classes);
    const byClaimant = new Map<string, { values: ClaimantValue[]; first: Assertion }>();
    for (const valueClass of classes) {
      const contradicted = (relations.get(valueClass)?.contradicts ?? 0) > 0;
      for (const party of valueClass.parties()) {
        const { claimantKey, documents } = party;
        const claims = membersOf(party);
        const value: ClaimantValue = { key: valueClass.key, claims, documents, contradicted };
        const found = byClaimant.get(claimantKey);
        if (!found) byClaimant.set(claimantKey, { values: [value], first: claims[0] });
        else {
          found.values.push(value);
          if (compareAssertions(claims[0], found.first) < 0) found.first = claims[0];
        }
      }
    }
    return [...byClaimant.values()]
      .sort((a, b) => compareAssertions(a.first, b.first))
      .map(({ values, first }) => ({ claimant: first.claim.claimant ?? '', values }));
  }

  /** The analysis as it stands, kept until the group changes. */
  analysis(): GroupAnalysis {
    this.snapshot ??= snapshotAnalysis(this.event, this.context.property, this.classes.values(), {
      relate: (a, b) => this.relate(a, b),
      count: (classes) => this.countRelations(classes),
      anyContradicting: (classes) => this.anyContradicting(classes),
    });
    return this.snapshot;
  }
}

/** One claimant's claims of one value: a cell's value in an event's table. */
export interface ClaimantValue {
  readonly key: string;
  /** In file and offset order. */
  readonly claims: readonly Assertion[];
  /** How many documents carry them. */
  readonly documents: number;
  /** Another value of the group contradicts it, and no `disputed:` acknowledges the pair: the claimant's cell is in conflict. */
  readonly contradicted: boolean;
}

/** What one claimant (an anonymous one: in one document) says about a group's property, its values in the order of each value's first claim. */
export interface ClaimantValues {
  /** The actor id: an anonymous actor's documents each give one of these. */
  readonly claimant: string;
  readonly values: readonly ClaimantValue[];
}

/** Whether `claim`, between its neighbours in its claimant's list (file and offset order), is the only claim of its document there: its coming or going moves the list's count of documents. */
function aloneInDocument(before: Assertion | undefined, after: Assertion | undefined, claim: Assertion): boolean {
  return before?.claim.file !== claim.claim.file && after?.claim.file !== claim.claim.file;
}

/** How many documents carry a list of claims in file and offset order: its runs of one file. */
function documentsOf(members: readonly Assertion[]): number {
  let documents = 1;
  for (let k = 1; k < members.length; k++) if (members[k].claim.file !== members[k - 1].claim.file) documents++;
  return documents;
}

/**
 * Sorts a list filled in the order its items came as insertSorted() would
 * have left it: each item goes before those it ties with, so ties end in
 * the reverse of their coming (a stable sort of the reversed list). Claims
 * come in order when a corpus loads: a list already strictly in order is
 * left as it is.
 */
function sortAsAdded<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  let ordered = true;
  for (let k = 1; k < list.length && ordered; k++) ordered = compare(list[k - 1], list[k]) < 0;
  if (!ordered) list.reverse().sort(compare);
  return list;
}

/** The compared classes among `classes`: counts and dates, whose bounds tell how they relate, and the others. */
function comparedByKind(classes: readonly LiveClass[]): { intervals: { readonly valueClass: LiveClass; readonly value: IntervalValue }[]; others: LiveClass[] } {
  const intervals: { readonly valueClass: LiveClass; readonly value: IntervalValue }[] = [];
  const others: LiveClass[] = [];
  for (const valueClass of classes) {
    if (!valueClass.comparable) continue;
    const value = valueClass.value;
    if (value.type === 'interval') intervals.push({ valueClass, value });
    else others.push(valueClass);
  }
  return { intervals, others };
}

function byNumber(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** With position(): where the first number above `b` goes, so how many are at most `b`. */
function atMost(a: number, b: number): number {
  return a <= b ? -1 : 1;
}

function contradicting(relation: Relation): boolean {
  return relation === 'contradicts' || relation === 'acknowledged';
}

/** One shape for every party, `document` undefined for a named claimant: a group's parties are compared and read in one place. */
function partyOf(first: Assertion, valueClass: LiveClass): LiveParty {
  const claim = first.claim;
  return {
    claimantKey: claim.claimantKey ?? '',
    claimant: claim.claimant ?? '',
    document: claim.claimantKey !== claim.claimant ? claim.file : undefined,
    valueClass,
    held: first,
    documents: 1,
    findings: undefined,
  };
}
