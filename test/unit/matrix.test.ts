// The claims matrix model (features/matrix.ts), on small corpora held in
// memory: the cells and their states as the engine classifies them, columns
// (a republication under its origin, an anonymous claimant once per report),
// hedged and declined values, the desk's record, the overview's figures and
// order, and the timeline of who said what first.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Corpus } from '../../server/src/engine/corpus';
import { claimsReport, corpusOverview, eventMatrix, type EventMatrix } from '../../server/src/features/matrix';
import { corpusOf } from '../support/corpus';

const REGISTRY = `documents: ["*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled, withdrawn], compatible: [[captured, withdrawn]] }
  killed: { type: count }
  date: { type: date }
  method: { type: text }
actors:
  army: { name: Army }
  rebels: { name: Rebels }
  locals: { name: Local sources, anonymous: true }
  wire: { name: Wire, kind: media }
  paper: { name: Paper, kind: media }
  blog: { name: Blog, kind: media }
events:
  raid:
    name: The raid
    date: 2024-03
    disputed: { outcome: [captured, repelled] }
    assessment: The camp fell, then was retaken.
    estimate: { killed: 20..50, outcome: repelled }
  siege: { name: The siege, date: 2024-02-10 }
  quiet: { name: A quiet day }
`;

interface Front {
  readonly source?: string;
  readonly origin?: string;
  readonly published?: string;
}

/** A report with `front` matter whose claims are `claims`, each `[Passage k]{claim …}`. */
function report(front: Front, claims: readonly string[]): string {
  const fields = Object.entries(front).map(([key, value]) => `${key}: ${value}\n`);
  return (fields.length > 0 ? `---\n${fields.join('')}---\n` : '') + claims.map((claim, k) => `[Passage ${k}]{claim ${claim}}`).join(' ') + '\n';
}

function corpus(documents: Readonly<Record<string, string>>): Corpus {
  return corpusOf({ 'corroborate.yaml': REGISTRY, ...documents });
}

function matrixOf(documents: Readonly<Record<string, string>>, event: string): EventMatrix {
  const matrix = eventMatrix(corpus(documents), event);
  assert.ok(matrix, `a matrix of ${event}`);
  return matrix;
}

/**
 * The matrix as a reader scans it: the columns, then one line per property,
 * "property (dispute): Claimant state [value ×reports, …]; …".
 */
function grid(matrix: EventMatrix): string[] {
  const labels = new Map(matrix.claimants.map((c) => [c.key, c.label]));
  return [
    `columns: ${matrix.claimants.map((c) => c.label).join(' | ')}`,
    ...matrix.rows.map((row) => {
      const values = new Map(row.values.map((v) => [v.key, v]));
      const cells = row.cells.map((cell) => {
        const said = cell.values.map((v) => `${values.get(v.value)?.label ?? '?!'} ×${v.reports}${v.hedged > 0 ? ` (${v.hedged} of ${v.claims} hedged)` : ''}`);
        return `${labels.get(cell.claimant) ?? '?!'} ${cell.state}${cell.inconsistent ? ' inconsistent' : ''} [${said.join(', ')}]`;
      });
      return `${row.property}${row.dispute !== 'none' ? ` (${row.dispute})` : ''}: ${cells.join('; ')}`;
    }),
  ];
}

/** One line per timeline track: "first claimant property=value: file order, …". */
function timeline(matrix: EventMatrix): string[] {
  return matrix.timeline.map((t) => {
    const appearances = t.appearances.map((a) => `${a.file} ${a.order}${a.relay ? ' relay' : a.copy ? ' copy' : ''}${a.hedged ? ' hedged' : ''}`);
    return `${t.first ?? 'undated'} ${t.claimantName} ${t.property}=${t.label}: ${appearances.join(', ')}`;
  });
}

