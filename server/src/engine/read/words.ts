// The words the value readers read: a passage folded as alias matching folds
// it (case, accents, apostrophes, dashes, Arabic letter variants), then cut
// into words, numbers and marks, each with the exact source range it comes
// from (UTF-16 offsets into the text given). Markup inside the passage (a
// mention's `[` and `]{@id}`) is read past, so `[une cinquantaine]{@x} de
// soldats` still reads as words.
//
// Phrases are matched over these words, never with regular expressions built
// from tables or from the registry: PhraseTable holds token sequences.

import { ARABIC_PROCLITIC_CHAINS, codePointIn, foldText, foldUnitsBriefly, isArabicLetter, LONGEST_ARABIC_PROCLITIC_CHAIN, stringOfUnits } from '../aliases';
import type { TextRange } from '../syntax';
import type { CountReading, CountValue } from './counts';
import type { DateExpression } from './dates';
import type { ReadOptions } from './languages';

/** A stretch of a document to read. */
export interface Passage {
  /** The whole text; offsets everywhere are offsets into it. */
  readonly text: string;
  /** Default 0. */
  readonly start?: number;
  /** Default `text.length`. */
  readonly end?: number;
  /**
   * Ranges inside [start, end) that are markup, not article (a span's `[`, its
   * `]{…}` block): read past, as a word break. Sorted, disjoint.
   */
  readonly markup?: readonly TextRange[];
  /** How many of `markup`'s first entries are this passage's (a reader's reused list); default all. */
  readonly markupLength?: number;
}

export type WordKind = 'word' | 'number' | 'mark';

export interface Word {
  readonly kind: WordKind;
  /**
   * Folded (lowercase, no accents, harakat or tatweel, ’ as '); a number's
   * digits in ASCII, whatever digits the text used; a mark is one character.
   * A blank line is the mark "\n".
   */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Whether whitespace (or markup) separates this word from the one before. */
  readonly spaced: boolean;
  /** An Arabic-script word. */
  readonly arabic: boolean;
  /**
   * Arabic words: the source offset of each folded letter, since the source
   * may hold harakat or tatweel between them (where a stem after its
   * proclitics starts).
   */
  readonly letterStarts?: readonly number[];
  /** Arabic words: the word after each chain of proclitics it may carry (ArabicStem). */
  readonly stems?: readonly ArabicStem[];
}

/** An Arabic word read after the proclitics attached to it: بالجيش → جيش after بال. */
export interface ArabicStem {
  readonly stem: string;
  /** How many letters the proclitics take. */
  readonly prefixLength: number;
  /** Whether the proclitics end with the article (ال, لل). */
  readonly article: boolean;
}

/** A passage cut into words; build it once and give it to every reader. */
export class Words {
  /**
   * The date expressions found in these words and the `language:` they were
   * found for (dates.ts): the count reader and the date reader both need
   * them. A field, not a table beside the words: a passage is read once per
   * claim, tens of thousands of times in a check.
   */
  dateExpressions: { readonly language: string | undefined; readonly found: DateExpression[]; scanned: number } | undefined;
  /**
   * The counts read in these words and the options that chose the tables
   * (counts.ts): the value check reads them as values, then, where they may
   * contradict the claim, the passage reader with their text and why (`found`,
   * made when first asked).
   */
  counts: { readonly language: string | undefined; readonly vague: ReadOptions['vague']; readonly values: readonly CountValue[]; found: readonly CountReading[] | undefined } | undefined;

  constructor(
    readonly text: string,
    readonly list: readonly Word[],
  ) {}

  get length(): number {
    return this.list.length;
  }

  at(index: number): Word | undefined {
    return this.list[index];
  }

  /** The source between two offsets without its markup, whitespace runs as one space. */
  sourceBetween(start: number, end: number): string {
    let visible = '';
    let position = start;
    for (const word of this.list) {
      if (word.end <= start) continue;
      if (word.start >= end) break;
      if (visible !== '' && word.spaced) visible += ' ';
      visible += this.text.slice(Math.max(word.start, position), Math.min(word.end, end));
      position = word.end;
    }
    return visible;
  }
}

/** Anything a reader accepts: a whole text, a passage, or words already cut. */
/**
 * Whether the words read so far stand inside a quotation or brackets:
 * «…», “…” and (…) nest, a straight quote opens and closes. Fed the marks of
 * a passage in order, as a pass over its words meets them.
 */
export class QuotationDepth {
  private depth = 0;
  private straight = false;

  /** Reads a mark: whether it opened or closed a quotation or brackets. */
  read(mark: Word): boolean {
    if ('«“('.includes(mark.text)) this.depth++;
    else if ('»”)'.includes(mark.text)) this.depth = Math.max(0, this.depth - 1);
    else if (mark.text === '"') this.straight = !this.straight;
    else return false;
    return true;
  }

