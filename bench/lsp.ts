// The language server as an editor meets it, in three sessions per build,
// each a fresh server on the same generated corpus:
//
// - push: a client without pulled diagnostics (Neovim 0.7), which the server
//   must publish every corpus diagnostic to. Indexing, hovers, completions,
//   and each kind of edit timed from its didChange to the last
//   publishDiagnostics it causes;
// - pull: a client that declares LSP 3.17's pulled diagnostics and behaves
//   as VS Code's (vscode-languageclient 11) does: a workspace pull held
//   open all along, the edited report pulled as soon as its change is sent,
//   every report it shows pulled again on workspace/diagnostic/refresh, and
//   the other report it shows pulled 500 ms after the edited one's answer
//   (its background scheduler). Each edit is timed to when both visible
//   reports hold their final diagnostics, the edited one no earlier than its
//   pull's answer. A server that does not offer `diagnosticProvider` is noted
//   as such and skipped;
// - memory: a long run of mixed edits, RSS read after indexing, after 100
//   edits and after 1,000.
//
// Timing an edit honestly. "Last publish" is only known once the server has
// gone quiet, so after each edit the client waits for a quiet period with
// no publish; that wait is the benchmark's, never part of a figure. Right
// after the change the client sends a probe hover. Where an edit changes what
// a hover shows (the edited value's claim card, the edited actor's aliases:
// the site's witness), the answers for both variants are learnt during the
// warm-up edits, and a measured edit is done only once the probe shows its
// variant: a stale answer sends the probe again. An edit that publishes
// nothing is timed to that answer. Prose typed at the end of a report
// changes nothing any request can show, so there the proof is the order LSP
// requires (a request is answered after the changes sent before it), which
// each push session checks first with an edit whose effect a hover does
// show. The server's CPU time over each kind's edits is read too: work
// deferred past the answer and the quiet period still shows there.
//
// With two builds (`--compare`), both servers run side by side and every
// measurement alternates between them, first one then the other, then the
// other way round, so neither meets a quieter machine.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { EDIT_KINDS, type EditKind, type EditSite, type GeneratedCorpus, type ProbeSite } from './corpus';
import { BenchClient, positionAt, uriOf, type DiagnosticMode, type PulledReport } from './lspClient';
import type { MemoryBreakdown } from './children/memoryBreakdown';
import { formatProfile, formatSlowest, readProfile, summariseProfile, type ProfileWindow } from './profile';

export interface LspOptions {
  /** Measured edits per kind. */
  readonly edits: number;
  /** Measured requests per hover or completion site. */
  readonly requests: number;
  readonly quietMs: number;
  /** Stop measuring a kind of edit after this long (at least `MINIMUM_EDITS` done), so a slow kind cannot stall the run. */
  readonly editBudgetMs: number;
  readonly indexTimeoutMs: number;
  /** A workspace pull after an edit that streams nothing for this long is held open by the server: nothing else changed. */
  readonly heldPullMs: number;
  /** The memory session: edits in the mixed run, its time budget (per build, in its own edits' time), and the quiet period between its edits. */
  readonly mixedEdits: number;
  readonly mixedBudgetMs: number;
  readonly mixedQuietMs: number;
  /**
   * Profile the servers of the push and pull sessions (node --cpu-prof, into
   * a folder per build and mode under `dir`) and hand `report` where each
   * kind of edit spent its CPU.
   */
  readonly serverProfile?: { readonly dir: string; readonly report: (text: string) => void };
  /** Node flags for every language server started (`--server-node-options`), e.g. to take heap snapshots. */
  readonly serverNodeOptions: readonly string[];
  /**
   * `--memory-breakdown`: the memory session's servers preload `preload` and,
   * at each of its readings, log what their resident set is made of (into `dir`).
   */
  readonly memoryBreakdown?: { readonly preload: string; readonly dir: string };
}