interface Case {
  readonly name: string;
  readonly documents: Readonly<Record<string, string>>;
  readonly event: string;
  readonly grid: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: 'every state: two parties in conflict, values that agree, a single claimant, a declined value',
    documents: {
      'a.txt': report({ source: 'wire' }, ['by=@army event=@siege outcome=repelled', 'by=@rebels event=@siege outcome=captured', 'by=@army event=@siege killed=10', 'by=@army event=@siege date=2024-02-10']),
      'b.txt': report({ source: 'blog' }, ['by=@locals event=@siege killed=~10', 'by=@rebels event=@siege killed=?']),
    },
    event: 'siege',
    grid: [
      'columns: Army | Rebels | Local sources (unnamed, in b.txt)',
      'outcome (open): Army conflicts [repelled ×1]; Rebels conflicts [captured ×1]',
      'killed: Army agrees [10 ×1]; Rebels declined [not given (?) ×1]; Local sources (unnamed, in b.txt) agrees [about 10 ×1]',
      'date: Army single [2024-02-10 ×1]',
    ],
  },
  {
    name: 'values the event’s disputed: lists are acknowledged; a third value that contradicts one of them is not',
    documents: {
      'a.txt': report({ source: 'wire' }, ['by=@rebels event=@raid outcome=captured', 'by=@army event=@raid outcome=repelled']),
      'b.txt': report({ source: 'blog' }, ['by=@rebels event=@raid killed=40', 'by=@army event=@raid killed=12']),
      'c.txt': report({ source: 'paper' }, ['by=@locals event=@raid outcome=withdrawn']),
    },
    event: 'raid',
    grid: [
      'columns: Army | Rebels | Local sources (unnamed, in c.txt)',
      'outcome (open): Army conflicts [repelled ×1]; Rebels acknowledged [captured ×1]; Local sources (unnamed, in c.txt) conflicts [withdrawn ×1]',
      'killed (open): Army conflicts [12 ×1]; Rebels conflicts [40 ×1]',
    ],
  },
  {
    name: 'an acknowledged dispute alone',
    documents: { 'a.txt': report({ source: 'wire' }, ['by=@rebels event=@raid outcome=captured', 'by=@army event=@raid outcome=repelled']) },
    event: 'raid',
    grid: ['columns: Army | Rebels', 'outcome (acknowledged): Army acknowledged [repelled ×1]; Rebels acknowledged [captured ×1]'],
  },
  {
    name: 'a republication counts as a report of its origin; its value agrees with itself only once',
    documents: {
      'a.txt': report({ source: 'wire' }, ['by=@army event=@siege killed=10']),
      'b.txt': report({ source: 'paper', origin: 'wire' }, ['by=@army event=@siege killed="10"']),
      'c.txt': report({ source: 'blog' }, ['by=@rebels event=@siege killed=50']),
    },
    event: 'siege',
    grid: ['columns: Army | Rebels', 'killed (open): Army conflicts [10 ×2]; Rebels conflicts [50 ×1]'],
  },
  {
    name: 'an anonymous claimant is a column in each report, read as an unnamed source there',
    documents: {
      'a.txt': report({ source: 'wire' }, ['by=@locals event=@siege killed=10']),
      'b.txt': report({ source: 'blog' }, ['by=@locals event=@siege killed=20', 'by=@locals event=@siege method="car bomb"']),
    },
    event: 'siege',
    grid: [
      'columns: Local sources (unnamed, in b.txt) | Local sources (unnamed, in a.txt)',
      'killed (open): Local sources (unnamed, in b.txt) conflicts [20 ×1]; Local sources (unnamed, in a.txt) conflicts [10 ×1]',
      'method: Local sources (unnamed, in b.txt) single [“car bomb” ×1]',
    ],
  },
  {
    name: 'hedged claims are counted apart; a claimant who also declines keeps its value',
    documents: {
      'a.txt': report({ source: 'wire' }, ['by=@army event=@siege hedged killed=10', 'by=@army event=@siege killed=?']),
      'b.txt': report({ source: 'blog' }, ['by=@army event=@siege killed=10', 'by=@rebels event=@siege hedged killed=~10']),
    },
    event: 'siege',
    grid: ['columns: Army | Rebels', 'killed: Army agrees [10 ×2 (1 of 2 hedged), not given (?) ×1]; Rebels agrees [about 10 ×1 (1 of 1 hedged)]'],
  },
  {
    name: 'one party reported with two incompatible values conflicts with itself: inconsistent',
    documents: {
      'a.txt': report({ source: 'wire' }, ['by=@army event=@siege killed=10']),
      'b.txt': report({ source: 'blog' }, ['by=@army event=@siege killed=20', 'by=@rebels event=@siege outcome=captured']),
    },
    event: 'siege',
    grid: ['columns: Army | Rebels', 'outcome: Rebels single [captured ×1]', 'killed (open): Army conflicts inconsistent [10 ×1, 20 ×1]'],
  },
  {
    name: 'free text is never compared: the same words agree, other words stand alone',
    documents: {
      'a.txt': report({ source: 'wire' }, ['by=@army event=@siege method="car bomb"']),
      'b.txt': report({ source: 'blog' }, ['by=@rebels event=@siege method=mortar', 'by=@locals event=@siege method="car bomb"']),
    },
    event: 'siege',
    grid: ['columns: Army | Local sources (unnamed, in b.txt) | Rebels', 'method: Army agrees [“car bomb” ×1]; Local sources (unnamed, in b.txt) agrees [“car bomb” ×1]; Rebels single [“mortar” ×1]'],
  },
];

