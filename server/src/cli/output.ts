// Where the CLI writes. Standard output may be a pipe whose reader goes away
// (`corroborate check | head -1`): then the command stops writing, prints
// nothing on stderr and exits with the code its run had (DESIGN.md).

import type { Writable } from 'node:stream';

export interface Output {
  write(text: string): void;
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

  write(text: string): void {
    if (!this.closed) this.stream.write(text);
  }
}

/** Writes pieces of output in batches of about a megabyte: fewer writes than pieces, never one string too long; stops when the reader has gone. */
export function writeParts(out: Output, parts: Iterable<string>): void {
  let batch = '';
  for (const part of parts) {
    if (out.closed) return;
    batch += part;
    if (batch.length >= 1 << 20) {
      out.write(batch);
      batch = '';
    }
  }
  if (batch !== '') out.write(batch);
}
