// The benchmark's printed tables, one set per corpus shape: a column per
// corpus size and build, every figure with its target (issue 12's table) and,
// where the target applies to that size, met or missed; then how each figure
// grows from one size to the next, with issue 12's ×5.5 limit from 10,000 to
// 50,000 reports.

import * as os from 'node:os';
import type { ColdFigures } from './cold';
import { EDIT_KINDS, type CorpusShape, type EditKind, type GeneratedCorpus } from './corpus';
import type { EditFigures, MemoryFigures, PullEditFigures, PullFigures, PullSample, PushFigures } from './lsp';
import { IDLE_READING_MS } from './lsp';
import type { ProcessRun } from './process';
import type { ProfileSummary } from './profile';
import { median, summarise } from './stats';

/** What one build measured on one corpus. */
export interface BuildResult {
  readonly label: string;
  readonly cold: ColdFigures;
  readonly push?: PushFigures;
  /** Absent when pull mode was not asked for; `supported: false` when the server does not offer it. */
  readonly pull?: PullFigures;
  readonly memory?: MemoryFigures;
  readonly profile?: ProfileSummary;
}

/** Everything measured on one corpus (shape and size), for every build. */
export interface RunResult {
  readonly shape: CorpusShape;
  readonly documents: number;
  readonly seed: number;
  readonly generateMs: number;
  /** 1-minute load averages when this corpus started and ended: the machine may be shared. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly corpus: Omit<GeneratedCorpus, 'files' | 'edits' | 'hovers' | 'completions' | 'dir'>;
  readonly edits: GeneratedCorpus['edits'];
  /** markdown-it's whole-process runs, shared by the builds. */
  readonly markdownIt: readonly ProcessRun[];
  readonly builds: readonly BuildResult[];
}

interface Column {
  readonly run: RunResult;
  readonly build: BuildResult;
}

/** A limit a figure must stay under, for the sizes it applies to. */
interface Target {
  readonly text: string;
  readonly limit: (documents: number) => number | undefined;
}

/** How a figure's growth is judged from 10,000 to 50,000 reports (issue 12: at most ×5.5; for times, or both ≤ 10 ms). */
type Growth = 'time' | 'size' | 'plain';

interface Row {
  readonly label: string;
  readonly value: (column: Column) => number | undefined;
  readonly format: (value: number) => string;
  /** Said after the value, e.g. how many edits it summarises. */
  readonly note?: (column: Column) => string | undefined;
  readonly target?: Target;
  /** Whether (and how) the growth table follows this figure. */
  readonly grows?: Growth;
  /** Said instead of a value: the build does not offer what the row measures. */
  readonly absent?: (column: Column) => string | undefined;
}

interface Section {
  readonly title: string;
  readonly rows: readonly Row[];
  /** When every column says this, the section is one line instead of a table of the same words. */
  readonly absent?: (column: Column) => string | undefined;
}

export const TARGET_DOCUMENTS = 10_000;
export const LARGE_DOCUMENTS = 50_000;
const GROWTH_LIMIT = 5.5;
/** Issue 12: growth over ×5.5 is still fine when both times stay this small. */
const SMALL_MS = 10;

