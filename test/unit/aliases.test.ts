import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AliasMatcher, foldText, isCaseExactAlias, type AliasEntry } from '../../server/src/engine/aliases';

// Sentences are copied from the sample reports (seeds 000–003), some trimmed.
const REGISTRY: AliasEntry[] = [
  { alias: 'JNIM', entityId: 'jnim' },
  { alias: 'Jnim', entityId: 'jnim' },
  { alias: 'GSIM', entityId: 'jnim' },
  { alias: "Groupe de soutien à l'islam et aux musulmans", entityId: 'jnim' },
  { alias: 'FAMa', entityId: 'fama' },
  { alias: 'Forces armées maliennes', entityId: 'fama' },
  { alias: 'armée malienne', entityId: 'fama' },
  { alias: 'Niafunké', entityId: 'niafunke' },
  { alias: 'Niafounke', entityId: 'niafunke' },
  { alias: 'Tombouctou', entityId: 'tombouctou' },
  { alias: 'Azawad', entityId: 'azawad' },
  { alias: 'Al-Qaïda', entityId: 'al-qaida' },
  { alias: 'Al-Qaïda au Maghreb islamique', entityId: 'aqmi' },
  { alias: 'AQMI', entityId: 'aqmi' },
  { alias: 'AQMI-Sahara', entityId: 'aqmi-sahara' },
  { alias: 'Ansar Dine', entityId: 'ansar-dine' },
  { alias: 'Iyad Ag Ghali', entityId: 'iyad-ag-ghali' },
  { alias: 'SITE', entityId: 'site' },
  { alias: 'CNSP', entityId: 'cnsp' },
  { alias: 'Affaires étrangères', entityId: 'mae' },
  { alias: 'Le Monde', entityId: 'le-monde' },
  { alias: 'Monde', entityId: 'monde' },
  { alias: 'hui', entityId: 'hui' },
];
const matcher = new AliasMatcher(REGISTRY);

/** Each match as [matched source text, ...entity ids]. */
function found(text: string, aliases: AliasMatcher = matcher): string[][] {
  return aliases.scan(text).map((match) => [text.slice(match.start, match.end), ...match.entityIds]);
}

