// What the .vsix ships, as vsce itself computes it from .vscodeignore. Run
// after `npm run build`: the bundles must exist to be listed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '..', '..');
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

test('the .vsix holds the bundles (server and its corpus reader, client, the matrix view’s script and style), the grammars and the manifest files, and nothing else', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root });
  const shipped = stdout.split(/\r?\n/).filter((line) => line !== '').sort();
  assert.deepEqual(
    shipped,
    [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'client/dist/extension.js',
      'client/dist/matrix.css',
      'client/dist/matrix.js',
      'images/icon.png',
      'language-configuration.json',
      'package.json',
      'server/dist/corpusReader.js',
      'server/dist/corroborate.js',
      'syntaxes/corroborate.markdown-injection.tmLanguage.json',
      'syntaxes/corroborate.tmLanguage.json',
    ],
    'a missing bundle means `npm run build` has not run; anything extra needs a reason to ship and a line in .vscodeignore',
  );
});

test('the grammar tests load the grammars the manifest contributes, as it contributes them', () => {
  interface Grammar {
    readonly scopeName: string;
    readonly path: string;
  }
  const read = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as { contributes: { grammars: Grammar[] } };
  const manifest = read('package.json').contributes.grammars;
  // test/grammar/grammars.json names its paths from its own folder.
  const tested = read('test/grammar/grammars.json').contributes.grammars.slice(0, manifest.length).map((g) => ({ ...g, path: path.posix.relative('../..', g.path) }));
  assert.deepEqual(tested, manifest.map((g) => ({ ...g, path: path.posix.normalize(g.path) })));
});
