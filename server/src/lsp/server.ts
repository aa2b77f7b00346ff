// The language server: the workspace (corpora following buffers and the
// disk), its publisher, and the handlers, one group per file under
// handlers/ — lifecycle, notifications, information (hover, outlines),
// navigation (definition, references, rename), editing (completion, quick
// fixes), views (code lenses, inlay hints), matrix (the claims matrix
// request), diagnostics (pulled, for clients that pull them). Every LSP
// object is built in convert.ts.

import { TextDocuments, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyHeapPolicy } from '../heapPolicy';
import type { OutgoingMessages } from './batchedWriter';
import { Session, type ServerContext } from './handlers/context';
import { registerDiagnosticHandlers } from './handlers/diagnostics';
import { registerEditingHandlers } from './handlers/editing';
import { registerInformationHandlers } from './handlers/information';
import { registerLifecycleHandlers } from './handlers/lifecycle';
import { registerMatrixHandlers } from './handlers/matrix';
import { registerNavigationHandlers } from './handlers/navigation';
import { registerNotificationHandlers } from './handlers/notifications';
import { registerViewHandlers, ViewRefresh } from './handlers/views';
import type { MessageActivity } from './messageActivity';
import { Workspace } from './workspace';

/**
 * Serves LSP on a connection whose message strategy is `activity`, which tells when the client has nothing more queued,
 * and whose writer is `outgoing`, which tells when much waits to be written.
 */
export function startServer(connection: Connection, activity: MessageActivity, outgoing: OutgoingMessages): void {
  const buffers = new TextDocuments(TextDocument);
  const session = new Session();
  const workspace = new Workspace(connection, buffers, activity, outgoing);
  void workspace.ready.then(() => applyHeapPolicy('editing'));
  const context: ServerContext = { connection, buffers, workspace, session, activity, views: new ViewRefresh(connection, session, activity) };
  registerLifecycleHandlers(context);
  registerNotificationHandlers(context);
  registerInformationHandlers(context);
  registerNavigationHandlers(context);
  registerEditingHandlers(context);
  registerDiagnosticHandlers(context);
  registerViewHandlers(context);
  registerMatrixHandlers(context);
  connection.listen();
}
