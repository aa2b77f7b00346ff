// Hostile inputs put to the language server over stdio: one workspace holds a
// corpus per hostile input next to a normal one. After each case, the server
// must still answer a hover on the normal report: nothing hostile stops it
// from serving every other document. Malformed requests are answered with an
// error and logged once, and documents deleted or rewritten while a large
// corpus is being indexed end with the diagnostics of what is on disk.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ErrorCodes,
  FileChangeType,
  HoverRequest,
  LogMessageNotification,
  MessageType,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { aliasBomb, HOSTILE_REGISTRY, hugeReport, lineColumn, nested } from '../hostileInputs';
import { tempFolder } from '../support/tempFolder';
import { freshDiagnostics, MAX_PUBLISHED, publishedDiagnostics, publishes } from './freshCheck';
import { LspClient, uriOf } from './lspClient';

const NORMAL = '---\nsource: afp\n---\nLe [JNIM]{@jnim} dit avoir [pris le camp]{claim by=@jnim event=@attack outcome=captured}.\n';
const report = hugeReport(20);
const DEPTH = 100_000;

/** The workspace: a folder per hostile input, each with corroborate.yaml. */
function workspaceFiles(outside: string): Record<string, string | Buffer> {
  return {
    'normal/corroborate.yaml': HOSTILE_REGISTRY,
    'normal/ok.txt': NORMAL,
    'big/corroborate.yaml': HOSTILE_REGISTRY,
    'big/big.txt': report.text,
    'deep/corroborate.yaml': HOSTILE_REGISTRY,
    'deep/mentions.txt': nested(DEPTH, 'JNIM', ']{@jnim}'),
    'deep/brackets.txt': nested(DEPTH, 'JNIM', ']'),
    'binary/corroborate.yaml': HOSTILE_REGISTRY,
    'binary/scan.txt': Buffer.concat([Buffer.from('%PDF-1.7\n[x]{@nobody}\n'), Buffer.alloc(64, 0), Buffer.from([0xff, 0xd8])]),
    'binary/ok.txt': NORMAL,
    'latin1/corroborate.yaml': HOSTILE_REGISTRY,
    'latin1/latin1.txt': Buffer.from('---\nsource: afp\n---\nLes FAMa ont repoussé [le JNIM]{@jnimm}.\n', 'latin1'),
    'yaml/corroborate.yaml': `documents: ["*.txt"]\n${aliasBomb('lol')}loop: &x [a, *x]\ndeep: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\nfn: !!js/function "function () {}"\n`,
    'yaml-front/corroborate.yaml': HOSTILE_REGISTRY,
    'yaml-front/a.txt': `---\nsource: afp\n${aliasBomb('title')}url: !!python/object/apply:os.system ["id"]\n---\n[Le camp est pris]{claim event=@attack outcome=captured}\n`,
    'globs/corroborate.yaml': `documents: ["*.txt", "../*.txt", "..{,}/**/*.txt", ${JSON.stringify(`${outside}/*.txt`)}]\nactors:\n  afp: { name: AFP }\n`,
    'globs/ok.txt': '---\nsource: afp\n---\nTexte.\n',
    'loop/corroborate.yaml': 'documents: ["**/*.txt"]\n',
    'loop/sub/ok.txt': 'Texte.\n',
    'empty/corroborate.yaml': '',
    'list/corroborate.yaml': '- documents\n- "*.txt"\n',
    'huge/corroborate.yaml': `documents: ["*.txt"]\n# ${'x'.repeat(10 * 1024 * 1024)}\n`,
    'huge/a.txt': NORMAL,
  };
}

let client: LspClient;
let workspace: string;
/** Error lines the server logged. */
const logged: string[] = [];
/** Warning lines the server logged. */
const warned: string[] = [];

function uri(file: string): string {
  return uriOf(workspace, file);
}

/** LSP 3.18 lets a message be Markdown; this server sends plain strings. */
function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

function codes(file: string): string[] {
  return client.diagnosticsOf(uri(file)).map((d) => String(d.code));
}