  get open(): boolean {
    return this.depth > 0 || this.straight;
  }
}

export type ReadInput = string | Passage | Words;

export function wordsOf(input: ReadInput): Words {
  if (input instanceof Words) return input;
  return readWords(typeof input === 'string' ? { text: input } : input);
}

const HYPHEN = '-';

/** Code points that are digits, with their value: ASCII, Arabic-Indic and Extended Arabic-Indic. */
function digitValue(codePoint: number): number {
  if (codePoint >= 0x30 && codePoint <= 0x39) return codePoint - 0x30;
  if (codePoint >= 0x660 && codePoint <= 0x669) return codePoint - 0x660;
  if (codePoint >= 0x6f0 && codePoint <= 0x6f9) return codePoint - 0x6f0;
  return -1;
}

const IS_LETTER = /^\p{L}$/u;
const bmpLetterClass = new Uint8Array(0x10000);

function isLetter(codePoint: number): boolean {
  return codePointIn(IS_LETTER, bmpLetterClass, codePoint);
}

/** Cuts a passage into words. */
export function readWords(passage: Passage): Words {
  return cutPassage(passage, false);
}

/**
 * readWords for a reader that is done with the words before it cuts the
 * next passage so: the Word objects are reused from call to call (each
 * call's list is its own, its words are not), so the value check's claims,
 * tens of thousands in a check, make no word objects once the longest is
 * cut. Nothing read from them may keep a word.
 */
export function readWordsBriefly(passage: Passage): Words {
  return cutPassage(passage, true);
}

function cutPassage(passage: Passage, brief: boolean): Words {
  const text = passage.text;
  const start = Math.max(0, Math.min(passage.start ?? 0, text.length));
  const end = Math.max(start, Math.min(passage.end ?? text.length, text.length));
  const cut: Cut = { fresh: brief ? undefined : [], length: 0 };
  let segmentStart = start;
  // The markup's ranges as they are, then the passage's end: no copy of them, for each of a check's claims.
  const markup = passage.markup ?? [];
  const markupLength = passage.markupLength ?? markup.length;
  for (let k = 0; k <= markupLength; k++) {
    const segmentEnd = Math.max(segmentStart, Math.min(k < markupLength ? markup[k].start : end, end));
    if (segmentEnd > segmentStart && !cutPlainSegment(text, segmentStart, segmentEnd, cut)) cutSegment(text, segmentStart, segmentEnd, cut);
    if (k < markupLength) segmentStart = Math.max(segmentStart, Math.min(markup[k].end, end));
  }
  return new Words(text, cut.fresh ?? pooledWords.slice(0, cut.length));
}

/** Where a passage's words are written: a fresh list, or (undefined) over the pool's first `length` words. */
interface Cut {
  readonly fresh: Word[] | undefined;
  length: number;
}

/** A word of the pool readWordsBriefly reuses: every field written at each use, so that all have one shape. */
interface PooledWord {
  kind: WordKind;
  text: string;
  start: number;
  end: number;
  spaced: boolean;
  arabic: boolean;
  letterStarts: readonly number[] | undefined;
  stems: readonly ArabicStem[] | undefined;
}

const pooledWords: PooledWord[] = [];

/**
 * How cutPlainSegment reads a code unit (one of the CUT_ classes), 0 until
 * first asked, and the unit it folds to: the fold's own answer for that unit
 * (foldText), remembered.
 */
const cutClasses = new Uint8Array(0x10000);
const cutFolds = new Uint16Array(0x10000);
/** A unit the plain cut leaves to cutSegment: one the fold drops, spells out in two, or reads with its neighbours; an Arabic letter or digit. */
const CUT_SLOW = 1;
/** Whitespace that breaks no line, and whitespace that breaks one (two breaks in a run make a blank line). */
const CUT_SPACE = 2;
const CUT_BREAK = 3;
/** A unit folding to a letter of a Latin (non-Arabic) word, an ASCII digit, anything else (a mark). */
const CUT_LETTER = 4;
const CUT_DIGIT = 5;
const CUT_MARK = 6;
const CARRIAGE_RETURN = 0x0d;
const LINE_FEED = 0x0a;

function cutClassOf(unit: number): number {
  let found = cutClasses[unit];
  if (found === 0) {
    found = cutClassFor(unit);
    cutClasses[unit] = found;
  }
  return found;
}

