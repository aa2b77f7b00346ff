// The annotation assist's code actions. On a `possible-claim` hint:
// annotate it as the claim it shows, annotate every suggested claim of the
// document, or dismiss it ("Not a claim", kept in the document's front
// matter under `not-claims:`). On any selection: annotate it as a claim,
// with what the assist reads in its words. Every edit wraps passages the
// engine checked (the markup stays valid, the article text the same) or
// adds one line to the front matter.

import { dismissalText } from '../engine/assist/dismissals';
import { readPassage, type PassageReading, type Suggestion } from '../engine/assist/finder';
import { MAX_ASSISTED_LENGTH, REQUEST_LEARNING_MS, shownProposals, suggestionAt, type Proposals } from '../engine/assist/hints';
import { CueModel } from '../engine/assist/model';
import type { Corpus } from '../engine/corpus';
import type { Diagnostic } from '../engine/diagnostics';
import type { DocumentFacts } from '../engine/document';
import { NOT_CLAIMS_KEY, readFrontMatter } from '../engine/frontMatter';
import { lineBreakAt, lineEnding } from '../engine/lineIndex';
import { fenceStart, parseDocument } from '../engine/parser';
import { blockAt } from '../engine/spans';
import type { TextRange } from '../engine/syntax';
import type { SnippetPart, TextEdit } from './locate';

/** What an assist action is to the editor: a fix of a hint, a rewrite of a selection, or a whole-document source action. */
export type AssistActionKind = 'quickfix' | 'refactor' | 'source';

export interface AssistAction {
  readonly title: string;
  readonly kind: AssistActionKind;
  /** The `possible-claim` hints it resolves. */
  readonly diagnostics: Diagnostic[];
  readonly edits: TextEdit[];
  readonly isPreferred?: boolean;
}

/** `{claim by=@x event=@e killed=~40}` → `by=@x event=@e killed=~40`: what a title shows of the markup. */
function attributesOf(text: string, markup: string): string {
  return markup.slice(text.length + '[]{claim'.length, -1).trim();
}

function annotateTitle(prefix: string, text: string, markup: string): string {
  const attributes = attributesOf(text, markup);
  return attributes === '' ? prefix : `${prefix}: ${attributes}`;
}

function wrapEdit(file: string, suggestion: { start: number; end: number; markup: string }): TextEdit {
  return { file, start: suggestion.start, end: suggestion.end, newText: suggestion.markup };
}

/** What a request for actions asks of the assist. */
export interface AssistRequest {
  /** The client asked for source actions (VS Code's *Source Action…* menu): "annotate all" is offered as one, wherever the cursor is. */
  readonly source?: boolean;
}

/**
 * The assist's actions for a request over `range`: those of the
 * `possible-claim` hints among `diagnostics`, "annotate all" as a source
 * action when asked for, and "Annotate selection as claim" on a selection
 * (not on the exact range of a diagnostic: that request is about the
 * diagnostic).
 */
export function assistActions(corpus: Corpus, file: string, range: TextRange, diagnostics: readonly Diagnostic[], request: AssistRequest = {}): AssistAction[] {
  const facts = corpus.document(file);
  if (facts === undefined || facts.encoding !== undefined) return [];
  const actions: AssistAction[] = [];
  const shown = diagnostics.filter((d) => d.code === 'possible-claim' && d.file === file);
  // The document's suggestions are looked at only for a request about them: other requests stay as cheap as they were.
  const proposals: Proposals = shown.length > 0 || request.source === true ? shownProposals(corpus, file) : { suggestions: [], hints: [] };
  const { suggestions, hints } = proposals;
  for (const hint of shown) {
    const suggestion = suggestionAt(proposals, hint);
    if (suggestion === undefined) continue;
    actions.push({ title: annotateTitle('Annotate as claim', suggestion.text, suggestion.markup), kind: 'quickfix', diagnostics: [hint], edits: [wrapEdit(file, suggestion)], isPreferred: true });
    const dismissal = dismissEdit(facts, suggestion);
    if (dismissal !== undefined) actions.push({ title: `Not a claim (recorded in this document's front matter, ${NOT_CLAIMS_KEY}:)`, kind: 'quickfix', diagnostics: [hint], edits: [dismissal] });
  }
  if (suggestions.length > 0) {
    const all = suggestions.map((suggestion) => wrapEdit(file, suggestion));
    const title = suggestions.length === 1 ? 'Annotate the 1 suggested claim in this document' : `Annotate all ${suggestions.length} suggested claims in this document`;
    if (shown.length > 0 && suggestions.length > 1) actions.push({ title, kind: 'quickfix', diagnostics: [...hints], edits: all });
    if (request.source === true) actions.push({ title, kind: 'source', diagnostics: [], edits: all });
  }
  const onDiagnostic = diagnostics.some((d) => d.start === range.start && d.end === range.end);
  const selection = onDiagnostic ? undefined : selectionAction(corpus, facts, range);
  // A selection that is a suggestion's passage has that suggestion's own fix.
  if (selection !== undefined && !shownProposals(corpus, file).suggestions.some((s) => s.start === selection.edits[0].start && s.end === selection.edits[0].end)) actions.push(selection);
  return actions;
}

/**
 * "Annotate selection as claim": the selection, grown so that it cuts no
 * span, wrapped with what its words give. Nothing when either end lies in a
 * block, the passage is already exactly a claim, it touches text `{skip}`
 * hides, or wrapping it would not leave valid markup.
 */