void describe('foldText', () => {
  void test('composed and decomposed accents, and capitals, fold alike', () => {
    const composed = foldText('Niafunké').folded;
    assert.equal(composed, 'niafunke');
    assert.equal(foldText('Niafunke\u0301').folded, composed);
    assert.equal(foldText('NIAFUNKÉ').folded, composed);
    assert.equal(foldText('Assimi Goïta').folded, foldText('Assimi Goi\u0308ta').folded);
  });

  void test('typographic apostrophes, hyphens and spaces fold to plain ones', () => {
    assert.equal(foldText('L’armée malienne').folded, "l'armee malienne");
    assert.equal(foldText('Al\u2011Qaïda').folded, 'al-qaida');
    assert.equal(foldText('Le Jnim revendique «\u202fune attaque à grande échelle.\u00a0»').folded, 'le jnim revendique « une attaque a grande echelle. »');
    assert.equal(foldText('Aﬀaires étrangères').folded, 'affaires etrangeres');
  });

  void test('a line break folds to a space, a blank line to a newline', () => {
    assert.equal(foldText('de soutien\n  à l’islam').folded, "de soutien a l'islam");
    assert.equal(foldText('de soutien\r\nà').folded, 'de soutien a');
    assert.equal(foldText('Tombouctou.\r\n\r\nLe Jnim').folded, 'tombouctou.\nle jnim');
    assert.equal(foldText('Tombouctou.\n \nLe Jnim').folded, 'tombouctou.\nle jnim');
  });

  void test('every folded unit maps back to the code point it comes from', () => {
    const text = '😀 مرحبا Niafunke\u0301, ﬁn\u00a0\u00a0œuvre';
    const { folded, sourceOffsets } = foldText(text);
    assert.equal(folded, '😀 مرحبا niafunke, fin oeuvre');
    assert.equal(sourceOffsets.length, folded.length + 1);
    assert.equal(sourceOffsets[folded.length], text.length);
    assert.equal(sourceOffsets[folded.indexOf('n')], text.indexOf('N'));
    // Both units of the emoji, of ﬁ and of œ point at their source code point.
    assert.deepEqual([sourceOffsets[0], sourceOffsets[1]], [0, 0]);
    assert.equal(sourceOffsets[folded.indexOf('fi')], text.indexOf('ﬁ'));
    assert.equal(sourceOffsets[folded.indexOf('fi') + 1], text.indexOf('ﬁ'));
    assert.equal(sourceOffsets[folded.indexOf('oe') + 1], text.indexOf('œ'));
    // The two non-breaking spaces are one folded space, at the first of them.
    assert.equal(sourceOffsets[folded.indexOf(' oeuvre')], text.indexOf('\u00a0'));
  });

  void test('a sub-range maps to offsets in the whole text', () => {
    const text = 'Le Jnim avance un bilan';
    const start = text.indexOf('Jnim');
    const { folded, sourceOffsets } = foldText(text, start, start + 4);
    assert.equal(folded, 'jnim');
    assert.deepEqual([...sourceOffsets], [start, start + 1, start + 2, start + 3, start + 4]);
  });

  void test('a text folded after a longer one, and one longer than any before, fold whole', () => {
    // Folds share their buffers from call to call: a long fold grows them, a short one after it reads only its own units.
    const long = 'ÉTÉ ﬁni. '.repeat(1500);
    const { folded, sourceOffsets } = foldText(long);
    assert.equal(folded, 'ete fini. '.repeat(1500));
    assert.equal(sourceOffsets.length, folded.length + 1);
    assert.equal(sourceOffsets[folded.length - 2], long.length - 2);
    assert.equal(sourceOffsets[folded.length], long.length);
    assert.equal(foldText('Gao').folded, 'gao');
    assert.deepEqual([...foldText('Gao').sourceOffsets], [0, 1, 2, 3]);
  });

  void test('lone surrogates neither crash nor shift offsets', () => {
    const text = 'a\ud800b\udc00c\ud83d';
    const { folded, sourceOffsets } = foldText(text);
    assert.equal(folded, text);
    assert.deepEqual([...sourceOffsets], [0, 1, 2, 3, 4, 5, 6]);
  });
});

void describe('isCaseExactAlias', () => {
  void test('an alias with a capital after the first letter of a word is case-exact', () => {
    for (const alias of ['JNIM', 'FAMa', 'SITE', 'GSIM', 'AQMI-Sahara', 'CNSP', 'the UN mission']) assert.equal(isCaseExactAlias(alias), true, alias);
    for (const alias of ['Jnim', 'Fama', 'Al-Qaïda', 'Iyad Ag Ghali', 'Niafunké', "Groupe de soutien à l'islam", 'the mission', 'The Guardian', 'U.S. Army']) {
      assert.equal(isCaseExactAlias(alias), false, alias);
    }
  });
});

