// `npm run bench`: generates the synthetic corpus for each size, measures the
// CLI and the language server on it, and prints the table (docs/performance.md
// holds a real run). `npm run bench -- --help` lists the options.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { measureCold } from './cold';
import { generateCorpus, type GeneratedCorpus } from './corpus';
import { measureLsp } from './lsp';
import { formatProfile, profileCheck } from './profile';
import { formatGrowth, formatTable, machineDescription, type RunResult } from './table';
import { buildTools } from './tools';

const USAGE = `npm run bench -- [options]

  --docs N[,N…]     corpus sizes (default 1000,10000,50000); may be repeated
  --seed S          generator seed (default 1)
  --runs R          cold runs of check and markdown-it, and in-memory rounds (default 3)
  --edits E         measured edits per kind (default 100)
  --requests Q      measured requests per hover or completion site (default 100)
  --quiet-ms MS     quiet period that ends an edit's publishes (default 200; never part of a figure)
  --edit-budget-s S stop a kind of edit after S seconds once 10 are measured (default 60)
  --cpu-prof        profile one corroborate check per size and print where the time goes
  --skip-lsp        measure the CLI only
  --keep            keep the generated corpora (their folders are printed)
  --json FILE       also write every figure and sample as JSON`;

/** What the table and the JSON keep of a generated corpus: its figures, not its paths and sites. */
function corpusFigures(corpus: GeneratedCorpus): RunResult['corpus'] {
  const { bytes, registryBytes, actors, places, events, contradictoryEvents, claims, mentions, unannotatedAliases, shape, hotEvent, sharedValue } = corpus;
  return { bytes, registryBytes, actors, places, events, contradictoryEvents, claims, mentions, unannotatedAliases, shape, hotEvent, sharedValue };
}

function numberOption(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} takes a positive number, not ${value}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      docs: { type: 'string', multiple: true },
      seed: { type: 'string' },
      runs: { type: 'string' },
      edits: { type: 'string' },
      requests: { type: 'string' },
      'quiet-ms': { type: 'string' },
      'edit-budget-s': { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      'skip-lsp': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const sizes = (values.docs ?? ['1000,10000,50000']).flatMap((v) => v.split(',')).map((v) => numberOption(v.replace(/_/g, ''), 0, 'docs'));
  const seed = numberOption(values.seed, 1, 'seed');
  const runs = numberOption(values.runs, 3, 'runs');
  const lspOptions = {
    edits: numberOption(values.edits, 100, 'edits'),
    requests: numberOption(values.requests, 100, 'requests'),
    quietMs: numberOption(values['quiet-ms'], 200, 'quiet-ms'),
    editBudgetMs: numberOption(values['edit-budget-s'], 60, 'edit-budget-s') * 1000,
    indexTimeoutMs: 30 * 60 * 1000,
  };
  const log = (line: string) => process.stderr.write(line + '\n');

  const began = performance.now();
  const tools = await buildTools();
  const results: RunResult[] = [];
  const profiles: string[] = [];
  try {
    for (const documents of [...sizes].sort((a, b) => a - b)) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `corroborate-bench-${documents}-`));
      try {
        log(`${documents} reports: generating into ${dir}`);
        const loadAtStart = os.loadavg()[0];
        const generateStart = performance.now();
        const corpus = generateCorpus({ documents, seed, dir });
        const generateMs = performance.now() - generateStart;
        log(`  generated ${(corpus.bytes / 1e6).toFixed(1)} MB in ${(generateMs / 1000).toFixed(1)} s`);
        const cold = await measureCold(corpus, tools, runs, log);
        let profile;
        if (values['cpu-prof']) {
          profile = await profileCheck(corpus, tools, 25);
          profiles.push(`**CPU profile, ${documents.toLocaleString('en-US')} reports**\n\n${formatProfile(profile)}`);
        }
        const lsp = values['skip-lsp'] ? undefined : await measureLsp(corpus, cold.summary.filesShownUnopened, lspOptions, log);
        results.push({ documents, seed, generateMs, loadAverage: { start: loadAtStart, end: os.loadavg()[0] }, corpus: corpusFigures(corpus), cold, ...(lsp ? { lsp } : {}), ...(profile ? { profile } : {}) });
      } finally {
        if (values.keep) log(`  kept ${dir}`);
        else fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    fs.rmSync(tools.dir, { recursive: true, force: true });
  }

  const totalS = (performance.now() - began) / 1000;
  const output = [
    `Corroborate benchmark, seed ${seed}, ${runs} cold runs, ${lspOptions.edits} edits and ${lspOptions.requests} requests per kind; whole run ${totalS.toFixed(0)} s.`,
    '',
    machineDescription(),
    formatTable(results, values['skip-lsp'] ? undefined : lspOptions.quietMs),
    formatGrowth(results),
    ...profiles.map((profile) => `\n${profile}`),
  ].join('\n');
  process.stdout.write(output + '\n');
  if (values.json !== undefined) {
    fs.writeFileSync(values.json, JSON.stringify({ seed, runs, options: lspOptions, machine: machineDescription(), totalS, results }, null, 2) + '\n');
    log(`figures written to ${values.json}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
