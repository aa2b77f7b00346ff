// The corpus on disk as the editor sees it, over stdio: a corroborate.yaml in
// a subfolder owns the documents below it (each file published once, by its
// own corpus, and listed once), a document that cannot be read shows an
// `unreadable` error, and a documents glob that matches nothing an
// `empty-glob` warning that follows files created and deleted.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { DOCUMENT_MAX_BYTES } from '../../server/src/workspace/documentRead';
import { INNER_REGISTRY, INNER_REPORT, OUTER_REGISTRY, OUTER_REPORT } from '../corpusFixtures';
import { freshDiagnostics, publishedDiagnostics, publishes } from './freshCheck';
import { LspClient, uriOf, writeCorpus } from './lspClient';

const clients: LspClient[] = [];
after(async () => {
  await Promise.all(clients.map((c) => c.stop().catch(() => undefined)));
});

async function start(files: Record<string, string>, watchesFiles = true): Promise<{ dir: string; client: LspClient; uri: (file: string) => string }> {
  const dir = writeCorpus(files);
  const client = await LspClient.start(dir, { watchesFiles });
  clients.push(client);
  return { dir, client, uri: (file) => uriOf(dir, file) };
}

/** What a fresh check of one corpus folder publishes, per URI of `dir` (the folder the server was given). */
async function expectedFor(dir: string, corpus: string, files: Record<string, string>): Promise<Map<string, string[]>> {
  return freshDiagnostics(path.join(dir, corpus), new Map(Object.entries(files)));
}

/** LSP 3.18 lets a message be Markdown; this server sends plain strings. */
function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

function once(list: readonly string[]): boolean {
  return new Set(list).size === list.length;
}

describe('nested corpora in the editor: the nearest corroborate.yaml owns a document', () => {
  test('each file is published once, by its own corpus, listed once, and stays so after an unrelated change', async () => {
    const { dir, client, uri } = await start({ [REGISTRY_FILE]: OUTER_REGISTRY, 'a.txt': OUTER_REPORT, 'inner/corroborate.yaml': INNER_REGISTRY, 'inner/c.txt': INNER_REPORT });
    await client.waitFor('both corpora indexed', () => client.corpusDocuments.includes(uri('a.txt')) && client.corpusDocuments.includes(uri('inner/c.txt')));
    assert.deepEqual([...client.corpusDocuments].sort(), [uri('a.txt'), uri('inner/c.txt')]);
    const inner = await expectedFor(dir, 'inner', { [REGISTRY_FILE]: INNER_REGISTRY, 'c.txt': INNER_REPORT });
    await client.waitFor('the inner report judged by the inner registry', publishes(client, inner));
    assert.ok(
      client.diagnosticsOf(uri('inner/c.txt')).some((d) => d.code === 'unknown-entity' && messageOf(d).includes('@jnim')),
      'the inner registry does not know @jnim',
    );

    // An edit in the outer corpus re-publishes its files, and only its own.
    const edited = OUTER_REPORT.replace('outcome=captured', 'outcome=taken');
    await client.open(uri('a.txt'), OUTER_REPORT);
    await client.change(uri('a.txt'), edited);
    await client.waitFor('the edit in a.txt shown', () => client.diagnosticsOf(uri('a.txt')).some((d) => d.code === 'bad-value'));
    fs.writeFileSync(path.join(dir, 'b.txt'), OUTER_REPORT);
    await client.fileChanged(uri('b.txt'), FileChangeType.Created);
    await client.waitFor('b.txt indexed', () => client.corpusDocuments.includes(uri('b.txt')));
    assert.deepEqual(publishedDiagnostics(client, inner.keys()), inner, 'the inner report keeps its own corpus’s diagnostics');
    assert.ok(once(client.corpusDocuments), 'no file listed twice');
    assert.deepEqual([...client.corpusDocuments].sort(), [uri('a.txt'), uri('b.txt'), uri('inner/c.txt')]);
  });

  for (const watchesFiles of [true, false]) {
    test(`a corroborate.yaml created in a subfolder takes its documents over, and deleted gives them back (${watchesFiles ? 'client watches' : 'server watches the folder'})`, async () => {
      const files = { [REGISTRY_FILE]: OUTER_REGISTRY, 'a.txt': OUTER_REPORT, 'inner/c.txt': INNER_REPORT };
      const { dir, client, uri } = await start(files, watchesFiles);
      const tell = async (file: string, type: FileChangeType) => {
        if (watchesFiles) await client.fileChanged(uri(file), type);
      };
      const outer = await expectedFor(dir, '.', files);
      await client.waitFor('the outer corpus judging inner/c.txt', publishes(client, outer));
      assert.ok(client.diagnosticsOf(uri('inner/c.txt')).some((d) => messageOf(d).includes('rfi')), 'the outer registry does not know @rfi');

      fs.writeFileSync(path.join(dir, 'inner', REGISTRY_FILE), INNER_REGISTRY);
      await tell(`inner/${REGISTRY_FILE}`, FileChangeType.Created);
      const inner = await expectedFor(dir, 'inner', { [REGISTRY_FILE]: INNER_REGISTRY, 'c.txt': INNER_REPORT });
      await client.waitFor('inner/c.txt judged by its own registry', publishes(client, inner));
      await client.waitFor('inner/c.txt listed once', () => client.corpusDocuments.length === 2 && once(client.corpusDocuments));

      fs.unlinkSync(path.join(dir, 'inner', REGISTRY_FILE));
      await tell(`inner/${REGISTRY_FILE}`, FileChangeType.Deleted);
      await client.waitFor('inner/c.txt judged by the outer registry again', publishes(client, outer));
      assert.deepEqual([...client.corpusDocuments].sort(), [uri('a.txt'), uri('inner/c.txt')]);
    });
  }
});

