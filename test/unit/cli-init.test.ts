// `corroborate init`: a starter corpus a newcomer can read, that checks
// clean as written; never a replaced registry; and with --adopt, front
// matter for the reports already there without a byte of their text changed.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { articleText, parseDocument } from '../../server/src/engine/parser';
import { DEFAULT_VAGUE } from '../../server/src/engine/read/counts';
import { readRegistry } from '../../server/src/engine/registry';
import { run, tempFolder, writeCorpus } from '../support/cli';

interface CheckOutput {
  documents: number;
  diagnostics: { file: string; line: number; severity: string; code: string; message: string }[];
}

function checkJson(root: string): CheckOutput {
  return JSON.parse(run(['check', root, '--format', 'json']).stdout) as CheckOutput;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The article of a file on disk (front matter and markup removed), as bytes, with its byte-order mark if it has one. */
function articleBytes(file: string): Buffer {
  const bytes = fs.readFileSync(file);
  const hasBom = bytes.subarray(0, 3).equals(BOM);
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  const article = Buffer.from(articleText(parseDocument(text)).text, 'utf8');
  return hasBom ? Buffer.concat([BOM, article]) : article;
}

void describe('corroborate init', () => {
  void test('creates DIR and a commented corroborate.yaml that checks without errors', () => {
    const parent = tempFolder();
    const result = run(['init', 'mycorpus'], parent);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^Created mycorpus\/corroborate\.yaml: /);
    assert.match(result.stdout, /corroborate check mycorpus/);
    const root = path.join(parent, 'mycorpus');
    const check = run(['check', root, '--format', 'json']);
    assert.equal(check.status, 0);
    const { diagnostics } = JSON.parse(check.stdout) as CheckOutput;
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'warning' && d.code !== 'empty-glob'), []);
  });

  void test('the starter registry has the sections a newcomer needs, each introduced by a comment', () => {
    const root = tempFolder();
    assert.equal(run(['init', root]).status, 0);
    const text = fs.readFileSync(path.join(root, 'corroborate.yaml'), 'utf8');
    const registry = readRegistry(text);
    assert.deepEqual(registry.diagnostics, []);
    assert.deepEqual(registry.documents.map((d) => d.value), ['**/*.txt']);
    for (const key of ['killed', 'casualties', 'captured', 'date', 'place', 'outcome']) assert.ok(registry.properties.has(key), `no ${key} property`);
    const entities = [...registry.entities.values()];
    assert.ok(entities.some((e) => e.section === 'actor' && e.kind === 'media'), 'no outlet');
    assert.ok(entities.some((e) => e.section === 'actor' && e.anonymous && /local sources/i.test(e.name)), 'no anonymous local sources');
    assert.equal(entities.filter((e) => e.section === 'event').length, 1);
    const lines = text.split('\n');
    for (const section of ['documents', 'properties', 'actors', 'places', 'events']) {
      const at = lines.findIndex((line) => line.startsWith(`${section}:`));
      assert.ok(at > 0, `no ${section}: section`);
      assert.match(lines[at - 1] ?? '', /^# /, `${section}: has no comment above it`);
    }
  });

  void test('the starter registry shows measure: and cues:, and its commented estimate: and vague: examples are valid once uncommented', () => {
    const root = tempFolder();
    run(['init', root]);
    const text = fs.readFileSync(path.join(root, 'corroborate.yaml'), 'utf8');
    const registry = readRegistry(text);
    for (const [key, measure] of [['killed', 'fatalities'], ['casualties', 'casualties'], ['captured', 'prisoners']]) {
      const property = registry.properties.get(key);
      assert.ok(property, `no ${key}`);
      assert.equal(property.measure?.value, measure, `${key} has no measure ${measure}`);
      // A few cues in French, English and Arabic.
      assert.ok(property.cues.some((c) => /[\u0600-\u06ff]/.test(c.value)) && property.cues.length >= 3, `${key} has too few cues`);
    }
    assert.deepEqual([...(registry.properties.get('outcome')?.valueCues.keys() ?? [])], ['captured', 'repelled', 'withdrawn']);
    assert.match(text, /docs\/assist\.md/, 'no pointer to the vague defaults');
    const uncommented = text.replace(/^(\s*)# (estimate: .*)$/m, '$1$2').replace(/^# (vague:| {2}\S.*: ".*")$/gm, '$1');
    assert.notEqual(uncommented, text);
    const edited = readRegistry(uncommented);
    assert.deepEqual(edited.diagnostics, []);
    assert.deepEqual([...(edited.entities.get('example-attack')?.estimate.keys() ?? [])], ['killed', 'outcome']);
    assert.equal(edited.vague.size, 2);
  });

  void test('what the starter registry says a vague phrase stands for by default is the default the readers use', () => {
    const root = tempFolder();
    run(['init', root]);
    const text = fs.readFileSync(path.join(root, 'corroborate.yaml'), 'utf8');
    const stated = [...text.matchAll(/"([^"]+)" is (\S+) unless you say otherwise/g)].map((m) => [m[1], m[2]]);
    assert.notDeepEqual(stated, [], 'the starter names no default');
    for (const [phrase, value] of stated) assert.equal(value, DEFAULT_VAGUE.find((d) => d.phrase === phrase)?.value, `"${phrase}"`);
  });

  void test('the starter corpus finds a contradiction between two reports written with its ids', () => {
    const root = tempFolder();
    run(['init', root]);
    writeCorpus({
      'reports/a.txt': '---\nsource: example-agency\n---\n[Local sources]{@local-sources} said [the town was taken]{claim by=@local-sources event=@example-attack outcome=captured}.\n',
      'reports/b.txt': '---\nsource: example-agency\n---\n[The army]{@example-army} said it [repelled the attack]{claim by=@example-army event=@example-attack outcome=repelled killed=~12}.\n',
    }, root);
    const check = checkJson(root);
    assert.equal(check.documents, 2);
    assert.deepEqual(check.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.deepEqual(
      check.diagnostics.filter((d) => d.code === 'conflicting-claims').map((d) => d.file),
      ['reports/a.txt', 'reports/b.txt'],
    );
  });

  void test('over an existing corroborate.yaml it exits 2 and changes nothing, --adopt included', () => {
    const root = writeCorpus({ 'corroborate.yaml': 'documents: ["*.txt"]\n', 'plain.txt': 'Un rapport sans front matter.\n' });
    const past = new Date('2020-01-02T03:04:05Z');
    for (const name of ['corroborate.yaml', 'plain.txt']) fs.utimesSync(path.join(root, name), past, past);
    const before = fs.readdirSync(root).map((name) => [name, fs.readFileSync(path.join(root, name), 'utf8'), fs.statSync(path.join(root, name)).mtimeMs]);
    for (const args of [['init', root], ['init', root, '--adopt'], ['init', '--adopt', '--published-from-mtime']]) {
      const result = run(args, root);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^corroborate: [^\n]*corroborate\.yaml exists already[^\n]*\n$/);
      const after = fs.readdirSync(root).map((name) => [name, fs.readFileSync(path.join(root, name), 'utf8'), fs.statSync(path.join(root, name)).mtimeMs]);
      assert.deepEqual(after, before);
    }
  });

  void test('a DIR that is a file, or --published-from-mtime without --adopt, is a usage error that creates nothing', () => {
    const root = tempFolder();
    fs.writeFileSync(path.join(root, 'file'), 'x');
    const file = run(['init', path.join(root, 'file')]);
    assert.equal(file.status, 2);
    assert.match(file.stderr, /^corroborate: [^\n]*is not a folder\n$/);
    const flags = run(['init', path.join(root, 'new'), '--published-from-mtime']);
    assert.equal(flags.status, 2);
    assert.match(flags.stderr, /--published-from-mtime goes with --adopt/);
    assert.deepEqual(fs.readdirSync(root), ['file']);
  });
});

