// Numbers in words and in digits, in French, English and Arabic: "1 200",
// "1.200", "1,200", "١٢٠٠", "1,5 million", "50 ألف", "vingt-trois",
// "quatre-vingt-dix", "mille deux cents", "twenty-one", "a hundred and
// fifty", "خمسة وعشرون", "ثلاثمئة", "ثلاثة آلاف". Each reader here says what
// the words are worth and which words they are; whether a number is a count
// (not a year, a time, a calibre) is counts.ts's business.

import { foldText } from '../aliases';
import { byLanguages, type Language } from './languages';
import { arabicOffset, someStemIn, type Word, type Words } from './words';

export interface NumberRead {
  readonly value: number;
  /** Index of the first word. */
  readonly first: number;
  /** Index after the last word. */
  readonly next: number;
  /** Source range (after a proclitic the first Arabic word carries). */
  readonly start: number;
  readonly end: number;
  readonly form: 'digits' | 'words';
  /** Digits with no group separator and no multiplier word: 2023, 1500 (a year, maybe). */
  readonly plain: boolean;
}

/** A decimal number that is no whole count (1,5 with no "million" after it). */
export interface DecimalRead {
  readonly decimal: true;
  readonly first: number;
  readonly next: number;
}

/** One horizontal space between digit groups: "1 200", "1 200", "1 200". */
const GROUP_SPACES: ReadonlySet<string> = new Set([' ', '\u00a0', '\u202f', '\u2009', '\u2007', '\u200a']);
/** Marks between digit groups: "1.200", "1,200", "١٬٢٠٠", "1'200". */
const GROUP_MARKS: ReadonlySet<string> = new Set(['.', ',', '\u066c', "'"]);
/** Decimal marks: "1,5", "1.5", "١٫٥". */
const DECIMAL_MARKS: ReadonlySet<string> = new Set(['.', ',', '\u066b']);

function fold(word: string): string {
  return foldText(word).folded;
}

function lexicon(entries: readonly (readonly [string, number])[]): ReadonlyMap<string, number> {
  return new Map(entries.map(([word, value]) => [fold(word), value]));
}

/** Words that multiply the number before them: "1,5 million", "50 ألف", "deux mille". */
const SCALES: Record<Language, ReadonlyMap<string, number>> = {
  fr: lexicon([['mille', 1e3], ['million', 1e6], ['millions', 1e6], ['milliard', 1e9], ['milliards', 1e9]]),
  en: lexicon([['thousand', 1e3], ['million', 1e6], ['billion', 1e9]]),
  ar: lexicon([['ألف', 1e3], ['ألفا', 1e3], ['آلاف', 1e3], ['مليون', 1e6], ['مليونا', 1e6], ['ملايين', 1e6], ['مليار', 1e9], ['مليارات', 1e9]]),
};

/**
 * The number at word `index`, longest reading first, in the given
 * languages; a decimal that is no whole number; or undefined.
 */
export function readNumberAt(words: Words, index: number, languages: ReadonlySet<Language>): NumberRead | DecimalRead | undefined {
  const word = words.at(index);
  if (word === undefined) return undefined;
  if (word.kind === 'number') return readDigits(words, index, languages);
  if (word.kind !== 'word') return undefined;
  let best: NumberRead | undefined;
  for (const language of languages) {
    // Most words are no number: a set lookup says so before any grammar runs.
    if (!mayStartNumberIn(language, word)) continue;
    const found = WORD_READERS[language].read(words, index);
    if (found !== undefined && (best === undefined || found.next > best.next)) best = found;
  }
  return best;
}

function mayStartNumberIn(language: Language, word: Word): boolean {
  return startsWithOneOf(WORD_READERS[language].starts, word);
}

/** Whether the word, or one of its stems, is among `starts`. */
function startsWithOneOf(starts: ReadonlySet<string>, word: Word): boolean {
  return starts.has(word.text) || (word.stems !== undefined && someStemIn(word.stems, starts));
}

/** The words a number of some languages may begin with, in one set: both readers ask at nearly every word. */
const numberStarts = byLanguages((languages) => new Set([...languages].flatMap((language) => [...WORD_READERS[language].starts])));

