// The contradiction diagnostics of one (event, property) group (DESIGN.md,
// "How claims compare"): a claim gets a finding for each kind of
// contradiction its value has, shared by every claim of the same value and
// claimant, and read from the group (group.ts). Also which values an event's
// `disputed:` acknowledges.
//
// A message names the contradicting claimants and their values, never how
// many claims stand behind them (the hover, the matrix and `report` count),
// so that a claim joining a large group leaves the messages of the others as
// they were. Related entries are each contradicting claim while there are at
// most 20; past that, the first claims of each contradicting party (claimant
// and value), in the messages' order, and the contradicting claims nearest in
// the claim's own report: what another report adds to a party past its first
// claims changes nothing here.

import { compareAssertions, type ContradictionKind, type Relation } from './analysis';
import { samePlace, type Assertion } from './claims';
import { diagnostic, type Diagnostic, type RelatedEntry } from './diagnostics';
import { countOf, firstOf, isList } from './soleOrList';
import { insertSorted, removeSorted } from './sorted';
import { flatCopy } from './strings';
import type { Party } from './group';
import type { Entity, PropertyEntry } from './registry';

/** Related entries of one diagnostic, at most. */
export const MAX_RELATED = 20;
/** Claimants a message names; the others are counted. */
const NAMED_CLAIMANTS = 3;
/** Values a message gives for one claimant; the others are counted. */
const NAMED_VALUES = 3;
/** Related entries given to claims of the same report, at most, so the other reports keep their place. */
const SAME_REPORT_RELATED = 10;
/** Claims of the same report looked at around a claim for its same-report related entries. */
const SAME_REPORT_LOOKED_AT = 64;

const NO_KEYS: ReadonlySet<string> = new Set();
const NO_RUNS: readonly (readonly Party[])[] = Object.freeze([]);

/** The value keys an event's `disputed:` acknowledges for a property, as the registry read them. */
export function disputedKeys(property: PropertyEntry, event: Entity | undefined): ReadonlySet<string> {
  return event?.disputed.get(property.key)?.keys ?? NO_KEYS;
}

/** Who one claimant is, as a message names it. */
export interface ClaimantOf {
  /** Who counts as one claimant: an anonymous actor is a different one in each document. */
  readonly claimantKey: string;
  /** The actor id. */
  readonly claimant: string;
  /** An anonymous claimant's document. */
  readonly document?: string;
}

/** The message order of a group's parties. */
export interface PartyOrder {
  compareParties(a: Party, b: Party): number;
}

/**
 * The parties whose values contradict one value class, in message order
 * (claimants by id, named before anonymous, then values), cut into runs of
 * one claimant each: what every claimant of the class reads its findings
 * from. Built once, then kept current party by party as the group's parties
 * come and go (group.ts): a contested group has hundreds of values, and
 * building it again for each of them at every edit cost more than the rest
 * of the edit.
 */
export class ContradictingParties {
  /**
   * Runs of unacknowledged contradictions, one claimant each, and of those
   * the event's `disputed:` acknowledges (contradicting, acknowledged): each
   * list made with its first run. Most values contradict nothing, and a
   * corpus keeps this for each of its values; two empty lists a value were
   * 100,000 objects at 50,000 reports.
   */
  private contradictingRuns: Party[][] | undefined;
  private acknowledgedRuns: Party[][] | undefined;
  /**
   * Each claimant's run among `contradicting`: a group with an anonymous
   * claimant in every report has hundreds of runs, and each of its
   * claimants looks its own up.
   */
  private runs: Map<string, Party[]> | undefined;
  /** Each claimant's run among `acknowledged`. Both maps are made with their first run, like the lists. */
  private acknowledgedByClaimant: Map<string, Party[]> | undefined;
  /** The related claims of every contradicting run, and of every acknowledged one, once asked: the same for each claimant without a run of its own. */
  private relatedToAll: Assertion[] | undefined;
  private relatedAcknowledged: Assertion[] | undefined;

  /** `order` gives the message order of parties: its group, whose method is shared rather than a closure kept for each of its values. */
  constructor(private readonly order: PartyOrder) {}

  /** Runs of unacknowledged contradictions, one claimant each, in message order. */
  get contradicting(): readonly (readonly Party[])[] {
    return this.contradictingRuns ?? NO_RUNS;
  }

