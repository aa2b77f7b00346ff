// The server's own watch of the workspace, for clients that do not watch
// files (issue 10, fault 2): files replaced by a rename (`sed -i`, `cp` over,
// an editor's atomic save, corroborate.yaml replaced whole) and the writes
// after them, and a workspace folder deleted and created again. After each
// step the server publishes exactly what a fresh check of the disk gives,
// and a rename proposed afterwards edits the text on disk at the right
// offsets.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RenameRequest } from 'vscode-languageserver-protocol/node';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { HOSTILE_REGISTRY } from '../hostileInputs';
import { freshDiagnostics, positionAt, publishedDiagnostics, publishes } from './freshCheck';
import { applyWorkspaceEditOnDisk, LspClient, tempFolder, uriOf, writeCorpus } from './lspClient';

const REGISTRY = HOSTILE_REGISTRY;

/** A report whose one claim says `outcome`: a misspelt value is an error at its line. */
function report(outcome: string, linesBefore = 0): string {
  return `---\nsource: fama\n---\n${'Les réseaux sociaux parlent de la prise.\n'.repeat(linesBefore)}Le [JNIM]{@jnim} dit [avoir pris le camp]{claim by=@jnim event=@attack outcome=${outcome}}.\n`;
}

const OTHER = `---\nsource: jnim\n---\n[Le camp tient]{claim by=@fama event=@attack outcome=repelled}, selon les [FAMa]{@fama}.\n`;

/** What the disk holds in a corpus folder (temporary files of a write in progress left out). */
function diskTexts(dir: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && (entry.name === REGISTRY_FILE || entry.name.endsWith('.txt'))) texts.set(entry.name, fs.readFileSync(path.join(dir, entry.name), 'utf8'));
  }
  return texts;
}

/** Waits until the server publishes for `dir` what a fresh check of its disk gives. */
async function followsDisk(client: LspClient, dir: string, step: string): Promise<void> {
  const expected = await freshDiagnostics(dir, diskTexts(dir));
  await client.waitFor(`the server to follow ${step}`, publishes(client, expected), 10_000).catch(() => undefined);
  assert.deepEqual(publishedDiagnostics(client, expected.keys()), expected, `after ${step}`);
}

function errorsOf(client: LspClient, dir: string): number {
  return client.diagnosticsOf(uriOf(dir, 'a.txt')).filter((d) => d.code === 'bad-value').length;
}

/** Deletes the files of a folder, leaving the folder, as `rm -rf` does before it removes the folder itself. */
function emptyFolder(dir: string): void {
  for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name), { recursive: true });
}

/**
 * Serves `workspace` with a corpus in `dir`, empties `dir` and waits for the
 * server to drop its corpus, then removes `dir` and writes it again while the
 * server is stopped: the server must publish the new reports' diagnostics,
 * then follow a write in them.
 */
async function followsFolderReplacedWhileBusy(workspace: string, dir: string): Promise<void> {
  writeCorpus({ [REGISTRY_FILE]: REGISTRY, 'a.txt': report('captured'), 'b.txt': OTHER }, dir);
  const server = await LspClient.start(workspace, { watchesFiles: false });
  try {
    await server.waitFor('the corpus indexed', () => server.corpusDocuments.includes(uriOf(dir, 'a.txt')), 30_000);
    await followsDisk(server, dir, 'the first indexing');
    emptyFolder(dir);
    await server.waitFor('the emptied folder’s corpus dropped', () => server.corpusDocuments.length === 0);
    server.whileStopped(() => {
      fs.rmdirSync(dir);
      writeCorpus({ [REGISTRY_FILE]: REGISTRY, 'a.txt': report('repeled', 1), 'b.txt': OTHER }, dir);
    });
    await followsDisk(server, dir, 'the folder created again while the server was stopped');
    assert.equal(errorsOf(server, dir), 1);
    fs.writeFileSync(path.join(dir, 'a.txt'), report('repelled', 3));
    await followsDisk(server, dir, 'a write in the folder created again');
    assert.equal(errorsOf(server, dir), 0);
  } finally {
    await server.stop().catch(() => undefined);
  }
}

/** Writes a file as editors that save atomically do: a temporary file, renamed over the old one. */
function saveAtomically(file: string, text: string): void {
  fs.writeFileSync(`${file}.tmp`, text);
  fs.renameSync(`${file}.tmp`, file);
}

let client: LspClient;
let workspace: string;
const corpora: string[] = [];
/** A corpus folder of the shared workspace, indexed. */
async function corpus(name: string): Promise<string> {
  const dir = path.join(workspace, name);
  assert.ok(corpora.includes(dir));
  await client.waitFor(`${name} indexed`, () => client.corpusDocuments.includes(uriOf(dir, 'a.txt')), 30_000);
  return dir;
}

before(async () => {
  workspace = tempFolder('watched');
  for (const name of ['sed', 'cp', 'atomic', 'registry']) {
    const dir = path.join(workspace, name);
    writeCorpus({ [REGISTRY_FILE]: REGISTRY, 'a.txt': report('captured'), 'b.txt': OTHER }, dir);
    corpora.push(dir);
  }
  client = await LspClient.start(workspace, { watchesFiles: false });
});

after(async () => {
  await client.stop().catch(() => undefined);
});

