// What the assist keeps for every claim of a corpus, packed. At 10,000
// reports the cue model and the neighbours index hold 50,000 claims' terms,
// targets and words; as arrays of strings (a term copied into every claim
// that holds it, an array and its header per claim and per observation)
// they were 63 and 18 MB of a language server's heap. Here each string is
// kept once, as an ordinal of a `Vocabulary`, and each document's lists of
// ordinals are base-128 digits in one byte buffer outside V8's heap
// (`PackedLists`), which V8 does not grow its heap's room by.

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
 * is kept as the ordinals of its words in a vocabulary of words, in a
 * `ListVocabulary`, outside V8's heap: at 10,000 reports the 28,749
 * claims' words, 1.8 million characters, are made of 558 distinct words,
 * one or two bytes a word. Two texts have the same ordinal exactly when
 * they are the same string: the words are the text cut at every space,
 * which the ordinals give back.
 */
export class TextVocabulary {
  private readonly words = new Vocabulary();
  /** Each text's words' ordinals: a text holds each of its words once while it is held. */
  private readonly texts = new ListVocabulary();

  /** The ordinal of a text, used once more. */
  hold(text: string): number {
    const words = text.split(' ');
    const known: number[] = [];
    for (const word of words) {
      const ordinal = this.words.find(word);
      if (ordinal === undefined) break;
      known.push(ordinal);
    }
    const held = known.length === words.length ? this.texts.find(known) : undefined;
    if (held !== undefined) {
      this.texts.holdAgain(held);
      return held;
    }
    return this.texts.hold(words.map((word) => this.words.hold(word)));
  }

  /** A text held already, by its ordinal, used once more. */
  holdAgain(ordinal: number): void {
    this.texts.holdAgain(ordinal);
  }

  /** Used once less: let go with its last use, and its words with it. */
  release(ordinal: number): void {
    for (const word of this.texts.release(ordinal) ?? []) this.words.release(word);
  }