  /** Runs of contradictions the event's `disputed:` acknowledges. */
  get acknowledged(): readonly (readonly Party[])[] {
    return this.acknowledgedRuns ?? NO_RUNS;
  }

  /** The runs of one kind, to put a run in. */
  private listOf(acknowledged: boolean): Party[][] {
    return acknowledged ? (this.acknowledgedRuns ??= []) : (this.contradictingRuns ??= []);
  }

  /** Adds the next party, in message order. */
  add(party: Party, acknowledged: boolean): void {
    const runs = this.listOf(acknowledged);
    const last = runs[runs.length - 1];
    if (last && last[0].claimantKey === party.claimantKey) last.push(party);
    else {
      runs.push([party]);
      this.runsOf(acknowledged).set(party.claimantKey, runs[runs.length - 1]);
    }
  }

  /** Puts a party that came to the group in its place. */
  insert(party: Party, acknowledged: boolean): void {
    const byClaimant = this.runsOf(acknowledged);
    const run = byClaimant.get(party.claimantKey);
    if (run) insertSorted(run, party, (a, b) => this.order.compareParties(a, b));
    else {
      const started = [party];
      byClaimant.set(party.claimantKey, started);
      insertSorted(this.listOf(acknowledged), started, (a, b) => this.order.compareParties(a[0], b[0]));
    }
    this.forgetRelated();
  }

  /** Takes out a party that left the group, wherever it stands. */
  delete(party: Party): void {
    for (const acknowledged of [false, true]) {
      const byClaimant = acknowledged ? this.acknowledgedByClaimant : this.runs;
      const run = byClaimant?.get(party.claimantKey);
      if (!byClaimant || !run || removeSorted(run, party, (a, b) => this.order.compareParties(a, b)) < 0) continue;
      if (run.length === 0) {
        byClaimant.delete(party.claimantKey);
        const runs = this.listOf(acknowledged);
        runs.splice(runs.indexOf(run), 1);
      }
      this.forgetRelated();
    }
  }

  /** The parties' claims changed: their related claims are chosen again when next asked for. */
  forgetRelated(): void {
    this.relatedToAll = undefined;
    this.relatedAcknowledged = undefined;
  }

  /** A claimant's own run of contradicting values: its inconsistent reports. */
  runOf(claimantKey: string): readonly Party[] | undefined {
    return this.runs?.get(claimantKey);
  }

  /** The related claims of a finding against the runs of every claimant but `own`'s run, if it has one. */
  relatedAgainst(ownRun: readonly Party[] | undefined): Assertion[] {
    if (ownRun) return relatedClaims(this.contradicting, ownRun);
    return (this.relatedToAll ??= relatedClaims(this.contradicting));
  }

  relatedOfAcknowledged(): Assertion[] {
    return (this.relatedAcknowledged ??= relatedClaims(this.acknowledged));
  }

  /** The runs of one kind by claimant, to put a run in. */
  private runsOf(acknowledged: boolean): Map<string, Party[]> {
    return acknowledged ? (this.acknowledgedByClaimant ??= new Map<string, Party[]>()) : (this.runs ??= new Map<string, Party[]>());
  }
}

/**
 * The parties against a value that nothing contradicts, as most values: one
 * for all of them rather than one each, which a corpus keeps for each of its
 * values. Nothing is ever put in it: a party that comes to contradict such a
 * value gets the value its own (group.ts).
 */
export const NO_CONTRADICTING = new ContradictingParties({ compareParties: () => 0 });

/** The related entries of the related claims several findings share (see ContradictingParties). */
const entriesOfRelated = new WeakMap<readonly Assertion[], { readonly entries: readonly RelatedEntry[]; readonly otherValues: readonly string[] }>();

/** One kind of contradiction of one value and claimant. */
export class Finding {
  private shown: { readonly entries: readonly RelatedEntry[]; readonly otherValues: readonly string[] } | undefined;

