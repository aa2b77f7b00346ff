// Push: the diagnostics of every corpus file are published, open or not, for
// clients that do not pull them (Neovim 0.7, Helix, Emacs…). A file is sent
// only when what it shows changed, and nothing before the client's settings
// are known. The files the client has open go out at once; the others are
// published a few milliseconds at a time, so a keystroke or a request that
// arrives meanwhile is not kept waiting behind hundreds of files, and no
// faster than the client reads them: a message made long before it is
// written outlives V8's young generation and leaves a hole in the old one.

import type { Connection } from 'vscode-languageserver/node';
import type { OutgoingMessages } from './batchedWriter';
import type { CorpusHost } from './corpusHost';
import { corpusFiles, EMPTY_FINGERPRINT, type DiagnosticsDelivery, type ShownDiagnostics } from './shownDiagnostics';
import { PendingFiles, SlicedWork } from './slicedWork';
import type { CorpusFile } from './workspace';

export class Publisher implements DiagnosticsDelivery {
  /** The fingerprint of what was last sent per URI (none for a file shown nothing), so unchanged files are not re-sent. */
  private readonly published = new Map<string, string>();
  private readonly pending = new PendingFiles();
  private readonly work = new SlicedWork(
    () => this.publishNext(),
    () => this.delivered(),
  );
  private readonly afterwards: (() => void)[] = [];
  /** Nothing is sent until the settings the diagnostics are shown with are known. */
  private live = false;
  private closed = false;

  constructor(
    private readonly connection: Connection,
    private readonly shown: ShownDiagnostics,
    private readonly outgoing: OutgoingMessages,
  ) {}

  start(hosts: readonly CorpusHost[]): void {
    if (this.live) return;
    this.live = true;
    this.publishAll(hosts);
  }

  settingsChanged(hosts: readonly CorpusHost[]): void {
    if (this.live) this.publishAll(hosts);
  }

  private publishAll(hosts: readonly CorpusHost[]): void {
    for (const at of corpusFiles(hosts)) this.pending.add(at.host.uriOf(at.file), at);
    this.work.schedule();
  }

  changed(host: CorpusHost, files: Iterable<string>): void {
    if (!this.live || this.closed) return;
    for (const file of files) {
      const uri = host.uriOf(file);
      if (this.shown.isOpen(uri)) this.publishFile(uri, { host, file });
      else this.pending.add(uri, { host, file });
    }
    if (this.pending.size > 0) this.work.schedule();
  }

  forget(host: CorpusHost): void {
    for (const at of corpusFiles([host])) {
      const uri = host.uriOf(at.file);
      if (this.published.has(uri)) this.pending.add(uri, at);
    }
    if (this.pending.size > 0) this.work.schedule();
  }

  afterDelivery(work: () => void): void {
    if (this.pending.size === 0) work();
    else this.afterwards.push(work);
  }

  close(): void {
    this.closed = true;
  }

  private publishNext(): boolean {
    if (this.closed) return false;
    // A file's message is made when the client has read most of what went before, so it is written soon after.
    if (this.pending.size > 0 && this.outgoing.full) {
      this.outgoing.whenNotFull(() => this.work.schedule());
      return false;
    }
    const next = this.pending.take();
    if (!next) return false;
    this.publishFile(...next);
    return true;
  }

  private delivered(): void {
    // Files still wait for the client to read: the work goes on once it has.
    if (this.pending.size > 0 && !this.closed) return;
    for (const work of this.afterwards.splice(0)) work();
  }

  private publishFile(uri: string, at: CorpusFile): void {
    this.pending.delete(uri);
    const shown = this.shown.of(at.host, at.file);
    const before = this.published.get(uri) ?? EMPTY_FINGERPRINT;
    if (shown.fingerprint === before) return;
    if (shown.diagnostics.length === 0) this.published.delete(uri);
    else this.published.set(uri, shown.fingerprint);
    void this.connection.sendDiagnostics({ uri, diagnostics: shown.diagnostics });
  }
}