const ms = (v: number) => (v >= 100 ? `${v.toFixed(0)} ms` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`);
const mb = (v: number) => `${v.toFixed(0)} MB`;
const count = (v: number) => v.toLocaleString('en-US');
const ratio = (v: number) => `${v.toFixed(2)}×`;
const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

const at10k = (text: string, limit: number): Target => ({ text, limit: (d) => (d === TARGET_DOCUMENTS ? limit : undefined) });
const at10kAnd50k = (text: string, limit: number, large: number): Target => ({
  text,
  limit: (d) => (d === TARGET_DOCUMENTS ? limit : d === LARGE_DOCUMENTS ? large : undefined),
});
const everywhere = (text: string, limit: number): Target => ({ text, limit: () => limit });

const EDIT_MEDIAN = at10k('≤ 10 ms', 10);
const EDIT_P95 = at10k('≤ 30 ms', 30);
const REQUEST_P95 = at10kAnd50k('≤ 5 ms (≤ 10 ms at 50,000)', 5, 10);

function medianOf(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : median(values);
}

function p95Of(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : summarise(values).p95;
}

function peakOf(runs: readonly { peakRssMb?: number }[]): number | undefined {
  const peaks = runs.map((r) => r.peakRssMb).filter((v): v is number => v !== undefined);
  return peaks.length === 0 ? undefined : Math.max(...peaks);
}

function checkWall(c: Column): number | undefined {
  return medianOf(c.build.cold.check.map((r) => r.wallMs));
}

function cpuOf(runs: readonly { cpuMs?: number }[]): number | undefined {
  return medianOf(runs.map((r) => r.cpuMs).filter((v): v is number => v !== undefined));
}

function markdownItWall(c: Column): number | undefined {
  return medianOf(c.run.markdownIt.map((r) => r.wallMs));
}

function quotient(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || b === 0 ? undefined : a / b;
}

const EDIT_NAMES: Record<EditKind, string> = {
  prose: 'edit, prose only',
  proseInHotReport: 'edit, prose only, in a report with a hot-event claim',
  sharedValue: 'edit, value shared with ≥ 50 reports',
  hotEvent: 'edit in the hot event',
  registry: 'edit to corroborate.yaml (an alias added, then removed)',
};

/** Issue 12's targets per kind of edit (the plain prose edit keeps issue 5's). */
const EDIT_TARGETS: Record<EditKind, { median?: Target; p95?: Target }> = {
  prose: { median: EDIT_MEDIAN, p95: EDIT_P95 },
  proseInHotReport: { median: EDIT_MEDIAN, p95: EDIT_P95 },
  sharedValue: { median: EDIT_MEDIAN, p95: EDIT_P95 },
  hotEvent: { median: EDIT_MEDIAN, p95: EDIT_P95 },
  registry: { p95: at10k('≤ 200 ms', 200) },
};

function pushEditRows(kind: EditKind): Row[] {
  const name = EDIT_NAMES[kind];
  const figures = (c: Column): EditFigures | undefined => c.build.push?.edits[kind];
  const times = (c: Column) => figures(c)?.samples.map((s) => s.ms) ?? [];
  const editedTimes = (c: Column) => figures(c)?.samples.flatMap((s) => (s.editedMs === undefined ? [] : [s.editedMs])) ?? [];
  const editedNote = (c: Column) => {
    const samples = figures(c)?.samples ?? [];
    const publishes = medianOf(samples.map((s) => s.editedPublishes));
    return samples.length === 0 ? undefined : `n=${editedTimes(c).length}, published ${publishes ?? 0}× per edit (median)`;
  };
  const note = (c: Column) => {
    const f = figures(c);
    if (!f) return undefined;
    const answered = f.samples.filter((s) => s.via === 'answer').length;
    const parts = [`n=${f.samples.length}`];
    if (answered === f.samples.length) parts.push('to probe answer');
    else if (answered > 0) parts.push(`${answered} to probe answer`);
    const stale = f.samples.reduce((n, s) => n + s.staleAnswers, 0);
    if (stale > 0) parts.push(`${stale} stale answers`);
    const ordering = c.build.push?.ordering;
    if (f.proof === 'order' && answered > 0 && ordering && ordering.passed < ordering.rounds) parts.push('**unproven**: this server answered before applying a change');
    return parts.join(', ');
  };
  const targets = EDIT_TARGETS[kind];
  const rows: Row[] = [
    { label: `${name}: median`, value: (c) => medianOf(times(c)), format: ms, note, grows: 'time', ...(targets.median ? { target: targets.median } : {}) },
    { label: `${name}: p95`, value: (c) => p95Of(times(c)), format: ms, grows: 'time', ...(targets.p95 ? { target: targets.p95 } : {}) },
    { label: `${name}: files republished (median)`, value: (c) => medianOf(figures(c)?.samples.map((s) => s.files) ?? []), format: count },
    { label: `${name}: to the edited file's first publish, median`, value: (c) => medianOf(editedTimes(c)), format: ms, note: editedNote },
    { label: `${name}: to the edited file's first publish, p95`, value: (c) => p95Of(editedTimes(c)), format: ms },
    { label: `${name}: server CPU per edit`, value: (c) => figures(c)?.cpuMsPerEdit, format: ms },
  ];
  return rows;
}

