// `corroborate check --format sarif`: a valid SARIF 2.1.0 log (checked with
// the OASIS schema) that says what `check --format json` says, with rules
// whose help is docs/diagnostics.md's, and fingerprints a code-scanning UI
// can track a dismissed alert by across unrelated edits.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { severityOf } from '../../server/src/engine/diagnostics';
import { assertGolden, copySeeds, REPO, run, sarifSchemaErrors, tempFolder, writeCorpus } from '../support/cli';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'export');

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface PhysicalLocation {
  artifactLocation: { uri: string; uriBaseId?: string };
  region: Region;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: PhysicalLocation }[];
  relatedLocations?: { id: number; physicalLocation: PhysicalLocation; message: { text: string } }[];
  partialFingerprints: Record<string, string>;
}

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown: string };
  defaultConfiguration: { level: string };
}

interface SarifRun {
  tool: { driver: { name: string; version: string; semanticVersion: string; rules: SarifRule[] } };
  originalUriBaseIds: Record<string, { uri: string }>;
  columnKind: string;
  results: SarifResult[];
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: SarifRun[];
}

interface JsonDiagnostic extends JsonRange {
  file: string;
  severity: string;
  code: string;
  message: string;
  related: (JsonRange & { file: string; message: string })[];
}

interface JsonRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function sarif(args: readonly string[], cwd?: string): { status: number | null; log: SarifLog } {
  const result = run(['check', ...args, '--format', 'sarif'], cwd);
  assert.equal(result.stderr, '');
  const log = JSON.parse(result.stdout) as SarifLog;
  assert.deepEqual(sarifSchemaErrors(log), [], 'not valid SARIF 2.1.0');
  return { status: result.status, log };
}

function only<T>(items: readonly T[] | undefined): T {
  const [item, ...rest] = items ?? [];
  assert.ok(item !== undefined && rest.length === 0, `expected one item, got ${items?.length ?? 0}`);
  return item;
}

const region = (d: JsonRange): Region => ({ startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });

