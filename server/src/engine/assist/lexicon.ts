import { foldText } from '../aliases';
import { byLanguages, languagesOf, phraseTable, type TableEntry } from '../read/languages';
import { PhraseTable, type Words } from '../read/words';
import type { TextRange } from '../syntax';

// Cues the assist knows before a desk has annotated anything: the words the
// press uses for the usual tolls and outcomes, in French, English and
// Arabic, for properties whose key (or `measure:`) says what they count.
// They weigh less than the desk's own `cues:` and what the corpus teaches;
// a corpus with other keys simply gets none of them.

/** Count properties by what they count: a property whose key or measure is one of the names gets the cues. */
const COUNT_CUES: readonly { readonly names: readonly string[]; readonly cues: readonly string[]; readonly counted?: true }[] = [
  {
    names: ['killed', 'dead', 'deaths', 'fatalities', 'killings', 'tues', 'morts'],
    cues: [
      'tué', 'tués', 'tuée', 'tuées', 'mort', 'morts', 'décès', 'décédés', 'péri', 'tuant', 'ont perdu la vie', 'trouvé la mort', 'bilan',
      'killed', 'dead', 'deaths', 'died', 'fatalities', 'lives', 'killing', 'lost their lives', 'death toll', 'toll',
      'قتلى', 'قتيل', 'قتيلا', 'مقتل', 'قتل', 'قتلوا', 'لقي حتفه', 'لقوا حتفهم', 'مصرع', 'حتفهم', 'وفاة', 'حصيلة',
      // An attack that cost lives: "qui avait coûté la vie à 12 soldats", "أودى بحياة 12 جنديا".
      'coûté la vie', 'coûte la vie', 'coûtant la vie', 'أودى بحياة', 'أودت بحياة',
      // Bodies seen are dead counted: "des dizaines de corps", "dozens of bodies".
      'corps', 'cadavres', 'bodies', 'corpses', 'جثث', 'جثة',
      // Army communiqués' word for enemies killed, verb or noun, and a side's own losses: "30 terroristes neutralisés", "a permis de
      // neutraliser de nombreux assaillants", "led to the neutralisation of several assailants", "nous avons perdu onze hommes".
      'neutralisé', 'neutralisés', 'neutraliser', 'neutralisation', 'neutralized', 'neutralised', 'neutralization', 'تحييد', 'perdu', 'lost',
      // A side's own losses in Arabic: "فقدت سبعة من عناصرها" (the active voice; "فُقد" alone, went missing, is a cue of the missing).
      'فقدت', 'فقدنا', 'فقدوا',
      'قتلت', 'قتلنا', 'يقتل', 'تقتل', 'قتلهم',
      // Executions and massacres are killings counted: "300 civilians executed", "أعدموا 12 رجلا".
      'exécuté', 'exécutés', 'exécutées', 'massacrés', 'executed', 'massacred', 'أعدم', 'أعدموا', 'إعدام',
    ],
  },
  {
    names: ['wounded', 'injured', 'injuries', 'blesses'],
    cues: ['blessé', 'blessés', 'blessée', 'blessées', 'wounded', 'injured', 'injuries', 'hurt', 'جرحى', 'جريح', 'جريحا', 'إصابة', 'مصابين', 'أصيب', 'أصيبوا', 'إصابات'],
  },
  {
    names: ['casualties', 'victims', 'victimes'],
    cues: ['tués ou blessés', 'morts ou blessés', 'killed or wounded', 'killed or injured', 'dead or wounded', 'casualties', 'victimes', 'pertes', 'ضحايا', 'قتيل وجريح', 'بين قتيل وجريح'],
  },
  {
    names: ['captured', 'prisoners', 'abducted', 'kidnapped', 'hostages', 'taken'],
    cues: [
      'prisonnier', 'prisonniers', 'faits prisonniers', 'capturé', 'capturés', 'capturées', 'enlevé', 'enlevés', 'otages', 'kidnappés',
      'captured', 'prisoners', 'taken prisoner', 'abducted', 'kidnapped', 'hostages', 'taken hostage',
      'أسرى', 'أسير', 'أسر', 'اختطاف', 'مختطفين', 'رهائن', 'خطف',
    ],
  },
  {
    names: ['missing', 'disappeared', 'unaccounted', 'disparus', 'disparu'],
    cues: [
      'disparu', 'disparus', 'disparue', 'disparues', 'portés disparus', 'porté disparu', 'introuvables',
      // Those who did not answer the roll call: "De nombreux soldats manquent (également) à l'appel".
      "manquent à l'appel", "manquaient à l'appel", "manquant à l'appel", 'manquent', 'manquaient', 'manquants', 'manquantes',
      'missing', 'unaccounted for', 'disappeared', 'still missing',
      'مفقود', 'مفقودا', 'مفقودين', 'المفقودين', 'في عداد المفقودين', 'فقد', 'فقدان',
      // A fate not known is the missing counted: "have not been seen since", "sans nouvelles de", "لا يزال مصير عشرات مجهولا".
      'not been seen since', 'not been heard from', 'whereabouts', 'sans nouvelles', 'sort inconnu', 'مصير', 'مصيرهم', 'مجهولا', 'لا أثر',
    ],
  },
  {
    // How many came to attack: "une centaine d'assaillants", "hundreds of attackers", "مئات المهاجمين"; and the words the press
    // counts an attacking force by: "about 100 enemy fighters", "« une cinquantaine » de combattants", "نحو 50 مسلحا".
    names: ['attackers', 'assailants', 'assaillants', 'attaquants'],
    // Who is counted, not what befell them: "Thirty fighters were killed" is a toll.
    counted: true,
    cues: [
      'assaillants', 'attaquants', 'combattants', 'hommes armés', 'jihadistes', 'djihadistes',
      'attackers', 'assailants', 'fighters', 'gunmen', 'armed men',
      // What army communiqués call them: "30 terroristes neutralisés", "killed 40 \"terrorists\"", "مقتل 40 إرهابيا".
      'terroristes', 'terrorists', 'إرهابيين', 'الإرهابيين', 'إرهابيا',
      // The singular after a hundred or a thousand as after ten: "نحو مئة مسلح", "عشرون مسلحا".
      'مهاجمين', 'المهاجمين', 'المهاجمون', 'مهاجم', 'مسلحين', 'المسلحين', 'مسلحا', 'مسلح', 'مسلحون', 'المسلحون', 'مقاتلين', 'مقاتلا', 'مقاتل',
    ],
  },
  {
    // Those who came back alive: "15 members of the patrol survived", "une quinzaine ont pu regagner la base", "نجا 15 منهم".
    names: ['survivors', 'survived', 'survivants', 'rescapes'],
    cues: [
      'survivants', 'rescapés', 'survécu', 'ont pu regagner', 'ont pu rejoindre', 'ont réussi à regagner', 'sains et saufs',
      'survivors', 'survived', 'made it back',
      'نجا', 'نجوا', 'الناجين', 'ناجين', 'الناجون', 'ناجيا',
    ],
  },
  { names: ['arrested', 'detained', 'arrests'], cues: ['arrêté', 'arrêtés', 'interpellés', 'détenus', 'arrested', 'detained', 'اعتقال', 'معتقلين', 'اعتقل', 'اعتقلت', 'اعتقلوا', 'توقيف'] },
  {
    names: ['displaced'],
    // Those who fled are the displaced counted: "des milliers d'habitants ont fui", "وفر آلاف السكان".
    cues: ['déplacés', 'ont fui', 'avaient fui', 'fui', 'fuyant', 'displaced', 'fled', 'fleeing', 'نازحين', 'نزوح', 'نازح', 'فر', 'فروا', 'نزح', 'نزحوا', 'فرار'],
  },
  { names: ['vehicles'], cues: ['véhicule', 'véhicules', 'voitures', 'pick-up', 'vehicles', 'trucks', 'pickups', 'آليات', 'سيارات', 'مركبات', 'عربات'] },
  // Things and people counted that no toll counts, by the noun the three languages count them with: a desk's `inhabitants`,
  // `homes-burned`, `buried` key gets them whatever report its claims were learnt from.
  {
    // Who lived there: "Le village comptait environ 300 habitants", "a village of about 300 inhabitants", "نحو ثلاثمئة نسمة".
    names: ['inhabitants', 'population', 'habitants', 'residents'],
    counted: true,
    cues: ['habitants', 'âmes', 'inhabitants', 'residents', 'people lived', 'سكان', 'نسمة', 'ساكن'],
  },
  {
    names: ['homes', 'houses', 'huts', 'buildings', 'dwellings', 'maisons', 'granaries'],
    cues: ['maisons', 'habitations', 'cases', 'huttes', 'greniers', 'concessions', 'homes', 'houses', 'huts', 'granaries', 'buildings', 'dwellings', 'منازل', 'منزلا', 'منزل', 'بيوت', 'بيتا', 'مساكن', 'مسكنا', 'أكواخ', 'مخازن'],
  },
  {
    // The dead buried, counted by who buried them: "We buried 72 of our own", "plus de 40 corps ont été mis en terre", "دفنّاه مع العشرات".
    names: ['buried', 'burials', 'enterres', 'inhumes'],
    cues: ['enterré', 'enterrés', 'inhumé', 'inhumés', 'mis en terre', 'inhumation', 'buried', 'burial', 'burials', 'دفن', 'دفنا', 'دفنوا', 'دفنّا', 'دفناه', 'دفنّاه', 'دفنهم'],
  },
  { names: ['raped', 'rape', 'rapes'], cues: ['violées', 'viols', 'viol', 'violences sexuelles', 'raped', 'rape', 'rapes', 'sexual violence', 'اغتصاب', 'للاغتصاب', 'اغتصبت', 'العنف الجنسي'] },
];

