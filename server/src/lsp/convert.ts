// The one place that knows the protocol's shapes: engine and feature results
// (offsets into corpus files) become LSP objects here, and LSP positions
// become offsets. Positions are UTF-16 code units, which is what JavaScript
// string offsets already are, so the conversion is only about lines.

import {
  ApplyKind,
  CodeActionKind,
  CompletionItemKind,
  type CodeLens,
  type Command,
  type InlayHint,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  SymbolKind,
  type CodeAction,
  type CompletionClientCapabilities,
  type CompletionItem,
  type CompletionList,
  type Diagnostic as LspDiagnostic,
  type DiagnosticRelatedInformation,
  type DocumentDiagnosticReport,
  type FullDocumentDiagnosticReport,
  type DocumentSymbol,
  type Hover,
  type Location as LspLocation,
  type MarkupContent,
  type Position,
  type Range,
  type SnippetTextEdit,
  type TextDocumentEdit,
  type TextEdit as LspTextEdit,
  type UnchangedDocumentDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
  type WorkspaceEdit,
  type WorkspaceSymbol as LspWorkspaceSymbol,
} from 'vscode-languageserver/node';
import type { Diagnostic, RelatedEntry, Severity } from '../engine/diagnostics';
import { LineIndex } from '../engine/lineIndex';
import type { TextRange } from '../engine/syntax';
import type { CodeActionResult } from '../features/codeActions';
import type { EventLens } from '../features/codeLens';
import type { CompletionEntry, CompletionResult } from '../features/completion';
import type { HoverCard } from '../features/hover';
import type { InlayHintEntry } from '../features/inlayHints';
import type { FileRange, SnippetPart, TextEdit } from '../features/locate';
import type { EventMatrix, Passage } from '../features/matrix';
import type { MatrixTarget } from '../features/present';
import type { DocumentSymbolNode, WorkspaceSymbol } from '../features/symbols';
import { showClaimsMatrixCommand, type MatrixPassage, type MatrixView, type ShowClaimsMatrixArguments } from './customProtocol';
import type { ShownFile } from './shownDiagnostics';

/** What the protocol needs to know of a corpus file: its URI, its lines, and the client's version of it. */
export interface ClientFile {
  readonly uri: string;
  readonly lines: LineIndex;
  /** The version of the client's open buffer the corpus holds; null when the file is not open. */
  readonly version: number | null;
}

/** Finds the ClientFile of a file of the same corpus; undefined when the corpus does not hold it. */
export type ClientFiles = (file: string) => ClientFile | undefined;

export function toRange(lines: LineIndex, range: TextRange): Range {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offsetAt(position);
}

export function toOffsets(lines: LineIndex, range: Range): TextRange {
  const start = lines.offsetAt(range.start);
  const end = lines.offsetAt(range.end);
  return start <= end ? { start, end } : { start: end, end: start };
}

/** Line indexes of a corpus's files, rebuilt only when a file's text changes. */
export class LineIndexCache {
  private readonly indexes = new Map<string, { text: string; index: LineIndex }>();

  get(file: string, text: string): LineIndex {
    const cached = this.indexes.get(file);
    if (cached && cached.text === text) return cached.index;
    const index = new LineIndex(text);
    this.indexes.set(file, { text, index });
    return index;
  }