/** The class of a code unit, read off the fold itself (between two letters, so that a run of whitespace is one). */
function cutClassFor(unit: number): number {
  if (unit >= 0xd800 && unit < 0xe000) return CUT_SLOW;
  const char = String.fromCharCode(unit);
  const once = foldText(`a${char}a`).folded;
  if (once === 'a a') {
    // Two in a row: still one space, or a blank line (it breaks a line); anything else is not whitespace as the run reads it.
    const twice = foldText(`a${char}${char}a`).folded;
    return twice === 'a a' ? CUT_SPACE : twice === 'a\na' ? CUT_BREAK : CUT_SLOW;
  }
  if (once.length !== 3) return CUT_SLOW;
  const folded = once.charCodeAt(1);
  cutFolds[unit] = folded;
  if (folded >= 0x30 && folded <= 0x39) return CUT_DIGIT;
  if (digitValue(folded) >= 0 || folded === LINE_FEED || (folded >= 0xd800 && folded < 0xe000)) return CUT_SLOW;
  if (isLetter(folded)) return isArabicLetter(folded) ? CUT_SLOW : CUT_LETTER;
  return CUT_MARK;
}

/** The folded units of the word cutPlainSegment is reading, for unitsText. Grown, never shrunk. */
let plainUnits = new Uint16Array(64);

/**
 * cutSegment for a segment whose every unit folds to one unit by itself
 * (most of Latin-script text: ASCII, accented letters, typographic
 * apostrophes, non-breaking spaces), without folding it first: one unit of
 * the source is one of the fold, so a word's source range is its units', and
 * the words are those cutSegment cuts from the fold (test/unit/read-words).
 * False, with nothing cut, at the first unit it leaves to cutSegment.
 */
function cutPlainSegment(text: string, start: number, end: number, cut: Cut): boolean {
  const before = cut.length;
  const freshBefore = cut.fresh?.length ?? 0;
  // A markup range before this segment separates words like a space.
  let spaced = true;
  let p = start;
  while (p < end) {
    const kind = cutClassOf(text.charCodeAt(p));
    if (kind === CUT_SPACE || kind === CUT_BREAK) {
      // A run of whitespace folds to one space, or to a blank line ("\n", a mark) when it breaks two lines; a CR before an LF is one break.
      const run = p;
      let breaks = 0;
      for (; p < end; p++) {
        const unit = text.charCodeAt(p);
        const inRun = cutClassOf(unit);
        if (inRun === CUT_BREAK) {
          if (unit !== CARRIAGE_RETURN || p + 1 >= end || text.charCodeAt(p + 1) !== LINE_FEED) breaks++;
        } else if (inRun !== CUT_SPACE) break;
      }
      if (breaks >= 2) addWord(cut, 'mark', '\n', run, p, spaced, false, undefined, undefined);
      spaced = true;
    } else if (kind === CUT_LETTER || kind === CUT_DIGIT) {
      let q = p;
      let length = 0;
      for (; q < end; q++) {
        const unit = text.charCodeAt(q);
        if (cutClassOf(unit) !== kind) break;
        if (length === plainUnits.length) {
          const grown = new Uint16Array(length * 2);
          grown.set(plainUnits);
          plainUnits = grown;
        }
        plainUnits[length++] = cutFolds[unit];
      }
      addWord(cut, kind === CUT_LETTER ? 'word' : 'number', unitsText(plainUnits, 0, length), p, q, spaced, false, undefined, undefined);
      spaced = false;
      p = q;
    } else if (kind === CUT_MARK) {
      plainUnits[0] = cutFolds[text.charCodeAt(p)];
      addWord(cut, 'mark', unitsText(plainUnits, 0, 1), p, p + 1, spaced, false, undefined, undefined);
      spaced = false;
      p++;
    } else {
      cut.length = before;
      if (cut.fresh !== undefined) cut.fresh.length = freshBefore;
      return false;
    }
  }
  return true;
}

function cutSegment(text: string, start: number, end: number, cut: Cut): void {
  // Read before anything else folds: the units and offsets are shared scratch arrays.
  const { units, sourceOffsets, length } = foldUnitsBriefly(text, start, end);
  // A markup range before this segment separates words like a space.
  let spaced = true;
  let i = 0;
  while (i < length) {
    const codePoint = codePointOf(units, i, length);
    const width = codePoint >= 0x10000 ? 2 : 1;
    if (codePoint === 0x20) {
      spaced = true;
      i++;
    } else if (digitValue(codePoint) >= 0) {
      // ASCII digits are read as they stand; others are written in ASCII, one by one.
      let ascii = true;
      let j = i;
      for (; j < length && digitValue(units[j]) >= 0; j++) if (units[j] > 0x39) ascii = false;
      addWord(cut, 'number', ascii ? unitsText(units, i, j) : asciiDigits(units, i, j), sourceOffsets[i], sourceOffsets[j], spaced, false, undefined, undefined);
      spaced = false;
      i = j;
    } else if (isLetter(codePoint)) {
      const arabic = isArabicLetter(codePoint);
      let j = i;
      while (j < length) {
        const next = codePointOf(units, j, length);
        if (!isLetter(next) || isArabicLetter(next) !== arabic) break;
        j += next >= 0x10000 ? 2 : 1;
      }
      const word = unitsText(units, i, j);
      if (arabic) addWord(cut, 'word', word, sourceOffsets[i], sourceOffsets[j], spaced, true, Array.from(sourceOffsets.subarray(i, j)), arabicStems(word));
      else addWord(cut, 'word', word, sourceOffsets[i], sourceOffsets[j], spaced, false, undefined, undefined);
      spaced = false;
      i = j;
    } else {
      // A blank line ("\n" in the fold) is a mark no phrase crosses.
      addWord(cut, 'mark', unitsText(units, i, i + width), sourceOffsets[i], sourceOffsets[i + width], spaced, false, undefined, undefined);
      spaced = codePoint === 0x0a;
      i += width;
    }
  }
}

