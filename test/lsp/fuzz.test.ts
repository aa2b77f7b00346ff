// Incremental equals from scratch, over stdio against the real server: random
// sequences of what an editor sends (open, type, close, files written on
// disk, corroborate.yaml edited in its buffer) leave the server publishing
// exactly what a fresh in-process check of the final texts gives. Races too:
// a file written on disk and, in the same instant, an edit and a request —
// the answer is computed on the edited buffer, names its version, and keeps
// the article text. All of it twice: with a client that watches files, and
// with one that does not, whose files are also replaced by renames — and
// with a client that pulls its diagnostics (LSP 3.17), as VS Code does,
// pulling each document it types in and then the workspace until the
// server has no news. Each run works on its own corpus folder of one
// workspace, so one server per mode serves them all; the seed is printed on
// failure.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  ErrorCodes,
  FileChangeType,
  RenameRequest,
  ResponseError,
  type CodeAction,
  type DidChangeTextDocumentParams,
  type FileEvent,
  type Position,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { articleText, parseDocument } from '../../server/src/engine/parser';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { checkAsyncProperty, fuzzRuns } from '../fuzz';
import { freshDiagnostics, positionAt, publishedDiagnostics, publishes, pullUntilAgreeing } from './freshCheck';
import { applyEdits, editsByUri, LspClient, tempFolder, uriOf } from './lspClient';

const REGISTRY = `documents: ["*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled, withdrawn] }
  killed: { type: count }
actors:
  jnim: { name: JNIM, aliases: [JNIM, GSIM] }
  fama: { name: FAMa, aliases: [FAMa] }
  afp: { name: AFP }
places:
  gao: { name: Gao, aliases: [Gao] }
events:
  attack: { name: Attack }
  raid: { name: Raid, disputed: { outcome: [captured, repelled] } }
`;

const DOCUMENTS: Record<string, string> = {
  'a.txt': '---\nsource: afp\n---\nLe [JNIM]{@jnim} dit avoir [pris le camp]{claim by=@jnim event=@attack outcome=captured killed=~20}.\nÀ Gao, FAMa.\n',
  'b.txt': '---\nsource: afp\n---\nLes [FAMa]{@fama} ont [repoussé l’assaut]{claim by=@fama event=@attack outcome=repelled killed=3 #k}.\r\n\r\nGSIM 😀 [raid]{claim by=@jnim event=@raid outcome=captured}\r\n',
  'c.txt': '[Aucun bilan]{claim by=@fama event=@raid outcome=repelled #k}, selon Gao.\n',
};
const FILES = [REGISTRY_FILE, ...Object.keys(DOCUMENTS)];
/** Each run is a corpus folder the one server indexes: past this, indexing them would be most of the run. */
const MAX_RUNS = 500;
const DEFAULT_RUNS = 16;

const insertion = fc.constantFrom(
  '', '[', ']', '{', '}', '@', '"', ' ', '\n', '\n\n', '\r\n', 'é', '😀', 'jnim', 'fama', 'raid', 'claim ', '@jnim', 'by=@fama ', 'event=@raid ',
  'outcome=withdrawn ', 'killed=25 ', '#k ', '[JNIM]{@jnim}', '[x]{claim event=@attack outcome=repelled}', 'GSIM', 'Gao', ', GSIM', '  new: { name: New }\n', 'disputed: {killed: [3, 20]}',
);

type Edit = { readonly file: string; readonly at: number; readonly remove: number; readonly insert: string };
type Step =
  | ({ readonly kind: 'type' } & Edit)
  | { readonly kind: 'close'; readonly file: string }
  | ({ readonly kind: 'disk' } & Edit)
  /** A file written on disk, then at once an edit of an open document and a request on it: the disk's re-read races both. */
  | { readonly kind: 'race'; readonly disk: Edit; readonly edit: Edit; readonly request: 'codeAction' | 'rename' | 'completion'; readonly where: number };

const documentFile = fc.constantFrom(...Object.keys(DOCUMENTS));
const edit = (file: fc.Arbitrary<string>) => fc.record({ file, at: fc.nat(), remove: fc.nat({ max: 6 }), insert: insertion });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: edit(fc.constantFrom(...FILES)).map((e): Step => ({ kind: 'type', ...e })) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('close' as const), file: fc.constantFrom(...FILES) }) },
  { weight: 3, arbitrary: edit(fc.constantFrom(...FILES)).map((e): Step => ({ kind: 'disk', ...e })) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('race' as const),
      disk: edit(fc.constantFrom(...FILES)),
      edit: edit(documentFile),
      request: fc.constantFrom('codeAction' as const, 'rename' as const, 'completion' as const),
      where: fc.nat(),
    }),
  },
);

/**
 * How files reach the disk. With a client that watches files, written in
 * place and announced with didChangeWatchedFiles; with one that does not,
 * replaced by a rename (as `sed -i` and atomic saves do) or written in place,
 * announced by nobody: the server's own watch must see them. The client that
 * pulls its diagnostics watches files.
 */