describe('unreadable documents and empty globs in the editor', () => {
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

  test('a named pipe and a broken link the globs match, there when the server starts, show unreadable errors and are listed', async () => {
    const dir = writeCorpus({ [REGISTRY_FILE]: OUTER_REGISTRY, 'a.txt': OUTER_REPORT });
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    fs.symlinkSync('deleted.txt', path.join(dir, 'gone.txt'));
    const client = await LspClient.start(dir);
    clients.push(client);
    for (const file of ['pipe.txt', 'gone.txt']) {
      const uri = uriOf(dir, file);
      await client.waitFor(`the unreadable error on ${file}`, () => client.diagnosticsOf(uri).some((d) => d.code === 'unreadable'));
      await client.waitFor(`${file} listed as a document`, () => client.corpusDocuments.includes(uri));
    }
  });

  test('an empty-glob warning goes when a file appears and comes back when the last one goes', async () => {
    const registry = OUTER_REGISTRY.replace('["**/*.txt"]', '["reports/*.txt"]');
    const { dir, client, uri } = await start({ [REGISTRY_FILE]: registry, 'seeds/a.txt': OUTER_REPORT });
    const warned = () => client.diagnosticsOf(uri(REGISTRY_FILE)).some((d) => d.code === 'empty-glob');
    await client.waitFor('the empty-glob warning', warned);
    const [warning] = client.diagnosticsOf(uri(REGISTRY_FILE)).filter((d) => d.code === 'empty-glob');
    assert.equal(warning?.severity, 2);
    const message = warning ? messageOf(warning) : '';
    assert.match(message, /reports\//);
    assert.match(message, /seeds\/ \(1\)/);

    fs.mkdirSync(path.join(dir, 'reports'));
    fs.writeFileSync(path.join(dir, 'reports', 'a.txt'), OUTER_REPORT);
    await client.fileChanged(uri('reports/a.txt'), FileChangeType.Created);
    await client.waitFor('the warning gone', () => !warned() && client.corpusDocuments.includes(uri('reports/a.txt')));

    fs.unlinkSync(path.join(dir, 'reports', 'a.txt'));
    await client.fileChanged(uri('reports/a.txt'), FileChangeType.Deleted);
    await client.waitFor('the warning back', warned);
    const back = client.diagnosticsOf(uri(REGISTRY_FILE)).find((d) => d.code === 'empty-glob');
    assert.match(back ? messageOf(back) : '', /it looked in reports\/\./);
  });

  test('the empty-glob warning stays on its pattern while corroborate.yaml is edited above it', async () => {
    const registry = OUTER_REGISTRY.replace('["**/*.txt"]', '["reports/*.txt"]');
    const { client, uri } = await start({ [REGISTRY_FILE]: registry, 'seeds/a.txt': OUTER_REPORT });
    const warning = () => client.diagnosticsOf(uri(REGISTRY_FILE)).find((d) => d.code === 'empty-glob');
    await client.waitFor('the empty-glob warning', () => warning() !== undefined);
    const column = registry.indexOf('"reports/*.txt"');
    assert.deepEqual(warning()?.range, { start: { line: 0, character: column }, end: { line: 0, character: column + '"reports/*.txt"'.length } });
    await client.open(uri(REGISTRY_FILE), registry);
    await client.change(uri(REGISTRY_FILE), `# The desk's corpus\n${registry}`);
    await client.waitFor('the warning a line down, on the pattern still', () => warning()?.range.start.line === 1);
    assert.deepEqual(warning()?.range, { start: { line: 1, character: column }, end: { line: 1, character: column + '"reports/*.txt"'.length } });
    await client.change(uri(REGISTRY_FILE), `# The desk's corpus\n${registry.replace('reports/', 'seeds/')}`);
    await client.waitFor('the warning gone with a pattern that matches', () => warning() === undefined && client.corpusDocuments.includes(uri('seeds/a.txt')));
  });
});
