// The language server: maps LSP onto the engine and the features. It owns the
// corpora of the workspace, follows buffers and the disk, and publishes each
// file's diagnostics only when they changed.

import { existsSync, watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  ResponseError,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
  type Location as LspLocation,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
  type WorkspaceFolder,
  type WorkspaceSymbol,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { Diagnostic, Severity } from '../engine/diagnostics';
import { REGISTRY_FILE } from '../engine/registry';
import type { TextRange } from '../engine/syntax';
import { codeActions } from '../features/codeActions';
import { complete, type CompletionEntry } from '../features/completion';
import { hover } from '../features/hover';
import type { FileRange, TextEdit } from '../features/locate';
import { definition, prepareRename, references, rename } from '../features/navigation';
import { documentSymbols, workspaceSymbols, type DocumentSymbolNode } from '../features/symbols';
import { LineIndexCache, toLspDiagnostic, toOffset, toOffsets, toRange } from './convert';
import { CorpusHost } from './corpusHost';
import { corpusDocumentsMethod, type CorpusDocumentsParams } from './customProtocol';
import { missingParams, type RequestName } from './requestParams';

export interface Settings {
  /** Severity of conflicting-claims and inconsistent-reports. */
  readonly contradictionSeverity: 'error' | 'warning' | 'information';
  readonly hintUnannotatedMentions: boolean;
}

const DEFAULT_SETTINGS: Settings = { contradictionSeverity: 'warning', hintUnannotatedMentions: true };
const CONTRADICTIONS = new Set(['conflicting-claims', 'inconsistent-reports']);

function readSettings(value: unknown): Settings {
  const raw = (value ?? {}) as Partial<Record<keyof Settings, unknown>>;
  const severity = raw.contradictionSeverity;
  return {
    contradictionSeverity: severity === 'error' || severity === 'information' || severity === 'warning' ? severity : DEFAULT_SETTINGS.contradictionSeverity,
    hintUnannotatedMentions: typeof raw.hintUnannotatedMentions === 'boolean' ? raw.hintUnannotatedMentions : DEFAULT_SETTINGS.hintUnannotatedMentions,
  };
}

const IGNORED_FOLDERS = ['**/node_modules/**', '**/.git/**'];

/**
 * Diagnostics published for one file, at most: more cannot be read in an
 * editor, and a report of contradicting claims can have hundreds of
 * thousands, which as one LSP message is over 500 MB of JSON (more than a
 * JavaScript string holds: publishing then failed for every file after it).
 * The CLI lists them all.
 */
const MAX_PUBLISHED = 1000;
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** Where a URI lives: which corpus, which file of it. */
interface Place {
  readonly host: CorpusHost;
  readonly file: string;
}

export function startServer(connection: Connection): void {
  const buffers = new TextDocuments(TextDocument);
  const lineIndexes = new LineIndexCache();
  /** Last diagnostics sent per URI, serialised, so unchanged files are not re-sent. */
  const published = new Map<string, string>();
  let hosts: CorpusHost[] = [];
  let folders: string[] = [];
  let settings = DEFAULT_SETTINGS;
  let clientWatchesFiles = false;
  let clientHasConfiguration = false;
  let folderWatchers: FSWatcher[] = [];
  /** Mutations run one after another: disk reads are asynchronous, buffers are not. */
  let queue: Promise<void> = Promise.resolve();
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  const log = (message: string) => connection.console.log(message);

  function enqueue(what: string, work: () => Promise<void>): void {
    queue = queue.then(work).catch((error: unknown) => {
      connection.console.error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    });
  }

  /** The deepest corpus whose folder holds the URI. */
  function placeOf(uri: string): Place | undefined {
    let best: Place | undefined;
    for (const host of hosts) {
      const file = host.fileOf(uri);
      if (file === undefined) continue;
      if (!best || host.root.length > best.host.root.length) best = { host, file };
    }
    return best;
  }

  /** A place whose file the corpus knows: a document of it, or its corroborate.yaml. */
  function knownPlaceOf(uri: string): Place | undefined {
    const place = placeOf(uri);
    if (!place) return undefined;
    if (place.file !== REGISTRY_FILE && !place.host.corpus.has(place.file)) return undefined;
    return place;
  }

  function indexOf(host: CorpusHost, file: string) {
    return lineIndexes.get(`${host.root}\u0000${file}`, host.textOf(file) ?? '');
  }

  function severityOf(diagnostic: Diagnostic): Severity {
    return CONTRADICTIONS.has(diagnostic.code) ? settings.contradictionSeverity : diagnostic.severity;
  }

  function publish(host: CorpusHost, files: Iterable<string>): void {
    for (const file of files) {
      const uri = host.uriOf(file);
      const known = file === REGISTRY_FILE || host.corpus.has(file);
      const open = host.isOpen(file) || buffers.get(uri) !== undefined;
      const shown = known
        ? host.corpus.diagnostics(file).filter((d) => (d.severity !== 'hint' || open) && (d.code !== 'unannotated-mention' || settings.hintUnannotatedMentions))
        : [];
      const diagnostics: LspDiagnostic[] = mostSevere(shown).map((d) =>
        toLspDiagnostic(d, {
          index: indexOf(host, file),
          locate: (other, range) => (host.textOf(other) === undefined ? undefined : { uri: host.uriOf(other), range: toRange(indexOf(host, other), range) }),
          severity: severityOf,
        }),
      );
      if (shown.length > MAX_PUBLISHED) {
        diagnostics.push({
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Information,
          source: 'corroborate',
          message: `${shown.length - MAX_PUBLISHED} more diagnostics in this file are not shown (the editor shows the first ${MAX_PUBLISHED}, errors first): run \`corroborate check\` to list them all`,
        });
      }
      const serialised = JSON.stringify(diagnostics);
      if (published.get(uri) === serialised) continue;
      if (diagnostics.length === 0 && !published.has(uri)) continue;
      published.set(uri, serialised);
      void connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  /** At most MAX_PUBLISHED diagnostics, the most severe, in the corpus's order. */
  function mostSevere(diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
    if (diagnostics.length <= MAX_PUBLISHED) return diagnostics;
    const rank = (d: Diagnostic) => SEVERITY_RANK[severityOf(d)];
    const kept = new Set([...diagnostics].sort((a, b) => rank(a) - rank(b)).slice(0, MAX_PUBLISHED));
    return diagnostics.filter((d) => kept.has(d));
  }

  function publishAll(): void {
    for (const host of hosts) publish(host, [REGISTRY_FILE, ...host.corpus.files()]);
  }

  function announceDocuments(): void {
    const params: CorpusDocumentsParams = { uris: hosts.flatMap((host) => host.corpus.files().map((file) => host.uriOf(file))) };
    void connection.sendNotification(corpusDocumentsMethod, params);
  }

  /** Every folder under the workspace folders that holds a corroborate.yaml. */
  async function findCorpusRoots(): Promise<string[]> {
    const roots = new Set<string>();
    for (const folder of folders) {
      const found = await glob(['**/corroborate.yaml'], { cwd: folder, ignore: IGNORED_FOLDERS, absolute: true, followSymbolicLinks: false });
      for (const registry of found) roots.add(path.dirname(registry));
    }
    return [...roots].sort();
  }

  /** Brings `hosts` in line with the corroborate.yaml files present now. */
  async function syncHosts(): Promise<void> {
    const roots = await findCorpusRoots();
    const kept: CorpusHost[] = [];
    for (const host of hosts) {
      if (roots.includes(host.root)) kept.push(host);
      else forget(host);
    }
    for (const root of roots) {
      if (kept.some((h) => h.root === root)) continue;
      const started = Date.now();
      const host = await CorpusHost.load(root);
      kept.push(host);
      log(`indexed ${root}: ${host.corpus.files().length} documents in ${Date.now() - started} ms`);
    }
    const moved = [...roots.filter((root) => !hosts.some((h) => h.root === root)), ...hosts.filter((h) => !roots.includes(h.root)).map((h) => h.root)];
    hosts = kept;
    // The nearest corroborate.yaml owns a document: a corpus above one that came or went gains or loses documents.
    for (const host of kept) {
      if (moved.some((root) => root.startsWith(host.root + path.sep))) publish(host, (await host.rediscover()).touched);
    }
    for (const buffer of buffers.all()) await adopt(buffer);
    publishAll();
    announceDocuments();
  }

  function forget(host: CorpusHost): void {
    for (const file of [REGISTRY_FILE, ...host.corpus.files()]) {
      const uri = host.uriOf(file);
      if (published.has(uri)) {
        published.delete(uri);
        void connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
  }

  /** The documents globs of a corpus, to tell when an edit of corroborate.yaml changed them. */
  function globsOf(host: CorpusHost): string {
    return host.corpus.registry.documents.map((d) => d.value).join('\n');
  }

  /**
   * An open buffer of a corpus file: its text wins over the disk's. When it
   * is corroborate.yaml and its globs changed, the documents are found again,
   * on opening too: a buffer's text is always its latest, so the edits queued
   * behind an open find the globs already changed.
   */
  async function adopt(buffer: TextDocument): Promise<void> {
    const place = placeOf(buffer.uri);
    if (!place) return;
    const globsBefore = globsOf(place.host);
    const touched = place.host.adoptBuffer(place.file, buffer.getText());
    if (!touched) return;
    // The file itself even when its text is the disk's: open, it shows its hints.
    touched.add(place.file);
    publish(place.host, touched);
    if (place.file !== REGISTRY_FILE || globsOf(place.host) === globsBefore) return;
    if (await rediscover(place.host)) announceDocuments();
  }

  /**
   * Runs a corpus's globs again. A document they bring in that is open in the
   * editor takes its buffer's text, not the disk's. True when the set of
   * documents changed.
   */
  async function rediscover(host: CorpusHost): Promise<boolean> {
    const result = await host.rediscover();
    publish(host, result.touched);
    for (const buffer of buffers.all()) {
      const place = placeOf(buffer.uri);
      if (place?.host === host && place.file !== REGISTRY_FILE) await adopt(buffer);
    }
    return result.membershipChanged;
  }

  /**
   * For clients that do not offer file watching. Node's recursive fs.watch
   * reports every write; a watcher that throttles can drop the last write of
   * a burst and leave the index on a stale text.
   */
  function startFolderWatchers(): void {
    for (const watcher of folderWatchers) watcher.close();
    folderWatchers = folders.map((folder) => {
      const watcher = watch(folder, { recursive: true }, (event, name) => {
        if (name === null || /(^|[\\/])(node_modules|\.git)([\\/]|$)/.test(name)) return;
        const file = path.join(folder, name);
        const type = event === 'change' ? FileChangeType.Changed : existsSync(file) ? FileChangeType.Created : FileChangeType.Deleted;
        onDiskChange([{ uri: URI.file(file).toString(), type }]);
      });
      watcher.on('error', (error) => connection.console.warn(`watching ${folder}: ${String(error)}`));
      return watcher;
    });
  }

  function onDiskChange(changes: readonly { uri: string; type: FileChangeType }[]): void {
    enqueue('following the disk', async () => {
      let registriesChanged = false;
      const toRediscover = new Set<CorpusHost>();
      const reload: Place[] = [];
      for (const change of changes) {
        const fsPath = URI.parse(change.uri).fsPath;
        if (path.basename(fsPath) === REGISTRY_FILE) {
          const host = hosts.find((h) => h.root === path.dirname(fsPath));
          if (!host || change.type !== FileChangeType.Changed) registriesChanged = true;
          else reload.push({ host, file: REGISTRY_FILE });
          continue;
        }
        const place = placeOf(change.uri);
        if (!place) continue;
        if (change.type === FileChangeType.Changed && place.host.corpus.has(place.file)) reload.push(place);
        else toRediscover.add(place.host);
      }
      if (registriesChanged) await syncHosts();
      for (const { host, file } of reload) {
        if (!hosts.includes(host)) continue;
        const touched = await host.reloadFromDisk(file);
        if (file === REGISTRY_FILE && touched.size > 0) toRediscover.add(host);
        publish(host, touched);
      }
      let membershipChanged = false;
      for (const host of toRediscover) {
        if (!hosts.includes(host)) continue;
        membershipChanged = (await rediscover(host)) || membershipChanged;
      }
      if (membershipChanged) announceDocuments();
    });
  }

  /** Runs a request against the current state; a fault answers an error and is logged once. */
  function guard<P, R>(name: RequestName, handler: (params: P) => R): (params: P) => Promise<R | ResponseError<void>> {
    return async (params: P) => {
      const missing = missingParams(name, params);
      if (missing !== undefined) return new ResponseError(ErrorCodes.InvalidParams, missing);
      await ready;
      try {
        return handler(params);
      } catch (error) {
        // A refusal the handler means (renaming prose, say) is an answer, not a fault: it goes back as it is.
        if (error instanceof ResponseError) return error as ResponseError<void>;
        const where = (params as { textDocument?: { uri?: string } }).textDocument?.uri;
        connection.console.error(`${name}${where ? ` on ${where}` : ''} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return new ResponseError(ErrorCodes.InternalError, `Corroborate could not answer ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
  }

  function toLspLocation(host: CorpusHost, location: FileRange): LspLocation {
    return { uri: host.uriOf(location.file), range: toRange(indexOf(host, location.file), location) };
  }

  function toWorkspaceEdit(host: CorpusHost, edits: readonly TextEdit[]): WorkspaceEdit {
    const changes: Record<string, LspTextEdit[]> = {};
    for (const edit of edits) {
      const uri = host.uriOf(edit.file);
      (changes[uri] ??= []).push({ range: toRange(indexOf(host, edit.file), edit), newText: edit.newText });
    }
    return { changes };
  }

  function offsetIn(place: Place, position: { line: number; character: number }): number {
    return toOffset(indexOf(place.host, place.file), position);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const workspaceFolders: readonly WorkspaceFolder[] = params.workspaceFolders ?? [];
    folders = workspaceFolders.map((f) => URI.parse(f.uri).fsPath);
    if (folders.length === 0 && params.rootUri) folders = [URI.parse(params.rootUri).fsPath];
    clientWatchesFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    clientHasConfiguration = params.capabilities.workspace?.configuration === true;
    settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings ?? params.initializationOptions);
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['@', '=', '{', ' '] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'corroborate' },
    };
  });

  connection.onInitialized(() => {
    enqueue('indexing the workspace', async () => {
      try {
        if (clientHasConfiguration) settings = readSettings(await connection.workspace.getConfiguration('corroborate'));
        if (clientWatchesFiles) {
          await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
        } else {
          startFolderWatchers();
        }
        await syncHosts();
      } finally {
        // Requests wait for the index; a failed indexing (logged) must not leave them waiting forever.
        resolveReady();
      }
    });
    if (clientHasConfiguration) {
      connection.onDidChangeConfiguration(() => {
        enqueue('reading settings', async () => {
          settings = readSettings(await connection.workspace.getConfiguration('corroborate'));
          published.clear();
          publishAll();
        });
      });
    }
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => URI.parse(f.uri).fsPath));
      folders = [...folders.filter((f) => !removed.has(f)), ...event.added.map((f) => URI.parse(f.uri).fsPath)];
      if (!clientWatchesFiles) startFolderWatchers();
      enqueue('changing workspace folders', syncHosts);
    });
  });

  connection.onDidChangeWatchedFiles((params) => onDiskChange(params.changes));

  buffers.onDidOpen((event) => enqueue('opening a document', () => adopt(event.document)));

  buffers.onDidChangeContent((event) => enqueue('applying an edit', () => adopt(event.document)));

  buffers.onDidClose((event) => {
    enqueue('closing a document', async () => {
      const place = placeOf(event.document.uri);
      if (!place) return;
      const globsBefore = globsOf(place.host);
      const touched = await place.host.closeBuffer(place.file);
      touched.add(place.file);
      publish(place.host, touched);
      // Closing corroborate.yaml unsaved brings back the disk's globs.
      if (place.file === REGISTRY_FILE && globsOf(place.host) !== globsBefore && (await rediscover(place.host))) announceDocuments();
    });
  });

  connection.onHover(
    guard('hover', (params) => {
      const place = knownPlaceOf(params.textDocument.uri);
      if (!place) return null;
      const found = hover(place.host.corpus, place.file, offsetIn(place, params.position));
      if (!found) return null;
      return { contents: { kind: 'markdown', value: found.markdown }, range: toRange(indexOf(place.host, place.file), found.range) };
    }),
  );

  connection.onCompletion(
    guard('completion', (params): CompletionItem[] => {
      const place = knownPlaceOf(params.textDocument.uri);
      if (!place) return [];
      const index = indexOf(place.host, place.file);
      return complete(place.host.corpus, place.file, offsetIn(place, params.position)).map((entry: CompletionEntry) => ({
        label: entry.label,
        kind: COMPLETION_KIND[entry.kind],
        ...(entry.detail !== undefined ? { detail: entry.detail } : {}),
        ...(entry.documentation !== undefined ? { documentation: { kind: 'markdown', value: entry.documentation } } : {}),
        ...(entry.filterText !== undefined ? { filterText: entry.filterText } : {}),
        ...(entry.sortText !== undefined ? { sortText: entry.sortText } : {}),
        textEdit: { range: toRange(index, entry.replace), newText: entry.insertText },
      }));
    }),
  );

  connection.onDefinition(
    guard('definition', (params) => {
      const place = knownPlaceOf(params.textDocument.uri);
      if (!place) return null;
      return definition(place.host.corpus, place.file, offsetIn(place, params.position)).map((l) => toLspLocation(place.host, l));
    }),
  );

  connection.onReferences(
    guard('references', (params) => {
      const place = knownPlaceOf(params.textDocument.uri);
      if (!place) return null;
      return references(place.host.corpus, place.file, offsetIn(place, params.position), params.context.includeDeclaration).map((l) => toLspLocation(place.host, l));
    }),
  );

  connection.onPrepareRename(
    guard('prepareRename', (params) => {
      const place = knownPlaceOf(params.textDocument.uri);
      if (!place) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only ids of a Corroborate corpus can be renamed here.');
      const result = prepareRename(place.host.corpus, place.file, offsetIn(place, params.position));
      if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
      return { range: toRange(indexOf(place.host, place.file), result.range), placeholder: result.placeholder };
    }),
  );

  connection.onRenameRequest(
    guard('rename', (params) => {
      const place = knownPlaceOf(params.textDocument.uri);
      if (!place) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only ids of a Corroborate corpus can be renamed here.');
      const result = rename(place.host.corpus, place.file, offsetIn(place, params.position), params.newName);
      if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
      return toWorkspaceEdit(place.host, result.edits);
    }),
  );

  connection.onDocumentSymbol(
    guard('documentSymbol', (params) => {
      const place = knownPlaceOf(params.textDocument.uri);
      if (!place) return [];
      const index = indexOf(place.host, place.file);
      const convert = (node: DocumentSymbolNode): DocumentSymbol => ({
        name: node.name || ' ',
        ...(node.detail !== undefined ? { detail: node.detail } : {}),
        kind: SYMBOL_KIND[node.kind],
        range: toRange(index, node.range),
        selectionRange: toRange(index, node.selectionRange),
        children: node.children.map(convert),
      });
      return documentSymbols(place.host.corpus, place.file).map(convert);
    }),
  );

  connection.onWorkspaceSymbol(
    guard('workspaceSymbol', (params): WorkspaceSymbol[] =>
      hosts.flatMap((host) =>
        workspaceSymbols(host.corpus, params.query).map((symbol) => ({
          name: symbol.name,
          kind: SYMBOL_KIND[symbol.kind],
          ...(symbol.detail !== undefined ? { containerName: symbol.detail } : {}),
          location: toLspLocation(host, symbol.location),
        })),
      ),
    ),
  );

  connection.onCodeAction(
    guard('codeAction', (params): CodeAction[] => {
      const place = knownPlaceOf(params.textDocument.uri);
      if (!place) return [];
      const range: TextRange = toOffsets(indexOf(place.host, place.file), params.range);
      const overlapping = place.host.corpus.diagnostics(place.file).filter((d) => d.start <= range.end && range.start <= d.end);
      const index = indexOf(place.host, place.file);
      return codeActions(place.host.corpus, place.file, range, overlapping).map((action) => ({
        title: action.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: action.diagnostics.map((d) => toLspDiagnostic(d, { index, locate: () => undefined, severity: severityOf })),
        ...(action.isPreferred ? { isPreferred: true } : {}),
        edit: toWorkspaceEdit(place.host, action.edits),
      }));
    }),
  );

  connection.onShutdown(() => {
    for (const watcher of folderWatchers) watcher.close();
  });

  buffers.listen(connection);
  connection.listen();
}

const COMPLETION_KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  entity: CompletionItemKind.Reference,
  property: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  keyword: CompletionItemKind.Keyword,
};

const SYMBOL_KIND: Record<DocumentSymbolNode['kind'] | 'actor' | 'place' | 'event' | 'property', SymbolKind> = {
  claim: SymbolKind.Event,
  mention: SymbolKind.Variable,
  skip: SymbolKind.Null,
  section: SymbolKind.Module,
  actor: SymbolKind.Class,
  place: SymbolKind.Namespace,
  event: SymbolKind.Event,
  property: SymbolKind.Property,
};
