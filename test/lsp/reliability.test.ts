// Faults found by trying to break the server (issue 10), each over stdio
// against the real program:
// - answers from stale text: a quick fix, a rename or a completion asked
//   while the disk is being re-read is computed on the client's latest
//   buffer, and its edits carry that buffer's version;
// - one bad folder: a workspace folder that does not exist and a
//   corroborate.yaml that cannot be read fail alone, said to the user, while
//   the other corpora are served;
// - a burst of edits to corroborate.yaml is read once, on its latest text;
// - the protocol's edges: before initialize, without initialized, after
//   shutdown.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  ErrorCodes,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  MessageType,
  RenameRequest,
  ResponseError,
  ShutdownRequest,
  type CodeAction,
  type CompletionItem,
  type MarkupContent,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { articleText, parseDocument } from '../../server/src/engine/parser';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { freshDiagnostics, positionAt, publishedDiagnostics, publishes } from './freshCheck';
import { applyEdits, editsByUri, LspClient, stopServers, type ClientOptions, tempFolder, uriOf, writeCorpus } from './lspClient';

const REGISTRY = `documents: ["*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled] }
actors:
  jnim: { name: JNIM, aliases: [JNIM, GSIM] }
  fama: { name: FAMa, aliases: [FAMa] }
  afp: { name: AFP }
places:
  niafunke: { name: Niafunké, aliases: [Niafunké] }
events:
  attack: { name: Attack on the camp }
`;

/** A report with a mention of JNIM and a misspelt id. */
const REPORT = 'Le [JNIM]{@jnim} attaque [GSIM]{@jnimm}.\n';

/** Reports enough that re-reading them all takes a while. */
function filler(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let k = 0; k < count; k++) {
    files[`r${String(k).padStart(5, '0')}.txt`] =
      `---\nsource: afp\n---\nLe [JNIM]{@jnim} dit [avoir pris le camp]{claim by=@${k % 2 ? 'jnim' : 'fama'} event=@attack outcome=${k % 3 ? 'captured' : 'repelled'}} à Niafunké.\n`;
  }
  return files;
}

const start = (dir: string, options?: ClientOptions) => LspClient.start(dir, options);
after(stopServers);

/** A deadline for answers that must come without anything else happening first. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function errorOf(promise: Promise<unknown>): Promise<ResponseError | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => {
      if (error instanceof ResponseError) return error;
      throw error;
    },
  );
}

function rangeOf(text: string, needle: string) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} in the text`);
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

/** The one file's edits of a workspace edit, and the version they name. */
function editOf(edit: WorkspaceEdit | null | undefined, uri: string) {
  const found = edit ? editsByUri(edit).get(uri) : undefined;
  assert.ok(found, `an edit of ${uri}`);
  return found;
}

/** The server re-reads every report: corroborate.yaml changed on disk, and a report created. */
function diskWork(dir: string, extraAlias: string): { method: string; params: unknown }[] {
  fs.writeFileSync(path.join(dir, REGISTRY_FILE), REGISTRY.replace('aliases: [FAMa]', `aliases: [FAMa, ${extraAlias}]`));
  fs.writeFileSync(path.join(dir, `new-${extraAlias}.txt`), 'Un rapport de plus.\n');
  return [
    {
      method: DidChangeWatchedFilesNotification.method,
      params: {
        changes: [
          { uri: uriOf(dir, REGISTRY_FILE), type: FileChangeType.Changed },
          { uri: uriOf(dir, `new-${extraAlias}.txt`), type: FileChangeType.Created },
        ],
      },
    },
  ];
}

