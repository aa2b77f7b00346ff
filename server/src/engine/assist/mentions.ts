// The entities a document names, as the assist reads them: mention spans
// the analyst annotated, and registry aliases in article text no span marks
// yet (what `unannotated-mention` hints at, read from those hints: the
// aliases are scanned once, when the document is read). A claimant, an
// event or an entity value can come from either.

import type { Corpus } from '../corpus';
import type { DocumentFacts } from '../document';
import type { EntitySection } from '../values';
import { forEachSpan } from '../spans';
import type { TextRange } from '../syntax';

export interface Mention extends TextRange {
  /** The named text: inside the span's brackets, or the alias match itself. */
  readonly text: TextRange;
  /** The registry entities it names, in the order written. */
  readonly ids: readonly string[];
  readonly annotated: boolean;
}

/** The mentions of a document, by start offset (a nested mention after the one holding it). */
export function documentMentions(corpus: Corpus, facts: DocumentFacts): Mention[] {
  const entities = corpus.registry.entities;
  const mentions: Mention[] = [];
  forEachSpan(facts.parsed.spans, {
    read: (span) => {
      if (span.block.kind !== 'mention') return;
      // A loop, not a mapped list filtered: the value check reads every mention of each report whose claim a reading contradicts.
      let ids: string[] | undefined;
      for (const ref of span.block.refs) if (entities.has(ref.id)) (ids ??= []).push(ref.id);
      if (ids !== undefined) mentions.push({ start: span.start, end: span.end, text: { start: span.start + 1, end: span.close }, ids, annotated: true });
    },
  });
  // The aliases no span marks, as the corpus found them once: the document's unannotated-mention hints.
  for (const hint of corpus.aliasDiagnostics(facts)) {
    if (hint.code !== 'unannotated-mention' || hint.fix?.kind !== 'annotate') continue;
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
