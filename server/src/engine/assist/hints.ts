// The `possible-claim` hints: the assist's suggestions for one open
// document, as the editor shows them. They are computed once per version
// of the document — cached by its facts, which the corpus replaces on every
// edit of it — and of what they depend on beyond it: the registry and what
// the corpus's claims teach (the cue model's generation, which moves when
// some document's claims change, not with its other words). So typing in a
// report re-reads that report only, the other open reports' hints are
// recomputed only when the claims they learn from changed, and the quick
// fixes find the very suggestion the hint shows. `check` never shows them:
// `corroborate suggest` is their CLI.

import { compareDiagnostics, type Corpus } from '../corpus';
import type { DocumentFacts } from '../document';
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { Registry } from '../registry';
import type { TextRange } from '../syntax';
import { suggestionsFor, type Suggestion } from './finder';
import { CueModel } from './model';

/** One document's suggestions and the hints that show them, in the same order. */
export interface Proposals {
  readonly suggestions: readonly Suggestion[];
  readonly hints: readonly Diagnostic[];
}

const EMPTY: Proposals = { suggestions: [], hints: [] };

/**
 * Past this length (UTF-16 units; a report runs to some thousands) a
 * document gets no hints and no selection reading: the assist reads the
 * whole document, and would on every keystroke. `corroborate suggest`
 * still reads it.
 */
export const MAX_ASSISTED_LENGTH = 200_000;
const cache = new WeakMap<DocumentFacts, { readonly registry: Registry; readonly generation: number; readonly proposals: Proposals }>();

/** The suggestions of a document and their `possible-claim` hints, computed once per version of it. */
export function proposalsFor(corpus: Corpus, file: string): Proposals {
  const facts = corpus.document(file);
  if (facts === undefined || facts.encoding !== undefined || facts.text.length > MAX_ASSISTED_LENGTH) return EMPTY;
  const known = knownProposals(corpus, file);
  if (known !== undefined) return known;
  const { generation } = CueModel.of(corpus);
  const suggestions = suggestionsFor(corpus, file);
  const proposals = { suggestions, hints: suggestions.map((suggestion) => diagnostic(file, suggestion, 'possible-claim', hintMessage(suggestion), { fix: { kind: 'possible-claim' } })) };
  cache.set(facts, { registry: corpus.registry, generation, proposals });
  return proposals;
}

/**
 * The proposals of a document when they are known for its current version,
 * else undefined: for a caller that shows what it has now and computes the
 * rest once the client is idle.
 */
export function knownProposals(corpus: Corpus, file: string): Proposals | undefined {
  const facts = corpus.document(file);
  if (facts === undefined || facts.encoding !== undefined || facts.text.length > MAX_ASSISTED_LENGTH) return EMPTY;
  const cached = cache.get(facts);
  if (cached === undefined || cached.registry !== corpus.registry || cached.generation !== CueModel.of(corpus).generation) return undefined;
  return cached.proposals;
}

/** The suggestion a `possible-claim` hint shows, found by its range. */
export function suggestionAt(corpus: Corpus, file: string, range: TextRange): Suggestion | undefined {
  return proposalsFor(corpus, file).suggestions.find((s) => s.start === range.start && s.end === range.end);
}

/** What the editor shows of a document: the corpus's diagnostics and, open, its possible claims, sorted. */
export function editorDiagnostics(corpus: Corpus, file: string, open: boolean): readonly Diagnostic[] {
  const diagnostics = corpus.diagnostics(file);
  return open ? withPossibleClaims(diagnostics, proposalsFor(corpus, file)) : diagnostics;
}

/** A document's diagnostics with its possible claims among them, sorted. */
export function withPossibleClaims(diagnostics: readonly Diagnostic[], proposals: Proposals): readonly Diagnostic[] {
  return proposals.hints.length === 0 ? diagnostics : [...diagnostics, ...proposals.hints].sort(compareDiagnostics);
}

/** "Possible claim by @jnim about @niafunke-attack: killed=~40, date=2023-11-24 (hedged). …" */
function hintMessage(suggestion: Suggestion): string {
  const who = suggestion.claimant === null ? 'with no claimant read' : suggestion.bySource ? `by the outlet, @${suggestion.claimant}` : `by @${suggestion.claimant}`;
  const about = suggestion.event === null ? 'about no event read' : `about @${suggestion.event}`;
  const values = suggestion.properties.map((p) => `${p.key}=${p.value}`).join(', ');
  return `Possible claim ${who} ${about}: ${values}${suggestion.hedged ? ' (hedged)' : ''}. Annotate it as a claim, or mark it "Not a claim"`;
}
