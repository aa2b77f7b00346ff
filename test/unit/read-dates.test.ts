// The date reader, as a table: (words, language, published) → the markup's
// date values, with ⟦ ⟧ around the exact words each is read from. Unless a
// row says otherwise, the report was published on Saturday 25 November 2023,
// the day after the Niafunké attack. A value of null is a date the
// document's `published` date is not precise enough to resolve.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dayNumber, civilDate, isoDay, weekdayOf } from '../../server/src/engine/read/calendar';
import { periodOfDays, readDates } from '../../server/src/engine/read/dates';
import { readWords } from '../../server/src/engine/read/words';
import { readDate } from '../../server/src/engine/values';
import { assertReadings } from '../marked';

const SATURDAY = '2023-11-25';

type Row = readonly [text: string, published: string | undefined, ...values: (string | null)[]];

const FRENCH: readonly Row[] = [
  ['le ⟦24 novembre 2023⟧', SATURDAY, '2023-11-24'],
  ['le ⟦24 novembre⟧', SATURDAY, '2023-11-24'],
  ['a annoncé avoir capturé une base militaire le ⟦24 novembre⟧', '2023-11', '2023-11-24'],
  ['les deux opérations menées, ⟦vendredi 24 novembre⟧', SATURDAY, '2023-11-24'],
  ['le marché du ⟦dimanche 27 mars⟧', '2023-05-12', '2022-03-27'],
  ['a livré, ce ⟦samedi 25 novembre⟧, dans un communiqué', '2023-11', '2023-11-25'],
  ['le ⟦1er décembre⟧', SATURDAY, '2023-12-01'],
  ['le ⟦premier décembre⟧', SATURDAY, '2023-12-01'],
  ['⟦24/11/2023⟧', SATURDAY, '2023-11-24'],
  ['⟦24.11.2023⟧', SATURDAY, '2023-11-24'],
  ['⟦2023-11-24⟧', SATURDAY, '2023-11-24'],
  ['a revendiqué la prise ⟦vendredi⟧ d’un camp de l’armée malienne', SATURDAY, '2023-11-24'],
  ['La communication a été authentifiée ⟦samedi⟧ par SITE', SATURDAY, '2023-11-25'],
  ['⟦hier⟧', SATURDAY, '2023-11-24'],
  ['⟦hier soir⟧', SATURDAY, '2023-11-24'],
  ['⟦avant-hier⟧', SATURDAY, '2023-11-23'],
  ['⟦aujourd’hui⟧', SATURDAY, '2023-11-25'],
  ['⟦samedi dernier⟧', SATURDAY, '2023-11-18'],
  ['attaqué ⟦jeudi de la semaine dernière⟧', SATURDAY, '2023-11-16'],
  ['⟦mardi soir⟧', SATURDAY, '2023-11-21'],
  ['⟦lundi prochain⟧', SATURDAY, '2023-11-27'],
  ['à compter de ⟦demain dimanche⟧', SATURDAY, '2023-11-26'],
  ['⟦dans la nuit de jeudi à vendredi⟧', SATURDAY, '2023-11-23..2023-11-24'],
  ['tués ⟦mardi et mercredi⟧', SATURDAY, '2023-11-21..2023-11-22'],
  ['⟦cette semaine⟧', SATURDAY, '2023-11-20..2023-11-25'],
  ['⟦la semaine dernière⟧', SATURDAY, '2023-11-13..2023-11-19'],
  ['⟦le week-end dernier⟧', SATURDAY, '2023-11-18..2023-11-19'],
  ['⟦le week-end dernier⟧', '2023-11-27', '2023-11-25..2023-11-26'],
  ['⟦ce week-end⟧', SATURDAY, '2023-11-25..2023-11-26'],
  ['⟦le mois dernier⟧', SATURDAY, '2023-10'],
  ['⟦l’an dernier⟧', SATURDAY, '2022'],
  ['en ⟦novembre⟧', SATURDAY, '2023-11'],
  ['⟦novembre 2023⟧', SATURDAY, '2023-11'],
  ['⟦novembre dernier⟧', '2024-01-10', '2023-11'],
  ['⟦fin juillet⟧', SATURDAY, '2023-07-21..2023-07-31'],
  ['⟦à la fin du mois de juillet⟧', SATURDAY, '2023-07-21..2023-07-31'],
  ['⟦début novembre⟧', SATURDAY, '2023-11-01..2023-11-10'],
  ['⟦mi-novembre⟧', SATURDAY, '2023-11-11..2023-11-20'],
  ['⟦du 25 au 27 juillet⟧', SATURDAY, '2023-07-25..2023-07-27'],
  ['⟦entre le 25 et le 27 juillet⟧', SATURDAY, '2023-07-25..2023-07-27'],
  ['⟦les 25 et 26 novembre⟧', SATURDAY, '2023-11-25..2023-11-26'],
  ['⟦du 30 novembre au 2 décembre⟧', SATURDAY, '2023-11-30..2023-12-02'],
  ['⟦dans la nuit du 24 au 25 novembre⟧', SATURDAY, '2023-11-24..2023-11-25'],
  ['la reconquête de Kidal, ⟦il y a dix jours⟧', SATURDAY, '2023-11-15'],
  ['créée, ⟦il y a deux mois⟧, par le Mali', SATURDAY, '2023-09'],
  ['⟦il y a une semaine⟧', SATURDAY, '2023-11-15..2023-11-21'],
  ['en ⟦2023⟧', SATURDAY, '2023'],
  ['le ⟦28 décembre⟧', '2024-01-05', '2023-12-28'],
  // Relative days need a full published day; a date with no year needs a published date.
  ['⟦vendredi⟧', '2023-11', null],
  ['⟦hier⟧', undefined, null],
  ['le ⟦24 novembre⟧', undefined, null],
  // Not dates.
  ['le lendemain', SATURDAY],
  ['la veille', SATURDAY],
  ['la planète mars', SATURDAY],
  ['un homme de 24 ans', SATURDAY],
  ['47 morts', SATURDAY],
  ['vers 7 heures', SATURDAY],
  ['le 31 novembre', SATURDAY],
  ['le 24', SATURDAY],
  ['le report « ⟦au début de l’année 2020⟧ » du sommet', SATURDAY, '2020-01..2020-03'],
  ['reporté ⟦au début de 2020⟧', SATURDAY, '2020-01..2020-03'],
  ['⟦fin 2019⟧', SATURDAY, '2019-10..2019-12'],
  ['au cours de ⟦la dernière semaine d’août⟧', '2019-09-16', '2019-08-25..2019-08-31'],
  ['⟦la première semaine de juillet⟧', SATURDAY, '2023-07-01..2023-07-07'],
  // A week of something else than a month: no date, and not the week before publication either.
  ['pendant la dernière semaine de campagne', SATURDAY],
  // Since the start of a year is where background starts, no period of its own.
  ['des vols de bétail depuis le début de l’année', SATURDAY],
  ['⟦au début de l’année prochaine⟧', SATURDAY, '2024-01..2024-03'],
];

