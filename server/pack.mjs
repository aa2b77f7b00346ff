// Packs the command-line program as an npm package of its own, with no
// dependencies (the bundle holds them): `npm run pack:cli` writes
// corroborate-<version>.tgz, and `npm install -g ./corroborate-<version>.tgz`
// puts `corroborate` on the PATH, offline. The package is assembled in a
// temporary folder from the built bundle, so nothing in the checkout (the
// workspace's dependency lists, its scripts) leaks into it.
//
//   node server/pack.mjs [DESTINATION]    (default: the repository root)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const destination = path.resolve(process.argv[2] ?? root);
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const server = JSON.parse(readFileSync(path.join(root, 'server', 'package.json'), 'utf8'));

const stage = mkdtempSync(path.join(tmpdir(), 'corroborate-pack-'));
try {
  const files = {
    'bin/corroborate.js': 'server/bin/corroborate.js',
    'dist/corroborate.js': 'server/dist/corroborate.js',
    'dist/corpusReader.js': 'server/dist/corpusReader.js',
    'README.md': 'README.md',
    'LICENSE': 'LICENSE',
  };
  for (const [to, from] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(stage, to)), { recursive: true });
    copyFileSync(path.join(root, from), path.join(stage, to));
  }
  const cli = {
    name: 'corroborate',
    version: manifest.version,
    description: server.description,
    license: manifest.license,
    keywords: manifest.keywords,
    bin: { corroborate: 'bin/corroborate.js' },
    engines: { node: manifest.engines.node },
  };
  writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(cli, null, 2)}\n`);
  mkdirSync(destination, { recursive: true });
  // npm_execpath is npm itself when this runs under `npm run`; a plain `node server/pack.mjs` finds npm on the PATH.
  const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
  const [command, ...first] = npm;
  const packed = execFileSync(command, [...first, 'pack', '--json', '--pack-destination', destination], { cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const [{ filename }] = JSON.parse(packed);
  process.stdout.write(`${path.join(destination, filename)}\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
