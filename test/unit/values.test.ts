// How claim values read and compare (DESIGN.md, "The markup" and "How claims
// compare"). Readings are checked on the value functions; comparisons through
// a corpus, as an analyst sees them: two claims by different parties either
// raise conflicting-claims or not.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from '../../server/src/engine/corpus';
import type { Diagnostic } from '../../server/src/engine/diagnostics';
import { readCount, readDate, readValue, valueBounds, type PropertyDefinition } from '../../server/src/engine/values';

const REGISTRY = `documents: ["*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled, withdrawn], compatible: [[captured, withdrawn]] }
  killed: { type: count }
  wounded: { type: count, tolerance: 3 }
  date: { type: date }
  place: { type: entity, kind: place }
  attacker: { type: entity, kind: actor }
  method: { type: text }
actors:
  jnim: { name: JNIM }
  isgs: { name: Islamic State Sahel }
  fama: { name: Malian armed forces }
places:
  mali: { name: Mali }
  tombouctou: { name: Tombouctou, in: mali }
  niafunke: { name: Niafunké, in: tombouctou }
  gao: { name: Gao, in: mali }
  niamey: { name: Niamey }
events:
  attack: { name: Attack on the Niafunké camp }
`;

const count: PropertyDefinition = { key: 'killed', type: 'count', values: [], compatible: [] };
const date: PropertyDefinition = { key: 'date', type: 'date', values: [], compatible: [] };

function interval(reading: ReturnType<typeof readCount>): { low: number; high: number } {
  assert.ok(reading.ok, `expected a value, got: ${reading.ok ? '' : reading.message}`);
  const value = reading.value;
  assert.ok(value.type === 'interval', `expected an interval, got ${value.type}`);
  return { low: value.low, high: value.high };
}

function isoBounds(text: string): { low: unknown; high: unknown } {
  const reading = readDate(text);
  assert.ok(reading.ok, `expected ${text} to be a date`);
  return valueBounds(date, reading.value);
}

function claim(by: string, assertion: string): string {
  return `---\nsource: ${by}\n---\nThe [report]{claim by=@${by} event=@attack ${assertion}}.\n`;
}

/** Every diagnostic of a corpus where @jnim asserts `first` and @fama asserts `second`. */
function compareClaims(first: string, second: string): Diagnostic[] {
  const corpus = new Corpus(REGISTRY);
  corpus.setDocument('a.txt', claim('jnim', first));
  corpus.setDocument('b.txt', claim('fama', second));
  return corpus.allDiagnostics();
}

/** Whether the two assertions contradict each other; both must be valid values. */
function contradict(first: string, second: string): boolean {
  const diagnostics = compareClaims(first, second);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => d.message), [], `${first} / ${second} should both be valid`);
  const conflicts = diagnostics.filter((d) => d.code === 'conflicting-claims');
  // A contradiction is symmetric: each of the two claims gets one.
  assert.ok(conflicts.length === 0 || conflicts.length === 2, `got ${conflicts.length} conflicting-claims`);
  return conflicts.length === 2;
}

function badValue(assertion: string): string | undefined {
  const corpus = new Corpus(REGISTRY);
  corpus.setDocument('a.txt', claim('jnim', assertion));
  return corpus.allDiagnostics().find((d) => d.code === 'bad-value')?.message;
}