  constructor(
    readonly code: ContradictionKind,
    /** Who contradicts, in words: the claimants and their values (see summary()). */
    readonly summary: string,
    /**
     * The claims related entries show from other reports too, first first:
     * every contradicting claim, or the first of each party (see
     * relatedClaims()). A claim read again in the same place may stand here
     * for its new self: the group re-checks a finding whenever one of a
     * party's first MAX_RELATED claims moves, comes or goes.
     */
    readonly related: readonly Assertion[],
  ) {}

  /** The related entries of `related`, in file order, and their values: built once for every claim that shares the finding, or its related claims. */
  entries(): { readonly entries: readonly RelatedEntry[]; readonly otherValues: readonly string[] } {
    if (this.shown === undefined) {
      this.shown = entriesOfRelated.get(this.related);
      if (this.shown === undefined) entriesOfRelated.set(this.related, (this.shown = relatedEntries([...this.related].sort(compareAssertions))));
    }
    return this.shown;
  }
}

/** The findings of the claims of one value by one claimant; empty when nothing contradicts them. */
export interface GroupFindings {
  readonly findings: readonly Finding[];
}

const NO_FINDINGS: GroupFindings = { findings: [] };

/** How many of a claim's findings are contradiction warnings (conflicting claims, inconsistent reports), not the acknowledged disputes. */
export function warningsIn(found: GroupFindings): number {
  let count = 0;
  for (const finding of found.findings) if (finding.code !== 'acknowledged-dispute') count++;
  return count;
}

/** The findings of `own`'s claims of one value, given the parties whose values contradict it. */
export function findingsFor(own: ClaimantOf, parties: ContradictingParties): GroupFindings {
  const findings: Finding[] = [];
  const ownRun = parties.runOf(own.claimantKey);
  const others = parties.contradicting.length - (ownRun ? 1 : 0);
  if (others > 0) findings.push(new Finding('conflicting-claims', summary(own, namedRuns(parties.contradicting, ownRun), others), parties.relatedAgainst(ownRun)));
  if (ownRun) findings.push(new Finding('inconsistent-reports', valuesInWords(ownRun), relatedClaims([ownRun])));
  if (parties.acknowledged.length > 0) findings.push(new Finding('acknowledged-dispute', summary(own, parties.acknowledged), parties.relatedOfAcknowledged()));
  return findings.length === 0 ? NO_FINDINGS : { findings };
}

/** Whether two findings give a claim the same diagnostics: same messages, same related claims in the same places. */
export function sameFindings(a: GroupFindings, b: GroupFindings): boolean {
  if (a.findings.length !== b.findings.length) return false;
  return a.findings.every((x, k) => {
    const y = b.findings[k];
    return x.code === y.code && x.summary === y.summary && x.related.length === y.related.length && x.related.every((d, i) => samePlace(d, y.related[i]));
  });
}

/**
 * Every contradicting claim while they are at most MAX_RELATED; past that,
 * the first claim of each party in message order, then each one's second,
 * and so on: a party's further claims never push another party out. In that
 * order, which says which to keep first; entries are shown in file order.
 * The run `leftOut` (the claimant's own) is passed over.
 */
function relatedClaims(runs: readonly (readonly Party[])[], leftOut?: readonly Party[]): Assertion[] {
  const chosen: Assertion[] = [];
  for (let round = 0; chosen.length < MAX_RELATED; round++) {
    let more = false;
    for (const run of runs) {
      if (run === leftOut) continue;
      for (const party of run) {
        const held = party.held;
        if (round >= countOf(held)) continue;
        more = true;
        chosen.push(isList(held) ? held[round] : held);
        if (chosen.length === MAX_RELATED) return chosen;
      }
    }
    if (!more) break;
  }
  return chosen;
}

// ---------------------------------------------------------------------------
// Words

/** "@fama", "an unnamed source (@local-sources, in 001.txt)", "another unnamed source (in 001.txt)". */
function claimantInWords(party: ClaimantOf, own: ClaimantOf): string {
  if (party.document === undefined) return party.claimantKey === own.claimantKey ? `@${party.claimant} itself` : `@${party.claimant}`;
  if (party.claimantKey === own.claimantKey) return 'the same unnamed source';
  if (own.document !== undefined && party.claimant === own.claimant) return `another unnamed source (in ${party.document})`;
  return `an unnamed source (@${party.claimant}, in ${party.document})`;
}

