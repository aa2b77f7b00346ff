// The publishing rules: which diagnostics of a file the editor is shown, how
// many, and when they are sent — only when they changed, and not before the
// client's settings are known.

import type { Connection, Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { knownProposals, proposalsFor, withPossibleClaims } from '../engine/assist/hints';
import type { Diagnostic, Severity } from '../engine/diagnostics';
import { REGISTRY_FILE } from '../engine/registry';
import { notShownNote, toLspDiagnostic, type ClientFiles } from './convert';
import type { CorpusHost } from './corpusHost';
import { DEFAULT_SETTINGS, isShown, shownSeverity, type Settings } from './settings';
import type { CorpusFile } from './workspace';

/**
 * Diagnostics published for one file, at most: more cannot be read in an
 * editor, and a report of contradicting claims can have hundreds of
 * thousands, which as one LSP message is over 500 MB of JSON (more than a
 * JavaScript string holds: publishing then failed for every file after it).
 * The CLI lists them all.
 */
const MAX_PUBLISHED = 1000;
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface PublishContext {
  /** The corpus that holds a file of `host`'s folder now, if any: the nearest corroborate.yaml owns a document. */
  readonly holderOf: (host: CorpusHost, file: string) => CorpusFile | undefined;
  /** The ClientFile of a corpus file, for the positions of diagnostics and their related entries. */
  readonly clientFiles: (host: CorpusHost) => ClientFiles;
  /** Whether the client has the file open: its hints are shown then. */
  readonly isOpen: (uri: string) => boolean;
  /** Runs work once the client has nothing more queued. */
  readonly whenIdle: (work: () => void) => void;
}

export class Publisher {
  /** Last diagnostics sent per URI, serialised, so unchanged files are not re-sent. */
  private readonly published = new Map<string, string>();
  private settings: Settings = DEFAULT_SETTINGS;
  /** Nothing is sent until the settings the diagnostics are shown with are known. */
  private live = false;
  /** Open files published without their possible claims, which are computed once the client is idle. */
  private readonly hintsToCome = new Map<string, { readonly host: CorpusHost; readonly file: string }>();

  constructor(
    private readonly connection: Connection,
    private readonly context: PublishContext,
  ) {}

  /** New settings: every file published so far is published again under them. */
  useSettings(settings: Settings, hosts: readonly CorpusHost[]): void {
    this.settings = settings;
    if (!this.live) return;
    this.published.clear();
    this.publishAll(hosts);
  }

  /** The settings are known: from now on diagnostics are sent. */
  start(hosts: readonly CorpusHost[]): void {
    if (this.live) return;
    this.live = true;
    this.publishAll(hosts);
  }

  private publishAll(hosts: readonly CorpusHost[]): void {
    for (const host of hosts) this.publish(host, [REGISTRY_FILE, ...host.corpus.files()]);
  }

  /** The severity a diagnostic is shown with, under the current settings. */
  severityOf(diagnostic: Diagnostic): Severity {
    return shownSeverity(this.settings, diagnostic);
  }

  /**
   * Publishes the diagnostics of files a corpus touched. Each URI gets those
   * of the corpus that holds its file now — maybe another corpus, when a
   * nested corroborate.yaml came or went — or none.
   */
  publish(host: CorpusHost, files: Iterable<string>): void {
    if (!this.live) return;
    for (const file of files) this.publishFile(host, file);
  }

  /** A corpus gone (already out of the workspace): its files get the diagnostics of whoever holds them now, or none. */
  forget(host: CorpusHost): void {
    for (const file of [REGISTRY_FILE, ...host.corpus.files()]) {
      if (this.published.has(host.uriOf(file))) this.publishFile(host, file);
    }
  }

  private publishFile(host: CorpusHost, file: string): void {
    const uri = host.uriOf(file);
    const at = this.context.holderOf(host, file);
    const diagnostics = at ? this.diagnosticsOf(at.host, at.file) : [];
    const serialised = JSON.stringify(diagnostics);
    if (this.published.get(uri) === serialised) return;
    if (diagnostics.length === 0) {
      if (!this.published.delete(uri)) return;
    } else {
      this.published.set(uri, serialised);
    }
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  private diagnosticsOf(host: CorpusHost, file: string): LspDiagnostic[] {
    const clientFiles = this.context.clientFiles(host);
    const client = clientFiles(file);
    if (!client) return [];
    const open = this.context.isOpen(client.uri);
    const shown = this.withHints(host, file, client.uri, open).filter((d) => isShown(this.settings, d, open));
    const diagnostics = this.mostSevere(shown).map((d) => toLspDiagnostic(d, client, clientFiles, this.severityOf(d)));
    if (shown.length > MAX_PUBLISHED) diagnostics.push(notShownNote(shown.length - MAX_PUBLISHED, MAX_PUBLISHED));
    return diagnostics;
  }

  /**
   * An open file's diagnostics with its possible claims, when they are known
   * for its text. When they are not, the rest is published now and the
   * hints follow once the client is idle: reading a report for claims
   * costs more than checking it, and a burst of keystrokes is read once.
   */
  private withHints(host: CorpusHost, file: string, uri: string, open: boolean): readonly Diagnostic[] {
    const diagnostics = host.corpus.diagnostics(file);
    if (!open) return diagnostics;
    const known = knownProposals(host.corpus, file);
    if (known !== undefined) return withPossibleClaims(diagnostics, known);
    const waiting = this.hintsToCome.size > 0;
    this.hintsToCome.set(uri, { host, file });
    if (!waiting) this.context.whenIdle(() => this.publishHints());
    return diagnostics;
  }

  private publishHints(): void {
    const files = [...this.hintsToCome.values()];
    this.hintsToCome.clear();
    for (const { host, file } of files) {
      proposalsFor(host.corpus, file);
      this.publishFile(host, file);
    }
  }

  /** At most MAX_PUBLISHED diagnostics, the most severe, in the corpus's order. */
  private mostSevere(diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
    if (diagnostics.length <= MAX_PUBLISHED) return diagnostics;
    const rank = (d: Diagnostic) => SEVERITY_RANK[this.severityOf(d)];
    const kept = new Set([...diagnostics].sort((a, b) => rank(a) - rank(b)).slice(0, MAX_PUBLISHED));
    return diagnostics.filter((d) => kept.has(d));
  }
}
