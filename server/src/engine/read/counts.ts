// The count reader: the counts a passage gives, in the markup's values —
// `47`, `~50`, `>=47`, `>100`, `<=30`, `<10`, `20..30` — read from digits
// ("1 200", "1.200", "1,200", "١٢٠٠", "1,5 million"), number words
// ("vingt-trois", "fifty", "عشرين"), approximations ("une cinquantaine",
// "about 50", "près de", "نحو"), bounds ("au moins 47", "more than",
// "ما لا يقل عن", "ne dépasseraient pas", "up to"), ranges ("entre 20 et 30",
// "20 to 30", "ما بين 20 و30") and indefinite plurals ("des dizaines",
// "dozens", "عشرات"), which read as the desk's convention: DEFAULT_VAGUE,
// with corroborate.yaml's `vague:` table over it.
//
// A number that is no count reads as nothing: years ("en 2023", a bare 2023),
// dates ("24 novembre"), ordinals ("1er", "24th"), times ("7 heures",
// "19h30", "10:30"), measures and calibres ("120 mm", "50 km", "3 jours"),
// percentages, money, model names ("Mi-8", "AK-47"), phone numbers, numbers
// after "résolution", "n°", "رقم", and decimals with no "million" after them.

import { ARABIC_PROCLITIC_CHAINS } from '../aliases';
import { isUnknownValue, readCount } from '../values';
import { dateExpressionsBefore } from './dates';
import { byLanguages, languagesOf, phraseTable, type Language, type ReadOptions, type TableEntry } from './languages';
import { ARABIC_EXCEEDING_VERBS, ARABIC_NUMBER_OF, mayStartNumber, readNumberAt, type NumberRead } from './numbers';
import { quoted, type Reading } from './reading';
import { phraseTokens, PhraseStarts, PhraseTable, wordsOf, type ReadInput, type Words } from './words';

export type CountKind = 'exact' | 'about' | 'at-least' | 'more-than' | 'at-most' | 'less-than' | 'range' | 'vague';

export interface CountReading extends Reading {
  /** The markup's count value: `47`, `~50`, `>=47`, `>100`, `<=30`, `<10`, `20..30`, or the vague table's value. */
  readonly value: string;
  readonly kind: CountKind;
}

/** A count as readCountValues reads it: where, and what, without the words' text or why. */
export interface CountValue extends Omit<CountReading, 'words' | 'why'> {
  /** What the line of why says after the value, in brackets ('' for nothing). */
  readonly note: string;
}

/** A default reading of an indefinite quantity; corroborate.yaml's `vague:` replaces or adds to these. */
export interface VagueDefault {
  readonly language: Language;
  readonly phrase: string;
  readonly value: string;
}

/**
 * The documented defaults (docs/assist.md, "Vague quantities"). A plural of a
 * round number is at least two of it ("des dizaines" ≥ 20), since French and
 * Arabic say "une dizaine", "نحو عشرة" for about one; English "dozens"
 * translates "des dizaines" and reads as it does (≥ 20, where every desk
 * writes it so); "several" is more than one, as "plusieurs" is; "quelques",
 * "a few" and Arabic "بضعة" (3 to 9 by its grammar) stay below ten.
 */
export const DEFAULT_VAGUE: readonly VagueDefault[] = [
  { language: 'fr', phrase: 'plusieurs', value: '>=2' },
  // "De nombreux soldats", "de nombreuses victimes": more than one, as "plusieurs" is.
  { language: 'fr', phrase: 'de nombreux', value: '>=2' },
  { language: 'fr', phrase: 'de nombreuses', value: '>=2' },
  { language: 'fr', phrase: 'quelques', value: '2..9' },
  { language: 'fr', phrase: 'dizaines', value: '>=20' },
  { language: 'fr', phrase: 'des dizaines', value: '>=20' },
  { language: 'fr', phrase: 'plusieurs dizaines', value: '>=20' },
  { language: 'fr', phrase: 'quelques dizaines', value: '>=20' },
  { language: 'fr', phrase: 'centaines', value: '>=200' },
  { language: 'fr', phrase: 'des centaines', value: '>=200' },
  { language: 'fr', phrase: 'plusieurs centaines', value: '>=200' },
  { language: 'fr', phrase: 'quelques centaines', value: '>=200' },
  { language: 'fr', phrase: 'milliers', value: '>=2000' },
  { language: 'fr', phrase: 'des milliers', value: '>=2000' },
  { language: 'fr', phrase: 'plusieurs milliers', value: '>=2000' },
  { language: 'fr', phrase: 'quelques milliers', value: '>=2000' },
  { language: 'fr', phrase: 'des dizaines de milliers', value: '>=20000' },
  { language: 'fr', phrase: 'des centaines de milliers', value: '>=200000' },
  { language: 'en', phrase: 'several', value: '>=2' },
  { language: 'en', phrase: 'a few', value: '2..9' },
  { language: 'en', phrase: 'a handful', value: '2..9' },
  { language: 'en', phrase: 'tens', value: '>=20' },
  { language: 'en', phrase: 'dozens', value: '>=20' },
  { language: 'en', phrase: 'a few dozen', value: '>=20' },
  { language: 'en', phrase: 'several dozen', value: '>=36' },
  { language: 'en', phrase: 'scores', value: '>=40' },
  { language: 'en', phrase: 'hundreds', value: '>=200' },
  { language: 'en', phrase: 'a few hundred', value: '>=200' },
  { language: 'en', phrase: 'several hundred', value: '>=300' },
  { language: 'en', phrase: 'thousands', value: '>=2000' },
  { language: 'en', phrase: 'a few thousand', value: '>=2000' },
  { language: 'en', phrase: 'several thousand', value: '>=3000' },
  { language: 'en', phrase: 'tens of thousands', value: '>=20000' },
  { language: 'en', phrase: 'hundreds of thousands', value: '>=200000' },
  { language: 'ar', phrase: 'عدة', value: '>=3' },
  { language: 'ar', phrase: 'بضعة', value: '3..9' },
  { language: 'ar', phrase: 'بضع', value: '3..9' },
  { language: 'ar', phrase: 'عشرات', value: '>=20' },
  { language: 'ar', phrase: 'بضع عشرات', value: '>=30' },
  { language: 'ar', phrase: 'مئات', value: '>=200' },
  { language: 'ar', phrase: 'بضع مئات', value: '>=300' },
  { language: 'ar', phrase: 'آلاف', value: '>=2000' },
  { language: 'ar', phrase: 'بضعة آلاف', value: '>=3000' },
  { language: 'ar', phrase: 'عشرات الآلاف', value: '>=20000' },
  { language: 'ar', phrase: 'مئات الآلاف', value: '>=200000' },
  // A number the writer says exists and does not give: a claim that there are some, of unstated count (`?`).
  { language: 'fr', phrase: 'un certain nombre', value: '?' },
  { language: 'fr', phrase: 'un nombre indéterminé', value: '?' },
  { language: 'fr', phrase: 'un nombre inconnu', value: '?' },
  { language: 'en', phrase: 'a number of', value: '?' },
  { language: 'en', phrase: 'an unknown number of', value: '?' },
  { language: 'en', phrase: 'an undetermined number of', value: '?' },
  { language: 'en', phrase: 'an unspecified number of', value: '?' },
  { language: 'ar', phrase: 'عدد من', value: '?' },
  { language: 'ar', phrase: 'عددا من', value: '?' },
  { language: 'ar', phrase: 'عدد آخر', value: '?' },
  { language: 'ar', phrase: 'عددا آخر', value: '?' },
  { language: 'ar', phrase: 'عدد غير محدد', value: '?' },
  { language: 'ar', phrase: 'عددا غير محدد', value: '?' },
];

