// Who says it: the attribution constructions of press French, English and
// Arabic, and the party each one names — the nearest mention in that
// construction, not merely the first actor of the sentence.
// - a preposition of source: "selon X", "d'après X", "according to X",
//   "بحسب X", "وفقا لـ X" → the first actor named after it ("selon un
//   communiqué du JNIM" → JNIM);
// - a verb of saying or claiming: "X a affirmé", "X said", "X revendique",
//   "X n'a pas souhaité…" → its subject: the nearest actor before it that no
//   preposition governs ("[le GSIM], affilié à [Al-Qaïda], a revendiqué" →
//   GSIM); after it when the verb is inverted after a quote or a comma
//   ("…», affirme encore [l'armée]", "…, dit [le GSIM]") and in Arabic,
//   whose verb comes first ("قال [الجيش]"); a subject pronoun ("Elle a
//   dit", "a-t-elle dit", "he said", the one an Arabic verb carries:
//   "وأضاف أن…") stands for the last party that spoke;
// - around them, the constructions that name the speaker further off: after
//   the party spoken to ("a déclaré à l'AFP [un responsable local]"), before
//   a passive of quoting ("[l'armée], citée par Reuters"), after a medium's
//   "citing" ("Reuters reported, citing [a local official]"), through a part
//   of an institution ("la division des droits de l'homme de [la Minusma]"),
//   after an Arabic title whose institution a fused preposition governs
//   ("الأمين العام للأمم المتحدة [أنطونيو غوتيريش]"), before a colon and a
//   quotation ("[Un élu local] : « … »").

import { foldText } from '../aliases';
import type { Corpus } from '../corpus';
import { byLanguages, languagesOf, phraseTable, type TableEntry } from '../read/languages';
import { arabicOffset, type Word, type Words } from '../read/words';
import type { TextRange } from '../syntax';
import { idOfSection, type Mention } from './mentions';
import { accuses, claimsAct } from './lexicon';
import { chargeAt } from './responsibility';
import { wordIndexAt } from './terms';

/**
 * - preposition: the party named after it ("selon X");
 * - verb: its subject ("X a dit", "قال X");
 * - stance: a verb by which a party acts or takes a stand rather than tells
 *   ("X revendique l'attaque", "X condemned", "أدانت X"): its subject, as a
 *   verb's, but what follows is not that party's account unless the verb
 *   opens a clause or a quotation ("X claimed it had…", "X a démenti que…");
 * - citing: a preposition of source by which a medium passes on a party's
 *   words ("Reuters reported, citing [a local official]", "نقلا عن X"):
 *   the party after it, as a preposition's, who speaks rather than the medium;
 * - relay: a verb by which one party passes on another's words, the party
 *   after "عن" or before "as saying" being the speaker ("نقلت فرانس برس عن
 *   مصدر أمني", "the agency quoted a source as saying");
 * - statement: the statement itself speaks ("selon le communiqué", "the
 *   statement said", "وجاء في البيان"): for the party it names right after,
 *   else for the party that spoke last;
 * - possessive: a count the party owns ("by [the ministry]'s count", "by
 *   its own tally", "[the government]'s toll" opening the sentence): for
 *   the party the possessive ends, after "by" or as the subject, or for the
 *   party that spoke last;
 * - opening: a preposition that attributes only where it opens the
 *   sentence, its party then a comma right after it ("Pour [une source
 *   sécuritaire], l'attaque porte la marque de…"): elsewhere "pour [X]" is
 *   for X, not X's word.
 */
export type Construction = 'preposition' | 'claimed-by' | 'citing' | 'verb' | 'stance' | 'relay' | 'statement' | 'possessive' | 'opening';

/** Arabic participles of saying, masculine and feminine, singular and plural ("مؤكدا", "مؤكدة", "مشيرين"). */
const ARABIC_PARTICIPLES_OF_SAYING: readonly string[] = ['مؤكدا', 'مؤكدة', 'مؤكدين', 'مضيفا', 'مضيفة', 'مضيفين', 'موضحا', 'موضحة', 'موضحين', 'مشيرا', 'مشيرة', 'مشيرين'];
const PARTICIPLES_OF_SAYING: ReadonlySet<string> = new Set(ARABIC_PARTICIPLES_OF_SAYING.map((word) => foldText(word).folded));

