// A minimal LSP client for the benchmark: starts `corroborate lsp --stdio`
// and talks to it with vscode-languageserver-protocol, as an editor does.
// Every notification and answer is stamped with performance.now() as it
// arrives. It declares one of two diagnostic modes: push (no `diagnostic`
// capability, as Neovim 0.7: the server must publish every corpus
// diagnostic) or pull (LSP 3.17's `textDocument.diagnostic` and
// `workspace.diagnostics.refreshSupport`, as VS Code's client does).

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { MemoryBreakdown } from './children/memoryBreakdown';
import {
  CancellationTokenSource,
  CompletionItemTag,
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DiagnosticRefreshRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  InsertTextMode,
  LogMessageNotification,
  MarkupKind,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  RequestType,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkspaceDiagnosticRequest,
  type ClientCapabilities,
  type CompletionClientCapabilities,
  type Diagnostic,
  type Position,
  type ProtocolConnection,
  type Range,
  type ServerCapabilities,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { claimsMatrixMethod, corpusDocumentsMethod, type ClaimsMatrixParams, type ClaimsMatrixResult, type CorpusDocumentsParams } from '../server/src/lsp/customProtocol';

const claimsMatrixRequest = new RequestType<ClaimsMatrixParams, ClaimsMatrixResult, void>(claimsMatrixMethod);

export type DiagnosticMode = 'push' | 'pull';

export interface Publish {
  readonly uri: string;
  readonly at: number;
  readonly diagnostics: number;
  /** Of which `possible-claim` hints. */
  readonly hints: number;
}

/** One document's pulled diagnostics: `full` (with a fingerprint of what they say) or `unchanged` since the result id sent. */
export interface PulledReport {
  readonly uri: string;
  readonly kind: 'full' | 'unchanged';
  readonly resultId?: string;
  /** Full reports: the diagnostics as JSON, to tell a full report that repeats the last one. */
  readonly content?: string;
}

export interface WorkspacePull {
  readonly at: number;
  readonly reports: readonly PulledReport[];
  /** The server kept the request open past the timeout (a streaming workspace pull); cancelled then. */
  readonly heldOpen: boolean;
}

/** What the server said it can do about pulled diagnostics. */
export interface PullSupport {
  readonly documents: boolean;
  readonly workspace: boolean;
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

/** VS Code sends a workspace pull again this long after the server answers one. */
const WORKSPACE_PULL_AGAIN_MS = 2000;

/** How long a server told to exit is given to do so (and write a CPU profile) before it is killed. */
const EXIT_WAIT_MS = 30_000;

/**
 * The completion capabilities VS Code's client declares (vscode-languageclient
 * 11, `CompletionItemFeature.fillClientCapabilities`), so a completion costs
 * what it costs VS Code's users: with them a server may send what the items
 * share once (`itemDefaults`) and leave documentation to completionItem/resolve.
 */
const VSCODE_COMPLETION: CompletionClientCapabilities = {
  // Static registration: the initialize answer alone says what the server offers (VS Code's client would also take a dynamic one).
  dynamicRegistration: false,
  contextSupport: true,
  completionItem: {
    snippetSupport: true,
    commitCharactersSupport: true,
    documentationFormat: [MarkupKind.Markdown, MarkupKind.PlainText],
    deprecatedSupport: true,
    preselectSupport: true,
    tagSupport: { valueSet: [CompletionItemTag.Deprecated] },
    insertReplaceSupport: true,
    resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
    insertTextModeSupport: { valueSet: [InsertTextMode.asIs, InsertTextMode.adjustIndentation] },
    labelDetailsSupport: true,
  },
  insertTextMode: InsertTextMode.adjustIndentation,
  completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'], applyKindSupport: true },
};

/** Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ). */
const TICKS_PER_SECOND = 100;

function reportOf(uri: string, report: { kind: string; resultId?: string; items?: readonly Diagnostic[] }): PulledReport {
  if (report.kind === 'unchanged') return { uri, kind: 'unchanged', ...(report.resultId !== undefined ? { resultId: report.resultId } : {}) };
  return { uri, kind: 'full', ...(report.resultId !== undefined ? { resultId: report.resultId } : {}), content: JSON.stringify(report.items ?? []) };
}

export class BenchClient {
  readonly publishes: Publish[] = [];
  /** When each `workspace/diagnostic/refresh` arrived. */
  readonly refreshes: number[] = [];
  /** Called on each `workspace/diagnostic/refresh`, once stamped: VS Code then pulls every document it shows. */
  onRefresh: () => void = () => undefined;
  readonly logs: string[] = [];
  /** When `corroborate/corpusDocuments` arrived: the server sends it once indexed (and, in push mode, published). */
  corpusDocumentsAt?: number;
  corpusDocuments: readonly string[] = [];
  private serverCapabilities: ServerCapabilities = {};
  private readonly connection: ProtocolConnection;
  private readonly waiters: (() => void)[] = [];
  private readonly versions = new Map<string, number>();
  private readonly stderr: string[] = [];
  private progressTokens = 0;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly mode: DiagnosticMode,
  ) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const hints = params.diagnostics.filter((diagnostic) => diagnostic.code === 'possible-claim').length;
      this.publishes.push({ uri: params.uri, at: performance.now(), diagnostics: params.diagnostics.length, hints });
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
    this.connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshes.push(performance.now());
      this.onRefresh();
      this.wake();
    });
    this.connection.listen();
  }

  /**
   * `nodeOptions`: Node flags for the server's process, before its script (heap snapshots, a CPU profile); the bench's own NODE_OPTIONS are not passed on.
   * `env`: variables set for the server's process on top of the bench's own.
   */
  static start(serverScript: string, cwd: string, mode: DiagnosticMode, nodeOptions: readonly string[] = [], env: Readonly<Record<string, string>> = {}): BenchClient {
    const serverEnv = { ...process.env, ...env };
    delete serverEnv.NODE_OPTIONS;
    return new BenchClient(spawn(process.execPath, [...nodeOptions, serverScript, 'lsp', '--stdio'], { cwd, env: serverEnv }), mode);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /**
   * What the server's resident set is made of now, from inside (`--memory-breakdown`:
   * the server preloads bench/children/memoryBreakdown.ts, which answers SIGUSR2
   * with a line in `dir`). Undefined if no line came within 10 s.
   */
  async memoryBreakdown(dir: string): Promise<MemoryBreakdown | undefined> {
    const file = path.join(dir, `memory-${this.pid}.jsonl`);
    const lines = () => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.length > 0) : []);
    const before = lines().length;
    process.kill(this.pid, 'SIGUSR2');
    const deadline = performance.now() + 10_000;
    while (performance.now() < deadline) {
      const now = lines();
      const last = now[now.length - 1];
      if (now.length > before && last !== undefined) return JSON.parse(last) as MemoryBreakdown;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return undefined;
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

  /**
   * CPU time the server has used so far, user and system, all threads, in ms
   * (Linux /proc; 10 ms resolution, so it is read over many edits at once).
   * Work a server defers until after it answers still shows here.
   */
  cpuMs(): number | undefined {
    try {
      const stat = fs.readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces: state is field 3, utime 14, stime 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
    } catch {
      return undefined;
    }
  }

  private capabilities(): ClientCapabilities {
    const pull = this.mode === 'pull';
    return {
      workspace: {
        didChangeWatchedFiles: { dynamicRegistration: true },
        configuration: true,
        ...(pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      textDocument: {
        publishDiagnostics: { relatedInformation: true },
        hover: { contentFormat: ['markdown'] },
        completion: VSCODE_COMPLETION,
        // Static registration only, so the initialize answer alone says whether the server pulls.
        ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    };
  }

  async initialize(dir: string): Promise<void> {
    const root = pathToFileURL(dir).toString();
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: path.basename(dir) }],
      capabilities: this.capabilities(),
    });
    this.serverCapabilities = result.capabilities;
  }

  /** Pulled diagnostics as the server offered them in its initialize answer. */
  pullSupport(): PullSupport {
    const provider = this.serverCapabilities.diagnosticProvider;
    return provider === undefined ? { documents: false, workspace: false } : { documents: true, workspace: provider.workspaceDiagnostics };
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

  /** Sends a hover; resolves with when the answer arrived and the answer itself as JSON (`null` when empty). */
  async hover(uri: string, position: Position): Promise<{ at: number; found: boolean; answer: string }> {
    const result = await this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    return { at: performance.now(), found: result !== null, answer: JSON.stringify(result) };
  }

  /** The claims matrix request the editor's matrix view sends; resolves with when the answer arrived, its size as JSON and its rows. */
  async claimsMatrix(params: ClaimsMatrixParams): Promise<{ at: number; bytes: number; rows: number; cells: number }> {
    const result = await this.connection.sendRequest(claimsMatrixRequest, params);
    const rows = result.matrix?.rows ?? [];
    return { at: performance.now(), bytes: JSON.stringify(result).length, rows: rows.length, cells: rows.reduce((n, row) => n + row.cells.length, 0) };
  }

  /** Sends a completion; resolves with when the answer arrived, its items, and its size as JSON in UTF-8 bytes (the message's envelope left out). */
  async completion(uri: string, position: Position): Promise<{ at: number; items: number; bytes: number }> {
    const result = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    const at = performance.now();
    const items = result === null ? 0 : Array.isArray(result) ? result.length : result.items.length;
    return { at, items, bytes: Buffer.byteLength(JSON.stringify(result)) };
  }

  /** `textDocument/diagnostic`: one document's diagnostics, `unchanged` when they are still those of `previousResultId`. */
  async pullDocument(uri: string, previousResultId: string | undefined): Promise<PulledReport & { at: number }> {
    const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, {
      textDocument: { uri },
      ...(previousResultId !== undefined ? { previousResultId } : {}),
    });
    return { ...reportOf(uri, report), at: performance.now() };
  }

  /**
   * `workspace/diagnostic` with the result ids the client holds. Partial
   * results streamed through `$/progress` are collected with the final
   * answer; a server that holds the request open (allowed, to stream later
   * changes) is cancelled once it has streamed nothing for `idleMs` (or after
   * `timeoutMs` in all) and reported as such: it had nothing more to say.
   */
  async pullWorkspace(previousResultIds: ReadonlyMap<string, string>, timeoutMs: number, idleMs = timeoutMs): Promise<WorkspacePull> {
    const token = `bench-workspace-${++this.progressTokens}`;
    const reports: PulledReport[] = [];
    const started = performance.now();
    let lastAt = started;
    const cancel = new CancellationTokenSource();
    let heldOpen = false;
    const holdOver = () => {
      heldOpen = true;
      cancel.cancel();
    };
    let idle = setTimeout(holdOver, idleMs);
    const collect = (items: readonly WorkspaceDocumentDiagnosticReport[]) => {
      for (const item of items) reports.push(reportOf(item.uri, item));
      lastAt = performance.now();
      clearTimeout(idle);
      idle = setTimeout(holdOver, Math.min(idleMs, started + timeoutMs - lastAt));
    };
    const progress = this.connection.onProgress(WorkspaceDiagnosticRequest.partialResult, token, (value) => collect(value.items));
    const timer = setTimeout(holdOver, timeoutMs);
    try {
      const result = await this.connection.sendRequest(
        WorkspaceDiagnosticRequest.type,
        { partialResultToken: token, previousResultIds: [...previousResultIds].map(([uri, value]) => ({ uri, value })) },
        cancel.token,
      );
      collect(result?.items ?? []);
    } catch (error) {
      if (!heldOpen) throw error;
    } finally {
      clearTimeout(timer);
      clearTimeout(idle);
      progress.dispose();
      cancel.dispose();
    }
    return { at: lastAt, reports, heldOpen };
  }

  /**
   * A workspace pull kept going as VS Code keeps it: sent with the result
   * ids the client holds, its reports handed to `onReports` as they stream,
   * and sent again two seconds after the server answers it (a server may
   * hold it open instead, streaming each change). `stop` cancels it.
   */
  holdWorkspacePull(resultIds: () => ReadonlyMap<string, string>, onReports: (reports: readonly PulledReport[], at: number) => void): { stop(): Promise<void> } {
    let stopped = false;
    let cancel: CancellationTokenSource | undefined;
    let current: Promise<void> = Promise.resolve();
    let again: NodeJS.Timeout | undefined;
    const collect = (items: readonly WorkspaceDocumentDiagnosticReport[]) => onReports(items.map((item) => reportOf(item.uri, item)), performance.now());
    const send = () => {
      if (stopped) return;
      const token = `bench-workspace-${++this.progressTokens}`;
      const source = new CancellationTokenSource();
      cancel = source;
      const progress = this.connection.onProgress(WorkspaceDiagnosticRequest.partialResult, token, (value) => collect(value.items));
      current = this.connection
        .sendRequest(WorkspaceDiagnosticRequest.type, { partialResultToken: token, previousResultIds: [...resultIds()].map(([uri, value]) => ({ uri, value })) }, source.token)
        .then(
          (result) => {
            collect(result?.items ?? []);
            again = setTimeout(send, WORKSPACE_PULL_AGAIN_MS);
          },
          (error: unknown) => {
            if (!stopped) throw error;
          },
        )
        .finally(() => {
          progress.dispose();
          source.dispose();
        });
    };
    send();
    return {
      stop: async () => {
        stopped = true;
        clearTimeout(again);
        cancel?.cancel();
        await current;
      },
    };
  }

  private exited(timeoutMs: number): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
      // A server under --cpu-prof writes its profile as it exits: let it, before the kill below.
      await this.exited(EXIT_WAIT_MS);
    } finally {
      this.connection.dispose();
      this.child.kill();
    }
  }
}