const NOT_MEASURED = 'not measured';

function pullSupported(c: Column): string | undefined {
  if (c.build.pull === undefined) return NOT_MEASURED;
  return c.build.pull.supported ? undefined : 'not supported by this server';
}

function pullEditRows(kind: EditKind): Row[] {
  const name = EDIT_NAMES[kind];
  const figures = (c: Column): PullEditFigures | undefined => (c.build.pull?.supported ? c.build.pull.edits[kind] : undefined);
  const samples = (c: Column): readonly PullSample[] => figures(c)?.samples ?? [];
  const numbers = (c: Column, pick: (s: PullSample) => number | undefined) => samples(c).map(pick).filter((v): v is number => v !== undefined);
  const targets = EDIT_TARGETS[kind];
  const absent = pullSupported;
  const workspaceAbsent = (c: Column) => absent(c) ?? (c.build.pull?.supported && !c.build.pull.workspace ? 'no workspace pull' : undefined);
  return [
    {
      label: `${name}: median, to the visible reports' diagnostics`,
      value: (c) => medianOf(numbers(c, (s) => s.visibleMs)),
      format: ms,
      note: (c) => {
        const list = samples(c);
        if (list.length === 0) return undefined;
        const companion = list.filter((s) => s.companionChanged).length;
        const lacking = list.reduce((n, s) => n + s.lacking, 0);
        return `n=${list.length}; companion changed in ${companion}${lacking > 0 ? `; **${lacking} visible reports left lacking a change**` : ''}`;
      },
      grows: 'time',
      absent,
      ...(targets.median ? { target: targets.median } : {}),
    },
    { label: `${name}: p95, to the visible reports' diagnostics`, value: (c) => p95Of(numbers(c, (s) => s.visibleMs)), format: ms, grows: 'time', absent, ...(targets.p95 ? { target: targets.p95 } : {}) },
    {
      label: `${name}: edited report's pull answered (median)`,
      value: (c) => medianOf(numbers(c, (s) => s.editedMs)),
      format: ms,
      note: (c) => {
        const p95 = p95Of(numbers(c, (s) => s.editedMs));
        return p95 === undefined ? undefined : `p95 ${ms(p95)}`;
      },
      grows: 'time',
      absent,
    },
    { label: `${name}: edit → last report of the held workspace pull (median)`, value: (c) => medianOf(numbers(c, (s) => s.workspaceFromEditMs)), format: ms, grows: 'time', absent: workspaceAbsent },
    {
      label: `${name}: workspace pull, reports streamed (median)`,
      value: (c) => medianOf(numbers(c, (s) => s.full)),
      format: count,
      note: (c) => {
        const same = medianOf(numbers(c, (s) => s.fullButSame));
        return same ? `${count(same)} sent in full though the same` : undefined;
      },
      absent: workspaceAbsent,
    },
    { label: `${name}: server CPU per edit`, value: (c) => figures(c)?.cpuMsPerEdit, format: ms, absent },
  ];
}

function requestRows(kind: 'hovers' | 'completions', index: number, label: string): Row[] {
  const figures = (c: Column) => c.build.push?.[kind][index];
  const samples = (c: Column) => figures(c)?.samplesMs ?? [];
  return [
    { label: `${label}: median`, value: (c) => medianOf(samples(c)), format: ms, note: (c) => figures(c)?.result, grows: 'plain' },
    { label: `${label}: p95`, value: (c) => p95Of(samples(c)), format: ms, target: REQUEST_P95, grows: 'plain' },
    ...(kind === 'completions' ? [{ label: `${label}: answer, bytes of JSON`, value: (c: Column) => figures(c)?.answerBytes, format: count }] : []),
  ];
}

