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
// The machine is shared: the load average is printed with the figures.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { suggestionsFor } from '../server/src/engine/assist/finder';
import { proposalsFor } from '../server/src/engine/assist/hints';
import { loadCorpus } from '../server/src/workspace/corpusFiles';
import { generateCorpus } from './corpus';
import { summarise } from './stats';
import { machineDescription } from './table';
import { thisBuild } from './tools';

const USAGE = `npm run bench:assist -- [options]

  --docs N      corpus size (default 10000)
  --seed S      generator seed (default 1)
  --edits E     measured edits (default 200)
  --dir DIR     a corpus generated before (bench/run.ts --keep), instead of a new one
  --keep        keep the generated corpus (its folder is printed)`;

/** What an edit types at the end of a report: a sentence with a toll, as an analyst's report would hold. */
const TYPED = { fr: ' Selon des habitants, 12 soldats ont été tués vendredi.', en: ' According to residents, 12 soldiers were killed on Friday.' };

function figure(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { docs: { type: 'string' }, seed: { type: 'string' }, edits: { type: 'string' }, dir: { type: 'string' }, keep: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
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
  const firstStart = performance.now();
  suggestionsFor(corpus, files[0]);
  const firstMs = performance.now() - firstStart;
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
  const hints = summarise(after);
  const total = summarise(withEdit);
  const other = summarise(otherOpen);
  const lines = [
    `Annotation assist on ${files.length.toLocaleString('en-US')} generated reports (seed ${seed}); load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at the start, ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end.`,
    '',
    machineDescription(),
    '',
    '| What | Figure |',
    '|---|---|',
    `| \`corroborate suggest DIR --format json\` (one cold run) | ${figure(coldMs)}, ${suggested.toLocaleString('en-US')} suggestions, ${outputMb.toFixed(1)} MB |`,
    `| reading the corpus in process (once) | ${figure(loadMs)} |`,
    `| first suggestions after the corpus is read (learns the cues) | ${figure(firstMs)} |`,
    `| one open report's \`possible-claim\` hints after an edit of it (${after.length} edits): median / p95 / max | ${figure(hints.median)} / ${figure(hints.p95)} / ${figure(hints.max)} |`,
    `| the edit applied to the corpus, then the hints: median / p95 | ${figure(total.median)} / ${figure(total.p95)} |`,
    `| another open report's hints after that edit (no claim changed): median / p95 | ${figure(other.median)} / ${figure(other.p95)} |`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (values.keep && values.dir === undefined) log(`kept ${dir}`);
}

void main();
