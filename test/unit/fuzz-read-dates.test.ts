// The date reader tries its parsers only at words a date may start at
// (mayStartDate): at a figure, only where the words after it could make it
// a date. A word it passes over that a parser would read is a date lost, so
// here, on words strung from the readers' own vocabulary, every word a parser
// reads must be one the filter lets through.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dateStartsOf } from '../../server/src/engine/read/dates';
import { readWords } from '../../server/src/engine/read/words';
import { checkProperty } from '../fuzz';

/** Figures, and the words and marks dates are made of around them, in the three languages. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('1', '2', '3', '12', '14', '24', '27', '30', '31', '32', '40', '99', '100', '2023', '2024', '16', '000', '1er', '24th', '2e', '٢٤', '١٤') },
  { weight: 2, arbitrary: fc.constantFrom('/', '.', '-', '—', '–', ',', ':', '(', ')', '«', '»', '%') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      ...['novembre', 'décembre', 'nov', 'juil', 'mars', 'November', 'Nov', 'May', 'may', 'March', 'Sept', 'نوفمبر', 'تشرين', 'الثاني'],
      ...['le', 'la', 'les', 'du', 'au', 'à', 'et', 'entre', 'the', 'of', 'to', 'and', 'through', 'from', 'between', 'من', 'إلى', 'و', 'في'],
      ...['jours', 'semaines', 'mois', 'ans', 'days', 'weeks', 'months', 'years', 'ago', 'منذ', 'قبل', 'أيام', 'يومين'],
      ...['vendredi', 'Friday', 'الجمعة', 'hier', 'yesterday', 'dernier', 'last', 'début', 'mi', 'late', 'early', 'en', 'in', 'عام', 'premier'],
      ...['deux', 'two', 'trois', 'three', 'dix', 'ten', 'un', 'une', 'one', 'million', 'millions', 'mille', 'thousand', 'soldats', 'killed'],
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      ...['days ago', 'weeks ago', 'years ago', 'il y a', 'of November', '24 novembre', 'novembre 2023', 'July 25', 'يومين', 'أيام'],
      ...['25 au 27', '25 to 27', '25 and 27', '25-27', '25—27', '25 – 27', '24.11.2023', '2023-11-24', '24/11/23', '11/24', '24.11', 'و 27', 'إلى 27'],
    ),
  },
);

/** Pieces joined by a space or by nothing, so that marks and suffixes also come attached ("24-27", "2023/11", "24th"). */
const text = fc.array(fc.tuple(piece, fc.constantFrom(' ', ' ', '')), { maxLength: 14 }).map((parts) => parts.map(([word, gap]) => word + gap).join(''));

void describe('where the date reader tries its parsers', () => {
  void test('it tries every word a date parser reads, in every language option', () => {
    checkProperty(
      fc.property(text, fc.constantFrom(undefined, 'fr', 'en', 'en-US', 'en-GB', 'ar'), (written, language) => {
        const words = readWords({ text: written });
        dateStartsOf(words, language).forEach(({ tried, read }, index) => {
          assert.ok(tried || !read, `"${written}" (${language ?? 'no language'}): a date is read from word ${index} ("${words.list[index].text}"), which the reader passes over`);
        });
      }),
      3000,
    );
  });

  void test('it passes over the figures no date can start at', () => {
    const passed = (written: string) => {
      const words = readWords({ text: written });
      const starts = dateStartsOf(words, 'fr');
      return words.list.flatMap((word, index) => (word.kind === 'number' && !starts[index].tried ? [word.text] : []));
    };
    assert.deepEqual(passed('14 soldats tués et 3 blessés, 2023 fut dure, 1.5 %'), ['14', '3', '2023', '5']);
    assert.deepEqual(passed('le 24 novembre, du 25 au 27, 24/11/2023, il y a 10 jours'), ['27', '2023']);
  });
});
