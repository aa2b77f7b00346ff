// Who did it, as a class of the three languages' grammar rather than as
// phrases of one corpus (docs/assist.md, "A twenty-ninth round: who did
// it"). A construction of responsibility has an agent slot, and the party
// it names there carried out the act, as the claimant says:
//
//   passive agent     "carried out by X", "menée par X", "من تنفيذ X", "نفذته X"
//   active agent      "X carried out the attack", "X a perpétré le massacre", "نفذت X الهجوم",
//                     and a verb of attacking: "X attacked the post", "استهدفت X القاعدة"
//   attribution       "attributed to X", "imputée à X", "نُسبت إلى X"
//   accusation        "accused X of…", "accusent X d'avoir…", "يتهم … X بتنفيذ…",
//                     and its passive "[X] was accused of…", "[X] اتُّهم بقتل…"
//   claim of the act  "claimed by X", "تبنته X", "وتبنتهما X"
//   the attackers     "the attackers were X", "les assaillants seraient des X", "منفذيه X"
//   behind it         "X was reportedly behind them", "X serait derrière l'attaque"
//   own agency        "[X] said it had struck…", "a affirmé avoir tué…", "قال إنه قتل…"
//
// Only the last names the speaker: in the others the claimant tells of
// another party's act. Which event the act is stays the finder's choice.
// Words are matched folded (lowercase, no accents or harakat), Arabic ones
// also after their proclitics.

import type { TextRange } from '../syntax';
import type { Word, Words } from '../read/words';
import type { Mention } from './mentions';
import { accuses } from './lexicon';
import { wordIndexAt } from './terms';

/** The constructions that carry responsibility, named as the documentation classes them. */
export type ResponsibilityConstruction = 'passive agent' | 'active agent' | 'attribution' | 'accusation' | 'claim of the act' | 'the attackers' | 'behind it' | 'own agency';

/** A party a construction of responsibility names as the one who did the act, or the speaker itself ("own agency"). */
export interface Agent {
  readonly construction: ResponsibilityConstruction;
  /** The party named in the agent slot; undefined for own agency, whose agent is the speaker. */
  readonly mention?: Mention;
  /** The construction's words, which with its name make the suggestion's reason. */
  readonly cue: TextRange;
}

/** French past participles are the stem with these endings: "mené", "menée", "menés", "menées". */
const PARTICIPLE_ENDINGS: readonly string[] = ['e', 'ee', 'es', 'ees'];

function participles(stems: readonly string[]): string[] {
  return stems.flatMap((stem) => PARTICIPLE_ENDINGS.map((ending) => stem + ending));
}

/**
 * Verbs of carrying out an act, as participles a passive's agent follows
 * ("by", "par"): the English forms, the French ones in every gender and
 * number. "Claimed by" and "revendiquée par" are the passive of a claim of
 * the act.
 */
const DOING_PARTICIPLES: ReadonlySet<string> = new Set([
  'committed', 'perpetrated', 'executed', 'conducted', 'staged', 'launched', 'orchestrated', 'masterminded', 'mounted', 'claimed', 'killed', 'massacred', 'murdered',
  ...participles(['men', 'perpetr', 'execut', 'lanc', 'orchestr', 'revendiqu', 'commandit', 'tu', 'massacr', 'assassin']),
  'commis', 'commise', 'commises', 'conduit', 'conduite', 'conduits', 'conduites',
]);
/** Participles of two words: "carried out by". */
const DOING_PHRASAL: ReadonlyMap<string, string> = new Map([['out', 'carried']]);
/** The constructions among them that claim the act rather than tell who did it. */
const CLAIMING_PARTICIPLE = /^(?:claimed|revendiqu)/u;
/** The preposition of a passive's agent. */
const AGENT_PREPOSITIONS: ReadonlySet<string> = new Set(['by', 'par']);
/** The datives of attribution: "attributed to", "blamed on", "imputée à" (folded "a"), "au", "aux", "إلى". */
const ATTRIBUTION_DATIVES: ReadonlySet<string> = new Set(['to', 'on', 'a', 'au', 'aux', 'الى']);
/** Verbs of attributing an act to a party, folded: "attributed", "blamed", "imputée", "attribuée", "ascribed", "نسبت", "ينسب". */
const ATTRIBUTING = /^(?:attribu|imput|blam|ascrib|[يت]?نسب)/u;
/** The words that may open an agent's phrase before its party: articles, "members of", "des éléments du". */
const AGENT_DETERMINERS: ReadonlySet<string> = new Set([
  // "elements" is English and French (éléments, folded) alike.
  'the', 'a', 'an', 'of', 'from', 'members', 'fighters', 'militants', 'elements', 'men',
  'le', 'la', 'les', 'l', 'de', 'des', 'du', 'd', 'un', 'une', 'membres', 'combattants', 'hommes', 'individus',
  'من', 'عناصر', 'مقاتلي', 'مسلحي',
]);
/** How many such words may open the agent's phrase. */
const DETERMINER_WORDS = 4;