/**
 * Date properties by what they date, other than the event itself: a
 * property whose key (or a part of it) is one of the names gets the cues —
 * `body-recovered` those of a body and of its finding ("His body was found
 * on 6 October", "عثروا على الجثة مساء الخميس"), `authenticated-on` those of
 * an authentication.
 */
const DATE_CUES: readonly { readonly names: readonly string[]; readonly cues: readonly string[] }[] = [
  {
    names: ['recovered', 'found', 'discovered', 'retrieved', 'recovery'],
    cues: ['found', 'recovered', 'discovered', 'retrieved', 'retrouvé', 'retrouvée', 'retrouvés', 'retrouvées', 'découvert', 'découverte', 'découverts', 'عثر', 'عثرت', 'عثروا', 'العثور', 'انتشال', 'انتشلت'],
  },
  { names: ['body', 'bodies', 'remains'], cues: ['body', 'bodies', 'remains', 'corps', 'dépouille', 'dépouilles', 'جثة', 'جثث', 'رفات'] },
  { names: ['released', 'freed', 'release', 'liberated'], cues: ['released', 'freed', 'libéré', 'libérés', 'libérée', 'libérées', 'libération', 'أفرج', 'الإفراج', 'أطلق سراح', 'إطلاق سراح'] },
  { names: ['arrested', 'arrest', 'detained'], cues: ['arrested', 'detained', 'arrêté', 'arrêtés', 'interpellé', 'interpellés', 'اعتقل', 'اعتقال', 'توقيف'] },
  { names: ['authenticated', 'verified', 'authentication'], cues: ['authenticated', 'verified', 'authentifié', 'authentifiée', 'authentifiés', 'vérifié', 'vérifiée', 'التحقق', 'تحقق'] },
];

