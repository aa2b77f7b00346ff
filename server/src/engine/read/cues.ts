// The cue reader: words that qualify a claim rather than give a value.
// - hedged: conditional or unconfirmed wording ("auraient été pillés", "le
//   bilan s'élèverait à", "reportedly", "allegedly", "could not be
//   independently verified", "يُزعم", "لم يتسنَّ التحقق") → the claim's
//   `hedged` flag;
// - declined: a party that gives no figure ("n'a pas souhaité donner de
//   bilan", "declined to give a toll", "did not comment", "رفض الإفصاح",
//   "لم يقدم حصيلة") → the value `?`.
// Which property a declined cue is about (a toll, an outcome) is for the
// claim finder to tie from the words around it.

import { byLanguages, languagesOf, phraseTable, type ReadOptions, type TableEntry } from './languages';
import { quoted, type Reading } from './reading';
import { wordsOf, type ReadInput } from './words';

export type Cue = 'hedged' | 'declined';

/**
 * What a hedge says of who speaks: `reported`, the grammar of reported speech
 * (the French conditional, "auraient été tués"), which goes on with the
 * account of the party quoted before it; `sourcing`, the outlet passing on
 * what it does not attribute ("reportedly", "selon toute vraisemblance",
 * "يُزعم"), or doubting or unable to verify it ("could not be independently
 * verified"): the outlet's own voice, which no party's account goes on into.
 */
export type HedgeVoice = 'reported' | 'sourcing';

export interface CueReading extends Reading {
  readonly cue: Cue;
  /** For a hedge, whose voice it is (see HedgeVoice). */
  readonly voice?: HedgeVoice;
  /** For a figure declined, set where the words name the people it would count ("made no mention of civilians"): they speak of a figure. */
  readonly ofPeople?: true;
  /**
   * For a figure declined, set where the words are no statement of a party
   * before them: a fate not known ("some soldiers have not been seen
   * since"), or a clause of "without", whose speaker is its main clause's
   * ("[the colonel] acknowledged that [the army] had suffered losses,
   * without saying how many").
   */
  readonly subjectless?: true;
}

/**
 * A row's meaning: declined, or a hedge and its voice; `silent`, a statement
 * that leaves out the people a figure would count ("made no mention of
 * civilians", "ولم يشر البيان إلى سقوط قتلى مدنيين"), declined too; `fate`, people
 * whose fate is not known ("have not been seen since", "لا يزال مصيرهم
 * مجهولا"), a figure not given of the people named.
 */
type CueMeaning = 'declined' | 'silent' | 'fate' | HedgeVoice;
type Entry = TableEntry<CueMeaning>;