void describe('AliasMatcher.scan', () => {
  void test('finds the aliases of a report sentence at their offsets', () => {
    const text = "Le GSIM (JNIM suivant l'acronyme arabe) a pris le contrôle du camp de Niafunké vendredi";
    const matches = matcher.scan(text);
    assert.deepEqual(
      matches.map((match) => [match.start, match.end, match.alias, match.entityIds]),
      [
        [text.indexOf('GSIM'), text.indexOf('GSIM') + 4, 'GSIM', ['jnim']],
        [text.indexOf('JNIM'), text.indexOf('JNIM') + 4, 'JNIM', ['jnim']],
        [text.indexOf('Niafunké'), text.indexOf('Niafunké') + 8, 'Niafunké', ['niafunke']],
      ],
    );
  });

  void test('accents match composed or decomposed, in text and alias alike', () => {
    assert.deepEqual(found('du camp de Niafounke le 24 novembre'), [['Niafounke', 'niafunke']]);
    assert.deepEqual(found('le camp de NIAFUNKE vendredi'), [['NIAFUNKE', 'niafunke']]);
    // The match ends after the combining accent, so the whole letter is covered.
    assert.deepEqual(found('camp militaire malien de Niafunke\u0301 a d’abord'), [['Niafunke\u0301', 'niafunke']]);
    const decomposedRegistry = new AliasMatcher([{ alias: 'Niafunke\u0301', entityId: 'niafunke' }]);
    assert.deepEqual(found('camp militaire malien de Niafunké', decomposedRegistry), [['Niafunké', 'niafunke']]);
  });

  void test('typographic and plain apostrophes match each other', () => {
    assert.deepEqual(found('Le Groupe de soutien à l’islam et aux musulmans (Jnim), lié à al-Qaïda'), [
      ['Groupe de soutien à l’islam et aux musulmans', 'jnim'],
      ['Jnim', 'jnim'],
      ['al-Qaïda', 'al-qaida'],
    ]);
  });

  void test('an alias in capitals matches only that case; others fold case', () => {
    assert.deepEqual(found('#Mali le début de l’attaque de la base FAMa de #Niafounké'), [
      ['FAMa', 'fama'],
      ['Niafounké', 'niafunke'],
    ]);
    assert.deepEqual(found('deux camps militaires des Forces armées maliennes (Fama)'), [['Forces armées maliennes', 'fama']]);
    assert.deepEqual(found('la prise de contrôle de Kidal par les FAMA'), []);
    assert.deepEqual(found('La communication a été authentifiée samedi par SITE, ONG américaine'), [['SITE', 'site']]);
    assert.deepEqual(found('difficulté d’accès à un site éloigné'), []);
    // "JNIM" (case-exact) and "Jnim" (folded) both name jnim: once in the result.
    assert.deepEqual(found('Le Jnim revendique; le JNIM confirme; le jnim avance'), [
      ['Jnim', 'jnim'],
      ['JNIM', 'jnim'],
      ['jnim', 'jnim'],
    ]);
  });

  void test('the words of an alias in capitals keep their case; its other words fold', () => {
    const mission = new AliasMatcher([{ alias: 'the UN mission', entityId: 'minusma' }, { alias: 'AQMI-SAHARA', entityId: 'aqmi-sahara' }]);
    const rows: [string, string[][]][] = [
      ['the UN mission said', [['the UN mission', 'minusma']]],
      ['The UN mission said', [['The UN mission', 'minusma']]],
      ['THE UN MISSION SAID', [['THE UN MISSION', 'minusma']]],
      ['a report by The UN Mission', [['The UN Mission', 'minusma']]],
      ['the un mission said', []],
      ['the Un mission said', []],
      ['AQMI-SAHARA and Aqmi-Sahara', [['AQMI-SAHARA', 'aqmi-sahara']]],
    ];
    for (const [text, expected] of rows) assert.deepEqual(found(text, mission), expected, text);
    assert.deepEqual(mission.matchWhole('The UN Mission'), ['minusma']);
    assert.deepEqual(mission.matchWhole('the un mission'), []);
  });

  void test('a name may follow an elision, but not an apostrophe inside a word', () => {
    assert.deepEqual(found('L’armée malienne, soutenue dans la région par les mercenaires'), [['armée malienne', 'fama']]);
    assert.deepEqual(found('Iyad Ag Ghali d’Ansar Dine et Amadou Koufa'), [
      ['Iyad Ag Ghali', 'iyad-ag-ghali'],
      ['Ansar Dine', 'ansar-dine'],
    ]);
    assert.deepEqual(found("affiliée à Al-Qaïda ainsi qu'AQMI, lorsqu’AQMI-Sahara"), [
      ['Al-Qaïda', 'al-qaida'],
      ['AQMI', 'aqmi'],
      ['AQMI-Sahara', 'aqmi-sahara'],
    ]);
    assert.deepEqual(found("aujourd'hui, aujourd’hui"), []);
    // An apostrophe used as a quote mark opens a word.
    assert.deepEqual(found("the group 'JNIM' said"), [['JNIM', 'jnim']]);
  });

  void test('hashtags match', () => {
    assert.deepEqual(found('#Azawad #Tombouctou #Niafunké'), [
      ['Azawad', 'azawad'],
      ['Tombouctou', 'tombouctou'],
      ['Niafunké', 'niafunke'],
    ]);
    assert.deepEqual(found('filmée par drone du #JNIM #AQMI pic.twitter.com'), [
      ['JNIM', 'jnim'],
      ['AQMI', 'aqmi'],
    ]);
  });

  void test('a match starts and ends at word boundaries', () => {
    assert.deepEqual(found('les JNIMs et FAMafoo'), []);
    assert.deepEqual(found("JNIM's attack"), [['JNIM', 'jnim']]);
    assert.deepEqual(found('Jama’at Nusrat al-Islam wal Muslimeen (JNIM) - un groupe'), [['JNIM', 'jnim']]);
    assert.deepEqual(found('des Partisans et Adeptes de l’Islam (GSIM), lié au réseau'), [['GSIM', 'jnim']]);
    assert.deepEqual(found('Le GSIM, dit le GSIM.'), [
      ['GSIM', 'jnim'],
      ['GSIM', 'jnim'],
    ]);
    assert.deepEqual(found('XJNIM 2JNIM JNIM2 JNIMé'), []);
  });

  void test('the leftmost match wins, then the longest, without overlap', () => {
    assert.deepEqual(found("d'Al-Qaïda au Maghreb islamique"), [['Al-Qaïda au Maghreb islamique', 'aqmi']]);
    assert.deepEqual(found('affiliés à Al-Qaïda : Ansar Dine, et à Al-Qaïda au Maghreb islamique au Sahara (AQMI-Sahara)'), [
      ['Al-Qaïda', 'al-qaida'],
      ['Ansar Dine', 'ansar-dine'],
      ['Al-Qaïda au Maghreb islamique', 'aqmi'],
      ['AQMI-Sahara', 'aqmi-sahara'],
    ]);
    const overlapping = new AliasMatcher([
      { alias: 'Al-Qaïda au Maghreb islamique', entityId: 'aqmi' },
      { alias: 'Maghreb islamique au Sahara', entityId: 'sahara' },
      { alias: 'Sahara', entityId: 'desert' },
    ]);
    assert.deepEqual(found('Al-Qaïda au Maghreb islamique au Sahara', overlapping), [
      ['Al-Qaïda au Maghreb islamique', 'aqmi'],
      ['Sahara', 'desert'],
    ]);
  });

  void test('a multi-word name wrapped across a line matches, one across a paragraph does not', () => {
    assert.deepEqual(found('Le Groupe de soutien à\nl’islam et aux musulmans (GSIM)'), [
      ['Groupe de soutien à\nl’islam et aux musulmans', 'jnim'],
      ['GSIM', 'jnim'],
    ]);
    assert.deepEqual(found('des Forces\r\n   armées\u00a0maliennes'), [['Forces\r\n   armées\u00a0maliennes', 'fama']]);
    assert.deepEqual(found('des Forces armées\n\nmaliennes'), []);
    assert.deepEqual(found('des Forces armées\r\n\r\nmaliennes'), []);
  });

  void test('offsets stay exact after emoji, Arabic and decomposed accents', () => {
    const text = '😀👍🏽 جَمَاعَة نُصْرَة — Sollicite\u0301e par RFI, l’arme\u0301e malienne n’a pas… #Niafunke\u0301 🇲🇱 JNIM';
    const matches = matcher.scan(text);
    const expected = ['arme\u0301e malienne', 'Niafunke\u0301', 'JNIM'];
    assert.deepEqual(
      matches.map((match) => [match.start, match.end]),
      expected.map((name) => [text.indexOf(name), text.indexOf(name) + name.length]),
    );
  });

  void test('several entities sharing an alias are all named', () => {
    const shared = new AliasMatcher([
      { alias: 'Mali', entityId: 'mali' },
      { alias: 'Mali', entityId: 'mali-government' },
      { alias: 'MALI', entityId: 'mali-mission' },
    ]);
    assert.deepEqual(found('Depuis 2012, le Mali est plongé dans le chaos', shared), [['Mali', 'mali', 'mali-government']]);
    assert.deepEqual(found('la mission MALI', shared), [['MALI', 'mali', 'mali-government', 'mali-mission']]);
  });

  void test('a scanned range is read alone, with offsets in the whole text', () => {
    const text = '[Le JNIM]{@jnim} revendique';
    const start = text.indexOf('Le');
    const end = text.indexOf(']');
    assert.deepEqual(
      matcher.scan(text, start, end).map((match) => [match.start, match.end]),
      [[text.indexOf('JNIM'), text.indexOf('JNIM') + 4]],
    );
    // The edges of the range are word boundaries.
    assert.deepEqual(matcher.scan('xJNIMx', 1, 5).map((match) => [match.start, match.end]), [[1, 5]]);
  });

  void test('a name folded from a ligature matches; part of a character does not', () => {
    assert.deepEqual(found('avec notamment les ministres de l’Économie et des Aﬀaires étrangères'), [['Aﬀaires étrangères', 'mae']]);
    const heart = new AliasMatcher([{ alias: 'Coeur', entityId: 'coeur' }, { alias: 'co', entityId: 'co' }]);
    assert.deepEqual(found('Cœur, cœ', heart), [['Cœur', 'coeur']]);
    // An ellipsis folds to three dots, but "Gén…" does not hold "Gén.": a match never splits a character.
    const abbreviation = new AliasMatcher([{ alias: 'Gén.', entityId: 'tiani' }]);
    assert.deepEqual(found('le Gén. Tiani, le Gén… Tiani', abbreviation), [['Gén.', 'tiani']]);
  });

  void test('any text: matches are ordered, disjoint, on code point boundaries, and fold to their alias', () => {
    const fragments = [
      'JNIM', 'Jnim', 'jnim', 'FAMa', 'Fama', 'Niafunké', 'Niafunke\u0301', 'NIAFOUNKE', 'Al-Qaïda', 'Al‑Qaïda au Maghreb islamique',
      'AQMI-Sahara', "l'", 'l’', "aujourd'", '#', ' ', '\n', '\r\n', '\n\n', '\u00a0', '(', ')', ',', 's', 'é', '\u0301', '😀',
      'ﬁ', 'œ', 'جَمَاعَة', '\ud800', '\udc00', 'Monde', 'Le ',
    ];
    const keys = new Map(REGISTRY.map((entry) => [entry.alias, foldText(entry.alias).folded]));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        let previousEnd = 0;
        for (const match of matcher.scan(text)) {
          assert.ok(match.start >= previousEnd && match.end > match.start);
          previousEnd = match.end;
          const isInsidePair = (offset: number) =>
            /[\ud800-\udbff]/u.test(text[offset - 1] ?? '') && /[\udc00-\udfff]/u.test(text[offset] ?? '');
          assert.ok(!isInsidePair(match.start) && !isInsidePair(match.end));
          assert.equal(foldText(text, match.start, match.end).folded, keys.get(match.alias));
        }
        // Composed and decomposed text give the same matches.
        const aliasesOf = (variant: string) => matcher.scan(variant).map((match) => match.alias);
        if (!/[\ud800-\udfff]/u.test(text)) assert.deepEqual(aliasesOf(text.normalize('NFD')), aliasesOf(text.normalize('NFC')));
      }),
      { numRuns: 500 },
    );
  });
});