/** A server to measure: the label the table prints, the program, and what its own `check` says it must publish. */
export interface LspBuild {
  readonly label: string;
  readonly cli: string;
  /** The same build bundled unminified, for server profiles that name modules. */
  readonly readableCli?: string;
  /** Files with a diagnostic above hint in this build's `corroborate check`: what a push server publishes without opening them. */
  readonly expectedPublishes: number;
  /**
   * Node flags and environment variables for this build's servers alone
   * (`--this-node-options`, `--this-env`): a lever that is not in the code
   * (V8's young generation from the start, malloc's arenas) measured beside
   * the build without it.
   */
  readonly nodeOptions?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

export interface Settled {
  /** From the change sent to the last publish it caused, or to the probe's answer when it caused none. */
  readonly ms: number;
  /** Distinct files republished. */
  readonly files: number;
  readonly via: 'publish' | 'answer';
  /** Probe answers that still showed the old variant before one showed the new. */
  readonly staleAnswers: number;
  /** The probe's answer was neither variant's learnt answer (the server's state differs from the warm-up's). */
  readonly unrecognised: boolean;
  /**
   * From the change to the edited file's first publish: where the analyst
   * looks, its errors and warnings (an open report's possible-claim hints
   * may follow in a later publish, which `ms` runs to). Undefined when the
   * edit did not republish it.
   */
  readonly editedMs?: number;
  /** How many times the edited file was published. */
  readonly editedPublishes: number;
}

/** How a kind's edits were shown to have applied. */
export type Proof = 'witness' | 'order';

export interface EditFigures {
  readonly kind: EditKind;
  readonly description: string;
  readonly file: string;
  readonly proof: Proof;
  readonly samples: readonly Settled[];
  /** Server CPU time over the measured edits (quiet periods included), per edit. */
  readonly cpuMsPerEdit?: number;
}

export interface RequestFigures {
  readonly description: string;
  readonly samplesMs: readonly number[];
  /** Hover: whether it had content; completion: how many items. */
  readonly result: string;
  /** Completion: the answer's size as JSON, in UTF-8 bytes. */
  readonly answerBytes?: number;
  /** Server CPU time per request, where requests were timed one by one (after an edit each). */
  readonly cpuMsPerRequest?: number;
}

export interface IndexFigures {
  /** From `initialized` to `corroborate/corpusDocuments` (in push mode, sent once every file is published). */
  readonly ms: number;
  /** The server's own "indexed … in N ms" (loading the corpus, before publishing). */
  readonly serverMs?: number;
  readonly publishes: number;
  readonly rssMb?: number;
}

/** Whether answers follow the changes sent before them: an edit a hover can see, then the hover. */
export interface OrderingCheck {
  readonly rounds: number;
  readonly passed: number;
}

export interface PushFigures {
  readonly index: IndexFigures;
  readonly expectedPublishes: number;
  readonly ordering: OrderingCheck;
  readonly openRegistry: Settled;
  readonly edits: Readonly<Record<EditKind, EditFigures>>;
  readonly hovers: readonly RequestFigures[];
  readonly completions: readonly RequestFigures[];
  /** Right after an edit of the hot event, each after its own edit: a hover on the hot event id, then the event's claims matrix. */
  readonly afterHotEdit: readonly RequestFigures[];
  readonly rssEndMb?: number;
  readonly peakRssMb?: number;
}

export interface PullSample {
  /** From the change to both visible reports holding their final diagnostics (the edited one no earlier than its pull's answer). */
  readonly visibleMs: number;
  /** From the change to the edited report's pull answered. */
  readonly editedMs: number;
  /** Whether the companion's diagnostics changed with the edit, and so were waited for. */
  readonly companionChanged: boolean;
  /** Visible reports the client still lacked a change to once the edit settled: the server never said they changed. */
  readonly lacking: number;
  /** The held workspace pull: from the change to the last report it streamed, if it streamed any. */
  readonly workspaceFromEditMs?: number;
  /** Workspace reports streamed for the edit: full (changed), and full ones that repeat the last diagnostics sent for that report. */
  readonly full: number;
  readonly fullButSame: number;
  /** publishDiagnostics and refresh requests the server sent while the edit settled. */
  readonly pushes: number;
  readonly refreshes: number;
}

export interface PullEditFigures {
  readonly kind: EditKind;
  readonly description: string;
  readonly visible: readonly string[];
  readonly samples: readonly PullSample[];
  readonly cpuMsPerEdit?: number;
}

export type PullFigures =
  | { readonly supported: false }
  | {
      readonly supported: true;
      readonly workspace: boolean;
      readonly index: IndexFigures;
      /** The first workspace pull after indexing, with no result ids: every report's diagnostics. */
      readonly firstWorkspacePull?: { readonly ms: number; readonly reports: number; readonly heldOpen: boolean };
      readonly edits: Readonly<Record<EditKind, PullEditFigures>>;
      readonly rssEndMb?: number;
      readonly peakRssMb?: number;
    };

export interface MemoryFigures {
  readonly rssAfterIndexMb?: number;
  readonly rssAfterOpenMb?: number;
  /** RSS after every 100 mixed edits (after a quiet period). */
  readonly checkpoints: readonly { readonly edits: number; readonly rssMb?: number }[];
  readonly editsDone: number;
  readonly budgetHit: boolean;
  /** Each mixed edit, change to the probe's answer or last publish (the pace, not a target). */
  readonly editMs: readonly number[];
  readonly composition: Readonly<Record<EditKind, number>>;
  /** RSS once the server has had `IDLE_READING_MS` without a message after the last edit: what an editor left open holds between bursts. */
  readonly rssIdleMb?: number;
  readonly peakRssMb?: number;
}

const WARMUP_EDITS = 2;
/** The corpus's hover on the hot event id, among its hover sites. */
const HOT_EVENT_HOVER = 2;
const WARMUP_REQUESTS = 5;
const MINIMUM_EDITS = 10;
const ORDERING_ROUNDS = 3;
/** A probe that keeps showing the old variant this long means the edit was lost: the run stops. */
const STALE_LIMIT_MS = 10 * 60_000;
/** VS Code's background scheduler pulls the other documents it shows this long after the edited one's answer. */
const BACKGROUND_PULL_MS = 500;

interface OpenDocument {
  readonly uri: string;
  text: string;
}

interface Change {
  readonly uri: string;
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly text: string;
  /** Index of the variant in place once the change is applied. */
  readonly variant: number;
}

/** What a hover at a site's witness answered with each variant in place, learnt during the warm-up edits. */
type Learnt = [string | undefined, string | undefined];

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sessions in alternating order: as given on even rounds, reversed on odd ones. */
function alternate<T>(items: readonly T[], round: number): [number, T][] {
  const indexed = items.map((item, i): [number, T] => [i, item]);
  return round % 2 === 0 ? indexed : indexed.reverse();
}

/** The files the sessions open: every edited file and its companion, corroborate.yaml last. */
function openFiles(corpus: GeneratedCorpus): string[] {
  const files = new Set<string>();
  for (const kind of EDIT_KINDS) {
    const site = corpus.edits[kind];
    if (site.file !== 'corroborate.yaml') files.add(site.file);
    if (site.companion !== 'corroborate.yaml') files.add(site.companion);
  }
  return [...files, 'corroborate.yaml'];
}

/** The clock CPU profiles use: monotonic, in µs. */
function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** performance.now() runs on the same monotonic clock from another origin: this far behind it, in µs. */
const PERFORMANCE_ORIGIN_US = monotonicUs() - performance.now() * 1000;

/** A time of performance.now() on the profiles' clock. */
function profileUs(performanceMs: number): number {
  return PERFORMANCE_ORIGIN_US + performanceMs * 1000;
}

/** The measured edits of one kind on one server (or, after them, requests each sent after its own edit), as a stretch of its CPU profile. */
interface KindWindow extends ProfileWindow {
  /** What the stretch measured, as the profile's title names it: "hotEvent edits". */
  readonly title: string;
  readonly edits: number;
}

class Session {
  readonly documents = new Map<string, OpenDocument>();
  /** Set when the server is profiled: the folder its profile goes to, and the stretch of each kind's edits. */
  profileDir?: string;
  readonly kindWindows: KindWindow[] = [];
  /** Set when the server is profiled: each measured request (or pull edit) from its sending to its answer, by what it measured. */
  readonly requestWindows = new Map<string, ProfileWindow[]>();
  private readonly steps = new Map<EditKind, number>();
  private readonly learnt = new Map<EditKind, Learnt>();
  /** Pull: the result id and last full diagnostics of each report, as a client keeps them. */
  readonly resultIds = new Map<string, string>();
  readonly contents = new Map<string, string>();
  /** Pull: the reports the editor shows, which a refresh has it pull again. */
  visible: readonly string[] = [];
  /** Pull: each document pull answered, with the client's copy of that report after it. */
  private readonly answers: { readonly uri: string; readonly at: number; readonly content: string | undefined }[] = [];
  /** Pull: each report the held workspace pull streamed. */
  private readonly streamed: { readonly at: number; readonly full: boolean; readonly same: boolean }[] = [];
  /** Pull: document pulls sent and not answered yet. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private workspacePull?: { stop(): Promise<void> };

  constructor(
    readonly build: LspBuild,
    readonly client: BenchClient,
    readonly corpus: GeneratedCorpus,
    readonly index: IndexFigures,
  ) {}

  static async start(build: LspBuild, corpus: GeneratedCorpus, mode: DiagnosticMode, options: LspOptions, log: (line: string) => void, profileDir?: string): Promise<Session | undefined> {
    if (profileDir !== undefined) fs.mkdirSync(profileDir, { recursive: true });
    const profiling = profileDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', profileDir];
    const client = BenchClient.start(profileDir === undefined ? build.cli : (build.readableCli ?? build.cli), corpus.dir, mode, [...(build.nodeOptions ?? []), ...options.serverNodeOptions, ...profiling], build.env);
    try {
      await client.initialize(corpus.dir);
      if (mode === 'pull' && !client.pullSupport().documents) {
        log(`  ${build.label}: pulled diagnostics not supported by this server (no diagnosticProvider)`);
        await client.stop();
        return undefined;
      }
      const start = await client.initialized();
      await client.waitFor('the corpus to be indexed (corroborate/corpusDocuments)', () => client.corpusDocumentsAt !== undefined, options.indexTimeoutMs);
      const ms = (client.corpusDocumentsAt ?? NaN) - start;
      const indexedLine = client.logs.map((line) => /^indexed .* in (\d+) ms$/.exec(line)).find((match) => match !== null);
      const { rssMb } = client.memory();
      const index: IndexFigures = {
        ms,
        publishes: client.publishes.length,
        ...(indexedLine?.[1] !== undefined ? { serverMs: Number(indexedLine[1]) } : {}),
        ...(rssMb !== undefined ? { rssMb } : {}),
      };
      log(`  ${build.label}, ${mode}: indexed in ${ms.toFixed(0)} ms (${index.publishes} files published, ${client.corpusDocuments.length} documents)`);
      const session = new Session(build, client, corpus, index);
      if (profileDir !== undefined) session.profileDir = profileDir;
      return session;
    } catch (error) {
      await client.stop().catch(() => undefined);
      throw error;
    }
  }

  document(file: string): OpenDocument {
    const document = this.documents.get(file);
    if (!document) throw new Error(`${file} is not open`);
    return document;
  }

  /** Opens the files the edits and probes use; each settled as an edit is. Returns corroborate.yaml's. */
  async open(quietMs: number): Promise<Settled> {
    let registry: Settled | undefined;
    for (const file of openFiles(this.corpus)) {
      const document: OpenDocument = { uri: uriOf(this.corpus.dir, file), text: fs.readFileSync(path.join(this.corpus.dir, file), 'utf8') };
      this.documents.set(file, document);
      const languageId = file === 'corroborate.yaml' ? 'yaml' : 'corroborate';
      const opened = await this.settle(() => this.client.open(document.uri, languageId, document.text), document.uri, quietMs);
      if (this.client.mode === 'pull' && file !== 'corroborate.yaml') await this.pull(document.uri);
      if (file === 'corroborate.yaml') registry = opened;
    }
    if (!registry) throw new Error('corroborate.yaml was not opened');
    await this.idle();
    return registry;
  }

