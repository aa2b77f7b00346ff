// What the assist keeps for every claim of a corpus, packed. At 10,000
// reports the cue model and the neighbours index hold 50,000 claims' terms,
// targets and words; as arrays of strings (a term copied into every claim
// that holds it, an array and its header per claim and per observation)
// they were 63 and 18 MB of a language server's heap. Here each string is
// kept once, as an ordinal of a `Vocabulary`, and each document's lists of
// ordinals are one string of base-128 digits.

import { flatCopy } from '../strings';

/**
 * Strings kept once and known by an ordinal, each use counted: a string
 * nothing uses any more is let go and its ordinal given to the next new
 * string, so that edits leave nothing behind. An ordinal stands for its
 * string only while something holds it.
 */
export class Vocabulary {
  private readonly ordinals = new Map<string, number>();
  private readonly strings: string[] = [];
  private readonly uses: number[] = [];
  private readonly unused: number[] = [];

  /** The ordinal of a string, used once more. */
  hold(text: string): number {
    let ordinal = this.ordinals.get(text);
    if (ordinal === undefined) {
      ordinal = this.unused.pop() ?? this.strings.length;
      // A copy of its own: a target is built by a template (a tree of concatenations), a term may be cut from a longer word.
      const kept = flatCopy(text);
      this.ordinals.set(kept, ordinal);
      this.strings[ordinal] = kept;
      this.uses[ordinal] = 0;
    }
    this.uses[ordinal]++;
    return ordinal;
  }

  /** A string held already, by its ordinal, used once more. */
  holdAgain(ordinal: number): void {
    this.uses[ordinal]++;
  }

  /** Used once less: let go with its last use (then true). */
  release(ordinal: number): boolean {
    if (--this.uses[ordinal] > 0) return false;
    this.ordinals.delete(this.strings[ordinal]);
    this.strings[ordinal] = '';
    this.unused.push(ordinal);
    return true;
  }

  text(ordinal: number): string {
    return this.strings[ordinal];
  }

  /** The ordinal of a string something holds, or undefined. */
  find(text: string): number | undefined {
    return this.ordinals.get(text);
  }

  /** How many strings are held. */
  get size(): number {
    return this.ordinals.size;
  }
}

/**
 * Texts made of words (a claim's words, joined by spaces), each known by an
 * ordinal while something holds it, as `Vocabulary` knows strings: a text
 * is kept as the ordinals of its words in a vocabulary of words, packed:
 * at 10,000 reports the 28,749 claims' words, 1.8 million characters, are
 * made of 558 distinct words, one or two bytes a word. Two texts have
 * the same ordinal exactly when they are the same string: the words are
 * the text cut at every space, which the packed ordinals give back.
 */
export class TextVocabulary {
  private readonly words = new Vocabulary();
  /** Each text's words' ordinals, packed: a text holds each of its words once while it is held. */
  private readonly texts = new Vocabulary();

  /** The ordinal of a text, used once more. */
  hold(text: string): number {
    const words = text.split(' ');
    const known: number[] = [];
    for (const word of words) {
      const ordinal = this.words.find(word);
      if (ordinal === undefined) break;
      known.push(ordinal);
    }
    const held = known.length === words.length ? this.texts.find(packNumbers(known)) : undefined;
    if (held !== undefined) {
      this.texts.holdAgain(held);
      return held;
    }
    return this.texts.hold(packNumbers(words.map((word) => this.words.hold(word))));
  }

  /** A text held already, by its ordinal, used once more. */
  holdAgain(ordinal: number): void {
    this.texts.holdAgain(ordinal);
  }

  /** Used once less: let go with its last use, and its words with it. */
  release(ordinal: number): void {
    const packed = this.texts.text(ordinal);
    if (!this.texts.release(ordinal)) return;
    for (const read = new PackedReader(packed); !read.done; ) this.words.release(read.next());
  }

  text(ordinal: number): string {
    const words: string[] = [];
    for (const read = new PackedReader(this.texts.text(ordinal)); !read.done; ) words.push(this.words.text(read.next()));
    return words.join(' ');
  }

  /** How many words are held, for a test that edits leave none behind. */
  get wordCount(): number {
    return this.words.size;
  }
}

/** Base-128 digits, lowest first; the high bit marks a digit that is not a number's last. */
const DIGIT_BITS = 7;
const DIGIT = (1 << DIGIT_BITS) - 1;
const MORE = 1 << DIGIT_BITS;
/** How many characters String.fromCharCode is given at once: an argument list is bounded by the stack. */
const CHUNK = 4096;

/**
 * Natural numbers (ordinals, counts) as a string of base-128 digits: every
 * character is under 256, so V8 keeps it one byte a character, on its heap,
 * with a 16-byte header, against a typed array's buffer outside the heap and
 * its three objects; most ordinals take two digits. Two lists are equal when
 * their strings are.
 */