void describe('corroborate init --adopt', () => {
  const reports: Record<string, Buffer> = {
    'bom-crlf.txt': Buffer.concat([BOM, Buffer.from('Le [camp] de Niafunké a été attaqué.\r\nSelon l\'armée, l\'assaut a été repoussé.\r\n', 'utf8')]),
    'lone-cr.txt': Buffer.from('Première ligne.\rDeuxième ligne 🙂.\r', 'utf8'),
    'arabic.txt': Buffer.from('قال الجيش المالي إنه صد الهجوم.\nسطر ثان\n', 'utf8'),
    'no-break.txt': Buffer.from('Une seule ligne sans fin', 'utf8'),
    'empty.txt': Buffer.alloc(0),
    'sub/deeper/nested.txt': Buffer.from('Un rapport rangé plus bas.\n', 'utf8'),
    'latin1.txt': Buffer.from([0x4e, 0x69, 0x61, 0x66, 0x75, 0x6e, 0x6b, 0xe9, 0x0a]),
  };
  const untouched: Record<string, Buffer> = {
    'has-front-matter.txt': Buffer.from('---\nsource: afp\n---\nDéjà annoté.\n', 'utf8'),
    'open-front-matter.txt': Buffer.from('---\nsource: afp\nLe reste.\n', 'utf8'),
    'binary.txt': Buffer.from([0x00, 0x01, 0x02, 0x03]),
    'notes.md': Buffer.from('Pas un rapport.\n', 'utf8'),
  };

  function adoptFolder(extra: string[] = []): { root: string; stdout: string; status: number | null } {
    const root = writeCorpus({ ...reports, ...untouched });
    const result = run(['init', '.', '--adopt', ...extra], root);
    assert.equal(result.stderr, '');
    return { root, stdout: result.stdout, status: result.status };
  }

  void test('adds front matter in each file\'s own line ending, and the article gives back the original bytes', () => {
    const { root, status, stdout } = adoptFolder();
    assert.equal(status, 0);
    for (const [name, original] of Object.entries(reports)) {
      const file = path.join(root, ...name.split('/'));
      const bytes = fs.readFileSync(file);
      assert.ok(stdout.includes(`  ${name}\n`), `${name} is not listed as adopted`);
      const hasBom = original.subarray(0, 3).equals(BOM);
      const lineBreak = /\r\n/.test(original.toString('latin1')) ? '\r\n' : /\r/.test(original.toString('latin1')) ? '\r' : '\n';
      const frontMatter = `---${lineBreak}source:     # the outlet that published this report: an actor id from corroborate.yaml${lineBreak}---${lineBreak}`;
      const expected = Buffer.concat([hasBom ? BOM : Buffer.alloc(0), Buffer.from(frontMatter, 'utf8'), original.subarray(hasBom ? 3 : 0)]);
      assert.ok(bytes.equals(expected), `${name}: ${JSON.stringify(bytes.toString('utf8'))}`);
      if (name !== 'latin1.txt') assert.ok(articleBytes(file).equals(original), `${name}: the article differs from the original`);
    }
    for (const [name, original] of Object.entries(untouched)) assert.ok(fs.readFileSync(path.join(root, name)).equals(original), `${name} was changed`);
  });

  void test('the checker flags every source: left to fill, and nothing else in the adopted text', () => {
    const { root } = adoptFolder();
    const check = run(['check', root, '--format', 'json']);
    assert.equal(check.status, 1);
    const errors = (JSON.parse(check.stdout) as CheckOutput).diagnostics.filter((d) => d.severity === 'error');
    const adopted = Object.keys(reports);
    const onSource = errors.filter((d) => d.code === 'front-matter' && d.line === 2);
    assert.deepEqual(onSource.map((d) => d.file).sort(), adopted.sort());
    const others = errors.filter((d) => !onSource.includes(d)).map((d) => `${d.file} ${d.code}`);
    // The files left alone keep their own problems: an open front matter, a Latin-1 byte, an unknown outlet.
    assert.deepEqual(others.sort(), ['has-front-matter.txt unknown-entity', 'latin1.txt encoding', 'open-front-matter.txt front-matter']);
  });

  void test('keeps each file\'s modification time, and with --published-from-mtime writes it as published:', () => {
    const root = writeCorpus({ 'a.txt': 'Texte.\n', 'b.txt': 'Autre texte.\r\n' });
    const dates: Record<string, Date> = { 'a.txt': new Date(2023, 10, 25, 9, 30), 'b.txt': new Date(2024, 0, 2, 23, 59) };
    for (const [name, date] of Object.entries(dates)) fs.utimesSync(path.join(root, name), date, date);
    const result = run(['init', root, '--adopt', '--published-from-mtime']);
    assert.equal(result.status, 0);
    assert.equal(fs.readFileSync(path.join(root, 'a.txt'), 'utf8').split('\n')[2], 'published: 2023-11-25');
    assert.equal(fs.readFileSync(path.join(root, 'b.txt'), 'utf8').split('\r\n')[2], 'published: 2024-01-02');
    for (const [name, date] of Object.entries(dates)) assert.equal(fs.statSync(path.join(root, name)).mtimeMs, date.getTime());
    const check = checkJson(root);
    assert.deepEqual(check.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.line]), [['a.txt', 2], ['b.txt', 2]]);
  });

  void test('without --adopt, reports keep their bytes and the output says how to add front matter', () => {
    const root = writeCorpus(reports);
    const result = run(['init', '.'], root);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /7 reports without front matter/);
    assert.match(result.stdout, /--adopt/);
    for (const [name, original] of Object.entries(reports)) assert.ok(fs.readFileSync(path.join(root, ...name.split('/'))).equals(original), `${name} was changed`);
    assert.deepEqual(fs.readdirSync(root).filter((name) => name.startsWith('.')), [], 'no temporary file is left');
  });
});