/** The built-in cues of a date property by its key's words, and whether they are the whole key's (`found`) or a part's (`body-recovered`). */
export function builtInDateCues(key: string): { readonly cues: readonly string[]; readonly whole: boolean } {
  const parts = keyWords(key);
  const cues = DATE_CUES.filter((entry) => parts.some((part) => entry.names.includes(part))).flatMap((entry) => entry.cues);
  return { cues, whole: parts.length === 1 };
}

/** Free-text properties the readers fill by their key's words: how an attack was carried out, what the attackers took. */
const TEXT_KINDS: readonly { readonly kind: 'means' | 'spoils'; readonly names: readonly string[] }[] = [
  { kind: 'means', names: ['method', 'methods', 'means', 'tactic', 'tactics', 'modus'] },
  { kind: 'spoils', names: ['seized', 'looted', 'stolen', 'loot', 'booty', 'spoils'] },
];

/** What a free-text property records by its key ("method": the means of an attack, "seized": what was taken), if the readers know it. */
export function textKindOf(key: string): 'means' | 'spoils' | undefined {
  const parts = keyWords(key);
  return TEXT_KINDS.find((entry) => parts.some((part) => entry.names.includes(part)))?.kind;
}

/** Copulas whose subject is the party a clause puts behind an act, once "وراء" ("behind") ends the clause (finder.ts, governingEvidence). */
const BEHIND_COPULAS: readonly string[] = ['أن يكون', 'أن تكون', 'أن يكونوا'];

/** Whether a cue names a party only as the subject of a clause that "وراء" ends ("أن تكون جماعة X وراءه"). */
export function needsBehind(phrase: string): boolean {
  return BEHIND_COPULAS.includes(phrase);
}

/** Whether a word is "behind" that ends such a clause ("وراءه", "وراءها", "وراء الهجوم"). */
export function isBehind(word: string): boolean {
  return /^و?وراء/u.test(foldText(word).folded);
}

/** Names of an actor property for who carried out an attack. */
const ATTACKER_NAMES: readonly string[] = ['attacker', 'attackers', 'perpetrator', 'perpetrators', 'responsible', 'responsibility', 'author'];

/**
 * Actor properties by name. `claimant`: the cues of a claim of
 * responsibility, whose value the claimant itself is ("JNIM claimed the
 * attack"); the others tie the party named near them, never the one
 * speaking ("Security sources blamed the attack on ISGS": ISGS, not the
 * sources; "the gunmen first targeted the VDP post": the VDP).
 */
const ACTOR_CUES: readonly { readonly names: readonly string[]; readonly claimant: boolean; readonly cues: readonly string[] }[] = [
  {
    names: ATTACKER_NAMES,
    claimant: true,
    cues: [
      'revendique', 'revendiquent', 'revendiqué', 'revendiquée', 'revendiqués', 'revendiquées', 'revendiquait', 'revendication', 'a mené', 'ont mené', 'perpétré',
      'claimed responsibility', 'claims responsibility', 'responsibility', 'carried out', 'claimed by',
      'تبنى', 'تبنت', 'تبني', 'مسؤوليته', 'مسؤوليتها', 'المسؤولية',
    ],
  },
  {
    // Another party blamed for the act: "imputée à l'EIGS", "the work of ISGS fighters", "رجّح أن يكون المهاجمون من…".
    names: ATTACKER_NAMES,
    claimant: false,
    cues: [
      'imputé', 'imputée', 'imputés', 'imputées', 'impute', 'imputent', 'imputait', 'attribué', 'attribuée', 'attribués', 'attribuées', 'attribue', 'attribuent', 'attribuait', "l'œuvre de", "l'œuvre du", "l'œuvre des", 'mis en cause', 'mettent en cause',
      // Whose the attackers were: "ils appartiendraient à X", "la marque de X" (porte, portait, porterait).
      'appartiennent', 'appartenaient', 'appartiendraient', 'appartiendrait', 'appartenant', 'la marque de', 'la marque du', "la marque d'", 'la signature de', 'la signature du', "la signature d'",
      'blamed', 'blamed on', 'blames', 'attribute', 'attributes', 'attributed to', 'pointed to', 'pointed the finger at', 'the work of', 'behind the attack', 'behind the killings', 'behind the massacre',
      // Whose the act is, said of the subject of "to be" (finder.ts, passiveSubjectEvidence): "[X] were likely behind it", "[X], qui seraient à l'origine de l'embuscade".
      'behind it', 'behind the ambush', "à l'origine de", "à l'origine du", "à l'origine des", "à l'origine d'",
      'belonged to', 'belong to', 'belongs to', 'belonging to', 'the hallmarks of', 'the hallmark of', 'hallmarks of',
      'نسب', 'نسبت', 'نسبوا', 'بتنفيذ', 'المهاجمون من', 'المهاجمين من', 'المسلحون من', 'المسلحين من',
      'ينتمون إلى', 'ينتمي إلى', 'ينتمون الى', 'ينتمي الى', 'المنتمين إلى', 'بصمات',
      // Who is deemed to stand behind it: "رجّح أن تكون جماعة X وراءه" — the copula's subject, only where "وراء" ends its clause.
      ...BEHIND_COPULAS,
    ],
  },
  {
    // The party an attack went for first: "avaient d'abord visé le poste des VDP", "overran the post", "استهدف المهاجمون…".
    names: ['targeted', 'target', 'targets'],
    claimant: false,
    cues: [
      'visé', 'visée', 'visés', 'visées', 'viser', 'ciblé', 'ciblée', 'ciblés', 'ciblées', 'pris pour cible', "s'en prendre", 'attaqué', 'attaquée', 'attaqués', 'attaquées',
      'targeted', 'targeting', 'target', 'attacked', 'overran', 'overrun', 'stormed',
      'استهدف', 'استهدفت', 'استهدفوا', 'استهداف', 'هاجم', 'هاجموا', 'هاجمت', 'اقتحموا',
    ],
  },
];
/**
 * The unarmed, as the press says of those killed ("exécutées alors qu'elles
 * étaient désarmées", "سكان عزل"): civilians, but said of whom a toll counts,
 * so such a word goes with a claim and makes none alone ("fighters … were
 * unarmed when they were killed" is no claim of civilians). "عزل" alone is
 * also a dismissal: only after a noun of people.
 */
