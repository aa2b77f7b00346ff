// The count reader, as a table: each row is a phrase as the press writes it
// (the seeds, AFP, Reuters, Al Jazeera), its language, and the values read,
// with ⟦ ⟧ around the exact words each value is read from. Rows with no ⟦ ⟧
// must read nothing: a year, a time, a calibre or a phone number read as a
// count would put a false figure in a claim.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_VAGUE, readCounts, readDurations } from '../../server/src/engine/read/counts';
import { readCues } from '../../server/src/engine/read/cues';
import { readDates } from '../../server/src/engine/read/dates';
import { readWords } from '../../server/src/engine/read/words';
import { isUnknownValue, readCount, readDate } from '../../server/src/engine/values';
import { checkProperty } from '../fuzz';
import { assertReadings } from '../marked';

type Row = readonly [text: string, ...values: string[]];

const FRENCH: readonly Row[] = [
  ['Le Jnim avance un bilan de ⟦plusieurs dizaines⟧ de soldats maliens tués et ⟦deux⟧ faits prisonniers', '>=20', '2'],
  ['⟦Des dizaines⟧ de soldats ont été tués ou blessés, et ⟦deux⟧ ont été capturés, dit le GSIM', '>=20', '2'],
  ['Des sources locales évoquent un bilan approximatif d’⟦une cinquantaine⟧ de soldats maliens tués', '~50'],
  ['⟦Cinq⟧ voitures, des armes lourdes et des équipements militaires auraient également été pillés', '5'],
  ['⟦Au moins 47⟧ civils ont été tués', '>=47'],
  ['le bilan s’élève à ⟦1\u00a0200⟧ morts', '1200'],
  ['⟦1\u202f200⟧ déplacés', '1200'],
  ['⟦1 200⟧ déplacés', '1200'],
  ['⟦1.200⟧ morts', '1200'],
  ['⟦1,200⟧ morts', '1200'],
  ['⟦vingt-trois⟧ soldats', '23'],
  ['⟦quatre-vingt-dix⟧ personnes', '90'],
  ['⟦quatre-vingts⟧ assaillants', '80'],
  ['⟦soixante et onze⟧ morts', '71'],
  ['⟦soixante-dix-sept⟧ morts', '77'],
  ['⟦deux cent trente⟧ déplacés', '230'],
  ['⟦trois mille⟧ réfugiés', '3000'],
  ['⟦mille deux cents⟧ maisons', '1200'],
  ['⟦dix-sept⟧ soldats', '17'],
  ['⟦une quarantaine⟧ d’assaillants', '~40'],
  ['⟦une vingtaine⟧ de morts', '~20'],
  ['⟦une centaine⟧ de jihadistes', '~100'],
  ['⟦près de 50⟧ morts', '~50'],
  ['⟦environ 30⟧ soldats', '~30'],
  ['⟦quelque 200⟧ combattants', '~200'],
  ['un bilan de ⟦50 environ⟧', '~50'],
  ['⟦plus de 100⟧ morts', '>100'],
  ['⟦plus d’une cinquantaine⟧ de morts', '>50'],
  ['⟦au moins une dizaine⟧ de civils', '>=10'],
  ['⟦pas moins de 12⟧ soldats', '>=12'],
  ['les pertes ⟦ne dépasseraient pas 30⟧ morts', '<=30'],
  ['le bilan pourrait ⟦dépasser les 200⟧ morts', '>200'],
  ['un bilan qui ⟦dépasse 40⟧ morts', '>40'],
  ['⟦jusqu’à 30⟧ assaillants', '<=30'],
  ['⟦moins de 10⟧ blessés', '<10'],
  ['⟦entre 20 et 30⟧ morts', '20..30'],
  ['⟦de 20 à 30⟧ morts', '20..30'],
  ['⟦20 à 30⟧ morts', '20..30'],
  ['⟦deux ou trois⟧ véhicules', '2..3'],
  ['⟦des centaines⟧ de déplacés', '>=200'],
  ['⟦quelques dizaines⟧ de combattants', '>=20'],
  ['⟦des dizaines de milliers⟧ de déplacés', '>=20000'],
  ['⟦quelques⟧ blessés', '2..9'],
  ['⟦1,5 million⟧ de déplacés', '1500000'],
  // Not counts.
  ['le 1er décembre'],
  ['en 2023'],
  ['Le Mali est en proie depuis 2012 aux agissements des groupes'],
  ['vers 7 heures du matin'],
  ['à 19h30'],
  ['un hélicoptère Mi-8 a été abattu'],
  ['des obus de mortier 120 mm'],
  ['le taux de participation est de 38 %'],
  ['50 pour cent des électeurs'],
  ['Contact : +223 76 12 34 56'],
  ['vendredi 24 novembre'],
  ['la résolution 2690 du Conseil de sécurité'],
  ['à quelques dizaines de kilomètres de Niafounké à vol d’oiseau'],
  ['il y a dix jours'],
  ['une attaque à grande échelle'],
  ['le 24'],
  ['pendant trois jours'],
  ['un enfant de 12 ans'],
  ['au km 50'],
  ['pic.twitter.com/oq2qfycKlV'],
  ['la 3e région militaire'],
  ['1,5 kg de munitions'],
  ['10 000 francs CFA'],
  ['Le bilan est de ⟦71⟧ morts, ⟦12⟧ blessés et ⟦un certain nombre⟧ de disparus', '71', '12', '?'],
  ['Le nombre de morts ⟦dépasserait la centaine⟧', '>100'],
  ['Le bilan ⟦ne dépasse pas la trentaine⟧', '<=30'],
];

