// One item held alone, or a list of them: what the corpus keeps where most
// holders have one item (a claim's assertions, a party's claims, the claims
// sharing an id). A list is two objects (the array and its store) that every
// collection copies or marks; at 50,000 reports the lists of one were about
// 800,000 of the language server's 4.15 million live objects. The items are
// objects, never lists, so a list tells itself apart from an item.

export type SoleOrList<T extends object> = T | readonly T[];

export function isList<T extends object>(held: SoleOrList<T>): held is readonly T[] {
  return Array.isArray(held);
}

/** The items as a list: a new list of one for an item held alone. */
export function listOf<T extends object>(held: SoleOrList<T>): readonly T[] {
  return isList(held) ? held : [held];
}

/** How many items are held. */
export function countOf<T extends object>(held: SoleOrList<T>): number {
  return isList(held) ? held.length : 1;
}

/** The first item, undefined for an empty list. */
export function firstOf<T extends object>(held: SoleOrList<T>): T | undefined {
  return isList(held) ? held[0] : held;
}

/** What to hold for `items` (a list the holder may keep): the item itself when it is the only one. */
export function heldAs<T extends object>(items: readonly T[]): SoleOrList<T> {
  return items.length === 1 ? items[0] : items;
}