const ENGLISH: readonly Row[] = [
  ['The army said on ⟦Friday⟧ it had repelled', SATURDAY, '2023-11-24'],
  ['on ⟦Friday⟧', '2023-11-24', '2023-11-24'],
  ['⟦last Friday⟧', '2023-11-24', '2023-11-17'],
  ['⟦Nov. 24⟧', SATURDAY, '2023-11-24'],
  ['⟦Nov 24⟧', SATURDAY, '2023-11-24'],
  ['⟦November 24, 2023⟧', SATURDAY, '2023-11-24'],
  ['⟦Friday, Nov. 24⟧', SATURDAY, '2023-11-24'],
  ['market day, ⟦Sunday, March 27⟧', '2023-05-12', '2022-03-27'],
  ['⟦24 Nov 2023⟧', SATURDAY, '2023-11-24'],
  ['⟦24 November 2023⟧', SATURDAY, '2023-11-24'],
  ['on the ⟦24th of November⟧', SATURDAY, '2023-11-24'],
  ['⟦yesterday⟧', SATURDAY, '2023-11-24'],
  ['⟦the day before yesterday⟧', SATURDAY, '2023-11-23'],
  ['⟦today⟧', SATURDAY, '2023-11-25'],
  ['⟦last night⟧', SATURDAY, '2023-11-24..2023-11-25'],
  ['⟦last Saturday⟧', SATURDAY, '2023-11-18'],
  ['⟦Friday night⟧', SATURDAY, '2023-11-24'],
  ['⟦next Monday⟧', SATURDAY, '2023-11-27'],
  ['began early on ⟦Monday of last week⟧', SATURDAY, '2023-11-13'],
  ['on ⟦Thursday of last week⟧', '2023-11-20', '2023-11-16'],
  ['⟦Thursday night into Friday⟧', SATURDAY, '2023-11-23..2023-11-24'],
  ['killed on ⟦Tuesday and Wednesday⟧', SATURDAY, '2023-11-21..2023-11-22'],
  ['⟦between 25 and 27 July⟧', SATURDAY, '2023-07-25..2023-07-27'],
  ['⟦July 25-27⟧', SATURDAY, '2023-07-25..2023-07-27'],
  ['between ⟦July 25 and July 27⟧', SATURDAY, '2023-07-25..2023-07-27'],
  ['from ⟦November 30 to December 2⟧', SATURDAY, '2023-11-30..2023-12-02'],
  ['⟦30 November to 2 December⟧', SATURDAY, '2023-11-30..2023-12-02'],
  ['⟦late July⟧', SATURDAY, '2023-07-21..2023-07-31'],
  ['⟦In the last week of August⟧', '2019-09-16', '2019-08-25..2019-08-31'],
  ['⟦the final week of February 2024⟧', SATURDAY, '2024-02-23..2024-02-29'],
  ['⟦during the first week of November⟧', SATURDAY, '2023-11-01..2023-11-07'],
  ['⟦at the end of July⟧', SATURDAY, '2023-07-21..2023-07-31'],
  ['⟦early November⟧', SATURDAY, '2023-11-01..2023-11-10'],
  ['⟦mid-November⟧', SATURDAY, '2023-11-11..2023-11-20'],
  ['in ⟦November 2023⟧', SATURDAY, '2023-11'],
  ['in ⟦November⟧', SATURDAY, '2023-11'],
  ['in ⟦2023⟧', SATURDAY, '2023'],
  ['⟦three days ago⟧', SATURDAY, '2023-11-22'],
  ['⟦two weeks ago⟧', SATURDAY, '2023-11-08..2023-11-14'],
  ['⟦last week⟧', SATURDAY, '2023-11-13..2023-11-19'],
  ['⟦last weekend⟧', SATURDAY, '2023-11-18..2023-11-19'],
  ['⟦over the weekend⟧', '2023-11-27', '2023-11-25..2023-11-26'],
  ['⟦this week⟧', SATURDAY, '2023-11-20..2023-11-25'],
  ['⟦last month⟧', SATURDAY, '2023-10'],
  ['⟦last year⟧', SATURDAY, '2022'],
  ['⟦24/11/2023⟧', SATURDAY, '2023-11-24'],
  ['⟦on Friday⟧'.replace('⟦on ', 'on ⟦'), undefined, null],
  // Not dates.
  ['They may 5 times', SATURDAY],
  ['March on Bamako', SATURDAY],
  ['that day', SATURDAY],
  // A weekday the story has reached is no day counted from publication.
  ['⟦last Saturday⟧, ⟦27 July⟧, they said; two days earlier, on the Thursday, the column was hit', '2024-08-02', '2024-07-27', '2024-07-27'],
  ['that Friday, the village buried its dead', SATURDAY],
  ['on ⟦the Friday 24 November⟧', SATURDAY, '2023-11-24'],
  ['47 soldiers', SATURDAY],
  ['05/06/2023', SATURDAY],
  ['the summit would be put off until ⟦early next year⟧', SATURDAY, '2024-01..2024-03'],
  ['postponed to ⟦early 2020⟧', SATURDAY, '2020-01..2020-03'],
  ['⟦mid-2020⟧', SATURDAY, '2020-05..2020-08'],
  ['phone network outages since the start of the year', SATURDAY],
  ['in the last week of the campaign', SATURDAY],
  ['the talks are due to end ⟦at the end of the year⟧', SATURDAY, '2023-10..2023-12'],
];