/** The code point at unit `i` of a fold `length` long (a lone surrogate as itself), as String.codePointAt reads it. */
function codePointOf(units: Uint16Array, i: number, length: number): number {
  const unit = units[i];
  if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < length) {
    const low = units[i + 1];
    if (low >= 0xdc00 && low < 0xe000) return ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return unit;
}

/** The digits of `units[from, to)` in ASCII. */
function asciiDigits(units: Uint16Array, from: number, to: number): string {
  let digits = '';
  for (let k = from; k < to; k++) digits += String(digitValue(units[k]));
  return digits;
}

/** Words up to this many units long are looked up among the texts made before. */
const LONGEST_KEPT_TEXT = 24;
/** How many texts are kept (a power of two): a claim's words come from a vocabulary of some thousands. */
const KEPT_TEXTS = 8192;
/**
 * The words' texts made so far, by a hash of their units, one per slot (a
 * newer text takes its slot): the same few thousand words ("the", "killed",
 * "soldats", "40") recur in every claim, and a string made for each was a
 * tenth of what the value check allocated.
 */
const keptTexts: string[] = new Array<string>(KEPT_TEXTS).fill('');

/** The string of `units[from, to)`: the one made before for the same units when there is one. */
function unitsText(units: Uint16Array, from: number, to: number): string {
  const length = to - from;
  if (length > LONGEST_KEPT_TEXT) return stringOfUnits(units, from, to);
  let hash = 0x811c9dc5;
  for (let k = from; k < to; k++) hash = Math.imul(hash ^ units[k], 0x01000193);
  const slot = (hash >>> 0) & (KEPT_TEXTS - 1);
  const kept = keptTexts[slot];
  if (kept.length === length && sameUnits(kept, units, from, to)) return kept;
  const made = length === 1 ? String.fromCharCode(units[from]) : stringOfUnits(units, from, to);
  keptTexts[slot] = made;
  return made;
}

function sameUnits(text: string, units: Uint16Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k - from) !== units[k]) return false;
  return true;
}

/**
 * Adds a word over the source's [start, end). A function of the module, not a
 * closure in cutSegment: the bundle names each closure as it is made
 * (esbuild's keepNames), which cost more than the word for a short passage.
 */
function addWord(
  cut: Cut,
  kind: WordKind,
  text: string,
  start: number,
  end: number,
  spaced: boolean,
  arabic: boolean,
  letterStarts: readonly number[] | undefined,
  stems: readonly ArabicStem[] | undefined,
): void {
  if (cut.fresh !== undefined) {
    const word: Word = { kind, text, start, end, spaced, arabic };
    cut.fresh.push(arabic ? { ...word, letterStarts, stems } : word);
    return;
  }
  const word = pooledWords[cut.length];
  if (word === undefined) {
    pooledWords.push({ kind, text, start, end, spaced, arabic, letterStarts, stems });
  } else {
    word.kind = kind;
    word.text = text;
    word.start = start;
    word.end = end;
    word.spaced = spaced;
    word.arabic = arabic;
    word.letterStarts = letterStarts;
    word.stems = stems;
  }
  cut.length++;
}

/**
 * The readings of an Arabic word after the proclitics attached to it, longest
 * chain first: `وبالجيش` → جيش (after وبال), الجيش (after وب), بالجيش (after
 * و). A stem keeps at least two letters.
 */
function arabicStems(word: string): ArabicStem[] {
  const stems: ArabicStem[] = [];
  for (let length = Math.min(LONGEST_ARABIC_PROCLITIC_CHAIN, word.length - 2); length >= 1; length--) {
    const chain = word.slice(0, length);
    if (!ARABIC_PROCLITIC_CHAINS.has(chain)) continue;
    stems.push({ stem: word.slice(length), prefixLength: length, article: chain.endsWith('\u0627\u0644') || chain.endsWith('\u0644\u0644') });
  }
  return stems;
}

// ---------------------------------------------------------------------------
// Phrases

/** A folded word of a phrase; a prefix matches any word that starts with it. */
interface Token {
  readonly text: string;
  readonly prefix: boolean;
}

/** One place in a phrase: the token sequences that may stand there. */
interface Slot {
  readonly alternatives: readonly (readonly Token[])[];
  readonly optional: boolean;
  /** A gap: up to this many words of any kind but clause punctuation (0: not a gap). */
  readonly gap: number;
}

