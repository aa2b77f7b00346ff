// The terms the assist learns cues from and scores passages with: each word
// of a passage, folded (case, accents, Arabic letter variants) and cut to a
// rough stem, so that "tués", "tuée" and "tué", or "repoussé", "repousser"
// and "repoussées", count as one cue. No dictionary: a few suffixes are
// dropped and long words cut, which is enough to recognise a word again in
// the same press language, and harmless when two words share a stem.

import { foldText } from '../aliases';
import type { Word, Words } from '../read/words';
import type { TextRange } from '../syntax';

/** Longer stems are cut: "prisonniers" and "prisonnier" meet at "prisonn". */
const STEM_LENGTH = 7;
/** Arabic words are shorter and carry their suffixes closer to the root. */
const ARABIC_STEM_LENGTH = 6;

/** English endings dropped from words long enough to keep a stem after them. */
const ENGLISH_SUFFIXES = ['ing', 'ed'];

/**
 * Function words: in every claim and every sentence alike, they would only
 * add noise to what a few dozen annotated claims teach. Folded, as words are.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...['le', 'la', 'les', 'l', 'un', 'une', 'des', 'de', 'du', 'd', 'au', 'aux', 'a', 'en', 'dans', 'par', 'pour', 'sur', 'avec', 'sans', 'sous', 'entre', 'vers', 'chez'],
  ...['et', 'ou', 'mais', 'donc', 'car', 'ni', 'que', 'qu', 'qui', 'dont', 'ou', 'ce', 'ces', 'cet', 'cette', 'se', 's', 'sa', 'son', 'ses', 'leur', 'leurs', 'il', 'elle', 'ils', 'elles', 'on', 'y', 'ne', 'n', 'pas', 'plus', 'est', 'sont', 'ete', 'etre', 'ont', 'avait', 'avoir'],
  ...['the', 'a', 'an', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'and', 'or', 'but', 'that', 'this', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'their', 'his', 'her', 'was', 'were', 'is', 'are', 'be', 'been', 'has', 'have', 'had', 'as', 'not'],
  // Verbs that report speech say who speaks, not what is claimed: any claim may hold them.
  ...['dit', 'disent', 'affirme', 'affirment', 'assure', 'assurent', 'ajoute', 'ajoutent', 'precise', 'indique', 'declare', 'selon', 'said', 'says', 'told', 'added', 'stated', 'according'],
  ...['في', 'من', 'على', 'إلى', 'عن', 'مع', 'أن', 'إن', 'هذا', 'هذه', 'التي', 'الذي', 'الذين', 'ما', 'لا', 'لم', 'قد', 'أو', 'ثم', 'كان', 'كانت', 'بعد', 'قبل', 'حيث', 'قال', 'قالت', 'وفقا', 'بحسب'].map((word) => foldText(word).folded),
]);

/** The stem of one word, or undefined for a number, a mark, a one-letter word or a function word. */
export function stemOf(word: Word): string | undefined {
  if (word.kind !== 'word' || FUNCTION_WORDS.has(word.text)) return undefined;
  if (word.arabic) {
    // The word after its proclitics (بالجيش → جيش), its feminine ending dropped.
    let stem = word.stems?.[0]?.stem ?? word.text;
    if (stem.length > 3 && stem.endsWith('\u0647')) stem = stem.slice(0, -1);
    return stem.length < 2 ? undefined : stem.slice(0, ARABIC_STEM_LENGTH);
  }
  let stem = word.text;
  if (stem.length < 2) return undefined;
  if (stem.length > 3 && (stem.endsWith('s') || stem.endsWith('x'))) stem = stem.slice(0, -1);
  // Feminine and past participle endings: "pillées", "pillée", "pillé" and "piller" meet at "pill".
  while (stem.length > 3 && stem.endsWith('e')) stem = stem.slice(0, -1);
  for (const suffix of ENGLISH_SUFFIXES) {
    if (stem.length > suffix.length + 3 && stem.endsWith(suffix)) {
      stem = stem.slice(0, -suffix.length);
      break;
    }
  }
  return stem.slice(0, STEM_LENGTH);
}

/** Words that bound a value's neighbourhood, as clause punctuation does: "tués et deux faits prisonniers". */
const CONJUNCTIONS: ReadonlySet<string> = new Set(['et', 'and', 'ou', 'or', 'mais', 'but', 'tandis', 'while', 'whereas']);
const CLAUSE_MARKS: ReadonlySet<string> = new Set(['.', ',', ';', ':', '!', '?', '\n', '؟', '؛', '،', '(', ')']);

/** Whether a word is clause punctuation. */
export function endsClause(word: Word): boolean {
  return word.kind === 'mark' && CLAUSE_MARKS.has(word.text);
}

/** Whether a word ends the neighbourhood of a value: clause punctuation or a conjunction. */
export function boundsNeighbourhood(word: Word): boolean {
  return endsClause(word) || (word.kind === 'word' && CONJUNCTIONS.has(word.text));
}