/** The probe: a hover on the normal report still shows JNIM's card. */
async function stillServing(): Promise<void> {
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('normal/ok.txt') }, position: { line: 3, character: 5 } });
  assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /@jnim/, 'the server still answers a hover on a normal report');
}

before(async () => {
  const outside = tempFolder('outside');
  fs.writeFileSync(path.join(outside, 'secret.txt'), '[SECRET]{@nobody}\n');
  workspace = path.join(outside, 'workspace');
  for (const [name, content] of Object.entries(workspaceFiles(outside))) {
    fs.mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
    fs.writeFileSync(path.join(workspace, name), content);
  }
  fs.writeFileSync(path.join(workspace, 'secret.txt'), '[SECRET]{@nobody}\n');
  // Symlink loops: a folder linked to its parent, two links to each other.
  fs.symlinkSync('..', path.join(workspace, 'loop', 'sub', 'up'));
  fs.symlinkSync('loop2.txt', path.join(workspace, 'loop', 'loop1.txt'));
  fs.symlinkSync('loop1.txt', path.join(workspace, 'loop', 'loop2.txt'));
  client = await LspClient.start(workspace);
  client.connection.onNotification(LogMessageNotification.type, (params) => {
    if (params.type === MessageType.Error) logged.push(params.message);
    if (params.type === MessageType.Warning) warned.push(params.message);
  });
  await client.waitFor('the workspace indexed', () => client.corpusDocuments.includes(uri('normal/ok.txt')), 60_000);
});

after(async () => {
  await client.stop().catch(() => undefined);
});

