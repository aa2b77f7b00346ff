// What every value reader returns: where it read, what, and why.

import type { Words } from './words';

export interface Reading {
  /** UTF-16 offsets into the text given to the reader. */
  readonly start: number;
  readonly end: number;
  /** The exact source text read: `text.slice(start, end)`. */
  readonly words: string;
  /** One line a person can read: `'une cinquantaine' → ~50`. */
  readonly why: string;
}

/** The quoted words of a reading, markup left out and whitespace runs as one space. */
export function quoted(words: Words, start: number, end: number): string {
  return `'${words.sourceBetween(start, end)}'`;
}