void describe('counts', () => {
  void test('a number is itself', () => {
    assert.deepEqual(interval(readCount('2')), { low: 2, high: 2 });
    assert.deepEqual(interval(readCount('0')), { low: 0, high: 0 });
  });

  void test('a range includes both ends', () => {
    assert.deepEqual(interval(readCount('20..99')), { low: 20, high: 99 });
    assert.equal(contradict('killed=20..99', 'killed=99'), false);
    assert.equal(contradict('killed=20..99', 'killed=20'), false);
    assert.equal(contradict('killed=20..99', 'killed=100'), true);
    assert.equal(contradict('killed=20..99', 'killed=19'), true);
  });

  void test('bounds: >=, >, <=, <', () => {
    assert.deepEqual(interval(readCount('>=20')), { low: 20, high: Infinity });
    assert.deepEqual(interval(readCount('>20')), { low: 21, high: Infinity });
    assert.deepEqual(interval(readCount('<=5')), { low: 0, high: 5 });
    assert.deepEqual(interval(readCount('<5')), { low: 0, high: 4 });
    assert.equal(contradict('killed=>=20', 'killed=20'), false);
    assert.equal(contradict('killed=>=20', 'killed=100000'), false);
    assert.equal(contradict('killed=>20', 'killed=20'), true);
    assert.equal(contradict('killed=<=5', 'killed=5'), false);
    assert.equal(contradict('killed=<5', 'killed=5'), true);
    assert.equal(contradict('killed=<5', 'killed=0'), false);
  });

  void test('about: ~N spans ±max(1, ⌈N/10⌉)', () => {
    assert.deepEqual(interval(readCount('~50')), { low: 45, high: 55 });
    assert.deepEqual(interval(readCount('~5')), { low: 4, high: 6 });
    assert.deepEqual(interval(readCount('~1')), { low: 0, high: 2 });
    assert.deepEqual(interval(readCount('~51')), { low: 45, high: 57 });
    assert.equal(contradict('killed=~50', 'killed=55'), false);
    assert.equal(contradict('killed=~50', 'killed=45'), false);
    assert.equal(contradict('killed=~50', 'killed=56'), true);
    assert.equal(contradict('killed=~50', 'killed=44'), true);
    assert.equal(contradict('killed=~1', 'killed=0'), false);
  });

  void test('a property tolerance: replaces the default spread', () => {
    assert.deepEqual(interval(readCount('~50', 3)), { low: 47, high: 53 });
    assert.deepEqual(interval(readCount('~50', 0)), { low: 50, high: 50 });
    // wounded has tolerance: 3, so ~50 is 47..53 there but 45..55 for killed.
    assert.equal(contradict('wounded=~50', 'wounded=54'), true);
    assert.equal(contradict('wounded=~50', 'wounded=53'), false);
    assert.equal(contradict('killed=~50', 'killed=54'), false);
  });

  void test('what is not a count is bad-value', () => {
    for (const text of ['many', '-3', '2.5', '20..10', '<0', '~', '>=', '1..', '2 0']) {
      assert.equal(readCount(text).ok, false, text);
    }
    assert.match(badValue('killed=dozens') ?? '', /not a count/);
    assert.match(badValue('killed=99..20') ?? '', /smaller bound first/);
  });

  void test('quoting never changes a value', () => {
    assert.equal(contradict('killed="12"', 'killed=12'), false);
    assert.equal(contradict('killed="12"', 'killed=13'), true);
  });
});

