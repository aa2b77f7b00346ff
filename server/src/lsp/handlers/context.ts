// What every group of handlers shares: the connection, the client's buffers,
// the workspace, and the session — where the protocol stands and what the
// client said it can do.

import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FULL_COMPLETION_ITEMS, type CompletionSupport } from '../convert';
import type { MessageActivity } from '../messageActivity';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import type { Workspace } from '../workspace';
import type { ViewRefresh } from './views';

export class Session {
  /** Requests are refused before `initialize` and after `shutdown`. */
  state: 'awaiting initialize' | 'running' | 'shut down' = 'awaiting initialize';
  /** The client registers file watchers for the server; otherwise the server watches the folders itself. */
  clientWatchesFiles = false;
  clientHasConfiguration = false;
  clientSendsFolderChanges = false;
  /** The client takes `documentChanges`: edits then carry the version they were computed on. */
  clientTakesVersionedEdits = false;
  /** The client takes snippet edits in workspace edits (LSP 3.18 `snippetEditSupport`): an edit may leave placeholders to fill in. */
  clientTakesSnippetEdits = false;
  /** The client pulls its diagnostics (LSP 3.17) and can be asked to pull again; otherwise they are pushed. */
  clientPullsDiagnostics = false;
  /** The client asks for code lenses and inlay hints again when told to (`workspace/codeLens/refresh`, `workspace/inlayHint/refresh`). */
  clientRefreshesCodeLenses = false;
  clientRefreshesInlayHints = false;
  /** What completion items may leave out: sent once for the list (LSP 3.17 `itemDefaults`), or resolved for the entry shown. */
  completion: CompletionSupport = FULL_COMPLETION_ITEMS;
  /** The settings as the client last gave them. */
  settings: Settings = DEFAULT_SETTINGS;
}

export interface ServerContext {
  readonly connection: Connection;
  readonly buffers: TextDocuments<TextDocument>;
  readonly workspace: Workspace;
  readonly session: Session;
  /** When the client has nothing more queued: refreshes wait for it. */
  readonly activity: MessageActivity;
  readonly views: ViewRefresh;
}
