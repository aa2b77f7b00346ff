// Incremental equals from scratch, under the edits typing makes: characters
// inserted and deleted anywhere in documents and in corroborate.yaml, so the
// corpus goes through every half-typed state (a span open, a key half
// written, a registry that no longer parses). incremental.test.ts replaces
// whole documents from fragments; these edits cut through markup and YAML.
// The corpus is read as the language server reads it: every file once, then
// after each edit the files the edit says it touched, which must be every file
// whose diagnostics moved, or the editor would keep showing stale ones. The
// claims overview and the lenses, whose event lines are kept until the event
// changes, and the events' hover cards, whose counts and rows are kept per
// group, are asked after each edit too and must equal a fresh corpus's.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Corpus } from '../../server/src/engine/corpus';
import type { EncodingProblem } from '../../server/src/engine/document';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { codeLenses } from '../../server/src/features/codeLens';
import { hover } from '../../server/src/features/hover';
import { corpusOverview } from '../../server/src/features/matrix';
import { checkProperty } from '../fuzz';

const REGISTRY = `documents: ["*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled, withdrawn], compatible: [[captured, withdrawn]] }
  killed: { type: count, tolerance: 2 }
  place: { type: entity, kind: place }
  date: { type: date }
actors:
  jnim: { name: JNIM, aliases: [JNIM, GSIM] }
  fama: { name: FAMa, aliases: [FAMa] }
  afp: { name: AFP }
  local: { name: Local sources, anonymous: true }
places:
  mali: { name: Mali, aliases: [Mali] }
  gao: { name: Gao, aliases: [Gao], in: mali }
events:
  attack: { name: Attack, disputed: { outcome: [captured, repelled] } }
  raid: { name: Raid, date: 2023-05 }
`;

const DOCUMENT = `---
source: afp
---
Le [JNIM]{@jnim} dit avoir [pris le camp]{claim by=@jnim event=@attack outcome=captured killed=~20 #a1}.
Les FAMa parlent d'un [assaut repoussé]{claim by=@fama event=@attack outcome=repelled}.

[À Gao]{claim by=@local event=@raid place=@gao killed=3 date=2023-05-02}, selon des habitants ; GSIM à Mali.
[On en parle]{claim by=@afp event=@raid} sans rien dire.
`;

const FILES = ['a.txt', 'b.txt', 'c.txt'];

/** What typing inserts: markup characters, words, line breaks, whole spans. */
const insertion = fc.constantFrom(
  '', '[', ']', '{', '}', '@', '"', '\\', '=', '#', ' ', '\n', '\n\n', '\r\n', '---\n', 'é', '😀',
  'jnim', 'fama', 'gao', 'mali', 'raid', 'attack', 'claim ', 'skip', 'hedged', '@jnim', 'by=@fama ', 'event=@raid ', 'outcome=withdrawn ', 'killed=25 ', '#a1 ',
  '[JNIM]{@jnim}', '[x]{claim event=@attack outcome=repelled}', 'GSIM', ' aliases: [Gao] ', '  new: { name: New }\n', 'in: gao', 'disputed: {killed: [3, 20]}',
  '[y]{claim by=@afp event=@attack}', 'date=2023-04 ', ', date: 2023-06-01', 'name: Other ', '  later: { name: Later, date: 2024 }\n',
);

type Operation =
  | { readonly kind: 'splice'; readonly file: string; readonly at: number; readonly remove: number; readonly insert: string }
  | { readonly kind: 'delete'; readonly file: string }
  | { readonly kind: 'encoding'; readonly file: string; readonly at: number | undefined };

const anyFile = fc.constantFrom(REGISTRY_FILE, ...FILES);
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('splice' as const), file: anyFile, at: fc.nat(), remove: fc.nat({ max: 8 }), insert: insertion }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), file: fc.constantFrom(...FILES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('encoding' as const), file: anyFile, at: fc.option(fc.nat({ max: 300 }), { nil: undefined }) }) },
);

interface FileState {
  text: string;
  encoding?: EncodingProblem;
}

function fresh(registry: FileState, documents: ReadonlyMap<string, FileState>, order: readonly string[]): Corpus {
  const corpus = new Corpus(registry.text, registry.encoding);
  for (const file of order) {
    const state = documents.get(file);
    if (state) corpus.setDocument(file, state.text, state.encoding);
  }
  return corpus;
}

function perFile(corpus: Corpus, files: readonly string[] = FILES): Map<string, string> {
  return new Map([REGISTRY_FILE, ...files].map((file) => [file, JSON.stringify(corpus.diagnostics(file))]));
}

/** The claims overview, each file's lenses and each event's hover card, as the editor shows them. */
function views(corpus: Corpus): string {
  const events = [...corpus.registry.entities.values()].filter((entity) => entity.section === 'event');
  const cards = events.map((event) => hover(corpus, REGISTRY_FILE, event.idRange.start)?.markdown);
  return JSON.stringify({ overview: corpusOverview(corpus), lenses: FILES.map((file) => codeLenses(corpus, file)), cards });
}

