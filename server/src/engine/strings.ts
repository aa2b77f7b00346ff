// Strings as the corpus keeps them for long: flat, and one copy of each of
// the short ones that thousands of blocks repeat.

/** The empty match at the start of a string: replacing it with nothing is the identity. Its lastIndex stays 0, where the match ends. */
const START = /(?:)/y;

/**
 * A flat copy of a string built by concatenation. A template literal's
 * result is a tree of concatenation nodes over its pieces (32 bytes a
 * node), which V8 keeps as it is for as long as the string lives. A
 * regular-expression replace builds its result afresh, and replacing the
 * empty match at the start with nothing gives the same code units, lone
 * surrogates included (no `u` flag). JSON's round trip (as `intern` makes
 * its copies) costs about eight times as much: a hot-event edit, which
 * makes a few thousand messages, took 6 ms more with it.
 */
export function flatCopy(text: string): string {
  return text.replace(START, '');
}

/** Distinct strings kept by `intern`; past it the table starts again, so a corpus's vocabulary is bounded, not its history. */
const INTERNED_MAX = 65_536;
const interned = new Map<string, string>();

/**
 * The shared copy of a short string the markup repeats: a claim's keys,
 * values and `@ids` as written, and the mentions' texts (at 10,000
 * reports, 135,000 keys, 200,000 values and refs and 116,000 mention
 * texts, a few thousand of them distinct). The copy kept holds no
 * document's text once that document is gone.
 */
export function intern(text: string): string {
  const known = interned.get(text);
  if (known !== undefined) return known;
  if (interned.size >= INTERNED_MAX) interned.clear();
  // A copy of its own: a slice of 13 characters or more points into the
  // text it was cut from, and a replace may give such a slice back as it is;
  // JSON's round trip is the identity on every string and always copies.
  const copy = JSON.parse(JSON.stringify(text)) as string;
  interned.set(copy, copy);
  return copy;
}

const RECENT_MASK = 16383;
/**
 * Shared copies met lately, by a hash of their length and five of their
 * units: see internRange. Two to a hash (the slot and its neighbour), so
 * two names that collide, met in turn ("local-sources", "local sources"),
 * do not push each other out.
 */
const recent: string[] = new Array<string>(RECENT_MASK + 1).fill('');

/**
 * intern(text.slice(start, end)), asking first a small table of the copies
 * met lately, compared where the units stand: a hit costs no slice and no
 * hash of it. The `Map` look-up of a fresh slice (its hash made by V8's
 * runtime, then compared with the copy kept) was most of `intern`'s
 * 3–4 % of a cold check; hashing every unit in JavaScript instead was slower.
 * At 10,000 reports a pass over the reports asks 562,000 times for 9,059
 * distinct strings: a table of 4,096 hashed on three units missed 48,000
 * times a pass, this one 17,000 (over three passes, the first one's 9,059
 * included).
 */
export function internRange(text: string, start: number, end: number): string {
  const length = end - start;
  if (length <= 0) return '';
  let hash = Math.imul(length, 0x9e3779b1) ^ Math.imul(text.charCodeAt(start), 0x85ebca6b) ^ Math.imul(text.charCodeAt(end - 1), 0xc2b2ae35);
  hash = Math.imul(hash ^ text.charCodeAt(start + (length >> 1)), 0x27d4eb2f) ^ Math.imul(text.charCodeAt(start + (length >> 2)), 0x165667b1) ^ text.charCodeAt(end - 1 - (length >> 2));
  const slot = (hash ^ (hash >>> 15)) & RECENT_MASK;
  const met = recent[slot];
  if (met.length === length && text.startsWith(met, start)) return met;
  const other = recent[slot ^ 1];
  if (other.length === length && text.startsWith(other, start)) return other;
  const copy = intern(text.slice(start, end));
  recent[slot ^ 1] = met;
  recent[slot] = copy;
  return copy;
}
