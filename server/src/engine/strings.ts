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
