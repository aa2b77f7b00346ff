// Inlay hints: after a value that means more than it writes, the interval it
// stands for; none after an exact value. Table-driven over one claim each, then
// the registry's own values, and the range a client asks for.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { inlayHints } from '../../server/src/features/inlayHints';
import { corpusOf } from '../support/corpus';

const registry = (extra = '') =>
  [
    'documents: ["*.txt"]',
    'properties:',
    '  killed: { type: count }',
    '  wounded: { type: count, tolerance: 3 }',
    '  date: { type: date }',
    '  outcome: { type: enum, values: [captured, repelled] }',
    '  place: { type: entity, kind: place }',
    '  method: { type: text }',
    'actors: { army: { name: Army } }',
    'places: { gao: { name: Gao } }',
    `events: { raid: { name: Raid${extra} } }`,
    '',
  ].join('\n');

/** The hint after `key=value` in one claim, as `label | tooltip`, or undefined for none. */
function hintOf(attribute: string): string | undefined {
  const text = `---\nsource: army\n---\n[It]{claim event=@raid ${attribute}} and more.\n`;
  const corpus = corpusOf({ 'corroborate.yaml': registry(), 'a.txt': text });
  const hints = inlayHints(corpus, 'a.txt');
  assert.ok(hints.length <= 1);
  const hint = hints[0];
  if (!hint) return undefined;
  assert.equal(hint.offset, text.indexOf(attribute) + attribute.length, `${attribute}: the hint stands right after the value`);
  return `${hint.label} | ${hint.tooltip}`;
}

describe('inlay hints after a claim’s value', () => {
  const cases: [string, string | undefined][] = [
    ['killed=~50', '45..55 | ~50 means 45 to 55'],
    ['killed=~5', '4..6 | ~5 means 4 to 6'],
    ['killed=~0', '0..1 | ~0 means 0 to 1'],
    ['wounded=~50', "47..53 | ~50 means 47 to 53 (the property's tolerance is ±3)"],
    ['killed=>=20', '20.. | >=20 means 20 or more'],
    ['killed=>20', '21.. | >20 means 21 or more'],
    ['killed=<=5', '0..5 | <=5 means 0 to 5'],
    ['killed=<5', '0..4 | <5 means 0 to 4'],
    ['killed="~50"', '45..55 | ~50 means 45 to 55'],
    ['date=2023-11', '2023-11-01..2023-11-30 | 2023-11 covers 2023-11-01 to 2023-11-30, both days included'],
    ['date=2024-02', '2024-02-01..2024-02-29 | 2024-02 covers 2024-02-01 to 2024-02-29, both days included'],
    ['date=2023', '2023-01-01..2023-12-31 | 2023 covers 2023-01-01 to 2023-12-31, both days included'],
    ['date=2023-11..2023-12', '2023-11-01..2023-12-31 | 2023-11..2023-12 covers 2023-11-01 to 2023-12-31, both days included'],
    // Exact values, and values written as their own interval, say it already.
    ['killed=12', undefined],
    ['killed=20..99', undefined],
    ['date=2023-11-24', undefined],
    ['date=2023-11-24..2023-11-26', undefined],
    ['outcome=captured', undefined],
    ['place=@gao', undefined],
    ['method=~50', undefined],
    ['killed=?', undefined],
    // A value that cannot be read has a diagnostic, not a hint.
    ['killed=~fifty', undefined],
    ['date=2023-02-30', undefined],
  ];
  for (const [attribute, expected] of cases) {
    test(`${attribute} → ${expected ?? 'none'}`, () => assert.equal(hintOf(attribute), expected));
  }
});

describe('inlay hints in corroborate.yaml and within a range', () => {
  test('the desk’s estimate and disputed values get theirs', () => {
    const text = registry(', estimate: { killed: "~50", date: 2023-11 }, disputed: { killed: [">=20", 3] }');
    const corpus = corpusOf({ 'corroborate.yaml': text });
    const hints = inlayHints(corpus, 'corroborate.yaml');
    assert.deepEqual(
      hints.map((h) => [text.slice(0, h.offset).split(/[\s{[,]/).pop(), h.label]),
      [
        ['"~50"', '45..55'],
        ['2023-11', '2023-11-01..2023-11-30'],
        ['">=20"', '20..'],
      ].sort((a, b) => text.indexOf(a[0]) - text.indexOf(b[0])),
    );
  });

  test('only the hints in the range asked for; offsets count UTF-16 units past emoji and Arabic', () => {
    const first = '[😀 قتلى]{claim event=@raid killed=~50}';
    const text = `---\nsource: army\n---\n${first}\r\n[b]{claim event=@raid killed=>=3}\n`;
    const corpus = corpusOf({ 'corroborate.yaml': registry(), 'a.txt': text });
    const all = inlayHints(corpus, 'a.txt');
    assert.deepEqual(
      all.map((h) => [h.offset, h.label]),
      [
        [text.indexOf('~50') + 3, '45..55'],
        [text.indexOf('>=3') + 3, '3..'],
      ],
    );
    const secondLine = text.indexOf('[b]');
    assert.deepEqual(
      inlayHints(corpus, 'a.txt', { start: secondLine, end: text.length }).map((h) => h.label),
      ['3..'],
    );
  });
});
