// The date reader: the dates a passage gives, in the markup's values
// (`2023-11-24`, `2023-11`, `2023`, `2023-11-24..2023-11-26`).
//
// - Absolute: "24 novembre 2023", "le 1er décembre", "Nov. 24",
//   "November 24, 2023", "24/11/2023", "2023-11-24", "24 تشرين الثاني/نوفمبر
//   2023", "الرابع والعشرين من نوفمبر". Without a year, the year nearest to
//   the document's `published` date.
// - Months and periods: "en novembre", "novembre 2023", "début/mi-/fin
//   novembre" (days 1–10, 11–20, 21–end), "du 25 au 27 juillet", "between 25
//   and 27 July", "أواخر يوليو".
// - Relative to `published`: "hier", "avant-hier", "yesterday", "أمس";
//   a weekday ("vendredi", "on Friday", "يوم الجمعة") is the most recent
//   such day on or before publication, "samedi dernier", "last Saturday",
//   "السبت الماضي" the most recent strictly before, "lundi prochain" the next
//   after; "cette semaine", "la semaine dernière", "le mois dernier", "l'an
//   dernier"; "il y a dix jours", "two weeks ago", "منذ ثلاثة أيام". Relative
//   days resolve only against a full-day `published` (DESIGN.md); months
//   against a month, years against a year. Unresolved, a reading says why
//   and carries no value.
//
// Recognition (which words are a date) needs no `published`: the count
// reader uses it to leave "24" in "24 novembre" alone.

import { foldText } from '../aliases';
import {
  addMonths,
  civilDate,
  dayNumber,
  daysInMonth,
  isoDay,
  isoDays,
  isoMonth,
  isoYear,
  publishedMonth,
  publishedYear,
  readPublished,
  weekdayOf,
  type Published,
} from './calendar';
import { byLanguages, languagesOf, phraseTable, readsMonthFirst, type Language, type ReadOptions, type TableEntry } from './languages';
import { mayStartNumber, readNumberAt } from './numbers';
import { quoted, type Reading } from './reading';
import { PhraseStarts, PhraseTable, wordsOf, type PhraseMatch, type ReadInput, type Word, type Words } from './words';

export type DateKind = 'absolute' | 'relative';

export interface DateReading extends Reading {
  /** The markup's date value, or null when the words need a `published` date the document does not give. */
  readonly value: string | null;
  /** `relative` when the value depends on the document's `published` date. */
  readonly kind: DateKind;
  /**
   * The words give no year and nothing that fixes one (a weekday does): the
   * year is the one nearest to publication, a guess that a report looking
   * back a year ("le 27 mars", in May of the next year) gets wrong.
   */
  readonly yearGuessed: boolean;
  /**
   * The words name a weekday and nothing more ("vendredi", "la nuit de jeudi
   * à vendredi"): the week is the one of publication, a guess that a report
   * looking back ("un an après, … le vendredi soir") gets wrong. What the
   * words do say is the day of the week (0 = Monday), so a value falling on
   * one of these agrees with them. Absent when the words fix the week.
   */
  readonly weekdays?: readonly number[];
  /**
   * The same weekday a week away, which the words are also used for: "last
   * Monday" said in the days after a Monday is that Monday for some writers
   * and the Monday of the week before for others; "mercredi" alone is the
   * Wednesday before publication in a report of what happened, and the next
   * one in a report of what is to come ("le deuil, à compter de mercredi").
   * Absent when the words admit one day only ("lundi prochain", "last
   * Monday" said on a Monday, "vendredi 24").
   */
  readonly otherWeek?: string;
  /**
   * Days counted from the event the words name rather than from publication
   * ("the day after the massacre": 1, "la veille de l'attaque": −1): the
   * value is null, to be read against that event's date by whoever knows it.
   */
  readonly eventOffset?: number;
}

/** Where a date expression lies in the words, before it is resolved. */
export interface DateExpression {
  readonly first: number;
  readonly next: number;
  readonly start: number;
  readonly end: number;
  readonly spec: DateSpec;
}

interface DayRef {
  readonly year?: number;
  readonly month: number;
  readonly day: number;
}

type MonthPart = 'early' | 'mid' | 'late';
/** A week at either end of a month: "the last week of August" is its last seven days. */
type MonthWeek = 'first-week' | 'last-week';
type Unit = 'day' | 'week' | 'month' | 'year';
/** Which such weekday: `last-week`, the one of the calendar week before publication's ("Monday of last week"). */
type WeekdayWhen = 'on-or-before' | 'before' | 'after' | 'last-week';

export type DateSpec =
  /** Words that look like a date and are none ("ذلك اليوم", "that day"). */
  | { readonly kind: 'none' }
  | { readonly kind: 'day'; readonly date: DayRef; readonly weekday?: number }
  | { readonly kind: 'days'; readonly from: DayRef; readonly to: DayRef }
  | { readonly kind: 'month'; readonly year?: number; readonly month: number; readonly part?: MonthPart | MonthWeek; readonly last?: boolean }
  | { readonly kind: 'year'; readonly year: number }
  /** "début 2020", "early next year", "مطلع العام المقبل": a part of a year, given or counted from publication's. */
  | { readonly kind: 'year-part'; readonly part: MonthPart; readonly year?: number; readonly offset?: number }
  /** Days counted from the event the words name: "le lendemain du massacre" 1, "the day before the attack" −1. */
  | { readonly kind: 'event-day'; readonly offset: number; readonly label: string }
  /** Days counted from publication: today 0..0, yesterday −1..−1, last night −1..0. */
  | { readonly kind: 'offset'; readonly from: number; readonly to: number; readonly label: string }
  | { readonly kind: 'weekday'; readonly weekday: number; readonly when: WeekdayWhen; readonly eve?: boolean; readonly dayOfMonth?: number }
  | { readonly kind: 'weekdays'; readonly from: number; readonly to: number }
  | { readonly kind: 'week'; readonly offset: 0 | -1 }
  /** `last`: the weekend that ended before publication; else the one on or before it. */
  | { readonly kind: 'weekend'; readonly last: boolean }
  | { readonly kind: 'this-month'; readonly offset: number }
  | { readonly kind: 'this-year'; readonly offset: number }
  | { readonly kind: 'ago'; readonly unit: Unit; readonly amount: number };

// ---------------------------------------------------------------------------
// Tables

type Entry<T> = TableEntry<T>;

