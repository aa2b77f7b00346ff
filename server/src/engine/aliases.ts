// Alias matching: finds registry aliases in article text the way an analyst
// reads it, so "Niafunké", "Niafunke\u0301" and "NIAFUNKÉ" are the same name,
// "l’armée" and "l'armée" the same words, and a name wrapped across a line
// still counts.
//
// Folding, per code point of the source text:
// - compatibility decomposition (NFKD), then combining marks dropped and
//   letters lowercased: composed and decomposed accents fold alike, and so do
//   ligatures pasted from PDFs (ﬁ), fullwidth letters and Arabic presentation
//   forms; œ, æ and ß, which Unicode does not decompose, spell out as oe, ae
//   and ss;
// - apostrophe look-alikes (’ ‘ ʼ ′ ´ ` ʿ ʾ …) become ', hyphen look-alikes
//   (‐ ‑ ‒ – −) become -; the em dash stays itself, since it separates
//   clauses rather than joining the parts of a name;
// - format characters (soft hyphen, joiners, direction marks) and the Arabic
//   tatweel vanish: they change how a word is drawn, not which word it is;
// - Arabic letters fold to the form a writer may put in their place: the
//   harakat go with the other combining marks, the hamza seats decompose
//   (أ إ آ → ا, and likewise ؤ → و, ئ → ي), and ى → ي, ة → ه, ٱ → ا, as do the
//   Persian-keyboard ی → ي and ک → ك;
// - a run of whitespace (non-breaking and thin spaces included) becomes one
//   space, or one "\n" when it holds a blank line, so a name wrapped across a
//   line matches and one split across paragraphs does not.
// Every folded UTF-16 unit remembers the source offset of the code point (or
// whitespace run) it came from, which is how matches map back to the text.
//
// Aliases are found by walking a trie of the folded aliases, folding the text
// only from where one may start (see AliasMatcher.scan); no regular
// expression is built from registry strings. A word of an alias with a capital after its first letter (JNIM,
// FAMa, the UN of "the UN mission") is written in capitals and keeps its
// case: text matches only with those capitals, so "Fama" is not FAMa, while
// the alias's other words fold as any alias does ("The UN Mission" is "the UN
// mission", "the un mission" is not).

/** One alias as the registry lists it; several entities may share an alias. */
export interface AliasEntry {
  readonly alias: string;
  readonly entityId: string;
}

/** An alias found in text. `start` and `end` are offsets in the original text. */
export interface AliasMatch {
  readonly start: number;
  readonly end: number;
  /** The alias as the registry writes it. */
  readonly alias: string;
  /** Every entity the matched text names, in registry order. */
  readonly entityIds: readonly string[];
}

export interface FoldedText {
  readonly folded: string;
  /**
   * `sourceOffsets[i]` is the source offset of the code point (or the first
   * character of the whitespace run) that folded unit `i` comes from; the
   * last entry, at `folded.length`, is the end of the folded range.
   */
  readonly sourceOffsets: Int32Array;
}

/** One folded alias under which the registry lists two or more entities. */
export interface AmbiguousAlias<Entry extends AliasEntry = AliasEntry> {
  readonly folded: string;
  /** In registry order. */
  readonly entityIds: readonly string[];
  /** The registry aliases involved, in registry order. */
  readonly entries: readonly Entry[];
}

const OUTPUT = 0;
const WHITESPACE = 1;
const MARK = 2;
const INVISIBLE = 3;

interface FoldEntry {
  readonly kind: typeof OUTPUT | typeof WHITESPACE | typeof MARK | typeof INVISIBLE;
  /** The folded form, lowercased (OUTPUT only; never empty). */
  readonly lower: string;
  /** The folded form with case kept, for case-exact aliases. */
  readonly kept: string;
  /** Line breaks a whitespace character contributes: two make a blank line. */
  readonly lineBreaks: number;
}

const APOSTROPHE = 0x27;
const SPACE = 0x20;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const ZERO_WIDTH_SPACE = 0x200b;
const PARAGRAPH_SEPARATOR = 0x2029;
const ARABIC_TATWEEL = 0x0640;

const APOSTROPHE_LIKE = /[\u2019\u2018\u201b\u02bc\u02bb\u02bd\u02be\u02bf\u2032\u00b4\u0060\uff07]/gu;
const HYPHEN_LIKE = /[\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d]/gu;
const SPELLED_OUT: ReadonlyMap<string, string> = new Map([
  ['œ', 'oe'], ['Œ', 'OE'], ['æ', 'ae'], ['Æ', 'AE'], ['ß', 'ss'], ['ẞ', 'SS'],
]);
const SPELLED_OUT_CHARS = /[œŒæÆßẞ]/gu;
const ARABIC_LETTER_FOLDS: ReadonlyMap<string, string> = new Map([
  ['\u0649', '\u064a'], // ى alif maqsura → ي
  ['\u0629', '\u0647'], // ة ta marbuta → ه
  ['\u0671', '\u0627'], // ٱ alif wasla → ا
  ['\u06cc', '\u064a'], // ی Persian yeh → ي
  ['\u06a9', '\u0643'], // ک keheh → ك
]);
const ARABIC_LETTER_VARIANTS = /[\u0649\u0629\u0671\u06cc\u06a9]/gu;
const COMBINING_MARKS = /\p{M}/gu;
const IS_MARK = /^\p{M}$/u;
const IS_FORMAT = /^\p{Cf}$/u;
const IS_WHITESPACE = /^\p{White_Space}$/u;
const HAS_WHITESPACE = /\p{White_Space}/u;
const IS_WORD = /^[\p{L}\p{N}]$/u;

function outputEntry(kept: string): FoldEntry {
  // Lowercasing İ gives i plus a combining dot, which goes like any accent.
  const lower = kept.toLowerCase().replace(COMBINING_MARKS, '') || kept;
  return { kind: OUTPUT, lower, kept, lineBreaks: 0 };
}

function computeEntry(codePoint: number): FoldEntry {
  const char = String.fromCodePoint(codePoint);
  if (codePoint >= 0xd800 && codePoint < 0xe000) {
    // A lone surrogate is kept as it is: it is no letter, and must not crash.
    return { kind: OUTPUT, lower: char, kept: char, lineBreaks: 0 };
  }
  if (codePoint === ZERO_WIDTH_SPACE || IS_WHITESPACE.test(char)) {
    const isLineBreak = (codePoint >= LINE_FEED && codePoint <= CARRIAGE_RETURN) || codePoint === 0x85 || codePoint === 0x2028;
    return { kind: WHITESPACE, lower: ' ', kept: ' ', lineBreaks: codePoint === PARAGRAPH_SEPARATOR ? 2 : isLineBreak ? 1 : 0 };
  }
  if (IS_MARK.test(char)) return { kind: MARK, lower: '', kept: '', lineBreaks: 0 };
  if (IS_FORMAT.test(char) || codePoint === ARABIC_TATWEEL) return { kind: INVISIBLE, lower: '', kept: '', lineBreaks: 0 };
  let folded = char.normalize('NFKD').replace(COMBINING_MARKS, '');
  // Spacing accents (¨ ˜) decompose to a space plus a mark: keep them as they are.
  if (folded === '' || HAS_WHITESPACE.test(folded)) folded = char.normalize('NFC');
  folded = folded
    .replace(APOSTROPHE_LIKE, "'")
    .replace(HYPHEN_LIKE, '-')
    .replace(SPELLED_OUT_CHARS, (c) => SPELLED_OUT.get(c) ?? c)
    .replace(ARABIC_LETTER_VARIANTS, (c) => ARABIC_LETTER_FOLDS.get(c) ?? c);
  return outputEntry(folded);
}

