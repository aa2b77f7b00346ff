// `npm run bench:report`: the claims matrix and `corroborate report` on a
// generated corpus (bench/corpus.ts). It times the matrix model of the
// hottest event in process (what the editor's view asks the server for, less
// the transport) and over stdio (the request itself, as the view sends it),
// the whole report's model and page, `corroborate report
// --html` as a child process, and the page opening in headless Chromium.
// Figures and the machine's load go to standard output; docs/performance.md
// holds a run. `npm run bench:report -- --help` lists the options.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { reportHtmlParts } from '../server/src/cli/reportHtml';
import { claimsReport, eventMatrix } from '../server/src/features/matrix';
import { loadCorpus } from '../server/src/workspace/corpusFiles';
import { CORPUS_SHAPES, generateCorpus, type GeneratedCorpus } from './corpus';
import { BenchClient, positionAt, uriOf } from './lspClient';
import { median } from './stats';
import { machineDescription } from './table';

const USAGE = `npm run bench:report -- [options]

  --docs N      reports in the generated corpus (default 10000)
  --seed S      generator seed (default 1)
  --corpus C    the generator's shape: standard (default) or contested (a hot event every party disputes)
  --runs R      runs of each measure; the median is printed (default 5)
  --keep        keep the generated corpus and the page (their paths are printed)`;

const CLI = path.resolve(__dirname, '..', 'server', 'dist', 'corroborate.js');

function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}