/** Whether a number may start at a word: digits, or a word a number of these languages begins with. */
export function mayStartNumber(word: Word, languages: ReadonlySet<Language>): boolean {
  if (word.kind === 'number') return true;
  if (word.kind !== 'word') return false;
  return startsWithOneOf(numberStarts(languages), word);
}

/**
 * Whether the word at `index` is a mark inside a figure written in digits:
 * a group or decimal mark with digits on both sides and no space ("16,000",
 * "1.5", "١٦٬٠٠٠"), which no clause ends at.
 */
export function marksFigure(words: Words, index: number): boolean {
  const mark = words.at(index);
  const before = words.at(index - 1);
  const after = words.at(index + 1);
  return (
    mark?.kind === 'mark' &&
    !mark.spaced &&
    (GROUP_MARKS.has(mark.text) || DECIMAL_MARKS.has(mark.text)) &&
    before?.kind === 'number' &&
    after?.kind === 'number' &&
    !after.spaced
  );
}

function adjacent(words: Words, index: number): boolean {
  const word = words.at(index);
  return word !== undefined && !word.spaced;
}

function readDigits(words: Words, index: number, languages: ReadonlySet<Language>): NumberRead | DecimalRead | undefined {
  const first = words.list[index];
  let digits = first.text;
  let next = index + 1;
  let grouped = false;
  if (digits.length <= 3) {
    let separator: string | undefined;
    for (;;) {
      const mark = words.at(next);
      const group = words.at(next + 1);
      let found: string | undefined;
      let groupIndex = -1;
      if (mark?.kind === 'number' && mark.spaced && mark.text.length === 3) {
        const between = words.text.slice(words.list[next - 1].end, mark.start);
        if (GROUP_SPACES.has(between)) {
          found = ' ';
          groupIndex = next;
        }
      } else if (mark?.kind === 'mark' && GROUP_MARKS.has(mark.text) && !mark.spaced && group?.kind === 'number' && !group.spaced && group.text.length === 3) {
        found = mark.text;
        groupIndex = next + 1;
      }
      if (found === undefined || (separator !== undefined && found !== separator)) break;
      separator = found;
      digits += words.list[groupIndex].text;
      next = groupIndex + 1;
      grouped = true;
    }
  }
  let value = Number(digits);
  let fraction = '';
  const mark = words.at(next);
  if (mark?.kind === 'mark' && DECIMAL_MARKS.has(mark.text) && !mark.spaced && words.at(next + 1)?.kind === 'number' && adjacent(words, next + 1)) {
    fraction = words.list[next + 1].text;
    next += 2;
  }
  const scale = scaleAt(words, next, languages);
  if (scale !== undefined) {
    const scaled = Number(`${digits}.${fraction || '0'}`) * scale.factor;
    if (!Number.isInteger(scaled)) return { decimal: true, first: index, next: scale.next };
    return { value: scaled, first: index, next: scale.next, start: first.start, end: words.list[scale.next - 1].end, form: 'digits', plain: false };
  }
  if (fraction !== '') return { decimal: true, first: index, next };
  if (!Number.isSafeInteger(value)) value = Number.MAX_SAFE_INTEGER;
  return { value, first: index, next, start: first.start, end: words.list[next - 1].end, form: 'digits', plain: !grouped };
}

