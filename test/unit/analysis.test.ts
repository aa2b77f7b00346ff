// The engine's one analysis of an (event, property) group (engine/analysis.ts),
// on small corpora held in memory: value classes and how they relate, the
// cell of each claimant with its state (DESIGN.md's report: conflicts >
// acknowledged > agrees > single > declined), independent origins, and the
// contradiction diagnostics read from the same classification.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { claimantCells, contradictionKind, originOf, standingOf, type ClaimantCell, type GroupAnalysis, type ValueClass } from '../../server/src/engine/analysis';
import { assertionsOf } from '../../server/src/engine/claims';
import { Corpus } from '../../server/src/engine/corpus';
import { checkProperty } from '../fuzz';

const REGISTRY = `documents: ["*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled, withdrawn], compatible: [[captured, withdrawn]] }
  killed: { type: count }
  method: { type: text }
  place: { type: entity, kind: place }
actors:
  army: { name: Army }
  rebels: { name: Rebels }
  locals: { name: Local sources, anonymous: true }
  wire: { name: Wire, kind: media }
  paper: { name: Paper, kind: media }
  blog: { name: Blog, kind: media }
places:
  region: { name: Region }
  town: { name: Town, in: region }
  city: { name: City }
events:
  raid: { name: The raid, disputed: { outcome: [captured, repelled], killed: [10, 40] } }
  siege: { name: The siege }
`;

/** A report by `source` (republishing `origin`, if given) whose claims are `claims`, each `by attributes`. */
function report(source: string | undefined, claims: readonly string[], origin?: string): string {
  const front = source === undefined ? '' : `---\nsource: ${source}\n${origin !== undefined ? `origin: ${origin}\n` : ''}---\n`;
  return front + claims.map((claim, k) => `[Passage ${k}]{claim ${claim}}`).join(' ') + '\n';
}

function corpusOf(documents: Readonly<Record<string, string>>, registry = REGISTRY): Corpus {
  const corpus = new Corpus(registry);
  for (const [file, text] of Object.entries(documents)) corpus.setDocument(file, text);
  return corpus;
}

/** "army: conflicts (inconsistent) — 10 ×2 docs, 20 (1 hedged)": a cell as a line. */
function line(cell: ClaimantCell): string {
  const who = cell.document !== undefined ? `${cell.claimant} in ${cell.document}` : cell.claimant;
  const values = cell.values.map((v) => `${v.claims[0].rawValue}${v.documents > 1 ? ` ×${v.documents} docs` : ''}${v.hedged > 0 ? ` (${v.hedged} hedged)` : ''}`);
  return `${who}: ${cell.state}${cell.inconsistent ? ' (inconsistent)' : ''} — ${values.join(', ')}`;
}

function analysisOf(corpus: Corpus, event: string, property: string): GroupAnalysis {
  const analysis = corpus.analysis(event, property);
  assert.ok(analysis, `an analysis of ${event} × ${property}`);
  return analysis;
}

function cells(corpus: Corpus, event: string, property: string): string[] {
  return claimantCells(analysisOf(corpus, event, property)).map(line);
}

