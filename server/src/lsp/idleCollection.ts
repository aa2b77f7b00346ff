// Giving V8's room back once the editor goes quiet. V8 lets its old
// generation grow to 1.5 times what survived its last full collection
// (heapPolicy.ts) and keeps the pages it grew to; its own memory reducer,
// which would give them back, started in only one of the benchmark's
// readings 20 s after a burst of edits so far (docs/performance.md,
// "Memory after edits, third pass").
// The server knows better when a burst has ended: no message from the client
// for a while and its event loop nearly idle meanwhile. It then collects fully and
// compacts, which frees the garbage and gives the emptied pages and the young
// generation's room back to the system.

import { performance } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface IdleCollectionTiming {
  /**
   * How long the client must have sent nothing. The collection pauses the
   * server (0.8 s at 10,000 reports at a load of 9 on two cores, 1.3–2.1 s
   * at 10–15) and a keystroke sent meanwhile waits for it, so it waits for
   * more than a pause between words or sentences, and longer than V8's own
   * reducer waits after a collection (8 s).
   */
  readonly quietMs: number;
  /** Below this growth of V8's heap since it was last reduced, the pause is not worth what it gives back. */
  readonly worthReducingBytes: number;
}

const DEFAULT_TIMING: IdleCollectionTiming = { quietMs: 10_000, worthReducingBytes: 32 * 1024 * 1024 };
/**
 * At most this share of the quiet period with the event loop at work (publishing, the assist's cues
 * learnt in slices): otherwise the server is still busy, and waits again. Time at work, not CPU time,
 * which a loaded machine gives out sparingly to a busy server too.
 */
const BUSY_SHARE = 0.1;

export class IdleCollection {
  private readonly collect: () => void;
  private readonly timer: NodeJS.Timeout;
  private activityAtLastMessage = performance.eventLoopUtilization();
  private heapAfterReduction = getHeapStatistics().total_heap_size;

  constructor(private readonly timing: IdleCollectionTiming = DEFAULT_TIMING) {
    // `gc` is exposed to contexts made after the flag is set; it collects the one heap they share.
    setFlagsFromString('--expose-gc');
    this.collect = runInNewContext('gc') as () => void;
    this.timer = setTimeout(() => this.reduceIfIdle(), timing.quietMs).unref();
  }

  /** A message of the client was dispatched: the quiet period starts again. */
  messageDispatched(): void {
    this.activityAtLastMessage = performance.eventLoopUtilization();
    this.timer.refresh();
  }

  private reduceIfIdle(): void {
    if (performance.eventLoopUtilization(this.activityAtLastMessage).utilization > BUSY_SHARE) {
      this.messageDispatched();
      return;
    }
    if (getHeapStatistics().total_heap_size - this.heapAfterReduction < this.timing.worthReducingBytes) return;
    // A forced full collection shrinks the young generation and unmaps the pages it emptied, but
    // moves objects out of a page only when the page is nearly empty: at 10,000 reports the old
    // generation kept 242 MB of pages for 153 MB of objects. Compacting every page gives those back too.
    // (Node 20's `gc` with options, `{ type: 'major', flavor: 'last-resort' }`, collected nothing.)
    setFlagsFromString('--compact-on-every-full-gc');
    try {
      this.collect();
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc');
    }
    this.heapAfterReduction = getHeapStatistics().total_heap_size;
  }
}
