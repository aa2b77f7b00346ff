// What a party's statement is, when no value is read in it: a bare
// statement (finder.ts `partySpeaks`) is proposed for the analyst to
// complete, but the desks annotate a party's account of the event, never its
// condemnation, its condolences, its appeal or its promise ("[Issoufou]
// condemned the cowardly attacks", "[the minister] said those responsible
// will answer for their acts"): those are the bare proposals no desk took
// on 22 corpora (docs/assist.md, "A thirty-fifth round"). The classes are
// words of the three languages' grammar — verbs and nouns of condemning and
// of appealing or promising, the future — not a corpus's phrases. A passage
// that holds only its attribution, its words cut off into another passage,
// states nothing either.

import { foldText } from '../aliases';
import type { Word, Words } from '../read/words';
import type { TextRange } from '../syntax';
import type { Attribution } from './attribution';

const folded = (words: readonly string[]): ReadonlySet<string> => new Set(words.map((word) => foldText(word).folded));

/** Condemning and condolence, verbs and nouns: the stand a party takes on the event, which tells nothing of it. */
const CONDEMNING = folded([
  'condemn', 'condemns', 'condemned', 'condemning', 'condemnation', 'denounce', 'denounces', 'denounced', 'deplore', 'deplores', 'deplored', 'condolence', 'condolences',
  'condamne', 'condamnent', 'condamné', 'condamnait', 'condamnation', 'dénonce', 'dénoncent', 'dénoncé', 'déplore', 'déplorent', 'déploré', 'condoléances',
  'أدان', 'أدانت', 'دان', 'دانت', 'يدين', 'تدين', 'أدانوا', 'ندد', 'نددت', 'يندد', 'تندد', 'استنكر', 'استنكرت', 'يستنكر', 'تستنكر', 'إدانة', 'إدانتها', 'إدانته', 'إدانتهم', 'تعازي', 'تعازيها', 'تعازيه',
]);

/**
 * Appealing, promising, pledging and the modals of what must or will be
 * done: what a party asks or means to do, not what happened.
 */
const APPEALING = folded([
  'will', 'shall', 'must', 'would', 'vow', 'vows', 'vowed', 'pledge', 'pledges', 'pledged', 'promise', 'promises', 'promised', 'urge', 'urges', 'urged', 'appeal', 'appeals', 'appealed',
  'exhorte', 'exhortent', 'exhorté', 'promet', 'promettent', 'promis', 'doit', 'doivent', 'devra', 'devront',
  'سوف', 'يجب', 'دعا', 'دعت', 'يدعو', 'تدعو', 'دعوا', 'ناشد', 'ناشدت', 'يناشد', 'تناشد', 'تعهد', 'تعهدت', 'يتعهد', 'تتعهد', 'وعد', 'وعدت', 'طالبت', 'يطالب', 'تطالب', 'طالبوا',
]);
/** A call made: "called on", "calls for", "appelle à" ("appelé" alone also names: "un village appelé…"). */
const CALLING = folded(['call', 'calls', 'called', 'calling', 'appelle', 'appellent', 'appelé', 'appelait', 'appelaient']);
const CALLED_TO = folded(['on', 'for', 'à', 'au', 'aux']);
/** "is due to travel": what is planned ("due to a technical problem" is a cause). */
const FORMS_OF_BE = folded(['is', 'are', 'was', 'were']);
/** The French future: "il déposera", "ils répondront" (a verb's stem and its ending; "caméra" is a noun). */
const FRENCH_FUTURE = /^\p{L}{2,}(?:er|ir|dr|tr|vr)(?:a|ont)$/u;
const NOT_FUTURE = folded(['caméra', 'caméras', 'opéra', 'choléra']);
/** The Arabic future: "سوف", or the prefix س on a verb's plural ("سينشرون": they will publish). */
const ARABIC_FUTURE = /^س[يتن]\p{L}{3,}ون$/u;

function isWord(word: Word | undefined, set: ReadonlySet<string>): boolean {
  return word !== undefined && word.kind === 'word' && (set.has(word.text) || word.stems?.some((stem) => set.has(stem.stem)) === true);
}

/** Whether a passage's words make it a statement no desk annotates: a condemnation, an appeal or a promise. */
export function statesNoFact(words: Words, range: TextRange): boolean {
  const list = words.list;
  return list.some(
    (word, i) =>
      word.kind === 'word' &&
      word.start >= range.start &&
      word.end <= range.end &&
      (isWord(word, CONDEMNING) ||
        isWord(word, APPEALING) ||
        (isWord(word, CALLING) && isWord(list[i + 1], CALLED_TO)) ||
        (word.text === 'due' && isWord(list[i - 1], FORMS_OF_BE) && list[i + 1]?.text === 'to') ||
        (!word.arabic && FRENCH_FUTURE.test(word.text) && !NOT_FUTURE.has(word.text)) ||
        (word.arabic && ARABIC_FUTURE.test(word.text))),
  );
}

/** Relative pronouns: what follows one after the speaker is said of the speaker ("…, who asked not to be named"). */
const RELATIVES = folded(['who', 'qui', 'الذي', 'التي', 'الذين']);

/**
 * Whether a passage holds its attribution and nothing else — "a ajouté
 * [cette source]", "وأضاف [المسؤول]، الذي طلب عدم ذكر اسمه" — the words
 * said cut off into another passage: at most one word (an auxiliary) beside
 * the verb and the speaker, a relative clause on the speaker after them aside.
 */
export function onlyAttribution(words: Words, range: TextRange, attribution: Attribution): boolean {
  const { cue, mention } = attribution;
  const within = (word: Word, span: TextRange | undefined) => span !== undefined && word.start >= span.start && word.end <= span.end;
  const spokenEnd = Math.max(cue.end, mention?.end ?? 0);
  let others = 0;
  for (const word of words.list) {
    if (word.kind !== 'word' || word.start < range.start || word.end > range.end || within(word, cue) || within(word, mention)) continue;
    if (word.start >= spokenEnd && RELATIVES.has(word.text)) break;
    others++;
  }
  return others <= 1;
}
