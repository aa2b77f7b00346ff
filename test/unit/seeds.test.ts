// The annotated sample corpus, asserted: only markup was added to the raw
// reports, the annotation is complete, and the disagreements show.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { articleText, parseDocument } from '../../server/src/engine/parser';
import { copySeeds } from '../support/tempFolder';

const REPO = path.resolve(__dirname, '..', '..');
const SEEDS = path.join(REPO, 'seeds');
const RAW = path.join(REPO, 'test', 'fixtures', 'raw');
const BIN = path.join(REPO, 'server', 'bin', 'corroborate.js');
const REPORTS = fs.readdirSync(RAW).filter((f) => f.endsWith('.txt')).sort();

interface CheckJson {
  documents: number;
  mentions: number;
  claims: number;
  diagnostics: { file: string; line: number; severity: string; code: string; message: string; related: { file: string }[] }[];
}

interface ExportRecord {
  file: string;
  event: string | null;
  property: string;
  value: string;
  claimant: string | null;
  hedged: boolean;
}

/** Runs the CLI on a temporary copy of seeds/ (tests never touch seeds/ itself). */
function run(...args: string[]): { status: number; stdout: string } {
  const copy = copySeeds();
  try {
    return { status: 0, stdout: execFileSync(process.execPath, [BIN, args[0], copy, ...args.slice(1)], { encoding: 'utf8' }) };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, stdout: failed.stdout };
  }
}

describe('the annotated seeds', () => {
  test('there are four reports, each with its raw original', () => {
    assert.equal(REPORTS.length, 4);
    assert.deepEqual(fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort(), REPORTS);
  });

  for (const report of REPORTS) {
    test(`${report}: removing the markup gives the raw report byte for byte`, () => {
      const annotated = fs.readFileSync(path.join(SEEDS, report), 'utf8');
      const doc = parseDocument(annotated);
      assert.deepEqual(doc.problems, []);
      assert.ok(doc.frontMatter, 'the report names its source in front matter');
      const raw = fs.readFileSync(path.join(RAW, report));
      assert.ok(Buffer.from(articleText(doc).text, 'utf8').equals(raw), `${report} differs from its raw report outside the markup`);
    });
  }

  const check = run('check', '--format', 'json');
  const result = JSON.parse(check.stdout) as CheckJson;

  test('check exits 0 with no errors', () => {
    assert.equal(check.status, 0);
    assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.equal(result.documents, 4);
  });

  test('every report has a conflicting-claims warning on outcome, pointing at the other side', () => {
    for (const report of REPORTS) {
      const outcome = result.diagnostics.filter((d) => d.file === report && d.code === 'conflicting-claims' && d.message.includes('outcome='));
      assert.ok(outcome.length > 0, `${report} shows the outcome contradiction`);
      for (const d of outcome) assert.ok(d.related.length > 0);
    }
  });

  test('the annotation is complete: no unannotated or mismatched mention', () => {
    const incomplete = result.diagnostics.filter((d) => d.code === 'unannotated-mention' || d.code === 'mention-mismatch' || d.code === 'ambiguous-alias');
    assert.deepEqual(incomplete, []);
  });

  test('export lists the annotated claims, with claimants and tolls as annotated', () => {
    const exported = run('export', '--format', 'json');
    assert.equal(exported.status, 0);
    const records = JSON.parse(exported.stdout) as ExportRecord[];
    const annotatedClaims = REPORTS.reduce((n, r) => n + (fs.readFileSync(path.join(SEEDS, r), 'utf8').match(/\{claim[\s}]/g) ?? []).length, 0);
    assert.equal(result.claims, annotatedClaims);
    const has = (file: string, property: string, value: string, claimant: string) =>
      records.some((r) => r.file === file && r.property === property && r.value === value && r.claimant === claimant && r.event === 'niafunke-attack');
    for (const report of REPORTS) {
      assert.ok(has(report, 'outcome', 'captured', 'jnim'), `${report}: JNIM says it took the camp`);
      assert.ok(has(report, 'outcome', 'repelled', 'fama'), `${report}: the army says it repelled the assault`);
    }
    assert.ok(has(REPORTS[1], 'killed', '~50', 'local-sources'), 'local sources put the toll at about fifty');
    assert.ok(has(REPORTS[2], 'casualties', '>=20', 'jnim'), 'AFP: dozens killed or wounded, a casualties toll');
    assert.ok(records.some((r) => r.property === 'killed' && r.value === '?' && r.claimant === 'fama'), 'the army declined to give a toll');
    assert.ok(records.some((r) => r.hedged), 'conditional wording is hedged');
  });
});
