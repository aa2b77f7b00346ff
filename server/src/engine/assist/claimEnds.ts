// Where a suggestion ends: once the finder knows what a claim rests on —
// the words its values, its party and its hedge were read from — a clause
// it ends on that holds none of them is a second statement the sentence
// goes on to make ("Witnesses said more than a hundred gunmen arrived on
// motorbikes, split into two groups and attacked the villages, which lie
// about 7 km apart"; "Il a décrété un deuil national de trois jours et
// annoncé l'ouverture d'une enquête"), which the desks leave out of the
// claim. Pure: words and ranges in, a range out.

import { foldText } from '../aliases';
import { QuotationDepth, type Word, type Words } from '../read/words';
import type { ParsedDocument, TextRange } from '../syntax';
import { insideSpan, trimRange } from './units';

/** Words that open a clause after a comma: a coordinated or relative clause, a clause of contrast or of cause. */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  ...['and', 'which', 'where', 'while', 'whereas'],
  // "ou" is "où" folded (and "or", which opens a clause as well).
  ...['et', 'qui', 'que', 'qu', 'ou', 'dont', 'alors', 'tandis'],
  ...['اذ', 'حيث', 'بينما', 'الذي', 'التي', 'الذين', 'والذي', 'والتي', 'والذين'].map((word) => foldText(word).folded),
]);
/** Who describes a party just named ("said a local official, who asked not to be named"): kept after a party's attribution. */
const PARTY_DESCRIBERS: ReadonlySet<string> = new Set(['who', 'qui', ...['الذي', 'الذين'].map((word) => foldText(word).folded)]);
/** Words that open a passage on when it happened, after another act ("Nearly a week after last Tuesday's attack on Arbinda, the town…"). */
const AFTER: ReadonlySet<string> = new Set(['after', 'apres', 'following']);
/** How far into a passage such a word opens its adverbial ("Nearly a week after", "Une semaine après"). */
const AFTER_WORDS = 4;
/** What goes on with the party's words ("…, and that the toll was likely to rise", "…, et que…"): the statement, not a second one. */
const COMPLEMENTIZERS: ReadonlySet<string> = new Set(['that', 'que', 'qu']);
/** Conjunctions that coordinate a second verb with no comma: "…de trois jours et annoncé…", "…from Friday and urged…". */
const VERB_CONJUNCTIONS: ReadonlySet<string> = new Set(['and', 'et']);
/** Auxiliaries that open a second verb of the same subject after "and"/"et": "…, et a tué…", "…, and had fled…". */
const AUXILIARIES: ReadonlySet<string> = new Set(['a', 'ont', 'avait', 'avaient', 'has', 'have', 'had', 'was', 'were']);
/** An English simple past ("urged", "attacked"; not "need", "bed": a stem of three letters at least). */
const ENGLISH_PAST = /^\p{L}{3,}ed$/u;
/** A French past participle ("annoncé", "décrétées"): the folded text loses the accent, so the source word is read. */
const FRENCH_PAST = /^\p{L}{2,}é(?:e|s|es)?$/u;
/** A present participle after a comma: ", calling it the worst…", ", affirmant…" — but for "according to", an attribution. */
const PARTICIPLE = /^\p{L}{3,}(?:ing|ant)$/u;
const NOT_PARTICIPLES: ReadonlySet<string> = new Set(['according']);
/** The words a claim keeps at least, and a clause left out has at least (shorter, it is an aside the edges already weigh). */
const KEPT_WORDS = 4;
const DROPPED_WORDS = 3;
/** How near before a clause of description an attribution must end to be the party the clause describes. */
const DESCRIBED_WORDS = 4;

/** What a claim rests on: its values, its party's mention, its hedge; its party's verb; and where its party's attribution ends, if it has one. */
export interface ClaimEvidence {
  readonly ranges: readonly TextRange[];
  readonly cue?: TextRange;
  readonly attributionEnd?: number;
}

/**
 * A passage without the clauses it ends on that hold none of its evidence,
 * or undefined where it ends on none. A clause is cut only at a comma and a
 * word that opens one (a conjunction, a relative pronoun, a participle),
 * or at "and"/"et" and a second verb; never inside a span
 * or a quotation, never to fewer than four words.
 */
export function withoutIdleEnd(parsed: ParsedDocument, words: Words, range: TextRange, evidence: ClaimEvidence): TextRange | undefined {
  const within = (r: TextRange) => r.end <= range.end && r.start >= range.start;
  const lastEvidence = Math.max(range.start, ...evidence.ranges.filter(within).map((r) => r.end));
  const cueEnd = evidence.cue !== undefined && within(evidence.cue) ? evidence.cue.end : range.start;
  const quotes = new QuotationDepth();
  let kept = 0;
  // A passage that opens on what it followed holds its claim there: the main clause after the comma is what came of it.
  const opening = words.list.filter((word) => word.kind === 'word' && word.start >= range.start).slice(0, AFTER_WORDS);
  const opensAfter = opening.some((word) => AFTER.has(word.text));
  for (let k = 0; k < words.length; k++) {
    const word = words.list[k];
    if (word.start < range.start || word.end > range.end) continue;
    if (word.kind === 'mark') {
      quotes.read(word);
      continue;
    }
    const cut = quotes.open || kept < KEPT_WORDS ? undefined : clauseCutAt(words, k, evidence.attributionEnd, opensAfter);
    kept++;
    if (cut === undefined || cut.end < lastEvidence || insideSpan(parsed, cut.end) || insideSpan(parsed, word.start)) continue;
    // The party's verb stays, but for a second verb of its subject: "[Il] a décrété un deuil… et annoncé une enquête" is its act, then its word.
    if (cut.end < cueEnd && !(cut.secondVerb && evidence.cue?.start === word.start)) continue;
    if (wordsBetween(words, word.start, range.end) < DROPPED_WORDS) return undefined;
    return trimRange(parsed, range.start, cut.end);
  }
  return undefined;
}

