// Cold `corroborate check` against markdown-it over the same reports: whole
// process against whole process, then parse + analysis against bare parse in
// memory (in a child of its own, so this process's heap stays out of it).
// With two builds, each round runs both checks (in alternating order) and
// markdown-it once, so all three meet the same page cache and machine load.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InMemoryResult } from './children/inMemory';
import type { GeneratedCorpus } from './corpus';
import { runNode, type ProcessRun } from './process';
import type { BuildTools, Tools } from './tools';

export interface CheckSummary {
  readonly documents: number;
  readonly mentions: number;
  readonly claims: number;
  /** "warning conflicting-claims" → count. */
  readonly byCode: Record<string, number>;
  /** Files the language server publishes without opening them: those with a diagnostic above hint. */
  readonly filesShownUnopened: number;
  readonly outputBytes: number;
}

/** One build's cold figures. */
export interface ColdFigures {
  readonly check: readonly ProcessRun[];
  readonly summary: CheckSummary;
  /** Absent when the build's engine could not be bundled or run; `inMemoryError` says why. */
  readonly inMemory?: InMemoryResult;
  readonly inMemoryError?: string;
}

export interface ColdRun {
  /** markdown-it's whole-process runs, shared by the builds. */
  readonly markdownIt: readonly ProcessRun[];
  /** In the order of `Tools.builds`. */
  readonly builds: readonly ColdFigures[];
}

interface CheckJson {
  readonly documents: number;
  readonly mentions: number;
  readonly claims: number;
  readonly diagnostics: readonly { readonly file: string; readonly severity: string; readonly code: string; readonly message: string }[];
}

function summariseCheck(outputFile: string): CheckSummary {
  const text = fs.readFileSync(outputFile, 'utf8');
  const report = JSON.parse(text) as CheckJson;
  const byCode: Record<string, number> = {};
  const shown = new Set<string>();
  for (const d of report.diagnostics) {
    const key = `${d.severity} ${d.code}`;
    byCode[key] = (byCode[key] ?? 0) + 1;
    if (d.severity !== 'hint') shown.add(d.file);
  }
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0];
    throw new Error(`the generated corpus has ${errors.length} errors, first ${first?.file}: ${first?.code} ${first?.message}: a generator bug`);
  }
  return { documents: report.documents, mentions: report.mentions, claims: report.claims, byCode, filesShownUnopened: shown.size, outputBytes: Buffer.byteLength(text) };
}

function failed(what: string, run: ProcessRun): Error {
  return new Error(`${what} exited with ${String(run.exitCode)}: ${run.stderr.slice(0, 2000)}`);
}

async function inMemoryOf(build: BuildTools, corpus: GeneratedCorpus, tools: Tools, work: string, runs: number): Promise<Pick<ColdFigures, 'inMemory' | 'inMemoryError'>> {
  if (build.inMemory === undefined) return { inMemoryError: build.unavailable ?? 'not bundled' };
  const output = path.join(work, 'in-memory.json');
  const memory = await runNode([build.inMemory, corpus.dir, String(runs)], { preload: tools.peakRss, stdoutFile: output, nodeOptions: ['--expose-gc'] });
  if (memory.exitCode !== 0) return { inMemoryError: failed('the in-memory comparison', memory).message };
  return { inMemory: JSON.parse(fs.readFileSync(output, 'utf8')) as InMemoryResult };
}

export async function measureCold(corpus: GeneratedCorpus, tools: Tools, runs: number, log: (line: string) => void): Promise<ColdRun> {
  const work = fs.mkdtempSync(path.join(tools.dir, 'cold-'));
  try {
    const checks = tools.builds.map((): ProcessRun[] => []);
    const outputs = tools.builds.map((_, i) => path.join(work, `check-${i}.json`));
    const markdownIt: ProcessRun[] = [];
    for (let run = 0; run < runs; run++) {
      const order = tools.builds.map((build, i) => ({ build, i }));
      if (run % 2 === 1) order.reverse();
      const line: string[] = [];
      for (const { build, i } of order) {
        const ours = await runNode([build.build.cli, 'check', corpus.dir, '--format', 'json'], { preload: tools.peakRss, stdoutFile: outputs[i] ?? '' });
        // Exit 1 is a corpus with errors: the summary below says so, as a generator bug.
        if (ours.exitCode !== 0 && ours.exitCode !== 1) throw failed(`corroborate check (${build.build.label})`, ours);
        checks[i]?.push(ours);
        line.push(`${build.build.label} ${ours.wallMs.toFixed(0)} ms (CPU ${ours.cpuMs?.toFixed(0) ?? '?'} ms)`);
      }
      const theirs = await runNode([tools.markdownItCheck, corpus.dir], { preload: tools.peakRss, stdoutFile: path.join(work, 'markdown-it.json') });
      if (theirs.exitCode !== 0) throw failed('the markdown-it program', theirs);
      markdownIt.push(theirs);
      log(`  cold run ${run + 1}/${runs}: corroborate check ${line.join(', ')}; markdown-it ${theirs.wallMs.toFixed(0)} ms`);
    }
    const builds: ColdFigures[] = [];
    for (const [i, build] of tools.builds.entries()) {
      const summary = summariseCheck(outputs[i] ?? '');
      const memory = await inMemoryOf(build, corpus, tools, work, runs);
      if (memory.inMemoryError !== undefined) log(`  ${build.build.label}: no in-memory comparison: ${memory.inMemoryError}`);
      builds.push({ check: checks[i] ?? [], summary, ...memory });
    }
    return { markdownIt, builds };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