  /**
   * Waits until the server spends under a tenth of a window of CPU: once the
   * reports are opened it learns the assist's cues in slices between
   * requests, publishing nothing until done, so a quiet period alone would
   * measure requests while it learns (they then wait tens of ms) rather than
   * in the steady state the figures describe.
   */
  private async idle(windowMs = 250, timeoutMs = 300_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const before = this.client.cpuMs();
      await new Promise((resolve) => setTimeout(resolve, windowMs));
      const after = this.client.cpuMs();
      if (before === undefined || after === undefined || after - before < windowMs / 10) return;
      if (performance.now() > deadline) throw new Error(`the server was still busy ${timeoutMs / 1000} s after the reports were opened`);
    }
  }

  /** The next toggle of a site, applied to the client's copy of the text. */
  toggle(kind: EditKind): Change {
    const site = this.corpus.edits[kind];
    const document = this.document(site.file);
    const step = this.steps.get(kind) ?? 0;
    const from = site.variants[step % 2];
    const to = site.variants[(step + 1) % 2];
    if (document.text.slice(site.offset, site.offset + from.length) !== from) throw new Error(`edit site in ${site.file} lost track of its text`);
    const range = { start: positionAt(document.text, site.offset), end: positionAt(document.text, site.offset + from.length) };
    document.text = document.text.slice(0, site.offset) + to + document.text.slice(site.offset + from.length);
    this.steps.set(kind, step + 1);
    return { uri: document.uri, range, text: to, variant: (step + 1) % 2 };
  }

  /** Whether a site was toggled an odd number of times (its file is not as generated). */
  toggled(kind: EditKind): boolean {
    return (this.steps.get(kind) ?? 0) % 2 === 1;
  }

  /** The probe after an edit of this kind: the witness when it tells the variants apart, else a hover at the edited file's start. */
  probe(kind: EditKind): { uri: string; position: { line: number; character: number }; learnt?: Learnt } {
    const site = this.corpus.edits[kind];
    const learnt = this.learnt.get(kind);
    if (site.witness && learnt && learnt[0] !== undefined && learnt[1] !== undefined && learnt[0] !== learnt[1]) {
      const document = this.document(site.witness.file);
      return { uri: document.uri, position: positionAt(document.text, site.witness.offset), learnt };
    }
    return { uri: this.document(site.file).uri, position: { line: 0, character: 0 } };
  }

  proof(kind: EditKind): Proof {
    return this.probe(kind).learnt ? 'witness' : 'order';
  }

  /** After a warm-up edit has settled: what the witness shows with this variant in place. */
  async learn(kind: EditKind, variant: number): Promise<void> {
    const site = this.corpus.edits[kind];
    if (!site.witness) return;
    const document = this.document(site.witness.file);
    const answer = await this.client.hover(document.uri, positionAt(document.text, site.witness.offset));
    const learnt: Learnt = this.learnt.get(kind) ?? [undefined, undefined];
    learnt[variant] = answer.answer;
    this.learnt.set(kind, learnt);
  }

