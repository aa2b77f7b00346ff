// Who a compound count key counts: the parts of `children-killed`,
// `us-soldiers-wounded` or `nigerien-troops-killed` other than the
// predicate ("killed", "wounded"), which tell siblings apart where the
// predicate is the same. A part names a group the press counts by its own
// words (children: "enfants", "طفلا"; soldiers: "troops", "جنود"), or is a
// word of its own, read as written ("nigerien": "Nigerien", "nigériens";
// "us": the acronym "U.S." or "US"). These words choose among siblings a
// figure's predicate already points to; they never tie a figure alone ("200
// enfants" at a school is no toll of children).

import type { Entity, Registry } from '../registry';
import { readWords, type Words } from '../read/words';
import { countedGroupWords, enemyGroupNames, keyWords, bringsCountCues, ownGroupNames, predicateOf } from './lexicon';
import { BEFORE_VALUE, proximity, stemOf } from './terms';
import type { Evidence } from './model';

/** What a compound key's qualifying parts match: word stems, and acronyms as their letters ("us"). */
interface Qualifier {
  readonly stems: ReadonlySet<string>;
  readonly acronyms: ReadonlySet<string>;
}

/** A qualifying word by the figure weighs half a built-in cue: enough to choose a sibling, as a learnt word does. */
export const QUALIFIER_WEIGHT = 1;
/** Parts shorter than this are read only as an acronym ("us", "un"): as words they are "us", "un". */
const ACRONYM_LENGTH = 3;

const qualifiers = new WeakMap<Registry, ReadonlyMap<string, Qualifier>>();

function stemsOf(phrases: readonly string[]): Set<string> {
  const stems = new Set<string>();
  for (const phrase of phrases) {
    for (const word of readWords({ text: phrase }).list) {
      const stem = stemOf(word);
      if (stem !== undefined) stems.add(stem);
    }
  }
  return stems;
}

/**
 * The one-word names of the party a key's part names by its id (`wagner` of
 * `wagner-killed`: "Wagner", "فاغنر"): its people are counted by its name in
 * every language. Longer names are left out, whose other words ("Wagner
 * Group") name any group.
 */
function oneWordNames(registry: Registry, part: string): string[] {
  const party = registry.entities.get(part);
  return party === undefined ? [] : party.aliases.map((alias) => alias.value).filter((alias) => !/\s/u.test(alias.trim()));
}

/** The qualifiers of a registry's compound count keys, by key; a key with none is absent. */
function qualifiersOf(registry: Registry): ReadonlyMap<string, Qualifier> {
  let known = qualifiers.get(registry);
  if (known === undefined) {
    const built = new Map<string, Qualifier>();
    for (const property of registry.properties.values()) {
      const parts = keyWords(property.key);
      if (property.type !== 'count' || parts.length < 2) continue;
      const phrases: string[] = [];
      const acronyms = new Set<string>();
      for (const part of parts) {
        const group = countedGroupWords(part);
        if (group.length > 0) phrases.push(...group);
        else if (bringsCountCues(part)) continue;
        else if (part.length < ACRONYM_LENGTH) acronyms.add(part);
        else phrases.push(part, ...oneWordNames(registry, part));
      }
      const stems = stemsOf(phrases);
      if (stems.size > 0 || acronyms.size > 0) built.set(property.key, { stems, acronyms });
    }
    qualifiers.set(registry, (known = built));
  }
  return known;
}

/** The acronym spelt from word `index` ("U.S." as u, ., s, ., or "US" in capitals), lower-cased, and the word after it; undefined when none starts there. */
function acronymAt(words: Words, index: number): { readonly letters: string; readonly next: number } | undefined {
  const word = words.list[index];
  if (word.kind !== 'word') return undefined;
  const source = words.text.slice(word.start, word.end);
  if (source.length >= 2 && /^\p{Lu}+$/u.test(source)) return { letters: word.text, next: index + 1 };
  let letters = '';
  let k = index;
  while (k + 1 < words.length && words.list[k].kind === 'word' && words.list[k].text.length === 1 && words.list[k + 1].text === '.' && !words.list[k + 1].spaced && (k === index || !words.list[k].spaced)) {
    letters += words.list[k].text;
    k += 2;
  }
  return letters.length >= 2 ? { letters, next: k } : undefined;
}