void describe('requests while the disk is being re-read are answered on the client’s latest text', () => {
  void test('a quick fix, a rename and a completion, each with the version it was computed on', async () => {
    const dir = writeCorpus({ [REGISTRY_FILE]: REGISTRY, ...filler(1000), 'a.txt': 'Le JNIM attaque Niafunké.\n', 'b.txt': 'Selon [le GSIM]{@jnim}, rien.\n' });
    const client = await start(dir, { versionedEdits: true });
    const a = uriOf(dir, 'a.txt');
    await client.waitFor('the corpus indexed', () => client.corpusDocuments.includes(a), 60_000);
    await client.open(a, 'Le JNIM attaque Niafunké.\n');

    // While the server re-reads 1,000 reports, the analyst types before JNIM and asks for the quick fixes on it.
    const v2 = 'Selon l’armée, le JNIM attaque Niafunké.\n';
    client.sendAtOnce([
      ...diskWork(dir, 'Mali'),
      { method: DidChangeTextDocumentNotification.method, params: { textDocument: { uri: a, version: 2 }, contentChanges: [{ text: v2 }] } },
    ]);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: a }, range: rangeOf(v2, 'JNIM'), context: { diagnostics: [] } })) as CodeAction[];
    const annotate = actions.find((action) => action.title.includes('JNIM'));
    assert.ok(annotate?.edit, `annotating JNIM is offered, among: ${actions.map((action) => action.title).join(' | ')}`);
    for (const action of actions) {
      const { version, edits } = editOf(action.edit, a);
      assert.equal(version, 2, `${action.title}: the version it was computed on`);
      const applied = applyEdits(v2, edits);
      assert.equal(articleText(parseDocument(applied)).text, articleText(parseDocument(v2)).text, `${action.title} leaves the article as it is`);
    }
    assert.equal(applyEdits(v2, editOf(annotate.edit, a).edits), 'Selon l’armée, le [JNIM]{@jnim} attaque Niafunké.\n');

    // Again, with a rename: a.txt open at version 3, b.txt and corroborate.yaml not open.
    const v3 = 'Selon l’armée, le [JNIM]{@jnim} attaque Niafunké.\n';
    client.sendAtOnce([
      ...diskWork(dir, 'Bamako'),
      { method: DidChangeTextDocumentNotification.method, params: { textDocument: { uri: a, version: 3 }, contentChanges: [{ text: v3 }] } },
    ]);
    const at = positionAt(v3, v3.indexOf('@jnim') + 2);
    const renamed = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: a }, position: at, newName: 'gsim' });
    assert.equal(applyEdits(v3, editOf(renamed, a).edits), 'Selon l’armée, le [JNIM]{@gsim} attaque Niafunké.\n');
    assert.equal(editOf(renamed, a).version, 3);
    const b = editOf(renamed, uriOf(dir, 'b.txt'));
    assert.equal(b.version, null, 'a file the client has not opened: version null');
    assert.equal(applyEdits(fs.readFileSync(path.join(dir, 'b.txt'), 'utf8'), b.edits), 'Selon [le GSIM]{@gsim}, rien.\n');
    assert.equal(editOf(renamed, uriOf(dir, REGISTRY_FILE)).version, null);

    // And a completion typed during a re-read replaces what was typed in the latest text.
    const v4 = 'Selon l’armée, le [JNIM]{@j} attaque Niafunké.\n';
    client.sendAtOnce([
      ...diskWork(dir, 'Gao'),
      { method: DidChangeTextDocumentNotification.method, params: { textDocument: { uri: a, version: 4 }, contentChanges: [{ text: v4 }] } },
    ]);
    const items = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: a }, position: positionAt(v4, v4.indexOf('@j') + 2) });
    const list: CompletionItem[] = Array.isArray(items) ? items : (items?.items ?? []);
    const jnim = list.find((item) => item.label.includes('jnim'));
    assert.ok(jnim?.textEdit && 'range' in jnim.textEdit, `@jnim offered: ${list.map((item) => item.label).join(' ')}`);
    assert.equal(applyEdits(v4, [jnim.textEdit]), v4.replace('{@j}', '{@jnim}'));
  });
});

void describe('one bad folder does not stop the others', () => {
  void test('a missing workspace folder and an unreadable corroborate.yaml are said, the good corpus is served, and both come back', async () => {
    const root = tempFolder('folders');
    const good = path.join(root, 'good');
    const missing = path.join(root, 'missing');
    const broken = path.join(root, 'broken');
    const later = path.join(root, 'later');
    writeCorpus({ [REGISTRY_FILE]: REGISTRY, 'a.txt': REPORT }, good);
    writeCorpus({ 'a.txt': REPORT }, broken);
    // Unreadable even by root: past 2 GiB no file is read whole (a sparse file: no disk is used).
    fs.writeFileSync(path.join(broken, REGISTRY_FILE), '');
    fs.truncateSync(path.join(broken, REGISTRY_FILE), 2 ** 31 + 1);
    const client = await start(root, { watchesFiles: false, folders: [good, missing, broken] });
    const typo = (dir: string) => () => client.diagnosticsOf(uriOf(dir, 'a.txt')).some((d) => d.code === 'unknown-entity');
    await client.waitFor('the good corpus checked', typo(good), 30_000);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(good, 'a.txt') }, position: { line: 0, character: 5 } });
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /@jnim/);
    await client.waitFor('the unreadable corroborate.yaml shown to the user', () => client.messages.some((m) => m.shown && m.type === MessageType.Warning && m.message.includes(broken)));
    assert.ok(client.messages.some((m) => !m.shown && m.type === MessageType.Warning && m.message.includes(missing)), 'the missing folder is logged');

    // A folder added that does not exist yet: nothing fails; once it holds a corpus, it is checked.
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [{ uri: uriOf(later, ''), name: 'later' }], removed: [] },
    });
    writeCorpus({ [REGISTRY_FILE]: REGISTRY, 'a.txt': REPORT }, later);
    await client.waitFor('the folder created later checked', typo(later), 10_000);
    // The missing folder too, and the broken corroborate.yaml once it can be read.
    writeCorpus({ [REGISTRY_FILE]: REGISTRY, 'a.txt': REPORT }, missing);
    fs.writeFileSync(path.join(broken, REGISTRY_FILE), REGISTRY);
    await client.waitFor('the missing folder and the repaired corpus checked', () => typo(missing)() && typo(broken)(), 10_000);
    assert.deepEqual(
      client.messages.filter((m) => m.type === MessageType.Error),
      [],
      'no error logged',
    );
  });
});

