// The texts of reports no editor has open, let go of once read. At 10,000
// reports the texts were a third of the language server's live heap (47.6
// of 141 MB, most of them two bytes a character), and after indexing a
// report's facts answer almost everything without its text: its diagnostics
// are found while the text is at hand, and its lines are kept as numbers
// (LineIndex). What still needs the text (a tree parsed again, a claim's
// block, an edit) reads the file again, and checks it is the text the
// facts were read from: a file written since, whose watcher event has not
// come yet, gives StaleText, never an answer built on another text.

import { createHash } from 'node:crypto';
import { keepRecent } from './recent';
import type { EncodingProblem } from './document';

/** A document's text as read from disk, with where its invalid UTF-8 begins, if anywhere. */
export interface DiskText {
  readonly text: string;
  readonly encoding?: EncodingProblem;
}

/** Reads a corpus file as it is on disk now; undefined when it cannot be read. */
export type TextSource = (file: string) => DiskText | undefined;

/** A document's text is no longer on disk as its facts were read from it: its change has not been followed yet. */
export class StaleText extends Error {
  constructor(
    readonly file: string,
    /** The disk's text now, undefined when the file cannot be read. */
    readonly current: DiskText | undefined,
  ) {
    super(`${file} changed on disk since it was read: it is read again before it is used`);
  }
}

/** What tells a text from another without keeping it: its length and a SHA-1 digest of it. */
export interface TextPrint {
  readonly length: number;
  readonly digest: string;
}

export function printOf(text: string): TextPrint {
  return { length: text.length, digest: createHash('sha1').update(text).digest('base64') };
}

export function samePrint(text: string, print: TextPrint): boolean {
  return text.length === print.length && printOf(text).digest === print.digest;
}

/**
 * Where released texts come back from: the disk, through the corpus's
 * source, and the last few read again (a feature asks for the same text many
 * times in one answer), least recently used first.
 */
export class ReleasedTexts {
  private readonly recent = new Map<object, string>();

  constructor(
    private readonly source: TextSource,
    readonly capacity: number,
  ) {}

  /** The text `owner` was read from: kept, or read again and checked against its print. Throws StaleText. */
  textOf(owner: object, file: string, print: TextPrint): string {
    let text = this.recent.get(owner);
    if (text === undefined) {
      const current = this.source(file);
      if (current === undefined || !samePrint(current.text, print)) throw new StaleText(file, current);
      text = current.text;
    }
    keepRecent(this.recent, owner, text, this.capacity);
    return text;
  }
}

/**
 * What `read` gives, or undefined when a released text it reads changed on
 * disk: a pass over the corpus leaves that document as it had it until its
 * watcher event reads it again.
 */
export function unlessStale<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof StaleText) return undefined;
    throw error;
  }
}
