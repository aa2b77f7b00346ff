// What the corpus teaches the assist is kept beside the corpus and updated
// from the documents that changed, so that asking for one open document's
// suggestions while typing does not relearn the corpus. Whatever the edits,
// the suggestions equal those of a corpus read afresh; and the more a desk
// annotates, the more the assist ties: a count its cues did not tie before
// is tied once claims with such counts are annotated.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { suggestionsFor } from '../../server/src/engine/assist/finder';
import { CueModel } from '../../server/src/engine/assist/model';
import { Corpus } from '../../server/src/engine/corpus';
import { checkProperty } from '../fuzz';

const REGISTRY = `documents: ["*.txt"]
properties:
  looted: { type: count }
  killed: { type: count }
  date: { type: date }
actors:
  afp: { name: AFP }
  rfi: { name: RFI }
  residents: { name: Residents, anonymous: true, aliases: [habitants] }
events:
  raid: { name: Raid on the market, date: 2024-03-02 }
  ambush: { name: Ambush of the convoy, date: 2024-03-04 }
`;

const FRONT = '---\nsource: afp\npublished: 2024-03-05\nlanguage: fr\n---\n';

const OPEN = `${FRONT}Selon des habitants, une trentaine de boutiques ont été pillées au marché. Deux chauffeurs du convoi ont été tués.\n`;

/** Annotated reports that teach what "pillées" near a count means, and which words the raid's claims hold. */
const TEACHING = [
  `${FRONT}[Les assaillants ont pillé 12 boutiques du marché]{claim by=@residents event=@raid looted=12}.\n`,
  `${FRONT}[Quinze échoppes du marché ont été pillées]{claim event=@raid looted=15}.\n[Trois soldats du convoi ont été tués]{claim event=@ambush killed=3}.\n`,
  `${FRONT}[Le convoi a été attaqué mardi]{claim event=@ambush date=2024-03-04}. [Les boutiques du marché ont été pillées samedi]{claim event=@raid date=2024-03-02}.\n`,
  // Claims of other facts, so that the words above are rare among the claims, as in any corpus of some size.
  `${FRONT}[Deux camions ont brûlé sur la route]{claim event=@ambush}. [Un blindé a sauté sur une mine]{claim event=@ambush}.\n` +
    '[Quatre gendarmes ont été tués près du pont]{claim event=@ambush killed=4}. [Une patrouille est arrivée le lendemain]{claim event=@ambush}.\n' +
    '[Le chef du village a été enlevé]{claim event=@ambush}. [Cinq civils sont morts à l’hôpital]{claim event=@ambush killed=5}.\n' +
    '[Une vingtaine de boutiques ont été pillées au marché]{claim by=@residents event=@raid looted=~20}.\n',
];

function fresh(files: Readonly<Record<string, string>>): Corpus {
  const corpus = new Corpus(REGISTRY);
  for (const [file, text] of Object.entries(files)) corpus.setDocument(file, text);
  return corpus;
}

