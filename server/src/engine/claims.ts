// A claim as the corpus keeps it for as long as its document is open or
// indexed: a compact record of offsets into the document's text and shared
// strings. The claim block it was read from (its attributes, their values
// and ranges) is not kept: at 10,000 reports those objects were a quarter
// of the engine's live heap. What needs the block as written reads it again
// from the text (`claimBlockOf`), which gives the same block the parser read.

import { BlockReader } from './blocks';
import { LineIndex, type Position } from './lineIndex';
import type { PropertyEntry } from './registry';
import type { ClaimBlock, SpanNode, TextRange } from './syntax';
import { listOf, type SoleOrList } from './soleOrList';
import { printOf, samePrint, type ReleasedTexts, type TextPrint } from './texts';
import type { ClaimValue } from './values';

/**
 * The text and lines of one version of a document. The lines are indexed on
 * first use (most versions are never compared line by line), except when the
 * text is released: a report no editor has open keeps its lines as numbers
 * and gets its text back from the disk when asked (ReleasedTexts).
 */
export class TextLayout {
  /**
   * The text itself while it is held (not released yet, or kept again
   * because an editor has it open), else where it comes back from. Held, it
   * is no object of its own: one object fewer a report for the collector,
   * which `check` keeps for all of them.
   */
  private held: string | ReleasedTexts;
  private index: LineIndex | undefined;
  /**
   * Of a released text: the file it comes back from and its print, checked
   * against what the disk gives back. Fields rather than a record of them:
   * the language server keeps a layout for every report all day, and the
   * record and its print were two objects a report for the collector to mark.
   */
  private file = '';
  private printLength = 0;
  private digest = '';

  constructor(text: string) {
    this.held = text;
  }

  /** The document's text, which its claims' offsets point into. Throws StaleText when it was released and the disk moved on. */
  get text(): string {
    const held = this.held;
    return typeof held === 'string' ? held : held.textOf(this, this.file, this.print());
  }

  get lines(): LineIndex {
    this.index ??= new LineIndex(this.text);
    return this.index;
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(offset);
  }

  /** The text's length, without reading a released one again. */
  get length(): number {
    const held = this.held;
    return typeof held === 'string' ? held.length : this.printLength;
  }

  /** Whether `text` is the text of this version, without reading a released one again. */
  holds(text: string): boolean {
    const held = this.held;
    return typeof held === 'string' ? held === text : samePrint(text, this.print());
  }

  /** Lets the text go, its lines indexed first; `texts` gives it back from `file`. */
  release(file: string, texts: ReleasedTexts): void {
    const held = this.held;
    if (typeof held !== 'string') return;
    this.index ??= new LineIndex(held);
    const { length, digest } = printOf(held);
    this.file = file;
    this.printLength = length;
    this.digest = digest;
    this.held = texts;
  }

  /** Holds the text again (`holds(text)` must be true): an editor has the document open. */
  keep(text: string): void {
    this.held = text;
  }

  private print(): TextPrint {
    return { length: this.printLength, digest: this.digest };
  }

  get isReleased(): boolean {
    return typeof this.held !== 'string';
  }
}

/**
 * One claim: where its span lies (`start` is its `[`, `end` just after its
 * block's `}`), who makes it about what, and its assertions. The span's
 * text runs and nested mentions are the tree's (`DocumentFacts.parsed`,
 * found by offset), its block's attributes as written `claimBlockOf`'s.
 */
export interface Claim extends TextRange {
  readonly file: string;
  /** Offset of the span's closing `]`; its block opens just after it. */
  readonly close: number;
  /** The `#id`'s name, without `#`. */
  readonly id?: string;
  /** The event id, when `event=` names a registry event. */
  readonly event?: string;
  /** The claimant's actor id: `by=`, else the document's source. */
  readonly claimant?: string;
  /** Who counts as one claimant: anonymous claimants are a different one in each document. */
  readonly claimantKey?: string;
  readonly source?: string;
  /** The original report: the document's `origin`, else its `source`. */
  readonly origin?: string;
  readonly hedged: boolean;
  /**
   * Its assertions (assertionsOf()): the assertion itself when it makes one,
   * as 48,000 of 50,000 claims do at 10,000 reports; a list of one was two
   * objects more a claim for every collection to copy or mark.
   */
  readonly asserted: SoleOrList<Assertion>;
  /** The text and lines of the document version it was read from, shared by its claims. */
  readonly layout: TextLayout;
}