type Bound = 'about' | 'at-least' | 'more-than' | 'at-most' | 'less-than';
type Entry<T> = TableEntry<T>;

/** Words before a number that bound it or make it approximate. */
const PREFIX_BOUNDS: readonly Entry<Bound>[] = [
  ['fr', 'environ|approximativement|presque|pratiquement|quasiment|quelque', 'about'],
  ['fr', "près|autour de|d'", 'about'],
  ['fr', "aux alentours de|d'", 'about'],
  ['fr', 'à peu près', 'about'],
  ['fr', 'grosso modo', 'about'],
  ['fr', "au moins|minimum", 'at-least'],
  ['fr', "pas moins de|d'", 'at-least'],
  ['fr', "un minimum de|d'", 'at-least'],
  ['fr', "un? peu|bien|largement plus de|d'", 'more-than'],
  ['fr', "plus de|d'", 'more-than'],
  ['fr', "au-delà de|d'", 'more-than'],
  ['fr', 'au plus|maximum', 'at-most'],
  ['fr', 'tout au plus', 'at-most'],
  ['fr', "jusqu'à", 'at-most'],
  ['fr', "pas plus de|d'", 'at-most'],
  ['fr', "ne|n' dépass*|excéd* pas les?", 'at-most'],
  ['fr', 'dépass*|excéd* les?', 'more-than'],
  // "dépasserait la centaine", "ne dépasse pas la trentaine": the round noun with its article.
  ['fr', "dépass*|excéd* la|le|l'", 'more-than'],
  ['fr', "ne|n' dépass*|excéd* pas la|le|l'", 'at-most'],
  ['fr', "un? peu moins de|d'", 'less-than'],
  ['fr', "moins de|d'", 'less-than'],
  ['en', 'about|around|approximately|roughly|some|nearly|almost|circa|approx', 'about'],
  ['en', 'close to', 'about'],
  ['en', 'an? estimated', 'about'],
  ['en', 'at least', 'at-least'],
  ['en', 'no|not fewer|less than', 'at-least'],
  ['en', 'a minimum of', 'at-least'],
  ['en', 'upwards of', 'at-least'],
  ['en', 'more than', 'more-than'],
  ['en', 'well|just over', 'more-than'],
  ['en', 'over', 'more-than'],
  ['en', 'in excess of', 'more-than'],
  ['en', 'exceed*|topped|surpass*', 'more-than'],
  ['en', 'no|not more than', 'at-most'],
  ['en', 'at most', 'at-most'],
  ['en', 'up to', 'at-most'],
  ['en', 'as many as', 'at-most'],
  ['en', 'a maximum of', 'at-most'],
  ['en', 'fewer|less than', 'less-than'],
  ['en', 'just? under|below', 'less-than'],
  ['ar', 'نحو|حوالي|قرابة|زهاء|تقريبا', 'about'],
  ['ar', 'ما? يقارب|يناهز', 'about'],
  ['ar', 'ما يقرب من', 'about'],
  ['ar', 'ما? لا يقل|تقل عن', 'at-least'],
  ['ar', 'على الأقل', 'at-least'],
  ['ar', 'أكثر|أزيد من', 'more-than'],
  ['ar', 'ما? يزيد|تزيد|يربو|يفوق على|عن', 'more-than'],
  ['ar', 'ما يفوق', 'more-than'],
  ['ar', 'ما? لا يزيد|تزيد على|عن', 'at-most'],
  ['ar', 'لا يتجاوز|تتجاوز', 'at-most'],
  ['ar', ARABIC_EXCEEDING_VERBS.join('|'), 'more-than'],
  ['ar', 'ما? يصل|تصل إلى|الى', 'at-most'],
  ['ar', 'أقل من', 'less-than'],
  ['ar', 'ما يقل عن', 'less-than'],
];

/**
 * Arabic puts the verb first, before the subject it bounds: "أن يتجاوز عدد
 * القتلى خمسين" (that the number of the dead exceeds fifty), "لا يقل عدد
 * الضحايا عن 20". The verb, then عدد and the one or two words it counts,
 * then the verb's preposition, if it takes one, and the number.
 */