const ENGLISH: readonly Row[] = [
  ['⟦At least 47⟧ civilians were killed', '>=47'],
  ['⟦Three⟧ soldiers and ⟦a⟧ civilian were killed', '3', '1'],
  // The date reader takes "a" into "a day after the attack" from the word after it: no count of one, after a figure or not.
  ['⟦Three⟧ soldiers killed and a day after the attack, the army said ⟦40⟧ were missing', '3', '40'],
  ['⟦more than 100⟧ people', '>100'],
  ['the toll could ⟦exceed 200⟧ dead', '>200'],
  ['deaths ⟦topped 40⟧ on Sunday', '>40'],
  ['⟦about 50⟧ soldiers', '~50'],
  ['⟦around 50⟧ soldiers', '~50'],
  ['⟦nearly 50⟧ soldiers', '~50'],
  ['⟦some 200⟧ fighters', '~200'],
  ['⟦an estimated 300⟧ fighters', '~300'],
  ['⟦fifty⟧ soldiers', '50'],
  ['⟦twenty-one⟧ civilians', '21'],
  ['⟦Thirteen⟧ soldiers were killed', '13'],
  ['⟦one hundred and fifty⟧ people', '150'],
  ['⟦a hundred⟧ people', '100'],
  ['⟦two thousand⟧ people', '2000'],
  ['⟦1,200⟧ people', '1200'],
  ['⟦3,500⟧ displaced', '3500'],
  ['⟦1.5 million⟧ people', '1500000'],
  ['⟦dozens⟧ of soldiers', '>=20'],
  ['⟦a few dozen⟧ soldiers', '>=20'],
  ['⟦tens of thousands⟧ of people', '>=20000'],
  ['⟦hundreds⟧ of people', '>=200'],
  ['⟦scores⟧ of civilians', '>=40'],
  ['⟦several⟧ soldiers', '>=2'],
  ['⟦a few⟧ soldiers', '2..9'],
  ['⟦a dozen⟧ soldiers', '~12'],
  ['⟦two dozen⟧ soldiers', '~24'],
  ['⟦no more than 30⟧ fighters', '<=30'],
  ['⟦up to 30⟧ fighters', '<=30'],
  ['⟦fewer than 10⟧ were wounded', '<10'],
  ['⟦less than 10⟧', '<10'],
  ['⟦over 100⟧ killed', '>100'],
  ['⟦between 20 and 30⟧ soldiers', '20..30'],
  ['⟦20 to 30⟧ soldiers', '20..30'],
  ['⟦20-30⟧ soldiers', '20..30'],
  ['⟦from 20 to 30⟧ soldiers', '20..30'],
  ['⟦50 or more⟧ soldiers', '>=50'],
  ['⟦two or three⟧ vehicles', '2..3'],
  ['⟦one⟧ soldier was killed', '1'],
  ['killing ⟦seven⟧ and wounding ⟦12⟧', '7', '12'],
  // Not counts.
  ['on Nov. 24'],
  ['in 2023'],
  ['at 7 a.m.'],
  ['a Mi-8 helicopter'],
  ['an AK-47 rifle'],
  ['120mm mortar shells'],
  ['turnout was 38%'],
  ['50 per cent of voters'],
  ['call +1 202 555 0143'],
  ['the 24th'],
  ['UN Security Council resolution 2690'],
  ['No one was killed'],
  ['a 12-year-old boy'],
  ['for three days'],
  ['at 10:30 GMT'],
  ['50 km north of Timbuktu'],
  ['$50 million in aid'],
  ['COVID-19'],
  ['The ministry said ⟦a number of⟧ soldiers were still missing', '?'],
  ['⟦An unknown number of⟧ villagers fled', '?'],
];

