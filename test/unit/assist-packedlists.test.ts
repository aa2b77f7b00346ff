// The cue model's shares, the claims' words and the neighbours index's
// claims are lists of numbers in one byte buffer (PackedLists), compacted
// once the lists let go outweigh the live ones, and the claims' words are
// found again by their numbers (ListVocabulary). A list read back wrong after
// a compaction, or two lists given one ordinal, would change what the model
// teaches; so both are checked against a Map over random sequences of adds
// and releases.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ListVocabulary, PackedLists } from '../../server/src/engine/assist/packed';
import { checkProperty } from '../fuzz';

type Operation = { readonly add: boolean; readonly numbers: readonly number[]; readonly pick: number };

/**
 * Lists of up to 2,000 numbers of one to five digits, and twice as many
 * releases as adds, so that the buffer is often full of lists let go and
 * its live lists are moved together, in place (about 200 times over the 20
 * runs) or into a larger buffer (about 20).
 */
const numbers = fc.array(fc.oneof(fc.nat(127), fc.nat(20_000), fc.nat(2 ** 32 - 1)), { maxLength: 2000, size: 'max' });
const operation: fc.Arbitrary<Operation> = fc.record({ add: fc.constantFrom(true, false, false), numbers, pick: fc.nat() });

void describe('PackedLists', () => {
  test('reads back every list held, across compactions, and gives no two lists one handle', () => {
    checkProperty(
      fc.property(fc.array(operation, { minLength: 300, maxLength: 600 }), (operations) => {
        const lists = new PackedLists();
        const expected = new Map<number, readonly number[]>();
        for (const { add, numbers, pick } of operations) {
          if (add) {
            const handle = lists.add(numbers);
            assert.ok(!expected.has(handle), `handle ${handle} given twice`);
            expected.set(handle, numbers);
          } else if (expected.size > 0) {
            const handle = [...expected.keys()][pick % expected.size];
            lists.free(handle);
            expected.delete(handle);
          }
        }
        for (const [handle, held] of expected) {
          assert.deepEqual(lists.numbers(handle), held);
          assert.ok(lists.holds(handle, held));
        }
      }),
      20,
    );
  });
});

void describe('ListVocabulary', () => {
  test('gives each list held one ordinal of its own, and gives its numbers back with its last use', () => {
    // Few distinct short lists, so that the same list is held again and let go often.
    const small = fc.array(fc.nat(3), { maxLength: 3 });
    checkProperty(
      fc.property(fc.array(fc.record({ kind: fc.constantFrom('hold', 'again', 'release'), numbers: small, pick: fc.nat() }), { minLength: 50, maxLength: 300 }), (operations) => {
        const vocabulary = new ListVocabulary();
        const expected = new Map<string, { ordinal: number; uses: number; numbers: readonly number[] }>();
        for (const { kind, numbers, pick } of operations) {
          const key = numbers.join(',');
          if (kind === 'hold') {
            const ordinal = vocabulary.hold(numbers);
            const known = expected.get(key);
            if (known !== undefined) assert.equal(ordinal, known.ordinal);
            for (const [other, entry] of expected) if (other !== key) assert.notEqual(ordinal, entry.ordinal, `[${key}] given the ordinal of [${other}]`);
            expected.set(key, { ordinal, uses: (known?.uses ?? 0) + 1, numbers });
            continue;
          }
          const held = [...expected.keys()];
          if (held.length === 0) continue;
          const entry = expected.get(held[pick % held.length])!;
          if (kind === 'again') {
            vocabulary.holdAgain(entry.ordinal);
            entry.uses++;
            continue;
          }
          const given = vocabulary.release(entry.ordinal);
          if (--entry.uses > 0) assert.equal(given, undefined);
          else {
            assert.deepEqual(given, entry.numbers);
            expected.delete(held[pick % held.length]);
          }
        }
        assert.equal(vocabulary.size, expected.size);
        for (const { ordinal, numbers } of expected.values()) assert.equal(vocabulary.find(numbers), ordinal);
      }),
      200,
    );
  });
});