  /** Waits until nothing (publish, refresh, `since`) has happened for `quietMs`. */
  async quiet(since: number, quietMs: number): Promise<void> {
    for (;;) {
      const last = Math.max(
        since,
        this.client.publishes[this.client.publishes.length - 1]?.at ?? -Infinity,
        this.client.refreshes[this.client.refreshes.length - 1] ?? -Infinity,
        this.streamed[this.streamed.length - 1]?.at ?? -Infinity,
        this.answers[this.answers.length - 1]?.at ?? -Infinity,
      );
      const left = last + quietMs - performance.now();
      if (left <= 0) return;
      await pause(left);
    }
  }

  /** Sends `action`, probes with a hover at the start of `probeUri`, waits for the quiet period, and says when the server was done. */
  async settle(action: () => Promise<void>, probeUri: string, quietMs: number): Promise<Settled> {
    const before = this.client.publishes.length;
    const start = performance.now();
    await action();
    const probe = await this.client.hover(probeUri, { line: 0, character: 0 });
    await this.quiet(probe.at, quietMs);
    return this.settled(before, start, probe.at, 0, false, probeUri);
  }

  private settled(before: number, start: number, answeredAt: number, staleAnswers: number, unrecognised: boolean, editedUri: string): Settled {
    const mine = this.client.publishes.slice(before);
    const last = mine[mine.length - 1];
    if (!last) return { ms: answeredAt - start, files: 0, via: 'answer', staleAnswers, unrecognised, editedPublishes: 0 };
    // A stale first answer means the change was applied only when a later one arrived: the edit is done no earlier.
    const done = staleAnswers > 0 ? Math.max(last.at, answeredAt) : last.at;
    const edited = mine.filter((p) => p.uri === editedUri);
    const editedMs = edited[0] === undefined ? undefined : (staleAnswers > 0 ? Math.max(edited[0].at, answeredAt) : edited[0].at) - start;
    return {
      ms: done - start,
      files: new Set(mine.map((p) => p.uri)).size,
      via: 'publish',
      staleAnswers,
      unrecognised,
      ...(editedMs !== undefined ? { editedMs } : {}),
      editedPublishes: edited.length,
    };
  }

  /**
   * One edit of a kind: the change, then the probe until it shows the new
   * variant, then the quiet period. `learning` (warm-up) records what the
   * witness shows once the edit has settled.
   */
  async edit(kind: EditKind, quietMs: number, learning = false): Promise<Settled> {
    const probe = this.probe(kind);
    const change = this.toggle(kind);
    const before = this.client.publishes.length;
    const start = performance.now();
    await this.client.change(change.uri, change.range, change.text);
    let answer = await this.client.hover(probe.uri, probe.position);
    let staleAnswers = 0;
    let unrecognised = false;
    if (probe.learnt) {
      const stale = probe.learnt[1 - change.variant];
      while (answer.answer === stale) {
        if (performance.now() - start > STALE_LIMIT_MS) throw new Error(`${this.build.label}: after ${STALE_LIMIT_MS} ms the server still shows the ${kind} edit unapplied`);
        staleAnswers++;
        answer = await this.client.hover(probe.uri, probe.position);
      }
      unrecognised = answer.answer !== probe.learnt[change.variant];
    }
    await this.quiet(answer.at, quietMs);
    const settled = this.settled(before, start, answer.at, staleAnswers, unrecognised, change.uri);
    if (learning) await this.learn(kind, change.variant);
    return settled;
  }

  /** A measured request, sent at `sentMs` and answered at `answeredMs` (performance.now()): a stretch of the profile to read. */
  requestWindow(title: string, sentMs: number, answeredMs: number): void {
    if (this.profileDir === undefined) return;
    const windows = this.requestWindows.get(title) ?? [];
    windows.push({ fromUs: profileUs(sentMs), toUs: profileUs(answeredMs) });
    this.requestWindows.set(title, windows);
  }

  /** Pull: one report's diagnostics, with the result id held for it; the client's copy updated. */
  async pull(uri: string): Promise<PulledReport & { at: number }> {
    const report = await this.client.pullDocument(uri, this.resultIds.get(uri));
    this.remember(report);
    this.answers.push({ uri, at: report.at, content: this.contents.get(uri) });
    return report;
  }

  /** A pull sent without waiting for it, as VS Code sends those a refresh or its background scheduler asks for. */
  pullLater(uri: string): void {
    const pending = this.pull(uri).finally(() => this.inFlight.delete(pending));
    this.inFlight.add(pending);
  }

  /** Pull, as VS Code: a workspace pull held open from now on, and the visible reports pulled again on every refresh. */
  holdWorkspacePull(): void {
    this.client.onRefresh = () => {
      for (const file of this.visible) this.pullLater(this.document(file).uri);
    };
    if (!this.client.pullSupport().workspace) return;
    this.workspacePull = this.client.holdWorkspacePull(
      () => this.resultIds,
      (reports, at) => {
        for (const report of reports) this.streamed.push({ at, full: report.kind === 'full', same: this.remember(report) });
      },
    );
  }

  async stopWorkspacePull(): Promise<void> {
    await this.workspacePull?.stop();
  }

  /** Waits for the quiet period after `since`, and for every pull sent meanwhile to be answered. */
  private async settlePulls(since: number, quietMs: number): Promise<void> {
    for (;;) {
      await this.quiet(since, quietMs);
      if (this.inFlight.size === 0) return;
      await Promise.all(this.inFlight);
    }
  }

  /** Keeps a pulled report's result id and content; says whether a full report repeated the last content. */
  remember(report: PulledReport): boolean {
    if (report.resultId !== undefined) this.resultIds.set(report.uri, report.resultId);
    if (report.kind !== 'full' || report.content === undefined) return false;
    const same = this.contents.get(report.uri) === report.content;
    this.contents.set(report.uri, report.content);
    return same;
  }