const ARABIC_VERB_FIRST_BOUNDS: readonly (readonly [verb: string, preposition: string | undefined, bound: Bound])[] = [
  ['لا يتجاوز|تتجاوز', undefined, 'at-most'],
  [ARABIC_EXCEEDING_VERBS.join('|'), undefined, 'more-than'],
  ['ما? لا يقل|تقل', 'عن', 'at-least'],
  ['ما? لا يزيد|تزيد', 'على|عن', 'at-most'],
  ['ما? يزيد|تزيد', 'على|عن', 'more-than'],
];
const COUNTED_WORDS_MAX = 2;

/** Words after a number (Arabic: after up to two words more, "20 جنديا على الأقل"). */
const POSTFIX_BOUNDS: readonly Entry<Bound>[] = [
  ['fr', 'environ', 'about'],
  ['fr', 'ou|et plus|davantage', 'at-least'],
  ['fr', 'au moins', 'at-least'],
  ['fr', 'au plus|maximum', 'at-most'],
  ['en', 'or so', 'about'],
  ['en', 'or more', 'at-least'],
  ['en', 'or fewer|less', 'at-most'],
  ['en', 'at least', 'at-least'],
  ['en', 'at most', 'at-most'],
  ['ar', 'تقريبا', 'about'],
  ['ar', 'على الأقل', 'at-least'],
  ['ar', 'أو أكثر', 'at-least'],
  ['ar', 'على الأكثر', 'at-most'],
  ['ar', 'أو أقل', 'at-most'],
];
const ARABIC_POSTFIX_GAP = 2;

/** "entre 20 et 30", "between 20 and 30", "ما بين 20 و30": the opener, then what joins the two numbers. */
const RANGE_OPENERS: readonly Entry<string>[] = [
  ['fr', 'entre', 'et'],
  ['fr', "de|d'", 'à'],
  ['en', 'between', 'and'],
  ['en', 'from', 'to'],
  ['ar', 'بين', 'و'],
  ['ar', 'ما بين', 'و'],
  ['ar', 'من', 'إلى|الى|حتى'],
];
/** Between two numbers with no opener: "20 à 30", "20 to 30", "deux ou trois", "20 إلى 30" (and hyphens, read apart). */
const RANGE_JOINERS: readonly Entry<true>[] = [
  ['fr', 'à|ou', true],
  ['en', 'to|or', true],
  ['ar', 'إلى|الى|أو', true],
];

/** "une cinquantaine", "un millier", "a dozen": about a round number. */
const ROUND_NOUNS: readonly Entry<number>[] = [
  ...(
    [
      ['dizaine', 10], ['douzaine', 12], ['quinzaine', 15], ['vingtaine', 20], ['trentaine', 30], ['quarantaine', 40],
      ['cinquantaine', 50], ['soixantaine', 60], ['centaine', 100],
    ] as const
  ).map(([noun, value]): Entry<number> => ['fr', `une? bonne|petite|grosse? ${noun}`, value]),
  ['fr', 'un? bon|petit? millier', 1000],
  ['en', 'a dozen', 12],
  ['en', 'half a dozen', 6],
  ['en', 'a score', 20],
];
/** "two dozen": a number of dozens is about that many twelves. */
const DOZEN_WORDS: ReadonlySet<string> = new Set(['dozen']);

/** Words after a number that make it a measure, a time, a share or money, not a count of anything. */
const UNITS: readonly Entry<true>[] = [
  ['fr', 'pour cent|mille', true],
  ['fr', 'pourcent|pour-cent', true],
  ['fr', 'mm|cm|km|m|kg|g|mn|min|h|ha|km²|°', true],
  ['fr', 'heure|heures|minute|minutes|seconde|secondes|jour|jours|semaine|semaines|mois|an|ans|année|années|siècle|siècles', true],
  ['fr', 'kilomètre*|mètre*|millimètre*|centimètre*|kilo|kilos|kilogramme*|gramme*|tonne|tonnes|litre*|hectare*|degré*', true],
  ['fr', 'dollar*|euro*|franc*|fcfa|cfa|livre|livres|dinar*|dirham*|ouguiya*', true],
  ['en', 'percent|pc', true],
  ['en', 'per cent', true],
  ['en', 'mm|cm|km|kg|m|g|mph|kph|ha|°', true],
  ['en', 'hour|hours|hr|hrs|minute|minutes|min|mins|second|seconds|day|days|week|weeks|month|months|year|years|decade|decades|century|centuries', true],
  ['en', 'kilomet*|metre|metres|meter|meters|mile|miles|millimet*|centimet*|kilogram*|kilo|kilos|gram|grams|ton|tons|tonne|tonnes|litre*|liter*|hectare*|acre*|degree*|feet|foot|inch|inches', true],
  ['en', 'dollar*|euro*|pound|pounds|cfa|usd|eur', true],
  ['en', "a.m|p.m|am|pm|gmt|utc|o'clock", true],
  ['ar', 'بالمئة|بالمائة|٪', true],
  ['ar', 'في المئة|المائة', true],
  ['ar', 'كيلومتر*|كلم|كم|متر|مترا|أمتار|ملم|مم|سم|كغ|كلغ|كيلوغرام*|طن|أطنان', true],
  ['ar', 'ساعة|ساعات|دقيقة|دقائق|ثانية|ثوان|يوم|يوما|أيام|أسبوع|أسبوعا|أسابيع|شهر|شهرا|أشهر|شهور|سنة|سنوات|عام|عاما|أعوام|عقود|قرن', true],
  ['ar', 'دولار|دولارا|دولارات|يورو|دينار|درهم|جنيه|ريال|ليرة|فرنك', true],
  ['ar', 'صباحا|مساء|ظهرا|عصرا|فجرا|بتوقيت', true],
];
/** Words between a number and its unit: "quelques dizaines de kilomètres". */
const UNIT_LINKS: ReadonlySet<string> = new Set(['de', 'd', 'of', 'من']);
/** Marks that make the number after them no count: "+223", "#1", "$50", "n°3". */
const LABEL_MARKS: ReadonlySet<string> = new Set(['+', '#', '$', '€', '£', '№', '°', '%']);
const HYPHENS: ReadonlySet<string> = new Set(['-']);
/** Marks glued to a figure that make it a time or a fraction: 10:30, 1/2, 24/11. */
const TIME_AND_FRACTION_MARKS: ReadonlySet<string> = new Set(['/', ':']);
/** Marks after a number that make it no count: "50 %", "50%". */
const UNIT_MARKS: ReadonlySet<string> = new Set(['%', '\u066a', '°', '‰', '$', '€', '£']);

