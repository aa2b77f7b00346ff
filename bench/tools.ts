// The programs the benchmark runs as child processes, bundled with esbuild
// into a temporary folder: plain `node` runs them with no TypeScript loader in
// the way, so start-up is measured as users would pay it.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';

export const REPO = path.resolve(__dirname, '..');
/** The shipped CLI and language server, as `npx corroborate` runs it (built by `npm run build`). */
export const CORROBORATE = path.join(REPO, 'server', 'bin', 'corroborate.js');

export interface Tools {
  readonly dir: string;
  readonly peakRss: string;
  readonly markdownItCheck: string;
  readonly inMemory: string;
  /** The CLI bundled without minifying, for CPU profiles whose function names mean something. */
  readonly readableCorroborate: string;
}

// As in esbuild.mjs: some dependencies ship ES modules that read import.meta.url.
const IMPORT_META_URL = {
  define: { 'import.meta.url': '__corroborateModuleUrl' },
  banner: { js: "const __corroborateModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

export async function buildTools(): Promise<Tools> {
  if (!fs.existsSync(path.join(REPO, 'server', 'dist', 'corroborate.js'))) {
    throw new Error('server/dist/corroborate.js is missing: run `npm run build` (npm install does it)');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-bench-tools-'));
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', ...IMPORT_META_URL } as const;
  await build({
    ...common,
    entryPoints: {
      peakRss: path.join(__dirname, 'children', 'peakRss.ts'),
      markdownItCheck: path.join(__dirname, 'children', 'markdownItCheck.ts'),
      inMemory: path.join(__dirname, 'children', 'inMemory.ts'),
      corroborate: path.join(REPO, 'server', 'src', 'main.ts'),
    },
    outdir: dir,
  });
  return {
    dir,
    peakRss: path.join(dir, 'peakRss.js'),
    markdownItCheck: path.join(dir, 'markdownItCheck.js'),
    inMemory: path.join(dir, 'inMemory.js'),
    readableCorroborate: path.join(dir, 'corroborate.js'),
  };
}
