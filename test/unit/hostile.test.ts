// Hostile inputs an analyst may paste or a corpus may hold, each answered with
// a precise diagnostic (where one fits), in bounded time and memory, without
// a crash or a lost character: huge reports and lines, deep nesting, binary
// files, broken encodings, YAML built to explode, globs that reach out,
// symlink loops, and registries that are empty, a list, or 10 MB. Outcomes
// are asserted, never timings; timings and memory are printed as test notes.
// test/lsp/hostile.test.ts puts the same inputs to the language server.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { checkJson } from '../../server/src/cli/report';
import { Corpus } from '../../server/src/engine/corpus';
import { articleText } from '../../server/src/engine/parser';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { codeActions } from '../../server/src/features/codeActions';
import { complete } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { definition, prepareRename, references, rename } from '../../server/src/features/navigation';
import { documentSymbols, type DocumentSymbolNode } from '../../server/src/features/symbols';
import { loadCorpus } from '../../server/src/workspace/corpusFiles';
import { aliasBomb, HOSTILE_REGISTRY, hugeReport, lineColumn, nested } from '../hostileInputs';
import { removeFolder, tempFolder, writeCorpus } from '../support/tempFolder';

const BIN = path.join(__dirname, '..', '..', 'server', 'bin', 'corroborate.js');

const REGISTRY = HOSTILE_REGISTRY;

interface Reported {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

interface CheckOutput {
  readonly documents: number;
  readonly mentions: number;
  readonly claims: number;
  readonly diagnostics: readonly Reported[];
}

/** What `corroborate check --format json` prints for a corpus, computed in this process. */
async function check(dir: string): Promise<CheckOutput> {
  const corpus = await loadCorpus(dir);
  return JSON.parse(checkJson(corpus, corpus.allDiagnostics())) as CheckOutput;
}

/** The real program, for exit codes. */
function runCheck(dir: string): { status: number | null; output: CheckOutput | undefined; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, 'check', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, output: run.stdout ? (JSON.parse(run.stdout) as CheckOutput) : undefined, stderr: run.stderr };
}

function where(d: Reported): string {
  return `${d.file}:${d.line}:${d.column} ${d.code}`;
}

