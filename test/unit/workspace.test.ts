// The corpus on disk, through the real `corroborate` program (the bundle that
// `npm test` builds first) and in process: documents that cannot be read are
// reported rather than dropped, a corroborate.yaml in a subfolder owns the
// documents below it, and a documents glob that matches nothing says so.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { loadCorpus, loadDocument } from '../../server/src/workspace/corpusFiles';
import { DOCUMENT_MAX_BYTES } from '../../server/src/workspace/documentRead';
import { INNER_REGISTRY, INNER_REPORT, OUTER_REGISTRY as REGISTRY, OUTER_REPORT as REPORT } from '../corpusFixtures';
import { writeCorpus } from '../support/tempFolder';

const BIN = path.join(__dirname, '..', '..', 'server', 'bin', 'corroborate.js');

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

interface CheckOutput {
  documents: number;
  mentions: number;
  claims: number;
  diagnostics: JsonDiagnostic[];
}

interface Checked {
  status: number | null;
  output: CheckOutput;
}

const folders: string[] = [];
after(() => {
  // A folder a test made unreadable is made readable again, so that it can be removed with the others.
  for (const folder of folders) {
    fs.chmodSync(folder, 0o700);
    for (const entry of fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
      // chmod follows a link, and a test's link may lead nowhere; what it leads to is in the folder anyway.
      if (!fs.lstatSync(path.join(folder, entry)).isSymbolicLink()) fs.chmodSync(path.join(folder, entry), 0o700);
    }
  }
});

function corpusFolder(files: Record<string, string>): string {
  const root = writeCorpus(files);
  folders.push(root);
  return root;
}

/**
 * `corroborate check DIR --format json`, with a deadline: reading a named
 * pipe used to wait for a writer forever.
 */
