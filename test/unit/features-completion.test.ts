// Completion as whole lists: each case types a new paragraph at the end of
// the AFP report and compares what is offered with its snapshot under
// test/unit/snapshots/completion/ (UPDATE_SNAPSHOTS=1 rewrites them; review
// the diff). Beside the snapshots, what an entry offers is checked against
// the registry it comes from.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Corpus } from '../../server/src/engine/corpus';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { complete, entityResolution, MAX_ENTITY_ENTRIES, type CompletionEntry } from '../../server/src/features/completion';
import { corpusOf, seedsCorpus } from '../support/corpus';
import { matchSnapshot } from '../support/snapshot';

const AFP = '002_bf727807ddea604f.txt';

/** One entry as the snapshot shows it, with the documentation resolving it adds: the range it replaces is counted from the cursor. */
function describeEntry(corpus: Corpus, entry: CompletionEntry, text: string, cursor: number): string {
  const replaced = text.slice(entry.replace.start, entry.replace.end);
  const lines = [
    `${entry.label} (${entry.kind}) inserts ${JSON.stringify(entry.insertText)} over [${entry.replace.start - cursor}, ${entry.replace.end - cursor}] ${JSON.stringify(replaced)}` +
      (entry.filterText === undefined ? '' : `, filter ${JSON.stringify(entry.filterText)}`) +
      (entry.sortText === undefined ? '' : `, sort ${JSON.stringify(entry.sortText)}`),
  ];
  if (entry.detail !== undefined) lines.push(`    ${entry.detail}`);
  const documentation = entry.documentation ?? (entry.entity !== undefined ? entityResolution(corpus, entry.entity)?.documentation : undefined);
  if (documentation !== undefined) lines.push(...documentation.split('\n').map((line) => `    | ${line}`));
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
  function offered(typed: string): { entries: readonly CompletionEntry[]; text: string; offset: number } {
    const cursor = typed.indexOf('|');
    const text = `${original}\n\n${typed.slice(0, cursor)}${typed.slice(cursor + 1)}`;
    corpus.setDocument(AFP, text);
    const offset = original.length + 2 + cursor;
    return { entries: complete(corpus, AFP, offset).entries, text, offset };
  }

  /** The same, compared with the snapshot `completion/<snapshot>.txt`. */
  function typing(typed: string, snapshot: string): readonly CompletionEntry[] {
    const { entries, text, offset } = offered(typed);
    assert.ok(entries.length > 0, 'a snapshot of nothing offered says less than an assertion');
    const shown = entries.map((entry) => `\n${describeEntry(corpus, entry, text, offset)}`).join('');
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
    assert.equal(complete(corpus, AFP, corpus.document(AFP)?.text.length ?? 0).isIncomplete, false, 'the whole registry: the editor filters it alone');
  });

  test('an edit of corroborate.yaml is offered at the next keystroke: an actor added, renamed, then removed', () => {
    const registry = corpus.registry.text;
    try {
      corpus.setRegistry(registry.replace('actors:\n', 'actors:\n  zz-new-militia: { name: New Militia, kind: armed-group }\n'));
      const added = offered('[Le GSIM]{@zz|').entries.find((entry) => entry.label === '@zz-new-militia');
      assert.equal(added?.detail, 'New Militia — actor · armed-group');
      corpus.setRegistry(registry.replace('actors:\n', 'actors:\n  zz-new-militia: { name: Renamed Militia, kind: armed-group }\n'));
      assert.equal(offered('[Le GSIM]{@zz|').entries.find((entry) => entry.label === '@zz-new-militia')?.detail, 'Renamed Militia — actor · armed-group');
      corpus.setRegistry(registry);
      assert.ok(!ids(offered('[Le GSIM]{@zz|').entries).includes('@zz-new-militia'));
    } finally {
      corpus.setRegistry(registry);
    }
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
    assert.deepEqual(complete(corpus, 'corroborate.yaml', registry.indexOf('kind: place') + 'kind: '.length).entries, []);
    assert.deepEqual(complete(corpus, AFP, original.indexOf('source: ') + 'source: '.length).entries, []);
  });
});

describe('completion of ids in a large registry', () => {
  // 300 armed groups and 300 events, as a newsroom's registry grows: the list is cut, never what is typed.
  const actors = Array.from({ length: 300 }, (_, k) => `  group-${String(k).padStart(3, '0')}: { name: "Group ${k}", kind: armed-group, aliases: ["Band ${k}"] }`);
  const events = Array.from({ length: 300 }, (_, k) => `  attack-${String(k).padStart(3, '0')}: { name: "Attack ${k}" }`);
  const registry = ['documents: ["*.txt"]', 'properties:', '  killed: { type: count }', 'actors:', '  malian-army: { name: "Forces armées maliennes", kind: state-force, description: "The army of Mali." }', ...actors, 'events:', ...events, ''].join('\n');
  const report = '---\nsource: malian-army\n---\n';

  function completing(typed: string) {
    const cursor = typed.indexOf('|');
    const text = `${report}${typed.slice(0, cursor)}${typed.slice(cursor + 1)}`;
    const corpus = corpusOf({ [REGISTRY_FILE]: registry, 'a.txt': text });
    return { corpus, result: complete(corpus, 'a.txt', report.length + cursor) };
  }

  test('right after @, the list is cut and says so, the party the text names first', () => {
    const { result } = completing('[Band 250]{@|');
    assert.equal(result.entries.length, MAX_ENTITY_ENTRIES);
    assert.equal(result.isIncomplete, true, 'the editor must ask again as the analyst types');
    assert.equal(result.entries[0]?.label, '@group-250');
  });

  test('what is typed filters the ids before the cut: every id starting with it is offered', () => {
    const { result } = completing('[Il dit]{claim by=@group-2|');
    const labels = result.entries.map((e) => e.label);
    const expected = Array.from({ length: 100 }, (_, k) => `@group-${200 + k}`);
    assert.deepEqual([...labels].sort(), expected);
    assert.equal(result.isIncomplete, true, 'the other actors were left out: typing less must ask again');
  });

  test('a word of the id matches, and ids whose letters come in order, never others', () => {
    const army = completing('[Il dit]{claim by=@army|').result.entries.map((e) => e.label);
    assert.deepEqual(army, ['@malian-army']);
    const spread = completing('[Il dit]{claim event=@ak9|').result.entries.map((e) => e.label);
    assert.ok(spread.length > 0 && spread.every((label) => /a.*k.*9/.test(label)), spread.join(' '));
  });

  test('an entry carries the entity, whose documentation comes on resolve, not in the list; resolving gives the detail the list gives', () => {
    const { corpus, result } = completing('[Il dit]{claim by=@malian|');
    const army = result.entries[0];
    assert.equal(army?.documentation, undefined, 'no description in the list itself');
    assert.equal(army?.entity, 'malian-army');
    assert.deepEqual(entityResolution(corpus, 'malian-army'), { detail: army.detail, documentation: 'The army of Mali.' });
    assert.equal(entityResolution(corpus, 'no-such-id'), undefined, 'an id the registry no longer has resolves to nothing');
  });
});
