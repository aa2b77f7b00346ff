// Completion as whole lists: each case types a new paragraph at the end of
// the AFP report and compares what is offered with its snapshot under
// test/unit/snapshots/completion/ (UPDATE_SNAPSHOTS=1 rewrites them; review
// the diff). Beside the snapshots, what an entry offers is checked against
// the registry it comes from.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Corpus } from '../../server/src/engine/corpus';
import { complete, type CompletionEntry } from '../../server/src/features/completion';
import { seedsCorpus } from '../support/corpus';
import { matchSnapshot } from '../support/snapshot';

const AFP = '002_bf727807ddea604f.txt';

/** One entry as the snapshot shows it: the range it replaces is counted from the cursor. */
function describeEntry(entry: CompletionEntry, text: string, cursor: number): string {
  const replaced = text.slice(entry.replace.start, entry.replace.end);
  const lines = [
    `${entry.label} (${entry.kind}) inserts ${JSON.stringify(entry.insertText)} over [${entry.replace.start - cursor}, ${entry.replace.end - cursor}] ${JSON.stringify(replaced)}` +
      (entry.filterText === undefined ? '' : `, filter ${JSON.stringify(entry.filterText)}`) +
      (entry.sortText === undefined ? '' : `, sort ${JSON.stringify(entry.sortText)}`),
  ];
  if (entry.detail !== undefined) lines.push(`    ${entry.detail}`);
  if (entry.documentation !== undefined) lines.push(...entry.documentation.split('\n').map((line) => `    | ${line}`));
  return lines.join('\n');
}

