// Where the CLI writes. Standard output may be a pipe whose reader goes away
// (`corroborate check | head -1`): then the command stops writing, prints
// nothing on stderr and exits with the code its run had (DESIGN.md).

import type { Writable } from 'node:stream';

export interface Output {
  /** Text, or bytes of UTF-8 text. */
  write(chunk: string | Uint8Array): void;
  /** True once nobody reads any more: what is written after that is dropped. */
  readonly closed: boolean;
}

/** What a stream error means: the reader left (a closed pipe), or the output really failed (a full disk). */
function readerLeft(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/**
 * A standard stream as the CLI's output. A closed pipe is not an error of
 * the run: it is absorbed here instead of surfacing as an unhandled 'error'
 * event with a stack trace. Any other write error is kept for the caller,
 * who reports it as an I/O failure.
 */
export class StreamOutput implements Output {
  private writeError?: Error;
  private readonly failureListeners: ((error: Error) => void)[] = [];

  constructor(private readonly stream: Writable) {
    stream.on('error', (error: Error) => {
      if (readerLeft(error) || this.writeError) return;
      this.writeError = error;
      for (const listener of this.failureListeners) listener(error);
    });
  }

  // A failed write destroys the stream at once, before its 'error' event is
  // emitted on the next tick: a loop of writes sees it between two writes.
  get closed(): boolean {
    return this.stream.destroyed;
  }

  /** The write error that was not a closed pipe, if any. */
  get failure(): Error | undefined {
    return this.writeError;
  }

  onFailure(listener: (error: Error) => void): void {
    this.failureListeners.push(listener);
  }

  write(chunk: string | Uint8Array): void {
    if (!this.closed) this.stream.write(chunk);
  }
}

/** How many bytes writeParts writes at once. */
const BATCH_BYTES = 1 << 20;
/** The most bytes UTF-8 takes for one UTF-16 unit. */
const BYTES_PER_UNIT = 3;

/**
 * Writes pieces of output in batches of about a megabyte: fewer writes than
 * pieces, never one string too long; stops when the reader has gone. Each
 * piece is encoded into the batch's bytes as it comes: pieces joined into a
 * string of a megabyte were flattened, then encoded, then dropped (at 10,000
 * reports, 16 MB of `check --format json` took 21–31 ms that way against
 * 4–6 ms encoded piece by piece).
 */
export function writeParts(out: Output, parts: Iterable<string>): void {
  let batch = Buffer.allocUnsafe(BATCH_BYTES);
  let used = 0;
  // A piece ending inside a surrogate pair waits for the next, so that the pair is encoded whole, as one string would be.
  let held = '';
  for (const next of parts) {
    if (out.closed) return;
    const part = held === '' ? next : held + next;
    held = '';
    if (isHighSurrogate(part.charCodeAt(part.length - 1))) {
      held = part;
      continue;
    }
    if (used + BYTES_PER_UNIT * part.length > batch.length) {
      if (used > 0) {
        // A new batch each time: a stream may keep what it was given until it has written it.
        out.write(batch.subarray(0, used));
        batch = Buffer.allocUnsafe(BATCH_BYTES);
        used = 0;
      }
      if (BYTES_PER_UNIT * part.length > batch.length) {
        out.write(part);
        continue;
      }
    }
    used += batch.write(part, used, 'utf8');
  }
  if (used > 0) out.write(batch.subarray(0, used));
  if (held !== '') out.write(held);
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit < 0xdc00;
}