void describe('dates', () => {
  void test('a year, a month and a day cover their period', () => {
    assert.deepEqual(isoBounds('2023'), { low: '2023-01-01', high: '2023-12-31' });
    assert.deepEqual(isoBounds('2023-11'), { low: '2023-11-01', high: '2023-11-30' });
    assert.deepEqual(isoBounds('2024-02'), { low: '2024-02-01', high: '2024-02-29' });
    assert.deepEqual(isoBounds('2023-11-24'), { low: '2023-11-24', high: '2023-11-24' });
  });

  void test('a range includes both ends, each covering its period', () => {
    assert.deepEqual(isoBounds('2023-11-24..2023-11-26'), { low: '2023-11-24', high: '2023-11-26' });
    assert.deepEqual(isoBounds('2023-11..2024'), { low: '2023-11-01', high: '2024-12-31' });
    assert.equal(contradict('date=2023-11-24..2023-11-26', 'date=2023-11-24'), false);
    assert.equal(contradict('date=2023-11-24..2023-11-26', 'date=2023-11-26'), false);
    assert.equal(contradict('date=2023-11-24..2023-11-26', 'date=2023-11-27'), true);
    assert.equal(contradict('date=2023-11-24..2023-11-26', 'date=2023-11-23'), true);
  });

  void test('periods compare by overlap', () => {
    assert.equal(contradict('date=2023', 'date=2023-11-24'), false);
    assert.equal(contradict('date=2023-11', 'date=2023-11-30'), false);
    assert.equal(contradict('date=2023-11', 'date=2023-12-01'), true);
    assert.equal(contradict('date=2023', 'date=2024-01-01'), true);
  });

  void test('29 February exists in leap years only', () => {
    assert.equal(readDate('2024-02-29').ok, true);
    assert.equal(readDate('2000-02-29').ok, true);
    assert.equal(readDate('2023-02-29').ok, false);
    assert.equal(readDate('1900-02-29').ok, false);
    assert.equal(badValue('date=2024-02-29'), undefined);
  });

  void test('years before 100 are those years, not 1900–1999 (issue 10, fault 10)', () => {
    assert.equal(contradict('date=0023-11-24', 'date=1923-11-24'), true);
    assert.equal(contradict('date=0099', 'date=1999-06-01'), true);
    assert.equal(contradict('date=0023-11-24', 'date=0023-11'), false);
    assert.deepEqual(isoBounds('0023-11-24'), { low: '0023-11-24', high: '0023-11-24' });
    assert.deepEqual(isoBounds('0000'), { low: '0000-01-01', high: '0000-12-31' });
    assert.deepEqual(isoBounds('0099-12..0100-01'), { low: '0099-12-01', high: '0100-01-31' });
    // The proleptic Gregorian calendar: year 0 is a leap year, 100 is not, 400 is.
    assert.equal(readDate('0000-02-29').ok, true);
    assert.equal(readDate('0004-02-29').ok, true);
    assert.equal(readDate('0100-02-29').ok, false);
    assert.equal(readDate('0400-02-29').ok, true);
    assert.equal(badValue('date=0000-02-29'), undefined);
    assert.deepEqual(isoBounds('0000-02'), { low: '0000-02-01', high: '0000-02-29' });
    assert.deepEqual(isoBounds('9999'), { low: '9999-01-01', high: '9999-12-31' });
  });

  void test('day numbers count days, across centuries and around the epoch', () => {
    // 1 January 1970 is day 0, as before; each day after it one more.
    assert.deepEqual(interval(readDate('1970-01-01')), { low: 0, high: 0 });
    assert.deepEqual(interval(readDate('1969-12-31')), { low: -1, high: -1 });
    assert.deepEqual(interval(readDate('2000-03-01')), { low: 11_017, high: 11_017 });
    // 0000-01-01 to 1970-01-01 is 719,528 days in the proleptic Gregorian calendar.
    assert.deepEqual(interval(readDate('0000-01-01')), { low: -719_528, high: -719_528 });
    // Every day of 0000–0400 and 1899–2101 prints back as itself and follows the one before.
    for (const [from, to] of [[0, 400], [1899, 2101]] as const) {
      let previous: number | undefined;
      for (let year = from; year <= to; year++) {
        for (let month = 1; month <= 12; month++) {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
          const { low, high } = interval(readDate(text));
          if (previous !== undefined) assert.equal(low, previous + 1, text);
          previous = high;
          assert.deepEqual(isoBounds(text).low, `${text}-01`);
        }
      }
    }
  });

  void test('an impossible date is bad-value', () => {
    assert.match(badValue('date=2023-02-30') ?? '', /2023-02-30/);
    assert.match(badValue('date=2023-13') ?? '', /month 13/);
    assert.match(badValue('date=2023-13-01') ?? '', /month 13/);
    assert.notEqual(badValue('date=2023-00-10'), undefined);
    assert.notEqual(badValue('date=2023-11-31'), undefined);
    assert.notEqual(badValue('date=2023-11-00'), undefined);
    assert.notEqual(badValue('date=24/11/2023'), undefined);
    assert.notEqual(badValue('date=2023-11-5'), undefined);
    assert.match(badValue('date=2023-11-26..2023-11-24') ?? '', /before it starts/);
    assert.notEqual(badValue('date=2023..2024..2025'), undefined);
  });
});