// The scan reads most text raw and folds only from a unit whose fold begins
// an alias, where a word may start: each row is a start that test must not skip.
void describe('AliasMatcher.scan, where a name may start', () => {
  const names = new AliasMatcher([
    { alias: 'Émirats arabes unis', entityId: 'uae' },
    { alias: 'Fitinosaïr', entityId: 'fitinosair' },
    { alias: "Œuvre d'Orient", entityId: 'oeuvre' },
    { alias: 'Straße', entityId: 'strasse' },
    { alias: 'JNIM', entityId: 'jnim' },
    { alias: '5e région militaire', entityId: 'fifth-region' },
    { alias: '#Azawad', entityId: 'azawad' },
    { alias: '«Barkhane»', entityId: 'barkhane' },
    { alias: 'Ansar Dine', entityId: 'ansar-dine' },
    { alias: 'hui', entityId: 'hui' },
  ]);

  void test('a first letter with an accent or a capital, or none where the alias has one', () => {
    assert.deepEqual(found('Les ÉMIRATS ARABES UNIS, les émirats arabes unis et les Emirats Arabes Unis', names), [
      ['ÉMIRATS ARABES UNIS', 'uae'],
      ['émirats arabes unis', 'uae'],
      ['Emirats Arabes Unis', 'uae'],
    ]);
    assert.deepEqual(found('les E\u0301mirats arabes unis', names), [['E\u0301mirats arabes unis', 'uae']]);
  });

  void test('a first letter that folds to other letters: a ligature, œ, a fullwidth or an astral letter', () => {
    assert.deepEqual(found('le groupe du ﬁtinosaïr et l’Œuvre d’Orient, la STRASSE', names), [
      ['ﬁtinosaïr', 'fitinosair'],
      ['Œuvre d’Orient', 'oeuvre'],
      ['STRASSE', 'strasse'],
    ]);
    assert.deepEqual(found('revendiqué par le ＪＮＩＭ puis par 𝐉𝐍𝐈𝐌', names), [
      ['ＪＮＩＭ', 'jnim'],
      ['𝐉𝐍𝐈𝐌', 'jnim'],
    ]);
  });

  void test('an alias that begins with a digit or with punctuation', () => {
    assert.deepEqual(found('la 5e région militaire (Gao) et la 15e région militaire', names), [['5e région militaire', 'fifth-region']]);
    // Punctuation starts a name wherever it stands, even after a letter.
    assert.deepEqual(found('#Azawad, Mali#Azawad, l’opération «Barkhane» et x«Barkhane»', names), [
      ['#Azawad', 'azawad'],
      ['#Azawad', 'azawad'],
      ['«Barkhane»', 'barkhane'],
      ['«Barkhane»', 'barkhane'],
    ]);
  });

  void test('what comes just before a name decides, however it is written', () => {
    // After an emoji, a line break, an elided word read back across a long sentence, or a quote mark.
    assert.deepEqual(found('😀JNIM, fin de ligne\r\nJNIM, et puis les chefs d’Ansar Dine ont dit qu’aujourd’hui, lorsqu’Ansar Dine…', names), [
      ['JNIM', 'jnim'],
      ['JNIM', 'jnim'],
      ['Ansar Dine', 'ansar-dine'],
      ['Ansar Dine', 'ansar-dine'],
    ]);
    // Not after a letter, however it is written: an astral letter, an accent on its own, a letter folded to two.
    assert.deepEqual(found('le 𝐀JNIM, le e\u0301JNIM, le ßJNIM, le ﬁJNIM et l’aujourd’hui', names), []);
    // After a character that folds to several, the last of them no letter (㏘ is "p.m."), and after a flag whose tags fold to nothing.
    const text = 'à 10 ㏘JNIM, puis 🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}JNIM';
    assert.deepEqual(
      names.scan(text).map((match) => match.start),
      [text.indexOf('JNIM'), text.lastIndexOf('JNIM')],
    );
  });
});