const ATTRIBUTIONS: readonly TableEntry<Construction>[] = [
  ['fr', 'selon', 'preposition'],
  ["fr", "d'après", 'preposition'],
  ['fr', 'de source', 'preposition'],
  ['fr', 'pour', 'opening'],
  ['fr', 'citant', 'citing'],
  ['fr', 'cité|citée|cités|citées par', 'preposition'],
  // An announcement's passive names who made it after "par": "[l'attaque] avait été annoncée samedi, sans bilan précis, par [des élus]".
  ['fr', 'annoncé|annoncée|annoncés|annoncées * par', 'preposition'],
  // The passive names the claimant after "par": "l'attaque a été revendiquée par [le JNIM]" — a stand, like the active.
  ['fr', 'revendiqué|revendiquée|revendiqués|revendiquées * par', 'claimed-by'],
  // What the outlet learnt from a party is that party's account: "a-t-on appris dimanche de [sources locales]", "apprend-on auprès de [X]".
  ['fr', 'appris|apprend|apprenait on? lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier? de|d|auprès', 'preposition'],
  ['fr', 'affirme|affirment|affirmé|affirmait|affirmaient|affirmant', 'verb'],
  ['fr', 'assure|assurent|assuré|assurait|assuraient|assurant', 'verb'],
  ['fr', 'revendique|revendiquent|revendiqué|revendiquait|revendiquaient|revendiquant', 'stance'],
  ['fr', 'déclare|déclarent|déclaré|déclarait|déclaraient|déclarant', 'verb'],
  ['fr', 'indique|indiquent|indiqué|indiquait|indiquaient|indiquant', 'verb'],
  ['fr', 'annonce|annoncent|annoncé|annonçait|annonçaient|annonçant', 'verb'],
  ['fr', 'dit|disent|disait|disaient|disant', 'verb'],
  ['fr', 'avance|avancent|avancé|avançait', 'verb'],
  // The participle too, whose subject is named before it: "[une source] évoquant alors « une cinquantaine de morts »".
  ['fr', 'évoque|évoquent|évoqué|évoquait|évoquaient|évoquant', 'verb'],
  ['fr', 'reconnaît|reconnait|reconnaissent|reconnu|reconnaissait', 'verb'],
  ['fr', 'estime|estiment|estimé|estimait', 'verb'],
  // A belief held is a claim of its holder: "[les enquêteurs] pensent que…", "[X] croit savoir que…".
  ['fr', 'pense|pensent|pensait|croit|croient|croyait que|qu|savoir', 'verb'],
  ['fr', 'précise|précisent|précisé|précisait', 'verb'],
  ['fr', 'rapporte|rapportent|rapporté|rapportait', 'verb'],
  ['fr', 'ajoute|ajoutent|ajouté|ajoutait', 'verb'],
  ['fr', 'explique|expliquent|expliqué|expliquait', 'verb'],
  ['fr', 'souligne|soulignent|souligné', 'verb'],
  ['fr', 'signale|signalent|signalé', 'verb'],
  ['fr', 'confirme|confirment|confirmé', 'verb'],
  ['fr', 'dément|démentent|démenti', 'stance'],
  ['fr', 'nie|nient|nié', 'stance'],
  ['fr', 'accuse|accusent|accusé', 'stance'],
  // Blaming another party is a claim of its own: "des sources sécuritaires l'ont imputée à l'EIGS".
  ['fr', 'impute|imputent|imputé|imputée|imputait|imputaient|attribue|attribuent|attribué|attribuée|attribuait|attribuaient', 'stance'],
  ['fr', 'témoigne|témoignent|témoigné|raconte|racontent|raconté', 'verb'],
  ['fr', 'confie|confient|confié|confiait|confiaient', 'verb'],
  ['fr', 'insiste|insistent|insisté|insistait', 'verb'],
  // "rappelle" is also calling back ("a rappelé ses réservistes"): only "rappelle que".
  ['fr', 'rappelle|rappellent|rappelé|rappelait que|qu', 'verb'],
  // A finding is told as a statement is, but "conclu" alone is also an agreement made: only "conclu que".
  ['fr', 'conclut|concluent|conclu|concluait|concluaient que|qu', 'verb'],
  ['fr', 'relate|relatent|relaté|révèle|révèlent|révélé|allègue|allèguent|allégué|martèle|martelé', 'verb'],
  ['fr', 'soutient|soutiennent|soutenu|note|notent|noté que|qu', 'verb'],
  // A party's count is its claim: "[la Minusma] a recensé 157 morts", "[l'ONG] a dénombré…".
  ['fr', 'recense|recensent|recensé|dénombre|dénombrent|dénombré|comptabilise|comptabilisent|comptabilisé', 'verb'],
  // Figures a party gives out: "le bilan, communiqué par [le ministère]", "des chiffres fournis par [l'ONU]" — figures only: "des
  // armes fournies par [X]", "des otages libérés par [X]" are no statement of X's.
  ['fr', 'bilan|bilans|chiffre|chiffres|données|statistiques|estimation|estimations|décompte ,? communiqué|communiquée|communiqués|communiquées|fourni|fournie|fournis|fournies|publié|publiée|publiés|publiées|diffusé|diffusée|diffusés|diffusées|établi|établie|établis|établies par', 'preposition'],
  ['fr', 'décrit|décrivent|décrivait|décrivaient', 'verb'],
  ['fr', 'fait|font savoir', 'verb'],
  ['fr', 'condamne|condamnent|condamné|dénonce|dénoncent|dénoncé|déplore|déplorent|déploré', 'stance'],
  ['fr', 'rejette|rejettent|rejeté|rejetait|exprime|expriment|exprimé', 'stance'],
  ['fr', 'a|ont fait savoir', 'verb'],
  // An adverb may stand inside the phrase: "[Les autorités] font désormais état de cinq soldats tués".
  ['fr', 'fait|font|faisait|faisaient désormais|aussi|également|encore|toujours|maintenant? état', 'verb'],
  ['fr', 'parle|parlent|parlé|parlait|parlaient de|d|du|des', 'verb'],
  // The gerund or participle that goes on with a party's account in a clause of its own: "…, en parlant de « 70 » morts", "…, [une
  // source] évoquant alors « une cinquantaine de morts »".
  ['fr', 'en? parlant de|d|du|des', 'verb'],
  ['fr', 'en? évoquant|précisant|ajoutant|soulignant|expliquant', 'verb'],
  ['fr', 'chiffre|chiffrent|chiffré|évalue|évaluent|évalué le|son|leur bilan', 'verb'],
  // A figure a party gives out is its account: "[le gouvernement] avait donné un bilan de 35 morts".
  ['fr', 'donne|donnent|donné|donnait|donnaient|fourni|fournit|fournissait un|le|son|leur bilan|chiffre|décompte', 'verb'],
  // A toll a party revises is its own figure, an act rather than an account that goes on: "[le gouvernement] a relevé le bilan à
  // 38", "revu à la hausse son bilan".
  ['fr', 'relève|relèvent|relevé|relevait|revu|révisé * bilan', 'stance'],
  // A report speaks as a statement does: "selon le rapport", "affirme le rapport".
  ['fr', "selon|d'après le|ce communiqué|texte|document|rapport", 'statement'],
  ['fr', 'le|ce communiqué|texte|rapport indique|précise|ajoute|affirme|assure|souligne|poursuit|dit|conclut', 'statement'],
  ['fr', 'indique|précise|ajoute|affirme|poursuit|souligne|conclut le|ce communiqué|texte|rapport', 'statement'],
  // A note, as a report: "selon la note", "la note précise" — the party that wrote it, named before.
  ["fr", "selon|d'après la|cette note", 'statement'],
  ['fr', 'la|cette note indique|précise|ajoute|affirme|souligne|poursuit|dit|conclut', 'statement'],
  ['en', 'according to', 'preposition'],
  ['en', 'citing|quoting', 'citing'],
  ['en', 'quoted|cited by', 'preposition'],
  ['en', 'claimed * by', 'claimed-by'],
  ['en', 'said|says|say|saying', 'verb'],
  ['en', 'claimed|claims|claiming', 'stance'],
  ['en', 'stated|states', 'verb'],
  ['en', 'announced|announces', 'verb'],
  ['en', 'reported|reports', 'verb'],
  ['en', 'told|tells', 'verb'],
  ['en', 'added|adds', 'verb'],
  ['en', 'confirmed|confirms', 'verb'],
  ['en', 'denied|denies', 'stance'],
  ['en', 'acknowledged|acknowledges|admitted|admits', 'verb'],
  ['en', 'insisted|insists|maintained|maintains|asserted|asserts', 'verb'],
  ['en', 'estimated|estimates', 'verb'],
  // A belief held is a claim of its holder: "[U.S. officials] believe the attackers…". Not "believed", which is also a passive
  // ("fighters believed to be…") and names no one who holds the belief, nor "suspect", which is also a noun ("arrested 15 suspects").
  ['en', 'believe|believes', 'verb'],
  ['en', 'wrote|writes|posted', 'verb'],
  ['en', 'described|describes', 'verb'],
  ['en', 'explained|explains|noted', 'verb'],
  ['en', 'spoke|speaks|spoken|talked|talks of|about', 'verb'],
  ['en', 'concluded|concludes|found that', 'verb'],
  ['en', 'revealed|reveals|recounted|recounts|argued|argues', 'verb'],
  // "alleged" is also an adjective ("[the army]'s alleged killing of…"): only "alleged that".
  ['en', 'alleged|alleges that', 'verb'],
  // A party's count is its claim: "[the UN] documented 157 deaths".
  ['en', 'documented|recorded|counted|tallied', 'verb'],
  // Figures a party gives out: "figures provided by [the ministry]" — figures only: "aid provided by [the UN]", "hostages released
  // by [the group]" are no statement of theirs.
  ['en', 'figure|figures|toll|tolls|data|statistics|tally|numbers|count|estimate|estimates ,? provided|released|issued|published|compiled|given|supplied by', 'preposition'],
  // "'s" is read as a mark and the word "s": the mark is checked where the construction is read.
  ['en', 's count|tally|reckoning|estimate|toll|figure|figures', 'possessive'],
  ['en', 'by its|their own? count|tally|reckoning|estimate', 'possessive'],
  ['en', 'condemned|condemns|denounced|denounces|deplored', 'stance'],
  ['en', 'accused|accuses', 'stance'],
  ['en', 'blamed|blames|blame|attributed|attributes|attribute', 'stance'],
  ['en', 'pointed|point|points|pointing to|at', 'stance'],
  ['en', 'rejected|rejects|expressed|expresses', 'stance'],
  // An appeal is a stand: "[He] said at least 25 peacekeepers had been wounded and called on the authorities to…".
  ['en', 'called|calls on', 'stance'],
  ['en', 'urged|urges', 'stance'],
  ['en', 'put|puts|putting the|its death? toll|number', 'verb'],
  // A figure said of the one before: "[local officials] put it higher, at about 160".
  ['en', 'put|puts|putting it', 'verb'],
  ['en', 'put|puts|putting the figure|total', 'verb'],
  // A figure a party gives out is its account: "[the government] had given a toll of 35 dead", "It had first given a figure of 46".
  ['en', 'gave|give|gives|given|giving a|an|the|its|their death? toll|figure|tally|count', 'verb'],
  // A toll a party revises is its own figure, an act rather than an account that goes on: "[it] raised the death toll to 38".
  ['en', 'raised|raises|revised|revises the|its death? toll|tally', 'stance'],
  ['en', 'quoted', 'relay'],
  ['en', 'according to the|its statement|communique|report|note|memo', 'statement'],
  ['en', 'the|its statement|report|note|memo said|says|added|adds|read|reads|found', 'statement'],
  ['en', 'said|added the statement|report|note|memo', 'statement'],
  ['ar', 'بحسب|حسب|حسبما', 'preposition'],
  ['ar', 'وفقا|وفق|طبقا', 'preposition'],
  ['ar', 'نقلا عن', 'citing'],
  // The dual too: "[الولايات المتحدة] و[الاتحاد الأوروبي] يقولان".
  ['ar', 'قال|قالت|يقول|تقول|قالوا|قالا|قالتا|يقولان|تقولان|يقولون', 'verb'],
  ['ar', 'أعلن|أعلنت|يعلن|تعلن|أعلنوا', 'verb'],
  ['ar', 'أفاد|أفادت|يفيد|تفيد', 'verb'],
  ['ar', 'ذكر|ذكرت|يذكر|تذكر', 'verb'],
  ['ar', 'أكد|أكدت|يؤكد|تؤكد', 'verb'],
  ['ar', 'صرح|صرحت', 'verb'],
  ['ar', 'أوضح|أوضحت|يوضح|توضح', 'verb'],
  ['ar', 'أشار|أشارت', 'verb'],
  ['ar', 'زعم|زعمت|يزعم|تزعم', 'verb'],
  ['ar', 'ادعى|ادعت', 'verb'],
  ['ar', 'اعترف|اعترفت', 'verb'],
  // "أقر" admits as "اعترف" does: "وأقرت قناة [غراي زون]… بمقتل…", "أقر [الجيش] بتكبده خسائر".
  ['ar', 'أقر|أقرت|يقر|تقر|أقروا', 'verb'],
  ['ar', 'نفى|نفت|ينفي|تنفي', 'stance'],
  ['ar', 'تبنى|تبنت|يتبنى|تتبنى', 'stance'],
  // With the act as an attached pronoun: "وتبناه التنظيم", "تبنته الجماعة".
  ['ar', 'تبناه|تبنته|تبنوه|يتبناه|تتبناه', 'stance'],
  // Of a feminine or a dual act: "تبنتها الجماعة", "وتبنتهما [X]" (both attacks).
  ['ar', 'تبناها|تبنتها|تبنوها|يتبناها|تتبناها|تبناهما|تبنتهما|تبنوهما|يتبناهما|تتبناهما', 'stance'],
  ['ar', 'أضاف|أضافت', 'verb'],
  // The participle that goes on with what the sentence's subject says, after a comma: "وطالبت [الرابطة] بتحقيق، مؤكدة أن…".
  ['ar', ARABIC_PARTICIPLES_OF_SAYING.join('|'), 'verb'],
  ['ar', 'روى|روت|يروي|تروي|رووا', 'verb'],
  ['ar', 'تحدث|تحدثت|يتحدث|تتحدث|تحدثوا', 'verb'],
  ['ar', 'كشف|كشفت|يكشف|تكشف|شدد|شددت|يشدد|تشدد|لفت|لفتت|نوه|نوهت', 'verb'],
  // A party's count is its claim: "ووثقت [المنظمة] مقتل 157".
  ['ar', 'أحصى|أحصت|يحصي|تحصي|وثق|وثقت|يوثق|توثق|رصد|رصدت|يرصد|ترصد', 'verb'],
  ['ar', 'نقلت|نقل|ينقل|تنقل', 'relay'],
  ['ar', 'اتهم|اتهمت|يتهم|تتهم', 'stance'],
  ['ar', 'نسب|نسبت|ينسب|تنسب|نسبوا', 'stance'],
  ['ar', 'رجح|رجحت|يرجح|ترجح|رجحوا', 'verb'],
  ['ar', 'جاء في البيان|بيانها|بيانه|بيانهم|التقرير|المذكرة', 'statement'],
  ['ar', 'أضاف|قال|أكد|أوضح|ذكر البيان|التقرير', 'statement'],
  ['ar', 'أضافت|قالت|أكدت|أوضحت|ذكرت المذكرة', 'statement'],
  ['ar', 'بحسب|حسب|وفق البيان|التقرير|المذكرة', 'statement'],
  ['ar', 'أعرب|أعربت|يعرب|تعرب', 'stance'],
  ['ar', 'قدر|قدرت|يقدر|تقدر|قدروا', 'verb'],
  // With the figure as an attached pronoun: "قدروها بنحو 160".
  ['ar', 'قدرها|قدروها|قدره|قدروه|قدرته', 'verb'],
  // A toll a party revises is its own figure, an act rather than an account that goes on: "وكانت [الحكومة] قد رفعت إلى 66
  // قتيلا حصيلة الهجوم".
  ['ar', 'رفع|رفعت|يرفع|ترفع|رفعوا * حصيلة|الحصيلة', 'stance'],
  // A belief held: "ويعتقد [مسؤولون] أن…"; voweled as a passive ("يُعتقد أن…") it names no one.
  ['ar', 'يعتقد|تعتقد|يعتقدون|اعتقد|اعتقدت', 'verb'],
  ['ar', 'رفض|رفضت|يرفض|ترفض', 'stance'],
  // "دان" is "أدان" as the press often writes it, without its hamza.
  ['ar', 'أدان|أدانت|دان|دانت|يدين|تدين|ندد|نددت|استنكر|استنكرت', 'stance'],
];

/** The last word of a passive's preposition of source, whose agent follows at once ("quoted by", "cité par"). */
const AGENT_WORDS: ReadonlySet<string> = new Set(['by', 'par']);
/** Passives of quoting: the party they follow is the one quoted ("[l'armée], citée par [Reuters], affirme" is the army speaking). */
const QUOTED: ReadonlySet<string> = new Set(['quoted', 'cited', 'cite', 'citee', 'cites', 'citees']);

const tableFor = byLanguages((languages) => phraseTable(ATTRIBUTIONS, languages));

/**
 * The constructions of attribution in some words, but for a verb read after
 * the article: an Arabic verb never takes it, so "آليتهم" (their vehicle,
 * ال + يتهم) is a noun, not "accuses".
 */
function constructionsIn(words: Words, language: string | undefined) {
  return tableFor(languagesOf(language))
    .findAll(words)
    .filter((match) => !((match.payload === 'verb' || match.payload === 'stance') && readAfterArticle(words.list[match.first], match.start)));
}

/** Whether a phrase matched a word from a stem that follows the article (ال, لل). */
function readAfterArticle(word: Word, start: number): boolean {
  return (word.stems ?? []).some((stem) => stem.article && arabicOffset(word, stem.prefixLength) === start);
}

/**
 * Verbs of saying that may come before their subject in French and English,
 * after what was said: "…, a dit [l'armée]", '"…," [the army] said' is the
 * army speaking. Others keep their subject before them: in "[le collectif],
 * …, accuse [l'armée]", "[the residents] told [Reuters]", the party after
 * the verb is its object. (Arabic verbs come first whatever they are.)
 */