const GAP_WORDS = 8;
/** Marks a gap never crosses: the end of a clause, a sentence or a paragraph. */
const CLAUSE_MARKS: ReadonlySet<string> = new Set(['.', ',', '!', '?', ';', ':', '\n', '؟', '؛', '،']);

/** A phrase found in words. */
export interface PhraseMatch<T> {
  readonly payload: T;
  /** Index of the first word. */
  readonly first: number;
  /** Index after the last word. */
  readonly next: number;
  /** Source range, after any proclitic the first word carries. */
  readonly start: number;
  readonly end: number;
}

interface Phrase<T> {
  readonly slots: readonly Slot[];
  readonly payload: T;
}

/**
 * The phrases of a table that start with one word, and the tokens the word
 * after it must stand for if one of them is to match (undefined when one
 * may end at that first word, or a gap follow it). The readers ask a table
 * at every word it may start a phrase at: "the", "la", "a" start a phrase
 * of the relative dates or of the month parts at thousands of words that
 * begin none, and one look at the next word tells so, where each phrase
 * under the word was matched slot by slot.
 */
interface FirstWordPhrases<T> {
  readonly phrases: Phrase<T>[];
  second: SecondWords | undefined;
}

interface SecondWords {
  /** Whole tokens, looked up by the word's text (or an Arabic stem's). */
  readonly texts: Set<string>;
  readonly prefixes: Token[];
}

/** The folded tokens of a table's phrase (hyphens dropped, so "mi-novembre" is "mi novembre"). */
export function phraseTokens(text: string): string[] {
  return readWords({ text })
    .list.filter((word) => word.text !== HYPHEN)
    .map((word) => word.text);
}

/**
 * A table of phrases, matched over words: longest first at a given word. Two
 * ways in: `addLiteral` for user-supplied phrases (every character literal),
 * `addPattern` for the readers' own tables, in a small notation — words
 * separated by spaces; `a|b` alternatives; `word?` optional; `word*` any word
 * starting so; a lone `*` a gap of up to eight words within the clause.
 * An alternative is one word (or one elided form such as `n'a`): a phrase of
 * two words in place of one is an entry of its own.
 */
export class PhraseTable<T> {
  private readonly byFirstToken = new Map<string, FirstWordPhrases<T>>();
  /** Phrases that may start with a prefix or a gap: tried at every word one of their first tokens matches. */
  private readonly unindexed: Phrase<T>[] = [];
  /**
   * Per phrase of `unindexed`, the tokens its first word may match (those
   * of its optional slots and of the first slot after them), or undefined
   * for one a gap may start: a phrase of "kilomètre*", "dollar*" is not
   * tried at a word none of them starts.
   */
  private readonly unindexedStarts: (StartTokens | undefined)[] = [];

  addLiteral(text: string, payload: T): void {
    const tokens = phraseTokens(text);
    if (tokens.length > 0) this.add({ slots: tokens.map((token) => ({ alternatives: [[{ text: token, prefix: false }]], optional: false, gap: 0 })), payload });
  }

  addPattern(pattern: string, payload: T): void {
    const slots: Slot[] = [];
    for (const part of pattern.split(' ').filter((p) => p !== '')) {
      if (part === '*') {
        slots.push({ alternatives: [], optional: true, gap: GAP_WORDS });
        continue;
      }
      const optional = part.length > 1 && part.endsWith('?');
      const body = optional ? part.slice(0, -1) : part;
      const alternatives = body.split('|').map((alternative) => {
        const isPrefix = alternative.length > 1 && alternative.endsWith('*');
        const texts = phraseTokens(isPrefix ? alternative.slice(0, -1) : alternative);
        // An empty alternative would make the slot optional without saying so.
        if (texts.length === 0) throw new Error(`empty alternative in the phrase pattern "${pattern}"`);
        return texts.map((text, i): Token => ({ text, prefix: isPrefix && i === texts.length - 1 }));
      });
      slots.push({ alternatives, optional, gap: 0 });
    }
    this.add({ slots, payload });
  }

  private add(phrase: Phrase<T>): void {
    const firstTokens = firstTokensOf(phrase.slots);
    if (firstTokens === undefined) {
      this.unindexed.push(phrase);
      this.unindexedStarts.push(startTokensOf(phrase.slots));
      return;
    }
    for (const token of firstTokens) {
      let entry = this.byFirstToken.get(token);
      if (entry === undefined) this.byFirstToken.set(token, (entry = { phrases: [], second: { texts: new Set(), prefixes: [] } }));
      entry.phrases.push(phrase);
      entry.second = joinSecondWords(entry.second, secondWordsOf(phrase.slots, token));
    }
  }

