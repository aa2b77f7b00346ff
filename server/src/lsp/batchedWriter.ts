// The server's messages to the client, written in order, those of one turn
// of the event loop together. The library's writer writes each message on a
// turn of its own (a lock handed on with setImmediate) in two writes, header
// and body: a flip that republishes 431 reports spent about as long in that
// as in the 0.4 MB it sends (bench:publish, docs/performance-history.md,
// "Publishing a flip").
//
// The messages go to the stream as the strings JSON.stringify made, corked
// into writes of at most WRITE_CHARS, one at a time: the stream encodes each
// into memory of its own, freed once written. Encoded here into one Buffer
// per turn, they lived until V8 next collected (20 to 50 MB of them after
// edits that republish hundreds of reports), and a buffer of megabytes
// taught malloc to keep that much when freed: the server's native memory
// grew by 20 to 40 MB over 1,000 edits (docs/performance-history.md, "A compact cue
// model").
//
// What waits to be written is held as those strings, on V8's heap, for as
// long as the client takes to read what went before: the publisher makes no
// more while much waits (OutgoingMessages), or a hot-event edit's 7 MB of
// messages outlived two scavenges and were promoted, half of all that was
// promoted over 1,000 edits (docs/performance-history.md, "What the edits
// promote").

import type { Writable } from 'node:stream';
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

const CRLF = '\r\n';

/**
 * The most UTF-16 code units handed to the stream in one write: at most
 * 96 KB of UTF-8, under the 128 KB from which malloc maps memory of its own
 * and, once such memory is freed, raises that bound to its size and keeps
 * what is freed below it.
 */
const WRITE_CHARS = 32 * 1024;

/**
 * How many UTF-16 code units may wait to be written before `full` says so:
 * a few writes' worth, so the stream always has the next one while the
 * client reads, and little for V8 to copy or promote.
 */
const FULL_CHARS = 4 * WRITE_CHARS;

/** What a producer of many messages (the publisher) needs to know of the messages waiting to be written. */
export interface OutgoingMessages {
  /** Enough waits to be written: a message made now would wait for the client to read all of it. */
  readonly full: boolean;
  /** Runs `work` once no longer full (at once, if it is not). */
  whenNotFull(work: () => void): void;
}

interface Piece {
  readonly text: string;
  /** Settles the message's write, on its last piece. */
  readonly settle?: { readonly resolve: () => void; readonly reject: (error: Error) => void };
}

export class BatchedMessageWriter extends AbstractMessageWriter implements MessageWriter, OutgoingMessages {
  /** Headers and bodies not yet written, in order, from `next` (and `offset` code units into it). */
  private pieces: Piece[] = [];
  private next = 0;
  private offset = 0;
  private writing = false;
  private errors = 0;
  /** Code units of the pieces not yet written, the write under way included. */
  private waitingChars = 0;
  private readonly notFull: (() => void)[] = [];

  constructor(private readonly output: Writable) {
    super();
    output.on('error', (error: Error) => this.fireError(error));
    output.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let body: string;
    try {
      body = JSON.stringify(message);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.fireError(failure, message, ++this.errors);
      return Promise.reject(failure);
    }
    // The turn's other messages join it before anything is written.
    if (this.next === this.pieces.length && !this.writing) queueMicrotask(() => this.writeNext());
    return new Promise((resolve, reject) => {
      const header = `Content-Length: ${Buffer.byteLength(body, 'utf8')}${CRLF}${CRLF}`;
      this.pieces.push({ text: header }, { text: body, settle: { resolve, reject } });
      this.waitingChars += header.length + body.length;
    });
  }

  end(): void {
    this.output.end();
  }

  get full(): boolean {
    return this.waitingChars > FULL_CHARS;
  }

  whenNotFull(work: () => void): void {
    if (this.full) this.notFull.push(work);
    else work();
  }

  private wrote(chars: number): void {
    this.waitingChars -= chars;
    if (!this.full) for (const work of this.notFull.splice(0)) work();
  }

  /**
   * Writes the next WRITE_CHARS of what is waiting, then, once the stream
   * has taken them, the next. The pieces go to the stream as slices of the
   * messages' own strings, corked into one write: joined into one string
   * here, they were copied once more when the stream encoded it (as many
   * bytes again in V8's young generation as are sent, 28 MB for a hot-event
   * edit at 50,000 reports, and the scavenges that come with them).
   */
  private writeNext(): void {
    if (this.writing || this.next === this.pieces.length) return;
    const parts: string[] = [];
    let size = 0;
    const settled: NonNullable<Piece['settle']>[] = [];
    while (this.next < this.pieces.length && size < WRITE_CHARS) {
      const { text, settle } = this.pieces[this.next];
      let end = Math.min(text.length, this.offset + WRITE_CHARS - size);
      // A surrogate pair stays in one write: each write is encoded alone.
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
      if (end > this.offset) parts.push(text.slice(this.offset, end));
      size += end - this.offset;
      if (end < text.length) {
        this.offset = end;
        break;
      }
      this.next++;
      this.offset = 0;
      if (settle !== undefined) settled.push(settle);
    }
    if (this.next === this.pieces.length) {
      this.pieces = [];
      this.next = 0;
    }
    this.writing = true;
    const written = (error: Error | null | undefined): void => {
      this.writing = false;
      if (error) {
        // What waits would fail the same way: its writes fail with this one, and the messages written next try again.
        const waiting = this.pieces.slice(this.next).flatMap((piece) => (piece.settle === undefined ? [] : [piece.settle]));
        this.pieces = [];
        this.next = 0;
        this.offset = 0;
        this.fireError(error, undefined, ++this.errors);
        for (const write of [...settled, ...waiting]) write.reject(error);
        this.wrote(this.waitingChars);
        return;
      }
      for (const write of settled) write.resolve();
      this.wrote(size);
      this.writeNext();
    };
    const last = parts.length - 1;
    if (last > 0) this.output.cork();
    for (let k = 0; k < last; k++) this.output.write(parts[k], 'utf8');
    this.output.write(parts[last], 'utf8', written);
    if (last > 0) this.output.uncork();
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
