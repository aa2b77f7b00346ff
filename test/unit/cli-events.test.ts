// `corroborate export --format events | events-json`: one row per registry
// event in the conflict-event datasets' conventions. The golden files pin a
// small corpus's rows; the tests around them say the rules a dataset's user
// relies on, and check them on the seeds.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readCount } from '../../server/src/engine/values';
import { assertGolden, assertGoldenText, copySeeds, parseCsv, REPO, run, writeCorpus } from '../support/cli';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'events');

type Cell = string | number | null | string[];
type EventRow = Record<string, Cell>;

function exportEvents(root: string): { csv: string; rows: EventRow[] } {
  const csv = run(['export', root, '--format', 'events']);
  assert.equal(csv.status, 0);
  assert.equal(csv.stderr, '');
  const json = run(['export', root, '--format', 'events-json']);
  assert.equal(json.status, 0);
  assert.equal(json.stderr, '');
  return { csv: csv.stdout, rows: JSON.parse(json.stdout) as EventRow[] };
}

function rowOf(rows: readonly EventRow[], event: string): EventRow {
  const row = rows.find((r) => r.event_id === event);
  assert.ok(row, `no row for ${event}`);
  return row;
}

/** A corpus of one event with the registry's properties and the given reports. */
function corpus(properties: string, documents: Record<string, string>, actors = ''): string {
  return writeCorpus({
    'corroborate.yaml':
      `documents: ["*.txt"]\nproperties:\n${properties}\nactors:\n  afp: { name: AFP }\n  rfi: { name: RFI }\n  relay: { name: Relay }\n` +
      `  jnim: { name: JNIM }\n  fama: { name: FAMa }\n  locals: { name: Local sources, anonymous: true }\n${actors}events:\n  attack: { name: Attack }\n`,
    ...documents,
  });
}

const KILLED = '  killed: { type: count, measure: fatalities }';