describe('the cues the corpus teaches', () => {
  test('a count is tied to a property once annotated claims teach its cue', () => {
    const before = suggestionsFor(fresh({ 'open.txt': OPEN }), 'open.txt');
    assert.ok(!before.some((s) => s.properties.some((p) => p.key === 'looted')), JSON.stringify(before.map((s) => s.markup)));
    const files: Record<string, string> = { 'open.txt': OPEN };
    TEACHING.forEach((text, i) => (files[`t${i}.txt`] = text));
    const after = suggestionsFor(fresh(files), 'open.txt');
    const looted = after.find((s) => s.properties.some((p) => p.key === 'looted'));
    assert.ok(looted, JSON.stringify(after.map((s) => s.markup)));
    assert.match(looted.markup, /looted=~30/u);
    assert.match(looted.markup, /event=@raid/u);
  });

  test('kept up to date through edits, deletions and a new registry, it equals a corpus read afresh', () => {
    const corpus = new Corpus(REGISTRY);
    const files: Record<string, string> = { 'open.txt': OPEN };
    corpus.setDocument('open.txt', OPEN);
    const same = () => assert.deepEqual(suggestionsFor(corpus, 'open.txt'), suggestionsFor(fresh(files), 'open.txt'));
    same();
    TEACHING.forEach((text, i) => {
      corpus.setDocument(`t${i}.txt`, text);
      files[`t${i}.txt`] = text;
      same();
    });
    // An edit to a teaching report, then to the open one, as typing does.
    const edited = TEACHING[1].replace('looted=15', 'looted=16');
    corpus.setDocument('t1.txt', edited);
    files['t1.txt'] = edited;
    same();
    const typed = OPEN.replace('une trentaine', 'une quarantaine');
    corpus.setDocument('open.txt', typed);
    files['open.txt'] = typed;
    same();
    corpus.deleteDocument('t0.txt');
    delete files['t0.txt'];
    same();
    // An alias added: the model keeps every document's share (what they read of the registry is the same).
    const aliased = REGISTRY.replace('aliases: [habitants]', 'aliases: [habitants, villageois]');
    assert.notEqual(aliased, REGISTRY);
    corpus.setRegistry(aliased);
    assert.deepEqual(suggestionsFor(corpus, 'open.txt'), suggestionsFor(withRegistry(files, aliased), 'open.txt'));
    corpus.setRegistry(`${REGISTRY}vague:\n  une quarantaine: "35..45"\n`);
    assert.deepEqual(suggestionsFor(corpus, 'open.txt'), suggestionsFor(withRegistry(files, `${REGISTRY}vague:\n  une quarantaine: "35..45"\n`), 'open.txt'));
  });

  test('the same words claimed by two parties in two reports: after either report goes, it teaches what the other alone teaches', () => {
    const words = 'Trois soldats du convoi ont été tués';
    const reports = {
      'residents.txt': `${FRONT}[${words}]{claim by=@residents event=@ambush killed=3}.\n`,
      'outlet.txt': `${FRONT}[${words}]{claim event=@ambush killed=3}.\n`,
    };
    for (const [gone, kept] of [['residents.txt', 'outlet.txt'], ['outlet.txt', 'residents.txt']] as const) {
      for (const order of [[gone, kept], [kept, gone]]) {
        const corpus = new Corpus(REGISTRY);
        for (const file of order) {
          corpus.setDocument(file, reports[file]);
          CueModel.of(corpus);
        }
        corpus.deleteDocument(gone);
        assert.equal(CueModel.of(corpus).taught(), CueModel.of(fresh({ [kept]: reports[kept] })).taught(), `${order.join(' then ')}, ${gone} deleted`);
      }
    }
  });
});

function withRegistry(files: Readonly<Record<string, string>>, registry: string): Corpus {
  const corpus = new Corpus(registry);
  for (const [file, text] of Object.entries(files)) corpus.setDocument(file, text);
  return corpus;
}

/**
 * Incremental equals from scratch for the model itself, learnt as the
 * language server learns it: a few documents at a time between edits, a
 * pass cut short by the next edit, whole documents replaced, removed, and
 * registry edits that keep the documents' facts (a description, an alias), re-read
 * them (a new property) or change how claims' words read (`vague:`).
 */
const FRAGMENTS = [
  'Selon des habitants, une trentaine de boutiques ont été pillées au marché. ',
  '[Les assaillants ont pillé 12 boutiques du marché]{claim by=@residents event=@raid looted=12}. ',
  '[Quinze échoppes du marché ont été pillées]{claim event=@raid looted=15}. ',
  // The same words as other fragments, claimed by another party or with other mentions: what is learnt must not depend on which copy came first.
  '[Les assaillants ont pillé 12 boutiques du marché]{claim event=@raid looted=12}. ',
  '[Quinze échoppes du marché ont été pillées]{claim by=@residents event=@raid looted=15}. ',
  '[Les assaillants ont pillé 12 boutiques du [marché]{@raid}]{claim by=@afp event=@raid looted=12}. ',
  '[Trois soldats du convoi ont été tués]{claim event=@ambush killed=3}. ',
  '[Le convoi a été attaqué mardi]{claim event=@ambush date=2024-03-04}. ',
  '[Une quarantaine de boutiques ont été pillées samedi]{claim by=@residents event=@raid looted=~40 date=2024-03-02}. ',
  '[Des dizaines de soldats ont été tués]{claim event=@ambush killed=>=20}. ',
  '[Le bilan n’a pas été communiqué]{claim event=@ambush killed=?}. ',
  'Deux chauffeurs du convoi ont été tués. ',
];

const REGISTRY_EDITS = [
  REGISTRY,
  REGISTRY.replace('Raid on the market', 'Raid on the central market'),
  REGISTRY.replace('aliases: [habitants]', 'aliases: [habitants, villageois]'),
  `${REGISTRY}vague:\n  des dizaines: ">=30"\n  une quarantaine: "35..45"\n`,
  REGISTRY.replace('  date: { type: date }', '  date: { type: date }\n  wounded: { type: count }'),
  REGISTRY.replace('  looted: { type: count }\n', ''),
];