  forget(file: string): void {
    this.indexes.delete(file);
  }
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a related entry shows of its file. */
export type RelatedFile = Pick<ClientFile, 'uri' | 'lines'>;

/** The files of a corpus as related entries show them, at one revision of the corpus. */
export interface RelatedFiles {
  /** The same object for as long as `of` gives the same answers: what was converted with it stands. */
  readonly generation: object;
  /** Undefined when the corpus does not hold the file. */
  readonly of: (file: string) => RelatedFile | undefined;
}

/** No file at all: for diagnostics shown without their related entries. */
export const NO_RELATED_FILES: RelatedFiles = { generation: {}, of: () => undefined };

/**
 * A diagnostic of `file`. Its related entries may sit in other files of the
 * corpus; one in a file the corpus no longer holds is left out.
 */
export function toLspDiagnostic(diagnostic: Diagnostic, file: ClientFile, others: RelatedFiles, severity: Severity): LspDiagnostic {
  const shown: LspDiagnostic = {
    range: toRange(file.lines, diagnostic),
    severity: SEVERITY[severity],
    code: diagnostic.code,
    source: 'corroborate',
    message: diagnostic.message,
  };
  const related = diagnostic.related === undefined ? undefined : relatedInformation(diagnostic.related, others);
  if (related !== undefined) shown.relatedInformation = related;
  return shown;
}

/**
 * Each list of related entries as the client is shown it, for one
 * generation of its files. The engine shares one list among the claims of a
 * finding (contradictions.ts: a hot event's claimants without a run of their
 * own all show the same), so a list is converted once a generation and its
 * diagnostics share the result, as the messages do (they never change what
 * they hold). Undefined for a list of which nothing is shown.
 */
const shownLists = new WeakMap<readonly RelatedEntry[], { readonly generation: object; readonly shown: DiagnosticRelatedInformation[] | undefined }>();

function relatedInformation(entries: readonly RelatedEntry[], files: RelatedFiles): DiagnosticRelatedInformation[] | undefined {
  const known = shownLists.get(entries);
  if (known !== undefined && known.generation === files.generation) return known.shown;
  const related: DiagnosticRelatedInformation[] = [];
  for (const entry of entries) {
    const file = files.of(entry.file);
    if (file !== undefined) related.push(toRelatedInformation(entry, file));
  }
  const shown = related.length > 0 ? related : undefined;
  shownLists.set(entries, { generation: files.generation, shown });
  return shown;
}

/**
 * Each related entry as the client is shown it, for the lines and URI of its
 * file when it was converted. The engine makes a claim's related entry once
 * (contradictions.ts), and a flip republishes hundreds of reports that name
 * the same claims: each is converted once, and shared by the messages. An
 * entry whose file was edited since is converted again: its lines are
 * another LineIndex then.
 */
const shownRelated = new WeakMap<RelatedEntry, { readonly file: RelatedFile; readonly shown: DiagnosticRelatedInformation }>();

function toRelatedInformation(entry: RelatedEntry, file: RelatedFile): DiagnosticRelatedInformation {
  const known = shownRelated.get(entry);
  if (known !== undefined && known.file.lines === file.lines && known.file.uri === file.uri) return known.shown;
  const shown = { location: { uri: file.uri, range: toRange(file.lines, entry) }, message: entry.message };
  shownRelated.set(entry, { file, shown });
  return shown;
}

/** The note that ends a file's diagnostics when more were found than the editor is shown. */
export function notShownNote(notShown: number, shown: number): LspDiagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'corroborate',
    message: `${notShown} more diagnostics in this file are not shown (the editor shows the first ${shown}, errors first): run \`corroborate check\` to list them all`,
  };
}

/** The client command that opens an event's claims matrix, from a request about `file`. */
export function showClaimsMatrix(title: string, target: MatrixTarget, file: ClientFile): Command {
  const args: ShowClaimsMatrixArguments = { event: target.event, uri: file.uri };
  return { title, command: showClaimsMatrixCommand, arguments: [args] };
}

/**
 * A hover, ending with a link to the event's claims matrix when the card has
 * one: a `command:` link, which VS Code runs once the client trusts that one
 * command in hover Markdown; other editors show its text.
 */
/**
 * A file's pulled diagnostics: `unchanged` when the client's previous result
 * is still what it would be shown. The result id is the fingerprint of what
 * is shown, so it changes exactly when that does.
 */
export function toDocumentReport(shown: ShownFile, previousResultId: string | undefined): FullDocumentDiagnosticReport | UnchangedDocumentDiagnosticReport {
  return shown.fingerprint === previousResultId
    ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId: shown.fingerprint }
    : { kind: DocumentDiagnosticReportKind.Full, resultId: shown.fingerprint, items: shown.diagnostics };
}

/** The answer to textDocument/diagnostic, with the reports of other open documents whose diagnostics changed with it. */
export function toDocumentReportWithRelated(
  report: FullDocumentDiagnosticReport | UnchangedDocumentDiagnosticReport,
  related: readonly ShownFile[],
): DocumentDiagnosticReport {
  if (related.length === 0) return report;
  return { ...report, relatedDocuments: Object.fromEntries(related.map((shown) => [shown.uri, toDocumentReport(shown, undefined)])) };
}