function expectAt(file: string, text: string, needle: string, code: string, nth = 0): string {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} in ${file}`);
  const { line, column } = lineColumn(text, at);
  return `${file}:${line}:${column} ${code}`;
}

function errors(output: CheckOutput): string[] {
  return output.diagnostics.filter((d) => d.severity === 'error').map(where);
}

function note(t: TestContext, what: string, started: number): void {
  const memory = process.memoryUsage();
  t.diagnostic(`${what}: ${Date.now() - started} ms, heap ${(memory.heapUsed / 1048576).toFixed(0)} MB, rss ${(memory.rss / 1048576).toFixed(0)} MB`);
}

/** Every feature the editor calls, at an offset: none may throw. */
function everyFeatureAt(corpus: Corpus, file: string, offset: number): void {
  hover(corpus, file, offset);
  complete(corpus, file, offset);
  definition(corpus, file, offset);
  references(corpus, file, offset, true);
  prepareRename(corpus, file, offset);
  rename(corpus, file, offset, 'renamed');
}

void describe('huge inputs', () => {
  void test('a 20 MB report: read whole, its last error at its line and column, every hint counted', async (t) => {
    const report = hugeReport(20);
    const dir = writeCorpus({ [REGISTRY_FILE]: REGISTRY, 'big.txt': report.text });
    const started = Date.now();
    const output = await check(dir);
    note(t, `${(report.text.length / 1048576).toFixed(1)} MB report checked`, started);
    assert.equal(output.documents, 1);
    assert.equal(output.claims, report.claims);
    assert.deepEqual(errors(output), [expectAt('big.txt', report.text, report.typo, 'bad-value')]);
    assert.equal(output.diagnostics.filter((d) => d.code === 'unannotated-mention').length, report.unannotated);
    removeFolder(dir);
  });

  void test('50,000 {skip} spans holding @ids: references and rename find every one', (t) => {
    const text = `${'[Un lecteur : le [JNIM]{@jnim} ment]{skip} '.repeat(50_000)}\n`;
    const corpus = new Corpus(REGISTRY);
    corpus.setDocument('comments.txt', text);
    const started = Date.now();
    assert.equal(references(corpus, REGISTRY_FILE, REGISTRY.indexOf('jnim:'), false).length, 50_000);
    const renamed = rename(corpus, REGISTRY_FILE, REGISTRY.indexOf('jnim:'), 'gsim');
    assert.ok('edits' in renamed);
    assert.equal(renamed.edits.length, 50_001, 'every @jnim and the registry key');
    note(t, 'references and rename', started);
  });

  void test('a 1 MB line: diagnostics at columns past a million, counted in UTF-16 units after emoji', async () => {
    const sentence = 'Le [JNIM]{@jnim} 😀 dit [avoir pris le camp]{claim by=@jnim event=@attack outcome=captured}. ';
    const line = sentence.repeat(Math.ceil(1_000_000 / sentence.length)) + '[fin]{@jnimm}';
    const text = `---\nsource: afp\n---\n${line}\n`;
    const output = await check(writeCorpus({ [REGISTRY_FILE]: REGISTRY, 'line.txt': text }));
    const [typo] = output.diagnostics.filter((d) => d.code === 'unknown-entity');
    assert.deepEqual(where(typo), expectAt('line.txt', text, '@jnimm', 'unknown-entity'));
    assert.ok(typo.column > 1_000_000);
    assert.equal(output.claims, Math.ceil(1_000_000 / sentence.length));
  });
});

void describe('100,000 nested brackets', () => {
  const depth = 100_000;
  const cases: [string, string, (corpus: Corpus) => void][] = [
    [
      'plain brackets around an alias',
      nested(depth, 'JNIM', ']'),
      (corpus) => {
        const all = corpus.diagnostics('deep.txt');
        assert.deepEqual(all.map((d) => d.code), ['unannotated-mention'], 'plain brackets are text: only the alias is hinted');
        assert.equal(articleText(corpus.document('deep.txt')?.parsed ?? assert.fail()).text.length, 2 * depth + 5);
      },
    ],
    [
      'nested mentions',
      nested(depth, 'JNIM', ']{@jnim}'),
      (corpus) => {
        const codes = corpus.diagnostics('deep.txt').map((d) => d.code);
        assert.equal(codes.length, depth - 32, 'every span past 32 deep is reported, once');
        assert.ok(codes.every((code) => code === 'syntax'));
        const symbols = documentSymbols(corpus, 'deep.txt');
        let levels = 0;
        let count = 0;
        const pending: [DocumentSymbolNode, number][] = symbols.map((s) => [s, 1]);
        for (let next = pending.pop(); next; next = pending.pop()) {
          count++;
          levels = Math.max(levels, next[1]);
          for (const child of next[0].children) pending.push([child, next[1] + 1]);
        }
        assert.equal(count, depth, 'one outline entry per span');
        assert.ok(levels <= 33, `the outline is ${levels} deep`);
      },
    ],
    [
      'nested claims without an event',
      nested(depth, 'x', ']{claim by=@jnim outcome=captured}'),
      (corpus) => {
        const counts = new Map<string, number>();
        for (const d of corpus.allDiagnostics()) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
        assert.equal(counts.get('missing-event'), depth);
        assert.equal(counts.get('syntax'), depth - 32);
      },
    ],
  ];
  for (const [name, text, expect] of cases) {
    void test(`${name}: reported, and every editor feature answers`, (t) => {
      const started = Date.now();
      const corpus = new Corpus(REGISTRY);
      corpus.setDocument('deep.txt', text);
      expect(corpus);
      for (const offset of [0, depth / 2, depth, depth + 2, text.length - 3, text.length]) everyFeatureAt(corpus, 'deep.txt', offset);
      const all = corpus.diagnostics('deep.txt');
      for (const diagnostic of all.slice(0, 3)) codeActions(corpus, 'deep.txt', diagnostic, all.filter((d) => d.start <= diagnostic.end && diagnostic.start <= d.end));
      note(t, name, started);
    });
  }
});

void describe('files that are not UTF-8 text', () => {
  void test('a binary file the globs match is skipped: not counted, no diagnostic, the others read', async () => {
    const binary = Buffer.concat([Buffer.from('%PDF-1.7\n[JNIM]{@nobody}\n'), Buffer.alloc(16, 0), Buffer.from([0xff, 0xfe, 0x00, 0x01]), Buffer.alloc(2_000_000, 0x41), Buffer.from([0])]);
    const dir = writeCorpus({ [REGISTRY_FILE]: REGISTRY, 'scan.txt': binary, 'late-nul.txt': Buffer.concat([Buffer.from('[x]{@nobody} '.repeat(100_000)), Buffer.from([0])]), 'ok.txt': '---\nsource: afp\n---\n[x]{@jnimm}\n' });
    const output = await check(dir);
    assert.equal(output.documents, 1);
    assert.deepEqual(output.diagnostics.filter((d) => d.file !== REGISTRY_FILE).map((d) => d.file), ['ok.txt']);
  });

  const latin1 = (text: string) => Buffer.from(text, 'latin1');
  const report = '---\r\nsource: afp\r\n---\r\nLes FAMa ont repoussé l’assaut du JNIM, dit [l’armée]{@jnimm}.\r\n';

  void test('Latin-1 and broken UTF-8: an encoding error at the first bad byte, line and column as the editor counts', async () => {
    const cases: [string, Buffer][] = [
      // In Latin-1, the é of "repoussé" is the byte 0xE9: the first that is not UTF-8.
      ['latin1.txt', latin1(report.replaceAll('’', "'"))],
      ['truncated.txt', Buffer.concat([Buffer.from(report), Buffer.from([0xe2, 0x80])])],
      ['overlong.txt', Buffer.concat([Buffer.from('😀 x\r\n\r\ny'), Buffer.from([0xc0, 0xaf]), Buffer.from('z')])],
      ['surrogate.txt', Buffer.concat([Buffer.from('ab\rc'), Buffer.from([0xed, 0xa0, 0x80])])],
    ];
    const dir = writeCorpus({ [REGISTRY_FILE]: REGISTRY, ...Object.fromEntries(cases) });
    const output = await check(dir);
    for (const [file, bytes] of cases) {
      // The first bad byte decodes to the first replacement character.
      const decoded = new TextDecoder().decode(bytes);
      assert.deepEqual(output.diagnostics.filter((d) => d.file === file && d.code === 'encoding').map(where), [expectAt(file, decoded, '\uFFFD', 'encoding')], file);
    }
  });

  void test('no edit is ever offered on a file with invalid UTF-8: no quick fix, no rename touching it', async () => {
    const other = '---\nsource: afp\n---\nLe [JNIM]{@jnim} et [FAMa]{@fama}. GSIM.\n';
    const dir = writeCorpus({ [REGISTRY_FILE]: REGISTRY, 'latin1.txt': latin1(report.replaceAll('’', "'")), 'other.txt': other });
    const corpus = await loadCorpus(dir);
    const broken = corpus.diagnostics('latin1.txt');
    assert.ok(['encoding', 'unknown-entity', 'unannotated-mention'].every((code) => broken.some((d) => d.code === code)), 'the file still gets its diagnostics');
    for (const diagnostic of broken) assert.deepEqual(codeActions(corpus, 'latin1.txt', diagnostic, broken), [], diagnostic.code);
    const text = corpus.document('latin1.txt')?.text ?? '';
    for (let offset = 0; offset <= text.length; offset += 7) {
      assert.ok('error' in rename(corpus, 'latin1.txt', offset, 'renamed'), `rename at ${offset} of latin1.txt`);
    }
    // @fama is referenced in other.txt only; @afp, the source, in both.
    assert.ok('edits' in rename(corpus, 'other.txt', other.indexOf('@fama') + 1, 'forces'), 'an id the broken file does not use can be renamed');
    const renameAfp = rename(corpus, 'other.txt', other.indexOf('afp'), 'agence');
    assert.ok('error' in renameAfp && renameAfp.error.includes('latin1.txt'), 'an id the broken file uses cannot: the rename would edit it');
  });

  void test('a UTF-16 corroborate.yaml, or one with a NUL byte: an encoding error at the first byte that is not UTF-8 text, not only a registry error that it is no mapping', async () => {
    const registry = 'documents: ["*.txt"]\nactors:\n  afp: { name: AFP }\n';
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(registry, 'utf16le')]);
    const withoutBom = Buffer.from(registry, 'utf16le');
    for (const [name, bytes, at] of [['UTF-16 with its BOM', withBom, 0], ['UTF-16 without a BOM', withoutBom, 1]] as const) {
      const output = await check(writeCorpus({ [REGISTRY_FILE]: bytes, 'a.txt': '---\nsource: afp\n---\nTexte.\n' }));
      const encoding = output.diagnostics.filter((d) => d.code === 'encoding');
      assert.deepEqual(encoding.map(where), [`${REGISTRY_FILE}:1:${at + 1} encoding`], name);
      assert.match(encoding[0]?.message ?? '', /UTF-8/, name);
    }
  });

  void test('a Latin-1 corroborate.yaml: an encoding error on it, and no quick fix or rename writes to it', async () => {
    const registry = latin1(REGISTRY.replace('name: Attack on the camp', 'name: Attaque du camp à Niafunké'));
    const dir = writeCorpus({ [REGISTRY_FILE]: registry, 'a.txt': '---\nsource: afp\n---\n[x]{@jnimm} [y]{claim by=@jnim event=@attack outcome=captured} [z]{claim by=@fama event=@attack outcome=repelled}\n' });
    const corpus = await loadCorpus(dir);
    const output = JSON.parse(checkJson(corpus, corpus.allDiagnostics())) as CheckOutput;
    assert.deepEqual(output.diagnostics.filter((d) => d.code === 'encoding').map(where), [expectAt(REGISTRY_FILE, corpus.registry.text, '\uFFFD', 'encoding')]);
    const all = corpus.diagnostics('a.txt');
    const actions = all.flatMap((d) => codeActions(corpus, 'a.txt', d, all));
    assert.ok(actions.some((a) => a.title.startsWith('Change to')), 'fixes inside the document are still offered');
    assert.deepEqual(actions.flatMap((a) => a.edits).filter((e) => e.file === REGISTRY_FILE), [], 'none writes to corroborate.yaml');
    assert.ok('error' in rename(corpus, 'a.txt', corpus.document('a.txt')?.text.indexOf('@jnim') ?? 0, 'renamed'));
  });
});

void describe('YAML built to explode', () => {
  interface Case {
    readonly name: string;
    readonly yaml: string;
    /** What the diagnostic says. */
    readonly problem: RegExp;
    /** Whether the YAML around it is still read (a tag or a bomb), or refused whole like a syntax error (nesting). */
    readonly restRead: boolean;
  }
  const cases: Case[] = [
    { name: 'an alias bomb (10^9 nodes once expanded)', yaml: aliasBomb('lol'), problem: /too many nodes/, restRead: true },
    { name: 'an alias inside the node it names', yaml: 'loop: &x [a, *x]\n', problem: /inside the node it names/, restRead: true },
    { name: '100,000 nested flow sequences', yaml: `deep: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, problem: /nested deeper than 100 levels/, restRead: false },
    { name: '2,000 nested block mappings', yaml: `${Array.from({ length: 2000 }, (_, k) => `${' '.repeat(k)}k:`).join('\n')} x\n`, problem: /nested deeper than 100 levels/, restRead: false },
    { name: '20,000 aliases of one anchor', yaml: `many: [&n one, ${Array.from({ length: 20_000 }, () => '*n').join(', ')}]\n`, problem: /`many`/, restRead: true },
    { name: 'a !!js/function tag', yaml: 'fn: !!js/function "function () { globalThis.pwned = true }"\n', problem: /Unresolved tag: tag:yaml.org,2002:js\/function/, restRead: true },
    { name: 'a !!python/object/apply tag', yaml: 'obj: !!python/object/apply:os.system ["touch /tmp/pwned"]\n', problem: /Unresolved tag: tag:yaml.org,2002:python\/object\/apply:os.system/, restRead: true },
    { name: 'a custom tag', yaml: 'custom: !include ../../etc/passwd\n', problem: /Unresolved tag: !include/, restRead: true },
  ];
  for (const { name, yaml, problem, restRead } of cases) {
    void test(`${name}, in corroborate.yaml: a registry error${restRead ? ', the rest still read' : ''}`, async (t) => {
      const started = Date.now();
      const registry = `documents: ["*.txt"]\n${yaml}actors:\n  afp: { name: AFP }\n`;
      const output = await check(writeCorpus({ [REGISTRY_FILE]: registry, 'a.txt': '[Texte]{@afpp}\n' }));
      note(t, name, started);
      assert.ok(output.diagnostics.some((d) => d.file === REGISTRY_FILE && d.code === 'registry' && problem.test(d.message)), JSON.stringify(output.diagnostics.map((d) => d.message)));
      if (restRead) {
        assert.equal(output.documents, 1, 'the documents glob is still read');
        assert.match(output.diagnostics.find((d) => d.code === 'unknown-entity')?.message ?? '', /did you mean @afp/, 'and the actors');
      }
    });
    void test(`${name}, in front matter: a front matter error${restRead ? ', the source still read' : ''}`, async (t) => {
      const started = Date.now();
      const document = `---\nsource: afp\n${yaml}---\n[Le camp est pris]{claim event=@attack outcome=captured}\n`;
      const output = await check(writeCorpus({ [REGISTRY_FILE]: REGISTRY, 'a.txt': document }));
      note(t, name, started);
      assert.ok(output.diagnostics.some((d) => d.code === 'front-matter' && problem.test(d.message)), JSON.stringify(output.diagnostics.map((d) => d.message)));
      // With its source read, the claim has a claimant.
      assert.equal(output.diagnostics.some((d) => d.code === 'missing-claimant'), !restRead);
    });
  }

  void test('a tag is reported at the tag itself', async () => {
    const registry = `documents: ["*.txt"]\nactors:\n  afp: { name: !!js/function "function () {}" }\n`;
    const output = await check(writeCorpus({ [REGISTRY_FILE]: registry }));
    assert.deepEqual(output.diagnostics.filter((d) => d.code === 'registry').map(where), [expectAt(REGISTRY_FILE, registry, '!!js/function', 'registry')]);
  });

  void test('an alias that names no anchor before it is reported at the alias, never dropped with its entry', async () => {
    // A typo in the anchor's name, and an alias written above its anchor: YAML reads neither.
    const registry = `documents: ["*.txt"]\nactors:\n  afp: { name: AFP, kind: media, aliases: *afp-names }\n  fama: *army\n  jnim: &army { name: JNIM }\n`;
    const document = '---\nsource: *afp\n---\nTexte.\n';
    const output = await check(writeCorpus({ [REGISTRY_FILE]: registry, 'a.txt': document }));
    assert.deepEqual(
      output.diagnostics.filter((d) => d.code === 'registry' || d.code === 'front-matter').map(where),
      [expectAt('a.txt', document, '*afp', 'front-matter'), expectAt(REGISTRY_FILE, registry, '*afp-names', 'registry'), expectAt(REGISTRY_FILE, registry, '*army', 'registry')],
    );
  });
});

