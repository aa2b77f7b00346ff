// The benchmark's printed table: one column per corpus size, the issue's
// targets checked on the 10,000-report column, and how each figure grows
// from one size to the next against how the corpus grew.

import * as os from 'node:os';
import type { ColdFigures } from './cold';
import type { GeneratedCorpus } from './corpus';
import type { EditFigures, LspFigures, RequestFigures } from './lsp';
import type { ProfileSummary } from './profile';
import { median, summarise } from './stats';

/** Everything measured on one corpus size. */
export interface RunResult {
  readonly documents: number;
  readonly seed: number;
  readonly generateMs: number;
  /** 1-minute load averages when this size started and ended: the machine may be shared. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly corpus: Omit<GeneratedCorpus, 'files' | 'edits' | 'hovers' | 'completions' | 'dir'>;
  readonly cold: ColdFigures;
  readonly lsp?: LspFigures;
  readonly profile?: ProfileSummary;
}

interface Target {
  readonly limit: number;
  readonly text: string;
}

interface Row {
  readonly label: string;
  readonly value: (run: RunResult) => number | undefined;
  readonly format: (value: number) => string;
  /** Said after the value, e.g. how many edits it summarises. */
  readonly note?: (run: RunResult) => string | undefined;
  /** Checked on the 10,000-report column: the figure must not exceed `limit`. */
  readonly target?: Target;
  /** Whether the growth table follows this figure. */
  readonly grows?: boolean;
}

interface Section {
  readonly title: string;
  readonly rows: readonly Row[];
}

export const TARGET_DOCUMENTS = 10_000;

const ms = (v: number) => (v >= 100 ? `${v.toFixed(0)} ms` : v >= 10 ? `${v.toFixed(1)} ms` : `${v.toFixed(2)} ms`);
const mb = (v: number) => `${v.toFixed(0)} MB`;
const count = (v: number) => v.toLocaleString('en-US');
const ratio = (v: number) => `${v.toFixed(2)}×`;
const percent = (v: number) => `${(v * 100).toFixed(1)}%`;

function medianOf(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : median(values);
}

function checkWall(run: RunResult): number | undefined {
  return medianOf(run.cold.check.map((r) => r.wallMs));
}

function markdownItWall(run: RunResult): number | undefined {
  return medianOf(run.cold.markdownIt.map((r) => r.wallMs));
}

function peakOf(runs: readonly { peakRssMb?: number }[]): number | undefined {
  const peaks = runs.map((r) => r.peakRssMb).filter((v): v is number => v !== undefined);
  return peaks.length === 0 ? undefined : Math.max(...peaks);
}

function editRows(name: string, pick: (lsp: LspFigures) => EditFigures, targets: { median?: Target; p95?: Target }, showFiles: boolean): Row[] {
  const times = (run: RunResult) => (run.lsp ? pick(run.lsp).samples.map((s) => s.ms) : []);
  const note = (run: RunResult) => {
    if (!run.lsp) return undefined;
    const samples = pick(run.lsp).samples;
    const answered = samples.filter((s) => s.via === 'answer').length;
    const parts = [`n=${samples.length}`];
    if (answered === samples.length) parts.push('to hover answer');
    else if (answered > 0) parts.push(`${answered} to hover answer`);
    return parts.join(', ');
  };
  const rows: Row[] = [
    { label: `${name}: median`, value: (run) => medianOf(times(run)), format: ms, note, grows: true, ...(targets.median ? { target: targets.median } : {}) },
    { label: `${name}: p95`, value: (run) => (times(run).length > 0 ? summarise(times(run)).p95 : undefined), format: ms, grows: true, ...(targets.p95 ? { target: targets.p95 } : {}) },
  ];
  if (showFiles) rows.push({ label: `${name}: files republished (median)`, value: (run) => (run.lsp ? medianOf(pick(run.lsp).samples.map((s) => s.files)) : undefined), format: count });
  return rows;
}

function requestRows(kind: 'hovers' | 'completions', index: number, label: string): Row[] {
  const figures = (run: RunResult): RequestFigures | undefined => run.lsp?.[kind][index];
  const p95Target: Target = { limit: 5, text: '≤ 5 ms' };
  return [
    { label: `${label}: median`, value: (run) => { const f = figures(run); return f ? summarise(f.samplesMs).median : undefined; }, format: ms, note: (run) => figures(run)?.result, grows: true },
    { label: `${label}: p95`, value: (run) => { const f = figures(run); return f ? summarise(f.samplesMs).p95 : undefined; }, format: ms, target: p95Target, grows: true },
  ];
}