/** A file's full report in a workspace pull. */
export function toWorkspaceFullReport(shown: ShownFile): WorkspaceDocumentDiagnosticReport {
  return { kind: DocumentDiagnosticReportKind.Full, uri: shown.uri, version: shown.version, resultId: shown.fingerprint, items: shown.diagnostics };
}

/** A file whose diagnostics are still those of the client's result id. */
export function toWorkspaceUnchangedReport(uri: string, resultId: string, version: number | null): WorkspaceDocumentDiagnosticReport {
  return { kind: DocumentDiagnosticReportKind.Unchanged, uri, version, resultId };
}

export function toHover(card: HoverCard, file: ClientFile): Hover {
  let value = card.markdown;
  if (card.showMatrix) {
    const command = showClaimsMatrix('Show in claims matrix', card.showMatrix, file);
    // Parentheses would end the link's target: encodeURIComponent leaves them as they are.
    const query = encodeURIComponent(JSON.stringify(command.arguments)).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    value += `\n\n[${command.title}](command:${command.command}?${query} "Open the claims matrix of @${card.showMatrix.event}")`;
  }
  return { contents: markdown(value), range: toRange(file.lines, card.range) };
}

/** A lens above the first claim of an event, running the claims matrix command. */
export function toCodeLens(lens: EventLens, file: ClientFile): CodeLens {
  return { range: toRange(file.lines, lens.range), command: showClaimsMatrix(lens.title, { event: lens.event }, file) };
}

export function toInlayHint(hint: InlayHintEntry, file: ClientFile): InlayHint {
  return { position: file.lines.positionAt(hint.offset), label: hint.label, tooltip: hint.tooltip, paddingLeft: true };
}

export function markdown(value: string): MarkupContent {
  return { kind: 'markdown', value };
}

const COMPLETION_KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  entity: CompletionItemKind.Reference,
  property: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  keyword: CompletionItemKind.Keyword,
};

/** What completionItem/resolve needs to add an entity entry's documentation: the document asked in, and the entity. */
export interface CompletionItemData {
  readonly uri: string;
  readonly entity: string;
}

export function isCompletionItemData(data: unknown): data is CompletionItemData {
  const fields = data as Partial<Record<keyof CompletionItemData, unknown>> | null | undefined;
  return typeof fields?.uri === 'string' && typeof fields.entity === 'string';
}

/**
 * What of a completion answer the client lets the server leave out of each
 * item, as it declared: the range every entry replaces, sent once for the
 * list (LSP 3.17 `itemDefaults.editRange`); the document asked in, merged by
 * the client into each entry's `data` (`itemDefaults.data` with 3.18's
 * `applyKindSupport`: without a merge, an entry's own `data` replaces the
 * default and must carry the document again); an entity's detail (its name
 * and kind), asked for with completionItem/resolve for the entry the editor
 * shows (`resolveSupport` naming `detail`; VS Code shows the detail of the
 * focused entry only). VS Code's client declares all three.
 */
export interface CompletionSupport {
  readonly editRange: boolean;
  readonly data: boolean;
  readonly resolvesDetail: boolean;
}

export const FULL_COMPLETION_ITEMS: CompletionSupport = { editRange: false, data: false, resolvesDetail: false };

export function completionSupport(capabilities: CompletionClientCapabilities | undefined): CompletionSupport {
  const defaults = capabilities?.completionList?.itemDefaults ?? [];
  return {
    editRange: defaults.includes('editRange'),
    data: defaults.includes('data') && capabilities?.completionList?.applyKindSupport === true,
    resolvesDetail: capabilities?.completionItem?.resolveSupport?.properties.includes('detail') === true,
  };
}

export function toCompletionList(result: CompletionResult, file: ClientFile, uri: string, support: CompletionSupport): CompletionList {
  const shared = sharedReplaceRange(result.entries);
  const editRange = support.editRange && shared !== undefined ? toRange(file.lines, shared) : undefined;
  const mergesData = support.data && result.entries.some((entry) => entry.entity !== undefined);
  const itemDefaults = { ...(editRange !== undefined ? { editRange } : {}), ...(mergesData ? { data: { uri } } : {}) };
  return {
    isIncomplete: result.isIncomplete,
    ...(editRange !== undefined || mergesData ? { itemDefaults } : {}),
    ...(mergesData ? { applyKind: { data: ApplyKind.Merge } } : {}),
    items: result.entries.map((entry) => toCompletionItem(entry, file, uri, { rangeIsDefault: editRange !== undefined, mergesData, resolvesDetail: support.resolvesDetail })),
  };
}