const UNARMED: readonly string[] = ['désarmés', 'désarmées', 'non armés', 'non armées', 'sans armes', 'unarmed', 'سكان عزل', 'السكان العزل', 'مواطنين عزل', 'أشخاص عزل'];

/** Whether a built-in cue phrase says only that those counted were unarmed. */
export function saysUnarmed(phrase: string): boolean {
  return UNARMED.includes(phrase);
}

/** Enum values by name: a value so named gets the cues, whatever its property. */
const VALUE_CUES: readonly { readonly names: readonly string[]; readonly cues: readonly string[] }[] = [
  {
    names: ['captured', 'taken', 'seized', 'overran', 'overrun', 'stormed'],
    cues: [
      'pris le contrôle', 'prise de contrôle', 'capturé', 'conquis', 'la prise',
      // Getting inside the camp or the base: "parvenus à pénétrer dans le camp", "broke into the base".
      'pénétrer dans le camp', 'pénétré dans le camp', 'pénétrer dans la base', 'pénétré dans la base', 'broke into the camp', 'broke into the base',
      'took control', 'taken control', 'seized control', 'seized the camp', 'seized the base', 'seized the town', 'overran', 'overrun', 'captured', 'stormed',
      'سيطر', 'سيطرت', 'سيطروا', 'السيطرة على', 'سيطرتها', 'سيطرته', 'سيطرتهم', 'استولى', 'استولت', 'استولوا', 'اقتحم', 'اقتحمت', 'اقتحموا',
    ],
  },
  {
    names: ['repelled', 'repulsed', 'thwarted', 'held'],
    cues: ['repoussé', 'repoussée', 'repoussés', 'repoussées', 'repousser', 'mis en déroute', 'mis en fuite', 'mettre en fuite', 'déjoué', 'repelled', 'repelling', 'repulsed', 'repulsing', 'fended off', 'thwarted', 'held their positions', 'held its positions', 'held their ground', 'held its ground', 'beat back', 'drive off the', 'drove off the', 'driven off', 'put to flight', 'صد', 'صدت', 'التصدي', 'دحر', 'إحباط', 'أحبط'],
  },
  {
    names: ['civilians', 'civilian', 'civils'],
    cues: [
      'civils', 'civil', 'civiles', 'civilians', 'civilian', 'non-combattants', 'مدنيين', 'مدنيون', 'المدنيين', 'مدني',
      // The accusative after a number: "40 مدنيا", "40 مسلحا".
      'مدنيا',
      'femmes et enfants', 'women and children', 'النساء والأطفال', 'نساء وأطفال',
      ...UNARMED,
    ],
  },
  {
    names: ['combatants', 'combatant', 'military', 'soldiers', 'militiamen'],
    cues: [
      'combattants', 'miliciens', 'militaires', 'militiamen', 'militias', 'combatants', 'fighters',
      'مقاتلين', 'مقاتلون', 'ميليشيات', 'مسلحين', 'مسلحون', 'عسكريين', 'مسلحا', 'مقاتلا',
    ],
  },
  {
    // How attackers came: "à moto", "Gunmen on motorbikes", "على دراجات نارية".
    names: ['motorcycles', 'motorcycle', 'motorbikes', 'motos'],
    cues: ['à moto', 'en moto', 'à motos', 'motos', 'motorbikes', 'motorbike', 'motorcycles', 'motorcycle', 'دراجات نارية', 'دراجة نارية'],
  },
  {
    // Why: "en représailles", "revenge for the killing", "انتقاما لمقتل".
    names: ['reprisal', 'reprisals', 'revenge', 'retaliation', 'vengeance'],
    cues: ['représailles', 'vengeance', 'venger', 'revenge', 'reprisal', 'reprisals', 'retaliation', 'انتقاما', 'انتقام', 'ثأرا'],
  },
  {
    names: ['withdrawn', 'withdrew', 'retreated'],
    cues: ['se sont retirés', 'se sont repliés', 'ont quitté le camp', 'withdrew', 'withdrawn', 'retreated', 'pulled out', 'انسحب', 'انسحبت', 'انسحاب'],
  },
];

