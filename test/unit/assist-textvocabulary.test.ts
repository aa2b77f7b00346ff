// The cue model knows each claim's words by an ordinal of a TextVocabulary,
// which keeps a text as its words' ordinals. Two claims would count as one
// copy if two different texts shared an ordinal, and a word held after its
// last text was let go would be left behind by every edit; so the
// vocabulary is checked against a Map of texts over random sequences of
// holds and releases, on texts of few words (empty words, from spaces side
// by side or at an end, among them) so that texts share and split words.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextVocabulary } from '../../server/src/engine/assist/packed';
import { checkProperty } from '../fuzz';

type Operation = { readonly kind: 'hold' | 'again' | 'release'; readonly text: string; readonly pick: number };

const text = fc.array(fc.constantFrom('', 'a', 'b', 'ab', 'été', 'a b'), { maxLength: 4 }).map((words) => words.join(' '));
const operation: fc.Arbitrary<Operation> = fc.record({
  kind: fc.constantFrom<Operation['kind']>('hold', 'hold', 'again', 'release', 'release'),
  text,
  pick: fc.nat(),
});

void describe('TextVocabulary', () => {
  test('gives each text held one ordinal of its own, and lets every word go with the last text', () => {
    checkProperty(
      fc.property(fc.array(operation, { minLength: 50, maxLength: 300, size: 'max' }), (operations) => {
        const vocabulary = new TextVocabulary();
        // Text → its ordinal and how many times it is held.
        const expected = new Map<string, { ordinal: number; uses: number }>();
        for (const { kind, text, pick } of operations) {
          const held = [...expected.keys()];
          if (kind === 'hold') {
            const ordinal = vocabulary.hold(text);
            const known = expected.get(text);
            if (known !== undefined) assert.equal(ordinal, known.ordinal, `"${text}" held again under another ordinal`);
            for (const [other, entry] of expected) if (other !== text) assert.notEqual(ordinal, entry.ordinal, `"${text}" given the ordinal of "${other}"`);
            expected.set(text, { ordinal, uses: (known?.uses ?? 0) + 1 });
          } else if (held.length > 0) {
            const chosen = held[pick % held.length];
            const entry = expected.get(chosen)!;
            if (kind === 'again') {
              vocabulary.holdAgain(entry.ordinal);
              entry.uses++;
            } else {
              vocabulary.release(entry.ordinal);
              if (--entry.uses === 0) expected.delete(chosen);
            }
          }
          for (const [held, { ordinal }] of expected) assert.equal(vocabulary.text(ordinal), held);
        }
        const words = new Set([...expected.keys()].flatMap((held) => held.split(' ')));
        assert.equal(vocabulary.wordCount, words.size, 'the words held are not those of the texts held');
        for (const { ordinal, uses } of expected.values()) for (let k = 0; k < uses; k++) vocabulary.release(ordinal);
        assert.equal(vocabulary.wordCount, 0, 'words left behind once every text was let go');
      }),
      200,
    );
  });

  test('tells apart texts whose words differ only by where the spaces fall', () => {
    const vocabulary = new TextVocabulary();
    const ordinals = ['a b', 'ab', 'a  b', 'a b ', ' a b', ''].map((text) => vocabulary.hold(text));
    assert.equal(new Set(ordinals).size, ordinals.length);
    assert.deepEqual(
      ordinals.map((ordinal) => vocabulary.text(ordinal)),
      ['a b', 'ab', 'a  b', 'a b ', ' a b', ''],
    );
  });
});