const ARABIC: readonly Row[] = [
  ['في ⟦24 تشرين الثاني/نوفمبر 2023⟧', SATURDAY, '2023-11-24'],
  ['في ⟦24 نوفمبر⟧', SATURDAY, '2023-11-24'],
  ['قُتلوا ⟦يوم الأحد 27 مارس⟧', '2023-05-12', '2022-03-27'],
  ['⟦مساء الجمعة 24 نوفمبر⟧', SATURDAY, '2023-11-24'],
  ['في ⟦24 تشرين الثاني⟧', SATURDAY, '2023-11-24'],
  ['في ⟦24 نوفمبر (تشرين الثاني)⟧', SATURDAY, '2023-11-24'],
  ['في ⟦الرابع والعشرين من نوفمبر⟧', SATURDAY, '2023-11-24'],
  ['في ⟦الحادي عشر من نوفمبر⟧', SATURDAY, '2023-11-11'],
  ['في ⟦نوفمبر/تشرين الثاني 2023⟧', SATURDAY, '2023-11'],
  ['في ⟦نوفمبر⟧', SATURDAY, '2023-11'],
  ['⟦نوفمبر 2023⟧', SATURDAY, '2023-11'],
  ['⟦24 جانفي 2024⟧', SATURDAY, '2024-01-24'],
  ['⟦1 أيلول⟧', SATURDAY, '2023-09-01'],
  ['⟦24 كانون الأول⟧', SATURDAY, '2023-12-24'],
  ['⟦٢٤/١١/٢٠٢٣⟧', SATURDAY, '2023-11-24'],
  ['عام ⟦2023⟧', SATURDAY, '2023'],
  ['⟦أمس⟧', SATURDAY, '2023-11-24'],
  ['و⟦أمس⟧', SATURDAY, '2023-11-24'],
  ['⟦صباح أمس⟧', SATURDAY, '2023-11-24'],
  ['⟦أول أمس⟧', SATURDAY, '2023-11-23'],
  ['⟦اليوم⟧', SATURDAY, '2023-11-25'],
  ['⟦يوم الجمعة⟧', SATURDAY, '2023-11-24'],
  ['قتل 20 جنديا ⟦الجمعة⟧', SATURDAY, '2023-11-24'],
  ['⟦الجمعة الماضية⟧', SATURDAY, '2023-11-24'],
  ['⟦السبت الماضي⟧', SATURDAY, '2023-11-18'],
  ['⟦يوم الخميس من الأسبوع الماضي⟧', SATURDAY, '2023-11-16'],
  ['⟦السبت المقبل⟧', SATURDAY, '2023-12-02'],
  ['اعتبارا من ⟦يوم غد الأحد⟧', SATURDAY, '2023-11-26'],
  ['⟦مساء الجمعة⟧', SATURDAY, '2023-11-24'],
  ['⟦ليل الخميس الجمعة⟧', SATURDAY, '2023-11-23..2023-11-24'],
  ['⟦ليلة الجمعة⟧', SATURDAY, '2023-11-23..2023-11-24'],
  ['قتل خلال يومي ⟦الثلاثاء والأربعاء⟧', SATURDAY, '2023-11-21..2023-11-22'],
  ['⟦الثلاثاء و الأربعاء⟧', SATURDAY, '2023-11-21..2023-11-22'],
  ['⟦الثلاثاء⟧ ووصل الجيش', SATURDAY, '2023-11-21'],
  ['⟦منذ ثلاثة أيام⟧', SATURDAY, '2023-11-22'],
  ['منذ عام ⟦2015⟧', SATURDAY, '2015'],
  ['⟦قبل يومين⟧', SATURDAY, '2023-11-23'],
  ['⟦قبل شهرين⟧', SATURDAY, '2023-09'],
  ['⟦أواخر يوليو⟧', SATURDAY, '2023-07-21..2023-07-31'],
  ['⟦الأسبوع الأخير من أغسطس⟧', '2019-09-16', '2019-08-25..2019-08-31'],
  ['⟦آخر أسبوع من يوليو⟧', SATURDAY, '2023-07-25..2023-07-31'],
  ['⟦الأسبوع الأول من نوفمبر⟧', SATURDAY, '2023-11-01..2023-11-07'],
  ['⟦مطلع نوفمبر⟧', SATURDAY, '2023-11-01..2023-11-10'],
  ['⟦منتصف نوفمبر⟧', SATURDAY, '2023-11-11..2023-11-20'],
  ['⟦بين 25 و27 يوليو⟧', SATURDAY, '2023-07-25..2023-07-27'],
  ['⟦من 25 إلى 27 يوليو⟧', SATURDAY, '2023-07-25..2023-07-27'],
  ['⟦الأسبوع الماضي⟧', SATURDAY, '2023-11-13..2023-11-19'],
  ['⟦الشهر الماضي⟧', SATURDAY, '2023-10'],
  ['⟦العام الماضي⟧', SATURDAY, '2022'],
  ['⟦الجمعة⟧', '2023-11', null],
  // Not dates.
  ['في ذلك اليوم', SATURDAY],
  ['في اليوم التالي', SATURDAY],
  ['مارس الجيش ضغوطا', SATURDAY],
  ['قتل 15 جنديا', SATURDAY],
  ['24 تشرين الثاني/ديسمبر', SATURDAY],
  ['تأجيل القمة إلى ⟦مطلع العام المقبل⟧', SATURDAY, '2024-01..2024-03'],
  ['⟦أواخر عام 2019⟧', SATURDAY, '2019-10..2019-12'],
  ['تدهور الوضع الأمني منذ مطلع العام', SATURDAY],
  ['في الأسبوع الأخير من الحملة', SATURDAY],
];

