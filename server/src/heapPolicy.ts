// V8's heap policy, set when the program starts. Its flags are read when V8
// collects or grows the heap, so setting them from inside takes effect;
// none changes what the program computes, only when V8 collects and how
// much room it keeps.

import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what survived its last full collection
 * before it collects again: 50 %, against up to 300 % by default, when V8
 * favours throughput. A server held open all day kept the room it grew to in
 * a burst (the assist's cue model learnt, a hot event republished): at
 * 10,000 reports 380 MB after indexing and 691–941 MB after 1,000 edits
 * (peak 1.2–1.4 GB) for a live heap that grew by a few MB; 512 MB (peak
 * 524 MB) with this. The price is more full collections in the edits that
 * allocate most: a hot-event or alias edit costs about 1.6 times the CPU
 * (docs/performance-history.md, "The language server's memory, continued").
 * The commands that read the corpus once use it too, for their peak.
 */
const HEAP_GROWING_PERCENT = 50;

/**
 * How much the young generation (where new objects are made, and most die)
 * grows each time many of its objects survive a scavenge: V8 doubles it, from
 * two semi-spaces of 1 MB up to two of 16 MB, and keeps the 32 MB once grown.
 * A command that reads the corpus once keeps it at 1 MB (factor 1): `check`
 * peaks at 230–235 against 287–290 MB at 10,000 reports with this and the
 * heap's growth above (250 MB with this alone, 280 MB with the growth alone),
 * for about a tenth more CPU (docs/performance.md, "What the language
 * server's growth is made of"). The maximum itself (`--max-semi-space-size`)
 * is read only when the heap is made, so it cannot be set from inside.
 */
const BATCH_YOUNG_GENERATION_GROWTH_FACTOR = 1;
const V8_YOUNG_GENERATION_GROWTH_FACTOR = 2;

/**
 * The language server's young generation stops doubling once it holds this
 * much (two semi-spaces of 4 MB). Kept at 2 MB, as `check` keeps it, more of
 * an edit's objects outlived it and filled the old generation faster: the
 * readings while edits went on were higher (10,000 reports, ten readings
 * each: 296–347 MB against 261–347); let grow to 32 MB, it held 30 MB for
 * good (docs/performance.md, "Memory while edits go on").
 */
const SERVER_YOUNG_GENERATION_BYTES = 8 * 1024 * 1024;

/**
 * `batch`: a command that reads the corpus once and exits; `server`: the
 * language server, held open. The server also has V8 favour memory
 * (`--optimize-for-size`): each full collection it starts then reduces
 * memory, compacting the old generation's fragmented pages, giving them
 * back and shrinking the young generation. Without it the pages a burst grew
 * the heap to (the assist's cues learnt, a hot event republished) stayed,
 * half empty, while edits went on: at 10,000 reports 356 MB after 100 mixed
 * edits against 261–291 MB with this and the cap below, for edits that
 * republish hundreds of reports costing about 1.5 times the CPU
 * (docs/performance.md, "Memory while edits go on"). V8's memory reducer
 * may still collect once the server is idle.
 */
export function applyHeapPolicy(kind: 'batch' | 'server'): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  if (kind === 'batch') {
    setFlagsFromString(`--semi-space-growth-factor=${BATCH_YOUNG_GENERATION_GROWTH_FACTOR}`);
    return;
  }
  setFlagsFromString('--optimize-for-size');
  capYoungGeneration(SERVER_YOUNG_GENERATION_BYTES);
}

/**
 * V8 reads the growth factor each time a scavenge would grow the young
 * generation; after every collection it is set from the size reached, so
 * the doubling stops at `maxBytes` (a long task may double it once or twice
 * more before the next check) and starts again once a full collection has
 * shrunk it.
 */
function capYoungGeneration(maxBytes: number): void {
  let growing = true;
  new PerformanceObserver(() => {
    const youngBytes = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.physical_space_size ?? 0;
    const grow = youngBytes < maxBytes;
    if (grow === growing) return;
    growing = grow;
    setFlagsFromString(`--semi-space-growth-factor=${grow ? V8_YOUNG_GENERATION_GROWTH_FACTOR : 1}`);
  }).observe({ entryTypes: ['gc'] });
}