void describe('export --format events and events-json', () => {
  void test('the golden rows of a small corpus, the CSV being the JSON with lists joined and nulls empty', () => {
    const { csv, rows } = exportEvents(path.join(FIXTURE, 'corpus'));
    assertGoldenText(csv, path.join(FIXTURE, 'expected', 'events.csv'));
    assertGolden(rows, path.join(FIXTURE, 'expected', 'events.json'));
    const [header, ...lines] = parseCsv(csv);
    assert.deepEqual(header, Object.keys(rows[0] ?? {}));
    const asCsv = (cell: Cell) => (cell === null ? '' : Array.isArray(cell) ? cell.join('; ') : String(cell));
    assert.deepEqual(lines, rows.map((row) => Object.values(row).map(asCsv)));
    assert.ok(csv.endsWith('\r\n') && !/[^\r]\n/.test(csv.replace(/"[^"]*"/g, '')), 'rows end with CRLF, as export --format csv writes them');
  });

  void test('every registry event has a row, in the registry order; one nobody claims anything about falls back on its registry date and place, flagged', () => {
    const { rows } = exportEvents(path.join(FIXTURE, 'corpus'));
    assert.deepEqual(rows.map((r) => r.event_id), ['camp-attack', 'ambush', 'convoy-raid']);
    const raid = rowOf(rows, 'convoy-raid');
    assert.deepEqual(
      [raid.claims, raid.date_start, raid.date_end, raid.date_precision, raid.date_source, raid.location_id, raid.location_source],
      [0, '2023-11-01', '2023-11-30', 'month', 'registry', 'goundam', 'registry'],
    );
    assert.deepEqual([raid.fatalities_best, raid.fatalities_hedged], [null, 0]);
  });

  void test('only counts with a measure: get figures, named after the measure; the others get no column', () => {
    const { rows } = exportEvents(path.join(FIXTURE, 'corpus'));
    const columns = Object.keys(rows[0] ?? {});
    const suffixes = ['low', 'high', 'best', 'conservative', 'hedged', 'estimate'];
    for (const measure of ['fatalities', 'injured']) for (const suffix of suffixes) assert.ok(columns.includes(`${measure}_${suffix}`), `no ${measure}_${suffix}`);
    assert.deepEqual(columns.filter((c) => /^(killed|wounded|vehicles)/.test(c)), []);
  });

  void test('the figures: open-ended high is empty, hedged figures stay out of conservative, ? is no figure, the estimate is its own column', () => {
    const { rows } = exportEvents(path.join(FIXTURE, 'corpus'));
    const attack = rowOf(rows, 'camp-attack');
    // killed: JNIM >=20 (three reports, one figure), local sources ~30 and a hedged 12 (AFP's), 25 (RFI's, republished by Relay), the army ?.
    assert.deepEqual(
      [attack.fatalities_low, attack.fatalities_high, attack.fatalities_best, attack.fatalities_conservative, attack.fatalities_hedged, attack.fatalities_estimate],
      [12, null, 22, 20, 1, '20..40'],
    );
    // wounded: 10..20 (figure 15) and RFI's hedged 12, which Relay repeats; no estimate.
    assert.deepEqual([attack.injured_low, attack.injured_high, attack.injured_best, attack.injured_conservative, attack.injured_hedged, attack.injured_estimate], [10, 20, 13, 15, 1, null]);
    const ambush = rowOf(rows, 'ambush');
    // >5 is 6 and open-ended; <=3 is 3 and reaches down to 0; the army's ? on wounded gives nothing.
    assert.deepEqual([ambush.fatalities_low, ambush.fatalities_high, ambush.fatalities_best, ambush.fatalities_conservative], [0, null, 4, 3]);
    assert.deepEqual([ambush.injured_low, ambush.injured_best, ambush.injured_conservative, ambush.injured_hedged], [null, null, null, 0]);
  });

  void test('notes: an acknowledged dispute with the desk\'s estimate, and open contradictions, by claimant', () => {
    const { rows } = exportEvents(path.join(FIXTURE, 'corpus'));
    const attack = rowOf(rows, 'camp-attack');
    assert.equal(
      attack.notes,
      'outcome: JNIM: captured; FAMa: repelled — acknowledged; desk estimate: repelled | killed: JNIM: >=20; Local sources: ~30, 12 (hedged), 25 — unresolved',
    );
    assert.equal(attack.assessment, 'Both accounts stand:\nnobody independent has been to the camp.');
    const ambush = rowOf(rows, 'ambush');
    assert.match(String(ambush.notes), /^killed: AFP: >5; FAMa: <=3 — unresolved \| attacker: AFP: @jnim; RFI: @jnim; FAMa: @isgs — unresolved \| place: /);
  });

  void test('a quoted value is the same value: its note gives it as written, unquoted, as json\'s value does', () => {
    const root = corpus(`${KILLED}\n  outcome: { type: enum, values: [captured, repelled] }`, {
      'a.txt': '---\nsource: afp\n---\n[a]{claim by=@jnim event=@attack killed=">=20" outcome="captured"} [b]{claim by=@jnim event=@attack killed=>=20} [c]{claim by=@fama event=@attack killed="~5" outcome=repelled}\n',
    });
    const { rows } = exportEvents(root);
    assert.equal(rowOf(rows, 'attack').notes, 'killed: JNIM: >=20; FAMa: ~5 — unresolved | outcome: JNIM: captured; FAMa: repelled — unresolved');
  });

  void test('the desk\'s estimate of a property without a measure is in the notes when no claim gives that property, or the event has no claim', () => {
    const root = writeCorpus({
      'corroborate.yaml':
        'documents: ["*.txt"]\nproperties:\n  outcome: { type: enum, values: [captured, repelled] }\n  date: { type: date }\n  killed: { type: count }\n' +
        'actors:\n  afp: { name: AFP }\nevents:\n' +
        '  attack: { name: Attack, estimate: { killed: 20..50, outcome: repelled } }\n' +
        '  quiet: { name: Quiet, estimate: { date: 2023-11, outcome: captured } }\n',
      'a.txt': '---\nsource: afp\n---\n[x]{claim event=@attack date=2023-11-24}\n',
    });
    const { rows } = exportEvents(root);
    assert.equal(rowOf(rows, 'attack').notes, 'outcome: desk estimate: repelled | killed: desk estimate: 20..50');
    assert.equal(rowOf(rows, 'quiet').notes, 'outcome: desk estimate: captured | date: desk estimate: 2023-11');
  });

  void test('places: the deepest when the claims lie on one chain, the deepest holding them all when they do not; the chain as admin levels', () => {
    const { rows } = exportEvents(path.join(FIXTURE, 'corpus'));
    const attack = rowOf(rows, 'camp-attack');
    assert.deepEqual([attack.location_id, attack.admin1, attack.admin2, attack.admin3], ['niafunke', 'Mali', 'Tombouctou', 'Niafunké']);
    const ambush = rowOf(rows, 'ambush');
    assert.deepEqual([ambush.location_id, ambush.admin1, ambush.admin2, ambush.admin3], ['tombouctou', 'Mali', 'Tombouctou', null]);
    // Actors: the one most claimants name first.
    assert.deepEqual([ambush.attacker, ambush.attacker_name], [['jnim', 'isgs'], ['JNIM', 'État islamique au Grand Sahara']]);
  });

  void test('a figure counts once per claimant: a republication or another report repeating a toll does not pull the median', () => {
    const root = corpus(KILLED, {
      'afp.txt': '---\nsource: afp\n---\n[Ten dead]{claim event=@attack killed=10}.\n',
      'relay.txt': '---\nsource: relay\norigin: afp\n---\n[Ten dead]{claim event=@attack killed=10}. [Ten dead, says AFP]{claim by=@afp event=@attack killed=10}.\n',
      'rfi.txt': '---\nsource: rfi\n---\n[Thirty dead]{claim event=@attack killed=30}. [Local sources say forty]{claim by=@locals event=@attack killed=40}.\n',
      'rfi2.txt': '---\nsource: rfi\n---\n[Local sources say forty]{claim by=@locals event=@attack killed=40}.\n',
    });
    const row = rowOf(exportEvents(root).rows, 'attack');
    // AFP's 10, three times (Relay republishes AFP), is one figure; RFI's local sources, in two RFI reports, are one
    // claimant there: figures 10, 30, 40, median 30. Counted per claim (10, 10, 10, 30, 40, 40) it would be 20.
    assert.deepEqual([row.fatalities_best, row.fatalities_conservative], [30, 10]);
    // The columns of corroboration count as check does: two independent origins; Relay, AFP, RFI and each report's local sources.
    assert.deepEqual([row.claims, row.origins, row.claimants], [6, 2, 5]);
  });

  void test('anonymous claimants of different outlets are different people: each one\'s figure counts', () => {
    const root = corpus(KILLED, {
      'afp.txt': '---\nsource: afp\n---\n[Local sources say forty]{claim by=@locals event=@attack killed=40}.\n',
      'rfi.txt': '---\nsource: rfi\n---\n[Local sources say forty]{claim by=@locals event=@attack killed=40}. [The army says ten]{claim by=@fama event=@attack killed=10}.\n',
    });
    // Figures 40 (AFP's locals), 40 (RFI's locals), 10: the median is 40; with the locals counted once it would be 25.
    assert.equal(rowOf(exportEvents(root).rows, 'attack').fatalities_best, 40);
  });

  void test('each count notation gives the figure the documentation says, and an even median is rounded down', () => {
    const figure = (text: string) => {
      const reading = readCount(text);
      assert.ok(reading.ok && reading.value.type === 'interval');
      return reading.value.figure;
    };
    assert.deepEqual(['12', '~50', '>=20', '>20', '<=5', '<5', '20..25', '0'].map(figure), [12, 50, 20, 21, 5, 4, 22.5, 0]);
    const root = corpus(KILLED, {
      'a.txt': '---\nsource: afp\n---\n[Between twenty and twenty-five]{claim event=@attack killed=20..25}.\n',
    });
    const row = rowOf(exportEvents(root).rows, 'attack');
    assert.deepEqual([row.fatalities_low, row.fatalities_high, row.fatalities_best, row.fatalities_conservative], [20, 25, 22, 22]);
  });

  void test('a note names at most ten claimants, then says how many more', () => {
    const parties = Array.from({ length: 12 }, (_, i) => `p${i + 1}`);
    const root = corpus(KILLED, {
      'a.txt': `---\nsource: afp\n---\n${parties.map((p, i) => `[${p} says ${i + 1}]{claim by=@${p} event=@attack killed=${i + 1}}`).join(' ')}.\n`,
    }, parties.map((p) => `  ${p}: { name: Party ${p.slice(1)} }\n`).join(''));
    const row = rowOf(exportEvents(root).rows, 'attack');
    assert.equal(row.notes, `killed: ${parties.slice(0, 10).map((p, i) => `Party ${p.slice(1)}: ${i + 1}`).join('; ')}; 2 more claimants — unresolved`);
  });

  void test('dates: the earliest first day to the latest last day of the claims, with their precision', () => {
    const dated = (values: string[]) => {
      const claims = values.map((v) => `[On that day]{claim event=@attack date=${v}}`).join(' ');
      return rowOf(exportEvents(corpus('  date: { type: date }', { 'a.txt': `---\nsource: afp\n---\n${claims}.\n` })).rows, 'attack');
    };
    const shown = (row: EventRow) => [row.date_start, row.date_end, row.date_precision, row.date_source];
    assert.deepEqual(shown(dated(['2023-11-24'])), ['2023-11-24', '2023-11-24', 'day', 'claims']);
    assert.deepEqual(shown(dated(['2023-11-24', '2023-11'])), ['2023-11-01', '2023-11-30', 'month', 'claims']);
    assert.deepEqual(shown(dated(['2024'])), ['2024-01-01', '2024-12-31', 'year', 'claims']);
    assert.deepEqual(shown(dated(['2023-11-24', '2023-11-26'])), ['2023-11-24', '2023-11-26', 'range', 'claims']);
    assert.deepEqual(shown(dated(['2023-12-31..2024-01-01', '?'])), ['2023-12-31', '2024-01-01', 'range', 'claims']);
    assert.deepEqual(shown(dated(['?'])), [null, null, null, null]);
  });

  void test('a property whose key is one of the export\'s own columns keeps the export\'s column and gets a suffix', () => {
    const root = corpus('  notes: { type: entity, kind: actor }\n  claims: { type: count, measure: claims }', {
      'a.txt': '---\nsource: afp\n---\n[JNIM did it]{claim event=@attack notes=@jnim claims=3}.\n',
    });
    const row = rowOf(exportEvents(root).rows, 'attack');
    assert.deepEqual([row.notes_2, row.notes_name, row.notes, row.claims, row.claims_best], [['jnim'], ['JNIM'], null, 1, 3]);
  });

  void test('on the seeds: the outcome notes name both parties, and killed\'s low, high and best come from the claims', () => {
    const seeds = copySeeds();
    const { rows } = exportEvents(seeds);
    assert.equal(rows.length, 9, 'one row per event of seeds/corroborate.yaml');
    const attack = rowOf(rows, 'niafunke-attack');
    const outcome = String(attack.notes).split(' | ').find((note) => note.startsWith('outcome:')) ?? '';
    assert.match(outcome, /\(JNIM\): captured/);
    assert.match(outcome, /\(FAMa\): repelled/);
    assert.match(outcome, / — unresolved$/);

    const records = JSON.parse(run(['export', seeds, '--format', 'json']).stdout) as { event: string; property: string; value: string; low: number | null; high: number | null }[];
    const killed = records.filter((r) => r.event === 'niafunke-attack' && r.property === 'killed' && r.value !== '?');
    assert.deepEqual([...new Set(killed.map((r) => r.value))].sort(), ['>=20', '~50']);
    assert.equal(attack.fatalities_low, Math.min(...killed.map((r) => r.low ?? Infinity)));
    assert.equal(attack.fatalities_high, null, '>=20 has no upper bound');
    // JNIM's >=20 (figure 20) and RFI's local sources' ~50 (figure 50, in RFI's report and its republication): the median is 35.
    assert.equal(attack.fatalities_best, 35);
    assert.equal(attack.fatalities_conservative, 20);
    assert.deepEqual([attack.location_id, attack.admin1, attack.admin2, attack.admin3, attack.admin4], ['niafunke', 'Sahel', 'Mali', 'Région de Tombouctou', 'Niafunké']);
    assert.deepEqual([attack.date_start, attack.date_precision, attack.attacker, attack.origins], ['2023-11-24', 'day', ['jnim'], 2]);
  });

  void test('docs/export.md shows the seeds\' rows as the export prints them', () => {
    const docs = fs.readFileSync(path.join(REPO, 'docs', 'export.md'), 'utf8');
    const section = docs.slice(docs.indexOf("### The seeds' rows"));
    const csvExample = /```csv\n([^`]*)```/.exec(section)?.[1] ?? '';
    const jsonExample = /```json\n([^`]*)```/.exec(section)?.[1] ?? '';
    const { csv, rows } = exportEvents(copySeeds());
    const printed = new Set(csv.split('\r\n'));
    const shown = csvExample.trimEnd().split('\n');
    assert.ok(shown.length >= 3);
    for (const line of shown) assert.ok(printed.has(line), `the export prints no such row: ${line.slice(0, 60)}…`);
    assert.deepEqual(JSON.parse(jsonExample), rowOf(rows, 'niafunke-attack'));
  });

  void test('--help names the formats', () => {
    const help = run(['export', '--help']).stdout;
    for (const word of ['events', 'events-json', 'corroborate export mycorpus --format events']) assert.ok(help.includes(word), `export --help does not mention ${word}`);
  });
});
