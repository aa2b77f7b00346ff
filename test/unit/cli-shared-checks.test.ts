// `check` on two cores (server/src/cli/sharedChecks.ts): a worker thread
// finds `value-not-in-text` for the reports it reads, one at a time, while the
// main thread reads the corpus. What it finds for a report alone must be what
// the whole corpus finds for it, and a large corpus checked by the built
// program reports every warning in the report it belongs to.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { valueNotInText } from '../../server/src/engine/assist/valueCheck';
import type { Diagnostic } from '../../server/src/engine/diagnostics';
import { serveValueChecks, type ValueCheckWork } from '../../server/src/cli/sharedChecks';
import { loadCorpus } from '../../server/src/workspace/corpusFiles';
import { run, writeCorpus } from '../support/cli';
import { removeFolder } from '../support/tempFolder';

const REGISTRY = [
  'documents: ["reports/*.txt"]',
  'properties:',
  '  killed: { type: count, cues: [tués, killed, قتلوا] }',
  '  date: { type: date }',
  'actors:',
  '  afp: { name: AFP }',
  '  fama: { name: FAMa, aliases: [armée malienne, Malian army] }',
  'events:',
  '  attack: { name: Attack, date: 2023-11-24 }',
  '',
].join('\n');

/** The toll report `i` gives: kept under 1800, where four digits alone read as a year. */
const toll = (i: number) => (i % 1000) + 5;

/** Report `i`: its claim's value contradicts its words when `i` is even (killed one more than the words say). */
function report(i: number): string {
  const said = toll(i);
  const annotated = i % 2 === 0 ? said + 1 : said;
  const body = [
    `[Selon l’[armée malienne]{@fama}, ${said} soldats ont été tués 😀 le 24 novembre 2023]{claim by=@fama event=@attack killed=${annotated}}.`,
    `[The attack took place on 24 November ${i % 3 === 0 ? 2022 : 2023}]{claim event=@attack date=2023-11-24}\r`,
    'وقال الجيش إن عشرات المسلحين قتلوا أمس.',
  ].join('\n');
  return `---\nsource: afp\npublished: 2023-11-25\n---\n${body}\n`;
}

function corpusFiles(count: number): Record<string, string> {
  const files: Record<string, string> = { 'corroborate.yaml': REGISTRY };
  for (let i = 0; i < count; i++) files[`reports/${String(i).padStart(5, '0')}.txt`] = report(i);
  return files;
}

void describe('check on two cores', () => {
  void test('each report read alone gives the warnings the whole corpus gives it, and the worker stops when told', async () => {
    const folder = writeCorpus(corpusFiles(40));
    try {
      const corpus = await loadCorpus(folder);
      const files = corpus.files().filter((file) => file !== 'corroborate.yaml');
      const shared = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
      const work: ValueCheckWork = { role: 'corroborate value-not-in-text', root: folder, files, shared };
      const alone = new Map<string, readonly Diagnostic[]>();
      serveValueChecks(work, (message) => {
        if (message.kind === 'checked') alone.set(message.file, message.diagnostics);
      });
      assert.equal(alone.size, 40);
      let warnings = 0;
      for (const file of files) {
        const facts = corpus.document(file);
        assert.ok(facts);
        const whole = valueNotInText(corpus, facts);
        warnings += whole.length;
        assert.deepEqual(alone.get(file), whole, file);
      }
      assert.ok(warnings >= 20, `the corpus has warnings to find (${warnings})`);

      assert.equal(new Int32Array(shared)[1], 40, 'it counts the reports it checked');
      Atomics.store(new Int32Array(shared), 0, 1);
      const kinds: string[] = [];
      serveValueChecks(work, (message) => kinds.push(message.kind));
      assert.deepEqual(kinds, ['registry', 'done']);
    } finally {
      removeFolder(folder);
    }
  });

  void test('a check of 2,400 reports puts every value-not-in-text warning in its own report', () => {
    const count = 2400;
    const folder = writeCorpus(corpusFiles(count));
    try {
      const result = run(['check', folder, '--format', 'json']);
      assert.equal(result.stderr, '');
      const output = JSON.parse(result.stdout) as { documents: number; diagnostics: { file: string; line: number; code: string; message: string }[] };
      assert.equal(output.documents, count);
      const found = output.diagnostics.filter((d) => d.code === 'value-not-in-text');
      const expected: string[] = [];
      for (let i = 0; i < count; i++) {
        const file = `reports/${String(i).padStart(5, '0')}.txt`;
        if (i % 2 === 0) expected.push(`${file}:5 killed=${toll(i) + 1} (killed=${toll(i)})`);
        if (i % 3 === 0) expected.push(`${file}:6 date=2023-11-24 (date=2022-11-24)`);
      }
      const seen = found.map((d) => {
        const [at] = d.message.split(',');
        const said = /\((\w+=[^)]+)\): correct/.exec(d.message)?.[1];
        return `${d.file}:${d.line} ${at} (${said})`;
      });
      assert.deepEqual(seen.sort(), expected.sort());
    } finally {
      removeFolder(folder);
    }
  });
});
