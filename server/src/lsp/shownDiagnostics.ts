// What the editor is shown of a file's diagnostics, pushed or pulled alike:
// hints only while the file is open (its possible claims among them), the settings' severities, at most
// MAX_SHOWN (the most severe) and a note of how many more — and a
// fingerprint of exactly that, which tells whether it changed.

import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { lastProposals, proposalsFor, withPossibleClaims } from '../engine/assist/hints';
import { CueModel } from '../engine/assist/model';
import type { Diagnostic, Severity } from '../engine/diagnostics';
import { REGISTRY_FILE } from '../engine/registry';
import { notShownNote, toLspDiagnostic, type ClientFiles } from './convert';
import type { CorpusHost } from './corpusHost';
import { DEFAULT_SETTINGS, isShown, shownSeverity, type Settings } from './settings';
import { SlicedWork } from './slicedWork';
import type { CorpusFile } from './workspace';

/**
 * Diagnostics shown for one file, at most: more cannot be read in an
 * editor, and a report of contradicting claims can have hundreds of
 * thousands, which as one LSP message is over 500 MB of JSON (more than a
 * JavaScript string holds: publishing then failed for every file after it).
 * The CLI lists them all.
 */
const MAX_SHOWN = 1000;
/**
 * Learning the cues runs for seconds after the first report is opened at
 * 10,000 reports; a request is answered over several turns of the event
 * loop, each of which waits for the slice under way, so its slices are
 * shorter than publishing's.
 */
const LEARNING_SLICE_MS = 2;
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface ShownContext {
  /** The corpus that holds a file of `host`'s folder now, if any: the nearest corroborate.yaml owns a document. */
  readonly holderOf: (host: CorpusHost, file: string) => CorpusFile | undefined;
  /** The ClientFile of a corpus file, for the positions of diagnostics and their related entries. */
  readonly clientFiles: (host: CorpusHost) => ClientFiles;
  /** Whether the client has the file open: its hints are shown then. */
  readonly isOpen: (uri: string) => boolean;
  /** Runs work once every change so far is delivered and the client has nothing more queued. */
  readonly whenIdle: (work: () => void) => void;
  /** Open files' possible claims are now known: what they show changed. */
  readonly hintsKnown: (host: CorpusHost, files: readonly string[]) => void;
}

/** A file's diagnostics as the editor is shown them. */
export interface ShownFile {
  readonly uri: string;
  /** The client's buffer version they were computed on; null for a file it has not opened. */
  readonly version: number | null;
  readonly diagnostics: LspDiagnostic[];
  /** Equal for two lists exactly when they show the same thing: the pull model's result id. */
  readonly fingerprint: string;
}

export class ShownDiagnostics {
  /** The client's settings, once known; the defaults until then. */
  settings: Settings = DEFAULT_SETTINGS;
  /** Open files shown without their current possible claims, which are computed once the client is idle. */
  private readonly hintsToCome = new Map<string, CorpusFile>();
  /** Learning the cue model of the waiting files' corpora, a document per step; then, once the client is idle, their hints. */
  private readonly learning = new SlicedWork(
    () => this.learnStep(),
    () => this.context.whenIdle(() => this.findHint()),
    LEARNING_SLICE_MS,
  );

  constructor(private readonly context: ShownContext) {}

  /** The severity a diagnostic is shown with, under the current settings. */
  severityOf(diagnostic: Diagnostic): Severity {
    return shownSeverity(this.settings, diagnostic);
  }

  isOpen(uri: string): boolean {
    return this.context.isOpen(uri);
  }

  /**
   * What the editor is shown for a file of `host`'s folder: the diagnostics
   * of the corpus that holds it now — maybe another corpus, when a nested
   * corroborate.yaml came or went — or none.
   */
  of(host: CorpusHost, file: string): ShownFile {
    const uri = host.uriOf(file);
    const at = this.context.holderOf(host, file);
    if (!at) return { uri, version: null, diagnostics: [], fingerprint: EMPTY_FINGERPRINT };
    const client = this.context.clientFiles(at.host)(at.file);
    if (!client) return { uri, version: null, diagnostics: [], fingerprint: EMPTY_FINGERPRINT };
    const open = this.context.isOpen(uri);
    const shown = this.withHints(at, uri, open).filter((d) => isShown(this.settings, d, open));
    const related = at.host.relatedFiles();
    const diagnostics = this.mostSevere(shown).map((d) => toLspDiagnostic(d, client, related, this.severityOf(d)));
    if (shown.length > MAX_SHOWN) diagnostics.push(notShownNote(shown.length - MAX_SHOWN, MAX_SHOWN));
    return { uri, version: client.version, diagnostics, fingerprint: fingerprintOf(diagnostics) };
  }

