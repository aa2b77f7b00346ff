// A real LSP client for protocol tests: starts `corroborate lsp --stdio` as a
// child process and talks to it with vscode-languageserver-protocol. Waits are
// for notifications, with deadlines, never sleeps.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeLensRefreshRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  InlayHintRefreshRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShowMessageNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
  DiagnosticRefreshRequest,
  DocumentDiagnosticRequest,
  WorkspaceDiagnosticRequest,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
  type FileChangeType,
  type InitializeResult,
  type MessageType,
  type ProtocolConnection,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { corpusDocumentsMethod, type CorpusDocumentsParams } from '../../server/src/lsp/customProtocol';

export const REPO = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(REPO, 'server', 'bin', 'corroborate.js');

// Corpus folders on disk, removed when the test process ends.
export { copySeeds, tempFolder, writeCorpus } from '../support/tempFolder';

export function uriOf(dir: string, file: string): string {
  return pathToFileURL(path.join(dir, file)).toString();
}

export interface ClientOptions {
  /** Whether the client offers workspace/didChangeWatchedFiles (several editors do not). */
  readonly watchesFiles?: boolean;
  readonly settings?: Record<string, unknown>;
  /** Whether the client takes versioned `documentChanges` in workspace edits (VS Code does). */
  readonly versionedEdits?: boolean;
  /** Whether the client takes snippet edits in them (LSP 3.18 `snippetEditSupport`; VS Code's client does). */
  readonly snippetEdits?: boolean;
  /** The workspace folders, when not the one folder the server starts in. */
  readonly folders?: readonly string[];
  /**
   * Whether the client pulls diagnostics (LSP 3.17), declaring
   * `textDocument.diagnostic` and `workspace.diagnostics.refreshSupport`
   * as VS Code does; 'documents only' declares the first alone, as Neovim does.
   */
  readonly pullsDiagnostics?: boolean | 'documents only';
  /** Whether a pulling client takes other documents' reports in `relatedDocuments`. */
  readonly relatedDocuments?: boolean;
  /**
   * Whether the client declares the completion capabilities that let a server
   * leave parts out of each item, as VS Code's client does: what the items
   * share, sent once (LSP 3.17 `completionList.itemDefaults`, with 3.18's
   * `applyKindSupport` to merge `data`), and documentation and detail
   * resolved for the entry shown (`resolveSupport`).
   */
  readonly leanCompletion?: boolean;
  /** Whether the client draws code lenses and inlay hints again when the server asks (VS Code does). */
  readonly refreshesViews?: boolean;
  /** A client that never answers workspace/diagnostic/refresh (one that hangs): the server must not wait for it. */
  readonly leavesRefreshesUnanswered?: boolean;
}

const running = new Set<LspClient>();

/** Stops every server this test process started and did not stop: a test file's `after` hook. */
export async function stopServers(): Promise<void> {
  await Promise.all([...running].map((client) => client.stop().catch(() => undefined)));
}

