// Where a desk starts a claim a party makes with "that": some put the
// party and its verb in the claim ("[A security source told Reuters that
// at least 100 people had been killed]"), others only what follows the
// complementiser ("A security source told Reuters that [at least 100 people
// had been killed]", "وقالت المصادر إن [...]"). Each annotated claim of
// either cut is counted (CueModel.claimStarts); where a desk's habit is
// clear, a suggestion starts the way its claims do. Pure: words and ranges
// in, a cut or a range out.

import { foldText } from '../aliases';
import type { Claim } from '../claims';
import type { DocumentFacts } from '../document';
import { readWords, type Words } from '../read/words';
import type { ParsedDocument, TextRange } from '../syntax';
import { hasAttributionCue, type Attribution } from './attribution';
import { wordsBetween } from './claimEnds';
import { insideSpan, markupWithin } from './units';

/** Where a claim made with "that" starts: at its party ('party'), or after the complementiser ('statement'). */
export type ClaimStart = 'party' | 'statement';

/** The words that open what a party says: "that", "que", "qu'", "أن", "إن", "بأن". */
const COMPLEMENTIZERS: ReadonlySet<string> = new Set(['that', 'que', 'qu', ...['أن', 'إن', 'بأن'].map((word) => foldText(word).folded)]);
/** How far into a claim its "that" is looked for: past it, the claim is more than a party's one statement. */
const COMPLEMENTIZER_WORDS = 12;
/** How far back before a claim its sentence is read for a party's verb. */
const SENTENCE_CHARS = 400;
/** How many words may lie between a party's verb (or its name) and its "that": "said on Monday that", "a déclaré à l'AFP que". */
const COMPLEMENTIZER_REACH = 6;
/** The words a claim started after "that" keeps at least. */
const KEPT_WORDS = 3;
/**
 * A desk's habit: at least this many of its claims made with "that", and
 * this share of them cut one way.
 */
export const HABIT_CLAIMS = 5;
export const HABIT_SHARE = 2 / 3;

/** How an annotated claim is cut around a party's "that", or undefined where no party speaks with one at its start. */
export function claimStartOf(facts: DocumentFacts, tree: ParsedDocument, claim: Claim, words: Words, language: string | undefined): ClaimStart | undefined {
  const first = words.list.findIndex((word, k) => k < COMPLEMENTIZER_WORDS && word.kind === 'word' && COMPLEMENTIZERS.has(word.text));
  if (first > 0 && hasAttributionCue(words, [], language, { start: words.list[0].start, end: words.list[first].start })) return 'party';
  const text = facts.text;
  const from = Math.max(0, claim.start - SENTENCE_CHARS);
  const stop = Math.max(text.lastIndexOf('.', claim.start - 1), text.lastIndexOf('\n', claim.start - 1));
  const start = Math.max(from, stop + 1);
  if (start >= claim.start) return undefined;
  const before = readWords({ text, start, end: claim.start, markup: markupWithin(tree, start, claim.start) });
  const last = before.list[before.length - 1];
  if (last?.kind !== 'word' || !COMPLEMENTIZERS.has(last.text)) return undefined;
  return hasAttributionCue(before, [], language, { start, end: last.start }) ? 'statement' : undefined;
}

/**
 * The passage started after its party's "that" ("A security source told
 * Reuters on Monday that | at least 100 people…"), or undefined where the
 * passage does not open on its party speaking: the party and its verb lie
 * in it before a "that" a few words on, and nothing the suggestion reads
 * lies before it. Never inside a span or a quotation.
 */
export function afterComplementizer(parsed: ParsedDocument, words: Words, range: TextRange, attribution: Attribution, kept: readonly TextRange[]): TextRange | undefined {
  if (attribution.stance === true || attribution.relative === true || attribution.cue.start < range.start) return undefined;
  const spoken = Math.max(attribution.cue.end, attribution.mention?.end ?? 0);
  if (attribution.mention !== undefined && attribution.mention.start < range.start) return undefined;
  let between = 0;
  for (const word of words.list) {
    if (word.start < spoken) continue;
    if (word.end > range.end || word.kind === 'mark' || between > COMPLEMENTIZER_REACH) return undefined;
    if (!COMPLEMENTIZERS.has(word.text)) {
      between++;
      continue;
    }
    // After "that" and the space, or the apostrophe of "qu'".
    const start = word.end + (/^[\s'’]*/u.exec(parsed.text.slice(word.end, range.end)) ?? [''])[0].length;
    if (insideSpan(parsed, word.start) || insideSpan(parsed, start) || wordsBetween(words, start, range.end) < KEPT_WORDS) return undefined;
    if (kept.some((r) => r.start < start && r.end > range.start)) return undefined;
    return { start, end: range.end };
  }
  return undefined;
}