/** Words before a number that make it a name, a time or a reference, not a count. */
const LABELS: Record<Language, readonly string[]> = {
  fr: [
    'le', 'résolution', 'article', 'numéro', 'no', 'page', 'p', 'chapitre', 'section', 'paragraphe', 'alinéa', 'route', 'rn', 'km',
    'tél', 'tel', 'téléphone', 'calibre', 'modèle', 'vol', 'version', 'type', 'décret', 'loi', 'mi', 'su', 'ak',
  ],
  en: [
    'resolution', 'article', 'number', 'no', 'page', 'p', 'chapter', 'section', 'paragraph', 'route', 'highway', 'km', 'mile',
    'tel', 'phone', 'caliber', 'calibre', 'model', 'flight', 'version', 'type', 'decree', 'law', 'covid',
  ],
  ar: ['القرار', 'قرار', 'رقم', 'المادة', 'الصفحة', 'صفحة', 'الطريق', 'هاتف', 'الهاتف', 'الساعة', 'عيار', 'طراز', 'الرحلة', 'القرن', 'المرسوم', 'القانون'],
};

/** A quantity before any bound: a number, about a round number, or a vague phrase. */
type Quantity =
  | { readonly kind: 'number'; readonly value: number; readonly read: NumberRead; readonly first: number; readonly next: number; readonly start: number; readonly end: number }
  | { readonly kind: 'round'; readonly value: number; readonly first: number; readonly next: number; readonly start: number; readonly end: number }
  | { readonly kind: 'vague'; readonly value: string; readonly desk: boolean; readonly first: number; readonly next: number; readonly start: number; readonly end: number };

const ARABIC_AND = 'و';

interface RangeOpener {
  /** What joins the two numbers after this opener. */
  readonly joiners: PhraseTable<true>;
  /** Whether the joiner is the Arabic و, written attached to the next word. */
  readonly attachedAnd: boolean;
}

interface VerbFirstBound {
  readonly bound: Bound;
  readonly prepositions: PhraseTable<true> | undefined;
}

interface VaguePhrase {
  readonly value: string;
  readonly desk: boolean;
}

interface Tables {
  readonly languages: ReadonlySet<Language>;
  readonly prefixBounds: PhraseTable<Bound>;
  readonly postfixBounds: PhraseTable<Bound>;
  readonly rangeOpeners: PhraseTable<RangeOpener>;
  readonly verbFirstBounds: PhraseTable<VerbFirstBound>;
  readonly rangeJoiners: PhraseTable<true>;
  readonly roundNouns: PhraseTable<number>;
  readonly units: PhraseTable<true>;
  readonly labels: ReadonlySet<string>;
  readonly vague: PhraseTable<VaguePhrase>;
  /** Whether a phrase a count may start with (a range's opener, a bound, a round noun, a vague quantity) starts at a word. */
  readonly starts: PhraseStarts;
  /** COORDINATING's words of these languages. */
  readonly coordinating: ReadonlySet<string>;
  /** ONE_ARTICLES' words of these languages. */
  readonly oneArticles: ReadonlySet<string>;
}

/** The defaults, then the desk's phrases over them; a desk value that is no count is left out (the registry reports it). */
export function vagueTable(languages: ReadonlySet<Language>, desk: ReadonlyMap<string, string> | undefined): Map<string, VaguePhrase & { readonly phrase: string }> {
  const merged = new Map<string, VaguePhrase & { phrase: string }>();
  for (const entry of DEFAULT_VAGUE) {
    if (languages.has(entry.language)) merged.set(phraseTokens(entry.phrase).join(' '), { phrase: entry.phrase, value: entry.value, desk: false });
  }
  for (const [phrase, value] of desk ?? []) {
    const key = phraseTokens(phrase).join(' ');
    if (key !== '' && (isUnknownValue(value) || readCount(value).ok)) merged.set(key, { phrase, value, desk: true });
  }
  return merged;
}

/** Per set of languages (languagesOf gives one of four, each made once: no key string is made per look-up), without a desk table and per desk table. */
const defaultTables = new WeakMap<ReadonlySet<Language>, Tables>();
const deskTables = new WeakMap<ReadonlyMap<string, string>, WeakMap<ReadonlySet<Language>, Tables>>();

/** The tables last asked for: every claim of a report asks for the same ones, one after the other (no key string made each time). */
let lastTables: { readonly language: string | undefined; readonly vague: ReadOptions['vague']; readonly tables: Tables } | undefined;

function tablesFor(options: ReadOptions): Tables {
  if (lastTables !== undefined && lastTables.language === options.language && lastTables.vague === options.vague) return lastTables.tables;
  const tables = tablesOfLanguages(options);
  lastTables = { language: options.language, vague: options.vague, tables };
  return tables;
}

function tablesOfDesk(vague: ReadonlyMap<string, string>): WeakMap<ReadonlySet<Language>, Tables> {
  let cache = deskTables.get(vague);
  if (cache === undefined) deskTables.set(vague, (cache = new WeakMap()));
  return cache;
}

