// The contradiction diagnostics of one (event, property) group, read from
// its analysis (analysis.ts): a claim gets a finding for each kind of
// contradiction its value class has, and every claim with the same value and
// claimant gets the same findings. Also which values an event's `disputed:`
// acknowledges.

import { compareAssertions, tallyClaims, type ContradictionKind, type GroupAnalysis, type ValueClass } from './analysis';
import type { Assertion } from './document';
import { diagnostic, type Diagnostic, type RelatedEntry } from './diagnostics';
import type { Entity, PropertyEntry } from './registry';

export const MAX_RELATED = 20;

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

/** "@fama: repelled (3 claims)", by claimant and value as written, most frequent first. */
function summarise(related: readonly Assertion[], total: number): string {
  const tallies = tallyClaims(related, (d) => d.attribute.value.raw);
  const parts = tallies.slice(0, 3).map((t) => {
    const label = `@${t.claimant ?? '?'}: ${t.first.attribute.value.raw}`;
    return t.claims > 1 ? `${label} (${t.claims} claims)` : label;
  });
  const more = total - related.length;
  return parts.join('; ') + (tallies.length > 3 ? '; …' : '') + (more > 0 ? ` (+${more} more)` : '');
}

interface Finding {
  readonly code: ContradictionKind;
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
 * A group's findings, by value key and claimant key: all a group keeps once
 * its diagnostics are known, so the analysis itself can go until asked for.
 */
export type GroupFindingsTable = ReadonlyMap<string, ReadonlyMap<string, GroupFindings>>;

/** The findings of every claim of a group whose value contradicts another. */
export function groupFindings(analysis: GroupAnalysis, serial: AssertionSerial): GroupFindingsTable {
  const table = new Map<string, Map<string, GroupFindings>>();
  for (const valueClass of analysis.classes.values()) {
    if (valueClass.contradicts.length === 0 && valueClass.acknowledged.length === 0) continue;
    const byClaimant = new Map<string, GroupFindings>();
    for (const claimant of valueClass.byClaimant.keys()) {
      const findings = findingsFor(claimant, valueClass);
      byClaimant.set(claimant, findings.length === 0 ? NO_FINDINGS : { findings, signature: findings.map((f) => `${f.code}:${f.total}:${f.first.map(serial).join(',')}`).join('|') });
    }
    table.set(valueClass.key, byClaimant);
  }
  return table;
}

/** One claim's findings in its group's table; undefined when it has none. */
export function findingsIn(table: GroupFindingsTable, assertion: Assertion): GroupFindings | undefined {
  return table.get(assertion.valueKey)?.get(assertion.claim.claimantKey ?? '');
}

/** The diagnostics one claim's findings give it. */
export function contradictionDiagnostics(assertion: Assertion, found: GroupFindings): Diagnostic[] {
  return found.findings.map((finding) => toDiagnostic(assertion, finding));
}

function findingsFor(claimant: string, own: ValueClass): Finding[] {
  const buckets: Record<ContradictionKind, { total: number; first: Assertion[] }> = {
    'conflicting-claims': { total: 0, first: [] },
    'inconsistent-reports': { total: 0, first: [] },
    'acknowledged-dispute': { total: 0, first: [] },
  };
  for (const other of own.acknowledged) {
    const bucket = buckets['acknowledged-dispute'];
    bucket.total += other.members.length;
    bucket.first.push(...other.members.slice(0, MAX_RELATED));
  }
  for (const other of own.contradicts) {
    const same = other.byClaimant.get(claimant)?.length ?? 0;
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
