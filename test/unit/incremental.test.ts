// The corpus index is updated from the difference each edit makes (corpus.ts);
// the editor relies on it giving what a fresh check of the same texts gives,
// and on setDocument/deleteDocument naming every file whose diagnostics moved.
// Random edit sequences over a small corpus check both.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Corpus } from '../../server/src/engine/corpus';
import type { EncodingProblem } from '../../server/src/engine/document';
import { REGISTRY_FILE } from '../../server/src/engine/registry';

const BASE = `documents: ["*.txt", "sub/*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled, withdrawn], compatible: [[captured, withdrawn]] }
  killed: { type: count }
  place: { type: entity, kind: place }
actors:
  jnim: { name: JNIM, aliases: [JNIM, GSIM] }
  fama: { name: FAMa, aliases: [FAMa] }
  afp: { name: AFP }
  rfi: { name: RFI }
  local: { name: Local sources, anonymous: true }
places:
  mali: { name: Mali, aliases: [Mali] }
  niafunke: { name: Niafunké, aliases: [Niafunké], in: mali }
  gao: { name: Gao, in: mali }
events:
  attack: { name: Attack }
  raid: { name: Raid }
`;

const REGISTRIES = [
  BASE,
  // The raid's outcome acknowledged as disputed.
  BASE.replace('raid: { name: Raid }', 'raid: { name: Raid, disputed: { outcome: [captured, repelled] } }'),
  // gao gone, GSIM ambiguous, local sources no longer anonymous, a wider ~N.
  BASE.replace('  gao: { name: Gao, in: mali }\n', '')
    .replace('aliases: [FAMa]', 'aliases: [FAMa, GSIM]')
    .replace('anonymous: true', 'anonymous: false')
    .replace('killed: { type: count }', 'killed: { type: count, tolerance: 15 }'),
  // Unreadable: a tab as indentation.
  BASE.replace('  raid:', '\traid:'),
  // Nothing documents read changes (names, descriptions, in:), so documents are not re-read.
  BASE.replace('jnim: { name: JNIM,', 'jnim: { name: "JNIM (GSIM)", description: a coalition,').replace('gao: { name: Gao, in: mali }', 'gao: { name: Gao, in: niafunke }').replace('niafunke: { name: Niafunké, aliases: [Niafunké], in: mali }', 'niafunke: { name: Niafunké, aliases: [Niafunké] }'),
  // Aliases alone: GSIM moves from JNIM to FAMa, Gao gains one, so documents are not re-read either.
  BASE.replace('aliases: [JNIM, GSIM]', 'aliases: [JNIM]').replace('aliases: [FAMa]', 'aliases: [FAMa, GSIM]').replace('gao: { name: Gao,', 'gao: { name: Gao, aliases: [Gao],'),
];

const FILES = ['a.txt', 'b.txt', 'sub/c.txt'];

const FRAGMENTS = [
  '[Le JNIM]{@jnim} a attaqué.',
  '[pris]{claim by=@jnim event=@attack outcome=captured}',
  '[repoussé]{claim by=@fama event=@attack outcome=repelled}',
  '[retirés]{claim by=@fama event=@attack outcome=withdrawn #r1}',
  '[dix morts]{claim event=@attack killed=10 #k1}',
  '[vingt morts]{claim event=@attack killed=20 #k1}',
  '[une cinquantaine]{claim by=@local event=@attack killed=~50 hedged}',
  '[trente]{claim by=@local event=@attack killed=30}',
  '[bilan inconnu]{claim by=@local event=@attack killed=?}',
  '[à Niafunké]{claim by=@jnim event=@attack place=@niafunke}',
  '[au Mali]{claim by=@fama event=@attack place=@mali}',
  '[à Gao]{claim by=@fama event=@attack place=@gao}',
  '[pris]{claim by=@jnim event=@raid outcome=captured}',
  '[repoussé]{claim by=@fama event=@raid outcome=repelled}',
  '[retirés]{claim by=@local event=@raid outcome=withdrawn}',
  'Les FAMa et le JNIM, à Niafunké.',
  '[GSIM]{@fama}',
  '[quelqu’un]{@nobody}',
  '[x]{claim by=@niafunke event=@attack killed=many}',
  'texte ]{@jnim}',
  '[Un lecteur : le JNIM ment]{skip}',
];

