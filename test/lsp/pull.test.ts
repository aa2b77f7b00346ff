// Pulled diagnostics (LSP 3.17) over stdio: a client that declares
// `textDocument.diagnostic` and `workspace.diagnostics.refreshSupport`, as VS
// Code does, pulls exactly what a client that is pushed diagnostics is shown;
// result ids change exactly when what a file shows changes; an edit that
// changes other files' diagnostics is followed by one refresh; clients that
// cannot be asked to pull again are pushed everything, as before.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import {
  CancellationTokenSource,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidCloseTextDocumentNotification,
  DocumentDiagnosticRequest,
  ErrorCodes,
  FileChangeType,
  InitializedNotification,
  LSPErrorCodes,
  ResponseError,
  WorkspaceDiagnosticRequest,
  type Diagnostic,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { TWO_PARTIES_REGISTRY as REGISTRY } from '../corpusFixtures';
import { freshDiagnostics, MAX_PUBLISHED, publishedDiagnostics, publishes } from './freshCheck';
import { copySeeds, LspClient, stopServers, uriOf, writeCorpus, type ClientOptions } from './lspClient';

after(stopServers);

/** a and b contradict each other across files; c has only a hint (an alias no span marks); d has nothing. */
const CORPUS: Record<string, string> = {
  [REGISTRY_FILE]: REGISTRY,
  'a.txt': 'Le [JNIM]{@jnim} dit avoir [pris le camp]{claim by=@jnim event=@attack outcome=captured}.\n',
  'b.txt': 'Les [FAMa]{@fama} ont [repoussé l’assaut]{claim by=@fama event=@attack outcome=repelled}.\r\n',
  'c.txt': 'Selon JNIM, 😀 rien.\n',
  'd.txt': 'Rien à signaler.\n',
};

const PULL: ClientOptions = { pullsDiagnostics: true };

function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** Every file of a corpus folder, by corpus-relative path. */
function textsOf(dir: string): Map<string, string> {
  return new Map(fs.readdirSync(dir).map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]));
}

/** The reports of a workspace pull by the file they name, as `kind` (`full` with the codes shown). */
function byFile(dir: string, items: readonly WorkspaceDocumentDiagnosticReport[]): Map<string, string> {
  return new Map(items.map((item) => [path.relative(dir, new URL(item.uri).pathname), item.kind === 'full' ? `full ${item.items.map((d) => String(d.code)).join(',')}` : 'unchanged']));
}

/**
 * A workspace pull with a partial result token, as VS Code sends it: the
 * reports it streams are collected (and, with `take`, shown as the client
 * shows them); the server keeps it open until it is cancelled.
 */
function holdWorkspacePull(client: LspClient, token: string, take: boolean) {
  const streamed: WorkspaceDocumentDiagnosticReport[] = [];
  /** How many refreshes the client had been sent when each file was last streamed. */
  const refreshesWhenStreamed = new Map<string, number>();
  client.connection.onProgress(WorkspaceDiagnosticRequest.partialResult, token, (partial) => {
    streamed.push(...partial.items);
    for (const item of partial.items) refreshesWhenStreamed.set(item.uri, client.refreshes.diagnostics);
    // Taken or not, what is streamed wakes the waits on it.
    client.take(take ? partial.items : []);
  });
  const cancellation = new CancellationTokenSource();
  const held = client.connection.sendRequest(
    WorkspaceDiagnosticRequest.type,
    { previousResultIds: [...client.resultIds].map(([uri, value]) => ({ uri, value })), partialResultToken: token },
    cancellation.token,
  );
  return { streamed, refreshesWhenStreamed, held, cancellation };
}

async function pullClient(dir: string, options: ClientOptions = {}): Promise<LspClient> {
  const client = await LspClient.start(dir, { ...PULL, ...options });
  await client.waitFor('the corpus indexed', () => client.corpusDocuments.length > 0);
  return client;
}

/** A pull client that has pulled the whole corpus, and has b open and pulled: the report it shows beside the one it edits. */
async function clientShowingB(dir: string, options: ClientOptions = {}): Promise<{ client: LspClient; a: string; b: string }> {
  const client = await pullClient(dir, options);
  await client.pullWorkspace();
  const b = uriOf(dir, 'b.txt');
  await client.open(b, CORPUS['b.txt']);
  await client.pullDocument(b);
  return { client, a: uriOf(dir, 'a.txt'), b };
}

