// `corroborate suggest` as scripts and editors run it: the built program on a
// corpus in a temporary folder. Its JSON is compared whole with a golden file
// (test/fixtures/assist/suggest.json, UPDATE_EXPECT=1 rewrites it): French
// with an emoji before a suggestion (UTF-16 columns), English with CRLF line
// ends, Arabic after a BOM, a desk's cue, an annotated report, and a
// report with a syntax error, which `suggest` reads all the same.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertGolden, REPO, run, writeCorpus } from '../support/cli';

const REGISTRY = `documents: ["*.txt", "reports/*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled] }
  killed: { type: count }
  looted: { type: count, cues: [pillé, pillées, looted] }
  date: { type: date }
  place: { type: entity, kind: place }
actors:
  afp: { name: AFP, kind: media }
  reuters: { name: Reuters, kind: media }
  aljazeera: { name: Al Jazeera, kind: media }
  jnim: { name: JNIM, kind: armed-group, aliases: [JNIM, GSIM, جماعة نصرة الإسلام والمسلمين] }
  fama: { name: Forces armées maliennes, kind: state-force, aliases: [armée malienne, Malian army, الجيش المالي] }
  residents: { name: Residents, kind: other, anonymous: true, aliases: [habitants, residents] }
places:
  gao: { name: Gao, aliases: [Gao, غاو] }
events:
  gao-attack: { name: Attack on Gao, date: 2023-11-24, place: gao }
`;

const FILES: Record<string, string | Uint8Array> = {
  'corroborate.yaml': REGISTRY,
  'afp.txt': [
    '---',
    'source: afp',
    'published: 2023-11-25',
    'language: fr',
    '---',
    'Dernière minute 😀. Selon [l’armée malienne]{@fama}, une vingtaine d’assaillants ont été tués vendredi à [Gao]{@gao}.',
    'Les boutiques du marché ont été visées. Des habitants ont dit que 12 boutiques avaient été pillées. Une vingtaine de boutiques ont été pillées à Gao.',
    '',
  ].join('\n'),
  'reports/reuters.txt': ['---', 'source: reuters', 'published: 2023-11-25', 'language: en', '---', 'JNIM said it had seized the camp at Gao on Friday.', '"We repelled the attack," the Malian army said.', ''].join('\r\n'),
  'reports/aljazeera.txt': Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(['---', 'source: aljazeera', 'published: 2023-11-25', 'language: ar', '---', 'وقال الجيش المالي إن عشرات المسلحين قتلوا أمس في غاو.', ''].join('\n')),
  ]),
  'annotated.txt': [
    '---',
    'source: afp',
    'published: 2023-11-20',
    '---',
    '[Les assaillants ont pillé 30 boutiques]{claim by=@residents event=@gao-attack looted=30}.',
    '[Le JNIM a revendiqué l’attaque de Gao]{claim by=@jnim event=@gao-attack}. [L’armée malienne a repoussé les assaillants]{claim by=@fama event=@gao-attack outcome=repelled}.',
    '',
  ].join('\n'),
  'broken.txt': ['---', 'source: afp', '---', 'Selon [les habitants]{@residents}, 40 personnes ont été tuées à Gao. [x]{claim event=@nowhere', ''].join('\n'),
};

const GOLDEN = path.join(REPO, 'test', 'fixtures', 'assist', 'suggest.json');

interface Suggested {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
  markup: string;
  claimant: string | null;
  event: string | null;
  properties: { key: string; value: string; words: string }[];
  hedged: boolean;
  confidence: number;
  why: string;
}

