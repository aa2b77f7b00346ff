// The builds a run measures and the programs it runs as child processes.
// A build is this working tree's `server/bin/corroborate.js` or, with
// `--compare`, another checkout's (or a bundle of it). The helper programs are
// bundled with esbuild into a temporary folder: plain `node` runs them with no
// TypeScript loader in the way, so start-up is measured as users would pay it.
// The in-memory comparison and the readable CLI for profiles are bundled once
// per build, from that build's own engine source.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build, type Plugin } from 'esbuild';

export const REPO = path.resolve(__dirname, '..');

export interface Build {
  /** What the table calls it: the commit, `+changes` when the checkout has uncommitted changes. */
  readonly label: string;
  /** The shipped CLI and language server, as `npx corroborate` runs it. */
  readonly cli: string;
  /** The checkout, when the build is one: its engine source is bundled for the in-memory comparison and profiles. */
  readonly root?: string;
}

export interface BuildTools {
  readonly build: Build;
  /** Absent, with the reason in `unavailable`, when this build's engine could not be bundled. */
  readonly inMemory?: string;
  /** The CLI bundled without minifying, for CPU profiles whose function names mean something. */
  readonly readableCorroborate?: string;
  readonly unavailable?: string;
}

export interface Tools {
  readonly dir: string;
  readonly peakRss: string;
  /** The preload of `--memory-breakdown`. */
  readonly memoryBreakdown: string;
  readonly markdownItCheck: string;
  readonly builds: readonly BuildTools[];
}

// As in esbuild.mjs: some dependencies ship ES modules that read import.meta.url.
const IMPORT_META_URL = {
  define: { 'import.meta.url': '__corroborateModuleUrl' },
  banner: { js: "const __corroborateModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};
const COMMON = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent', ...IMPORT_META_URL } as const;

function git(root: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function labelOf(root: string): string {
  const commit = git(root, ['rev-parse', '--short', 'HEAD']);
  if (commit === undefined) return path.basename(root);
  return (git(root, ['status', '--porcelain', '--untracked-files=no']) ?? '') === '' ? commit : `${commit}+changes`;
}

/** The CLI of a checkout: the npx shim, else the bundle itself. */
function cliOf(root: string): string | undefined {
  return [path.join(root, 'server', 'bin', 'corroborate.js'), path.join(root, 'server', 'dist', 'corroborate.js')].find((file) => fs.existsSync(file));
}

export function thisBuild(): Build {
  const cli = path.join(REPO, 'server', 'bin', 'corroborate.js');
  if (!fs.existsSync(path.join(REPO, 'server', 'dist', 'corroborate.js'))) throw new Error('server/dist/corroborate.js is missing: run `npm run build` (npm install does it)');
  return { label: labelOf(REPO), cli, root: REPO };
}

/** `--compare PATH`: another checkout, built, or its `corroborate.js` bundle. */
export function buildAt(target: string, taken: readonly string[]): Build {
  const resolved = path.resolve(target);
  let found: Build;
  if (fs.statSync(resolved, { throwIfNoEntry: false })?.isFile()) {
    // <checkout>/server/dist/corroborate.js or <checkout>/server/bin/corroborate.js: the checkout's source comes along.
    const root = path.resolve(resolved, '..', '..', '..');
    const checkout = fs.existsSync(path.join(root, 'server', 'src', 'main.ts'));
    found = checkout ? { label: labelOf(root), cli: resolved, root } : { label: resolved, cli: resolved };
  } else {
    const cli = cliOf(resolved);
    if (!cli || !fs.existsSync(path.join(resolved, 'server', 'dist', 'corroborate.js'))) {
      throw new Error(`--compare ${target}: no server/dist/corroborate.js there; build it first: (cd ${target} && npm ci && npm run build)`);
    }
    found = { label: labelOf(resolved), cli, root: resolved };
  }
  return taken.includes(found.label) ? { ...found, label: `${found.label} (compared)` } : found;
}

/** Points the engine imports of a bench child at another checkout's engine source. */
function engineOf(root: string): Plugin {
  const ownServer = path.join(REPO, 'server', 'src');
  return {
    name: 'engine-of-build',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /server\/src\// }, (args) => {
        const wanted = path.resolve(args.resolveDir, args.path);
        if (!wanted.startsWith(ownServer + path.sep)) return undefined;
        const relative = path.relative(ownServer, wanted);
        const candidates = [`${relative}.ts`, relative, path.join(relative, 'index.ts')].map((r) => path.join(root, 'server', 'src', r));
        const found = candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
        return found ? { path: found } : { errors: [{ text: `${relative} is not in ${root}` }] };
      });
    },
  };
}