/** Verbs of doing with the act as an attached pronoun, whose subject follows (VSO): "نفذه", "نفذته", "ارتكبها", "تبناه", "وتبنتهما". */
const ARABIC_DID_IT = /^(?:نفذ|ارتكب|تبن)(?:ت|وا|و)?(?:ه|ها|هما|هم|اه|اها)$/u;
/** Verbs of carrying out or committing the act, the subject after them and the act after it: "نفذت [X] الهجوم", "ارتكبت [X] المجزرة". */
const ARABIC_DOING = /^[يت]?(?:نفذ|ارتكب)(?:ت|وا)?$/u;
/** Verbs of claiming the act, the subject after them: "تبنى", "تبنت", "يتبنى", "تتبنى" (the act named after the party). */
const ARABIC_CLAIMING = /^[يت]?تبن(?:ي|ت|وا)$/u;
/** "من تنفيذ X": the act is of X's doing. */
const ARABIC_OF_DOING = ['من', 'تنفيذ'];

/** Nouns for those who carried out the act: "the attackers", "les assaillants", "منفذيه", "المهاجمون". */
const ATTACKER_NOUNS: ReadonlySet<string> = new Set([
  'attackers', 'assailants', 'perpetrators', 'killers', 'raiders', 'gunmen',
  'assaillants', 'agresseurs', 'auteurs', 'attaquants', 'tueurs',
]);
const ARABIC_ATTACKER_NOUN = /^(?:ال)?(?:مهاجم|منفذ)(?:ون|ين|و|ي)(?:ه|ها|هما)?$/u;
/** The copula between the attackers and who they were, hedged or not: "were", "seraient", "auraient été". */
const COPULAS: ReadonlySet<string> = new Set(['were', 'was', 'are', 'is', 'etaient', 'etait', 'sont', 'est', 'seraient', 'serait', 'ete', 'هم', 'من']);
/** Words that may stand beside the copula and leave who the attackers were its complement: "were reportedly", "auraient été", "were believed to be". */
const COPULA_COMPANIONS: ReadonlySet<string> = new Set([
  'reportedly', 'likely', 'probably', 'possibly', 'allegedly', 'apparently', 'believed', 'thought', 'said', 'suspected', 'to', 'be', 'all', 'mostly',
  'auraient', 'aurait', 'ont', 'a', 'probablement', 'vraisemblablement', 'visiblement', 'tous',
]);

/** Third-person subjects by which a party's statement speaks of its own act: "it had struck", "ils ont tué", "إنه قتل". */
const SELF_SUBJECTS: ReadonlySet<string> = new Set(['it', 'they', 'il', 'ils', 'elle', 'elles']);
/** Its forces, by which a party's statement speaks of its own act too: "its fighters had killed", "ses combattants ont tué". */
const OWN_FORCES_OWNERS: ReadonlySet<string> = new Set(['its', 'their', 'ses', 'leurs']);
const OWN_FORCES: ReadonlySet<string> = new Set(['fighters', 'forces', 'troops', 'men', 'units', 'soldiers', 'militants', 'combattants', 'hommes', 'troupes', 'unites', 'soldats', 'elements']);
/** Auxiliaries between the subject and the verb: "it had struck", "ils ont tué", "avoir tué". */
const AUXILIARIES: ReadonlySet<string> = new Set(['had', 'has', 'have', 'a', 'ont', 'avait', 'avaient', 'avoir', 'also', 'aussi', 'egalement', 'قد']);
/** Verbs of an armed act, past tense or participle: "struck", "tué", "قتل". */
const ACTS: ReadonlySet<string> = new Set([
  'struck', 'hit', 'killed', 'attacked', 'targeted', 'destroyed', 'neutralised', 'neutralized', 'bombed', 'shelled', 'ambushed', 'launched', 'conducted', 'executed', 'carried', 'raided', 'stormed', 'overran', 'captured', 'downed',
  ...participles(['tu', 'frapp', 'attaqu', 'men', 'detruit', 'neutralis', 'cibl', 'bombard', 'vis', 'lanc', 'execut', 'abattu', 'captur']),
  'detruit', 'abattu', 'abattus',
]);
/** Arabic verbs of an armed act after "إنه", "أنها": "قتل", "قتلت", "استهدفوا". */
const ARABIC_ACT = /^(?:قتل|استهدف|نفذ|هاجم|ضرب|دمر|قصف|شن|اغتال|ارتكب|تبن)(?:ت|وا|ى)?$/u;
/** Arabic "that it", "that they": "إنه", "أنها", "انهم" (folded, every alef is one). */
const ARABIC_SELF = /^ان(?:ه|ها|هم)$/u;
/** How many words may stand between a statement's verb and the subject of its own act: "said on Monday it had…". */
const SELF_DISTANCE = 4;