void describe('the claims matrix of an event', () => {
  for (const c of CASES) {
    void test(c.name, () => {
      assert.deepEqual(grid(matrixOf(c.documents, c.event)), c.grid);
    });
  }

  void test('rows follow the registry’s order of properties; a claimant without a claim on a property has no cell there', () => {
    const matrix = matrixOf(CASES[0].documents, 'siege');
    assert.deepEqual(
      matrix.rows.map((r) => [r.property, r.type, r.cells.length]),
      [
        ['outcome', 'enum', 2],
        ['killed', 'count', 3],
        ['date', 'date', 1],
      ],
    );
  });

  void test('each value says how many of the row’s other values agree with it, contradict it, or are acknowledged against it', () => {
    const matrix = matrixOf(CASES[1].documents, 'raid');
    const outcome = matrix.rows.find((r) => r.property === 'outcome');
    assert.ok(outcome);
    assert.deepEqual(
      outcome.values.map((v) => [v.raw, v.kind, v.claims, v.reports, v.origins, v.relations]),
      [
        ['captured', 'value', 1, 1, 1, { compatible: 1, contradicts: 0, acknowledged: 1 }],
        ['repelled', 'value', 1, 1, 1, { compatible: 0, contradicts: 1, acknowledged: 1 }],
        ['withdrawn', 'value', 1, 1, 1, { compatible: 1, contradicts: 1, acknowledged: 0 }],
      ],
    );
  });

  void test('declined and free-text values say so', () => {
    const matrix = matrixOf(CASES[0].documents, 'siege');
    const killed = matrix.rows.find((r) => r.property === 'killed');
    assert.deepEqual(
      killed?.values.map((v) => [v.raw, v.label, v.kind]),
      [
        ['10', '10', 'value'],
        ['~10', 'about 10', 'value'],
        ['?', 'not given (?)', 'declined'],
      ],
    );
    const method = matrixOf(CASES[7].documents, 'siege').rows[0];
    assert.deepEqual(
      method.values.map((v) => [v.raw, v.kind]),
      [
        ['"car bomb"', 'text'],
        ['mortar', 'text'],
      ],
    );
  });

  void test('a republication sits under its origin, marked as a copy', () => {
    const matrix = matrixOf(CASES[3].documents, 'siege');
    assert.deepEqual(
      matrix.origins.map((o) => [o.key, o.label, o.reports, o.copies]),
      [
        ['blog', 'Blog', ['c.txt'], 0],
        ['wire', 'Wire', ['a.txt', 'b.txt'], 1],
      ],
    );
    assert.deepEqual(
      matrix.reports.map((r) => [r.file, r.source?.name, r.origin, r.copy]),
      [
        ['a.txt', 'Wire', 'wire', false],
        ['b.txt', 'Paper', 'wire', true],
        ['c.txt', 'Blog', 'blog', false],
      ],
    );
    assert.deepEqual(
      matrix.claimants.map((c) => [c.id, c.claims, c.origins]),
      [
        ['army', 2, [{ origin: 'wire', reports: ['a.txt', 'b.txt'] }]],
        ['rebels', 1, [{ origin: 'blog', reports: ['c.txt'] }]],
      ],
    );
    const army = matrix.rows[0].cells[0].values[0];
    assert.deepEqual([army.claims, army.reports, army.origins], [2, 2, 1]);
    assert.deepEqual([matrix.summary.reports, matrix.summary.sources, matrix.summary.origins], [3, 3, 2]);
  });

  void test('a report without a source is an origin of its own, named by its path', () => {
    const matrix = matrixOf({ 'a.txt': report({}, ['by=@army event=@siege killed=10']), 'b.txt': report({}, ['by=@rebels event=@siege killed=10']) }, 'siege');
    assert.deepEqual(
      matrix.origins.map((o) => [o.label, o.actor, o.reports]),
      [
        ['a.txt (no source)', undefined, ['a.txt']],
        ['b.txt (no source)', undefined, ['b.txt']],
      ],
    );
    assert.equal(matrix.summary.origins, 2);
    assert.equal(matrix.summary.sources, 0);
  });

  void test('an anonymous claimant’s column names its report; paths are shown as the caller shows them', () => {
    const documents = CASES[4].documents;
    const matrix = eventMatrix(corpus(documents), 'siege', { showPath: (file) => `corpus/${file}` });
    assert.deepEqual(
      matrix?.claimants.map((c) => [c.key.replace('\u0000', ' in '), c.id, c.document, c.label]),
      [
        ['locals in b.txt', 'locals', 'b.txt', 'Local sources (unnamed, in corpus/b.txt)'],
        ['locals in a.txt', 'locals', 'a.txt', 'Local sources (unnamed, in corpus/a.txt)'],
      ],
    );
    assert.equal(matrix?.summary.claimants, 2);
  });

  void test('each value lists the passages that claim it: the claim span and its key=value', () => {
    const documents = CASES[5].documents;
    const c = corpus(documents);
    const matrix = eventMatrix(c, 'siege');
    const passages = matrix?.rows[0].cells.flatMap((cell) => cell.values.flatMap((v) => v.passages)) ?? [];
    const text = (file: string, range: { start: number; end: number }) => c.document(file)?.text.slice(range.start, range.end);
    assert.deepEqual(
      passages.map((p) => [p.file, text(p.file, p.assertion), text(p.file, p.claim)?.replace(/\]\{.*/, ']'), p.raw, p.hedged]),
      [
        ['a.txt', 'killed=10', '[Passage 0]', '10', true],
        ['b.txt', 'killed=10', '[Passage 0]', '10', false],
        ['a.txt', 'killed=?', '[Passage 1]', '?', false],
        ['b.txt', 'killed=~10', '[Passage 1]', '~10', true],
      ],
    );
  });

  void test('the desk’s record: disputed values, the assessment and the estimate, never compared with the claims', () => {
    const matrix = matrixOf(CASES[2].documents, 'raid');
    assert.deepEqual(matrix.desk, {
      disputed: [{ property: 'outcome', values: ['captured', 'repelled'] }],
      assessment: 'The camp fell, then was retaken.',
      estimate: [
        { property: 'killed', raw: '20..50', label: '20–50' },
        { property: 'outcome', raw: 'repelled', label: 'repelled' },
      ],
    });
    // The estimate is no claimant: the rebels' captured is still acknowledged, not in conflict with the desk's repelled.
    assert.deepEqual(grid(matrix), CASES[2].grid);
    assert.deepEqual([matrix.event, matrix.date], [{ id: 'raid', name: 'The raid' }, '2024-03']);
  });

  void test('is plain data: it survives a JSON round trip unchanged, as the editor’s view receives it', () => {
    for (const c of CASES) {
      const matrix = matrixOf(c.documents, c.event);
      assert.deepEqual(JSON.parse(JSON.stringify(matrix)), matrix, c.name);
    }
  });

  void test('an event without claims has an empty matrix; an id that is not an event has none', () => {
    const c = corpus(CASES[0].documents);
    const quiet = eventMatrix(c, 'quiet');
    assert.deepEqual([quiet?.rows, quiet?.claimants, quiet?.timeline, quiet?.reports, quiet?.summary.claims], [[], [], [], [], 0]);
    assert.equal(eventMatrix(c, 'army'), undefined);
    assert.equal(eventMatrix(c, 'nowhere'), undefined);
  });
});

