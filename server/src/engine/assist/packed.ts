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

  /** Used once less: let go with its last use. */
  release(ordinal: number): void {
    if (--this.uses[ordinal] > 0) return;
    this.ordinals.delete(this.strings[ordinal]);
    this.strings[ordinal] = '';
    this.unused.push(ordinal);
  }

  text(ordinal: number): string {
    return this.strings[ordinal];
  }

  /** The ordinal of a string something holds, or undefined. */
  find(text: string): number | undefined {
    return this.ordinals.get(text);
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

  /** The next `count` numbers. */
  list(count: number): number[] {
    const numbers: number[] = [];
    for (let k = 0; k < count; k++) numbers.push(this.next());
    return numbers;
  }
}