function tablesOfLanguages(options: ReadOptions): Tables {
  const languages = languagesOf(options.language);
  const cache = options.vague === undefined ? defaultTables : tablesOfDesk(options.vague);
  let tables = cache.get(languages);
  if (tables === undefined) {
    const vague = new PhraseTable<VaguePhrase>();
    for (const entry of vagueTable(languages, options.vague).values()) vague.addLiteral(entry.phrase, entry);
    const rangeOpeners = new PhraseTable<RangeOpener>();
    for (const [language, opener, joiner] of RANGE_OPENERS) {
      if (!languages.has(language)) continue;
      const joiners = new PhraseTable<true>();
      joiners.addPattern(joiner, true);
      rangeOpeners.addPattern(opener, { joiners, attachedAnd: joiner === ARABIC_AND });
    }
    const verbFirstBounds = new PhraseTable<VerbFirstBound>();
    if (languages.has('ar')) {
      for (const [verb, preposition, bound] of ARABIC_VERB_FIRST_BOUNDS) {
        let prepositions: PhraseTable<true> | undefined;
        if (preposition !== undefined) {
          prepositions = new PhraseTable<true>();
          prepositions.addPattern(preposition, true);
        }
        verbFirstBounds.addPattern(verb, { bound, prepositions });
      }
    }
    const prefixBounds = phraseTable(PREFIX_BOUNDS, languages);
    const roundNouns = phraseTable(ROUND_NOUNS, languages);
    tables = {
      languages,
      prefixBounds,
      postfixBounds: phraseTable(POSTFIX_BOUNDS, languages),
      rangeOpeners,
      verbFirstBounds,
      rangeJoiners: phraseTable(RANGE_JOINERS, languages),
      roundNouns,
      units: phraseTable(UNITS, languages),
      labels: new Set([...languages].flatMap((language) => LABELS[language].flatMap((label) => phraseTokens(label)))),
      vague,
      starts: new PhraseStarts([rangeOpeners, prefixBounds, verbFirstBounds, roundNouns, vague]),
      coordinating: new Set([...languages].flatMap((language) => COORDINATING[language])),
      oneArticles: new Set([...languages].flatMap((language) => ONE_ARTICLES[language])),
    };
    cache.set(languages, tables);
  }
  return tables;
}

interface Scan {
  readonly words: Words;
  readonly t: Tables;
  /** What chose the date tables: the date expressions' words are no count. */
  readonly options: ReadOptions;
}

/** Whether any of words [first, next) belongs to a date expression (the dates scanned only that far: a claim's words hold none or a few). */
function inDate(s: Scan, first: number, next: number): boolean {
  for (const date of dateExpressionsBefore(s.words, s.options, next)) if (Math.max(first, date.first) < Math.min(next, date.next)) return true;
  return false;
}

/** The quantity at word `index`: the longest of a round noun, a vague phrase and a number (the first of them on a tie). */
function quantityAt(s: Scan, index: number): Quantity | 'not-a-count' | undefined {
  // The longest kept as they come, no list of them: the count reader asks this at every figure of every claim.
  let best: Quantity | undefined;
  const round = s.t.roundNouns.matchAt(s.words, index);
  if (round !== undefined) best = { kind: 'round', value: round.payload, first: index, next: round.next, start: round.start, end: round.end };
  const vague = s.t.vague.matchAt(s.words, index);
  if (vague !== undefined) {
    best = longer(best, { kind: 'vague', value: vague.payload.value, desk: vague.payload.desk, first: index, next: vague.next, start: vague.start, end: vague.end });
  }
  const number = readNumberAt(s.words, index, s.t.languages);
  if (number !== undefined && 'decimal' in number) return best ?? 'not-a-count';
  if (number !== undefined) {
    const dozen = s.words.at(number.next);
    if (dozen?.kind === 'word' && DOZEN_WORDS.has(dozen.text) && s.t.languages.has('en')) {
      best = longer(best, { kind: 'round', value: number.value * 12, first: index, next: number.next + 1, start: number.start, end: dozen.end });
    } else {
      best = longer(best, { kind: 'number', value: number.value, read: number, first: index, next: number.next, start: number.start, end: number.end });
    }
  }
  return best;
}

function longer(best: Quantity | undefined, candidate: Quantity): Quantity {
  return best === undefined || candidate.next > best.next ? candidate : best;
}

function isMark(words: Words, index: number, marks: ReadonlySet<string>): boolean {
  const word = words.at(index);
  return word?.kind === 'mark' && marks.has(word.text);
}

/** The index after a unit that follows the quantity ("120 mm", "quelques dizaines de kilomètres"), or undefined. */
function unitAfter(s: Scan, quantity: Quantity): number | undefined {
  if (isMark(s.words, quantity.next, UNIT_MARKS)) return quantity.next + 1;
  // "a 12-year-old", "a three-day visit".
  const hyphenated = isMark(s.words, quantity.next, HYPHENS) && s.words.at(quantity.next + 1)?.spaced === false;
  const direct = s.t.units.matchAt(s.words, hyphenated ? quantity.next + 1 : quantity.next);
  if (direct !== undefined) return direct.next;
  const link = s.words.at(quantity.next);
  if (link?.kind === 'word' && UNIT_LINKS.has(link.text)) {
    const at = s.words.at(quantity.next + 1)?.text === "'" ? quantity.next + 2 : quantity.next + 1;
    return s.t.units.matchAt(s.words, at)?.next;
  }
  return undefined;
}