interface Case {
  readonly name: string;
  readonly documents: Readonly<Record<string, string>>;
  readonly event: string;
  readonly property: string;
  readonly cells: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: 'one claimant’s two counts that disputed: acknowledges together are not inconsistent',
    documents: { 'a.txt': report('wire', ['by=@army event=@raid killed=10', 'by=@army event=@raid killed=40']), 'b.txt': report('blog', ['by=@rebels event=@raid killed=40']) },
    event: 'raid',
    property: 'killed',
    cells: ['army: acknowledged — 10, 40', 'rebels: acknowledged — 40'],
  },
  {
    name: 'compatible values of two claimants agree',
    documents: { 'a.txt': report('wire', ['by=@army event=@siege killed=10']), 'b.txt': report('blog', ['by=@rebels event=@siege killed=~10']) },
    event: 'siege',
    property: 'killed',
    cells: ['army: agrees — 10', 'rebels: agrees — ~10'],
  },
  {
    name: 'incompatible values of two claimants conflict',
    documents: { 'a.txt': report('wire', ['by=@army event=@siege killed=10']), 'b.txt': report('blog', ['by=@rebels event=@siege killed=50']) },
    event: 'siege',
    property: 'killed',
    cells: ['army: conflicts — 10', 'rebels: conflicts — 50'],
  },
  {
    name: 'the only claimant with a value is single; one that gives only ? has declined',
    documents: { 'a.txt': report('wire', ['by=@army event=@siege killed=10', 'by=@rebels event=@siege killed=?']) },
    event: 'siege',
    property: 'killed',
    cells: ['army: single — 10', 'rebels: declined — ?'],
  },
  {
    name: 'a value beside a ? of the same claimant still counts',
    documents: { 'a.txt': report('wire', ['by=@army event=@siege killed=?']), 'b.txt': report('blog', ['by=@army event=@siege killed=10', 'by=@rebels event=@siege killed=10']) },
    event: 'siege',
    property: 'killed',
    cells: ['army: agrees — ?, 10', 'rebels: agrees — 10'],
  },
  {
    name: 'values the event’s disputed: lists are acknowledged; a third value still conflicts',
    documents: {
      'a.txt': report('wire', ['by=@rebels event=@raid outcome=captured']),
      'b.txt': report('blog', ['by=@army event=@raid outcome=repelled']),
      'c.txt': report('paper', ['by=@locals event=@raid outcome=withdrawn']),
    },
    event: 'raid',
    property: 'outcome',
    // captured and withdrawn are compatible; withdrawn against repelled is not acknowledged.
    cells: ['rebels: acknowledged — captured', 'army: conflicts — repelled', 'locals in c.txt: conflicts — withdrawn'],
  },
  {
    name: 'an acknowledged dispute alone',
    documents: { 'a.txt': report('wire', ['by=@rebels event=@raid outcome=captured', 'by=@army event=@raid outcome=repelled']) },
    event: 'raid',
    property: 'outcome',
    cells: ['rebels: acknowledged — captured', 'army: acknowledged — repelled'],
  },
  {
    name: 'one claimant reported with two incompatible values is inconsistent',
    documents: { 'a.txt': report('wire', ['by=@army event=@siege killed=10']), 'b.txt': report('blog', ['by=@army event=@siege killed=20']) },
    event: 'siege',
    property: 'killed',
    cells: ['army: conflicts (inconsistent) — 10, 20'],
  },
  {
    name: 'an anonymous claimant is a different claimant in each document',
    documents: {
      'a.txt': report('wire', ['by=@locals event=@siege killed=10']),
      'b.txt': report('blog', ['by=@locals event=@siege killed=20']),
      'c.txt': report('paper', ['by=@locals event=@siege killed=10', 'by=@locals event=@siege killed=10']),
    },
    event: 'siege',
    property: 'killed',
    cells: ['locals in a.txt: conflicts — 10', 'locals in b.txt: conflicts — 20', 'locals in c.txt: conflicts — 10'],
  },
  {
    name: 'hedged claims are marked and compare as any other',
    documents: { 'a.txt': report('wire', ['by=@army event=@siege hedged killed=10']), 'b.txt': report('blog', ['by=@rebels event=@siege killed=50']) },
    event: 'siege',
    property: 'killed',
    cells: ['army: conflicts — 10 (1 hedged)', 'rebels: conflicts — 50'],
  },
  {
    name: 'a value carried by several reports counts its documents',
    documents: {
      'a.txt': report('wire', ['by=@army event=@siege killed=10']),
      'b.txt': report('paper', ['by=@army event=@siege killed="10"'], 'wire'),
      'c.txt': report('blog', ['by=@rebels event=@siege killed=12']),
    },
    event: 'siege',
    property: 'killed',
    cells: ['army: conflicts — 10 ×2 docs', 'rebels: conflicts — 12'],
  },
  {
    name: 'places agree through in:, and conflict side by side',
    documents: {
      'a.txt': report('wire', ['by=@army event=@siege place=@town']),
      'b.txt': report('blog', ['by=@rebels event=@siege place=@region']),
      'c.txt': report('paper', ['by=@locals event=@siege place=@city']),
    },
    event: 'siege',
    property: 'place',
    cells: ['army: conflicts — @town', 'rebels: conflicts — @region', 'locals in c.txt: conflicts — @city'],
  },
  {
    name: 'free text is never compared: the same words agree, other words stand alone',
    documents: {
      'a.txt': report('wire', ['by=@army event=@siege method="car bomb"']),
      'b.txt': report('blog', ['by=@rebels event=@siege method=mortar', 'by=@locals event=@siege method="car bomb"']),
    },
    event: 'siege',
    property: 'method',
    cells: ['army: agrees — "car bomb"', 'rebels: single — mortar', 'locals in b.txt: agrees — "car bomb"'],
  },
];

