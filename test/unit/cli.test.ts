// The `corroborate` program as scripts and CI run it: the built bundle,
// spawned on corpora written to temp folders.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCsv, run, tempFolder, writeCorpus } from '../support/cli';

const REGISTRY = `documents: ["*.txt", "reports/**/*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled, withdrawn] }
  killed: { type: count }
  date: { type: date }
  method: { type: text }
actors:
  jnim: { name: JNIM, aliases: [JNIM, GSIM] }
  fama: { name: Forces armées maliennes, aliases: [FAMa] }
  afp: { name: AFP }
  rfi: { name: RFI }
  local-sources: { name: Local sources, anonymous: true }
places:
  niafunke: { name: Niafunké, aliases: [Niafunké] }
events:
  attack: { name: Attack on the Niafunké camp }
`;

interface JsonLocated {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface JsonDiagnostic extends JsonLocated {
  severity: string;
  code: string;
  message: string;
  related: Record<string, unknown>[];
}

interface CheckOutput {
  documents: number;
  mentions: number;
  claims: number;
  diagnostics: JsonDiagnostic[];
}

type ExportRecord = Record<string, string | number | boolean | null>;

/** A corpus folder holding `registry` and `files`, removed when the test process ends. */
function corpusFolder(files: Record<string, string>, registry = REGISTRY): string {
  return writeCorpus({ 'corroborate.yaml': registry, ...files });
}

function checkJson(root: string): CheckOutput {
  const result = run(['check', root, '--format', 'json']);
  assert.equal(result.stderr, '');
  return JSON.parse(result.stdout) as CheckOutput;
}

function doc(body: string, frontMatter = 'source: afp'): string {
  return `---\n${frontMatter}\n---\n${body}\n`;
}

/** The contract's order: file, line, column, code. */
function contractOrder(a: JsonDiagnostic, b: JsonDiagnostic): number {
  const key = (d: JsonDiagnostic): [string, number, number, string] => [d.file, d.line, d.column, d.code];
  const [x, y] = [key(a), key(b)];
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k] < y[k] ? -1 : 1;
  return 0;
}

// Two parties disagree (warnings), with hints for an unannotated alias.
const WARNINGS_ONLY = {
  'a.txt': doc('[Le JNIM]{@jnim} dit avoir [pris le camp]{claim by=@jnim event=@attack outcome=captured} de Niafunké.'),
  'reports/2023/b.txt': doc("[Les FAMa]{@fama} disent avoir [repoussé l'assaut]{claim by=@fama event=@attack outcome=repelled}.", 'source: rfi'),
};

// Errors in two files, two of them at one position with different codes.
const WITH_ERRORS = {
  'b.txt': doc('[GSIM]{@nope @fama} et [x]{claim event=@attack killed=many}.'),
  'd.txt': doc('[x]{claim by=@niafunke event=@attack outcome=captured}'),
  'reports/c.txt': doc('[y]{claim by=@fama event=@attack outcome=repelled}', 'source: rfi'),
};

