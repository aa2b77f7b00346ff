// Pull (LSP 3.17): for clients that ask for diagnostics — textDocument/
// diagnostic for the documents they show, workspace/diagnostic for the whole
// corpus — and that the server can ask to ask again (workspace/diagnostic/
// refresh). A file's result id is the fingerprint of what it shows, so
// "unchanged" is exact: it changes when, and only when, what the editor
// shows for the file does.
//
// The document an edit was made in is answered as soon as the edit is
// applied, from the engine. Files the edit touched elsewhere are checked
// afterwards, once the client has nothing more queued (the pulls of the
// documents it shows, sent with the edit, are answered first), a few
// milliseconds at a time, the documents it has open first: VS Code pulls
// only the edited document with the edit, and the others it shows when
// asked to (or half a second later), so as soon as they are checked it is
// asked to pull again if one of them changed, rather than after the
// hundreds of other files a flip touches. Workspace pulls held open get
// the changed files, and when the client has still not been given a change to
// a file it was shown — it did not pull that document since, no held pull
// brought it — it is asked once to pull again (one refresh for the whole
// burst, once it has nothing more queued).
//
// A workspace pull names every corpus file: `full` for those whose
// diagnostics differ from the client's result id (or that it has none for),
// `unchanged` for the others, and an empty `full` for files it knows that
// the corpus no longer holds. A client that gives a partialResultToken (VS
// Code does) gets the reports that differ streamed as they are computed, and
// the request is then held open, streaming each change as it is found, until
// the client cancels it: VS Code asks again only two seconds after a pull is
// answered, and it pulls no document it does not show (one a rename or a fix
// edited, say), so an answered pull would leave those stale meanwhile.

import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type DocumentDiagnosticReport,
  type ResultProgressReporter,
  type WorkspaceDiagnosticReport,
  type WorkspaceDiagnosticReportPartialResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { toDocumentReport, toDocumentReportWithRelated, toWorkspaceFullReport, toWorkspaceUnchangedReport } from './convert';
import type { CorpusHost } from './corpusHost';
import { corpusFiles, EMPTY_FINGERPRINT, type DiagnosticsDelivery, type ShownDiagnostics, type ShownFile } from './shownDiagnostics';
import { PendingFiles, SlicedWork } from './slicedWork';
import type { CorpusFile } from './workspace';

export interface PullContext {
  readonly connection: Connection;
  readonly shown: ShownDiagnostics;
  /** The corpus file a URI names (the deepest corpus whose folder holds it), if any. */
  readonly corpusFileOf: (uri: string) => CorpusFile | undefined;
  /** The corpora now. */
  readonly hosts: () => readonly CorpusHost[];
  /** The URIs the client has open. */
  readonly openUris: () => Iterable<string>;
  /** The version of the client's buffer of a URI; null when it is not open. */
  readonly versionOf: (uri: string) => number | null;
  /** Runs `work` once the client has nothing more queued: a pull it sent right after an edit is answered first. */
  readonly whenQueueEmpty: (work: () => void) => void;
  /** Whether the client takes other documents' reports in a document pull's `relatedDocuments`. */
  readonly relatedDocumentSupport: boolean;
}

type WorkspaceAnswer = WorkspaceDiagnosticReport | ResponseError<never>;

/** Reports per partial result: large enough to keep notifications few, small enough to show the first files early. */
const REPORTS_PER_PARTIAL_RESULT = 500;

/** How long other work waits for the client to answer a refresh: VS Code answers at once, and a client that never does must not stop the checks. */
const REFRESH_PATIENCE_MS = 250;

/** How long the checks of touched files wait for the pull of a document the client just edited: VS Code sends it right after the change, and a client that does not must not stop the checks. */
const EDITED_PULL_PATIENCE_MS = 250;