  /**
   * Pull mode, as VS Code: the edit, the edited report pulled at once, the
   * other visible report 500 ms after that answer, both again on every
   * refresh the server sends; then the quiet period, and both pulled once
   * more to learn whether the client was left lacking a change. A visible
   * report is ready when the client's copy last changed (the edited one no
   * earlier than its pull's answer).
   */
  async pullEdit(kind: EditKind, options: LspOptions): Promise<PullSample> {
    await this.settlePulls(performance.now(), options.quietMs);
    const site = this.corpus.edits[kind];
    const [edited, companion] = [site.file, site.companion].map((file) => this.document(file).uri) as [string, string];
    const before = new Map([edited, companion].map((uri) => [uri, this.contents.get(uri)]));
    const firstAnswer = this.answers.length;
    const firstStreamed = this.streamed.length;
    const pushesBefore = this.client.publishes.length;
    const refreshesBefore = this.client.refreshes.length;
    const change = this.toggle(kind);
    const start = performance.now();
    await this.client.change(change.uri, change.range, change.text);
    const editedAnswer = await this.pull(edited);
    const background = pause(BACKGROUND_PULL_MS).then(() => this.pullLater(companion));
    this.inFlight.add(background);
    void background.finally(() => this.inFlight.delete(background));
    await this.settlePulls(editedAnswer.at, options.quietMs);
    const answers = this.answers.slice(firstAnswer);
    let lacking = 0;
    for (const uri of [edited, companion]) {
      const had = this.contents.get(uri);
      if ((await this.pull(uri)).kind === 'full' && this.contents.get(uri) !== had) lacking++;
    }
    const changedAt = (uri: string): number | undefined => {
      let content = before.get(uri);
      let at: number | undefined;
      for (const answer of answers) {
        if (answer.uri !== uri || answer.content === content) continue;
        content = answer.content;
        at = answer.at;
      }
      return at;
    };
    const companionAt = changedAt(companion);
    const streamed = this.streamed.slice(firstStreamed);
    const lastStreamed = streamed[streamed.length - 1];
    const visibleAt = Math.max(editedAnswer.at, changedAt(edited) ?? -Infinity, companionAt ?? -Infinity);
    this.requestWindow(`${kind} edit, the change to the edited report's pull answered`, start, editedAnswer.at);
    this.requestWindow(`${kind} edit, the change to both visible reports' final diagnostics`, start, visibleAt);
    return {
      visibleMs: visibleAt - start,
      editedMs: editedAnswer.at - start,
      companionChanged: companionAt !== undefined,
      lacking,
      ...(lastStreamed ? { workspaceFromEditMs: lastStreamed.at - start } : {}),
      full: streamed.filter((r) => r.full).length,
      fullButSame: streamed.filter((r) => r.full && r.same).length,
      pushes: this.client.publishes.length - pushesBefore,
      refreshes: this.client.refreshes.length - refreshesBefore,
    };
  }

  /**
   * Typing before a mention shifts it: a hover sent right after the change
   * shows the shifted range only if the server answers after applying it.
   */
  async checkOrdering(site: ProbeSite, quietMs: number): Promise<OrderingCheck> {
    const document = this.document(site.file);
    const bracket = document.text.lastIndexOf('[', site.offset);
    const baseline = JSON.parse((await this.client.hover(document.uri, positionAt(document.text, site.offset))).answer) as { range?: { start: { line: number; character: number } } } | null;
    const start = baseline?.range?.start;
    let passed = 0;
    for (let round = 0; round < ORDERING_ROUNDS; round++) {
      const at = positionAt(document.text, bracket);
      document.text = `${document.text.slice(0, bracket)}x${document.text.slice(bracket)}`;
      await this.client.change(document.uri, { start: at, end: at }, 'x');
      const shifted = JSON.parse((await this.client.hover(document.uri, positionAt(document.text, site.offset + 1))).answer) as typeof baseline;
      const moved = shifted?.range?.start;
      if (start && moved && moved.line === start.line && moved.character === start.character + 1) passed++;
      document.text = document.text.slice(0, bracket) + document.text.slice(bracket + 1);
      await this.client.change(document.uri, { start: at, end: { line: at.line, character: at.character + 1 } }, '');
      await this.quiet(performance.now(), quietMs);
    }
    return { rounds: ORDERING_ROUNDS, passed };
  }

  async stop(): Promise<void> {
    await this.client.stop();
  }
}

/** `profiled`: the servers run under --cpu-prof (options.serverProfile), each into a folder named by `mode` and its build. */
async function startAll(builds: readonly LspBuild[], corpus: GeneratedCorpus, mode: DiagnosticMode, options: LspOptions, log: (line: string) => void, profiled = false): Promise<(Session | undefined)[]> {
  const sessions: (Session | undefined)[] = [];
  const profileDir = (build: LspBuild) =>
    profiled && options.serverProfile ? path.join(options.serverProfile.dir, `${corpus.shape}-${corpus.files.length}-${mode}-${build.label.replace(/[^\w.+-]/g, '_')}`) : undefined;
  try {
    for (const build of builds) sessions.push(await Session.start(build, corpus, mode, options, log, profileDir(build)));
  } catch (error) {
    await stopAll(sessions);
    throw error;
  }
  return sessions;
}

async function stopAll(sessions: readonly (Session | undefined)[]): Promise<void> {
  for (const session of sessions) await session?.stop().catch(() => undefined);
}

/** How many of a kind's slowest requests the server profile lists one by one, and with how many functions each. */
const SLOWEST_REQUESTS = 3;
const SLOWEST_FUNCTIONS = 5;

/**
 * Where each profiled server (stopped, so its profile is written) spent its
 * CPU over each kind of edit, and between the sending and the answer of each
 * measured request.
 */
function reportServerProfiles(sessions: readonly Session[], mode: DiagnosticMode, options: LspOptions): void {
  const report = options.serverProfile?.report;
  if (!report) return;
  for (const session of sessions) {
    if (session.profileDir === undefined) continue;
    const profile = readProfile(session.profileDir);
    const bundle = session.build.readableCli ?? session.build.cli;
    for (const window of session.kindWindows) {
      const summary = summariseProfile(profile, bundle, (window.toUs - window.fromUs) / 1000, 15, [window]);
      const title = `Server CPU profile, ${mode}, ${session.build.label}, ${window.title} (${window.edits} measured, ${(summary.totalMs / window.edits).toFixed(1)} ms each)`;
      report(formatProfile(summary, title));
    }
    for (const [what, windows] of session.requestWindows) {
      const wallMs = windows.reduce((sum, w) => sum + (w.toUs - w.fromUs), 0) / 1000;
      const summary = summariseProfile(profile, bundle, wallMs, 15, windows);
      const each = (ms: number) => (ms / windows.length).toFixed(2);
      const title = `Server CPU profile, ${mode}, ${session.build.label}, from the sending to the answer of each: ${what} (${windows.length} measured; each ${each(wallMs)} ms wall, ${each(summary.totalMs)} ms at work, ${each(summary.idleMs ?? 0)} ms idle)`;
      report(formatProfile(summary, title));
      // A p95 is its slowest few requests: what the server did in each of them.
      const slowest = [...windows].sort((a, b) => b.toUs - b.fromUs - (a.toUs - a.fromUs)).slice(0, SLOWEST_REQUESTS);
      report(formatSlowest(slowest.map((window) => summariseProfile(profile, bundle, (window.toUs - window.fromUs) / 1000, SLOWEST_FUNCTIONS, [window]))));
    }
  }
}

