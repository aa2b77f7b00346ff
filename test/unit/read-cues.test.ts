// The cue reader, as a table: hedging (→ the claim's `hedged` flag) and
// declined figures (→ `?`), with ⟦ ⟧ around the exact words of each cue.
// Rows with no ⟦ ⟧ must read nothing: a plain statement of fact is neither.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readCues, type Cue } from '../../server/src/engine/read/cues';
import { assertReadings } from '../marked';

type Row = readonly [text: string, ...cues: Cue[]];

const FRENCH: readonly Row[] = [
  ['Cinq voitures, des armes lourdes et des équipements militaires ⟦auraient⟧ également été pillés', 'hedged'],
  ['les assaillants ⟦auraient⟧ été « repoussés » et « mis en déroute. »', 'hedged'],
  ["l'attaque ⟦aurait⟧ fait une vingtaine de morts", 'hedged'],
  ['une cinquantaine de soldats ⟦seraient⟧ morts', 'hedged'],
  ['le bilan ⟦s’élèverait⟧ à cinquante morts', 'hedged'],
  ['selon des informations ⟦non confirmées⟧', 'hedged'],
  ['Ces affirmations ⟦ne peuvent pas encore être vérifiées⟧', 'hedged'],
  ['un bilan ⟦impossible à vérifier⟧', 'hedged'],
  ['des jihadistes ⟦présumés⟧', 'hedged'],
  ['le camp a été pris, ⟦semble-t-il⟧, dans la nuit', 'hedged'],
  ["ce bilan ⟦n'a pas pu être vérifié⟧ de source indépendante", 'hedged'],
  ['un bilan ⟦invérifiable⟧', 'hedged'],
  ["Sollicitée par RFI, l'armée malienne ⟦n'a pas souhaité apporter de précisions ni de bilan⟧", 'declined'],
  ["l'armée ⟦n'a pas souhaité donner de bilan⟧", 'declined'],
  // "le nombre" is a figure as "le bilan" is (the fifteenth corpus).
  ["Le ministère de la Défense ⟦n'a pas souhaité communiquer le nombre⟧ de militaires toujours portés disparus", 'declined'],
  ["l'armée ⟦n'a pas donné le nombre⟧ de blessés", 'declined'],
  ["la mission n'est ⟦pas en mesure de donner un bilan⟧", 'declined'],
  ["l'hôpital est ⟦dans l'impossibilité d'établir un bilan⟧", 'declined'],
  ["l'état-major ⟦n'a pas communiqué de bilan⟧", 'declined'],
  ["le ministère ⟦n'avait pas encore publié de bilan⟧ officiel mercredi soir", 'declined'],
  ["Ni le gouvernement ni l'armée ⟦n'avaient communiqué de bilan⟧ mercredi", 'declined'],
  ["⟦Aucune information sur les conséquences des tirs à Goundam n'a été fournie⟧", 'declined'],
  ["⟦aucun bilan n'a été communiqué⟧", 'declined'],
  ['le ministère ⟦s’est refusé à tout commentaire⟧', 'declined'],
  ["l'armée ⟦a refusé de commenter⟧", 'declined'],
  ['un communiqué, ⟦sans préciser le nombre⟧ de victimes', 'declined'],
  ['le groupe a revendiqué l’attaque, ⟦sans avancer de bilan⟧', 'declined'],
  ["le porte-parole ⟦n'a pas répondu aux sollicitations⟧ de l'AFP", 'declined'],
  ["l'armée ⟦n'a pu être jointe⟧", 'declined'],
  ["Les autorités ⟦n'ont communiqué aucun chiffre⟧", 'declined'],
  // Neither.
  ["L'armée malienne a assuré pour sa part avoir repoussé l'assaut"],
  ['Des dizaines de soldats ont été tués ou blessés'],
  ["l'armée a communiqué un bilan de 20 morts"],
  ['La communication a été authentifiée samedi par SITE'],
  ['le retrait de la mission'],
  ['Le communiqué ⟦ne fait aucune mention de victimes⟧ civiles', 'declined'],
  ['Le communiqué ne fait aucune mention du maire'],
  // A figure withheld or not known, and a fate not known (figures-withheld.md).
  ['les FAMa avaient subi des pertes, ⟦sans en préciser le nombre⟧', 'declined'],
  ['le groupe a publié des images, ⟦sans dire combien⟧ de soldats il détient', 'declined'],
  ["l'armée ⟦s'est refusée à donner un bilan⟧", 'declined'],
  ['on ⟦ignore le nombre⟧ de victimes', 'declined'],
  ['des dizaines de soldats dont on ⟦ignore le sort⟧', 'declined'],
  ['les familles sont ⟦sans nouvelles de⟧ leurs proches', 'declined'],
  ['les familles ignorent encore où aller'],
];

