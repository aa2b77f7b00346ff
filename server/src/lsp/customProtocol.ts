// What Corroborate adds to LSP, declared once for the server and the VS Code
// client. It imports types only, so the client can share it without bundling
// the server's code; each side wraps the methods in its own library's
// NotificationType and RequestType.

import type { CellValue, EventMatrix, EventSummary, MatrixCell, MatrixRow, ReportEntry } from '../features/matrix';

/**
 * Server → client, sent once the corpus is indexed and again whenever the set
 * changes (a glob in corroborate.yaml edited, a file created or deleted): every
 * document the corpus globs match. It follows the diagnostics of the change
 * it announces: a client that has it has those too. The VS Code client gives these documents
 * the `corroborate` language, since their `.txt` extension says nothing.
 */
export const corpusDocumentsMethod = 'corroborate/corpusDocuments';

export interface CorpusDocumentsParams {
  /** Document URIs as the server knows them (`file:` URIs); the whole set, not a change. */
  readonly uris: readonly string[];
}

/**
 * A client command: opens the claims matrix of an event. The server names it
 * in code lenses, quick fixes and a hover link; the VS Code client registers
 * it (and trusts it in hover Markdown). `uri` is the document the request
 * came from, which tells the client whose corpus the event belongs to.
 */
export const showClaimsMatrixCommand = 'corroborate.showClaimsMatrix';

export interface ShowClaimsMatrixArguments {
  readonly event: string;
  readonly uri?: string;
}

/**
 * Client → server: the claims matrix of one event, and the corpus's events
 * for a picker, computed from the index the diagnostics come from, on the
 * client's buffers as they are when it is answered. Any LSP client may send
 * it; the VS Code client's matrix view does. An event the registry does not
 * hold, or a document outside every corpus, is refused with InvalidParams and
 * a message that says so.
 */
export const claimsMatrixMethod = 'corroborate/claimsMatrix';

export interface ClaimsMatrixParams {
  /** A file of the corpus asked about: a report or its corroborate.yaml. Absent: the workspace's first corpus. */
  readonly textDocument?: { readonly uri: string };
  /** The event whose matrix to answer. Absent: the event at `position` in `textDocument`, if any; otherwise only the list of events. */
  readonly event?: string;
  /** With `textDocument` and no `event`: the cursor, whose claim or `@event` names the event (as its hover's matrix link does). */
  readonly position?: { readonly line: number; readonly character: number };
}

/** An LSP range: UTF-16 code units, lines ended by \r\n, \n or a lone \r. */
export interface MatrixRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/** Where one claim says a cell's value: what a click on the cell opens. */
export interface MatrixPassage {
  readonly uri: string;
  /** The claim span, `[` to the end of its block. */
  readonly claim: MatrixRange;
  /** Its `key=value`. */
  readonly assertion: MatrixRange;
  /** The value as written there. */
  readonly raw: string;
  readonly hedged: boolean;
}

/** features/matrix.ts's EventMatrix (type-only imports: this file brings no code to the client) with its files' URIs and passages in LSP ranges. */
export type MatrixView = Omit<EventMatrix, 'rows' | 'reports'> & {
  readonly reports: readonly (ReportEntry & { readonly uri: string })[];
  readonly rows: readonly MatrixViewRow[];
};

export type MatrixViewRow = Omit<MatrixRow, 'cells'> & { readonly cells: readonly MatrixViewCell[] };
export type MatrixViewCell = Omit<MatrixCell, 'values'> & { readonly values: readonly MatrixViewValue[] };
export type MatrixViewValue = Omit<CellValue, 'passages'> & { readonly passages: readonly MatrixPassage[] };

export interface ClaimsMatrixResult {
  /** The corpus answered for: the URI of its corroborate.yaml, and its folder's name. */
  readonly corpus: { readonly uri: string; readonly name: string };
  /** Every event with claims, most disputed first: open conflicts, then claims (the report's overview order). */
  readonly events: readonly EventSummary[];
  /** The event's matrix; absent when none was asked for or found at `position`. */
  readonly matrix?: MatrixView;
}
