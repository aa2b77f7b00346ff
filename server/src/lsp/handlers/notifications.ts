// What the client tells the server has changed: its buffers, files on disk,
// the workspace folders, the settings.

import { DidChangeConfigurationNotification, type FileEvent, type WorkspaceFolder } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { readSettings } from '../settings';
import type { ServerContext } from './context';
import { useSettings } from './views';

export function registerNotificationHandlers(context: ServerContext): void {
  const { connection, buffers, workspace, session } = context;

  // Opening fires a change too. The buffers themselves are up to date at once; the corpora follow them lazily.
  buffers.onDidChangeContent((event) => workspace.bufferChanged(event.document.uri));
  buffers.onDidClose((event) => workspace.bufferClosed(event.document.uri));
  buffers.listen(connection);

  connection.onDidChangeWatchedFiles((params) => {
    const changes = withUris<FileEvent>(fieldOf(params, 'changes')).flatMap((change) => {
      const uri = URI.parse(change.uri);
      return uri.scheme === 'file' ? [{ path: uri.fsPath, type: change.type }] : [];
    });
    workspace.followDisk(changes);
  });

  connection.onNotification(DidChangeConfigurationNotification.type, () => {
    if (!session.clientHasConfiguration) return;
    connection.workspace.getConfiguration('corroborate').then(
      (value: unknown) => useSettings(context, readSettings(value)),
      (error: unknown) => connection.console.warn(`reading the settings failed: ${String(error)}`),
    );
  });
}

/** Workspace folders added and removed; the client's notification is subscribed to once it is initialized. */
export function followWorkspaceFolders(context: ServerContext): void {
  const { connection, workspace } = context;
  connection.workspace.onDidChangeWorkspaceFolders((event) => {
    const paths = (folders: unknown) => withUris<WorkspaceFolder>(folders).map((f) => URI.parse(f.uri).fsPath);
    workspace.changeFolders(paths(fieldOf(event, 'added')), paths(fieldOf(event, 'removed')));
  });
}

/** A field of a notification's parameters as the client sent them, whatever their shape. */
function fieldOf(params: unknown, key: string): unknown {
  return typeof params === 'object' && params !== null ? (params as Record<string, unknown>)[key] : undefined;
}

/**
 * The entries of a list a client sent that name a URI. A malformed
 * notification changes nothing, where reading it as the protocol types say
 * threw in its handler and printed a stack trace on stderr.
 */
function withUris<T extends { readonly uri: string }>(list: unknown): T[] {
  return Array.isArray(list) ? list.filter((entry): entry is T => typeof fieldOf(entry, 'uri') === 'string') : [];
}