const ARABIC: readonly Row[] = [
  ['قتل ⟦15⟧ جنديا', '15'],
  ['قتل ⟦نحو 50⟧ شخصا', '~50'],
  ['⟦حوالي 30⟧ مسلحا', '~30'],
  ['⟦حوالى 30⟧ مسلحا', '~30'],
  ['⟦قرابة 40⟧ جنديا', '~40'],
  ['⟦زهاء 100⟧ شخص', '~100'],
  ['⟦ما يقارب 200⟧ مقاتل', '~200'],
  ['⟦حوالي خمسين⟧ جنديا', '~50'],
  ['مقتل ⟦ما لا يقل عن 20⟧ جنديا', '>=20'],
  ['قتل ⟦20 جنديا على الأقل⟧', '>=20'],
  ['⟦15 جنديا تقريبا⟧', '~15'],
  ['⟦أكثر من 100⟧ قتيل', '>100'],
  ['⟦ما يزيد على 50⟧ شخصا', '>50'],
  ['⟦أقل من 10⟧ جرحى', '<10'],
  ['⟦لا يتجاوز 30⟧ قتيلا', '<=30'],
  ['الحصيلة قد ⟦تتجاوز 200⟧ قتيل', '>200'],
  ['عدد القتلى ⟦تجاوز 40⟧ شخصا', '>40'],
  ['إن عدد القتلى ⟦يفوق الستين⟧ جنديا', '>60'],
  ['الحصيلة ⟦تخطت 100⟧ قتيل', '>100'],
  ['عدد الضحايا ⟦فاق 30⟧ شخصا', '>30'],
  ['رجحت مصادر أن ⟦يتجاوز عدد القتلى خمسين⟧', '>50'],
  ['و⟦لا يتجاوز عدد الجرحى 12⟧', '<=12'],
  ['⟦لا يتجاوز عدد الجنود المفقودين عشرة⟧', '<=10'],
  ['⟦لا يقل عدد الضحايا عن 20⟧ بحسب السكان', '>=20'],
  ['⟦يزيد عدد النازحين على ثلاثة آلاف⟧', '>3000'],
  ['يتجاوز عدد سكان القرية بكثير ⟦30⟧ منزلا', '30'],
  ['ورجحت أن ⟦يتجاوز عدد القتلى المئة⟧', '>100'],
  ['وقد ⟦تجاوز عدد الضحايا الخمسين⟧', '>50'],
  ['⟦ما بين 20 و30⟧ جنديا', '20..30'],
  ['⟦بين عشرين وثلاثين⟧ جنديا', '20..30'],
  ['⟦من 20 إلى 30⟧ جنديا', '20..30'],
  ['⟦عشرات⟧ الجنود', '>=20'],
  ['سقط ال⟦عشرات⟧ من القتلى', '>=20'],
  ['⟦مئات⟧ النازحين', '>=200'],
  ['⟦عشرات الآلاف⟧ من النازحين', '>=20000'],
  ['⟦بضعة⟧ جنود', '3..9'],
  ['⟦عدة⟧ جنود', '>=3'],
  ['⟦عشرون⟧ جنديا', '20'],
  ['⟦عشرين⟧ جنديا', '20'],
  ['⟦ثلاثة⟧ جنود', '3'],
  ['⟦خمسة وعشرون⟧ جنديا', '25'],
  ['⟦ثلاثة عشر⟧ جنديا', '13'],
  ['⟦أحد عشر⟧ جنديا', '11'],
  ['⟦مئة⟧ شخص', '100'],
  ['⟦مائة وخمسون⟧ شخصا', '150'],
  ['⟦مئتا⟧ جندي', '200'],
  ['⟦ثلاثمئة⟧ جندي', '300'],
  ['⟦ثلاثة آلاف⟧ نازح', '3000'],
  ['⟦50 ألف⟧ نازح', '50000'],
  ['⟦ألف⟧ شخص', '1000'],
  // The dual of a noun tolls count people by is two; "مدنيين" is as often the plural, no number.
  ['هجوم قُتل فيه ⟦جنديان⟧ تشاديان', '2'],
  ['أسفر عن مقتل ⟦جنديين⟧ تشاديين', '2'],
  ['وأصيب ⟦شخصان⟧ بجروح', '2'],
  ['مقتل مدنيين في الهجوم'],
  ['⟦١٥⟧ جنديا', '15'],
  ['⟦١٢٬٠٠٠⟧ نازح', '12000'],
  ['ب⟦خمسين⟧ جنديا', '50'],
  ['قُتل ⟦خَمْسَةُ⟧ جُنُودٍ', '5'],
  // Not counts.
  ['في 24 نوفمبر'],
  ['عام 2023'],
  ['الساعة 7 صباحا'],
  ['قذائف هاون عيار 120 ملم'],
  ['50 بالمئة'],
  ['٥٠٪'],
  ['القرار 2690'],
  ['يوم الأحد'],
  ['لم يصب أحد'],
  ['لست متأكدا'],
  ['منذ ثلاثة أيام'],
  ['لمدة ثلاثة أيام'],
  ['على بعد 50 كيلومترا'],
  ['مروحية Mi-8'],
  ['وأشارت إلى أن ⟦عددا من⟧ الجنود ما زالوا في عداد المفقودين', '?'],
  ['وفقدان ⟦عدد آخر⟧', '?'],
];

