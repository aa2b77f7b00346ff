// What the claims matrix view and the extension say to each other through
// postMessage. The view only draws what it is given and asks the extension
// to act (open passages, copy); it never talks to the server.

import type { ClaimsMatrixResult, MatrixPassage } from '../../server/src/lsp/customProtocol';

export type ToView =
  /** A matrix to draw (or only the events, when none is chosen yet). */
  | { readonly type: 'show'; readonly result: ClaimsMatrixResult }
  /** The server could not answer: said in the view, the last matrix kept. */
  | { readonly type: 'error'; readonly message: string };

export type FromView =
  /** The script has loaded and waits for a matrix. */
  | { readonly type: 'ready' }
  /** Another event chosen in the view's picker. */
  | { readonly type: 'selectEvent'; readonly event: string }
  /** A cell clicked or entered: its passages, one opened or several peeked. */
  | { readonly type: 'open'; readonly passages: readonly MatrixPassage[]; readonly title: string }
  /** "Copy as TSV": the table as text, for the clipboard. */
  | { readonly type: 'copy'; readonly text: string; readonly what: string };

/** What the view keeps across being hidden and VS Code restarting (vscode.setState). */
export interface ViewState {
  readonly event?: string;
  /** A file of the corpus shown, which tells the server whose matrix to answer. */
  readonly uri?: string;
  /** The view's tab: the matrix, the event's timeline, or the corpus overview. */
  readonly tab?: 'matrix' | 'timeline' | 'overview';
}