function load(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { docs: { type: 'string' }, seed: { type: 'string' }, corpus: { type: 'string' }, runs: { type: 'string' }, keep: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const documents = Number(values.docs ?? 10_000);
  const seed = Number(values.seed ?? 1);
  const runs = Number(values.runs ?? 5);
  const shape = CORPUS_SHAPES.find((s) => s === (values.corpus ?? 'standard'));
  if (!shape) throw new Error(`--corpus takes ${CORPUS_SHAPES.join(' or ')}, not ${values.corpus}`);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-bench-report-'));
  const dir = path.join(work, 'corpus');
  fs.mkdirSync(dir);
  const lines: string[] = [];
  const print = (line: string) => lines.push(line);
  try {
    log(`generating ${documents} reports into ${dir}`);
    const generated = generateCorpus({ documents, seed, dir, shape });
    print(`Corpus: ${shape}, ${documents.toLocaleString('en-US')} reports, seed ${seed}, ${generated.claims.toLocaleString('en-US')} claims, ${generated.events} events.`);
    print(`1-minute load average at the start: ${load()} (1, 5, 15 min)`);

    // In process: the corpus as the server holds it once its diagnostics are published.
    const corpus = await loadCorpus(dir);
    corpus.allDiagnostics();
    const hot = generated.hotEvent.id;
    const first = timed(() => eventMatrix(corpus, hot));
    const warm = Array.from({ length: runs }, () => timed(() => eventMatrix(corpus, hot)));
    const json = Array.from({ length: runs }, () => timed(() => JSON.stringify(eventMatrix(corpus, hot))));
    const matrix = first.result;
    print(
      `Matrix of the hottest event (${hot}, ${generated.hotEvent.claims.toLocaleString('en-US')} claims: ${matrix?.claimants.length ?? 0} claimants, ${matrix?.rows.length ?? 0} properties, ${matrix?.timeline.length ?? 0} timeline statements):`,
    );
    print(`  first request (analyses computed): ${ms(first.ms)}; again, median of ${runs}: ${ms(median(warm.map((w) => w.ms)))}`);
    print(`  model + JSON.stringify, median of ${runs}: ${ms(median(json.map((j) => j.ms)))} (${(json[0].result.length / 1e6).toFixed(2)} MB of JSON)`);
    await matrixOverStdio(dir, generated, runs, print, log);
    const model = timed(() => claimsReport(corpus, { showPath: (file) => `corpus/${file}` }));
    const page = timed(() => [...reportHtmlParts(model.result, { corpusName: 'corpus', corpusPath: 'corpus', version: 'bench', checkSummary: '' })].join(''));
    print(`Whole report in process: model ${ms(model.ms)}, HTML ${ms(page.ms)} (${(page.result.length / 1e6).toFixed(1)} MB)`);

    // The command, as a desk runs it from the corpus's parent folder; `check` beside it, whose run it contains.
    const html = path.join(work, 'report.html');
    const command = (args: readonly string[]): number => {
      const start = performance.now();
      const run = spawnSync(process.execPath, [CLI, ...args], { cwd: work, encoding: 'utf8', maxBuffer: 1 << 30 });
      if (run.status !== 0) throw new Error(`corroborate ${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
      return performance.now() - start;
    };
    const reportMs: number[] = [];
    const checkMs: number[] = [];
    for (let k = 0; k < runs; k++) {
      reportMs.push(command(['report', 'corpus', '--html', html]));
      checkMs.push(command(['check', 'corpus', '--format', 'json']));
    }
    print(`corroborate report corpus --html report.html: median of ${runs} ${ms(median(reportMs))} (${(fs.statSync(html).size / 1e6).toFixed(1)} MB written)`);
    print(`corroborate check corpus --format json, alternating with it: median of ${runs} ${ms(median(checkMs))}`);

    // The page in Chromium, from navigation to its load event.
    // Chromium's singleton socket lives in TMPDIR, whose path must stay short.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cr-'));
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      env: { ...process.env, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home, TMPDIR: home },
    });
    try {
      const openMs: number[] = [];
      for (let k = 0; k < runs; k++) {
        const tab = await browser.newPage();
        const start = performance.now();
        await tab.goto(pathToFileURL(html).href, { waitUntil: 'load', timeout: 120_000 });
        openMs.push(performance.now() - start);
        await tab.close();
      }
      print(`The page in headless Chromium, navigation to load event: median of ${runs} ${ms(median(openMs))}`);
    } finally {
      await browser.close();
      fs.rmSync(home, { recursive: true, force: true });
    }
    print(`1-minute load average at the end: ${load()}`);
    print('');
    print(machineDescription());
  } finally {
    process.stdout.write(`${lines.join('\n')}\n`);
    if (values.keep) log(`kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The claims matrix request as the editor's view sends it, over stdio to
 * `corroborate lsp`: once the corpus is checked and published, the hottest
 * event's matrix asked for the first time (its analyses computed), again,
 * and after each edit of one of its claims typed into an open report (what
 * the view asks after the edit: the buffer applied, the changed group
 * analysed again, the matrix built and sent).
 */
async function matrixOverStdio(dir: string, generated: GeneratedCorpus, runs: number, print: (line: string) => void, log: (line: string) => void): Promise<void> {
  log('timing the claims matrix request over stdio');
  const client = BenchClient.start(CLI, dir, 'push');
  try {
    await client.initialize(dir);
    await client.initialized();
    await client.waitFor('the corpus indexed and published', () => client.corpusDocumentsAt !== undefined, 600_000);
    const event = generated.hotEvent.id;
    const ask = async () => {
      const start = performance.now();
      const answer = await client.claimsMatrix({ event });
      return { ...answer, ms: answer.at - start };
    };
    const first = await ask();
    const again: number[] = [];
    for (let k = 0; k < runs; k++) again.push((await ask()).ms);
    const site = generated.edits.hotEvent;
    const uri = uriOf(dir, site.file);
    let text = fs.readFileSync(path.join(dir, site.file), 'utf8');
    await client.open(uri, 'corroborate', text);
    const afterEdit: number[] = [];
    for (let k = 0; k < runs; k++) {
      const from = site.variants[k % 2];
      const to = site.variants[(k + 1) % 2];
      if (text.slice(site.offset, site.offset + from.length) !== from) throw new Error(`${site.file} does not hold ${from} at ${site.offset}`);
      await client.change(uri, { start: positionAt(text, site.offset), end: positionAt(text, site.offset + from.length) }, to);
      text = text.slice(0, site.offset) + to + text.slice(site.offset + from.length);
      afterEdit.push((await ask()).ms);
    }
    print(`The claims matrix request over stdio (corroborate/claimsMatrix, ${event}: ${first.rows} rows, ${first.cells.toLocaleString('en-US')} cells, ${(first.bytes / 1e6).toFixed(2)} MB of JSON, the events list included):`);
    print(`  first request ${ms(first.ms)}; again, median of ${runs}: ${ms(median(again))}; after an edit of one of its claims in an open report, median of ${runs}: ${ms(median(afterEdit))}`);
  } finally {
    await client.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
