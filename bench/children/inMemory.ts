// Our parse and analysis against markdown-it's parse, over the same strings
// already in memory: no start-up, no disk. Rounds alternate the two, with a
// garbage collection before each (run with --expose-gc), so neither pays for
// the other's garbage; the first round is the cold one (JIT not yet warm).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import MarkdownIt from 'markdown-it';
import { Corpus } from '../../server/src/engine/corpus';
import { readReports } from './corpusTexts';

export interface InMemoryResult {
  /** markdown-it's parse of every report, per round. */
  readonly markdownItMs: number[];
  /** new Corpus + setDocument for every report + allDiagnostics, per round. */
  readonly oursMs: number[];
  /** Of oursMs: the registry and every setDocument (parse, per-document analysis, group updates). */
  readonly oursDocumentsMs: number[];
  /** Of oursMs: allDiagnostics (contradiction groups, sorting). */
  readonly oursDiagnosticsMs: number[];
  readonly diagnostics: number;
  readonly bytes: number;
}

const dir = process.argv[2];
const rounds = Number(process.argv[3] ?? '3');
if (dir === undefined) throw new Error('usage: inMemory DIR [ROUNDS]');
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const registryText = fs.readFileSync(path.join(dir, 'corroborate.yaml'), 'utf8');
const reports = readReports(dir);
const markdown = new MarkdownIt();
const markdownItMs: number[] = [];
const oursMs: number[] = [];
const oursDocumentsMs: number[] = [];
const oursDiagnosticsMs: number[] = [];
let diagnostics = 0;
let tokens = 0;
for (let round = 0; round < rounds; round++) {
  collect();
  let start = performance.now();
  for (const report of reports) tokens += markdown.parse(report.text, {}).length;
  markdownItMs.push(performance.now() - start);

  collect();
  start = performance.now();
  const corpus = new Corpus(registryText);
  for (const report of reports) corpus.setDocument(report.file, report.text);
  const documentsDone = performance.now();
  diagnostics = corpus.allDiagnostics().length;
  const end = performance.now();
  oursMs.push(end - start);
  oursDocumentsMs.push(documentsDone - start);
  oursDiagnosticsMs.push(end - documentsDone);
}
if (tokens === 0) throw new Error('markdown-it produced no tokens');
const result: InMemoryResult = {
  markdownItMs,
  oursMs,
  oursDocumentsMs,
  oursDiagnosticsMs,
  diagnostics,
  bytes: reports.reduce((sum, r) => sum + Buffer.byteLength(r.text), 0),
};
process.stdout.write(JSON.stringify(result) + '\n');