const ENGLISH: readonly Row[] = [
  ['the attackers ⟦reportedly⟧ seized five vehicles', 'hedged'],
  ['JNIM ⟦allegedly⟧ took the camp', 'hedged'],
  ['the ⟦alleged⟧ attackers', 'hedged'],
  ['a video ⟦purportedly⟧ showing the camp', 'hedged'],
  ['⟦unconfirmed⟧ reports of 50 dead', 'hedged'],
  ['⟦unverified⟧ footage', 'hedged'],
  ['the group ⟦is said to⟧ have taken the camp', 'hedged'],
  ['the fighters ⟦are believed to⟧ have withdrawn', 'hedged'],
  ['as many as 40 soldiers ⟦may have been⟧ killed', 'hedged'],
  ['some of the hostages ⟦might have died⟧ in the fire', 'hedged'],
  ['the soldiers may have to leave the camp'],
  ['The claims ⟦could not be independently verified⟧', 'hedged'],
  ['Reuters ⟦could not independently verify⟧ the toll', 'hedged'],
  ["Reuters ⟦couldn't independently verify⟧ the toll", 'hedged'],
  ['the toll ⟦has not been independently confirmed⟧', 'hedged'],
  ['The army ⟦declined to give⟧ a toll', 'declined'],
  ["Burkina Faso's military government ⟦has not released a death toll⟧", 'declined'],
  ['a military spokesman ⟦did not comment⟧', 'declined'],
  ["the ministry ⟦didn't comment⟧", 'declined'],
  ['officials ⟦would not give a figure⟧', 'declined'],
  ['the army ⟦declined to comment⟧', 'declined'],
  ['the ministry ⟦refused to disclose⟧ casualties', 'declined'],
  ['the army ⟦did not respond⟧ to a request for comment', 'declined'],
  ['the statement ⟦gave no toll⟧', 'declined'],
  ['⟦no figures were released⟧', 'declined'],
  ['a spokesman ⟦could not be reached⟧ for comment', 'declined'],
  ['the mission said it was ⟦not in a position to give a toll⟧', 'declined'],
  ['the hospital was ⟦unable to provide a figure⟧', 'declined'],
  ['the army said it repelled the attack ⟦without giving a toll⟧', 'declined'],
  ['the group claimed the raid ⟦without releasing any figures⟧', 'declined'],
  // Neither.
  ['The army said it had repelled the assault'],
  ['The figures were independently verified by AFP'],
  ['The toll could be confirmed on Monday'],
  ['At least 47 civilians were killed'],
  ['the army refused to surrender, the statement said'],
  ['It said its fighters had killed dozens of soldiers, and ⟦made no mention of civilians⟧', 'declined'],
  ['The statement made no mention of the mayor'],
  // A figure withheld or not known, and a fate not known (figures-withheld.md).
  ['some of the missing had reached Djibo on foot, ⟦without saying how many⟧', 'declined'],
  ['it is ⟦not known how many⟧ soldiers were killed', 'declined'],
  ['some soldiers fled into the bush and ⟦have not been seen since⟧', 'declined'],
  ['the ⟦fate of dozens of others remains unknown⟧', 'declined'],
  ['the ⟦whereabouts of the soldiers are not known⟧', 'declined'],
  ['the soldiers have not been paid since March'],
];