export class LspClient {
  readonly connection: ProtocolConnection;
  /** The diagnostics shown per URI: as last published, or as last pulled. */
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  /** The result id of what was last pulled per URI, as a pulling editor keeps it. */
  readonly resultIds = new Map<string, string>();
  /** The URIs the server published diagnostics for. */
  readonly publishedUris = new Set<string>();
  private readonly waiters: (() => void)[] = [];
  readonly stderr: string[] = [];
  /** Everything the server logged or showed (window/logMessage, window/showMessage). */
  readonly messages: { readonly shown: boolean; readonly type: MessageType; readonly message: string }[] = [];
  /** The latest `corroborate/corpusDocuments` set: sent once the corpus is indexed. */
  corpusDocuments: readonly string[] = [];
  /** How many times the server asked to draw code lenses and inlay hints again, and to pull diagnostics again. */
  readonly refreshes = { codeLens: 0, inlayHints: 0, diagnostics: 0 };
  /** What the client answers workspace/configuration with: a test changes it, then says so with didChangeConfiguration. */
  settings: Record<string, unknown> = {};
  /** The refreshes counted when the client last answered workspace/configuration: those after it were asked under the settings it gave. */
  refreshesAtConfiguration: { readonly codeLens: number; readonly inlayHints: number } | undefined;
  private readonly versions = new Map<string, number>();
  private answersRefreshes = true;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.publishedUris.add(params.uri);
      this.wake();
    });
    this.connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshes.diagnostics++;
      this.wake();
      return this.answersRefreshes ? undefined : new Promise<void>(() => undefined);
    });
    this.connection.onNotification(corpusDocumentsMethod, (params: CorpusDocumentsParams) => {
      this.corpusDocuments = params.uris;
      this.wake();
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.messages.push({ shown: false, ...params });
      this.wake();
    });
    this.connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push({ shown: true, ...params });
      this.wake();
    });
    this.connection.onRequest(CodeLensRefreshRequest.type, () => {
      this.refreshes.codeLens++;
      this.wake();
    });
    this.connection.onRequest(InlayHintRefreshRequest.type, () => {
      this.refreshes.inlayHints++;
      this.wake();
    });
    this.connection.listen();
  }

  /** The server process, not yet initialized; stopped by stopServers() if not before. */
  static spawn(dir: string): LspClient {
    const client = new LspClient(spawn(process.execPath, [SERVER, 'lsp', '--stdio'], { cwd: dir }));
    running.add(client);
    return client;
  }

  /** A server initialized as an editor does: initialize, then initialized. */
  static async start(dir: string, options: ClientOptions = {}): Promise<LspClient> {
    const client = LspClient.spawn(dir);
    await client.initialize(dir, options);
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  async initialize(dir: string, options: ClientOptions = {}): Promise<InitializeResult> {
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.settings = options.settings ?? {};
    this.answersRefreshes = options.leavesRefreshesUnanswered !== true;
    this.connection.onRequest(ConfigurationRequest.type, (params) => {
      this.refreshesAtConfiguration = { ...this.refreshes };
      return params.items.map(() => this.settings);
    });
    const folders = options.folders ?? [dir];
    return this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).toString(),
      workspaceFolders: folders.map((folder) => ({ uri: pathToFileURL(folder).toString(), name: path.basename(folder) })),
      capabilities: {
        workspace: {
          didChangeWatchedFiles: { dynamicRegistration: options.watchesFiles ?? true },
          configuration: true,
          workspaceFolders: true,
          workspaceEdit: { documentChanges: options.versionedEdits ?? false, ...(options.snippetEdits === true ? { snippetEditSupport: true } : {}) },
          ...(options.pullsDiagnostics === true ? { diagnostics: { refreshSupport: true } } : {}),
          ...(options.refreshesViews ? { codeLens: { refreshSupport: true }, inlayHint: { refreshSupport: true } } : {}),
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true },
          ...(options.pullsDiagnostics ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: options.relatedDocuments ?? false } } : {}),
          ...(options.leanCompletion === true
            ? {
                completion: {
                  completionItem: { resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } },
                  completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'], applyKindSupport: true },
                },
              }
            : {}),
        },
      },
    });
  }

  /** textDocument/diagnostic with the result id last pulled for the document; what it shows is kept as an editor keeps it. */
  async pullDocument(uri: string): Promise<DocumentDiagnosticReport> {
    const previousResultId = this.resultIds.get(uri);
    const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId !== undefined ? { previousResultId } : {}) });
    this.take([{ uri, ...report }]);
    for (const [other, related] of Object.entries(report.relatedDocuments ?? {})) this.take([{ uri: other, ...related }]);
    return report;
  }

  /** workspace/diagnostic with every result id pulled so far, answered at once (no partial result token). */
  async pullWorkspace(): Promise<WorkspaceDocumentDiagnosticReport[]> {
    const previousResultIds = [...this.resultIds].map(([uri, value]) => ({ uri, value }));
    const { items } = await this.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds });
    this.take(items);
    return items;
  }

  /** Pulled reports applied as an editor applies them: `full` replaces a file's diagnostics, `unchanged` keeps them. */
  take(reports: readonly ({ uri: string; resultId?: string } & ({ kind: 'full'; items: Diagnostic[] } | { kind: 'unchanged' }))[]): void {
    for (const report of reports) {
      if (report.kind === 'full') this.diagnostics.set(report.uri, report.items);
      if (report.resultId !== undefined) this.resultIds.set(report.uri, report.resultId);
    }
    this.wake();
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  diagnosticsOf(uri: string): Diagnostic[] {
    return this.diagnostics.get(uri) ?? [];
  }

  /** Waits until `check` holds, re-checked on every notification from the server; fails with `what` at the deadline. */
  async waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The version of an open document this client sent last. */
  versionOf(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'corroborate', version: 1, text } });
  }

  /** Replaces the whole text of an open document. */
  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async fileChanged(uri: string, type: FileChangeType): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type }] });
  }

  /**
   * Writes notifications to the server's input in one write, as a client
   * does whose messages queue up while the server is busy: the server reads
   * them all at once.
   */
  sendAtOnce(notifications: readonly { readonly method: string; readonly params: unknown }[]): void {
    const frames = notifications.map(({ method, params }) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method, params }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    this.child.stdin.write(Buffer.concat(frames));
  }

  /**
   * Runs `work` with the server process stopped, as a server busy elsewhere
   * is: what `work` does on disk reaches it all at once when it goes on.
   */
  whileStopped(work: () => void): void {
    this.child.kill('SIGSTOP');
    try {
      work();
    } finally {
      this.child.kill('SIGCONT');
    }
  }

  async stop(): Promise<void> {
    running.delete(this);
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      this.connection.dispose();
      this.child.kill();
    }
  }
}

/** Applies LSP text edits to a text, as an editor would (\r\n, \n and a lone \r end lines). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///edited', 'corroborate', 0, text), [...edits]);
}

/** A workspace edit's edits per URI, whether sent as `changes` or as versioned `documentChanges`. */
export function editsByUri(edit: WorkspaceEdit): Map<string, { version: number | null | undefined; edits: TextEdit[] }> {
  const out = new Map<string, { version: number | null | undefined; edits: TextEdit[] }>();
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) out.set(uri, { version: undefined, edits });
  for (const change of edit.documentChanges ?? []) {
    if (!('edits' in change)) throw new Error(`a resource operation in a workspace edit: ${JSON.stringify(change)}`);
    if (out.has(change.textDocument.uri)) throw new Error(`two edits of ${change.textDocument.uri}`);
    out.set(change.textDocument.uri, {
      version: change.textDocument.version,
      edits: change.edits.map((e) => {
        if (!('newText' in e)) throw new Error(`a snippet edit in a workspace edit: ${JSON.stringify(e)}`);
        return e;
      }),
    });
  }
  return out;
}

/** Applies a workspace edit to files on disk; returns the URIs it changed. */
export function applyWorkspaceEditOnDisk(edit: WorkspaceEdit): string[] {
  const changed: string[] = [];
  for (const [uri, { edits }] of editsByUri(edit)) {
    const file = new URL(uri);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, applyEdits(text, edits));
    changed.push(uri);
  }
  return changed;
}