/** A word's folded text and, for an Arabic word, its stems after proclitics. */
function formsOf(word: Word | undefined): readonly string[] {
  if (word === undefined || word.kind !== 'word') return [];
  return word.arabic ? [word.text, ...(word.stems ?? []).map((stem) => stem.stem)] : [word.text];
}

function isAny(word: Word | undefined, test: (form: string) => boolean): boolean {
  return formsOf(word).some(test);
}

/** The party mention starting at word `index`, if any. */
function mentionAt(words: Words, mentions: readonly Mention[], index: number): Mention | undefined {
  const word = words.list[index];
  return word === undefined ? undefined : mentions.find((mention) => mention.start <= word.start && word.start < mention.end);
}

/**
 * The party whose phrase opens at word `index`: the first mention after at
 * most DETERMINER_WORDS words of AGENT_DETERMINERS, with no mark between
 * but an apostrophe ("par l'EIGS", "by members of the Sand Front").
 */
function agentPhraseAt(words: Words, mentions: readonly Mention[], index: number): Mention | undefined {
  for (let at = index, skipped = 0; at < words.length && skipped <= DETERMINER_WORDS; at++, skipped++) {
    const mention = mentionAt(words, mentions, at);
    if (mention !== undefined) return mention;
    const word = words.list[at];
    if (word.kind === 'mark' ? word.text !== "'" : !isAny(word, (form) => AGENT_DETERMINERS.has(form))) return undefined;
  }
  return undefined;
}

function range(words: Words, first: number, last: number): TextRange {
  return { start: words.list[first].start, end: words.list[last].end };
}

/** The passive's agent after "by", "par" at word `index`: "carried out by [X]", "aurait été menée par l'[X]", "claimed by [X]". */
function passiveAgent(words: Words, mentions: readonly Mention[], index: number): Agent | undefined {
  const participle = words.list[index - 1]?.text ?? '';
  const phrasal = DOING_PHRASAL.has(participle) && DOING_PHRASAL.get(participle) === words.list[index - 2]?.text;
  if (!phrasal && !DOING_PARTICIPLES.has(participle)) return undefined;
  const mention = agentPhraseAt(words, mentions, index + 1);
  if (mention === undefined) return undefined;
  return { construction: CLAIMING_PARTICIPLE.test(participle) ? 'claim of the act' : 'passive agent', mention, cue: range(words, index - (phrasal ? 2 : 1), index) };
}

/** The party after the dative of a verb of attributing within a few words before it: "attributed to [X]", "imputé à des [X]", "نُسبت إلى [X]". */
function attributedTo(words: Words, mentions: readonly Mention[], index: number): Agent | undefined {
  const verb = [index - 1, index - 2].find((at) => isAny(words.list[at], (form) => ATTRIBUTING.test(form)));
  if (verb === undefined) return undefined;
  const mention = agentPhraseAt(words, mentions, index + 1);
  return mention === undefined ? undefined : { construction: 'attribution', mention, cue: range(words, verb, index) };
}