void describe('the cells of an (event, property) group', () => {
  for (const c of CASES) {
    void test(c.name, () => {
      assert.deepEqual(cells(corpusOf(c.documents), c.event, c.property), c.cells);
    });
  }

  void test('a place inside another agrees with it', () => {
    const corpus = corpusOf({ 'a.txt': report('wire', ['by=@army event=@siege place=@town']), 'b.txt': report('blog', ['by=@rebels event=@siege place=@region']) });
    assert.deepEqual(cells(corpus, 'siege', 'place'), ['army: agrees — @town', 'rebels: agrees — @region']);
  });
});

void describe('value classes', () => {
  void test('pool equal values, ? and free text included, in order of first claim; relate only compared values', () => {
    const corpus = corpusOf({
      'a.txt': report('wire', ['by=@army event=@siege killed=10', 'by=@rebels event=@siege killed=?']),
      'b.txt': report('blog', ['by=@rebels event=@siege killed="10"', 'by=@locals event=@siege killed=9..11', 'by=@army event=@siege killed=40']),
    });
    const analysis = analysisOf(corpus, 'siege', 'killed');
    const classes = [...analysis.classes.values()];
    const raw = (keys: readonly { members: readonly { rawValue: string }[] }[]) => keys.map((c) => c.members[0].rawValue);
    assert.deepEqual(raw(classes), ['10', '?', '9..11', '40']);
    const [ten, declined, around, forty] = classes;
    assert.deepEqual(ten.members.map((d) => d.claim.claimant), ['army', 'rebels']);
    assert.deepEqual([...ten.byClaimant.keys()], ['army', 'rebels']);
    assert.deepEqual(raw(ten.compatible), ['9..11']);
    assert.deepEqual(raw(ten.contradicts), ['40']);
    assert.deepEqual(raw(forty.contradicts), ['10', '9..11']);
    assert.deepEqual([declined.compatible, declined.contradicts, declined.acknowledged], [[], [], []]);
    assert.deepEqual(raw(around.compatible), ['10']);
  });
});

void describe('one claim in its group', () => {
  const documents = {
    // The wire's report, a republication of it, and an independent blog.
    'a.txt': report('wire', ['by=@army event=@siege killed=10', 'by=@locals event=@siege killed=?']),
    'b.txt': report('paper', ['by=@army event=@siege hedged killed=10'], 'wire'),
    'c.txt': report('blog', ['by=@rebels event=@siege killed=~10', 'by=@army event=@siege killed=30', 'by=@rebels event=@siege killed=50']),
    'd.txt': report(undefined, ['by=@rebels event=@siege killed=>=8']),
  };

  void test('corroboration counts independent origins: a republication sits under its origin; a document with no source stands alone', () => {
    const corpus = corpusOf(documents);
    const analysis = analysisOf(corpus, 'siege', 'killed');
    const first = (file: string) => {
      const claim = corpus.document(file)?.claims[0];
      return claim && assertionsOf(claim)[0];
    };
    const own = first('a.txt');
    assert.ok(own);
    const standing = standingOf(analysis, own);
    assert.ok(standing);
    assert.deepEqual(standing.agreeing.map((d) => `${d.claim.file} ${d.rawValue}`), ['b.txt 10', 'c.txt ~10', 'd.txt >=8']);
    assert.deepEqual(
      standing.corroboration.map(({ origin, documents: n }) => [origin.actor ?? `(${origin.document})`, n]),
      [['(d.txt)', 1], ['blog', 1]],
    );
    assert.deepEqual(originOf(first('b.txt')?.claim ?? own.claim), { key: 'wire', actor: 'wire' });
    assert.deepEqual(standing.declined.map((d) => d.claim.claimant), ['locals']);
    assert.deepEqual(
      standing.contradicting.map((d) => [d.rawValue, contradictionKind(analysis, own, d)]),
      [['30', 'inconsistent-reports'], ['50', 'conflicting-claims']],
    );
    assert.equal(contradictionKind(analysis, own, standing.agreeing[0]), undefined);
  });
});

