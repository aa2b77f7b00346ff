// Cold `corroborate check` against markdown-it over the same reports: whole
// process against whole process, then parse + analysis against bare parse in
// memory (in a child of its own, so this process's heap stays out of it).

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InMemoryResult } from './children/inMemory';
import type { GeneratedCorpus } from './corpus';
import { runNode, type ProcessRun } from './process';
import { CORROBORATE, type Tools } from './tools';

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

export interface ColdFigures {
  readonly check: readonly ProcessRun[];
  readonly markdownIt: readonly ProcessRun[];
  readonly summary: CheckSummary;
  readonly inMemory: InMemoryResult;
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

export async function measureCold(corpus: GeneratedCorpus, tools: Tools, runs: number, log: (line: string) => void): Promise<ColdFigures> {
  const work = fs.mkdtempSync(path.join(tools.dir, 'cold-'));
  const checkOutput = path.join(work, 'check.json');
  const check: ProcessRun[] = [];
  const markdownIt: ProcessRun[] = [];
  // Interleaved, so both meet the same page cache and machine load.
  for (let run = 0; run < runs; run++) {
    const ours = await runNode([CORROBORATE, 'check', corpus.dir, '--format', 'json'], { preload: tools.peakRss, stdoutFile: checkOutput });
    if (ours.exitCode !== 0) throw failed('corroborate check', ours);
    check.push(ours);
    const theirs = await runNode([tools.markdownItCheck, corpus.dir], { preload: tools.peakRss, stdoutFile: path.join(work, 'markdown-it.json') });
    if (theirs.exitCode !== 0) throw failed('the markdown-it program', theirs);
    markdownIt.push(theirs);
    log(`  cold run ${run + 1}/${runs}: corroborate check ${ours.wallMs.toFixed(0)} ms, markdown-it ${theirs.wallMs.toFixed(0)} ms`);
  }
  const summary = summariseCheck(checkOutput);
  const inMemoryOutput = path.join(work, 'in-memory.json');
  const memory = await runNode([tools.inMemory, corpus.dir, String(runs)], { preload: tools.peakRss, stdoutFile: inMemoryOutput, nodeOptions: ['--expose-gc'] });
  if (memory.exitCode !== 0) throw failed('the in-memory comparison', memory);
  const inMemory = JSON.parse(fs.readFileSync(inMemoryOutput, 'utf8')) as InMemoryResult;
  fs.rmSync(work, { recursive: true, force: true });
  return { check, markdownIt, summary, inMemory };
}