/** Whether a quantity is something else than a count: part of a date, a measure, a year, a time, a name. */
function notACount(s: Scan, quantity: Quantity): boolean {
  const { words } = s;
  if (inDate(s, quantity.first, quantity.next)) return true;
  if (unitAfter(s, quantity) !== undefined) return true;
  if (quantity.kind !== 'number') return false;
  const read = quantity.read;
  const before = words.at(read.first - 1);
  const after = words.at(read.next);
  const previousWord = before?.kind === 'mark' && before.text === '-' ? words.at(read.first - 2) : before;
  if (previousWord?.kind === 'word' && s.t.labels.has(previousWord.text)) return true;
  if (before?.kind === 'mark' && LABEL_MARKS.has(before.text)) return true;
  if (before?.kind === 'mark' && before.text === '.' && ['no', 'n'].includes(words.at(read.first - 2)?.text ?? '')) return true;
  if (read.form === 'digits') {
    const first = words.list[read.first];
    // 2023 alone is a year; "2 023" or "2.023" is a count.
    if (read.plain && read.value >= 1800 && read.value <= 2100 && first.text.length === 4) return true;
    // Glued to letters: 1er, 24th, 7h30, 120mm; Mi8, G5, Mi-8, AK-47 (Arabic proclitics such as ب50 are fine).
    if (after !== undefined && !after.spaced && after.kind === 'word') return true;
    if (!first.spaced && before?.kind === 'word' && !(before.arabic && ARABIC_PROCLITIC_CHAINS.has(before.text))) return true;
    if (!first.spaced && before?.kind === 'mark' && before.text === '-' && previousWord?.kind === 'word' && !before.spaced) return true;
    // 10:30, 1/2, 24/11.
    if ((after !== undefined && !after.spaced && isMark(words, read.next, TIME_AND_FRACTION_MARKS)) || (!first.spaced && isMark(words, read.first - 1, TIME_AND_FRACTION_MARKS))) return true;
    if (isPhoneNumber(words, read)) return true;
  }
  return false;
}

/** Three or more short digit groups in a row: "76 12 34 56", "20.22.33.44", "+223 76 12 34 56". */
function isPhoneNumber(words: Words, read: NumberRead): boolean {
  let groups = 1;
  for (let i = read.next; digitGroupsJoined(words, i - 1, i); i++) groups++;
  for (let i = read.first; digitGroupsJoined(words, i - 1, i); i--) groups++;
  return groups >= 3;
}

/** Whether two words are digit groups joined as a phone number's are: by a space, a dot or a hyphen. */
function digitGroupsJoined(words: Words, left: number, right: number): boolean {
  const a = words.at(left);
  const b = words.at(right);
  if (a?.kind !== 'number' || b?.kind !== 'number') return false;
  const between = words.text.slice(a.end, b.start);
  return between === ' ' || between === '.' || between === '-' || between === '\u00a0';
}

function boundValue(bound: Bound, n: number): string | undefined {
  switch (bound) {
    case 'about':
      return `~${n}`;
    case 'at-least':
      return `>=${n}`;
    case 'more-than':
      return `>${n}`;
    case 'at-most':
      return `<=${n}`;
    case 'less-than':
      return n > 0 ? `<${n}` : undefined;
  }
}

/** A whole count in a quantity: a number or a round noun, not a vague phrase. */
function pointOf(quantity: Quantity | 'not-a-count' | undefined): number | undefined {
  if (quantity === undefined || quantity === 'not-a-count' || quantity.kind === 'vague') return undefined;
  return quantity.value;
}

interface Found {
  readonly first: number;
  readonly next: number;
  readonly start: number;
  readonly end: number;
  readonly value: string;
  readonly kind: CountKind;
  readonly note: string;
}

/** "يتجاوز عدد القتلى خمسين": a bound whose verb comes before the subject it bounds (ARABIC_VERB_FIRST_BOUNDS). */
function verbFirstBound(s: Scan, index: number): Found | undefined {
  const verb = s.t.verbFirstBounds.matchAt(s.words, index);
  if (verb === undefined || s.words.at(verb.next)?.text !== ARABIC_NUMBER_OF) return undefined;
  for (let counted = 1; counted <= COUNTED_WORDS_MAX; counted++) {
    const countedWord = s.words.at(verb.next + counted);
    if (countedWord?.kind !== 'word' || !countedWord.arabic) return undefined;
    let at = verb.next + counted + 1;
    const { prepositions, bound } = verb.payload;
    if (prepositions !== undefined) {
      const preposition = prepositions.matchAt(s.words, at);
      if (preposition === undefined) continue;
      at = preposition.next;
    }
    const quantity = quantityAt(s, at);
    const point = pointOf(quantity);
    if (point === undefined || quantity === undefined || quantity === 'not-a-count') continue;
    if (notACount(s, quantity)) return undefined;
    const value = boundValue(bound, point);
    return value === undefined ? undefined : { first: index, next: quantity.next, start: verb.start, end: quantity.end, value, kind: bound, note: '' };
  }
  return undefined;
}

/** "entre 20 et 30", "between 20 and 30", "من 20 إلى 30". */
function openedRange(s: Scan, index: number): Found | undefined {
  const opener = s.t.rangeOpeners.matchAt(s.words, index);
  if (opener === undefined) return undefined;
  const low = quantityAt(s, opener.next);
  const lowValue = pointOf(low);
  if (lowValue === undefined || low === undefined || low === 'not-a-count') return undefined;
  const joiner = opener.payload.joiners.matchAt(s.words, low.next) ?? arabicAttachedAnd(s, low.next, opener.payload);
  if (joiner === undefined) return undefined;
  const high = quantityAt(s, joiner.next);
  const highValue = pointOf(high);
  if (highValue === undefined || high === undefined || high === 'not-a-count' || highValue <= lowValue) return undefined;
  if (notACount(s, low) || notACount(s, high)) return undefined;
  return { first: index, next: high.next, start: opener.start, end: high.end, value: `${lowValue}..${highValue}`, kind: 'range', note: '' };
}

/**
 * "بين عشرين وثلاثين": the و that joins the numbers is written on the second
 * one, which the number reader reads past; before digits ("و30") it is a
 * word of its own, which the joiner table matches.
 */
function arabicAttachedAnd(s: Scan, index: number, opener: RangeOpener): { next: number } | undefined {
  const word = s.words.at(index);
  return opener.attachedAnd && word?.kind === 'word' && word.arabic && word.text.startsWith(ARABIC_AND) ? { next: index } : undefined;
}