function cpuPerEdit(before: number | undefined, after: number | undefined, edits: number): number | undefined {
  return before === undefined || after === undefined || edits === 0 ? undefined : (after - before) / edits;
}

/**
 * One kind of edit on every session, alternating: warm-ups (which learn the
 * witness), then measured rounds until `edits` or the budget (per build),
 * then one more edit where needed to leave the file as generated.
 */
async function measureKind<T>(
  sessions: readonly Session[],
  kind: EditKind,
  options: LspOptions,
  measure: (session: Session) => Promise<T>,
): Promise<{ samples: T[][]; cpuMsPerEdit: (number | undefined)[] }> {
  for (const session of sessions) for (let i = 0; i < WARMUP_EDITS; i++) await session.edit(kind, options.quietMs, true);
  const samples = sessions.map((): T[] => []);
  const cpuBefore = sessions.map((s) => s.client.cpuMs());
  const began = performance.now();
  const fromUs = monotonicUs();
  const budget = options.editBudgetMs * sessions.length;
  for (let round = 0; round < options.edits && (round < MINIMUM_EDITS || performance.now() - began < budget); round++) {
    for (const [i, session] of alternate(sessions, round)) samples[i]?.push(await measure(session));
  }
  const cpuMsPerEdit = sessions.map((s, i) => cpuPerEdit(cpuBefore[i], s.client.cpuMs(), samples[i]?.length ?? 0));
  const toUs = monotonicUs();
  sessions.forEach((s, i) => s.kindWindows.push({ title: `${kind} edits`, fromUs, toUs, edits: samples[i]?.length ?? 0 }));
  for (const session of sessions) if (session.toggled(kind)) await session.edit(kind, options.quietMs);
  return { samples, cpuMsPerEdit };
}

async function measureRequests(
  sessions: readonly Session[],
  site: ProbeSite,
  count: number,
  ask: (client: BenchClient, uri: string, position: { line: number; character: number }) => Promise<{ at: number; result: string; bytes?: number }>,
): Promise<RequestFigures[]> {
  const results = sessions.map(() => '');
  const bytes = sessions.map((): number | undefined => undefined);
  for (const [i, session] of sessions.entries()) {
    const document = session.document(site.file);
    for (let r = 0; r < WARMUP_REQUESTS; r++) {
      const answer = await ask(session.client, document.uri, positionAt(document.text, site.offset));
      results[i] = answer.result;
      bytes[i] = answer.bytes;
    }
  }
  const samples = sessions.map((): number[] => []);
  for (let r = 0; r < count; r++) {
    for (const [i, session] of alternate(sessions, r)) {
      const document = session.document(site.file);
      const start = performance.now();
      const answer = await ask(session.client, document.uri, positionAt(document.text, site.offset));
      samples[i]?.push(answer.at - start);
      session.requestWindow(site.description, start, answer.at);
    }
  }
  return sessions.map((_, i) => {
    const answerBytes = bytes[i];
    return { description: site.description, samplesMs: samples[i] ?? [], result: results[i] ?? '', ...(answerBytes !== undefined ? { answerBytes } : {}) };
  });
}

/**
 * What an analyst with the event's card or matrix open meets after each
 * edit of the hot event: the request, sent once the edit has settled, that
 * reads the whole event's analysis again (the measured hovers above are
 * answered from a warm cache). Each request follows its own edit, the
 * builds alternating; the server's CPU is read around the request alone.
 */
async function measureAfterHotEdit(
  sessions: readonly Session[],
  description: string,
  count: number,
  options: LspOptions,
  ask: (session: Session) => Promise<{ at: number; result: string; bytes?: number }>,
): Promise<RequestFigures[]> {
  const results = sessions.map(() => '');
  const bytes = sessions.map((): number | undefined => undefined);
  const samples = sessions.map((): number[] => []);
  const cpu = sessions.map((): number[] => []);
  const fromUs = monotonicUs();
  for (let r = 0; r < count; r++) {
    for (const [i, session] of alternate(sessions, r)) {
      await session.edit('hotEvent', options.quietMs);
      const cpuBefore = session.client.cpuMs();
      const start = performance.now();
      const answer = await ask(session);
      samples[i]?.push(answer.at - start);
      session.requestWindow(description, start, answer.at);
      const cpuAfter = session.client.cpuMs();
      if (cpuBefore !== undefined && cpuAfter !== undefined) cpu[i]?.push(cpuAfter - cpuBefore);
      results[i] = answer.result;
      bytes[i] = answer.bytes;
    }
  }
  const toUs = monotonicUs();
  sessions.forEach((s) => s.kindWindows.push({ title: `hotEvent edits, each followed by: ${description}`, fromUs, toUs, edits: count }));
  for (const session of sessions) if (session.toggled('hotEvent')) await session.edit('hotEvent', options.quietMs);
  return sessions.map((_, i) => {
    const answerBytes = bytes[i];
    const cpuMs = cpu[i] ?? [];
    return {
      description,
      samplesMs: samples[i] ?? [],
      result: results[i] ?? '',
      ...(answerBytes !== undefined ? { answerBytes } : {}),
      ...(cpuMs.length > 0 ? { cpuMsPerRequest: cpuMs.reduce((a, b) => a + b, 0) / cpuMs.length } : {}),
    };
  });
}

function byKind<T>(make: (kind: EditKind) => T): Record<EditKind, T> {
  return Object.fromEntries(EDIT_KINDS.map((kind) => [kind, make(kind)])) as Record<EditKind, T>;
}