/** A request sent right after an edit of the hot event (PushFigures.afterHotEdit): the time, and the server's CPU around it. */
function afterHotEditRows(index: number, label: string, target?: Row['target']): Row[] {
  const figures = (c: Column) => c.build.push?.afterHotEdit[index];
  const samples = (c: Column) => figures(c)?.samplesMs ?? [];
  return [
    { label: `${label}: median`, value: (c) => medianOf(samples(c)), format: ms, note: (c) => figures(c)?.result, grows: 'plain' },
    { label: `${label}: p95`, value: (c) => p95Of(samples(c)), format: ms, ...(target ? { target } : {}), grows: 'plain' },
    { label: `${label}: server CPU per request`, value: (c) => figures(c)?.cpuMsPerRequest, format: ms },
  ];
}

function diagnosticsOf(c: Column, severity: (s: string) => boolean): number {
  let total = 0;
  for (const [key, n] of Object.entries(c.build.cold.summary.byCode)) if (severity(key.split(' ')[0] ?? '')) total += n;
  return total;
}

/** The hot event's properties over the runs of one shape, most claimed first. */
function hotPropertyRows(runs: readonly RunResult[]): Row[] {
  const properties = new Map<string, number>();
  for (const run of runs) for (const p of run.corpus.hotEvent.properties) properties.set(p.property, Math.max(properties.get(p.property) ?? 0, p.claims));
  return [...properties]
    .sort((a, b) => b[1] - a[1])
    .map(([property]) => {
      const figures = (c: Column) => c.run.corpus.hotEvent.properties.find((p) => p.property === property);
      return { label: `hot event, ${property}: claims`, value: (c: Column) => figures(c)?.claims, format: count, note: (c: Column) => {
        const values = figures(c)?.values;
        return values === undefined ? undefined : `${count(values)} distinct ${values === 1 ? 'value' : 'values'}`;
      } };
    });
}

function memoryAt(c: Column, edits: number): { rssMb?: number; edits: number } | undefined {
  return c.build.memory?.checkpoints.find((p) => p.edits === edits);
}

/** The last checkpoint of the mixed run: after 1,000 edits, or fewer when its budget ran out. */
function lastCheckpoint(c: Column): { rssMb?: number; edits: number } | undefined {
  const checkpoints = c.build.memory?.checkpoints ?? [];
  return checkpoints[checkpoints.length - 1];
}