const INVERTING: ReadonlySet<string> = new Set(
  [
    ...['dit', 'disent', 'affirme', 'affirment', 'assure', 'assurent', 'ajoute', 'ajoutent', 'precise', 'precisent', 'indique', 'indiquent', 'souligne', 'explique', 'estime', 'declare', 'rapporte', 'raconte', 'poursuit', 'insiste', 'confie', 'rappelle', 'temoigne'],
    // "…, a annoncé mardi soir [le gouvernement]".
    ...['annonce', 'annoncent'],
    // What a party admits: "…n'a été retrouvé que le vendredi, a reconnu [le général]", '"…," acknowledged [the army]'.
    ...['reconnu', 'reconnait', 'acknowledged', 'admitted'],
    ...['said', 'says', 'added', 'adds', 'stated', 'wrote', 'explained', 'noted', 'insisted', 'claimed', 'claims'],
  ],
);

/** Words that govern the mention after them: a party named after one is no subject ("affilié à [Al-Qaïda]"). */
const PREPOSITIONS: ReadonlySet<string> = new Set([
  'a', 'au', 'aux', 'de', 'du', 'des', 'd', 'par', 'pour', 'contre', 'avec', 'sur', 'dans', 'en', 'vers', 'chez', 'entre', 'sans', 'sous', 'apres', 'avant', 'envers',
  'of', 'to', 'by', 'with', 'against', 'from', 'in', 'at', 'for', 'on', 'into', 'over', 'between', 'among', 'about',
  // As words are folded: "إلى" and "على" are read "الي" and "علي".
  ...['في', 'على', 'من', 'إلى', 'عن', 'مع', 'ضد', 'بين'].map((word) => foldText(word).folded),
  // The proclitics "لـ" and "بـ" stand alone where markup cuts them from their noun: "ل[الجزيرة نت]".
  'ل', 'ب',
]);

/** Whether a word is a preposition: "a" only as the French "à", not the English article ("a security source said"). */
function isPreposition(words: Words, word: Word): boolean {
  if (word.kind !== 'word' || !PREPOSITIONS.has(word.text)) return false;
  return word.text !== 'a' || /^à$/iu.test(words.text.slice(word.start, word.end));
}

/**
 * Words through which a party speaks: the party a preposition names after
 * them is the speaker ("a statement from [the ministry] said", "un
 * porte-parole de [l'armée] a déclaré", "بيان صادر عن [الجيش]"), not a party
 * the sentence governs.
 */
/**
 * Participles by which a text is put out: the party after their "by" or
 * "par" issued the text, whoever speaks in it ("a statement issued by [its
 * media arm]", "un communiqué diffusé par [sa branche médiatique]").
 */
const ISSUING: ReadonlySet<string> = new Set([
  ...['diffuse', 'diffusee', 'publie', 'publiee', 'signe', 'signee'],
  ...['issued', 'released', 'published', 'posted', 'signed'],
]);

/**
 * What "by" follows after "[X] claimed the attack in a statement…": the
 * issuer, as after ISSUING, or the news agency that carries the statement
 * ("…in a statement carried by [its Amaq news agency]"). An agency that
 * carries a claim does not speak through it ("[The group]'s own claim,
 * carried by its [Amaq] news agency, put…" stays the group's), so these
 * are not SPEAKING_FOR.
 */
const PUT_OUT_BY: ReadonlySet<string> = new Set([...ISSUING, 'carried', 'broadcast']);

const SPEAKING_FOR: ReadonlySet<string> = new Set([
  ...['communique', 'declaration', 'bilan', 'message', 'porte', 'parole', 'responsable', 'responsables', 'representant', 'emanant'],
  ...['statement', 'statements', 'report', 'note', 'memo', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'representative'],
  // A party's organ speaks for it: "the weekly newsletter of [the group] said", "le bulletin de [l'organisation] affirme".
  ...['newsletter', 'bulletin', 'magazine', 'mouthpiece', 'organe'],
  // Its members and leaders speak as it does: "The rebels of [the CSP] now say…", "les dirigeants du [Front] affirment".
  ...['rebels', 'fighters', 'members', 'leaders', 'leadership', 'rebelles', 'combattants', 'membres', 'dirigeants'],
  ...['بيان', 'صادر', 'الصادر', 'تقرير', 'مسؤول', 'مسؤولون'],
  ...ISSUING,
]);

/**
 * "In the name of", which makes its party part of a speaker's title: in
 * "وقال المتحدث باسم [الحكومة] [فلان]" the name after it speaks, as after
 * "الأمين العام [للأمم المتحدة]"; with no name after it, the party does.
 */
const ON_BEHALF: ReadonlySet<string> = new Set([foldText('باسم').folded]);

/** "De" and "des" are articles, not prepositions, where they open a clause: "[Des habitants] ont dit". */
const PARTITIVES: ReadonlySet<string> = new Set(['de', 'des', 'du', 'd']);

/** Words between a verb and what opens its clause that leave it inverted: auxiliaries and adverbs ("», a dit", "», affirme encore"). */
const AUXILIARIES: ReadonlySet<string> = new Set([
  ...['a', 'ont', 'avait', 'avaient', 'aurait', 'auraient', 'encore', 'aussi', 'egalement', 'deja', 'initialement'],
  ...['has', 'had', 'have', 'was', 'were', 'is', 'also', 'further', 'later', 'first', 'earlier', 'initially', 'already'],
]);

/** Subject pronouns: "Elle a dit", "a-t-il affirmé", "they said" speak for the last party named. */
const PRONOUNS: ReadonlySet<string> = new Set(['il', 'elle', 'ils', 'elles', 'he', 'she', 'they', 'it', 'هو', 'هي', 'هم']);

const QUOTE_CLOSERS: ReadonlySet<string> = new Set([',', '»', '"', '”', '—', '-', ':']);

/** How many words a verb's inverted subject or a preposition's party may lie from it. */
const AFTER_WINDOW = 8;
/** How many words after a statement ("selon le communiqué du …") or after "quoted" its party may lie. */
const STATEMENT_OWNER_WORDS = 3;
/** How many words back a verb's subject is looked for. */
const BEFORE_WINDOW = 30;

export interface Attribution {
  /** The claimant's actor id; undefined when the construction names a pronoun with nobody before it. */
  readonly claimant?: string;
  /** The words of the construction: the verb or preposition. */
  readonly cue: TextRange;
  /** The mention naming the claimant, when the construction names one. */
  readonly mention?: Mention;
  readonly pronoun: boolean;
  /** Named after "citing", "citant", "نقلا عن": the party a medium passes on. */
  readonly cited?: boolean;
  /** Named by a relative clause ("that of [the army], which said"): the words before the party are the outlet's framing. */
  readonly relative?: boolean;
  /**
   * A stand or an act rather than an account ("X revendique l'attaque", "X
   * condemned the killings", a declined toll): the passages after it do not
   * go on with what the party says.
   */
  readonly stance?: boolean;
  /** The construction that names the claimant: a verb's subject speaks, a preposition's object is only cited ("selon X"). */
  readonly construction?: Construction;
}

/** The actor a mention names, if any. */
function actorOf(corpus: Corpus, mention: Mention): string | undefined {
  return idOfSection(corpus, mention, 'actor');
}

/** Times a sentence may open with, its preposition's object ("On Monday", "in the week", "dans la nuit"), as words are folded. */
const SENTENCE_TIMES: ReadonlySet<string> = new Set([
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'weekend', 'day', 'night', 'morning', 'afternoon', 'evening'],
  ...['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'semaine', 'jour', 'nuit', 'matin', 'soir', 'soiree', 'matinee'],
]);

/** How many words before a mention a preposition may govern it ("lié à l'organisation terroriste [Al-Qaïda]"). */
const GOVERNING_WORDS = 4;

/**
 * Whether a preposition governs a mention: one of the few words before it,
 * within its phrase (no punctuation between). A mention right after another
 * (`mentions`) starts a phrase of its own, the preposition's object being
 * the one before: in "At [Inates] [the government] put the toll at 71" the
 * government is the subject.
 */
function governed(words: Words, mention: Mention, mentions: readonly Mention[] = []): boolean {
  const at = wordIndexAt(words, mention.start);
  if (mentions.some((other) => other.start < mention.start && other.end <= mention.start && wordIndexAt(words, other.end) === at)) return false;
  let seen = 0;
  for (let index = at - 1; index >= 0 && seen < GOVERNING_WORDS; index--) {
    const word = words.list[index];
    // "d'" and "l'" come with their apostrophe as a mark.
    if (word.kind === 'mark' && (word.text === "'" || word.text === '’')) continue;
    if (word.kind !== 'word') return false;
    // A time the preposition governs closes its phrase: in "On Monday the army had said…", "Earlier in the week the army said…"
    // the party after the day, its article aside, is the subject.
    if (SENTENCE_TIMES.has(word.text) && words.list.slice(index + 1, wordIndexAt(words, mention.start)).every((w) => isElision(w) || (w.kind === 'word' && TITLE_ARTICLES.has(w.text)))) return false;
    if (isPreposition(words, word)) return !(PARTITIVES.has(word.text) && opensClause(words, index)) && !speaksThrough(words, index) && !partOfInstitution(words, index);
    seen++;
  }
  return governedByProclitic(words, mention);
}

/** A preposition fused with the article at the start of an Arabic word: "للأمم", "بالجيش", "وللجيش" (li-, bi-, ka- + al-). */
const GOVERNING_PROCLITICS = /^[\u0648\u0641]?(\u0644\u0644|\u0628\u0627\u0644|\u0643\u0627\u0644)$/u;
/** Proclitics before an alias found inside a word that hold a preposition: "ل", "ب", "ك", after "و" or "ف". */
const PREPOSITION_PROCLITIC = /^[\u0648\u0641]?[\u0644\u0628\u0643]/u;

/**
 * Whether a preposition is fused to a mention's first word: "الأمين العام
 * للأمم المتحدة" names the UN governed, as "of the UN" does, whether the
 * mention was found after the proclitics or annotated with them.
 */
function governedByProclitic(words: Words, mention: Mention): boolean {
  const start = mention.text.start;
  const word = words.list[Math.max(0, wordIndexAt(words, start + 1) - 1)];
  if (word === undefined || !word.arabic || word.end <= start) return false;
  // Found after its proclitics, the alias may have taken the article's lam ("ل|أمم" in "للأمم"): any preposition among them governs it.
  if (word.start < start) return PREPOSITION_PROCLITIC.test(word.text.slice(0, word.letterStarts?.indexOf(start) ?? 0));
  return (word.stems ?? []).some((stem) => stem.article && GOVERNING_PROCLITICS.test(word.text.slice(0, stem.prefixLength)));
}

/**
 * The attribution of a passage among all its constructions `all`
 * (findAttributions): the first that names a party, or, failing that, one
 * whose subject is a pronoun.
 */