void describe('globs and links that reach out of the corpus folder', () => {
  void test('a glob that climbs out is refused at the glob, and nothing outside is read', async () => {
    const outer = tempFolder('outside');
    fs.writeFileSync(path.join(outer, 'secret.txt'), 'SECRET [JNIM]{@nobody}\n');
    const dir = path.join(outer, 'corpus');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'ok.txt'), '---\nsource: afp\n---\nTexte.\n');
    const escaping = ['../*.txt', '../../**/*.txt', 'sub/../../*.txt', '..\\*.txt', '..{,}/**/*.txt', `${outer}/*.txt`, '/etc/*', '~/*.txt', 'C:/Windows/*.txt', '\\\\server\\share\\*.txt'];
    const registry = `documents: [${['*.txt', ...escaping].map((g) => JSON.stringify(g)).join(', ')}]\nactors:\n  afp: { name: AFP }\n`;
    fs.writeFileSync(path.join(dir, REGISTRY_FILE), registry);
    const output = await check(dir);
    const refused = output.diagnostics.filter((d) => d.code === 'registry');
    assert.deepEqual(
      refused.map(where),
      escaping.map((glob) => expectAt(REGISTRY_FILE, registry, JSON.stringify(glob), 'registry')),
    );
    assert.equal(output.documents, 1);
    assert.ok(!output.diagnostics.some((d) => d.file.includes('secret') || d.message.includes('nobody')), 'the file outside is never read');
  });

  void test('brace and bracket globs that spell .. read nothing outside', async () => {
    const outer = tempFolder('outside');
    fs.writeFileSync(path.join(outer, 'secret.txt'), 'SECRET [JNIM]{@nobody}\n');
    const dir = path.join(outer, 'corpus');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, REGISTRY_FILE), 'documents: ["{..,.}/*.txt", "[.][.]/*.txt", "@(..)/*.txt", ".?/*.txt"]\n');
    const output = await check(dir);
    assert.equal(output.documents, 0);
    assert.ok(!output.diagnostics.some((d) => d.message.includes('nobody') || d.message.includes('secret')));
  });

  void test('a link out of the folder is reported at the glob that matched it', async () => {
    const outer = tempFolder('outside');
    fs.writeFileSync(path.join(outer, 'secret.txt'), 'dehors\n');
    const dir = path.join(outer, 'corpus');
    fs.mkdirSync(path.join(dir, 'reports'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'a.txt'), '---\nsource: afp\n---\nTexte.\n');
    fs.symlinkSync(path.join(outer, 'secret.txt'), path.join(dir, 'reports', 'out.txt'));
    const registry = 'documents: ["*.txt", "notes/*.md", "reports/*.txt"]\nactors:\n  afp: { name: AFP }\n';
    fs.writeFileSync(path.join(dir, REGISTRY_FILE), registry);
    const output = await check(dir);
    assert.deepEqual(output.diagnostics.filter((d) => d.code === 'registry').map(where), [expectAt(REGISTRY_FILE, registry, '"reports/*.txt"', 'registry')]);
  });

  void test('a symlink loop ends: each real file is read once, a link out is reported', async () => {
    const outer = tempFolder('links');
    fs.writeFileSync(path.join(outer, 'outside.txt'), 'dehors\n');
    const dir = path.join(outer, 'corpus');
    fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, REGISTRY_FILE), 'documents: ["**/*.txt"]\nactors:\n  afp: { name: AFP }\n');
    fs.writeFileSync(path.join(dir, 'a.txt'), '[x]{@nobody}\n');
    fs.writeFileSync(path.join(dir, 'sub', 'b.txt'), 'b\n');
    fs.symlinkSync('..', path.join(dir, 'sub', 'up'));
    fs.symlinkSync('.', path.join(dir, 'here'));
    fs.symlinkSync('self', path.join(dir, 'self'));
    fs.symlinkSync('loop2.txt', path.join(dir, 'loop1.txt'));
    fs.symlinkSync('loop1.txt', path.join(dir, 'loop2.txt'));
    fs.symlinkSync(path.join(outer, 'outside.txt'), path.join(dir, 'out.txt'));
    const corpus = await loadCorpus(dir);
    // The two links that lead to each other are named like reports: each is an unreadable document, not one passed over.
    assert.deepEqual(corpus.files(), ['a.txt', 'loop1.txt', 'loop2.txt', 'sub/b.txt']);
    for (const loop of ['loop1.txt', 'loop2.txt']) {
      const [problem, ...more] = corpus.diagnostics(loop);
      assert.equal(more.length, 0);
      assert.equal(problem?.code, 'unreadable');
      assert.match(problem?.message ?? '', /leads back to itself/);
    }
    assert.deepEqual(corpus.diagnostics('a.txt').map((d) => d.code), ['unknown-entity']);
    // The link out is reported once, under the first path that reaches it (out.txt, or here/out.txt through the loop).
    const linksOut = corpus.diagnostics(REGISTRY_FILE).filter((d) => d.code === 'registry');
    assert.equal(linksOut.length, 1);
    assert.match(linksOut[0].message, /^(here\/)?out\.txt links to a file outside the corpus folder/);
  });
});