void describe('corroborate check', () => {
  void test('text: one `path:line:col: severity code: message` line per diagnostic, as in the JSON, then a summary', () => {
    const root = corpusFolder(WARNINGS_ONLY);
    // Run from DIR, where the text output's paths (relative to the working folder) are the JSON's.
    const result = run(['check', root], root);
    assert.equal(result.status, 0);
    assert.equal(result.stderr, '');
    const lines = result.stdout.split('\n');
    assert.equal(lines.pop(), '', 'output ends with a line break');
    const summary = lines.pop() ?? '';
    const json = checkJson(root);
    assert.ok(json.diagnostics.length >= 3);
    assert.deepEqual(
      lines,
      json.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`),
    );
    for (const line of lines) assert.match(line, /^[^:\s]+:\d+:\d+: (error|warning|information|hint) [a-z-]+: \S/);
    assert.match(summary, /\b2 documents\b/);
    assert.match(summary, /\b2 claims\b/);
    assert.match(summary, /\b0 errors\b/);
    assert.match(summary, /\b2 warnings\b/);
    assert.ok(lines.includes(`a.txt:4:72: warning conflicting-claims: ${json.diagnostics.find((d) => d.file === 'a.txt' && d.code === 'conflicting-claims')?.message ?? ''}`));
  });

  void test("a finding's related entries name their line and column in the other report, whatever its line breaks and characters", () => {
    // b.txt ends its lines with \r\n and, once, a lone \r, and has characters of two UTF-16 units before its claim.
    const files = {
      'a.txt': doc('Le 3 mai,\n[Le JNIM]{@jnim} dit avoir [pris le camp]{claim by=@jnim event=@attack #bilan outcome=captured} de Niafunké.'),
      'reports/b.txt': "---\r\nsource: rfi\r\n---\r\nÉcrit à Niafunké 🙂.\r\rSelon RFI, [l'assaut]{claim by=@fama event=@attack #bilan outcome=repelled} a échoué.\r\n",
    };
    const json = checkJson(corpusFolder(files));
    // Where a piece of a file is, counted by hand: 1-based lines, UTF-16 columns.
    const place = (file: keyof typeof files, piece: string) => {
      const text = files[file];
      const from = text.indexOf(piece);
      const at = (offset: number) => {
        const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
        return `${lines.length}:${(lines.at(-1) ?? '').length + 1}`;
      };
      return `${file}:${at(from)}:${at(from + piece.length)}`;
    };
    const located = (d: JsonLocated | Record<string, unknown>) => `${String(d.file)}:${String(d.line)}:${String(d.column)}:${String(d.endLine)}:${String(d.endColumn)}`;
    const found = (file: string, code: string) => json.diagnostics.find((d) => d.file === file && d.code === code);
    assert.equal(located(found('a.txt', 'conflicting-claims') ?? {}), place('a.txt', 'outcome=captured'));
    assert.deepEqual(found('a.txt', 'conflicting-claims')?.related.map(located), [place('reports/b.txt', 'outcome=repelled')]);
    assert.deepEqual(found('reports/b.txt', 'conflicting-claims')?.related.map(located), [place('a.txt', 'outcome=captured')]);
    // The first #bilan's range is read from its claim's block, after check has let a.txt's text go.
    assert.equal(located(found('reports/b.txt', 'duplicate-id') ?? {}), place('reports/b.txt', '#bilan'));
    assert.deepEqual(found('reports/b.txt', 'duplicate-id')?.related.map(located), [place('a.txt', '#bilan')]);
  });

  void test('exit 0 with warnings and hints only, 1 with errors, in both formats', () => {
    const clean = corpusFolder(WARNINGS_ONLY);
    assert.equal(run(['check', clean]).status, 0);
    assert.equal(run(['check', clean, '--format', 'json']).status, 0);
    const broken = corpusFolder(WITH_ERRORS);
    const text = run(['check', broken], broken);
    assert.equal(text.status, 1);
    assert.equal(text.stderr, '');
    assert.match(text.stdout, /^d\.txt:4:14: error wrong-kind: /m);
    const json = run(['check', broken, '--format', 'json']);
    assert.equal(json.status, 1);
    assert.ok((JSON.parse(json.stdout) as CheckOutput).diagnostics.some((d) => d.severity === 'error'));
  });

  const usageErrors: [string, () => string[]][] = [
    ['a missing folder', () => ['check', path.join(tempFolder(), 'absent')]],
    ['a folder without corroborate.yaml', () => ['check', tempFolder()]],
    ['an unknown option', () => ['check', corpusFolder(WARNINGS_ONLY), '--strict']],
    ['an unknown format', () => ['check', corpusFolder(WARNINGS_ONLY), '--format', 'xml']],
    ['an unknown command', () => ['verify', corpusFolder(WARNINGS_ONLY)]],
    ['export without a registry', () => ['export', tempFolder(), '--format', 'csv']],
  ];
  for (const [name, args] of usageErrors) {
    void test(`exit 2 on ${name}: one line on stderr, no stack trace, nothing on stdout`, () => {
      const result = run(args());
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^[^\n]+\n$/, `stderr: ${result.stderr}`);
      assert.doesNotMatch(result.stderr, /\bat .*:\d+:\d+|Error:/);
    });
  }

  void test('a folder that is a file, or a corroborate.yaml that is a folder, is a usage failure too', () => {
    const root = tempFolder();
    fs.writeFileSync(path.join(root, 'file.txt'), 'x');
    fs.mkdirSync(path.join(root, 'corpus', 'corroborate.yaml'), { recursive: true });
    for (const target of [path.join(root, 'file.txt'), path.join(root, 'corpus')]) {
      const result = run(['check', target]);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^corroborate: [^\n]+\n$/);
    }
  });

  void test('the mention count is every ref of every mention read: inside claims, not inside {skip}', () => {
    const root = corpusFolder({
      'a.txt': doc('[Le [JNIM]{@jnim} a [pris le camp de [Niafunké]{@niafunke}]{claim by=@jnim event=@attack outcome=captured}]{claim event=@attack outcome=captured}.'),
      'b.txt': doc('[JNIM et FAMa]{@jnim @fama} ; [cité : [JNIM]{@jnim}]{skip}.'),
    });
    const out = checkJson(root);
    assert.deepEqual({ documents: out.documents, mentions: out.mentions, claims: out.claims }, { documents: 2, mentions: 4, claims: 2 });
  });

  void test('--format json prints exactly one JSON object with the contract field names', () => {
    const root = corpusFolder({ ...WARNINGS_ONLY, ...WITH_ERRORS });
    const result = run(['check', root, '--format', 'json']);
    const out = JSON.parse(result.stdout) as CheckOutput;
    assert.equal(typeof out, 'object');
    assert.ok(!Array.isArray(out));
    assert.deepEqual(Object.keys(out).sort(), ['claims', 'diagnostics', 'documents', 'mentions']);
    assert.deepEqual({ documents: out.documents, mentions: out.mentions, claims: out.claims }, { documents: 5, mentions: 4, claims: 5 });
    const diagnosticKeys = ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'related', 'severity'];
    const relatedKeys = ['claimant', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'source', 'value'];
    let related = 0;
    for (const d of out.diagnostics) {
      assert.deepEqual(Object.keys(d).sort(), diagnosticKeys);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
      for (const r of d.related) {
        assert.deepEqual(Object.keys(r).sort(), relatedKeys);
        related++;
      }
    }
    assert.ok(related > 0);
  });

  void test('--format json writes fields in the contract order, null for what a related claim does not say, a shared related entry alike in each finding', () => {
    const root = corpusFolder({
      'a.txt': doc('[x]{claim by=@jnim event=@attack #bilan outcome=captured}'),
      // No front matter: the claim has no source.
      'b.txt': '[y]{claim by=@fama event=@attack outcome=repelled}\n',
      'c.txt': doc('[z]{claim by=@rfi event=@attack #bilan outcome=withdrawn}', 'source: rfi'),
    });
    const result = run(['check', root, '--format', 'json']);
    const out = JSON.parse(result.stdout) as CheckOutput;
    assert.equal(result.stdout, `${JSON.stringify(out)}\n`);
    for (const d of out.diagnostics) {
      assert.deepEqual(Object.keys(d), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message', 'related']);
      for (const r of d.related) assert.deepEqual(Object.keys(r), ['file', 'line', 'column', 'endLine', 'endColumn', 'message', 'claimant', 'source', 'value']);
    }
    const relatedIn = (file: string, code: string) => out.diagnostics.find((d) => d.file === file && d.code === code)?.related ?? [];
    const fromB = (file: string) => relatedIn(file, 'conflicting-claims').find((r) => r.file === 'b.txt');
    assert.deepEqual(fromB('a.txt'), { file: 'b.txt', line: 1, column: 34, endLine: 1, endColumn: 50, message: '@fama: outcome=repelled', claimant: 'fama', source: null, value: 'repelled' });
    assert.deepEqual(fromB('c.txt'), fromB('a.txt'));
    assert.deepEqual(relatedIn('c.txt', 'duplicate-id'), [{ file: 'a.txt', line: 4, column: 34, endLine: 4, endColumn: 40, message: '#bilan first used here', claimant: null, source: null, value: null }]);
  });

  void test('diagnostics are sorted by file, line, column, code; paths relative to DIR with /', () => {
    const root = corpusFolder({ ...WARNINGS_ONLY, ...WITH_ERRORS });
    const { diagnostics } = checkJson(root);
    assert.deepEqual(diagnostics, [...diagnostics].sort(contractOrder));
    const files = [...new Set(diagnostics.map((d) => d.file))];
    assert.deepEqual(files, ['a.txt', 'b.txt', 'corroborate.yaml', 'd.txt', 'reports/2023/b.txt', 'reports/c.txt']);
    // `[GSIM]{@nope @fama}`: the mention-mismatch over both refs and the unknown @nope start together.
    const together = diagnostics.filter((d) => d.file === 'b.txt' && d.line === 4 && d.column === 8).map((d) => [d.code, d.endColumn]);
    assert.deepEqual(together, [['mention-mismatch', 19], ['unknown-entity', 13]]);
  });

  void test('paths are relative to DIR whatever the working folder; DIR defaults to it', () => {
    const root = corpusFolder(WARNINGS_ONLY);
    const fromParent = run(['check', path.basename(root), '--format', 'json'], path.dirname(root));
    const fromInside = run(['check', '--format', 'json'], root);
    const fromDeeper = run(['check', '../..', '--format', 'json'], path.join(root, 'reports', '2023'));
    const expected = checkJson(root);
    for (const result of [fromParent, fromInside, fromDeeper]) assert.deepEqual(JSON.parse(result.stdout), expected);
    assert.ok(expected.diagnostics.some((d) => d.file === 'reports/2023/b.txt'));
  });
});

void describe('corroborate check: paths people can open', () => {
  /** `path:line:col: …` lines of the text output, the summary dropped. */
  function findingLines(stdout: string): string[] {
    return stdout.split('\n').slice(0, -2);
  }

  void test('text output names files relative to the working folder, so each path:line:col opens from there', () => {
    const root = corpusFolder(WARNINGS_ONLY);
    const expected = checkJson(root).diagnostics;
    const fromParent = run(['check', path.basename(root)], path.dirname(root));
    const fromDeeper = run(['check', '../..'], path.join(root, 'reports', '2023'));
    const sibling = path.join(tempFolder(), 'elsewhere');
    fs.mkdirSync(sibling);
    const fromElsewhere = run(['check', root], sibling);
    for (const [cwd, result] of [[path.dirname(root), fromParent], [path.join(root, 'reports', '2023'), fromDeeper], [sibling, fromElsewhere]] as const) {
      assert.equal(result.status, 0);
      const lines = findingLines(result.stdout);
      assert.deepEqual(
        lines,
        expected.map((d) => `${path.relative(cwd, path.join(root, d.file))}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`),
      );
      for (const line of lines) {
        const [, shown, lineNumber] = /^([^:]+):(\d+):\d+: /.exec(line) ?? [];
        const file = fs.readFileSync(path.resolve(cwd, shown ?? ''), 'utf8');
        assert.ok(file.split(/\r\n|\n|\r/).length >= Number(lineNumber), `${line} names a line its file does not have`);
      }
    }
    assert.ok(fromParent.stdout.startsWith(`${path.basename(root)}/a.txt:4:`));
    assert.ok(fromDeeper.stdout.includes('\n../../a.txt:4:') || fromDeeper.stdout.startsWith('../../a.txt:4:'));
    assert.ok(fromDeeper.stdout.includes('\nb.txt:4:'), 'a file in the working folder is named by its name alone');
    // The JSON keeps DIR-relative paths, whatever the working folder.
    assert.deepEqual(JSON.parse(run(['check', root, '--format', 'json'], sibling).stdout), checkJson(root));
  });

  void test('a file name with a line break, an escape or a quote is printed as a JSON string: one line per finding', () => {
    const names = ['line\nbreak.txt', 'esc\u001b[31mred.txt', '"quoted".txt', 'tab\there.txt', 'plain name.txt'];
    const bad = doc('[x]{claim by=@niafunke event=@attack}');
    const root = corpusFolder(Object.fromEntries(names.map((name) => [name, bad])));
    const result = run(['check', '.'], root);
    assert.equal(result.status, 1);
    const lines = findingLines(result.stdout);
    const json = checkJson(root).diagnostics;
    assert.equal(lines.length, json.length);
    const printed = lines.map((line) => {
      const quoted = /^("(?:[^"\\]|\\.)*"):(\d+):(\d+): /.exec(line);
      if (quoted) return JSON.parse(quoted[1] ?? '') as string;
      return /^([^:]*):\d+:\d+: /.exec(line)?.[1];
    });
    assert.deepEqual(printed, json.map((d) => d.file));
    const controls = [...Array(0x20).keys()].map((code) => String.fromCharCode(code));
    for (const line of lines) assert.ok(!controls.some((c) => line.includes(c)), 'no control character reaches the terminal');
    assert.ok(lines.some((line) => line.startsWith('"line\\nbreak.txt":4:')));
    assert.ok(lines.some((line) => line.startsWith('plain name.txt:4:')), 'names without control characters are printed as they are');
    assert.ok(json.some((d) => d.file === 'line\nbreak.txt'), 'the JSON keeps the name itself');
  });
});

void describe('corroborate export', () => {
  const a = doc(
    '[Le JNIM]{@jnim} affirme : [« nous avons pris le camp, "entièrement" »,\ndit-il]{claim by=@jnim event=@attack #prise outcome=captured date=2023-11 method="au mortier, puis \\"à l\'assaut\\""}.',
  );
  const b = doc(
    '[Au moins vingt soldats tués]{claim by=@local-sources event=@attack killed=>=20 hedged} ; [bilan inconnu]{claim event=@attack killed=?} ; [sans propriété]{claim event=@attack}.',
    'source: rfi\norigin: afp',
  );

  void test('--format json: one record per (claim, property), in file and offset order', () => {
    const root = corpusFolder({ 'a.txt': a, 'b.txt': b });
    const result = run(['export', root, '--format', 'json']);
    assert.equal(result.status, 0);
    assert.equal(result.stderr, '');
    const records = JSON.parse(result.stdout) as ExportRecord[];
    assert.deepEqual(
      records.map((r) => [r.file, r.property, r.value]),
      [
        ['a.txt', 'outcome', 'captured'],
        ['a.txt', 'date', '2023-11'],
        ['a.txt', 'method', 'au mortier, puis "à l\'assaut"'],
        ['b.txt', 'killed', '>=20'],
        ['b.txt', 'killed', '?'],
      ],
    );
    assert.deepEqual(records[1], {
      file: 'a.txt',
      line: 4,
      column: 28,
      endLine: 5,
      endColumn: 116,
      id: 'prise',
      event: 'attack',
      property: 'date',
      value: '2023-11',
      low: '2023-11-01',
      high: '2023-11-30',
      claimant: 'jnim',
      source: 'afp',
      origin: 'afp',
      hedged: false,
      text: '« nous avons pris le camp, "entièrement" »,\ndit-il',
    });
    assert.deepEqual(records[3], {
      file: 'b.txt',
      line: 5,
      column: 1,
      endLine: 5,
      endColumn: 88,
      id: null,
      event: 'attack',
      property: 'killed',
      value: '>=20',
      low: 20,
      high: null,
      claimant: 'local-sources',
      source: 'rfi',
      origin: 'afp',
      hedged: true,
      text: 'Au moins vingt soldats tués',
    });
    assert.deepEqual([records[4]?.low, records[4]?.high, records[4]?.claimant], [null, null, 'rfi']);
  });

  void test('--format csv: a header, then the JSON records, quoted where they hold commas, quotes or line breaks', () => {
    const root = corpusFolder({ 'a.txt': a, 'b.txt': b });
    const records = JSON.parse(run(['export', root, '--format', 'json']).stdout) as ExportRecord[];
    const result = run(['export', root, '--format', 'csv']);
    assert.equal(result.status, 0);
    assert.equal(result.stderr, '');
    const rows = parseCsv(result.stdout);
    const header = rows.shift();
    const columns = Object.keys(records[0] ?? {});
    assert.deepEqual(header, columns);
    assert.deepEqual(
      rows,
      records.map((record) => columns.map((column) => (record[column] === null ? '' : String(record[column])))),
    );
    // The quoted text and the value with a comma and quotes, as written on disk.
    assert.ok(result.stdout.includes('"« nous avons pris le camp, ""entièrement"" »,\ndit-il"'));
    assert.ok(result.stdout.includes('"au mortier, puis ""à l\'assaut"""'));
  });

  void test('a corroborate.yaml with errors: the export is what can be read of it, and standard error says so', () => {
    // Broken YAML reads no documents: an empty export that said nothing was taken for a corpus without claims.
    const root = corpusFolder({ 'a.txt': a }, 'documents: ["*.txt"\nproperties: {\n');
    for (const format of ['json', 'csv', 'events', 'events-json', 'w3c']) {
      const result = run(['export', root, '--format', format]);
      assert.equal(result.status, 0, format);
      assert.equal(result.stderr, 'corroborate: corroborate.yaml has 2 errors: what they concern may be missing from the export (run corroborate check)\n', format);
    }
  });
});

void describe('corroborate --help and --version', () => {
  const commands = ['init', 'check', 'export', 'lsp'];

  void test('--help lists every command with its options and an example of each', () => {
    const result = run(['--help']);
    assert.equal(result.status, 0);
    for (const word of [...commands, '--format', '--stdio', '--adopt', 'json', 'csv', 'sarif', 'w3c']) {
      assert.ok(result.stdout.includes(word), `--help does not mention ${word}`);
    }
    const examples = result.stdout.slice(result.stdout.indexOf('Examples:'));
    for (const command of commands) assert.match(examples, new RegExp(`^  \\$ corroborate ${command}\\b`, 'm'), `no example of ${command}`);
  });

  for (const command of commands) {
    void test(`${command} --help shows an example`, () => {
      const result = run([command, '--help']);
      assert.equal(result.status, 0);
      assert.match(result.stdout, new RegExp(`Examples:\\n  \\$ corroborate ${command}\\b`));
    });
  }

  void test('--version and -v print the version of package.json, alone', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const result = run([flag]);
      assert.deepEqual(result, { status: 0, stdout: `${version}\n`, stderr: '' });
    }
  });
});