  /**
   * Whether some phrase of the table may start at a word: a set lookup that
   * lets a reader pass over most words of a text without trying its phrases.
   */
  mayStartAt(word: Word): boolean {
    if (word.kind === 'mark') return false;
    if (this.byFirstToken.has(word.text)) return true;
    if (word.stems !== undefined && someStemIn(word.stems, this.byFirstToken)) return true;
    for (const starts of this.unindexedStarts) if (starts === undefined || matchesOneOf(starts, word)) return true;
    return false;
  }

  /**
   * Adds this table, under each word a phrase of it may start with, to
   * `tokens`, and under each prefix (or word) its other phrases may start
   * with to `prefixes`; whether some phrase may start anywhere (a gap first).
   */
  addStartsTo(tokens: Map<string, PhraseTable<unknown>[]>, prefixes: TableStart[]): boolean {
    for (const token of this.byFirstToken.keys()) {
      const tables = tokens.get(token);
      if (tables === undefined) tokens.set(token, [this]);
      else if (!tables.includes(this)) tables.push(this);
    }
    let anywhere = false;
    for (const starts of this.unindexedStarts) {
      if (starts === undefined) anywhere = true;
      else for (const token of starts.tokens) prefixes.push({ token, table: this });
    }
    return anywhere;
  }

  /** The longest phrase that starts at word `index` (ties: the one added first). */
  matchAt(words: Words, index: number): PhraseMatch<T> | undefined {
    const word = words.at(index);
    if (word === undefined || word.kind === 'mark') return undefined;
    let best = this.bestOf(this.byFirstToken.get(word.text), words, index, undefined);
    // Tested, not defaulted to a new empty list: the readers ask this of every word that may start a phrase.
    if (word.stems !== undefined) for (const { stem } of word.stems) best = this.bestOf(this.byFirstToken.get(stem), words, index, best);
    for (let p = 0; p < this.unindexed.length; p++) {
      const starts = this.unindexedStarts[p];
      if (starts !== undefined && !matchesOneOf(starts, word)) continue;
      best = this.longer(this.unindexed[p], words, index, best);
    }
    return best;
  }

  /** The longest of some phrases at word `index`, or `best` when none is longer. */
  private bestOf(entry: FirstWordPhrases<T> | undefined, words: Words, index: number, best: PhraseMatch<T> | undefined): PhraseMatch<T> | undefined {
    if (entry === undefined || (entry.second !== undefined && !secondWordFits(entry.second, words, index + 1))) return best;
    for (const phrase of entry.phrases) best = this.longer(phrase, words, index, best);
    return best;
  }

  /** The phrase's match at word `index` when it is longer than `best`, else `best`. */
  private longer(phrase: Phrase<T>, words: Words, index: number, best: PhraseMatch<T> | undefined): PhraseMatch<T> | undefined {
    const next = matchSlots(words, phrase.slots, 0, index, true);
    if (next <= index || (best !== undefined && next <= best.next)) return best;
    return { payload: phrase.payload, first: index, next, start: matchedStart >= 0 ? matchedStart : words.list[index].start, end: words.list[next - 1].end };
  }

  /** Every phrase in the words, leftmost first, then longest; never overlapping. */
  findAll(words: Words, from = 0, to = words.length): PhraseMatch<T>[] {
    const found: PhraseMatch<T>[] = [];
    for (let index = from; index < to; ) {
      const match = this.matchAt(words, index);
      if (match !== undefined && match.next <= to) {
        found.push(match);
        index = match.next;
      } else {
        index++;
      }
    }
    return found;
  }
}

/**
 * Whether a phrase of any of some full tables may start at a word, asked of
 * them all at once: the date reader tries fourteen tables where a date may
 * start, the count reader five where a count may, and most words start a
 * phrase of none, which one set lookup (and a few prefixes) tells instead
 * of one per table. A table's phrase that starts with a prefix ("exceed*",
 * "dépass*") lets through only the words that start so, not every word.
 */
export class PhraseStarts {
  /** Per word a phrase may start with, the tables that hold such a phrase. */
  private readonly tokens = new Map<string, PhraseTable<unknown>[]>();
  private readonly prefixes: TableStart[] = [];
  /** The first letters of `prefixes`: most words start with none. */
  private readonly prefixLetters: ReadonlySet<string>;
  private readonly anywhere: boolean;

  constructor(private readonly tables: readonly PhraseTable<unknown>[]) {
    let anywhere = false;
    for (const table of tables) if (table.addStartsTo(this.tokens, this.prefixes)) anywhere = true;
    this.anywhere = anywhere;
    this.prefixLetters = new Set(this.prefixes.map(({ token }) => token.text[0]));
  }

