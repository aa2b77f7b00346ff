// Contradictions within one (event, property) group. Claims are first pooled
// by value: two claims with the same value never disagree, so values are
// compared with each other (few), not claims with claims (many). Every claim
// with the same value and claimant then gets the same findings.

import type { Assertion } from './document';
import { diagnostic, type Diagnostic, type DiagnosticCode, type RelatedEntry } from './diagnostics';
import type { Entity, PropertyEntry } from './registry';
import { compatible, isComparable, type PlaceContainment } from './values';

export const MAX_RELATED = 20;

type ContradictionCode = Extract<DiagnosticCode, 'conflicting-claims' | 'inconsistent-reports' | 'acknowledged-dispute'>;

interface ValueClass {
  readonly key: string;
  /** In file and offset order. */
  readonly members: Assertion[];
  readonly byClaimant: Map<string, number>;
}

/** File, then offset: the order of the CLI's output and of related entries. */
export function compareAssertions(a: Assertion, b: Assertion): number {
  if (a.claim.file !== b.claim.file) return a.claim.file < b.claim.file ? -1 : 1;
  return a.attribute.start - b.attribute.start;
}

const NO_KEYS: ReadonlySet<string> = new Set();

/** The value keys an event's `disputed:` acknowledges for a property, as the registry read them. */
export function disputedKeys(property: PropertyEntry, event: Entity | undefined): ReadonlySet<string> {
  return event?.disputed.get(property.key)?.keys ?? NO_KEYS;
}

function relatedEntry(d: Assertion): RelatedEntry {
  const claimant = d.claim.claimant ?? '';
  const source = d.claim.source;
  const raw = d.attribute.value.raw;
  return {
    file: d.claim.file,
    start: d.attribute.start,
    end: d.attribute.end,
    message: `@${claimant}: ${d.property.key}=${raw}${d.claim.hedged ? ' (hedged)' : ''}${source !== undefined ? `, reported by @${source}` : ''}`,
    claimant,
    // A document without front matter has no source: null in the JSON, as in export, not "".
    ...(source !== undefined ? { source } : {}),
    value: raw,
  };
}

/** "@fama: repelled (3 claims)", by claimant and value, most frequent first. */
function summarise(related: readonly Assertion[], total: number): string {
  const counts = new Map<string, number>();
  for (const d of related) {
    const label = `@${d.claim.claimant ?? '?'}: ${d.attribute.value.raw}`;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const parts = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([label, n]) => (n > 1 ? `${label} (${n} claims)` : label));
  const more = total - related.length;
  return parts.join('; ') + (counts.size > 3 ? '; …' : '') + (more > 0 ? ` (+${more} more)` : '');
}

interface Finding {
  readonly code: ContradictionCode;
  readonly total: number;
  readonly first: readonly Assertion[];
}

/**
 * What the group finds for one claim: shared by every claim with the same
 * value and claimant. Two results with the same `signature` give the same
 * diagnostics to the same claim, so an edit can tell which other documents it
 * really changed without building their diagnostics.
 */
export interface GroupFindings {
  readonly findings: readonly Finding[];
  readonly signature: string;
}

/** A stable number per assertion, for signatures. */
export type AssertionSerial = (assertion: Assertion) => number;

const NO_FINDINGS: GroupFindings = { findings: [], signature: '' };

/**
 * The findings of every comparable claim of one (event, property) group,
 * keyed by assertion; `members` may come in any order.
 */
