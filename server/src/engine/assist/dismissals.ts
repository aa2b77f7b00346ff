// Passages the analyst dismissed ("Not a claim"), kept in the document's own
// front matter under `not-claims:` so that the dismissal travels with the
// report (git, teammates) and leaves the article text as it was. A passage
// is written there as its article words — markup taken off, whitespace runs
// as one space — so annotating a mention inside it, or re-wrapping its
// lines, keeps it dismissed; rewording it brings the proposal back.

import type { DocumentFacts } from '../document';
import { articleText, parseDocument } from '../parser';

/** A passage's article words as `not-claims:` records them: markup taken off, NFC, ’ as ', whitespace runs as one space. */
export function dismissalText(source: string): string {
  // A line break first, so that a passage opening with `---` is not read as front matter.
  const article = articleText(parseDocument(`\n${source}`)).text.slice(1);
  return article.normalize('NFC').replace(/’/gu, "'").replace(/\s+/gu, ' ').trim();
}

/** The dismissals of a document, as `dismissalText` writes them, to test proposals against. */
export function dismissalsOf(facts: DocumentFacts): readonly string[] {
  return (facts.frontMatter.notClaims ?? []).map(dismissalText).filter((text) => text !== '');
}

/**
 * Whether a proposal over `source` was dismissed: its words lie within a
 * dismissed passage, so a sentence dismissed whole stays dismissed when the
 * assist later proposes a clause of it.
 */
export function isDismissed(dismissals: readonly string[], source: string): boolean {
  if (dismissals.length === 0) return false;
  const words = dismissalText(source);
  return words !== '' && dismissals.some((dismissed) => dismissed.includes(words));
}
