// The small vocabulary every part of the engine and the features shares: what
// an id may be, how the registry's three sections are named in messages and
// in corroborate.yaml, and how long user text is cut for a message. One home
// each, so a message never says "a actor" in one place and "an actor" in
// another.

import type { EntitySection } from './values';

/** The id grammar of entities, claim `#ids` and property keys: `[A-Za-z0-9][A-Za-z0-9_-]*`. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

function isAlphanumeric(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** True when `c` may continue an id. */
export function isIdCharacter(c: number): boolean {
  return isAlphanumeric(c) || c === 0x2d || c === 0x5f;
}

/** True when text[start, end) is an id, without slicing it out. */
export function isIdAt(text: string, start: number, end: number): boolean {
  if (start >= end || !isAlphanumeric(text.charCodeAt(start))) return false;
  for (let i = start + 1; i < end; i++) if (!isIdCharacter(text.charCodeAt(i))) return false;
  return true;
}

export function isId(text: string): boolean {
  return isIdAt(text, 0, text.length);
}

/** The registry's section key for entities of a section: `actors`, `places`, `events`. */
export type SectionKey = 'actors' | 'places' | 'events';

export const SECTION_KEY: Readonly<Record<EntitySection, SectionKey>> = { actor: 'actors', place: 'places', event: 'events' };

export const SECTION_OF_KEY: Readonly<Record<SectionKey, EntitySection>> = { actors: 'actor', places: 'place', events: 'event' };

/** "an actor", "a place", "an event": a section in a sentence. */
export function entityNoun(section: EntitySection): string {
  return section === 'actor' ? 'an actor' : section === 'event' ? 'an event' : 'a place';
}

/** User text for a message or a label: one line, cut with … past `max` characters. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
