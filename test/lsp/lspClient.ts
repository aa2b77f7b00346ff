// A real LSP client for protocol tests: starts `corroborate lsp --stdio` as a
// child process and talks to it with vscode-languageserver-protocol. Waits are
// for notifications, with deadlines, never sleeps.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
  type Diagnostic,
  type FileChangeType,
  type ProtocolConnection,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { corpusDocumentsMethod, type CorpusDocumentsParams } from '../../server/src/lsp/customProtocol';

export const REPO = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(REPO, 'server', 'bin', 'corroborate.js');

// Corpus folders on disk, removed when the test process ends.
export { copySeeds, writeCorpus } from '../support/tempFolder';

export function uriOf(dir: string, file: string): string {
  return pathToFileURL(path.join(dir, file)).toString();
}

export interface ClientOptions {
  /** Whether the client offers workspace/didChangeWatchedFiles (several editors do not). */
  readonly watchesFiles?: boolean;
  readonly settings?: Record<string, unknown>;
}

export class LspClient {
  readonly connection: ProtocolConnection;
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly waiters: (() => void)[] = [];
  readonly stderr: string[] = [];
  /** The latest `corroborate/corpusDocuments` set: sent once the corpus is indexed. */
  corpusDocuments: readonly string[] = [];
  private versions = new Map<string, number>();

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.wake();
    });
    this.connection.onNotification(corpusDocumentsMethod, (params: CorpusDocumentsParams) => {
      this.corpusDocuments = params.uris;
      this.wake();
    });
    this.connection.listen();
  }

  static async start(dir: string, options: ClientOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [SERVER, 'lsp', '--stdio'], { cwd: dir });
    const client = new LspClient(child);
    client.connection.onRequest(RegistrationRequest.type, () => undefined);
    client.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => options.settings ?? {}));
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).toString(),
      workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: path.basename(dir) }],
      capabilities: {
        workspace: {
          didChangeWatchedFiles: { dynamicRegistration: options.watchesFiles ?? true },
          configuration: true,
        },
        textDocument: { publishDiagnostics: { relatedInformation: true } },
      },
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  diagnosticsOf(uri: string): Diagnostic[] {
    return this.diagnostics.get(uri) ?? [];
  }

  /** Waits until `check` holds, re-checked on every publishDiagnostics; fails with `what` at the deadline. */
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

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      this.connection.dispose();
      this.child.kill();
    }
  }
}

/** Applies LSP text edits to a text as an editor does; overlapping edits throw, as LSP forbids them. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('untitled:edited', 'corroborate', 0, text), [...edits]);
}

/** Applies a workspace edit to files on disk; returns the URIs it changed. */
export function applyWorkspaceEditOnDisk(edit: WorkspaceEdit): string[] {
  const changed: string[] = [];
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const file = new URL(uri);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, applyEdits(text, edits));
    changed.push(uri);
  }
  return changed;
}