const SECTIONS: readonly Section[] = [
  {
    title: 'Corpus',
    rows: [
      { label: 'reports', value: (r) => r.documents, format: count },
      { label: 'bytes (reports + corroborate.yaml)', value: (r) => r.corpus.bytes / 1e6, format: (v) => `${v.toFixed(1)} MB` },
      { label: 'claims', value: (r) => r.cold.summary.claims, format: count },
      { label: 'mentions', value: (r) => r.cold.summary.mentions, format: count },
      { label: 'events (contradictory)', value: (r) => r.corpus.events, format: count, note: (r) => `${r.corpus.contradictoryEvents} contradictory` },
      { label: 'hot event: share of claims', value: (r) => r.corpus.hotEvent.share, format: percent, note: (r) => `${count(r.corpus.hotEvent.claims)} claims` },
      { label: 'reports giving the flipped value', value: (r) => r.corpus.sharedValue.reports, format: count },
      { label: 'warnings + information', value: (r) => diagnosticsOf(r, (s) => s === 'warning' || s === 'information'), format: count },
      { label: 'hints', value: (r) => diagnosticsOf(r, (s) => s === 'hint'), format: count },
      { label: 'machine load, 1-min average at start (at end)', value: (r) => r.loadAverage.start, format: (v) => v.toFixed(2), note: (r) => r.loadAverage.end.toFixed(2) },
    ],
  },
  {
    title: 'Cold `corroborate check DIR --format json` (child process, median of runs)',
    rows: [
      { label: 'wall time', value: checkWall, format: ms, target: { limit: 1500, text: '≤ 1,500 ms' }, grows: true },
      { label: 'throughput', value: (r) => { const w = checkWall(r); return w === undefined ? undefined : r.corpus.bytes / 1e6 / (w / 1000); }, format: (v) => `${v.toFixed(1)} MB/s` },
      { label: 'peak RSS', value: (r) => peakOf(r.cold.check), format: mb, grows: true },
      { label: 'markdown-it, whole process: wall time', value: markdownItWall, format: ms, grows: true },
      { label: 'markdown-it, whole process: peak RSS', value: (r) => peakOf(r.cold.markdownIt), format: mb },
      { label: 'ratio check / markdown-it (whole process)', value: (r) => { const a = checkWall(r); const b = markdownItWall(r); return a === undefined || b === undefined ? undefined : a / b; }, format: ratio, note: (r) => { const a = checkWall(r); const b = markdownItWall(r); return a === undefined || b === undefined ? undefined : `inverse ${(b / a).toFixed(2)}×`; }, target: { limit: 1, text: '≤ 1.00×' } },
      { label: 'in memory: our parse + analysis', value: (r) => medianOf(r.cold.inMemory.oursMs), format: ms, grows: true },
      { label: '… of which documents (parse, per-document analysis)', value: (r) => medianOf(r.cold.inMemory.oursDocumentsMs), format: ms, grows: true },
      { label: '… of which allDiagnostics (groups, sorting)', value: (r) => medianOf(r.cold.inMemory.oursDiagnosticsMs), format: ms, grows: true },
      { label: 'in memory: markdown-it parse', value: (r) => medianOf(r.cold.inMemory.markdownItMs), format: ms, grows: true },
      { label: 'ratio ours / markdown-it (in memory)', value: (r) => { const a = medianOf(r.cold.inMemory.oursMs); const b = medianOf(r.cold.inMemory.markdownItMs); return a === undefined || b === undefined ? undefined : a / b; }, format: ratio, note: (r) => { const a = medianOf(r.cold.inMemory.oursMs); const b = medianOf(r.cold.inMemory.markdownItMs); return a === undefined || b === undefined ? undefined : `inverse ${(b / a).toFixed(2)}×`; }, target: { limit: 1, text: '≤ 1.00×' } },
    ],
  },
  {
    title: 'Language server over stdio (`corroborate lsp --stdio`)',
    rows: [
      { label: '`initialized` → every report\'s diagnostics published', value: (r) => r.lsp?.indexMs, format: ms, note: (r) => (r.lsp ? `${count(r.lsp.publishesAtIndex)} files published, ${count(r.lsp.expectedPublishes)} expected` : undefined), grows: true },
      { label: '… of which loading (server log)', value: (r) => r.lsp?.serverIndexMs, format: ms, grows: true },
      { label: 'RSS after indexing', value: (r) => r.lsp?.rssAfterIndexMb, format: mb, target: { limit: 300, text: '≤ 300 MB' }, grows: true },
      { label: 'opening corroborate.yaml (same text)', value: (r) => r.lsp?.openRegistry.ms, format: ms, note: (r) => (r.lsp ? `${r.lsp.openRegistry.files} files republished` : undefined), grows: true },
      ...editRows('edit, prose only', (l) => l.edits.prose, { median: { limit: 10, text: '≤ 10 ms' }, p95: { limit: 30, text: '≤ 30 ms' } }, false),
      ...editRows('edit, prose only, in a report with a hot-event claim', (l) => l.edits.proseInHotReport, { median: { limit: 10, text: '≤ 10 ms' }, p95: { limit: 30, text: '≤ 30 ms' } }, false),
      ...editRows('edit, value shared with ≥ 50 reports', (l) => l.edits.sharedValue, { median: { limit: 10, text: '≤ 10 ms' }, p95: { limit: 30, text: '≤ 30 ms' } }, true),
      ...editRows('edit in the hot event', (l) => l.edits.hotEvent, { median: { limit: 10, text: '≤ 10 ms' }, p95: { limit: 30, text: '≤ 30 ms' } }, true),
      ...editRows('edit to corroborate.yaml', (l) => l.edits.registry, { median: { limit: 500, text: '≤ 500 ms' }, p95: { limit: 500, text: '≤ 500 ms' } }, true),
      ...requestRows('hovers', 0, 'hover, actor id in a mention'),
      ...requestRows('hovers', 1, 'hover, claim value in the hot event'),
      ...requestRows('hovers', 2, 'hover, hot event id'),
      ...requestRows('completions', 0, 'completion, @ids'),
      ...requestRows('completions', 1, 'completion, claim keys'),
      ...requestRows('completions', 2, 'completion, event ids'),
      { label: 'RSS after the edits', value: (r) => r.lsp?.rssEndMb, format: mb, grows: true },
      { label: 'peak RSS of the server', value: (r) => r.lsp?.peakRssMb, format: mb, grows: true },
    ],
  },
];