void describe('one classification for the analysis and the diagnostics', () => {
  for (const c of CASES) {
    void test(c.name, () => {
      const corpus = corpusOf(c.documents);
      const analysis = analysisOf(corpus, c.event, c.property);
      for (const valueClass of analysis.classes.values()) {
        for (const own of valueClass.members) {
          // What the analysis says of each other claim, summed up by kind…
          const expected = new Map<string, number>();
          for (const other of analysis.classes.values()) {
            for (const d of other.members) {
              const kind = contradictionKind(analysis, own, d);
              if (kind !== undefined) expected.set(kind, (expected.get(kind) ?? 0) + 1);
            }
          }
          // …is what the diagnostics on the claim report (these groups are small: their related entries list every claim).
          const found = new Map((corpus.findingsOf(own)?.findings ?? []).map((f) => [f.code, f.related.length]));
          assert.deepEqual(found, expected, `${own.claim.file} ${own.rawValue}`);
          const codes = corpus.diagnostics(own.claim.file).filter((d) => d.start === own.start).map((d) => d.code);
          assert.deepEqual(codes.sort(), [...expected.keys()].sort());
        }
      }
    });
  }
});

void describe('the analysis follows the corpus', () => {
  void test('kept while nothing touches the group, computed again when something does, equal to a fresh corpus', () => {
    const documents: Record<string, string> = {
      'a.txt': report('wire', ['by=@army event=@siege killed=10']),
      'b.txt': report('blog', ['by=@rebels event=@siege killed=12']),
      'c.txt': report('paper', ['by=@army event=@raid outcome=repelled']),
    };
    const corpus = corpusOf(documents);
    const first = analysisOf(corpus, 'siege', 'killed');
    const event = corpus.eventAnalysis('siege');
    assert.equal(analysisOf(corpus, 'siege', 'killed'), first);
    assert.equal(corpus.eventAnalysis('siege'), event);

    corpus.setDocument('c.txt', report('paper', ['by=@army event=@raid outcome=captured']));
    assert.equal(analysisOf(corpus, 'siege', 'killed'), first, 'another event: kept');
    assert.equal(corpus.eventAnalysis('siege'), event);

    documents['b.txt'] = report('blog', ['by=@rebels event=@siege killed=10', 'by=@locals event=@siege killed=?']);
    corpus.setDocument('b.txt', documents['b.txt']);
    assert.notEqual(analysisOf(corpus, 'siege', 'killed'), first);
    assert.notEqual(corpus.eventAnalysis('siege'), event);
    assert.deepEqual(cells(corpus, 'siege', 'killed'), ['army: agrees — 10', 'rebels: agrees — 10', 'locals in b.txt: declined — ?']);
    assert.deepEqual(cells(corpus, 'siege', 'killed'), cells(corpusOf(documents), 'siege', 'killed'));

    corpus.deleteDocument('a.txt');
    corpus.deleteDocument('b.txt');
    assert.equal(corpus.analysis('siege', 'killed'), undefined);
    assert.deepEqual(corpus.eventAnalysis('siege').rows, []);
  });

  void test('an edit of disputed: in corroborate.yaml reaches the analysis without re-reading the documents', () => {
    const documents = { 'a.txt': report('wire', ['by=@rebels event=@siege outcome=captured', 'by=@army event=@siege outcome=repelled']) };
    const corpus = corpusOf(documents);
    assert.deepEqual(cells(corpus, 'siege', 'outcome'), ['rebels: conflicts — captured', 'army: conflicts — repelled']);
    const facts = corpus.document('a.txt');
    corpus.setRegistry(REGISTRY.replace('siege: { name: The siege }', 'siege: { name: The siege, disputed: { outcome: [repelled, captured] } }'));
    assert.equal(corpus.document('a.txt'), facts);
    assert.deepEqual(cells(corpus, 'siege', 'outcome'), ['rebels: acknowledged — captured', 'army: acknowledged — repelled']);
  });

  void test('an event’s rows follow the registry’s order of properties, one per property claimed', () => {
    const corpus = corpusOf({ 'a.txt': report('wire', ['by=@army event=@siege place=@town killed=3 outcome=repelled']) });
    const rows = corpus.eventAnalysis('siege').rows;
    assert.deepEqual(rows.map((row) => row.analysis.property.key), ['outcome', 'killed', 'place']);
    assert.deepEqual(rows.map((row) => row.cells.map(line)), [['army: single — repelled'], ['army: single — 3'], ['army: single — @town']]);
  });
});