const MONTHS: readonly Entry<number>[] = [
  ...(['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as const).map(
    (name, i): Entry<number> => ['fr', name, i + 1],
  ),
  ...(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const).map(
    (name, i): Entry<number> => ['en', name, i + 1],
  ),
  // Gregorian names (Egypt, the Gulf), Syriac names (the Levant, Iraq), French-derived (Algeria, Tunisia) and Moroccan.
  ...([
    ['يناير', 'كانون الثاني', 'جانفي'],
    ['فبراير', 'شباط', 'فيفري'],
    ['مارس', 'آذار'],
    ['أبريل', 'ابريل', 'نيسان', 'أفريل'],
    ['مايو', 'أيار', 'ماي'],
    ['يونيو', 'يونيه', 'حزيران', 'جوان'],
    ['يوليو', 'يوليه', 'تموز', 'جويلية', 'يوليوز'],
    ['أغسطس', 'آب', 'أوت', 'غشت'],
    ['سبتمبر', 'أيلول', 'شتنبر'],
    ['أكتوبر', 'تشرين الأول'],
    ['نوفمبر', 'تشرين الثاني', 'نونبر'],
    ['ديسمبر', 'كانون الأول', 'دجنبر'],
  ] as const).flatMap((names, i) => names.map((name): Entry<number> => ['ar', name, i + 1])),
];

/** Abbreviations, read only next to a day or a year ("Nov. 24", "24 nov. 2023"). */
const MONTH_ABBREVIATIONS: readonly Entry<number>[] = [
  ...(
    [
      ['janv', 1], ['févr', 2], ['fév', 2], ['avr', 4], ['juil', 7], ['sept', 9], ['oct', 10], ['nov', 11], ['déc', 12],
    ] as const
  ).map(([name, month]): Entry<number> => ['fr', name, month]),
  ...(
    [
      ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
    ] as const
  ).map(([name, month]): Entry<number> => ['en', name, month]),
];

const CAPITAL = /^\p{Lu}$/u;
/** Month words only English has (French writes "nov", "oct" too, in lower case). */
const ENGLISH_ONLY_MONTH_WORDS: ReadonlySet<string> = (() => {
  const folded = (language: Language) =>
    new Set([...MONTHS, ...MONTH_ABBREVIATIONS].filter(([l]) => l === language).map(([, name]) => foldText(name).folded));
  const french = folded('fr');
  return new Set([...folded('en')].filter((name) => !french.has(name)));
})();

const WEEKDAYS: readonly Entry<number>[] = [
  ...(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const).map((name, i): Entry<number> => ['fr', name, i]),
  ...(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const).map((name, i): Entry<number> => ['en', name, i]),
  ...(['الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد'] as const).map((name, i): Entry<number> => ['ar', name, i]),
];

/** Words around a weekday and what they make of it. */
type WeekdayModifier = { readonly when?: WeekdayWhen; readonly eve?: boolean; readonly narrated?: boolean };
const WEEKDAY_BEFORE: readonly Entry<WeekdayModifier>[] = [
  // "two days earlier, on the Thursday", "that Friday": a day of the week the
  // story has reached, which may lie anywhere around the dates it told; read
  // from publication it was the Thursday before the report, often a week off.
  ['en', 'the|that', { narrated: true }],
  ['en', 'last', { when: 'before' }],
  ['en', 'this past|last', { when: 'before' }],
  ['en', 'past', { when: 'before' }],
  ['en', 'next', { when: 'after' }],
  ['en', 'this coming', { when: 'after' }],
  ['en', 'coming', { when: 'after' }],
  ['en', 'late|early', {}],
  // "tomorrow, Friday", "demain vendredi", "يوم غد الجمعة": the day after publication, named by its weekday.
  ['en', 'tomorrow', { when: 'after' }],
  ['fr', 'demain', { when: 'after' }],
  ['ar', 'يوم? غد|غدا', { when: 'after' }],
  ['ar', 'مساء|صباح|ظهر|عصر|فجر|ظهيرة|يوم', {}],
  // ليلة الجمعة is the night that leads into Friday.
  ['ar', 'ليلة|ليل', { eve: true }],
];
const WEEKDAY_AFTER: readonly Entry<WeekdayModifier>[] = [
  // "on Thursday of last week", "jeudi de la semaine dernière", "الخميس من الأسبوع الماضي": the weekday of the week before.
  ['en', 'of last week', { when: 'last-week' }],
  ['fr', 'de la semaine dernière|passée', { when: 'last-week' }],
  ['ar', 'من الأسبوع الماضي', { when: 'last-week' }],
  ['fr', 'dernier|passé', { when: 'before' }],
  ['fr', 'prochain', { when: 'after' }],
  ['fr', 'soir|matin|après-midi|midi|soirée|matinée', {}],
  ['en', 'night|morning|afternoon|evening', {}],
  ['ar', 'الماضي|الماضية|المنصرم|المنصرمة|الفائت|الفائتة', { when: 'before' }],
  ['ar', 'المقبل|المقبلة|القادم|القادمة', { when: 'after' }],
];
/** "(dans la) nuit de jeudi à vendredi", "the night of Thursday to Friday", "ليل الخميس الجمعة". */
const WEEKDAY_SPAN_OPENERS: readonly Entry<true>[] = [
  ['fr', 'dans? la? nuit de|du', true],
  ['en', 'the? night of', true],
  ['en', 'overnight', true],
  ['en', 'between', true],
  ['ar', 'ليل|ليلة', true],
  ['ar', 'بين', true],
  ['ar', 'ما بين', true],
];
const WEEKDAY_SPAN_JOINERS: readonly Entry<true>[] = [
  ['fr', 'à|au|et', true],
  ['en', 'to|into|and', true],
  ['ar', 'إلى|الى|على|و', true],
];

/** The nouns by which a report names the violent event it is about: a day is counted from it ("the day after the massacre"). */
const EVENT_NOUNS = {
  fr: 'massacre|massacres|attaque|attaques|tuerie|tueries|embuscade|drame|assaut|raid|attentat|violences|carnage',
  en: 'massacre|attack|attacks|killing|killings|ambush|raid|assault|bombing|massacres',
  ar: 'للمجزرة|للهجوم|للكمين|للاعتداء|للمذبحة|للهجمات',
  arDefinite: 'المجزرة|الهجوم|الكمين|الاعتداء|المذبحة|الهجمات',
};

function eventDay(offset: number): DateSpec {
  const label = offset === 0 ? 'the day of the event' : offset === 1 ? 'the day after the event' : offset === -1 ? 'the day before the event' : `${Math.abs(offset)} days ${offset > 0 ? 'after' : 'before'} the event`;
  return { kind: 'event-day', offset, label };
}

/**
 * Days counted from the event a report is about: "au lendemain du
 * massacre", "the day after the attack", "في اليوم التالي للمجزرة". Each
 * starts at its own word ("lendemain", "day", "التالي"), not at the article
 * before it, which parseRelative takes in: "le", "au", "the" start too
 * many phrases to try at every one.
 */
const EVENT_DAYS: readonly Entry<DateSpec>[] = [
  ['fr', `lendemain du|des ${EVENT_NOUNS.fr}`, eventDay(1)],
  ['fr', `lendemain de la|l' ${EVENT_NOUNS.fr}`, eventDay(1)],
  ['fr', `surlendemain du|des ${EVENT_NOUNS.fr}`, eventDay(2)],
  ['fr', `surlendemain de la|l' ${EVENT_NOUNS.fr}`, eventDay(2)],
  ['fr', `veille du|des ${EVENT_NOUNS.fr}`, eventDay(-1)],
  ['fr', `veille de la|l' ${EVENT_NOUNS.fr}`, eventDay(-1)],
  ['fr', `deux jours après le|la|l'|les ${EVENT_NOUNS.fr}`, eventDay(2)],
  ['en', `day after the ${EVENT_NOUNS.en}`, eventDay(1)],
  ['en', `morning after the ${EVENT_NOUNS.en}`, eventDay(1)],
  ['en', `day before the ${EVENT_NOUNS.en}`, eventDay(-1)],
  ['en', `two days after the ${EVENT_NOUNS.en}`, eventDay(2)],
  ['ar', `اليوم التالي ${EVENT_NOUNS.ar}`, eventDay(1)],
  ['ar', `اليوم التالي على|من|ل ${EVENT_NOUNS.arDefinite}`, eventDay(1)],
  ['ar', `غداة ${EVENT_NOUNS.arDefinite}`, eventDay(1)],
  ['ar', `عشية ${EVENT_NOUNS.arDefinite}`, eventDay(-1)],
  ['ar', `بعد يوم من ${EVENT_NOUNS.arDefinite}`, eventDay(1)],
  ['ar', `بعد يومين من ${EVENT_NOUNS.arDefinite}`, eventDay(2)],
  // The event said to fall on the day something else happened: its own day ("The attacks came on the day the results were
  // announced", "a été commise le jour de la proclamation", "وجاء الهجومان في اليوم الذي…").
  ['en', `${EVENT_NOUNS.en} came|happened|occurred on the day`, eventDay(0)],
  ['en', `${EVENT_NOUNS.en} took place on the day`, eventDay(0)],
  ['fr', 'commise|commis|perpétrée|perpétré|survenue|survenu|survenues le jour', eventDay(0)],
  ['ar', `جاء|جاءت|وقع|وقعت ${EVENT_NOUNS.arDefinite}|الهجومان في اليوم الذي`, eventDay(0)],
];

/** Words before a day counted from an event that belong to it: "le|au lendemain", "à la veille", "the day after", "في اليوم التالي". */
const EVENT_DAY_OPENERS: ReadonlySet<string> = new Set(['le', 'au', 'la', 'a', 'the', foldText('في').folded]);
/** How many of those words a day counted from an event takes before the word it is read at: the farthest back any date read at a word starts. */
const EVENT_DAY_LOOKBACK = 2;

/** Phrases that are one date relative to publication. */
const RELATIVE: readonly Entry<DateSpec>[] = [
  ['fr', "aujourd'hui", offset(0, 'today')],
  ['fr', 'ce matin|midi|soir', offset(0, 'today')],
  ['fr', 'cet après-midi', offset(0, 'today')],
  ['fr', 'hier', offset(-1, 'yesterday')],
  ['fr', 'hier soir|matin|après-midi|midi', offset(-1, 'yesterday')],
  ['fr', 'avant-hier', offset(-2, 'the day before yesterday')],
  ['fr', 'la nuit dernière', offset(-1, 'the night before', 0)],
  ['fr', 'cette nuit', offset(-1, 'the night before', 0)],
  ['fr', 'cette semaine', { kind: 'week', offset: 0 }],
  ['fr', 'la semaine dernière|passée', { kind: 'week', offset: -1 }],
  ['fr', 'le week-end|weekend dernier|passé', { kind: 'weekend', last: true }],
  ['fr', 'ce week-end|weekend', { kind: 'weekend', last: false }],
  ['fr', 'ce mois-ci', { kind: 'this-month', offset: 0 }],
  ['fr', 'le mois dernier|passé', { kind: 'this-month', offset: -1 }],
  ['fr', 'cette année', { kind: 'this-year', offset: 0 }],
  ['fr', "l'an|l'année dernier|dernière|passé|passée", { kind: 'this-year', offset: -1 }],
  ...EVENT_DAYS,
  // From their own word, as the days counted from an event are, so that those are tried there.
  ['fr', 'lendemain|surlendemain', { kind: 'none' }],
  ['fr', 'veille', { kind: 'none' }],
  ['en', 'today', offset(0, 'today')],
  ['en', 'this morning|afternoon|evening', offset(0, 'today')],
  ['en', 'yesterday', offset(-1, 'yesterday')],
  ['en', 'yesterday morning|afternoon|evening', offset(-1, 'yesterday')],
  ['en', 'the day before yesterday', offset(-2, 'the day before yesterday')],
  ['en', 'last night', offset(-1, 'the night before', 0)],
  ['en', 'overnight', offset(-1, 'the night before', 0)],
  ['en', 'earlier? this week', { kind: 'week', offset: 0 }],
  ['en', 'last week', { kind: 'week', offset: -1 }],
  ['en', 'last weekend', { kind: 'weekend', last: true }],
  ['en', 'over|at the weekend', { kind: 'weekend', last: false }],
  ['en', 'this weekend', { kind: 'weekend', last: false }],
  ['en', 'earlier? this month', { kind: 'this-month', offset: 0 }],
  ['en', 'last month', { kind: 'this-month', offset: -1 }],
  ['en', 'earlier? this year', { kind: 'this-year', offset: 0 }],
  ['en', 'last year', { kind: 'this-year', offset: -1 }],
  ['en', 'day before|after', { kind: 'none' }],
  ['en', 'that day', { kind: 'none' }],
  ['en', 'the next|following day', { kind: 'none' }],
  ['ar', 'اليوم', offset(0, 'today')],
  ['ar', 'صباح|مساء|ظهر|عصر|فجر اليوم', offset(0, 'today')],
  ['ar', 'هذا الصباح', offset(0, 'today')],
  ['ar', 'أمس|الأمس|البارحة', offset(-1, 'yesterday')],
  ['ar', 'يوم أمس', offset(-1, 'yesterday')],
  ['ar', 'صباح|مساء|ظهر|عصر|فجر أمس', offset(-1, 'yesterday')],
  ['ar', 'أول أمس', offset(-2, 'the day before yesterday')],
  ['ar', 'أول من أمس', offset(-2, 'the day before yesterday')],
  ['ar', 'أمس الأول', offset(-2, 'the day before yesterday')],
  ['ar', 'الليلة الماضية', offset(-1, 'the night before', 0)],
  ['ar', 'ليلة|ليل أمس', offset(-1, 'the night before', 0)],
  ['ar', 'هذا الأسبوع', { kind: 'week', offset: 0 }],
  ['ar', 'الأسبوع الجاري|الحالي', { kind: 'week', offset: 0 }],
  ['ar', 'الأسبوع الماضي|المنصرم|الفائت', { kind: 'week', offset: -1 }],
  ['ar', 'نهاية|عطلة الأسبوع الماضي', { kind: 'weekend', last: true }],
  ['ar', 'عطلة نهاية الأسبوع الماضي', { kind: 'weekend', last: true }],
  ['ar', 'عطلة نهاية الأسبوع', { kind: 'weekend', last: false }],
  ['ar', 'هذا الشهر', { kind: 'this-month', offset: 0 }],
  ['ar', 'الشهر الجاري|الحالي', { kind: 'this-month', offset: 0 }],
  ['ar', 'الشهر الماضي|المنصرم|الفائت', { kind: 'this-month', offset: -1 }],
  ['ar', 'هذا العام', { kind: 'this-year', offset: 0 }],
  ['ar', 'هذه السنة', { kind: 'this-year', offset: 0 }],
  ['ar', 'العام الجاري|الحالي', { kind: 'this-year', offset: 0 }],
  ['ar', 'العام الماضي|المنصرم|الفائت', { kind: 'this-year', offset: -1 }],
  ['ar', 'السنة الماضية|المنصرمة|الفائتة', { kind: 'this-year', offset: -1 }],
  // "That day", "the next day", "the same day": no date of their own.
  ['ar', 'ذلك|نفس اليوم', { kind: 'none' }],
  ['ar', 'اليوم التالي|السابق|نفسه|الأول|الثاني|الثالث|الأخير', { kind: 'none' }],
  // "The day on which…": the day a clause names, not today.
  ['ar', 'اليوم الذي', { kind: 'none' }],
];

function offset(from: number, label: string, to = from): DateSpec {
  return { kind: 'offset', from, to, label };
}

/** Words before a month alone that make it a date: "en novembre", "in November", "في نوفمبر". */
const MONTH_CUES: readonly Entry<true>[] = [
  ['fr', 'en|courant|durant|pendant', true],
  ['fr', "au mois de|d'", true],
  ['fr', "mois de|d'", true],
  ['en', 'in|during', true],
  ['en', 'in|during the month of', true],
  ['ar', 'في|خلال|شهر', true],
  ['ar', 'في|خلال شهر', true],
];
/** Words before a year alone that make it a date: "en 2023", "in 2023", "عام 2023". */
const YEAR_CUES: readonly Entry<true>[] = [
  ['fr', 'en', true],
  ['fr', "l'année|année", true],
  ['fr', "courant|durant|pendant l'année?", true],
  ['en', 'in|during', true],
  ['en', 'in? the year', true],
  ['ar', 'عام|العام|سنة|في|خلال', true],
  ['ar', 'في|خلال عام|العام|سنة', true],
];
/** "début novembre", "mid-November", "أواخر يوليو", "the last week of August": the part of a month. */
const MONTH_PARTS: readonly Entry<MonthPart | MonthWeek>[] = [
  ['fr', "au? début du? mois? de|d'?", 'early'],
  ['fr', "à? la? mi mois? de|d'?", 'mid'],
  ['fr', "à? la? fin du? mois? de|d'?", 'late'],
  ['en', 'in? early', 'early'],
  ['en', 'in? mid', 'mid'],
  ['en', 'in? late', 'late'],
  ['en', 'at|in? the beginning|start of', 'early'],
  ['en', 'in? the middle of', 'mid'],
  ['en', 'at|in? the end of', 'late'],
  ['ar', 'أوائل|مطلع|بداية|بدايات شهر?', 'early'],
  ['ar', 'منتصف|أواسط|وسط شهر?', 'mid'],
  ['ar', 'أواخر|نهاية|آخر شهر?', 'late'],
  // Longer than "last week", which they hold: a week of the month named after them, never the week before publication.
  ['fr', "la première semaine de|d'", 'first-week'],
  ['fr', "la dernière semaine de|d'", 'last-week'],
  ['en', 'in|during? the first week of', 'first-week'],
  ['en', 'in|during? the last|final week of', 'last-week'],
  ['ar', 'الأسبوع الأول من|في', 'first-week'],
  ['ar', 'الأسبوع الأخير من|في', 'last-week'],
  ['ar', 'أول أسبوع من|في', 'first-week'],
  ['ar', 'آخر أسبوع من|في', 'last-week'],
];
/**
 * After the part of a year ("début", "early", "مطلع"): the year's own word,
 * and how far from publication's year a relative one is ("l'année
 * prochaine" +1); `null`, the bare word, which a year follows ("au début de
 * l'année 2020") or which is the year of publication ("fin de l'année").
 */
const PART_YEAR_WORDS: readonly Entry<number | null>[] = [
  ['fr', "l'année|l'an|année", null],
  ['fr', "l'année|l'an prochaine|prochain", 1],
  ['fr', 'cette année', 0],
  ['fr', "l'année|l'an dernière|dernier|passée|passé", -1],
  ['en', 'the year', null],
  ['en', 'next year', 1],
  ['en', 'this year', 0],
  ['en', 'last year', -1],
  ['ar', 'العام|عام|السنة|سنة', null],
  ['ar', 'العام|السنة المقبل|القادم|المقبلة|القادمة', 1],
  ['ar', 'العام|السنة الجاري|الحالي|الجارية|الحالية', 0],
  ['ar', 'العام|السنة الماضي|الماضية|المنصرم|المنصرمة', -1],
];
/** The first and last day of a part of a month that has `days` days. */
function monthPartDays(part: MonthPart | MonthWeek, days: number): readonly [number, number] {
  switch (part) {
    case 'early': return [1, 10];
    case 'mid': return [11, 20];
    case 'late': return [21, days];
    case 'first-week': return [1, 7];
    case 'last-week': return [days - 6, days];
  }
}
const MONTH_PART_NAMES: Record<MonthPart | MonthWeek, string> = {
  early: 'early month', mid: 'mid month', late: 'late month', 'first-week': 'first week of the month', 'last-week': 'last week of the month',
};
/** The months of a part of a year: a quarter at either end ("early 2020": January to March), the four between in the middle. */
const YEAR_PART_MONTHS: Record<MonthPart, readonly [number, number]> = { early: [1, 3], mid: [5, 8], late: [10, 12] };

/** After a month: "novembre dernier", "last November" (before), "نوفمبر الماضي". */
const MONTH_LAST_AFTER: readonly Entry<true>[] = [
  ['fr', 'dernier|passé', true],
  ['ar', 'الماضي|المنصرم|الفائت', true],
];
const MONTH_LAST_BEFORE: readonly Entry<true>[] = [['en', 'last', true]];

/** Openers and joiners of day ranges: "du 25 au 27", "between 25 and 27", "من 25 إلى 27". */
const RANGE_OPENERS: readonly Entry<true>[] = [
  ['fr', 'du|entre|les', true],
  ['fr', 'entre le|les', true],
  ['fr', 'dans? la? nuit du', true],
  ['en', 'from|between', true],
  ['en', 'the? night of', true],
  ['ar', 'من|بين', true],
  ['ar', 'ما بين', true],
  ['ar', 'ليل|ليلة', true],
];
/** Hyphens between days ("25-27 juillet") are read apart: a table holds words. */
const RANGE_JOINERS: readonly Entry<true>[] = [
  ['fr', 'au|à|et', true],
  ['fr', 'et le', true],
  ['en', 'to|and|through|until', true],
  ['ar', 'إلى|الى|و|حتى', true],
];
/** Between a day and its month: "24th of November", "الرابع والعشرين من نوفمبر". */
const DAY_MONTH_LINKS: readonly Entry<true>[] = [
  ['en', 'of', true],
  ['ar', 'من', true],
];
/** Ordinal day suffixes written attached to the digits: 1er, 2e, 24th. */
const ORDINAL_SUFFIXES: ReadonlySet<string> = new Set(['er', 're', 'e', 'eme', 'st', 'nd', 'rd', 'th']);

/** Arabic ordinal days, 1–31, as they stand before "من" + a month. */
const ARABIC_ORDINAL_DAYS: readonly Entry<number>[] = (() => {
  const units = ['الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع'];
  const compoundUnits = ['الحادي', ...units.slice(1)];
  const entries: Entry<number>[] = units.map((name, i): Entry<number> => ['ar', name, i + 1]);
  entries.push(['ar', 'العاشر', 10]);
  compoundUnits.forEach((name, i) => entries.push(['ar', `${name} عشر`, 11 + i]));
  entries.push(['ar', 'العشرين', 20]);
  compoundUnits.forEach((name, i) => entries.push(['ar', `${name} والعشرين`, 21 + i]));
  entries.push(['ar', 'الثلاثين', 30], ['ar', 'الحادي والثلاثين', 31]);
  return entries;
})();

/** Units of "il y a N jours", "N weeks ago", "منذ N أيام". */
const AGO_UNITS: readonly Entry<Unit>[] = [
  ['fr', 'jour|jours', 'day'],
  ['fr', 'semaine|semaines', 'week'],
  ['fr', 'mois', 'month'],
  ['fr', 'an|ans|année|années', 'year'],
  ['en', 'day|days', 'day'],
  ['en', 'week|weeks', 'week'],
  ['en', 'month|months', 'month'],
  ['en', 'year|years', 'year'],
  ['ar', 'يوم|يوما|أيام', 'day'],
  ['ar', 'أسبوع|أسبوعا|أسابيع', 'week'],
  ['ar', 'شهر|شهرا|أشهر|شهور', 'month'],
  ['ar', 'عام|عاما|سنة|أعوام|سنوات', 'year'],
];
/** Arabic duals: قبل يومين, two days ago. */
const ARABIC_DUAL_UNITS: readonly Entry<Unit>[] = [
  ['ar', 'يومين', 'day'],
  ['ar', 'أسبوعين', 'week'],
  ['ar', 'شهرين', 'month'],
  ['ar', 'عامين|سنتين', 'year'],
];
const AGO_BEFORE: readonly Entry<true>[] = [
  ['fr', 'il y a', true],
  ['ar', 'منذ|قبل', true],
];
const AGO_AFTER: readonly Entry<true>[] = [['en', 'ago', true]];
/** "un/une/a/an" before an ago unit stand for one: "il y a une semaine", "a week ago". */
const ONE: readonly Entry<true>[] = [
  ['fr', 'un|une', true],
  ['en', 'a|an|one', true],
];

interface Tables {
  readonly months: PhraseTable<number>;
  readonly monthAbbreviations: PhraseTable<number>;
  readonly weekdays: PhraseTable<number>;
  readonly weekdayBefore: PhraseTable<WeekdayModifier>;
  readonly weekdayAfter: PhraseTable<WeekdayModifier>;
  readonly weekdaySpanOpeners: PhraseTable<true>;
  readonly weekdaySpanJoiners: PhraseTable<true>;
  readonly relative: PhraseTable<DateSpec>;
  readonly monthCues: PhraseTable<true>;
  readonly yearCues: PhraseTable<true>;
  readonly monthParts: PhraseTable<MonthPart | MonthWeek>;
  readonly partYearWords: PhraseTable<number | null>;
  readonly monthLastAfter: PhraseTable<true>;
  readonly monthLastBefore: PhraseTable<true>;
  readonly rangeOpeners: PhraseTable<true>;
  readonly rangeJoiners: PhraseTable<true>;
  readonly dayMonthLinks: PhraseTable<true>;
  readonly arabicOrdinalDays: PhraseTable<number>;
  readonly agoUnits: PhraseTable<Unit>;
  readonly dualUnits: PhraseTable<Unit>;
  readonly agoBefore: PhraseTable<true>;
  readonly agoAfter: PhraseTable<true>;
  readonly one: PhraseTable<true>;
  /** The tables whose phrase starts a date's own words (a month, a weekday, "hier", "début"), asked at once. */
  readonly starts: PhraseStarts;
  /** The tables whose phrase only opens a date ("the", "entre", "in", "il y a"), each with what must follow it. */
  readonly openers: readonly Opener[];
  /** Whether a phrase of one of `openers` may start at a word. */
  readonly openerStarts: PhraseStarts;
  /** The openers by a word (its text) their phrases may start with, for the words `openerPrefixLetters` leaves to them. */
  readonly openersByText: ReadonlyMap<string, readonly Opener[]>;
  /** The first letters of the openers' phrases read by prefix or beside one; undefined when one may start anywhere. */
  readonly openerPrefixLetters: ReadonlySet<string> | undefined;
  /** mayStartByText's answers by a word's text. */
  readonly startTexts: Map<string, boolean>;
  readonly languages: ReadonlySet<Language>;
}

const tablesFor = byLanguages((languages): Tables => {
  const table = <T>(entries: readonly Entry<T>[]) => phraseTable(entries, languages);
  const base = {
    months: table(MONTHS),
    monthAbbreviations: table(MONTH_ABBREVIATIONS),
    weekdays: table(WEEKDAYS),
    weekdayBefore: table(WEEKDAY_BEFORE),
    weekdayAfter: table(WEEKDAY_AFTER),
    weekdaySpanOpeners: table(WEEKDAY_SPAN_OPENERS),
    weekdaySpanJoiners: table(WEEKDAY_SPAN_JOINERS),
    relative: table(RELATIVE),
    monthCues: table(MONTH_CUES),
    yearCues: table(YEAR_CUES),
    monthParts: table(MONTH_PARTS),
    partYearWords: table(PART_YEAR_WORDS),
    monthLastAfter: table(MONTH_LAST_AFTER),
    monthLastBefore: table(MONTH_LAST_BEFORE),
    rangeOpeners: table(RANGE_OPENERS),
    rangeJoiners: table(RANGE_JOINERS),
    dayMonthLinks: table(DAY_MONTH_LINKS),
    arabicOrdinalDays: table(ARABIC_ORDINAL_DAYS),
    agoUnits: table(AGO_UNITS),
    dualUnits: table(ARABIC_DUAL_UNITS),
    agoBefore: table(AGO_BEFORE),
    agoAfter: table(AGO_AFTER),
    one: table(ONE),
    languages,
  };
  const starters = [base.weekdays, base.relative, base.months, base.monthAbbreviations, base.monthParts, base.arabicOrdinalDays];
  const weekdayAfter = (c: Context, next: number) => mayStartAt(base.weekdays, c, next);
  const monthAfter = (c: Context, next: number) => mayStartAt(base.months, c, next) || mayStartAt(base.monthAbbreviations, c, next);
  const openers: Opener[] = [
    // parseDayFirst and parseWeekday: a weekday after the word that leads it ("the Friday", "مساء الجمعة").
    { table: base.weekdayBefore, follows: weekdayAfter },
    { table: base.weekdaySpanOpeners, follows: weekdayAfter },
    // parseMonth: a month after its cue ("en novembre", "last November").
    { table: base.monthCues, follows: monthAfter },
    { table: base.monthLastBefore, follows: monthAfter },
    // parseYear: a year after its cue (yearAt: a figure, after a comma or not).
    { table: base.yearCues, follows: (c, next) => c.words.at(next)?.kind === 'number' || (isMark(c.words, next, ',') && c.words.at(next + 1)?.kind === 'number') },
    // parseDayFirst: a day after the range's opener ("du 25", "entre le 25").
    { table: base.rangeOpeners, follows: (c, next) => dayAt(c, skipDayArticle(c, next)) !== undefined },
    // parseAgo: a number of units after "il y a", "منذ" (or the unit alone, in Arabic); a unit after "a", "une".
    {
      table: base.agoBefore,
      follows: (c, next) => {
        const word = c.words.at(next);
        return word !== undefined && (mayStartNumber(word, c.t.languages) || base.one.mayStartAt(word) || base.agoUnits.mayStartAt(word) || base.dualUnits.mayStartAt(word));
      },
    },
    { table: base.one, follows: (c, next) => mayStartAt(base.agoUnits, c, next) },
  ];
  return { ...base, starts: new PhraseStarts(starters), openers, openerStarts: new PhraseStarts(openers.map(({ table }) => table)), ...openersByText(openers), startTexts: new Map() };
});

/**
 * The openers under each word their phrases start with, and the first letters
 * of the phrases they read otherwise (by prefix, or beside one): a word with
 * none of those letters and no stems may start an opener's phrase only where
 * the opener's table holds its text (PhraseTable.mayStartAt), which one
 * look-up then tells for the eight tables.
 */
function openersByText(openers: readonly Opener[]): Pick<Tables, 'openersByText' | 'openerPrefixLetters'> {
  const byText = new Map<string, Opener[]>();
  const letters = new Set<string>();
  let anywhere = false;
  for (const opener of openers) {
    const tokens = new Map<string, PhraseTable<unknown>[]>();
    const prefixes: Parameters<PhraseTable<unknown>['addStartsTo']>[1] = [];
    if (opener.table.addStartsTo(tokens, prefixes)) anywhere = true;
    for (const text of tokens.keys()) {
      const known = byText.get(text);
      if (known === undefined) byText.set(text, [opener]);
      else known.push(opener);
    }
    for (const { token } of prefixes) letters.add(token.text[0]);
  }
  return { openersByText: byText, openerPrefixLetters: anywhere ? undefined : letters };
}

/**
 * A table whose phrase opens a date and is none alone: the parsers read on
 * from where its longest match (matchAt) ends, and find a date only where
 * `follows` holds there. "the", "les", "entre", "in" start such a phrase far
 * more often than a date.
 */
interface Opener {
  readonly table: PhraseTable<unknown>;
  readonly follows: (c: Context, next: number) => boolean;
}

function mayStartAt(table: PhraseTable<unknown>, c: Context, index: number): boolean {
  const word = c.words.at(index);
  return word !== undefined && table.mayStartAt(word);
}

// ---------------------------------------------------------------------------
// Recognition

interface Found {
  readonly next: number;
  readonly spec: DateSpec;
  /** Where the date's words start, when the first words matched are only a cue ("en", "in", "في"). */
  readonly from?: number;
  /** The source offset the words start at, when the first word carries a proclitic (وأمس). */
  readonly start?: number;
}

interface Context {
  readonly words: Words;
  readonly t: Tables;
  readonly monthFirst: 'yes' | 'no' | 'ambiguous';
}

function isMark(words: Words, index: number, mark: string): boolean {
  const word = words.at(index);
  return word?.kind === 'mark' && word.text === mark;
}

function textAt(words: Words, index: number): string | undefined {
  const word = words.at(index);
  return word?.kind === 'word' ? word.text : undefined;
}

/** Skips "le", "the" before a day ("entre le 25 et le 27", "the 24th"). */
function skipDayArticle(c: Context, index: number): number {
  const text = textAt(c.words, index);
  return (text === 'le' && c.t.languages.has('fr')) || (text === 'the' && c.t.languages.has('en')) ? index + 1 : index;
}

/** A day of the month: 24, 1er, 24th, premier, الرابع والعشرين. */
function dayAt(c: Context, index: number): { day: number; next: number; ordinalWord: boolean } | undefined {
  const word = c.words.at(index);
  if (word?.kind === 'number' && word.text.length <= 2) {
    const day = Number(word.text);
    if (day < 1 || day > 31) return undefined;
    const suffix = c.words.at(index + 1);
    if (suffix?.kind === 'word' && !suffix.spaced && ORDINAL_SUFFIXES.has(suffix.text)) return { day, next: index + 2, ordinalWord: false };
    if (suffix !== undefined && !suffix.spaced && (suffix.kind === 'word' || suffix.kind === 'number' || isMark(c.words, index + 1, ':'))) return undefined;
    return { day, next: index + 1, ordinalWord: false };
  }
  if (word?.text === 'premier' && c.t.languages.has('fr')) return { day: 1, next: index + 1, ordinalWord: false };
  const ordinal = c.t.arabicOrdinalDays.matchAt(c.words, index);
  return ordinal === undefined ? undefined : { day: ordinal.payload, next: ordinal.next, ordinalWord: true };
}

/**
 * A month name at `index`, with its second name when the text gives two
 * ("تشرين الثاني/نوفمبر", "نوفمبر (تشرين الثاني)"); abbreviations only
 * where `abbreviated` allows them. Two names for different months read as
 * no month.
 */
function monthAt(c: Context, index: number, abbreviated: boolean): { month: number; next: number; abbreviation: boolean } | undefined {
  // English writes months with a capital: "may" and "march" are verbs.
  const word = c.words.at(index);
  if (word !== undefined && ENGLISH_ONLY_MONTH_WORDS.has(word.text) && !CAPITAL.test(c.words.text.slice(word.start, word.start + 1))) return undefined;
  const full = c.t.months.matchAt(c.words, index);
  let found: { month: number; next: number; abbreviation: boolean } | undefined;
  if (full !== undefined) {
    found = { month: full.payload, next: full.next, abbreviation: false };
  } else if (abbreviated) {
    const short = c.t.monthAbbreviations.matchAt(c.words, index);
    if (short !== undefined) found = { month: short.payload, next: isMark(c.words, short.next, '.') ? short.next + 1 : short.next, abbreviation: true };
  }
  if (found === undefined) return undefined;
  const slash = isMark(c.words, found.next, '/');
  const parenthesis = isMark(c.words, found.next, '(');
  if (slash || parenthesis) {
    const second = c.t.months.matchAt(c.words, found.next + 1);
    if (second !== undefined) {
      if (second.payload !== found.month) return undefined;
      const next = parenthesis ? (isMark(c.words, second.next, ')') ? second.next + 1 : found.next) : second.next;
      if (next !== found.next) return { ...found, next, abbreviation: false };
    }
  }
  return found;
}

/** A year of four digits after a month or a day ("24 novembre 2023", "November 24, 2023"). */
function yearAt(c: Context, index: number): { year: number; next: number } | undefined {
  const at = isMark(c.words, index, ',') ? index + 1 : index;
  const word = c.words.at(at);
  if (word?.kind !== 'number' || word.text.length !== 4) return undefined;
  const after = c.words.at(at + 1);
  if (after !== undefined && !after.spaced && (after.kind === 'number' || after.kind === 'word')) return undefined;
  const year = Number(word.text);
  return year >= 1000 && year <= 2999 ? { year, next: at + 1 } : undefined;
}

/** A range joiner between two days: au, to, إلى, or a hyphen or dash. */
function joinerAt(c: Context, index: number): number | undefined {
  const word = c.words.at(index);
  if (word?.kind === 'mark' && (word.text === '-' || word.text === '\u2014')) return index + 1;
  return c.t.rangeJoiners.matchAt(c.words, index)?.next;
}

/** The month after a day: directly, or after "of", "من". */
function monthAfterDay(c: Context, index: number, ordinalWord: boolean): ReturnType<typeof monthAt> {
  const link = c.t.dayMonthLinks.matchAt(c.words, index);
  if (link !== undefined) return monthAt(c, link.next, true);
  return ordinalWord ? undefined : monthAt(c, index, true);
}

/**
 * Days from one month to another ("du 30 novembre au 2 décembre 2023"): a
 * year given with one day only is the other's too, a year earlier for the
 * first day when the months wrap round the new year.
 */
function daysAcrossMonths(from: DayRef, to: DayRef): DateSpec {
  const toYear = to.year ?? from.year;
  const fromYear = from.year ?? (toYear !== undefined && to.month < from.month ? toYear - 1 : toYear);
  return { kind: 'days', from: { ...from, year: fromYear }, to: { ...to, year: toYear } };
}

/** "24 novembre 2023", "vendredi 24 novembre", "du 25 au 27 juillet", "du 30 novembre au 2 décembre", "الرابع والعشرين من نوفمبر". */
function parseDayFirst(c: Context, index: number): Found | undefined {
  let at = index;
  let weekday: number | undefined;
  // "يوم الأحد 27 مارس", "مساء الجمعة 24 نوفمبر": a word that only places a time in the day leads the date; "last", "ليلة" change which day it is.
  const lead = c.t.weekdayBefore.matchAt(c.words, at);
  const plainLead = lead !== undefined && lead.payload.when === undefined && lead.payload.eve !== true;
  const named = c.t.weekdays.matchAt(c.words, at) ?? (plainLead ? c.t.weekdays.matchAt(c.words, lead.next) : undefined);
  if (named !== undefined) {
    weekday = named.payload;
    at = isMark(c.words, named.next, ',') ? named.next + 1 : named.next;
  }
  let opener = c.t.rangeOpeners.matchAt(c.words, at);
  let dayIndex = skipDayArticle(c, opener?.next ?? at);
  let first = dayAt(c, dayIndex);
  if (first === undefined && opener !== undefined) {
    opener = undefined;
    dayIndex = skipDayArticle(c, at);
    first = dayAt(c, dayIndex);
  }
  if (first === undefined) return undefined;
  // "le 24 novembre" reads from the day; a weekday or an opener ("du 25 au 27") belongs to the words.
  const from = weekday === undefined && opener === undefined ? dayIndex : undefined;
  // "du 25 au 27 juillet", "25-27 juillet": both days in one month.
  const joined = joinerAt(c, first.next);
  if (joined !== undefined) {
    const second = dayAt(c, skipDayArticle(c, joined));
    const month = second === undefined ? undefined : monthAfterDay(c, second.next, second.ordinalWord);
    if (second !== undefined && month !== undefined && second.day > first.day) {
      const year = yearAt(c, month.next);
      return {
        next: year?.next ?? month.next,
        spec: { kind: 'days', from: { year: year?.year, month: month.month, day: first.day }, to: { year: year?.year, month: month.month, day: second.day } },
        from,
      };
    }
  }
  const month = monthAfterDay(c, first.next, first.ordinalWord);
  if (month === undefined) return undefined;
  const year = yearAt(c, month.next);
  const end = year?.next ?? month.next;
  // "du 30 novembre au 2 décembre 2023": a range across months.
  const crossJoined = joinerAt(c, end);
  if (crossJoined !== undefined) {
    const second = dayAt(c, skipDayArticle(c, crossJoined));
    const secondMonth = second === undefined ? undefined : monthAfterDay(c, second.next, second.ordinalWord);
    if (second !== undefined && secondMonth !== undefined) {
      const secondYear = yearAt(c, secondMonth.next);
      return {
        next: secondYear?.next ?? secondMonth.next,
        spec: daysAcrossMonths({ year: year?.year, month: month.month, day: first.day }, { year: secondYear?.year, month: secondMonth.month, day: second.day }),
        from,
      };
    }
  }
  return { next: end, spec: { kind: 'day', date: { year: year?.year, month: month.month, day: first.day }, weekday }, from };
}

/** "November 24, 2023", "Nov. 24", "Friday, Nov. 24", "July 25-27". */
function parseMonthFirst(c: Context, index: number): Found | undefined {
  let at = index;
  let weekday: number | undefined;
  const named = c.t.weekdays.matchAt(c.words, at);
  if (named !== undefined) {
    weekday = named.payload;
    at = isMark(c.words, named.next, ',') ? named.next + 1 : named.next;
  }
  const month = monthAt(c, at, true);
  if (month === undefined) return undefined;
  const first = dayAt(c, month.next);
  if (first === undefined || first.ordinalWord) return undefined;
  const joined = joinerAt(c, first.next);
  const second = joined === undefined ? undefined : dayAt(c, joined);
  if (second !== undefined && second.day > first.day && !second.ordinalWord) {
    const year = yearAt(c, second.next);
    return {
      next: year?.next ?? second.next,
      spec: { kind: 'days', from: { year: year?.year, month: month.month, day: first.day }, to: { year: year?.year, month: month.month, day: second.day } },
    };
  }
  const year = yearAt(c, first.next);
  const end = year?.next ?? first.next;
  // "between March 27 and March 31", "from March 30 to April 2": the month said twice, read as one range only after an opener (two days joined by "and" alone may be two dates).
  const opened = weekday === undefined && index > 0 && c.t.rangeOpeners.matchAt(c.words, index - 1)?.next === index;
  const crossJoined = opened ? joinerAt(c, end) : undefined;
  const secondMonth = crossJoined === undefined ? undefined : monthAt(c, crossJoined, true);
  const secondDay = secondMonth === undefined ? undefined : dayAt(c, secondMonth.next);
  if (secondMonth !== undefined && secondDay !== undefined && !secondDay.ordinalWord) {
    const secondYear = yearAt(c, secondDay.next);
    if (secondMonth.month !== month.month || secondDay.day > first.day) {
      return { next: secondYear?.next ?? secondDay.next, spec: daysAcrossMonths({ year: year?.year, month: month.month, day: first.day }, { year: secondYear?.year, month: secondMonth.month, day: secondDay.day }) };
    }
  }
  return { next: end, spec: { kind: 'day', date: { year: year?.year, month: month.month, day: first.day }, weekday } };
}

/** 2023-11-24, 2023/11/24, 24/11/2023, 24.11.2023, 24-11-23; 11/24/2023 in American English. */
function parseNumeric(c: Context, index: number): Found | undefined {
  const parts: string[] = [];
  let separator: string | undefined;
  let at = index;
  for (;;) {
    const word = c.words.at(at);
    if (word?.kind !== 'number' || (parts.length > 0 && word.spaced)) break;
    parts.push(word.text);
    const mark = c.words.at(at + 1);
    if (parts.length === 3 || mark?.kind !== 'mark' || mark.spaced || !['/', '.', '-'].includes(mark.text) || (separator !== undefined && mark.text !== separator)) {
      at++;
      break;
    }
    separator = mark.text;
    at += 2;
  }
  if (parts.length !== 3) return undefined;
  const after = c.words.at(at);
  if (after !== undefined && !after.spaced && (after.kind === 'number' || after.kind === 'word')) return undefined;
  const [a, b, y] = parts;
  let date: DayRef | undefined;
  if (a.length === 4) {
    date = { year: Number(a), month: Number(b), day: Number(y) };
  } else if (y.length === 4 || y.length === 2) {
    const year = y.length === 4 ? Number(y) : twoDigitYear(Number(y));
    const dayFirst = { year, month: Number(b), day: Number(a) };
    const monthFirst = { year, month: Number(a), day: Number(b) };
    const dayFirstValid = isValidDay(dayFirst);
    const monthFirstValid = isValidDay(monthFirst);
    if (c.monthFirst === 'yes') date = monthFirstValid ? monthFirst : dayFirstValid ? dayFirst : undefined;
    else if (c.monthFirst === 'no') date = dayFirstValid ? dayFirst : undefined;
    else if (dayFirstValid !== monthFirstValid || a === b) date = dayFirstValid ? dayFirst : monthFirstValid ? monthFirst : undefined;
  }
  if (date === undefined || !isValidDay(date)) return { next: at, spec: { kind: 'none' } };
  return { next: at, spec: { kind: 'day', date } };
}

/** Two-digit years are of this century up to 69, of the last from 70: the reports a desk reads are recent. */
function twoDigitYear(year: number): number {
  return year < 70 ? 2000 + year : 1900 + year;
}

function isValidDay(date: DayRef): boolean {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.year !== undefined && date.day <= daysInMonth(date.year, date.month);
}

/** "début novembre", "mi-novembre 2023", "late July", "أواخر يوليو". */
function parseMonthPart(c: Context, index: number): Found | undefined {
  const part = c.t.monthParts.matchAt(c.words, index);
  if (part === undefined) return undefined;
  const at = isMark(c.words, part.next, '-') ? part.next + 1 : part.next;
  const month = monthAt(c, at, false);
  if (month === undefined) {
    // "the last week of the campaign" is no date, and not last week either.
    if (part.payload === 'first-week' || part.payload === 'last-week') return { next: part.next, spec: { kind: 'none' }, start: part.start };
    return parseYearPart(c, index, at, part.payload, part.start);
  }
  const year = yearAt(c, month.next);
  return { next: year?.next ?? month.next, spec: { kind: 'month', month: month.month, year: year?.year, part: part.payload }, start: part.start };
}

/**
 * "début 2020", "au début de l'année 2020", "mid-2020", "early next year",
 * "مطلع العام المقبل": the words after the part (from `at`). After "since"
 * ("since the start of the year", "depuis le début de l'année", "منذ مطلع
 * العام") it is where background starts, no period of its own.
 */
function parseYearPart(c: Context, index: number, at: number, part: MonthPart, start: number): Found | undefined {
  const word = c.t.partYearWords.matchAt(c.words, at);
  const year = yearAt(c, word?.next ?? at);
  const next = year?.next ?? word?.next;
  if (next === undefined || word === undefined && year === undefined) return undefined;
  if (c.words.list.slice(Math.max(0, index - SINCE_WORDS), index).some((before) => before.kind === 'word' && SINCE.has(before.text))) return { next, spec: { kind: 'none' }, start };
  return year !== undefined ? { next, spec: { kind: 'year-part', part, year: year.year }, start } : { next, spec: { kind: 'year-part', part, offset: word?.payload ?? 0 }, start };
}

/** Words after which a part of a year is where background starts: "since", "depuis", "منذ" (folded). */
const SINCE: ReadonlySet<string> = new Set(['since', 'depuis', 'منذ']);
/** How many words before the part "since" may lie ("depuis le début de l'année"). */
const SINCE_WORDS = 2;

/** "en novembre", "novembre 2023", "novembre dernier", "last November", "في نوفمبر". */
function parseMonth(c: Context, index: number): Found | undefined {
  const cue = c.t.monthCues.matchAt(c.words, index);
  const lastBefore = cue === undefined ? c.t.monthLastBefore.matchAt(c.words, index) : undefined;
  const at = cue?.next ?? lastBefore?.next ?? index;
  const month = monthAt(c, at, false) ?? monthAt(c, at, true);
  if (month === undefined) return undefined;
  const year = yearAt(c, month.next);
  if (year !== undefined) return { next: year.next, spec: { kind: 'month', month: month.month, year: year.year }, from: cue === undefined ? undefined : at };
  const lastAfter = c.t.monthLastAfter.matchAt(c.words, month.next);
  const last = lastBefore !== undefined || lastAfter !== undefined;
  // A month name alone is read only after a cue, or as "last November": "may", "mars", "مارس" are other words too.
  if (month.abbreviation || (cue === undefined && !last)) return undefined;
  return { next: lastAfter?.next ?? month.next, spec: { kind: 'month', month: month.month, last }, from: cue === undefined ? undefined : at };
}

/** "en 2023", "in 2023", "عام 2023". */
function parseYear(c: Context, index: number): Found | undefined {
  const cue = c.t.yearCues.matchAt(c.words, index);
  if (cue === undefined) return undefined;
  const year = yearAt(c, cue.next);
  return year === undefined ? undefined : { next: year.next, spec: { kind: 'year', year: year.year }, from: cue.next };
}

/** "hier", "last night", "la semaine dernière", "أمس"; a day counted from an event with the article before it ("au lendemain du massacre"). */
function parseRelative(c: Context, index: number): Found | undefined {
  const found = c.t.relative.matchAt(c.words, index);
  if (found === undefined) return undefined;
  if (found.payload.kind !== 'event-day') return { next: found.next, spec: found.payload, start: found.start };
  let from = index;
  while (from > index - EVENT_DAY_LOOKBACK && from > 0 && EVENT_DAY_OPENERS.has(c.words.list[from - 1].text)) from--;
  return { next: found.next, spec: found.payload, from };
}

/** "والأربعاء": a weekday with the Arabic و that joins it to the one before written on it. */
function weekdayAfterAttachedAnd(c: Context, index: number): PhraseMatch<number> | undefined {
  const word = c.words.at(index);
  return word?.kind === 'word' && word.arabic && word.text.startsWith('و') ? c.t.weekdays.matchAt(c.words, index) : undefined;
}

/** "vendredi", "samedi dernier", "Friday night", "last Saturday", "مساء الجمعة", "ليل الخميس الجمعة", "vendredi 24". */
function parseWeekday(c: Context, index: number): Found | undefined {
  const spanOpener = c.t.weekdaySpanOpeners.matchAt(c.words, index);
  if (spanOpener !== undefined) {
    const first = c.t.weekdays.matchAt(c.words, spanOpener.next);
    const joined = first === undefined ? undefined : (c.t.weekdaySpanJoiners.matchAt(c.words, first.next)?.next ?? first.next);
    const second = joined === undefined ? undefined : c.t.weekdays.matchAt(c.words, joined);
    if (first !== undefined && second !== undefined) return { next: second.next, spec: { kind: 'weekdays', from: first.payload, to: second.payload }, start: spanOpener.start };
  }
  const before = c.t.weekdayBefore.matchAt(c.words, index);
  const named = c.t.weekdays.matchAt(c.words, before?.next ?? index) ?? (before === undefined ? undefined : c.t.weekdays.matchAt(c.words, index));
  if (named === undefined) return undefined;
  const modifier = named.first === index ? undefined : before?.payload;
  const start = named.first === index ? named.start : before?.start;
  const after = c.t.weekdayAfter.matchAt(c.words, named.next);
  let next = after?.next ?? named.next;
  // "jeudi soir et vendredi", "Thursday night into Friday", "يومي الثلاثاء والأربعاء": a span.
  const joined = c.t.weekdaySpanJoiners.matchAt(c.words, next);
  const second = joined === undefined ? weekdayAfterAttachedAnd(c, next) : c.t.weekdays.matchAt(c.words, joined.next);
  if (second !== undefined && second.payload !== named.payload && modifier?.when === undefined && after?.payload.when === undefined) {
    return { next: second.next, spec: { kind: 'weekdays', from: named.payload, to: second.payload }, start };
  }
  const when = modifier?.when ?? after?.payload.when ?? 'on-or-before';
  const day = c.words.at(next);
  let dayOfMonth: number | undefined;
  if (day?.kind === 'number' && day.text.length <= 2 && after === undefined && dayAt(c, next) !== undefined) {
    dayOfMonth = Number(day.text);
    next += 1;
  }
  if (modifier?.narrated === true && dayOfMonth === undefined) return { next, spec: { kind: 'none' }, start };
  return { next, spec: { kind: 'weekday', weekday: named.payload, when, eve: modifier?.eve, dayOfMonth }, start };
}

/** "il y a dix jours", "two weeks ago", "منذ ثلاثة أيام", "قبل يومين". */
function parseAgo(c: Context, index: number): Found | undefined {
  const before = c.t.agoBefore.matchAt(c.words, index);
  const at = before?.next ?? index;
  if (before !== undefined && c.t.languages.has('ar')) {
    const dual = c.t.dualUnits.matchAt(c.words, at);
    if (dual !== undefined) return { next: dual.next, spec: { kind: 'ago', unit: dual.payload, amount: 2 }, start: before.start };
    const single = c.t.agoUnits.matchAt(c.words, at);
    // "منذ عام 2015" is since the year 2015, not a year ago.
    const yearAfter = single !== undefined && c.words.at(single.next)?.kind === 'number';
    if (single !== undefined && !yearAfter && c.words.at(at)?.arabic === true) return { next: single.next, spec: { kind: 'ago', unit: single.payload, amount: 1 }, start: before.start };
  }
  const one = c.t.one.matchAt(c.words, at);
  const number = one === undefined ? readNumberAt(c.words, at, c.t.languages) : undefined;
  if (number !== undefined && 'decimal' in number) return undefined;
  const amount = one !== undefined ? 1 : number?.value;
  const unitAt = one?.next ?? number?.next;
  if (amount === undefined || unitAt === undefined) return undefined;
  const unit = c.t.agoUnits.matchAt(c.words, unitAt);
  if (unit === undefined) return undefined;
  if (before !== undefined) return { next: unit.next, spec: { kind: 'ago', unit: unit.payload, amount }, start: before.start };
  const after = c.t.agoAfter.matchAt(c.words, unit.next);
  return after === undefined ? undefined : { next: after.next, spec: { kind: 'ago', unit: unit.payload, amount } };
}

/**
 * Whether any date may start at word `index`: most words start none. At a
 * word that is no figure, a date starts with an article before a day or
 * with a phrase of one of the starting tables, which every parser looks for
 * at `index` first; so the phrase is matched here, not only its first word:
 * "the", "l'", "a", "les", "at" begin such a phrase's first word far more
 * often than they begin a date.
 */
function mayStartDate(c: Context, index: number): boolean {
  const word = c.words.list[index];
  if (word.kind === 'number') return figureMayStartDate(c, index);
  if (word.kind !== 'word' || !mayStartByText(c.t, word)) return false;
  if (word.text === 'premier' || mayStartNumber(word, c.t.languages)) return true;
  if ((word.text === 'le' || word.text === 'the') && skipDayArticle(c, index) > index && dayAt(c, index + 1) !== undefined) return true;
  return startsPhrase(c, index);
}

/** How many texts mayStartByText remembers per set of tables before it starts over: a claim's words come from a vocabulary of some thousands. */
const REMEMBERED_TEXTS = 16384;

/**
 * Whether a date may start at a word (no figure) by what mayStartDate's tests
 * ask of the word alone, remembered per text: most words ("soldiers", "tués")
 * start none of the tables, which one look-up then tells instead of one per
 * test (startsPhrase holds only where one of the two PhraseStarts'
 * `mayStartAt` does). An Arabic word's stems are read too: it is left to the
 * tests.
 */
function mayStartByText(t: Tables, word: Word): boolean {
  if (word.stems !== undefined) return true;
  let may = t.startTexts.get(word.text);
  if (may === undefined) {
    if (t.startTexts.size >= REMEMBERED_TEXTS) t.startTexts.clear();
    may = mayStartByWord(t, word);
    t.startTexts.set(word.text, may);
  }
  return may;
}

function mayStartByWord(t: Tables, word: Word): boolean {
  return word.text === 'premier' || word.text === 'le' || word.text === 'the' || mayStartNumber(word, t.languages) || t.starts.mayStartAt(word) || t.openerStarts.mayStartAt(word);
}

/** The marks between the parts of a date written in figures (parseNumeric). */
const NUMERIC_DATE_MARKS: ReadonlySet<string> = new Set(['/', '.', '-']);

/**
 * Whether a date may start at a figure: ten in eleven are counts, years after
 * a cue, parts of other figures. No table a date starts with holds a figure,
 * so from one only three readings can start, and each is told by the words
 * right after it: a date in figures (2023-11-24: an attached mark), a day
 * (24 novembre, 25-27 juillet, 24th of November: a day of the month, then a
 * month, a link to one or a range joiner), or a time ago (10 days ago: the
 * number, then a unit).
 */
function figureMayStartDate(c: Context, index: number): boolean {
  const after = c.words.at(index + 1);
  if (after !== undefined && after.kind === 'mark' && !after.spaced && NUMERIC_DATE_MARKS.has(after.text)) return true;
  const day = dayAt(c, index);
  const next = day === undefined ? undefined : c.words.at(day.next);
  if (next !== undefined) {
    if (next.kind === 'mark' && (next.text === '-' || next.text === '\u2014')) return true;
    const t = c.t;
    if (t.months.mayStartAt(next) || t.monthAbbreviations.mayStartAt(next) || t.dayMonthLinks.mayStartAt(next) || t.rangeJoiners.mayStartAt(next)) return true;
  }
  const number = readNumberAt(c.words, index, c.t.languages);
  if (number !== undefined && !('decimal' in number) && c.t.agoUnits.matchAt(c.words, number.next) !== undefined) return true;
  // A table with a phrase that may start anywhere (a prefix or a gap first) is tried here too.
  return startsPhrase(c, index);
}

/** Whether a phrase of a table a date may start with starts at word `index`, and, for an opener, what it opens may follow it. */
function startsPhrase(c: Context, index: number): boolean {
  if (c.t.starts.matchesAt(c.words, index)) return true;
  const word = c.words.list[index];
  // "the", "l", "a", "les", "entre" start an opener's phrase at a tenth of the words scanned: their text says which openers to try.
  const letters = c.t.openerPrefixLetters;
  if (word.stems === undefined && letters !== undefined && !letters.has(word.text[0])) {
    const openers = c.t.openersByText.get(word.text);
    return openers !== undefined && opens(c, index, openers);
  }
  if (!c.t.openerStarts.mayStartAt(word)) return false;
  return opens(c, index, c.t.openers, word);
}

/** Whether a phrase of one of the openers (those whose table may start at `word`, when given) starts at word `index`, and what it opens follows it. */
function opens(c: Context, index: number, openers: readonly Opener[], word?: Word): boolean {
  for (const { table, follows } of openers) {
    if (word !== undefined && !table.mayStartAt(word)) continue;
    const opened = table.matchAt(c.words, index);
    if (opened !== undefined && follows(c, opened.next)) return true;
  }
  return false;
}

const PARSERS: readonly ((c: Context, index: number) => Found | undefined)[] = [
  parseNumeric,
  parseDayFirst,
  parseMonthFirst,
  parseMonthPart,
  parseMonth,
  parseYear,
  parseAgo,
  parseRelative,
  parseWeekday,
];

function monthOrder(language: string | undefined, languages: ReadonlySet<Language>): Context['monthFirst'] {
  if (readsMonthFirst(language)) return 'yes';
  return languages.has('en') && !/^en[-_]gb$/iu.test(language ?? '') ? 'ambiguous' : 'no';
}

/** The date expressions in some words, leftmost first, then longest; never overlapping. Kept on the words for the next reader. */
export function findDateExpressions(words: Words, options: ReadOptions = {}): readonly DateExpression[] {
  return dateExpressionsBefore(words, options, words.length);
}

/**
 * The date expressions found so far, holding every one that starts before
 * word `next`: the scan goes left to right and stops once past it (a date
 * read at a word starts at most EVENT_DAY_LOOKBACK words before it), to go
 * on from there when asked further. The count reader asks only as far as a
 * count may start, and most claims with a count have no count after their
 * figure: the words after it are scanned only if the date reader asks.
 */
export function dateExpressionsBefore(words: Words, options: ReadOptions, next: number): readonly DateExpression[] {
  let kept = words.dateExpressions;
  if (kept === undefined || kept.language !== options.language) words.dateExpressions = kept = { language: options.language, found: [], scanned: 0 };
  const until = next >= words.length ? words.length : next + EVENT_DAY_LOOKBACK;
  if (kept.scanned < until) kept.scanned = recognizeDates(words, options.language, kept.found, kept.scanned, Math.min(until, words.length));
  return kept.found;
}

/** The tables and month order last asked for: every claim of a report asks for the same ones, one after the other. */
let lastLanguage: { readonly language: string | undefined; readonly t: Tables; readonly monthFirst: Context['monthFirst'] } | undefined;

function contextOf(words: Words, language: string | undefined): Context {
  if (lastLanguage === undefined || lastLanguage.language !== language) {
    const languages = languagesOf(language);
    lastLanguage = { language, t: tablesFor(languages), monthFirst: monthOrder(language, languages) };
  }
  return { words, t: lastLanguage.t, monthFirst: lastLanguage.monthFirst };
}

/** The longest date the parsers read from word `index`. */
function dateAt(c: Context, index: number): Found | undefined {
  let best: Found | undefined;
  for (const parse of PARSERS) {
    const candidate = parse(c, index);
    if (candidate !== undefined && candidate.next > index && (best === undefined || candidate.next > best.next)) best = candidate;
  }
  return best;
}

/**
 * Per word, whether the parsers are tried there (mayStartDate) and whether
 * they read a date there when tried: the tests hold the first to be true
 * wherever the second is.
 */
export function dateStartsOf(words: Words, language?: string): { readonly tried: boolean; readonly read: boolean }[] {
  const c = contextOf(words, language);
  return words.list.map((_, index) => ({ tried: mayStartDate(c, index), read: dateAt(c, index) !== undefined }));
}

/**
 * Scans words `[from, …)` for dates into `found`, leftmost then longest,
 * until a word at or past `until` is reached; returns where the scan stopped
 * (a date read may end past `until`). Every date that starts before the
 * stop is in `found`, and a scan resumed there finds what one unpaused would.
 */
function recognizeDates(words: Words, language: string | undefined, found: DateExpression[], from: number, until: number): number {
  const c = contextOf(words, language);
  let index = from;
  while (index < until) {
    const best = mayStartDate(c, index) ? dateAt(c, index) : undefined;
    if (best === undefined) {
      index++;
      continue;
    }
    const first = best.from ?? index;
    const start = best.from === undefined && best.start !== undefined ? best.start : words.list[first].start;
    found.push({ first, next: best.next, start, end: words.list[best.next - 1].end, spec: best.spec });
    index = best.next;
  }
  return index;
}

// ---------------------------------------------------------------------------
// Resolution

interface Resolved {
  readonly value: string | null;
  readonly note: string;
  readonly kind: DateKind;
  readonly yearGuessed?: boolean;
  readonly weekdays?: readonly number[];
  readonly otherWeek?: string;
  readonly eventOffset?: number;
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The three years around publication, the one that puts a day (or month) nearest to `published` first (the earlier on a tie). */
function yearsByNearness(published: Published, month: number, day?: number): number[] {
  const base = civilDate(published.first).year;
  const distance = (year: number) => {
    const first = dayNumber(year, month, day ?? 1);
    const last = day === undefined ? dayNumber(year, month, daysInMonth(year, month)) : first;
    return Math.max(0, published.first - last, first - published.last);
  };
  return [base - 1, base, base + 1].sort((a, b) => distance(a) - distance(b));
}

/** The year, among the three around publication, that puts a day (or month) nearest to `published`. */
function nearestYear(published: Published, month: number, day?: number): number {
  return yearsByNearness(published, month, day)[0];
}

/** The year, among the three around publication and nearest it first, in which a day of the month falls on a weekday. */
function yearOfWeekday(published: Published, date: DayRef, weekday: number): number | undefined {
  return yearsByNearness(published, date.month, date.day).find((year) => date.day <= daysInMonth(year, date.month) && weekdayOf(dayNumber(year, date.month, date.day)) === weekday);
}

/**
 * A day of the calendar. Without a year in the words, a weekday that goes
 * with the day picks it ("dimanche 27 mars" read in May 2023 is 27 March
 * 2022, a Sunday); else it is the year nearest to publication, a guess.
 */
function dayOf(date: DayRef, published: Published | undefined, weekday?: number): { days: number; inferred: boolean; guessed: boolean } | undefined {
  const byWeekday = date.year === undefined && weekday !== undefined && published !== undefined ? yearOfWeekday(published, date, weekday) : undefined;
  const year = date.year ?? byWeekday ?? (published === undefined ? undefined : nearestYear(published, date.month, Math.min(date.day, 28)));
  if (year === undefined || date.day > daysInMonth(year, date.month)) return undefined;
  return { days: dayNumber(year, date.month, date.day), inferred: date.year === undefined, guessed: date.year === undefined && byWeekday === undefined };
}

const needsPublished = (what: string, published: Published | undefined): Resolved => ({
  value: null,
  note: published === undefined ? `${what} needs the document's published date` : `${what} needs a ${what.includes('day') ? 'full-day' : 'more precise'} published date, not ${published.text}`,
  kind: 'relative',
});

function fromPublished(published: Published, ...parts: string[]): string {
  return `${parts.join(' ')}${parts.length > 0 ? ' ' : ''}(published ${published.text})`;
}

function resolve(spec: DateSpec, published: Published | undefined): Resolved | undefined {
  const fullDay = published?.precision === 'day' ? published.first : undefined;
  switch (spec.kind) {
    case 'none':
      return undefined;
    case 'day': {
      const day = dayOf(spec.date, published, spec.weekday);
      if (day === undefined) return spec.date.year === undefined && published === undefined ? needsPublished('a date without a year', published) : undefined;
      const mismatch = spec.weekday !== undefined && weekdayOf(day.days) !== spec.weekday ? `; the text's ${WEEKDAY_NAMES[spec.weekday]} is not that day` : '';
      const year =
        !day.inferred || published === undefined
          ? ''
          : day.guessed
            ? `the year nearest to publication (${published.text})`
            : `the year near publication (${published.text}) in which it is a ${WEEKDAY_NAMES[spec.weekday ?? 0]}`;
      return { value: isoDay(day.days), note: [year, mismatch.slice(2)].filter((n) => n !== '').join('; '), kind: day.inferred ? 'relative' : 'absolute', yearGuessed: day.guessed };
    }
    case 'days': {
      const to = dayOf(spec.to, published);
      if (to === undefined) return spec.to.year === undefined && published === undefined ? needsPublished('a date without a year', published) : undefined;
      const toYear = civilDate(to.days).year;
      const fromYear = spec.from.year ?? (spec.from.month > spec.to.month ? toYear - 1 : toYear);
      const from = dayOf({ ...spec.from, year: fromYear }, published);
      if (from === undefined || from.days >= to.days) return undefined;
      return { value: isoDays(from.days, to.days), note: to.inferred && published !== undefined ? `the year nearest to publication (${published.text})` : '', kind: to.inferred ? 'relative' : 'absolute', yearGuessed: to.guessed };
    }
    case 'month': {
      let year = spec.year;
      let note = '';
      if (year === undefined) {
        if (published === undefined) return needsPublished('a month without a year', published);
        const month = publishedMonth(published) ?? { year: civilDate(published.first).year, month: civilDate(published.first).month };
        if (spec.last) {
          year = spec.month < month.month ? month.year : month.year - 1;
          note = `the last ${MONTH_NAMES[spec.month - 1]} before publication (${published.text})`;
        } else {
          year = nearestYear(published, spec.month);
          note = `the year nearest to publication (${published.text})`;
        }
      }
      const kind: DateKind = spec.year === undefined ? 'relative' : 'absolute';
      // "en mars dernier" says which March; "en mars" leaves the year to the nearest.
      const yearGuessed = spec.year === undefined && spec.last !== true;
      if (spec.part === undefined) return { value: isoMonth(year, spec.month), note, kind, yearGuessed };
      const [firstDay, lastDay] = monthPartDays(spec.part, daysInMonth(year, spec.month));
      const partNote = `${MONTH_PART_NAMES[spec.part]}: days ${firstDay}–${lastDay}`;
      return { value: isoDays(dayNumber(year, spec.month, firstDay), dayNumber(year, spec.month, lastDay)), note: [partNote, note].filter((n) => n !== '').join('; '), kind, yearGuessed };
    }
    case 'year':
      return { value: isoYear(spec.year), note: '', kind: 'absolute' };
    case 'year-part': {
      const publishedIn = published === undefined ? undefined : publishedYear(published);
      const year = spec.year ?? (publishedIn === undefined ? undefined : publishedIn + (spec.offset ?? 0));
      if (year === undefined) return needsPublished('a part of a relative year', published);
      const [first, last] = YEAR_PART_MONTHS[spec.part];
      const note = `${spec.part} year: ${MONTH_NAMES[first - 1]} to ${MONTH_NAMES[last - 1]}`;
      return { value: `${isoMonth(year, first)}..${isoMonth(year, last)}`, note: spec.year === undefined && published !== undefined ? `${note}; ${fromPublished(published)}` : note, kind: spec.year === undefined ? 'relative' : 'absolute' };
    }
    case 'event-day':
      return { value: null, note: `${spec.label}: a day of the event's date, not of publication`, kind: 'relative', eventOffset: spec.offset };
    case 'offset':
      if (fullDay === undefined || published === undefined) return needsPublished(`a relative day (${spec.label})`, published);
      return { value: isoDays(fullDay + spec.from, fullDay + spec.to), note: fromPublished(published, spec.label), kind: 'relative' };
    case 'weekday': {
      const name = WEEKDAY_NAMES[spec.weekday];
      if (fullDay === undefined || published === undefined) return needsPublished(`a weekday (${name}) as a relative day`, published);
      const back = (weekdayOf(fullDay) - spec.weekday + 7) % 7;
      let day: number;
      let how: string;
      if (spec.when === 'after') {
        day = fullDay + ((spec.weekday - weekdayOf(fullDay) + 7) % 7 || 7);
        how = `the next ${name} after publication`;
      } else if (spec.when === 'before') {
        day = fullDay - (back || 7);
        how = `the last ${name} before publication`;
      } else if (spec.when === 'last-week') {
        day = fullDay - weekdayOf(fullDay) - 7 + spec.weekday;
        how = `the ${name} of the week before publication's`;
      } else {
        day = fullDay - back;
        how = `the ${name} on or before publication`;
      }
      if (spec.dayOfMonth !== undefined && civilDate(day).day !== spec.dayOfMonth) return undefined;
      const weekdays = spec.dayOfMonth !== undefined ? undefined : spec.eve ? [(spec.weekday + 6) % 7, spec.weekday] : [spec.weekday];
      const shift = spec.dayOfMonth !== undefined ? 0 : spec.when === 'on-or-before' ? 7 : spec.when === 'before' && back > 0 ? -7 : 0;
      const other = day + shift;
      if (spec.eve) {
        return { value: isoDays(day - 1, day), note: fromPublished(published, `the night before ${how}`), kind: 'relative', weekdays, ...(shift === 0 ? {} : { otherWeek: isoDays(other - 1, other) }) };
      }
      return { value: isoDay(day), note: fromPublished(published, how), kind: 'relative', weekdays, ...(shift === 0 ? {} : { otherWeek: isoDay(other) }) };
    }
    case 'weekdays': {
      if (fullDay === undefined || published === undefined) return needsPublished('weekdays as relative days', published);
      const to = fullDay - ((weekdayOf(fullDay) - spec.to + 7) % 7);
      const from = to - ((spec.to - spec.from + 7) % 7 || 7);
      const weekdays = Array.from({ length: to - from + 1 }, (_, k) => (spec.from + k) % 7);
      return { value: isoDays(from, to), note: fromPublished(published, `${WEEKDAY_NAMES[spec.from]} to the ${WEEKDAY_NAMES[spec.to]} on or before publication`), kind: 'relative', weekdays };
    }
    case 'week': {
      if (fullDay === undefined || published === undefined) return needsPublished('a relative week (as days)', published);
      const monday = fullDay - weekdayOf(fullDay);
      if (spec.offset === 0) return { value: isoDays(monday, fullDay), note: fromPublished(published, 'Monday of the week of publication to publication'), kind: 'relative' };
      return { value: isoDays(monday - 7, monday - 1), note: fromPublished(published, 'Monday to Sunday of the week before publication'), kind: 'relative' };
    }
    case 'weekend': {
      if (fullDay === undefined || published === undefined) return needsPublished('a relative weekend (as days)', published);
      if (spec.last) {
        const sunday = fullDay - ((weekdayOf(fullDay) - 6 + 7) % 7 || 7);
        return { value: isoDays(sunday - 1, sunday), note: fromPublished(published, 'the last weekend that ended before publication'), kind: 'relative' };
      }
      const saturday = fullDay - ((weekdayOf(fullDay) - 5 + 7) % 7);
      return { value: isoDays(saturday, saturday + 1), note: fromPublished(published, 'the weekend on or before publication'), kind: 'relative' };
    }
    case 'this-month': {
      const month = published === undefined ? undefined : publishedMonth(published);
      if (month === undefined || published === undefined) return needsPublished('a relative month', published);
      const target = addMonths(month.year, month.month, spec.offset);
      return { value: isoMonth(target.year, target.month), note: fromPublished(published), kind: 'relative' };
    }
    case 'this-year': {
      const year = published === undefined ? undefined : publishedYear(published);
      if (year === undefined || published === undefined) return needsPublished('a relative year', published);
      return { value: isoYear(year + spec.offset), note: fromPublished(published), kind: 'relative' };
    }
    case 'ago':
      return resolveAgo(spec.unit, spec.amount, published, fullDay);
  }
}

/** How far "a week ago" may be from seven days exactly: the words are not precise to the day. */
const WEEK_SLACK = 3;

function resolveAgo(unit: Unit, amount: number, published: Published | undefined, fullDay: number | undefined): Resolved {
  if (unit === 'day' || unit === 'week') {
    if (fullDay === undefined || published === undefined) return needsPublished(`"${amount} ${unit}${amount === 1 ? '' : 's'} ago" (relative days)`, published);
    if (unit === 'day') return { value: isoDay(fullDay - amount), note: fromPublished(published, `${amount} days before publication`), kind: 'relative' };
    const centre = fullDay - 7 * amount;
    return { value: isoDays(centre - WEEK_SLACK, centre + WEEK_SLACK), note: fromPublished(published, `${amount} week${amount === 1 ? '' : 's'} before publication, ±${WEEK_SLACK} days`), kind: 'relative' };
  }
  if (unit === 'month') {
    const month = published === undefined ? undefined : publishedMonth(published);
    if (month === undefined || published === undefined) return needsPublished('a relative month', published);
    const target = addMonths(month.year, month.month, -amount);
    return { value: isoMonth(target.year, target.month), note: fromPublished(published, `${amount} month${amount === 1 ? '' : 's'} before publication`), kind: 'relative' };
  }
  const year = published === undefined ? undefined : publishedYear(published);
  if (year === undefined || published === undefined) return needsPublished('a relative year', published);
  return { value: isoYear(year - amount), note: fromPublished(published, `${amount} year${amount === 1 ? '' : 's'} before publication`), kind: 'relative' };
}

/**
 * The dates in a passage, in text order, as the markup writes them. A
 * reading with a null value is a date the document's `published` date is not
 * precise enough to resolve; its `why` says what is missing.
 */
export function readDates(input: ReadInput, options: ReadOptions = {}): DateReading[] {
  const words = wordsOf(input);
  const published = readPublished(options.published);
  const readings: DateReading[] = [];
  for (const expression of findDateExpressions(words, options)) {
    const resolved = resolve(expression.spec, published);
    if (resolved === undefined) continue;
    const quote = quoted(words, expression.start, expression.end);
    const note = resolved.note === '' ? '' : ` (${resolved.note})`;
    readings.push({
      start: expression.start,
      end: expression.end,
      words: words.text.slice(expression.start, expression.end),
      value: resolved.value,
      kind: resolved.kind,
      yearGuessed: resolved.yearGuessed === true,
      ...(resolved.weekdays === undefined ? {} : { weekdays: resolved.weekdays }),
      ...(resolved.otherWeek === undefined ? {} : { otherWeek: resolved.otherWeek }),
      ...(resolved.eventOffset === undefined ? {} : { eventOffset: resolved.eventOffset }),
      why: resolved.value === null ? `${quote}: ${resolved.note}` : `${quote} → ${resolved.value}${note}`,
    });
  }
  return joinedSpans(words, readings, joinedReading);
}

/** A date as readDateValues reads it: where, and what, without the words' text or why. */
export type DateValue = Omit<DateReading, 'words' | 'why'>;

/**
 * The dates readDates reads, their values and places only: for a reader
 * that only asks whether one disagrees with a value (the value check, at
 * every claim, where the text and the line of why of each were made for
 * nothing in nearly all).
 */
export function readDateValues(words: Words, options: ReadOptions): DateValue[] {
  const published = readPublished(options.published);
  const readings: DateValue[] = [];
  for (const expression of findDateExpressions(words, options)) {
    const resolved = resolve(expression.spec, published);
    if (resolved === undefined) continue;
    // The fields in readDates' order, set one by one rather than spread from objects made for each.
    const reading: { -readonly [K in keyof DateValue]: DateValue[K] } = { start: expression.start, end: expression.end, value: resolved.value, kind: resolved.kind, yearGuessed: resolved.yearGuessed === true };
    if (resolved.weekdays !== undefined) reading.weekdays = resolved.weekdays;
    if (resolved.otherWeek !== undefined) reading.otherWeek = resolved.otherWeek;
    if (resolved.eventOffset !== undefined) reading.eventOffset = resolved.eventOffset;
    readings.push(reading);
  }
  return joinedSpans(words, readings, joinedValue);
}

/** Two dates read as one span, from the first's start to the second's end, with the value given. */
type DateJoiner<T extends DateValue> = (words: Words, first: T, second: T, value: string, yearGuessed: boolean) => T;

function joinedReading(words: Words, first: DateReading, second: DateReading, value: string, yearGuessed: boolean): DateReading {
  const quote = quoted(words, first.start, second.end);
  return { ...first, end: second.end, words: words.text.slice(first.start, second.end), value, yearGuessed, why: `${quote} → ${value} (${first.why}; ${second.why})` };
}

function joinedValue(_words: Words, first: DateValue, second: DateValue, value: string, yearGuessed: boolean): DateValue {
  return { ...first, end: second.end, value, yearGuessed };
}

/** Words before a day that open a span to a later one: "de lundi matin jusque…", "from Monday until…", "من صباح الاثنين حتى…". */
const SPAN_FROM: ReadonlySet<string> = new Set(['de', 'du', 'depuis', 'from', ...['من', 'منذ'].map((word) => foldText(word).folded)]);
/** Words between the two days of such a span: "jusque dans", "jusqu'à", "until", "حتى". */
const SPAN_UNTIL: ReadonlySet<string> = new Set(['jusque', 'jusqu', 'dans', 'a', 'au', 'until', 'till', 'through', ...['حتى', 'إلى', 'الى'].map((word) => foldText(word).folded)]);
const SPAN_UNTIL_OPENERS: ReadonlySet<string> = new Set(['jusque', 'jusqu', 'until', 'till', 'through', ...['حتى', 'إلى', 'الى'].map((word) => foldText(word).folded)]);

/** The first and last day of a value read to the day ("2019-09-30", "2019-09-30..2019-10-01"). */
function dayRange(value: string | null): { low: number; high: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:\.\.(\d{4})-(\d{2})-(\d{2}))?$/u.exec(value ?? '');
  if (match === null) return undefined;
  const low = dayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
  return { low, high: match[4] === undefined ? low : dayNumber(Number(match[4]), Number(match[5]), Number(match[6])) };
}

/**
 * Two days read as one span where the words run from the first to the
 * second: "de lundi matin jusque dans la nuit de lundi à mardi" is Monday
 * to Tuesday, "from Monday morning until Tuesday night", "من صباح الاثنين حتى
 * مساء الثلاثاء".
 */
function joinedSpans<T extends DateValue>(words: Words, readings: T[], join: DateJoiner<T>): T[] {
  if (readings.length < 2) return readings;
  const joined: T[] = [];
  // One pass over the words: the index of each reading's first word.
  const firstWords: number[] = [];
  for (let k = 0, r = 0; r < readings.length; k++) {
    if (k >= words.length || words.list[k].start >= readings[r].start) firstWords[r++] = k--;
  }
  for (let i = 0; i < readings.length; i++) {
    const [first, second] = [readings[i], readings[i + 1]];
    const opener = words.at(firstWords[i] - 1);
    const from = dayRange(first.value);
    const to = second === undefined ? undefined : dayRange(second.value);
    if (second === undefined || opener === undefined || !SPAN_FROM.has(opener.text) || from === undefined || to === undefined || to.high < from.low || !runsUntil(words, first.end, firstWords[i + 1])) {
      joined.push(first);
      continue;
    }
    joined.push(join(words, first, second, isoDays(from.low, to.high), first.yearGuessed && second.yearGuessed));
    i++;
  }
  return joined;
}

/** Whether the words from offset `end` up to word `next` say "until": "jusque dans", "jusqu'à", "until", "حتى". */
function runsUntil(words: Words, end: number, next: number): boolean {
  let k = next - 1;
  while (k >= 0 && words.list[k].start >= end) k--;
  const between = words.list.slice(k + 1, next);
  return (
    between.length > 0 &&
    SPAN_UNTIL_OPENERS.has(between[0].text) &&
    between.every((word) => (word.kind === 'mark' ? word.text === "'" || word.text === '’' : SPAN_UNTIL.has(word.text)))
  );
}

/**
 * Words before a day that make it the first day of a number of days:
 * "starting on Tuesday", "à compter du 4", "بدءا من"; "observe depuis mardi
 * un deuil de trois jours", "has observed… since Tuesday".
 */
const PERIOD_STARTS: ReadonlySet<string> = new Set([
  // "from" only where a number of days stands by the day: "72 hours of national mourning from Tuesday".
  ...['starting', 'beginning', 'began', 'begins', 'started', 'starts', 'since', 'from'],
  ...['compter', 'partir', 'debute', 'commence', 'depuis'],
  ...['بدءا', 'ابتداء', 'اعتبارا', 'بدأت', 'بدأ', 'تبدأ', 'يبدأ'].map((word) => foldText(word).folded),
]);
/** Words before a day that make it the last: "ended on Thursday", "s'est achevé dimanche", "انتهى". */
const PERIOD_ENDS: ReadonlySet<string> = new Set([
  ...['ended', 'ends', 'ending', 'until'],
  ...['acheve', 'achevee', 'termine', 'terminee'],
  ...['انتهى', 'انتهت', 'ينتهي', 'تنتهي'].map((word) => foldText(word).folded),
]);
/** How many words may lie between such a word and its day ("began in [Mali] yesterday, Friday", "ended on"). */
const PERIOD_CUE_WORDS = 4;

/**
 * The days a number of days covers from or to a day the words give: "three
 * days of national mourning starting on Tuesday" (published on Wednesday
 * 24 March 2021) is 2021-03-23..2021-03-25, "the three days… ended on
 * Thursday" the three days up to Thursday. Undefined when the day is no
 * single day or no word before it says where the days start or end; `days`,
 * the number of days the passage gives, is asked only then.
 */
export function periodOfDays(words: Words, reading: DateReading, days: () => number | undefined): string | undefined {
  const day = dayRange(reading.value);
  if (day === undefined || day.low !== day.high) return undefined;
  const at = words.list.findIndex((word) => word.start >= reading.start);
  const before = words.list.slice(Math.max(0, at - PERIOD_CUE_WORDS), Math.max(0, at)).filter((word) => word.kind === 'word');
  // An Arabic cue may carry a proclitic: "وانتهى يوم الخميس الحداد…".
  const says = (cues: ReadonlySet<string>) => before.some((word) => cues.has(word.text) || word.stems?.some(({ stem }) => cues.has(stem)) === true);
  const starts = says(PERIOD_STARTS);
  if (!starts && !says(PERIOD_ENDS)) return undefined;
  // Read only where a cue says the day starts or ends a number of days.
  const count = days();
  if (count === undefined || !Number.isInteger(count) || count < 2) return undefined;
  return starts ? isoDays(day.low, day.low + count - 1) : isoDays(day.low - count + 1, day.low);
}