  /** Whether `mayStartAt` holds for one of the tables. */
  mayStartAt(word: Word): boolean {
    if (word.kind === 'mark') return false;
    if (this.anywhere || this.tokens.has(word.text)) return true;
    if (word.stems !== undefined && someStemIn(word.stems, this.tokens)) return true;
    if (!startsWithOneOf(word, this.prefixLetters)) return false;
    // A loop, not `some` with a closure over the word: both readers ask this at most words, and the closures were a tenth of what the value check allocated.
    for (const { token } of this.prefixes) if (tokenMatch(token, word) >= 0) return true;
    return false;
  }

  /** Whether a phrase of one of the tables starts at word `index`: only the tables the word may start a phrase of are tried. */
  matchesAt(words: Words, index: number): boolean {
    const word = words.list[index];
    if (word === undefined || word.kind === 'mark') return false;
    if (this.anywhere) return this.tables.some((table) => table.matchAt(words, index) !== undefined);
    if (someMatchAt(this.tokens.get(word.text), words, index)) return true;
    if (word.stems !== undefined) for (const { stem } of word.stems) if (someMatchAt(this.tokens.get(stem), words, index)) return true;
    if (!startsWithOneOf(word, this.prefixLetters)) return false;
    for (const { token, table } of this.prefixes) if (tokenMatch(token, word) >= 0 && table.matchAt(words, index) !== undefined) return true;
    return false;
  }
}

/** A token a table's phrase may start with, that the table does not look up by the word (a prefix, or a word beside one). */
interface TableStart {
  readonly token: Token;
  readonly table: PhraseTable<unknown>;
}

function someMatchAt(tables: readonly PhraseTable<unknown>[] | undefined, words: Words, index: number): boolean {
  if (tables === undefined) return false;
  for (const table of tables) if (table.matchAt(words, index) !== undefined) return true;
  return false;
}

/**
 * The tokens the word after the first may stand for in a match of a phrase
 * whose first word stands for `first` (matchSlots' ways through its slots),
 * or undefined when the match may end at the first word or a gap may follow it.
 */
function secondWordsOf(slots: readonly Slot[], first: string): SecondWords | undefined {
  const second: SecondWords = { texts: new Set(), prefixes: [] };
  for (let k = 0; k < slots.length; k++) {
    const slot = slots[k];
    for (const alternative of slot.alternatives) {
      if (alternative[0].prefix || alternative[0].text !== first) continue;
      if (alternative.length > 1) {
        addToken(second, alternative[1]);
        continue;
      }
      // The first word is this slot's whole alternative: the next word starts a later slot, past those that may be left out.
      let next = k + 1;
      for (; next < slots.length; next++) {
        if (slots[next].gap > 0) return undefined;
        for (const [token] of slots[next].alternatives) addToken(second, token);
        if (!slots[next].optional) break;
      }
      if (next === slots.length) return undefined;
    }
    if (!slot.optional) break;
  }
  return second;
}

function addToken(second: SecondWords, token: Token): void {
  if (token.prefix) second.prefixes.push(token);
  else second.texts.add(token.text);
}

/** Both tables of second words, for the phrases of two; undefined (any word) when either is. */
function joinSecondWords(a: SecondWords | undefined, b: SecondWords | undefined): SecondWords | undefined {
  if (a === undefined || b === undefined) return undefined;
  for (const text of b.texts) a.texts.add(text);
  a.prefixes.push(...b.prefixes);
  return a;
}

/** Whether the word at `index` (past the joiners matchSlots skips there) stands for one of the second words, as tokenMatch tells. */
function secondWordFits(second: SecondWords, words: Words, index: number): boolean {
  const word = words.at(skipJoiners(words, index));
  if (word === undefined) return false;
  if (second.texts.has(word.text)) return true;
  if (word.stems !== undefined) for (const { stem } of word.stems) if (stem.length >= 2 && second.texts.has(stem)) return true;
  for (const token of second.prefixes) if (tokenMatch(token, word) >= 0) return true;
  return false;
}

/** The words a phrase may start with (its optional slots may be left out), or undefined when a prefix or a gap may start it. */
function firstTokensOf(slots: readonly Slot[]): Set<string> | undefined {
  const tokens = new Set<string>();
  for (const slot of slots) {
    if (slot.gap > 0) return undefined;
    for (const [first] of slot.alternatives) {
      if (first.prefix) return undefined;
      tokens.add(first.text);
    }
    if (!slot.optional) return tokens;
  }
  return undefined;
}

/**
 * The tokens the first word of a phrase's match may stand for (those of its
 * optional slots and of the first slot after them: matchSlots tries the
 * first word against no other), or undefined when a gap may start it or
 * every slot may be left out.
 */
function startTokensOf(slots: readonly Slot[]): StartTokens | undefined {
  const tokens: Token[] = [];
  for (const slot of slots) {
    if (slot.gap > 0) return undefined;
    for (const [first] of slot.alternatives) tokens.push(first);
    if (!slot.optional) return { tokens, letters: new Set(tokens.map((token) => token.text[0])) };
  }
  return undefined;
}

