// Every diagnostic code of DESIGN.md, triggered on a small corpus written to
// a temp folder and read back the way `corroborate check --format json` reads
// it (loadCorpus + checkJson, and the real program for the contract itself):
// each fault must land on its exact characters, and a valid input must not
// raise it.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkJson } from '../../server/src/cli/report';
import { loadCorpus } from '../../server/src/workspace/corpusFiles';

const BIN = path.join(__dirname, '..', '..', 'server', 'bin', 'corroborate.js');

const REGISTRY = `documents: ["*.txt", "reports/**/*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled, withdrawn], compatible: [[captured, withdrawn]] }
  killed: { type: count }
  date: { type: date }
  place: { type: entity, kind: place }
  method: { type: text }
actors:
  jnim: { name: JNIM, kind: armed-group, aliases: [JNIM, GSIM] }
  fama: { name: Forces armées maliennes, kind: state-force, aliases: [FAMa, armée malienne] }
  afp: { name: Agence France-Presse, kind: media }
  rfi: { name: Radio France Internationale, kind: media }
  local-sources: { name: Local sources, kind: other, anonymous: true }
places:
  mali: { name: Mali, aliases: [Mali] }
  niafunke: { name: Niafunké, aliases: [Niafunké, Niafounke], in: mali }
events:
  attack: { name: Attack on the Niafunké camp, date: 2023-11-24, place: niafunke }
  raid:
    name: Raid on the camp
    disputed: { outcome: [captured, repelled] }
    assessment: Both sides' accounts stand; no independent confirmation.
`;

/** The contract's severities, per code. */
const SEVERITY: Record<string, string> = {
  syntax: 'error',
  encoding: 'error',
  'front-matter': 'error',
  registry: 'error',
  'unknown-entity': 'error',
  'unknown-property': 'error',
  'bad-value': 'error',
  'missing-event': 'error',
  'missing-claimant': 'error',
  'wrong-kind': 'error',
  'duplicate-id': 'error',
  'conflicting-claims': 'warning',
  'inconsistent-reports': 'warning',
  'mention-mismatch': 'warning',
  'ambiguous-alias': 'warning',
  'acknowledged-dispute': 'information',
  'unannotated-mention': 'hint',
  'unused-entity': 'hint',
};

interface Located {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface JsonRelated extends Located {
  message: string;
  claimant: string | null;
  source: string | null;
  value: string | null;
}

interface JsonDiagnostic extends Located {
  severity: string;
  code: string;
  message: string;
  related: JsonRelated[];
}

interface CheckOutput {
  documents: number;
  mentions: number;
  claims: number;
  diagnostics: JsonDiagnostic[];
}

type Files = Record<string, string | Uint8Array>;

const folders: string[] = [];
after(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

/** Writes a corpus (the shared registry unless `files` has its own) to a fresh temp folder. */
function writeCorpus(files: Files): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-diagnostics-'));
  folders.push(root);
  for (const [name, content] of Object.entries({ 'corroborate.yaml': REGISTRY, ...files })) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}

async function checkFolder(root: string): Promise<CheckOutput> {
  const corpus = await loadCorpus(root);
  return JSON.parse(checkJson(corpus, corpus.allDiagnostics())) as CheckOutput;
}

async function check(files: Files): Promise<CheckOutput> {
  return checkFolder(writeCorpus(files));
}

/** A document with front matter (`source: afp` unless told) and one body. */
function doc(body: string, frontMatter = 'source: afp'): string {
  return `---\n${frontMatter}\n---\n${body}\n`;
}

/**
 * Where the `nth` occurrence of `needle` lies in `text` (LF line ends only),
 * 1-based with an exclusive end, counting UTF-16 code units as the CLI does.
 */
function at(file: string, text: string, needle: string, nth = 0): Located {
  assert.ok(!text.includes('\r'), 'at() counts LF line ends only');
  let index = -1;
  for (let k = 0; k <= nth; k++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `\`${needle}\` (#${nth}) is not in ${file}`);
  }
  const position = (offset: number) => {
    const before = text.slice(0, offset);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: before.split('\n').length, column: offset - lineStart + 1 };
  };
  const start = position(index);
  const end = position(index + needle.length);
  return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** Where `part` lies inside the first occurrence of `context`. */
function atIn(file: string, text: string, context: string, part: string): Located {
  const contextIndex = text.indexOf(context);
  assert.ok(contextIndex >= 0 && context.includes(part), `\`${context}\` is not in ${file}`);
  const before = text.slice(0, contextIndex + context.indexOf(part));
  const nth = before.split(part).length - 1;
  return at(file, text, part, nth);
}

function where(d: Located): Located {
  return { file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn };
}

function withCode(out: CheckOutput, code: string): JsonDiagnostic[] {
  const found = out.diagnostics.filter((d) => d.code === code);
  for (const d of found) assert.equal(d.severity, SEVERITY[code], `severity of ${code}`);
  return found;
}

/** Where the diagnostics of `code` are, in output order. */
function located(out: CheckOutput, code: string, file?: string): Located[] {
  return withCode(out, code)
    .filter((d) => file === undefined || d.file === file)
    .map(where);
}

function codesOf(out: CheckOutput, file: string): string[] {
  return out.diagnostics.filter((d) => d.file === file).map((d) => d.code);
}

