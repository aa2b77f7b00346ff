// `node --import tsx bench/learning.ts DIR [--build ROOT]`: what learning the
// assist's cues leaves in V8's old generation, in process, as the language
// server learns them (docs/performance-history.md, "The cues learnt with less
// garbage"). The corpus is read as the server reads it (CorpusHost, a few
// trees kept) with the server's heap policy, its diagnostics made and the
// heap collected; then the cues are learnt a slice of 2 ms at a time with
// the event loop turning between slices, then one report's suggestions are
// made (which index the desk's claims). Each phase gives what V8 promoted to
// the old generation and how many full collections it made (from
// `--trace-gc-nvp`, read from a child process), then the old generation's
// pages and use, V8's heap used, array buffers and the RSS, without
// collecting, and after the cues and after the suggestions the same after two
// full collections (what the model, then the index, keep). `--build ROOT`: the
// engine of another checkout (built or not: its source is read), to compare.

import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

const CHILD = 'CORROBORATE_LEARNING_CHILD';
const MARK = '@@ ';

interface Phase {
  readonly name: string;
  readonly reading: string;
  promotedMb: number;
  fullCollections: number;
}

/** The child: the phases, each ended by a line `@@ name | reading` among V8's trace lines. */
async function measure(root: string, dir: string): Promise<void> {
  const { getHeapSpaceStatistics, setFlagsFromString } = await import('node:v8');
  const { runInNewContext } = await import('node:vm');
  const { performance } = await import('node:perf_hooks');
  const engine = (file: string) => import(path.join(root, 'server', 'src', file));
  const { applyHeapPolicy } = (await engine('heapPolicy.ts')) as typeof import('../server/src/heapPolicy');
  const { CorpusHost } = (await engine('lsp/corpusHost.ts')) as typeof import('../server/src/lsp/corpusHost');
  const { CueModel } = (await engine('engine/assist/model.ts')) as typeof import('../server/src/engine/assist/model');
  const { suggestionsFor } = (await engine('engine/assist/finder.ts')) as typeof import('../server/src/engine/assist/finder');
  applyHeapPolicy('server');
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const { user, system } = process.cpuUsage(since);
    return ((user + system) / 1000).toFixed(0);
  };
  const mark = (name: string) => {
    const old = getHeapSpaceStatistics().find((space) => space.space_name === 'old_space');
    const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
    process.stdout.write(
      `${MARK}${name} | old generation ${mb(old?.space_size ?? 0)} MB of pages, ${mb(old?.space_used_size ?? 0)} MB used; heap used ${mb(heapUsed)} MB, array buffers ${mb(arrayBuffers)} MB; RSS ${mb(rss)} MB\n`,
    );
  };
  // What is live, apart from what V8 has not yet collected: the model's and the index's own heap and buffers.
  const collected = (name: string) => {
    collect();
    collect();
    mark(`${name}, then two full collections`);
  };
  const { corpus } = await CorpusHost.load(dir);
  corpus.allDiagnostics();
  collect();
  mark('indexed, then a full collection');
  const learning = process.cpuUsage();
  await new Promise<void>((resolve) => {
    const slice = () => {
      const deadline = performance.now() + 2;
      while (performance.now() < deadline) if (CueModel.learnSome(corpus, () => false)) return resolve();
      setImmediate(slice);
    };
    setImmediate(slice);
  });
  mark(`the cues learnt in slices (${cpuMs(learning)} ms CPU)`);
  collected('the cues learnt');
  const suggesting = process.cpuUsage();
  suggestionsFor(corpus, corpus.files()[0]);
  mark(`one report's suggestions (${cpuMs(suggesting)} ms CPU)`);
  collected("one report's suggestions");
}

/** The parent: runs the child under `--trace-gc-nvp` and sums its trace by phase. */
function report(root: string, dir: string): void {
  const load = os.loadavg()[0];
  const child = spawnSync(process.execPath, ['--trace-gc-nvp', '--import', 'tsx', __filename, dir, '--build', root], {
    env: { ...process.env, [CHILD]: '1' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the measuring process exited with ${String(child.status)}: ${child.stderr.slice(0, 2000)}`);
  const phases: Phase[] = [];
  let promotedMb = 0;
  let fullCollections = 0;
  for (const line of child.stdout.split('\n')) {
    if (line.startsWith(MARK)) {
      const [name, reading] = line.slice(MARK.length).split(' | ');
      phases.push({ name, reading, promotedMb, fullCollections });
      promotedMb = 0;
      fullCollections = 0;
      continue;
    }
    const promoted = / promoted=(\d+)/u.exec(line);
    if (promoted !== null) promotedMb += Number(promoted[1]) / (1024 * 1024);
    if (/ gc=mc /u.test(line)) fullCollections++;
  }
  process.stdout.write(`${root}, ${dir}; load ${load.toFixed(2)} → ${os.loadavg()[0].toFixed(2)}\n`);
  phases.forEach((phase, k) => {
    const during = k === 0 ? '' : `; during it ${phase.promotedMb.toFixed(1)} MB promoted, ${phase.fullCollections} full collections`;
    process.stdout.write(`- ${phase.name}: ${phase.reading}${during}\n`);
  });
}

const { values, positionals } = parseArgs({ options: { build: { type: 'string' } }, allowPositionals: true });
const [dir] = positionals;
if (dir === undefined) throw new Error('usage: node --import tsx bench/learning.ts DIR [--build ROOT]');
const root = path.resolve(values.build ?? path.join(__dirname, '..'));
if (process.env[CHILD] === '1') void measure(root, path.resolve(dir));
else report(root, path.resolve(dir));