function check(rows: readonly Row[], language: string): void {
  for (const [source, published, ...values] of rows) {
    void test(`${source} (published ${published ?? 'unknown'})`, () => assertReadings(source, (text) => readDates(text, { language, published }), values));
  }
}

void describe('date reader: French', () => check(FRENCH, 'fr'));
void describe('date reader: English', () => check(ENGLISH, 'en'));
void describe('date reader: Arabic', () => check(ARABIC, 'ar'));

void describe('date readings', () => {
  void test('every value is the markup’s own date syntax', () => {
    for (const [, , ...values] of [...FRENCH, ...ENGLISH, ...ARABIC]) {
      for (const value of values) if (value !== null) assert.ok(readDate(value).ok, value);
    }
  });

  void test('the why of a reading says how it was read', () => {
    const [weekday] = readDates('vendredi', { language: 'fr', published: SATURDAY });
    assert.equal(weekday.kind, 'relative');
    assert.match(weekday.why, /^'vendredi' → 2023-11-24 \(.*Friday.*2023-11-25/u);
    const [unresolved] = readDates('vendredi', { language: 'fr', published: '2023-11' });
    assert.match(unresolved.why, /full-day published date/u);
    const [absolute] = readDates('24 novembre 2023', { language: 'fr', published: SATURDAY });
    assert.equal(absolute.kind, 'absolute');
    assert.equal(absolute.why, "'24 novembre 2023' → 2023-11-24");
  });

  void test('a day counted from the event the words name has no value of its own, only its offset from that event', () => {
    const offsets = (text: string, language: string) => readDates(text, { language, published: SATURDAY }).map((reading) => [reading.words, reading.value, reading.eventOffset]);
    assert.deepEqual(offsets('Le gouvernement a dissous la milice au lendemain du massacre.', 'fr'), [['au lendemain du massacre', null, 1]]);
    assert.deepEqual(offsets("Il était arrivé à la veille de l'attaque.", 'fr'), [["à la veille de l'attaque", null, -1]]);
    assert.deepEqual(offsets('The day after the attack, the army sent troops.', 'en'), [['The day after the attack', null, 1]]);
    assert.deepEqual(offsets('وقررت الحكومة حل الميليشيا في اليوم التالي للمجزرة', 'ar'), [['في اليوم التالي للمجزرة', null, 1]]);
    assert.deepEqual(offsets('غداة الهجوم', 'ar'), [['غداة الهجوم', null, 1]]);
    // After something that is no violent event, or after nothing named: no date at all.
    assert.deepEqual(offsets('The day after the meeting, he left. Le lendemain, il est parti.', 'en'), []);
    // The event said to fall on the day of something else: its own day; "the day on which" is no "today".
    assert.deepEqual(offsets('The attacks came on the day the results were announced.', 'en'), [['The attacks came on the day', null, 0]]);
    assert.deepEqual(offsets("L'attaque a été commise le jour de la proclamation des résultats.", 'fr'), [['commise le jour', null, 0]]);
    assert.deepEqual(offsets('وجاء الهجومان في اليوم الذي أعلنت فيه اللجنة النتائج', 'ar'), [['وجاء الهجومان في اليوم الذي', null, 0]]);
    assert.deepEqual(offsets('أعلنت اللجنة النتائج في اليوم الذي وصل فيه الرئيس', 'ar'), []);
  });

  void test('two days the words run from one to the other are one span; two days merely listed stay two', () => {
    const values = (text: string, language: string) => readDates(text, { language, published: SATURDAY }).map((reading) => reading.value);
    assert.deepEqual(values('Les combats ont duré de lundi matin jusque dans la nuit de lundi à mardi.', 'fr'), ['2023-11-20..2023-11-21']);
    assert.deepEqual(values('The fighting lasted from Monday morning until Tuesday night.', 'en'), ['2023-11-20..2023-11-21']);
    assert.deepEqual(values('استمرت المعارك من صباح الاثنين حتى مساء الثلاثاء', 'ar'), ['2023-11-20..2023-11-21']);
    assert.deepEqual(values('The army attacked on Monday and withdrew on Tuesday.', 'en'), ['2023-11-20', '2023-11-21']);
  });

  void test('a number of days from or to a day covers those days; with no word of where they start, the day stays', () => {
    const period = (text: string, language: string, days: number) => {
      const [reading] = readDates(text, { language, published: SATURDAY });
      return periodOfDays(readWords({ text }), reading, () => days);
    };
    assert.equal(period('Three days of national mourning starting on Tuesday', 'en', 3), '2023-11-21..2023-11-23');
    assert.equal(period('The three days of mourning ended on Thursday', 'en', 3), '2023-11-21..2023-11-23');
    assert.equal(period('un deuil national de trois jours à compter du vendredi 24 novembre 2023', 'fr', 3), '2023-11-24..2023-11-26');
    assert.equal(period('حدادا وطنيا لمدة ثلاثة أيام بدءا من يوم الثلاثاء', 'ar', 3), '2023-11-21..2023-11-23');
    assert.equal(period('Le pays observe depuis mardi un deuil national de trois jours', 'fr', 3), '2023-11-21..2023-11-23');
    assert.equal(period('وانتهى يوم الخميس الحداد الوطني الذي أعلنه الرئيس لمدة 48 ساعة', 'ar', 2), '2023-11-22..2023-11-23');
    assert.equal(period('Le Burkina observe depuis ce mercredi 22 novembre 2023 un deuil national de 48 heures', 'fr', 2), '2023-11-22..2023-11-23');
    assert.equal(period('The country has observed three days of national mourning since Tuesday', 'en', 3), '2023-11-21..2023-11-23');
    assert.equal(period('The president declared 72 hours of national mourning from Tuesday', 'en', 3), '2023-11-21..2023-11-23');
    assert.equal(period('Three days of national mourning were declared on Tuesday', 'en', 3), undefined);
    assert.equal(period('Mourning starting on Tuesday', 'en', 1), undefined);
  });

  void test('numeric dates: month first only in American English; an ambiguous one in English reads as nothing', () => {
    const values = (text: string, language: string) => readDates(text, { language, published: SATURDAY }).map((reading) => reading.value);
    assert.deepEqual(values('11/24/2023', 'en-US'), ['2023-11-24']);
    assert.deepEqual(values('05/06/2023', 'en-US'), ['2023-05-06']);
    assert.deepEqual(values('05/06/2023', 'fr'), ['2023-06-05']);
    assert.deepEqual(values('05/06/2023', 'en-GB'), ['2023-06-05']);
    assert.deepEqual(values('05/06/2023', 'en'), []);
    assert.deepEqual(values('11/24/2023', 'fr'), []);
  });

  void test('a weekday alone is the most recent such day on or before publication; "dernier" is strictly before', () => {
    for (let offset = 0; offset < 7; offset++) {
      const published = isoDay(dayNumber(2023, 11, 20) + offset);
      const [friday] = readDates('vendredi', { language: 'fr', published });
      const [lastFriday] = readDates('vendredi dernier', { language: 'fr', published });
      const publishedDay = dayNumber(2023, 11, 20) + offset;
      const day = (value: string | null) => {
        const [year, month, date] = (value ?? '').split('-').map(Number);
        return dayNumber(year, month, date);
      };
      assert.equal(weekdayOf(day(friday.value)), 4);
      assert.ok(day(friday.value) <= publishedDay && publishedDay - day(friday.value) < 7);
      assert.ok(day(lastFriday.value) < publishedDay && publishedDay - day(lastFriday.value) <= 7);
    }
  });

  void test('a weekday is also read a week away where writers use its words for both: "last Friday" a week earlier, "Friday" alone the next one', () => {
    const published = '2023-11-25'; // a Saturday
    for (const [text, language] of [['last Friday', 'en'], ['vendredi dernier', 'fr'], ['الجمعة الماضية', 'ar']] as const) {
      const [reading] = readDates(text, { language, published });
      assert.equal(reading.value, '2023-11-24', text);
      assert.equal(reading.otherWeek, '2023-11-17', text);
    }
    assert.equal(readDates('ليل الجمعة الماضية', { language: 'ar', published })[0].otherWeek, '2023-11-16..2023-11-17');
    assert.deepEqual(readDates('à compter de mercredi', { language: 'fr', published }).map((r) => [r.value, r.otherWeek]), [['2023-11-22', '2023-11-29']]);
    assert.deepEqual(readDates('on Saturday', { language: 'en', published }).map((r) => [r.value, r.otherWeek]), [['2023-11-25', '2023-12-02']]);
    assert.equal(readDates('last Saturday', { language: 'en', published })[0].otherWeek, undefined);
    assert.equal(readDates('lundi prochain', { language: 'fr', published })[0].otherWeek, undefined);
    assert.equal(readDates('le vendredi 24 novembre', { language: 'fr', published })[0].otherWeek, undefined);
  });
});

void describe('calendar', () => {
  void test('day numbers round-trip for any year, with no two-digit-year trap', () => {
    for (const [year, month, day] of [
      [1970, 1, 1], [2000, 2, 29], [2023, 11, 24], [1900, 3, 1], [99, 12, 31], [1, 1, 1], [0, 2, 29], [2400, 2, 29],
    ]) {
      assert.deepEqual(civilDate(dayNumber(year, month, day)), { year, month, day });
    }
    assert.equal(dayNumber(1970, 1, 1), 0);
    assert.equal(weekdayOf(dayNumber(2023, 11, 24)), 4);
    assert.equal(isoDay(dayNumber(99, 12, 31)), '0099-12-31');
    for (let day = dayNumber(1899, 12, 1); day < dayNumber(2101, 1, 31); day += 17) assert.equal(dayNumber(civilDate(day).year, civilDate(day).month, civilDate(day).day), day);
  });
});