describe('pulled diagnostics', () => {
  test('a pull client is shown what a push client is, on the seeds, and is pushed nothing', async () => {
    const dir = copySeeds();
    const expected = await freshDiagnostics(dir, textsOf(dir));
    const pushed = await LspClient.start(dir);
    const pulled = await LspClient.start(dir, PULL);
    await pushed.waitFor('every seed published', publishes(pushed, expected));
    await pulled.waitFor('the seeds indexed', () => pulled.corpusDocuments.length === 4);
    const items = await pulled.pullWorkspace();
    assert.deepEqual(items.map((item) => item.uri).sort(), [...expected.keys()].sort(), 'every corpus file is reported, corroborate.yaml included');
    assert.ok(
      items.every((item) => item.kind === 'full' && item.version === null && typeof item.resultId === 'string'),
      'at first every file is reported in full, with a result id, not open',
    );
    assert.deepEqual(publishedDiagnostics(pulled, expected.keys()), expected);
    assert.deepEqual(publishedDiagnostics(pulled, expected.keys()), publishedDiagnostics(pushed, expected.keys()));
    assert.equal(pulled.publishedUris.size, 0, 'a pull client is never pushed diagnostics: an editor would show them twice');

    const again = await pulled.pullWorkspace();
    assert.ok(
      again.every((item) => item.kind === 'unchanged' && item.resultId === pulled.resultIds.get(item.uri)),
      'nothing changed: every file unchanged, under the same result id',
    );
  });

  test('an edit that changes another file: one refresh, and a workspace pull reports that file changed and the others unchanged', async () => {
    const dir = writeCorpus(CORPUS);
    const client = await pullClient(dir);
    await client.pullWorkspace();
    const a = uriOf(dir, 'a.txt');
    assert.ok(client.diagnosticsOf(uriOf(dir, 'b.txt')).some((d) => d.code === 'conflicting-claims'));
    await client.open(a, CORPUS['a.txt']);
    assert.equal((await client.pullDocument(a)).kind, 'unchanged', 'opening a changes nothing it shows (it has no hint)');

    const refreshes = client.refreshes.diagnostics;
    await client.change(a, CORPUS['a.txt'].replace('outcome=captured', 'outcome=repelled'));
    const edited = await client.pullDocument(a);
    assert.equal(edited.kind, 'full', 'the edited document is answered at once');
    assert.ok(!client.diagnosticsOf(a).some((d) => d.code === 'conflicting-claims'), 'a agrees with b now');
    await client.waitFor('a refresh', () => client.refreshes.diagnostics > refreshes);

    const items = byFile(dir, await client.pullWorkspace());
    assert.deepEqual(
      items,
      new Map([
        [REGISTRY_FILE, 'unchanged'],
        ['a.txt', 'unchanged'],
        ['b.txt', 'full '],
        ['c.txt', 'unchanged'],
        ['d.txt', 'unchanged'],
      ]),
    );
    assert.deepEqual(publishedDiagnostics(client, [a, uriOf(dir, 'b.txt')]), await freshDiagnostics(dir, new Map([...textsOf(dir), ['a.txt', CORPUS['a.txt'].replace('captured', 'repelled')]]), new Set(['a.txt'])).then((fresh) => new Map([...fresh].filter(([uri]) => uri === a || uri === uriOf(dir, 'b.txt')))));
  });

  test('result ids change exactly when what a file shows changes: unrelated edits, and an edit undone, leave them', async () => {
    const dir = writeCorpus(CORPUS);
    const client = await pullClient(dir);
    await client.pullWorkspace();
    const before = new Map(client.resultIds);
    const c = uriOf(dir, 'c.txt');
    const a = uriOf(dir, 'a.txt');
    // Open, c shows its hint: its result changes; typing after the hint does not change it again.
    await client.open(c, CORPUS['c.txt']);
    assert.equal((await client.pullDocument(c)).kind, 'full');
    await client.change(c, CORPUS['c.txt'] + 'Une phrase de plus.\n');
    assert.equal((await client.pullDocument(c)).kind, 'unchanged', 'prose typed after every diagnostic leaves the file unchanged');
    // A contradiction resolved, then restored, before the client pulls again: b shows what it showed.
    await client.open(a, CORPUS['a.txt']);
    await client.change(a, CORPUS['a.txt'].replace('outcome=captured', 'outcome=repelled'));
    await client.change(a, CORPUS['a.txt']);
    const items = await client.pullWorkspace();
    for (const item of items) {
      if (item.uri === c || item.uri === a) continue;
      assert.equal(item.kind, 'unchanged', `${item.uri} shows what it showed`);
      assert.equal(item.resultId, before.get(item.uri));
    }
  });

  test('settings apply to pulled diagnostics, and changing them asks the client to pull again', async () => {
    const dir = writeCorpus(CORPUS);
    const settings: Record<string, unknown> = { contradictionSeverity: 'error', hintUnannotatedMentions: false };
    const client = await pullClient(dir, { settings });
    await client.pullWorkspace();
    const b = uriOf(dir, 'b.txt');
    const c = uriOf(dir, 'c.txt');
    assert.deepEqual(
      client.diagnosticsOf(b).map((d) => [d.code, d.severity]),
      [['conflicting-claims', DiagnosticSeverity.Error]],
    );
    await client.open(c, CORPUS['c.txt']);
    await client.pullDocument(c);
    assert.deepEqual(client.diagnosticsOf(c), [], 'alias hints are off');

    settings.contradictionSeverity = 'information';
    settings.hintUnannotatedMentions = true;
    const refreshes = client.refreshes.diagnostics;
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await client.waitFor('a refresh', () => client.refreshes.diagnostics > refreshes);
    await client.pullDocument(c);
    await client.pullWorkspace();
    assert.deepEqual(
      client.diagnosticsOf(b).map((d) => [d.code, d.severity]),
      [['conflicting-claims', DiagnosticSeverity.Information]],
    );
    assert.deepEqual(
      client.diagnosticsOf(c).map((d) => [d.code, d.severity]),
      [['unannotated-mention', DiagnosticSeverity.Hint]],
    );
  });

  test('hints only for open documents; at most 1,000 diagnostics per file, then a note', async () => {
    const many = Array.from({ length: MAX_PUBLISHED + 5 }, (_, k) => `[x${k}]{@nobody}`).join('\n');
    const dir = writeCorpus({ ...CORPUS, 'many.txt': many });
    const client = await pullClient(dir);
    const c = uriOf(dir, 'c.txt');
    await client.pullWorkspace();
    assert.deepEqual(client.diagnosticsOf(c), [], 'closed, c shows no hint');
    const shown = client.diagnosticsOf(uriOf(dir, 'many.txt'));
    assert.equal(shown.length, MAX_PUBLISHED + 1);
    assert.match(messageOf(shown[MAX_PUBLISHED]), /^5 more diagnostics in this file are not shown/);

    await client.open(c, CORPUS['c.txt']);
    const items = await client.pullWorkspace();
    const report = items.find((item) => item.uri === c);
    assert.equal(report?.kind, 'full');
    assert.equal(report?.version, 1, 'an open document is reported with the version its diagnostics were computed on');
    assert.deepEqual(
      client.diagnosticsOf(c).map((d) => d.code),
      ['unannotated-mention'],
    );
    const refreshes = client.refreshes.diagnostics;
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: c } });
    await client.waitFor('a refresh: the hint is gone', () => client.refreshes.diagnostics > refreshes);
    await client.pullWorkspace();
    assert.deepEqual(client.diagnosticsOf(c), []);
  });

  test('a file deleted on disk is reported empty, then unchanged', async () => {
    const dir = writeCorpus(CORPUS);
    const client = await pullClient(dir);
    await client.pullWorkspace();
    const b = uriOf(dir, 'b.txt');
    const refreshes = client.refreshes.diagnostics;
    fs.rmSync(path.join(dir, 'b.txt'));
    await client.fileChanged(b, FileChangeType.Deleted);
    await client.waitFor('a refresh', () => client.refreshes.diagnostics > refreshes);
    const items = byFile(dir, await client.pullWorkspace());
    assert.equal(items.get('b.txt'), 'full ', 'the client is told the file it knows shows nothing');
    assert.equal(items.get('a.txt'), 'full ', 'a no longer contradicts anyone');
    assert.equal(byFile(dir, await client.pullWorkspace()).get('b.txt'), 'unchanged');
  });

  test('with a partial result token, a workspace pull streams what differs and stays open, streaming each change, until cancelled', async () => {
    const dir = writeCorpus(CORPUS);
    const client = await pullClient(dir);
    await client.pullWorkspace();
    const { streamed, held, cancellation } = holdWorkspacePull(client, 'held', true);
    let answered = false;
    held.then(
      () => (answered = true),
      () => (answered = true),
    );
    // A document pull is answered meanwhile: the held pull blocks nothing.
    const a = uriOf(dir, 'a.txt');
    const b = uriOf(dir, 'b.txt');
    await client.open(a, CORPUS['a.txt']);
    await client.pullDocument(a);

    await client.change(a, CORPUS['a.txt'].replace('outcome=captured', 'outcome=repelled'));
    await client.pullDocument(a);
    await client.waitFor('b streamed', () => streamed.some((report) => report.uri === b));
    assert.deepEqual(byFile(dir, streamed), new Map([['b.txt', 'full ']]), 'only what differs from what the client has: a came with its own pull');

    // The same request streams the next change too, a included this time: the client did not pull it again.
    await client.change(a, CORPUS['a.txt']);
    await client.waitFor('the contradiction streamed back to a and b', () => [a, b].every((uri) => client.diagnosticsOf(uri).some((d) => d.code === 'conflicting-claims')));
    assert.equal(answered, false, 'the pull stays open');
    cancellation.cancel();
    await assert.rejects(held, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
  });

  test('a held workspace pull brings a document the client edited but does not pull (VS Code leaves documents a rename or a fix edited unseen to it)', async () => {
    const dir = writeCorpus(CORPUS);
    const client = await pullClient(dir);
    await client.pullWorkspace();
    const { streamed, held, cancellation } = holdWorkspacePull(client, 'unseen', true);
    // Only d's own diagnostics change: no other file would bring news.
    const d = uriOf(dir, 'd.txt');
    await client.open(d, CORPUS['d.txt']);
    await client.change(d, CORPUS['d.txt'] + 'Selon [un témoin]{@nobody}.\n');
    await client.waitFor('d streamed', () => streamed.some((report) => report.uri === d));
    assert.deepEqual(byFile(dir, streamed), new Map([['d.txt', 'full unknown-entity']]));
    cancellation.cancel();
    await assert.rejects(held, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
  });

  test('an open document an edit elsewhere changed is asked for with a refresh before the other files it changed are streamed, and even once the held pull streamed it (VS Code takes open documents from document pulls only, and pulls those it shows beside the edited one only then)', async () => {
    const others = ['c1.txt', 'c2.txt', 'c3.txt'];
    const dir = writeCorpus({ ...CORPUS, ...Object.fromEntries(others.map((file) => [file, CORPUS['b.txt']])) });
    const { client, a, b } = await clientShowingB(dir);
    const { streamed, refreshesWhenStreamed, held, cancellation } = holdWorkspacePull(client, 'open elsewhere', false);
    await client.open(a, CORPUS['a.txt']);
    const refreshes = client.refreshes.diagnostics;
    await client.change(a, CORPUS['a.txt'].replace('outcome=captured', 'outcome=repelled'));
    await client.pullDocument(a);
    await client.waitFor('a refresh for b', () => client.refreshes.diagnostics > refreshes);
    await client.waitFor('the held pull to stream b and the other files too', () => [b, ...others.map((file) => uriOf(dir, file))].every((uri) => streamed.some((report) => report.uri === uri)));
    for (const file of others) assert.ok((refreshesWhenStreamed.get(uriOf(dir, file)) ?? 0) > refreshes, `${file} streamed after the refresh for b`);
    assert.equal((await client.pullDocument(b)).kind, 'full', 'b, pulled again, shows the contradiction gone');
    assert.ok(!client.diagnosticsOf(b).some((d) => d.code === 'conflicting-claims'));
    cancellation.cancel();
    await assert.rejects(held, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
  });

  test('the pull of a document the client edited is answered before the files the edit touched are checked: no refresh and nothing streamed before it, even when the pull comes a moment after the change', async () => {
    const dir = writeCorpus({ ...CORPUS, 'c1.txt': CORPUS['b.txt'] });
    const { client, a, b } = await clientShowingB(dir);
    await client.open(a, CORPUS['a.txt']);
    await client.pullDocument(a);
    const { streamed, held, cancellation } = holdWorkspacePull(client, 'edited first', false);
    const refreshes = client.refreshes.diagnostics;
    await client.change(a, CORPUS['a.txt'].replace('outcome=captured', 'outcome=repelled'));
    // A client busy elsewhere: the server has applied the change by then, and before, checked b and c1 and asked for b meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal((await client.pullDocument(a)).kind, 'full');
    assert.equal(client.refreshes.diagnostics, refreshes, 'no refresh before the edited document is answered');
    assert.equal(streamed.length, 0, 'nothing streamed before the edited document is answered');
    await client.waitFor('a refresh for b', () => client.refreshes.diagnostics > refreshes);
    assert.equal((await client.pullDocument(b)).kind, 'full');
    assert.ok(![a, b].some((uri) => client.diagnosticsOf(uri).some((d) => d.code === 'conflicting-claims')), 'a and b agree now');
    // Checked after b's pull, then streamed to the held pull.
    await client.waitFor('c1 streamed', () => streamed.some((report) => report.uri === uriOf(dir, 'c1.txt')));
    cancellation.cancel();
    await assert.rejects(held, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
  });

  test('a client that never answers a refresh still has the other changed files streamed to its held workspace pull', async () => {
    const dir = writeCorpus({ ...CORPUS, 'c1.txt': CORPUS['b.txt'] });
    const { client, a, b } = await clientShowingB(dir, { leavesRefreshesUnanswered: true });
    const { streamed, held, cancellation } = holdWorkspacePull(client, 'unanswered refresh', false);
    await client.open(a, CORPUS['a.txt']);
    const refreshes = client.refreshes.diagnostics;
    await client.change(a, CORPUS['a.txt'].replace('outcome=captured', 'outcome=repelled'));
    await client.pullDocument(a);
    await client.waitFor('a refresh for b', () => client.refreshes.diagnostics > refreshes);
    await client.waitFor('c1 streamed though the refresh is unanswered', () => streamed.some((report) => report.uri === uriOf(dir, 'c1.txt')));
    assert.deepEqual(byFile(dir, streamed.filter((report) => report.uri !== b)), new Map([['c1.txt', 'full ']]));
    cancellation.cancel();
    await assert.rejects(held, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
  });

  test('a document the client was shown, then edited without pulling it again, is asked for with a refresh', async () => {
    const dir = writeCorpus(CORPUS);
    const client = await pullClient(dir);
    await client.pullWorkspace();
    const d = uriOf(dir, 'd.txt');
    const refreshes = client.refreshes.diagnostics;
    await client.open(d, CORPUS['d.txt']);
    await client.change(d, CORPUS['d.txt'] + 'Selon [un témoin]{@nobody}.\n');
    await client.waitFor('a refresh', () => client.refreshes.diagnostics > refreshes);
    assert.equal(byFile(dir, await client.pullWorkspace()).get('d.txt'), 'full unknown-entity');
  });

  test('other open documents an edit changed come with its answer to a client that takes related documents', async () => {
    const dir = writeCorpus(CORPUS);
    const client = await pullClient(dir, { relatedDocuments: true });
    const a = uriOf(dir, 'a.txt');
    const b = uriOf(dir, 'b.txt');
    await client.open(a, CORPUS['a.txt']);
    await client.open(b, CORPUS['b.txt']);
    await client.pullDocument(a);
    await client.pullDocument(b);
    await client.change(a, CORPUS['a.txt'].replace('outcome=captured', 'outcome=repelled'));
    const report = await client.pullDocument(a);
    assert.deepEqual(Object.keys(report.relatedDocuments ?? {}), [b]);
    assert.ok(!client.diagnosticsOf(b).some((d) => d.code === 'conflicting-claims'));
  });
});

describe('pushed diagnostics, for clients that cannot be asked to pull again', () => {
  for (const [what, options] of [
    ['a client without pull diagnostics (Neovim 0.7)', {}],
    ['a client that pulls open documents only, without refresh (Neovim 0.10)', { pullsDiagnostics: 'documents only' }],
  ] as const) {
    test(`${what} is pushed every corpus file's diagnostics, and offered no pull`, async () => {
      const dir = writeCorpus(CORPUS);
      const client = LspClient.spawn(dir);
      const result = await client.initialize(dir, options);
      assert.equal(result.capabilities.diagnosticProvider, undefined);
      await client.connection.sendNotification(InitializedNotification.type, {});
      const expected = await freshDiagnostics(dir, textsOf(dir));
      await client.waitFor('every file published', publishes(client, expected));
      const refused = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uriOf(dir, 'a.txt') } });
      await assert.rejects(refused, (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound);
    });
  }

  test('a pull client is offered pull diagnostics across files, for the workspace', async () => {
    const dir = writeCorpus(CORPUS);
    const client = LspClient.spawn(dir);
    const result = await client.initialize(dir, PULL);
    assert.deepEqual(result.capabilities.diagnosticProvider, { identifier: 'corroborate', interFileDependencies: true, workspaceDiagnostics: true });
  });
});
