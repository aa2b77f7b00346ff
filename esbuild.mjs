// Bundles the shipped programs: the server/CLI (one file, started by the
// extension and by `npx corroborate`), the VS Code client (`vscode` is
// provided by the editor at run time) and the claims matrix view's page. With --integration it bundles the
// editor integration suite instead (test/integration), which VS Code's
// extension host loads as one JavaScript file.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const integration = process.argv.includes('--integration');
// Some dependencies ship ES modules that read import.meta.url; in a CommonJS
// bundle it has to be derived from __filename.
const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  // Shipped in the .vsix and run by npx: smaller loads faster. The .vsix has
  // no source maps and neither the CLI nor the server turns them on, so a
  // stack trace in the server's log names its functions by their `name`
  // property alone, which keepNames sets back to the source's names
  // (docs/performance-history.md, "keepNames in the bundle").
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  // docs/diagnostics.md is read into the CLI (the SARIF rules' help), so the page stays the one description of the codes.
  loader: { '.md': 'text' },
  define: { 'import.meta.url': '__corroborateModuleUrl', CORROBORATE_VERSION: JSON.stringify(version) },
  banner: { js: "const __corroborateModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};
const shipped = [
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'server/dist/corroborate.js' },
  // The corpus reader thread's script, which the server starts from beside its own bundle (server/src/workspace/readAhead.ts).
  { ...common, entryPoints: ['server/src/workspace/corpusReader.ts'], outfile: 'server/dist/corpusReader.js' },
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] },
  // The claims matrix view's page script and its style (client/dist/matrix.js, matrix.css), run inside the webview.
  {
    entryPoints: ['client/webview/matrix.ts'],
    outfile: 'client/dist/matrix.js',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    minify: true,
    sourcemap: 'linked',
    logLevel: 'warning',
  },
];
// Mocha goes inside the bundle, so the suite runs wherever the extension host
// can read this one file. Its parallel mode, which resolves worker files by
// path, is never switched on, so the warnings about those paths are silenced.
const integrationSuite = [
  {
    ...common,
    entryPoints: ['test/integration/index.ts'],
    outfile: 'test/out/integration/index.js',
    external: ['vscode'],
    logOverride: { 'require-resolve-not-external': 'silent' },
  },
];
const builds = integration ? integrationSuite : shipped;

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