/**
 * The fold of each BMP code unit whose fold is one plain unit (most text:
 * ASCII, accented Latin), lowercased and with case kept, filled as code
 * points are first met; 0 where the fold is anything else or not known yet.
 * The cursor's fast path.
 */
const singleUnitLowerFold = new Uint16Array(0x10000);
const singleUnitKeptFold = new Uint16Array(0x10000);
const entryCache = new Map<number, FoldEntry>();

function entryFor(codePoint: number): FoldEntry {
  let entry = entryCache.get(codePoint);
  if (entry === undefined) {
    entry = computeEntry(codePoint);
    entryCache.set(codePoint, entry);
    const isBmpScalar = codePoint < 0xd800 || (codePoint >= 0xe000 && codePoint < 0x10000);
    if (isBmpScalar && entry.kind === OUTPUT && entry.lower.length === 1) singleUnitLowerFold[codePoint] = entry.lower.charCodeAt(0);
    if (isBmpScalar && entry.kind === OUTPUT && entry.kept.length === 1) singleUnitKeptFold[codePoint] = entry.kept.charCodeAt(0);
  }
  return entry;
}

const ASCII_ENTRIES: readonly FoldEntry[] = Array.from({ length: 128 }, (_, c) => entryFor(c));

/**
 * Whether a code point matches a one-character pattern (`/^\p{L}$/u`), the
 * answer for BMP code points remembered in `known` (0: not yet asked, 1: yes,
 * 2: no): scans ask it of every character.
 */
export function codePointIn(pattern: RegExp, known: Uint8Array, codePoint: number): boolean {
  if (codePoint >= 0x10000) return pattern.test(String.fromCodePoint(codePoint));
  let answer = known[codePoint];
  if (answer === 0) {
    answer = pattern.test(String.fromCharCode(codePoint)) ? 1 : 2;
    known[codePoint] = answer;
  }
  return answer === 1;
}

const bmpWordClass = new Uint8Array(0x10000);

function isWordCodePoint(codePoint: number): boolean {
  return codePointIn(IS_WORD, bmpWordClass, codePoint);
}

/**
 * Walks the folded form of `text[start, end)` one UTF-16 unit at a time,
 * without building it: the scanner, foldText and the case-exact check share
 * this one definition of folding.
 */
class FoldCursor {
  /** The current folded unit. */
  unit = 0;
  /** Source offset of the code point, or first whitespace character, the unit comes from. */
  unitSource = 0;
  /** True when the unit is the first of a source code point's (or whitespace run's) folded form. */
  startsSourceCodePoint = false;

  private position: number;
  private end: number;
  private readonly singleUnitFolds: Uint16Array;
  /** The folded form being walked, when next() took the slow way. */
  private expansion = '';
  private expansionIndex = 0;
  /** Start of the whitespace run being read, or -1. */
  private whitespaceStart = -1;
  private lineBreaks = 0;

  constructor(
    private text: string,
    start: number,
    end: number,
    private readonly keepCase: boolean,
  ) {
    this.position = start;
    this.end = end;
    this.singleUnitFolds = keepCase ? singleUnitKeptFold : singleUnitLowerFold;
  }

  /** Walks `text[start, end)` from its start, as a new cursor would. */
  restart(text: string, start: number, end: number): void {
    this.text = text;
    this.position = start;
    this.end = end;
    this.expansion = '';
    this.expansionIndex = 0;
    this.whitespaceStart = -1;
    this.lineBreaks = 0;
  }

  /** The folded code point the current unit starts, a surrogate pair read whole. */
  unitCodePoint(): number {
    // A high surrogate only ever comes from an expansion, never from the fast path.
    const isHighSurrogate = this.unit >= 0xd800 && this.unit < 0xdc00;
    return isHighSurrogate ? (this.expansion.codePointAt(this.expansionIndex - 1) ?? this.unit) : this.unit;
  }

  /**
   * Where the next source code point starts when nothing read is left to
   * hand out (no folded form half given, no whitespace run open), else -1:
   * a caller may then read the next units itself and `resumeAt` after them.
   */
  get idleAt(): number {
    return this.expansionIndex < this.expansion.length || this.whitespaceStart >= 0 ? -1 : this.position;
  }

  /** Goes on from `position`, a code point's start, when `idleAt` said the cursor had nothing left to hand out. */
  resumeAt(position: number): void {
    this.position = position;
  }

  next(): boolean {
    if (this.expansionIndex < this.expansion.length) {
      this.unit = this.expansion.charCodeAt(this.expansionIndex++);
      this.startsSourceCodePoint = false;
      return true;
    }
    const offset = this.position;
    if (offset < this.end && this.whitespaceStart < 0) {
      const folded = plainUnitAt(this.singleUnitFolds, this.text, offset, this.end);
      if (folded !== 0) {
        this.position = offset + 1;
        this.unitSource = offset;
        this.unit = folded;
        this.startsSourceCodePoint = true;
        return true;
      }
    }
    return this.nextSlowly();
  }

  /** next() for whitespace, marks, invisible characters, surrogates and multi-unit folds. */
  private nextSlowly(): boolean {
    const text = this.text;
    const end = this.end;
    while (this.position < end) {
      const offset = this.position;
      const codePoint = codePointAt(text, offset, end);
      const entry = codePoint < 128 ? ASCII_ENTRIES[codePoint] : entryFor(codePoint);
      if (entry.kind === OUTPUT) {
        if (this.whitespaceStart >= 0) return this.emitWhitespace();
        this.position = offset + (codePoint >= 0x10000 ? 2 : 1);
        this.unitSource = offset;
        return this.startExpansion(this.keepCase ? entry.kept : entry.lower);
      }
      if (entry.kind === WHITESPACE) {
        if (this.whitespaceStart < 0) {
          this.whitespaceStart = offset;
          this.lineBreaks = 0;
        }
        const isCrBeforeLf = codePoint === CARRIAGE_RETURN && offset + 1 < end && text.charCodeAt(offset + 1) === LINE_FEED;
        if (!isCrBeforeLf) this.lineBreaks += entry.lineBreaks;
      }
      this.position = offset + (codePoint >= 0x10000 ? 2 : 1);
    }
    if (this.whitespaceStart >= 0) return this.emitWhitespace();
    return false;
  }

