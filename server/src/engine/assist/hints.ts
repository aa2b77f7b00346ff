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
// Until a new text of the document is read, the suggestions read in its
// previous text are shown moved with the edit, those the edit touched left
// out: a keystroke neither makes the hints blink out and back nor waits for
// the whole report to be read again.
// `check` never shows them: `corroborate suggest` is their CLI.

import { compareDiagnostics, type Corpus } from '../corpus';
import { dismissalsOf, isDismissed } from './dismissals';
import { wrapProblems } from './markup';
import type { DocumentFacts } from '../document';
import { diagnostic, type Diagnostic } from '../diagnostics';
import type { Registry } from '../registry';
import { keepRecent } from '../recent';
import type { TextRange } from '../syntax';
import { unlessStale } from '../texts';
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
/** The proposals of a version of a document; `moved` when they are those of an earlier text, moved with the edit (see movedProposals). */
const cache = new WeakMap<DocumentFacts, { readonly registry: Registry; readonly generation: number; readonly proposals: Proposals; readonly moved?: true }>();

/** The proposals last read in each document of a corpus, with the text they were read in: the few documents last read, the open ones. */
const lastRead = new WeakMap<Corpus, Map<string, { readonly text: string; readonly proposals: Proposals }>>();
/** Documents whose last reading is kept: more than an analyst has open. */
const LAST_READ_KEPT = 64;

function rememberReading(corpus: Corpus, file: string, text: string, proposals: Proposals): void {
  let kept = lastRead.get(corpus);
  if (kept === undefined) lastRead.set(corpus, (kept = new Map<string, { readonly text: string; readonly proposals: Proposals }>()));
  keepRecent(kept, file, { text, proposals }, LAST_READ_KEPT);
}

/** The suggestions of a document and their `possible-claim` hints, computed once per version of it (the cue model learnt all through first). */
export function proposalsFor(corpus: Corpus, file: string): Proposals {
  const facts = corpus.document(file);
  if (facts === undefined || facts.encoding !== undefined || facts.layout.length > MAX_ASSISTED_LENGTH) return EMPTY;
  const model = CueModel.of(corpus);
  const cached = cache.get(facts);
  if (cached !== undefined && cached.moved === undefined && cached.registry === corpus.registry && cached.generation === model.generation) return cached.proposals;
  // A report written on disk whose watcher event has not come yet is read for claims once that event reads it again.
  const suggestions = unlessStale(() => suggestionsFor(corpus, file, { model }));
  if (suggestions === undefined) return EMPTY;
  const proposals = proposalsOf(file, suggestions);
  cache.set(facts, { registry: corpus.registry, generation: model.generation, proposals });
  rememberReading(corpus, file, facts.text, proposals);
  return proposals;
}

function proposalsOf(file: string, suggestions: readonly Suggestion[]): Proposals {
  return { suggestions, hints: suggestions.map((suggestion) => diagnostic(file, suggestion, 'possible-claim', hintMessage(suggestion), { fix: { kind: 'possible-claim' } })) };
}

/**
 * The suggestions read in an earlier text of a document, in its new text:
 * those wholly before or after the stretch the edit replaced, moved with it,
 * whose words are still theirs, that are not dismissed, and that still wrap
 * cleanly (the markup stays valid and the article the same: an edit may
 * have opened a bracket before them). The others wait for the new text to
 * be read.
 */
function movedProposals(facts: DocumentFacts, earlier: { readonly text: string; readonly proposals: Proposals }): Proposals {
  const before = earlier.text;
  const after = facts.text;
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const shift = after.length - before.length;
  const dismissals = dismissalsOf(facts);
  const moved: Suggestion[] = [];
  for (const suggestion of earlier.proposals.suggestions) {
    const by = suggestion.end <= prefix ? 0 : suggestion.start >= before.length - suffix ? shift : undefined;
    if (by === undefined) continue;
    const start = suggestion.start + by;
    const end = suggestion.end + by;
    if (after.slice(start, end) !== suggestion.text || isDismissed(dismissals, suggestion.text)) continue;
    moved.push(by === 0 ? suggestion : { ...suggestion, start, end, properties: suggestion.properties.map((p) => ({ ...p, start: p.start + by, end: p.end + by })) });
  }
  const problems = wrapProblems(after, moved, facts.parsed.frontMatter?.end);
  return proposalsOf(facts.file, moved.filter((_, k) => problems[k] === undefined));
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
  if (facts === undefined || facts.encoding !== undefined || facts.layout.length > MAX_ASSISTED_LENGTH) return { proposals: EMPTY, current: true };
  let cached = cache.get(facts);
  if (cached === undefined) {
    const earlier = lastRead.get(corpus)?.get(file);
    const moved = earlier === undefined ? undefined : unlessStale(() => movedProposals(facts, earlier));
    if (moved === undefined) return undefined;
    cached = { registry: corpus.registry, generation: -1, proposals: moved, moved: true };
    cache.set(facts, cached);
  }
  const current = cached.moved === undefined && cached.registry === corpus.registry && cached.generation === CueModel.current(corpus)?.generation;
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

/**
 * "Possible claim by @jnim about @niafunke-attack: killed=~40, date=2023-11-24 (hedged). …"; a party's statement whose value
 * no reader read: "Possible claim by @army about @dallo-crash, no value read. Annotate it as a claim and give its value, …".
 */
function hintMessage(suggestion: Suggestion): string {
  const who = suggestion.claimant === null ? 'with no claimant read' : suggestion.bySource ? `by the outlet, @${suggestion.claimant}` : `by @${suggestion.claimant}`;
  const about = suggestion.event === null ? 'about no event read' : `about @${suggestion.event}`;
  const bare = suggestion.properties.length === 0;
  const values = bare ? ', no value read' : `: ${suggestion.properties.map((p) => `${p.key}=${p.value}`).join(', ')}`;
  return `Possible claim ${who} ${about}${values}${suggestion.hedged ? ' (hedged)' : ''}. Annotate it as a claim${bare ? ' and give its value' : ''}, or mark it "Not a claim"`;
}