function selectionAction(corpus: Corpus, facts: DocumentFacts, range: TextRange): AssistAction | undefined {
  if (range.end <= range.start || facts.text.length > MAX_ASSISTED_LENGTH) return undefined;
  const { parsed } = facts;
  if (blockAt(parsed, range.start) !== undefined || blockAt(parsed, range.end) !== undefined) return undefined;
  // Read with what the corpus has taught so far: a request does not wait for a large corpus to be learnt.
  const reading = readPassage(corpus, facts.file, range, { model: CueModel.learntWithin(corpus, REQUEST_LEARNING_MS) });
  if (reading?.markup === undefined) return undefined;
  const { start, end } = reading;
  for (const span of parsed.spans) {
    if (span.start >= end) break;
    const overlaps = span.start < end && start < span.end;
    if (span.block.kind === 'skip' && overlaps) return undefined;
    if (span.block.kind === 'claim' && ((span.start === start && span.end === end) || (span.start + 1 === start && span.close === end))) return undefined;
  }
  const edit = wrapEdit(facts.file, { start, end, markup: reading.markup });
  const snippet = placeholdersFor(reading.text, reading.markup, reading.unread);
  return { title: annotateTitle('Annotate selection as claim', reading.text, reading.markup), kind: 'refactor', diagnostics: [], edits: [snippet === undefined ? edit : { ...edit, snippet }] };
}

/**
 * The selection's claim with a place for each thing its words did not
 * give, for an editor that takes snippet edits: `by=@claimant` and
 * `event=@event` (ids that parse, which `check` reports unknown until typed
 * over) and a tab stop where values go. Undefined when the words gave all.
 */
function placeholdersFor(text: string, markup: string, unread: PassageReading['unread']): SnippetPart[] | undefined {
  if (!unread.claimant && !unread.event && !unread.values) return undefined;
  // markup is `[text]{claim …}`: the attributes read go between `{claim` and `}`.
  const head = `[${text}]{claim`;
  const attributes = markup.slice(head.length, -1);
  const by = /^ by=@\S+/u.exec(attributes)?.[0] ?? '';
  return [
    head,
    ...(unread.claimant ? [' by=@', { placeholder: 'claimant' }] : [by]),
    ...(unread.event ? [' event=@', { placeholder: 'event' }] : []),
    attributes.slice(by.length),
    ...(unread.values ? [' ', { placeholder: '' }] : []),
    '}',
  ];
}

/**
 * "Not a claim": the passage's article words added to the front matter's
 * `not-claims:` list — a new line in a block list, an item in a flow list,
 * the key itself when absent, a front matter when the document has none —
 * in the document's own line endings. Undefined when the front matter is
 * written so that no such edit reads back as the dismissal (a
 * `not-claims:` that is not a list, a front matter left open).
 */
export function dismissEdit(facts: DocumentFacts, suggestion: Pick<Suggestion, 'text'>): TextEdit | undefined {
  const { text, file } = facts;
  const passage = dismissalText(suggestion.text);
  if (passage === '') return undefined;
  const quoted = JSON.stringify(passage);
  const eol = lineEnding(text);
  const item = `  - ${quoted}`;
  const node = facts.parsed.frontMatter;
  const entry = facts.frontMatter.notClaimsEntry;
  let edit: TextEdit | undefined;
  if (node === undefined) {
    // After a BOM the buffer opens with: before it, the BOM would become article text.
    const start = fenceStart(text);
    if (text.startsWith('---', start)) return undefined;
    edit = { file, start, end: start, newText: `---${eol}${NOT_CLAIMS_KEY}:${eol}${item}${eol}---${eol}` };
  } else if (entry === undefined) {
    edit = { file, start: node.content.end, end: node.content.end, newText: `${NOT_CLAIMS_KEY}:${eol}${item}${eol}` };
  } else if (entry.value.kind === 'seq' && text[entry.value.start] === '[') {
    const close = entry.value.end - 1;
    if (text[close] !== ']') return undefined;
    edit = { file, start: close, end: close, newText: `${entry.value.items.length > 0 ? ', ' : ''}${quoted}` };
  } else if (entry.value.kind === 'seq' && entry.value.items.length > 0) {
    const lineStart = Math.max(text.lastIndexOf('\n', entry.value.start - 1), text.lastIndexOf('\r', entry.value.start - 1)) + 1;
    const indent = text.slice(lineStart, entry.value.start);
    if (!/^[ \t]*$/u.test(indent)) return undefined;
    const last = entry.value.items[entry.value.items.length - 1];
    const at = lineBreakAt(text, last.end);
    edit = { file, start: at, end: at, newText: `${eol}${indent}- ${quoted}` };
  } else if (entry.value.kind === 'scalar' && entry.value.value === null) {
    const at = lineBreakAt(text, entry.keyRange.end);
    if (!/^:[ \t]*$/u.test(text.slice(entry.keyRange.end, at))) return undefined;
    edit = { file, start: at, end: at, newText: `${eol}${item}` };
  }
  return edit !== undefined && readsBackDismissed(facts, edit, passage) ? edit : undefined;
}

/** Whether the edited front matter reads without a new problem and lists the passage. */
function readsBackDismissed(facts: DocumentFacts, edit: TextEdit, passage: string): boolean {
  const text = facts.text.slice(0, edit.start) + edit.newText + facts.text.slice(edit.end);
  const parsed = parseDocument(text);
  const after = readFrontMatter(text, parsed.frontMatter);
  return after.problems.length <= facts.frontMatter.problems.length && (after.notClaims ?? []).includes(passage);
}