/** A lone `*` in a pattern is a gap of a few words within the clause (see PhraseTable). */
const CUES: readonly Entry[] = [
  // French: the journalistic conditional (reported speech), and words of doubt (the outlet's).
  ['fr', 'aurait|auraient|serait|seraient', 'reported'],
  ['fr', "s'|se élèverait|élèveraient|chiffrerait|chiffreraient|monterait|monteraient|établirait|trouverait|trouveraient|agirait", 'reported'],
  ['fr', 'ferait|feraient|compterait|compteraient|atteindrait|atteindraient|dépasserait|dépasseraient|porterait|détiendrait|détiendraient', 'reported'],
  ['fr', 'semble-t-il', 'sourcing'],
  ['fr', 'il semblerait', 'sourcing'],
  ['fr', 'selon toute vraisemblance', 'sourcing'],
  ['fr', 'vraisemblablement|apparemment|présumé*|supposé|supposés|supposée|supposées|invérifiable*', 'sourcing'],
  ['fr', 'non confirmé*|vérifié*', 'sourcing'],
  ['fr', 'impossible à|de vérifier|confirmer', 'sourcing'],
  ['fr', "n'a|n'ont|ne pas pu être vérifié*|confirmé*", 'sourcing'],
  ['fr', 'ne peu*|pouv* pas encore? être vérifié*|confirmé*', 'sourcing'],
  ['fr', "n'a|n'ont|ne pas souhaité|voulu|désiré * bilan|chiffre|chiffres|nombre|commenter|commentaire|commentaires|précision|précisions|détail|détails|s'exprimer|répondre|confirmer", 'declined'],
  ['fr', "n'a|n'ont|n'avait|n'avaient|ne pas encore? communiqué|donné|fourni|publié|avancé|précisé|annoncé|livré * bilan|chiffre|chiffres|nombre|détail|détails", 'declined'],
  // "Ni le gouvernement ni l'armée n'avaient communiqué de bilan": "de" after the verb is the negation's, with "ni" and no "pas".
  ['fr', "n'a|n'ont|n'avait|n'avaient communiqué|donné|fourni|publié|avancé|annoncé de|d' bilan|chiffre|chiffres", 'declined'],
  ['fr', "n'a|n'ont pas répondu * sollicitation|sollicitations|question|questions|demande|demandes", 'declined'],
  ['fr', "n'a|n'ont|n'avait|n'avaient pas dit|précisé|indiqué combien", 'declined'],
  ['fr', "n'a|n'ont|n'avait|n'avaient communiqué|donné|fourni|publié|avancé|annoncé aucun|aucune bilan|chiffre|précision|détail", 'declined'],
  ['fr', "n'a|n'ont jamais communiqué|donné|fourni|publié|avancé * bilan|chiffre|chiffres", 'declined'],
  ['fr', "n'a|n'ont pas? pu être joint|jointe|joints|jointes", 'declined'],
  ['fr', "aucun|aucune bilan|chiffre|information|précision|détail * n'a|n'ont pas? été communiqué*|donné*|fourni*|publié*|avancé*|annoncé*|rendu*", 'declined'],
  ['fr', 'aucun bilan|chiffre * disponible', 'declined'],
  ['fr', "s'est refusé|refusée à tout commentaire", 'declined'],
  ['fr', 'se sont refusé*|refusée* à tout commentaire', 'declined'],
  ['fr', 'a|ont|avait refusé de * commenter|donner|communiquer|préciser|confirmer|fournir', 'declined'],
  ['fr', "sans donner|préciser|fournir|communiquer|avancer|livrer|publier * bilan|nombre|chiffre|détail|détails", 'declined'],
  // A statement silent on a figure: "le communiqué ne fait aucune mention de victimes civiles", "sans mentionner de pertes".
  ['fr', "ne fait|faisait aucune|pas mention * victimes|pertes|morts|bilan|civils|blessés", 'silent'],
  ['fr', "ne mentionne|mentionnait|mentionnent pas * victimes|pertes|morts|bilan|civils|blessés", 'silent'],
  ['fr', 'sans mentionner|évoquer * victimes|pertes|morts|bilan|civils|blessés', 'silent'],
  // An announcement that came with no figure: "avait été annoncée samedi, sans bilan précis, par des élus locaux".
  ['fr', 'sans bilan|chiffre|décompte précis', 'declined'],
  ['fr', 'bilan non communiqué|disponible', 'declined'],
  // The figure left unsaid or not known, the number's noun after the verb: "sans en donner le nombre", "sans dire combien",
  // "s'est refusé à donner un bilan", "on ignore le nombre de victimes".
  ['fr', 'sans en donner|préciser|indiquer|communiquer * nombre|bilan|chiffre', 'declined'],
  ['fr', 'sans dire|préciser|indiquer|savoir combien', 'declined'],
  ["fr", "s'est refusé|refusée à * donner|communiquer|préciser|fournir|avancer * bilan|nombre|chiffre|chiffres", 'declined'],
  ['fr', 'se sont refusé*|refusée* à * donner|communiquer|préciser|fournir|avancer * bilan|nombre|chiffre|chiffres', 'declined'],
  ['fr', 'ignore|ignorait|ignorent|ignoraient|ignorons * nombre|combien|bilan', 'declined'],
  // A fate not known: the people are named, their number is not ("sans nouvelles de", "dont on ignore le sort").
  ["fr", "sans nouvelles de|d'", 'fate'],
  ['fr', 'sort * inconnu|ignoré|incertain', 'fate'],
  ['fr', 'ignore|ignorait|ignorent|ignoraient * sort', 'fate'],
  // Unable rather than unwilling: "n'est pas en mesure de donner un bilan".
  ['fr', "pas en mesure de|d' donner|fournir|communiquer|avancer|confirmer|établir * bilan|chiffre|chiffres", 'declined'],
  ['fr', "dans l'impossibilité de|d' donner|fournir|communiquer|avancer|confirmer|établir * bilan|chiffre|chiffres", 'declined'],
  ['fr', "pas être en mesure de|d' donner|fournir|communiquer|avancer|confirmer|établir * bilan|chiffre|chiffres", 'declined'],
  // Without a figure to give: "ne dispose pas encore de bilan", "ne disposait d'aucun bilan". (From the verb: a phrase starting at
  // "ne", "a" or "لا" would be tried at every one of them.)
  ['fr', "dispose|disposait|disposent|disposaient|possède|possédait pas encore? de|d' bilan|chiffre|chiffres", 'declined'],
  ['fr', "dispose|disposait|disposent|disposaient d'aucun bilan|chiffre", 'declined'],
  // English.
  ['en', 'reportedly|allegedly|alleged|purportedly|purported|supposedly|apparently|presumably|unconfirmed|unverified|rumoured|rumored', 'sourcing'],
  ['en', 'is|are|was|were said|believed|thought|understood to', 'sourcing'],
  // The English modal of a toll not known for sure, as the French conditional ("may have been killed", "auraient été tués").
  ['en', 'may|might have been|died', 'sourcing'],
  ['en', 'is|are|was|were reported to have|be', 'sourcing'],
  ['en', 'has|have been said|believed|thought|reported to', 'sourcing'],
  ['en', 'could|can not be independently? verified|confirmed', 'sourcing'],
  ['en', "cannot|can't|couldn't be independently? verified|confirmed", 'sourcing'],
  ['en', 'has|have|had not been independently? verified|confirmed', 'sourcing'],
  ['en', "hasn't|haven't|hadn't been independently? verified|confirmed", 'sourcing'],
  ['en', 'not independently verified|confirmed', 'sourcing'],
  ['en', 'could not independently? verify|confirm', 'sourcing'],
  ['en', "couldn't independently? verify|confirm", 'sourcing'],
  ['en', 'unable to independently? verify|confirm', 'sourcing'],
  ['en', 'declined|refused to * comment|give|provide|disclose|confirm|release|say|specify|elaborate', 'declined'],
  ['en', 'did|would|could|does not comment', 'declined'],
  ['en', "didn't|wouldn't|couldn't|doesn't comment", 'declined'],
  ['en', 'did|would|could|does not give|provide|disclose|release|specify|offer * toll|figure|figures|number|numbers|details|tally', 'declined'],
  ['en', "didn't|wouldn't|couldn't|doesn't give|provide|disclose|release|specify|offer * toll|figure|figures|number|numbers|details|tally", 'declined'],
  ['en', 'gave|provided|released|offered no * toll|figure|figures|number|numbers|details|tally', 'declined'],
  ['en', 'has|have|had not|never released|given|provided|published|disclosed|issued * toll|figure|figures|number|numbers|details|tally', 'declined'],
  ['en', "hasn't|haven't|hadn't released|given|provided|published|disclosed|issued * toll|figure|figures|number|numbers|details|tally", 'declined'],
  ['en', 'no toll|figure|figures|tally|number|numbers * was|were|has|have|had given|released|provided|disclosed|available', 'declined'],
  ['en', 'no toll|figure|figures|tally|number|numbers * been given|released|provided|disclosed', 'declined'],
  ['en', 'did|has|have not immediately? respond|reply|return', 'declined'],
  ['en', "didn't|hasn't|haven't immediately? respond|reply|return", 'declined'],
  ['en', 'could not be reached', 'declined'],
  // Unable rather than unwilling: "said it was not in a position to give a toll".
  ['en', 'not in a position to give|provide|confirm|release|offer|establish * toll|figure|figures|number|numbers|tally', 'declined'],
  ['en', 'unable to give|provide|confirm|release|offer|establish * toll|figure|figures|number|numbers|tally', 'declined'],
  ['en', 'not immediately? available for comment', 'declined'],
  // Without a figure to give: "said it had no toll of its own", "does not yet have a death toll".
  ['en', 'has|have|had no death? toll|figure|figures|tally', 'declined'],
  ['en', 'not yet? have a|any death? toll|figure|figures|tally', 'declined'],
  ["en", "didn't|doesn't|don't yet? have a|any death? toll|figure|figures|tally", 'declined'],
  ['en', 'without giving|specifying|providing|disclosing|releasing|offering * toll|figure|figures|number|numbers|details|tally', 'declined'],
  // A statement silent on a figure: "[It] said its fighters had killed dozens of soldiers, and made no mention of civilians".
  ['en', 'made|makes no mention of * casualties|civilians|losses|deaths|dead|toll|victims|wounded', 'silent'],
  ['en', 'did|does not mention * casualties|civilians|losses|deaths|dead|toll|victims|wounded', 'silent'],
  ["en", "didn't|doesn't mention * casualties|civilians|losses|deaths|dead|toll|victims|wounded", 'silent'],
  // The figure left unsaid: "It did not say how many people were wounded".
  ['en', 'did|would|could|does not say|specify|disclose|give how many', 'declined'],
  ["en", "didn't|wouldn't|couldn't|doesn't say|specify|disclose|give how many", 'declined'],
  ['en', 'without saying|specifying|disclosing|giving|stating|revealing how many', 'declined'],
  // Not known rather than not given: "it is not known how many", "unclear how many".
  ['en', 'did|do|does not know how many', 'declined'],
  ['en', 'not known|clear how many', 'declined'],
  ['en', 'unknown|unclear how many', 'declined'],
  // A fate not known: "have not been seen since", "whose fate is unknown".
  ['en', 'has|have|had not been seen since?', 'fate'],
  ['en', 'has|have|had not been heard from', 'fate'],
  ['en', 'fate|fates|whereabouts * unknown|unclear', 'fate'],
  ['en', 'fate|fates|whereabouts * not known', 'fate'],
  // Arabic (written folded or not, with or without harakat: the words are read folded).
  ['ar', 'يزعم|يُزعم|مزعوم|مزعومة|مزعومين|ربما|يبدو', 'sourcing'],
  ['ar', 'على ما يبدو', 'sourcing'],
  ['ar', 'يعتقد|يُعتقد|يقال|يُقال|يرجح|يُرجح أن|إن', 'sourcing'],
  ['ar', 'لم يتسن|يتسنى|يتسنّ * التحقق|التأكد', 'sourcing'],
  ['ar', 'لا يمكن التحقق|التأكد', 'sourcing'],
  ['ar', 'تعذر|يتعذر التحقق|التأكد', 'sourcing'],
  ['ar', 'لم يتم|يمكن التحقق|التأكد', 'sourcing'],
  ['ar', 'لم يتمكن|تتمكن|نتمكن * من التحقق|التأكد', 'sourcing'],
  ['ar', 'غير مؤكد*|موثق*', 'sourcing'],
  ['ar', 'رفض|رفضت|يرفض|ترفض|رفضوا الإفصاح|الكشف|التعليق|الإدلاء|تقديم|ذكر|إعطاء|تحديد', 'declined'],
  // The verb first, its subject between: "رفض الجيش التعليق".
  ['ar', 'رفض|رفضت|يرفض|ترفض|رفضوا * الإفصاح|الكشف|التعليق|الإدلاء|تقديم|ذكر|إعطاء|تحديد', 'declined'],
  ['ar', 'امتنع|امتنعت|يمتنع|تمتنع|امتنعوا عن * التعليق|الإفصاح|الكشف|ذكر|تقديم|الإدلاء|تحديد', 'declined'],
  // The verb first, its subject between, the number's noun after: "وامتنع المصدر عن تحديد عدد القتلى".
  ['ar', 'امتنع|امتنعت|يمتنع|تمتنع|امتنعوا * عن تحديد|ذكر|الكشف|الإفصاح|تقديم|إعطاء|إعلان * عدد|حصيلة|أرقام|رقما', 'declined'],
  // A fate not known: "لا يزال مصير عشرات آخرين مجهولا", "لا أثر لهم".
  ['ar', 'مصير * مجهول|مجهولا|مجهولة', 'fate'],
  ['ar', 'مصيرهم|مصيرها مجهول|مجهولا', 'fate'],
  ['ar', 'لا أثر لهم|لها', 'fate'],
  ['ar', 'لم يقدم|تقدم|يعلن|تعلن|يكشف|تكشف|يذكر|تذكر|يصدر|تصدر|يحدد|تحدد|يعط|تعط|يفصح|تفصح|ينشر|تنشر * حصيلة|عدد|أرقام|رقما|تفاصيل|إحصائية', 'declined'],
  ['ar', 'دون|بدون أن يحدد|تحدد|يذكر|تذكر|يكشف|تكشف * عدد|حصيلة|أرقام|تفاصيل|خسائر|خسائره|خسائرها|خسائرهم', 'declined'],
  // A statement silent on a figure: "ولم يشر البيان إلى سقوط قتلى مدنيين".
  ['ar', 'لم يشر|تشر * إلى * قتلى|ضحايا|خسائر|خسائره|خسائرها|حصيلة|جرحى|مصابين|مدنيين', 'silent'],
  ['ar', 'دون|بدون تحديد|ذكر عدد|حصيلة', 'declined'],
  ['ar', 'من دون تحديد|ذكر عدد|حصيلة', 'declined'],
  ['ar', 'لم يرد|ترد * طلب|طلبا|طلبات|أسئلة|سؤال|استفسارات', 'declined'],
  // Unwilling, the subject between: "ولم يشأ مصدر عسكري تحدث إليه مراسلنا تقديم حصيلة جديدة".
  ['ar', 'لم يشأ|تشأ|يرغب|ترغب * تقديم|إعطاء|ذكر|الإفصاح|الكشف|تحديد * حصيلة|عدد|أرقام|رقما|تفاصيل', 'declined'],
  ['ar', 'لم يتمكن|تتمكن|يستطع|تستطع * تقديم|تحديد|إعطاء|ذكر * حصيلة|عدد|أرقام', 'declined'],
  ['ar', 'لم يتسن|يتسنى|يتسنّ الحصول على * تعليق|رد', 'declined'],
  // Without a figure to give: "وقالت إنها لا تملك حصيلة للضحايا", "لا تملك بعد حصيلة خاصة بها", "ليست لديها حصيلة".
  ['ar', 'لا يملك|تملك|نملك|يملكون بعد? حصيلة|أرقام|رقما|إحصائية', 'declined'],
  ['ar', 'ليس|ليست لديه|لديها|لدينا|لديهم بعد? حصيلة|أرقام|رقم|إحصائية', 'declined'],
];