function sections(runs: readonly RunResult[]): Section[] {
  return [
    {
      title: 'Corpus',
      rows: [
        { label: 'reports', value: (c) => c.run.documents, format: count },
        { label: 'bytes (reports + corroborate.yaml)', value: (c) => c.run.corpus.bytes / 1e6, format: (v) => `${v.toFixed(1)} MB` },
        { label: 'claims', value: (c) => c.build.cold.summary.claims, format: count },
        { label: 'mentions', value: (c) => c.build.cold.summary.mentions, format: count },
        { label: 'events (contradictory)', value: (c) => c.run.corpus.events, format: count, note: (c) => `${c.run.corpus.contradictoryEvents} contradictory` },
        { label: 'hot event: reports carrying it', value: (c) => c.run.corpus.hotEvent.reports, format: count, note: (c) => `1 in ${(c.run.documents / c.run.corpus.hotEvent.reports).toFixed(1)}` },
        { label: 'hot event: share of claims', value: (c) => c.run.corpus.hotEvent.share, format: percent, note: (c) => `${count(c.run.corpus.hotEvent.claims)} claims` },
        ...hotPropertyRows(runs),
        { label: 'reports giving the flipped value', value: (c) => c.run.corpus.sharedValue.reports, format: count },
        { label: 'warnings + information', value: (c) => diagnosticsOf(c, (s) => s === 'warning' || s === 'information'), format: count },
        { label: 'hints', value: (c) => diagnosticsOf(c, (s) => s === 'hint'), format: count },
        { label: 'machine load, 1-min average at start (at end)', value: (c) => c.run.loadAverage.start, format: (v) => v.toFixed(2), note: (c) => c.run.loadAverage.end.toFixed(2) },
      ],
    },
    {
      title: 'Cold `corroborate check DIR --format json` (child process, median of runs)',
      rows: [
        { label: 'wall time', value: checkWall, format: ms, grows: 'plain' },
        { label: 'CPU time, every thread (user + system)', value: (c) => cpuOf(c.build.cold.check), format: ms, grows: 'plain' },
        { label: 'throughput', value: (c) => quotient(c.run.corpus.bytes / 1e6, (checkWall(c) ?? NaN) / 1000), format: (v) => `${v.toFixed(1)} MB/s` },
        { label: 'peak RSS', value: (c) => peakOf(c.build.cold.check), format: mb, target: at10k('≤ 250 MB', 250), grows: 'plain' },
        { label: 'markdown-it, whole process: wall time', value: markdownItWall, format: ms, grows: 'plain' },
        { label: 'markdown-it, whole process: CPU time', value: (c) => cpuOf(c.run.markdownIt), format: ms, grows: 'plain' },
        { label: 'markdown-it, whole process: peak RSS', value: (c) => peakOf(c.run.markdownIt), format: mb },
        {
          label: 'ratio check / markdown-it (whole process)',
          value: (c) => quotient(checkWall(c), markdownItWall(c)),
          format: ratio,
          note: (c) => {
            const inverse = quotient(markdownItWall(c), checkWall(c));
            return inverse === undefined ? undefined : `inverse ${inverse.toFixed(2)}×`;
          },
          target: at10k('≤ 1.5× (1.0× is where we are heading)', 1.5),
        },
        { label: 'in memory: our parse + analysis', value: (c) => medianOf(c.build.cold.inMemory?.oursMs ?? []), format: ms, grows: 'plain' },
        { label: '… of which documents (parse, per-document analysis)', value: (c) => medianOf(c.build.cold.inMemory?.oursDocumentsMs ?? []), format: ms, grows: 'plain' },
        { label: '… of which allDiagnostics (groups, sorting)', value: (c) => medianOf(c.build.cold.inMemory?.oursDiagnosticsMs ?? []), format: ms, grows: 'plain' },
        { label: 'in memory: markdown-it parse', value: (c) => medianOf(c.build.cold.inMemory?.markdownItMs ?? []), format: ms, grows: 'plain' },
        {
          label: 'ratio ours / markdown-it (in memory)',
          value: (c) => quotient(medianOf(c.build.cold.inMemory?.oursMs ?? []), medianOf(c.build.cold.inMemory?.markdownItMs ?? [])),
          format: ratio,
          note: (c) => {
            const inverse = quotient(medianOf(c.build.cold.inMemory?.markdownItMs ?? []), medianOf(c.build.cold.inMemory?.oursMs ?? []));
            return inverse === undefined ? undefined : `inverse ${inverse.toFixed(2)}×`;
          },
        },
      ],
    },
    {
      title: 'Language server, push (`corroborate lsp --stdio`, a client without pulled diagnostics)',
      absent: (c) => (c.build.push ? undefined : NOT_MEASURED),
      rows: [
        {
          label: '`initialized` → every report\'s diagnostics published',
          value: (c) => c.build.push?.index.ms,
          format: ms,
          note: (c) => (c.build.push ? `${count(c.build.push.index.publishes)} files published, ${count(c.build.push.expectedPublishes)} expected` : undefined),
          grows: 'plain',
        },
        { label: '… of which loading (server log)', value: (c) => c.build.push?.index.serverMs, format: ms, grows: 'plain' },
        { label: 'RSS after indexing', value: (c) => c.build.push?.index.rssMb, format: mb, target: at10k('≤ 300 MB', 300), grows: 'size' },
        { label: 'opening corroborate.yaml (same text)', value: (c) => c.build.push?.openRegistry.ms, format: ms, note: (c) => (c.build.push ? `${c.build.push.openRegistry.files} files republished` : undefined), grows: 'plain' },
        ...EDIT_KINDS.flatMap(pushEditRows),
        ...requestRows('hovers', 0, 'hover, actor id in a mention'),
        ...requestRows('hovers', 1, 'hover, claim value in the hot event'),
        ...requestRows('hovers', 2, 'hover, hot event id'),
        ...afterHotEditRows(0, 'hover, hot event id, right after a hot-event edit', REQUEST_P95),
        ...afterHotEditRows(1, 'claims matrix of the hot event, right after a hot-event edit'),
        ...requestRows('completions', 0, 'completion, @ids'),
        ...requestRows('completions', 1, 'completion, claim keys'),
        ...requestRows('completions', 2, 'completion, event ids'),
        { label: 'RSS after the measured edits', value: (c) => c.build.push?.rssEndMb, format: mb, grows: 'size' },
        { label: 'peak RSS of the server', value: (c) => c.build.push?.peakRssMb, format: mb, grows: 'size' },
      ],
    },
    {
      title: 'Language server, pull (a client declaring LSP 3.17 pulled diagnostics, as VS Code does)',
      absent: pullSupported,
      rows: [
        { label: 'pulled diagnostics', value: () => undefined, format: count, absent: (c) => pullSupported(c) ?? 'offered' },
        { label: '`initialized` → corpus indexed (`corroborate/corpusDocuments`)', value: (c) => (c.build.pull?.supported ? c.build.pull.index.ms : undefined), format: ms, note: (c) => (c.build.pull?.supported ? `${count(c.build.pull.index.publishes)} files pushed` : undefined), absent: pullSupported, grows: 'plain' },
        { label: 'RSS after indexing', value: (c) => (c.build.pull?.supported ? c.build.pull.index.rssMb : undefined), format: mb, target: at10k('≤ 300 MB', 300), absent: pullSupported, grows: 'size' },
        {
          label: 'first workspace pull (no result ids)',
          value: (c) => (c.build.pull?.supported ? c.build.pull.firstWorkspacePull?.ms : undefined),
          format: ms,
          note: (c) => (c.build.pull?.supported && c.build.pull.firstWorkspacePull ? `${count(c.build.pull.firstWorkspacePull.reports)} reports${c.build.pull.firstWorkspacePull.heldOpen ? ', held open' : ''}` : undefined),
          absent: (c) => pullSupported(c) ?? (c.build.pull?.supported && !c.build.pull.workspace ? 'no workspace pull' : undefined),
          grows: 'plain',
        },
        ...EDIT_KINDS.flatMap(pullEditRows),
        { label: 'RSS after the measured edits', value: (c) => (c.build.pull?.supported ? c.build.pull.rssEndMb : undefined), format: mb, absent: pullSupported, grows: 'size' },
        { label: 'peak RSS of the server', value: (c) => (c.build.pull?.supported ? c.build.pull.peakRssMb : undefined), format: mb, absent: pullSupported, grows: 'size' },
      ],
    },
    {
      title: 'Language server memory over a long session (push; mixed edits, see below)',
      absent: (c) => (c.build.memory ? undefined : NOT_MEASURED),
      rows: [
        { label: 'RSS after indexing', value: (c) => c.build.memory?.rssAfterIndexMb, format: mb, target: at10k('≤ 300 MB', 300), grows: 'size' },
        { label: 'RSS after opening the documents', value: (c) => c.build.memory?.rssAfterOpenMb, format: mb },
        { label: 'RSS after 100 mixed edits', value: (c) => memoryAt(c, 100)?.rssMb, format: mb, target: at10k('≤ 350 MB', 350), grows: 'size' },
        {
          label: 'RSS after 1,000 mixed edits',
          value: (c) => lastCheckpoint(c)?.rssMb,
          format: mb,
          note: (c) => {
            const last = lastCheckpoint(c);
            if (!last || last.edits === 1000) return undefined;
            return `after ${count(last.edits)} edits${c.build.memory?.budgetHit ? ': time budget' : ''}`;
          },
          grows: 'size',
        },
        {
          label: 'RSS after 1,000 mixed edits ÷ after indexing',
          value: (c) => quotient(lastCheckpoint(c)?.rssMb, c.build.memory?.rssAfterIndexMb),
          format: ratio,
          target: everywhere('≤ 1.2×', 1.2),
        },
        { label: `RSS ${IDLE_READING_MS / 1000} s idle after the last edit`, value: (c) => c.build.memory?.rssIdleMb, format: mb, grows: 'size' },
        { label: '… ÷ after indexing', value: (c) => quotient(c.build.memory?.rssIdleMb, c.build.memory?.rssAfterIndexMb), format: ratio },
        { label: 'peak RSS of the server', value: (c) => c.build.memory?.peakRssMb, format: mb, grows: 'size' },
        { label: 'mixed edit, change to done: median (the pace)', value: (c) => medianOf(c.build.memory?.editMs ?? []), format: ms, note: (c) => (c.build.memory ? `n=${c.build.memory.editsDone}` : undefined) },
      ],
    },
  ];
}