  text(ordinal: number): string {
    const words: string[] = [];
    for (const read = this.texts.reader(ordinal); !read.done; ) words.push(this.words.text(read.next()));
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
/** The most digits a 32-bit number takes. */
const MAX_DIGITS = 5;
/** A buffer grown is given this many times the bytes it must hold. */
const GROWTH = 1.5;
/** A full buffer is compacted in place, not grown, when at least this share of it is lists let go. */
const DEAD_SHARE = 1 / 8;
/** Marks a handle not in use. */
const FREE_HANDLE = -1;

/**
 * Lists of natural numbers (ordinals, counts), each as base-128 digits in
 * one byte buffer outside V8's heap and known by a handle: most ordinals
 * take two bytes. At 10,000 reports the model's shares (one list a report)
 * and the claims' words were strings of such digits on V8's heap, with
 * V8's room of half as much again over them (the model held 7.5 MB of the
 * heap with them, 3.3 without); here a list costs its bytes and 8 bytes of
 * offsets. A list let go leaves its bytes behind until
 * the buffer is full; the live lists are then moved together in place when
 * an eighth of it or more was let go, so that edits, which add a report's
 * lists and let its old ones go, allocate nothing once the corpus is learnt
 * (a buffer copied at each compaction left about 7 MB of freed buffers in the
 * server's malloc arenas after 1,000 edits). A reader is therefore not kept
 * across an `add`. A handle let go is given to the next list added, the
 * last let go first.
 */
export class PackedLists {
  private bytes = new Uint8Array(1024);
  private end = 0;
  private dead = 0;
  /** By handle: where its list starts in `bytes` (FREE_HANDLE: not in use), and where it ends. */
  private starts = new Int32Array(16).fill(FREE_HANDLE);
  private ends = new Int32Array(16);
  private handleCount = 0;
  private readonly freeHandles: number[] = [];

  /** Adds a list: its handle. */
  add(numbers: readonly number[]): number {
    const handle = this.freeHandles.pop() ?? this.newHandle();
    this.reserve(numbers.length * MAX_DIGITS);
    const { bytes } = this;
    let at = this.end;
    for (let n of numbers) {
      while (n >= MORE) {
        bytes[at++] = (n & DIGIT) | MORE;
        n >>>= DIGIT_BITS;
      }
      bytes[at++] = n;
    }
    this.starts[handle] = this.end;
    this.ends[handle] = at;
    this.end = at;
    return handle;
  }

  /** Lets a list go; its handle may be given to the next list added. */
  free(handle: number): void {
    this.dead += this.ends[handle] - this.starts[handle];
    this.starts[handle] = FREE_HANDLE;
    this.freeHandles.push(handle);
  }

  /** Reads a list's numbers, one after the other. */
  reader(handle: number): PackedReader {
    return new PackedReader(this.bytes, this.starts[handle], this.ends[handle]);
  }

  /** A list's numbers. */
  numbers(handle: number): number[] {
    const numbers: number[] = [];
    for (const read = this.reader(handle); !read.done; ) numbers.push(read.next());
    return numbers;
  }

  /** Whether two lists hold the same numbers. */
  equal(a: number, b: number): boolean {
    const { bytes, starts, ends } = this;
    const length = ends[a] - starts[a];
    if (length !== ends[b] - starts[b]) return false;
    for (let k = 0; k < length; k++) if (bytes[starts[a] + k] !== bytes[starts[b] + k]) return false;
    return true;
  }

  /** Whether a list holds exactly these numbers. */
  holds(handle: number, numbers: readonly number[]): boolean {
    const read = this.reader(handle);
    for (const n of numbers) if (read.done || read.next() !== n) return false;
    return read.done;
  }

  private newHandle(): number {
    const handle = this.handleCount++;
    if (handle === this.starts.length) {
      this.starts = grown(this.starts, FREE_HANDLE);
      this.ends = grown(this.ends, 0);
    }
    return handle;
  }

  /** Room for `more` bytes after `end`: the live lists moved together, or copied to a larger buffer when too little was let go. */
  private reserve(more: number): void {
    if (this.end + more <= this.bytes.length) return;
    const live = this.end - this.dead;
    if (this.dead >= this.bytes.length * DEAD_SHARE && live + more <= this.bytes.length) {
      this.compact(this.bytes);
      return;
    }
    const next = new Uint8Array(Math.max(1024, Math.ceil((live + more) * GROWTH)));
    this.compact(next);
    this.bytes = next;
  }

  /** Writes the live lists one after the other from the start of `into` (`bytes` itself, or a larger buffer), in the order they lie. */
  private compact(into: Uint8Array): void {
    const { starts, ends } = this;
    const handles: number[] = [];
    for (let handle = 0; handle < this.handleCount; handle++) if (starts[handle] !== FREE_HANDLE) handles.push(handle);
    // In place, each list moves towards the start and never over one not yet moved.
    handles.sort((a, b) => starts[a] - starts[b]);
    let at = 0;
    for (const handle of handles) {
      const start = starts[handle];
      const end = ends[handle];
      if (into !== this.bytes) into.set(this.bytes.subarray(start, end), at);
      else if (start !== at) into.copyWithin(at, start, end);
      starts[handle] = at;
      at += end - start;
      ends[handle] = at;
    }
    this.end = at;
    this.dead = 0;
  }
}

/** A copy of an array twice as long, the new half filled with `fill`. */
function grown(array: Int32Array<ArrayBuffer>, fill: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(array.length * 2).fill(fill);
  next.set(array);
  return next;
}

/** Reads the numbers of a list of `PackedLists`, one after the other. */
export class PackedReader {
  constructor(
    private readonly bytes: Uint8Array,
    private at: number,
    private readonly end: number,
  ) {}

  next(): number {
    let n = 0;
    for (let shift = 0; ; shift += DIGIT_BITS) {
      const digit = this.bytes[this.at++];
      n += (digit & DIGIT) * 2 ** shift;
      if (digit < MORE) return n;
    }
  }

  /** Whether every number has been read. */
  get done(): boolean {
    return this.at >= this.end;
  }

  /** The next `count` numbers. */
  list(count: number): number[] {
    const numbers: number[] = [];
    for (let k = 0; k < count; k++) numbers.push(this.next());
    return numbers;
  }
}

/** A free slot of a hash table of ordinals (which hold ordinal + 1). */
const EMPTY_SLOT = 0;
/** Grown past this share of its slots: linear probing stays short up to about 0.7 full. */
const MAX_LOAD = 0.7;

/**
 * Lists of numbers known by an ordinal while something holds them, each use
 * counted, as `Vocabulary` knows strings, all outside V8's heap: the lists
 * in `PackedLists` (the ordinal is the list's handle), found again by
 * their numbers through an open-addressing table of ordinals. Where a
 * `Map` from a packed string took an entry, a string and its header on
 * V8's heap, a list takes its bytes and about 25 bytes of tables.
 */
export class ListVocabulary {
  private readonly lists = new PackedLists();
  /** Ordinal + 1 by slot (EMPTY_SLOT: free), probed linearly from the list's hash. */
  private table = new Int32Array(16);
  private count = 0;
  /** By ordinal: its list's hash, and how many uses hold it. */
  private hashes = new Int32Array(16);
  private uses = new Int32Array(16);

  /** The ordinal of a list, used once more. */
  hold(numbers: readonly number[]): number {
    const found = this.find(numbers);
    if (found !== undefined) {
      this.uses[found]++;
      return found;
    }
    if (this.count + 1 > this.table.length * MAX_LOAD) this.rehash(this.table.length * 2);
    const ordinal = this.lists.add(numbers);
    if (ordinal >= this.uses.length) {
      this.hashes = grown(this.hashes, 0);
      this.uses = grown(this.uses, 0);
    }
    const hash = hashOf(numbers);
    this.hashes[ordinal] = hash;
    this.uses[ordinal] = 1;
    this.table[this.freeSlot(hash)] = ordinal + 1;
    this.count++;
    return ordinal;
  }

  /** A list held already, by its ordinal, used once more. */
  holdAgain(ordinal: number): void {
    this.uses[ordinal]++;
  }

  /** Used once less: let go with its last use, then its numbers are given back, else undefined. */
  release(ordinal: number): number[] | undefined {
    if (--this.uses[ordinal] > 0) return undefined;
    const numbers = this.lists.numbers(ordinal);
    this.unlink(ordinal);
    this.lists.free(ordinal);
    this.count--;
    return numbers;
  }

  /** The ordinal of a list something holds, or undefined. */
  find(numbers: readonly number[]): number | undefined {
    const { table } = this;
    const mask = table.length - 1;
    for (let slot = hashOf(numbers) & mask; table[slot] !== EMPTY_SLOT; slot = (slot + 1) & mask) {
      const ordinal = table[slot] - 1;
      if (this.lists.holds(ordinal, numbers)) return ordinal;
    }
    return undefined;
  }

  reader(ordinal: number): PackedReader {
    return this.lists.reader(ordinal);
  }

  /** How many lists are held. */
  get size(): number {
    return this.count;
  }

  private freeSlot(hash: number): number {
    const { table } = this;
    const mask = table.length - 1;
    let slot = hash & mask;
    while (table[slot] !== EMPTY_SLOT) slot = (slot + 1) & mask;
    return slot;
  }

  /** Takes an ordinal out of the table, the entries after it that probed past it moved back (no tombstones: edits leave no slot behind). */
  private unlink(ordinal: number): void {
    const { table, hashes } = this;
    const mask = table.length - 1;
    let hole = hashes[ordinal] & mask;
    while (table[hole] !== ordinal + 1) hole = (hole + 1) & mask;
    for (let next = (hole + 1) & mask; table[next] !== EMPTY_SLOT; next = (next + 1) & mask) {
      const home = hashes[table[next] - 1] & mask;
      // An entry whose home lies cyclically in (hole, next] may not move before it.
      const stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (stays) continue;
      table[hole] = table[next];
      hole = next;
    }
    table[hole] = EMPTY_SLOT;
  }

  private rehash(size: number): void {
    const old = this.table;
    this.table = new Int32Array(size);
    for (const entry of old) if (entry !== EMPTY_SLOT) this.table[this.freeSlot(this.hashes[entry - 1])] = entry;
  }
}

/** A list's hash: FNV-1a over its numbers, then mixed (murmur3's finaliser), so that lists differing in their last number spread. */
function hashOf(numbers: readonly number[]): number {
  let h = 0x811c9dc5;
  for (const n of numbers) h = Math.imul(h ^ n, 0x01000193);
  return mix(h);
}

/** Marks a free slot: ordinals are never negative. */
const FREE = -1;
/** Slots per entry: the pair's two numbers, then its value. */
const STRIDE = 3;

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

/** A pair's home slot: both numbers mixed, so that neighbouring ordinals spread. */
function slotOf(a: number, b: number, mask: number): number {
  return mix(Math.imul(a, 0x9e3779b1) ^ b) & mask;
}

/** murmur3's finaliser: every bit of `h` moves the low bits a table is indexed by. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