export class PullDiagnostics implements DiagnosticsDelivery {
  /** The fingerprint each file had when last computed; a file never computed has none. */
  private readonly results = new Map<string, string>();
  /** Files something touched since their fingerprint was computed. */
  private readonly stale = new PendingFiles();
  /** Files the client was shown that changed since, and that it has not been given again: a refresh asks it to pull them. */
  private readonly undelivered = new Set<string>();
  /** Files a refresh asked the client to pull again and that it has not been given yet: a document pull's answer may still bring them. */
  private readonly refreshedFor = new Set<string>();
  private readonly work = new SlicedWork(
    () => this.step(),
    () => this.settled(),
  );
  private readonly pulls = new Set<WorkspacePull>();
  /** Open documents the client pulled since it opened them: it pulls those again with each change, as VS Code pulls the documents it knows. */
  private readonly pulledOpen = new Set<string>();
  /**
   * Such documents changed and not pulled since: the touched files' checks
   * wait for those pulls. A slice that started before the edited report's
   * pull arrived held its answer up to SLICE_MS, and checked that report
   * once more before the pull computed it again (docs/performance-history.md,
   * "The edited report's pull first").
   */
  private readonly editedUnpulled = new Set<string>();
  private editedPatience: NodeJS.Timeout | undefined;
  private refreshScheduled = false;
  private refreshing = false;
  /** A refresh was sent and the client has not answered it yet (nor was it given REFRESH_PATIENCE_MS): other work waits for its pulls. */
  private awaitingPulls = false;
  /** Work that can wait (reading open reports for hints) held until the client has pulled what a refresh asked for. */
  private readonly waitingForPulls: (() => void)[] = [];
  private live = false;
  private closed = false;
  private whenLive: () => void = () => undefined;
  /** Resolved once the settings are known: pulls wait for it, as pushing waits for them. */
  readonly started = new Promise<void>((resolve) => (this.whenLive = resolve));

  constructor(private readonly context: PullContext) {}

  get isLive(): boolean {
    return this.live;
  }

  start(): void {
    if (this.live) return;
    this.live = true;
    this.whenLive();
  }

  settingsChanged(hosts: readonly CorpusHost[]): void {
    this.touch(corpusFiles(hosts));
  }

  changed(host: CorpusHost, files: Iterable<string>): void {
    this.touch([...files].map((file) => ({ host, file })));
  }

  forget(host: CorpusHost): void {
    this.touch(corpusFiles([host]));
  }

  /**
   * Once the documents the client has open are checked and it was asked to
   * pull what changed of them and has sent those pulls: the reports it shows
   * are answered before this work. Released as soon as the edited report
   * was answered, the cue model's relearning after a flip ran in slices
   * between the checks of the other report on screen and its refresh
   * (docs/performance-history.md, "Where requests wait after an edit").
   */
  afterDelivery(work: () => void): void {
    this.waitingForPulls.push(work);
    this.releaseWaiting();
  }

  private releaseWaiting(): void {
    if (this.awaitingPulls || this.refreshScheduled || this.openDocumentStale()) return;
    for (const work of this.waitingForPulls.splice(0)) work();
  }

  /** An open document was touched and not checked since: it may call for a refresh. */
  private openDocumentStale(): boolean {
    for (const uri of this.context.openUris()) if (this.stale.has(uri)) return true;
    return false;
  }

  /** The client changed a document it has open; if it pulls that document with its changes, the other checks wait for that pull. */
  edited(uri: string): void {
    if (this.closed || !this.pulledOpen.has(uri)) return;
    this.editedUnpulled.add(uri);
    // Counted from the first unpulled edit, so that a client that types on and never pulls does not hold the checks back for good.
    this.editedPatience ??= setTimeout(() => this.editedPulled(undefined), EDITED_PULL_PATIENCE_MS);
  }

  /** The client closed a document: it pulls it no more. */
  closedDocument(uri: string): void {
    this.pulledOpen.delete(uri);
    this.editedPulled(uri);
  }

