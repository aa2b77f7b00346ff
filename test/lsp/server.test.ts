// The language server over stdio, as any LSP editor talks to it, on
// temporary copies of the annotated seeds and on small temporary corpora.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import {
  ApplyKind,
  CodeActionRequest,
  CompletionRequest,
  CompletionResolveRequest,
  createProtocolConnection,
  DefinitionRequest,
  DiagnosticSeverity,
  DidCloseTextDocumentNotification,
  FileChangeType,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type MarkupContent,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { TWO_PARTIES_REGISTRY as REGISTRY } from '../corpusFixtures';
import { applyEdits, applyWorkspaceEditOnDisk, copySeeds, LspClient, SERVER, stopServers, type ClientOptions, uriOf, writeCorpus } from './lspClient';

const REPORTS = ['000_ad34e4e326f002f7.txt', '001_5d94ad36ec1082ee.txt', '002_bf727807ddea604f.txt', '003_1a14fc8a2bf519ca.txt'];

function positionOf(text: string, needle: string, shift = 0): Position {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `fixture should contain ${needle}`);
  const before = text.slice(0, at + shift);
  const lines = before.split(/\r\n|\n|\r/);
  return { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
}

/** LSP 3.18 lets a message be Markdown; this server sends plain strings. */
function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

const start = (dir: string, options?: ClientOptions) => LspClient.start(dir, options);
after(stopServers);

async function seedsServer(options?: ClientOptions): Promise<{ dir: string; client: LspClient }> {
  const dir = copySeeds();
  const client = await start(dir, options);
  await client.waitFor('contradiction warnings on all four reports', () =>
    REPORTS.every((r) => codes(client.diagnosticsOf(uriOf(dir, r))).includes('conflicting-claims')),
  );
  return { dir, client };
}

