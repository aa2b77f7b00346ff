// `npm run bench`: generates each corpus (shape and size), measures the CLI
// and the language server on it, for this working tree's build and, with
// `--compare`, another build side by side, and prints the tables
// (docs/performance.md holds a real run). `npm run bench -- --help` lists the
// options.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { measureCold } from './cold';
import { CORPUS_SHAPES, generateCorpus, type CorpusShape, type GeneratedCorpus } from './corpus';
import { measureMemory, measurePull, measurePush, type LspBuild, type LspOptions, type MemoryFigures, type PullFigures, type PushFigures } from './lsp';
import { formatProfile, profileCheck, type ProfileSummary } from './profile';
import { formatTables, machineDescription, quietNote, type BuildResult, type RunResult } from './table';
import { buildAt, buildTools, thisBuild, type Build } from './tools';

const DEFAULT_SIZES: Record<CorpusShape, readonly number[]> = { standard: [1000, 10000, 50000], contested: [1000, 10000] };

const USAGE = `npm run bench -- [options]

  --corpus C        standard, contested or both (default both)
  --docs N[,N…]     corpus sizes, for every corpus asked (default: standard
                    1000,10000,50000 and contested 1000,10000); may be repeated
  --compare PATH    also measure another build, side by side on the same
                    corpora, alternating measurement by measurement: a
                    checkout (built: npm ci && npm run build) or its
                    server/dist/corroborate.js
  --mode M          push, pull or both (default both): the diagnostics mode
                    of the edit session; pull needs a server that offers it
  --seed S          generator seed (default 1)
  --runs R          cold runs of check and markdown-it, and in-memory rounds (default 3)
  --edits E         measured edits per kind (default 100)
  --requests Q      measured requests per hover or completion site (default 100)
  --quiet-ms MS     quiet period that ends an edit's publishes (default 200; never part of a figure)
  --held-pull-ms MS the first workspace pull (pull session) is let go once it streams
                    nothing for MS: held open, it had nothing more to say (default 1000)
  --edit-budget-s S stop a kind of edit after S seconds once 10 are measured (default 60)
  --mixed-edits N   edits in the long session that measures memory (default 1000)
  --mixed-budget-s S  stop the long session after S seconds (default 600)
  --mixed-quiet-ms MS quiet period between its edits (default 20)
  --server-node-options="FLAGS"  Node flags for the language servers (with
                    "=", as they start with a dash), e.g.
                    --server-node-options=--heapsnapshot-signal=SIGUSR2: then
                    kill -USR2 PID writes a heap snapshot into the corpus
                    folder (see --keep)
  --this-node-options="FLAGS"  Node flags for this checkout's language servers
                    only, not the --compare build's (e.g. --max-semi-space-size=8)
  --this-env="NAME=VALUE …"  environment variables for this checkout's language
                    servers only (e.g. MALLOC_ARENA_MAX=2)
  --cpu-prof        profile one corroborate check per corpus and build, print where the time goes
  --server-cpu-prof DIR  profile the language servers of the push and pull sessions
                    (unminified bundles), print where each kind of edit spends its
                    CPU and what the server did between the sending and the answer
                    of each kind of measured request (its slowest three one by one),
                    and keep the profiles in DIR (for DevTools); sample more often
                    with --server-node-options=--cpu-prof-interval=100 (µs)
  --skip-lsp        measure the CLI only
  --skip-memory     no long session
  --memory-breakdown  in the long session, log at each reading what each server's
                    resident set is made of (V8's heap by space, native, file-backed)
  --keep            keep the generated corpora (their folders are printed)
  --json FILE       also write every figure and sample as JSON`;

/** What the table and the JSON keep of a generated corpus: its figures, not its paths and sites. */
function corpusFigures(corpus: GeneratedCorpus): RunResult['corpus'] {
  const { bytes, registryBytes, actors, places, events, contradictoryEvents, claims, mentions, unannotatedAliases, shape, hotEvent, sharedValue } = corpus;
  return { bytes, registryBytes, actors, places, events, contradictoryEvents, claims, mentions, unannotatedAliases, shape, hotEvent, sharedValue };
}

function words(value: string | undefined): string[] {
  return (value ?? '').split(/\s+/).filter((word) => word.length > 0);
}

/** `--this-env "NAME=VALUE NAME=VALUE"`. */
function environmentOption(value: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const word of words(value)) {
    const at = word.indexOf('=');
    if (at <= 0) throw new Error(`--this-env takes NAME=VALUE pairs, not ${word}`);
    env[word.slice(0, at)] = word.slice(at + 1);
  }
  return env;
}

