// When V8 collects, set by the client's quiet periods.
//
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
//
// Starting a full collection that is due in a pause, not in an edit. V8
// starts marking its old generation when an allocation finds the room left
// (what it lets the old generation grow to, less what it holds) smaller
// than its young generation, so in the middle of the edit whose garbage
// fills the room; it then paces the marking to finish within about half a
// second, on the main thread as much as its concurrent markers leave, and
// the edit's work waits meanwhile. At 50,000 reports (450–550 MB of heap)
// that was a second of a hot-event edit spent in the collector, its publishes
// slowed to a trickle (docs/performance-history.md, "The slowest edits' growth
// to 50,000"). Once an edit's publishes are written and the event loop has
// gone nearly idle, a collection due within the next edits (three quarters
// of the room used) is started there instead: V8's own test, lowered to that
// share for the pause (`--incremental-marking-soft-trigger`, read each time
// V8 asks), and put back to V8's at the next message.

import { constants, PerformanceObserver, performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { EDITING_HEAP_GROWING_PERCENT } from '../heapPolicy';

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
/**
 * How long the client must have sent nothing, the event loop nearly idle and nothing waiting to be
 * written, before a due collection is started: the edit's publishes are out and the open reports'
 * hints read. Its marking runs in steps of a few milliseconds, so a keystroke that comes meanwhile
 * waits a step, and its final pause (10–70 ms at 50,000 reports).
 */
const DUE_QUIET_MS = 50;
/**
 * The share of the old generation's room used from which a quiet period starts the next full
 * collection: V8 would start it itself within the next few edits that promote most (a hot-event edit
 * promotes about 5 % of the room at 50,000 reports). Lower, the collections come more often than
 * they must; V8's own start (room left under the young generation's 16–32 MB) is at a fifth to a
 * tenth of the room left at 50,000 reports, and before this share at 10,000.
 */
const DUE_ROOM_PERCENT = 75;
/**
 * How much more of the room must be used before a quiet period asks again when V8 declined (its own
 * measure of the room, of which this one is an estimate, said less was used): each asking costs a
 * scavenge and the young generation's worth of short-lived objects (10–40 ms).
 */
const RETRY_ROOM_PERCENT = 5;
/** The most bytes of short-lived objects made to bring on the scavenge after which V8 asks whether to start marking. */
const MAX_SCAVENGE_BYTES = 64 * 1024 * 1024;
const CHUNK_SLOTS = 4 * 1024;

export class IdleCollection {
  private readonly timer: NodeJS.Timeout;
  private readonly dueTimer: NodeJS.Timeout;
  private activityAtLastMessage = performance.eventLoopUtilization();
  private activityAtDueCheck = performance.eventLoopUtilization();
  private favouringMemory = false;
  /** V8's marking trigger is lowered to DUE_ROOM_PERCENT until the next message. */
  private dueStartAllowed = false;
  /** Bytes of the old generation after its last full collection; undefined before the first. */
  private oldGenerationAtLastFull?: number;
  /** The share of the room used when a quiet period last asked V8 to start, since that collection. */
  private roomUsedAtLastAsking = 0;
  private readonly fullCollections = new PerformanceObserver((list) => {
    if (list.getEntries().some(isFullCollection)) {
      this.oldGenerationAtLastFull = oldGenerationBytes();
      this.roomUsedAtLastAsking = 0;
    }
  });

  /** `writing` says whether messages still wait to be written to the client. */
  constructor(
    quietMs = DEFAULT_QUIET_MS,
    private readonly writing: () => boolean = () => false,
    dueQuietMs = DUE_QUIET_MS,
  ) {
    this.timer = setTimeout(() => this.favourMemoryIfIdle(), quietMs).unref();
    this.dueTimer = setTimeout(() => this.startDueCollectionIfIdle(), dueQuietMs).unref();
    this.fullCollections.observe({ entryTypes: ['gc'] });
  }

  /** A message of the client was dispatched: V8 favours speed again, and the quiet period starts again. */
  messageDispatched(): void {
    if (this.favouringMemory) {
      setFlagsFromString('--no-optimize-for-size');
      this.favouringMemory = false;
    }
    if (this.dueStartAllowed) {
      setFlagsFromString('--incremental-marking-soft-trigger=0');
      this.dueStartAllowed = false;
    }
    this.activityAtLastMessage = performance.eventLoopUtilization();
    this.activityAtDueCheck = this.activityAtLastMessage;
    this.timer.refresh();
    this.dueTimer.refresh();
  }

  /** Stops watching for quiet periods. */
  close(): void {
    clearTimeout(this.timer);
    clearTimeout(this.dueTimer);
    this.fullCollections.disconnect();
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

  private startDueCollectionIfIdle(): void {
    if (this.dueStartAllowed) return;
    if (this.writing() || performance.eventLoopUtilization(this.activityAtDueCheck).utilization > BUSY_SHARE) {
      this.activityAtDueCheck = performance.eventLoopUtilization();
      this.dueTimer.refresh();
      return;
    }
    const atLastFull = this.oldGenerationAtLastFull;
    if (atLastFull === undefined) return;
    const roomUsed = (100 * (oldGenerationBytes() - atLastFull)) / ((atLastFull * EDITING_HEAP_GROWING_PERCENT) / 100);
    if (roomUsed < Math.max(DUE_ROOM_PERCENT, this.roomUsedAtLastAsking + RETRY_ROOM_PERCENT)) return;
    this.roomUsedAtLastAsking = roomUsed;
    setFlagsFromString(`--incremental-marking-soft-trigger=${DUE_ROOM_PERCENT}`);
    this.dueStartAllowed = true;
    scavenge();
  }
}

/** A `gc` entry of a full collection (Node's typings leave out the entry's `detail`). */
function isFullCollection(entry: object): boolean {
  const detail = (entry as { readonly detail?: { readonly kind?: number } | null }).detail;
  return detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
}

/** What V8 counts as its old generation: every space but the young generation's and the read-only one. */
function oldGenerationBytes(): number {
  let bytes = 0;
  for (const space of getHeapSpaceStatistics()) {
    if (!/^(new_|read_only)/.test(space.space_name)) bytes += space.space_used_size;
  }
  return bytes;
}

/**
 * Fills the young generation with objects that die at once, until V8
 * scavenges it: V8 asks whether to start marking only when it allocates
 * or collects, and a quiet server does neither.
 */
function scavenge(): void {
  const youngUsed = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_used_size ?? 0;
  let before = youngUsed();
  for (let made = 0; made < MAX_SCAVENGE_BYTES; made += CHUNK_SLOTS * 8) {
    lastChunk = new Array<number>(CHUNK_SLOTS).fill(made);
    const after = youngUsed();
    if (after < before) break;
    before = after;
  }
  lastChunk.length = 0;
}

/** Held outside `scavenge`, so that the compiler cannot leave out the objects it makes. */
let lastChunk: number[] = [];