describe('language server on the seeds', () => {
  test('publishes diagnostics for every report without any being opened, with related locations and no hints', async () => {
    const { dir, client } = await seedsServer();
    for (const report of REPORTS) {
      const diagnostics = client.diagnosticsOf(uriOf(dir, report));
      const outcome = diagnostics.filter((d) => d.code === 'conflicting-claims' && messageOf(d).includes('outcome='));
      assert.ok(outcome.length > 0, `${report} has an outcome contradiction`);
      for (const d of outcome) {
        assert.equal(d.severity, DiagnosticSeverity.Warning);
        assert.ok((d.relatedInformation ?? []).length > 0, 'a contradiction points at the other claims');
        for (const related of d.relatedInformation ?? []) assert.ok(related.location.uri.startsWith(uriOf(dir, '')), 'related entries stay in the corpus');
      }
      assert.ok(!diagnostics.some((d) => d.severity === DiagnosticSeverity.Hint), 'hints only for open documents');
      assert.ok(!diagnostics.some((d) => d.severity === DiagnosticSeverity.Error), 'the seeds have no errors');
    }
  });

  test('hover on the GSIM alias shows JNIM’s card', async () => {
    const { dir, client } = await seedsServer();
    const text = fs.readFileSync(path.join(dir, REPORTS[2]), 'utf8');
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: uriOf(dir, REPORTS[2]) },
      position: positionOf(text, '[GSIM]{@jnim} quittent', 2),
    });
    assert.ok(hover, 'a hover card');
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /@jnim/);
    assert.match(value, /Jama/);
    assert.match(value, /GSIM/);
  });

  test('definition and references of @fama', async () => {
    const { dir, client } = await seedsServer();
    const report = REPORTS[0];
    const text = fs.readFileSync(path.join(dir, report), 'utf8');
    const at = positionOf(text, '{@fama}', 2);
    const definition = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uriOf(dir, report) }, position: at });
    const locations = Array.isArray(definition) ? definition : definition ? [definition] : [];
    assert.equal(locations.length, 1);
    const registry = fs.readFileSync(path.join(dir, 'corroborate.yaml'), 'utf8');
    const target = locations[0] as { uri: string; range: { start: Position } };
    assert.equal(target.uri, uriOf(dir, 'corroborate.yaml'));
    assert.equal(registry.split(/\r?\n/)[target.range.start.line]?.trim(), 'fama:');

    const references = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: uriOf(dir, report) },
      position: at,
      context: { includeDeclaration: false },
    });
    const inReports = REPORTS.reduce((n, r) => n + (fs.readFileSync(path.join(dir, r), 'utf8').match(/@fama(?![A-Za-z0-9_-])/g) ?? []).length, 0);
    const inReportsFound = (references ?? []).filter((l) => l.uri !== uriOf(dir, 'corroborate.yaml')).length;
    assert.equal(inReportsFound, inReports);
  });

  /** The completion answer with `block` typed after "Ces affirmations" in the first report, the cursor at its end. */
  async function completionAfter(block: string, options?: ClientOptions): Promise<{ client: LspClient; answer: CompletionItem[] | CompletionList | null; typed: string }> {
    const { dir, client } = await seedsServer(options);
    const report = REPORTS[0];
    const uri = uriOf(dir, report);
    const original = fs.readFileSync(path.join(dir, report), 'utf8');
    await client.open(uri, original);
    const typed = original.replace('Ces affirmations', `[Ces affirmations]${block}`);
    await client.change(uri, typed);
    const answer = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(typed, block, block.length) });
    return { client, answer, typed };
  }

  /** The report's text once an entry is accepted, as an editor applies it: its own text edit, or the list's default range with `textEditText` or else the label (LSP 3.17). */
  function accepted(text: string, list: CompletionList, item: CompletionItem): string {
    if (item.textEdit) {
      assert.ok('range' in item.textEdit, `${item.label}: a plain text edit`);
      return applyEdits(text, [item.textEdit]);
    }
    const range = list.itemDefaults?.editRange;
    assert.ok(range && 'start' in range, `${item.label}: no text edit of its own, so the list's default range`);
    return applyEdits(text, [{ range, newText: item.textEditText ?? item.label }]);
  }

  /** An entry as a client that merges item data holds it, resolved: what the editor shows once the entry is focused. */
  async function resolvedEntry(client: LspClient, list: CompletionList, item: CompletionItem): Promise<CompletionItem> {
    const defaultData: unknown = list.itemDefaults?.data;
    const itemData: unknown = item.data;
    const data = typeof defaultData === 'object' && defaultData !== null && typeof itemData === 'object' && itemData !== null ? { ...defaultData, ...itemData } : (itemData ?? defaultData);
    return client.connection.sendRequest(CompletionResolveRequest.type, { ...item, data });
  }

  for (const block of ['{claim by=@fa', '{claim by=fa', '{claim ']) {
    test(`completion after ${block}: a client that takes item defaults and resolves details gets entries that show and insert the same, sent once where they share it`, async () => {
      const plain = await completionAfter(block);
      const lean = await completionAfter(block, { leanCompletion: true });
      assert.ok(plain.answer && !Array.isArray(plain.answer) && lean.answer && !Array.isArray(lean.answer), 'completion lists');
      const plainList = plain.answer;
      const leanList = lean.answer;
      assert.equal(plainList.itemDefaults, undefined, 'no defaults for a client that did not declare them');
      assert.ok(plainList.items.length > 0 && plainList.items.every((item) => item.textEdit !== undefined && item.detail !== undefined), 'every entry carries its edit and detail');
      assert.deepEqual(
        leanList.items.map((item) => item.label),
        plainList.items.map((item) => item.label),
        'the same entries',
      );
      assert.ok(leanList.items.every((item) => item.textEdit === undefined), 'the range is sent once, in itemDefaults');
      for (const [index, item] of leanList.items.entries()) {
        const full = plainList.items[index];
        assert.ok(full);
        assert.equal(accepted(lean.typed, leanList, item), accepted(plain.typed, plainList, full), `accepting ${item.label} writes the same text`);
        assert.equal(item.filterText ?? item.label, full.filterText ?? full.label, `${item.label} is filtered on the same text`);
        assert.notEqual(full.filterText, full.label, 'no filterText that repeats the label');
        assert.equal(item.sortText, full.sortText, `${item.label} sorts in the same place`);
        if (item.detail === undefined) assert.equal((await resolvedEntry(lean.client, leanList, item)).detail, full.detail, `${item.label}: resolving gives the detail the full entry has`);
        else assert.equal(item.detail, full.detail);
      }
      if (block.includes('fa')) assert.ok(leanList.items.every((item) => item.detail === undefined), 'an id\'s name and kind come on resolve');
    });
  }

  test('completion to a client that merges item data: resolving the entry shown, data merged as the client does, adds its description', async () => {
    const { client, answer: list } = await completionAfter('{claim by=@fa', { leanCompletion: true });
    assert.ok(list && !Array.isArray(list), 'a completion list');
    assert.equal(list.applyKind?.data, ApplyKind.Merge, 'the document is sent once, for the client to merge');
    const fama = list.items.find((item) => item.label === '@fama');
    assert.ok(fama, `@fama offered: ${list.items.map((item) => item.label).join(' ')}`);
    assert.ok(list.items.every((item) => item.documentation === undefined), 'no description in the list');
    const resolved = await resolvedEntry(client, list, fama);
    assert.deepEqual(resolved.documentation, { kind: 'markdown', value: 'The Malian armed forces.' });
  });

  test('completion after by=@ offers actors, not places', async () => {
    const { answer } = await completionAfter('{claim by=@');
    const list: CompletionItem[] = Array.isArray(answer) ? answer : (answer?.items ?? []);
    const labels = list.map((i) => i.label);
    assert.ok(labels.some((l) => l.includes('fama')), `actors offered: ${labels.join(' ')}`);
    assert.ok(!labels.some((l) => l.includes('niafunke')), 'places are not claimants');
  });

  test('completion sends ids without their descriptions; resolving the entry shown adds it', async () => {
    const { client, answer: list } = await completionAfter('{claim by=@fa');
    assert.ok(list && !Array.isArray(list), 'a completion list');
    assert.equal(list.isIncomplete, true, 'filtered by what is typed: typing on must ask again');
    const fama = list.items.find((item) => item.label === '@fama');
    assert.ok(fama, `@fama offered: ${list.items.map((item) => item.label).join(' ')}`);
    assert.ok(list.items.every((item) => item.documentation === undefined), 'no description in the list');
    const resolved = await client.connection.sendRequest(CompletionResolveRequest.type, fama);
    assert.deepEqual(resolved.documentation, { kind: 'markdown', value: 'The Malian armed forces.' });
    assert.deepEqual(resolved.textEdit, fama.textEdit, 'resolving changes nothing of what the entry inserts');
  });

  test('the contradiction quick fixes: acknowledge the dispute, or record the desk’s estimate; neither writes a report', async () => {
    const { dir, client } = await seedsServer();
    const report = REPORTS[0];
    const uri = uriOf(dir, report);
    const conflict = client.diagnosticsOf(uri).find((d) => d.code === 'conflicting-claims' && messageOf(d).includes('outcome=captured'));
    assert.ok(conflict, 'an outcome=captured contradiction');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: conflict.range,
      context: { diagnostics: [conflict] },
    })) as CodeAction[];
    const acknowledge = actions.find((a) => /acknowledge/i.test(a.title));
    assert.ok(acknowledge?.edit, `an acknowledge action among: ${actions.map((a) => a.title).join(' | ')}`);
    // What JNIM claims stays recorded: no action offered for the conflict writes a report.
    for (const action of actions) assert.ok(Object.keys(action.edit?.changes ?? {}).every((file) => file === uriOf(dir, 'corroborate.yaml')), action.title);

    const before = fs.readFileSync(path.join(dir, 'corroborate.yaml'), 'utf8');
    const changed = applyWorkspaceEditOnDisk(acknowledge.edit);
    assert.deepEqual(changed, [uriOf(dir, 'corroborate.yaml')], 'acknowledging edits the registry only');
    const after = fs.readFileSync(path.join(dir, 'corroborate.yaml'), 'utf8');
    assert.ok(after.startsWith(before.split('\n').slice(0, 12).join('\n')), 'the registry keeps its comments and layout');
    await client.fileChanged(uriOf(dir, 'corroborate.yaml'), FileChangeType.Changed);
    await client.waitFor('the outcome dispute acknowledged in every report', () =>
      REPORTS.every((r) => {
        const d = client.diagnosticsOf(uriOf(dir, r));
        return d.some((x) => x.code === 'acknowledged-dispute') && !d.some((x) => x.code === 'conflicting-claims' && messageOf(x).includes('outcome='));
      }),
    );

    const fresh = await seedsServer();
    const freshConflict = fresh.client.diagnosticsOf(uriOf(fresh.dir, report)).find((d) => d.code === 'conflicting-claims' && messageOf(d).includes('outcome=captured'));
    assert.ok(freshConflict);
    const freshActions = (await fresh.client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uriOf(fresh.dir, report) },
      range: freshConflict.range,
      context: { diagnostics: [freshConflict] },
    })) as CodeAction[];
    const record = freshActions.find((a) => a.title.startsWith("Record the desk's assessment: estimate outcome=repelled"));
    assert.ok(record?.edit, `a record action among: ${freshActions.map((a) => a.title).join(' | ')}`);
    assert.deepEqual(applyWorkspaceEditOnDisk(record.edit), [uriOf(fresh.dir, 'corroborate.yaml')]);
    const registry = fs.readFileSync(path.join(fresh.dir, 'corroborate.yaml'), 'utf8');
    assert.match(registry, /\n {4}estimate: \{ outcome: repelled \}\n/);
    assert.match(registry, /\n {4}assessment: "outcome: captured \(@jnim\); repelled \(@fama\)\. To be assessed by the desk\."\n/);
    // Opened as the editor opens it after the edit: every request reads the open buffer.
    await fresh.client.open(uriOf(fresh.dir, 'corroborate.yaml'), registry);
    // The desk's estimate is shown beside the claims, never compared with them: the conflict stays until acknowledged.
    const claimHover = await fresh.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf(fresh.dir, report) }, position: freshConflict.range.start });
    assert.match((claimHover?.contents as MarkupContent | undefined)?.value ?? '', /Desk’s estimate: repelled/);
    assert.ok(fresh.client.diagnosticsOf(uriOf(fresh.dir, report)).some((d) => d.range.start.line === freshConflict.range.start.line && messageOf(d).includes('outcome=captured')));
    assert.ok(!fresh.client.diagnosticsOf(uriOf(fresh.dir, report)).some((d) => d.severity === DiagnosticSeverity.Error));
  });

  test('rename @jnim across every report and the registry, then re-check', async () => {
    const { dir, client } = await seedsServer();
    const report = REPORTS[1];
    const uri = uriOf(dir, report);
    const text = fs.readFileSync(path.join(dir, report), 'utf8');
    const position = positionOf(text, '{@jnim}', 3);
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position });
    assert.ok(prepared && 'range' in prepared, 'the id can be renamed');
    const refused = await client.connection
      .sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: positionOf(text, 'revendique des attaques') })
      .then(
        (result) => result,
        (error: Error) => error,
      );
    assert.ok(refused === null || refused instanceof Error, 'plain prose cannot be renamed');
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'gsim-jnim' });
    assert.ok(edit?.changes);
    const touched = applyWorkspaceEditOnDisk(edit).sort();
    assert.deepEqual(touched, [...REPORTS.map((r) => uriOf(dir, r)), uriOf(dir, 'corroborate.yaml')].sort());
    for (const t of touched) await client.fileChanged(t, FileChangeType.Changed);
    await client.waitFor('the renamed corpus re-checked', () =>
      REPORTS.every((r) => {
        const d = client.diagnosticsOf(uriOf(dir, r));
        return d.some((x) => messageOf(x).includes('@gsim-jnim')) && !d.some((x) => x.code === 'unknown-entity');
      }),
    );
    for (const r of REPORTS) assert.doesNotMatch(fs.readFileSync(path.join(dir, r), 'utf8'), /@jnim(?![A-Za-z0-9_-])/);
  });

  test('a rename into a report written on disk since it was read, its watcher event not yet sent, edits the text on disk', async () => {
    const { dir, client } = await seedsServer();
    const uri = uriOf(dir, REPORTS[1]);
    const position = positionOf(fs.readFileSync(path.join(dir, REPORTS[1]), 'utf8'), '{@jnim}', 3);
    // No editor has this report open: the server let its text go, and reads it again for the edits.
    const written = path.join(dir, REPORTS[2]);
    const read = fs.readFileSync(written, 'utf8');
    const body = read.indexOf('\n---\n') + 5;
    const onDisk = `${read.slice(0, body)}Une phrase ajoutée sur le disque.\n${read.slice(body)}`;
    fs.writeFileSync(written, onDisk);
    const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'gsim-jnim' });
    assert.ok(edit?.changes?.[uriOf(dir, REPORTS[2])], 'the rename edits the report written on disk');
    applyWorkspaceEditOnDisk(edit);
    const renamed = fs.readFileSync(written, 'utf8');
    assert.doesNotMatch(renamed, /@jnim(?![A-Za-z0-9_-])/);
    assert.equal(renamed, onDisk.replace(/@jnim(?![A-Za-z0-9_-])/g, '@gsim-jnim'), 'the edits land on the text as the disk has it');
  });
});