function check(dir: string): Checked {
  const run = spawnSync(process.execPath, [BIN, 'check', dir, '--format', 'json'], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(run.error, undefined, `check ran to its end (${String(run.error)})`);
  assert.equal(run.stderr, '');
  return { status: run.status, output: JSON.parse(run.stdout) as CheckOutput };
}

function checkText(dir: string): { status: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [BIN, 'check', '.'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
  return { status: run.status, stdout: run.stdout };
}

function withCode(output: CheckOutput, code: string): JsonDiagnostic[] {
  return output.diagnostics.filter((d) => d.code === code);
}

/** Where `needle` starts in `text`, as check's 1-based line and column. */
function lineColumnOf(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `the fixture holds ${needle}`);
  const lines = text.slice(0, at).split('\n');
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}

const runningAsRoot = process.getuid?.() === 0;

describe('a document the globs match that cannot be read', () => {
  test('a report over the size limit is an unreadable error on the file, counted, and check exits 1', () => {
    const dir = corpusFolder({ [REGISTRY_FILE]: REGISTRY, 'a.txt': REPORT, 'b.txt': REPORT });
    // Sparse: the size is on record, no byte is written, and nothing reads it.
    fs.writeFileSync(path.join(dir, 'huge.txt'), '');
    fs.truncateSync(path.join(dir, 'huge.txt'), DOCUMENT_MAX_BYTES + 1);
    const { status, output } = check(dir);
    assert.equal(status, 1);
    assert.equal(output.documents, 3);
    assert.deepEqual(
      withCode(output, 'unreadable').map((d) => [d.file, d.line, d.column, d.endLine, d.endColumn, d.severity]),
      [['huge.txt', 1, 1, 1, 1, 'error']],
    );
    assert.match(withCode(output, 'unreadable')[0]?.message ?? '', /64 MB/);
    // The readable reports are still checked.
    assert.equal(output.claims, 2);
    const text = checkText(dir);
    assert.equal(text.status, 1);
    assert.match(text.stdout, /^huge\.txt:1:1: error unreadable: .*64 MB/m);
    assert.match(text.stdout, /^3 documents, 2 mentions, 2 claims: 1 error/m);
  });

  test('a link to a named pipe is reported, not waited on', () => {
    const dir = corpusFolder({ [REGISTRY_FILE]: REGISTRY, 'a.txt': REPORT });
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    fs.symlinkSync('pipe', path.join(dir, 'b.txt'));
    const { status, output } = check(dir);
    assert.equal(status, 1);
    assert.equal(output.documents, 2);
    const [problem] = withCode(output, 'unreadable');
    assert.equal(problem?.file, 'b.txt');
    assert.match(problem?.message ?? '', /named pipe/);
  });

  test('a named pipe and a link whose target is gone, named like reports, are unreadable errors, not passed over', () => {
    const dir = corpusFolder({ [REGISTRY_FILE]: REGISTRY, 'a.txt': REPORT, 'notes/keep.md': 'not a report' });
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    fs.symlinkSync('deleted.txt', path.join(dir, 'gone.txt'));
    // Outside what the globs match: left alone.
    execFileSync('mkfifo', [path.join(dir, 'notes', 'pipe.md')]);
    const { status, output } = check(dir);
    assert.equal(status, 1);
    assert.equal(output.documents, 3);
    assert.deepEqual(
      withCode(output, 'unreadable').map((d) => [d.file, d.line, d.column]),
      [
        ['gone.txt', 1, 1],
        ['pipe.txt', 1, 1],
      ],
    );
    const [gone, pipe] = withCode(output, 'unreadable');
    assert.match(gone?.message ?? '', /link to deleted\.txt, which does not exist/);
    assert.match(pipe?.message ?? '', /named pipe/);
    assert.equal(output.claims, 1, 'the readable report is still checked');

    const exported = spawnSync(process.execPath, [BIN, 'export', '.', '--format', 'csv'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    assert.equal(exported.status, 0);
    assert.equal(exported.stderr, 'corroborate: 2 documents could not be read and are not in the export: gone.txt, pipe.txt (run corroborate check)\n');
    assert.match(exported.stdout, /^a\.txt,/m, 'the readable report is exported');
  });

  test('a report or folder whose name is not UTF-8 (Latin-1, from an old archive) is an unreadable error, not dropped', () => {
    const dir = corpusFolder({ [REGISTRY_FILE]: REGISTRY, 'a.txt': REPORT });
    // "Niafunké.txt" with its é as the Latin-1 byte 0xE9: a name no path string can spell, so only these bytes remove it.
    const latin1Name = Buffer.concat([Buffer.from(`${dir}/Niafunk`), Buffer.from([0xe9]), Buffer.from('.txt')]);
    const latin1Folder = Buffer.concat([Buffer.from(`${dir}/Ségou-`), Buffer.from([0xe9])]);
    const inLatin1Folder = Buffer.concat([latin1Folder, Buffer.from('/b.txt')]);
    fs.writeFileSync(latin1Name, REPORT);
    fs.mkdirSync(latin1Folder);
    fs.writeFileSync(inLatin1Folder, REPORT);
    try {
      const { status, output } = check(dir);
      assert.equal(status, 1);
      assert.equal(output.documents, 2);
      const unreadable = withCode(output, 'unreadable');
      assert.deepEqual(unreadable.map((d) => [d.file, d.line, d.column]), [['Niafunk\uFFFD.txt', 1, 1], [REGISTRY_FILE, 1, 13]]);
      for (const problem of unreadable) assert.match(problem.message, /name is not UTF-8/);
    } finally {
      fs.unlinkSync(inLatin1Folder);
      fs.rmdirSync(latin1Folder);
      fs.unlinkSync(latin1Name);
    }
  });

  test('a folder the globs reach that cannot be listed is an unreadable error on the documents globs', { skip: runningAsRoot && 'root lists folders whatever their permissions' }, () => {
    const dir = corpusFolder({ [REGISTRY_FILE]: REGISTRY, 'a.txt': REPORT, 'locked/b.txt': REPORT });
    fs.chmodSync(path.join(dir, 'locked'), 0o000);
    try {
      const { status, output } = check(dir);
      assert.equal(status, 1);
      const [problem] = withCode(output, 'unreadable');
      assert.equal(problem?.file, REGISTRY_FILE);
      assert.match(problem?.message ?? '', /locked\/ cannot be listed.*permission denied/);
    } finally {
      fs.chmodSync(path.join(dir, 'locked'), 0o755);
    }
  });

  test('a report without read permission is an unreadable error', { skip: runningAsRoot && 'root reads files whatever their permissions' }, () => {
    const dir = corpusFolder({ [REGISTRY_FILE]: REGISTRY, 'a.txt': REPORT, 'secret.txt': REPORT });
    fs.chmodSync(path.join(dir, 'secret.txt'), 0o000);
    const { status, output } = check(dir);
    assert.equal(status, 1);
    assert.equal(output.documents, 2);
    const [problem] = withCode(output, 'unreadable');
    assert.equal(problem?.file, 'secret.txt');
    assert.match(problem?.message ?? '', /permission/);
  });

  test('a report that becomes readable, then unreadable again, is checked like a fresh corpus each time', async () => {
    const dir = corpusFolder({ [REGISTRY_FILE]: REGISTRY, 'a.txt': REPORT, 'b.txt': REPORT.replace('captured', 'repelled') });
    const huge = path.join(dir, 'b.txt');
    const makeHuge = () => {
      fs.writeFileSync(huge, '');
      fs.truncateSync(huge, DOCUMENT_MAX_BYTES + 1);
    };
    makeHuge();
    const corpus = await loadCorpus(dir);
    const fresh = async () => (await loadCorpus(dir)).allDiagnostics();
    assert.deepEqual(corpus.files(), ['a.txt', 'b.txt']);
    // Looked at, as the editor does, so that a change reports every file whose findings it alters.
    assert.deepEqual(corpus.allDiagnostics().filter((d) => d.code === 'unreadable').map((d) => d.file), ['b.txt']);

    fs.writeFileSync(huge, REPORT.replace('captured', 'repelled'));
    const touched = loadDocument(corpus, dir, 'b.txt');
    assert.ok(touched.has('b.txt') && touched.has('a.txt'), 'b.txt read, and a.txt now contradicted by it');
    assert.deepEqual(corpus.allDiagnostics(), await fresh());
    assert.ok(corpus.diagnostics('a.txt').some((d) => d.code === 'inconsistent-reports'));

    makeHuge();
    assert.ok(loadDocument(corpus, dir, 'b.txt').has('a.txt'), 'the contradiction with b.txt is gone');
    assert.deepEqual(corpus.allDiagnostics(), await fresh());
    assert.deepEqual(corpus.diagnostics('a.txt').filter((d) => d.code === 'inconsistent-reports'), []);

    fs.unlinkSync(huge);
    assert.deepEqual([...loadDocument(corpus, dir, 'b.txt')], ['b.txt']);
    assert.deepEqual(corpus.files(), ['a.txt']);
  });
});

describe('nested corpora: the nearest corroborate.yaml owns a document', () => {
  const nested = () =>
    corpusFolder({
      [REGISTRY_FILE]: REGISTRY,
      'a.txt': REPORT,
      'sub/b.txt': REPORT,
      'sub/inner/corroborate.yaml': INNER_REGISTRY,
      'sub/inner/c.txt': INNER_REPORT,
      'sub/inner/deeper/d.txt': INNER_REPORT,
    });

  test('checking the outer folder lists no document of the inner corpus', () => {
    const { status, output } = check(nested());
    assert.equal(status, 0, 'no inner report is judged by the outer registry (source: rfi is unknown there)');
    assert.equal(output.documents, 2);
    assert.deepEqual(
      output.diagnostics.filter((d) => d.file.startsWith('sub/inner/')),
      [],
    );
  });

  test('checking the inner folder reads its own documents with its own registry', () => {
    const { status, output } = check(path.join(nested(), 'sub', 'inner'));
    assert.equal(status, 1);
    assert.equal(output.documents, 2);
    // @rfi is known there; @jnim, known only to the outer registry, is not.
    assert.deepEqual(
      output.diagnostics.map((d) => [d.file, d.code, d.message.includes('@jnim')]),
      [
        ['c.txt', 'unknown-entity', true],
        ['deeper/d.txt', 'unknown-entity', true],
      ],
    );
  });

  test('outer globs that name the inner registry do not read it as a report', async () => {
    const dir = nested();
    fs.writeFileSync(path.join(dir, REGISTRY_FILE), REGISTRY.replace('["**/*.txt"]', '["**/*.txt", "**/*.yaml"]'));
    assert.deepEqual((await loadCorpus(dir)).files(), ['a.txt', 'sub/b.txt']);
  });
});

describe('a documents glob that matches nothing', () => {
  test('is an empty-glob warning on the pattern, naming the folder it looked in and where such files are', () => {
    const registry = REGISTRY.replace('["**/*.txt"]', '["reports/*.txt"]');
    const dir = corpusFolder({ [REGISTRY_FILE]: registry, 'seeds/a.txt': REPORT, 'seeds/b.txt': REPORT, 'notes.txt': 'notes' });
    const { status, output } = check(dir);
    assert.equal(status, 0, 'a warning: check passes');
    assert.equal(output.documents, 0);
    const found = withCode(output, 'empty-glob');
    assert.equal(found.length, 1);
    const [warning] = found;
    const at = lineColumnOf(registry, '"reports/*.txt"');
    assert.deepEqual([warning?.file, warning?.line, warning?.column, warning?.endColumn, warning?.severity], [REGISTRY_FILE, at.line, at.column, at.column + '"reports/*.txt"'.length, 'warning']);
    assert.match(warning?.message ?? '', /reports\//);
    assert.match(warning?.message ?? '', /3 \.txt files/);
    assert.match(warning?.message ?? '', /seeds\/ \(2\)/);
  });

  test('only the pattern that matches nothing is reported', () => {
    const registry = REGISTRY.replace('["**/*.txt"]', '["seeds/*.txt", "archive/**/*.txt"]');
    const dir = corpusFolder({ [REGISTRY_FILE]: registry, 'seeds/a.txt': REPORT, 'archive/README.md': 'old reports go here' });
    const { output } = check(dir);
    assert.equal(output.documents, 1);
    const found = withCode(output, 'empty-glob');
    assert.deepEqual(found.map((d) => d.column), [lineColumnOf(registry, '"archive/**/*.txt"').column]);
    assert.match(found[0]?.message ?? '', /archive\//);
  });

  test('a pattern whose files all belong to a nested corpus says so', () => {
    const dir = corpusFolder({ [REGISTRY_FILE]: REGISTRY, 'inner/corroborate.yaml': REGISTRY, 'inner/a.txt': REPORT });
    const [warning] = withCode(check(dir).output, 'empty-glob');
    assert.match(warning?.message ?? '', /own corroborate\.yaml/);
    assert.match(warning?.message ?? '', /inner\/ \(1\)/);
  });

  test('a pattern written with ./, a doubled or a trailing / reads as the glob does: no warning when it finds the reports', () => {
    const patterns = ['./seeds/*.txt', 'seeds//*.txt', 'seeds/./*.txt', 'seeds/*.txt/'];
    for (const pattern of patterns) {
      const dir = corpusFolder({ [REGISTRY_FILE]: REGISTRY.replace('["**/*.txt"]', JSON.stringify([pattern])), 'seeds/a.txt': REPORT });
      const { output } = check(dir);
      assert.deepEqual([output.documents, withCode(output, 'empty-glob').map((d) => d.message)], [1, []], pattern);
    }
  });

  test('a pattern that matches only corroborate.yaml says so, rather than that it matches no file', () => {
    const dir = corpusFolder({ [REGISTRY_FILE]: REGISTRY.replace('["**/*.txt"]', '["*.txt", "*.yaml"]'), 'a.txt': REPORT });
    const found = withCode(check(dir).output, 'empty-glob');
    assert.equal(found.length, 1);
    assert.match(found[0]?.message ?? '', /^`\*\.yaml` matches no report, only corroborate\.yaml itself/);
  });

  test('a pattern written with Windows backslashes is told that folders are separated by /', () => {
    const dir = corpusFolder({ [REGISTRY_FILE]: REGISTRY.replace('["**/*.txt"]', JSON.stringify(['seeds\\*.txt'])), 'seeds/a.txt': REPORT });
    const [warning] = withCode(check(dir).output, 'empty-glob');
    assert.match(warning?.message ?? '', /separate folders with \/, as in seeds\/\*\.txt/);
  });

  test('a pattern that matches is not reported, nor a corpus whose globs are refused', () => {
    assert.deepEqual(withCode(check(corpusFolder({ [REGISTRY_FILE]: REGISTRY, 'a.txt': REPORT })).output, 'empty-glob'), []);
    const escaping = corpusFolder({ [REGISTRY_FILE]: REGISTRY.replace('["**/*.txt"]', '["../*.txt"]') });
    assert.deepEqual(withCode(check(escaping).output, 'empty-glob'), []);
  });
});