interface DocumentState {
  readonly text: string;
  readonly encoding?: EncodingProblem;
}

type Operation =
  | { readonly kind: 'set'; readonly file: string; readonly document: DocumentState }
  | { readonly kind: 'delete'; readonly file: string }
  | { readonly kind: 'registry'; readonly registry: number }
  | { readonly kind: 'read'; readonly file?: string };

const documentState: fc.Arbitrary<DocumentState> = fc
  .record({
    source: fc.option(fc.constantFrom('afp', 'rfi', 'jnim', 'niafunke', 'nobody'), { nil: undefined }),
    body: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 5 }),
    separator: fc.constantFrom(' ', '\n', '\n\n', '\r\n'),
    invalidAt: fc.option(fc.nat({ max: 40 }), { freq: 6, nil: undefined }),
  })
  .map(({ source, body, separator, invalidAt }) => {
    const text = (source === undefined ? '' : `---\nsource: ${source}\n---\n`) + body.join(separator) + '\n';
    return invalidAt === undefined ? { text } : { text, encoding: { offset: invalidAt, message: 'invalid UTF-8' } };
  });

const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), file: fc.constantFrom(...FILES), document: documentState }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), file: fc.constantFrom(...FILES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('registry' as const), registry: fc.nat({ max: REGISTRIES.length - 1 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('read' as const), file: fc.option(fc.constantFrom(REGISTRY_FILE, ...FILES), { nil: undefined }) }),
  },
);

/** A corpus built from scratch with the given registry and documents. */
function freshCorpus(registry: string, documents: ReadonlyMap<string, DocumentState>, order: readonly string[]): Corpus {
  const corpus = new Corpus(registry);
  for (const file of order) {
    const document = documents.get(file);
    if (document) corpus.setDocument(file, document.text, document.encoding);
  }
  return corpus;
}

/** Each file's diagnostics, as JSON so they compare by value. */
function perFile(corpus: Corpus): Map<string, string> {
  const all = new Map<string, string>();
  for (const file of [REGISTRY_FILE, ...FILES]) all.set(file, JSON.stringify(corpus.diagnostics(file)));
  return all;
}

