// The `possible-claim` hints: the assist's suggestions for one open
// document, as the editor shows them. They are computed once per version
// of the document — cached by its facts, which the corpus replaces on every
// edit of it — and of what they depend on beyond it: the registry and what
// the corpus's claims teach (the cue model's generation, which moves when
// some document's claims change, not with its other words). So typing in a
// report re-reads that report only, the other open reports' hints are
// recomputed only when the claims they learn from changed, and the quick
// fixes find the very suggestion the hint shows — the last computed for the
// document's text, even while the cue model learns what changed since.
// `check` never shows them: `corroborate suggest` is their CLI.

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

/** The suggestions of a document and their `possible-claim` hints, computed once per version of it (the cue model learnt all through first). */
export function proposalsFor(corpus: Corpus, file: string): Proposals {
  const facts = corpus.document(file);
  if (facts === undefined || facts.encoding !== undefined || facts.text.length > MAX_ASSISTED_LENGTH) return EMPTY;
  const model = CueModel.of(corpus);
  const cached = cache.get(facts);
  if (cached !== undefined && cached.registry === corpus.registry && cached.generation === model.generation) return cached.proposals;
  const suggestions = suggestionsFor(corpus, file, { model });
  const proposals = { suggestions, hints: suggestions.map((suggestion) => diagnostic(file, suggestion, 'possible-claim', hintMessage(suggestion), { fix: { kind: 'possible-claim' } })) };
  cache.set(facts, { registry: corpus.registry, generation: model.generation, proposals });
  return proposals;
}

/**
 * The proposals last computed for the current version of a document, and
 * whether they are current (the registry and what the corpus teaches are
 * those they were computed with); undefined when none were. It never
 * learns nor reads: for a caller that shows what it has now and computes
 * the rest once the client is idle.
 */
export function lastProposals(corpus: Corpus, file: string): { readonly proposals: Proposals; readonly current: boolean } | undefined {
  const facts = corpus.document(file);
  if (facts === undefined || facts.encoding !== undefined || facts.text.length > MAX_ASSISTED_LENGTH) return { proposals: EMPTY, current: true };
  const cached = cache.get(facts);
  if (cached === undefined) return undefined;
  const current = cached.registry === corpus.registry && cached.generation === CueModel.current(corpus)?.generation;
  return { proposals: cached.proposals, current };
}

/**
 * How long a request may learn the cue model before it answers with what
 * is learnt: a small corpus is learnt all through, a large one is learnt
 * between requests (the language server's idle work), never in one.
 */
export const REQUEST_LEARNING_MS = 25;

/**
 * The proposals the editor shows for a document, for its quick fixes: those
 * last computed for its current version, even if the corpus taught more
 * since (the hints shown are those); computed when there are none and the
 * cue model is learnt, or can be within REQUEST_LEARNING_MS; none while a
 * large corpus is learnt, which a request does not wait for.
 */
export function shownProposals(corpus: Corpus, file: string): Proposals {
  const last = lastProposals(corpus, file);
  if (last !== undefined) return last.proposals;
  CueModel.learntWithin(corpus, REQUEST_LEARNING_MS);
  return CueModel.current(corpus) === undefined ? EMPTY : proposalsFor(corpus, file);
}

/** The suggestion a `possible-claim` hint shows, found by its range among a document's proposals. */
export function suggestionAt(proposals: Proposals, range: TextRange): Suggestion | undefined {
  return proposals.suggestions.find((s) => s.start === range.start && s.end === range.end);
}

/**
 * What the editor shows of a document now, for a request about it: the
 * corpus's diagnostics and, open, the possible claims `shownProposals`
 * gives, sorted. A request does not wait for the cue model to learn.
 */
export function diagnosticsShownNow(corpus: Corpus, file: string, open: boolean): readonly Diagnostic[] {
  const diagnostics = corpus.diagnostics(file);
  return open ? withPossibleClaims(diagnostics, shownProposals(corpus, file)) : diagnostics;
}

/** What the editor shows of a document once the cue model is learnt: the corpus's diagnostics and, open, its possible claims, sorted. */
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