function check(rows: readonly Row[], language: string | undefined): void {
  for (const [source, ...values] of rows) void test(source, () => assertReadings(source, (text) => readCounts(text, { language }), values));
}

void describe('count reader: French', () => check(FRENCH, 'fr'));
void describe('count reader: English', () => check(ENGLISH, 'en'));
void describe('count reader: Arabic', () => check(ARABIC, 'ar'));

void describe('count reader: every language at once', () => {
  // A document without `language:` is read with every table.
  check([...FRENCH, ...ENGLISH, ...ARABIC], undefined);
});

void describe('count readings', () => {
  void test('every value is the markup’s own count syntax', () => {
    // `?` is the markup's unknown count: a number said to exist and not given ("un certain nombre").
    const countSyntax = (value: string) => isUnknownValue(value) || readCount(value).ok;
    for (const [, ...values] of [...FRENCH, ...ENGLISH, ...ARABIC]) {
      for (const value of values) assert.ok(countSyntax(value), value);
    }
    for (const { value } of DEFAULT_VAGUE) assert.ok(countSyntax(value), value);
  });

  void test('the words and why of a reading', () => {
    const [reading] = readCounts('un bilan approximatif d’une cinquantaine de soldats', { language: 'fr' });
    assert.equal(reading.words, 'une cinquantaine');
    assert.equal(reading.kind, 'about');
    assert.equal(reading.why, "'une cinquantaine' → ~50");
    // "De nombreux" is more than one, as "plusieurs" is.
    assert.deepEqual(
      readCounts('de nombreux soldats et de nombreuses victimes', { language: 'fr' }).map((reading) => reading.value),
      ['>=2', '>=2'],
    );
    const [vague] = readCounts('des dizaines de soldats', { language: 'fr' });
    assert.equal(vague.kind, 'vague');
    assert.match(vague.why, /^'des dizaines' → >=20 \(.*default/u);
  });

  void test('the desk’s vague table replaces a default and adds phrases; a value that is no count is left out', () => {
    const vague = new Map([
      ['des dizaines', '>=12'],
      ['DOZENS', '>=12'],
      ['de nombreux', '>=5'],
      ['bon nombre de', '>=3'],
      ['une foule', 'beaucoup'],
    ]);
    const read = (text: string) => readCounts(text, { vague }).map((reading) => reading.value);
    assert.deepEqual(read('des dizaines de soldats'), ['>=12']);
    assert.deepEqual(read('dozens of soldiers'), ['>=12']);
    assert.deepEqual(read('de nombreux civils'), ['>=5']);
    assert.deepEqual(read('bon nombre de civils'), ['>=3']);
    assert.deepEqual(read('une foule de manifestants'), []);
    // The defaults the desk did not touch still hold.
    assert.deepEqual(read('plusieurs dizaines de morts'), ['>=20']);
    const [desk] = readCounts('des dizaines de soldats', { vague });
    assert.match(desk.why, /corroborate\.yaml/u);
  });

  void test('a language narrows the tables: French "quelques" is no English word', () => {
    const values = (text: string, language: string) => readCounts(text, { language }).map((reading) => reading.value);
    assert.deepEqual(values('quelques blessés', 'en'), []);
    assert.deepEqual(values('some 200 fighters', 'fr'), ['200']);
    assert.deepEqual(values('some 200 fighters', 'en-GB'), ['~200']);
    // A language the readers do not know reads with every table.
    assert.deepEqual(values('some 200 fighters', 'es'), ['~200']);
  });

  void test('markup inside the passage is read past, and offsets stay exact after emoji, CRLF and Arabic', () => {
    const text = '\ufeff😀 مرحبا\r\n[Le Jnim]{@jnim} avance un bilan de [plusieurs dizaines]{@x} de soldats tués et deux faits prisonniers';
    const markup = [...text.matchAll(/\[|\]\{@[a-z]+\}/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
    const readings = readCounts({ text, start: text.indexOf('[Le'), markup }, { language: 'fr' });
    assert.deepEqual(
      readings.map((reading) => [reading.words, reading.value]),
      [
        ['plusieurs dizaines', '>=20'],
        ['deux', '2'],
      ],
    );
    assert.equal(readings[0].start, text.indexOf('plusieurs'));
    // The mention's markup never joins words: "[vingt]{@x} trois" is two numbers only if the text says so.
    assert.deepEqual(
      readWords({ text, markup }).list.some((word) => word.text.includes('@') || word.text === '{'),
      false,
    );
  });
});

void describe('the readers on any text', () => {
  void test('never fail, stay inside the passage, quote the source exactly and write valid values', () => {
    const fragments = [
      'plus de', 'une cinquantaine', 'des dizaines', 'entre', 'et', 'à', '20', '30', '1 200', '1,5', 'million', '2023', '24', 'novembre',
      'vendredi', 'dernier', 'hier', 'il y a', 'jours', 'about', 'dozens', 'Nov.', 'between', 'and', 'ago', 'نحو', 'عشرين', 'وثلاثين', 'بين',
      'أمس', 'الجمعة', 'الماضية', 'تشرين الثاني', '/', '-', '.', ',', ':', '%', "'", '’', ' ', '\n', '\r\n', '\n\n', '😀', '\u0301', 'ـ',
      '\u064e', '[', ']{@x}', 'auraient', "n'a pas souhaité", 'bilan', '١٢', '٬', '\ud800',
    ];
    checkProperty(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 25 }), fc.nat(6), fc.constantFrom('fr', 'en', 'ar', 'en-US', undefined), (parts, trim, language) => {
        const text = parts.join('');
        const start = Math.min(trim, text.length);
        const passage = { text, start, end: text.length };
        const options = { language, published: '2023-11-25' };
        const words = readWords(passage);
        for (const reading of [...readCounts(words, options), ...readDates(words, options), ...readCues(words, options)]) {
          assert.ok(reading.start >= start && reading.start < reading.end && reading.end <= text.length);
          assert.equal(reading.words, text.slice(reading.start, reading.end));
        }
        for (const { value } of readCounts(words, options)) assert.ok(readCount(value).ok, value);
        for (const { value } of readDates(words, options)) if (value !== null) assert.ok(readDate(value).ok, value);
      }),
      300,
    );
  });
});

