// A minimal LSP client for the benchmark: starts `corroborate lsp --stdio`
// and talks to it with vscode-languageserver-protocol, as an editor does.
// Every notification is stamped with performance.now() as it arrives.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Position,
  type ProtocolConnection,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { corpusDocumentsMethod, type CorpusDocumentsParams } from '../server/src/lsp/customProtocol';

export interface Publish {
  readonly uri: string;
  readonly at: number;
  readonly diagnostics: number;
}

/** LSP position of a string offset; offsets are UTF-16 code units, as LSP counts characters. */
export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

export function uriOf(dir: string, file: string): string {
  return pathToFileURL(path.join(dir, file)).toString();
}

export class BenchClient {
  readonly publishes: Publish[] = [];
  readonly logs: string[] = [];
  /** When `corroborate/corpusDocuments` arrived: the server sends it once indexed and published. */
  corpusDocumentsAt?: number;
  corpusDocuments: readonly string[] = [];
  private readonly connection: ProtocolConnection;
  private readonly waiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();
  private readonly stderr: string[] = [];

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.publishes.push({ uri: params.uri, at: performance.now(), diagnostics: params.diagnostics.length });
      this.wake();
    });
    this.connection.onNotification(corpusDocumentsMethod, (params: CorpusDocumentsParams) => {
      this.corpusDocumentsAt = performance.now();
      this.corpusDocuments = params.uris;
      this.wake();
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
    // As VS Code does: accept the file-watcher registration, answer settings with the defaults.
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({})));
    this.connection.listen();
  }

  static start(serverScript: string, cwd: string): BenchClient {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    return new BenchClient(spawn(process.execPath, [serverScript, 'lsp', '--stdio'], { cwd, env }));
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Resident set of the server process now, and its peak so far, in MB (Linux /proc). */
  memory(): { rssMb?: number; peakRssMb?: number } {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const field = (name: string) => {
        const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
        return match ? Number(match[1]) / 1024 : undefined;
      };
      const rssMb = field('VmRSS');
      const peakRssMb = field('VmHWM');
      return { ...(rssMb !== undefined ? { rssMb } : {}), ...(peakRssMb !== undefined ? { peakRssMb } : {}) };
    } catch {
      return {};
    }
  }

  async initialize(dir: string): Promise<void> {
    const root = pathToFileURL(dir).toString();
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: path.basename(dir) }],
      capabilities: {
        workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, configuration: true },
        textDocument: { publishDiagnostics: { relatedInformation: true }, hover: { contentFormat: ['markdown'] } },
      },
    });
  }

  /** Sends `initialized`; returns when it was sent. */
  async initialized(): Promise<number> {
    const at = performance.now();
    await this.connection.sendNotification(InitializedNotification.type, {});
    return at;
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Waits until `check` holds, re-checked on every notification. */
  async waitFor(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!check()) {
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; server stderr: ${this.stderr.join('').slice(-2000)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** One incremental change, as an editor sends a keystroke or a paste. */
  async change(uri: string, range: Range, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /** Sends a hover; resolves with when the answer arrived and whether it had content. */
  async hover(uri: string, position: Position): Promise<{ at: number; found: boolean }> {
    const result = await this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    return { at: performance.now(), found: result !== null };
  }

  async completion(uri: string, position: Position): Promise<{ at: number; items: number }> {
    const result = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    const items = result === null ? 0 : Array.isArray(result) ? result.length : result.items.length;
    return { at: performance.now(), items };
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
