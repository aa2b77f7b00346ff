// Where `corroborate check` spends its time: one run under `node --cpu-prof`
// of the CLI bundled without minifying, and the profile's self time summed
// per function and per source module. esbuild marks each module's start in an
// unminified bundle with a `// path` comment line, which maps bundle lines
// back to source files without a source map.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratedCorpus } from './corpus';
import { runNode } from './process';
import type { BuildTools, Tools } from './tools';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  /** When the profile began, in µs of the monotonic clock (process.hrtime's). */
  readonly startTime: number;
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileLine {
  readonly name: string;
  readonly where: string;
  /** Sampled time: the function's own, or, in `withCallees`, with what it called. */
  readonly ms: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly wallMs: number;
  /** With windows: the sampled time the process sat idle in them, waiting for a message or a timer. */
  readonly idleMs?: number;
  /**
   * With one window: when in it, from its start, the process was first and
   * last seen at work. Idle before the first is the message on its way in
   * (or the process waiting for a core); after the last, the answer on its
   * way out and the client reading it.
   */
  readonly work?: { readonly fromMs: number; readonly toMs: number };
  readonly functions: readonly ProfileLine[];
  readonly modules: readonly ProfileLine[];
  /** Corroborate's own functions (and the garbage collector) by the time spent in them and in what they called: what an edit's CPU is made of. */
  readonly withCallees: readonly ProfileLine[];
}

/** Bundle line (0-based) → source module, from esbuild's `// path` comments. */
function moduleLocator(bundle: string): (line: number) => string {
  const starts: { line: number; module: string }[] = [];
  bundle.split('\n').forEach((text, line) => {
    const match = /^\/\/ (\S+\.(?:ts|js|cjs|mjs|json))$/.exec(text);
    // Dependencies read through a linked node_modules show as ../../elsewhere/node_modules/…: name them from node_modules/ on.
    if (match?.[1] !== undefined) starts.push({ line, module: match[1].replace(/^(?:\.\.\/)+.*?(?=node_modules\/)/, '') });
  });
  return (line) => {
    let found = '(bundle prelude)';
    for (const start of starts) {
      if (start.line > line) break;
      found = start.module;
    }
    return found;
  };
}

/** A module of Corroborate's own source, in this checkout or (as `../other/server/src/…`) in a compared one. */
const OWN_SOURCE = /(?:^|\/)server\/src\//;

/** The share of a function's time one callee must take for the function to be left out of the table with callees, as a mere wrapper of it. */
const WRAPPER_SHARE = 0.95;

/**
 * A stretch of a long-running process's profile, on the monotonic clock in
 * µs (V8 stamps its samples with that clock, as process.hrtime reads it): a
 * server's edits of one kind, or one request from its sending to its answer.
 */
export interface ProfileWindow {
  readonly fromUs: number;
  readonly toUs: number;
}

/**
 * Self time per function and module. With `windows`, only the samples taken
 * within one of them, and not the time the process sat idle waiting for a
 * message (given apart, as `idleMs`).
 */
export function summariseProfile(profile: CpuProfile, bundleFile: string, wallMs: number, top: number, windows?: readonly ProfileWindow[]): ProfileSummary {
  const locate = moduleLocator(fs.readFileSync(bundleFile, 'utf8'));
  const selfUs = new Map<number, number>();
  const inWindow = windowTest(windows);
  const idle = new Set(profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').map((node) => node.id));
  let firstWorkUs = Infinity;
  let lastWorkUs = -Infinity;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (!inWindow(at)) return;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
    if (idle.has(id)) return;
    // A sample stands for the interval since the one before it.
    firstWorkUs = Math.min(firstWorkUs, at - delta);
    lastWorkUs = at;
  });
  const only = windows?.length === 1 ? windows[0] : undefined;
  const work = only !== undefined && lastWorkUs >= firstWorkUs ? { fromMs: Math.max(0, firstWorkUs - only.fromUs) / 1000, toMs: (lastWorkUs - only.fromUs) / 1000 } : undefined;
  let idleUs = 0;
  if (windows) {
    for (const id of idle) {
      idleUs += selfUs.get(id) ?? 0;
      selfUs.delete(id);
    }
  }
  const frames = new Map<number, { readonly name: string; readonly module: string; readonly key: string }>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const inBundle = url !== '' && url.startsWith('file:') && fileURLToPath(url) === bundleFile;
    // Frames without a URL are V8's own entries ("(garbage collector)", "(program)") or native code such as libuv file calls.
    const module = inBundle ? locate(lineNumber) : url !== '' ? url : functionName.startsWith('(') ? functionName : '(native code)';
    const name = functionName === '' ? '(anonymous)' : functionName;
    frames.set(node.id, { name, module, key: `${name}\u0000${module}` });
  }
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const functions = new Map<string, { name: string; where: string; us: number }>();
  const modules = new Map<string, number>();
  const withCallees = new Map<string, { name: string; where: string; us: number; callees: Map<string, number> }>();
  let totalUs = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    const frame = frames.get(node.id);
    if (us === 0 || frame === undefined) continue;
    totalUs += us;
    const entry = functions.get(frame.key) ?? { name: frame.name, where: frame.module, us: 0 };
    entry.us += us;
    functions.set(frame.key, entry);
    modules.set(frame.module, (modules.get(frame.module) ?? 0) + us);
    // Each function on the stack once, however often it recurs there, with the function of ours it called.
    const counted = new Set<string>();
    let callee = '';
    for (let id: number | undefined = node.id; id !== undefined; id = parents.get(id)) {
      const on = frames.get(id);
      if (on === undefined || counted.has(on.key) || !(OWN_SOURCE.test(on.module) || on.name === '(garbage collector)')) continue;
      counted.add(on.key);
      const total = withCallees.get(on.key) ?? { name: on.name, where: on.module, us: 0, callees: new Map<string, number>() };
      total.us += us;
      total.callees.set(callee, (total.callees.get(callee) ?? 0) + us);
      withCallees.set(on.key, total);
      callee = on.key;
    }
  }
  // A function that only hands its time on to one other (the protocol's plumbing, a wrapper) says nothing that one does not.
  const steps = [...withCallees.values()].filter((f) => ![...f.callees].some(([callee, us]) => callee !== '' && us >= WRAPPER_SHARE * f.us));
  const line = (name: string, where: string, us: number): ProfileLine => ({ name, where, ms: us / 1000, share: totalUs === 0 ? 0 : us / totalUs });
  const heaviest = (entries: Iterable<{ name: string; where: string; us: number }>) =>
    [...entries].sort((a, b) => b.us - a.us).slice(0, top).map((f) => line(f.name, f.where, f.us));
  return {
    totalMs: totalUs / 1000,
    wallMs,
    ...(windows ? { idleMs: idleUs / 1000 } : {}),
    ...(work ? { work } : {}),
    functions: heaviest(functions.values()),
    modules: [...modules.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([module, us]) => line(module, '', us)),
    withCallees: heaviest(steps),
  };
}

