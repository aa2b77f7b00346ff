// V8's heap policy, set when the program starts and, for the language
// server, again once its workspace is edited. Its flags are read when V8
// collects or grows the heap, so setting them from inside takes effect; none
// changes what the program computes, only when V8 collects and how much room
// it keeps.

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
 * two semi-spaces of 1 MB up to two of 16 MB. A command that reads the corpus
 * once and exits keeps it at 1 MB (factor 1): with the heap's growth above,
 * `check` peaks at 230–235 against 287–290 MB at 10,000 reports (250 MB with
 * this alone, 280 MB with the growth alone), for about a tenth more CPU
 * (docs/performance.md, "What the language server's growth is made of").
 * The language server keeps V8's
 * doubling while it indexes: there this cap lowered the resident set by 30 MB
 * after indexing and after 1,000 edits alike, while its heaviest edits took
 * more CPU; once edits start it stops at 16 MB (below). The maximum itself
 * (`--max-semi-space-size`) is read only when the heap is made, so it cannot
 * be set from inside.
 */
const BATCH_YOUNG_GENERATION_GROWTH_FACTOR = 1;

/**
 * The language server turns off V8's allocation-site pretenuring, by which
 * the objects made where most of them once outlived the young generation
 * are made in the old one from then on. Indexing keeps most of what it
 * reads (the claims, the facts), so the parser's and the readers' sites are
 * pretenured by the time the first report is opened; learning the assist's
 * cues then parses and reads every report again, and what it made for one
 * report and let go at once filled the old generation all the same: at
 * 10,000 reports, in process, its pages grew from about 155 to 207 MB while
 * the cues were learnt, 170 MB without pretenuring, for a live heap that
 * grew by 18 MB (docs/performance.md, "The cues learnt with less garbage").
 */
const SERVER_FLAGS = '--no-allocation-site-pretenuring';

/**
 * The heap's growth once the language server has indexed its workspace and
 * is held open for edits: 25 %. Each full collection then leaves the old
 * generation room for a quarter of what survived, where 50 % let it hold
 * half as much again in garbage, and keep the pages that garbage grew it
 * to, all day. Indexing, the one pass that reads every report, keeps the
 * 50 % above: it runs before the first diagnostics are shown. 20 % held
 * no less than 25 % (docs/performance.md, "Memory after 1,000 edits, the
 * ratio").
 */
const EDITING_HEAP_GROWING_PERCENT = 25;

/**
 * The young generation's most while the server is held open: two
 * semi-spaces of 8 MB, where V8 doubles them up to 16 MB each. Indexing
 * grows it to the maximum; an edit's work is small beside it.
 */
const EDITING_YOUNG_GENERATION_BYTES = 16 * 1024 * 1024;

/** `batch`: a command that reads the corpus once and exits; `server`: the language server, held open. */
export function applyHeapPolicy(kind: 'batch' | 'server'): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  if (kind === 'batch') setFlagsFromString(`--semi-space-growth-factor=${BATCH_YOUNG_GENERATION_GROWTH_FACTOR}`);
  else setFlagsFromString(SERVER_FLAGS);
}

/** The language server, once its workspace is first indexed: the heap's policy while edits go on. */
export function applyEditingHeapPolicy(): void {
  setFlagsFromString(`--heap-growing-percent=${EDITING_HEAP_GROWING_PERCENT}`);
  capYoungGeneration(EDITING_YOUNG_GENERATION_BYTES);
}

/**
 * V8 fixes the young generation's maximum when the heap is made, but reads
 * its growth factor each time it would grow it: after every collection the
 * factor is 1 (no growth) while the young generation holds `capBytes` or
 * more, V8's 2 below. What is already past the cap is given back only by a
 * collection that reduces memory: until the young generation is within the
 * cap, V8 favours size (`--optimize-for-size`), so its next full collection
 * is one.
 */
function capYoungGeneration(capBytes: number): void {
  const youngBytes = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
  let shrinking = youngBytes() > capBytes;
  let growing = true;
  if (shrinking) setFlagsFromString('--optimize-for-size');
  new PerformanceObserver(() => {
    const young = youngBytes();
    if (shrinking && young <= capBytes) {
      setFlagsFromString('--no-optimize-for-size');
      shrinking = false;
    }
    if (growing === young < capBytes) return;
    growing = young < capBytes;
    setFlagsFromString(`--semi-space-growth-factor=${growing ? 2 : 1}`);
  }).observe({ entryTypes: ['gc'] });
}