void describe('the count reader and the date expressions it passes over', () => {
  void test('reads the same whether the dates were found in full first or only as far as it asks', () => {
    // Phrases whose dates reach back to an article before the word they are read at, beside figures and articles a count may start at.
    const fragments = [
      'Three soldiers killed', 'and a day after the attack', 'a day before the attack', 'the day after the raid', '40', 'two', 'a', 'and a', 'the',
      'Trois soldats tués', 'et le lendemain du massacre', 'au lendemain de l’attaque', 'la veille de l’attaque', 'et un', 'le', 'la', 'au', 'un',
      '24 novembre', 'il y a deux jours', 'two days ago', 'in 2023', 'civilians', 'blessés', ',', '.',
    ];
    checkProperty(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 20 }), fc.constantFrom('fr', 'en', undefined), (parts, language) => {
        const text = parts.join(' ');
        const options = { language };
        const asked = readCounts(text, options);
        const words = readWords({ text });
        readDates(words, options);
        assert.deepEqual(readCounts(words, options), asked);
      }),
      300,
    );
  });
});

void describe('durations, for a count measured in days', () => {
  void test('days and whole days of hours, in French, English and Arabic; no count reads them', () => {
    const cases: readonly (readonly [string, string, readonly string[]])[] = [
      ['Le gouvernement a décrété trois jours de deuil national', 'fr', ['3']],
      ['un deuil national de 72 heures', 'fr', ['3']],
      ['The president declared 72 hours of national mourning', 'en', ['3']],
      ['الحداد الوطني لمدة ثلاثة أيام', 'ar', ['3']],
      // The Arabic dual of a day needs no number.
      ['الحداد الوطني لمدة يومين', 'ar', ['2']],
      // Hours that make no whole day are no count of days.
      ['les combats ont duré 5 heures', 'fr', []],
    ];
    for (const [text, language, values] of cases) {
      assert.deepEqual(readDurations(text, { language }).map((reading) => reading.value), values, text);
      assert.deepEqual(readCounts(text, { language }), [], text);
    }
  });

  void test('in hours, for a count measured in hours: whole days are 24 hours each', () => {
    const cases: readonly (readonly [string, string, readonly string[]])[] = [
      ['un deuil national de 48 heures', 'fr', ['48']],
      ['The president declared three days of national mourning', 'en', ['72']],
      ['وأعلن حدادا وطنيا لمدة 72 ساعة', 'ar', ['72']],
      ['الحداد الوطني لمدة ثلاثة أيام', 'ar', ['72']],
      // The dual of a day is two days, in hours as in days.
      ['الحداد الوطني لمدة يومين', 'ar', ['48']],
      ['the fighting lasted about three hours', 'en', ['3']],
    ];
    for (const [text, language, values] of cases) {
      assert.deepEqual(readDurations(text, { language }, 'hours').map((reading) => reading.value), values, text);
    }
  });
});