export type Stance = 'affirms' | 'denies';

/**
 * Stances a party takes on whether something is so: an accusation affirms
 * it, a denial denies it. They are constructions of the language, not of a
 * desk, and say nothing of *what* is affirmed: they tie a value only of a
 * property the passage is already about, by what the desk's own claims of
 * that property teach (finder.ts). By the value's name: `yes`, `true`,
 * `oui` affirm; `no`, `false`, `non`, `denied` deny.
 */
const STANCE_CUES: readonly { readonly stance: Stance; readonly names: readonly string[]; readonly cues: readonly string[] }[] = [
  {
    stance: 'affirms',
    names: ['yes', 'true', 'oui'],
    cues: [
      'accuse', 'accusé', 'accusée', 'accusés', 'accusent', 'accusant', 'accusait', 'accusation', 'accusations', 'désigné comme responsable', 'désignée comme responsable', 'désignés comme responsables', 'tenu pour responsable', 'tiennent pour responsable',
      'accused', 'accuses', 'accusing', 'accusation', 'accusations', 'blamed', 'blames', 'blaming', 'held responsible', 'holds responsible',
      'اتهم', 'اتهمت', 'اتهموا', 'يتهم', 'تتهم', 'يتهمون', 'اتهام', 'اتهامات', 'حمل مسؤولية', 'حملت مسؤولية', 'بالوقوف وراء', 'الوقوف وراء',
    ],
  },
  {
    stance: 'denies',
    names: ['no', 'false', 'non', 'denied'],
    // To reject is a denial only of an involvement ("rejected any involvement", not "rejected the decision"): the phrases a denial's object makes.
    cues: [
      'nié', 'nie', 'nient', 'niant', 'nier', 'démenti', 'dément', 'démentent', 'démentant', 'démentir', 'réfute', 'réfuté', "n'a rien à voir", 'toute implication', 'toute responsabilité', 'aucune implication',
      'denied', 'denies', 'deny', 'denying', 'denial', 'refuted', 'nothing to do with', 'any involvement', 'any role in', 'no involvement', 'no role in',
      'نفى', 'نفت', 'نفوا', 'ينفي', 'تنفي', 'ينفون', 'نفي', 'لا علاقة', 'أي علاقة', 'أي صلة', 'أي تورط',
    ],
  },
];

/** The stance an enum value takes by its name (`yes` affirms, `no` denies), if any. */
export function stanceOf(value: string): Stance | undefined {
  const name = value.toLowerCase();
  return STANCE_CUES.find((entry) => entry.names.includes(name))?.stance;
}

/**
 * The built-in cues of the stance an enum value takes (an accusation for
 * `yes`, a denial for `no`), by its name. Blaming another party for an act
 * ("imputée à", "the work of", "نسبت … إلى") is an accusation too.
 */
export function builtInStanceCues(value: string): readonly string[] {
  const stance = stanceOf(value);
  const cues = STANCE_CUES.find((entry) => entry.stance === stance)?.cues ?? [];
  // A copula alone affirms nothing: it ties a party only in the clause "وراء" ends, which the stance cues do not check.
  return stance === 'affirms' ? [...cues, ...ACTOR_CUES.filter((entry) => !entry.claimant && entry.names === ATTACKER_NAMES).flatMap((entry) => entry.cues).filter((cue) => !needsBehind(cue))] : cues;
}

/**
 * Words that say a figure is at stake: a party that declines to comment
 * declines a figure only when the passage speaks of one ("n'a pas souhaité
 * apporter de bilan", not "did not respond to a request for comment").
 */
const TOLL_WORDS: readonly string[] = [
  'bilan', 'chiffre', 'chiffres', 'pertes', 'victimes', 'conséquences', 'morts', 'tués', 'blessés', 'nombre', 'combien',
  'toll', 'death toll', 'figure', 'figures', 'casualties', 'dead', 'killed', 'wounded', 'number', 'numbers', 'consequences', 'how many',
  // A noun of losses carries its owner as a suffix: "من دون أن يذكر خسائره".
  'حصيلة', 'أرقام', 'ضحايا', 'قتلى', 'جرحى', 'خسائر', 'خسائره', 'خسائرها', 'خسائرهم', 'عدد',
];

let tolls: PhraseTable<true> | undefined;

/** Whether some words speak of a figure (TOLL_WORDS, matched folded). */
export function speaksOfFigures(words: Words): boolean {
  if (tolls === undefined) {
    tolls = new PhraseTable<true>();
    for (const word of TOLL_WORDS) tolls.addLiteral(word, true);
  }
  return tolls.findAll(words).length > 0;
}

