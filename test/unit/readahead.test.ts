// The reports read on the reader thread (server/src/workspace/readAhead.ts)
// give what reading them on the main thread gives, report by report and in
// order: through the real `corroborate` program on a corpus large enough for
// it to start the reader, and through readAhead itself with the built
// reader script (`npm test` builds it first). The sources run by the tests
// have no reader script beside them, so in process loadCorpus reads on the
// main thread: the reference.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkJson } from '../../server/src/cli/report';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { loadCorpus } from '../../server/src/workspace/corpusFiles';
import { DOCUMENT_MAX_BYTES, readDocument } from '../../server/src/workspace/documentRead';
import { readAhead } from '../../server/src/workspace/readAhead';
import { REPO, tempFolder, writeCorpus } from '../support/tempFolder';

const BIN = path.join(REPO, 'server', 'bin', 'corroborate.js');
const READER = path.join(REPO, 'server', 'dist', 'corpusReader.js');

/** Over the 2,000 documents from which `check` reads on the reader thread. */
const REPORTS = 2_100;

const REGISTRY = `documents: ["**/*.txt"]
actors:
  afp: { name: AFP }
`;

/** A report whose one diagnostic names it: a text given to the wrong file would show. */
function report(n: number): string {
  const id = String(n).padStart(4, '0');
  return `---\nsource: afp\n---\nSelon l'AFP, [le groupe]{@missing-${id}} a attaqué le camp.\n`;
}

/** The corpus folder, with among its reports every kind of file a read can meet. */
function unusualCorpus(): string {
  const files: Record<string, string | Uint8Array> = { [REGISTRY_FILE]: REGISTRY };
  for (let n = 0; n < REPORTS; n++) files[`reports/r${String(n).padStart(4, '0')}.txt`] = report(n);
  // A report past a chunk's 512 K characters, so that chunks end early too.
  files['reports/r0500-long.txt'] = report(500).replace('a attaqué', `a attaqué ${'le camp '.repeat(80_000)}`);
  files['reports/r0700-latin1.txt'] = Buffer.concat([Buffer.from(report(700)), Buffer.from([0xe9, 0x0a])]);
  files['reports/r0900-binary.txt'] = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]);
  files['reports/r1100-empty.txt'] = '';
  const dir = writeCorpus(files);
  fs.writeFileSync(path.join(dir, 'reports', 'r1300-huge.txt'), '');
  fs.truncateSync(path.join(dir, 'reports', 'r1300-huge.txt'), DOCUMENT_MAX_BYTES + 1);
  execFileSync('mkfifo', [path.join(dir, 'reports', 'r1500-pipe.txt')]);
  fs.symlinkSync('deleted.txt', path.join(dir, 'reports', 'r1700-gone.txt'));
  return dir;
}

void describe('check on a corpus read on the reader thread', () => {
  void test('prints byte for byte what reading every report on the main thread gives', async () => {
    const dir = unusualCorpus();
    const run = spawnSync(process.execPath, [BIN, 'check', dir, '--format', 'json'], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    assert.equal(run.error, undefined, `check ran to its end (${String(run.error)})`);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    const corpus = await loadCorpus(dir, { treesKept: 1, groupAfterReading: true });
    assert.equal(run.stdout, `${checkJson(corpus, corpus.allDiagnostics())}\n`);

    const output = JSON.parse(run.stdout) as { documents: number; diagnostics: { file: string; code: string; message: string }[] };
    // Every report but the binary one (passed over), and the three that cannot be read, counted.
    assert.equal(output.documents, REPORTS + 3 + 3);
    const missing = output.diagnostics.filter((d) => d.code === 'unknown-entity');
    assert.equal(missing.length, REPORTS + 2);
    for (const d of missing) assert.equal(/@missing-(\d{4})/.exec(d.message)?.[1], /r(\d{4})/.exec(d.file)?.[1], `${d.file}: ${d.message}`);
    assert.deepEqual(
      missing.map((d) => d.file),
      missing.map((d) => d.file).sort(),
      'in the order of the files',
    );
    assert.deepEqual(
      output.diagnostics.filter((d) => d.code === 'unreadable' || d.code === 'encoding').map((d) => [d.file, d.code, /64 MB|named pipe|does not exist|0xE9/.exec(d.message)?.[0]]),
      [
        ['reports/r0700-latin1.txt', 'encoding', '0xE9'],
        ['reports/r1300-huge.txt', 'unreadable', '64 MB'],
        ['reports/r1500-pipe.txt', 'unreadable', 'named pipe'],
        ['reports/r1700-gone.txt', 'unreadable', 'does not exist'],
      ],
    );
  });
});

void describe('readAhead with the built reader script', () => {
  void test('gives each path what readDocument gives it, in order, a file removed after the listing included', async () => {
    const dir = unusualCorpus();
    const paths = fs
      .readdirSync(path.join(dir, 'reports'))
      .sort()
      .map((name) => path.join(dir, 'reports', name));
    // Listed, then removed before it is read.
    fs.rmSync(paths[1_000]);
    const read: unknown[] = [];
    await readAhead(READER, paths, (index, each) => {
      assert.equal(index, read.length);
      read.push(each);
    });
    assert.equal(read.length, paths.length);
    assert.equal(read[1_000], undefined);
    assert.deepEqual(read, paths.map(readDocument));
  });

  void test('a reader that fails leaves the rest of the paths to the main thread', async () => {
    const dir = writeCorpus({ 'a.txt': report(1), 'b.txt': 'b\n', 'c.txt': Buffer.from([0x63, 0xff]) });
    const paths = ['a.txt', 'b.txt', 'c.txt', 'd.txt'].map((name) => path.join(dir, name));
    // Says it has started, as the reader does, then fails before it reads anything.
    const failing = path.join(tempFolder('reader'), 'failing.js');
    fs.writeFileSync(failing, "const { counters } = require('node:worker_threads').workerData;\nAtomics.store(counters, 0, 1);\nAtomics.notify(counters, 0);\nthrow new Error('the reader fails');\n");
    const read: unknown[] = [];
    await readAhead(failing, paths, (index, each) => {
      assert.equal(index, read.length);
      read.push(each);
    });
    assert.deepEqual(read, paths.map(readDocument));
    assert.deepEqual(read[0], { text: report(1) });
  });
});