/** The words that open a charge before its act: "of", "of having", "d'avoir", "de l'", "for the". */
const CHARGE_OPENERS: ReadonlySet<string> = new Set(['of', 'having', 'being', 'for', 'the', 'de', 'd', "'", 'avoir', 'etre', 'l', 'la', 'le', 'les', 'pour']);
/** What one is charged with, when it is the act: carrying it out, killing, attacking ("of carrying out", "d'avoir tué", "of the massacre"). */
const ACT_CHARGE = /^(?:carr(?:y|ying|ied)$|commit|commis|perpetr|kill|attack|attaqu|massacr|execut|murder|slaughter|assassin|behind|responsib|ambush|embusc|abatt|raid|tu(?:e|er|ee|es|ees)$|men(?:e|er|ee|es|ees)$)/u;
/** The same, Arabic, after its preposition: "بتنفيذ", "بقتل", "بارتكاب", "بالوقوف وراء", "بشن". */
const ARABIC_ACT_CHARGE = /^ب(?:ال)?(?:تنفيذ|قتل|ارتكاب|وقوف|شن|مهاجم|استهداف|اعدام|تصفي|مسؤولي|مجزر|هجوم)/u;
/** How many words after an accusing verb its object may start within: "يتهم سكان القرية [X]", "accusent des membres des [X]". */
const ACCUSED_WINDOW = 6;
/** How many words the charge's openers may take. */
const CHARGE_OPENER_WORDS = 3;

/** Whether a charge of the act opens at word `index`: "of carrying out…", "d'avoir mené…", "بتنفيذ…" — not "of abandoning its post". */
export function chargeAt(words: Words, index: number): boolean {
  for (let at = index; at < Math.min(words.length, index + CHARGE_OPENER_WORDS + 1); at++) {
    const word = words.list[at];
    if (word.arabic) return ARABIC_ACT_CHARGE.test(word.text);
    if (!CHARGE_OPENERS.has(word.text)) return word.kind === 'word' && ACT_CHARGE.test(word.text);
  }
  return false;
}

/**
 * The party an accusation at word `index` governs, charged with an act:
 * its object ("accused [X] of…", "accusent [X] d'avoir…"; in Arabic after
 * the accuser, "يتهم [سكان القرية] [X] بتنفيذ"), or, where the charge
 * follows the verb at once, the subject of its passive ("[X] was accused
 * of…", "[التنظيم] قد اتُّهم بقتل…").
 */
function accused(words: Words, mentions: readonly Mention[], index: number, accuser: Mention | undefined): Agent | undefined {
  const cue = range(words, index, index);
  const next = words.list[index + 1];
  if (next !== undefined && AGENT_PREPOSITIONS.has(next.text)) return undefined;
  if (chargeAt(words, index + 1)) {
    // The passive: the party just before the verb and its auxiliaries.
    for (let at = index - 1; at >= Math.max(0, index - 4); at--) {
      const word = words.list[at];
      const mention = mentionAt(words, mentions, at);
      if (mention !== undefined) return mention === accuser ? undefined : { construction: 'accusation', mention, cue };
      if (word.kind === 'mark') return undefined;
    }
    return undefined;
  }
  // The accused is the party the charge follows: past the accuser, and past a place or a party named with it ("أهالي [كيرو]").
  for (let at = index + 1; at < Math.min(words.length, index + ACCUSED_WINDOW); at++) {
    const word = words.list[at];
    const mention = mentionAt(words, mentions, at);
    if (mention !== undefined && mention !== accuser && chargeAt(words, wordIndexAt(words, mention.end))) return { construction: 'accusation', mention, cue };
    if (mention === undefined && word.kind === 'mark') return undefined;
  }
  return undefined;
}

/** Who the attackers were, after their noun at word `index` and a copula: "the attackers were reportedly [X]", "les assaillants auraient été des [X]", "منفذيه [X]", "المهاجمون من [X]". */
function attackersWere(words: Words, mentions: readonly Mention[], index: number): Agent | undefined {
  let at = index + 1;
  // Arabic needs no copula after those who carried it out ("منفذيه [X]"); after "the attackers", a verb's subject, it needs "من" or "هم".
  let copula = isAny(words.list[index], (form) => form.includes('منفذ'));
  while (at < words.length && isAny(words.list[at], (form) => COPULAS.has(form) || COPULA_COMPANIONS.has(form))) {
    copula ||= isAny(words.list[at], (form) => COPULAS.has(form));
    at++;
  }
  if (!copula) return undefined;
  const mention = agentPhraseAt(words, mentions, at);
  return mention === undefined ? undefined : { construction: 'the attackers', mention, cue: range(words, index, at - 1) };
}

/** The party after an Arabic verb of doing or claiming the act (VSO): "نفذته [X]", "وتبنتهما [X]", "تبنت [X] الهجوم". */
function arabicSubject(words: Words, mentions: readonly Mention[], index: number): Agent | undefined {
  const word = words.list[index];
  const claiming = isAny(word, (form) => ARABIC_CLAIMING.test(form) || form.startsWith('تبن'));
  const mention = mentionAt(words, mentions, index + 1);
  return mention === undefined ? undefined : { construction: claiming ? 'claim of the act' : 'passive agent', mention, cue: range(words, index, index) };
}