/** One `key=value` of a claim whose key and value are both valid; `start` and `end` span the whole `key=value`. */
export interface Assertion extends TextRange {
  readonly claim: Claim;
  readonly property: PropertyEntry;
  /** The value as written: quotes and escapes included. */
  readonly rawValue: string;
  /** The value unquoted and unescaped, as it was read. */
  readonly valueText: string;
  readonly value: ClaimValue;
  /** Equal for values that are the same value. */
  readonly valueKey: string;
}

/** What a claim is made of, besides its assertions. */
export type ClaimFields = Omit<Claim, 'asserted'>;

/** A claim as it is read: its assertions (makeAssertion) are given it once all are made. */
export type ClaimUnderway = ClaimFields & { asserted: SoleOrList<Assertion> };

export const NO_ASSERTIONS: readonly Assertion[] = Object.freeze([]);

/** A claim's assertions, in the order written: a new list of one for a claim that makes one. */
export function assertionsOf(claim: Claim): readonly Assertion[] {
  return listOf(claim.asserted);
}

/**
 * A claim, kept as a compact record. Every field is written, an absent one
 * as undefined, always in the same order: every claim, and every assertion
 * (makeAssertion), is then one object of one shape.
 */
export function makeClaim(fields: ClaimFields): ClaimUnderway {
  return {
    file: fields.file,
    start: fields.start,
    end: fields.end,
    close: fields.close,
    id: fields.id,
    event: fields.event,
    claimant: fields.claimant,
    claimantKey: fields.claimantKey,
    source: fields.source,
    origin: fields.origin,
    hedged: fields.hedged,
    asserted: NO_ASSERTIONS,
    layout: fields.layout,
  };
}

/**
 * One of `claim`'s assertions, made straight from what was read: an object
 * of its fields first, copied here, was one more object for each of the
 * 92,000 assertions of 10,000 reports. `start` and `end` span its `key=value`.
 */
export function makeAssertion(claim: Claim, start: number, end: number, property: PropertyEntry, rawValue: string, valueText: string, value: ClaimValue, valueKey: string): Assertion {
  return { claim, start, end, property, rawValue, valueText, value, valueKey };
}

/** Where an assertion's value is written: the last characters of its `key=value`. */
export function valueRangeOf(assertion: Assertion): TextRange {
  return { start: assertion.end - assertion.rawValue.length, end: assertion.end };
}

/**
 * The claim's block as written, read again from the claim's text: every
 * attribute (those whose key or value is not valid too), its `#id` and
 * `by=` with their ranges. A new object at each call, equal to the block
 * the parser read; match its attributes to the claim's assertions by offset.
 */
export function claimBlockOf(claim: Claim): ClaimBlock {
  const block = new BlockReader(claim.layout.text, []).read(claim.close + 1, claim.end);
  if (block.kind !== 'claim') throw new Error(`no claim block after offset ${claim.close} of ${claim.file}`);
  return block;
}

/**
 * The claim's block from the tree, when the caller holds the claim's span
 * (the exports, which keep every tree, walk them): nothing read twice. Read
 * again from the text when the span is not the claim's.
 */
export function claimBlockFrom(span: SpanNode | undefined, claim: Claim): ClaimBlock {
  return span?.start === claim.start && span.block.kind === 'claim' ? span.block : claimBlockOf(claim);
}

/** Whether two assertions are the same claim in the same place, as a diagnostic shows it. */
export function samePlace(a: Assertion, b: Assertion): boolean {
  if (a === b) return true;
  return a.claim.file === b.claim.file && a.start === b.start && a.end === b.end && sameContent(a, b) && sameLineAndColumn(a, b);
}

/**
 * Whether an assertion at the same offsets in two versions of a document is
 * shown at the same line and column: an edit that replaces text with text of
 * the same length but other line breaks ("a\nb" retyped "a b") moves the
 * claims after it to other lines without moving their offsets, and the
 * reports that name them as related information must show the new place.
 */
function sameLineAndColumn(a: Assertion, b: Assertion): boolean {
  if (a.claim.layout === b.claim.layout) return true;
  const before = a.claim.layout.positionAt(a.start);
  const after = b.claim.layout.positionAt(b.start);
  return before.line === after.line && before.character === after.character;
}

/** Whether two assertions say the same thing, wherever they are: what a diagnostic about either shows of it. */
export function sameContent(a: Assertion, b: Assertion): boolean {
  const x = a.claim;
  const y = b.claim;
  return (
    a.valueKey === b.valueKey &&
    a.rawValue === b.rawValue &&
    a.property === b.property &&
    x.file === y.file &&
    x.claimantKey === y.claimantKey &&
    x.claimant === y.claimant &&
    x.source === y.source &&
    x.origin === y.origin &&
    x.hedged === y.hedged
  );
}
