// `npm run bench:assist`: how fast the annotation assist is on the synthetic
// newsroom corpus (corpus.ts). Two figures (docs/assist.md, "Speed"):
// - `corroborate suggest DIR --format json`, the shipped CLI as a child
//   process, start-up, reading and output included;
// - the `possible-claim` hints of one open report after each edit, as the
//   language server computes them (`proposalsFor`, the engine in this
//   process): the corpus read once, then an edit typed into a report and
//   its hints computed, again and again over reports spread through the
//   corpus; and the hints of another open report after that edit, which
//   the server looks at after every change (cached while the claims they
//   learn from stay the same).
// - learning the cues of the corpus as the server does it, a slice at a time
//   between requests: how long it takes, and the longest slice (the longest
//   a request waits behind it), after the corpus is read and after two
//   registry edits (one that leaves the documents' facts as they were, one
//   that adds a property and so re-reads them);
// - the language server itself (the built program, over stdio): a report
//   opened right after the corpus is indexed, then hovers sent one after
//   another until its `possible-claim` hints arrive — how long a request
//   waits while the server learns the cues and reads the report.
// With `--memory`, instead: the live heap the assist adds to a language
// server's corpus (docs/performance-history.md, "A compact cue model").
// The machine is shared: the load average is printed with the figures.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { suggestionsFor } from '../server/src/engine/assist/finder';
import { proposalsFor } from '../server/src/engine/assist/hints';
import { CueModel } from '../server/src/engine/assist/model';
import type { Corpus } from '../server/src/engine/corpus';
import { CorpusHost } from '../server/src/lsp/corpusHost';
import { SLICE_MS } from '../server/src/lsp/slicedWork';
import { loadCorpus } from '../server/src/workspace/corpusFiles';
import { generateCorpus } from './corpus';
import { BenchClient, positionAt, uriOf } from './lspClient';
import { summarise } from './stats';
import { machineDescription } from './table';
import { thisBuild } from './tools';

const USAGE = `npm run bench:assist -- [options]

  --docs N      corpus size (default 10000)
  --seed S      generator seed (default 1)
  --edits E     measured edits (default 200)
  --dir DIR     a corpus generated before (bench/run.ts --keep), instead of a new one
  --keep        keep the generated corpus (its folder is printed)
  --server CLI  the corroborate.js whose language server is timed (default: this checkout's build)
  --memory      only the live heap the assist adds to the corpus as the language server
                holds it: the cue model learnt from every report, then the index of the
                desk's claims the first suggestions build (a full collection before each reading)`;

/** What an edit types at the end of a report: a sentence with a toll, as an analyst's report would hold. */
const TYPED = { fr: ' Selon des habitants, 12 soldats ont été tués vendredi.', en: ' According to residents, 12 soldiers were killed on Friday.' };

interface Learning {
  readonly totalMs: number;
  readonly slices: readonly number[];
}

/** Learns the corpus's cues as the language server does, slice after slice: the whole time and each slice's. */
function learnInSlices(corpus: Corpus): Learning {
  const slices: number[] = [];
  for (let done = false; !done; ) {
    const start = performance.now();
    const deadline = start + SLICE_MS;
    done = CueModel.learnSome(corpus, () => performance.now() < deadline);
    slices.push(performance.now() - start);
  }
  return { totalMs: slices.reduce((sum, ms) => sum + ms, 0), slices };
}

function learning({ totalMs, slices }: Learning): string {
  const { p95, max } = summarise(slices);
  return `${figure(totalMs)} in ${slices.length.toLocaleString('en-US')} slices; p95 / longest slice ${figure(p95)} / ${figure(max)}`;
}

/**
 * A fresh language server on the corpus: once it has indexed it, a report
 * is opened and hovers on one of its mentions are sent one after another
 * until the report's `possible-claim` hints are published (a publication
 * holding one). Each hover's wait, when the hints came, and the same
 * hover's wait once the server is idle.
 */