/** Verbs of carrying out an act in the active, past or present: "carried out", "committed", "a perpétré", "ont mené". */
const DOING_ACTIVE: ReadonlySet<string> = new Set([
  'committed', 'perpetrated', 'staged', 'launched', 'conducted', 'executed', 'commits', 'perpetrates', 'stages', 'launches',
  ...participles(['men', 'perpetr', 'lanc', 'execut']), 'commis', 'commise', 'conduit',
]);
/** Verbs of attacking, whose subject did the act and whose object is its target: "[X] attacked the post", "[X] a attaqué", "استهدفت [X] القاعدة". */
const ATTACKING: ReadonlySet<string> = new Set([
  'attacked', 'targeted', 'stormed', 'ambushed', 'raided', 'overran', 'attacks', 'targets', 'storms', 'ambushes', 'raids',
  ...participles(['attaqu', 'cibl']), 'vise', 'attaquent', 'attaquait', 'attaquaient',
]);
const ARABIC_ATTACKING = /^[يت]?(?:استهدف|هاجم|اقتحم)(?:ت|وا)?$/u;
/** The act a verb of doing takes as its object: "the attack", "these killings", "le massacre". */
const ACT_NOUNS = /^(?:attacks?|killings?|massacres?|raids?|ambush(?:es)?|assaults?|atrocit|bombings?|attaques?|massacres?|tueries?|embuscades?|assaut|raids?|attentats?|assassinats?)$/u;
/** Determiners before the act: "the", "these", "l'", "cette". */
const ACT_DETERMINERS: ReadonlySet<string> = new Set(['the', 'this', 'these', 'that', 'an', 'a', 'both', 'le', 'la', 'les', 'l', "'", 'cette', 'ces', 'cet', 'ce', 'deux']);
/** Words between a subject and its verb that leave it the subject: "reportedly carried out", "a perpétré", "had also carried out". */
const SUBJECT_COMPANIONS: ReadonlySet<string> = new Set([
  'reportedly', 'allegedly', 'apparently', 'likely', 'probably', 'also', 'had', 'has', 'have', 'may', 'might', 'would', 'could',
  'a', 'ont', 'aurait', 'auraient', 'avait', 'avaient', 'aussi', 'egalement', 'probablement', 'vraisemblablement',
]);
/** "Behind" an act, its whose the act is: "was behind them", "serait derrière". */
const BEHIND: ReadonlySet<string> = new Set(['behind', 'derriere']);
/** How many words may stand between the subject and its verb. */
const SUBJECT_DISTANCE = 3;

/** The party just before word `index`, past at most SUBJECT_DISTANCE words that leave it the subject ("[X] reportedly carried out"). */
function subjectBefore(words: Words, mentions: readonly Mention[], index: number, companions: ReadonlySet<string>): Mention | undefined {
  for (let at = index - 1; at >= Math.max(0, index - 1 - SUBJECT_DISTANCE); at--) {
    const mention = mentionAt(words, mentions, at);
    if (mention !== undefined) return mention;
    if (!companions.has(words.list[at].text)) return undefined;
  }
  return undefined;
}

/** Whether an act is named at word `index`, after its determiners: "the attack", "l'embuscade", "these killings". */
function actAt(words: Words, index: number): boolean {
  for (let at = index; at < Math.min(words.length, index + 3); at++) {
    const word = words.list[at];
    if (!ACT_DETERMINERS.has(word.text)) return word.kind === 'word' && ACT_NOUNS.test(word.text);
  }
  return false;
}

/**
 * The subject of a verb of doing at word `index` whose object is the act
 * ("[X] carried out the attack", "[X] a perpétré le massacre"), or of a verb
 * of attacking ("[X] attacked the post", "[X] ont attaqué le camp").
 */
function activeAgent(words: Words, mentions: readonly Mention[], index: number): Agent | undefined {
  if (ATTACKING.has(words.list[index].text)) {
    const mention = subjectBefore(words, mentions, index, SUBJECT_COMPANIONS);
    return mention === undefined ? undefined : { construction: 'active agent', mention, cue: range(words, index, index) };
  }
  const phrasal = words.list[index].text === 'carried' && words.list[index + 1]?.text === 'out';
  if (!phrasal && !DOING_ACTIVE.has(words.list[index].text)) return undefined;
  const object = index + (phrasal ? 2 : 1);
  if (!actAt(words, object)) return undefined;
  const mention = subjectBefore(words, mentions, index, SUBJECT_COMPANIONS);
  return mention === undefined ? undefined : { construction: 'active agent', mention, cue: range(words, index, object - 1) };
}