function verdict(value: number, limit: number): string {
  return value <= limit ? 'met' : '**missed**';
}

function cell(row: Row, column: Column): string {
  const absent = row.absent?.(column);
  if (absent !== undefined) return absent;
  const value = row.value(column);
  if (value === undefined || Number.isNaN(value)) return '—';
  const limit = row.target?.limit(column.run.documents);
  const judged = limit === undefined ? row.format(value) : `${row.format(value)} ${verdict(value, limit)}`;
  const note = row.note?.(column);
  return note ? `${judged} (${note})` : judged;
}

function columnsOf(runs: readonly RunResult[]): Column[] {
  return runs.flatMap((run) => run.builds.map((build) => ({ run, build })));
}

function heading(column: Column, builds: number): string {
  return builds > 1 ? `${count(column.run.documents)} · ${column.build.label}` : `${count(column.run.documents)} reports`;
}

const SHAPE_TITLES: Record<CorpusShape, string> = {
  standard: 'Standard corpus (the benchmark corpus of issue 5)',
  contested: 'Contested corpus (issue 12: a hot event nobody agrees on)',
};

/** The tables of one corpus shape; `runs` are its sizes, smallest first. */
export function formatTables(runs: readonly RunResult[]): string {
  const first = runs[0];
  if (!first) return '';
  const builds = first.builds.length;
  const columns = columnsOf(runs);
  const lines: string[] = [`### ${SHAPE_TITLES[first.shape]}`];
  for (const section of sections(runs)) {
    const absent = section.absent;
    const reasons = absent ? columns.map(absent) : [];
    if (reasons.length > 0 && reasons.every((r) => r === NOT_MEASURED)) continue;
    // Nothing but the reason in every column: its first row says it once.
    const rows = reasons.length > 0 && reasons.every((r) => r !== undefined) ? section.rows.slice(0, 1) : section.rows;
    lines.push('', `**${section.title}**`, '', `| Measure | ${columns.map((c) => heading(c, builds)).join(' | ')} | Target |`, `| --- | ${columns.map(() => '---:').join(' | ')} | --- |`);
    for (const row of rows) lines.push(`| ${row.label} | ${columns.map((c) => cell(row, c)).join(' | ')} | ${row.target?.text ?? ''} |`);
  }
  lines.push('', formatNotes(runs), formatGrowth(runs));
  return lines.join('\n');
}