void describe('incremental corpus updates', () => {
  void test('after any edit sequence, the diagnostics equal a fresh check of the final texts', () => {
    fc.assert(
      fc.property(fc.nat({ max: REGISTRIES.length - 1 }), fc.array(operation, { maxLength: 14 }), fc.shuffledSubarray(FILES, { minLength: 3 }), (start, operations, order) => {
        let registry = REGISTRIES[start] ?? BASE;
        const corpus = new Corpus(registry);
        const documents = new Map<string, DocumentState>();
        for (const op of operations) {
          switch (op.kind) {
            case 'set':
              corpus.setDocument(op.file, op.document.text, op.document.encoding);
              documents.set(op.file, op.document);
              break;
            case 'delete':
              corpus.deleteDocument(op.file);
              documents.delete(op.file);
              break;
            case 'registry':
              registry = REGISTRIES[op.registry] ?? BASE;
              corpus.setRegistry(registry);
              break;
            case 'read':
              // Fills the caches an edit must then invalidate.
              if (op.file === undefined) corpus.allDiagnostics();
              else corpus.diagnostics(op.file);
              break;
          }
        }
        const fresh = freshCorpus(registry, documents, order);
        assert.deepEqual(corpus.files(), fresh.files());
        assert.deepEqual(corpus.allDiagnostics(), fresh.allDiagnostics());
        assert.deepEqual(perFile(corpus), perFile(fresh));
      }),
      { numRuns: 200 },
    );
  });

  void test('setDocument and deleteDocument name every file whose diagnostics change', () => {
    fc.assert(
      fc.property(fc.nat({ max: REGISTRIES.length - 1 }), fc.array(operation, { maxLength: 12 }), (start, operations) => {
        const registry = REGISTRIES[start] ?? BASE;
        const corpus = new Corpus(registry);
        const documents = new Map<string, DocumentState>();
        for (const op of operations) {
          if (op.kind !== 'set' && op.kind !== 'delete') {
            corpus.allDiagnostics();
            continue;
          }
          const before = perFile(freshCorpus(registry, documents, FILES));
          let touched: Set<string>;
          if (op.kind === 'set') {
            touched = corpus.setDocument(op.file, op.document.text, op.document.encoding);
            documents.set(op.file, op.document);
          } else {
            touched = corpus.deleteDocument(op.file);
            documents.delete(op.file);
          }
          const after = perFile(freshCorpus(registry, documents, FILES));
          for (const [file, diagnostics] of after) {
            if (diagnostics !== before.get(file)) assert.ok(touched.has(file), `${file} changed but was not reported after ${op.kind} ${op.file}`);
          }
          // And what the corpus serves for each file is right at once.
          assert.deepEqual(perFile(corpus), after);
        }
      }),
      { numRuns: 150 },
    );
  });

  void test('an alias edit names corroborate.yaml, the shown documents and those whose mentions now name others; every document then reads as fresh', () => {
    const corpus = new Corpus(BASE);
    const documents = new Map<string, DocumentState>([
      ['a.txt', { text: '[GSIM]{@jnim} et les FAMa.\n' }],
      ['b.txt', { text: 'Le GSIM à Gao, selon [les FAMa]{@fama}.\n' }],
      ['sub/c.txt', { text: '[Le JNIM]{@jnim} à Gao.\n' }],
    ]);
    for (const [file, document] of documents) corpus.setDocument(file, document.text);
    const before = perFile(corpus);
    const registry = REGISTRIES[REGISTRIES.length - 1] ?? BASE;
    const touched = corpus.setRegistry(registry, undefined, new Set(['sub/c.txt']));
    // a.txt: its mention GSIM now names @fama, not @jnim. b.txt's hints moved, but nobody shows them.
    assert.deepEqual([...touched].sort(), [REGISTRY_FILE, 'a.txt', 'sub/c.txt'].sort());
    const fresh = perFile(freshCorpus(registry, documents, FILES));
    assert.deepEqual(perFile(corpus), fresh);
    for (const file of FILES) if (!touched.has(file)) assert.equal(before.get(file) === fresh.get(file), file !== 'b.txt', `${file}: only its hints moved`);
    assert.match(fresh.get('a.txt') ?? '', /mention-mismatch/);
  });

  void test('one registry edit that moves aliases and a place\'s in: reads as fresh (a counterexample the property found)', () => {
    const gao = '[à Gao]{claim by=@fama event=@attack place=@gao}\n';
    const mali = '[au Mali]{claim by=@fama event=@attack place=@mali}\n';
    const corpus = new Corpus(REGISTRIES[4]);
    corpus.setDocument('b.txt', gao);
    corpus.setRegistry(REGISTRIES[5] ?? BASE);
    corpus.setDocument('a.txt', mali);
    const fresh = freshCorpus(REGISTRIES[5] ?? BASE, new Map([['a.txt', { text: mali }], ['b.txt', { text: gao }]]), FILES);
    assert.deepEqual(corpus.allDiagnostics(), fresh.allDiagnostics());
    assert.ok(!corpus.allDiagnostics().some((d) => d.code === 'inconsistent-reports'), 'Gao lies in Mali: the two places agree');
  });

  void test('an edit that moves a claim to another line without moving its offsets names the reports that show it as related (a counterexample the LSP fuzz found)', () => {
    const registry = 'documents: ["*.txt"]\nproperties:\n  killed: { type: count }\nactors:\n  jnim: { name: JNIM }\n  fama: { name: FAMa }\nevents:\n  attack: { name: Attack }\n';
    const corpus = new Corpus(registry);
    corpus.setDocument('a.txt', 'ab\ncd\n[x]{claim by=@jnim event=@attack killed=20}\n');
    corpus.setDocument('b.txt', '[y]{claim by=@fama event=@attack killed=3}\n');
    assert.ok(corpus.diagnostics('b.txt').some((d) => d.code === 'conflicting-claims'), 'b.txt names a.txt\'s claim as related');
    // A line break retyped as a letter: same length, so the claim keeps its offsets, one line up.
    const touched = corpus.setDocument('a.txt', 'abXcd\n[x]{claim by=@jnim event=@attack killed=20}\n');
    assert.deepEqual([...touched].sort(), ['a.txt', 'b.txt']);
  });

  void test('a corpus read whole, its claims grouped only when first asked (check), reads as one grouped claim by claim, then after edits', () => {
    // A claim inside another lists its assertions after the outer claim's: a report whose claims' assertions are out of offset order.
    const nested = '[a [trois]{claim by=@fama event=@attack killed=3} b]{claim by=@fama event=@attack killed=4 outcome=captured}';
    const document = fc.array(fc.constantFrom(...FRAGMENTS, nested), { maxLength: 6 }).map((body) => ({ text: `---\nsource: afp\n---\n${body.join('\n')}\n` }));
    fc.assert(
      fc.property(fc.nat({ max: REGISTRIES.length - 1 }), fc.array(fc.tuple(fc.constantFrom(...FILES), document), { minLength: 1, maxLength: 6 }), fc.array(operation, { maxLength: 6 }), (start, reads, operations) => {
        const registry = REGISTRIES[start] ?? BASE;
        const whole = new Corpus(registry, undefined, { groupAfterReading: true });
        const byClaim = new Corpus(registry);
        for (const [file, { text }] of reads) for (const corpus of [whole, byClaim]) corpus.setDocument(file, text);
        // What an event's card shows: each claimant's values, their claims in order and how many reports carry them.
        const cards = (corpus: Corpus) =>
          ['attack', 'raid'].map((event) => [
            corpus.contradictionsAbout(event),
            corpus.eventGroups(event).map((group) => group.claimants().map(({ claimant, values }) => [claimant, values.map((v) => [v.key, v.documents, v.contradicted, v.claims.map((c) => `${c.claim.file}:${c.start}`)])])),
          ]);
        assert.deepEqual(cards(whole), cards(byClaim));
        assert.deepEqual(whole.allDiagnostics(), byClaim.allDiagnostics());
        for (const op of operations) {
          for (const corpus of [whole, byClaim]) {
            if (op.kind === 'set') corpus.setDocument(op.file, op.document.text, op.document.encoding);
            else if (op.kind === 'delete') corpus.deleteDocument(op.file);
            else if (op.kind === 'registry') corpus.setRegistry(REGISTRIES[op.registry] ?? BASE);
          }
        }
        assert.deepEqual(perFile(whole), perFile(byClaim));
      }),
      { numRuns: 150 },
    );
  });

  void test('setting the same text again changes nothing and names no file', () => {
    const corpus = new Corpus(BASE);
    const text = '---\nsource: afp\n---\n[pris]{claim by=@jnim event=@attack outcome=captured}\n';
    corpus.setDocument('a.txt', text);
    corpus.setDocument('b.txt', '[repoussé]{claim by=@fama event=@attack outcome=repelled}\n');
    const before = corpus.allDiagnostics();
    assert.ok(before.some((d) => d.code === 'conflicting-claims'));
    assert.deepEqual(corpus.setDocument('a.txt', text), new Set());
    assert.deepEqual(corpus.allDiagnostics(), before);
    assert.deepEqual(corpus.deleteDocument('absent.txt'), new Set());
  });
});