/** The range every entry replaces, when they all replace the same one (the token being typed). */
function sharedReplaceRange(entries: readonly CompletionEntry[]): TextRange | undefined {
  const first = entries[0]?.replace;
  if (first === undefined) return undefined;
  return entries.every((entry) => entry.replace.start === first.start && entry.replace.end === first.end) ? first : undefined;
}

interface ItemShape {
  /** The list's `itemDefaults.editRange` is the entry's: the client then inserts `textEditText`, or the label without it. */
  readonly rangeIsDefault: boolean;
  readonly mergesData: boolean;
  readonly resolvesDetail: boolean;
}

function toCompletionItem(entry: CompletionEntry, file: ClientFile, uri: string, { rangeIsDefault, mergesData, resolvesDetail }: ItemShape): CompletionItem {
  // An entity's detail is resolved with its documentation (entityResolution), for a client that asks.
  const sendsDetail = entry.detail !== undefined && !(resolvesDetail && entry.entity !== undefined);
  return {
    label: entry.label,
    kind: COMPLETION_KIND[entry.kind],
    ...(sendsDetail ? { detail: entry.detail } : {}),
    ...(entry.documentation !== undefined ? { documentation: markdown(entry.documentation) } : {}),
    ...(entry.entity !== undefined ? { data: mergesData ? { entity: entry.entity } : ({ uri, entity: entry.entity } satisfies CompletionItemData) } : {}),
    // The label is what an editor filters on when there is no filterText.
    ...(entry.filterText !== undefined && entry.filterText !== entry.label ? { filterText: entry.filterText } : {}),
    ...(entry.sortText !== undefined ? { sortText: entry.sortText } : {}),
    ...(rangeIsDefault
      ? entry.insertText !== entry.label
        ? { textEditText: entry.insertText }
        : {}
      : { textEdit: { range: toRange(file.lines, entry.replace), newText: entry.insertText } }),
  };
}

const SYMBOL_KIND: Record<DocumentSymbolNode['kind'] | WorkspaceSymbol['kind'], SymbolKind> = {
  claim: SymbolKind.Event,
  mention: SymbolKind.Variable,
  skip: SymbolKind.Null,
  section: SymbolKind.Module,
  actor: SymbolKind.Class,
  place: SymbolKind.Namespace,
  event: SymbolKind.Event,
  property: SymbolKind.Property,
};

export function toDocumentSymbol(node: DocumentSymbolNode, file: ClientFile): DocumentSymbol {
  return {
    // The protocol refuses an empty name.
    name: node.name || ' ',
    ...(node.detail !== undefined ? { detail: node.detail } : {}),
    kind: SYMBOL_KIND[node.kind],
    range: toRange(file.lines, node.range),
    selectionRange: toRange(file.lines, node.selectionRange),
    children: node.children.map((child) => toDocumentSymbol(child, file)),
  };
}

export function toWorkspaceSymbol(symbol: WorkspaceSymbol, files: ClientFiles): LspWorkspaceSymbol | undefined {
  const location = toLocation(symbol.location, files);
  if (!location) return undefined;
  return { name: symbol.name, kind: SYMBOL_KIND[symbol.kind], ...(symbol.detail !== undefined ? { containerName: symbol.detail } : {}), location };
}

export function toLocation(location: FileRange, files: ClientFiles): LspLocation | undefined {
  const file = files(location.file);
  return file && { uri: file.uri, range: toRange(file.lines, location) };
}

/**
 * The edits as one workspace edit. Where the client takes `documentChanges`,
 * each file's edits name the version they were computed on — the client's
 * buffer version for an open file, null for a file it has not opened — so a
 * client whose text moved on refuses them instead of applying them at old
 * offsets; and where it also takes snippet edits (LSP 3.18), an edit with
 * placeholders is sent as one. Edits to a file the corpus no longer holds
 * are dropped whole: an edit is proposed complete or not at all.
 */
