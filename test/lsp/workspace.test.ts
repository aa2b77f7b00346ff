// The corpus on disk as the editor sees it, over stdio: a document that
// cannot be read shows an `unreadable` error.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { DOCUMENT_MAX_BYTES } from '../../server/src/workspace/corpusFiles';
import { OUTER_REGISTRY, OUTER_REPORT } from '../corpusFixtures';
import { freshDiagnostics, publishes } from './freshCheck';
import { LspClient, uriOf, writeCorpus } from './lspClient';

const clients: LspClient[] = [];
const folders: string[] = [];
after(async () => {
  await Promise.all(clients.map((c) => c.stop().catch(() => undefined)));
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

async function start(files: Record<string, string>, watchesFiles = true): Promise<{ dir: string; client: LspClient; uri: (file: string) => string }> {
  const dir = writeCorpus(files);
  folders.push(dir);
  const client = await LspClient.start(dir, { watchesFiles });
  clients.push(client);
  return { dir, client, uri: (file) => uriOf(dir, file) };
}

/** What a fresh check of one corpus folder publishes, per URI of `dir` (the folder the server was given). */
async function expectedFor(dir: string, corpus: string, files: Record<string, string>): Promise<Map<string, string[]>> {
  return freshDiagnostics(path.join(dir, corpus), new Map(Object.entries(files)));
}

describe('unreadable documents in the editor', () => {
  test('a document over the size limit shows an unreadable error, is listed, and is read once it is small enough', async () => {
    const { dir, client, uri } = await start({ [REGISTRY_FILE]: OUTER_REGISTRY, 'a.txt': OUTER_REPORT, 'big.txt': '' });
    fs.truncateSync(path.join(dir, 'big.txt'), DOCUMENT_MAX_BYTES + 1);
    await client.fileChanged(uri('big.txt'), FileChangeType.Changed);
    await client.waitFor('the unreadable error on big.txt', () => client.diagnosticsOf(uri('big.txt')).some((d) => d.code === 'unreadable'));
    const [problem] = client.diagnosticsOf(uri('big.txt'));
    assert.equal(problem?.severity, 1);
    assert.deepEqual(problem?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    await client.waitFor('big.txt listed as a document', () => client.corpusDocuments.includes(uri('big.txt')));

    fs.writeFileSync(path.join(dir, 'big.txt'), OUTER_REPORT.replace('captured', 'repelled'));
    await client.fileChanged(uri('big.txt'), FileChangeType.Changed);
    const texts = { [REGISTRY_FILE]: OUTER_REGISTRY, 'a.txt': OUTER_REPORT, 'big.txt': OUTER_REPORT.replace('captured', 'repelled') };
    await client.waitFor('big.txt read and checked like the rest', publishes(client, await expectedFor(dir, '.', texts)));
  });
});