describe('completion in the sample corpus', () => {
  let corpus: Corpus;
  let original: string;

  before(async () => {
    corpus = await seedsCorpus();
    original = corpus.document(AFP)?.text ?? '';
  });

  /** What is offered in the AFP report with `typed` added as a new paragraph, as the editor buffer holds it; `|` marks the cursor. */
  function offered(typed: string): { entries: CompletionEntry[]; text: string; offset: number } {
    const cursor = typed.indexOf('|');
    const text = `${original}\n\n${typed.slice(0, cursor)}${typed.slice(cursor + 1)}`;
    corpus.setDocument(AFP, text);
    const offset = original.length + 2 + cursor;
    return { entries: complete(corpus, AFP, offset), text, offset };
  }

  /** The same, compared with the snapshot `completion/<snapshot>.txt`. */
  function typing(typed: string, snapshot: string): CompletionEntry[] {
    const { entries, text, offset } = offered(typed);
    assert.ok(entries.length > 0, 'a snapshot of nothing offered says less than an assertion');
    const shown = entries.map((entry) => `\n${describeEntry(entry, text, offset)}`).join('');
    matchSnapshot(`completion/${snapshot}.txt`, `typed: ${typed.replace(/\n/g, '⏎')}\n${entries.length} entries\n${shown}\n`);
    return entries;
  }

  const ids = (entries: readonly CompletionEntry[]) => entries.map((e) => e.label);
  const sectionOf = (label: string) => corpus.registry.entities.get(label.slice(1))?.section;

  test('after by=@ only actors are offered, the party named in the claim first', () => {
    const entries = typing('[Le GSIM affirme avoir pris le camp]{claim by=@|', 'by-at');
    // Every actor of the registry, and nothing else.
    const actors = [...corpus.registry.entities.values()].filter((e) => e.section === 'actor').map((e) => `@${e.id}`);
    assert.deepEqual(ids(entries).sort(), actors.sort());
  });

  test('by= without the @ still offers actors, inserting the @', () => {
    const entries = typing('[Il dit]{claim by=jn|', 'by-without-at');
    for (const label of ids(entries)) assert.equal(sectionOf(label), 'actor', label);
  });

  test('event= offers events only', () => {
    const entries = typing('[Il dit]{claim by=@jnim event=|', 'event');
    for (const label of ids(entries)) assert.equal(sectionOf(label), 'event', label);
  });

  test('an entity property offers ids of its kind; an enum its values and ?', () => {
    const place = typing('[Il dit]{claim by=@jnim event=@niafunke-attack place=@|', 'entity-property');
    for (const label of ids(place).filter((l) => l !== '?')) assert.equal(sectionOf(label), 'place', label);
    typing('[Il dit]{claim by=@jnim event=@niafunke-attack outcome=|', 'enum-property');
  });

  test('at a token start in a claim, the keys not used in the block yet', () => {
    const labels = ids(typing('[Il dit]{claim by=@jnim outcome=captured | event=@niafunke-attack}', 'keys'));
    for (const used of ['by=', 'event=', 'outcome']) assert.ok(!labels.includes(used), used);
    // Every property of the registry not used in the block.
    for (const key of corpus.registry.properties.keys()) assert.equal(labels.includes(key), key !== 'outcome', key);
  });

  test('hedged and #id are offered once', () => {
    typing('[Il dit]{claim #c1 hedged |', 'hedged-and-id-used');
  });

  test('right after { the block kinds are offered', () => {
    typing('[Le GSIM]{|', 'block-kinds');
  });

  test('a mention offers every entity, the one its text is an alias of first', () => {
    const entries = typing('[Le GSIM]{@|', 'mention');
    assert.deepEqual(ids(entries).sort(), [...corpus.registry.entities.keys()].map((id) => `@${id}`).sort());
  });

  test('editing an id in the middle of an existing block replaces the whole id', () => {
    typing('[Il dit]{claim by=@jn|im event=@niafunke-attack}', 'id-middle');
  });

  test('a block may wrap lines within its paragraph, not across a blank line', () => {
    typing('[Il dit]{claim\n  by=@|', 'wrapped-block');
    assert.deepEqual(offered('[Il dit]{claim\n\nby=@|').entries, []);
  });

  test('a quoted value holding } keeps the block open; inside quotes nothing is offered', () => {
    assert.ok(ids(typing('[Il dit]{claim method="a } b" |', 'after-quoted-brace')).includes('killed'));
    assert.deepEqual(offered('[Il dit]{claim method="véhicule |').entries, []);
  });

  test('nothing is offered in article text, after a closed block, or after an escaped bracket', () => {
    assert.deepEqual(offered('Le GSIM a |').entries, []);
    assert.deepEqual(offered('[Le GSIM]{@jnim} a @|').entries, []);
    assert.deepEqual(offered('Le GSIM \\]{@|').entries, []);
  });

  test('between ] and { nothing is offered: an insertion there would split the span and change the article', () => {
    assert.deepEqual(offered('[Le GSIM]|{@jnim}').entries, []);
    assert.deepEqual(offered('[Le GSIM]|{').entries, []);
    assert.deepEqual(offered('[Il dit]|{claim by=@jnim event=@niafunke-attack outcome=captured}').entries, []);
    // One character further, inside the block, completion works as before.
    assert.ok(ids(offered('[Le GSIM]{|').entries).includes('claim'));
  });

  test('a block whose [ is still missing is completed too', () => {
    assert.ok(ids(offered('le camp]{@|').entries).includes('@niafunke'));
    assert.ok(ids(offered('le camp]{claim by=@jnim |').entries).includes('event='));
  });

  test('free-text and count values: nothing to guess beyond ?', () => {
    assert.deepEqual(offered('[Il dit]{claim method=|').entries, []);
    typing('[Il dit]{claim killed=|', 'count-value');
  });

  test('corroborate.yaml and the front matter get no completion', () => {
    corpus.setDocument(AFP, original);
    const registry = corpus.registry.text;
    assert.deepEqual(complete(corpus, 'corroborate.yaml', registry.indexOf('kind: place') + 'kind: '.length), []);
    assert.deepEqual(complete(corpus, AFP, original.indexOf('source: ') + 'source: '.length), []);
  });
});
