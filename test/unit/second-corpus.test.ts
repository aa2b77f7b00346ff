// The second annotated corpus (Barsalogho, English, Arabic and French),
// asserted: only markup was added to the raw reports, the annotation is
// complete, and `check` finds exactly the contradictions its README lists.
// It is the untuned evaluation set for the annotation assist, so what it
// states here is the annotation as committed, not a target to move.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { articleText, parseDocument } from '../../server/src/engine/parser';

const REPO = path.resolve(__dirname, '..', '..');
const CORPUS = path.join(REPO, 'test', 'fixtures', 'corpora', 'barsalogho');
const RAW = path.join(CORPUS, 'raw');
const BIN = path.join(REPO, 'server', 'bin', 'corroborate.js');
const REPORTS = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();

interface Range {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface CheckJson {
  documents: number;
  mentions: number;
  claims: number;
  diagnostics: (Range & { severity: string; code: string; related: (Range & { claimant: string })[] })[];
}

interface ExportRecord extends Range {
  event: string | null;
  property: string;
  value: string;
  claimant: string | null;
  source: string;
  origin: string;
  hedged: boolean;
}

/** One contradiction as the README lists it: file, line, code, the claim's `key=value`, its claimant, and the claimants it contradicts. */
type Contradiction = [file: string, line: number, code: string, assertion: string, claimant: string, against: string[]];

const REUTERS = 'en-reuters-2024-08-29.txt';
const BBC = 'en-bbc-2024-10-05.txt';
const ALJAZEERA = 'ar-aljazeera-2024-08-26.txt';
const ASHARQ = 'ar-asharq-al-awsat-2024-08-30.txt';
const AFP = 'fr-afp-2024-08-27.txt';
const BURKINAINFO = 'fr-burkinainfo-2024-08-28.txt';

const C = 'conflicting-claims';
/** Everyone who says civilians died, against JNIM's "militiamen, not civilians". */
const CIVILIAN_SIDE = ['afp', 'burkina-government', 'burkinainfo', 'eu', 'french-government', 'mahamadou-sana', 'residents', 'reuters', 'security-sources'];

const EXPECTED: Contradiction[] = [
  [ALJAZEERA, 7, C, 'killed=~200', 'security-sources', ['cjb', 'french-government', 'jnim', 'residents']],
  [ALJAZEERA, 7, C, 'wounded=140', 'security-sources', ['local-sources']],
  [ALJAZEERA, 7, C, 'killed=~200', 'local-sources', ['cjb', 'french-government', 'jnim', 'residents']],
  [ALJAZEERA, 7, C, 'wounded=140', 'local-sources', ['local-sources']],
  [ALJAZEERA, 11, C, 'victims=mixed', 'security-sources', ['jnim']],
  [ALJAZEERA, 23, C, 'victims=civilians', 'burkina-government', ['jnim']],
  [ALJAZEERA, 25, C, 'victims=mixed', 'mahamadou-sana', ['jnim']],
  [ASHARQ, 9, C, 'victims=combatants', 'jnim', CIVILIAN_SIDE],
  [ASHARQ, 9, C, 'victims=civilians', 'residents', ['jnim']],
  [ASHARQ, 11, C, 'killed=~300', 'jnim', ['cjb', 'french-government', 'local-sources', 'residents', 'security-sources']],
  [ASHARQ, 11, C, 'victims=combatants', 'jnim', CIVILIAN_SIDE],
  [ASHARQ, 11, C, 'victims=combatants', 'jnim', CIVILIAN_SIDE],
  [ASHARQ, 13, C, 'killed=>=400', 'cjb', ['jnim', 'local-sources', 'security-sources']],
  [ASHARQ, 15, C, 'wounded=~300', 'local-sources', ['local-sources', 'security-sources']],
  [ASHARQ, 17, C, 'victims=mixed', 'burkina-government', ['jnim']],
  [ASHARQ, 19, C, 'victims=civilians', 'eu', ['jnim']],
  [BBC, 9, C, 'killed=~600', 'french-government', ['jnim', 'local-sources', 'security-sources']],
  [BBC, 9, C, 'victims=civilians', 'french-government', ['jnim']],
  [BBC, 11, C, 'killed=~300', 'jnim', ['cjb', 'french-government', 'local-sources', 'residents', 'security-sources']],
  [BBC, 11, C, 'victims=combatants', 'jnim', CIVILIAN_SIDE],
  [BBC, 11, C, 'killed=>400', 'cjb', ['jnim', 'local-sources', 'security-sources']],
  [BBC, 21, C, 'victims=combatants', 'jnim', CIVILIAN_SIDE],
  [REUTERS, 7, C, 'victims=combatants', 'jnim', CIVILIAN_SIDE],
  [REUTERS, 7, C, 'victims=civilians', 'residents', ['jnim']],
  [REUTERS, 9, C, 'killed=~300', 'jnim', ['cjb', 'french-government', 'local-sources', 'residents', 'security-sources']],
  [REUTERS, 11, C, 'victims=combatants', 'jnim', CIVILIAN_SIDE],
  [REUTERS, 13, C, 'killed=>=400', 'residents', ['jnim', 'local-sources', 'security-sources']],
  [REUTERS, 19, C, 'victims=civilians', 'reuters', ['jnim']],
  [REUTERS, 21, C, 'victims=mixed', 'mahamadou-sana', ['jnim']],
  [AFP, 13, C, 'victims=mixed', 'mahamadou-sana', ['jnim']],
  [AFP, 15, C, 'wounded=~140', 'security-sources', ['local-sources']],
  [AFP, 17, C, 'victims=civilians', 'residents', ['jnim']],
  [AFP, 19, C, 'victims=civilians', 'afp', ['jnim']],
  [BURKINAINFO, 19, C, 'victims=mixed', 'mahamadou-sana', ['jnim']],
  [BURKINAINFO, 21, C, 'wounded=~140', 'security-sources', ['local-sources']],
  [BURKINAINFO, 23, C, 'victims=civilians', 'burkinainfo', ['jnim']],
];

/** Runs the CLI on the corpus; it only reads it. */
function run(...args: string[]): { status: number; stdout: string } {
  try {
    return { status: 0, stdout: execFileSync(process.execPath, [BIN, args[0], CORPUS, ...args.slice(1)], { encoding: 'utf8' }) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, stdout: failed.stdout };
  }
}

/** The text of a one-line range, columns in UTF-16 code units as `check` counts them. */
function textAt(range: Range): string {
  assert.equal(range.endLine, range.line, 'a key=value sits on one line');
  const line = fs.readFileSync(path.join(CORPUS, range.file), 'utf8').split('\n')[range.line - 1];
  return line.slice(range.column - 1, range.endColumn - 1);
}

function before(a: { line: number; column: number }, b: { line: number; column: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

function endOf(range: Range): { line: number; column: number } {
  return { line: range.endLine, column: range.endColumn };
}

/** The claim whose block holds the diagnostic: the innermost exported claim span around it that asserts its property. */
function claimAt(records: readonly ExportRecord[], at: Range, property: string): ExportRecord {
  const around = records.filter((r) => r.file === at.file && r.property === property && !before(at, r) && before(at, endOf(r)));
  assert.ok(around.length > 0, `no exported claim holds ${at.file}:${at.line}:${at.column}`);
  // Nested claims may open at the same place: the later start, then the earlier end, is the inner one.
  around.sort((a, b) => (before(a, b) ? 1 : before(b, a) ? -1 : before(endOf(a), endOf(b)) ? -1 : 1));
  return around[0];
}

describe('the second corpus (Barsalogho, en/ar/fr)', () => {
  test('six reports, two in each language, each with its raw original', () => {
    assert.deepEqual(REPORTS, [ALJAZEERA, ASHARQ, BBC, REUTERS, AFP, BURKINAINFO].sort());
    assert.deepEqual(fs.readdirSync(RAW).filter((f) => f.endsWith('.txt')).sort(), REPORTS);
  });

  for (const report of REPORTS) {
    test(`${report}: removing the markup gives the raw report byte for byte`, () => {
      const annotated = fs.readFileSync(path.join(CORPUS, report), 'utf8');
      const doc = parseDocument(annotated);
      assert.deepEqual(doc.problems, []);
      assert.ok(doc.frontMatter, 'the report names its source in front matter');
      const withoutMarkup = annotated.slice(0, doc.frontMatter.end) + articleText(doc).text;
      const raw = fs.readFileSync(path.join(RAW, report));
      assert.ok(Buffer.from(withoutMarkup, 'utf8').equals(raw), `${report} differs from its raw report outside the markup`);
    });
  }

  const check = run('check', '--format', 'json');
  const result = JSON.parse(check.stdout) as CheckJson;
  const exported = run('export', '--format', 'json');
  const records = JSON.parse(exported.stdout) as ExportRecord[];

  test('check exits 0 with no error and no hint: every alias in the text is annotated, every entity used', () => {
    assert.equal(check.status, 0);
    assert.equal(result.documents, 6);
    const notContradictions = result.diagnostics.filter((d) => d.code !== 'conflicting-claims' && d.code !== 'inconsistent-reports');
    assert.deepEqual(notContradictions, []);
  });

  test('check finds exactly the contradictions the README lists', () => {
    const found: Contradiction[] = result.diagnostics.map((d) => {
      const assertion = textAt(d);
      const claim = claimAt(records, d, assertion.slice(0, assertion.indexOf('=')));
      const against = [...new Set(d.related.map((r) => r.claimant))].sort();
      return [d.file, d.line, d.code, assertion, claim.claimant ?? '', against];
    });
    assert.deepEqual(found, EXPECTED);
  });

  test('export lists every claim, with the republication credited to its own source and AFP as origin', () => {
    assert.equal(exported.status, 0);
    const claimSpans = REPORTS.reduce((n, r) => n + (fs.readFileSync(path.join(CORPUS, r), 'utf8').match(/\{claim[\s}]/g) ?? []).length, 0);
    assert.equal(result.claims, claimSpans);
    const republished = records.filter((r) => r.file === BURKINAINFO);
    assert.ok(republished.length > 0);
    for (const r of republished) assert.equal(r.origin, 'afp');
    assert.ok(republished.some((r) => r.claimant === 'burkinainfo' && r.property === 'killed' && r.value === '>=20'), "the site's own 'plusieurs dizaines de morts'");
    const has = (file: string, property: string, value: string, claimant: string, hedged = false) =>
      records.some((r) => r.file === file && r.property === property && r.value === value && r.claimant === claimant && r.hedged === hedged);
    assert.ok(has(ALJAZEERA, 'killed', '~200', 'security-sources'), 'نحو 200, per security sources');
    assert.ok(has(ALJAZEERA, 'seized', 'أسلحة، سيارة إسعاف عسكرية', 'security-sources', true), 'يُزعم is hedged');
    assert.ok(has(ASHARQ, 'killed', '>=400', 'cjb'), 'ما لا يقل عن 400');
    assert.ok(has(AFP, 'killed', '>100', 'security-sources', true), "plus d'une centaine … auraient été tuées");
    assert.ok(has(AFP, 'killed', '?', 'jnim'), 'JNIM claimed the attack without a toll');
    assert.ok(has(REUTERS, 'killed', '?', 'mahamadou-sana'), 'the minister gave no figures');
    assert.ok(has(REUTERS, 'date', '2024-08-24..2024-08-25', 'jnim'), '"last weekend", in a report of Thursday 29 August');
    assert.ok(has(BBC, 'killed', '~600', 'french-government'), 'the French assessment');
  });
});