/** The claimant of a message's own claim: "@jnim", "an unnamed source (@local-sources)". */
function ownInWords(own: ClaimantOf): string {
  return own.document === undefined ? `@${own.claimant}` : `an unnamed source (@${own.claimant})`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function others(count: number, noun: string): string {
  return `${count} other ${noun}${count === 1 ? '' : 's'}`;
}

/** A party's value as its first claim writes it. */
function writtenValue(party: Party): string {
  return firstOf(party.held)?.valueText ?? '';
}

/** "~50, 40 and 2 other values": the values of one claimant's parties, in message order. */
function valuesInWords(parties: readonly Party[]): string {
  const named = parties.slice(0, NAMED_VALUES).map(writtenValue).join(', ');
  return parties.length > NAMED_VALUES ? `${named} and ${others(parties.length - NAMED_VALUES, 'value')}` : named;
}

/** "@fama: repelled; @afp: withdrawn, repelled; and 2 other claimants": the claimants' runs of parties (`count` of them, the first given). */
function summary(own: ClaimantOf, runs: readonly (readonly Party[])[], count = runs.length): string {
  const named = runs.slice(0, NAMED_CLAIMANTS).map((run) => `${claimantInWords(run[0], own)}: ${valuesInWords(run)}`);
  if (count > NAMED_CLAIMANTS) named.push(`and ${others(count - NAMED_CLAIMANTS, 'claimant')}`);
  return named.join('; ');
}

/** The runs a message names, in order, leaving out `ownRun`: no more than it names, whatever the number of runs. */
function namedRuns(runs: readonly (readonly Party[])[], ownRun: readonly Party[] | undefined): (readonly Party[])[] {
  const named: (readonly Party[])[] = [];
  for (const run of runs) {
    if (named.length === NAMED_CLAIMANTS) break;
    if (run !== ownRun) named.push(run);
  }
  return named;
}

function message(c: Assertion, own: ClaimantOf, finding: Finding): string {
  const assertion = `${c.property.key}=${c.rawValue}`;
  const who = ownInWords(own);
  switch (finding.code) {
    case 'conflicting-claims':
      return `${capitalised(who)} claims ${assertion}, contradicted by ${finding.summary}. Check the sources, or acknowledge the dispute under the event's disputed: in corroborate.yaml`;
    case 'inconsistent-reports':
      return own.document === undefined
        ? `${capitalised(who)} is reported with ${assertion} here but with ${finding.summary} elsewhere. Check which report is right`
        : `${capitalised(who)} is reported with ${assertion} here but with ${finding.summary} elsewhere in this report. Check which is right`;
    case 'acknowledged-dispute':
      return `${assertion} by ${who} is in acknowledged dispute with ${finding.summary} (see the event's disputed: in corroborate.yaml)`;
  }
}

/**
 * The related entries of some claims, given in file and offset order, and
 * the values they give, each once. At most MAX_RELATED and a few values:
 * each looked for among those kept, not a set and two more lists made for
 * every diagnostic whose entries are cut.
 */
function relatedEntries(sorted: readonly Assertion[]): { entries: RelatedEntry[]; otherValues: string[] } {
  const entries: RelatedEntry[] = [];
  const otherValues: string[] = [];
  for (const d of sorted) {
    entries.push(relatedEntry(d));
    if (!otherValues.includes(d.rawValue)) otherValues.push(d.rawValue);
  }
  return { entries, otherValues };
}

/**
 * Each claim's related entry, made once: it says only what the claim says,
 * and a claim read again is a new Assertion. A flip re-derives the related
 * entries of hundreds of reports, most of them naming the same claims.
 */
const relatedEntryOf = new WeakMap<Assertion, RelatedEntry>();

function relatedEntry(d: Assertion): RelatedEntry {
  let entry = relatedEntryOf.get(d);
  if (entry === undefined) relatedEntryOf.set(d, (entry = newRelatedEntry(d)));
  return entry;
}

function newRelatedEntry(d: Assertion): RelatedEntry {
  const claim = d.claim;
  const claimant = claim.claimant ?? '';
  const source = claim.source;
  const raw = d.rawValue;
  const who = claim.claimantKey !== claim.claimant ? `an unnamed source (@${claimant})` : `@${claimant}`;
  return {
    file: claim.file,
    start: d.start,
    end: d.end,
    message: flatCopy(`${who}: ${d.property.key}=${raw}${claim.hedged ? ' (hedged)' : ''}${source !== undefined ? `, reported by @${source}` : ''}`),
    claimant,
    // A document without front matter has no source: null in the JSON, as in export, not "".
    ...(source !== undefined ? { source } : {}),
    value: raw,
  };
}

/** Whether `d`, which stands to `c` as `relation` says, is one of the claims of `c`'s finding of kind `code`. */
function isOfFinding(code: ContradictionKind, relation: Relation, c: Assertion, d: Assertion): boolean {
  switch (code) {
    case 'acknowledged-dispute':
      return relation === 'acknowledged';
    case 'inconsistent-reports':
      return relation === 'contradicts' && d.claim.claimantKey === c.claim.claimantKey;
    case 'conflicting-claims':
      return relation === 'contradicts' && d.claim.claimantKey !== c.claim.claimantKey;
  }
}

/**
 * The claims of `c`'s report a finding of kind `code` is about, nearest
 * first, one per party, looked for around `c` (at `at` in `sameReport`).
 */
function nearestInReport(code: ContradictionKind, c: Assertion, sameReport: SameReport, relationTo: (d: Assertion) => Relation): Assertion[] {
  const found: Assertion[] = [];
  const parties = new Set<string>();
  const { claims, at } = sameReport;
  for (let step = 1; step <= SAME_REPORT_LOOKED_AT && found.length < SAME_REPORT_RELATED; step++) {
    const d = claims[at + (step % 2 === 1 ? 1 : -1) * Math.ceil(step / 2)];
    if (d === undefined || !isOfFinding(code, relationTo(d), c, d)) continue;
    const party = `${d.claim.claimantKey ?? ''}\u0000${d.valueKey}`;
    if (parties.has(party)) continue;
    parties.add(party);
    found.push(d);
  }
  return found;
}

/**
 * The first `most` claims in the order given, each place once (a finding may
 * hold an earlier reading of a claim of this report). Compared with those
 * already taken, at most MAX_RELATED: a key string per claim, made and
 * hashed for each diagnostic cut this way, was most of the related entries'
 * time in `check`.
 */
function withoutRepeats(claims: readonly Assertion[], most: number): Assertion[] {
  const taken: Assertion[] = [];
  for (let k = 0; k < claims.length && taken.length < most; k++) {
    const d = claims[k];
    if (!isTaken(taken, d)) taken.push(d);
  }
  return taken;
}

function isTaken(taken: readonly Assertion[], d: Assertion): boolean {
  for (const e of taken) if (e.start === d.start && e.claim.file === d.claim.file) return true;
  return false;
}

/** The claims of one report in one group, in offset order, and where the claim at hand is among them. */
export interface SameReport {
  readonly claims: readonly Assertion[];
  readonly at: number;
}

/**
 * The diagnostics one claim's findings give it. When a finding's related
 * entries are cut, the contradicting claims nearest in its own report
 * (`sameReport`; `relationTo` says how one stands to `c`) take their place
 * first.
 */
export function contradictionDiagnostics(c: Assertion, found: GroupFindings, sameReport: SameReport, relationTo: (d: Assertion) => Relation): Diagnostic[] {
  if (found.findings.length === 0) return [];
  const claim = c.claim;
  const own: ClaimantOf = { claimantKey: claim.claimantKey ?? '', claimant: claim.claimant ?? '', ...(claim.claimantKey !== claim.claimant ? { document: claim.file } : {}) };
  return found.findings.map((finding) => {
    let shown = finding.entries();
    if (finding.related.length === MAX_RELATED && sameReport.claims.length > 1) {
      const near = nearestInReport(finding.code, c, sameReport, relationTo);
      if (near.length > 0) shown = relatedEntries(withoutRepeats([...near, ...finding.related], MAX_RELATED).sort(compareAssertions));
    }
    return diagnostic(claim.file, c, finding.code, message(c, own, finding), {
      related: shown.entries,
      fix: { kind: 'contradiction', event: claim.event ?? '', property: c.property.key, value: c.rawValue, otherValues: shown.otherValues },
    });
  });
}