/**
 * What a key's qualifying words say of a figure, in the words [from, to)
 * around and within its words [first, next): each such word near it, less
 * the further it stands, less before it than after it (but in Arabic).
 */
export function qualifierEvidence(registry: Registry, key: string, words: Words, window: { readonly from: number; readonly to: number; readonly first: number; readonly next: number }): Evidence[] {
  const qualifier = qualifiersOf(registry).get(key);
  if (qualifier === undefined) return [];
  const found: Evidence[] = [];
  // The figure's own words may hold its noun: "20 طفلا على الأقل" is one reading.
  const weigh = (index: number, term: string) => {
    const word = words.list[index];
    const distance = index >= window.next ? index - window.next + 1 : index >= window.first ? 1 : window.first - index;
    const before = index < window.first && !word.arabic ? BEFORE_VALUE : 1;
    found.push({ weight: QUALIFIER_WEIGHT * before * proximity(Math.max(1, distance)), term });
  };
  for (let index = window.from; index < window.to; index++) {
    const acronym = qualifier.acronyms.size > 0 ? acronymAt(words, index) : undefined;
    if (acronym !== undefined && qualifier.acronyms.has(acronym.letters)) {
      weigh(index, acronym.letters);
      index = acronym.next - 1;
      continue;
    }
    const stem = stemOf(words.list[index]);
    if (stem !== undefined && qualifier.stems.has(stem)) weigh(index, stem);
  }
  return found;
}

/** How many words right after a figure may name whom it counts: "77 militants", "trois de ses soldats", "50 من عناصر فاغنر". */
const COUNTED_NOUN_WORDS = 4;

/**
 * Whether the noun a figure counts, in its own words ("20 طفلا على الأقل" is
 * one reading) or the few words right after it (and before the next
 * figure), is one of a key's qualifying words: "47 جنديا" names soldiers,
 * "77 militants" the attackers, "20 طفلا" children.
 */
export function namesCountedNoun(registry: Registry, key: string, words: Words, window: { readonly to: number; readonly first: number; readonly next: number }): boolean {
  return qualifierEvidence(registry, key, words, { ...window, from: window.first, to: Math.min(window.to, window.next + COUNTED_NOUN_WORDS) }).length > 0;
}

/** Whether a key's part names a party: a part of its id (`us` of `us-military`) or the stem of a word of its names ("nigerien": "armée nigérienne"). */
function namesParty(part: string, party: Entity): boolean {
  if (keyWords(party.id).includes(part)) return true;
  const names = stemsOf([party.name, ...party.aliases.map((alias) => alias.value)]);
  return [...stemsOf([part])].some((stem) => names.has(stem));
}

/**
 * The sibling of a count key (one of the same predicate) that counts a
 * party's own people, or its enemies' (`enemy`): for its own, the one whose
 * key names the party (`wagner-killed` for Wagner, `us-soldiers-killed` for
 * the US military); else the one whose key names the group a party of its
 * kind is made of (`rebels-killed` or `assailants-killed` for an armed
 * group, `soldiers-killed` for an army), or fights. A person speaks for the
 * one party they belong to. Undefined where none or several fit.
 */
export function sideSibling(registry: Registry, key: string, speaker: Entity, side: 'own' | 'enemy'): string | undefined {
  const party = speaker.kind === 'person' && speaker.affiliations.length === 1 ? (registry.entities.get(speaker.affiliations[0].value) ?? speaker) : speaker;
  const predicate = predicateOf(key);
  const siblings = [...registry.properties.values()].filter((property) => property.type === 'count' && predicateOf(property.key) === predicate);
  if (side === 'own') {
    const named = siblings.filter((property) => keyWords(property.key).some((part) => !bringsCountCues(part) && countedGroupWords(part).length === 0 && namesParty(part, party)));
    if (named.length > 0) return named.length === 1 ? named[0].key : undefined;
  }
  const group = side === 'own' ? ownGroupNames(party.kind) : enemyGroupNames(party.kind);
  const grouped = siblings.filter((property) => keyWords(property.key).some((part) => group.includes(part)));
  return grouped.length === 1 ? grouped[0].key : undefined;
}