  /**
   * An open file's diagnostics with its possible claims. When they are not
   * current for its text, the rest (and the possible claims last found in
   * that text, if any) is shown now and the current ones follow once the
   * client is idle: reading a report for claims costs more than checking
   * it, a burst of keystrokes is read once, and learning the cues of a
   * large corpus is done a slice at a time between requests.
   */
  private withHints(at: CorpusFile, uri: string, open: boolean): readonly Diagnostic[] {
    const diagnostics = at.host.corpus.diagnostics(at.file);
    // Turned off, the hints cost nothing: no report is read for claims, no cue learnt.
    if (!open || !this.settings.hintPossibleClaims) return diagnostics;
    const last = lastProposals(at.host.corpus, at.file);
    if (last?.current !== true) {
      const waiting = this.hintsToCome.size > 0;
      this.hintsToCome.set(uri, at);
      if (!waiting) this.context.whenIdle(() => this.learning.schedule());
    }
    return last === undefined ? diagnostics : withPossibleClaims(diagnostics, last.proposals);
  }

  /** One document of a waiting file's corpus learnt; false once every such corpus's cue model is current. */
  private learnStep(): boolean {
    for (const { host } of this.hintsToCome.values()) if (!CueModel.learnSome(host.corpus, () => false)) return true;
    return false;
  }

  /**
   * A waiting file read for claims and its hints delivered, once the client
   * is idle (so with every buffer it sent applied), then the next one once
   * it is idle again: reading the five open reports of a flip in one turn
   * took 25–350 ms, and the pulls of the reports on screen waited behind it.
   * A file whose corpus changed its claims since it was learnt waits for
   * more learning.
   */
  private findHint(): void {
    for (const [uri, { host, file }] of this.hintsToCome) {
      if (CueModel.current(host.corpus) === undefined) continue;
      this.hintsToCome.delete(uri);
      proposalsFor(host.corpus, file);
      this.context.hintsKnown(host, [file]);
      this.context.whenIdle(() => this.findHint());
      return;
    }
    if (this.hintsToCome.size > 0) this.learning.schedule();
  }

  /** At most MAX_SHOWN diagnostics, the most severe, in the corpus's order. */
  private mostSevere(diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
    if (diagnostics.length <= MAX_SHOWN) return diagnostics;
    const rank = (d: Diagnostic) => SEVERITY_RANK[this.severityOf(d)];
    const kept = new Set([...diagnostics].sort((a, b) => rank(a) - rank(b)).slice(0, MAX_SHOWN));
    return diagnostics.filter((d) => kept.has(d));
  }
}

/**
 * A 64-bit fingerprint of everything a list of diagnostics shows (ranges,
 * severities, codes, messages, related locations and their messages). Two
 * 32-bit multiplicative lanes over the fields themselves: at 10,000 reports
 * it is several times cheaper than hashing their JSON (a hot-event edit
 * re-checks 743 files, 7 MB of JSON), and nothing of the list is kept.
 */
export function fingerprintOf(diagnostics: readonly LspDiagnostic[]): string {
  const hash = new Fingerprint();
  hash.number(diagnostics.length);
  for (const d of diagnostics) {
    hash.range(d.range);
    hash.number(d.severity ?? 0);
    hash.text(d.code === undefined ? '' : String(d.code));
    hash.text(d.source ?? '');
    hash.text(typeof d.message === 'string' ? d.message : d.message.value);
    if (d.relatedInformation === undefined) hash.number(0);
    else hash.relatedList(d.relatedInformation);
  }
  return hash.digest();
}

type RelatedInformation = NonNullable<LspDiagnostic['relatedInformation']>[number];

/**
 * Each related entry's own fingerprint, hashed once: convert.ts shares one
 * entry among every diagnostic that shows it (a flip's 393 reports hold
 * about 24,000 entries, most of them the same few hundred), and their URIs
 * and messages were most of what a fingerprint hashed.
 */