void describe('the analysis kept up to date equals a fresh one', () => {
  const claim = fc
    .record({
      by: fc.constantFrom('army', 'rebels', 'locals'),
      event: fc.constantFrom('raid', 'siege'),
      hedged: fc.boolean(),
      property: fc.constantFrom('outcome=captured', 'outcome=repelled', 'outcome=withdrawn', 'outcome=?', 'killed=10', 'killed=~12', 'killed=50', 'killed=?', 'place=@town', 'place=@region', 'place=@city', 'method=mortar'),
    })
    .map(({ by, event, hedged, property }) => `by=@${by} event=@${event}${hedged ? ' hedged' : ''} ${property}`);
  const step = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), file: fc.constantFrom('a.txt', 'b.txt', 'c.txt'), source: fc.constantFrom('wire', 'paper', 'blog'), claims: fc.array(claim, { maxLength: 4 }) }),
    fc.record({ kind: fc.constant('delete' as const), file: fc.constantFrom('a.txt', 'b.txt', 'c.txt') }),
    fc.record({ kind: fc.constant('disputed' as const), values: fc.constantFrom('[captured, repelled]', '[repelled, withdrawn]', '[]') }),
    fc.record({ kind: fc.constant('look' as const), event: fc.constantFrom('raid', 'siege') }),
  );
  const everything = (corpus: Corpus) => ['raid', 'siege'].map((event) => corpus.eventAnalysis(event).rows.map((row) => [row.analysis.property.key, row.cells.map(line)]));

  void test('through documents set and deleted, disputed: edited, and analyses looked at in between', () => {
    checkProperty(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        let registry = REGISTRY;
        const documents = new Map<string, string>();
        const corpus = new Corpus(registry);
        for (const s of steps) {
          if (s.kind === 'set') {
            const text = report(s.source, s.claims, s.source === 'paper' ? 'wire' : undefined);
            documents.set(s.file, text);
            corpus.setDocument(s.file, text);
          } else if (s.kind === 'delete') {
            documents.delete(s.file);
            corpus.deleteDocument(s.file);
          } else if (s.kind === 'disputed') {
            registry = REGISTRY.replace(/disputed: \{ outcome: [^}]*\}/, `disputed: { outcome: ${s.values} }`);
            corpus.setRegistry(registry);
          } else {
            corpus.eventAnalysis(s.event);
          }
        }
        const fresh = corpusOf(Object.fromEntries(documents), registry);
        assert.deepEqual(everything(corpus), everything(fresh));
      }),
      300,
    );
  });
});

