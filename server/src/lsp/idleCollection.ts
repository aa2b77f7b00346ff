// Giving V8's room back once the editor goes quiet. V8 lets its old
// generation grow to 1.5 times what survived its last full collection
// (heapPolicy.ts) and keeps the pages it grew to. Its memory reducer, which
// collects incrementally and compacts to give them back, starts only when it
// judges the program idle, and after a burst of edits it did so in only one
// of the benchmark's readings 20 s later (docs/performance-history.md, "Memory after
// edits, third pass"). The server knows better when a burst has ended: no
// message from the client for a while and its event loop nearly idle
// meanwhile. It then tells V8 to favour memory (`--optimize-for-size`, read
// by V8 each time it decides), which makes the reducer start at its next
// check (within 8 s), and favours speed again at the next message.

import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';

/**
 * How long the client must have sent nothing: longer than a pause between
 * words or sentences. The reducer's collections mark incrementally (steps
 * of about 10 ms) and finish in pauses of 23–253 ms at 10,000 reports on a
 * loaded machine, so a keystroke that comes while they run waits that at
 * most, not the whole collection's time.
 */
const DEFAULT_QUIET_MS = 2_000;
/**
 * At most this share of the quiet period with the event loop at work (publishing, the assist's cues
 * learnt in slices): otherwise the server is still busy, and waits again. Time at work, not CPU time,
 * which a loaded machine gives out sparingly to a busy server too.
 */
const BUSY_SHARE = 0.1;

export class IdleCollection {
  private readonly timer: NodeJS.Timeout;
  private activityAtLastMessage = performance.eventLoopUtilization();
  private favouringMemory = false;

  constructor(quietMs = DEFAULT_QUIET_MS) {
    this.timer = setTimeout(() => this.favourMemoryIfIdle(), quietMs).unref();
  }

  /** A message of the client was dispatched: V8 favours speed again, and the quiet period starts again. */
  messageDispatched(): void {
    if (this.favouringMemory) {
      setFlagsFromString('--no-optimize-for-size');
      this.favouringMemory = false;
    }
    this.activityAtLastMessage = performance.eventLoopUtilization();
    this.timer.refresh();
  }

  private favourMemoryIfIdle(): void {
    if (performance.eventLoopUtilization(this.activityAtLastMessage).utilization > BUSY_SHARE) {
      this.activityAtLastMessage = performance.eventLoopUtilization();
      this.timer.refresh();
      return;
    }
    setFlagsFromString('--optimize-for-size');
    this.favouringMemory = true;
  }
}
