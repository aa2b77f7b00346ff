// The corpora of the workspace and how they follow the client and the disk.
//
// Two kinds of change reach a corpus, and they never wait for each other:
// - The client's buffers. They are applied in one synchronous step
//   (applyBuffers) — before every request, and once the client has nothing
//   more queued — so a request always reads the text of the version the
//   client sent last, and a burst of keystrokes is checked once, on its
//   latest text.
// - The disk. Finding corpora and running globs take time; that work runs
//   one task after another in a queue, each reading first and then applying
//   what it read in one synchronous step that never puts the disk's text
//   over an open buffer's.

import { statSync } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { FileChangeType, MessageType, ShowMessageNotification, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { REGISTRY_FILE } from '../engine/registry';
import { StaleText } from '../engine/texts';
import { prepareCompletion } from '../features/completion';
import { prepareCards } from '../features/hover';
import { IGNORED_GLOBS } from '../workspace/globs';
import type { OutgoingMessages } from './batchedWriter';
import type { ClientFile, ClientFiles } from './convert';
import { CorpusHost } from './corpusHost';
import { corpusDocumentsMethod, type CorpusDocumentsParams } from './customProtocol';
import { FolderWatcher, type DiskChange } from './folderWatcher';
import type { MessageActivity } from './messageActivity';
import { Publisher } from './publisher';
import { PullDiagnostics } from './pullDiagnostics';
import type { Settings } from './settings';
import { ShownDiagnostics, type DiagnosticsDelivery } from './shownDiagnostics';

/** A file of a corpus: the corpus it belongs to and its corpus-relative path. */
export interface CorpusFile {
  readonly host: CorpusHost;
  readonly file: string;
}

export class Workspace {
  /** What the editor is shown of each file's diagnostics, under the client's settings. */
  readonly shown: ShownDiagnostics;
  /** How they reach this client: pushed, until `initialize` says the client pulls them. */
  private delivery: DiagnosticsDelivery;
  /** Set when the client pulls its diagnostics. */
  private pull?: PullDiagnostics;
  private announcementQueued = false;
  /** Resolved once the workspace folders were first indexed: requests wait for it. */
  readonly ready: Promise<void>;
  private indexed = false;
  private resolveReady: () => void = () => undefined;
  private hosts: CorpusHost[] = [];
  private folders: string[] = [];
  private readonly watchers = new Map<string, FolderWatcher>();
  private watchingFolders = false;
  /** Disk work, one task after another. */
  private queue: Promise<void> = Promise.resolve();
  /** Disk changes not yet followed: one queued task follows all that arrived before it starts. */
  private readonly diskChanges: DiskChange[] = [];
  private readonly rediscoveryQueued = new Set<CorpusHost>();
  /** Buffers closed, and buffers opened or edited, since buffers were last applied. */
  private readonly closed = new Set<string>();
  private readonly changed = new Set<string>();
  private applicationScheduled = false;
  /** Corpora that could not be read, and what the user was told, so it is said once. */
  private readonly unreadable = new Map<string, string>();
  private readonly missingFolders = new Set<string>();
  /** Told of every change applied to a corpus, after its diagnostics are published. */
  private readonly changeListeners: (() => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly buffers: TextDocuments<TextDocument>,
    private readonly activity: MessageActivity,
    outgoing: OutgoingMessages,
  ) {
    this.shown = new ShownDiagnostics({
      holderOf: (host, file) => {
        const at = this.corpusFileOfPath(path.join(host.root, ...file.split('/')));
        return at?.host.holds(at.file) ? at : undefined;
      },
      clientFiles: (host) => this.clientFiles(host),
      isOpen: (uri) => this.buffers.get(uri) !== undefined,
      // Pushed, the reports an edit touched are published first, and an open report's hints (reading it for claims, about 8 ms at 10,000 reports) follow.
      whenIdle: (work) => this.whenIdle(work),
      hintsKnown: (host, files) => this.delivery.changed(host, files),
    });
    this.delivery = new Publisher(connection, this.shown, outgoing);
    this.ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
  }

  /**
   * What requests keep per registry, made once the diagnostics of a new
   * registry are delivered and before the server goes idle: otherwise the
   * first keystroke's completion after an edit of corroborate.yaml sorts
   * the registry's ids itself.
   */
  private prepareRequests(host: CorpusHost): void {
    this.whenIdle(() => prepareCompletion(host.corpus.registry));
  }

  /** Runs work once every message is delivered and no message from the client waits. */
  private whenIdle(work: () => void): void {
    this.delivery.afterDelivery(() => this.activity.whenQueueEmpty(work));
  }

  get corpora(): readonly CorpusHost[] {
    return this.hosts;
  }

  get isReady(): boolean {
    return this.indexed;
  }

  /** The pulled diagnostics, when this client pulls them. */
  get pulled(): PullDiagnostics | undefined {
    return this.pull;
  }

  /**
   * The client pulls its diagnostics (chosen at `initialize`, before
   * anything is delivered): nothing is pushed to it.
   */
  pullDiagnostics(relatedDocumentSupport: boolean): PullDiagnostics {
    this.pull = new PullDiagnostics({
      connection: this.connection,
      shown: this.shown,
      corpusFileOf: (uri) => this.corpusFileOf(uri),
      hosts: () => this.hosts,
      openUris: () => this.buffers.keys(),
      versionOf: (uri) => this.buffers.get(uri)?.version ?? null,
      whenQueueEmpty: (work) => this.activity.whenQueueEmpty(work),
      relatedDocumentSupport,
    });
    this.delivery = this.pull;
    return this.pull;
  }

  /** New settings: every file is delivered again under them (once they are known: see startDiagnostics). */
  useSettings(settings: Settings): void {
    this.shown.settings = settings;
    this.delivery.settingsChanged(this.hosts);
  }

  /** The settings are known: from now on diagnostics are delivered. */
  startDiagnostics(): void {
    this.delivery.start(this.hosts);
  }

  /**
   * `listener` runs after every change applied to a corpus — buffers, the
   * disk, corpora found or dropped — for views that depend on more than one
   * file (a code lens counts a whole event's claims).
   */
  onCorpusChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  /** Files of a corpus whose diagnostics may have changed. */
  private publish(host: CorpusHost, files: Iterable<string>): void {
    const touched = [...files];
    // An open document's possible claims learn from the whole corpus's claims: after any change it is looked at too (its hints are cached while what they learn from stays the same).
    this.delivery.changed(host, touched.length === 0 ? touched : new Set([...touched, ...this.openFilesOf(host)]));
    if (touched.length > 0) {
      for (const listener of this.changeListeners) listener();
      // The event cards shown last are written for the new revision while no request waits, not by the next hover on them.
      this.whenIdle(() => prepareCards(host.corpus));
    }
  }

  /** The files of a corpus the client has open. */
  private openFilesOf(host: CorpusHost): string[] {
    return this.buffers.all().flatMap((buffer) => {
      const at = this.corpusFileOf(buffer.uri);
      return at?.host === host && at.host.holds(at.file) ? [at.file] : [];
    });
  }

  private forget(host: CorpusHost): void {
    this.delivery.forget(host);
    for (const listener of this.changeListeners) listener();
  }

  /** Starts indexing the workspace folders; with `watchFolders`, the server watches them itself. */
  start(folders: readonly string[], watchFolders: boolean): void {
    this.folders = [...folders];
    this.watchingFolders = watchFolders;
    this.updateWatchers();
    this.enqueue('indexing the workspace', async () => {
      try {
        await this.syncHosts();
      } finally {
        this.indexed = true;
        this.resolveReady();
      }
    });
  }

  changeFolders(added: readonly string[], removed: readonly string[]): void {
    const gone = new Set(removed);
    this.folders = [...this.folders.filter((f) => !gone.has(f)), ...added.filter((f) => !this.folders.includes(f))];
    this.updateWatchers();
    this.enqueue('changing workspace folders', () => this.syncHosts());
  }

  close(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    this.delivery.close();
  }

  /** The deepest corpus whose folder holds the URI, and the file's path in it. */
  corpusFileOf(uri: string): CorpusFile | undefined {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? this.corpusFileOfPath(parsed.fsPath) : undefined;
  }

  /** A corpus file the corpus holds: one of its documents, or its corroborate.yaml. */
  heldFileOf(uri: string): CorpusFile | undefined {
    const at = this.corpusFileOf(uri);
    return at?.host.holds(at.file) ? at : undefined;
  }

  /** The files of a corpus as the protocol sees them: URI, lines, and the client's buffer version. */
  clientFiles(host: CorpusHost): ClientFiles {
    return (file) => (host.holds(file) ? clientFileOf(host, file) : undefined);
  }

  clientFile(at: CorpusFile): ClientFile {
    return clientFileOf(at.host, at.file);
  }

  /** A buffer opened or changed: applied once the client has nothing more queued, or before the next request. */
  bufferChanged(uri: string): void {
    this.changed.add(uri);
    this.pull?.edited(uri);
    this.scheduleApplication();
  }

  bufferClosed(uri: string): void {
    this.closed.add(uri);
    this.pull?.closedDocument(uri);
    this.scheduleApplication();
  }

  private scheduleApplication(): void {
    if (this.applicationScheduled) return;
    this.applicationScheduled = true;
    this.activity.whenQueueEmpty(() => this.applyBuffers());
  }

  /**
   * Brings every corpus to the client's buffers as they are now, in one
   * synchronous step: closed buffers give way to the disk, opened and edited
   * ones replace the files' text. A corroborate.yaml edited several times
   * since is read once, at its latest text.
   */
  applyBuffers(): void {
    this.applicationScheduled = false;
    for (const uri of this.closed) {
      const at = this.corpusFileOf(uri);
      // Closed, a file shows no hints any more: delivered again even when its buffer never reached the corpus (opened and closed between two applications), for it may have been shown open meanwhile.
      if (at) this.applyToHost(at, () => at.host.closeBuffer(at.file) ?? new Set([at.file]));
    }
    this.closed.clear();
    for (const uri of this.changed) {
      const buffer = this.buffers.get(uri);
      if (buffer) this.applyBuffer(buffer);
    }
    this.changed.clear();
  }

  /** The open buffers of files a corpus has just taken in (a corpus found, documents its globs found) replace the disk's text. */
  private applyOpenBuffersOf(host: CorpusHost): void {
    this.applyBuffers();
    for (const buffer of this.buffers.all()) {
      if (host.fileOf(buffer.uri) !== undefined && this.corpusFileOf(buffer.uri)?.host === host) this.applyBuffer(buffer);
    }
  }

  private applyBuffer(buffer: TextDocument): void {
    const at = this.corpusFileOf(buffer.uri);
    if (!at || at.host.bufferVersion(at.file) === buffer.version) return;
    // A didOpen without its text (or with a number for it) is kept as it came by the buffers: read, it brought the server down.
    const text: unknown = buffer.getText();
    if (typeof text !== 'string') {
      this.connection.console.warn(`${buffer.uri}: opened or changed without its text: the text on disk stands for it`);
      return;
    }
    this.applyToHost(
      at,
      () => {
        const touched = at.host.useBuffer(at.file, text, buffer.version);
        // The file itself even when its text is the disk's: open, it shows its hints.
        touched?.add(at.file);
        return touched;
      },
      buffer.version,
    );
  }

  private applyToHost({ host, file }: CorpusFile, apply: () => Set<string> | undefined, version?: number): void {
    if (file !== REGISTRY_FILE) {
      const touched = apply();
      if (touched) this.publish(host, touched);
      return;
    }
    const globsBefore = globsOf(host);
    const touched = this.readRegistry(host, apply, version === undefined ? 'disk' : `version ${version}`);
    if (!touched) return;
    this.publish(host, touched.add(file));
    this.prepareRequests(host);
    if (globsOf(host) !== globsBefore) this.rediscoverLater(host);
  }

  /** Reads corroborate.yaml anew, and says so in the log with how long it took: on a large corpus, the costly edit. */
  private readRegistry(host: CorpusHost, read: () => Set<string> | undefined, from: string): Set<string> | undefined {
    const started = Date.now();
    const touched = read();
    if (touched && touched.size > 0) {
      this.connection.console.log(`${REGISTRY_FILE} in ${host.root} (${from}) read: ${touched.size} files to check again, ${Date.now() - started} ms`);
    }
    return touched;
  }

  /**
   * Reads a file from disk into its corpus now. True when it was
   * corroborate.yaml and its globs changed; one that can no longer be read
   * drops its corpus until it can.
   */
  private reloadFile(host: CorpusHost, file: string): boolean {
    if (file !== REGISTRY_FILE) {
      this.publish(host, host.reloadFromDisk(file));
      return false;
    }
    const globsBefore = globsOf(host);
    try {
      this.publish(host, this.readRegistry(host, () => host.reloadFromDisk(file), 'disk') ?? []);
      this.prepareRequests(host);
    } catch (error) {
      this.dropUnreadable(host, error);
      return false;
    }
    return globsOf(host) !== globsBefore;
  }

  /**
   * Text edits computed against the files as the client has them: an open
   * file's buffer (applied before every request), else the disk's text. A
   * file the edits touch that was written on disk since the server read it
   * (its change not yet followed) is read now and the edits computed again,
   * so an edit for a file the client has not opened never lands at offsets
   * of an older text. Undefined when the disk keeps moving under it.
   */
  editsOnLatestText<T>(host: CorpusHost, compute: () => T, filesOf: (result: T) => Iterable<string>): T | undefined {
    for (let attempt = 0; attempt < 3; attempt++) {
      let result: T;
      try {
        result = compute();
      } catch (error) {
        if (!(error instanceof StaleText)) throw error;
        this.followMovedFiles(host, [error.file]);
        continue;
      }
      const moved = [...new Set(filesOf(result))].filter((file) => host.diskMovedOn(file));
      if (moved.length === 0) return result;
      this.followMovedFiles(host, moved);
    }
    return undefined;
  }

  /**
   * A report whose text the server let go was written on disk before its
   * watcher event came (StaleText): every corpus that holds it reads it now.
   */
  followStaleText(file: string): void {
    for (const host of this.hosts) if (host.holds(file)) this.followMovedFiles(host, [file]);
  }

  private followMovedFiles(host: CorpusHost, files: readonly string[]): void {
    for (const file of files) {
      if (this.reloadFile(host, file)) this.rediscoverLater(host);
      // A document that could not be read left the corpus.
      if (!host.holds(file)) this.announceDocuments();
    }
  }

  /** Files created, changed or deleted on disk, as the client's watcher or the server's own reports them. */
  followDisk(changes: readonly DiskChange[]): void {
    const queued = this.diskChanges.length > 0;
    this.diskChanges.push(...changes);
    if (!queued) this.enqueue('following the disk', () => this.followDiskChanges());
  }

  private async followDiskChanges(): Promise<void> {
    const changes = this.diskChanges.splice(0);
    let corporaMayHaveChanged = false;
    const registries = new Set<CorpusHost>();
    const reload = new Map<CorpusHost, Set<string>>();
    const toRediscover = new Set<CorpusHost>();
    for (const change of changes) {
      if (path.basename(change.path) === REGISTRY_FILE) {
        const host = this.hosts.find((h) => h.root === path.dirname(change.path));
        if (host && change.type !== FileChangeType.Deleted) registries.add(host);
        else corporaMayHaveChanged = true;
        continue;
      }
      // A folder created may hold corpora; one deleted may have held some (a workspace folder among them).
      if (change.type === FileChangeType.Created ? isFolder(change.path) : change.type === FileChangeType.Deleted && this.hosts.some((h) => isWithin(change.path, h.root))) {
        corporaMayHaveChanged = true;
      }
      const at = this.corpusFileOfPath(change.path);
      if (!at) continue;
      const held = at.host.corpus.has(at.file);
      if (change.type === FileChangeType.Deleted || !held) toRediscover.add(at.host);
      // A document created where one was (renamed onto it, as `sed -i` and atomic saves do) is read again like a write.
      if (held) getOrAdd(reload, at.host).add(at.file);
    }
    if (corporaMayHaveChanged) await this.syncHosts();
    for (const host of registries) {
      if (this.hosts.includes(host) && this.reloadFile(host, REGISTRY_FILE)) toRediscover.add(host);
    }
    let membershipChanged = false;
    const found = new Map<CorpusHost, Set<string>>();
    for (const host of toRediscover) {
      const result = await this.rediscover(host);
      if (!result) continue;
      membershipChanged ||= result.membershipChanged;
      found.set(host, result.touched);
    }
    for (const [host, files] of reload) {
      if (!this.hosts.includes(host)) continue;
      for (const file of files) {
        this.reloadFile(host, file);
        // A document that could not be read left the corpus.
        membershipChanged ||= !host.holds(file);
      }
    }
    for (const [host, touched] of found) this.publish(host, touched);
    if (membershipChanged) this.announceDocuments();
  }

  /**
   * Runs a corpus's globs again and applies the result in one step with the
   * open buffers: a document that comes in while open takes its buffer's
   * text, never the disk's. Returns the files whose diagnostics may have
   * changed, for the caller to publish once every corpus it changes has
   * settled, and whether the set of documents changed; undefined for a
   * corpus gone.
   */
  private async rediscover(host: CorpusHost): Promise<{ touched: Set<string>; membershipChanged: boolean } | undefined> {
    if (!this.hosts.includes(host)) return undefined;
    const discovery = await host.discover();
    if (!this.hosts.includes(host)) return undefined;
    const result = host.applyDiscovery(discovery);
    this.applyOpenBuffersOf(host);
    return result;
  }

  /** The globs of an open corroborate.yaml changed: its documents are found again, once for a burst of edits. */
  private rediscoverLater(host: CorpusHost): void {
    if (this.rediscoveryQueued.has(host)) return;
    this.rediscoveryQueued.add(host);
    this.enqueue('finding documents', async () => {
      this.rediscoveryQueued.delete(host);
      const found = await this.rediscover(host);
      if (!found) return;
      this.publish(host, found.touched);
      if (found.membershipChanged) this.announceDocuments();
    });
  }

  /**
   * Brings the corpora in line with the corroborate.yaml files present now.
   * Each folder and each corpus fails alone: a folder that does not exist or
   * a corroborate.yaml that cannot be read is said once, and the others are
   * served.
   */
  private async syncHosts(): Promise<void> {
    const roots = await this.findCorpusRoots();
    const kept = this.hosts.filter((host) => roots.includes(host.root));
    const added: CorpusHost[] = [];
    for (const root of roots) {
      if (kept.some((host) => host.root === root)) continue;
      const started = Date.now();
      try {
        const host = await CorpusHost.load(root);
        this.prepareRequests(host);
        added.push(host);
        this.unreadable.delete(root);
        this.connection.console.log(`indexed ${root}: ${host.corpus.files().length} documents in ${Date.now() - started} ms`);
      } catch (error) {
        this.sayUnreadable(root, error);
      }
    }
    const dropped = this.hosts.filter((host) => !kept.includes(host));
    const moved = [...roots.filter((root) => !this.hosts.some((host) => host.root === root)), ...dropped.map((host) => host.root)];
    this.hosts = [...kept, ...added];
    // The nearest corroborate.yaml owns a document: a corpus above one that came or went gains or loses documents.
    const found = new Map<CorpusHost, Set<string>>();
    for (const host of kept) {
      if (!moved.some((root) => root.startsWith(host.root + path.sep))) continue;
      const result = await this.rediscover(host);
      if (result) found.set(host, result.touched);
    }
    for (const host of added) this.applyOpenBuffersOf(host);
    // Every corpus settled before any of it is published: no file is shown as two corpora's.
    for (const host of dropped) this.forget(host);
    for (const [host, touched] of found) this.publish(host, touched);
    for (const host of added) this.publish(host, [REGISTRY_FILE, ...host.corpus.files()]);
    this.announceDocuments();
  }

  /** Every folder under the workspace folders that holds a corroborate.yaml. */
  private async findCorpusRoots(): Promise<string[]> {
    const roots = new Set<string>();
    for (const folder of this.folders) {
      if (!isFolder(folder)) {
        if (!this.missingFolders.has(folder)) {
          this.missingFolders.add(folder);
          this.connection.console.warn(`The workspace folder ${folder} does not exist: its corpora are checked once it does.`);
        }
        continue;
      }
      this.missingFolders.delete(folder);
      try {
        const found = await glob([`**/${REGISTRY_FILE}`], { cwd: folder, ignore: IGNORED_GLOBS, absolute: true, followSymbolicLinks: false });
        for (const registry of found) roots.add(path.dirname(path.resolve(registry)));
      } catch (error) {
        this.connection.console.warn(`Looking for corpora in ${folder} failed: ${messageOf(error)}`);
      }
    }
    return [...roots].sort();
  }

  /** A corroborate.yaml that can no longer be read: its corpus is dropped until it can. */
  private dropUnreadable(host: CorpusHost, error: unknown): void {
    this.hosts = this.hosts.filter((h) => h !== host);
    this.forget(host);
    this.sayUnreadable(host.root, error);
    this.announceDocuments();
  }

  private sayUnreadable(root: string, error: unknown): void {
    const message = `Corroborate cannot check the corpus in ${root}: ${messageOf(error)}. The other corpora are checked; this one will be once its ${REGISTRY_FILE} can be read.`;
    if (this.unreadable.get(root) === message) return;
    this.unreadable.set(root, message);
    this.connection.console.warn(message);
    // The notification, not window.showWarningMessage: that is a request, and a client that refuses it must not bring the server down.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  /**
   * Tells the client which documents the corpora hold, once their
   * diagnostics are delivered (a client may take the notification to mean
   * the workspace is checked); several changes meanwhile are told once.
   */
  private announceDocuments(): void {
    if (this.announcementQueued) return;
    this.announcementQueued = true;
    this.delivery.afterDelivery(() => {
      this.announcementQueued = false;
      const params: CorpusDocumentsParams = { uris: this.hosts.flatMap((host) => host.corpus.files().map((file) => host.uriOf(file))) };
      void this.connection.sendNotification(corpusDocumentsMethod, params);
    });
  }

  private corpusFileOfPath(fsPath: string): CorpusFile | undefined {
    let best: CorpusFile | undefined;
    for (const host of this.hosts) {
      const file = host.fileOfPath(fsPath);
      if (file === undefined) continue;
      if (!best || host.root.length > best.host.root.length) best = { host, file };
    }
    return best;
  }

  private updateWatchers(): void {
    if (!this.watchingFolders) return;
    for (const [folder, watcher] of this.watchers) {
      if (this.folders.includes(folder)) continue;
      watcher.close();
      this.watchers.delete(folder);
    }
    for (const folder of this.folders) {
      if (this.watchers.has(folder)) continue;
      this.watchers.set(
        folder,
        new FolderWatcher(
          folder,
          (changes) => this.followDisk(changes),
          (message) => this.connection.console.warn(message),
        ),
      );
    }
  }

  private enqueue(what: string, work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch((error: unknown) => {
      this.connection.console.error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    });
  }
}

function clientFileOf(host: CorpusHost, file: string): ClientFile {
  return { uri: host.uriOf(file), lines: host.lineIndex(file), version: host.bufferVersion(file) ?? null };
}

/** The documents globs of a corpus, to tell when an edit of corroborate.yaml changed them. */
function globsOf(host: CorpusHost): string {
  return host.corpus.registry.documents.map((d) => d.value).join('\n');
}

function isFolder(fsPath: string): boolean {
  try {
    return statSync(fsPath).isDirectory();
  } catch {
    return false;
  }
}

/** Whether `inner` is `outer` or lies under it. */
function isWithin(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function getOrAdd<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
