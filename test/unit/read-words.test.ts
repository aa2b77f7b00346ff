// The words the value check reads, cut as the other readers' are: their
// texts shared between words, their objects reused from claim to claim, and
// the counts and dates read from them as values alone.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readCounts, readCountValues } from '../../server/src/engine/read/counts';
import { readDates, readDateValues } from '../../server/src/engine/read/dates';
import { readWords, readWordsBriefly, type Passage, type Word } from '../../server/src/engine/read/words';
import { checkProperty } from '../fuzz';

/** A word's fields, whichever way it was cut (a reused word has every field, some undefined). */
function fieldsOf(word: Word): object {
  return { kind: word.kind, text: word.text, start: word.start, end: word.end, spaced: word.spaced, arabic: word.arabic, letterStarts: word.letterStarts, stems: word.stems };
}

/** A reading without its source text, its line of why and the note the why is written with. */
function valueOf(reading: object): object {
  return Object.fromEntries(Object.entries(reading).filter(([key]) => key !== 'words' && key !== 'why' && key !== 'note'));
}

void describe('the words of a passage', () => {
  void test('each word reads as its own text, among more distinct words than the texts kept', () => {
    // Every word of three letters, twice: 17,576 of them, more than the table of texts has room for, so words share its slots.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const all: string[] = [];
    for (const a of letters) for (const b of letters) for (const c of letters) all.push(a + b + c);
    const text = [...all, ...all.reverse()].join(' ');
    for (const words of [readWords({ text }), readWordsBriefly({ text })]) {
      assert.equal(words.length, all.length * 2);
      for (const word of words.list) assert.equal(word.text, text.slice(word.start, word.end));
    }
  });

  void test('a word of 2,000,000 letters, as hostile text may hold, is cut whole', () => {
    const long = 'a'.repeat(2_000_000);
    const text = `12 ${long} 40`;
    for (const words of [readWords({ text }), readWordsBriefly({ text })]) {
      assert.deepEqual(
        words.list.map((word) => word.text.length),
        [2, long.length, 2],
      );
      assert.equal(words.list[1].text, long);
    }
  });
});

void describe('the words of a passage, cut without folding it first', () => {
  void test('are the words the fold gives, segment by segment, whatever each segment holds', () => {
    // Units that fold to one unit alone (cut from the source as they stand), and units the cut leaves to the fold: dropped, spelled out
    // in two, Arabic, a surrogate, a paragraph separator.
    const plain = ['killed', 'Soldats', 'tués', 'ÉTÉ', 'l’armée', "d'", '`', '40', '１２', '1\u00a0200', '\u202f', '\u200b', ' ', '  ', '\t', '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\r\r', '\v\f', '«', '»', '-', '–', '—', '.', ',', '\u0000'];
    const folded = ['œ', 'قتل', '١٢', '\u0301', '\u00ad', 'ـ', '😀', '\ud800', '\u2029', 'ﬁ'];
    const segment = fc.array(fc.oneof({ arbitrary: fc.constantFrom(...plain), weight: 6 }, { arbitrary: fc.constantFrom(...folded), weight: 1 }), { maxLength: 12 }).map((parts) => parts.join(''));
    checkProperty(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 3 }), (segments) => {
        // The same segments between the same markup, and each once more after a combining mark, which the fold drops and the cut
        // leaves to the fold: its words, offsets set back by the marks before them, are the fold's.
        const passageOf = (before: string) => {
          let text = '';
          const markup: { start: number; end: number }[] = [];
          const marks: number[] = [];
          segments.forEach((part, k) => {
            if (k > 0) {
              markup.push({ start: text.length, end: text.length + 5 });
              text += ']{@x}';
            }
            if (before !== '') marks.push(text.length);
            text += before + part;
          });
          return { passage: { text, markup }, marks };
        };
        const cut = passageOf('');
        const folded = passageOf('\u0301');
        const back = (offset: number) => offset - folded.marks.filter((mark) => mark < offset).length;
        const expected = readWords(folded.passage).list.map((word) => ({ ...fieldsOf(word), start: back(word.start), end: back(word.end), letterStarts: word.letterStarts?.map(back) }));
        assert.deepEqual(readWords(cut.passage).list.map(fieldsOf), expected);
        assert.deepEqual(readWordsBriefly(cut.passage).list.map(fieldsOf), expected);
      }),
      500,
    );
  });
});

void describe("the value check's reading of a claim", () => {
  void test('reads the words, counts and dates the readers read, claim after claim', () => {
    const fragments = [
      'plus de', 'une cinquantaine', 'des dizaines', 'entre', 'et', 'à', '20', '30', '1 200', '1,5', 'million', '2023', '24', 'novembre',
      'vendredi', 'dernier', 'hier', 'il y a', 'jours', 'about', 'dozens', 'Nov.', 'between', 'and', 'ago', 'نحو', 'عشرين', 'وثلاثين', 'بين',
      'أمس', 'الجمعة', 'الماضية', 'تشرين الثاني', 'وبالجيش', '/', '-', '.', ',', "'", '’', ' ', '\n', '\n\n', '😀', '\u0301', 'ـ', '\u064e',
      '[', ']{@x}', 'soldats tués', 'killed', '١٢', '\ud800', 'du lundi', "jusqu'à", 'mardi', 'from Monday until Tuesday',
    ];
    checkProperty(
      fc.property(fc.array(fc.array(fc.constantFrom(...fragments), { maxLength: 20 }), { minLength: 1, maxLength: 4 }), fc.constantFrom('fr', 'en', 'ar', undefined), (claims, language) => {
        const options = { language, published: '2023-11-25' };
        for (const parts of claims) {
          // The spans' brackets are markup, read past as the value check reads a claim's nested spans.
          let text = '';
          const markup: { start: number; end: number }[] = [];
          for (const part of parts) {
            if (part === '[' || part === ']{@x}') markup.push({ start: text.length, end: text.length + part.length });
            text += part;
          }
          // Past `markupLength`, a range left from a longer claim, as the value check's reused list holds: not this claim's markup.
          const passage: Passage = { text, markup: [...markup, { start: 0, end: text.length }], markupLength: markup.length };
          const words = readWords({ text, markup });
          const brief = readWordsBriefly(passage);
          assert.deepEqual(brief.list.map(fieldsOf), words.list.map(fieldsOf));
          assert.deepEqual(readCountValues(brief, options).map(valueOf), readCounts(words, options).map(valueOf));
          // Read as values first, the counts are not read again for their why: the same readings as read at once.
          assert.deepEqual(readCounts(brief, options), readCounts(words, options));
          assert.deepEqual(readDateValues(brief, options), readDates(words, options).map(valueOf));
        }
      }),
      300,
    );
  });
});