  private emitWhitespace(): true {
    this.unitSource = this.whitespaceStart;
    this.whitespaceStart = -1;
    return this.startExpansion(this.lineBreaks >= 2 ? '\n' : ' ');
  }

  private startExpansion(folded: string): true {
    this.expansion = folded;
    this.expansionIndex = 1;
    this.unit = folded.charCodeAt(0);
    this.startsSourceCodePoint = true;
    return true;
  }
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit < 0xdc00;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit < 0xe000;
}

/**
 * The fold's fast path: the fold of the code unit at `offset` (by `folds`,
 * singleUnitLowerFold or singleUnitKeptFold) when it is one plain unit, or
 * a space for a lone space before one (the commonest whitespace run, no need
 * to read it as a run); else 0. Only where no whitespace run is open.
 */
function plainUnitAt(folds: Uint16Array, text: string, offset: number, end: number): number {
  const code = text.charCodeAt(offset);
  const folded = folds[code];
  return folded === 0 && code === SPACE && offset + 1 < end && folds[text.charCodeAt(offset + 1)] !== 0 ? SPACE : folded;
}

/** The code point at `offset`; a surrogate pair cut by `end` reads as a lone surrogate. */
function codePointAt(text: string, offset: number, end: number): number {
  const unit = text.charCodeAt(offset);
  if (unit >= 0xd800 && unit < 0xdc00 && offset + 1 < end) {
    const low = text.charCodeAt(offset + 1);
    if (low >= 0xdc00 && low < 0xe000) return ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return unit;
}

/**
 * Where a match whose last folded unit comes from the code point at `offset`
 * ends in the source: after that code point and the combining marks that
 * follow it (a decomposed é belongs to the match).
 */
function sourceEndAfter(text: string, offset: number, end: number): number {
  let position = offset + (codePointAt(text, offset, end) >= 0x10000 ? 2 : 1);
  while (position < end) {
    const codePoint = codePointAt(text, position, end);
    if (codePoint < 0x300 || entryFor(codePoint).kind !== MARK) break;
    position += codePoint >= 0x10000 ? 2 : 1;
  }
  return position;
}

/**
 * The string of `scratchUnits[0, length)`. `fromCharCode.apply` over the typed array
 * itself: spreading it (an iterator per call) cost six times as much on a
 * claim's words. Chunked, since an argument list has a bounded length;
 * fromCharCode keeps lone surrogates, which TextDecoder would replace.
 */
function unitsToString(length: number): string {
  if (length < VIEWS_KEPT) return String.fromCharCode.apply(null, (scratchViews[length] ??= scratchUnits.subarray(0, length)) as unknown as number[]);
  return stringOfUnits(scratchUnits, 0, length);
}

/** How many units one `fromCharCode.apply` is given: an argument list has a bounded length (a word of 200,000 letters overflowed the stack). */
const UNITS_PER_CALL = 0x2000;

/** The string of `units[from, to)`, lone surrogates kept, in calls of a bounded length. */
export function stringOfUnits(units: Uint16Array, from: number, to: number): string {
  if (to - from <= UNITS_PER_CALL) return String.fromCharCode.apply(null, units.subarray(from, to) as unknown as number[]);
  const parts: string[] = [];
  for (let i = from; i < to; i += UNITS_PER_CALL) {
    parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(to, i + UNITS_PER_CALL)) as unknown as number[]));
  }
  return parts.join('');
}

/**
 * Where folds are written, reused from call to call: the value check folds
 * each of a claim's segments apart (tens of units each), and allocating
 * typed arrays cost more than filling them. Grown, never shrunk.
 */
let scratchUnits = new Uint16Array(1024);
let scratchOffsets = new Int32Array(scratchUnits.length + 1);
/** Folds shorter than this (nearly all: words, phrases) read `scratchUnits` through a view kept for their length. */
const VIEWS_KEPT = 512;
/**
 * Views of `scratchUnits[0, length)` by length, made once each: a view made
 * per fold for `fromCharCode` was a sixth of what folding allocated when
 * the value check folded its claims' segments into strings (it reads the
 * units now: foldUnitsBriefly).
 */
let scratchViews = noViews();
/** The folding cursors, reused from fold to fold (folds never nest), without and with case. */
const lowerCursor = new FoldCursor('', 0, 0, false);
const keptCaseCursor = new FoldCursor('', 0, 0, true);

/** A table for scratchViews, filled so that its elements stay packed. */
function noViews(): (Uint16Array | undefined)[] {
  return new Array<Uint16Array | undefined>(VIEWS_KEPT).fill(undefined);
}

/** Folds `text[start, end)` into the scratch arrays and returns the folded length; `scratchOffsets[length]` is `end`. */
function foldIntoScratch(text: string, start: number, end: number, keepCase: boolean): number {
  let length = 0;
  const cursor = keepCase ? keptCaseCursor : lowerCursor;
  cursor.restart(text, start, end);
  while (cursor.next()) {
    if (length + 1 >= scratchUnits.length) {
      const grownUnits = new Uint16Array(scratchUnits.length * 2);
      grownUnits.set(scratchUnits);
      scratchUnits = grownUnits;
      scratchViews = noViews();
      const grownOffsets = new Int32Array(scratchUnits.length + 1);
      grownOffsets.set(scratchOffsets);
      scratchOffsets = grownOffsets;
    }
    scratchUnits[length] = cursor.unit;
    scratchOffsets[length] = cursor.unitSource;
    length++;
  }
  scratchOffsets[length] = end;
  // The cursor would otherwise hold the text until the next fold.
  cursor.restart('', 0, 0);
  return length;
}

/** The fold of `text[start, end)` (clamped to the text), its offsets left in `scratchOffsets`. */
function foldIntoString(text: string, start: number, end: number, keepCase: boolean): string {
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  // Folded first: folding may grow, and so replace, the scratch arrays.
  const length = foldIntoScratch(text, start, end, keepCase);
  return unitsToString(length);
}

function foldRange(text: string, start: number, end: number, keepCase: boolean): FoldedText {
  const folded = foldIntoString(text, start, end, keepCase);
  return { folded, sourceOffsets: scratchOffsets.slice(0, folded.length + 1) };
}

/** A fold left in the shared scratch arrays: `units[0, length)`, and `sourceOffsets[0, length]` as in FoldedText. */
export interface FoldedUnits {
  units: Uint16Array;
  sourceOffsets: Int32Array;
  length: number;
}

/** What foldUnitsBriefly returns, rewritten by each call. */
const briefFold: FoldedUnits = { units: scratchUnits, sourceOffsets: scratchOffsets, length: 0 };