/** "20 à 30", "20-30", "deux ou trois", "20 to 30", after a first quantity. */
function bareRange(s: Scan, low: Quantity, lowValue: number): Found | undefined {
  const word = s.words.at(low.next);
  let joined: number | undefined;
  if (word?.kind === 'mark' && (word.text === '-' || word.text === '\u2013' || word.text === '\u2014')) joined = low.next + 1;
  else joined = s.t.rangeJoiners.matchAt(s.words, low.next)?.next;
  if (joined === undefined) return undefined;
  const high = quantityAt(s, joined);
  const highValue = pointOf(high);
  if (highValue === undefined || high === undefined || high === 'not-a-count' || highValue <= lowValue) return undefined;
  if (notACount(s, high)) return undefined;
  return { first: low.first, next: high.next, start: low.start, end: high.end, value: `${lowValue}..${highValue}`, kind: 'range', note: '' };
}

/** A bound after the quantity: "50 ou plus", "50 or so", "20 جنديا على الأقل". */
function postfixBound(s: Scan, quantity: Quantity): { bound: Bound; next: number; end: number } | undefined {
  const direct = s.t.postfixBounds.matchAt(s.words, quantity.next);
  if (direct !== undefined) return { bound: direct.payload, next: direct.next, end: direct.end };
  for (let gap = 1; gap <= ARABIC_POSTFIX_GAP; gap++) {
    const skipped = s.words.at(quantity.next + gap - 1);
    if (skipped?.kind !== 'word' || !skipped.arabic) return undefined;
    const found = s.t.postfixBounds.matchAt(s.words, quantity.next + gap);
    if (found !== undefined && s.words.at(quantity.next + gap)?.arabic === true) return { bound: found.payload, next: found.next, end: found.end };
  }
  return undefined;
}

/** Whether a count may start at word `index`: most words start none. */
function mayStartCount(s: Scan, index: number): boolean {
  const word = s.words.list[index];
  if (mayStartNumber(word, s.t.languages)) return true;
  return s.t.starts.mayStartAt(word);
}

/** The count that starts at word `index` (one mayStartCount lets through), and the index to go on from. */
function countAt(s: Scan, index: number): { found?: Found; next: number } {
  const range = openedRange(s, index);
  if (range !== undefined) return { found: range, next: range.next };
  const verbFirst = verbFirstBound(s, index);
  if (verbFirst !== undefined) return { found: verbFirst, next: verbFirst.next };
  const prefix = s.t.prefixBounds.matchAt(s.words, index);
  if (prefix !== undefined) {
    const quantity = quantityAt(s, prefix.next);
    const point = pointOf(quantity);
    if (point !== undefined && quantity !== undefined && quantity !== 'not-a-count') {
      if (notACount(s, quantity)) return { next: quantity.next };
      // "environ 20 à 30": the range says more than the "about".
      const ranged = bareRange(s, quantity, point);
      if (ranged !== undefined) return { found: { first: index, next: ranged.next, start: prefix.start, end: ranged.end, value: ranged.value, kind: ranged.kind, note: ranged.note }, next: ranged.next };
      const value = boundValue(prefix.payload, point);
      if (value === undefined) return { next: quantity.next };
      return { found: { first: index, next: quantity.next, start: prefix.start, end: quantity.end, value, kind: prefix.payload, note: '' }, next: quantity.next };
    }
  }
  const quantity = quantityAt(s, index);
  if (quantity === undefined) return { next: index + 1 };
  if (quantity === 'not-a-count') return { next: index + 1 };
  if (notACount(s, quantity)) return { next: Math.max(quantity.next, unitAfter(s, quantity) ?? 0) };
  if (quantity.kind === 'vague') {
    const source = quantity.desk ? 'the desk’s reading in corroborate.yaml' : 'default reading of a vague quantity';
    return { found: { first: quantity.first, next: quantity.next, start: quantity.start, end: quantity.end, value: quantity.value, kind: 'vague', note: source }, next: quantity.next };
  }
  const ranged = bareRange(s, quantity, quantity.value);
  if (ranged !== undefined) return { found: ranged, next: ranged.next };
  const postfix = postfixBound(s, quantity);
  if (postfix !== undefined) {
    const value = boundValue(postfix.bound, quantity.value);
    if (value !== undefined) return { found: { first: quantity.first, next: postfix.next, start: quantity.start, end: postfix.end, value, kind: postfix.bound, note: '' }, next: postfix.next };
  }
  const kind: CountKind = quantity.kind === 'round' ? 'about' : 'exact';
  // Every found count of one shape, written field by field: a spread of the quantity copied its other fields too, on the slow path.
  return { found: { first: quantity.first, next: quantity.next, start: quantity.start, end: quantity.end, value: kind === 'about' ? `~${quantity.value}` : String(quantity.value), kind, note: '' }, next: quantity.next };
}

/** The counts in a passage, in text order, as the markup writes them. Kept on the words for the next reader. */
export function readCounts(input: ReadInput, options: ReadOptions = {}): readonly CountReading[] {
  const words = wordsOf(input);
  const kept = keptCounts(words, options);
  // Their text and line of why made once asked for: the value check reads most claims' counts as values only.
  kept.found ??= kept.values.map((count) => explained(words, count));
  return kept.found;
}

/**
 * The counts readCounts reads, as values with their places (no text, no
 * line of why): for a reader that only asks whether one disagrees with a
 * value (the value check, at every claim, where those strings were made for
 * nothing in nearly all). Kept on the words, so that readCounts after it
 * reads no count again.
 */
export function readCountValues(words: Words, options: ReadOptions): readonly CountValue[] {
  return keptCounts(words, options).values;
}

function keptCounts(words: Words, options: ReadOptions): NonNullable<Words['counts']> {
  const kept = words.counts;
  if (kept !== undefined && kept.language === options.language && kept.vague === options.vague) return kept;
  const counts = { language: options.language, vague: options.vague, values: countsIn(words, options), found: undefined };
  words.counts = counts;
  return counts;
}