void describe('a burst of edits to corroborate.yaml', () => {
  void test('is read once, on its latest text, and ends with the diagnostics of a fresh check', async () => {
    const actors = Array.from({ length: 300 }, (_, k) => `  actor${k}: { name: Actor ${k}, aliases: [Actor ${k}] }\n`).join('');
    const registry = REGISTRY.replace('actors:\n', `actors:\n${actors}`);
    const dir = writeCorpus({ [REGISTRY_FILE]: registry, ...filler(200) });
    const client = await start(dir);
    const uri = uriOf(dir, REGISTRY_FILE);
    await client.waitFor('the corpus indexed', () => client.corpusDocuments.length === 200, 60_000);
    await client.open(uri, registry);
    // Twenty keystrokes typing two new aliases of FAMa, queued up as they are while the server is busy; the last makes GSIM ambiguous.
    const typed = 'armée malienne, GSIM';
    const anchor = registry.indexOf('aliases: [FAMa') + 'aliases: [FAMa'.length;
    client.sendAtOnce(
      [...typed].map((character, k) => {
        // The first keystroke also types the separator: ", a", then "r", "m"…
        const line = positionAt(registry, anchor);
        const at = { line: line.line, character: line.character + (k === 0 ? 0 : 2 + k) };
        return {
          method: DidChangeTextDocumentNotification.method,
          params: { textDocument: { uri, version: k + 2 }, contentChanges: [{ range: { start: at, end: at }, text: k === 0 ? `, ${character}` : character }] },
        };
      }),
    );
    const final = registry.slice(0, anchor) + `, ${typed}` + registry.slice(anchor);
    const texts = new Map<string, string>([[REGISTRY_FILE, final], ...fs.readdirSync(dir).filter((f) => f !== REGISTRY_FILE).map((f): [string, string] => [f, fs.readFileSync(path.join(dir, f), 'utf8')])]);
    const expected = await freshDiagnostics(dir, texts, new Set([REGISTRY_FILE]));
    await client.waitFor('the diagnostics of a fresh check of the final text', publishes(client, expected), 30_000).catch(() => undefined);
    assert.deepEqual(publishedDiagnostics(client, expected.keys()), expected);
    const reads = client.messages.filter((m) => m.message.startsWith(`${REGISTRY_FILE} in ${dir} (version`)).map((m) => m.message);
    assert.ok(reads.some((m) => m.includes(`(version ${typed.length + 1})`)), `the last version read: ${reads.join(' | ')}`);
    // One read of the whole burst; two at most should the pipe hand the server the burst in two parts.
    assert.ok(reads.length <= 2, `${typed.length} keystrokes read ${reads.length} times: ${reads.join(' | ')}`);
  });
});

void describe('the protocol’s edges', () => {
  const dir = writeCorpus({ [REGISTRY_FILE]: REGISTRY, 'a.txt': 'Le [JNIM]{@jnim} attaque.\n' });
  const hoverOn = (client: LspClient) => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(dir, 'a.txt') }, position: { line: 0, character: 5 } });

  void test('a request before initialize is refused at once with ServerNotInitialized', async () => {
    const client = LspClient.spawn(dir);
    const error = await within(5000, 'a hover before initialize', errorOf(hoverOn(client)));
    assert.equal(error?.code, ErrorCodes.ServerNotInitialized);
    await client.initialize(dir);
    await client.connection.sendNotification(InitializedNotification.type, {});
    assert.match(((await hoverOn(client))?.contents as MarkupContent).value, /@jnim/, 'served once initialized');
  });

  void test('a client that never sends initialized is served', async () => {
    const client = LspClient.spawn(dir);
    await client.initialize(dir);
    const hover = await within(10_000, 'a hover without initialized', hoverOn(client));
    assert.match((hover?.contents as MarkupContent).value, /@jnim/);
  });

  void test('after shutdown, requests are refused with InvalidRequest', async () => {
    const client = await start(dir);
    assert.ok(await hoverOn(client));
    await client.connection.sendRequest(ShutdownRequest.type);
    const error = await within(5000, 'a hover after shutdown', errorOf(hoverOn(client)));
    assert.equal(error?.code, ErrorCodes.InvalidRequest);
  });
});