  /** The edited document was pulled (or closed), or with `undefined`, the client was given long enough: the checks go on once none is awaited. */
  private editedPulled(uri: string | undefined): void {
    if (uri === undefined) this.editedUnpulled.clear();
    else if (!this.editedUnpulled.delete(uri)) return;
    if (this.editedUnpulled.size > 0) return;
    clearTimeout(this.editedPatience);
    this.editedPatience = undefined;
    this.context.whenQueueEmpty(() => this.work.schedule());
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.editedPatience);
    for (const pull of this.pulls) pull.finish({ items: [] });
    this.pulls.clear();
  }

  private touch(files: Iterable<CorpusFile>): void {
    if (this.closed) return;
    for (const at of files) this.stale.add(at.host.uriOf(at.file), at);
    // The document pulls a client sends with its edit (the reports it shows) come first: a slice checking other files between two of them delayed the second by up to a slice.
    this.context.whenQueueEmpty(() => this.work.schedule());
  }

  /** textDocument/diagnostic: computed now, on the buffers as they are. */
  document(uri: string, previousResultId: string | undefined): DocumentDiagnosticReport {
    const shown = this.compute(uri);
    if (this.context.versionOf(uri) !== null) this.pulledOpen.add(uri);
    this.editedPulled(uri);
    const related: ShownFile[] = [];
    if (this.context.relatedDocumentSupport) {
      // The other open documents an edit changed come with this answer, rather than after a refresh.
      for (const other of this.context.openUris()) {
        // Changed since the client was given it: still to check, or checked and not given since.
        const lacking = this.undelivered.has(other) || this.refreshedFor.has(other);
        if (other === uri || !(this.stale.has(other) || lacking)) continue;
        const before = this.results.get(other);
        const now = this.compute(other);
        if (now.fingerprint !== before || lacking) related.push(now);
      }
    }
    for (const reported of [shown, ...related]) {
      this.delivered(reported.uri);
      for (const pull of this.pulls) pull.clientHas(reported.uri, reported.fingerprint);
    }
    return toDocumentReportWithRelated(toDocumentReport(shown, previousResultId), related);
  }

  /**
   * workspace/diagnostic. With a progress reporter the reports are streamed
   * and the request held open, streaming changes, until it is cancelled;
   * without one, everything is answered at once.
   */
  workspace(
    previousResultIds: readonly { readonly uri: string; readonly value: string }[],
    token: CancellationToken,
    progress: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult> | undefined,
  ): WorkspaceAnswer | Promise<WorkspaceAnswer> {
    const files = [...corpusFiles(this.context.hosts())].map((at) => [at.host.uriOf(at.file), at] as const);
    const pull = new WorkspacePull(new Map(previousResultIds.map(({ uri, value }) => [uri, value])), files, progress);
    if (!progress) {
      while (pull.checkNext(this));
      return pull.answer(this.context.versionOf);
    }
    return new Promise<WorkspaceAnswer>((resolve) => {
      pull.finish = (answer) => {
        this.pulls.delete(pull);
        resolve(answer);
      };
      token.onCancellationRequested(() => pull.finish(new ResponseError<never>(LSPErrorCodes.RequestCancelled, 'workspace/diagnostic cancelled')));
      this.pulls.add(pull);
      this.work.schedule();
    });
  }

  private step(): boolean {
    // While a refresh is unanswered the rest waits: the pulls it asks for (the reports on screen) are answered first, not a slice or two later.
    if (this.closed || this.awaitingPulls || this.editedUnpulled.size > 0) return false;
    const next = this.nextStale();
    if (next) {
      this.check(...next);
      return true;
    }
    for (const pull of this.pulls) {
      if (pull.checkNext(this)) return true;
    }
    return false;
  }

  /**
   * The next touched file to check: the documents the client has open
   * first, and once they are checked, a refresh at once if it lacks a change
   * to one of them.
   */
  private nextStale(): [string, CorpusFile] | undefined {
    for (const uri of this.context.openUris()) {
      const at = this.stale.get(uri);
      if (at === undefined) continue;
      this.stale.delete(uri);
      return [uri, at];
    }
    if (this.lacksOpenDocument()) this.refresh();
    else this.releaseWaiting();
    return this.stale.take();
  }

  private lacksOpenDocument(): boolean {
    for (const uri of this.context.openUris()) if (this.undelivered.has(uri)) return true;
    return false;
  }

  /** Everything touched is checked (and streamed to held pulls), or the work waits for a refresh to be answered: the client is asked to pull what it still lacks. */
  private settled(): void {
    if (!this.awaitingPulls && this.editedUnpulled.size === 0) this.refreshLater();
  }

  /** The client now has what a file shows. */
  delivered(uri: string): void {
    this.undelivered.delete(uri);
    this.refreshedFor.delete(uri);
  }

  /**
   * A workspace pull reported a file. A document the client has open is one
   * it pulls itself, and VS Code then ignores what workspace pulls say of
   * it: only a document pull delivers it.
   */
  reportedByWorkspace(uri: string): void {
    if (this.context.versionOf(uri) === null) this.delivered(uri);
  }

  /** A refresh once the client has nothing more queued, if it still lacks a change then. */
  private refreshLater(): void {
    if (this.undelivered.size === 0 || this.refreshScheduled) return;
    this.refreshScheduled = true;
    this.context.whenQueueEmpty(() => {
      this.refreshScheduled = false;
      this.refresh();
    });
  }

  /** One workspace/diagnostic/refresh at a time: changes noted meanwhile call for one more once it is answered. */
  private refresh(): void {
    if (this.refreshing || this.closed || this.undelivered.size === 0) {
      this.releaseWaiting();
      return;
    }
    for (const uri of this.undelivered) this.refreshedFor.add(uri);
    this.undelivered.clear();
    this.refreshing = true;
    this.awaitingPulls = true;
    const patience = setTimeout(() => this.pullsSent(), REFRESH_PATIENCE_MS);
    const answered = () => {
      clearTimeout(patience);
      this.refreshed();
    };
    this.context.connection.languages.diagnostics.refresh().then(answered, (error: unknown) => {
      this.context.connection.console.warn(`workspace/diagnostic/refresh failed: ${String(error)}`);
      answered();
    });
  }

  private refreshed(): void {
    this.refreshing = false;
    if (this.awaitingPulls) this.pullsSent();
    else this.refreshLater();
  }

  /** The client answered the refresh, so it has sent the pulls it asked for (or was given long enough): the work that waited goes on. */
  private pullsSent(): void {
    this.awaitingPulls = false;
    this.context.whenQueueEmpty(() => this.work.schedule());
    this.releaseWaiting();
  }

  /** A stale file checked again. A file no client was shown, and that no workspace pull waits for, is left until asked for. */
  private check(uri: string, at: CorpusFile): void {
    const before = this.results.get(uri);
    if (before === undefined && this.pulls.size === 0) return;
    this.noteChange(uri, at, before, this.compute(uri, at).fingerprint);
  }

  /**
   * A file's fingerprint now: computed again, with its diagnostics, only if
   * something touched it since (then where it was touched says which corpus
   * file it is) or it was never computed (then `at` does).
   */
  current(uri: string, at?: CorpusFile): { fingerprint: string; shown?: ShownFile } {
    const before = this.results.get(uri);
    const touched = this.stale.get(uri);
    if (before !== undefined && touched === undefined) return { fingerprint: before };
    const shown = this.compute(uri, touched ?? at);
    this.noteChange(uri, at, before, shown.fingerprint);
    return { fingerprint: shown.fingerprint, shown };
  }

  /**
   * A file whose diagnostics changed since they were last computed: workspace
   * pulls look at it again, and if the client was shown it, it lacks the
   * change until it pulls the file again. That holds for a document the
   * client edited too: it pulls it again only if it shows it (VS Code leaves
   * a document a rename or a fix edited unseen to the workspace pull).
   */
  private noteChange(uri: string, at: CorpusFile | undefined, before: string | undefined, now: string): void {
    if (now === before) return;
    if (before !== undefined) this.undelivered.add(uri);
    for (const pull of this.pulls) pull.recheck(uri, at);
  }

  /**
   * What the editor is shown for a URI now, remembered as its current
   * result. `at` saves reading the URI again when the caller knows which
   * corpus file it is.
   */
  compute(uri: string, at = this.context.corpusFileOf(uri)): ShownFile {
    this.stale.delete(uri);
    const shown = at ? this.context.shown.of(at.host, at.file) : { uri, version: this.context.versionOf(uri), diagnostics: [], fingerprint: EMPTY_FINGERPRINT };
    // Files no corpus holds are not remembered: a client that asks again about one is told it shows nothing.
    if (at?.host.holds(at.file) === true || shown.fingerprint !== EMPTY_FINGERPRINT) this.results.set(uri, shown.fingerprint);
    else this.results.delete(uri);
    return shown;
  }
}