function numberOption(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} takes a positive number, not ${value}`);
  return n;
}

function choice<T extends string>(value: string | undefined, choices: readonly T[], fallback: T | 'both', name: string): T[] {
  const picked = value ?? fallback;
  if (picked === 'both') return [...choices];
  const found = choices.find((c) => c === picked);
  if (found === undefined) throw new Error(`--${name} takes ${choices.join(', ')} or both, not ${picked}`);
  return [found];
}

interface Plan {
  readonly shape: CorpusShape;
  readonly documents: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      docs: { type: 'string', multiple: true },
      compare: { type: 'string' },
      mode: { type: 'string' },
      seed: { type: 'string' },
      runs: { type: 'string' },
      edits: { type: 'string' },
      requests: { type: 'string' },
      'quiet-ms': { type: 'string' },
      'held-pull-ms': { type: 'string' },
      'edit-budget-s': { type: 'string' },
      'mixed-edits': { type: 'string' },
      'mixed-budget-s': { type: 'string' },
      'mixed-quiet-ms': { type: 'string' },
      'server-node-options': { type: 'string' },
      'this-node-options': { type: 'string' },
      'this-env': { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      'server-cpu-prof': { type: 'string' },
      'skip-lsp': { type: 'boolean', default: false },
      'skip-memory': { type: 'boolean', default: false },
      'memory-breakdown': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const shapes = choice(values.corpus, CORPUS_SHAPES, 'both', 'corpus');
  const modes = choice(values.mode, ['push', 'pull'] as const, 'both', 'mode');
  const asked = values.docs?.flatMap((v) => v.split(',')).map((v) => numberOption(v, 0, 'docs'));
  const plans: Plan[] = shapes
    .flatMap((shape) => (asked ?? DEFAULT_SIZES[shape]).map((documents) => ({ shape, documents })))
    .sort((a, b) => a.documents - b.documents || CORPUS_SHAPES.indexOf(a.shape) - CORPUS_SHAPES.indexOf(b.shape));
  const seed = numberOption(values.seed, 1, 'seed');
  const runs = numberOption(values.runs, 3, 'runs');
  const lspOptions: LspOptions = {
    edits: numberOption(values.edits, 100, 'edits'),
    requests: numberOption(values.requests, 100, 'requests'),
    quietMs: numberOption(values['quiet-ms'], 200, 'quiet-ms'),
    editBudgetMs: numberOption(values['edit-budget-s'], 60, 'edit-budget-s') * 1000,
    indexTimeoutMs: 30 * 60 * 1000,
    heldPullMs: numberOption(values['held-pull-ms'], 1000, 'held-pull-ms'),
    mixedEdits: numberOption(values['mixed-edits'], 1000, 'mixed-edits'),
    mixedBudgetMs: numberOption(values['mixed-budget-s'], 600, 'mixed-budget-s') * 1000,
    mixedQuietMs: numberOption(values['mixed-quiet-ms'], 20, 'mixed-quiet-ms'),
    serverNodeOptions: words(values['server-node-options']),
  };
  const thisNodeOptions = words(values['this-node-options']);
  const thisEnv = environmentOption(values['this-env']);
  const thisServers = [...thisNodeOptions, ...Object.entries(thisEnv).map(([name, value]) => `${name}=${value}`)];
  const log = (line: string) => process.stderr.write(line + '\n');

  const began = performance.now();
  // Ctrl-C or a kill skips the finally blocks below: the generated corpora
  // (gigabytes at the larger sizes) and the tools are removed on exit anyway.
  const temporary = new Set<string>();
  process.on('exit', () => {
    for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  const here = thisBuild();
  const builds: Build[] = [here, ...(values.compare !== undefined ? [buildAt(values.compare, [here.label])] : [])];
  if (builds.length > 1) log(`builds: ${builds.map((b) => `${b.label} (${b.cli})`).join(' and ')}`);
  const tools = await buildTools(builds);
  temporary.add(tools.dir);
  const results: RunResult[] = [];
  const profiles: string[] = [];
  const profileDir = values['server-cpu-prof'];
  // The preload reads where to write from its environment, which the servers inherit.
  if (values['memory-breakdown']) process.env.CORROBORATE_BENCH_MEMORY_DIR = tools.dir;
  const memoryOptions: LspOptions = values['memory-breakdown'] ? { ...lspOptions, memoryBreakdown: { preload: tools.memoryBreakdown, dir: tools.dir } } : lspOptions;
  const options: LspOptions = profileDir !== undefined ? { ...lspOptions, serverProfile: { dir: path.resolve(profileDir), report: (text) => profiles.push(text) } } : lspOptions;
  try {
    for (const { shape, documents } of plans) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `corroborate-bench-${shape}-${documents}-`));
      if (!values.keep) temporary.add(dir);
      try {
        log(`${shape} corpus, ${documents} reports: generating into ${dir}`);
        const loadAtStart = os.loadavg()[0] ?? NaN;
        const generateStart = performance.now();
        const corpus = generateCorpus({ documents, seed, dir, shape });
        const generateMs = performance.now() - generateStart;
        log(`  generated ${(corpus.bytes / 1e6).toFixed(1)} MB in ${(generateMs / 1000).toFixed(1)} s`);
        const cold = await measureCold(corpus, tools, runs, log);
        const profilesOf: (ProfileSummary | undefined)[] = [];
        if (values['cpu-prof']) {
          for (const build of tools.builds) {
            const profile = await profileCheck(corpus, tools, build, 25);
            profilesOf.push(profile);
            if (profile) profiles.push(`**CPU profile, ${shape} corpus, ${documents.toLocaleString('en-US')} reports, ${build.build.label}**\n\n${formatProfile(profile)}`);
          }
        }
        const lspBuilds: LspBuild[] = tools.builds.map((b, i) => ({
          label: b.build.label,
          cli: b.build.cli,
          ...(b.readableCorroborate !== undefined ? { readableCli: b.readableCorroborate } : {}),
          expectedPublishes: cold.builds[i]?.summary.filesShownUnopened ?? 0,
          ...(i === 0 ? { nodeOptions: thisNodeOptions, env: thisEnv } : {}),
        }));
        let push: PushFigures[] | undefined;
        let pull: PullFigures[] | undefined;
        let memory: MemoryFigures[] | undefined;
        if (!values['skip-lsp']) {
          if (modes.includes('push')) push = await measurePush(corpus, lspBuilds, options, log);
          if (modes.includes('pull')) pull = await measurePull(corpus, lspBuilds, options, log);
          if (!values['skip-memory']) memory = await measureMemory(corpus, lspBuilds, memoryOptions, log);
        }
        const buildResults = tools.builds.map((b, i): BuildResult => {
          const coldOf = cold.builds[i];
          if (!coldOf) throw new Error(`no cold figures for ${b.build.label}`);
          const [pushOf, pullOf, memoryOf, profileOf] = [push?.[i], pull?.[i], memory?.[i], profilesOf[i]];
          return {
            label: b.build.label,
            cold: coldOf,
            ...(pushOf ? { push: pushOf } : {}),
            ...(pullOf ? { pull: pullOf } : {}),
            ...(memoryOf ? { memory: memoryOf } : {}),
            ...(profileOf ? { profile: profileOf } : {}),
          };
        });
        results.push({
          shape,
          documents,
          seed,
          generateMs,
          loadAverage: { start: loadAtStart, end: os.loadavg()[0] ?? NaN },
          corpus: corpusFigures(corpus),
          edits: corpus.edits,
          markdownIt: cold.markdownIt,
          builds: buildResults,
        });
      } finally {
        if (values.keep) log(`  kept ${dir}`);
        else fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    fs.rmSync(tools.dir, { recursive: true, force: true });
  }

  const totalS = (performance.now() - began) / 1000;
  const leverLine = thisServers.length > 0 ? ` The language servers of \`${here.label}\` started with \`${thisServers.join(' ')}\`.` : '';
  const buildLine = (builds.length > 1 ? ` Builds side by side: ${builds.map((b) => `\`${b.label}\` (${b.cli})`).join(' and ')}.` : '') + leverLine;
  const output = [
    `Corroborate benchmark, seed ${seed}, ${runs} cold runs, ${lspOptions.edits} edits and ${lspOptions.requests} requests per kind, ${lspOptions.mixedEdits} mixed edits in the long session; whole run ${totalS.toFixed(0)} s.${buildLine}`,
    '',
    machineDescription(),
    ...shapes.map((shape) => formatTables(results.filter((r) => r.shape === shape))).map((tables) => `\n${tables}`),
    ...(values['skip-lsp'] ? [] : ['', quietNote(lspOptions.quietMs)]),
    ...profiles.map((profile) => `\n${profile}`),
  ].join('\n');
  process.stdout.write(output + '\n');
  if (values.json !== undefined) {
    fs.writeFileSync(values.json, JSON.stringify({ seed, runs, options: lspOptions, machine: machineDescription(), builds, totalS, results }, null, 2) + '\n');
    log(`figures written to ${values.json}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