void describe('a valid corpus', () => {
  const report = doc(
    `Selon [des sources locales]{@local-sources}, [le JNIM]{@jnim} a attaqué le camp de
[Niafunké]{@niafunke}, au [Mali]{@mali}, le 24 novembre. [Le groupe dit avoir pris le camp]{claim by=@jnim
event=@attack outcome=captured date=2023-11-24 place=@niafunke #jnim-prise}, ce que
[l’armée malienne]{@fama} dément : [l'assaut a été repoussé]{claim by=@fama event=@raid outcome=repelled}.
[Une cinquantaine de soldats auraient été tués]{claim by=@local-sources event=@attack killed=~50 hedged}.
[Le bilan officiel n'a pas été donné]{claim by=@fama event=@attack killed=? method="au mortier, puis à l'assaut"}.
Il a dit [sic] que \\[rien\\] n'était {vrai}.

[Commentaire d'un lecteur : le JNIM ment, l'armée malienne aussi]{skip}`,
    'source: afp\norigin: rfi\npublished: 2023-11-25\nlanguage: fr\ntitle: Le JNIM attaque Niafunké\nurl: https://example.org/a\nauthor: AFP',
  );

  void test('raises no diagnostic at all', async () => {
    // Its one report lies next to corroborate.yaml: a glob for reports/ would match nothing (empty-glob).
    const out = await check({ 'corroborate.yaml': REGISTRY.replace('["*.txt", "reports/**/*.txt"]', '["*.txt"]'), 'a.txt': report });
    assert.deepEqual(out.diagnostics, []);
    assert.deepEqual({ documents: out.documents, mentions: out.mentions, claims: out.claims }, { documents: 1, mentions: 5, claims: 4 });
  });

  void test('runs the same through the real program', async () => {
    const root = writeCorpus({ 'a.txt': report, 'b.txt': doc('[GSIM]{@fama} [x]{claim event=@attack killed=3}') });
    const run = spawnSync(process.execPath, [BIN, 'check', root, '--format', 'json'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const spawned = JSON.parse(run.stdout) as CheckOutput;
    assert.deepEqual(spawned, await checkFolder(root));
    assert.ok(spawned.diagnostics.length > 0);
  });
});

void describe('syntax', () => {
  const cases: [string, string, string, number?][] = [
    ['a ]{ with no open [', 'Le camp ]{@niafunke} a été attaqué.', ']{@niafunke}'],
    ['a mention block that follows no ]', 'Le camp {@niafunke} a été attaqué.', '{@niafunke}'],
    ['a claim block that follows no ]', 'Le camp a été pris {claim by=@jnim event=@attack}.', '{claim by=@jnim event=@attack}'],
    ['a skip block that follows no ]', 'Un lecteur écrit {skip} : bravo.', '{skip}'],
    ['a block left open at the end of its paragraph', 'Le [camp]{@niafunke a été\nattaqué.\n\nLa suite.', '{'],
    ['an unclosed quote', '[Le camp]{claim event=@attack method="au mortier} a été attaqué.', '"'],
    ['an empty block', 'Le [camp]{} a été attaqué.', '{}'],
    ['an unknown block', 'Le [camp]{lieu} a été attaqué.', 'lieu'],
    ['a duplicate key', '[Dix morts]{claim event=@attack killed=10 killed=12}.', 'killed=12'],
    ['a duplicate by=', '[Dix morts]{claim by=@jnim event=@attack by=@fama}.', 'by=@fama'],
    ['empty span text', 'Le camp []{@niafunke} a été attaqué.', '[]'],
    ['a word that is not a ref in a mention block', 'Le [camp]{@niafunke camp} a été attaqué.', 'camp', 1],
  ];
  for (const [name, body, needle, nth] of cases) {
    void test(name, async () => {
      const text = doc(body);
      const out = await check({ 'a.txt': text });
      assert.deepEqual(located(out, 'syntax'), [at('a.txt', text, needle, nth)]);
    });
  }

  void test('nesting deeper than 32, at the block of the 33rd span', async () => {
    const deep = doc(`${'['.repeat(33)}mot${']{@niafunke}'.repeat(33)}`);
    const out = await check({ 'a.txt': deep });
    assert.deepEqual(located(out, 'syntax'), [at('a.txt', deep, '{@niafunke}')]);
    const limit = doc(`${'['.repeat(32)}mot${']{@niafunke}'.repeat(32)}`);
    assert.deepEqual(located(await check({ 'a.txt': limit }), 'syntax'), []);
  });

  void test('valid markup raises none: balanced brackets, plain brackets and braces, escapes, wrapped spans', async () => {
    const text = doc(
      `[il a dit [sic] ceci]{claim by=@jnim event=@attack}, un [lien] et des {accolades} ;
\\[pas un span\\]\\{ni un bloc\\} ; [un span
sur deux lignes]{@niafunke} ; [une valeur]{claim by=@jnim event=@attack method="a } et \\" b"} ;
[[Niafunké]{@niafunke} [Mali]{@mali}]{claim by=@jnim event=@attack place=@niafunke}.`,
    );
    const out = await check({ 'a.txt': text });
    assert.deepEqual(located(out, 'syntax'), []);
    assert.deepEqual(codesOf(out, 'a.txt'), []);
  });
});

void describe('encoding', () => {
  const frontMatter = Buffer.from('---\nsource: afp\n---\n');

  void test('Latin-1 text: at its first byte that is not UTF-8', async () => {
    const latin1 = Buffer.concat([frontMatter, Buffer.from('Le camp de Niafunk\xe9 a \xe9t\xe9 attaqu\xe9.\n', 'latin1')]);
    const out = await check({ 'a.txt': latin1 });
    assert.deepEqual(located(out, 'encoding'), [{ file: 'a.txt', line: 4, column: 19, endLine: 4, endColumn: 20 }]);
  });

  void test('the column counts the valid characters before the bad byte in UTF-16 units', async () => {
    // é (2 bytes, 1 unit), € (3 bytes, 1 unit), 😀 (4 bytes, 2 units), then 0xFF.
    const bytes = Buffer.concat([frontMatter, Buffer.from('é€😀 '), Buffer.from([0xff, 0x41, 0xfe]), Buffer.from('\n[x]{@nope}\n')]);
    const out = await check({ 'a.txt': bytes });
    assert.deepEqual(located(out, 'encoding'), [{ file: 'a.txt', line: 4, column: 6, endLine: 4, endColumn: 7 }]);
    // The rest of the file is still read.
    assert.deepEqual(located(out, 'unknown-entity'), [{ file: 'a.txt', line: 5, column: 5, endLine: 5, endColumn: 10 }]);
  });

  void test('a truncated sequence, an overlong form and an encoded surrogate are invalid', async () => {
    const truncated = Buffer.concat([frontMatter, Buffer.from('ab'), Buffer.from([0xc3]), Buffer.from('\nsuite\n')]);
    const overlong = Buffer.concat([frontMatter, Buffer.from('abc'), Buffer.from([0xc0, 0xaf]), Buffer.from('\n')]);
    const surrogate = Buffer.concat([frontMatter, Buffer.from('abcd'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n')]);
    const out = await check({ 'a.txt': truncated, 'b.txt': overlong, 'c.txt': surrogate });
    assert.deepEqual(located(out, 'encoding'), [
      { file: 'a.txt', line: 4, column: 3, endLine: 4, endColumn: 4 },
      { file: 'b.txt', line: 4, column: 4, endLine: 4, endColumn: 5 },
      { file: 'c.txt', line: 4, column: 5, endLine: 4, endColumn: 6 },
    ]);
  });

  void test('a Latin-1 corroborate.yaml is reported on it too, at its first accent, not read silently', async () => {
    const out = await check({ 'corroborate.yaml': Buffer.from(REGISTRY, 'latin1') });
    assert.deepEqual(located(out, 'encoding'), [atIn('corroborate.yaml', REGISTRY, 'armées', 'é')]);
  });

  void test('a file with NUL bytes is binary: skipped, not counted, no diagnostic', async () => {
    const binary = Buffer.concat([frontMatter, Buffer.from('[x]{@nope}\u0000\u0001\u0002\n')]);
    const out = await check({ 'a.txt': doc('[Niafunké]{@niafunke}'), 'image.txt': binary });
    assert.equal(out.documents, 1);
    assert.equal(out.mentions, 1);
    assert.deepEqual(out.diagnostics.filter((d) => d.file === 'image.txt'), []);
  });

  void test('valid UTF-8, with or without a BOM, raises none', async () => {
    const out = await check({ 'a.txt': doc('Niafunké, 😀, قالت'), 'b.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(doc('é'))]) });
    assert.deepEqual(located(out, 'encoding'), []);
  });
});

void describe('front-matter', () => {
  void test('an unknown field, at its key', async () => {
    const text = doc('Texte.', 'source: afp\nautor: Jean');
    assert.deepEqual(located(await check({ 'a.txt': text }), 'front-matter'), [at('a.txt', text, 'autor')]);
  });

  void test('a YAML error: a tab as indentation, at the tab', async () => {
    const text = doc('Texte.', 'source: afp\ntitle:\n\tsub: x');
    assert.deepEqual(located(await check({ 'a.txt': text }), 'front-matter'), [at('a.txt', text, '\t')]);
  });

  void test('a field written twice, at the second key', async () => {
    const text = doc('Texte.', 'source: afp\nsource: rfi');
    assert.deepEqual(located(await check({ 'a.txt': text }), 'front-matter'), [at('a.txt', text, 'source', 1)]);
  });

  void test('front matter that is never closed, at its opening ---', async () => {
    const text = '---\nsource: afp\nLe camp a été attaqué.\n';
    assert.deepEqual(located(await check({ 'a.txt': text }), 'front-matter'), [at('a.txt', text, '---')]);
  });

  void test('published that is not a date, at the value', async () => {
    const text = doc('Texte.', 'source: afp\npublished: 25/11/2023');
    assert.deepEqual(located(await check({ 'a.txt': text }), 'front-matter'), [at('a.txt', text, '25/11/2023')]);
  });

  void test('a source that is a list, at the list', async () => {
    const text = doc('Texte.', 'source: [afp, rfi]');
    assert.deepEqual(located(await check({ 'a.txt': text }), 'front-matter'), [at('a.txt', text, '[afp, rfi]')]);
  });

  void test('every known field, and no front matter at all, raise none', async () => {
    const out = await check({
      'a.txt': doc('Texte.', 'source: afp\norigin: rfi\npublished: 2023-11\nlanguage: fr\ntitle: "Niafunké : l\'attaque"\nurl: https://example.org\nauthor: X'),
      'b.txt': 'Un texte sans front matter.\n',
    });
    assert.deepEqual(located(out, 'front-matter'), []);
  });
});

void describe('registry', () => {
  const registryWith = (extra: string) => `${REGISTRY}${extra}`;

  void test('a YAML error: a tab as indentation, at the tab', async () => {
    const registry = REGISTRY.replace('  raid:', '\traid:');
    const out = await check({ 'corroborate.yaml': registry });
    assert.deepEqual(located(out, 'registry'), [at('corroborate.yaml', registry, '\t')]);
  });

  void test('a section written twice, at the second key', async () => {
    const registry = registryWith('actors:\n  isgs: { name: EIGS }\n');
    const out = await check({ 'corroborate.yaml': registry });
    assert.deepEqual(located(out, 'registry'), [at('corroborate.yaml', registry, 'actors', 1)]);
  });

  void test('an id listed twice in one section, and the rest of the registry still read', async () => {
    const registry = REGISTRY.replace('places:\n', 'places:\n  mali: { name: Mali, aliases: [Mali] }\n');
    const text = doc('[Niafunké]{@niafunke}, [JNIM]{@jnim}.');
    const out = await check({ 'corroborate.yaml': registry, 'a.txt': text });
    // The later of the two entries is the one reported.
    assert.deepEqual(located(out, 'registry'), [atIn('corroborate.yaml', registry, 'mali: { name: Mali, aliases: [Mali] }\n  niafunke', 'mali')]);
    assert.deepEqual(located(out, 'unknown-entity'), []);
  });

  void test('schema errors: a property without a valid type, an unknown field', async () => {
    const registry = REGISTRY.replace('killed: { type: count }', 'killed: { type: number }\n  wounded: { typ: count }');
    const out = await check({ 'corroborate.yaml': registry });
    assert.deepEqual(located(out, 'registry'), [
      at('corroborate.yaml', registry, 'number'),
      at('corroborate.yaml', registry, 'wounded'),
      atIn('corroborate.yaml', registry, '{ typ: count }', 'typ'),
    ]);
  });

  void test('an unknown section, at its key', async () => {
    const registry = registryWith('entities:\n  isgs: { name: EIGS }\n');
    assert.deepEqual(located(await check({ 'corroborate.yaml': registry }), 'registry'), [at('corroborate.yaml', registry, 'entities')]);
  });

  void test('an id used in two sections', async () => {
    const registry = REGISTRY.replace('places:\n', 'places:\n  jnim: { name: Jnim (village) }\n');
    const out = await check({ 'corroborate.yaml': registry });
    assert.deepEqual(located(out, 'registry'), [at('corroborate.yaml', registry, 'jnim', 1)]);
    assert.match(withCode(out, 'registry')[0]?.message ?? '', /jnim/);
  });

  void test('a documents glob with .. or an absolute path', async () => {
    const registry = REGISTRY.replace('documents: ["*.txt", "reports/**/*.txt"]', 'documents: ["*.txt", "../other/*.txt", "/etc/*.txt", "a/../../b/*.txt"]');
    const out = await check({ 'corroborate.yaml': registry });
    assert.deepEqual(located(out, 'registry'), [
      at('corroborate.yaml', registry, '"../other/*.txt"'),
      at('corroborate.yaml', registry, '"/etc/*.txt"'),
      at('corroborate.yaml', registry, '"a/../../b/*.txt"'),
    ]);
  });

  void test('a custom tag is a YAML warning, reported as a registry error', async () => {
    const registry = REGISTRY.replace('actors:\n', 'actors:\n  isgs: { name: !foo EIGS }\n');
    const out = await check({ 'corroborate.yaml': registry });
    assert.deepEqual(located(out, 'registry'), [at('corroborate.yaml', registry, '!foo')]);
  });

  void test('an alias bomb returns with a registry diagnostic', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array.from({ length: 10 }, () => `*${previous}`).join(', ')}]`);
    }
    const bomb = levels.map((l) => `  ${l}`).join('\n');
    const registry = `documents: ["*.txt"]\nlol:\n${bomb}\nactors:\n  afp: { name: AFP, aliases: *i }\n`;
    const frontMatter = doc('Texte.', `source: afp\ntitle:\n${bomb}`);
    const out = await check({ 'corroborate.yaml': registry, 'a.txt': frontMatter });
    assert.ok(withCode(out, 'registry').length > 0);
    assert.ok(withCode(out, 'front-matter').length > 0);
  });

  void test('links: one out of the folder is reported at the glob and not read; one inside is read, once', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-outside-'));
    folders.push(outside);
    fs.writeFileSync(path.join(outside, 'secret.txt'), doc('[x]{@nope}'));
    const root = writeCorpus({ 'a.txt': doc('[Niafunké]{@niafunke}'), 'notes/r.md': doc('[Mali]{@mali}') });
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'link.txt'));
    fs.symlinkSync(path.join('notes', 'r.md'), path.join(root, 'inside.txt'));
    fs.mkdirSync(path.join(root, 'reports'));
    fs.symlinkSync(path.join('..', 'a.txt'), path.join(root, 'reports', 'again.txt'));
    const out = await checkFolder(root);
    // a.txt (not again under reports/again.txt) and inside.txt.
    assert.deepEqual([out.documents, out.mentions], [2, 2]);
    assert.deepEqual([...new Set(out.diagnostics.map((d) => d.file))], ['corroborate.yaml']);
    assert.deepEqual(located(out, 'registry'), [at('corroborate.yaml', REGISTRY, '"*.txt"')]);
    assert.match(withCode(out, 'registry')[0]?.message ?? '', /^link\.txt links to a file outside/);
  });

  void test('the shared registry raises none', async () => {
    assert.deepEqual(located(await check({}), 'registry'), []);
  });
});

void describe('unknown-entity', () => {
  void test('a mention ref, by=, event= and an entity value, at the @id', async () => {
    const text = doc('[Ansar Dine]{@ansar-dine} [a pris]{claim by=@ansar event=@battle place=@gao}.');
    const out = await check({ 'a.txt': text });
    assert.deepEqual(located(out, 'unknown-entity'), [
      at('a.txt', text, '@ansar-dine'),
      at('a.txt', text, '@ansar', 1),
      at('a.txt', text, '@battle'),
      at('a.txt', text, '@gao'),
    ]);
  });

  void test('a front matter source or origin that is in no section', async () => {
    const text = doc('Texte.', 'source: lemonde\norigin: "@aljazeera"');
    const out = await check({ 'a.txt': text });
    assert.deepEqual(located(out, 'unknown-entity'), [at('a.txt', text, 'lemonde'), at('a.txt', text, '"@aljazeera"')]);
  });

  void test('a front matter source or origin that is a place or an event is not an actor: unknown-entity, not wrong-kind', async () => {
    const place = doc('Texte.', 'source: niafunke');
    const event = doc('Texte.', 'source: attack');
    const origin = doc('Texte.', 'source: afp\norigin: mali');
    const out = await check({ 'a.txt': place, 'b.txt': event, 'c.txt': origin });
    assert.deepEqual(located(out, 'unknown-entity'), [at('a.txt', place, 'niafunke'), at('b.txt', event, 'attack'), at('c.txt', origin, 'mali')]);
    assert.deepEqual(located(out, 'wrong-kind'), []);
  });

  void test('registry references: in:, place:, affiliations:', async () => {
    const registry = REGISTRY.replace('in: mali }', 'in: tombouctou }').replace('place: niafunke }', 'place: niafunk }').replace("kind: armed-group, aliases: [JNIM, GSIM] }", 'kind: armed-group, aliases: [JNIM, GSIM], affiliations: [al-qaida] }');
    const out = await check({ 'corroborate.yaml': registry });
    assert.deepEqual(located(out, 'unknown-entity'), [
      at('corroborate.yaml', registry, 'al-qaida'),
      at('corroborate.yaml', registry, 'tombouctou'),
      atIn('corroborate.yaml', registry, 'place: niafunk }', 'niafunk'),
    ]);
  });
});

void describe('unknown-property', () => {
  void test('a key that is not a property, at the key', async () => {
    const text = doc('[Dix morts]{claim by=@jnim event=@attack tues=10 killed=10}.');
    const out = await check({ 'a.txt': text });
    assert.deepEqual(located(out, 'unknown-property'), [at('a.txt', text, 'tues')]);
  });

  void test('a disputed: property that is not defined, in the registry', async () => {
    const registry = REGISTRY.replace('disputed: { outcome:', 'disputed: { result:');
    const out = await check({ 'corroborate.yaml': registry });
    assert.deepEqual(located(out, 'unknown-property'), [at('corroborate.yaml', registry, 'result')]);
  });

  void test('defined keys, by=, event=, #id and hedged raise none', async () => {
    const text = doc('[Dix morts]{claim by=@jnim event=@attack #dix hedged killed=10 outcome=captured date=2023 place=@mali method=x}.');
    assert.deepEqual(located(await check({ 'a.txt': text }), 'unknown-property'), []);
  });
});

void describe('bad-value', () => {
  void test('values that do not read for their property, at the value', async () => {
    const text = doc('[x]{claim event=@attack killed=beaucoup date=2023-02-30 outcome=pris place=niafunke}.');
    const out = await check({ 'a.txt': text });
    assert.deepEqual(located(out, 'bad-value'), [at('a.txt', text, 'beaucoup'), at('a.txt', text, '2023-02-30'), at('a.txt', text, 'pris'), at('a.txt', text, 'niafunke')]);
  });

  void test('by= and event= without @', async () => {
    const text = doc('[x]{claim by=jnim event=attack}.');
    const out = await check({ 'a.txt': text });
    assert.deepEqual(located(out, 'bad-value'), [at('a.txt', text, 'jnim', 0), at('a.txt', text, 'attack')]);
  });

  void test('an impossible event date and a disputed value outside the enum, in the registry', async () => {
    const registry = REGISTRY.replace('date: 2023-11-24', 'date: 2023-02-30').replace('[captured, repelled]', '[captured, pris]');
    const out = await check({ 'corroborate.yaml': registry });
    assert.deepEqual(located(out, 'bad-value'), [at('corroborate.yaml', registry, '2023-02-30'), at('corroborate.yaml', registry, 'pris')]);
  });

  void test('valid values raise none', async () => {
    const text = doc('[x]{claim event=@attack killed="~50" date=2024-02-29 outcome=withdrawn place=@niafunke}.');
    assert.deepEqual(located(await check({ 'a.txt': text }), 'bad-value'), []);
  });
});

void describe('missing-event and missing-claimant', () => {
  void test('a claim without event=, at the word claim', async () => {
    const text = doc('[Le camp est tombé]{claim by=@jnim outcome=captured}.');
    const out = await check({ 'a.txt': text });
    assert.deepEqual(located(out, 'missing-event'), [at('a.txt', text, 'claim')]);
  });

  void test('a claim without by= in a document without source, at the word claim', async () => {
    const text = 'Un texte sans front matter : [dix morts]{claim event=@attack killed=10}.\n';
    const out = await check({ 'a.txt': text });
    assert.deepEqual(located(out, 'missing-claimant'), [at('a.txt', text, 'claim')]);
    assert.deepEqual(located(out, 'missing-event'), []);
  });

  void test('by= or the document source makes the claimant', async () => {
    const out = await check({
      'a.txt': 'Sans front matter : [dix morts]{claim by=@jnim event=@attack killed=10}.\n',
      'b.txt': doc('[Dix morts]{claim event=@attack killed=10}.'),
    });
    assert.deepEqual(located(out, 'missing-claimant'), []);
  });
});

void describe('wrong-kind', () => {
  void test('by=@place, event=@actor, place=@actor, at the @id', async () => {
    const text = doc('[x]{claim by=@niafunke event=@attack} [y]{claim by=@jnim event=@jnim} [z]{claim by=@jnim event=@attack place=@fama}.');
    const out = await check({ 'a.txt': text });
    assert.deepEqual(located(out, 'wrong-kind'), [at('a.txt', text, '@niafunke'), at('a.txt', text, '@jnim', 1), at('a.txt', text, '@fama')]);
  });

  void test('registry references of the wrong section', async () => {
    const registry = REGISTRY.replace('in: mali }', 'in: jnim }');
    const out = await check({ 'corroborate.yaml': registry });
    assert.deepEqual(located(out, 'wrong-kind'), [atIn('corroborate.yaml', registry, 'in: jnim }', 'jnim')]);
  });
});

void describe('duplicate-id', () => {
  void test('a claim #id used in two documents: on the later one, related to the first', async () => {
    const first = doc('[Dix morts]{claim event=@attack #bilan killed=10}.');
    const second = doc('Plus loin, [dix morts]{claim event=@attack #bilan killed=10}.');
    const out = await check({ 'a.txt': first, 'b.txt': second });
    const found = withCode(out, 'duplicate-id');
    assert.deepEqual(found.map(where), [at('b.txt', second, '#bilan')]);
    assert.deepEqual(found[0]?.related.map(where), [at('a.txt', first, '#bilan')]);
  });

  void test('twice in one document: on the second', async () => {
    const text = doc('[Dix]{claim event=@attack #bilan killed=10} et [douze]{claim event=@attack #bilan killed=10}.');
    assert.deepEqual(located(await check({ 'a.txt': text }), 'duplicate-id'), [at('a.txt', text, '#bilan', 1)]);
  });

  void test('distinct ids raise none', async () => {
    const out = await check({ 'a.txt': doc('[Dix]{claim event=@attack #a1 killed=10}'), 'b.txt': doc('[Dix]{claim event=@attack #a2 killed=10}') });
    assert.deepEqual(located(out, 'duplicate-id'), []);
  });
});

void describe('contradictions', () => {
  const jnim = doc('[Le JNIM]{@jnim} dit avoir [pris le camp]{claim by=@jnim event=@attack outcome=captured}.');
  const fama = doc("[L'armée malienne]{@fama} dit avoir [repoussé l'assaut]{claim by=@fama event=@attack outcome=repelled}.", 'source: rfi');

  void test('conflicting-claims: different claimants, on each key=value, related to the other with claimant, source and value', async () => {
    const out = await check({ 'a.txt': jnim, 'b.txt': fama });
    const found = withCode(out, 'conflicting-claims');
    assert.deepEqual(found.map(where), [at('a.txt', jnim, 'outcome=captured'), at('b.txt', fama, 'outcome=repelled')]);
    assert.deepEqual(
      found[0]?.related.map((r) => ({ ...where(r), claimant: r.claimant, source: r.source, value: r.value })),
      [{ ...at('b.txt', fama, 'outcome=repelled'), claimant: 'fama', source: 'rfi', value: 'repelled' }],
    );
    assert.deepEqual(
      found[1]?.related.map((r) => ({ ...where(r), claimant: r.claimant, source: r.source, value: r.value })),
      [{ ...at('a.txt', jnim, 'outcome=captured'), claimant: 'jnim', source: 'afp', value: 'captured' }],
    );
    assert.deepEqual(located(out, 'inconsistent-reports'), []);
  });

  void test('a hedged claim compares like any other; a claim in a document without source has a null source', async () => {
    const hedged = 'Sans front matter, [ils auraient repoussé l\'assaut]{claim by=@fama event=@attack hedged outcome=repelled}.\n';
    const out = await check({ 'a.txt': jnim, 'b.txt': hedged });
    assert.deepEqual(located(out, 'conflicting-claims'), [at('a.txt', jnim, 'outcome=captured'), at('b.txt', hedged, 'outcome=repelled')]);
    const related = withCode(out, 'conflicting-claims')[0]?.related[0];
    assert.deepEqual([related?.claimant, related?.source, related?.value], ['fama', null, 'repelled']);
  });

  void test('compatible values raise none', async () => {
    const withdrawn = doc('[Ils se sont retirés]{claim by=@fama event=@attack outcome=withdrawn}.');
    const out = await check({ 'a.txt': jnim, 'b.txt': withdrawn });
    assert.deepEqual([...located(out, 'conflicting-claims'), ...located(out, 'inconsistent-reports')], []);
  });

  void test('inconsistent-reports: one claimant reported differently in two documents', async () => {
    const afp = doc('[Dix soldats tués]{claim by=@jnim event=@attack killed=10}.');
    const rfi = doc('[Vingt soldats tués]{claim by=@jnim event=@attack killed=20}.', 'source: rfi');
    const out = await check({ 'a.txt': afp, 'b.txt': rfi });
    const found = withCode(out, 'inconsistent-reports');
    assert.deepEqual(found.map(where), [at('a.txt', afp, 'killed=10'), at('b.txt', rfi, 'killed=20')]);
    assert.deepEqual(found.map((d) => d.related.map((r) => [r.claimant, r.source, r.value])), [[['jnim', 'rfi', '20']], [['jnim', 'afp', '10']]]);
    assert.deepEqual(located(out, 'conflicting-claims'), []);
  });

  void test('inconsistent-reports: the document source as claimant, twice in one document', async () => {
    const text = doc('[Dix tués]{claim event=@attack killed=10}, puis [douze]{claim event=@attack killed=12}.');
    const out = await check({ 'a.txt': text });
    assert.deepEqual(located(out, 'inconsistent-reports'), [at('a.txt', text, 'killed=10'), at('a.txt', text, 'killed=12')]);
  });

  void test('acknowledged-dispute: both values listed under the event disputed:, instead of a warning', async () => {
    const a = doc('[Pris]{claim by=@jnim event=@raid outcome=captured}.');
    const b = doc('[Repoussé]{claim by=@fama event=@raid outcome=repelled}.');
    const out = await check({ 'a.txt': a, 'b.txt': b });
    assert.deepEqual(located(out, 'acknowledged-dispute'), [at('a.txt', a, 'outcome=captured'), at('b.txt', b, 'outcome=repelled')]);
    assert.deepEqual([...located(out, 'conflicting-claims'), ...located(out, 'inconsistent-reports')], []);
  });

  void test('acknowledged-dispute: a third value still warns', async () => {
    const a = doc('[Pris]{claim by=@jnim event=@raid outcome=captured}.');
    const b = doc('[Repoussé]{claim by=@fama event=@raid outcome=repelled}.');
    const c = doc('[Retirés]{claim by=@local-sources event=@raid outcome=withdrawn}.');
    const out = await check({ 'a.txt': a, 'b.txt': b, 'c.txt': c });
    assert.deepEqual(located(out, 'acknowledged-dispute'), [at('a.txt', a, 'outcome=captured'), at('b.txt', b, 'outcome=repelled')]);
    // withdrawn is compatible with captured, not with repelled.
    assert.deepEqual(located(out, 'conflicting-claims'), [at('b.txt', b, 'outcome=repelled'), at('c.txt', c, 'outcome=withdrawn')]);
    assert.deepEqual(withCode(out, 'conflicting-claims')[0]?.related.map((r) => r.value), ['withdrawn']);
  });

  void test('anonymous claimants are a different claimant in each document: conflicting, not inconsistent', async () => {
    const a = doc('[Dix morts]{claim by=@local-sources event=@attack killed=10}.');
    const b = doc('[Cinquante morts]{claim by=@local-sources event=@attack killed=~50}.');
    const out = await check({ 'a.txt': a, 'b.txt': b });
    assert.deepEqual(located(out, 'conflicting-claims'), [at('a.txt', a, 'killed=10'), at('b.txt', b, 'killed=~50')]);
    assert.deepEqual(located(out, 'inconsistent-reports'), []);
  });

  void test('anonymous claimants in one document are one claimant: inconsistent', async () => {
    const text = doc('[Dix morts]{claim by=@local-sources event=@attack killed=10}, [cinquante]{claim by=@local-sources event=@attack killed=~50}.');
    const out = await check({ 'a.txt': text });
    assert.deepEqual(located(out, 'inconsistent-reports'), [at('a.txt', text, 'killed=10'), at('a.txt', text, 'killed=~50')]);
    assert.deepEqual(located(out, 'conflicting-claims'), []);
  });

  void test('one diagnostic per (claim, property, code), whatever the number of other claims', async () => {
    const fama = doc('[Un mort, assaut repoussé]{claim by=@fama event=@attack killed=1 outcome=repelled}.', 'source: rfi');
    const jnimText = doc('[Dix]{claim by=@jnim event=@attack killed=10} [vingt]{claim by=@jnim event=@attack killed=20 outcome=captured}.');
    const famaAgain = doc('[Trente]{claim by=@fama event=@attack killed=30}.');
    const out = await check({ 'a.txt': fama, 'b.txt': jnimText, 'c.txt': famaAgain });
    const onFama = out.diagnostics.filter((d) => d.file === 'a.txt');
    assert.deepEqual(
      onFama.map((d) => [d.code, d.column, d.related.map((r) => `${r.file}:${r.value}`)]),
      [
        ['conflicting-claims', at('a.txt', fama, 'killed=1').column, ['b.txt:10', 'b.txt:20']],
        ['inconsistent-reports', at('a.txt', fama, 'killed=1').column, ['c.txt:30']],
        ['conflicting-claims', at('a.txt', fama, 'outcome=repelled').column, ['b.txt:captured']],
      ],
    );
  });

  void test('related entries: file and offset order, at most 20, "+N more" in the message', async () => {
    const fama = doc('[Un seul mort]{claim by=@fama event=@attack killed=1}.');
    const files: Files = { 'a.txt': fama };
    const expected: { file: string; text: string; value: string }[] = [];
    for (let file = 1; file <= 5; file++) {
      const claims = Array.from({ length: 5 }, (_, k) => `[${file * 10 + k} morts]{claim by=@jnim event=@attack killed=${100 + file * 10 + k}}`);
      const name = `reports/b${file}.txt`;
      files[name] = doc(claims.join(' ;\n'), 'source: rfi');
      for (let k = 0; k < 5; k++) expected.push({ file: name, text: files[name], value: String(100 + file * 10 + k) });
    }
    const out = await check(files);
    const onFama = withCode(out, 'conflicting-claims').filter((d) => d.file === 'a.txt');
    assert.equal(onFama.length, 1);
    const [diagnostic] = onFama;
    assert.ok(diagnostic);
    assert.match(diagnostic.message, /\+5 more/);
    assert.deepEqual(
      diagnostic.related.map((r) => ({ ...where(r), claimant: r.claimant, source: r.source, value: r.value })),
      expected.slice(0, 20).map((e) => ({ ...at(e.file, e.text, `killed=${e.value}`), claimant: 'jnim', source: 'rfi', value: e.value })),
    );
    for (const related of diagnostic.related) assert.ok(related.message.length > 0);
    // Each of the 25 gets its own single diagnostic, related to the one claim it contradicts, with no "more".
    const onJnim = withCode(out, 'conflicting-claims').filter((d) => d.file !== 'a.txt');
    assert.equal(onJnim.length, 25);
    for (const d of onJnim) {
      assert.deepEqual(d.related.map(where), [at('a.txt', fama, 'killed=1')]);
      assert.doesNotMatch(d.message, /more/);
    }
  });
});

void describe('mentions and aliases', () => {
  void test('mention-mismatch: the text is an alias of another entity, at the refs', async () => {
    const text = doc('[GSIM]{@fama} et [FAMa]{@jnim @mali}.');
    const out = await check({ 'a.txt': text });
    assert.deepEqual(located(out, 'mention-mismatch'), [at('a.txt', text, '@fama'), at('a.txt', text, '@jnim @mali')]);
  });

  void test('mention-mismatch ignores a leading article', async () => {
    const text = doc("[les FAMa]{@jnim} ; [l'armée malienne]{@jnim} ; [le JNIM]{@jnim} ; [l’armée malienne]{@fama} ; [du Mali]{@mali}");
    const out = await check({ 'a.txt': text });
    assert.deepEqual(located(out, 'mention-mismatch'), [at('a.txt', text, '@jnim', 0), at('a.txt', text, '@jnim', 1)]);
  });

  void test('mention-mismatch: none when the text names a referenced entity or no entity', async () => {
    const text = doc('[GSIM]{@jnim @fama} ; [les jihadistes]{@jnim} ; [Niafounke]{@niafunke}');
    assert.deepEqual(located(await check({ 'a.txt': text }), 'mention-mismatch'), []);
  });

  void test('ambiguous-alias: one folded alias on two entities, on the later entry', async () => {
    const registry = REGISTRY.replace('places:\n', 'places:\n  niafunke-cercle: { name: Cercle de Niafunké, aliases: [niafunke] }\n');
    const out = await check({ 'corroborate.yaml': registry });
    // "Niafunké" (niafunke's) and "niafunke" (the cercle's) fold alike; the cercle is listed first.
    assert.deepEqual(located(out, 'ambiguous-alias'), [atIn('corroborate.yaml', registry, '[Niafunké, Niafounke]', 'Niafunké')]);
  });

  void test('ambiguous-alias: none for distinct aliases, or one alias listed twice on one entity', async () => {
    const registry = REGISTRY.replace('aliases: [Mali]', 'aliases: [Mali, mali]');
    assert.deepEqual(located(await check({ 'corroborate.yaml': registry }), 'ambiguous-alias'), []);
  });

  void test('unannotated-mention: an alias in article text outside every span', async () => {
    const text = doc(`Le JNIM a attaqué ; selon l'armée\nmalienne, l'assaut a échoué près de #Niafunké.`);
    const out = await check({ 'a.txt': text });
    assert.deepEqual(located(out, 'unannotated-mention'), [
      at('a.txt', text, 'JNIM'),
      { ...at('a.txt', text, 'armée'), endLine: at('a.txt', text, 'malienne').line, endColumn: at('a.txt', text, 'malienne').endColumn },
      at('a.txt', text, 'Niafunké'),
    ]);
  });

  void test('unannotated-mention: none inside {skip}, inside spans or in front matter', async () => {
    const text = doc(
      '[Un lecteur : le JNIM et les FAMa mentent]{skip} ; [le JNIM a pris Niafunké]{claim by=@jnim event=@attack} ; [le JNIM]{@jnim}',
      'source: afp\ntitle: Le JNIM à Niafunké',
    );
    assert.deepEqual(located(await check({ 'a.txt': text }), 'unannotated-mention'), []);
  });

  void test('unused-entity: an entity no document references, at its id', async () => {
    const registry = REGISTRY.replace('places:\n', 'places:\n  niamey: { name: Niamey }\n');
    const text = doc('[Niafunké]{@niafunke}');
    const out = await check({ 'corroborate.yaml': registry, 'a.txt': text });
    assert.deepEqual(located(out, 'unused-entity').filter((l) => l.line === at('corroborate.yaml', registry, 'niamey').line), [at('corroborate.yaml', registry, 'niamey')]);
  });

  void test('unused-entity: none for entities referenced only as source, origin, by=, event=, a value, or by the registry', async () => {
    const text = doc('[x]{claim by=@jnim event=@attack place=@niafunke}', 'source: afp\norigin: rfi');
    const out = await check({ 'a.txt': text });
    const ids = withCode(out, 'unused-entity').map((d) => REGISTRY.split('\n')[d.line - 1]?.trim().split(':')[0]);
    // mali is niafunke's in:, so the registry itself relies on it.
    assert.deepEqual(ids, ['fama', 'local-sources', 'raid']);
  });
});

void describe('positions', () => {
  // Accents (composed and decomposed), an emoji (two UTF-16 units), Arabic,
  // then faults: an unknown id, a mention-mismatch after a span wrapped across
  // a line, an unannotated alias wrapped across a line.
  const lines = [
    '---',
    'source: afp',
    '---',
    'Niafunké, Niafunke\u0301, 😀 et قالت مصادر محلية : [x]{@nope}',
    '[Le',
    'GSIM]{@fama} puis l’armée',
    'malienne.',
  ];
  const expected = [
    { file: 'a.txt', line: 4, column: 1, endLine: 4, endColumn: 9, code: 'unannotated-mention' },
    { file: 'a.txt', line: 4, column: 11, endLine: 4, endColumn: 20, code: 'unannotated-mention' },
    { file: 'a.txt', line: 4, column: 51, endLine: 4, endColumn: 56, code: 'unknown-entity' },
    { file: 'a.txt', line: 6, column: 7, endLine: 6, endColumn: 12, code: 'mention-mismatch' },
    { file: 'a.txt', line: 6, column: 21, endLine: 7, endColumn: 9, code: 'unannotated-mention' },
  ];
  const variants: [string, string, boolean][] = [
    ['LF', '\n', false],
    ['CRLF', '\r\n', false],
    ['lone CR', '\r', false],
    ['BOM and LF', '\n', true],
    ['BOM and CRLF', '\r\n', true],
    ['BOM and lone CR', '\r', true],
  ];
  for (const [name, eol, bom] of variants) {
    void test(`${name}: the same faults at the same lines and columns`, async () => {
      const text = lines.join(eol) + eol;
      const out = await check({ 'a.txt': (bom ? '\ufeff' : '') + text });
      const found = out.diagnostics.filter((d) => d.file === 'a.txt').map((d) => ({ ...where(d), code: d.code }));
      assert.deepEqual(found, expected);
    });

    void test(`${name}: an invalid byte and the registry keep their positions`, async () => {
      const bytes = Buffer.concat([
        Buffer.from((bom ? '\ufeff' : '') + ['---', 'source: afp', '---', 'Côté 😀 '].join(eol)),
        Buffer.from([0xe9]),
        Buffer.from(eol),
      ]);
      const registry = (bom ? '\ufeff' : '') + `documents: ["*.txt"]${eol}sections: {}${eol}actors:${eol}  afp: { name: AFP }${eol}  unused: { name: Unused }${eol}`;
      const out = await check({ 'corroborate.yaml': registry, 'a.txt': bytes });
      assert.deepEqual(out.diagnostics.map((d) => ({ ...where(d), code: d.code })), [
        { file: 'a.txt', line: 4, column: 9, endLine: 4, endColumn: 10, code: 'encoding' },
        { file: 'corroborate.yaml', line: 2, column: 1, endLine: 2, endColumn: 9, code: 'registry' },
        { file: 'corroborate.yaml', line: 5, column: 3, endLine: 5, endColumn: 9, code: 'unused-entity' },
      ]);
    });
  }
});