function explained(words: Words, { start, end, value, kind, note }: CountValue): CountReading {
  return { start, end, words: words.text.slice(start, end), value, kind, why: `${quoted(words, start, end)} → ${value}${note === '' ? '' : ` (${note})`}` };
}

function countsIn(words: Words, options: ReadOptions): CountValue[] {
  const s: Scan = { words, t: tablesFor(options), options };
  const readings: CountValue[] = [];
  // The "un", "a" a figure before makes a count of one ("Cinquante-trois soldats et un civil").
  let one: number | undefined;
  for (let index = 0; index < words.length; ) {
    // Most words start no count: the set lookups say so before the dates are scanned that far or any object is made.
    const mayStart = mayStartCount(s, index);
    if ((!mayStart && index !== one) || inDate(s, index, index + 1)) {
      index++;
      continue;
    }
    const at = mayStart ? countAt(s, index) : undefined;
    const found = at?.found;
    const next = at?.next ?? index + 1;
    if (found !== undefined) {
      readings.push({ start: found.start, end: found.end, value: found.value, kind: found.kind, note: found.note });
      one = coordinatedOne(s, next);
    } else if (index === one) {
      const word = words.list[index];
      readings.push({ start: word.start, end: word.end, value: '1', kind: 'exact', note: 'one more, after the figure before' });
    }
    index = Math.max(next, index + 1);
  }
  return readings;
}

/** The words that join a second count to a figure: "et", "and". */
const COORDINATING: Readonly<Record<Language, readonly string[]>> = { fr: ['et'], en: ['and'], ar: [] };
/** The articles that count one after such a word ("et un civil", "and a civilian"); "one" is a number of its own. */
const ONE_ARTICLES: Readonly<Record<Language, readonly string[]>> = { fr: ['un', 'une'], en: ['a', 'an'], ar: [] };
/** How many words may name what a figure counts before the second count joined to it: "Cinquante-trois soldats maliens et un civil". */
const COUNTED_NOUN_WORDS = 3;

/**
 * The word that counts one in a count coordinated with the figure ending
 * before word `after`: "N X et un Y", "N X and a Y". Alone these are
 * articles ("un civil a été tué" tells of one, but so does every "un" of a
 * report); after a figure and its noun they are the second of two counts of
 * one predicate, which the finder ties as it ties "Two Americans and eight
 * Nigerien soldiers were wounded". Only words and no mark between. Arabic
 * joins a singular noun with و and no article ("53 جنديا ومدني"): not read.
 */
function coordinatedOne({ words, t }: Scan, after: number): number | undefined {
  let k = after;
  while (k < words.length && k - after < COUNTED_NOUN_WORDS && words.list[k].kind === 'word' && !t.coordinating.has(words.list[k].text)) k++;
  if (k === after || words.list[k]?.kind !== 'word' || !t.coordinating.has(words.list[k].text)) return undefined;
  const article = words.at(k + 1);
  const noun = words.at(k + 2);
  return article !== undefined && noun?.kind === 'word' && t.oneArticles.has(article.text) ? k + 1 : undefined;
}

/** Words of a duration, and how many hours each is: "trois jours de deuil", "72 hours of mourning", "ثلاثة أيام". */
const DURATION_UNITS: readonly Entry<number>[] = [
  ['fr', 'jour|jours|journée|journées', 24],
  ['fr', 'heure|heures', 1],
  ['en', 'day|days', 24],
  ['en', 'hour|hours', 1],
  ['ar', 'يوم|يوما|أيام', 24],
  ['ar', 'ساعة|ساعات', 1],
];

const durationTables = byLanguages((languages) => phraseTable(DURATION_UNITS, languages));

/** The units a duration is counted in, and how many hours each is. */
const DURATION_HOURS = { days: 24, hours: 1 } as const;
export type DurationUnit = keyof typeof DURATION_HOURS;

/** Arabic duals of a unit of days, which need no number: "الحداد الوطني لمدة يومين" 2, "يومان" 2. */
const DURATION_DUALS: readonly Entry<number>[] = [['ar', 'يومين|يومان', 2]];

const dualTables = byLanguages((languages) => phraseTable(DURATION_DUALS, languages));

/**
 * Durations in whole units, for a count a desk measures in days
 * (`mourning-days`) or in hours (`duration-hours`): in days, "trois jours
 * de deuil national" 3, "72 heures" 3, "ثلاثة أيام" 3; in hours, "48
 * heures" 48, "ثلاثة أيام" 72. The count reader passes these over as
 * measures; a duration that makes no whole unit is left out.
 */
export function readDurations(input: ReadInput, options: ReadOptions = {}, unitOfCount: DurationUnit = 'days'): CountReading[] {
  const words = wordsOf(input);
  const languages = languagesOf(options.language);
  const units = durationTables(languages);
  const duals = dualTables(languages);
  const readings: CountReading[] = [];
  for (let index = 0; index < words.length; index++) {
    const dual = duals.matchAt(words, index);
    if (dual !== undefined) {
      const value = String((dual.payload * DURATION_HOURS.days) / DURATION_HOURS[unitOfCount]);
      readings.push({ start: dual.start, end: dual.end, words: words.text.slice(dual.start, dual.end), value, kind: 'exact', why: `${quoted(words, dual.start, dual.end)} → ${value} (${unitOfCount})` });
      index = dual.next - 1;
      continue;
    }
    const number = readNumberAt(words, index, languages);
    if (number === undefined || 'decimal' in number) continue;
    const unit = units.matchAt(words, number.next);
    const length = unit === undefined ? undefined : (number.value * unit.payload) / DURATION_HOURS[unitOfCount];
    if (unit === undefined || length === undefined || !Number.isInteger(length) || length <= 0) continue;
    const value = String(length);
    readings.push({ start: number.start, end: unit.end, words: words.text.slice(number.start, unit.end), value, kind: 'exact', why: `${quoted(words, number.start, unit.end)} → ${value} (${unitOfCount})` });
    index = unit.next - 1;
  }
  return readings;
}