void describe('the corpus overview', () => {
  const documents = {
    'a.txt': report({ source: 'wire' }, ['by=@rebels event=@raid outcome=captured', 'by=@army event=@raid outcome=repelled', 'by=@army event=@raid killed=10']),
    'b.txt': report({ source: 'paper', origin: 'wire' }, ['by=@rebels event=@raid outcome=captured', 'by=@rebels event=@raid killed=40']),
    'c.txt': report({ source: 'blog' }, ['by=@army event=@siege killed=10', 'by=@army event=@siege killed=30', 'by=@locals event=@siege date=2024-02-09..2024-02-11']),
    'd.txt': report({ source: 'blog' }, ['by=@army event=@siege date=2024-02-11', 'by=@army event=@siege']),
  };

  void test('lists the events with claims, most disputed first, with their figures and dates', () => {
    const overview = corpusOverview(corpus(documents));
    assert.deepEqual(
      overview.events.map((s) => ({ ...s, event: s.event.id })),
      [
        {
          event: 'raid',
          claims: 5,
          reports: 2,
          sources: 2,
          origins: 1,
          claimants: 2,
          properties: 2,
          // killed: army 10 against rebels 40, one warning each; outcome: acknowledged, three claims.
          conflicts: { properties: 1, cells: 2, diagnostics: 2 },
          acknowledged: { properties: 1, cells: 2, diagnostics: 3 },
          dates: { from: '2024-03-01', to: '2024-03-31', basis: 'registry' },
        },
        {
          event: 'siege',
          claims: 5,
          reports: 2,
          sources: 1,
          origins: 1,
          claimants: 2,
          properties: 2,
          // The army reported with 10 and 30: each an inconsistent-reports warning.
          conflicts: { properties: 1, cells: 1, diagnostics: 2 },
          acknowledged: { properties: 0, cells: 0, diagnostics: 0 },
          dates: { from: '2024-02-09', to: '2024-02-11', basis: 'claims' },
        },
      ],
    );
    assert.deepEqual(overview.withoutClaims, [{ id: 'quiet', name: 'A quiet day' }]);
    assert.deepEqual([overview.documents, overview.claims], [4, 10]);
  });

  void test('counts the contradiction diagnostics corroborate check reports on the event’s claims', () => {
    const c = corpus(documents);
    const byEvent = new Map<string, { conflicts: number; acknowledged: number }>();
    for (const found of c.allDiagnostics()) {
      if (!['conflicting-claims', 'inconsistent-reports', 'acknowledged-dispute'].includes(found.code)) continue;
      const claim = c.document(found.file)?.claims.find((cl) => cl.start <= found.start && found.end <= cl.end);
      assert.ok(claim?.event);
      const counts = byEvent.get(claim.event) ?? { conflicts: 0, acknowledged: 0 };
      if (found.code === 'acknowledged-dispute') counts.acknowledged++;
      else counts.conflicts++;
      byEvent.set(claim.event, counts);
    }
    for (const summary of corpusOverview(c).events) {
      const counted = byEvent.get(summary.event.id) ?? { conflicts: 0, acknowledged: 0 };
      assert.deepEqual({ conflicts: summary.conflicts.diagnostics, acknowledged: summary.acknowledged.diagnostics }, counted, summary.event.id);
    }
  });

  void test('the whole report holds the overview and every event’s matrix, in the overview’s order', () => {
    const report = claimsReport(corpus(documents));
    assert.deepEqual(
      report.events.map((m) => m.event.id),
      report.overview.events.map((s) => s.event.id),
    );
    assert.deepEqual(report.events.map((m) => m.summary), report.overview.events);
  });
});