export function chooseAttribution(corpus: Corpus, words: Words, all: readonly Attribution[]): Attribution | undefined {
  // A party quoted inside a quotation ("«…, comme le prétend l'armée»") speaks less surely than the construction around the quotation.
  const outside = all.filter((attribution) => !insideQuotation(words, words.list[0]?.start ?? 0, attribution.cue.start));
  const first = outside.find((attribution) => !attribution.pronoun) ?? outside[0] ?? all.find((attribution) => !attribution.pronoun) ?? all[0];
  // A medium that cites a party passes on that party's words: "[Reuters] reported, citing [a local official], that…", "وذكرت [رويترز] نقلا عن [مصادر محلية]".
  const isMedium = (attribution: Attribution) => attribution.claimant !== undefined && corpus.registry.entities.get(attribution.claimant)?.kind === 'media';
  const cited = first !== undefined && isMedium(first) ? outside.find((attribution) => attribution.cited === true && attribution.cue.start > first.cue.start && attribution.claimant !== undefined && !isMedium(attribution)) : undefined;
  return cited ?? first;
}

/**
 * Every attribution construction of a passage that names its party (by a
 * mention, or by a pronoun or a statement standing for the last speaker),
 * in text order: a sentence may quote two parties ("X said…, while Y
 * said…"). `lastSpeaker` is the party the text last named as a subject,
 * for pronouns.
 */
export function findAttributions(
  corpus: Corpus,
  words: Words,
  mentions: readonly Mention[],
  language: string | undefined,
  lastSpeaker: string | undefined,
  /** Other words whose subject speaks: a declined toll ("l'armée n'a pas souhaité…") is the party's own statement. */
  speaking: readonly TextRange[] = [],
): Attribution[] {
  const arabic = languagesOf(language).has('ar') && !languagesOf(language).has('fr');
  // A party named inside another's name ("[the [al-Qaeda]{@al-qaida} affiliate]{@jnim}") is part of that name, not a party of the sentence.
  const parties = mentions.filter((m) => !mentions.some((outer) => outer !== m && outer.start <= m.start && m.end <= outer.end) && actorOf(corpus, m) !== undefined);
  const insideName = (range: TextRange) => mentions.some((m) => m.start < range.start && range.end <= m.end);
  const constructions = [
    ...constructionsIn(words, language),
    // The word holding the cue's start: an Arabic cue may start after a proclitic ("و|رفض").
    ...speaking.map((range) => ({ payload: 'stance' as const, start: range.start, end: range.end, first: Math.max(0, wordIndexAt(words, range.start + 1) - 1), next: wordIndexAt(words, range.end) })),
  ].sort((a, b) => a.start - b.start);
  const found: Attribution[] = [];
  // Whether a verb declared an act (mourning): a participle or a verb that goes on with it ("وأعلن [الرئيس] الحداد…، ومؤكدا أنه…")
  // goes on with the act the outlet reports, not with a statement of the sentence's subject.
  let actDeclared = false;
  // The parties joined to a verb's subject as one subject ("[A] and [B] say"), by the index of the verb's attribution in `found`.
  const joined = new Map<number, Mention[]>();
  const named = (mention: Mention, cue: TextRange): Attribution => ({ claimant: actorOf(corpus, mention), cue, mention, pronoun: false });
  const lastIsPerson = lastSpeaker !== undefined && corpus.registry.entities.get(lastSpeaker)?.kind === 'person';
  const isPerson = (mention: Mention) => corpus.registry.entities.get(actorOf(corpus, mention) ?? '')?.kind === 'person';
  const neuter = (pronoun: TextRange) => words.text.slice(pronoun.start, pronoun.end).toLowerCase() === 'it';
  // A pronoun the desk annotated ("[It]{@group} said", "[he]{@residents} said") names the party it stands for — unless the text
  // has been giving that person's words as his one institution's ("[He]{@spokesman} did not say…" after his statement read out).
  const annotated = (pronoun: TextRange | undefined, cue: TextRange): Attribution | undefined => {
    const mention = pronoun === undefined ? undefined : parties.find((m) => m.start <= pronoun.start && pronoun.end <= m.end);
    const actor = mention === undefined ? undefined : actorOf(corpus, mention);
    if (mention === undefined || actor === undefined) return undefined;
    const person = corpus.registry.entities.get(actor);
    const speaksFor = person?.kind === 'person' && person.affiliations.length === 1 && person.affiliations[0].value === lastSpeaker;
    return { claimant: speaksFor ? lastSpeaker : actor, cue, pronoun: true };
  };
  // Whether the last party that spoke is one a possessive may stand for: "his" a person, "its" a body, "son", "their" either.
  const agrees = (owner: Owner) => owner === 'any' || (lastSpeaker !== undefined && (owner === 'person') === lastIsPerson);
  const forLastSpeaker = (cue: TextRange): Attribution => ({ ...(lastSpeaker !== undefined ? { claimant: lastSpeaker } : {}), cue, pronoun: true });
  // A statement named alone is the last speaker's, unless a person spoke: a report or a communiqué is an institution's — the
  // person's one affiliation ("government spokesman [X] said in a statement…, the statement said" is the government's), else
  // nobody's (after "[Dunford] said…", "the report says" is not his).
  const last = lastSpeaker !== undefined ? corpus.registry.entities.get(lastSpeaker) : undefined;
  const institution = last?.kind === 'person' && last.affiliations.length === 1 ? last.affiliations[0].value : undefined;
  const statementParty = (cue: TextRange): Attribution =>
    institution !== undefined ? { claimant: institution, cue, pronoun: true } : last?.kind === 'person' ? { cue, pronoun: true } : forLastSpeaker(cue);
  for (const construction of constructions) {
    // "[JNIM] claimed the attack in a statement issued by [its media arm]": the "by" is the issuer's, not a passive's; "claimed" is
    // the subject's stand, as in "[JNIM] claimed the attack".
    const match = construction.payload === 'claimed-by' && PUT_OUT_BY.has(words.list[construction.next - 2]?.text ?? '') ? { ...construction, payload: 'stance' as const, end: words.list[construction.first].end, next: construction.first + 1 } : construction;
    const cue = { start: match.start, end: match.end };
    // A stance tells what the party says only when it opens a clause or a quotation: "X claimed it had…", "X a démenti que…".
    const stance = (match.payload === 'stance' && !opensComplement(words, match.next)) || match.payload === 'claimed-by';
    const add = (attribution: Attribution) => found.push({ ...attribution, stance, construction: match.payload });
    // "GSIM, JNIM selon l'acronyme arabe" inside a name attributes nothing.
    if (insideName(cue)) continue;
    // An Arabic passive ("ويُزعم أن…", "it is alleged that") names no speaker: the party after it is what the allegation is about.
    // Said "in the statement" ("ويُزعم في البيان أن…"), it is the statement's party that alleges it.
    if ((match.payload === 'verb' || match.payload === 'stance') && ARABIC_PASSIVE.test(words.text.slice(words.list[match.first].start, match.end))) {
      if (words.at(match.next)?.text === 'في' && STATEMENTS_SPOKEN_IN.has(words.at(match.next + 1)?.text ?? '')) add(statementParty(cue));
      continue;
    }
    if (match.payload === 'verb' && declaresAnAct(words, match.next)) {
      actDeclared = true;
      continue;
    }
    // A claim denied to all ("ولم يتبنَّ أي طرف الهجوم", nobody claimed it) is the outlet's word: it gives the act to no speaker.
    if (match.payload === 'stance' && claimsAct(words.sourceBetween(match.start, match.end)) && NEGATIONS.has(words.at(match.first - 1)?.text ?? '')) continue;
    // A verb that only dates the passage says nothing of it: "on the day [the commission] announced the results", "le jour où…",
    // "في اليوم الذي أعلنت فيه [اللجنة]…".
    if ((match.payload === 'verb' || match.payload === 'stance') && datesByAnother(words, match.first, arabic)) continue;
    // A passive ("[the Front] was blamed for the killings by [security sources]", "[l'armée] a été accusée par…"): its subject is
    // what is said, and the party after "by" says it; with no agent it names no speaker.
    if ((match.payload === 'verb' || match.payload === 'stance') && !arabic && PASSIVE_AUXILIARIES.has(words.at(match.first - 1)?.text ?? '')) {
      const agent = passiveAgent(words, parties, match.next);
      if (agent !== undefined) add(named(agent, cue));
      continue;
    }
    // In Arabic the subject follows the verb, inside a cue that runs on past it ("رفض الجيش التعليق").
    const from = arabic ? words.list[match.first].end : match.end;
    const after = parties.filter((m) => m.start >= from && wordIndexAt(words, m.start) - match.next <= AFTER_WINDOW);
    const close = after.find((m) => wordIndexAt(words, m.start) - match.next <= STATEMENT_OWNER_WORDS);
    if (match.payload === 'possessive') {
      const apostrophe = words.at(match.first - 1);
      const owner = apostrophe?.kind === 'mark' && apostrophe.text === "'" ? parties.find((m) => wordIndexAt(words, m.end) === match.first - 1) : undefined;
      if (words.list[match.first].text === 'by') add(forLastSpeaker(cue));
      // The owner as the sentence's subject gives its own figure too: "[The government]'s toll has not changed: 35 civilians".
      else if (owner !== undefined && (ownedAfterBy(words, wordIndexAt(words, owner.start)) || wordIndexAt(words, owner.start) === 0)) add(named(owner, cue));
      continue;
    }
    if (match.payload === 'opening') {
      const party = after.find((m) => wordIndexAt(words, m.start) === match.next);
      const comma = party === undefined ? undefined : words.at(wordIndexAt(words, party.end));
      if (match.first === 0 && party !== undefined && comma?.kind === 'mark' && comma.text === ',') add(named(party, cue));
      continue;
    }
    if (match.payload === 'preposition' || match.payload === 'claimed-by' || match.payload === 'citing') {
      // The agent of a passive ("quoted by", "cité par", "revendiquée… par") follows it at once: in "sources quoted by local radio
      // pointed to [the Sand Front]", the party further on is what the sources speak of, not who quoted them.
      const agent = AGENT_WORDS.has(words.list[match.next - 1]?.text ?? '');
      // Who is quoted comes before the passive: "[the army], quoted by [AFP], said", "[des sources] citées par [RFI]".
      const quoted = agent && QUOTED.has(words.list[match.first].text) ? partyJustBefore(words, parties, match.first) : undefined;
      // Its party lies within its phrase: in "according to government figures, [the NRC] warned" the figures are the source and the
      // party after the comma is the sentence's subject, not the preposition's.
      const governedParty = after.find((m) => !punctuatedBetween(words, match.next, wordIndexAt(words, m.start)));
      const party = quoted ?? (agent ? close : governedParty);
      if (party !== undefined) add({ ...named(party, cue), ...(match.payload === 'citing' ? { cited: true } : {}) });
      // "Selon lui", "according to them", "بحسب قوله": a pronoun for the last party that spoke.
      else if (isDisjunctivePronoun(words.at(match.next))) add(forLastSpeaker(cue));
      continue;
    }
    if (match.payload === 'statement') {
      // "selon le communiqué du [JNIM]" names its party; "selon le communiqué" speaks for the one that last spoke — unless a person
      // did: a report or a communiqué is an institution's, and after "[Dunford] said…", "the report says" is the Pentagon's, not his.
      add(close !== undefined ? named(close, cue) : statementParty(cue));
      continue;
    }
    if (match.payload === 'relay') {
      // The party passed on: after "عن" ("نقلت فرانس برس عن [مصدر أمني]"), or the object of "quoted".
      const from = words.list.slice(match.next, match.next + AFTER_WINDOW).find((word) => word.text === 'عن');
      const relayed = arabic || from !== undefined ? after.find((m) => from !== undefined && m.start >= from.end) : close;
      if (relayed !== undefined) {
        add(named(relayed, cue));
        continue;
      }
    }
    // The subject of an Arabic pluperfect stands between "كان" and "قد", before the verb, commas around an apposition or not ("وكان
    // عمدة البلدية، [فلان]، قد تحدث"): in "وكانت [الجماعة] قد اتهمت [الجيش]…" the party after the verb is its object.
    const pluperfect = arabic ? pluperfectSubject(words, parties.filter((m) => m.end <= match.start), match.first) : undefined;
    if (pluperfect !== undefined) {
      add(named(pluperfect, cue));
      continue;
    }
    // Inverted: a verb of saying after a quote or a comma, or first in an Arabic clause; never a party a preposition governs ("a déclaré à [l'AFP]").
    const inverting = arabic || words.list.slice(match.first, match.next).some((word) => INVERTING.has(word.text));
    const preposed = (m: Mention) => words.list.slice(match.next, wordIndexAt(words, m.start)).some((word) => isPreposition(words, word) || ON_BEHALF.has(word.text)) || governedByProclitic(words, m);
    // An accusation's object, charged with the act, is not the one accusing: in "ويتهم سكان القرية [مسلحين من الفولاني] بتنفيذ
    // الهجوم" the party before "بتنفيذ" is accused (responsibility.ts, chargeAt).
    const accusing = accuses(words.list[match.first].text);
    const notAccused = (m: Mention) => !accusing || !chargeAt(words, wordIndexAt(words, m.end));
    const speakers = after.filter(notAccused);
    const inverted = inverting
      ? ((arabic ? namedAfterConstructTitle(words, match.next, speakers, isPerson) : undefined) ??
        speakers.find((m) => spokenRightAfter(words, match.next, m) && !preposed(m) && !thatBefore(words, match.next, m)) ??
        namedAfterTitle(words, match.next, parties.filter(notAccused)) ??
        namedAfterAddressee(words, match.next, speakers, parties.filter(notAccused)) ??
        (arabic ? namedAfterArabicTitle(words, match.next, speakers, preposed, isPerson) : undefined))
      : undefined;
    if (inverted !== undefined && (arabic || opensClause(words, match.first))) {
      add(named(inverted, cue));
      continue;
    }
    // A role after the verb, its party named by a possessive and no name after it: "«…», a déclaré à l'AFP son porte-parole",
    // "وقال المتحدث باسمها إن…". It comes before any party the quotation names, which is no subject of the verb.
    const roleAfter = inverting && (arabic || opensClause(words, match.first)) ? possessedRoleAfter(words, match.next) : undefined;
    if (roleAfter !== undefined) {
      add(agrees(roleAfter) ? forLastSpeaker(cue) : { cue, pronoun: true });
      continue;
    }
    // "…that of [the army], which said…": a relative pronoun's party speaks, whatever preposition governs it.
    const relative = relativeAntecedent(words, parties, match.first);
    if (relative !== undefined) {
      add({ ...named(relative, cue), relative: true });
      continue;
    }
    const statement = relativeToStatement(words, found, match.first);
    if (statement !== undefined) {
      add({ ...statement, cue, relative: true });
      continue;
    }
    const pronoun = pronounBefore(words, match.first);
    const possessedRole = possessedRoleBefore(words, match.first);
    // The subject: the nearest party before the verb, since the last construction (whose party it would be).
    const since = found.length === 0 ? 0 : found[found.length - 1].cue.end;
    const before = parties.filter((m) => m.start >= since && m.end <= match.start && match.first - wordIndexAt(words, m.end) <= BEFORE_WINDOW && !governed(words, m, mentions));
    // An Arabic verb whose subject is not after it and not right before it goes on with the sentence's subject ("وأعلنت X …، وقالت إنها…").
    // A possessor is no subject when another party stands before it: in "[JNIM], [al-Qaeda]'s alliance in the Sahel, claimed" the
    // alliance, JNIM, claims; alone ("[the ministry]'s spokesman said") it is the one that speaks.
    const nearest = before.filter((m) => !possessor(words, m)).at(-1) ?? before.at(-1);
    // An Arabic verb's subject, not right after it: the first party after it that no preposition governs ("قال المتحدث باسم [الجيش]"),
    // not whom it speaks to ("قال مسؤول ل[وكالة فرانس برس]") and not what it says ("قال مسؤول إن المسلحين هاجموا [الجيش]").
    const firstUngoverned = arabic ? speakers.find((m) => !governed(words, m)) : undefined;
    const subjectAfter = firstUngoverned !== undefined && !saidBefore(words, match.next, firstUngoverned) ? firstUngoverned : undefined;
    // An Arabic party before a mark is no subject of the verb after it (a pluperfect's, between "كان" and "قد", was taken above),
    // but for a participle of saying or a verb joined by "و" after a comma, which go on with the sentence's subject where no
    // party spoke before them: "وطالبت [الرابطة] بتحقيق مستقل، مؤكدة أن…", "وطلبت [البعثة] دخول البلدة، وقالت إنها…".
    const pastAMark = arabic && nearest !== undefined && words.list.slice(wordIndexAt(words, nearest.end), match.first).some((word) => word.kind === 'mark');
    const subject = pastAMark && !(found.length === 0 && !actDeclared && goesOnAfterComma(words, match.first)) ? undefined : nearest;
    // A verb joined to the previous one with no subject of its own ("…and said", "…et a affirmé", "…، وقالت") has its subject.
    const coordinated = arabic ? after[0] === undefined : pronoun === undefined && joinedToPrevious(words, match.first);
    // A participle of saying after a comma has the subject of the verb before it, not a party its clause names on the way: in
    // "[JNIM] claimed the attack in a statement issued by [its media arm], saying its fighters…" JNIM says it.
    const participle = !arabic && subject !== undefined && pronoun === undefined && participleAfterComma(words, match.first);
    const going = (subject === undefined && (coordinated || gerundAfterComma(words, match.first))) || participle ? found[found.length - 1] : undefined;
    if (going !== undefined) add({ ...going, cue });
    else if (subject !== undefined && (pronoun === undefined || pronoun.start < subject.start) && annotated(pronoun, cue) === undefined) {
      add(named(subject, cue));
      joined.set(found.length - 1, coordinatedWith(words, before, subject));
    }
    // "It" stands for no person: after "[the spokesman] said in a statement", "It did not say…" is the statement's, not his.
    else if (pronoun !== undefined) add(annotated(pronoun, cue) ?? (neuter(pronoun) && lastIsPerson ? { cue, pronoun: true } : forLastSpeaker(cue)));
    else if (inverted !== undefined) add(named(inverted, cue));
    // The statement as the verb's subject ("Le texte fait également état de…", "the report also found…", "وكشف البيان أن…"): the
    // party whose statement it is, as after "selon le communiqué".
    else if (statementSubject(words, match, arabic)) add(statementParty(cue));
    // A role that speaks for a party, its possessive naming which ("his spokesman said", "«…», a déclaré son porte-parole"): the
    // last party that spoke, when it agrees with the possessive — "his" a person's, "its" a body's — else nobody.
    else if (possessedRole !== undefined) add(agrees(possessedRole) ? forLastSpeaker(cue) : { cue, pronoun: true });
    // The subject comes before what the verb says: in "وقال مسؤول إن المسلحين هاجموا [الجيش]" the army is what is said, not who says it.
    else if (subjectAfter !== undefined) add(named(subjectAfter, cue));
    // An Arabic verb carries its subject pronoun: "وأضاف أن…", "وقال إن…" opening a sentence, what it says right after it, is "he
    // added", "he said". Opening a clause ("…، وقالت إنها"), it goes on with its sentence's party, which the clause is given.
    else if (arabic && match.first === 0 && opensSentence(words) && opensWhatIsSaid(words, match.next)) add(forLastSpeaker(cue));
  }
  const introduced = found.length === 0 ? partyBeforeQuotation(words, parties) : undefined;
  if (introduced !== undefined) found.push(named(introduced.party, introduced.colon));
  // Of two parties joined as one subject, the one that goes on to speak in the passage gives its figures: "[Local sources] and
  // [soldiers' relatives] say the figure is higher: [one local official] put it at…" is the local sources'.
  for (const [index, group] of joined) {
    const speaking = group.find((m) => found.slice(index + 1).some((later) => later.claimant !== undefined && later.claimant === actorOf(corpus, m)));
    if (speaking !== undefined) found[index] = { ...found[index], ...named(speaking, found[index].cue) };
  }
  // A person who reads out a statement ("Reading a government statement…, spokesman [X] said", "قال المتحدث… [فلان]، في بيان
  // تلاه") gives its words, not his own: they are his one affiliation's. Said "in a statement read on television", he still speaks.
  const institutionOf = (attribution: Attribution) => {
    const person = attribution.claimant === undefined ? undefined : corpus.registry.entities.get(attribution.claimant);
    return person?.kind === 'person' && person.affiliations.length === 1 ? person.affiliations[0].value : undefined;
  };
  // The table is read only for a person who speaks for one institution: most passages have none.
  if (found.some((attribution) => institutionOf(attribution) !== undefined) && statementReadIn(words, language)) {
    for (const [index, attribution] of found.entries()) {
      const institution = institutionOf(attribution);
      if (institution !== undefined) found[index] = { ...attribution, claimant: institution };
    }
  }
  return found;
}