/** Applies one edit to the texts and to the corpus, as the editor sends it; returns the files the corpus says it touched. */
function apply(corpus: Corpus, registry: FileState, documents: Map<string, FileState>, op: Operation): Set<string> {
  if (op.kind === 'delete') {
    documents.delete(op.file);
    return corpus.deleteDocument(op.file);
  }
  const state = op.file === REGISTRY_FILE ? registry : (documents.get(op.file) ?? { text: '' });
  if (op.kind === 'splice') {
    const at = op.at % (state.text.length + 1);
    state.text = state.text.slice(0, at) + op.insert + state.text.slice(at + op.remove);
  } else if (op.at === undefined) {
    delete state.encoding;
  } else {
    state.encoding = { offset: op.at, message: 'invalid UTF-8 (byte 0xE9 at byte 3): save the file as UTF-8' };
  }
  if (op.file === REGISTRY_FILE) return corpus.setRegistry(state.text, state.encoding);
  documents.set(op.file, state);
  return corpus.setDocument(op.file, state.text, state.encoding);
}

void describe('incremental updates under typing', () => {
  void test('after any sequence of character edits to documents and corroborate.yaml, the diagnostics equal a fresh check', () => {
    checkProperty(
      fc.property(fc.array(operation, { maxLength: 25 }), fc.shuffledSubarray(FILES, { minLength: FILES.length }), (operations, order) => {
        const registry: FileState = { text: REGISTRY };
        const documents = new Map<string, FileState>(FILES.map((file) => [file, { text: DOCUMENT }]));
        const corpus = fresh(registry, documents, FILES);
        // What the editor shows: everything once, then what each edit touched.
        const shown = perFile(corpus);
        views(corpus);
        for (const op of operations) {
          const touched = apply(corpus, registry, documents, op);
          for (const file of touched) shown.set(file, JSON.stringify(corpus.diagnostics(file)));
          const expected = fresh(registry, documents, FILES);
          assert.deepEqual(shown, perFile(expected), `after ${op.kind} on ${op.file}, the files it touched are not all that changed`);
          assert.equal(views(corpus), views(expected), `after ${op.kind} on ${op.file}, the overview, a lens or an event card kept a stale line`);
        }
        const expected = fresh(registry, documents, order);
        assert.deepEqual(corpus.files(), expected.files());
        assert.deepEqual(perFile(corpus), perFile(expected));
        assert.deepEqual(corpus.allDiagnostics(), expected.allDiagnostics());
      }),
      150,
    );
  });
});

/**
 * A group past 20 contradicting claims: related entries are cut to the first
 * claims of each party, so an edit must touch exactly the reports whose cut
 * it changes (a party's first claims moved or changed, a party new or gone).
 */
const LARGE_FILES = ['r1.txt', 'r2.txt', 'r3.txt', 'r4.txt', 'r5.txt', 'r6.txt'];

function largeDocument(n: number): string {
  const jnim = Array.from({ length: 4 }, (_, k) => `[tué ${k}]{claim by=@jnim event=@attack killed=10}`).join(' puis ');
  return `---\nsource: afp\n---\nRapport ${n}. ${jnim}.\nL'armée : [cinquante]{claim by=@fama event=@attack killed=50}, [local]{claim by=@local event=@attack killed=~30 outcome=captured}.\n`;
}

const largeInsertion = fc.constantFrom('', ' ', 'x', '\n', 'mot ', '[', ']', '{', '}', '10', '12', '50', 'killed=12 ', 'by=@fama ', '[y]{claim by=@fama event=@attack killed=10}', '[z]{claim by=@jnim event=@attack killed=50}', '[w]{claim by=@local event=@attack killed=10}');
const largeOperation = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('splice' as const), file: fc.constantFrom(...LARGE_FILES), at: fc.nat(), remove: fc.nat({ max: 4 }), insert: largeInsertion }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), file: fc.constantFrom(...LARGE_FILES) }) },
);

void describe('incremental updates in a group whose related entries are cut', () => {
  void test('after any sequence of edits, the files each edit touched are all that changed, and the diagnostics equal a fresh check', () => {
    checkProperty(
      fc.property(fc.array(largeOperation, { maxLength: 15 }), (operations) => {
        const registry: FileState = { text: REGISTRY };
        const documents = new Map<string, FileState>(LARGE_FILES.map((file, n) => [file, { text: largeDocument(n) }]));
        const corpus = fresh(registry, documents, LARGE_FILES);
        const shown = perFile(corpus, LARGE_FILES);
        for (const op of operations) {
          const touched = apply(corpus, registry, documents, op);
          for (const file of touched) shown.set(file, JSON.stringify(corpus.diagnostics(file)));
          assert.deepEqual(shown, perFile(fresh(registry, documents, LARGE_FILES), LARGE_FILES), `after ${op.kind} on ${op.file}, the files it touched are not all that changed`);
        }
      }),
      100,
    );
  });
});
