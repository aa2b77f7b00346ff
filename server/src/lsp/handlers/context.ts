// What every group of handlers shares: the connection, the client's buffers,
// the workspace, and the session — where the protocol stands and what the
// client said it can do.

import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Workspace } from '../workspace';

export class Session {
  /** Requests are refused before `initialize` and after `shutdown`. */
  state: 'awaiting initialize' | 'running' | 'shut down' = 'awaiting initialize';
  /** The client registers file watchers for the server; otherwise the server watches the folders itself. */
  clientWatchesFiles = false;
  clientHasConfiguration = false;
  clientSendsFolderChanges = false;
  /** The client takes `documentChanges`: edits then carry the version they were computed on. */
  clientTakesVersionedEdits = false;
  /** The client pulls its diagnostics (LSP 3.17) and can be asked to pull again; otherwise they are pushed. */
  clientPullsDiagnostics = false;
}

export interface ServerContext {
  readonly connection: Connection;
  readonly buffers: TextDocuments<TextDocument>;
  readonly workspace: Workspace;
  readonly session: Session;
}