void describe('enums', () => {
  void test('values compare by value', () => {
    assert.equal(contradict('outcome=captured', 'outcome=captured'), false);
    assert.equal(contradict('outcome=captured', 'outcome=repelled'), true);
  });

  void test('values listed together under compatible: do not contradict, in either order', () => {
    assert.equal(contradict('outcome=captured', 'outcome=withdrawn'), false);
    assert.equal(contradict('outcome=withdrawn', 'outcome=captured'), false);
    assert.equal(contradict('outcome=withdrawn', 'outcome=repelled'), true);
  });

  void test('a value outside values: is bad-value', () => {
    assert.match(badValue('outcome=taken') ?? '', /captured, repelled, withdrawn/);
    assert.match(badValue('outcome=Captured') ?? '', /not a value of outcome/);
    assert.equal(badValue('outcome="captured"'), undefined);
  });
});

void describe('places', () => {
  void test('a place is compatible with the places it lies in, through in:, in both directions', () => {
    assert.equal(contradict('place=@niafunke', 'place=@tombouctou'), false);
    assert.equal(contradict('place=@tombouctou', 'place=@niafunke'), false);
  });

  void test('containment is transitive', () => {
    assert.equal(contradict('place=@niafunke', 'place=@mali'), false);
    assert.equal(contradict('place=@mali', 'place=@niafunke'), false);
  });

  void test('places side by side, or unrelated, contradict', () => {
    assert.equal(contradict('place=@niafunke', 'place=@gao'), true);
    assert.equal(contradict('place=@tombouctou', 'place=@gao'), true);
    assert.equal(contradict('place=@mali', 'place=@niamey'), true);
  });

  void test('an entity value must be an @id of the property kind', () => {
    assert.match(badValue('place=niafunke') ?? '', /@id/);
    const corpus = new Corpus(REGISTRY);
    corpus.setDocument('a.txt', claim('jnim', 'place=@jnim'));
    assert.deepEqual(
      corpus.allDiagnostics().filter((d) => d.severity === 'error').map((d) => d.code),
      ['wrong-kind'],
    );
  });
});

void describe('other entities', () => {
  void test('compare by id, with no containment', () => {
    assert.equal(contradict('attacker=@jnim', 'attacker=@jnim'), false);
    assert.equal(contradict('attacker=@jnim', 'attacker=@isgs'), true);
  });
});

void describe('values never in conflict', () => {
  void test('? is declined or unknown: shown, never in conflict', () => {
    assert.deepEqual(readValue(count, '?', undefined), { ok: true, value: { type: 'unknown' } });
    for (const known of ['killed=3', 'date=2023-11-24', 'outcome=repelled', 'place=@gao', 'attacker=@isgs']) {
      const property = known.slice(0, known.indexOf('='));
      assert.equal(contradict(`${property}=?`, known), false, known);
      assert.equal(contradict(known, `${property}=?`), false, known);
    }
  });

  void test('free text is recorded, never compared', () => {
    assert.equal(contradict('method="voiture piégée"', 'method=mortier'), false);
    assert.equal(contradict('method=mortier', 'method=drone'), false);
  });

  void test('? and free text are kept for export', () => {
    const text: PropertyDefinition = { key: 'method', type: 'text', values: [], compatible: [] };
    const reading = readValue(text, 'voiture piégée', undefined);
    assert.ok(reading.ok);
    assert.deepEqual(valueBounds(text, reading.value), { low: 'voiture piégée', high: 'voiture piégée' });
    const unknown = readValue(count, '?', undefined);
    assert.ok(unknown.ok);
    assert.deepEqual(valueBounds(count, unknown.value), { low: null, high: null });
  });
});
