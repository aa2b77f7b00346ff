// The entities a document names, as the assist reads them: mention spans
// the analyst annotated, and registry aliases in article text no span marks
// yet (what `unannotated-mention` hints at). A claimant, an event or an
// entity value can come from either.

import type { Corpus } from '../corpus';
import type { DocumentFacts } from '../document';
import type { EntitySection } from '../values';
import { forEachSpan } from '../spans';
import type { ParsedDocument, TextRange } from '../syntax';

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
      const ids = span.block.refs.map((ref) => ref.id).filter((id) => entities.has(id));
      if (ids.length > 0) mentions.push({ start: span.start, end: span.end, text: { start: span.start + 1, end: span.close }, ids, annotated: true });
    },
  });
  for (const segment of topLevelText(facts.parsed)) {
    for (const match of corpus.aliases.scan(facts.text, segment.start, segment.end)) {
      mentions.push({ start: match.start, end: match.end, text: { start: match.start, end: match.end }, ids: match.entityIds, annotated: false });
    }
  }
  return mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Runs of article text outside every span. */
function topLevelText(parsed: ParsedDocument): TextRange[] {
  const runs: TextRange[] = [];
  for (const node of parsed.nodes) {
    if (node.kind !== 'text') continue;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.end === node.start) runs[runs.length - 1] = { start: last.start, end: node.end };
    else runs.push({ start: node.start, end: node.end });
  }
  return runs;
}

/** The first id of a mention that names an entity of `section`. */
export function idOfSection(corpus: Corpus, mention: Mention, section: EntitySection): string | undefined {
  return mention.ids.find((id) => corpus.registry.entities.get(id)?.section === section);
}

/** The mentions inside a range, outermost first. */
export function mentionsWithin(mentions: readonly Mention[], range: TextRange): Mention[] {
  return mentions.filter((mention) => mention.start >= range.start && mention.end <= range.end);
}
