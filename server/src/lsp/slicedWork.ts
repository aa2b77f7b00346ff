// Work that must not hold the client up: done a few milliseconds at a time,
// yielding to the event loop between slices, so that a keystroke or a request
// that arrives meanwhile is read and answered before the rest of the work.

import { performance } from 'node:perf_hooks';
import type { CorpusFile } from './workspace';

/** How long one slice may run before the server reads the client's messages again. */
export const SLICE_MS = 8;

export class SlicedWork {
  private scheduled = false;

  /**
   * `step` does one small piece of work and says whether any is left;
   * `done` runs once none is.
   */
  constructor(
    private readonly step: () => boolean,
    private readonly done: () => void,
    private readonly sliceMs = SLICE_MS,
  ) {}

  /** Runs the work from the next turn of the event loop on; once, however often it is asked for before then. */
  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.run());
  }

  private run(): void {
    this.scheduled = false;
    const deadline = performance.now() + this.sliceMs;
    while (performance.now() < deadline) {
      if (!this.step()) {
        this.done();
        return;
      }
    }
    this.schedule();
  }
}

/**
 * Files waiting for such work, by URI, with what the work needs of each:
 * each file once, in the order they came. Taking the first entry of a Map
 * that is emptied from the front costs ever more; this takes the waiting
 * files in batches instead.
 */
export class PendingFiles<T = CorpusFile> {
  private readonly waiting = new Map<string, { readonly value: T }>();
  /** The files being worked through, taken from `waiting` all at once; one added again meanwhile waits for its new turn. */
  private batch: [string, { readonly value: T }][] = [];
  private next = 0;

  get size(): number {
    return this.waiting.size;
  }

  add(uri: string, value: T): void {
    // A new entry, even for a file already waiting: the batch under way skips the old one.
    this.waiting.set(uri, { value });
  }

  has(uri: string): boolean {
    return this.waiting.has(uri);
  }

  /** What a waiting file's work needs; undefined when it does not wait. */
  get(uri: string): T | undefined {
    return this.waiting.get(uri)?.value;
  }

  /** The file no longer needs the work (it was done another way). */
  delete(uri: string): void {
    this.waiting.delete(uri);
  }

  /** The next file to work on, taken out; undefined when none waits. */
  take(): [string, T] | undefined {
    for (;;) {
      while (this.next < this.batch.length) {
        const entry = this.batch[this.next++];
        if (entry && this.waiting.get(entry[0]) === entry[1]) {
          this.waiting.delete(entry[0]);
          return [entry[0], entry[1].value];
        }
      }
      this.batch = [];
      this.next = 0;
      if (this.waiting.size === 0) return undefined;
      this.batch = [...this.waiting];
    }
  }
}