/** How the edits were proven applied, and what the pull and memory sessions did, per build. */
function formatNotes(runs: readonly RunResult[]): string {
  const lines: string[] = [];
  const largest = runs[runs.length - 1];
  if (!largest) return '';
  const sites = largest.edits;
  lines.push(
    'Edits (each toggles between two texts; the same sites in every session):',
    '',
    ...EDIT_KINDS.map((kind) => `- ${EDIT_NAMES[kind]}: ${sites[kind].description}, in \`${sites[kind].file}\`; pull clients see it beside \`${sites[kind].companion}\`.`),
    '',
  );
  for (const run of runs) {
    for (const build of run.builds) {
      const who = `${count(run.documents)} reports${run.builds.length > 1 ? `, ${build.label}` : ''}`;
      const push = build.push;
      if (push) {
        const proofs = EDIT_KINDS.map((kind) => `${kind} ${push.edits[kind].proof}`).join(', ');
        const unrecognised = EDIT_KINDS.reduce((n, kind) => n + push.edits[kind].samples.filter((s) => s.unrecognised).length, 0);
        lines.push(
          `- ${who}: answers followed the changes sent before them in ${push.ordering.passed} of ${push.ordering.rounds} checks; edits proven applied by ${proofs}` +
            (unrecognised > 0 ? `; ${unrecognised} probe answers matched neither variant` : '') +
            '.',
        );
      }
      const pull = build.pull;
      if (pull?.supported === false) lines.push(`- ${who}: pulled diagnostics not supported by this server (no \`diagnosticProvider\`).`);
      if (pull?.supported) {
        const all = EDIT_KINDS.flatMap((kind) => pull.edits[kind].samples);
        const pushes = all.reduce((n, s) => n + s.pushes, 0);
        const refreshes = all.reduce((n, s) => n + s.refreshes, 0);
        lines.push(`- ${who}: over its ${all.length} measured edits the pull session received ${count(pushes)} publishDiagnostics and ${count(refreshes)} refresh requests.`);
      }
      const memory = build.memory;
      if (memory) {
        const mix = EDIT_KINDS.map((kind) => `${memory.composition[kind]} ${kind}`).join(', ');
        lines.push(`- ${who}: the long session made ${count(memory.editsDone)} mixed edits (${mix})${memory.budgetHit ? ', stopped by its time budget' : ''}.`);
      }
    }
  }
  return lines.join('\n');
}

