// Code lenses: above the first claim of each event in a report, how the
// corpus stands on that event — "niafunke-attack · 12 claims · 5 origins ·
// 2 conflicts" — and the way to its claims matrix. The figures come from the
// event's analysis, which the corpus keeps until a change touches one of the
// event's groups; the summary, the one the matrix and the report show, is
// kept until the event changes (keptSummary), so a lens request on a report
// of a large event does not walk the event's claims again.

import type { Corpus } from '../engine/corpus';
import { assertionsOf, type Claim } from '../engine/claims';
import type { TextRange } from '../engine/syntax';
import { keptSummary, type EventSummary } from './matrix';
import { plural } from './present';

export interface EventLens {
  /** The first claim about the event in the document: the lens stands above its line. */
  readonly range: TextRange;
  readonly event: string;
  readonly title: string;
}

/** "niafunke-attack · 12 claims · 5 origins · 2 conflicts — Show matrix". */
export function lensTitle(event: string, summary: EventSummary): string {
  const conflicts = summary.conflicts.properties;
  const acknowledged = summary.acknowledged.properties;
  const parts = [event, plural(summary.claims, 'claim'), plural(summary.origins, 'origin'), conflicts === 0 ? 'no conflicts' : plural(conflicts, 'conflict')];
  if (acknowledged > 0) parts.push(plural(acknowledged, 'acknowledged dispute'));
  return `${parts.join(' · ')} — Show matrix`;
}

/** One lens per event claimed about in the document, above its first claim, in document order. */
export function codeLenses(corpus: Corpus, file: string): EventLens[] {
  const first = new Map<string, Claim>();
  for (const claim of corpus.document(file)?.claims ?? []) {
    if (claim.event === undefined || assertionsOf(claim).length === 0) continue;
    const seen = first.get(claim.event);
    if (!seen || claim.start < seen.start) first.set(claim.event, claim);
  }
  return [...first]
    .sort((a, b) => a[1].start - b[1].start)
    .map(([event, claim]) => ({ range: { start: claim.start, end: claim.end }, event, title: lensTitle(event, keptSummary(corpus, event)) }));
}