/** The built-in cues of a count property, by its key or `measure:`. */
export function builtInCountCues(key: string, measure: string | undefined): readonly string[] {
  const names = [key.toLowerCase(), measure?.toLowerCase()];
  return COUNT_CUES.filter((entry) => names.some((name) => name !== undefined && entry.names.includes(name))).flatMap((entry) => entry.cues);
}

/** The words a property key is made of, lower-cased: "us-soldiers-wounded" → us, soldiers, wounded. */
export function keyWords(key: string): string[] {
  return key.toLowerCase().split(/[-_]/u);
}

/**
 * The built-in cues of the parts of a compound count key ("soldiers-missing":
 * missing; "civilians_killed": killed). The part is what tells a key from its
 * siblings (soldiers-killed, -wounded, -missing share the noun): the
 * predicate that governs a count ("portés disparus", "wounded … others",
 * "مفقودين").
 */
export function builtInCountCuesOfParts(key: string): readonly string[] {
  const parts = keyWords(key);
  return parts.length < 2 ? [] : COUNT_CUES.filter((entry) => parts.some((part) => entry.names.includes(part))).flatMap((entry) => entry.cues);
}

/**
 * Whether a count property counts people by who they are (the attackers:
 * "about 100 fighters") and by nothing that befell them: a toll's word
 * beside the same figure ("Thirty fighters were killed") makes it a toll,
 * unless the key says both (`assailants-killed`).
 */
export function countsWhoOnly(key: string, measure: string | undefined): boolean {
  const names = [...keyWords(key), key.toLowerCase(), measure?.toLowerCase()].filter((name) => name !== undefined);
  const entries = COUNT_CUES.filter((entry) => names.some((name) => entry.names.includes(name)));
  return entries.length > 0 && entries.every((entry) => entry.counted === true);
}

let countedNouns: ReadonlySet<string> | undefined;

/** Whether a built-in cue phrase names who is counted ("fighters", "مسلحين"), not what befell them. */
export function namesWhoIsCounted(phrase: string): boolean {
  countedNouns ??= new Set(COUNT_CUES.filter((entry) => entry.counted === true).flatMap((entry) => entry.cues));
  return countedNouns.has(phrase);
}

/**
 * Groups a count may count, by the name a key's part gives them
 * (`children-killed`, `civilians_killed`, `us-soldiers-wounded`), with the
 * words the press names them by, and the kinds of party whose own people
 * they are (an army's dead are soldiers, an armed group's its fighters).
 * They tell siblings apart that share a predicate (qualifiers.ts) and
 * whose losses a party counts as its own (finder.ts).
 */
const COUNTED_GROUPS: readonly { readonly names: readonly string[]; readonly words: readonly string[]; readonly kinds?: readonly string[] }[] = [
  {
    names: ['children', 'child', 'kids', 'minors', 'enfants', 'mineurs'],
    words: ['children', 'child', 'kids', 'minors', 'boys', 'girls', 'enfants', 'enfant', 'mineurs', 'fillettes', 'garçons', 'أطفال', 'أطفالا', 'طفلا', 'طفل', 'طفلة', 'قاصرين'],
  },
  { names: ['women', 'woman', 'female', 'femmes'], words: ['women', 'woman', 'femmes', 'femme', 'نساء', 'امرأة', 'سيدة', 'سيدات'] },
  {
    names: ['soldiers', 'soldier', 'troops', 'military', 'servicemen', 'army', 'soldats', 'militaires'],
    words: ['soldiers', 'soldier', 'troops', 'servicemen', 'commandos', 'soldats', 'soldat', 'militaires', 'militaire', 'جنود', 'جنديا', 'جندي', 'الجنود', 'عسكريين', 'عسكريا', 'عسكري'],
    kinds: ['state-force'],
  },
  {
    // The other side of a fight, by any of the names the press or an army's communiqué gives it: "77 militants were neutralized",
    // "une vingtaine de terroristes", "عدد كبير من الإرهابيين". Not "fighters", "combattants", "مقاتلين": every side has them.
    names: ['assailants', 'attackers', 'rebels', 'militants', 'jihadists', 'terrorists', 'insurgents', 'fighters', 'enemies', 'enemy', 'gunmen', 'assaillants', 'attaquants', 'rebelles', 'jihadistes', 'terroristes'],
    words: [
      'assailants', 'attackers', 'rebels', 'militants', 'jihadists', 'terrorists', 'insurgents', 'gunmen',
      'assaillants', 'attaquants', 'rebelles', 'jihadistes', 'djihadistes', 'terroristes', 'insurgés',
      'مهاجمين', 'المهاجمين', 'مسلحين', 'المسلحين', 'مسلحا', 'إرهابيين', 'الإرهابيين', 'إرهابيا', 'متمردين', 'المتمردين', 'جهاديين', 'الجهاديين',
    ],
    kinds: ['armed-group', 'militia'],
  },
  {
    names: ['mercenaries', 'mercenaires', 'contractors'],
    words: ['mercenaries', 'mercenary', 'contractors', 'mercenaires', 'mercenaire', 'مرتزقة', 'المرتزقة'],
    kinds: ['private-military-company'],
  },
  {
    names: ['peacekeepers', 'peacekeeper', 'blue-helmets', 'casques-bleus'],
    words: ['peacekeepers', 'peacekeeper', 'casques bleus', 'casque bleu', 'قوات حفظ السلام', 'جنود حفظ السلام'],
  },
  { names: ['civilians', 'civilian', 'civils'], words: ['civilians', 'civilian', 'civils', 'civil', 'civiles', 'civile', 'مدنيين', 'المدنيين', 'مدنيا', 'مدني', 'مدنيون'] },
  {
    names: ['police', 'policemen', 'gendarmes', 'gendarmerie', 'policiers'],
    words: ['police', 'policemen', 'gendarmes', 'gendarme', 'policiers', 'policier', 'شرطة', 'شرطيا', 'شرطيين', 'دركيا', 'دركيين'],
  },
];

