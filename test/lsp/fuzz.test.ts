// Incremental equals from scratch, over stdio against the real server: random
// sequences of what an editor sends (open, type, close, files written on
// disk, corroborate.yaml edited in its buffer) leave the server publishing
// exactly what a fresh in-process check of the final texts gives. Each run
// works on its own corpus folder of one workspace, so one server serves them
// all; the number of runs is bounded (at most 50), the seed printed on failure.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { checkAsyncProperty, fuzzRuns } from '../fuzz';
import { tempFolder } from '../support/tempFolder';
import { freshDiagnostics, positionAt, publishedDiagnostics, publishes } from './freshCheck';
import { LspClient, uriOf } from './lspClient';

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
const MAX_RUNS = 50;
const DEFAULT_RUNS = 16;

const insertion = fc.constantFrom(
  '', '[', ']', '{', '}', '@', '"', ' ', '\n', '\n\n', '\r\n', 'é', '😀', 'jnim', 'fama', 'raid', 'claim ', '@jnim', 'by=@fama ', 'event=@raid ',
  'outcome=withdrawn ', 'killed=25 ', '#k ', '[JNIM]{@jnim}', '[x]{claim event=@attack outcome=repelled}', 'GSIM', 'Gao', ', GSIM', '  new: { name: New }\n', 'disputed: {killed: [3, 20]}',
);

type Step =
  | { readonly kind: 'type'; readonly file: string; readonly at: number; readonly remove: number; readonly insert: string }
  | { readonly kind: 'close'; readonly file: string }
  | { readonly kind: 'disk'; readonly file: string; readonly at: number; readonly remove: number; readonly insert: string };

const documentFile = fc.constantFrom(...Object.keys(DOCUMENTS));
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('type' as const), file: fc.constantFrom(...FILES), at: fc.nat(), remove: fc.nat({ max: 6 }), insert: insertion }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('close' as const), file: fc.constantFrom(...FILES) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('disk' as const), file: documentFile, at: fc.nat(), remove: fc.nat({ max: 6 }), insert: insertion }) },
);

/** One corpus folder of the workspace, and what the editor and the disk hold for each of its files. */
class Sandbox {
  readonly disk = new Map<string, string>([[REGISTRY_FILE, REGISTRY], ...Object.entries(DOCUMENTS)]);
  /** Open buffers and their versions. */
  readonly buffers = new Map<string, { text: string; version: number }>();
  readonly log: string[] = [];

  constructor(
    readonly dir: string,
    private readonly client: LspClient,
  ) {}

  textOf(file: string): string {
    return this.buffers.get(file)?.text ?? this.disk.get(file) ?? '';
  }

  async apply(s: Step): Promise<void> {
    const uri = uriOf(this.dir, s.file);
    if (s.kind === 'close') {
      if (!this.buffers.delete(s.file)) return;
      this.log.push(`close ${s.file}`);
      await this.client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      return;
    }
    const before = s.kind === 'disk' ? (this.disk.get(s.file) ?? '') : this.textOf(s.file);
    // An editor never edits between the \r and \n of a line break: no LSP position lies there.
    const outsideLineBreak = (offset: number) => (before[offset - 1] === '\r' && before[offset] === '\n' ? offset - 1 : offset);
    const at = outsideLineBreak(s.at % (before.length + 1));
    const end = Math.max(at, outsideLineBreak(Math.min(before.length, at + s.remove)));
    const text = before.slice(0, at) + s.insert + before.slice(end);
    this.log.push(`${s.kind} ${s.file} [${at}, ${end}) ${JSON.stringify(s.insert)}`);
    if (s.kind === 'disk') {
      this.disk.set(s.file, text);
      fs.writeFileSync(path.join(this.dir, s.file), text);
      await this.client.fileChanged(uri, FileChangeType.Changed);
      return;
    }
    let buffer = this.buffers.get(s.file);
    if (!buffer) {
      buffer = { text: before, version: 1 };
      this.buffers.set(s.file, buffer);
      await this.client.open(uri, before);
    }
    buffer.version++;
    const range = { start: positionAt(buffer.text, at), end: positionAt(buffer.text, end) };
    buffer.text = text;
    await this.client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: buffer.version },
      contentChanges: [{ range, text: s.insert }],
    });
  }

  /** What a fresh check of the final texts gives, as the server would publish it. */
  expected(): Promise<Map<string, string[]>> {
    return freshDiagnostics(this.dir, new Map(FILES.map((file) => [file, this.textOf(file)])), new Set(this.buffers.keys()));
  }

  published(): Map<string, string[]> {
    return publishedDiagnostics(this.client, FILES.map((file) => uriOf(this.dir, file)));
  }
}

let client: LspClient | undefined;
after(async () => {
  await client?.stop().catch(() => undefined);
});

void describe('the language server under random edit sequences', () => {
  void test('publishes what a fresh check of the final texts gives', async () => {
    const runs = fuzzRuns(DEFAULT_RUNS, { maxRuns: MAX_RUNS });
    const workspace = tempFolder('fuzz-lsp');
    const dirs = Array.from({ length: runs }, (_, k) => {
      const dir = path.join(workspace, `corpus-${String(k).padStart(2, '0')}`);
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, REGISTRY_FILE), REGISTRY);
      for (const [file, text] of Object.entries(DOCUMENTS)) fs.writeFileSync(path.join(dir, file), text);
      return dir;
    });
    const server = await LspClient.start(workspace);
    client = server;
    await server.waitFor('every corpus indexed', () => server.corpusDocuments.length === runs * Object.keys(DOCUMENTS).length, 30_000);
    let next = 0;
    await checkAsyncProperty(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        const dir = dirs[next++];
        assert.ok(dir, 'one corpus folder per run');
        const sandbox = new Sandbox(dir, server);
        for (const s of steps) await sandbox.apply(s);
        const expected = await sandbox.expected();
        await server.waitFor('the server to publish what a fresh check gives', publishes(server, expected), 10_000).catch(() => undefined);
        assert.deepEqual(sandbox.published(), expected, `after:\n  ${sandbox.log.join('\n  ')}`);
      }),
      DEFAULT_RUNS,
      { maxRuns: runs },
    );
  });
});