/** The tokens a phrase's first word may stand for, and their first letters, which most words are told apart by. */
interface StartTokens {
  readonly tokens: readonly Token[];
  readonly letters: ReadonlySet<string>;
}

/** Whether a word stands for one of some tokens, as a phrase's first word must (tokenMatch). */
function matchesOneOf(starts: StartTokens, word: Word): boolean {
  if (!startsWithOneOf(word, starts.letters)) return false;
  for (const token of starts.tokens) if (tokenMatch(token, word) >= 0) return true;
  return false;
}

/** Whether a word, or one of its Arabic stems, starts with one of some letters: a token it stands for does. */
function startsWithOneOf(word: Word, letters: ReadonlySet<string>): boolean {
  if (letters.has(word.text[0])) return true;
  if (word.stems !== undefined) for (const { stem } of word.stems) if (letters.has(stem[0])) return true;
  return false;
}

/** Whether one of an Arabic word's stems is a key of `table` (a loop: no closure per word asked). */
export function someStemIn(stems: readonly ArabicStem[], table: ReadonlySet<string> | ReadonlyMap<string, unknown>): boolean {
  for (const { stem } of stems) if (table.has(stem)) return true;
  return false;
}

/** Quotation marks a phrase reads through: "pris le « contrôle total »" holds "pris le contrôle". */
const QUOTE_MARKS: ReadonlySet<string> = new Set(['«', '»', '"', '“', '”', '„']);

/** Skips hyphens between words ("au-delà" reads as "au delà") and the quotation marks a writer puts around some of them. */
function skipJoiners(words: Words, index: number): number {
  let at = index;
  for (let word = words.at(at); word !== undefined && at > 0 && (word.text === HYPHEN || QUOTE_MARKS.has(word.text)); word = words.at(at)) at++;
  return at;
}

/**
 * Where the first word of the match `matchSlots` last returned is read from
 * when a proclitic is skipped (a source offset), or -1. A number beside the
 * returned end rather than an object per match: the readers try phrases at
 * every word that may start one, hundreds of thousands of times in a check.
 */
let matchedStart = -1;

/** The end (the index after the last word) of the longest way `slots[k…]` match from word `index`, or -1; its start in `matchedStart`. */
function matchSlots(words: Words, slots: readonly Slot[], k: number, index: number, isFirst: boolean): number {
  if (k === slots.length) {
    matchedStart = -1;
    return index;
  }
  const slot = slots[k];
  let bestNext = -1;
  let bestStart = -1;
  if (slot.gap > 0) {
    let position = index;
    for (let skipped = 0; skipped <= slot.gap; skipped++) {
      const next = matchSlots(words, slots, k + 1, position, false);
      if (next > bestNext) {
        bestNext = next;
        bestStart = matchedStart;
      }
      const word = words.at(position);
      if (word === undefined || (word.kind === 'mark' && CLAUSE_MARKS.has(word.text))) break;
      position++;
    }
    matchedStart = bestStart;
    return bestNext;
  }
  for (const alternative of slot.alternatives) {
    let position = isFirst ? index : skipJoiners(words, index);
    let start = -1;
    for (let t = 0; t < alternative.length && position >= 0; t++) {
      if (t > 0) position = skipJoiners(words, position);
      const word = words.at(position);
      const stemStart = word === undefined ? -1 : tokenMatch(alternative[t], word);
      if (stemStart < 0 || word === undefined) {
        position = -1;
      } else {
        if (isFirst && t === 0 && stemStart !== word.start) start = stemStart;
        position++;
      }
    }
    if (position < 0) continue;
    const rest = matchSlots(words, slots, k + 1, position, false);
    if (rest > bestNext) {
      bestNext = rest;
      bestStart = start >= 0 ? start : matchedStart;
    }
  }
  if (slot.optional) {
    const next = matchSlots(words, slots, k + 1, index, isFirst);
    if (next > bestNext) {
      bestNext = next;
      bestStart = matchedStart;
    }
  }
  matchedStart = bestStart;
  return bestNext;
}

/**
 * Whether a word stands for a phrase token: equal, or starting with it (a
 * prefix token), or, for an Arabic word, so after its attached proclitics.
 * Returns where the matching part starts in the source, or -1.
 */
function tokenMatch(token: Token, word: Word): number {
  if (token.prefix ? word.text.startsWith(token.text) : word.text === token.text) return word.start;
  if (word.stems === undefined || token.text.length < 2) return -1;
  for (const { stem, prefixLength } of word.stems) {
    if (token.prefix ? stem.startsWith(token.text) : stem === token.text) return arabicOffset(word, prefixLength);
  }
  return -1;
}

/** The source offset of an Arabic word's `letters`-th letter (its stem after that many proclitic letters). */
export function arabicOffset(word: Word, letters: number): number {
  return word.letterStarts?.[letters] ?? word.start;
}