/** A statement read out by the one who speaks: "reading a statement", "lisant un communiqué", "في بيان تلاه", "تلا بيانا". */
const READING_A_STATEMENT: readonly TableEntry<true>[] = [
  ['en', 'reading|reads a|the|an|its government|army|ministry|official? statement|communique', true],
  ['en', 'read out a|the|an|its government|army|ministry|official? statement|communique', true],
  ['fr', 'lisant|lit un|le communiqué|texte|message', true],
  ['fr', 'a lu un|le communiqué|texte|message', true],
  ['ar', 'بيان|بيانا|البيان تلاه|قرأه', true],
  ['ar', 'تلا|قرأ بيانا|البيان', true],
];
const readingTableFor = byLanguages((languages) => phraseTable(READING_A_STATEMENT, languages));

/** Whether the speaker of a passage reads out a statement in it. */
function statementReadIn(words: Words, language: string | undefined): boolean {
  return readingTableFor(languagesOf(language)).findAll(words).length > 0;
}

/** Conjunctions that join two subjects of one verb: "[Local sources] and [soldiers' relatives] say". */
const SUBJECT_CONJUNCTIONS: ReadonlySet<string> = new Set(['and', 'et']);

/** The parties joined to `subject` as subjects of one verb ("[A] and [B] say"), the subject among them. */
function coordinatedWith(words: Words, before: readonly Mention[], subject: Mention): Mention[] {
  const group = [subject];
  for (let k = before.indexOf(subject) - 1; k >= 0; k--) {
    // The second party's article aside: "[the army] and the [government]".
    const between = words.list.slice(wordIndexAt(words, before[k].end), wordIndexAt(words, group[0].start)).filter((word) => !TITLE_ARTICLES.has(word.text));
    if (between.length !== 1 || !SUBJECT_CONJUNCTIONS.has(between[0].text)) break;
    group.unshift(before[k]);
  }
  return group;
}