async function hoversWhileHintsCome(cli: string, dir: string, file: string): Promise<{ readonly hintsMs: number; readonly hovers: readonly number[]; readonly idle: readonly number[] }> {
  const client = BenchClient.start(cli, dir, 'push');
  try {
    await client.initialize(dir);
    await client.initialized();
    await client.waitFor('the corpus to be indexed', () => client.corpusDocumentsAt !== undefined, 30 * 60_000);
    const uri = uriOf(dir, file);
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const position = positionAt(text, text.indexOf(']{@') + 3);
    const published = () => client.publishes.filter((p) => p.uri === uri);
    const openedAt = performance.now();
    await client.open(uri, 'corroborate', text);
    const hovers: number[] = [];
    // The report's first publication may already hold its hints (a report with no warnings of its own is published only once opened).
    const hinted = () => published().some((p) => p.hints > 0);
    while (!hinted() && performance.now() - openedAt < 10 * 60_000) {
      const sent = performance.now();
      const { at, found } = await client.hover(uri, position);
      if (!found) throw new Error(`no hover at ${file}:${position.line + 1}:${position.character + 1}`);
      hovers.push(at - sent);
    }
    const hints = published().find((p) => p.hints > 0);
    if (hints === undefined) throw new Error(`no possible-claim hints for ${file} within 10 minutes`);
    // The same hover once the server has nothing else to do: what a wait above owes to the hover itself.
    const idle: number[] = [];
    for (let k = 0; k < 20; k++) {
      const sent = performance.now();
      idle.push((await client.hover(uri, position)).at - sent);
    }
    return { hintsMs: hints.at - openedAt, hovers, idle };
  } finally {
    await client.stop();
  }
}

/** The live heap after a full collection, V8's heap and the buffers outside it, in MB. */
function liveHeapMb(collect: () => void): number {
  collect();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / (1024 * 1024);
}

/**
 * What the assist keeps beside a corpus read as the language server reads
 * it (CorpusHost: the trees of a few documents kept), after the corpus's
 * diagnostics, as after indexing: the cue model learnt from every report,
 * then the neighbours' index of the desk's claims, which the first
 * suggestions build.
 */
async function assistMemory(dir: string): Promise<{ readonly reports: number; readonly table: readonly string[] }> {
  // The collections that make a reading the live heap: V8's gc(), reached without restarting node with --expose-gc.
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  const { corpus } = await CorpusHost.load(dir);
  corpus.allDiagnostics();
  const indexed = liveHeapMb(collect);
  const learnStart = performance.now();
  CueModel.of(corpus);
  const learnMs = performance.now() - learnStart;
  const learnt = liveHeapMb(collect);
  const suggestStart = performance.now();
  suggestionsFor(corpus, corpus.files()[0]);
  const suggestMs = performance.now() - suggestStart;
  const suggested = liveHeapMb(collect);
  const mb = (value: number) => `${value.toFixed(1)} MB`;
  const table = [
    '| What | Live heap (V8 and buffers, after a full collection) |',
    '|---|---|',
    `| the corpus read and its diagnostics made, as after indexing | ${mb(indexed)} |`,
    `| … and the cue model learnt from every report (${figure(learnMs)}) | ${mb(learnt)}: the model ${mb(learnt - indexed)} |`,
    `| … and one report's suggestions, which index the desk's claims for the neighbours (${figure(suggestMs)}) | ${mb(suggested)}: the index ${mb(suggested - learnt)} |`,
  ];
  return { reports: corpus.files().length, table };
}

