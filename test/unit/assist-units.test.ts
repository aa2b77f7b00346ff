// Where the claim finder looks: the passages of a report no claim covers,
// as a table of (report, passages). Sentences come from Intl.Segmenter,
// mended where it stumbles on the press (a quote closed after its full
// stop, "M." and "Gen." before a name, a quotation of several sentences);
// a passage never cuts a span, skips what `{skip}` hides, stops at claim
// spans, and is trimmed of its final full stop as the seeds annotate claims.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readUnits } from '../../server/src/engine/assist/units';
import { corpusOf } from '../support/corpus';

const REGISTRY = 'documents: ["*.txt"]\nactors:\n  fama: { name: FAMa }\n';

type Row = readonly [title: string, text: string, passages: readonly string[]];

const ROWS: readonly Row[] = [
  ['sentences, without their final full stop', 'Le camp a été pris. L’armée dément !', ['Le camp a été pris', 'L’armée dément !']],
  ['a quotation closed after its full stop ends with its sentence', '« Nous avons repoussé l’assaut. » Le camp est calme.', ['« Nous avons repoussé l’assaut. »', 'Le camp est calme']],
  ['a quotation of two sentences is one passage with its attribution', '« Le camp est tombé. Nous le tenons », a dit M. Diallo.', ['« Le camp est tombé. Nous le tenons », a dit M. Diallo']],
  ['titles and initials before a name', 'Gen. Smith and J. Doe said the U.S. embassy was closed. It reopened.', ['Gen. Smith and J. Doe said the U.S. embassy was closed', 'It reopened']],
  ['a dotted acronym before a name ends no sentence', 'Three U.S. Army soldiers were killed. U.N. Secretary-General Antonio Guterres condemned it.', ['Three U.S. Army soldiers were killed', 'U.N. Secretary-General Antonio Guterres condemned it']],
  ['a dotted acronym before a word that opens a sentence ends it, and keeps its dot', 'The drones came from the U.S. The attack was not claimed. Il vit aux U.S.A. Il est rentré.', ['The drones came from the U.S.', 'The attack was not claimed', 'Il vit aux U.S.A.', 'Il est rentré']],
  ['a paragraph wrapped by hand reads as one', 'Le camp a été\npris vendredi. Puis\nabandonné.', ['Le camp a été\npris vendredi', 'Puis\nabandonné']],
  ['a line break before a capital ends a sentence without a full stop', 'Communiqué conjoint\nLes deux pays ont signé.', ['Communiqué conjoint', 'Les deux pays ont signé']],
  ['mentions are taken whole, never cut', '[Le GSIM. Groupe]{@fama} dit avoir pris le camp. Fin.', ['[Le GSIM. Groupe]{@fama} dit avoir pris le camp', 'Fin']],
  ['what {skip} hides is no passage', 'Le camp a été pris. [Un tweet : 50 morts.]{skip} Fin du direct.', ['Le camp a été pris', 'Fin du direct']],
  ['a claim span is a wall: the stretches on either side are passages', 'Selon l’armée, [20 soldats ont été tués]{claim killed=20}, et 30 blessés.', ['Selon l’armée', 'et 30 blessés']],
  ['Arabic sentences', 'قال الجيش إن 20 جنديا قتلوا. وأعلنت الجماعة مسؤوليتها؟ نعم.', ['قال الجيش إن 20 جنديا قتلوا', 'وأعلنت الجماعة مسؤوليتها؟', 'نعم']],
  ['CRLF and a lone CR end lines as LF does', 'Le camp a été pris.\r\nL’armée dément.\rFin.', ['Le camp a été pris', 'L’armée dément', 'Fin']],
  ['an escape is text, taken whole', 'Le \\[sic\\] camp est pris.', ['Le \\[sic\\] camp est pris']],
  ['a semicolon ends a statement', 'Le maire a compté 12 morts ; la préfecture en annonce 9.', ['Le maire a compté 12 morts', 'la préfecture en annonce 9']],
  ['an Arabic semicolon ends a statement', 'أحصى رئيس البلدية 12 قتيلا؛ وأعلنت المحافظة 9 قتلى.', ['أحصى رئيس البلدية 12 قتيلا', 'وأعلنت المحافظة 9 قتلى']],
  ['a semicolon inside a quotation does not', '« Nous avons perdu 12 hommes ; le camp tient », a dit le chef.', ['« Nous avons perdu 12 hommes ; le camp tient », a dit le chef']],
  ['what the outlet adds about the source after an end attribution is a passage of its own', 'Douze soldats ont été tués, selon [une source locale]{@fama}, qui a requis l’anonymat.', ['Douze soldats ont été tués, selon [une source locale]{@fama}', 'qui a requis l’anonymat']],
  ['in English, after the party and its verb', 'Twelve soldiers were killed, a local official said, asking not to be named.', ['Twelve soldiers were killed, a local official said', 'asking not to be named']],
  ['in Arabic, a relative after the party', 'قتل 12 جنديا، بحسب مصدر محلي، الذي طلب عدم ذكر اسمه.', ['قتل 12 جنديا، بحسب مصدر محلي', 'الذي طلب عدم ذكر اسمه']],
  ['an attribution that opens the sentence keeps its aside', 'Selon le maire, qui était sur place, douze soldats ont été tués.', ['Selon le maire, qui était sur place, douze soldats ont été tués']],
  ['a wire dateline is no passage', 'DAKAR, May 3 (Wire) - Twelve soldiers were killed.', ['Twelve soldiers were killed']],
  ['a French dateline', 'Bamako (Wire) - Douze soldats ont été tués.', ['Douze soldats ont été tués']],
  ['an Arabic dateline', 'باماكو - (واير): قتل 12 جنديا.', ['قتل 12 جنديا']],
  ['brackets without a dash are no dateline', 'Douze soldats (dont un officier) ont été tués.', ['Douze soldats (dont un officier) ont été tués']],
  ['what the party adds ("adding") stays in its statement', 'Twelve soldiers were killed, a local official said, adding that the camp held.', ['Twelve soldiers were killed, a local official said, adding that the camp held']],
];

describe('the passages of a report', () => {
  for (const [title, text, passages] of ROWS) {
    test(title, () => {
      const corpus = corpusOf({ 'corroborate.yaml': REGISTRY, 'a.txt': `---\nlanguage: fr\n---\n${text}` });
      const facts = corpus.document('a.txt');
      assert.ok(facts);
      assert.deepEqual(
        readUnits(facts).map((unit) => facts.text.slice(unit.start, unit.end)),
        passages,
      );
    });
  }
});