type Mode = 'client watches' | 'server watches' | 'client pulls';

/** One corpus folder of the workspace, and what the editor and the disk hold for each of its files. */
class Sandbox {
  readonly disk = new Map<string, string>([[REGISTRY_FILE, REGISTRY], ...Object.entries(DOCUMENTS)]);
  /** Open buffers and their versions. */
  readonly buffers = new Map<string, { text: string; version: number }>();
  readonly log: string[] = [];
  private writes = 0;

  constructor(
    readonly dir: string,
    private readonly client: LspClient,
    private readonly mode: Mode,
  ) {}

  textOf(file: string): string {
    return this.buffers.get(file)?.text ?? this.disk.get(file) ?? '';
  }

  async apply(s: Step): Promise<void> {
    if (s.kind === 'close') {
      if (!this.buffers.delete(s.file)) return;
      this.log.push(`close ${s.file}`);
      await this.client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uriOf(this.dir, s.file) } });
      return;
    }
    if (s.kind === 'disk') {
      const announce = this.writeOnDisk(s);
      if (announce.length > 0) await this.client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: announce });
      return;
    }
    if (s.kind === 'type') {
      const change = await this.typeIn(s);
      await this.client.connection.sendNotification(DidChangeTextDocumentNotification.type, change);
      // As VS Code does: the document typed in is pulled at once.
      if (this.mode === 'client pulls') await this.client.pullDocument(change.textDocument.uri);
      return;
    }
    await this.race(s);
  }

  /** Writes the edit on disk; returns what a watching client announces. */
  private writeOnDisk(s: Edit): FileEvent[] {
    const { text, at, end } = edited(this.disk.get(s.file) ?? '', s);
    const file = path.join(this.dir, s.file);
    this.disk.set(s.file, text);
    if (this.mode !== 'server watches' || this.writes++ % 2 === 0) {
      fs.writeFileSync(file, text);
      this.log.push(`disk ${s.file} [${at}, ${end}) ${JSON.stringify(s.insert)}`);
    } else {
      fs.writeFileSync(`${file}.tmp`, text);
      fs.renameSync(`${file}.tmp`, file);
      this.log.push(`disk (renamed over) ${s.file} [${at}, ${end}) ${JSON.stringify(s.insert)}`);
    }
    if (this.mode === 'server watches') return [];
    // A file the globs do not match, said deleted: the server runs the globs again, which takes a while.
    return [
      { uri: uriOf(this.dir, s.file), type: FileChangeType.Changed },
      { uri: uriOf(this.dir, 'gone.txt'), type: FileChangeType.Deleted },
    ];
  }

  /** Types an edit in a buffer (opened first if need be); returns the didChange to send. */
  private async typeIn(s: Edit): Promise<DidChangeTextDocumentParams> {
    const uri = uriOf(this.dir, s.file);
    let buffer = this.buffers.get(s.file);
    if (!buffer) {
      buffer = { text: this.textOf(s.file), version: 1 };
      this.buffers.set(s.file, buffer);
      await this.client.open(uri, buffer.text);
    }
    const { text, at, end } = edited(buffer.text, s);
    buffer.version++;
    const range = { start: positionAt(buffer.text, at), end: positionAt(buffer.text, end) };
    buffer.text = text;
    this.log.push(`type ${s.file} [${at}, ${end}) ${JSON.stringify(s.insert)}`);
    return { textDocument: { uri, version: buffer.version }, contentChanges: [{ range, text: s.insert }] };
  }

  /**
   * The disk written, then in the same instant an edit and a request: the
   * answer must be computed on the edited buffer, name its version, and keep
   * every document's article text.
   */
  private async race(s: Extract<Step, { kind: 'race' }>): Promise<void> {
    const announce = this.writeOnDisk(s.disk);
    const change = await this.typeIn(s.edit);
    this.client.sendAtOnce([
      ...(announce.length > 0 ? [{ method: DidChangeWatchedFilesNotification.method, params: { changes: announce } }] : []),
      { method: DidChangeTextDocumentNotification.method, params: change },
    ]);
    const uri = uriOf(this.dir, s.edit.file);
    const text = this.textOf(s.edit.file);
    const position = positionAt(text, s.where % (text.length + 1));
    this.log.push(`race: ${s.request} at ${JSON.stringify(position)}`);
    if (s.request === 'completion') {
      const items = await this.client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
      for (const item of Array.isArray(items) ? items : (items?.items ?? [])) {
        const range = item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined;
        assert.ok(range, `${item.label}: a text edit`);
        assert.ok(offsetIn(text, range.start) <= offsetIn(text, position) && offsetIn(text, position) <= offsetIn(text, range.end), `${item.label} replaces the word at the cursor, in the latest text\n  ${this.log.join('\n  ')}`);
      }
      return;
    }
    const edits: WorkspaceEdit[] = [];
    if (s.request === 'codeAction') {
      const range = { start: { line: 0, character: 0 }, end: positionAt(text, text.length) };
      const actions = (await this.client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [] } })) as CodeAction[];
      for (const action of actions) if (action.edit) edits.push(action.edit);
    } else {
      const renamed = await this.client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'renamed' }).catch((error: unknown) => {
        // Refusing to rename what is not an id is an answer.
        if (error instanceof ResponseError && error.code === ErrorCodes.InvalidRequest) return null;
        throw error;
      });
      if (renamed) edits.push(renamed);
    }
    for (const edit of edits) this.checkEdit(edit);
  }

  /** Each file's edits name the version they were computed on, and leave the article text as it was. */
  private checkEdit(edit: WorkspaceEdit): void {
    assert.equal(edit.changes, undefined, 'versioned documentChanges, as the client takes them');
    for (const [uri, { version, edits }] of editsByUri(edit)) {
      const file = FILES.find((f) => uriOf(this.dir, f) === uri);
      assert.ok(file, `an edit in the corpus: ${uri}`);
      const buffer = this.buffers.get(file);
      assert.equal(version, buffer ? buffer.version : null, `${file}: the client's version, or null when not open\n  ${this.log.join('\n  ')}`);
      if (file === REGISTRY_FILE) continue;
      const before = this.textOf(file);
      assert.equal(articleText(parseDocument(applyEdits(before, edits))).text, articleText(parseDocument(before)).text, `${file}: the article text is kept\n  ${this.log.join('\n  ')}`);
    }
  }

  /** What a fresh check of the final texts gives, as the server would publish it. */
  expected(): Promise<Map<string, string[]>> {
    return freshDiagnostics(this.dir, new Map(FILES.map((file) => [file, this.textOf(file)])), new Set(this.buffers.keys()));
  }

  published(): Map<string, string[]> {
    return publishedDiagnostics(this.client, FILES.map((file) => uriOf(this.dir, file)));
  }
}

