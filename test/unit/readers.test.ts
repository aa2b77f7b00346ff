// A corpus read on reader threads (server/src/workspace/readers.ts) is the
// corpus read on the main thread alone: `check --format json` is the same,
// byte for byte, on the seeds, every fixture corpus and a corpus of
// documents that cannot be read, with batches of one document so that the
// threads and the main thread take turns all along. A reader thread that
// fails — a report too large for its heap, a thread that cannot start —
// leaves its documents to the main thread: nothing lost, nothing waited on.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { checkJson } from '../../server/src/cli/report';
import { factsRecord } from '../../server/src/engine/document';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { loadCorpus, type DocumentReaders } from '../../server/src/workspace/corpusFiles';
import { documentReaders } from '../../server/src/workspace/readers';
import { HOSTILE_REGISTRY, hugeReport } from '../hostileInputs';
import { removeFolder, REPO, SEEDS, writeCorpus } from '../support/tempFolder';

const TSX_ENTRY = path.join(REPO, 'test', 'support', 'readerThread.ts');
/** The built program, which runs as a reader thread when started as one (npm ci and `npm test` build it). */
const BUNDLE = path.join(REPO, 'server', 'dist', 'corroborate.js');
const CORPORA = path.join(REPO, 'test', 'fixtures', 'corpora');

/** Reader threads started by `start`, each noting in `posted` the batches it read and in `failures` what it threw. */
function readerThreads(start: (options: WorkerOptions) => Worker, count: number): { readers: DocumentReaders; posted: number[]; failures: unknown[] } {
  const posted: number[] = [];
  const failures: unknown[] = [];
  const readers = documentReaders({
    count,
    fromDocuments: 0,
    batchSize: 1,
    start: (options) => {
      const worker = start(options);
      worker.on('message', ({ batch }: { batch: number }) => posted.push(batch));
      worker.on('error', (error) => failures.push(error));
      return worker;
    },
  });
  return { readers, posted, failures };
}

function underTsx(options: WorkerOptions): Worker {
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(TSX_ENTRY)});`, { ...options, eval: true });
}

/** `check --format json` of the corpus in `dir`, and every document's facts as plain data. */
async function checked(dir: string, readers?: DocumentReaders): Promise<{ json: string; facts: unknown[] }> {
  // As `check` reads a corpus: one tree kept.
  const corpus = await loadCorpus(dir, { treesKept: 1, ...(readers !== undefined ? { readers } : {}) });
  return {
    json: checkJson(corpus, corpus.allDiagnostics()),
    facts: corpus.files().map((file) => {
      const facts = corpus.document(file);
      return facts === undefined ? undefined : factsRecord(facts);
    }),
  };
}

/** Reports with errors of every kind a document alone can have, claims that contradict across reports, and files that cannot be read. */
function troubledCorpus(): string {
  const report = (by: string, outcome: string, killed: string) =>
    `---\nsource: afp\n---\n[Le JNIM]{@jnim} dit avoir [pris le camp de Niafunké et tué ${killed} soldats]{claim by=@${by} event=@attack #c-${by} outcome=${outcome} killed=${killed}}.\n`;
  const dir = writeCorpus({
    [REGISTRY_FILE]: HOSTILE_REGISTRY,
    'a.txt': report('jnim', 'captured', '12'),
    'b.txt': report('fama', 'repelled', '40'),
    'c.txt': report('jnim', 'capturd', '12'),
    'd.txt': `---\nsource: afp\n---\nLe GSIM et la FAMa, à Niafunké, selon [une source]{@nobody} : [trente morts]{claim event=@attack killed=3}, dont [FAMa]{@jnim}.\n`,
    'e.txt': report('fama', 'repelled', 'beaucoup'),
    'f.txt': Buffer.from('---\nsource: afp\n---\nCaf\xe9 [JNIM]{@jnim}\n', 'latin1'),
    'g.txt': Buffer.from([0x00, 0x01, 0x02, 0x00]),
    'h.txt': `---\nsource: afp\n---\n[[ouvert]{claim by=@jnim\n`,
    'i.txt': `---\nsource: afp\npublished: 2024-03-02\n---\n[L'armée a perdu une quarantaine de soldats]{claim by=@fama event=@attack killed=4}.\n`,
  });
  fs.symlinkSync('gone.txt', path.join(dir, 'link.txt'));
  return dir;
}