export function packNumbers(numbers: readonly number[]): string {
  const digits: number[] = [];
  for (let n of numbers) {
    while (n >= MORE) {
      digits.push((n & DIGIT) | MORE);
      n >>>= DIGIT_BITS;
    }
    digits.push(n);
  }
  let packed = '';
  for (let at = 0; at < digits.length; at += CHUNK) packed += String.fromCharCode(...digits.slice(at, at + CHUNK));
  return flatCopy(packed);
}

/** Reads the numbers of `packNumbers` back, one after the other. */
export class PackedReader {
  private at = 0;

  constructor(private readonly packed: string) {}

  next(): number {
    let n = 0;
    for (let shift = 0; ; shift += DIGIT_BITS) {
      const digit = this.packed.charCodeAt(this.at++);
      n += (digit & DIGIT) * 2 ** shift;
      if (digit < MORE) return n;
    }
  }

  /** Whether every number has been read. */
  get done(): boolean {
    return this.at >= this.packed.length;
  }

  /** The next `count` numbers. */
  list(count: number): number[] {
    const numbers: number[] = [];
    for (let k = 0; k < count; k++) numbers.push(this.next());
    return numbers;
  }
}

/** Marks a free slot: ordinals are never negative. */
const FREE = -1;
/** Slots per entry: the pair's two numbers, then its value. */
const STRIDE = 3;
/** Grown past this share of its slots: linear probing stays short up to about 0.7 full. */
const MAX_LOAD = 0.7;

/**
 * Pairs of ordinals → a 32-bit value, in one typed array probed linearly:
 * 12 bytes a slot outside V8's heap, against a `Map` per first ordinal
 * (about 28 to 56 bytes an entry on the heap, with a table and a header per
 * Map, and V8's room of half as much again over what survives). For tables
 * only looked up by key, whose order nothing reads: a `Map`'s insertion
 * order is not kept. A removal shifts the entries that follow back
 * (no tombstones), so that edits that add and remove leave no slot behind.
 */
export class PairTable {
  private slots = new Int32Array(8 * STRIDE).fill(FREE);
  private mask = 7;
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(a: number, b: number): number | undefined {
    const at = this.find(a, b);
    return this.slots[at] === FREE ? undefined : this.slots[at + 2];
  }

  set(a: number, b: number, value: number): void {
    const at = this.find(a, b);
    if (this.slots[at] === FREE) {
      if (this.count + 1 > (this.mask + 1) * MAX_LOAD) {
        this.grow();
        this.set(a, b, value);
        return;
      }
      this.slots[at] = a;
      this.slots[at + 1] = b;
      this.count++;
    }
    this.slots[at + 2] = value;
  }

  /** Adds `by` to a pair's value (absent: 0), and removes the pair once it reaches 0; the value after. */
  add(a: number, b: number, by: number): number {
    const next = (this.get(a, b) ?? 0) + by;
    if (next === 0) this.delete(a, b);
    else this.set(a, b, next);
    return next;
  }

  delete(a: number, b: number): void {
    const { slots, mask } = this;
    let hole = this.find(a, b) / STRIDE;
    if (slots[hole * STRIDE] === FREE) return;
    this.count--;
    // Entries after the hole that probed past it move back into it, so that every entry stays reachable from its home slot.
    for (let next = (hole + 1) & mask; slots[next * STRIDE] !== FREE; next = (next + 1) & mask) {
      const home = slotOf(slots[next * STRIDE], slots[next * STRIDE + 1], mask);
      // An entry whose home lies cyclically in (hole, next] may not move before it.
      const stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (stays) continue;
      slots.copyWithin(hole * STRIDE, next * STRIDE, next * STRIDE + STRIDE);
      hole = next;
    }
    slots[hole * STRIDE] = FREE;
  }

  /** Every entry, in no particular order. */
  forEach(visit: (a: number, b: number, value: number) => void): void {
    const { slots } = this;
    for (let at = 0; at < slots.length; at += STRIDE) if (slots[at] !== FREE) visit(slots[at], slots[at + 1], slots[at + 2]);
  }

  /** The index in `slots` of the pair's entry, or of the free slot where it would go. */
  private find(a: number, b: number): number {
    const { slots, mask } = this;
    for (let slot = slotOf(a, b, mask); ; slot = (slot + 1) & mask) {
      const at = slot * STRIDE;
      if (slots[at] === FREE || (slots[at] === a && slots[at + 1] === b)) return at;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array((this.mask + 1) * STRIDE).fill(FREE);
    this.count = 0;
    for (let at = 0; at < old.length; at += STRIDE) if (old[at] !== FREE) this.set(old[at], old[at + 1], old[at + 2]);
  }
}

/** A pair's home slot: both numbers mixed (murmur3's finaliser), so that neighbouring ordinals spread. */
function slotOf(a: number, b: number, mask: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) & mask;
}
