// Bundles the two shipped programs: the server/CLI (one file, started by the
// extension and by `npx corroborate`) and the VS Code client (`vscode` is
// provided by the editor at run time).
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
// Some dependencies ship ES modules that read import.meta.url; in a CommonJS
// bundle it has to be derived from __filename.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  // Shipped in the .vsix and run by npx: smaller loads faster; the linked map keeps stack traces readable.
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  define: { 'import.meta.url': '__corroborateModuleUrl' },
  banner: { js: "const __corroborateModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};
const builds = [
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'server/dist/corroborate.js' },
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