/** The key names of the group a kind of party's own people are (`state-force`: soldiers, troops…); empty for a kind no group is of. */
export function ownGroupNames(kind: string | undefined): readonly string[] {
  return COUNTED_GROUPS.find((group) => kind !== undefined && group.kinds?.includes(kind) === true)?.names ?? [];
}

/** The kinds of party at war with each other in the tolls the press gives: an army and the armed groups it fights. */
const AT_WAR: readonly (readonly string[])[] = [['state-force'], ['armed-group']];

/** The key names of the group a kind of party fights and counts the dead of (an army's: the attackers, rebels…; an armed group's: soldiers); empty for other kinds. */
export function enemyGroupNames(kind: string | undefined): readonly string[] {
  const side = AT_WAR.findIndex((kinds) => kind !== undefined && kinds.includes(kind));
  return side < 0 ? [] : ownGroupNames(AT_WAR[1 - side][0]);
}

/**
 * The groups, by how often the desks of the 22 read corpora annotate a toll
 * of each (soldiers 215 claims, assailants, attackers and rebels 71,
 * civilians 39, peacekeepers 24, children 12, women 6; the others none):
 * the likelier of two sibling counts a figure fits equally well, where the
 * corpus's own claims do not tell them apart.
 */
const GROUPS_BY_USE: readonly string[] = ['soldiers', 'assailants', 'civilians', 'peacekeepers', 'children', 'women', 'mercenaries', 'police'];

/**
 * Where a count key stands among its siblings for a figure that fits them
 * equally: a key of one word ("killed", "missing") counts everyone and comes
 * first; then a key's group as it stands in GROUPS_BY_USE; a key that names
 * none of them last.
 */
export function groupRankByUse(key: string): number {
  const parts = keyWords(key);
  if (parts.length === 1) return -1;
  const rank = GROUPS_BY_USE.findIndex((name) => {
    const group = COUNTED_GROUPS.find((entry) => entry.names.includes(name));
    return group !== undefined && parts.some((part) => group.names.includes(part));
  });
  return rank < 0 ? GROUPS_BY_USE.length : rank;
}

/** The words a group is named by, when a key's part names one (`children` of `children-killed`); empty otherwise. */
export function countedGroupWords(part: string): readonly string[] {
  return COUNTED_GROUPS.find((group) => group.names.includes(part))?.words ?? [];
}

/** What a count key says befell those it counts, by its last part the built-in cues know (`us-soldiers-killed`, `killed`: killed); the key itself if none. */
export function predicateOf(key: string): string {
  return keyWords(key).filter(bringsCountCues).at(-1) ?? key.toLowerCase();
}

/** Whether a key's part is one the built-in count cues know ("killed", "wounded", "attackers"): it brings cues of its own, not a group's words. */
export function bringsCountCues(part: string): boolean {
  return COUNT_CUES.some((entry) => entry.names.includes(part));
}

/** The built-in cues of an actor property, by its key. */
export function builtInActorCues(key: string): readonly string[] {
  const name = key.toLowerCase();
  return ACTOR_CUES.filter((entry) => entry.names.includes(name)).flatMap((entry) => entry.cues);
}

/** Whether the built-in cues know an actor property as a claim of responsibility, whose value is the claimant itself. */
export function claimsResponsibility(key: string): boolean {
  const name = key.toLowerCase();
  return ACTOR_CUES.some((entry) => entry.claimant && entry.names.includes(name));
}

/**
 * Wording by which nobody claims an act: "No group immediately claimed
 * responsibility", "L'attaque n'a pas été revendiquée", "ولم تتبن أي جهة
 * الهجوم"; or by which whoever did it is not known ("unidentified gunmen").
 * The statement that the one who did it is unknown.
 */