void describe('AliasMatcher.matchWhole', () => {
  void test('the whole text of a span, after a leading article, names an entity', () => {
    assert.deepEqual(matcher.matchWhole('Le JNIM'), ['jnim']);
    assert.deepEqual(matcher.matchWhole('le\n  Jnim'), ['jnim']);
    assert.deepEqual(matcher.matchWhole('L’armée malienne'), ['fama']);
    assert.deepEqual(matcher.matchWhole('des Forces armées maliennes'), ['fama']);
    assert.deepEqual(matcher.matchWhole('d’Al-Qaïda'), ['al-qaida']);
    assert.deepEqual(matcher.matchWhole("de l'Azawad"), ['azawad']);
    assert.deepEqual(matcher.matchWhole('the JNIM'), ['jnim']);
    assert.deepEqual(matcher.matchWhole('  Niafunke\u0301 '), ['niafunke']);
  });

  void test('case-exact aliases keep their case; an article that belongs to the alias stays', () => {
    assert.deepEqual(matcher.matchWhole('la FAMa'), ['fama']);
    assert.deepEqual(matcher.matchWhole('la Fama'), []);
    assert.deepEqual(matcher.matchWhole('Le Monde'), ['le-monde']);
    assert.deepEqual(matcher.matchWhole('du Monde'), ['monde']);
  });

  void test('text that is more or less than an alias names nothing', () => {
    assert.deepEqual(matcher.matchWhole('Le JNIM revendique'), []);
    assert.deepEqual(matcher.matchWhole('le camp'), []);
    assert.deepEqual(matcher.matchWhole('le'), []);
    assert.deepEqual(matcher.matchWhole(''), []);
  });
});

