// The entities a document names, as the assist reads them: mention spans
// the analyst annotated, and registry aliases in article text no span marks
// yet (what `unannotated-mention` hints at, read from those hints: the
// aliases are scanned once, when the document is read). A claimant, an
// event or an entity value can come from either.

import type { Corpus } from '../corpus';
import type { DocumentFacts } from '../document';
import type { EntitySection } from '../values';
import { forEachSpan } from '../spans';
import type { SpanNode, TextRange } from '../syntax';
import { firstSpanFrom } from './units';

export interface Mention extends TextRange {
  /** The named text: inside the span's brackets, or the alias match itself. */
  readonly text: TextRange;
  /** The registry entities it names, in the order written. */
  readonly ids: readonly string[];
  readonly annotated: boolean;
}

/** The mentions of a document, by start offset (a nested mention after the one holding it). */
export function documentMentions(corpus: Corpus, facts: DocumentFacts): Mention[] {
  return mentionsAmong(corpus, facts, facts.parsed.spans, undefined);
}

/**
 * The mentions of documentMentions inside a claim (`inside`, between its
 * brackets), in its order, read from the claim's spans alone: the value
 * check reads a claim or two of a report whose spans are hundreds. A claim
 * is a span the skip rule reads, so no `{skip}` span before it reaches into
 * it, and the rule is applied from its first inner span on.
 */
export function claimMentions(corpus: Corpus, facts: DocumentFacts, spans: readonly SpanNode[], inside: TextRange): Mention[] {
  const low = firstSpanFrom(spans, inside.start);
  let end = low;
  while (end < spans.length && spans[end].start < inside.end) end++;
  return mentionsAmong(corpus, facts, spans.slice(low, end), inside);
}

/** The mentions among `spans` (document order, read by the skip rule from the first) and the aliases no span marks, within `range` if given. */
function mentionsAmong(corpus: Corpus, facts: DocumentFacts, spans: readonly SpanNode[], range: TextRange | undefined): Mention[] {
  const entities = corpus.registry.entities;
  const mentions: Mention[] = [];
  forEachSpan(spans, {
    read: (span) => {
      if (span.block.kind !== 'mention' || (range !== undefined && span.end > range.end)) return;
      // A loop, not a mapped list filtered: the value check reads every mention of each claim a reading contradicts.
      let ids: string[] | undefined;
      for (const ref of span.block.refs) if (entities.has(ref.id)) (ids ??= []).push(ref.id);
      if (ids !== undefined) mentions.push({ start: span.start, end: span.end, text: { start: span.start + 1, end: span.close }, ids, annotated: true });
    },
  });
  // The aliases no span marks, as the corpus found them once: the document's unannotated-mention hints.
  for (const hint of corpus.aliasDiagnostics(facts)) {
    if (hint.code !== 'unannotated-mention' || hint.fix?.kind !== 'annotate') continue;
    if (range !== undefined && (hint.start < range.start || hint.end > range.end)) continue;
    mentions.push({ start: hint.start, end: hint.end, text: { start: hint.start, end: hint.end }, ids: hint.fix.entityIds, annotated: false });
  }
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The first id of a mention that names an entity of `section`. */
export function idOfSection(corpus: Corpus, mention: Mention, section: EntitySection): string | undefined {
  return mention.ids.find((id) => corpus.registry.entities.get(id)?.section === section);
}

/** The mentions inside a range, outermost first. */
export function mentionsWithin(mentions: readonly Mention[], range: TextRange): Mention[] {
  return mentions.filter((mention) => mention.start >= range.start && mention.end <= range.end);
}
