// Giving V8's room back once the editor goes quiet. V8 lets its old
// generation grow to 1.5 times what survived its last full collection
// (heapPolicy.ts) and keeps the pages it frees in a pool; its own memory
// reducer, which would release them, judges the allocation rate from samples
// taken at collections, so after a burst of edits it sees the burst's rate
// and never starts (docs/performance.md, "Memory after edits, third pass").
// The server knows better when a burst has ended: no message from the client
// for a few seconds and next to no CPU spent meanwhile. It then asks for a
// memory-reducing collection, which frees the garbage and gives the pool and
// the young generation's room back to the system.

import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * How long the client must have sent nothing. The collection pauses the
 * server (a keystroke sent during it waits for it to end), so it waits for a
 * pause in typing longer than a word's, past what V8's own reducer would wait
 * after a collection (8 s) only when the heap has not grown since.
 */
const QUIET_MS = 5_000;
/** At most this share of the quiet period spent on the CPU (publishing, the assist's cues learnt in slices): otherwise the server is still busy, and waits again. */
const BUSY_SHARE = 0.1;
/** Below this growth of V8's heap since it was last reduced, the pause is not worth what it gives back. */
const WORTH_REDUCING_BYTES = 32 * 1024 * 1024;

type Collect = (options: { type: 'major'; flavor: 'last-resort' }) => void;

export class IdleCollection {
  private readonly collect: Collect;
  private readonly timer: NodeJS.Timeout;
  private cpuAtLastMessage = process.cpuUsage();
  private heapAfterReduction = getHeapStatistics().total_heap_size;

  constructor() {
    // `gc` is exposed to contexts made after the flag is set: this one's is the same heap's.
    setFlagsFromString('--expose-gc');
    this.collect = runInNewContext('gc') as Collect;
    this.timer = setTimeout(() => this.reduceIfIdle(), QUIET_MS).unref();
  }

  /** A message of the client was dispatched: the quiet period starts again. */
  messageDispatched(): void {
    this.cpuAtLastMessage = process.cpuUsage();
    this.timer.refresh();
  }

  private reduceIfIdle(): void {
    const cpu = process.cpuUsage(this.cpuAtLastMessage);
    if ((cpu.user + cpu.system) / 1000 > QUIET_MS * BUSY_SHARE) {
      this.messageDispatched();
      return;
    }
    if (getHeapStatistics().total_heap_size - this.heapAfterReduction < WORTH_REDUCING_BYTES) return;
    // The last-resort flavour collects until nothing more is freed, with V8's memory-reducing flags: pooled pages and the young generation's room go back.
    this.collect({ type: 'major', flavor: 'last-resort' });
    this.heapAfterReduction = getHeapStatistics().total_heap_size;
  }
}