/**
 * foldText for a reader that reads the fold at once and keeps none of it:
 * the units and offsets are the shared scratch arrays, good until the next
 * fold, and no string is made (the value check cuts each of a claim's
 * segments into words, and a string of the whole segment was garbage as
 * soon as its words were read). The object returned is shared too.
 */
export function foldUnitsBriefly(text: string, start: number, end: number): FoldedUnits {
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  // Folded first: folding may grow, and so replace, the scratch arrays.
  briefFold.length = foldIntoScratch(text, start, end, false);
  briefFold.units = scratchUnits;
  briefFold.sourceOffsets = scratchOffsets;
  return briefFold;
}

/**
 * Folds `text[start, end)` (accents, case, apostrophes, dashes, whitespace
 * runs: see the top of this file) and maps every folded unit back to its
 * source offset.
 */
export function foldText(text: string, start = 0, end = text.length): FoldedText {
  return foldRange(text, start, end, false);
}

/**
 * Whether `text[start, end)`, folded with case kept, has the capitals of a
 * case-exact group: the units of its words in capitals equal, the others
 * (which the case-folded key already matched) any case. Allocates nothing per unit.
 */
function capitalsMatch(text: string, start: number, end: number, group: CaseExactGroup<AliasEntry>): boolean {
  const { kept, inCapitals } = group;
  const cursor = new FoldCursor(text, start, end, true);
  let index = 0;
  while (cursor.next()) {
    if (index >= kept.length || (inCapitals[index] === 1 && cursor.unit !== kept.charCodeAt(index))) return false;
    index++;
  }
  return index === kept.length;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;
const WHOLE_MATCH_CACHE = 50_000;
const CAPITAL = /[\p{Lu}\p{Lt}]/u;

/**
 * The words of an alias written in capitals, as ranges of the alias: those
 * with a capital after their first letter (JNIM, FAMa, both words of
 * "AQMI-SAHARA", the UN of "the UN mission"; none in Jnim, Al-Qaïda, Iyad Ag
 * Ghali). They match case-exactly.
 */
function wordsInCapitals(alias: string): { readonly start: number; readonly end: number }[] {
  const words: { start: number; end: number }[] = [];
  for (const match of alias.matchAll(WORD)) {
    const word = match[0];
    const firstWidth = (word.codePointAt(0) ?? 0) >= 0x10000 ? 2 : 1;
    if (CAPITAL.test(word.slice(firstWidth))) words.push({ start: match.index, end: match.index + word.length });
  }
  return words;
}

/** Whether an alias has words written in capitals, which match case-exactly (see wordsInCapitals). */
export function isCaseExactAlias(alias: string): boolean {
  return wordsInCapitals(alias).length > 0;
}

/**
 * How a case-exact alias matches: its fold with the case of its words in
 * capitals kept and the other words lowercased (so "the UN mission" and "The
 * UN Mission" are one group), and which of those units must match as they are.
 */
function capitalsOf(alias: string): { readonly kept: string; readonly inCapitals: Uint8Array } {
  const capitals = wordsInCapitals(alias);
  const { folded, sourceOffsets } = foldRange(alias, 0, alias.length, true);
  let from = 0;
  let to = folded.length;
  while (from < to && isFoldedSpace(folded.charCodeAt(from))) from++;
  while (to > from && isFoldedSpace(folded.charCodeAt(to - 1))) to--;
  const inCapitals = new Uint8Array(to - from);
  let kept = '';
  for (let i = from; i < to; i++) {
    const source = sourceOffsets[i];
    const exact = capitals.some((word) => source >= word.start && source < word.end);
    inCapitals[i - from] = exact ? 1 : 0;
    const unit = folded.charAt(i);
    const lower = unit.toLowerCase();
    kept += exact || lower.length !== 1 ? unit : lower;
  }
  return { kept, inCapitals };
}

/** Aliases of one folded form that match the same texts. */
interface AliasGroup<Entry extends AliasEntry> extends Naming {
  /** The first alias of the group as the registry writes it. */
  readonly alias: string;
  readonly entityIds: string[];
  readonly entries: Entry[];
}

interface CaseExactGroup<Entry extends AliasEntry> extends AliasGroup<Entry> {
  /** The alias folded, the case of its words in capitals kept (see capitalsOf). */
  readonly kept: string;
  /** 1 for each unit of `kept` that matched text must have as it is. */
  readonly inCapitals: Uint8Array;
}

interface AliasPattern<Entry extends AliasEntry> {
  readonly key: string;
  /** Whether the word-start rule applies (the alias starts with a letter or digit). */
  readonly checksStart: boolean;
  /** Whether the word-end rule applies. */
  readonly checksEnd: boolean;
  caseFolded: AliasGroup<Entry> | undefined;
  readonly caseExact: CaseExactGroup<Entry>[];
  /**
   * The aliases that begin with the article ال and whose key, without that
   * alif, this is: they match here after the preposition ل (للجيش holds الجيش).
   */
  elidedArticle: AliasGroup<Entry> | undefined;
}

/** French elided words after which a name starts: l'armée, d'Al-Qaïda, qu'AQMI. */
const ELISIONS: ReadonlySet<string> = new Set([
  'l', 'd', 'j', 'm', 'n', 's', 't', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu', 'quelqu',
]);
const LONGEST_ELISION = 6;

/** Whether a code point is an Arabic-script letter (folded text holds no harakat or tatweel). */
export function isArabicLetter(codePoint: number): boolean {
  return (
    (codePoint >= 0x0620 && codePoint <= 0x064a) ||
    (codePoint >= 0x066e && codePoint <= 0x06d3) ||
    (codePoint >= 0x0750 && codePoint <= 0x077f) ||
    (codePoint >= 0x08a0 && codePoint <= 0x08c9)
  );
}

const ARABIC_LAM = '\u0644';
const ARABIC_ALIF = '\u0627';
/** The article ال, folded. */
export const ARABIC_ARTICLE = ARABIC_ALIF + ARABIC_LAM;

/**
 * The chains of proclitics written attached to an Arabic word, folded: an
 * optional conjunction (و, ف), an optional preposition (ب, ك, ل) and an
 * optional article (ال), where ل + ال is written لل. A name may start after
 * any of them: وفاغنر, بالجيش, للجيش, وبالجيش.
 */
export const ARABIC_PROCLITIC_CHAINS: ReadonlySet<string> = (() => {
  const chains = new Set<string>();
  for (const conjunction of ['', '\u0648', '\u0641']) {
    for (const preposition of ['', '\u0628', '\u0643', ARABIC_LAM]) {
      for (const article of ['', ARABIC_ARTICLE]) {
        const attached = preposition === ARABIC_LAM && article !== '' ? ARABIC_LAM + ARABIC_LAM : preposition + article;
        if (conjunction + attached !== '') chains.add(conjunction + attached);
      }
    }
  }
  return chains;
})();
export const LONGEST_ARABIC_PROCLITIC_CHAIN = 4;

/**
 * The chains after which an alias that begins with the article ال matches
 * with its alif elided (للجيش holds الجيش): the preposition ل, with or
 * without a conjunction.
 */
const LAM_PREPOSITION_CHAINS: ReadonlySet<string> = new Set([ARABIC_LAM, '\u0648' + ARABIC_LAM, '\u0641' + ARABIC_LAM]);

/** The letters the proclitic chains are made of: after any other letter, no word starts. */
const PROCLITIC_LETTERS: ReadonlySet<number> = new Set([...[...ARABIC_PROCLITIC_CHAINS].join('')].map((letter) => letter.charCodeAt(0)));

/** What a code unit of scanned text is to AliasMatcher.scan: its fold begins a key that must start a word; */
const RAW_STARTS = 2;
/** its fold begins a key that may start anywhere, or it is a surrogate; */
const RAW_STARTS_ANYWHERE = 4;
/** it folds to one letter or digit after which no word starts (see PROCLITIC_LETTERS). */
const RAW_IN_WORD = 8;
/** A unit not classified yet: it may start anything, so the scan stops at it and classifies it. */
const RAW_UNKNOWN = 0x10 | RAW_STARTS | RAW_STARTS_ANYWHERE;

/** What the word-start rules say of a start (AliasMatcher.startRulesAt): a word starts there; */
const STARTS_WORD = 1;
/** it follows the preposition ل, where an alias that begins with the article matches with its alif elided. */
const FOLLOWS_LAM_PREPOSITION = 2;

/** Articles `matchWhole` looks past; longer first where one begins another. */
const LEADING_ARTICLES: readonly string[] = [
  'de la ', "de l'", 'les ', 'le ', 'la ', "l'", 'une ', 'un ', 'des ', 'du ', "d'", 'the ', 'an ', 'a ',
];

/**
 * How many folded units before a start the word-start rules read at most:
 * an apostrophe, an elided word one letter longer than the longest (which
 * tells it is not one), and the code point before that, a surrogate pair.
 */
const LOOKBACK = LONGEST_ELISION + 4;
/** The window's size, a power of two above LOOKBACK. */
const WINDOW_SIZE = 16;

/** The folded units just before a start (LOOKBACK of them, or all since the scanned range's start), which the word-start rules read. */
class FoldedWindow {
  private readonly units = new Uint16Array(WINDOW_SIZE);

  push(index: number, unit: number): void {
    this.units[index & (WINDOW_SIZE - 1)] = unit;
  }

  unitAt(index: number): number {
    return this.units[index & (WINDOW_SIZE - 1)];
  }

  /** The code point that ends just before `index` (index >= 1). */
  codePointBefore(index: number): number {
    const unit = this.unitAt(index - 1);
    if (unit >= 0xdc00 && unit < 0xe000 && index >= 2) {
      const high = this.unitAt(index - 2);
      if (high >= 0xd800 && high < 0xdc00) return ((high - 0xd800) << 10) + (unit - 0xdc00) + 0x10000;
    }
    return unit;
  }

  /** Whether a name may start at `index`: see the rules in AliasMatcher. */
  isWordStart(index: number): boolean {
    if (index === 0) return true;
    const before = this.codePointBefore(index);
    if (before === APOSTROPHE) {
      // An apostrophe with no letter before it is an opening quote.
      if (index === 1 || !isWordCodePoint(this.codePointBefore(index - 1))) return true;
      return this.isElisionBefore(index - 1);
    }
    if (!isWordCodePoint(before)) return true;
    if (!isArabicLetter(before)) return false;
    const chain = this.procliticChainBefore(index);
    return chain !== undefined && ARABIC_PROCLITIC_CHAINS.has(chain);
  }

  /** Whether the Arabic letters before `index` are the preposition ل (with or without a conjunction) and nothing more. */
  followsLamPreposition(index: number): boolean {
    const chain = index > 0 && isArabicLetter(this.codePointBefore(index)) ? this.procliticChainBefore(index) : undefined;
    return chain !== undefined && LAM_PREPOSITION_CHAINS.has(chain);
  }

  /** The Arabic letters from the start of the word to `index`, if they are few enough to be proclitics. */
  private procliticChainBefore(index: number): string | undefined {
    let wordStart = index;
    while (wordStart > 0 && index - wordStart < LONGEST_ARABIC_PROCLITIC_CHAIN && isArabicLetter(this.unitAt(wordStart - 1))) wordStart--;
    if (wordStart > 0 && isWordCodePoint(this.codePointBefore(wordStart))) return undefined;
    let chain = '';
    for (let i = wordStart; i < index; i++) chain += String.fromCharCode(this.unitAt(i));
    return chain;
  }

  private isElisionBefore(apostrophe: number): boolean {
    let wordStart = apostrophe;
    while (wordStart > 0 && apostrophe - wordStart <= LONGEST_ELISION) {
      const unit = this.unitAt(wordStart - 1);
      if (unit < 0x61 || unit > 0x7a) break;
      wordStart--;
    }
    if (wordStart > 0 && isWordCodePoint(this.codePointBefore(wordStart))) return false;
    let word = '';
    for (let i = wordStart; i < apostrophe; i++) word += String.fromCharCode(this.unitAt(i));
    return ELISIONS.has(word);
  }
}

/**
 * Finds registry aliases in text. Build it once per registry; it is
 * immutable afterwards and may serve any number of scans.
 *
 * A match starts at a word start: at the start of the scanned range, or after
 * a character that is not a letter or digit (so `#Niafunké` and `(JNIM)`
 * match), or after an apostrophe that opens a quote or ends an elided word
 * (`l'armée`, `d'Al-Qaïda`, `qu'AQMI`; not `hui` in `aujourd'hui`), or,
 * in Arabic script, after a chain of attached proclitics (`وفاغنر`,
 * `وبالجيش`; ARABIC_PROCLITIC_CHAINS), where an alias that begins with the
 * article also matches with its alif elided after ل (`للجيش`). It ends
 * at a word end: the end of the range or a character that is not a letter or
 * digit (`JNIM's` matches, `JNIMs` does not). Among the candidates the
 * leftmost wins, then the longest; matches never overlap.
 */
export class AliasMatcher<Entry extends AliasEntry = AliasEntry> {
  private readonly patterns = new Map<string, AliasPattern<Entry>>();
  /**
   * matchWhole's answers by span text: mention texts repeat across a corpus
   * ("le JNIM", "l'armée malienne"), and folding each afresh was most of the
   * cost of checking mentions. Bounded, and owned by this matcher, so a new
   * registry starts empty.
   */
  private readonly wholeMatches = new Map<string, readonly string[]>();
  /** What a walk folds the units the fold's fast path does not give with (see walk): scans never overlap. */
  private cursor: FoldCursor | undefined;
  /** What the word-start rules fold the text before a start with, and read (see startRulesAt). */
  private lookbackCursor: FoldCursor | undefined;
  private readonly lookback = new FoldedWindow();
  /** Where a scan collects its candidates, emptied by the next: chooseLeftmostLongest copies out those kept. */
  private readonly candidates: AliasMatch[] = [];
  /** Pattern ending at each trie node, or undefined. */
  private readonly patternAt: (AliasPattern<Entry> | undefined)[];
  /** The trie of the folded keys, dense: `children[node * classCount + classOf[unit]]`, 0 (the root, nobody's child) where no key goes on. */
  private readonly children: Int32Array;
  /** Alphabet class of each UTF-16 unit; 0 for units no alias uses. */
  private readonly classOf: Int32Array;
  private readonly classCount: number;
  /** First units of the keys that begin with no letter or digit (`#JNIM`): they start anywhere, not only at a word start. */
  private readonly startAnywhere: ReadonlySet<number>;
  /** What each UTF-16 unit of scanned text is to the scan (RAW_* bits, see rawKindOf), filled as units are met; RAW_UNKNOWN where not yet. */
  private readonly rawKinds = new Uint8Array(0x10000).fill(RAW_UNKNOWN);
  /** The registry's aliases, in its order. */
  private readonly entries: readonly Entry[];

  constructor(entries: Iterable<Entry>) {
    this.entries = [...entries];
    for (const entry of this.entries) this.add(entry);
    this.addElidedArticleKeys();
    const keys = [...this.patterns.keys()];

    this.classOf = new Int32Array(0x10000);
    let classCount = 1;
    for (const key of keys) {
      for (let i = 0; i < key.length; i++) {
        const unit = key.charCodeAt(i);
        if (this.classOf[unit] === 0) this.classOf[unit] = classCount++;
      }
    }
    this.classCount = classCount;
    this.startAnywhere = new Set([...this.patterns.values()].filter((pattern) => !pattern.checksStart).map((pattern) => pattern.key.charCodeAt(0)));

    // The trie, its edges keyed by state * classCount + class.
    const edges = new Map<number, number>();
    const patternAt: (AliasPattern<Entry> | undefined)[] = [undefined];
    for (const key of keys) {
      let state = 0;
      for (let i = 0; i < key.length; i++) {
        const edge = state * classCount + this.classOf[key.charCodeAt(i)];
        let next = edges.get(edge);
        if (next === undefined) {
          next = patternAt.length;
          patternAt.push(undefined);
          edges.set(edge, next);
        }
        state = next;
      }
      patternAt[state] = this.patterns.get(key);
    }
    this.patternAt = patternAt;
    this.children = new Int32Array(patternAt.length * classCount);
    for (const [edge, child] of edges) this.children[edge] = child;
  }

  private add(entry: Entry): void {
    const key = foldText(entry.alias).folded.trim();
    if (key === '') return;
    let pattern = this.patterns.get(key);
    if (pattern === undefined) {
      pattern = {
        key,
        checksStart: isWordCodePoint(key.codePointAt(0) ?? 0),
        checksEnd: isWordCodePoint(lastCodePoint(key)),
        caseFolded: undefined,
        caseExact: [],
        elidedArticle: undefined,
      };
      this.patterns.set(key, pattern);
    }
    let group: AliasGroup<Entry>;
    if (isCaseExactAlias(entry.alias)) {
      const { kept, inCapitals } = capitalsOf(entry.alias);
      let exact = pattern.caseExact.find((candidate) => candidate.kept === kept);
      if (exact === undefined) {
        exact = { alias: entry.alias, kept, inCapitals, entityIds: [], entries: [] };
        pattern.caseExact.push(exact);
      }
      group = exact;
    } else {
      pattern.caseFolded ??= { alias: entry.alias, entityIds: [], entries: [] };
      group = pattern.caseFolded;
    }
    group.entries.push(entry);
    if (!group.entityIds.includes(entry.entityId)) group.entityIds.push(entry.entityId);
  }

  /**
   * Arabic writes the preposition ل before the article ال as لل, dropping
   * the article's alif: each alias that begins with the article is also
   * looked for without that alif, and accepted only after ل (see collect).
   */
  private addElidedArticleKeys(): void {
    for (const pattern of [...this.patterns.values()]) {
      const group = pattern.caseFolded;
      const key = pattern.key;
      if (group === undefined || !key.startsWith(ARABIC_ARTICLE) || !isArabicLetter(key.codePointAt(ARABIC_ARTICLE.length) ?? 0)) continue;
      const elidedKey = key.slice(1);
      let elided = this.patterns.get(elidedKey);
      if (elided === undefined) {
        elided = { key: elidedKey, checksStart: true, checksEnd: pattern.checksEnd, caseFolded: undefined, caseExact: [], elidedArticle: undefined };
        this.patterns.set(elidedKey, elided);
      }
      elided.elidedArticle = group;
    }
  }

  /**
   * The aliases in `text[start, end)`, in text order. The ends of the range
   * count as word boundaries.
   *
   * Most of the text starts no alias, and is read raw: a code unit is looked
   * up in rawKinds, and the trie is walked (the text folded on the way) only
   * from a unit whose fold begins some key, where a word may start. That
   * test lets through every start the rules (see AliasMatcher) may accept:
   * the one unit before it rules a start out only when it folds to one
   * letter or digit that makes no elision or proclitic chain.
   */
  scan(text: string, start = 0, end = text.length): readonly AliasMatch[] {
    start = Math.max(0, start);
    end = Math.min(end, text.length);
    if (this.patterns.size === 0 || start >= end) return NO_MATCHES;
    const { rawKinds, children, classOf, classCount, patternAt } = this;
    // One list per matcher: a 10,000-report check scans 170,000 text segments, most naming no alias.
    const candidates = this.candidates;
    candidates.length = 0;
    // Which kinds of unit start a walk here: any after a unit that is no RAW_IN_WORD.
    let walksFrom = RAW_STARTS | RAW_STARTS_ANYWHERE;
    let position = start;
    while (position < end) {
      // To the next unit a walk may start from, in a loop that calls nothing: with a call in it (even one never
      // made) the loop took half as long again over the bench corpus, its values stored and loaded around the call.
      let kind = 0;
      while (position < end) {
        kind = rawKinds[text.charCodeAt(position)];
        if ((kind & walksFrom) !== 0) break;
        walksFrom = (kind & RAW_IN_WORD) !== 0 ? RAW_STARTS_ANYWHERE : RAW_STARTS | RAW_STARTS_ANYWHERE;
        position++;
      }
      if (position === end) break;
      // A unit not met yet reads as one that may start anything (RAW_UNKNOWN), so that it is classified here.
      if (kind === RAW_UNKNOWN) kind = this.rawKindOf(text.charCodeAt(position));
      if ((kind & walksFrom) !== 0) {
        // The trie followed here while the units are plain and no key ends: most starts go no further than a few
        // units ("des", "de "), and only one that reaches a key's end or another kind of unit is walked whole.
        let node = 0;
        for (let at = position; at < end; at++) {
          const unit = plainUnitAt(singleUnitLowerFold, text, at, end);
          node = unit === 0 ? -1 : children[node * classCount + classOf[unit]];
          if (node <= 0) break;
          if (patternAt[node] !== undefined) {
            node = -1;
            break;
          }
        }
        if (node < 0) this.walk(text, start, position, end, candidates);
      }
      walksFrom = (kind & RAW_IN_WORD) !== 0 ? RAW_STARTS_ANYWHERE : RAW_STARTS | RAW_STARTS_ANYWHERE;
      position++;
    }
    // The matcher outlives the texts it scans: it keeps none of them.
    this.cursor?.restart('', 0, 0);
    this.lookbackCursor?.restart('', 0, 0);
    return candidates.length === 0 ? NO_MATCHES : chooseLeftmostLongest(candidates);
  }

  /** What a code unit of text is to the scan (RAW_* bits), remembered in rawKinds. */
  private rawKindOf(code: number): number {
    let kind = 0;
    if (code >= 0xd800 && code < 0xe000) {
      // A surrogate's code point is read whole by the walk, which tells whether it starts anything.
      kind = RAW_STARTS_ANYWHERE;
    } else {
      const entry = code < 128 ? ASCII_ENTRIES[code] : entryFor(code);
      if (entry.kind === OUTPUT) {
        const first = entry.lower.charCodeAt(0);
        if (this.children[this.classOf[first]] !== 0) kind |= this.startAnywhere.has(first) ? RAW_STARTS_ANYWHERE : RAW_STARTS;
        if (entry.lower.length === 1 && isWordCodePoint(first) && !PROCLITIC_LETTERS.has(first)) kind |= RAW_IN_WORD;
      }
    }
    this.rawKinds[code] = kind;
    return kind;
  }

  /**
   * Walks the trie from the code point at `from`, folding the text on the
   * way (plain units read in place, the others through a cursor), and collects
   * every alias that starts there and ends at a word end.
   */
  private walk(text: string, rangeStart: number, from: number, end: number, candidates: AliasMatch[]): void {
    // The second unit of a surrogate pair starts no code point.
    if (from > rangeStart && isLowSurrogate(text.charCodeAt(from)) && isHighSurrogate(text.charCodeAt(from - 1))) return;
    const { children, classOf, classCount, patternAt } = this;
    let node = 0;
    // A pattern that ends here, waiting for the next unit to tell whether it ends a word; the source of its last unit.
    let pending: AliasPattern<Entry> | undefined;
    let pendingSource = 0;
    let position = from;
    while (position < end) {
      const unit = plainUnitAt(singleUnitLowerFold, text, position, end);
      if (unit !== 0) {
        if (pending !== undefined) {
          this.collect(text, rangeStart, from, end, pending, pendingSource, isWordCodePoint(unit), candidates);
          pending = undefined;
        }
        node = children[node * classCount + classOf[unit]];
        if (node === 0) return;
        if (patternAt[node] !== undefined) {
          pending = patternAt[node];
          pendingSource = position;
        }
        position++;
        continue;
      }
      // Anything else (whitespace runs, marks, multi-unit folds, surrogates) through the cursor, until it has nothing left to hand out.
      const cursor = (this.cursor ??= new FoldCursor('', 0, 0, false));
      cursor.restart(text, position, end);
      position = end;
      while (cursor.next()) {
        // A code point that folds to nothing (an astral mark) starts nothing: what follows it is walked from its own start.
        if (node === 0 && cursor.unitSource !== from) return;
        const folded = cursor.unit;
        if (pending !== undefined) {
          // An alias ending inside one code point's folded form (œ → oe) is no match.
          if (cursor.startsSourceCodePoint) {
            this.collect(text, rangeStart, from, end, pending, pendingSource, isWordCodePoint(cursor.unitCodePoint()), candidates);
          }
          pending = undefined;
        }
        node = children[node * classCount + classOf[folded]];
        if (node === 0) return;
        if (patternAt[node] !== undefined) {
          pending = patternAt[node];
          pendingSource = cursor.unitSource;
        }
        const idleAt = cursor.idleAt;
        if (idleAt >= 0) {
          position = idleAt;
          break;
        }
      }
    }
    if (pending !== undefined) this.collect(text, rangeStart, from, end, pending, pendingSource, false, candidates);
  }

  private collect(
    text: string,
    rangeStart: number,
    from: number,
    end: number,
    pattern: AliasPattern<Entry>,
    lastSource: number,
    nextIsWord: boolean,
    candidates: AliasMatch[],
  ): void {
    if (pattern.checksEnd && nextIsWord) return;
    const sourceEnd = sourceEndAfter(text, lastSource, end);
    const rules = pattern.checksStart || pattern.elidedArticle !== undefined ? this.startRulesAt(text, rangeStart, from, end) : STARTS_WORD;
    let named: Naming | undefined;
    if (!pattern.checksStart || (rules & STARTS_WORD) !== 0) named = accept(pattern, text, from, sourceEnd);
    if (named === undefined && pattern.elidedArticle !== undefined && (rules & FOLLOWS_LAM_PREPOSITION) !== 0) named = pattern.elidedArticle;
    if (named !== undefined) candidates.push({ start: from, end: sourceEnd, alias: named.alias, entityIds: named.entityIds });
  }

  /**
   * What the word-start rules say of the code point at `from` (STARTS_WORD,
   * FOLLOWS_LAM_PREPOSITION), read from the folded units before it: the text
   * is folded again from a code point far enough back to give LOOKBACK of
   * them, or from the range's start.
   */
  private startRulesAt(text: string, rangeStart: number, from: number, end: number): number {
    if (from === rangeStart) return STARTS_WORD;
    const before = text.charCodeAt(from - 1);
    if (before < 128) {
      // After whitespace, or punctuation other than an apostrophe: a word starts, and no proclitic is before it.
      const entry = ASCII_ENTRIES[before];
      if (entry.kind === WHITESPACE || (entry.kind === OUTPUT && entry.lower !== "'" && !isWordCodePoint(entry.lower.charCodeAt(0)))) return STARTS_WORD;
    }
    let back = from;
    let units = 0;
    while (back > rangeStart && units < LOOKBACK) {
      back--;
      if (back > rangeStart && isLowSurrogate(text.charCodeAt(back)) && isHighSurrogate(text.charCodeAt(back - 1))) back--;
      const entry = entryFor(codePointAt(text, back, end));
      // Whitespace counted as nothing: a run folds to one unit, however long.
      if (entry.kind === OUTPUT) units += entry.lower.length;
    }
    // `back` is the range's start or a code point that folds to something, where folding again gives the same units.
    const cursor = (this.lookbackCursor ??= new FoldCursor('', 0, 0, false));
    cursor.restart(text, back, end);
    const window = this.lookback;
    let index = 0;
    while (cursor.next() && cursor.unitSource < from) window.push(index++, cursor.unit);
    return (window.isWordStart(index) ? STARTS_WORD : 0) | (window.followsLamPreposition(index) ? FOLLOWS_LAM_PREPOSITION : 0);
  }

  /**
   * The entities a span's whole text names, for `mention-mismatch`: the text,
   * trimmed and folded (so whitespace runs count as one space), must equal an
   * alias, either as it is or after a leading article (le, la, les, l', un,
   * une, des, du, de la, de l', d', the, a, an) or, in Arabic, after the
   * proclitics attached to its first word (وفاغنر, للجيش المالي). Empty when
   * it names none.
   */
  matchWhole(text: string): readonly string[] {
    const known = this.wholeMatches.get(text);
    if (known !== undefined) return known;
    const found = this.matchWholeUncached(text);
    if (this.wholeMatches.size >= WHOLE_MATCH_CACHE) this.wholeMatches.clear();
    this.wholeMatches.set(text, found);
    return found;
  }

  private matchWholeUncached(text: string): readonly string[] {
    const { folded, sourceOffsets } = foldText(text);
    let from = 0;
    let to = folded.length;
    while (from < to && isFoldedSpace(folded.charCodeAt(from))) from++;
    while (to > from && isFoldedSpace(folded.charCodeAt(to - 1))) to--;
    const lookUp = (keyStart: number): readonly string[] | undefined => {
      const pattern = this.patterns.get(folded.slice(keyStart, to));
      if (pattern === undefined) return undefined;
      // The range starts at a folded letter and stops where trailing whitespace starts.
      return accept(pattern, text, sourceOffsets[keyStart], sourceOffsets[to])?.entityIds;
    };
    const whole = lookUp(from);
    if (whole !== undefined) return whole;
    const article = LEADING_ARTICLES.find((candidate) => folded.startsWith(candidate, from));
    if (article !== undefined) {
      let rest = from + article.length;
      while (rest < to && isFoldedSpace(folded.charCodeAt(rest))) rest++;
      return rest < to ? (lookUp(rest) ?? []) : [];
    }
    for (let length = 1; length <= LONGEST_ARABIC_PROCLITIC_CHAIN && from + length < to; length++) {
      const chain = folded.slice(from, from + length);
      if (!ARABIC_PROCLITIC_CHAINS.has(chain) || !isArabicLetter(folded.charCodeAt(from + length))) continue;
      const named = lookUp(from + length);
      if (named !== undefined) return named;
      const elided = LAM_PREPOSITION_CHAINS.has(chain) ? this.patterns.get(folded.slice(from + length, to))?.elidedArticle : undefined;
      if (elided !== undefined) return elided.entityIds;
    }
    return [];
  }

  /**
   * Folded aliases under which the registry lists two or more entities, so
   * that some text would name them all (`ambiguous-alias`). Two case-exact
   * aliases whose capitals differ (ABC, AbC) never match the same text and
   * are not ambiguous together; "aBC DE" and "abc DE" are, since "aBC DE"
   * matches both.
   */
  ambiguousAliases(): AmbiguousAlias<Entry>[] {
    const ambiguous: AmbiguousAlias<Entry>[] = [];
    for (const pattern of this.patterns.values()) {
      const foldedIds = pattern.caseFolded?.entityIds ?? [];
      const involved: AliasGroup<Entry>[] = [];
      for (const exact of pattern.caseExact) {
        const clashing = pattern.caseExact.filter((other) => other !== exact && capitalsAgree(exact, other));
        const named = clashing.reduce((ids, other) => union(ids, other.entityIds), union(foldedIds, exact.entityIds));
        if (named.length >= 2) involved.push(exact);
      }
      if (pattern.caseFolded !== undefined && (foldedIds.length >= 2 || involved.length > 0)) involved.push(pattern.caseFolded);
      if (involved.length === 0) continue;
      const involvedEntries = new Set(involved.flatMap((group) => group.entries));
      const entries = this.entries.filter((entry) => involvedEntries.has(entry));
      ambiguous.push({ folded: pattern.key, entityIds: [...new Set(entries.map((entry) => entry.entityId))], entries });
    }
    return ambiguous;
  }
}

function isFoldedSpace(unit: number): boolean {
  return unit === 0x20 || unit === LINE_FEED;
}

function lastCodePoint(text: string): number {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xdc00 && last < 0xe000 && text.length >= 2 ? (text.codePointAt(text.length - 2) ?? last) : last;
}

function union(first: readonly string[], second: readonly string[]): string[] {
  const ids = [...first];
  for (const id of second) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/** Whom some text names: an alias as the registry writes it and its entities. */
interface Naming {
  readonly alias: string;
  readonly entityIds: readonly string[];
}

/** Whether some text has the capitals of both case-exact groups: they agree wherever both keep case. */
function capitalsAgree(first: CaseExactGroup<AliasEntry>, second: CaseExactGroup<AliasEntry>): boolean {
  if (first.kept.length !== second.kept.length) return false;
  for (let i = 0; i < first.kept.length; i++) {
    if (first.inCapitals[i] === 1 && second.inCapitals[i] === 1 && first.kept.charCodeAt(i) !== second.kept.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * What `text[start, end)`, which folds to `pattern.key`, names: the
 * case-folded aliases always, and the case-exact groups whose capitals the
 * text has (the first of them gives the alias). Allocates only when two
 * groups name something.
 */
function accept<Entry extends AliasEntry>(pattern: AliasPattern<Entry>, text: string, start: number, end: number): Naming | undefined {
  let named: Naming | undefined;
  for (const exact of pattern.caseExact) {
    if (!capitalsMatch(text, start, end, exact)) continue;
    named = named === undefined ? exact : { alias: named.alias, entityIds: union(named.entityIds, exact.entityIds) };
  }
  const folded = pattern.caseFolded;
  if (named === undefined) return folded;
  if (folded === undefined) return named;
  return { alias: named.alias, entityIds: union(folded.entityIds, named.entityIds) };
}

/** What a scan that finds nothing returns: most text segments name no alias. */
const NO_MATCHES: readonly AliasMatch[] = Object.freeze([]);

/**
 * Leftmost first, then longest, never overlapping. Candidates start and end
 * on distinct code points, so source offsets order them as folded ones would.
 */
function chooseLeftmostLongest(candidates: AliasMatch[]): AliasMatch[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const matches: AliasMatch[] = [];
  let taken = 0;
  for (const candidate of candidates) {
    if (candidate.start < taken) continue;
    matches.push(candidate);
    taken = candidate.end;
  }
  return matches;
}