function diagnosticsOf(run: RunResult, severity: (s: string) => boolean): number {
  let total = 0;
  for (const [key, n] of Object.entries(run.cold.summary.byCode)) if (severity(key.split(' ')[0] ?? '')) total += n;
  return total;
}

function cell(row: Row, run: RunResult): string {
  const value = row.value(run);
  if (value === undefined || Number.isNaN(value)) return '—';
  const note = row.note?.(run);
  return note ? `${row.format(value)} (${note})` : row.format(value);
}

export function formatTable(runs: readonly RunResult[], quietMs: number | undefined): string {
  const atTarget = runs.find((r) => r.documents === TARGET_DOCUMENTS);
  const header = ['Measure', ...runs.map((r) => `${count(r.documents)} reports`), `Target (${count(TARGET_DOCUMENTS)})`];
  const lines: string[] = [];
  for (const section of SECTIONS) {
    lines.push('', `**${section.title}**`, '', `| ${header.join(' | ')} |`, `| --- | ${runs.map(() => '---:').join(' | ')} | --- |`);
    for (const row of section.rows) {
      let verdict = '';
      if (row.target) {
        const value = atTarget ? row.value(atTarget) : undefined;
        verdict = value === undefined || Number.isNaN(value) ? row.target.text : `${row.target.text} ${value <= row.target.limit ? 'met' : '**missed**'}`;
      }
      lines.push(`| ${row.label} | ${runs.map((r) => cell(row, r)).join(' | ')} | ${verdict} |`);
    }
  }
  if (quietMs !== undefined) {
    lines.push(
      '',
      `Edits are timed from didChange to the last publishDiagnostics they cause. To know it was the last, the client then waits for ${quietMs} ms without a publish; that wait is not in any figure. "to hover answer": the edit published nothing, so it is timed to the answer of a hover sent right after it (the server answers it only once the change is applied).`,
    );
  }
  return lines.join('\n');
}

export function formatGrowth(runs: readonly RunResult[]): string {
  if (runs.length < 2) return '';
  const steps = runs.slice(1).map((run, i) => ({ from: runs[i], to: run }));
  const lines = [
    '',
    '**Growth** (figure at the larger size ÷ figure at the smaller; linear growth equals the corpus factor)',
    '',
    `| Measure | ${steps.map((s) => `${count(s.from.documents)} → ${count(s.to.documents)} (corpus ×${(s.to.documents / s.from.documents).toFixed(0)})`).join(' | ')} |`,
    `| --- | ${steps.map(() => '---:').join(' | ')} |`,
  ];
  for (const section of SECTIONS) {
    for (const row of section.rows) {
      if (!row.grows) continue;
      const cells = steps.map(({ from, to }) => {
        const a = row.value(from);
        const b = row.value(to);
        if (a === undefined || b === undefined || a === 0 || Number.isNaN(a) || Number.isNaN(b)) return '—';
        const growth = b / a;
        const corpus = to.documents / from.documents;
        return `×${growth.toFixed(2)}${growth > corpus * 1.25 ? ' **superlinear**' : ''}`;
      });
      lines.push(`| ${row.label} | ${cells.join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

export function machineDescription(): string {
  const cpus = os.cpus();
  return [
    `- CPU: ${cpus[0]?.model ?? 'unknown'}, ${os.availableParallelism()} logical cores`,
    `- memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node.js ${process.version} on ${os.type()} ${os.release()} (${process.arch})`,
  ].join('\n');
}