const CAPTURED = '---\nsource: jnim\n---\n[Le camp est pris]{claim event=@attack outcome=captured}.\n';
const REPELLED = '---\nsource: fama\n---\n[Attaque repoussée]{claim event=@attack outcome=repelled}.\n';
const NEUTRAL = '---\nsource: fama\n---\nRien à signaler.\n';

describe('language server on a small corpus', () => {
  test('an edit in one file makes a contradiction appear in another file', async () => {
    const dir = writeCorpus({ 'corroborate.yaml': REGISTRY, 'a.txt': CAPTURED, 'b.txt': NEUTRAL });
    const client = await start(dir);
    const a = uriOf(dir, 'a.txt');
    const b = uriOf(dir, 'b.txt');
    await client.open(b, NEUTRAL);
    await client.change(b, REPELLED);
    await client.waitFor('a contradiction in a.txt', () => codes(client.diagnosticsOf(a)).includes('conflicting-claims'));
    await client.change(b, NEUTRAL);
    await client.waitFor('the contradiction in a.txt to vanish', () => !codes(client.diagnosticsOf(a)).includes('conflicting-claims'));
  });

  test('a contradiction’s related entry follows the other claim: to its new line, then to its file’s new name', async () => {
    const repelled = '---\nsource: fama\n---\nOui. [Attaque repoussée]{claim event=@attack outcome=repelled}.\n';
    const dir = writeCorpus({ 'corroborate.yaml': REGISTRY, 'a.txt': CAPTURED, 'b.txt': repelled });
    const client = await start(dir);
    const [a, b, c] = ['a.txt', 'b.txt', 'c.txt'].map((file) => uriOf(dir, file));
    const relatedOfA = () => client.diagnosticsOf(a).flatMap((d) => (d.code === 'conflicting-claims' ? (d.relatedInformation ?? []) : [])).map((r) => r.location);
    // Where the claim's `outcome=repelled` is.
    const at = (uri: string, line: number, character: number) => [{ uri, range: { start: { line, character }, end: { line, character: character + 'outcome=repelled'.length } } }];
    await client.waitFor('a.txt pointing at the claim of b.txt', () => JSON.stringify(relatedOfA()) === JSON.stringify(at(b, 3, 45)));
    // The space before the claim becomes a line break: its offsets stay, its line and column move.
    await client.open(b, repelled);
    await client.change(b, repelled.replace('Oui. ', 'Oui.\n'));
    await client.waitFor('the related entry on the next line', () => JSON.stringify(relatedOfA()) === JSON.stringify(at(b, 4, 40)));
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: b } });
    await client.waitFor('the related entry back where the disk has it', () => JSON.stringify(relatedOfA()) === JSON.stringify(at(b, 3, 45)));
    // The same text under another name.
    fs.renameSync(path.join(dir, 'b.txt'), path.join(dir, 'c.txt'));
    await client.fileChanged(b, FileChangeType.Deleted);
    await client.fileChanged(c, FileChangeType.Created);
    await client.waitFor('the related entry in c.txt', () => JSON.stringify(relatedOfA()) === JSON.stringify(at(c, 3, 45)));
  });

  test('opening a document shows its hints; closing it unchanged takes them away', async () => {
    const text = '---\nsource: fama\n---\nLe JNIM attaque.\n';
    const dir = writeCorpus({ 'corroborate.yaml': REGISTRY, 'a.txt': text });
    const client = await start(dir);
    const a = uriOf(dir, 'a.txt');
    await client.waitFor('the corpus indexed', () => client.corpusDocuments.includes(a));
    await client.open(a, text);
    await client.waitFor('the unannotated mention hinted', () => codes(client.diagnosticsOf(a)).includes('unannotated-mention'));
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: a } });
    await client.waitFor('the hint gone', () => client.diagnosticsOf(a).length === 0);
  });

  test('a report sent with its BOM, as a client that reads the file as it is sends it: its front matter is read, and the source’s did-you-mean keeps the BOM', async () => {
    const saved = '---\nsource: fama\n---\n[Le camp tient]{claim event=@attack outcome=repelled}\n';
    const dir = writeCorpus({ 'corroborate.yaml': REGISTRY, 'a.txt': saved });
    const client = await start(dir);
    const a = uriOf(dir, 'a.txt');
    await client.waitFor('the corpus indexed', () => client.corpusDocuments.includes(a));
    const typed = '\uFEFF' + saved.replace('source: fama', 'source: famma');
    await client.open(a, typed);
    await client.waitFor('the unknown source', () => codes(client.diagnosticsOf(a)).includes('unknown-entity'));
    const unknown = client.diagnosticsOf(a).find((d) => d.code === 'unknown-entity');
    assert.deepEqual(unknown?.range, { start: { line: 1, character: 8 }, end: { line: 1, character: 13 } });
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: a }, range: unknown.range, context: { diagnostics: [unknown] } })) as CodeAction[];
    const change = actions.find((action) => action.title === 'Change to @fama');
    assert.ok(change?.edit?.changes, JSON.stringify(actions.map((action) => action.title)));
    const fixed = applyEdits(typed, change.edit.changes[a]);
    assert.equal(fixed, '\uFEFF' + saved);
    await client.change(a, fixed);
    await client.waitFor('the claim made by its source, and nothing else to report', () => client.diagnosticsOf(a).length === 0);
  });

  for (const watchesFiles of [true, false]) {
    test(`follows files created, changed and deleted on disk (${watchesFiles ? 'client watches' : 'server watches the folder'})`, async () => {
      const dir = writeCorpus({ 'corroborate.yaml': REGISTRY, 'a.txt': CAPTURED });
      const client = await start(dir, { watchesFiles });
      const a = uriOf(dir, 'a.txt');
      const c = uriOf(dir, 'c.txt');
      const tell = async (uri: string, type: FileChangeType) => {
        if (watchesFiles) await client.fileChanged(uri, type);
      };
      await client.waitFor('the corpus indexed', () => client.corpusDocuments.includes(a));
      fs.writeFileSync(path.join(dir, 'c.txt'), REPELLED);
      await tell(c, FileChangeType.Created);
      await client.waitFor('c.txt created to contradict a.txt', () => codes(client.diagnosticsOf(a)).includes('conflicting-claims') && codes(client.diagnosticsOf(c)).includes('conflicting-claims'));
      fs.writeFileSync(path.join(dir, 'c.txt'), CAPTURED.replace('jnim', 'fama'));
      await tell(c, FileChangeType.Changed);
      await client.waitFor('c.txt changed to agree', () => !codes(client.diagnosticsOf(a)).includes('conflicting-claims'));
      fs.writeFileSync(path.join(dir, 'c.txt'), REPELLED);
      await tell(c, FileChangeType.Changed);
      await client.waitFor('c.txt changed to disagree again', () => codes(client.diagnosticsOf(a)).includes('conflicting-claims'));
      fs.unlinkSync(path.join(dir, 'c.txt'));
      await tell(c, FileChangeType.Deleted);
      await client.waitFor('c.txt deleted', () => client.diagnosticsOf(c).length === 0 && !codes(client.diagnosticsOf(a)).includes('conflicting-claims'));
    });
  }

  test('after a sequence of edits the diagnostics equal a fresh check of the same text', async () => {
    const dir = copySeeds();
    const client = await start(dir);
    await client.waitFor('the seeds indexed', () => client.corpusDocuments.length === REPORTS.length);
    const texts = new Map(REPORTS.map((r) => [r, fs.readFileSync(path.join(dir, r), 'utf8')]));
    const edits: [string, (t: string) => string][] = [
      [REPORTS[0], (t) => t.replace('outcome=repelled', 'outcome=captured')],
      [REPORTS[1], (t) => t.replace('killed=~50', 'killed=3')],
      [REPORTS[2], (t) => t.replace('[le GSIM]{@jnim}', '[le GSIM]{@jnimm}')],
      [REPORTS[0], (t) => t.replace('captured=2', 'captured=7')],
      [REPORTS[3], (t) => t + '\n[JNIM]{@jnim} [dit autre chose]{claim by=@jnim event=@niafunke-attack outcome=repelled\n'],
    ];
    const opened = new Set<string>();
    for (const [report, edit] of edits) {
      const uri = uriOf(dir, report);
      if (!opened.has(report)) await client.open(uri, texts.get(report) as string);
      opened.add(report);
      const next = edit(texts.get(report) as string);
      assert.notEqual(next, texts.get(report), `edit applies to ${report}`);
      texts.set(report, next);
      await client.change(uri, next);
    }
    const fresh = copySeeds();
    for (const [report, text] of texts) fs.writeFileSync(path.join(fresh, report), text);
    const output = (() => {
      try {
        return execFileSync(process.execPath, [SERVER, 'check', fresh, '--format', 'json'], { encoding: 'utf8' });
      } catch (error) {
        return (error as { stdout: string }).stdout;
      }
    })();
    const expected = (JSON.parse(output) as { diagnostics: { file: string; line: number; column: number; code: string; severity: string }[] }).diagnostics
      .filter((d) => d.file !== 'corroborate.yaml')
      .map((d) => `${d.file}:${d.line}:${d.column}:${d.code}`)
      .sort();
    // `check` never prints the open reports' possible claims: `suggest` is their CLI.
    const actual = () =>
      REPORTS.flatMap((r) =>
        client
          .diagnosticsOf(uriOf(dir, r))
          .filter((d) => d.code !== 'possible-claim')
          .map((d) => `${r}:${d.range.start.line + 1}:${d.range.start.character + 1}:${String(d.code)}`),
      ).sort();
    await client.waitFor('the server to agree with a fresh check', () => JSON.stringify(actual()) === JSON.stringify(expected), 10_000).catch(() => {
      assert.deepEqual(actual(), expected);
    });
  });
});

