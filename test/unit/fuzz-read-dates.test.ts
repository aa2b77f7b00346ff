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
      // The words that only open a date: a weekday's lead, a month's or a year's cue, a range's opener, "a" before a unit.
      ...['that', 'this', 'past', 'next', 'coming', 'night', 'overnight', 'during', 'month', 'year', 'courant', 'pendant', 'mois', 'de', "d'", 'nuit', 'dans'],
      ...['a', 'an', 'week', 'semaine', 'demain', 'tomorrow', 'lundi', 'Monday', 'janvier', 'Jan', 'ليلة', 'ليل', 'بين', 'ما', 'خلال', 'شهر', 'مساء', 'يوم', 'الخميس', 'العام'],
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

  void test('it tries a word that only opens a date where what it opens follows, and reads the date from it', () => {
    // Each text opens with such a word, and a date is read from it.
    const opened: readonly (readonly [string, string | undefined])[] = [
      ['du 25 au 27 juillet', 'fr'],
      ['entre le 3 et le 5 mars', 'fr'],
      ['between 3 and 5 March', 'en'],
      ['the Friday before', 'en'],
      ['that Friday', 'en'],
      ['last November', 'en'],
      ['in November', 'en'],
      ['au mois de novembre', 'fr'],
      ['pendant novembre', 'fr'],
      ['en 2023', 'fr'],
      ['in, 2023', undefined],
      ['a week ago', 'en'],
      ['une semaine', 'fr'],
      ['il y a une semaine', 'fr'],
      ['il y a trois jours', 'fr'],
      ['ليلة الجمعة', 'ar'],
      ['مساء الجمعة 24 نوفمبر', 'ar'],
      ['بين الخميس والجمعة', 'ar'],
      ['منذ يومين', 'ar'],
      ['في نوفمبر', 'ar'],
      ['عام 2023', 'ar'],
    ];
    for (const [written, language] of opened) {
      const [first] = dateStartsOf(readWords({ text: written }), language);
      assert.deepEqual(first, { tried: true, read: written !== 'une semaine' }, `"${written}"`);
    }
    // The same words before anything else are passed over.
    for (const [written, language] of [['the attack', 'en'], ['les soldats', 'fr'], ['in the village', 'en'], ['en colère', 'fr'], ['ليلة دامية', 'ar']] as const) {
      assert.deepEqual(dateStartsOf(readWords({ text: written }), language)[0], { tried: false, read: false }, `"${written}"`);
    }
  });
});