void describe('the language server on hostile inputs', () => {
  void test('a 20 MB report: its one error at its line and column, and the server answers on it', async () => {
    const { line, column } = lineColumn(report.text, report.text.indexOf(report.typo));
    assert.deepEqual(
      client.diagnosticsOf(uri('big/big.txt')).map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1]),
      [['bad-value', line, column]],
      'errors and warnings only: hints are for open reports',
    );
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri('big/big.txt') },
      range: client.diagnosticsOf(uri('big/big.txt'))[0].range,
      context: { diagnostics: [] },
    })) as CodeAction[];
    assert.ok(actions.some((a) => a.title === 'Change to `captured`'));
    await stillServing();
  });

  void test('100,000 nested spans and brackets: reported, outlined shallow, hovered', async () => {
    // Every span past 32 deep is an error: the editor is shown the first thousand and told how many more there are.
    const deep = client.diagnosticsOf(uri('deep/mentions.txt'));
    assert.equal(deep.length, MAX_PUBLISHED + 1);
    assert.equal(deep.filter((d) => d.code === 'syntax').length, MAX_PUBLISHED);
    assert.match(messageOf(deep[MAX_PUBLISHED]), new RegExp(`^${DEPTH - 32 - MAX_PUBLISHED} more diagnostics in this file are not shown`));
    assert.deepEqual(codes('deep/brackets.txt'), [], 'plain brackets are text; the alias hint is not published for a closed report');
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri('deep/mentions.txt') } })) as DocumentSymbol[];
    let depth = 0;
    for (let level: DocumentSymbol[] | undefined = symbols; level && level.length > 0; level = level[0].children) depth++;
    assert.ok(depth <= 33, `outline ${depth} deep`);
    for (const character of [0, DEPTH, DEPTH + 3, 3 * DEPTH]) {
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('deep/mentions.txt') }, position: { line: 0, character } });
    }
    await stillServing();
  });

  void test('a binary file the globs match is skipped, silently', async () => {
    assert.ok(client.corpusDocuments.includes(uri('binary/ok.txt')));
    assert.ok(!client.corpusDocuments.includes(uri('binary/scan.txt')));
    assert.deepEqual(codes('binary/scan.txt'), []);
    await stillServing();
  });

  void test('a Latin-1 report: its encoding error stays while it is open, no edit is offered until it is saved as UTF-8', async () => {
    const file = 'latin1/latin1.txt';
    const bytes = fs.readFileSync(path.join(workspace, file));
    const decoded = new TextDecoder().decode(bytes);
    const bad = lineColumn(decoded, decoded.indexOf('\uFFFD'));
    const encodingAt = () => client.diagnosticsOf(uri(file)).filter((d) => d.code === 'encoding').map((d) => [d.range.start.line + 1, d.range.start.character + 1]);
    assert.deepEqual(encodingAt(), [[bad.line, bad.column]]);
    const everything = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };
    const actionsOn = async () => (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri(file) }, range: everything, context: { diagnostics: [] } })) as CodeAction[];
    assert.deepEqual(await actionsOn(), []);
    // Opened in the editor, which decoded the bad byte somehow: still no edit, still the error.
    await client.open(uri(file), decoded);
    await client.waitFor('hints for the open report', () => codes(file).includes('unannotated-mention'));
    assert.deepEqual(encodingAt(), [[bad.line, bad.column]]);
    assert.deepEqual(await actionsOn(), []);
    const typo = client.diagnosticsOf(uri(file)).find((d) => d.code === 'unknown-entity');
    assert.ok(typo);
    const rename = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uri(file) }, position: typo.range.start, newName: 'x' }).then(
      () => undefined,
      (error: ResponseError) => error,
    );
    assert.equal(rename?.code, ErrorCodes.InvalidRequest);
    // Saved as UTF-8: the error goes, the fixes come.
    fs.writeFileSync(path.join(workspace, file), decoded.replace('\uFFFD', 'é'));
    await client.fileChanged(uri(file), FileChangeType.Changed);
    await client.waitFor('the encoding error to go', () => !codes(file).includes('encoding'));
    assert.ok((await actionsOn()).some((a) => a.title === 'Change to @jnim'));
    await stillServing();
  });

  void test('YAML bombs, deep nesting, self-referencing aliases and tags: registry and front matter errors', async () => {
    const registry = client.diagnosticsOf(uri('yaml/corroborate.yaml')).map(messageOf);
    assert.ok(registry.some((m) => /nested deeper than 100 levels/.test(m)), registry.join(' | '));
    const front = client.diagnosticsOf(uri('yaml-front/a.txt')).filter((d) => d.code === 'front-matter').map(messageOf);
    assert.ok(front.some((m) => /too many nodes/.test(m)), front.join(' | '));
    assert.ok(front.some((m) => /Unresolved tag: tag:yaml.org,2002:python\/object\/apply:os.system/.test(m)), front.join(' | '));
    assert.ok(!codes('yaml-front/a.txt').includes('missing-claimant'), 'the source is still read');
    await stillServing();
  });

  void test('globs reaching out are refused at the glob; nothing outside the corpus is read', async () => {
    const registry = fs.readFileSync(path.join(workspace, 'globs', REGISTRY_FILE), 'utf8');
    const refused = client.diagnosticsOf(uri('globs/corroborate.yaml')).filter((d) => d.code === 'registry');
    assert.deepEqual(
      refused.map((d) => d.range.start.character),
      ['"../*.txt"', '"..{,}/**/*.txt"', '"/'].map((glob) => registry.split('\n')[0].indexOf(glob)),
    );
    assert.deepEqual(client.corpusDocuments.filter((u) => u.includes('/globs/')), [uri('globs/ok.txt')]);
    assert.deepEqual(codes('secret.txt'), []);
    await stillServing();
  });

  void test('a symlink loop ends: each report once, and two links that lead to each other are unreadable', async () => {
    assert.deepEqual(
      client.corpusDocuments.filter((u) => u.includes('/loop/')),
      [uri('loop/loop1.txt'), uri('loop/loop2.txt'), uri('loop/sub/ok.txt')],
    );
    for (const loop of ['loop/loop1.txt', 'loop/loop2.txt']) assert.deepEqual(client.diagnosticsOf(uri(loop)).map((d) => d.code), ['unreadable']);
    await stillServing();
  });

  void test('a corroborate.yaml that is empty, a list, or 10 MB: a registry error on each', async () => {
    for (const folder of ['empty', 'list', 'huge']) {
      const registry = client.diagnosticsOf(uri(`${folder}/${REGISTRY_FILE}`));
      assert.equal(registry.filter((d) => d.code === 'registry').length, 1, folder);
      assert.equal(registry[0].range.start.line, 0);
    }
    assert.match(messageOf(client.diagnosticsOf(uri(`huge/${REGISTRY_FILE}`))[0]), /10\.0 MB; the limit is 4 MB/);
    assert.ok(!client.corpusDocuments.includes(uri('huge/a.txt')));
    await stillServing();
  });
});

