// Strings as the corpus keeps them for long: flat, and one copy of each of
// the short ones that thousands of blocks repeat.

/**
 * A sequential copy of a string. A template literal's result is a tree of
 * concatenation nodes over its pieces (32 bytes a node), and a slice of 13
 * characters or more points into the string it was cut from; V8 keeps
 * either as it is for as long as it lives. JSON's round trip is the
 * identity on every string, lone surrogates included.
 */
export function flatCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Distinct strings kept by `intern`; past it the table starts again, so a corpus's vocabulary is bounded, not its history. */
const INTERNED_MAX = 65_536;
const interned = new Map<string, string>();

/**
 * The shared copy of a short string the markup repeats: a claim's keys,
 * values and `@ids` as written, and the mentions' texts (at 10,000
 * reports, 135,000 keys, 200,000 values and refs and 116,000 mention
 * texts, a few thousand of them distinct). The copy kept is flat,
 * so it holds no document's text once that document is gone.
 */
export function intern(text: string): string {
  const known = interned.get(text);
  if (known !== undefined) return known;
  if (interned.size >= INTERNED_MAX) interned.clear();
  const copy = flatCopy(text);
  interned.set(copy, copy);
  return copy;
}