function figure(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string' },
      seed: { type: 'string' },
      edits: { type: 'string' },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
      server: { type: 'string' },
      memory: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const documents = Number(values.docs ?? 10_000);
  const seed = Number(values.seed ?? 1);
  const edits = Number(values.edits ?? 200);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const loadAtStart = os.loadavg();
  let dir = values.dir;
  if (dir === undefined) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `corroborate-assist-bench-${documents}-`));
    const generated = dir;
    if (!values.keep) process.on('exit', () => fs.rmSync(generated, { recursive: true, force: true }));
    log(`generating ${documents} reports into ${dir}`);
    generateCorpus({ documents, seed, dir });
  }

  const heading = (reports: number) => [
    `Annotation assist on ${reports.toLocaleString('en-US')} generated reports (seed ${seed}); load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at the start, ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end.`,
    '',
    machineDescription(),
    '',
  ];
  if (values.memory) {
    log('the live heap of the cue model and the neighbours index');
    const { reports, table } = await assistMemory(dir);
    process.stdout.write(`${[...heading(reports), ...table].join('\n')}\n`);
    if (values.keep && values.dir === undefined) log(`kept ${dir}`);
    return;
  }

  log('corroborate suggest --format json');
  const output = path.join(os.tmpdir(), `corroborate-assist-bench-${process.pid}.json`);
  const out = fs.openSync(output, 'w');
  const coldStart = performance.now();
  const cold = spawnSync(process.execPath, [thisBuild().cli, 'suggest', dir, '--format', 'json'], { stdio: ['ignore', out, 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const coldMs = performance.now() - coldStart;
  fs.closeSync(out);
  if (cold.status !== 0) throw new Error(`corroborate suggest exited with ${String(cold.status)}: ${cold.stderr.toString().slice(0, 2000)}`);
  const suggested = (JSON.parse(fs.readFileSync(output, 'utf8')) as { suggestions: unknown[] }).suggestions.length;
  const outputMb = fs.statSync(output).size / 1e6;
  fs.rmSync(output, { force: true });

  log('one open report, edit after edit');
  const loadStart = performance.now();
  const corpus = await loadCorpus(dir);
  const loadMs = performance.now() - loadStart;
  const files = corpus.files();
  log('learning the cues, a slice at a time');
  const learnt = learnInSlices(corpus);
  const firstStart = performance.now();
  suggestionsFor(corpus, files[0]);
  const firstMs = performance.now() - firstStart;
  // A report with suggestions, whose hints the server will publish; found before any edit of the corpus in process.
  const opened = files.find((file) => proposalsFor(corpus, file).hints.length > 0) ?? files[0];
  const registry = corpus.registry.text;
  corpus.setRegistry(registry.replace(/^events:$/mu, '# The events the desk follows.\nevents:'));
  const aroundDocuments = learnInSlices(corpus);
  corpus.setRegistry(registry.replace(/^properties:$/mu, 'properties:\n  looted: { type: count }'));
  const newProperty = learnInSlices(corpus);
  const after: number[] = [];
  const withEdit: number[] = [];
  const otherOpen: number[] = [];
  // Another report the analyst keeps open beside the one being edited.
  const beside = files[files.length - 1];
  proposalsFor(corpus, beside);
  for (let i = 0; i < edits; i++) {
    const file = files[Math.floor((i * files.length) / edits)];
    const facts = corpus.document(file);
    if (facts === undefined || file === beside) continue;
    const typed = facts.frontMatter.language === 'en' ? TYPED.en : TYPED.fr;
    const editStart = performance.now();
    corpus.setDocument(file, facts.text.trimEnd() + typed + '\n');
    const suggestStart = performance.now();
    proposalsFor(corpus, file);
    const end = performance.now();
    proposalsFor(corpus, beside);
    otherOpen.push(performance.now() - end);
    after.push(end - suggestStart);
    withEdit.push(end - editStart);
  }
  const cli = values.server ?? thisBuild().cli;
  log(`the language server (${cli}): hovers while ${opened}'s hints come`);
  const session = await hoversWhileHintsCome(cli, dir, opened);
  const waits = summarise([...session.hovers]);
  const idleWaits = summarise([...session.idle]);
  const hints = summarise(after);
  const total = summarise(withEdit);
  const other = summarise(otherOpen);
  const lines = [
    ...heading(files.length),
    '| What | Figure |',
    '|---|---|',
    `| \`corroborate suggest DIR --format json\` (one cold run) | ${figure(coldMs)}, ${suggested.toLocaleString('en-US')} suggestions, ${outputMb.toFixed(1)} MB |`,
    `| reading the corpus in process (once) | ${figure(loadMs)} |`,
    `| learning the cues after the corpus is read, as the server does (slices of ${SLICE_MS} ms between requests) | ${learning(learnt)} |`,
    `| first suggestions once the cues are learnt | ${figure(firstMs)} |`,
    `| relearning after a registry edit that leaves the reports' facts as they were (a comment) | ${learning(aroundDocuments)} |`,
    `| relearning after a registry edit that re-reads every report (a new property) | ${learning(newProperty)} |`,
    `| one open report's \`possible-claim\` hints after an edit of it (${after.length} edits): median / p95 / max | ${figure(hints.median)} / ${figure(hints.p95)} / ${figure(hints.max)} |`,
    `| the edit applied to the corpus, then the hints: median / p95 | ${figure(total.median)} / ${figure(total.p95)} |`,
    `| another open report's hints after that edit (no claim changed): median / p95 | ${figure(other.median)} / ${figure(other.p95)} |`,
    `| language server: a report opened once the corpus is indexed, until its \`possible-claim\` hints arrive | ${figure(session.hintsMs)} |`,
    `| language server: hovers sent one after another meanwhile (${session.hovers.length}): median / p95 / max wait | ${figure(waits.median)} / ${figure(waits.p95)} / ${figure(waits.max)} |`,
    `| language server: the same hover once the server is idle (${session.idle.length}): median / max | ${figure(idleWaits.median)} / ${figure(idleWaits.max)} |`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (values.keep && values.dir === undefined) log(`kept ${dir}`);
}

void main();
