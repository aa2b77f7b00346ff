// The engine keeps one flat copy of the keys, values and ids the markup
// repeats, and its messages as flat copies (engine/strings.ts). A copy must be
// the same string, whatever the text holds: lone surrogates, emoji, NUL.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertionsOf } from '../../server/src/engine/claims';
import { Corpus } from '../../server/src/engine/corpus';

const REGISTRY = `documents: ["*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled] }
  method: { type: text }
actors:
  afp: { name: Agence France-Presse, kind: media }
events:
  raid: { name: Raid on the camp }
`;

const ODD = 'a\ud800b \udc00 😀 \u0000 ع';

function report(value: string): string {
  return `---\nsource: afp\n---\n\n[The camp fell]{claim event=@raid outcome="${value}" method="${value}"}.\n`;
}

void test('a value with lone surrogates, emoji and NUL keeps every code unit, in the claim and in the message that quotes it', () => {
  const corpus = new Corpus(REGISTRY);
  // Two reports write the same value: the second reads the copy the first left.
  for (const file of ['one.txt', 'two.txt']) corpus.setDocument(file, report(ODD));
  for (const file of ['one.txt', 'two.txt']) {
    const claim = corpus.document(file)?.claims[0];
    const method = claim && assertionsOf(claim).find((assertion) => assertion.property.key === 'method');
    assert.deepEqual(method?.value, { type: 'text', text: ODD });
    const badValue = corpus.diagnostics(file).find((found) => found.code === 'bad-value');
    assert.equal(badValue?.message, `\`${ODD}\` is not a value of outcome: use one of captured, repelled, or ?`);
  }
});

void test('values alike in length and in the characters the table of copies hashes stay apart, whichever report is read first', () => {
  const corpus = new Corpus(REGISTRY);
  // The table of copies met lately hashes 8 characters on the 1st, 3rd, 5th, 6th and 8th: it finds these in one
  // place, the second pushing the first to the place beside it, and each must still read as written.
  const values = ['aXbYcdZe', 'aWbVcdUe', 'aXbYcdZe', 'aXbVcdZe'];
  values.forEach((value, k) => corpus.setDocument(`${k}.txt`, `---\nsource: afp\n---\n\n[The camp fell]{claim event=@raid method=${value}}.\n`));
  values.forEach((value, k) => {
    const claim = corpus.document(`${k}.txt`)?.claims[0];
    const method = claim && assertionsOf(claim).find((assertion) => assertion.property.key === 'method');
    assert.deepEqual(method?.value, { type: 'text', text: value });
  });
});