describe('a corpus read on reader threads is the corpus read on the main thread', () => {
  const troubled = troubledCorpus();
  const corpora = [
    { name: 'seeds', dir: SEEDS },
    ...fs.readdirSync(CORPORA).map((name) => ({ name, dir: path.join(CORPORA, name) })),
    { name: 'reports with errors and files that cannot be read', dir: troubled },
  ];
  for (const { name, dir } of corpora) {
    test(`${name}: the same check --format json, the same facts`, async () => {
      const { readers, posted, failures } = readerThreads(underTsx, 1);
      const alone = await checked(dir);
      const onThreads = await checked(dir, readers);
      assert.equal(onThreads.json, alone.json);
      // What the language server would read of them too: references, uses, mention texts, front matter.
      assert.deepEqual(onThreads.facts, alone.facts);
      assert.deepEqual(failures, []);
      // The batches handed out first are the threads' to read: they did read some.
      assert.ok(posted.length > 0, 'the reader threads read documents');
    });
  }

  test('reports with errors: every kind of outcome crosses, the unreadable and the value not in the text included', async () => {
    const { json } = await checked(troubled, readerThreads(underTsx, 1).readers);
    for (const code of ['unreadable', 'encoding', 'syntax', 'bad-value', 'unknown-entity', 'duplicate-id', 'mention-mismatch', 'unannotated-mention', 'value-not-in-text', 'conflicting-claims']) {
      assert.match(json, new RegExp(`"code":"${code}"`), code);
    }
  });

  test('the built program runs as a reader thread when started as one', async () => {
    const dir = path.join(CORPORA, 'moura');
    const { readers, posted, failures } = readerThreads((options) => new Worker(BUNDLE, options), 1);
    assert.equal((await checked(dir, readers)).json, (await checked(dir)).json);
    assert.deepEqual(failures, []);
    assert.ok(posted.length > 0, 'the reader thread read documents');
  });

  test.after(() => removeFolder(troubled));
});

describe('a reader thread that fails leaves its documents to the main thread', () => {
  test('a report too large for a reader thread’s heap: the thread runs out of memory, the main thread reads the report, its typo reported', async () => {
    const huge = hugeReport(8);
    // First in file order, so it is in the thread's first batch.
    const dir = writeCorpus({ [REGISTRY_FILE]: HOSTILE_REGISTRY, 'a-huge.txt': huge.text, 'b.txt': '---\nsource: afp\n---\n[Le JNIM]{@jnim}.\n' });
    try {
      const { readers, failures } = readerThreads((options) => new Worker(BUNDLE, { ...options, resourceLimits: { maxOldGenerationSizeMb: 32 } }), 1);
      const output = (await checked(dir, readers)).json;
      assert.deepEqual(
        failures.map((error) => (error as NodeJS.ErrnoException).code),
        ['ERR_WORKER_OUT_OF_MEMORY'],
      );
      assert.equal(output, (await checked(dir)).json);
      assert.match(output, new RegExp(`"file":"a-huge.txt"[^}]*"code":"bad-value","message":"[^"]*${huge.typo}`));
    } finally {
      removeFolder(dir);
    }
  });

  test('reader threads that cannot start: every document is read on the main thread', async () => {
    const { readers, posted, failures } = readerThreads((options) => new Worker('throw new Error("no reader here")', { ...options, eval: true }), 2);
    assert.equal((await checked(SEEDS, readers)).json, (await checked(SEEDS)).json);
    assert.deepEqual(posted, []);
    assert.equal(failures.length, 2);
  });
});