describe('the server process', () => {
  test('accepts --clientProcessId, as VS Code passes it, and exits when the editor closes its input', async () => {
    const child = spawn(process.execPath, [SERVER, 'lsp', '--stdio', `--clientProcessId=${process.pid}`], { cwd: writeCorpus({ 'corroborate.yaml': REGISTRY }) });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdin.end();
    const deadline = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 10_000).unref());
    const outcome = await Promise.race([exited, deadline]);
    if (outcome === 'still running') child.kill();
    assert.notEqual(outcome, 'still running', 'the server should exit once its input is closed');
  });

  test('exits with 0 when the editor closes its input after asking it to shut down, and 1 without', async () => {
    const exitCode = async (shutDownFirst: boolean) => {
      const child = spawn(process.execPath, [SERVER, 'lsp', '--stdio'], { cwd: writeCorpus({ 'corroborate.yaml': REGISTRY }) });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
      connection.listen();
      if (shutDownFirst) await connection.sendRequest(ShutdownRequest.type);
      child.stdin.end();
      const deadline = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 10_000).unref());
      const outcome = await Promise.race([exited, deadline]);
      connection.dispose();
      if (outcome === 'still running') child.kill();
      return outcome;
    };
    assert.equal(await exitCode(true), 0);
    assert.equal(await exitCode(false), 1);
  });
});
