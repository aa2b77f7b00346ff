// `npm run editor` (test/e2e/codeServer.ts run directly): it serves the
// editor on the port asked for, on a temporary copy of seeds/ that is gone
// once the editor stops, so that code-server's autosave never writes to the
// checkout; with --workspace it opens that folder as it is and keeps it.
//
//   node --import tsx --test test/e2e/editor.test.ts

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { REPOSITORY_ROOT, SEEDS } from '../integration/seedsWorkspace';
import { withDeadline } from './waitFor';

const EDITOR = path.join(REPOSITORY_ROOT, 'test', 'e2e', 'codeServer.ts');

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  assert.ok(address !== null && typeof address === 'object');
  return address.port;
}

interface Served {
  /** The folder the printed address opens. */
  readonly folder: string;
  readonly origin: string;
  /** Sends Ctrl-C's signal and waits for the editor to end. */
  stop(): Promise<number | null>;
}

async function startEditor(args: readonly string[]): Promise<Served> {
  // The tsx loader rather than its CLI: the CLI leaves an IPC folder (tsx-<uid>) in the temporary folder.
  const child = spawn(process.execPath, ['--import', 'tsx', EDITOR, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TSX_DISABLE_CACHE: '1' } });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await withDeadline(
    new Promise<URL>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /^http:\/\/\S+$/m.exec(output);
        if (found) resolve(new URL(found[0]));
      });
      child.once('exit', (code) => reject(new Error(`the editor exited (${code}) before it printed its address:\n${output}`)));
    }),
    { what: 'the editor to print its address', timeoutMs: 120_000 },
  );
  return {
    folder: url.searchParams.get('folder') ?? '',
    origin: url.origin,
    stop: async () => {
      const exited = once(child, 'exit') as Promise<[number | null]>;
      child.kill('SIGINT');
      const [code] = await withDeadline(exited, { what: 'the editor to stop after SIGINT', timeoutMs: 60_000 });
      return code;
    },
  };
}

void describe('npm run editor', () => {
  void test('serves on --port a copy of seeds/ outside the checkout, deleted when it stops', async () => {
    const port = await freePort();
    const editor = await startEditor(['--port', String(port)]);
    try {
      assert.equal(editor.origin, `http://127.0.0.1:${port}`);
      assert.equal((await fetch(`${editor.origin}/healthz`)).ok, true);
      const fromCheckout = path.relative(REPOSITORY_ROOT, editor.folder);
      assert.ok(fromCheckout.startsWith(`..${path.sep}`) || path.isAbsolute(fromCheckout), `${editor.folder} is inside the checkout`);
      assert.equal(path.basename(editor.folder), 'seeds');
      for (const name of readdirSync(SEEDS)) assert.ok(readFileSync(path.join(editor.folder, name)).equals(readFileSync(path.join(SEEDS, name))), `${name} differs from seeds/`);
    } finally {
      assert.equal(await editor.stop(), 0);
    }
    assert.equal(existsSync(editor.folder), false, 'the copy of seeds/ is left behind');
  });

  const mine = mkdtempSync(path.join(os.tmpdir(), 'corroborate-editor-test-'));
  after(() => rmSync(mine, { recursive: true, force: true }));

  void test('--workspace opens the folder given, and leaves it in place', async () => {
    const editor = await startEditor(['--workspace', mine]);
    try {
      assert.equal(editor.folder, mine);
    } finally {
      assert.equal(await editor.stop(), 0);
    }
    assert.equal(existsSync(mine), true);
  });
});