void describe('malformed requests', () => {
  const ok = () => ({ uri: uri('normal/ok.txt') });
  // Each is answered, or refused with the code that says why; none is a fault of the server.
  const garbage: [string, () => Promise<unknown>, 'answered' | ErrorCodes][] = [
    ['hover without a position', () => client.connection.sendRequest(HoverRequest.type, { textDocument: ok(), position: null as never }), ErrorCodes.InvalidParams],
    ['hover without a document', () => client.connection.sendRequest(HoverRequest.type, {} as never), ErrorCodes.InvalidParams],
    ['references without a context', () => client.connection.sendRequest(ReferencesRequest.type, { textDocument: ok(), position: { line: 3, character: 11 } } as never), ErrorCodes.InvalidParams],
    ['a code action without a range', () => client.connection.sendRequest(CodeActionRequest.type, { textDocument: ok(), context: { diagnostics: [] } } as never), ErrorCodes.InvalidParams],
    ['definition at a line far past the end', () => client.connection.sendRequest(DefinitionRequest.type, { textDocument: ok(), position: { line: 1e9, character: -5 } }), 'answered'],
    ['completion on a garbage URI', () => client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: '::not a uri::' }, position: { line: 0, character: 0 } }), 'answered'],
    ['references on a URI out of the workspace', () => client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: 'file:///etc/passwd' }, position: { line: 0, character: 0 }, context: { includeDeclaration: true } }), 'answered'],
    ['rename on a garbage URI', () => client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: 'untitled:%%%' }, position: { line: 0, character: 0 }, newName: 'x' }), ErrorCodes.InvalidRequest],
    ['rename to a name that is no id', () => client.connection.sendRequest(RenameRequest.type, { textDocument: ok(), position: { line: 3, character: 11 }, newName: '../../x' }), ErrorCodes.InvalidRequest],
    ['prepareRename on prose', () => client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: ok(), position: { line: 3, character: 1 } }), ErrorCodes.InvalidRequest],
    ['a code action with its range backwards', () => client.connection.sendRequest(CodeActionRequest.type, { textDocument: ok(), range: { start: { line: 9, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), 'answered'],
    ['document symbols of a folder', () => client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri('normal') } }), 'answered'],
  ];
  for (const [name, send, expected] of garbage) {
    const outcome = expected === 'answered' ? 'answered' : `refused (${expected === ErrorCodes.InvalidParams ? 'InvalidParams' : 'InvalidRequest'})`;
    void test(`${name}: ${outcome}, nothing logged as a fault, and the server serves on`, async () => {
      const before = logged.length;
      const answer = await send().then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      if (expected === 'answered') assert.ok('result' in answer, `answered, not ${'error' in answer ? String(answer.error) : ''}`);
      else assert.ok('error' in answer && answer.error instanceof ResponseError && answer.error.code === expected, `refused with ${expected}, not ${JSON.stringify(answer)}`);
      assert.deepEqual(logged.slice(before), []);
      await stillServing();
    });
  }

  void test('a report opened without its text, or with a number for it: said in the log, its text on disk stands, and the server serves on', async () => {
    const opened = uri('normal/ok.txt');
    for (const text of [undefined, 5]) {
      const before = warned.length;
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: opened, languageId: 'corroborate', version: 1, text: text as never } });
      await stillServing();
      assert.ok(warned.slice(before).some((m) => m.startsWith(`${opened}: opened or changed without its text`)), warned.join(' | '));
      await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: opened } });
    }
  });

  void test('file and folder notifications without their lists or URIs change nothing: no fault logged, no stack trace, and the server serves on', async () => {
    const before = { logged: logged.length, stderr: client.stderr.length };
    client.sendAtOnce([
      { method: DidChangeWatchedFilesNotification.method, params: {} },
      { method: DidChangeWatchedFilesNotification.method, params: { changes: [{ type: FileChangeType.Created }, { uri: 5, type: FileChangeType.Deleted }] } },
      { method: DidChangeWorkspaceFoldersNotification.method, params: {} },
      { method: DidChangeWorkspaceFoldersNotification.method, params: { event: { added: [{ name: 'nameless' }], removed: null } } },
    ]);
    await stillServing();
    assert.deepEqual(logged.slice(before.logged), []);
    assert.deepEqual(client.stderr.slice(before.stderr), []);
  });

  void test('a refusal for missing parameters says what is missing', async () => {
    const error = await client.connection.sendRequest(HoverRequest.type, { textDocument: ok(), position: null as never }).then(
      () => undefined,
      (e: ResponseError) => e,
    );
    assert.equal(error?.message, 'hover needs a position {line, character}');
    const neither = await client.connection.sendRequest(RenameRequest.type, {} as never).then(
      () => undefined,
      (e: ResponseError) => e,
    );
    assert.equal(neither?.message, 'rename needs textDocument.uri and a position {line, character} and newName');
  });
});

