import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Corpus } from '../../server/src/engine/corpus';
import { complete, type CompletionEntry } from '../../server/src/features/completion';
import { loadCorpus } from '../../server/src/workspace/corpusFiles';

const SEEDS = path.join(__dirname, '..', '..', 'seeds');
const AFP = '002_bf727807ddea604f.txt';

describe('completion in the sample corpus', () => {
  let root: string;
  let corpus: Corpus;
  let original: string;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-completion-'));
    fs.cpSync(SEEDS, root, { recursive: true });
    corpus = await loadCorpus(root);
    original = corpus.document(AFP)?.text ?? '';
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  /** The AFP report with `typed` added as a new paragraph, as the editor buffer holds it; `|` marks the cursor. */
  function typing(typed: string): { entries: CompletionEntry[]; offset: number; text: string } {
    const cursor = typed.indexOf('|');
    const text = `${original}\n\n${typed.slice(0, cursor)}${typed.slice(cursor + 1)}`;
    corpus.setDocument(AFP, text);
    const offset = original.length + 2 + cursor;
    return { entries: complete(corpus, AFP, offset), offset, text };
  }

  const ids = (entries: readonly CompletionEntry[]) => entries.map((e) => e.label);
  const sectionOf = (label: string) => corpus.registry.entities.get(label.slice(1))?.section;
  const bestFirst = (entries: readonly CompletionEntry[]) => [...entries].sort((a, b) => ((a.sortText ?? a.label) < (b.sortText ?? b.label) ? -1 : 1));

  test('after by=@ only actors are offered, the party named in the claim first', () => {
    const { entries, offset } = typing('[Le GSIM affirme avoir pris le camp]{claim by=@|');
    assert.ok(entries.length > 0);
    for (const label of ids(entries)) assert.equal(sectionOf(label), 'actor', label);
    assert.ok(ids(entries).includes('@jnim'));
    assert.ok(!ids(entries).includes('@niafunke'), 'a place cannot claim');
    assert.equal(bestFirst(entries)[0]?.label, '@jnim');
    for (const entry of entries) assert.deepEqual(entry.replace, { start: offset - 1, end: offset });
  });

  test('by= without the @ still offers actors, inserting the @', () => {
    const { entries, offset } = typing('[Il dit]{claim by=jn|');
    const jnim = entries.find((e) => e.label === '@jnim');
    assert.equal(jnim?.insertText, '@jnim');
    assert.equal(jnim?.filterText, 'jnim');
    assert.deepEqual(jnim?.replace, { start: offset - 2, end: offset });
  });

  test('event= offers events only', () => {
    const { entries } = typing('[Il dit]{claim by=@jnim event=|');
    assert.ok(ids(entries).includes('@niafunke-attack'));
    for (const label of ids(entries)) assert.equal(sectionOf(label), 'event', label);
  });

  test('an entity property offers ids of its kind; an enum its values and ?', () => {
    const place = typing('[Il dit]{claim by=@jnim event=@niafunke-attack place=@|').entries;
    assert.ok(ids(place).includes('@niafunke'));
    for (const label of ids(place).filter((l) => l !== '?')) assert.equal(sectionOf(label), 'place', label);

    const outcome = typing('[Il dit]{claim by=@jnim event=@niafunke-attack outcome=|').entries;
    assert.deepEqual(ids(outcome), ['captured', 'repelled', 'withdrawn', '?']);
    assert.match(outcome.find((e) => e.label === 'captured')?.detail ?? '', /compatible with withdrawn/);
  });

  test('at a token start in a claim, the keys not used in the block yet', () => {
    const { entries } = typing('[Il dit]{claim by=@jnim outcome=captured | event=@niafunke-attack}');
    const labels = ids(entries);
    for (const used of ['by=', 'event=', 'outcome']) assert.ok(!labels.includes(used), used);
    for (const open of ['killed', 'casualties', 'place', 'hedged', '#']) assert.ok(labels.includes(open), open);
    assert.equal(entries.find((e) => e.label === 'place')?.insertText, 'place=@');
    assert.equal(entries.find((e) => e.label === 'killed')?.insertText, 'killed=');
    assert.equal(entries.find((e) => e.label === 'killed')?.kind, 'property');
  });

  test('hedged and #id are offered once', () => {
    const labels = ids(typing('[Il dit]{claim #c1 hedged |').entries);
    assert.ok(!labels.includes('hedged'));
    assert.ok(!labels.includes('#'));
    assert.ok(labels.includes('by='));
  });

  test('right after { the block kinds are offered', () => {
    const { entries, offset } = typing('[Le GSIM]{|');
    assert.deepEqual(
      entries.map((e) => [e.label, e.insertText]),
      [
        ['claim', 'claim '],
        ['skip', 'skip'],
        ['@', '@'],
      ],
    );
    for (const entry of entries) assert.deepEqual(entry.replace, { start: offset, end: offset });
  });

  test('a mention offers every entity, the one its text is an alias of first', () => {
    const { entries } = typing('[Le GSIM]{@|');
    const sections = new Set(ids(entries).map(sectionOf));
    assert.deepEqual(sections, new Set(['actor', 'place', 'event']));
    assert.equal(bestFirst(entries)[0]?.label, '@jnim');
    assert.match(entries.find((e) => e.label === '@jnim')?.detail ?? '', /^Jama'at Nusrat al-Islam wal-Muslimin \(JNIM\) — actor · armed-group$/);
  });

  test('editing an id in the middle of an existing block replaces the whole id', () => {
    const { entries, text, offset } = typing('[Il dit]{claim by=@jn|im event=@niafunke-attack}');
    const entry = entries.find((e) => e.label === '@jnim');
    assert.ok(entry);
    assert.equal(text.slice(entry.replace.start, entry.replace.end), '@jnim');
    assert.equal(entry.replace.start, offset - '@jn'.length);
  });

  test('a block may wrap lines within its paragraph, not across a blank line', () => {
    assert.ok(ids(typing('[Il dit]{claim\n  by=@|').entries).includes('@jnim'));
    assert.deepEqual(typing('[Il dit]{claim\n\nby=@|').entries, []);
  });

  test('a quoted value holding } keeps the block open; inside quotes nothing is offered', () => {
    assert.ok(ids(typing('[Il dit]{claim method="a } b" |').entries).includes('killed'));
    assert.deepEqual(typing('[Il dit]{claim method="véhicule |').entries, []);
  });

  test('nothing is offered in article text, after a closed block, or after an escaped bracket', () => {
    assert.deepEqual(typing('Le GSIM a |').entries, []);
    assert.deepEqual(typing('[Le GSIM]{@jnim} a @|').entries, []);
    assert.deepEqual(typing('Le GSIM \\]{@|').entries, []);
  });

  test('between ] and { nothing is offered: an insertion there would split the span and change the article', () => {
    assert.deepEqual(typing('[Le GSIM]|{@jnim}').entries, []);
    assert.deepEqual(typing('[Le GSIM]|{').entries, []);
    assert.deepEqual(typing('[Il dit]|{claim by=@jnim event=@niafunke-attack outcome=captured}').entries, []);
    // One character further, inside the block, completion works as before.
    assert.ok(ids(typing('[Le GSIM]{|').entries).includes('claim'));
  });

  test('a block whose [ is still missing is completed too', () => {
    assert.ok(ids(typing('le camp]{@|').entries).includes('@niafunke'));
    assert.ok(ids(typing('le camp]{claim by=@jnim |').entries).includes('event='));
  });

  test('free-text and count values: nothing to guess beyond ?', () => {
    assert.deepEqual(typing('[Il dit]{claim method=|').entries, []);
    assert.deepEqual(ids(typing('[Il dit]{claim killed=|').entries), ['?']);
  });

  test('corroborate.yaml and the front matter get no completion', () => {
    corpus.setDocument(AFP, original);
    const registry = corpus.registry.text;
    assert.deepEqual(complete(corpus, 'corroborate.yaml', registry.indexOf('kind: place') + 'kind: '.length), []);
    assert.deepEqual(complete(corpus, AFP, original.indexOf('source: ') + 'source: '.length), []);
  });
});