/** The subject of "to be" and "behind" at word `index`: "[X] was reportedly behind them", "[X] serait derrière l'attaque". */
function behindIt(words: Words, mentions: readonly Mention[], index: number): Agent | undefined {
  let at = index - 1;
  while (at >= 0 && COPULA_COMPANIONS.has(words.list[at].text) && !COPULAS.has(words.list[at].text)) at--;
  if (at < 0 || !COPULAS.has(words.list[at].text)) return undefined;
  const mention = subjectBefore(words, mentions, at, SUBJECT_COMPANIONS);
  return mention === undefined ? undefined : { construction: 'behind it', mention, cue: range(words, at, index) };
}

/** Whether, after a statement's verb ending before word `from`, the party speaks of its own act: "it had struck", "its fighters killed", "avoir tué", "إنه قتل". */
function ownAct(words: Words, from: number): TextRange | undefined {
  for (let at = from; at < Math.min(words.length, from + SELF_DISTANCE); at++) {
    const word = words.list[at];
    if (word.kind === 'mark' && word.text !== ',' && word.text !== "'") return undefined;
    const arabicSelf = isAny(word, (form) => ARABIC_SELF.test(form));
    const owner = OWN_FORCES_OWNERS.has(word.text) && OWN_FORCES.has(words.list[at + 1]?.text ?? '');
    if (!arabicSelf && !owner && !SELF_SUBJECTS.has(word.text) && word.text !== 'avoir') continue;
    let verb = word.text === 'avoir' ? at + 1 : at + (owner ? 2 : 1);
    while (AUXILIARIES.has(words.list[verb]?.text ?? '')) verb++;
    const act = words.list[verb];
    if (act === undefined || !(ACTS.has(act.text) || isAny(act, (form) => ARABIC_ACT.test(form)))) return undefined;
    // Killing the attackers is defending against the act, not doing it: "the army said it had killed 40 attackers".
    const object = words.list.slice(verb + 1, verb + 3).find((word) => word.kind === 'word');
    return object !== undefined && (ATTACKER_NOUNS.has(object.text) || isAny(object, (form) => ARABIC_ATTACKER_NOUN.test(form))) ? undefined : range(words, at, verb);
  }
  return undefined;
}

/**
 * The agents the constructions of responsibility name in a passage. `speech`
 * is the claimant's statement, when a party speaks (its verb and mention):
 * the accuser is never the accused, and own agency is read after its verb.
 */
export function agentsOf(words: Words, mentions: readonly Mention[], speech: { readonly cue: TextRange; readonly mention?: Mention } | undefined): Agent[] {
  const agents: Agent[] = [];
  const add = (agent: Agent | undefined) => {
    if (agent !== undefined) agents.push(agent);
  };
  words.list.forEach((word, index) => {
    if (word.kind !== 'word') return;
    if (AGENT_PREPOSITIONS.has(word.text)) add(passiveAgent(words, mentions, index));
    if (ATTRIBUTION_DATIVES.has(word.text)) add(attributedTo(words, mentions, index));
    if (accuses(word.text)) add(accused(words, mentions, index, speech?.mention));
    if (ATTACKER_NOUNS.has(word.text) || isAny(word, (form) => ARABIC_ATTACKER_NOUN.test(form))) add(attackersWere(words, mentions, index));
    if (isAny(word, (form) => ARABIC_DID_IT.test(form) || ARABIC_CLAIMING.test(form) || ARABIC_DOING.test(form) || ARABIC_ATTACKING.test(form))) add(arabicSubject(words, mentions, index));
    add(activeAgent(words, mentions, index));
    if (BEHIND.has(word.text)) add(behindIt(words, mentions, index));
    if (word.text === ARABIC_OF_DOING[0] && words.list[index + 1]?.text === ARABIC_OF_DOING[1]) {
      const mention = mentionAt(words, mentions, index + 2);
      if (mention !== undefined) agents.push({ construction: 'passive agent', mention, cue: range(words, index, index + 1) });
    }
  });
  if (speech !== undefined) {
    const own = ownAct(words, wordIndexAt(words, speech.cue.end));
    if (own !== undefined) agents.push({ construction: 'own agency', cue: own });
  }
  return agents;
}
