// What Corroborate adds to LSP, declared once for the server and the VS Code
// client. It imports nothing, so the client can share it without bundling the
// server's dependencies; each side wraps the method in its own library's
// NotificationType.

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