/**
 * An edit applied to a text, never between the \r and \n of a line break
 * (no LSP position lies there) nor between the two halves of an emoji (no
 * editor cuts one, and the half left could not be written to disk for the
 * fresh check).
 */
function edited(before: string, s: Edit): { text: string; at: number; end: number } {
  const between = (offset: number) =>
    (before[offset - 1] === '\r' && before[offset] === '\n') || (/[\uD800-\uDBFF]/.test(before[offset - 1] ?? '') && /[\uDC00-\uDFFF]/.test(before[offset] ?? ''));
  const outside = (offset: number) => (between(offset) ? offset - 1 : offset);
  const at = outside(s.at % (before.length + 1));
  const end = Math.max(at, outside(Math.min(before.length, at + s.remove)));
  return { text: before.slice(0, at) + s.insert + before.slice(end), at, end };
}

function offsetIn(text: string, position: Position): number {
  return TextDocument.create('file:///x', 'corroborate', 0, text).offsetAt(position);
}

const servers: LspClient[] = [];
after(async () => {
  await Promise.all(servers.map((server) => server.stop().catch(() => undefined)));
});

const WHO: Record<Mode, string> = {
  'client watches': 'the client watches files',
  'server watches': 'a client that does not watch files',
  'client pulls': 'a client that pulls diagnostics',
};

for (const mode of ['client watches', 'server watches', 'client pulls'] as const) {
  void describe(`the language server under random edit sequences (${WHO[mode]})`, () => {
    void test(`${mode === 'client pulls' ? 'is pulled' : 'publishes'} what a fresh check of the final texts gives, and answers races on the latest text`, async () => {
      const runs = fuzzRuns(DEFAULT_RUNS, { maxRuns: MAX_RUNS });
      const workspace = tempFolder('fuzz');
      const dirs = Array.from({ length: runs }, (_, k) => {
        const dir = path.join(workspace, `corpus-${String(k).padStart(3, '0')}`);
        fs.mkdirSync(dir);
        fs.writeFileSync(path.join(dir, REGISTRY_FILE), REGISTRY);
        for (const [file, text] of Object.entries(DOCUMENTS)) fs.writeFileSync(path.join(dir, file), text);
        return dir;
      });
      const server = await LspClient.start(workspace, { watchesFiles: mode !== 'server watches', versionedEdits: true, pullsDiagnostics: mode === 'client pulls' });
      servers.push(server);
      await server.waitFor('every corpus indexed', () => server.corpusDocuments.length === runs * Object.keys(DOCUMENTS).length, 60_000);
      let next = 0;
      await checkAsyncProperty(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
          const dir = dirs[next++];
          assert.ok(dir, 'one corpus folder per run');
          const sandbox = new Sandbox(dir, server, mode);
          for (const s of steps) await sandbox.apply(s);
          const expected = await sandbox.expected();
          if (mode === 'client pulls') await pullUntilAgreeing(server, expected, 10_000);
          else await server.waitFor('the server to publish what a fresh check gives', publishes(server, expected), 10_000).catch(() => undefined);
          assert.deepEqual(sandbox.published(), expected, `after:\n  ${sandbox.log.join('\n  ')}`);
        }),
        DEFAULT_RUNS,
        { maxRuns: runs },
      );
    });
  });
}