/** The push session of every build, side by side. */
export async function measurePush(corpus: GeneratedCorpus, builds: readonly LspBuild[], options: LspOptions, log: (line: string) => void): Promise<PushFigures[]> {
  const started = await startAll(builds, corpus, 'push', options, log, true);
  const sessions = started.filter((s): s is Session => s !== undefined);
  try {
    const openRegistry: Settled[] = [];
    const ordering: OrderingCheck[] = [];
    for (const session of sessions) {
      openRegistry.push(await session.open(options.quietMs));
      const actorSite = corpus.hovers[0];
      if (!actorSite) throw new Error('the corpus has no hover site');
      ordering.push(await session.checkOrdering(actorSite, options.quietMs));
    }

    const hovers: RequestFigures[][] = sessions.map(() => []);
    for (const site of corpus.hovers) {
      const figures = await measureRequests(sessions, site, options.requests, async (client, uri, position) => {
        const answer = await client.hover(uri, position);
        return { at: answer.at, result: answer.found ? 'card' : 'nothing' };
      });
      figures.forEach((f, i) => hovers[i]?.push(f));
    }
    const completions: RequestFigures[][] = sessions.map(() => []);
    for (const site of corpus.completions) {
      const figures = await measureRequests(sessions, site, options.requests, async (client, uri, position) => {
        const answer = await client.completion(uri, position);
        return { at: answer.at, result: `${answer.items} items`, bytes: answer.bytes };
      });
      figures.forEach((f, i) => completions[i]?.push(f));
    }
    log('  push: hover and completion done');

    const edits = sessions.map((): Partial<Record<EditKind, EditFigures>> => ({}));
    for (const kind of EDIT_KINDS) {
      const site: EditSite = corpus.edits[kind];
      const { samples, cpuMsPerEdit } = await measureKind(sessions, kind, options, (session) => session.edit(kind, options.quietMs));
      sessions.forEach((session, i) => {
        const figures = edits[i];
        const cpu = cpuMsPerEdit[i];
        if (figures) figures[kind] = { kind, description: site.description, file: site.file, proof: session.proof(kind), samples: samples[i] ?? [], ...(cpu !== undefined ? { cpuMsPerEdit: cpu } : {}) };
      });
      log(`  push: ${kind} edits done`);
    }
    const eventSite = corpus.hovers[HOT_EVENT_HOVER];
    if (!eventSite) throw new Error('the corpus has no hover on the hot event id');
    const afterHotEdit = sessions.map((): RequestFigures[] => []);
    const eventHovers = await measureAfterHotEdit(sessions, 'hover on the hot event id, right after a hot-event edit', options.requests, options, async (session) => {
      const document = session.document(eventSite.file);
      const answer = await session.client.hover(document.uri, positionAt(document.text, eventSite.offset));
      return { at: answer.at, result: answer.found ? 'card' : 'nothing' };
    });
    const matrices = await measureAfterHotEdit(sessions, 'claims matrix of the hot event, right after a hot-event edit', options.requests, options, async (session) => {
      const answer = await session.client.claimsMatrix({ event: corpus.hotEvent.id });
      return { at: answer.at, result: `${answer.rows} rows, ${answer.cells} cells`, bytes: answer.bytes };
    });
    sessions.forEach((_, i) => afterHotEdit[i]?.push(...[eventHovers[i], matrices[i]].filter((f): f is RequestFigures => f !== undefined)));
    log('  push: requests after hot-event edits done');
    return sessions.map((session, i) => {
      const end = session.client.memory();
      const figures = edits[i] ?? {};
      return {
        index: session.index,
        expectedPublishes: session.build.expectedPublishes,
        ordering: ordering[i] ?? { rounds: 0, passed: 0 },
        openRegistry: openRegistry[i] ?? { ms: NaN, files: 0, via: 'answer', staleAnswers: 0, unrecognised: false },
        edits: byKind((kind) => {
          const found = figures[kind];
          if (!found) throw new Error(`no ${kind} figures`);
          return found;
        }),
        hovers: hovers[i] ?? [],
        completions: completions[i] ?? [],
        afterHotEdit: afterHotEdit[i] ?? [],
        ...(end.rssMb !== undefined ? { rssEndMb: end.rssMb } : {}),
        ...(end.peakRssMb !== undefined ? { peakRssMb: end.peakRssMb } : {}),
      };
    });
  } finally {
    await stopAll(sessions);
    reportServerProfiles(sessions, 'push', options);
  }
}

/** The pull session of every build that offers pulled diagnostics, side by side. */
export async function measurePull(corpus: GeneratedCorpus, builds: readonly LspBuild[], options: LspOptions, log: (line: string) => void): Promise<PullFigures[]> {
  const started = await startAll(builds, corpus, 'pull', options, log, true);
  const sessions = started.filter((s): s is Session => s !== undefined);
  if (sessions.length === 0) return started.map(() => ({ supported: false }));
  try {
    const first = new Map<Session, { ms: number; reports: number; heldOpen: boolean }>();
    for (const session of sessions) {
      if (session.client.pullSupport().workspace) {
        const start = performance.now();
        // Timed to its last report: a server may keep the pull open after it, streaming later changes.
        const pulled = await session.client.pullWorkspace(session.resultIds, options.indexTimeoutMs, options.heldPullMs);
        for (const report of pulled.reports) session.remember(report);
        first.set(session, { ms: pulled.at - start, reports: pulled.reports.length, heldOpen: pulled.heldOpen });
      }
      await session.open(options.quietMs);
      session.holdWorkspacePull();
    }
    const edits = new Map<Session, Partial<Record<EditKind, PullEditFigures>>>(sessions.map((s) => [s, {}]));
    for (const kind of EDIT_KINDS) {
      const site = corpus.edits[kind];
      for (const session of sessions) session.visible = [site.file, site.companion];
      const { samples, cpuMsPerEdit } = await measureKind(sessions, kind, options, (session) => session.pullEdit(kind, options));
      sessions.forEach((session, i) => {
        const figures = edits.get(session);
        const cpu = cpuMsPerEdit[i];
        if (figures) figures[kind] = { kind, description: site.description, visible: [site.file, site.companion], samples: samples[i] ?? [], ...(cpu !== undefined ? { cpuMsPerEdit: cpu } : {}) };
      });
      log(`  pull: ${kind} edits done`);
    }
    return started.map((session): PullFigures => {
      if (!session) return { supported: false };
      const end = session.client.memory();
      const figures = edits.get(session) ?? {};
      const firstPull = first.get(session);
      return {
        supported: true,
        workspace: session.client.pullSupport().workspace,
        index: session.index,
        ...(firstPull ? { firstWorkspacePull: firstPull } : {}),
        edits: byKind((kind) => {
          const found = figures[kind];
          if (!found) throw new Error(`no ${kind} figures`);
          return found;
        }),
        ...(end.rssMb !== undefined ? { rssEndMb: end.rssMb } : {}),
        ...(end.peakRssMb !== undefined ? { peakRssMb: end.peakRssMb } : {}),
      };
    });
  } finally {
    for (const session of sessions) await session.stopWorkspacePull();
    await stopAll(sessions);
    reportServerProfiles(sessions, 'pull', options);
  }
}

