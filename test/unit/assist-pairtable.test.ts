// The cue model's counts live in PairTables (open addressing, entries shifted
// back on removal). A count lost or left behind there would change a
// suggestion only after the right sequence of edits, so the table is checked
// against a Map over random sequences of sets, additions and removals, on few
// ordinals so that their home slots collide, through growth and back.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PairTable } from '../../server/src/engine/assist/packed';
import { checkProperty } from '../fuzz';

type Operation = { readonly kind: 'set' | 'add' | 'delete'; readonly a: number; readonly b: number; readonly value: number };

// Thirteen ordinals make 169 pairs: enough to grow the table several times, few enough that removals find what they remove.
const ordinal = fc.integer({ min: 0, max: 12 });
const operation: fc.Arbitrary<Operation> = fc.record({
  kind: fc.constantFrom<Operation['kind']>('set', 'add', 'add', 'delete'),
  a: ordinal,
  b: ordinal,
  value: fc.constantFrom(-2, -1, 1, 2),
});

function entriesOf(table: PairTable): Map<string, number> {
  const entries = new Map<string, number>();
  table.forEach((a, b, value) => {
    const key = `${a},${b}`;
    assert.equal(entries.has(key), false, `the pair ${key} is held twice`);
    entries.set(key, value);
  });
  return entries;
}

void describe('PairTable', () => {
  test('holds what a Map holds after any sequence of sets, additions and removals', () => {
    checkProperty(
      fc.property(fc.array(operation, { minLength: 100, maxLength: 400, size: 'max' }), (operations) => {
        const table = new PairTable();
        const expected = new Map<string, number>();
        for (const { kind, a, b, value } of operations) {
          const key = `${a},${b}`;
          if (kind === 'set') {
            table.set(a, b, value);
            expected.set(key, value);
          } else if (kind === 'delete') {
            table.delete(a, b);
            expected.delete(key);
          } else {
            const next = (expected.get(key) ?? 0) + value;
            if (next === 0) expected.delete(key);
            else expected.set(key, next);
            assert.equal(table.add(a, b, value), next);
          }
          assert.equal(table.get(a, b), expected.get(key));
        }
        assert.equal(table.size, expected.size);
        assert.deepEqual(entriesOf(table), expected);
        for (const key of expected.keys()) {
          const [a, b] = key.split(',').map(Number) as [number, number];
          assert.equal(table.get(a, b), expected.get(key), `the pair ${key} is no longer found from its home slot`);
        }
      }),
      200,
    );
  });

  test('a pair taken out and put back is counted once', () => {
    const table = new PairTable();
    for (let i = 0; i < 100; i++) table.add(i % 7, i, 1);
    for (let i = 0; i < 100; i += 2) table.delete(i % 7, i);
    for (let i = 0; i < 100; i += 2) table.add(i % 7, i, 2);
    assert.equal(table.size, 100);
    assert.equal(table.get(0, 0), 2);
    assert.equal(table.get(1, 1), 1);
  });
});