export function toWorkspaceEdit(edits: readonly TextEdit[], files: ClientFiles, versioned: boolean, snippets = false): WorkspaceEdit | undefined {
  const byFile = new Map<string, { file: ClientFile; edits: (LspTextEdit | SnippetTextEdit)[] }>();
  for (const edit of edits) {
    let entry = byFile.get(edit.file);
    if (!entry) {
      const file = files(edit.file);
      if (!file) return undefined;
      entry = { file, edits: [] };
      byFile.set(edit.file, entry);
    }
    const range = toRange(entry.file.lines, edit);
    entry.edits.push(versioned && snippets && edit.snippet !== undefined ? { range, snippet: { kind: 'snippet', value: snippetText(edit.snippet) } } : { range, newText: edit.newText });
  }
  if (versioned) {
    const documentChanges: TextDocumentEdit[] = [...byFile.values()].map(({ file, edits }) => ({ textDocument: { uri: file.uri, version: file.version }, edits }));
    return { documentChanges };
  }
  const changes: Record<string, LspTextEdit[]> = {};
  for (const { file, edits } of byFile.values()) changes[file.uri] = edits.filter((edit) => 'newText' in edit);
  return { changes };
}

/** Snippet syntax: text with `$`, `}` and `\` escaped, placeholders numbered in order (`${1:claimant}`, `$2`). */
function snippetText(parts: readonly SnippetPart[]): string {
  let stop = 0;
  const escape = (text: string) => text.replace(/[$}\\]/gu, (c) => `\\${c}`);
  return parts.map((part) => (typeof part === 'string' ? escape(part) : part.placeholder === '' ? `$${++stop}` : `\${${++stop}:${escape(part.placeholder)}}`)).join('');
}

/** The LSP kind of each kind of action: "annotate all suggested claims" is a source action of its own, never a fix-all run on save. */
const ACTION_KIND: Record<CodeActionResult['kind'], string> = {
  quickfix: CodeActionKind.QuickFix,
  refactor: CodeActionKind.RefactorRewrite,
  source: `${CodeActionKind.Source}.corroborate.annotateClaims`,
};

/** The kinds of action the server offers, as its capabilities declare them. */
export const CODE_ACTION_KINDS: readonly string[] = Object.values(ACTION_KIND);

/** Whether an action of `kind` is among those a client asked for (`context.only`: a kind covers the kinds under it). */
export function isRequestedKind(kind: CodeActionResult['kind'], only: readonly string[] | undefined): boolean {
  const lspKind = ACTION_KIND[kind];
  return only === undefined || only.some((wanted) => lspKind === wanted || lspKind.startsWith(`${wanted}.`));
}

/** A code action: its workspace edit, or for one that opens the claims matrix, the command, with the file it is asked from. */
export function toCodeAction(action: CodeActionResult, diagnostics: LspDiagnostic[], edit: WorkspaceEdit | undefined, file: ClientFile): CodeAction {
  return {
    title: action.title,
    kind: ACTION_KIND[action.kind],
    diagnostics,
    ...(action.isPreferred ? { isPreferred: true } : {}),
    ...(edit ? { edit } : {}),
    ...(action.showMatrix ? { command: showClaimsMatrix(action.title, action.showMatrix, file) } : {}),
  };
}

export function toPrepareRename(range: TextRange, placeholder: string, file: ClientFile): { range: Range; placeholder: string } {
  return { range: toRange(file.lines, range), placeholder };
}

/**
 * An event's claims matrix as the matrix request answers it: each report
 * with its URI, each passage in LSP ranges. A report the corpus no longer
 * holds is left out, with its passages.
 */
export function toMatrixView(matrix: EventMatrix, files: ClientFiles): MatrixView {
  const passage = (p: Passage): MatrixPassage[] => {
    const file = files(p.file);
    return file ? [{ uri: file.uri, claim: toRange(file.lines, p.claim), assertion: toRange(file.lines, p.assertion), raw: p.raw, hedged: p.hedged }] : [];
  };
  return {
    ...matrix,
    reports: matrix.reports.flatMap((report) => {
      const file = files(report.file);
      return file ? [{ ...report, uri: file.uri }] : [];
    }),
    rows: matrix.rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell) => ({ ...cell, values: cell.values.map((value) => ({ ...value, passages: value.passages.flatMap(passage) })) })),
    })),
  };
}