function growthCell(row: Row, from: Column, to: Column): string {
  const a = row.value(from);
  const b = row.value(to);
  if (a === undefined || b === undefined || a === 0 || Number.isNaN(a) || Number.isNaN(b)) return '—';
  const growth = b / a;
  const factor = to.run.documents / from.run.documents;
  const text = `×${growth.toFixed(2)}`;
  const judged = from.run.documents === TARGET_DOCUMENTS && to.run.documents === LARGE_DOCUMENTS && (row.grows === 'time' || row.grows === 'size');
  if (judged) {
    if (row.grows === 'time' && a <= SMALL_MS && b <= SMALL_MS) return `${text} met (both ≤ ${SMALL_MS} ms)`;
    return `${text} ${verdict(growth, GROWTH_LIMIT)}`;
  }
  return growth > factor * 1.25 ? `${text} **superlinear**` : text;
}

/** Growth between successive sizes of one shape, per build. */
export function formatGrowth(runs: readonly RunResult[]): string {
  if (runs.length < 2) return '';
  const steps = runs.slice(1).flatMap((to, i) => {
    const from = runs[i];
    return from ? to.builds.map((build, b) => ({ from: { run: from, build: from.builds[b] ?? build }, to: { run: to, build } })) : [];
  });
  const builds = runs[0]?.builds.length ?? 1;
  const name = (step: { from: Column; to: Column }) =>
    `${count(step.from.run.documents)} → ${count(step.to.run.documents)} (corpus ×${(step.to.run.documents / step.from.run.documents).toFixed(0)})${builds > 1 ? ` · ${step.to.build.label}` : ''}`;
  const lines = [
    '',
    `**Growth** (figure at the larger size ÷ figure at the smaller; linear growth equals the corpus factor; from 10,000 to 50,000 every edit and RSS figure must stay ≤ ×${GROWTH_LIMIT}, or for times both ≤ ${SMALL_MS} ms)`,
    '',
    `| Measure | ${steps.map(name).join(' | ')} |`,
    `| --- | ${steps.map(() => '---:').join(' | ')} |`,
  ];
  for (const section of sections(runs)) {
    for (const row of section.rows) {
      if (!row.grows) continue;
      lines.push(`| ${section.title.split(' (')[0]}: ${row.label} | ${steps.map((s) => growthCell(row, s.from, s.to)).join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

export function quietNote(quietMs: number): string {
  return `Edits are timed from didChange to the last publishDiagnostics they cause (push) or to both visible reports' pulled diagnostics (pull). To know a publish was the last, the client waits for ${quietMs} ms without one; that wait is not in any figure. Right after the change the client sends a probe hover; "to probe answer": the edit published nothing, so it is timed to that answer, which shows the new variant (a witness) or, for prose, comes after the change by LSP's ordering, checked first in each session. Server CPU per edit is the server's user + system time over a kind's edits, quiet periods included, divided by their number.`;
}

export function machineDescription(): string {
  const cpus = os.cpus();
  return [
    `- CPU: ${cpus[0]?.model ?? 'unknown'}, ${os.availableParallelism()} logical cores`,
    `- memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node.js ${process.version} on ${os.type()} ${os.release()} (${process.arch})`,
  ].join('\n');
}
