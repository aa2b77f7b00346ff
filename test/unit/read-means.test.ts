// The means and spoils reader, as a table: (words, language) → the text
// value, with ⟦ ⟧ around the words it was read from. The means are the
// weapons and vehicles named, as written, joined in text order; the spoils
// the object of a verb of taking, to the end of its clause.

import { describe, test } from 'node:test';
import { readMeans, readSpoils } from '../../server/src/engine/read/means';
import { assertReadings } from '../marked';

type Row = readonly [text: string, language: string, ...values: string[]];

const MEANS: readonly Row[] = [
  ['They hit the convoy with ⟦rocket-propelled grenades and machine guns⟧.', 'en', 'rocket-propelled grenades, machine guns'],
  ['shelling it with ⟦mortars before driving car bombs⟧ at its gates', 'en', 'mortars, car bombs'],
  ['Des ⟦kamikazes auraient également fait exploser des véhicules piégés⟧ à l’entrée du camp.', 'fr', 'kamikazes, véhicules piégés'],
  ['Après des ⟦tirs d’obus⟧ sur les deux emprises', 'fr', 'tirs d’obus'],
  ['هاجموا المعسكر ب⟦قذائف الهاون وسيارات مفخخة⟧.', 'ar', 'قذائف الهاون، سيارات مفخخة'],
  // A force's standing means, gold mines: none.
  ['where 800 soldiers fly drones', 'en'],
  ['les mines d’or de la région', 'fr'],
];

const SPOILS: readonly Row[] = [
  ['The attackers seized ⟦weapons and a military ambulance⟧ before pulling out.', 'en', 'weapons and a military ambulance'],
  ['Les assaillants se seraient emparés d’⟦armes et d’une ambulance militaire⟧, selon la même source.', 'fr', 'armes et d’une ambulance militaire'],
  ['واستولوا على ⟦أسلحة وذخائر وآليات⟧ قبل أن ينسحبوا.', 'ar', 'أسلحة وذخائر وآليات'],
  ['Ils ont incendié des véhicules et sont repartis avec ⟦des armes et des munitions⟧.', 'fr', 'des armes et des munitions'],
  // Seizing control, or taking a town, takes no spoils.
  ['The rebels seized control of the town.', 'en'],
  ['The rebels took the town.', 'en'],
];

void describe('means reader', () => {
  for (const [text, language, ...values] of MEANS) void test(text, () => assertReadings(text, (t) => [readMeans(t, { language })].filter((r) => r !== undefined), values));
});

void describe('spoils reader', () => {
  for (const [text, language, ...values] of SPOILS) void test(text, () => assertReadings(text, (t) => [readSpoils(t, { language })].filter((r) => r !== undefined), values));
});