/** What a workspace pull reads of the current results. */
interface Results {
  current(uri: string, at?: CorpusFile): { fingerprint: string; shown?: ShownFile };
  compute(uri: string, at?: CorpusFile): ShownFile;
  reportedByWorkspace(uri: string): void;
}

/** One workspace/diagnostic request while it is being answered or held open. */
class WorkspacePull {
  /** What the client has per URI: its result ids, then what this pull reported. */
  private readonly reported: Map<string, string>;
  /** Files to look at: every corpus file at first (and those the client knows that are gone), then the files that change. */
  private readonly toCheck = new PendingFiles<CorpusFile | undefined>();
  private readonly fullReports: WorkspaceDocumentDiagnosticReport[] = [];
  /** The files this pull reported in full. */
  private readonly sentFull = new Set<string>();
  finish: (answer: WorkspaceAnswer) => void = () => undefined;

  constructor(
    private readonly previous: ReadonlyMap<string, string>,
    files: Iterable<readonly [string, CorpusFile]>,
    private readonly progress: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult> | undefined,
  ) {
    this.reported = new Map(previous);
    for (const [uri, at] of files) this.toCheck.add(uri, at);
    // The client is told that files the corpus no longer holds show nothing.
    for (const uri of previous.keys()) if (!this.toCheck.has(uri)) this.toCheck.add(uri, undefined);
  }