/** Where the passage is cut before word k, if a clause opens there: the end of what is kept. */
function clauseCutAt(words: Words, k: number, attributionEnd: number | undefined, opensAfter: boolean): { end: number; secondVerb?: true } | undefined {
  const word = words.list[k];
  const before = words.at(k - 1);
  if (before === undefined) return undefined;
  const afterComma = before.kind === 'mark' && (before.text === ',' || before.text === '،');
  if (afterComma) {
    const describesParty = attributionEnd !== undefined && wordsBetween(words, attributionEnd, before.start) <= DESCRIBED_WORDS;
    if (PARTY_DESCRIBERS.has(word.text) || (PARTICIPLE.test(word.text) && !NOT_PARTICIPLES.has(word.text))) return describesParty ? undefined : { end: before.start };
    const next = words.at(k + 1);
    const goesOnSaying = VERB_CONJUNCTIONS.has(word.text) && next?.kind === 'word' && COMPLEMENTIZERS.has(next.text);
    if ((CLAUSE_OPENERS.has(word.text) || opensAfter) && !goesOnSaying) return { end: before.start };
    return undefined;
  }
  if (before.kind === 'word' && VERB_CONJUNCTIONS.has(before.text) && isPastVerb(words, word)) return { end: before.start, secondVerb: true };
  return undefined;
}

/** Relatives that open a description of what the clause before names: "…, qui avait fait une dizaine de blessés", "…، الذي قُتل فيه…". */
const RELATIVE_OPENERS: ReadonlySet<string> = new Set([
  ...['which', 'where', 'who', 'qui', 'ou', 'dont'],
  ...['حيث', 'الذي', 'التي', 'الذين', 'والذي', 'والتي', 'والذين'].map((word) => foldText(word).folded),
]);

/**
 * The clause word k opens after a comma, by its grammatical class alone:
 * a "joint" where the sentence's subject goes on (a conjunction), a
 * "participle" of its subject (", affirmant avoir…", ", claiming to
 * have…", ", killing 66 people"), a "description" of what the clause
 * before names (a relative, a past participle: ", qui avait fait…", ",
 * imputé à…"); undefined where no clause opens. Arabic joints ("، و" and a
 * verb) are the finder's to judge, which reads the word's stems and
 * figures.
 */
export function clauseOpenedAfterComma(words: Words, k: number): 'joint' | 'participle' | 'description' | undefined {
  const word = words.list[k];
  const before = words.at(k - 1);
  if (word?.kind !== 'word' || before?.kind !== 'mark' || (before.text !== ',' && before.text !== '،')) return undefined;
  if (RELATIVE_OPENERS.has(word.text) || isPastVerb(words, word)) return 'description';
  if (PARTICIPLE.test(word.text) && !NOT_PARTICIPLES.has(word.text)) return 'participle';
  // "…, et tué douze soldats", "…, and attacked the market": a second verb of the same subject tells the same act.
  const next = words.at(k + 1);
  if (VERB_CONJUNCTIONS.has(word.text) && next?.kind === 'word' && (isPastVerb(words, next) || AUXILIARIES.has(next.text))) return undefined;
  return CLAUSE_OPENERS.has(word.text) ? 'joint' : undefined;
}

/** Whether [start, end) holds an auxiliary ("ont été tués", "were killed", "had fled"): a clause with a verb of its own, not a circumstance. */
export function holdsAuxiliary(words: Words, start: number, end: number): boolean {
  return words.list.some((word, k) => word.kind === 'word' && word.start >= start && word.end <= end && AUXILIARIES.has(word.text) && (word.text !== 'a' || opensFrenchPerfect(words, k)));
}

/** Whether word `k`, folded `a`, is the auxiliary of a French perfect ("a tué", "a été"): not the English article ("a May 2 letter") nor "à". */
function opensFrenchPerfect(words: Words, k: number): boolean {
  const word = words.list[k];
  const next = words.at(k + 1);
  return words.sourceBetween(word.start, word.end) === 'a' && next?.kind === 'word' && isPastVerb(words, next);
}

function isPastVerb(words: Words, word: Word): boolean {
  return ENGLISH_PAST.test(word.text) || FRENCH_PAST.test(words.sourceBetween(word.start, word.end));
}

function wordsBetween(words: Words, start: number, end: number): number {
  let count = 0;
  for (const word of words.list) if (word.kind === 'word' && word.start >= start && word.end <= end) count++;
  return count;
}