/** Words that open what a party says after a verb: "that", "que", "أن", a subject pronoun ("claimed it had"), "avoir" ("revendique avoir tué"). */
const COMPLEMENT_OPENERS: ReadonlySet<string> = new Set([
  ...['that', 'it', 'they', 'he', 'she', 'que', 'qu', 'avoir', 'il', 'ils', 'elle', 'elles'],
  ...['أن', 'إن', 'بأن', 'أنه', 'إنه', 'أنها', 'إنها', 'أنهم', 'إنهم'].map((word) => foldText(word).folded),
]);
/** What opens a French or English verb's clause: a party after it is in what is said ", a reconnu que [l'armée] avait subi…", never the inverted subject. */
const THAT: ReadonlySet<string> = new Set(['that', 'que', 'qu']);
/** How many words after a verb what it opens may start ("nié samedi que", "نفى الجيش أن"). */
const COMPLEMENT_WORDS = 3;

/** Whether what follows word `index` opens a clause or a quotation: the verb before it reports what was said. */
export function opensComplement(words: Words, index: number): boolean {
  return words.list.slice(index, index + COMPLEMENT_WORDS).some((word) => (word.kind === 'word' && COMPLEMENT_OPENERS.has(word.text)) || (word.kind === 'mark' && '«"“:'.includes(word.text)));
}

/** Whether the word at `index` opens what a verb says: "أن", "إن" and their forms, nothing between. */
function opensWhatIsSaid(words: Words, index: number): boolean {
  const word = words.at(index);
  return word !== undefined && word.kind === 'word' && word.arabic && COMPLEMENT_OPENERS.has(word.text);
}

/** Whether what a verb says opens ("أن", "إن", a quotation) between the verb's end at word `verbEnd` and a mention. */
function saidBefore(words: Words, verbEnd: number, mention: Mention): boolean {
  return thatBefore(words, verbEnd, mention) || words.list.slice(verbEnd, wordIndexAt(words, mention.start)).some((word) => word.kind === 'mark' && QUOTE_OPENERS.includes(word.text));
}

/** Whether "that", "que" or an Arabic "أن" or "إن" stands between the verb's end at word `verbEnd` and a mention: the mention is in what it says. */
function thatBefore(words: Words, verbEnd: number, mention: Mention): boolean {
  return words.list.slice(verbEnd, wordIndexAt(words, mention.start)).some((word) => word.kind === 'word' && (word.arabic ? COMPLEMENT_OPENERS.has(word.text) : THAT.has(word.text)));
}

/** Whether a passage starts a sentence: nothing before it but spaces and markup brackets since a full stop, a line or the start. */
function opensSentence(words: Words): boolean {
  let at = (words.list[0]?.start ?? 0) - 1;
  while (at >= 0 && /[\s[]/u.test(words.text[at])) at--;
  return at < 0 || '.!?؟\n'.includes(words.text[at]);
}

/** Pronouns after a preposition of source: "selon lui", "d'après eux", "according to her", "بحسب قوله", "وفقا لها". */
const DISJUNCTIVE_PRONOUNS: ReadonlySet<string> = new Set([
  ...['lui', 'elle', 'eux', 'elles', 'him', 'her', 'them'],
  ...['قوله', 'قولها', 'قولهم', 'له', 'لها', 'لهم'].map((word) => foldText(word).folded),
]);

function isDisjunctivePronoun(word: Word | undefined): boolean {
  return word !== undefined && word.kind === 'word' && DISJUNCTIVE_PRONOUNS.has(word.text);
}

/** Marks that open a quotation. */
const QUOTE_OPENERS = '«"“';

/**
 * A party that introduces a quotation with a colon: "[Un élu local] : « Nous
 * avons enterré… »", '[A survivor]: "They came at dawn…"' — the quotation
 * is the party's. Only a party no preposition governs ("Attaque contre
 * [l'armée] : « … »" quotes nobody named).
 */
function partyBeforeQuotation(words: Words, parties: readonly Mention[]): { party: Mention; colon: TextRange } | undefined {
  for (const party of parties) {
    const at = wordIndexAt(words, party.end);
    const colon = words.at(at);
    const opener = words.at(at + 1);
    if (colon?.kind !== 'mark' || colon.text !== ':' || opener?.kind !== 'mark' || !QUOTE_OPENERS.includes(opener.text)) continue;
    if (!governed(words, party)) return { party, colon };
  }
  return undefined;
}

/** Relative pronouns that take a verb of saying for the party named just before them. */
const RELATIVES: ReadonlySet<string> = new Set(['which', 'who', 'qui', 'الذي', 'التي', 'الذين']);

/**
 * The party a relative pronoun before the verb at word `index` stands for:
 * the mention right before it, a comma between ("celui de [l'armée], qui
 * avait affirmé", "that of [the army], which said", "رواية [الجيش]، الذي
 * قال").
 */
function relativeAntecedent(words: Words, parties: readonly Mention[], index: number): Mention | undefined {
  const next = afterAntecedent(words, index);
  // The first word after the mention (its markup aside) is the comma or the pronoun.
  return next === undefined ? undefined : parties.find((mention) => wordIndexAt(words, mention.end) === next);
}

/** The word after a relative pronoun's antecedent — the comma before the pronoun, or the pronoun — for the verb at word `index`. */
function afterAntecedent(words: Words, index: number): number | undefined {
  let k = index - 1;
  while (k >= 0 && words.list[k].kind === 'word' && AUXILIARIES.has(words.list[k].text)) k--;
  const relative = words.at(k);
  if (relative === undefined || relative.kind !== 'word' || !RELATIVES.has(relative.text)) return undefined;
  const before = words.at(k - 1);
  return before !== undefined && before.kind === 'mark' && (before.text === ',' || before.text === '،') ? k - 1 : k;
}

/** Texts a party puts out, which say what it says: "selon le communiqué, qui assure…". */
const STATEMENT_NOUNS: ReadonlySet<string> = new Set(['communique', 'statement', 'texte', 'report', 'rapport', ...['بيان', 'البيان'].map((word) => foldText(word).folded)]);

/**
 * The attribution a relative pronoun before the verb at word `index` goes
 * on with when it stands for the statement that attribution names: in "…,
 * selon le communiqué, qui assure que…" the communiqué's party speaks.
 */
function relativeToStatement(words: Words, found: readonly Attribution[], index: number): Attribution | undefined {
  const next = afterAntecedent(words, index);
  const antecedent = next === undefined ? undefined : words.at(next - 1);
  if (antecedent?.kind !== 'word' || !STATEMENT_NOUNS.has(antecedent.text)) return undefined;
  return found.find((said) => said.cue.end === antecedent.end);
}

/**
 * Declarations that are acts, not statements: "announced" or "أعلن" with
 * national mourning, a state of emergency or a curfew as its object ("وأعلن
 * الرئيس الحداد الوطني", "a annoncé un deuil national") does what it says;
 * the claim that it was done is the outlet's, as for "declared" or "a décrété".
 */
const DECLARED_ACTS: ReadonlySet<string> = new Set(
  ['deuil', 'couvre-feu', 'mourning', 'curfew', 'emergency', 'الحداد', 'حدادا', 'حداد', 'الطوارئ', 'التجول'].map((word) => foldText(word).folded),
);
/** How many words after the verb its object may lie (the subject between: "وأعلن الرئيس روك مارك كريستيان كابوري الحداد"). */
const DECLARED_ACT_WORDS = 8;

/** Whether a verb's object is a declared act, before any clause of what is said ("announced that…", "أعلن أن…"). */
function declaresAnAct(words: Words, index: number): boolean {
  for (const word of words.list.slice(index, index + DECLARED_ACT_WORDS)) {
    if (word.kind === 'mark' && word.text !== '-') return false;
    if (COMPLEMENT_OPENERS.has(word.text)) return false;
    if (DECLARED_ACTS.has(word.text)) return true;
  }
  return false;
}

/** Arabic particles that negate the verb after them: "لم يتبنَّ", "ولا تتبنى". */
const NEGATIONS: ReadonlySet<string> = new Set(['لم', 'ولم', 'لا', 'ولا'].map((word) => foldText(word).folded));
/** "كان" and its forms, which open an Arabic pluperfect closed by "قد" before the verb. */
const KANA: ReadonlySet<string> = new Set(['كان', 'وكان', 'كانت', 'وكانت', 'وكانوا', 'كانوا'].map((word) => foldText(word).folded));
const QAD = foldText('قد').folded;

/** Whether a word is "كان" or one of its forms, which opens an Arabic pluperfect: its subject follows, a title and an apposition with it. */
export function opensPluperfect(word: Word | undefined): boolean {
  return word !== undefined && word.kind === 'word' && KANA.has(word.text);
}

/** Marks around an apposition, which may stand between "كان" and "قد": commas, or brackets round an acronym ("([مينوسما])"). */
const APPOSITION_MARKS: ReadonlySet<string> = new Set([',', '،', '(', ')']);

/** How many words a pluperfect's subject, title and apposition may hold between "كان" and "قد". */
const KANA_WORDS = 10;

/**
 * The subject of an Arabic pluperfect whose verb is at word `verb`: the
 * first party after "كان", when "قد" stands right before the verb — commas
 * around an apposition or not ("وكان [فلان]، المتحدث باسم [الحكومة]، قد
 * تحدث" is his, "وكان عمدة البلدية، [فلان]، قد تحدث" too).
 */
function pluperfectSubject(words: Words, before: readonly Mention[], verb: number): Mention | undefined {
  if (words.at(verb - 1)?.text !== QAD) return undefined;
  for (let k = verb - 2, seen = 0; k >= 0 && seen < KANA_WORDS; k--) {
    const word = words.list[k];
    if (word.kind === 'mark' && !APPOSITION_MARKS.has(word.text)) return undefined;
    if (word.kind !== 'word') continue;
    if (KANA.has(word.text)) return before.find((m) => m.start >= word.end);
    seen++;
  }
  return undefined;
}

/** Nouns of a time a relative clause may name by what happened in it: "the day [X] announced", "le jour où", "اليوم الذي". */
const TIME_NOUNS: ReadonlySet<string> = new Set([
  ...['day', 'night', 'jour', 'nuit', 'soir', 'matin'],
  ...['اليوم', 'يوم', 'الليلة', 'ليلة', 'الوقت', 'اللحظة'].map((word) => foldText(word).folded),
]);
const TIME_RELATIVES: ReadonlySet<string> = new Set(['when', 'that', 'ou', ...['الذي', 'التي'].map((word) => foldText(word).folded)]);
/** How many words a relative clause of time may hold before its verb (the subject, an auxiliary). */
const TIME_CLAUSE_WORDS = 6;

/**
 * Whether the verb at word `index` opens or ends a relative clause of time
 * ("on the day the commission announced the results", "le jour où la
 * commission a annoncé", "في اليوم الذي أعلنت فيه", "يوم أعلنت"): what it
 * announced dates the passage, and its party speaks none of it.
 */
function datesByAnother(words: Words, index: number, arabic: boolean): boolean {
  const before = (k: number) => words.at(index - k);
  if (arabic) {
    const one = before(1);
    const two = before(2);
    return (one !== undefined && TIME_NOUNS.has(one.text)) || (one !== undefined && TIME_RELATIVES.has(one.text) && two !== undefined && TIME_NOUNS.has(two.text));
  }
  for (let k = index - 1; k >= 0 && index - k <= TIME_CLAUSE_WORDS; k--) {
    const word = words.list[k];
    if (word.kind === 'mark') return false;
    const time = TIME_NOUNS.has(word.text) ? k : TIME_RELATIVES.has(word.text) && TIME_NOUNS.has(words.at(k - 1)?.text ?? '') ? k - 1 : undefined;
    // "the day", "le jour": the article makes it the one day the clause names.
    if (time !== undefined) return TITLE_ARTICLES.has(words.at(time - 1)?.text ?? '');
  }
  return false;
}

/**
 * An Arabic verb voweled as a passive, its conjunction aside: the imperfect
 * ("يُزعم", "ويُعتقد", "تُتهم") and the perfect, its first letter or the one
 * after its alif taking the damma ("قُتل", "أُعلن", "وكان التنظيم قد اتُّهم
 * بقتل…", the group was accused: what is said, not who says it).
 */
const ARABIC_PASSIVE = /^[\u0648\u0641]?\u0627?\p{L}\u064F/u;
/** The statements a passive is said in ("ويُزعم في البيان أن…"): the party whose statement it is alleges it. */
const STATEMENTS_SPOKEN_IN: ReadonlySet<string> = new Set(['البيان', 'بيانه', 'بيانها', 'بيانهم', 'التقرير', 'المذكرة'].map((word) => foldText(word).folded));

/** Words of when a party spoke that may stand between an inverted verb and its party: "a annoncé mardi soir [le gouvernement]". */
const WHEN_SPOKEN: ReadonlySet<string> = new Set([
  ...['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche', 'hier', 'soir', 'matin', 'aujourd', 'hui'],
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'on'],
]);

