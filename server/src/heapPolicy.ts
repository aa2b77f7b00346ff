// V8's heap policy, set when the program starts. Both flags are read when V8
// collects or grows the heap, so setting them from inside takes effect;
// neither changes what the program computes, only when V8 collects and how
// much room it keeps.

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
 * (docs/performance-history.md, "The language server's memory, continued").
 * The commands that read the corpus once use it too, for their peak.
 */
const HEAP_GROWING_PERCENT = 50;

/**
 * How much the young generation (where new objects are made, and most die)
 * grows each time many of its objects survive a scavenge: V8 doubles it, from
 * two semi-spaces of 1 MB up to two of 16 MB, and keeps the 32 MB once grown.
 * Every command keeps it at 1 MB (factor 1). `check` peaks at 230–235
 * against 287–290 MB at 10,000 reports with this and the heap's growth above
 * (250 MB with this alone, 280 MB with the growth alone), for about a tenth
 * more CPU (docs/performance.md, "What the language server's growth is made
 * of"); the language server holds 30 MB less at every reading. The maximum
 * itself (`--max-semi-space-size`) is read only when the heap is made, so it
 * cannot be set from inside.
 */
const YOUNG_GENERATION_GROWTH_FACTOR = 1;

/**
 * `batch`: a command that reads the corpus once and exits; `server`: the
 * language server, held open. The server also has V8 favour memory
 * (`--optimize-for-size`): each full collection it starts then reduces memory,
 * compacting the old generation's fragmented pages and giving them back.
 * Without it the pages a burst grew the heap to (the assist's cues learnt,
 * a hot event republished) stayed, half empty, while edits went on: at 10,000
 * reports 397–414 MB after 100 mixed edits, 296–324 MB with it and the young
 * generation above, for heavier edits that cost a fifth to a half more CPU
 * (docs/performance.md, "Memory while edits go on"). V8's memory reducer still
 * collects once the server is idle.
 */
export function applyHeapPolicy(kind: 'batch' | 'server'): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  setFlagsFromString(`--semi-space-growth-factor=${YOUNG_GENERATION_GROWTH_FACTOR}`);
  if (kind === 'server') setFlagsFromString('--optimize-for-size');
}
