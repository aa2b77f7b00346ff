// What the .vsix ships, as vsce itself computes it from .vscodeignore. Run
// after `npm run build`: the two bundles must exist to be listed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '..', '..');
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

test('the .vsix holds the two bundles, the grammars and the manifest files, and nothing else', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root });
  const shipped = stdout.split(/\r?\n/).filter((line) => line !== '').sort();
  assert.deepEqual(
    shipped,
    [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'client/dist/extension.js',
      'images/icon.png',
      'language-configuration.json',
      'package.json',
      'server/dist/corroborate.js',
      'syntaxes/corroborate.markdown-injection.tmLanguage.json',
      'syntaxes/corroborate.tmLanguage.json',
    ],
    'a missing bundle means `npm run build` has not run; anything extra needs a reason to ship and a line in .vscodeignore',
  );
});