/** Whether a party follows an inverted verb's words at once: two words at most, the day it spoke aside. */
function spokenRightAfter(words: Words, next: number, mention: Mention): boolean {
  const between = words.list.slice(next, wordIndexAt(words, mention.start));
  const spokenWhen = (word: Word) => word.kind === 'word' && WHEN_SPOKEN.has(word.text);
  // A comma right after the verb opens what it says ("Puis ajoute, le [JNIM] est représenté…"), but for the day it spoke set off
  // by commas ("a indiqué, samedi, [l'armée]"): an inverted subject follows its verb at once.
  if (between[0]?.kind === 'mark' && (between[0].text === ',' || between[0].text === '،') && !between.some(spokenWhen)) return false;
  return between.filter((word) => !spokenWhen(word)).length <= 2;
}

/** Articles that open a speaker's title: "a déclaré [le gouverneur de la province], Amadou Sow" (a possessive too: "son porte-parole, Amadou Sow"). */
const TITLE_ARTICLES: ReadonlySet<string> = new Set(['le', 'la', 'les', 'l', 'the']);

/**
 * The party named right after a title that follows an inverted verb: "«…»,
 * a déclaré le gouverneur de la province, [Amadou Sow]", '"…," said the
 * governor of the province, [Amadou Sow]' — the title is the speaker's, so
 * the party after its comma speaks, not one its prepositions govern.
 */
function namedAfterTitle(words: Words, verbEnd: number, parties: readonly Mention[]): Mention | undefined {
  // The day it spoke may come first: "a indiqué ce mercredi le ministre…".
  let opening = verbEnd;
  while (words.at(opening)?.kind === 'word' && (WHEN_SPOKEN.has(words.list[opening].text) || DEMONSTRATIVES.has(words.list[opening].text))) opening++;
  const first = words.at(opening);
  if (first === undefined || first.kind !== 'word' || !(TITLE_ARTICLES.has(first.text) || POSSESSIVES.has(first.text))) return undefined;
  // The window counts words: "Haut-Commissaire", "l'homme" are two each, their marks none. One apposition may follow the title
  // before the name, a window of its own: "le ministre de la Communication, porte-parole du [gouvernement], [Remis Dandjinou]".
  for (let k = opening + 1, seen = 1, appositions = 0; k < words.length && seen <= AFTER_WINDOW; k++) {
    const word = words.list[k];
    if (word.kind === 'word') seen++;
    if (word.kind === 'word' || isElision(word)) continue;
    if (word.text !== ',') return undefined;
    const named = parties.find((m) => wordIndexAt(words, m.start) === k + 1);
    if (named !== undefined || appositions > 0) return named;
    appositions++;
    seen = 0;
  }
  return undefined;
}

/** Demonstratives before the day a party spoke: "ce mercredi", "this Tuesday". */
const DEMONSTRATIVES: ReadonlySet<string> = new Set(['ce', 'cette', 'this']);

/** The party that ends right before word `index`, a comma between or not: "[l'armée], citée par", "[sources] quoted by". */
function partyJustBefore(words: Words, parties: readonly Mention[], index: number): Mention | undefined {
  const before = words.at(index - 1);
  const end = before !== undefined && before.kind === 'mark' && (before.text === ',' || before.text === '،') ? index - 1 : index;
  return parties.find((mention) => wordIndexAt(words, mention.end) === end);
}

/** Auxiliaries of a passive, as words are folded: "was blamed", "has been cited", "a été accusée", "sont accusés". */
const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be', 'ete', 'est', 'sont', 'etait', 'etaient']);

/** The agent of a passive whose verb ends before word `next`: the first party after "by" or "par" (an article between) in its phrase. */
function passiveAgent(words: Words, parties: readonly Mention[], next: number): Mention | undefined {
  return parties.find((mention) => {
    const at = wordIndexAt(words, mention.start);
    if (at < next || at - next > AFTER_WINDOW || punctuatedBetween(words, next, at)) return false;
    const before = words.at(at - 1)?.text ?? '';
    return AGENT_WORDS.has(before) || (TITLE_ARTICLES.has(before) && AGENT_WORDS.has(words.at(at - 2)?.text ?? ''));
  });
}

/** Marks that end a preposition's phrase: a party after one is no longer its object. */
const PHRASE_ENDS: ReadonlySet<string> = new Set([',', '،', ';', '؛', '.', ':']);

/** Whether a mark ending a phrase lies among words [from, to). */
function punctuatedBetween(words: Words, from: number, to: number): boolean {
  return words.list.slice(from, to).some((word) => word.kind === 'mark' && PHRASE_ENDS.has(word.text));
}

/** Whether a party is a possessor, "'s" after it ("[al-Qaeda]'s alliance"). */
function possessor(words: Words, mention: Mention): boolean {
  const at = wordIndexAt(words, mention.end);
  const mark = words.at(at);
  return mark !== undefined && mark.kind === 'mark' && (mark.text === "'" || mark.text === '’') && words.at(at + 1)?.text === 's';
}

/** Whether "by" stands right before word `index`, or before its article: "by [the ministry]'s count", "by the [army]'s count". */
function ownedAfterBy(words: Words, index: number): boolean {
  const before = words.at(index - 1)?.text;
  return before === 'by' || (before === 'the' && words.at(index - 2)?.text === 'by');
}

/** Prepositions that name whom a party speaks to: "a déclaré à [l'AFP]", "said to [Reuters]". */
const ADDRESSING: ReadonlySet<string> = new Set(['a', 'au', 'aux', 'to']);

/**
 * The party named right after the one an inverted verb speaks to: "«…», a
 * déclaré à [l'AFP] [un responsable local]", "…, a indiqué lundi à l'[AFP]
 * [un responsable local]" — the addressee is the preposition's, the speaker
 * is the subject that follows it. Only a party right after the addressee,
 * or named after the speaker's title there ("à l'AFP son porte-parole,
 * [X]"): any other word between leaves the sentence to the rules above.
 */
function namedAfterAddressee(words: Words, verbEnd: number, after: readonly Mention[], parties: readonly Mention[]): Mention | undefined {
  const [addressee, speaker] = after;
  if (addressee === undefined) return undefined;
  const at = wordIndexAt(words, addressee.start);
  if (at - verbEnd > AFTER_WINDOW) return undefined;
  // The preposition, its article and elision aside ("à l'[AFP]"); before it only words (a day: "a indiqué lundi à").
  let k = at - 1;
  while (k >= verbEnd && (isElision(words.list[k]) || (words.list[k].kind === 'word' && TITLE_ARTICLES.has(words.list[k].text)))) k--;
  const preposition = words.at(k);
  if (k < verbEnd || preposition === undefined || preposition.kind !== 'word' || !ADDRESSING.has(preposition.text) || !isPreposition(words, preposition)) return undefined;
  if (words.list.slice(verbEnd, k).some((word) => word.kind === 'mark')) return undefined;
  // The speaker's title may stand between, the name after its comma: "a déclaré à l'[AFP] son porte-parole, [Mohamed Ag Ali]".
  return speaker !== undefined && wordIndexAt(words, speaker.start) === wordIndexAt(words, addressee.end) ? speaker : namedAfterTitle(words, wordIndexAt(words, addressee.end), parties);
}

/**
 * The name right after a title that follows an Arabic verb, the title's
 * party governed: "ودان الأمين العام [للأمم المتحدة] [أنطونيو غوتيريش]"
 * is the Secretary-General speaking, not the organisation his title names.
 */
function namedAfterArabicTitle(words: Words, verbEnd: number, after: readonly Mention[], preposed: (mention: Mention) => boolean, isPerson: (mention: Mention) => boolean): Mention | undefined {
  const [title, name] = after;
  if (title === undefined || name === undefined || !preposed(title)) return undefined;
  const at = wordIndexAt(words, name.start);
  const titleEnd = wordIndexAt(words, title.end);
  // A person may stand in apposition, between commas: "وقال المتحدث باسم [الإطار]، [فلان]، إن…" is the spokesman speaking.
  const apposed = at === titleEnd + 1 && APPOSITION_COMMAS.has(words.list[titleEnd].text) && isPerson(name);
  if (at - verbEnd > AFTER_WINDOW || (at !== titleEnd && !apposed)) return undefined;
  return words.list.slice(verbEnd, titleEnd).some((word) => word.kind === 'mark') ? undefined : name;
}

/** Commas around an apposition. */
const APPOSITION_COMMAS: ReadonlySet<string> = new Set([',', '،']);

/** Which party a possessive may stand for: "his", "her" a person, "its" a body, the others either. */
type Owner = 'person' | 'body' | 'any';
const POSSESSIVES: ReadonlyMap<string, Owner> = new Map([
  ['his', 'person'], ['her', 'person'], ['its', 'body'], ['their', 'any'],
  ['son', 'any'], ['sa', 'any'], ['leur', 'any'],
]);

/** Nouns of one who speaks for a party, as words are folded: "porte-parole" ends on "parole". */
const SPEAKING_ROLES: ReadonlySet<string> = new Set(['parole', 'spokesman', 'spokeswoman', 'spokesperson', 'representative', 'representant', 'representante']);

/** Arabic roles that speak "in the name of" a party an attached pronoun names: "المتحدث باسمها", "الناطق باسمه". */
const ARABIC_SPEAKING_ROLES: ReadonlySet<string> = new Set(['المتحدث', 'الناطق', 'متحدث', 'ناطق'].map((word) => foldText(word).folded));
const ON_BEHALF_OF_THEM: ReadonlySet<string> = new Set(['باسمه', 'باسمها', 'باسمهم'].map((word) => foldText(word).folded));

/** The owner a possessive names when the role at word `index` follows it ("son porte-parole", "its spokesman"), else undefined. */
function ownerOfRole(words: Words, index: number): Owner | undefined {
  if (!SPEAKING_ROLES.has(words.at(index)?.text ?? '')) return undefined;
  let k = index - 1;
  // "porte-parole": the hyphen and "porte" before the role's last word.
  if (words.at(k)?.text === '-' && words.at(k - 1)?.text === 'porte') k -= 2;
  return POSSESSIVES.get(words.at(k)?.text ?? '');
}