function failure(error: unknown): string {
  const errors = (error as { errors?: readonly { text: string; location?: { file: string } | null }[] }).errors;
  const first = errors?.[0];
  if (first) return first.location ? `${first.location.file}: ${first.text}` : first.text;
  return error instanceof Error ? error.message : String(error);
}

/** What a checkout's own esbuild.mjs gives its CLI bundle: documentation pages as text, the version. */
function cliOptionsOf(root: string): { loader: Record<string, 'text'>; define: Record<string, string> } {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string };
  return { loader: { '.md': 'text' }, define: { ...IMPORT_META_URL.define, CORROBORATE_VERSION: JSON.stringify(version ?? '0.0.0') } };
}

async function bundleBuild(dir: string, index: number, target: Build): Promise<BuildTools> {
  if (target.root === undefined) return { build: target, unavailable: 'a bundle without its source: no in-memory comparison or profile' };
  const root = target.root;
  const out = path.join(dir, `build-${index}`);
  const plugins = root === REPO ? [] : [engineOf(root)];
  let inMemory: string | undefined;
  let readableCorroborate: string | undefined;
  const problems: string[] = [];
  try {
    await build({ ...COMMON, entryPoints: { inMemory: path.join(__dirname, 'children', 'inMemory.ts') }, outdir: out, plugins });
    inMemory = path.join(out, 'inMemory.js');
  } catch (error) {
    problems.push(`its engine could not be bundled: ${failure(error)}`);
  }
  try {
    // A CLI that reads the reports on a reader thread starts its script from beside its own bundle.
    const reader = path.join(root, 'server', 'src', 'workspace', 'corpusReader.ts');
    const entryPoints = { corroborate: path.join(root, 'server', 'src', 'main.ts'), ...(fs.existsSync(reader) ? { corpusReader: reader } : {}) };
    await build({ ...COMMON, ...cliOptionsOf(root), entryPoints, outdir: out });
    readableCorroborate = path.join(out, 'corroborate.js');
  } catch (error) {
    problems.push(`its CLI could not be bundled for profiles: ${failure(error)}`);
  }
  return {
    build: target,
    ...(inMemory !== undefined ? { inMemory } : {}),
    ...(readableCorroborate !== undefined ? { readableCorroborate } : {}),
    ...(problems.length > 0 ? { unavailable: problems.join('; ') } : {}),
  };
}

export async function buildTools(builds: readonly Build[]): Promise<Tools> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-bench-tools-'));
  try {
    await build({
      ...COMMON,
      logLevel: 'warning',
      entryPoints: { peakRss: path.join(__dirname, 'children', 'peakRss.ts'), memoryBreakdown: path.join(__dirname, 'children', 'memoryBreakdown.ts'), markdownItCheck: path.join(__dirname, 'children', 'markdownItCheck.ts') },
      outdir: dir,
    });
    const bundled: BuildTools[] = [];
    for (const [index, target] of builds.entries()) bundled.push(await bundleBuild(dir, index, target));
    return { dir, peakRss: path.join(dir, 'peakRss.js'), memoryBreakdown: path.join(dir, 'memoryBreakdown.js'), markdownItCheck: path.join(dir, 'markdownItCheck.js'), builds: bundled };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
