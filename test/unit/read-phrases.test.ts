// The phrase tables the value readers match over words: which phrase a
// table finds at a word, and where it ends, in every way a phrase's second
// word may stand (a table looks at it before trying the phrases that start
// with the first word).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PhraseTable, readWords } from '../../server/src/engine/read/words';

/** The words of the longest phrase the table finds at the text's first word, or undefined. */
function matched(table: PhraseTable<string>, text: string): string | undefined {
  const match = table.matchAt(readWords({ text }), 0);
  return match === undefined ? undefined : `${match.payload}: ${text.slice(match.start, match.end)}`;
}

function table(...patterns: string[]): PhraseTable<string> {
  const phrases = new PhraseTable<string>();
  for (const pattern of patterns) phrases.addPattern(pattern, pattern);
  return phrases;
}

describe('phrase tables', () => {
  test('a second word that starts no phrase under the first ends the match there, or finds none', () => {
    const phrases = table('the day before yesterday', 'the next|following day');
    assert.equal(matched(phrases, 'the attack'), undefined);
    assert.equal(matched(phrases, 'the following day'), 'the next|following day: the following day');
    assert.equal(matched(phrases, 'the day before yesterday'), 'the day before yesterday: the day before yesterday');
    // A phrase of one word beside longer ones matches whatever follows.
    phrases.addPattern('the', 'the');
    assert.equal(matched(phrases, 'the attack'), 'the: the');
    assert.equal(matched(phrases, 'the'), 'the: the');
  });

  test('a second word past optional slots, or in them', () => {
    const phrases = table('la nuit? derniere', 'au|le lendemain? matin? de');
    assert.equal(matched(phrases, 'la dernière fois'), 'la nuit? derniere: la dernière');
    assert.equal(matched(phrases, 'la nuit dernière'), 'la nuit? derniere: la nuit dernière');
    assert.equal(matched(phrases, 'le matin de'), 'au|le lendemain? matin? de: le matin de');
    assert.equal(matched(phrases, 'le de'), 'au|le lendemain? matin? de: le de');
    assert.equal(matched(phrases, 'le soir de'), undefined);
    const leftOut = table('cette? nuit derniere');
    assert.equal(matched(leftOut, 'nuit dernière'), 'cette? nuit derniere: nuit dernière');
  });

  test('a first word whose phrase goes on in the same slot', () => {
    const phrases = new PhraseTable<string>();
    phrases.addLiteral("l'avant-veille", 'avant-veille');
    assert.equal(matched(phrases, "l’avant-veille de l'attaque"), "avant-veille: l’avant-veille");
    assert.equal(matched(phrases, 'l avant'), undefined);
    const elided = table("aujourd'hui|hier soir?");
    assert.equal(matched(elided, "aujourd'hui, à l'aube"), "aujourd'hui|hier soir?: aujourd'hui");
  });

  test('the hyphens and quotation marks before the second word are read past', () => {
    const phrases = table('mi novembre', 'pris le controle');
    assert.equal(matched(phrases, 'mi-novembre'), 'mi novembre: mi-novembre');
    assert.equal(matched(phrases, 'pris « le contrôle »'), 'pris le controle: pris « le contrôle');
  });

  test('a second word that is a prefix, or carries Arabic proclitics', () => {
    const phrases = table('nombre depass*', 'قتل جيش');
    assert.equal(matched(phrases, 'nombre dépassant 40'), 'nombre depass*: nombre dépassant');
    assert.equal(matched(phrases, 'nombre de'), undefined);
    assert.equal(matched(phrases, 'قتل وبالجيش'), 'قتل جيش: قتل وبالجيش');
    assert.equal(matched(phrases, 'قتل وبال'), undefined);
  });

  test('a gap after the first word lets any word follow', () => {
    const phrases = table('killed * people');
    assert.equal(matched(phrases, 'killed at least 12 people'), 'killed * people: killed at least 12 people');
    assert.equal(matched(phrases, 'killed people'), 'killed * people: killed people');
  });
});