const UNCLAIMED: readonly TableEntry<true>[] = [
  ['en', 'no|none group|groups|one|organisation|organization|faction immediately|yet? claimed|claims', true],
  ['en', 'no|none group|groups|one|organisation|organization|faction has|have|had immediately|yet? claimed', true],
  ['en', 'nobody|none immediately|yet? claimed|claims', true],
  ['en', 'nobody|none has|had immediately|yet? claimed', true],
  ['en', 'was|were|is|are not immediately|yet? claimed', true],
  ['en', 'has|have|had not immediately|yet? been claimed', true],
  ['en', 'no immediate? claim of responsibility', true],
  ['en', 'there was|has been|had been no immediate claim', true],
  ["fr", "n'a|n'ont|n'avait|n'avaient pas immédiatement|encore? été revendiqu*", true],
  ["fr", "n'a|n'ont|n'avait|n'avaient pas été immédiatement? revendiqu*", true],
  ["fr", "n'a|n'ont|n'avait|n'avaient toujours pas été revendiqu*", true],
  ['fr', 'aucune revendication', true],
  ['fr', 'non revendiqu*', true],
  ["fr", "aucun|aucune groupe|mouvement|organisation n'a|n'avait * revendiqu*", true],
  ["fr", "personne n'a|n'avait * revendiqu*", true],
  ['ar', 'لم|ولم تتبن|يتبن|تتبنى|يتبنى|تعلن|يعلن أي|أية جهة|جماعة|مجموعة|طرف', true],
  ['ar', 'لم|ولم تتبنه|تتبناه|يتبناه أي|أية جهة|جماعة|مجموعة|طرف', true],
  ['ar', 'لا|ولا تتبن|يتبن|تتبنى|يتبنى أي|أية جهة|جماعة|مجموعة|طرف', true],
  // Nobody has said it did it: "No group has said it carried out the killings".
  ['en', 'no|none group|groups|one|organisation|organization|faction has|have|had immediately|yet? said it|they carried out', true],
  ['en', 'no|none group|groups|one|organisation|organization|faction has|have|had immediately|yet? said it|they was|were behind', true],
  // Whoever did it is not known: "carried out by unidentified armed men", "des hommes armés non identifiés", "«مسلحون مجهولون»".
  ['en', 'unidentified|unknown gunmen|assailants|attackers|militants|perpetrators', true],
  ['en', 'unidentified|unknown armed men', true],
  ['fr', 'hommes|individus armés non identifiés', true],
  ['fr', 'assaillants|individus|tireurs non identifiés', true],
  ['fr', 'inconnus armés', true],
  ['ar', 'مسلحون|مسلحين|مهاجمون|مهاجمين|المسلحون|المسلحين مجهولون|مجهولين|المجهولون|المجهولين', true],
];

/** A table of phrases in the languages of a report, built once per set of languages. */
type PhrasesByLanguage = (languages: ReturnType<typeof languagesOf>) => PhraseTable<true>;

/** Where a passage first says one of a table's phrases, if it does. */
function firstPhraseIn(table: PhrasesByLanguage, words: Words, language: string | undefined): TextRange | undefined {
  const match = table(languagesOf(language)).findAll(words)[0];
  return match === undefined ? undefined : { start: match.start, end: match.end };
}

const unclaimedTable = byLanguages((languages) => phraseTable(UNCLAIMED, languages));

/** Where a passage says that nobody claimed the act, if it does. */
export function unclaimedIn(words: Words, language: string | undefined): TextRange | undefined {
  return firstPhraseIn(unclaimedTable, words, language);
}

/**
 * A place the passage refers back to rather than names: "an attack on the
 * same base", "the town's gendarmerie", "ce même camp", "في البلدة" — the
 * place the report is about, which the registry gives its event.
 */
const PLACE_REFERRED_BACK: readonly TableEntry<true>[] = [
  ['en', 'the same base|camp|town|village|post|locality', true],
  ['en', "the town|village|camp|base '", true],
  ['fr', 'ce|cette|le|la même camp|base|ville|village|localité|poste', true],
  ['fr', 'la localité', true],
  ['ar', 'البلدة|القرية|المعسكر', true],
];
const placeReferredBackTable = byLanguages((languages) => phraseTable(PLACE_REFERRED_BACK, languages));

/** Where a passage refers back to a place without naming it, if it does. */
export function placeReferredBackIn(words: Words, language: string | undefined): TextRange | undefined {
  return firstPhraseIn(placeReferredBackTable, words, language);
}

/** Verbs and nouns of accusing, folded: "accuse", "accusent", "accused", "اتهمت", "يتهمون", "اتهام". */
const ACCUSING = /^(?:accus|[\u0648\u0641]?[\u0627\u064a\u062a]?\u062a\u0647\u0627?\u0645)/u;

/** Whether a folded word accuses ("accusent", "accused", "واتهمت"). */
export function accuses(word: string): boolean {
  return ACCUSING.test(word);
}

/** Verbs by which a party claims an act, folded: "revendiquée par", "claimed", "وتبناه". */
const CLAIMING = /^(?:revendiqu|claim|[\u0648\u0641]?[تي]?تبن)/u;

/** Whether an attribution's words claim an act rather than tell something ("revendiquée par", "also claimed", "تبناه"). */
export function claimsAct(cue: string): boolean {
  return CLAIMING.test(foldText(cue).folded);
}

let namingAnother: ReadonlySet<string> | undefined;

/** Whether a built-in cue phrase ties the party named near it, never the claimant ("blamed on", "imputée à", "visé"). */
export function namesAnotherParty(phrase: string): boolean {
  namingAnother ??= new Set(ACTOR_CUES.filter((entry) => !entry.claimant).flatMap((entry) => entry.cues));
  return namingAnother.has(phrase);
}

/** Value names too common as words to be a cue of themselves ("no figures", "other reports"). */
const NOT_CUES: ReadonlySet<string> = new Set(['other', 'others', 'unknown', 'none', 'some', 'true', 'false', 'yes', 'no']);

/** The built-in cues of an enum value: those of its name, and the name itself when it is a word ("denied", "confirmed"). */
export function builtInValueCues(value: string): readonly string[] {
  const name = value.toLowerCase();
  const own = name.length >= 4 && !NOT_CUES.has(name) ? [name.replace(/[-_]/gu, ' ')] : [];
  return [...own, ...VALUE_CUES.filter((entry) => entry.names.includes(name)).flatMap((entry) => entry.cues)];
}