void describe('documents deleted or rewritten while the corpus is being indexed', () => {
  void test('the final diagnostics are those of the disk', async (t) => {
    const dir = tempFolder('race');
    fs.writeFileSync(path.join(dir, REGISTRY_FILE), HOSTILE_REGISTRY);
    const count = 2000;
    const name = (k: number) => `r${String(k).padStart(4, '0')}.txt`;
    const body = (k: number, outcome: string) => `---\nsource: afp\n---\nLe [JNIM]{@jnim} dit [avoir pris le camp]{claim by=@${k % 2 ? 'jnim' : 'fama'} event=@attack outcome=${outcome} #c${k}}.\n`;
    for (let k = 0; k < count; k++) fs.writeFileSync(path.join(dir, name(k)), body(k, 'captured'));
    const started = Date.now();
    const race = await LspClient.start(dir);
    try {
      // At once, while the server reads the corpus: delete some, rewrite some (a typo, a changed claim id), add some.
      const changes: { uri: string; type: FileChangeType }[] = [];
      for (let k = 0; k < count; k += 10) {
        fs.unlinkSync(path.join(dir, name(k)));
        changes.push({ uri: uriOf(dir, name(k)), type: FileChangeType.Deleted });
        fs.writeFileSync(path.join(dir, name(k + 1)), body(k + 1, 'capturd').replace(`#c${k + 1}`, `#c${k + 3}`));
        changes.push({ uri: uriOf(dir, name(k + 1)), type: FileChangeType.Changed });
        fs.writeFileSync(path.join(dir, name(count + k)), body(count + k, 'repelled'));
        changes.push({ uri: uriOf(dir, name(count + k)), type: FileChangeType.Created });
      }
      // As an editor's file watcher reports them: in one batch.
      await race.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
      const texts = new Map(fs.readdirSync(dir).map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]));
      const expected = await freshDiagnostics(dir, texts);
      const agrees = publishes(race, expected);
      const reports = texts.size - 1;
      await race.waitFor('the server to publish what the disk holds', () => agrees() && race.corpusDocuments.length === reports, 60_000).catch(() => undefined);
      assert.deepEqual(publishedDiagnostics(race, expected.keys()), expected);
      assert.equal(race.corpusDocuments.length, reports);
      t.diagnostic(`${count} reports indexed and ${changes.length} changes followed in ${Date.now() - started} ms`);
    } finally {
      await race.stop().catch(() => undefined);
    }
  });
});