/** Where each line starts: `\r\n`, `\n` and a lone `\r` end a line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

function suggestJson(args: readonly string[], cwd?: string): Suggested[] {
  const result = run(['suggest', ...args, '--format', 'json'], cwd);
  assert.equal(result.stderr, '');
  assert.equal(result.status, 0);
  return (JSON.parse(result.stdout) as { suggestions: Suggested[] }).suggestions;
}

describe('corroborate suggest', () => {
  const root = writeCorpus(FILES);

  test('--format json: the contract of DESIGN.md, compared whole with its golden file', () => {
    const suggestions = suggestJson([root]);
    assertGolden({ suggestions }, GOLDEN);
  });

  test('positions are UTF-16 columns after a BOM, in CRLF files too, and `text` is the source of that range', () => {
    const texts = new Map<string, string>();
    for (const file of ['afp.txt', 'reports/reuters.txt', 'reports/aljazeera.txt']) texts.set(file, fs.readFileSync(path.join(root, file), 'utf8').replace(/^\uFEFF/u, ''));
    for (const s of suggestJson([root])) {
      const text = texts.get(s.file);
      if (text === undefined) continue;
      const starts = lineStarts(text);
      const offsetOf = (line: number, column: number) => starts[line - 1] + column - 1;
      assert.equal(text.slice(offsetOf(s.line, s.column), offsetOf(s.endLine, s.endColumn)), s.text, `${s.file}:${s.line}:${s.column}`);
    }
  });

  test('suggestions are sorted like check, never overlap, and leave out attributes they could not read', () => {
    const suggestions = suggestJson([root]);
    for (let i = 1; i < suggestions.length; i++) {
      const [a, b] = [suggestions[i - 1], suggestions[i]];
      assert.ok(a.file < b.file || (a.file === b.file && (a.endLine < b.line || (a.endLine === b.line && a.endColumn <= b.column))), `${b.file}:${b.line}:${b.column} is out of order or overlaps`);
    }
    for (const s of suggestions) {
      assert.doesNotMatch(s.markup, /=(?:\s|\}|@?\s)/u, `a blank attribute in ${s.markup}`);
      if (s.event === null) assert.doesNotMatch(s.markup, /event=/u);
      if (s.claimant === null) assert.doesNotMatch(s.markup, /by=/u);
    }
  });

  test('the outlet stating a fact itself is the claimant, with no by= in the markup', () => {
    const own = suggestJson([root]).filter((s) => s.file === 'afp.txt' && s.claimant === 'afp');
    assert.ok(own.length > 0);
    for (const s of own) assert.doesNotMatch(s.markup, /by=/u);
  });

  test('FILE arguments narrow it to those documents, given relative to the working folder', () => {
    const suggestions = suggestJson(['.', path.join('reports', 'reuters.txt')], root);
    assert.ok(suggestions.length > 0);
    assert.deepEqual([...new Set(suggestions.map((s) => s.file))], ['reports/reuters.txt']);
    const alone = suggestJson([path.join(root, 'reports', 'aljazeera.txt')], root);
    assert.deepEqual([...new Set(alone.map((s) => s.file))], ['reports/aljazeera.txt']);
  });

  test('a FILE that is not a document of the corpus is a usage error: exit 2, nothing on stdout', () => {
    fs.writeFileSync(path.join(root, 'notes.md'), 'Selon l’armée, 3 morts.\n');
    for (const file of ['notes.md', 'missing.txt', path.join('..', 'elsewhere.txt')]) {
      const result = run(['suggest', '.', file], root);
      assert.equal(result.status, 2, file);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /is not a document of the corpus/u);
    }
  });

  test('a folder without corroborate.yaml is an I/O failure: exit 2', () => {
    const result = run(['suggest', path.join(root, 'reports')]);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
  });

  test('text: one line per suggestion, the path relative to the working folder, then a summary', () => {
    const result = run(['suggest', path.basename(root)], path.dirname(root));
    assert.equal(result.status, 0);
    assert.equal(result.stderr, '');
    const lines = result.stdout.trimEnd().split('\n');
    const json = suggestJson([root]);
    assert.equal(lines.length, json.length + 1);
    json.forEach((s, i) => {
      assert.ok(lines[i].startsWith(`${path.join(path.basename(root), ...s.file.split('/'))}:${s.line}:${s.column}: {claim`), lines[i]);
      assert.ok(lines[i].includes(`(${s.confidence.toFixed(2)})`), lines[i]);
    });
    assert.match(lines[lines.length - 1], /^\d+ suggested claims? in \d+ documents? of 5 documents read$/u);
  });
});