/** A role its possessive ties to a party, as the subject right before the verb at word `index`, auxiliaries aside: "his spokesman said", "son porte-parole a déclaré". */
function possessedRoleBefore(words: Words, index: number): Owner | undefined {
  let k = index - 1;
  while (k >= 0 && words.list[k].kind === 'word' && AUXILIARIES.has(words.list[k].text)) k--;
  return ownerOfRole(words, k);
}

/**
 * A role its possessive ties to a party, as the subject after an inverted
 * verb whose words end before `next`: "«…», a déclaré son porte-parole",
 * "…, a déclaré à l'AFP son porte-parole" (the day it spoke and the one it
 * spoke to between), "وقال المتحدث باسمها إن…". Within the verb's phrase.
 */
function possessedRoleAfter(words: Words, next: number): Owner | undefined {
  if (ARABIC_SPEAKING_ROLES.has(words.at(next)?.text ?? '') && ON_BEHALF_OF_THEM.has(words.at(next + 1)?.text ?? '')) return 'any';
  for (let k = next, seen = 0; k < words.length && seen <= AFTER_WINDOW; k++) {
    const word = words.list[k];
    if (word.kind === 'mark' && !isElision(word)) return undefined;
    if (word.kind !== 'word') continue;
    seen++;
    if (POSSESSIVES.has(word.text)) return ownerOfRole(words, k + (words.at(k + 1)?.text === 'porte' ? 3 : 1));
  }
  return undefined;
}

/** Determiners before a statement that make it the one the text spoke of: "le texte", "this statement", "its report". */
const STATEMENT_DETERMINERS: ReadonlySet<string> = new Set([...TITLE_ARTICLES, ...DEMONSTRATIVES, 'its', 'son']);

/**
 * Whether a statement is the subject of the verb of `match`: right before it,
 * auxiliaries and adverbs aside, after its determiner ("Le texte fait
 * également état de…", "the report also found…"), or right after an Arabic
 * verb ("وكشف البيان أن…").
 */
function statementSubject(words: Words, match: { first: number; next: number }, arabic: boolean): boolean {
  if (arabic) return STATEMENT_NOUNS.has(words.at(match.next)?.text ?? '');
  let k = match.first - 1;
  while (k >= 0 && words.list[k].kind === 'word' && AUXILIARIES.has(words.list[k].text)) k--;
  const noun = words.at(k);
  const determiner = words.at(k - 1);
  return noun?.kind === 'word' && STATEMENT_NOUNS.has(noun.text) && determiner?.kind === 'word' && STATEMENT_DETERMINERS.has(determiner.text);
}

/** How many words an Arabic title in the construct state may hold before the party it names ("رئيس", "قائد قوات"). */
const CONSTRUCT_TITLE_WORDS = 2;

/**
 * The person named right after a title in the construct state that follows
 * an Arabic verb: in "وقال رئيس [البعثة] [فلان] إن…" the head of the mission
 * speaks, named after his title, not the mission the title names (the
 * seventeenth corpus). No preposition governs the title's party here, unlike
 * "الأمين العام [للأمم المتحدة]" (namedAfterArabicTitle); a party right after
 * the verb ("وقالت [البعثة]") is no title's.
 */
function namedAfterConstructTitle(words: Words, verbEnd: number, after: readonly Mention[], isPerson: (mention: Mention) => boolean): Mention | undefined {
  const [title, name] = after;
  if (title === undefined || name === undefined || isPerson(title) || !isPerson(name)) return undefined;
  const titleAt = wordIndexAt(words, title.start);
  const nameAt = wordIndexAt(words, name.start);
  if (titleAt <= verbEnd || titleAt - verbEnd > CONSTRUCT_TITLE_WORDS || nameAt !== wordIndexAt(words, title.end)) return undefined;
  return words.list.slice(verbEnd, nameAt).some((word) => word.kind === 'mark') ? undefined : name;
}

/** An apostrophe of elision or a hyphen, which join a word to the next ("l'", "porte-parole"). */
function isElision(word: Word): boolean {
  return word.kind === 'mark' && (word.text === "'" || word.text === '’' || word.text === '-');
}

/**
 * Whether a passage holds a construction of attribution at all, whether or
 * not the party it names is one of the registry ("Des enseignants joints
 * par téléphone ont signalé…", "according to aid workers"): someone speaks
 * in it, so it goes on with nobody's account. `within`: only a construction
 * inside that part of the passage counts.
 */
export function hasAttributionCue(words: Words, mentions: readonly Mention[], language: string | undefined, within?: TextRange, only?: Construction): boolean {
  return constructionsIn(words, language).some(
      (match) =>
        (only === undefined || match.payload === only) &&
        (within === undefined || (within.start <= match.start && match.end <= within.end)) &&
        !mentions.some((m) => m.start < match.start && match.end <= m.end) &&
        !ARABIC_PASSIVE.test(words.text.slice(words.list[match.first].start, match.end)),
    );
}

/** Whether an offset lies inside a quotation opened after `start`: a party named inside a quote is quoted, not speaking. */
export function insideQuotation(words: Words, start: number, offset: number): boolean {
  let depth = 0;
  let straight = false;
  for (const word of words.list) {
    if (word.start < start) continue;
    if (word.start >= offset) break;
    if (word.kind !== 'mark') continue;
    if ('«“'.includes(word.text)) depth++;
    else if ('»”'.includes(word.text)) depth = Math.max(0, depth - 1);
    else if (word.text === '"') straight = !straight;
  }
  return depth > 0 || straight;
}

/** Whether the word before the preposition at `index` is one through which a party speaks ("a statement from"). */
function speaksThrough(words: Words, index: number): boolean {
  let k = index - 1;
  while (k >= 0 && words.list[k].kind === 'mark' && (words.list[k].text === "'" || words.list[k].text === '-')) k--;
  const word = words.at(k);
  return word !== undefined && word.kind === 'word' && SPEAKING_FOR.has(word.text);
}

/**
 * Parts of an institution that speak for it, however many words their name
 * takes before the institution: "la division des droits de l'homme de
 * [la Minusma] a conclu", "the human rights office of [the UN] said".
 */
const INSTITUTION_PARTS: ReadonlySet<string> = new Set([
  ...['division', 'commission', 'delegation', 'mission', 'direction', 'bureau', 'cellule', 'section', 'departement', 'office', 'department', 'unit'],
  ...['مكتب', 'بعثة', 'لجنة', 'قسم'],
]);
/** How many words the name of an institution's part may take before its preposition. */
const INSTITUTION_PART_WORDS = 6;

/** Prepositions that make a name of its parts: "de", "of" — not "la commission d'enquête sur [l'armée]", which is about it. */
const GENITIVES: ReadonlySet<string> = new Set(['de', 'd', 'du', 'des', 'of']);

/** Whether the preposition at `index` closes the name of an institution's part, within its phrase (no punctuation between), through genitives only. */
function partOfInstitution(words: Words, index: number): boolean {
  if (!GENITIVES.has(words.list[index].text)) return false;
  for (let k = index - 1, seen = 0; k >= 0 && seen < INSTITUTION_PART_WORDS; k--) {
    const word = words.list[k];
    if (isElision(word)) continue;
    if (word.kind !== 'word' || (isPreposition(words, word) && !GENITIVES.has(word.text))) return false;
    if (INSTITUTION_PARTS.has(word.text)) return true;
    seen++;
  }
  return false;
}

/** Conjunctions that join a second verb to the first: "and said", "et a affirmé", "puis a ajouté". */
const COORDINATING: ReadonlySet<string> = new Set(['et', 'and', 'puis', 'then']);

/** Whether the verb at word `index` follows a coordinating conjunction, auxiliaries aside. */
function joinedToPrevious(words: Words, index: number): boolean {
  let k = index - 1;
  while (k >= 0 && words.list[k].kind === 'word' && AUXILIARIES.has(words.list[k].text)) k--;
  const word = words.at(k);
  return word !== undefined && word.kind === 'word' && COORDINATING.has(word.text);
}

/** Whether the Arabic verb at word `index` goes on with its sentence right after a comma: a participle of saying ("…، مؤكدة أن…") or a verb joined by "و" ("…، وقالت إنها…"). */
function goesOnAfterComma(words: Words, index: number): boolean {
  const before = words.at(index - 1);
  const verb = words.list[index].text;
  return before !== undefined && before.kind === 'mark' && (before.text === '،' || before.text === ',') && (PARTICIPLES_OF_SAYING.has(verb) || verb.startsWith('\u0648'));
}

/** Whether the verb at word `index` is a present participle right after a comma: "…, saying…", "…, affirmant…". */
function participleAfterComma(words: Words, index: number): boolean {
  const before = words.at(index - 1);
  return before !== undefined && before.kind === 'mark' && before.text === ',' && /(?:ing|ant)$/u.test(words.list[index].text);
}

/**
 * Whether a French gerund of saying opens a clause after a comma at word
 * `index`: "…a déploré « un bilan désastreux », en parlant de « 70 » morts"
 * goes on with the party of the verb before it, in a clause of its own.
 */
function gerundAfterComma(words: Words, index: number): boolean {
  const before = words.at(index - 1);
  return before?.kind === 'mark' && before.text === ',' && words.list[index].text === 'en' && /ant$/u.test(words.at(index + 1)?.text ?? '');
}

/** Whether the verb at word `index` opens its clause, auxiliaries aside: after a quote, a comma, or at the start. */
function opensClause(words: Words, index: number): boolean {
  let k = index - 1;
  while (k >= 0 && words.list[k].kind === 'word' && AUXILIARIES.has(words.list[k].text)) k--;
  const word = words.at(k);
  return word === undefined || (word.kind === 'mark' && QUOTE_CLOSERS.has(word.text));
}

/** "One of them", "l'un d'eux", "l'une d'elles": one of the party last named speaks for it. */
const ONE: ReadonlySet<string> = new Set(['one', 'un', 'une']);
const OF_THEM: ReadonlySet<string> = new Set(['them', 'eux', 'elles']);

/** The words "one of them" ending at word `index`, standing for the last party as a subject pronoun does. */
function oneOfThem(words: Words, index: number): TextRange | undefined {
  if (!OF_THEM.has(words.list[index].text)) return undefined;
  const before = words.list.slice(Math.max(0, index - 3), index).filter((word) => word.kind === 'word');
  const [one, of] = before.slice(-2);
  return one !== undefined && ONE.has(one.text) && (of.text === 'of' || of.text === 'd' || of.text === 'de') ? { start: one.start, end: words.list[index].end } : undefined;
}

/** A subject pronoun just before a verb (auxiliaries and "-t-" between), or inverted just after it. */
export function pronounBefore(words: Words, index: number): TextRange | undefined {
  for (let k = index - 1, seen = 0; k >= 0 && seen < 4; k--) {
    const word = words.list[k];
    if (word.kind === 'mark' && word.text !== '-') break;
    if (word.kind !== 'word') continue;
    seen++;
    if (PRONOUNS.has(word.text)) return word;
    const one = oneOfThem(words, k);
    if (one !== undefined) return one;
    if (!AUXILIARIES.has(word.text) && word.text !== 't' && word.text !== 'ne' && word.text !== 'n') break;
  }
  return undefined;
}
