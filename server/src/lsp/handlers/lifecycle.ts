// initialize, initialized, shutdown: what the client can do, the settings,
// and when the workspace is indexed and watched.

import { DidChangeWatchedFilesNotification, TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { CODE_ACTION_KINDS, completionSupport } from '../convert';
import { readSettings } from '../settings';
import type { ServerContext } from './context';
import { followWorkspaceFolders } from './notifications';
import { useSettings } from './views';

export function registerLifecycleHandlers(context: ServerContext): void {
  const { connection, workspace, session } = context;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    session.state = 'running';
    session.clientWatchesFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    session.clientHasConfiguration = capabilities.workspace?.configuration === true;
    session.clientTakesVersionedEdits = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    session.clientTakesSnippetEdits = capabilities.workspace?.workspaceEdit?.snippetEditSupport === true;
    session.clientSendsFolderChanges = capabilities.workspace?.workspaceFolders === true;
    session.clientRefreshesCodeLenses = capabilities.workspace?.codeLens?.refreshSupport === true;
    session.clientRefreshesInlayHints = capabilities.workspace?.inlayHint?.refreshSupport === true;
    session.completion = completionSupport(capabilities.textDocument?.completion);
    let folders = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
    if (folders.length === 0 && params.rootUri) folders = [URI.parse(params.rootUri).fsPath];
    // Pulled only by a client that can also be asked to pull again: an edit changes the diagnostics of files it
    // did not touch, and a client that pulls open documents only (no refresh) would never see those.
    session.clientPullsDiagnostics = capabilities.textDocument?.diagnostic !== undefined && capabilities.workspace?.diagnostics?.refreshSupport === true;
    if (session.clientPullsDiagnostics) workspace.pullDiagnostics(capabilities.textDocument?.diagnostic?.relatedDocumentSupport === true);
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    useSettings(context, readSettings(options?.settings ?? options));
    // Without workspace/configuration these are the settings: diagnostics go out as soon as they are found.
    if (!session.clientHasConfiguration) workspace.startDiagnostics();
    // Indexing starts now, not at `initialized`: requests wait for the index, never for the client.
    // After this answer is sent: the first walk of the folders is synchronous.
    setImmediate(() => workspace.start(folders, !session.clientWatchesFiles));
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['@', '=', '{', ' '], resolveProvider: true },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [...CODE_ACTION_KINDS] },
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...(session.clientPullsDiagnostics ? { diagnosticProvider: { identifier: 'corroborate', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
      },
      serverInfo: { name: 'corroborate' },
    };
  });

  connection.onInitialized(async () => {
    if (session.clientHasConfiguration) {
      try {
        useSettings(context, readSettings(await connection.workspace.getConfiguration('corroborate')));
      } catch (error) {
        // A client that cannot answer still gets its diagnostics, under the settings it gave at initialize.
        connection.console.warn(`reading the settings failed: ${String(error)}`);
      }
      workspace.startDiagnostics();
    }
    if (session.clientSendsFolderChanges) followWorkspaceFolders(context);
    if (session.clientWatchesFiles) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    }
  });

  connection.onShutdown(() => {
    session.state = 'shut down';
    workspace.close();
  });
}