const relatedFingerprints = new WeakMap<RelatedInformation, { readonly h1: number; readonly h2: number }>();

function relatedFingerprint(entry: RelatedInformation): { readonly h1: number; readonly h2: number } {
  let known = relatedFingerprints.get(entry);
  if (known === undefined) {
    const hash = new Fingerprint();
    hash.text(entry.location.uri);
    hash.range(entry.location.range);
    hash.text(entry.message);
    relatedFingerprints.set(entry, (known = hash.lanes()));
  }
  return known;
}

/**
 * Each list of related entries' fingerprint, hashed once: convert.ts shares
 * one list among every diagnostic of an edit that shows it (a hot event's
 * claimants without a run of their own show the same twenty entries).
 */
const relatedListFingerprints = new WeakMap<readonly RelatedInformation[], { readonly h1: number; readonly h2: number }>();

function relatedListFingerprint(list: readonly RelatedInformation[]): { readonly h1: number; readonly h2: number } {
  let known = relatedListFingerprints.get(list);
  if (known === undefined) {
    const hash = new Fingerprint();
    hash.number(list.length);
    for (const entry of list) hash.related(entry);
    relatedListFingerprints.set(list, (known = hash.lanes()));
  }
  return known;
}

class Fingerprint {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  number(n: number): void {
    this.h1 = Math.imul(this.h1 ^ n, 2654435761);
    this.h2 = Math.imul(this.h2 ^ n, 1597334677);
  }

  text(s: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
    // The length ends the string, so that ("ab", "c") and ("a", "bc") differ.
    this.number(s.length);
  }

  range(range: LspDiagnostic['range']): void {
    this.number(range.start.line);
    this.number(range.start.character);
    this.number(range.end.line);
    this.number(range.end.character);
  }

  /** A related entry, by its own fingerprint (the same entry object is never changed once shown). */
  related(entry: RelatedInformation): void {
    const { h1, h2 } = relatedFingerprint(entry);
    this.number(h1);
    this.number(h2);
  }

  /** A list of related entries, by its own fingerprint (a list shown is never changed either). */
  relatedList(list: readonly RelatedInformation[]): void {
    const { h1, h2 } = relatedListFingerprint(list);
    this.number(h1);
    this.number(h2);
  }

  lanes(): { readonly h1: number; readonly h2: number } {
    return { h1: this.h1, h2: this.h2 };
  }

  digest(): string {
    const h1 = Math.imul(this.h1 ^ (this.h1 >>> 16), 2246822507) ^ Math.imul(this.h2 ^ (this.h2 >>> 13), 3266489909);
    const h2 = Math.imul(this.h2 ^ (this.h2 >>> 16), 2246822507) ^ Math.imul(this.h1 ^ (this.h1 >>> 13), 3266489909);
    return (h2 >>> 0).toString(36) + '.' + (h1 >>> 0).toString(36);
  }
}

export const EMPTY_FINGERPRINT = fingerprintOf([]);

/**
 * How diagnostics reach one client: pushed (publisher.ts) or pulled
 * (pullDiagnostics.ts), never both — an editor would show them twice.
 */
export interface DiagnosticsDelivery {
  /** The client's settings are known (already in ShownDiagnostics): from now on diagnostics are delivered. */
  start(hosts: readonly CorpusHost[]): void;
  /** New settings (already in ShownDiagnostics): every file is delivered again under them. */
  settingsChanged(hosts: readonly CorpusHost[]): void;
  /** Files of a corpus whose diagnostics may have changed. */
  changed(host: CorpusHost, files: Iterable<string>): void;
  /** A corpus gone (already out of the workspace): its files get the diagnostics of whoever holds them now, or none. */
  forget(host: CorpusHost): void;
  /** Runs `work` once every change so far has been delivered. */
  afterDelivery(work: () => void): void;
  /** The server shuts down: nothing is delivered any more, and requests held open are answered. */
  close(): void;
}

/** Every file of the corpora: corroborate.yaml and the documents. */
export function* corpusFiles(hosts: readonly CorpusHost[]): Generator<CorpusFile> {
  for (const host of hosts) {
    yield { host, file: REGISTRY_FILE };
    for (const file of host.corpus.files()) yield { host, file };
  }
}
