// The means and spoils reader: how an attack was carried out and what the
// attackers took, in the report's own words, for a desk's free-text
// properties of them (`method`, `seized`).
// - means: the weapons and vehicles of an attack the press names — "car
//   bombs", "rocket-propelled grenades", "véhicules piégés", "tirs
//   d'obus", "قذائف الهاون", "دراجات نارية" — each as written, in text order;
// - spoils: what follows a verb of taking — "seized weapons and a military
//   ambulance", "se seraient emparés d'armes et d'une ambulance militaire",
//   "واستولوا على أسلحة وذخائر وآليات" — up to the end of its clause, or a
//   word that opens another ("before", "avant de", "قبل").
// Text values are recorded, never compared: the words are what the desk
// writes.

import { byLanguages, languagesOf, phraseTable, type ReadOptions, type TableEntry } from './languages';
import { quoted, type Reading } from './reading';
import { wordsOf, type ReadInput, type Words } from './words';

export interface TextReading extends Reading {
  /** The value as the markup writes it (quoted by the writer where needed). */
  readonly value: string;
}

/**
 * The weapons, explosives and vehicles of an attack. Not drones, which
 * reports name as a force's standing means ("where 800 troops … fly
 * drones"), nor French "mines" alone (gold mines).
 */
const MEANS: readonly TableEntry<true>[] = [
  ['fr', 'véhicule|véhicules|voiture|voitures kamikaze|kamikazes|piégé|piégés|piégée|piégées|suicide', true],
  ['fr', 'kamikaze|kamikazes', true],
  ['fr', 'engin|engins explosif|explosifs', true],
  ['fr', "tirs|tir d'obus", true],
  ['fr', 'tirs|tir de roquettes|mortier', true],
  ['fr', 'obus|mortier|mortiers|roquette|roquettes|lance-roquettes|mitrailleuse|mitrailleuses|moto|motos|pick-up', true],
  ['fr', 'mine|mines antipersonnel|artisanale|artisanales', true],
  ['fr', 'arme|armes lourde|lourdes', true],
  ['fr', "fusils d'assaut", true],
  ['en', 'car|truck bomb|bombs', true],
  ['en', 'suicide bomber|bombers|vehicle|vehicles|car|cars', true],
  ['en', 'rocket-propelled grenade|grenades', true],
  ['en', 'machine gun|guns', true],
  ['en', 'heavy weapons|artillery', true],
  ['en', 'improvised explosive device|devices', true],
  ['en', 'mortar|mortars|rockets|landmine|landmines|IED|IEDs|explosives|motorbikes|motorcycles', true],
  ['en', 'pick-up|pickup trucks', true],
  ['ar', 'سيارة|سيارات مفخخة', true],
  ['ar', 'عبوة|عبوات ناسفة', true],
  ['ar', 'قذائف|قذيفة الهاون|هاون', true],
  ['ar', 'أسلحة ثقيلة', true],
  ['ar', 'دراجات|دراجة نارية', true],
  ['ar', 'سيارات|سيارة رباعية الدفع', true],
  ['ar', 'انتحاري|انتحاريين|انتحاريون|صواريخ|رشاشات|ألغام', true],
];

/** Verbs of taking, whose object is what was taken. "Took" and "captured" are left out: "took control", "captured the camp". */
const TAKING: readonly TableEntry<true>[] = [
  ['fr', "se|s' sont|seraient|serait|est|étaient|était emparés|emparé|emparée|emparées de|d'|du|des", true],
  ['fr', 'ont|auraient|avaient emporté|pillé|saisi|dérobé', true],
  ['fr', 'ont|auraient|avaient fait main basse sur', true],
  // Leaving with it: "sont repartis avec des armes et des munitions".
  ['fr', 'sont|seraient|étaient|serait|est|était repartis|reparti|repartie|reparties avec', true],
  ['en', 'seized|looted|stole|stolen', true],
  ['en', 'made|carried off with', true],
  ['ar', 'استولوا|استولى|استولت|واستولوا|واستولى|واستولت على', true],
  ['ar', 'نهبوا|نهب|سلبوا|غنموا|ونهبوا|وسلبوا|وغنموا', true],
];

/** Words that end what was taken: another clause or its circumstance ("before pulling out", "avant de se replier", "قبل أن يفروا"). */
const OBJECT_ENDS: ReadonlySet<string> = new Set(['before', 'after', 'then', 'when', 'while', 'avant', 'apres', 'puis', 'lorsque', 'selon', 'according', 'قبل', 'بعد', 'ثم']);
/** Words taken after "seized" that are no spoils: "seized control", "s'emparer du contrôle". */
const NOT_SPOILS: ReadonlySet<string> = new Set(['control', 'power', 'controle', 'pouvoir']);
/** What was taken is a few words: past this many, the object is not read. */
const MAX_OBJECT_WORDS = 8;

const meansTable = byLanguages((languages) => phraseTable(MEANS, languages));
const takingTable = byLanguages((languages) => phraseTable(TAKING, languages));

/** The means of an attack a passage names, as one value: the phrases as written, in text order, joined by commas. */
export function readMeans(input: ReadInput, options: ReadOptions = {}): TextReading | undefined {
  const words = wordsOf(input);
  const found = meansTable(languagesOf(options.language)).findAll(words);
  if (found.length === 0) return undefined;
  const phrases = [...new Set(found.map((match) => words.sourceBetween(match.start, match.end)))];
  const start = found[0].start;
  const end = found[found.length - 1].end;
  // Listed as the language lists: "قذائف الهاون، سيارات مفخخة".
  const comma = words.list[found[0].first].arabic ? '، ' : ', ';
  return { start, end, words: words.text.slice(start, end), value: phrases.join(comma), why: `${phrases.map((phrase) => `'${phrase}'`).join(', ')} → the means of the attack` };
}

/** What a passage says was taken: the words after a verb of taking, to the end of its clause. */
export function readSpoils(input: ReadInput, options: ReadOptions = {}): TextReading | undefined {
  const words = wordsOf(input);
  for (const match of takingTable(languagesOf(options.language)).findAll(words)) {
    const object = objectAfter(words, match.next);
    if (object === undefined) continue;
    const start = words.list[object.first].start;
    const end = words.list[object.next - 1].end;
    const value = words.sourceBetween(start, end);
    return { start, end, words: words.text.slice(start, end), value, why: `${quoted(words, match.start, match.end)} ${quoted(words, start, end)} → what was taken` };
  }
  return undefined;
}

/** The words [first, next) of a verb's object from word `index`: to the end of its clause, at most a few words; undefined when none. */
function objectAfter(words: Words, index: number): { readonly first: number; readonly next: number } | undefined {
  let next = index;
  let count = 0;
  while (next < words.length) {
    const word = words.list[next];
    if (word.kind === 'mark' && word.text !== "'" && word.text !== '’' && word.text !== '-') break;
    if (word.kind === 'word' && OBJECT_ENDS.has(word.text)) break;
    if (word.kind !== 'mark' && ++count > MAX_OBJECT_WORDS) return undefined;
    next++;
  }
  const first = words.list[index];
  if (count === 0 || first === undefined || NOT_SPOILS.has(first.text)) return undefined;
  return { first: index, next };
}