void describe('a client that does not watch files: the server follows files replaced by a rename', () => {
  void test('sed -i, then writes in place, then a rename at the new offsets', async () => {
    const dir = await corpus('sed');
    const a = path.join(dir, 'a.txt');
    execFileSync('sed', ['-i', 's/outcome=captured/outcome=capturd/', a]);
    await followsDisk(client, dir, 'sed -i');
    assert.equal(errorsOf(client, dir), 1);
    fs.writeFileSync(a, report('captured', 2));
    await followsDisk(client, dir, 'a write after sed -i');
    assert.equal(errorsOf(client, dir), 0);
    fs.writeFileSync(a, report('repeled', 5));
    await followsDisk(client, dir, 'a second write after sed -i');
    assert.equal(errorsOf(client, dir), 1);
    // A rename now edits the text on disk, not the one before sed.
    const text = fs.readFileSync(a, 'utf8');
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uriOf(dir, 'a.txt') }, position: positionAt(text, text.indexOf('{@jnim}') + 3), newName: 'gsim' });
    assert.ok(edit);
    applyWorkspaceEditOnDisk(edit);
    assert.equal(fs.readFileSync(a, 'utf8'), text.replaceAll('@jnim', '@gsim'));
  });

  void test('cp over a report, then a write', async () => {
    const dir = await corpus('cp');
    const source = path.join(workspace, 'copied-report');
    fs.writeFileSync(source, report('capturd', 1));
    execFileSync('cp', [source, path.join(dir, 'a.txt')]);
    await followsDisk(client, dir, 'cp over');
    assert.equal(errorsOf(client, dir), 1);
    fs.writeFileSync(path.join(dir, 'a.txt'), report('captured', 3));
    await followsDisk(client, dir, 'a write after cp');
    assert.equal(errorsOf(client, dir), 0);
  });

  void test('an editor’s atomic saves, with a write in place between them', async () => {
    const dir = await corpus('atomic');
    const a = path.join(dir, 'a.txt');
    saveAtomically(a, report('capturd'));
    await followsDisk(client, dir, 'an atomic save');
    assert.equal(errorsOf(client, dir), 1);
    fs.writeFileSync(a, report('captured', 1));
    await followsDisk(client, dir, 'a write in place after an atomic save');
    assert.equal(errorsOf(client, dir), 0);
    saveAtomically(a, report('repeled', 4));
    await followsDisk(client, dir, 'a second atomic save');
    assert.equal(errorsOf(client, dir), 1);
  });

  void test('corroborate.yaml replaced whole, then written in place', async () => {
    const dir = await corpus('registry');
    const registry = path.join(dir, REGISTRY_FILE);
    fs.writeFileSync(path.join(dir, 'a.txt'), report('withdrawn'));
    await followsDisk(client, dir, 'a report with a value the registry does not know');
    assert.equal(errorsOf(client, dir), 1);
    saveAtomically(registry, REGISTRY.replace('[captured, repelled]', '[captured, repelled, withdrawn]'));
    await followsDisk(client, dir, 'corroborate.yaml replaced');
    assert.equal(errorsOf(client, dir), 0);
    fs.writeFileSync(registry, REGISTRY);
    await followsDisk(client, dir, 'corroborate.yaml written after it was replaced');
    assert.equal(errorsOf(client, dir), 1);
  });
});

void describe('a client that does not watch files: the workspace folder deleted and created again', () => {
  void test('its diagnostics go with it and come back with it, and later writes are followed', async () => {
    const dir = tempFolder('root');
    writeCorpus({ [REGISTRY_FILE]: REGISTRY, 'a.txt': report('capturd'), 'b.txt': OTHER }, dir);
    const server = await LspClient.start(dir, { watchesFiles: false });
    try {
      await server.waitFor('the corpus indexed', () => server.corpusDocuments.includes(uriOf(dir, 'a.txt')), 30_000);
      await followsDisk(server, dir, 'the first indexing');
      assert.equal(errorsOf(server, dir), 1);
      fs.rmSync(dir, { recursive: true });
      await server.waitFor('the deleted folder’s diagnostics cleared', () => server.corpusDocuments.length === 0 && errorsOf(server, dir) === 0);
      writeCorpus({ [REGISTRY_FILE]: REGISTRY, 'a.txt': report('repeled', 2), 'b.txt': OTHER }, dir);
      await followsDisk(server, dir, 'the folder created again');
      assert.equal(errorsOf(server, dir), 1);
      fs.writeFileSync(path.join(dir, 'a.txt'), report('repelled', 2));
      await followsDisk(server, dir, 'a write in the folder created again');
      assert.equal(errorsOf(server, dir), 0);
    } finally {
      await server.stop().catch(() => undefined);
    }
  });

  // `rm -rf` and a new copy, with the server keeping up with the files'
  // deletions but not with the folder's. The server's working folder is the
  // workspace, so the workspace folder's own watch never hears of its
  // deletion; and ext4 often gives the folder created again the inode number
  // the deleted one had, which the server must not take for the folder it
  // watched, whose watch hears nothing more.
  void test('deleted and created again while the server is busy: the new folder is followed', async () => {
    const dir = tempFolder('root');
    await followsFolderReplacedWhileBusy(dir, dir);
  });

  void test('a corpus folder inside the workspace deleted and created again while the server is busy: the new folder is followed', async () => {
    const root = tempFolder('root');
    await followsFolderReplacedWhileBusy(root, path.join(root, 'desk'));
  });
});