void describe('the timeline of an event', () => {
  void test('who said it first: dated reports by publication, republications of a report that says it relay it, undated reports last', () => {
    const matrix = matrixOf(
      {
        'a.txt': report({ source: 'wire', published: '2024-03-05' }, ['by=@army event=@raid outcome=repelled']),
        'b.txt': report({ source: 'blog', published: '2024-03-02' }, ['by=@army event=@raid hedged outcome=repelled']),
        // Dated before the wire's report it copies: still only a relay.
        'c.txt': report({ source: 'paper', origin: 'wire', published: '2024-03-01' }, ['by=@army event=@raid outcome=repelled']),
        'd.txt': report({ source: 'paper' }, ['by=@army event=@raid outcome=repelled', 'by=@rebels event=@raid outcome=captured']),
        // A month: it may be as early as the 2nd, so it is among the first.
        'e.txt': report({ source: 'blog', published: '2024-03' }, ['by=@army event=@raid outcome=repelled', 'by=@rebels event=@raid killed=~40']),
        'f.txt': report({ source: 'wire', published: '2024-02-28' }, ['by=@rebels event=@raid killed=40']),
        'g.txt': report({ source: 'blog', published: '2024-03-04' }, ['by=@locals event=@raid killed=40']),
        'h.txt': report({ source: 'paper', published: '2024-03-01' }, ['by=@locals event=@raid killed=40']),
      },
      'raid',
    );
    assert.deepEqual(timeline(matrix), [
      '2024-02-28 Rebels killed=40: f.txt first',
      '2024-03 Army outcome=repelled: e.txt first, b.txt first hedged, c.txt later relay, a.txt later, d.txt undated',
      '2024-03 Rebels killed=about 40: e.txt first',
      // An anonymous claimant's reports are one statement through time.
      '2024-03-01 Local sources killed=40: h.txt first, g.txt later',
      'undated Rebels outcome=captured: d.txt undated',
    ]);
  });

  void test('a copy whose origin’s own report is not in the corpus is dated as any report', () => {
    const matrix = matrixOf(
      {
        'a.txt': report({ source: 'paper', origin: 'wire', published: '2024-03-01' }, ['by=@army event=@raid outcome=repelled']),
        'b.txt': report({ source: 'blog', published: '2024-03-03' }, ['by=@army event=@raid outcome=repelled']),
      },
      'raid',
    );
    assert.deepEqual(timeline(matrix), ['2024-03-01 Army outcome=repelled: a.txt first copy, b.txt later']);
  });
});