/** Front matters of the reports: claims without `by=` are their outlet's, so the same words change claimant with the outlet. */
const FRONTS = [FRONT, FRONT.replace('source: afp', 'source: rfi')];

type ModelOperation =
  | { readonly kind: 'set'; readonly file: string; readonly front: number; readonly fragments: readonly number[] }
  | { readonly kind: 'delete'; readonly file: string }
  | { readonly kind: 'registry'; readonly registry: number }
  | { readonly kind: 'learn'; readonly documents: number };

const MODEL_FILES = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'];
const modelOperation: fc.Arbitrary<ModelOperation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      file: fc.constantFrom(...MODEL_FILES),
      front: fc.nat({ max: FRONTS.length - 1 }),
      fragments: fc.array(fc.nat({ max: FRAGMENTS.length - 1 }), { maxLength: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), file: fc.constantFrom(...MODEL_FILES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('registry' as const), registry: fc.nat({ max: REGISTRY_EDITS.length - 1 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('learn' as const), documents: fc.nat({ max: 4 }) }) },
);

describe('the cue model learnt a slice at a time', () => {
  test('after any edits, with learning cut short between them, it teaches what a model learnt afresh teaches', () => {
    checkProperty(
      fc.property(fc.array(modelOperation, { maxLength: 20 }), (operations) => {
        let registry = REGISTRY;
        const files = new Map<string, string>();
        const corpus = new Corpus(registry);
        for (const op of operations) {
          if (op.kind === 'set') {
            const text = FRONTS[op.front] + op.fragments.map((k) => FRAGMENTS[k]).join('') + '\n';
            files.set(op.file, text);
            corpus.setDocument(op.file, text);
          } else if (op.kind === 'delete') {
            files.delete(op.file);
            corpus.deleteDocument(op.file);
          } else if (op.kind === 'registry') {
            registry = REGISTRY_EDITS[op.registry];
            corpus.setRegistry(registry);
          } else {
            let left = op.documents;
            CueModel.learnSome(corpus, () => left-- > 0);
          }
        }
        assert.equal(CueModel.of(corpus).taught(), CueModel.of(withRegistry(Object.fromEntries(files), registry)).taught());
        assert.ok(CueModel.current(corpus));
      }),
      100,
    );
  });

  test('after more edits than the corpus remembers, learning then teaches what a model learnt afresh teaches', () => {
    // Each version of a report its own words (figures teach nothing): what it teaches changes with every edit.
    const places = ['entrepôts', 'boutiques', 'échoppes', 'maisons', 'greniers', 'ateliers', 'magasins', 'kiosques'];
    const report = (file: number, edit: number) => `${FRONT}[Les assaillants ont pillé 12 ${places[edit % places.length]} du quartier ${'abcdefghijklmnopqrst'[file]}]{claim by=@residents event=@raid looted=12}.\n`;
    const files = new Map<string, string>();
    for (let i = 0; i < 20; i++) files.set(`r${i}.txt`, report(i, 0));
    const corpus = withRegistry(Object.fromEntries(files), REGISTRY);
    CueModel.of(corpus);
    // 400 edits, then one deletion, before the model learns again; the first 100 edit documents the last 300 do not (the corpus names the documents of the last 256 changes).
    for (let edit = 1; edit <= 400; edit++) {
      const index = (edit < 100 ? 0 : 10) + (edit % 10);
      files.set(`r${index}.txt`, report(index, edit));
      corpus.setDocument(`r${index}.txt`, report(index, edit));
    }
    files.delete('r3.txt');
    corpus.deleteDocument('r3.txt');
    assert.equal(CueModel.of(corpus).taught(), CueModel.of(withRegistry(Object.fromEntries(files), REGISTRY)).taught());
  });

  test('a request learns for a bounded time, and the idle work finishes what it left', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`r${i}.txt`] = FRONT + FRAGMENTS.slice(1, 8).join('') + `Rapport ${i}.\n`;
    const corpus = withRegistry(files, REGISTRY);
    assert.equal(CueModel.current(corpus), undefined, 'nothing is learnt until asked');
    const partly = CueModel.learntWithin(corpus, 0);
    assert.equal(CueModel.current(corpus), undefined, 'one document learnt, not 200');
    assert.notEqual(partly.taught(), CueModel.untaught.taught());
    let slices = 1;
    while (!CueModel.learnSome(corpus, () => false)) slices++;
    assert.ok(slices >= 199, `learnt one document a step: ${slices} steps`);
    assert.equal(CueModel.current(corpus)?.taught(), CueModel.of(withRegistry(files, REGISTRY)).taught());
  });
});