void describe('a contested group read whole equals every pair of its values related', () => {
  // Counts and dates are related by sorted bounds rather than pair by pair
  // (group.ts); what the cells and the matrix's counts say must be what
  // relating every pair says: each class's lists, built pair by pair.
  // Numbers the disputed: lists below name, often enough for acknowledged pairs; others for everything between.
  const number = fc.oneof(fc.constantFrom(0, 5, 10, 12, 30, 40), fc.integer({ min: 1, max: 40 }));
  const count = fc.oneof(
    fc.constantFrom('10', '~12', '>=30', '0..5', '40', '?'),
    number.map(String),
    number.map((n) => `~${n}`),
    number.map((n) => `>=${n}`),
    number.map((n) => `<${n}`),
    fc.tuple(number, fc.nat(20)).map(([low, span]) => `${low}..${low + span}`),
  );
  const value = fc.oneof(
    { weight: 4, arbitrary: count.map((v) => `killed=${v}`) },
    { weight: 1, arbitrary: fc.constantFrom('captured', 'repelled', 'withdrawn', '?').map((v) => `outcome=${v}`) },
    { weight: 1, arbitrary: fc.constantFrom('@town', '@region', '@city').map((v) => `place=${v}`) },
  );
  const claim = fc.tuple(fc.constantFrom('army', 'rebels', 'locals', 'wire'), value).map(([by, v]) => `by=@${by} event=@raid ${v}`);
  const documents = fc.array(fc.tuple(fc.constantFrom('wire', 'paper', 'blog'), fc.array(claim, { minLength: 1, maxLength: 8 })), { minLength: 1, maxLength: 8 });
  const disputed = fc.subarray(['10', '~12', '>=30', '0..5', '40'], { minLength: 0 });

  /** DESIGN.md's cell state and inconsistency of one claimant, read from its classes' lists. */
  function pairwiseCell(key: string, classes: readonly ValueClass[]): { state: string; inconsistent: boolean } {
    const own = classes.filter((c) => c.byClaimant.has(key));
    const stated = own.filter((c) => c.value.type !== 'unknown');
    const hasOthers = (c: ValueClass) => [...c.byClaimant.keys()].some((k) => k !== key);
    const state =
      stated.length === 0
        ? 'declined'
        : stated.some((c) => c.contradicts.length > 0)
          ? 'conflicts'
          : stated.some((c) => c.acknowledged.length > 0)
            ? 'acknowledged'
            : stated.some((c) => hasOthers(c) || c.compatible.some(hasOthers))
              ? 'agrees'
              : 'single';
    return { state, inconsistent: own.some((c) => c.contradicts.some((other) => own.includes(other))) };
  }

  void test('cells, relation counts and contradiction kinds', () => {
    checkProperty(
      fc.property(documents, disputed, (reports, values) => {
        const registry = REGISTRY.replace('raid: { name: The raid, disputed: { outcome: [captured, repelled], killed: [10, 40] } }', `raid: { name: The raid, disputed: { outcome: [captured, repelled], killed: [${values.join(', ')}] } }`);
        assert.ok(registry.includes(`killed: [${values.join(', ')}]`), 'the disputed: values written into the registry');
        const corpus = corpusOf(Object.fromEntries(reports.map(([source, claims], k) => [`${k}.txt`, report(source, claims)])), registry);
        for (const { analysis, cells: found } of corpus.eventAnalysis('raid').rows) {
          const classes = [...analysis.classes.values()];
          // Counted before any list is built, so that nothing is read from the lists.
          const counts = classes.map((c) => ({ ...c.relationCounts }));
          assert.deepEqual(counts, classes.map((c) => ({ compatible: c.compatible.length, contradicts: c.contradicts.length, acknowledged: c.acknowledged.length })), analysis.property.key);
          assert.deepEqual(
            found.map((cell) => ({ key: cell.key, state: cell.state, inconsistent: cell.inconsistent })),
            found.map((cell) => ({ key: cell.key, ...pairwiseCell(cell.key, classes) })),
            analysis.property.key,
          );
          for (const own of classes) {
            for (const other of classes) {
              const [a, b] = [own.members[0], other.members[0]];
              const sameClaimant = a.claim.claimantKey === b.claim.claimantKey;
              const expected = own.acknowledged.includes(other) ? 'acknowledged-dispute' : !own.contradicts.includes(other) ? undefined : sameClaimant ? 'inconsistent-reports' : 'conflicting-claims';
              assert.equal(contradictionKind(analysis, a, b), expected);
            }
          }
        }
      }),
      200,
    );
  });
});