void describe('corroborate.yaml that is not a registry', () => {
  const manyActors = Array.from({ length: 200_000 }, (_, k) => `  a${k}: { name: Actor number ${k} with a long name }`).join('\n');
  const cases: [string, string, string, RegExp][] = [
    ['empty', '', '', /must be a mapping/],
    ['only a comment and blank lines', '# nothing yet\n\n', '#', /must be a mapping/],
    ['a list', '- documents\n- "*.txt"\n', '- documents', /must be a mapping/],
    ['a scalar', '"documents: *.txt"\n', '"documents', /must be a mapping/],
    ['null', 'null\n', 'null', /must be a mapping/],
    ['10 MB of entries', `documents: ["*.txt"]\nactors:\n${manyActors}\n`, 'documents', /is 1\d\.\d MB; the limit is 4 MB/],
    ['10 MB on one line', `documents: ["*.txt"]\n# ${'x'.repeat(10 * 1024 * 1024)}\n`, 'documents', /is 10\.0 MB; the limit is 4 MB/],
  ];
  for (const [name, registry, at, message] of cases) {
    void test(`${name}: exit 1 with a registry error at \`${at || 'the start'}\`, no document read`, (t) => {
      const started = Date.now();
      const { status, output, stderr } = runCheck(writeCorpus({ [REGISTRY_FILE]: registry, 'a.txt': '[x]{@jnim}\n' }));
      note(t, name, started);
      assert.equal(status, 1, stderr);
      assert.ok(output, 'a JSON report');
      const problems = output.diagnostics.filter((d) => d.code === 'registry');
      assert.deepEqual(problems.map(where), [at === '' ? `${REGISTRY_FILE}:1:1 registry` : expectAt(REGISTRY_FILE, registry, at, 'registry')]);
      assert.match(problems[0].message, message);
      assert.equal(output.documents, 0);
    });
  }
});