void describe('check --format sarif', () => {
  void test('on the seeds and on a corpus with errors: valid SARIF, the results of check --format json, and check\'s exit code', () => {
    const seeds = copySeeds();
    for (const root of [seeds, path.join(FIXTURE, 'corpus')]) {
      const json = run(['check', '.', '--format', 'json'], root);
      const { status, log } = sarif(['.'], root);
      assert.equal(status, json.status);
      const diagnostics = (JSON.parse(json.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
      const runOf = only(log.runs);
      assert.equal(runOf.columnKind, 'utf16CodeUnits');
      assert.equal(runOf.results.length, diagnostics.length);
      const rules = runOf.tool.driver.rules;
      runOf.results.forEach((result, k) => {
        const d = diagnostics[k];
        assert.equal(result.ruleId, d.code);
        assert.equal(rules[result.ruleIndex]?.id, d.code);
        assert.equal(result.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[d.severity]);
        assert.equal(result.message.text, d.message);
        const at = only(result.locations).physicalLocation;
        assert.deepEqual(at, { artifactLocation: { uri: d.file, uriBaseId: '%SRCROOT%' }, region: region(d) });
        assert.deepEqual(
          (result.relatedLocations ?? []).map((r) => [r.physicalLocation.artifactLocation.uri, r.physicalLocation.region, r.message.text]),
          d.related.map((r) => [r.file, region(r), r.message]),
        );
      });
    }
  });

  void test('the golden log of a small corpus (emoji, Arabic, a contradiction, an error)', () => {
    const { status, log } = sarif(['corpus'], FIXTURE);
    assert.equal(status, 1);
    const runOf = only(log.runs);
    assert.equal(only(Object.values(runOf.originalUriBaseIds)).uri, pathToFileURL(FIXTURE).href + '/');
    // The rules (and so rule indexes) follow the engine's codes and docs/diagnostics.md, checked
    // on their own below; the version and the working folder vary.
    const stable = {
      ...log,
      runs: [
        {
          ...runOf,
          tool: { driver: { ...runOf.tool.driver, version: '<version>', semanticVersion: '<version>', rules: '<one per code>' } },
          originalUriBaseIds: '<working folder>',
          results: runOf.results.map((result) => ({ ...result, ruleIndex: '<index>' })),
        },
      ],
    };
    assertGolden(stable, path.join(FIXTURE, 'expected', 'check.sarif.json'));
  });

  void test('one rule per diagnostic code, whose help is its section of docs/diagnostics.md', () => {
    const { log } = sarif(['corpus'], FIXTURE);
    const rules = only(log.runs).tool.driver.rules;
    const docs = fs.readFileSync(path.join(REPO, 'docs', 'diagnostics.md'), 'utf8');
    assert.deepEqual(rules.map((r) => r.id).sort(), Object.keys(severityOf).sort());
    for (const rule of rules) {
      const code = rule.id as keyof typeof severityOf;
      assert.equal(rule.defaultConfiguration.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[severityOf[code]]);
      const row = new RegExp(`^\\| \\[\`${code}\`\\]\\(#${code}\\) \\| [a-z]+ \\| (.+) \\|$`, 'm').exec(docs);
      assert.equal(rule.shortDescription.text, row?.[1], `${code}: the summary is not the docs table's`);
      const section = docs.split(new RegExp(`^### \`${code}\`\\n`, 'm'))[1]?.split(/^(?:### |## |---$)/m)[0];
      assert.ok(section, `docs/diagnostics.md has no section for ${code}`);
      // Every paragraph of the section is in the help, links reduced to their text.
      for (const paragraph of section.split(/\n\s*\n/).map((p) => p.trim().replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')).filter(Boolean)) {
        assert.ok(rule.help?.markdown.includes(paragraph), `${code}: the help lacks ${JSON.stringify(paragraph.slice(0, 60))}`);
      }
      assert.doesNotMatch(rule.help?.markdown ?? '', /\]\((?!https?:)/, `${code}: a relative link, which a code-scanning UI cannot follow`);
      assert.match(rule.fullDescription?.text ?? '', /^[A-Z]/);
    }
  });

  void test('files are named relative to the working folder, or by an absolute file: URI outside it, percent-encoded', () => {
    const root = writeCorpus({
      'corroborate.yaml': 'documents: ["**/*.txt"]\nactors:\n  afp: { name: AFP }\n',
      'sub dir/a b#1%.txt': '---\nsource: afp\n---\n[x]{claim event=@nowhere}\n',
    });
    const fromParent = sarif([path.basename(root)], path.dirname(root)).log;
    const located = (log: SarifLog) =>
      only(log.runs).results.filter((r) => r.ruleId === 'unknown-entity').map((r) => only(r.locations).physicalLocation.artifactLocation);
    assert.deepEqual(located(fromParent), [{ uri: `${encodeURIComponent(path.basename(root))}/sub%20dir/a%20b%231%25.txt`, uriBaseId: '%SRCROOT%' }]);
    const elsewhere = path.join(tempFolder(), 'elsewhere');
    fs.mkdirSync(elsewhere);
    const outside = sarif([root], elsewhere).log;
    assert.deepEqual(located(outside), [{ uri: pathToFileURL(path.join(root, 'sub dir', 'a b#1%.txt')).href }]);
  });

  void test('fingerprints survive edits to other lines, other files and the working folder, and tell findings apart', () => {
    const report = (before: string) =>
      `---\nsource: afp\n---\n${before}[Le GSIM]{@jnim} dit avoir [pris le camp]{claim by=@jnim event=@attack outcome=captured}.\nLe GSIM, encore le GSIM.\n`;
    const registry = 'documents: ["*.txt"]\nproperties:\n  outcome: { type: enum, values: [captured, repelled] }\nactors:\n  jnim: { name: JNIM, aliases: [GSIM] }\n  fama: { name: FAMa }\n  afp: { name: AFP }\nevents:\n  attack: { name: Attack }\n';
    const root = writeCorpus({
      'corroborate.yaml': registry,
      'a.txt': report(''),
      'b.txt': "---\nsource: afp\n---\n[L'armée]{@fama} dit avoir [repoussé l'assaut]{claim by=@fama event=@attack outcome=repelled}.\n",
    });
    const fingerprints = (cwd: string) =>
      only(sarif([root], cwd).log.runs).results.map((r) => `${r.ruleId} ${r.partialFingerprints['corroborate/v1'] ?? ''}`);
    const before = fingerprints(root);
    assert.equal(new Set(before).size, before.length, 'two findings share a fingerprint');
    assert.ok(before.filter((f) => f.startsWith('unannotated-mention ')).length >= 2, 'the two identical hints on one line are told apart');
    // Lines added above the findings, a new report, a run from elsewhere.
    writeCorpus({ 'a.txt': report('Un paragraphe ajouté.\n\nUn autre.\n'), 'c.txt': '---\nsource: afp\n---\nRien à signaler.\n' }, root);
    const after = fingerprints(path.dirname(root));
    for (const fingerprint of before) assert.ok(after.includes(fingerprint), `${fingerprint} was lost`);
  });
});