const ARABIC: readonly Row[] = [
  ['⟦يُزعم⟧ أن المسلحين استولوا على المعسكر', 'hedged'],
  ['⟦يزعم⟧ أن', 'hedged'],
  ['و⟦لم يتسنَّ التحقق⟧ من ذلك', 'hedged'],
  ['⟦لم يتسنّ التأكد⟧ من صحة هذه الأرقام', 'hedged'],
  ['⟦لم يتسن للجزيرة التحقق⟧ من صحة الفيديو', 'hedged'],
  ['هجمات ⟦مزعومة⟧', 'hedged'],
  ['أنباء ⟦غير مؤكدة⟧ عن سقوط قتلى', 'hedged'],
  ['⟦تعذر التحقق⟧ من الحصيلة', 'hedged'],
  ['⟦على ما يبدو⟧', 'hedged'],
  ['⟦يعتقد أن⟧ المسلحين انسحبوا', 'hedged'],
  ['⟦يقال إن⟧ الجيش انسحب', 'hedged'],
  ['⟦ربما⟧ قتل العشرات', 'hedged'],
  ['⟦رفض الإفصاح⟧ عن عدد القتلى', 'declined'],
  ['و⟦لم تتمكن البعثة من تقديم حصيلة⟧', 'declined'],
  ['⟦رفضت الكشف⟧ عن الحصيلة', 'declined'],
  ['⟦امتنع عن التعليق⟧', 'declined'],
  ['⟦لم يقدم الجيش حصيلة⟧', 'declined'],
  ['⟦لم تعلن السلطات عن أي حصيلة⟧', 'declined'],
  ['أعلن الجيش صد الهجوم ⟦دون أن يحدد عدد⟧ القتلى', 'declined'],
  ['⟦دون تحديد عدد⟧ الضحايا', 'declined'],
  ['⟦لم يرد على طلب⟧ للتعليق', 'declined'],
  ['⟦لم يتسن الحصول على تعليق⟧ من الجيش', 'declined'],
  ['و⟦لم يكشف الجيش عن حصيلة⟧', 'declined'],
  ['و⟦رفض الجيش التعليق⟧ على الهجوم', 'declined'],
  ['و⟦لم تنشر الحكومة حتى الآن أي حصيلة⟧ رسمية', 'declined'],
  // Neither.
  ['أكد الجيش المالي أنه صد الهجوم'],
  ['قتل 20 جنديا'],
  ['أعلنت الجماعة مسؤوليتها عن الهجوم'],
  ['وقال التنظيم إن مقاتليه قتلوا أكثر من مئة جندي، من ⟦دون أن يذكر خسائره⟧', 'declined'],
  ['و⟦لم يشر البيان إلى سقوط قتلى مدنيين⟧', 'declined'],
  ['ولم يشر البيان إلى موعد الهجوم'],
  // A figure withheld or not known, and a fate not known (figures-withheld.md).
  ['و⟦امتنع المصدر عن تحديد عدد⟧ القتلى في صفوف المدنيين', 'declined'],
  ['فيما لا يزال ⟦مصير عشرات آخرين مجهولا⟧', 'declined'],
  ['و⟦لم ترد البعثة على أسئلة⟧ حول عدد القتلى', 'declined'],
];

function check(rows: readonly Row[], language: string | undefined): void {
  const read = (text: string) => readCues(text, { language }).map((reading) => ({ ...reading, value: reading.cue }));
  for (const [source, ...cues] of rows) void test(source, () => assertReadings(source, read, cues));
}

void describe('cue reader: French', () => check(FRENCH, 'fr'));
void describe('cue reader: English', () => check(ENGLISH, 'en'));
void describe('cue reader: Arabic', () => check(ARABIC, 'ar'));
void describe('cue reader: every language at once', () => check([...FRENCH, ...ENGLISH, ...ARABIC], undefined));

void describe('cue readings', () => {
  void test('the why names the cue and what it gives', () => {
    assert.deepEqual(
      readCues("l'armée n'a pas souhaité donner de bilan; les camions auraient été pillés", { language: 'fr' }).map((reading) => reading.why),
      ["'n'a pas souhaité donner de bilan' → ? (declined)", "'auraient' → hedged"],
    );
  });
});