function scaleAt(words: Words, index: number, languages: ReadonlySet<Language>): { factor: number; next: number } | undefined {
  const word = words.at(index);
  if (word?.kind !== 'word' || !word.spaced) return undefined;
  for (const language of languages) {
    const factor = SCALES[language].get(word.text);
    if (factor !== undefined) return { factor, next: index + 1 };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Number words. Each language's reader walks the words with a small grammar;
// joins are a hyphen, a space, or the language's "and" where it belongs.

type WordReader = (words: Words, index: number) => NumberRead | undefined;

interface Part {
  readonly value: number;
  readonly next: number;
}

function textAt(words: Words, index: number): string | undefined {
  const word = words.at(index);
  return word?.kind === 'word' ? word.text : undefined;
}

/** The index of the word after a hyphen joining two words, or the index itself. */
function afterJoin(words: Words, index: number): number {
  const word = words.at(index);
  if (word?.kind === 'mark' && word.text === '-' && !word.spaced && adjacent(words, index + 1)) return index + 1;
  return index;
}

function numberRead(words: Words, first: number, part: Part, start?: number): NumberRead {
  return { value: part.value, first, next: part.next, start: start ?? words.list[first].start, end: words.list[part.next - 1].end, form: 'words', plain: false };
}

/**
 * Scales after a number below a thousand: "deux mille trois cents",
 * "two million three hundred thousand". Each scale is smaller than the one
 * before; `bare` says which may stand with no number before them (mille).
 */
function withScales(
  words: Words,
  index: number,
  belowThousand: (at: number) => Part | undefined,
  scales: ReadonlyMap<string, number>,
  bare: ReadonlySet<string>,
  and: string | undefined,
): Part | undefined {
  let total = 0;
  let position = index;
  let end = index;
  let lastScale = Infinity;
  for (;;) {
    const part = belowThousand(position);
    const at = part?.next ?? position;
    const scaleWord = textAt(words, at) ?? '';
    const factor = scales.get(scaleWord);
    const isScale = factor !== undefined && factor < lastScale && (part !== undefined || bare.has(scaleWord)) && (part?.value ?? 1) < 1000;
    if (!isScale || factor === undefined) {
      if (part !== undefined && part.value < lastScale) return { value: total + part.value, next: part.next };
      return total > 0 ? { value: total, next: end } : undefined;
    }
    total += (part?.value ?? 1) * factor;
    lastScale = factor;
    position = end = at + 1;
    // "two thousand and fifty": the "and" belongs to the number only if a number follows it.
    if (and !== undefined && textAt(words, position) === and && belowThousand(position + 1) !== undefined) position++;
  }
}

// French ----------------------------------------------------------------------

const FR_UNITS = lexicon([['un', 1], ['une', 1], ['deux', 2], ['trois', 3], ['quatre', 4], ['cinq', 5], ['six', 6], ['sept', 7], ['huit', 8], ['neuf', 9]]);
const FR_TEENS = lexicon([['dix', 10], ['onze', 11], ['douze', 12], ['treize', 13], ['quatorze', 14], ['quinze', 15], ['seize', 16]]);
const FR_TENS = lexicon([['vingt', 20], ['trente', 30], ['quarante', 40], ['cinquante', 50], ['soixante', 60], ['septante', 70], ['huitante', 80], ['octante', 80], ['nonante', 90]]);
const FR_SCALES = lexicon([['mille', 1e3], ['mil', 1e3], ['million', 1e6], ['millions', 1e6], ['milliard', 1e9], ['milliards', 1e9]]);
/** Scales that stand alone: "mille" is a thousand. */
const FR_BARE_SCALES: ReadonlySet<string> = new Set(['mille', 'mil']);

/** dix, onze…seize, dix-sept…dix-neuf. */
function frenchTeen(words: Words, index: number): Part | undefined {
  const value = FR_TEENS.get(textAt(words, index) ?? '');
  if (value === undefined) return undefined;
  if (value === 10) {
    const unitAt = afterJoin(words, index + 1);
    const unit = FR_UNITS.get(textAt(words, unitAt) ?? '');
    if (unit !== undefined && unit >= 7) return { value: 10 + unit, next: unitAt + 1 };
  }
  return { value, next: index + 1 };
}

function frenchBelowHundred(words: Words, index: number): Part | undefined {
  const word = textAt(words, index);
  if (word === undefined) return undefined;
  let tens: number | undefined;
  let next = index + 1;
  if (word === 'quatre') {
    const vingtAt = afterJoin(words, index + 1);
    const vingt = textAt(words, vingtAt);
    if (vingt === 'vingt' || vingt === 'vingts') {
      tens = 80;
      next = vingtAt + 1;
      if (vingt === 'vingts') return { value: 80, next };
    }
  } else {
    tens = FR_TENS.get(word);
  }
  if (tens === undefined) {
    const teen = frenchTeen(words, index);
    if (teen !== undefined) return teen;
    const unit = FR_UNITS.get(word);
    return unit === undefined ? undefined : { value: unit, next: index + 1 };
  }
  // After the tens: "et un", "et onze" (soixante et onze), "-un" (quatre-vingt-un), a unit, or a teen after 60 and 80.
  let position = afterJoin(words, next);
  if (textAt(words, position) === 'et') position = afterJoin(words, position + 1);
  const unit = FR_UNITS.get(textAt(words, position) ?? '');
  if (unit !== undefined) return { value: tens + unit, next: position + 1 };
  if (tens === 60 || tens === 80) {
    const teen = frenchTeen(words, position);
    if (teen !== undefined) return { value: tens + teen.value, next: teen.next };
  }
  return { value: tens, next };
}

function frenchBelowThousand(words: Words, index: number): Part | undefined {
  const word = textAt(words, index);
  let hundreds = 0;
  let next = index;
  if (word === 'cent' || word === 'cents') {
    hundreds = 100;
    next = index + 1;
  } else {
    const unit = FR_UNITS.get(word ?? '');
    const centAt = afterJoin(words, index + 1);
    const cent = textAt(words, centAt);
    if (unit !== undefined && unit > 1 && (cent === 'cent' || cent === 'cents')) {
      hundreds = unit * 100;
      next = centAt + 1;
    }
  }
  if (hundreds === 0) return frenchBelowHundred(words, index);
  const rest = frenchBelowHundred(words, afterJoin(words, next));
  return rest === undefined ? { value: hundreds, next } : { value: hundreds + rest.value, next: rest.next };
}

const readFrench: WordReader = (words, index) => {
  const part = withScales(words, index, (at) => frenchBelowThousand(words, at), FR_SCALES, FR_BARE_SCALES, undefined);
  if (part === undefined) return undefined;
  // "un", "une" alone are articles far more often than counts.
  if (part.next === index + 1 && FR_UNITS.get(textAt(words, index) ?? '') === 1) return undefined;
  return numberRead(words, index, part);
};

// English ---------------------------------------------------------------------

const EN_UNITS = lexicon([['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9]]);
const EN_TEENS = lexicon([
  ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);
const EN_TENS = lexicon([['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90]]);
const EN_SCALES = lexicon([['thousand', 1e3], ['million', 1e6], ['billion', 1e9]]);
const NO_BARE_SCALES: ReadonlySet<string> = new Set();

function englishBelowHundred(words: Words, index: number): Part | undefined {
  const word = textAt(words, index) ?? '';
  const tens = EN_TENS.get(word);
  if (tens !== undefined) {
    const unitAt = afterJoin(words, index + 1);
    const unit = EN_UNITS.get(textAt(words, unitAt) ?? '');
    return unit === undefined ? { value: tens, next: index + 1 } : { value: tens + unit, next: unitAt + 1 };
  }
  const small = EN_TEENS.get(word) ?? EN_UNITS.get(word);
  return small === undefined ? undefined : { value: small, next: index + 1 };
}

function englishBelowThousand(words: Words, index: number): Part | undefined {
  const word = textAt(words, index) ?? '';
  const multiplier = word === 'a' ? 1 : EN_UNITS.get(word);
  if (multiplier !== undefined && textAt(words, index + 1) === 'hundred') {
    let next = index + 2;
    if (textAt(words, next) === 'and' && englishBelowHundred(words, next + 1) !== undefined) next++;
    const rest = englishBelowHundred(words, next);
    return { value: multiplier * 100 + (rest?.value ?? 0), next: rest?.next ?? next };
  }
  return englishBelowHundred(words, index);
}

const readEnglish: WordReader = (words, index) => {
  // "a thousand", "a million": the article stands for one.
  const belowThousand = (at: number): Part | undefined =>
    englishBelowThousand(words, at) ?? (textAt(words, at) === 'a' && EN_SCALES.has(textAt(words, at + 1) ?? '') ? { value: 1, next: at + 1 } : undefined);
  const part = withScales(words, index, belowThousand, EN_SCALES, NO_BARE_SCALES, 'and');
  if (part === undefined || part.next === index + 1 && textAt(words, index) === 'a') return undefined;
  // "no one" is nobody.
  if (textAt(words, index) === 'one' && textAt(words, index - 1) === 'no') return undefined;
  return numberRead(words, index, part);
};

// Arabic ----------------------------------------------------------------------

const AR_UNITS = lexicon([
  ['واحد', 1], ['واحدة', 1], ['اثنان', 2], ['اثنين', 2], ['اثنتان', 2], ['اثنتين', 2], ['ثلاثة', 3], ['ثلاث', 3], ['أربعة', 4], ['أربع', 4],
  ['خمسة', 5], ['خمس', 5], ['ستة', 6], ['ست', 6], ['سبعة', 7], ['سبع', 7], ['ثمانية', 8], ['ثماني', 8], ['ثمان', 8], ['تسعة', 9], ['تسع', 9],
]);
/** The first word of 11 and 12 (أحد عشر, اثنا عشر): no number alone. */
const AR_TEEN_HEADS = lexicon([['أحد', 1], ['إحدى', 1], ['اثنا', 2], ['اثني', 2], ['اثنتا', 2], ['اثنتي', 2]]);
const AR_TEN = lexicon([['عشرة', 10], ['عشر', 10]]);
const AR_TENS = lexicon([
  ['عشرون', 20], ['عشرين', 20], ['ثلاثون', 30], ['ثلاثين', 30], ['أربعون', 40], ['أربعين', 40], ['خمسون', 50], ['خمسين', 50],
  ['ستون', 60], ['ستين', 60], ['سبعون', 70], ['سبعين', 70], ['ثمانون', 80], ['ثمانين', 80], ['تسعون', 90], ['تسعين', 90],
]);
const AR_HUNDRED = lexicon([
  ['مئة', 100], ['مائة', 100], ['مئتان', 200], ['مئتين', 200], ['مئتا', 200], ['مئتي', 200], ['مائتان', 200], ['مائتين', 200], ['مائتا', 200], ['مائتي', 200],
]);
/** ثلاثمئة … تسعمائة, written as one word. */
const AR_FUSED_HUNDREDS: ReadonlyMap<string, number> = new Map(
  [['ثلاث', 3], ['أربع', 4], ['خمس', 5], ['ست', 6], ['سبع', 7], ['ثمان', 8], ['ثماني', 8], ['تسع', 9]].flatMap(([unit, value]) =>
    ['مئة', 'مائة'].map((hundred) => [fold(`${unit}${hundred}`), Number(value) * 100] as [string, number]),
  ),
);
/** Thousands and millions: one (ألف), two (ألفان), the plural after 3–10 (آلاف), one again after 11 and more. */
const AR_SCALE_WORDS: readonly { readonly one: ReadonlySet<string>; readonly two: ReadonlySet<string>; readonly plural: ReadonlySet<string>; readonly factor: number }[] = [
  { one: new Set(['مليار', 'مليارا'].map(fold)), two: new Set(['ملياران', 'مليارين'].map(fold)), plural: new Set(['مليارات'].map(fold)), factor: 1e9 },
  { one: new Set(['مليون', 'مليونا'].map(fold)), two: new Set(['مليونان', 'مليونين'].map(fold)), plural: new Set(['ملايين'].map(fold)), factor: 1e6 },
  { one: new Set(['ألف', 'ألفا'].map(fold)), two: new Set(['ألفان', 'ألفين'].map(fold)), plural: new Set(['آلاف'].map(fold)), factor: 1e3 },
];
const AR_AND = fold('و');

/**
 * Duals of the nouns tolls count people by, which say two as "ألفان" says
 * two thousand: "قُتل فيه جنديان" (two soldiers were killed), "مقتل شخصين".
 * Only nouns whose plural differs from the dual: "مدنيين" is as often the
 * plural "civilians", so it is no number.
 */
const AR_DUAL_PERSONS: ReadonlySet<string> = new Set(
  ['جنديان', 'جنديين', 'شخصان', 'شخصين', 'طفلان', 'طفلين', 'رجلان', 'رجلين', 'امرأتان', 'امرأتين'].map(fold),
);

/**
 * The word at `index` as a continuation joined by "and" (وعشرون, or و then
 * عشرون): its text without the و, and the index of that word. Undefined when
 * it is not joined so.
 */
function arabicJoined(words: Words, index: number): { text: string; at: number } | undefined {
  const word = words.at(index);
  if (word?.kind !== 'word' || !word.arabic) return undefined;
  if (word.text === AR_AND) {
    const next = words.at(index + 1);
    return next?.kind === 'word' && next.arabic ? { text: next.text, at: index + 1 } : undefined;
  }
  return word.text.startsWith(AR_AND) && word.text.length > 2 ? { text: word.text.slice(AR_AND.length), at: index } : undefined;
}

/** Below a hundred, from a word whose text (proclitics removed) is `text`. */
function arabicBelowHundred(words: Words, index: number, text: string): Part | undefined {
  const tens = AR_TENS.get(text);
  if (tens !== undefined) return { value: tens, next: index + 1 };
  const ten = AR_TEN.get(text);
  if (ten !== undefined) return { value: ten, next: index + 1 };
  const unit = AR_UNITS.get(text) ?? AR_TEEN_HEADS.get(text);
  if (unit === undefined) return undefined;
  // أحد عشر, ثلاثة عشر: the unit, then ten.
  const teen = textAt(words, index + 1);
  if (teen !== undefined && AR_TEN.has(teen)) return { value: 10 + unit, next: index + 2 };
  if (AR_TEEN_HEADS.has(text) && !AR_UNITS.has(text)) return undefined;
  // خمسة وعشرون: the unit, then "and" and the tens.
  const joined = arabicJoined(words, index + 1);
  const joinedTens = joined === undefined ? undefined : AR_TENS.get(joined.text);
  if (joinedTens !== undefined && joined !== undefined) return { value: unit + joinedTens, next: joined.at + 1 };
  return { value: unit, next: index + 1 };
}

function arabicBelowThousand(words: Words, index: number, text: string): Part | undefined {
  let hundreds = AR_HUNDRED.get(text) ?? AR_FUSED_HUNDREDS.get(text);
  let next = index + 1;
  if (hundreds === undefined) {
    // ثلاث مئة, written apart.
    const unit = AR_UNITS.get(text);
    const hundredWord = textAt(words, index + 1);
    if (unit !== undefined && unit >= 3 && hundredWord !== undefined && AR_HUNDRED.get(hundredWord) === 100) {
      hundreds = unit * 100;
      next = index + 2;
    }
  }
  if (hundreds === undefined) return arabicBelowHundred(words, index, text);
  const joined = arabicJoined(words, next);
  const rest = joined === undefined ? undefined : arabicBelowHundred(words, joined.at, joined.text);
  return rest === undefined ? { value: hundreds, next } : { value: hundreds + rest.value, next: rest.next };
}

/** From a word whose text (proclitics removed) is `text`: the whole number, scales included. */
function arabicNumber(words: Words, index: number, text: string, lastFactor = Infinity): Part | undefined {
  if (lastFactor === Infinity && AR_DUAL_PERSONS.has(text)) return { value: 2, next: index + 1 };
  let total = 0;
  let next = index;
  let factorUsed = lastFactor;
  // A scale word alone: ألف, ألفان, مليون.
  for (const scale of AR_SCALE_WORDS) {
    if (scale.factor >= lastFactor) continue;
    if (scale.one.has(text)) total = scale.factor;
    else if (scale.two.has(text)) total = 2 * scale.factor;
    else continue;
    next = index + 1;
    factorUsed = scale.factor;
    break;
  }
  if (total === 0) {
    const part = arabicBelowThousand(words, index, text);
    if (part === undefined) return undefined;
    total = part.value;
    next = part.next;
    const scaleWord = textAt(words, next);
    for (const scale of AR_SCALE_WORDS) {
      if (scale.factor >= lastFactor || scaleWord === undefined) continue;
      const fits = scale.plural.has(scaleWord) ? part.value >= 3 && part.value <= 10 : scale.one.has(scaleWord) && part.value >= 11;
      if (!fits) continue;
      total = part.value * scale.factor;
      next += 1;
      factorUsed = scale.factor;
      break;
    }
    if (factorUsed === lastFactor) return { value: total, next };
  }
  // ألف وخمسمئة: "and" and what is below the scale.
  const joined = arabicJoined(words, next);
  const rest = joined === undefined ? undefined : arabicNumber(words, joined.at, joined.text, factorUsed);
  return rest === undefined || rest.value >= factorUsed ? { value: total, next } : { value: total + rest.value, next: rest.next };
}

/**
 * Verbs of exceeding, after which a round number takes the article: "يتجاوز
 * الخمسين" (exceeds fifty), "قد تتجاوز الستين", "تخطى المئة". Elsewhere
 * the article makes a tens word an ordinal or a decade ("القرن العشرين").
 */
export const ARABIC_EXCEEDING_VERBS: readonly string[] = ['يتجاوز', 'تتجاوز', 'تجاوز', 'تجاوزت', 'يتخطى', 'تتخطى', 'تخطى', 'تخطت', 'يفوق', 'تفوق', 'فاق', 'فاقت'];
const AR_EXCEEDING: ReadonlySet<string> = new Set(ARABIC_EXCEEDING_VERBS.map(fold));

/** "عدد" (the number of), which with the noun after it may stand between a verb of exceeding and its figure: "يتجاوز عدد القتلى المئة". */
export const ARABIC_NUMBER_OF = fold('عدد');

/**
 * Whether an Arabic stem with the article reads as a number: a round tens
 * or hundred right after a verb of exceeding, or after its subject "عدد
 * [X]" ("وأن يتجاوز عدد القتلى المئة").
 */
function roundAfterExceeding(words: Words, index: number, stem: string): boolean {
  const exceeding = (word: Word | undefined) => word?.kind === 'word' && AR_EXCEEDING.has(word.text);
  const after = exceeding(words.at(index - 1)) || (exceeding(words.at(index - 3)) && words.at(index - 2)?.text === ARABIC_NUMBER_OF && words.at(index - 1)?.kind === 'word');
  return after && (AR_TENS.has(stem) || AR_HUNDRED.get(stem) === 100);
}

const readArabic: WordReader = (words, index) => {
  const word: Word = words.list[index];
  if (!word.arabic) return undefined;
  // بخمسين, لثلاثة: a preposition or conjunction may be attached; the article may not (الأحد is Sunday), but for a round number
  // after a verb of exceeding. Stems of three letters at least: لست ("I am not") is no ل + ست (six).
  const readings = [
    { stem: word.text, prefixLength: 0 },
    ...(word.stems ?? []).filter(({ stem, article }) => (!article || roundAfterExceeding(words, index, stem)) && stem.length >= 3),
  ];
  for (const { stem, prefixLength } of readings) {
    const part = arabicNumber(words, index, stem);
    if (part !== undefined) return numberRead(words, index, part, arabicOffset(word, prefixLength));
  }
  return undefined;
};

/** Each language's reader, and the words a number of that language may start with. */
const WORD_READERS: Record<Language, { readonly read: WordReader; readonly starts: ReadonlySet<string> }> = {
  fr: { read: readFrench, starts: keysOf(FR_UNITS, FR_TEENS, FR_TENS, FR_SCALES, lexicon([['cent', 100], ['cents', 100]])) },
  en: { read: readEnglish, starts: new Set([...keysOf(EN_UNITS, EN_TEENS, EN_TENS), 'a']) },
  ar: {
    read: readArabic,
    starts: new Set([
      ...keysOf(AR_UNITS, AR_TEEN_HEADS, AR_TEN, AR_TENS, AR_HUNDRED, AR_FUSED_HUNDREDS),
      ...AR_SCALE_WORDS.flatMap((scale) => [...scale.one, ...scale.two]),
      ...AR_DUAL_PERSONS,
    ]),
  },
};

function keysOf(...lexicons: ReadonlyMap<string, number>[]): ReadonlySet<string> {
  return new Set(lexicons.flatMap((words) => [...words.keys()]));
}