void describe('AliasMatcher.ambiguousAliases', () => {
  void test('one folded alias on two entities is ambiguous; on one entity it is not', () => {
    const niafunke = { alias: 'Niafunké', entityId: 'niafunke' };
    const cercle = { alias: 'Niafunke', entityId: 'niafunke-cercle' };
    const registry = new AliasMatcher([
      niafunke,
      { alias: 'JNIM', entityId: 'jnim' },
      { alias: 'Jnim', entityId: 'jnim' },
      cercle,
    ]);
    assert.deepEqual(registry.ambiguousAliases(), [{ folded: 'niafunke', entityIds: ['niafunke', 'niafunke-cercle'], entries: [niafunke, cercle] }]);
  });

  void test('case-exact aliases are ambiguous only with aliases that can match the same text', () => {
    const site = { alias: 'SITE', entityId: 'site-intel' };
    const website = { alias: 'site', entityId: 'website' };
    assert.deepEqual(new AliasMatcher([site, website]).ambiguousAliases(), [
      { folded: 'site', entityIds: ['site-intel', 'website'], entries: [site, website] },
    ]);
    const differentCase = new AliasMatcher([
      { alias: 'FAMa', entityId: 'fama' },
      { alias: 'FAMA', entityId: 'fama-acronym' },
    ]);
    assert.deepEqual(differentCase.ambiguousAliases(), []);
    // Words that fold beside the capitals: "the UN mission" and "The UN Mission" match the same texts.
    const mission = { alias: 'the UN mission', entityId: 'minusma' };
    const headline = { alias: 'The UN Mission', entityId: 'un' };
    const otherCapitals = { alias: 'the uN mission', entityId: 'unrelated' };
    assert.deepEqual(new AliasMatcher([mission, headline, otherCapitals]).ambiguousAliases(), [
      { folded: 'the un mission', entityIds: ['minusma', 'un'], entries: [mission, headline] },
    ]);
    const aBC = { alias: 'aBC DE', entityId: 'abc' };
    const abc = { alias: 'abc DE', entityId: 'other' };
    assert.deepEqual(new AliasMatcher([aBC, abc]).ambiguousAliases(), [{ folded: 'abc de', entityIds: ['abc', 'other'], entries: [aBC, abc] }]);
  });
});
