// Code lenses: above the first claim of each event in a report, how the
// corpus stands on that event — "niafunke-attack · 12 claims · 5 origins ·
// 2 conflicts" — and the way to its claims matrix. The figures come from the
// event's analysis, which the corpus keeps until a change touches one of the
// event's groups; the summary of one analysis is computed once, so a lens
// request on a report of a large event does not walk the event's claims again.

import { originOf, type EventAnalysis } from '../engine/analysis';
import type { Corpus } from '../engine/corpus';
import type { Claim } from '../engine/document';
import type { TextRange } from '../engine/syntax';
import { plural } from './present';

/** How the corpus stands on one event. */
export interface EventSummary {
  /** Claims asserting at least one property about the event. */
  readonly claims: number;
  /** Independent origins of those claims: a republication counts with its original. */
  readonly origins: number;
  /** Properties whose claims contradict each other without the event's `disputed:` acknowledging it. */
  readonly conflicts: number;
  /** Properties whose contradictions are all acknowledged by `disputed:`. */
  readonly acknowledged: number;
}

export interface EventLens {
  /** The first claim about the event in the document: the lens stands above its line. */
  readonly range: TextRange;
  readonly event: string;
  readonly title: string;
}

/** Summaries by analysis: an analysis object stands for one state of the event's claims. */
const summaries = new WeakMap<EventAnalysis, EventSummary>();

export function eventSummary(corpus: Corpus, event: string): EventSummary {
  const analysis = corpus.eventAnalysis(event);
  let summary = summaries.get(analysis);
  if (!summary) {
    summary = summarise(analysis);
    summaries.set(analysis, summary);
  }
  return summary;
}

function summarise({ rows }: EventAnalysis): EventSummary {
  const claims = new Set<Claim>();
  const origins = new Set<string>();
  let conflicts = 0;
  let acknowledged = 0;
  for (const { analysis } of rows) {
    let contradicts = false;
    let disputed = false;
    for (const valueClass of analysis.classes.values()) {
      contradicts ||= valueClass.contradicts.length > 0;
      disputed ||= valueClass.acknowledged.length > 0;
      for (const member of valueClass.members) {
        if (claims.has(member.claim)) continue;
        claims.add(member.claim);
        origins.add(originOf(member.claim).key);
      }
    }
    if (contradicts) conflicts++;
    else if (disputed) acknowledged++;
  }
  return { claims: claims.size, origins: origins.size, conflicts, acknowledged };
}

/** "niafunke-attack · 12 claims · 5 origins · 2 conflicts — Show matrix". */
export function lensTitle(event: string, summary: EventSummary): string {
  const parts = [event, plural(summary.claims, 'claim'), plural(summary.origins, 'origin'), summary.conflicts === 0 ? 'no conflicts' : plural(summary.conflicts, 'conflict')];
  if (summary.acknowledged > 0) parts.push(plural(summary.acknowledged, 'acknowledged dispute'));
  return `${parts.join(' · ')} — Show matrix`;
}

/** One lens per event claimed about in the document, above its first claim, in document order. */
export function codeLenses(corpus: Corpus, file: string): EventLens[] {
  const first = new Map<string, Claim>();
  for (const claim of corpus.document(file)?.claims ?? []) {
    if (claim.event === undefined || claim.assertions.length === 0) continue;
    const seen = first.get(claim.event);
    if (!seen || claim.span.start < seen.span.start) first.set(claim.event, claim);
  }
  return [...first]
    .sort((a, b) => a[1].span.start - b[1].span.start)
    .map(([event, claim]) => ({ range: { start: claim.span.start, end: claim.span.end }, event, title: lensTitle(event, eventSummary(corpus, event)) }));
}