export function compareGroup(
  property: PropertyEntry,
  event: Entity | undefined,
  members: Iterable<Assertion>,
  within: PlaceContainment,
  serial: AssertionSerial,
): Map<Assertion, GroupFindings> {
  const results = new Map<Assertion, GroupFindings>();
  const classes = new Map<string, ValueClass>();
  for (const assertion of [...members].sort(compareAssertions)) {
    if (!isComparable(assertion.value)) continue;
    let valueClass = classes.get(assertion.valueKey);
    if (!valueClass) {
      valueClass = { key: assertion.valueKey, members: [], byClaimant: new Map() };
      classes.set(assertion.valueKey, valueClass);
    }
    valueClass.members.push(assertion);
    const claimant = assertion.claim.claimantKey ?? '';
    valueClass.byClaimant.set(claimant, (valueClass.byClaimant.get(claimant) ?? 0) + 1);
  }
  if (classes.size < 2) return results;
  const list = [...classes.values()];
  const acknowledged = disputedKeys(property, event);
  for (const valueClass of list) {
    const value = (valueClass.members[0]).value;
    const against = list.filter((other) => other !== valueClass && !compatible(property, value, (other.members[0]).value, within));
    if (against.length === 0) continue;
    const byClaimant = new Map<string, GroupFindings>();
    for (const assertion of valueClass.members) {
      const claimant = assertion.claim.claimantKey ?? '';
      let found = byClaimant.get(claimant);
      if (!found) {
        const findings = findingsFor(claimant, valueClass, against, acknowledged);
        found = findings.length === 0 ? NO_FINDINGS : { findings, signature: findings.map((f) => `${f.code}:${f.total}:${f.first.map(serial).join(',')}`).join('|') };
        byClaimant.set(claimant, found);
      }
      results.set(assertion, found);
    }
  }
  return results;
}

/** The diagnostics one claim's findings give it. */
export function contradictionDiagnostics(assertion: Assertion, found: GroupFindings): Diagnostic[] {
  return found.findings.map((finding) => toDiagnostic(assertion, finding));
}

function findingsFor(claimant: string, own: ValueClass, against: readonly ValueClass[], acknowledged: ReadonlySet<string>): Finding[] {
  const buckets: Record<ContradictionCode, { total: number; first: Assertion[] }> = {
    'conflicting-claims': { total: 0, first: [] },
    'inconsistent-reports': { total: 0, first: [] },
    'acknowledged-dispute': { total: 0, first: [] },
  };
  for (const other of against) {
    if (acknowledged.has(own.key) && acknowledged.has(other.key)) {
      const bucket = buckets['acknowledged-dispute'];
      bucket.total += other.members.length;
      bucket.first.push(...other.members.slice(0, MAX_RELATED));
      continue;
    }
    const same = other.byClaimant.get(claimant) ?? 0;
    const inconsistent = buckets['inconsistent-reports'];
    const conflicting = buckets['conflicting-claims'];
    inconsistent.total += same;
    conflicting.total += other.members.length - same;
    let takenSame = 0;
    let takenOther = 0;
    for (const d of other.members) {
      if (takenSame >= Math.min(same, MAX_RELATED) && takenOther >= Math.min(other.members.length - same, MAX_RELATED)) break;
      if ((d.claim.claimantKey ?? '') === claimant) {
        if (takenSame++ < MAX_RELATED) inconsistent.first.push(d);
      } else if (takenOther++ < MAX_RELATED) conflicting.first.push(d);
    }
  }
  const findings: Finding[] = [];
  for (const code of ['conflicting-claims', 'inconsistent-reports', 'acknowledged-dispute'] as const) {
    const bucket = buckets[code];
    if (bucket.total === 0) continue;
    findings.push({ code, total: bucket.total, first: bucket.first.sort(compareAssertions).slice(0, MAX_RELATED) });
  }
  return findings;
}

function toDiagnostic(c: Assertion, finding: Finding): Diagnostic {
  const claimant = `@${c.claim.claimant ?? '?'}`;
  const assertion = `${c.property.key}=${c.attribute.value.raw}`;
  const others = summarise(finding.first, finding.total);
  let message: string;
  switch (finding.code) {
    case 'conflicting-claims':
      message = `${claimant} claims ${assertion}, contradicted by ${others}. Check the sources, or acknowledge the dispute under the event's disputed: in corroborate.yaml`;
      break;
    case 'inconsistent-reports':
      message = `${claimant} is reported with ${assertion} here but differently elsewhere (${others}). Check which report is right`;
      break;
    case 'acknowledged-dispute':
      message = `${assertion} by ${claimant} is in acknowledged dispute with ${others} (see the event's disputed: in corroborate.yaml)`;
      break;
  }
  const otherValues = [...new Set(finding.first.map((d) => d.attribute.value.raw))];
  return diagnostic(c.claim.file, c.attribute, finding.code, message, {
    related: finding.first.map(relatedEntry),
    fix: { kind: 'contradiction', event: c.claim.event ?? '', property: c.property.key, value: c.attribute.value.raw, otherValues },
  });
}