const tableFor = byLanguages((languages) => phraseTable(CUES, languages));

/** The words that open a clause of "without", which has no subject of its own. */
const WITHOUT: ReadonlySet<string> = new Set(['sans', 'without', 'دون', 'بدون', 'من']);

/** What a cue row's meaning reads as. */
function meaningOf(meaning: CueMeaning, firstWord: string): Pick<CueReading, 'cue' | 'voice' | 'ofPeople' | 'subjectless'> {
  if (meaning === 'fate') return { cue: 'declined', ofPeople: true, subjectless: true };
  if (meaning === 'declined' || meaning === 'silent') {
    const people = meaning === 'silent' ? { ofPeople: true as const } : {};
    return WITHOUT.has(firstWord) ? { cue: 'declined', ...people, subjectless: true } : { cue: 'declined', ...people };
  }
  return { cue: 'hedged', voice: meaning };
}

/** The hedging and declining cues in a passage, in text order. */
export function readCues(input: ReadInput, options: ReadOptions = {}): CueReading[] {
  const words = wordsOf(input);
  return tableFor(languagesOf(options.language))
    .findAll(words)
    .map((match) => ({
      start: match.start,
      end: match.end,
      words: words.text.slice(match.start, match.end),
      ...meaningOf(match.payload, words.text.slice(match.start, match.end).split(' ')[0].toLowerCase()),
      why: `${quoted(words, match.start, match.end)} → ${match.payload === 'declined' || match.payload === 'silent' || match.payload === 'fate' ? '? (declined)' : 'hedged'}`,
    }));
}