  /** Looks at the next file; false when none is left. */
  checkNext(results: Results): boolean {
    const next = this.toCheck.take();
    if (!next) {
      this.flush();
      return false;
    }
    const [uri, at] = next;
    const { fingerprint, shown } = results.current(uri, at);
    if (this.reported.get(uri) === fingerprint) return true;
    this.report(results, uri, fingerprint, shown ?? results.compute(uri, at));
    return true;
  }

  private report(results: Results, uri: string, fingerprint: string, shown: ShownFile): void {
    results.reportedByWorkspace(uri);
    this.reported.set(uri, fingerprint);
    this.sentFull.add(uri);
    this.fullReports.push(toWorkspaceFullReport(shown));
    if (this.fullReports.length >= REPORTS_PER_PARTIAL_RESULT) this.flush();
  }

  /** A file changed while the pull was under way or held: it is looked at again. */
  recheck(uri: string, at: CorpusFile | undefined): void {
    this.toCheck.add(uri, at);
  }

  /** The client was given this result by a document pull. */
  clientHas(uri: string, fingerprint: string): void {
    this.reported.set(uri, fingerprint);
  }

  private flush(): void {
    if (!this.progress || this.fullReports.length === 0) return;
    this.progress.report({ items: this.fullReports.splice(0) });
  }

  /**
   * The answer to a pull without partial results, once every file was looked
   * at: the full reports, and `unchanged` for every other file the client
   * gave a result id for (looked at, it still shows what that id says).
   */
  answer(versionOf: (uri: string) => number | null): WorkspaceDiagnosticReport {
    const unchanged: WorkspaceDocumentDiagnosticReport[] = [];
    for (const [uri, resultId] of this.previous) {
      if (!this.sentFull.has(uri)) unchanged.push(toWorkspaceUnchangedReport(uri, resultId, versionOf(uri)));
    }
    return { items: [...this.fullReports.splice(0), ...unchanged] };
  }
}

/** A workspace/diagnostic sent to a server that pushes its diagnostics to this client. */
export function notPulled(method: string): ResponseError<never> {
  return new ResponseError<never>(ErrorCodes.MethodNotFound, `${method}: this server publishes its diagnostics to this client, which did not declare pull diagnostics with refresh support`);
}
