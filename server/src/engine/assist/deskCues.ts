// The cue phrases a passage is matched against, beside what the corpus
// teaches: the desk's own (corroborate.yaml `cues:`, per property and per
// enum value) and the built-in ones of lexicon.ts. Phrases are matched over
// the readers' folded words (PhraseTable), never as regular expressions.

import type { Registry } from '../registry';
import { PhraseTable, phraseTokens } from '../read/words';
import { builtInActorCues, builtInCountCues, builtInCountCuesOfParts, builtInDateCues, builtInStanceCues, builtInValueCues } from './lexicon';
import { target } from './model';

/** Cue phrases a desk gives: by property key, and by enum property and value. */
export interface DeskCues {
  readonly properties: ReadonlyMap<string, readonly string[]>;
  readonly values: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
}

export const NO_DESK_CUES: DeskCues = { properties: new Map(), values: new Map() };

/** A phrase that signals a target, and how much. */
export interface CuePhrase {
  readonly target: string;
  readonly weight: number;
  readonly phrase: string;
}

/** A desk's cue weighs as much as a word every claim of the property holds and no other claim does. */
export const DESK_CUE_WEIGHT = 3;
/** A built-in cue weighs less: the desk's words and its annotations know its reports better. */
export const BUILT_IN_CUE_WEIGHT = 2;
/**
 * A built-in cue of a compound key's part ("missing" of soldiers-missing)
 * weighs a little less: `killed` keeps a toll its sibling `children-killed`
 * shares the predicate with, unless the learnt words ("enfants") tell them apart.
 */
export const PART_CUE_WEIGHT = 1.8;

const deskCues = new WeakMap<Registry, DeskCues>();

/** The desk's cues in corroborate.yaml: each property's `cues:`, and an enum's per value. */
export function registryCues(registry: Registry): DeskCues {
  let cues = deskCues.get(registry);
  if (cues === undefined) {
    const properties = new Map<string, readonly string[]>();
    const values = new Map<string, ReadonlyMap<string, readonly string[]>>();
    for (const property of registry.properties.values()) {
      if (property.cues.length > 0) properties.set(property.key, property.cues.map((cue) => cue.value));
      if (property.valueCues.size > 0) values.set(property.key, new Map([...property.valueCues].map(([value, list]) => [value, list.map((cue) => cue.value)])));
    }
    deskCues.set(registry, (cues = properties.size === 0 && values.size === 0 ? NO_DESK_CUES : { properties, values }));
  }
  return cues;
}

function targetOf(registry: Registry, key: string, value?: string): string | undefined {
  const property = registry.properties.get(key);
  if (property === undefined) return undefined;
  if (value !== undefined) return property.type === 'enum' && property.values.includes(value) ? target.value(key, value) : undefined;
  switch (property.type) {
    case 'count':
      return target.count(key);
    case 'date':
      return target.date(key);
    case 'entity':
      return target.entity(key);
    default:
      return undefined;
  }
}

function buildTable(registry: Registry, desk: DeskCues): PhraseTable<readonly CuePhrase[]> {
  // One entry per phrase, however many targets it signals ("capturés": a count of prisoners and the value captured).
  const byPhrase = new Map<string, CuePhrase[]>();
  const add = (name: string | undefined, phrases: readonly string[], weight: number) => {
    if (name === undefined) return;
    for (const phrase of phrases) {
      const key = phraseTokens(phrase).join(' ');
      if (key === '') continue;
      let list = byPhrase.get(key);
      if (list === undefined) byPhrase.set(key, (list = []));
      // A phrase of several words is a more specific cue than one word ("tués ou blessés" against "tués").
      const specific = weight * (1 + 0.5 * (key.split(' ').length - 1));
      if (!list.some((cue) => cue.target === name && cue.weight >= specific)) list.push({ target: name, weight: specific, phrase });
    }
  };
  for (const [key, phrases] of desk.properties) add(targetOf(registry, key), phrases, DESK_CUE_WEIGHT);
  for (const [key, values] of desk.values) for (const [value, phrases] of values) add(targetOf(registry, key, value), phrases, DESK_CUE_WEIGHT);
  for (const property of registry.properties.values()) {
    if (property.type === 'count') {
      const own = builtInCountCues(property.key, property.measure?.value);
      add(target.count(property.key), own.length > 0 ? own : builtInCountCuesOfParts(property.key), own.length > 0 ? BUILT_IN_CUE_WEIGHT : PART_CUE_WEIGHT);
    }
    if (property.type === 'date') {
      const { cues, whole } = builtInDateCues(property.key);
      add(target.date(property.key), cues, whole ? BUILT_IN_CUE_WEIGHT : PART_CUE_WEIGHT);
    }
    if (property.type === 'enum') {
      for (const value of property.values) {
        add(target.value(property.key, value), builtInValueCues(value), BUILT_IN_CUE_WEIGHT);
        add(target.stance(property.key, value), builtInStanceCues(value), BUILT_IN_CUE_WEIGHT);
      }
    }
    if (property.type === 'entity' && property.kind === 'actor') add(target.entity(property.key), builtInActorCues(property.key), BUILT_IN_CUE_WEIGHT);
  }
  const table = new PhraseTable<readonly CuePhrase[]>();
  for (const list of byPhrase.values()) table.addLiteral(list[0].phrase, list);
  return table;
}

const tables = new WeakMap<Registry, WeakMap<DeskCues, PhraseTable<readonly CuePhrase[]>>>();

/** The cue table of a registry with a desk's cues (the registry's own unless given), built once. */
export function cueTable(registry: Registry, desk: DeskCues = registryCues(registry)): PhraseTable<readonly CuePhrase[]> {
  let byDesk = tables.get(registry);
  if (byDesk === undefined) tables.set(registry, (byDesk = new WeakMap()));
  let table = byDesk.get(desk);
  if (table === undefined) byDesk.set(desk, (table = buildTable(registry, desk)));
  return table;
}
