// V8's heap policy for every Corroborate process (the CLI's commands and the
// language server), set when the program starts. Both flags are read at each
// collection, so setting them from inside takes effect; neither changes what
// the program computes, only when V8 collects and how much room it keeps.

import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what survived its last full collection
 * before it collects again: 50 %, against up to 300 % by default, when V8
 * favours throughput. A server held open all day kept the room it grew to in
 * a burst (the assist's cue model learnt, a hot event republished): at
 * 10,000 reports 380 MB after indexing and 691–941 MB after 1,000 edits
 * (peak 1.2–1.4 GB) for a live heap that grew by a few MB; 512 MB (peak
 * 524 MB) with this. The price is more full collections in the edits that
 * allocate most: a hot-event or alias edit costs about 1.6 times the CPU
 * (docs/performance.md, "The language server's memory, continued"). `check`,
 * which reads every report and keeps their facts to the end, peaks lower by
 * the same room.
 */
const HEAP_GROWING_PERCENT = 50;

/**
 * The young generation (where new objects are made, and most die) stays at
 * the size V8 starts it with, two semi-spaces of 1 MB, instead of doubling
 * each time many objects survive a scavenge, up to two of 16 MB: 30 MB of
 * resident set for room that only speeds up the collection of short-lived
 * garbage a little (docs/performance.md, "What the growth is made of").
 * The maximum itself (`--max-semi-space-size`) is read only when the heap is
 * made, so it cannot be set from inside; the growth factor is read when the
 * young generation would grow.
 */
const YOUNG_GENERATION_GROWTH_FACTOR = 1;

export function applyHeapPolicy(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  setFlagsFromString(`--semi-space-growth-factor=${YOUNG_GENERATION_GROWTH_FACTOR}`);
}