/**
 * The mixed edits of the memory session, in a fixed cycle: of every 100,
 * 29 prose edits, 30 prose edits in the hot report, 20 shared-value flips,
 * 20 hot-event edits and one alias added to or removed from corroborate.yaml.
 */
export function mixedKind(index: number): EditKind {
  if (index % 100 === 49) return 'registry';
  const cycle: readonly EditKind[] = ['prose', 'proseInHotReport', 'sharedValue', 'hotEvent', 'prose', 'proseInHotReport', 'proseInHotReport', 'hotEvent', 'sharedValue', 'prose'];
  return cycle[index % cycle.length] ?? 'prose';
}

const CHECKPOINT_EVERY = 100;
/**
 * The idle reading's wait: V8's memory reducer, which collects and gives
 * pages back once allocation has been low for a while, starts 8 s after a
 * full collection at the earliest.
 */
export const IDLE_READING_MS = 20_000;

/** One line: the resident set, V8's heap by space (physical / used), the native rest, file-backed pages, buffers. */
export function formatBreakdown(b: MemoryBreakdown): string {
  const mb = (value: number) => value.toFixed(1);
  const spaces = b.spaces
    .filter((space) => space.physicalMb >= 0.05)
    .map((space) => `${space.name.replace(/_space$/, '')} ${mb(space.physicalMb)}/${mb(space.usedMb)}`)
    .join(', ');
  const native = b.rssAnonMb - b.heapPhysicalMb;
  const collected = b.afterFullCollection;
  const after = collected ? `; after a full collection: RSS ${mb(collected.rssMb)}, V8 heap ${mb(collected.heapPhysicalMb)} (used ${mb(collected.heapUsedMb)}), external ${mb(collected.externalMb)}` : '';
  return `RSS ${mb(b.rssMb)} MB = V8 heap ${mb(b.heapPhysicalMb)} (used ${mb(b.heapUsedMb)}; physical/used: ${spaces}) + other anonymous ${mb(native)} (V8's malloc ${mb(b.mallocedByV8Mb)}, external ${mb(b.externalMb)}, array buffers ${mb(b.arrayBuffersMb)}) + file-backed ${mb(b.rssFileMb)}${after}`;
}

/** The memory session of every build: a fresh server, indexed, then the long mixed run. */
export async function measureMemory(corpus: GeneratedCorpus, builds: readonly LspBuild[], options: LspOptions, log: (line: string) => void): Promise<MemoryFigures[]> {
  const breakdown = options.memoryBreakdown;
  const serverOptions = breakdown ? { ...options, serverNodeOptions: [...options.serverNodeOptions, '--require', breakdown.preload] } : options;
  const started = await startAll(builds, corpus, 'push', serverOptions, log);
  const sessions = started.filter((s): s is Session => s !== undefined);
  const logBreakdown = async (session: Session, when: string) => {
    if (!breakdown) return;
    const figures = await session.client.memoryBreakdown(breakdown.dir);
    log(`  ${session.build.label}, ${when}: ${figures ? formatBreakdown(figures) : 'no memory breakdown (no answer to SIGUSR2)'}`);
  };
  try {
    for (const session of sessions) await logBreakdown(session, 'after indexing');
    const afterOpen: (number | undefined)[] = [];
    for (const session of sessions) {
      await session.open(options.quietMs);
      afterOpen.push(session.client.memory().rssMb);
      await logBreakdown(session, 'after opening');
    }
    // Each build has its own budget, counted in the time its own edits take, so a slow build does not cut a fast one's run short.
    const runs = sessions.map(() => ({ done: 0, spentMs: 0, checkpoints: [] as { edits: number; rssMb?: number }[], editMs: [] as number[], composition: byKind(() => 0) }));
    const active = (i: number) => {
      const run = runs[i];
      return run !== undefined && run.done < options.mixedEdits && run.spentMs < options.mixedBudgetMs;
    };
    const checkpoint = async (i: number, session: Session) => {
      const run = runs[i];
      if (!run) return;
      await session.quiet(performance.now(), options.quietMs);
      const { rssMb } = session.client.memory();
      run.checkpoints.push({ edits: run.done, ...(rssMb !== undefined ? { rssMb } : {}) });
      await logBreakdown(session, `after ${run.done} mixed edits`);
    };
    for (let round = 0; sessions.some((_, i) => active(i)); round++) {
      for (const [i, session] of alternate(sessions, round)) {
        const run = runs[i];
        if (!run || !active(i)) continue;
        const kind = mixedKind(run.done);
        const start = performance.now();
        run.editMs.push((await session.edit(kind, options.mixedQuietMs)).ms);
        run.spentMs += performance.now() - start;
        run.composition[kind]++;
        run.done++;
        if (run.done % CHECKPOINT_EVERY === 0) await checkpoint(i, session);
      }
      if ((round + 1) % CHECKPOINT_EVERY === 0) log(`  memory: ${round + 1} mixed edits`);
    }
    // A run the budget cut short still says where it ended.
    for (const [i, session] of sessions.entries()) {
      const run = runs[i];
      if (run && run.checkpoints[run.checkpoints.length - 1]?.edits !== run.done) await checkpoint(i, session);
    }
    // Both servers idle together, so the wait is paid once.
    await new Promise((resolve) => setTimeout(resolve, IDLE_READING_MS));
    const idle: (number | undefined)[] = [];
    for (const session of sessions) {
      idle.push(session.client.memory().rssMb);
      await logBreakdown(session, `${IDLE_READING_MS / 1000} s idle after the last edit`);
    }
    return sessions.map((session, i) => {
      const rssAfterOpenMb = afterOpen[i];
      const rssIdleMb = idle[i];
      const { peakRssMb } = session.client.memory();
      const run = runs[i] ?? { done: 0, checkpoints: [], editMs: [], composition: byKind(() => 0) };
      return {
        ...(session.index.rssMb !== undefined ? { rssAfterIndexMb: session.index.rssMb } : {}),
        ...(rssAfterOpenMb !== undefined ? { rssAfterOpenMb } : {}),
        checkpoints: run.checkpoints,
        editsDone: run.done,
        budgetHit: run.done < options.mixedEdits,
        editMs: run.editMs,
        composition: run.composition,
        ...(rssIdleMb !== undefined ? { rssIdleMb } : {}),
        ...(peakRssMb !== undefined ? { peakRssMb } : {}),
      };
    });
  } finally {
    await stopAll(sessions);
  }
}