/** Whether a sample's time falls in one of the windows, which do not overlap (every sample, without them); asked in time order. */
function windowTest(windows: readonly ProfileWindow[] | undefined): (us: number) => boolean {
  if (windows === undefined) return () => true;
  const sorted = [...windows].sort((a, b) => a.fromUs - b.fromUs);
  let next = 0;
  return (us) => {
    while (next < sorted.length && (sorted[next]?.toUs ?? Infinity) < us) next++;
    const window = sorted[next];
    return window !== undefined && us >= window.fromUs;
  };
}

/** One profiled `corroborate check` of a build; undefined when its source could not be bundled. */
export async function profileCheck(corpus: GeneratedCorpus, tools: Tools, build: BuildTools, top: number): Promise<ProfileSummary | undefined> {
  const readable = build.readableCorroborate;
  if (readable === undefined) return undefined;
  const folder = fs.mkdtempSync(path.join(tools.dir, 'profile-'));
  try {
    const run = await runNode([readable, 'check', corpus.dir, '--format', 'json'], {
      preload: tools.peakRss,
      stdoutFile: path.join(folder, 'check.json'),
      nodeOptions: ['--cpu-prof', '--cpu-prof-dir', folder],
    });
    if (run.exitCode !== 0 && run.exitCode !== 1) throw new Error(`profiled corroborate check exited with ${String(run.exitCode)}: ${run.stderr.slice(0, 2000)}`);
    return summariseProfile(readProfile(folder), readable, run.wallMs, top);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The profile a process run with `--cpu-prof --cpu-prof-dir DIR` wrote as it exited: the newest, in a folder kept across runs. */
export function readProfile(dir: string): CpuProfile {
  const modified = (f: string) => fs.statSync(path.join(dir, f)).mtimeMs;
  const file = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort((a, b) => modified(b) - modified(a))[0];
  if (file === undefined) throw new Error(`node --cpu-prof wrote no profile in ${dir}`);
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
}

export function formatProfile(summary: ProfileSummary, title = 'CPU profile of corroborate check (unminified bundle)'): string {
  const row = (l: ProfileLine) => `| ${l.ms.toFixed(0)} | ${(l.share * 100).toFixed(1)}% | ${l.name}${l.where && l.where !== l.name ? ` (${l.where})` : ''} |`;
  return [
    `${title}: ${summary.totalMs.toFixed(0)} ms sampled${summary.idleMs !== undefined ? ` at work, ${summary.idleMs.toFixed(0)} ms idle` : ''}, ${summary.wallMs.toFixed(0)} ms wall`,
    '',
    '| self ms | share | module |',
    '| ---: | ---: | --- |',
    ...summary.modules.map(row),
    '',
    '| self ms | share | function (module) |',
    '| ---: | ---: | --- |',
    ...summary.functions.map(row),
    '',
    '| ms with callees | share | function (module) |',
    '| ---: | ---: | --- |',
    ...summary.withCallees.map(row),
  ].join('\n');
}

/** The slowest requests of a kind, a line each: wall, at work, idle, when the server was at work, and the functions its time went to. */
export function formatSlowest(requests: readonly ProfileSummary[]): string {
  return [
    '| the slowest requests: ms wall | at work | idle | at work from … to ms | self ms by function |',
    '| ---: | ---: | ---: | ---: | --- |',
    ...requests.map(
      (r) =>
        `| ${r.wallMs.toFixed(2)} | ${r.totalMs.toFixed(2)} | ${(r.idleMs ?? 0).toFixed(2)} | ${r.work ? `${r.work.fromMs.toFixed(2)} … ${r.work.toMs.toFixed(2)}` : '—'} | ${r.functions.map((f) => `${f.name} ${f.ms.toFixed(2)}`).join(', ')} |`,
    ),
  ].join('\n');
}