/** Whether word `index` is a full stop of a dotted acronym ("Three U.S. Army soldiers"), which ends no clause. */
function dotOfAcronym(words: Words, index: number): boolean {
  const dot = words.list[index];
  const before = words.at(index - 1);
  if (dot.kind !== 'mark' || dot.text !== '.' || dot.spaced || before?.kind !== 'word' || before.text.length !== 1) return false;
  const after = words.at(index + 1);
  return (after?.kind === 'word' && after.text.length === 1 && !after.spaced) || (!before.spaced && words.at(index - 2)?.text === '.');
}

/** A term and how much it counts where it was found (nearer a value counts more). */
export interface WeightedTerm {
  readonly term: string;
  readonly weight: number;
}

/** How many words on each side of a value make its neighbourhood. */
export const NEIGHBOURHOOD = 6;

/** Words before a value count less than words after it in French and English ("cinq véhicules", "50 tués"). */
export const BEFORE_VALUE = 0.6;

/** How much a word counts at a distance from a value, in words: 1 next to it, 0.5 five words away. */
export function proximity(distance: number): number {
  return 1 / (1 + 0.25 * (distance - 1));
}

/** The terms around a value, and the words they were read from: [from, to) holds the value's words [first, next). */
export interface Neighbourhood {
  readonly terms: WeightedTerm[];
  readonly from: number;
  readonly to: number;
}

/**
 * An Arabic word that opens a clause with its attached و ("وأصيب 140 آخرون"
 * after "قتل نحو 200 شخص"): the conjunction bounds a value's neighbourhood
 * as "et" does in French.
 */
function opensArabicClause(word: Word | undefined): boolean {
  return word !== undefined && word.arabic && word.text.startsWith('\u0648') && (word.stems?.length ?? 0) > 0;
}

/**
 * The terms around word range [first, next) of `words`: up to NEIGHBOURHOOD
 * content words on each side, stopping at clause punctuation and
 * conjunctions (the conjunction is not read past, so "tués et deux faits
 * prisonniers" gives "deux" only its own side), nearer words weighing more,
 * and in French and English words before the value less than words after it
 * (Arabic puts the verb first: "قتل 20"). Words inside `skip` ranges
 * (mentions, other values) are passed over without a term.
 */
export function neighbourhood(words: Words, first: number, next: number, skip: readonly TextRange[] = []): Neighbourhood {
  const found = new Map<string, number>();
  const skipped = (word: Word) => skip.some((range) => word.start >= range.start && word.end <= range.end);
  const walk = (direction: -1 | 1, from: number): number => {
    let distance = 0;
    let index = from;
    for (; index >= 0 && index < words.length && distance < NEIGHBOURHOOD; index += direction) {
      const word = words.list[index];
      if ((boundsNeighbourhood(word) && !dotOfAcronym(words, index)) || (direction > 0 && opensArabicClause(word))) break;
      const term = skipped(word) ? undefined : stemOf(word);
      if (term !== undefined) {
        distance++;
        const weight = (direction < 0 && !word.arabic ? BEFORE_VALUE : 1) * proximity(distance);
        if (weight > (found.get(term) ?? 0)) found.set(term, weight);
      }
      // The word that opens the value's clause is read, and nothing before it.
      if (direction < 0 && opensArabicClause(word)) {
        index += direction;
        break;
      }
    }
    return index - direction;
  };
  const apposition = appositionOpening(words, first, next);
  const from = opensArabicClause(words.at(first)) ? first : walk(-1, apposition ?? first - 1);
  const to = walk(1, next) + 1;
  return { terms: [...found].map(([term, weight]) => ({ term, weight })), from: Math.min(from, first), to: Math.max(to, next) };
}

const QUOTES: ReadonlySet<string> = new Set(['«', '»', '"', '“', '”']);
const APPOSITION_COMMAS: ReadonlySet<string> = new Set([',', '،']);

/**
 * Where a value stands alone between commas, quoted or not, right after a
 * noun ("Les assaillants, « une cinquantaine », lourdement armés…", "The
 * attackers, about 100, came…"), the word before its first comma: the noun
 * it counts, which the neighbourhood reads past that comma. Undefined
 * otherwise.
 */
function appositionOpening(words: Words, first: number, next: number): number | undefined {
  let before = first - 1;
  if (QUOTES.has(words.at(before)?.text ?? '')) before--;
  let after = next;
  if (QUOTES.has(words.at(after)?.text ?? '')) after++;
  const opening = words.at(before);
  const closing = words.at(after);
  if (opening?.kind !== 'mark' || !APPOSITION_COMMAS.has(opening.text) || closing?.kind !== 'mark' || !APPOSITION_COMMAS.has(closing.text)) return undefined;
  return words.at(before - 1)?.kind === 'word' ? before - 1 : undefined;
}

/** The distinct terms of some words, each weighing 1, words inside `skip` ranges left out. */
export function termsOf(words: Words, skip: readonly TextRange[] = [], from = 0, to = words.length): WeightedTerm[] {
  const found = new Set<string>();
  for (let index = from; index < to; index++) {
    const word = words.list[index];
    if (skip.some((range) => word.start >= range.start && word.end <= range.end)) continue;
    const term = stemOf(word);
    if (term !== undefined) found.add(term);
  }
  return [...found].map((term) => ({ term, weight: 1 }));
}

/** The index of the first word starting at or after `offset`. */
export function wordIndexAt(words: Words, offset: number): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (words.list[middle].start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
