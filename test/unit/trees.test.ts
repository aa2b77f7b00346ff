// The language server keeps only some documents' parse trees whole and
// parses the others again when a feature asks (engine/trees.ts). A feature
// must not see the difference: every answer on a corpus that keeps a single
// tree (so each document asked about lets the previous one's tree go) is the
// answer on a corpus that keeps them all, before and after edits. So must
// the answers of a corpus that lets the reports' texts go and reads them
// again from disk (engine/texts.ts).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { suggestionsFor } from '../../server/src/engine/assist/finder';
import { CueModel } from '../../server/src/engine/assist/model';
import type { Corpus } from '../../server/src/engine/corpus';
import { codeActions } from '../../server/src/features/codeActions';
import { complete } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { definition, prepareRename, references, rename } from '../../server/src/features/navigation';
import { documentSymbols } from '../../server/src/features/symbols';
import { loadCorpus } from '../../server/src/workspace/corpusFiles';
import { SEEDS } from '../support/tempFolder';

/** Everything the features answer for one document, as JSON, asked in the order an editor would: at markup, and on each diagnostic. */
function answers(corpus: Corpus, file: string): string {
  const facts = corpus.document(file);
  assert.ok(facts, file);
  const { text } = facts;
  const diagnostics = corpus.diagnostics(file);
  const out: unknown[] = [documentSymbols(corpus, file), diagnostics];
  for (let at = 0; at < text.length; at++) {
    const char = text[at] ?? '';
    if (!'[{@=#'.includes(char)) continue;
    const offset = at + 2;
    out.push(offset, hover(corpus, file, offset), complete(corpus, file, offset), definition(corpus, file, offset));
    if (char === '@') out.push(references(corpus, file, offset, true), prepareRename(corpus, file, offset), rename(corpus, file, offset, 'renamed-entity'));
  }
  for (const diagnostic of diagnostics) out.push(codeActions(corpus, file, diagnostic, diagnostics));
  return JSON.stringify(out);
}

void describe('a corpus that keeps one parse tree', () => {
  void test('answers hover, completion, navigation, symbols, diagnostics and fixes as one that keeps them all, before and after edits', async () => {
    const whole = await loadCorpus(SEEDS);
    const one = await loadCorpus(SEEDS, { treesKept: 1 });
    // As the language server holds it: the texts let go once read, and read again from the folder when a feature asks.
    const released = await loadCorpus(SEEDS, { treesKept: 1, releaseTexts: true });
    const files = whole.files();
    assert.ok(files.length >= 4);
    assert.ok(files.every((file) => released.document(file)?.layout.isReleased), 'every report read from disk lets its text go');
    const compare = (when: string) => {
      for (const corpus of [one, released]) {
        assert.deepEqual(corpus.allDiagnostics(), whole.allDiagnostics(), `diagnostics ${when}`);
        for (const file of files) assert.equal(answers(corpus, file), answers(whole, file), `${file} ${when}`);
      }
    };
    compare('as read');

    // Prose typed at the start of the first report's article, then a claim's value changed in the second.
    const [first, second] = files;
    const firstFacts = whole.document(first);
    assert.ok(firstFacts);
    const body = firstFacts.parsed.frontMatter?.end ?? 0;
    const typed = `${firstFacts.text.slice(0, body)}Une phrase tapée. ${firstFacts.text.slice(body)}`;
    for (const corpus of [whole, one, released]) corpus.setDocument(first, typed);
    assert.equal(released.document(first)?.layout.isReleased, false, 'a report typed in (an editor buffer) keeps its text');
    const secondText = whole.document(second)?.text ?? '';
    const changed = secondText.replace(/killed=([>=~]*)(\d+)/, (_, bound: string, n: string) => `killed=${bound}${Number(n) + 7}`);
    assert.notEqual(changed, secondText);
    for (const corpus of [whole, one, released]) corpus.setDocument(second, changed);
    compare('after edits');

    // corroborate.yaml re-read: every document is read again against it.
    const registry = whole.registry.text.replace(/\nactors:\n/, '\nactors:\n  bench-added:\n    name: Added\n    aliases: [Added Group]\n');
    assert.notEqual(registry, whole.registry.text);
    for (const corpus of [whole, one, released]) corpus.setRegistry(registry);
    compare('after a registry edit');
  });
});

void describe('learning the assist’s cues on a corpus that keeps few trees', () => {
  void test('keeps the trees of the documents asked about last, keeps no other, and learns what a corpus that keeps them all learns', async () => {
    const whole = await loadCorpus(SEEDS);
    const few = await loadCorpus(SEEDS, { treesKept: 2 });
    const files = few.files();
    assert.ok(files.length >= 4);
    // Two reports open in an editor: their trees are the ones the corpus keeps.
    const open = files.slice(0, 2);
    const trees = open.map((file) => few.document(file)?.parsed);
    assert.equal(CueModel.of(few).taught(), CueModel.of(whole).taught());
    assert.deepEqual(suggestionsFor(few, open[0]), suggestionsFor(whole, open[0]));
    open.forEach((file, k) => assert.equal(few.document(file)?.keptTree(), trees[k], `${file} kept its tree`));
    for (const file of files.slice(2)) assert.equal(few.document(file)?.keptTree(), undefined, `${file} keeps no tree`);
  });
});
