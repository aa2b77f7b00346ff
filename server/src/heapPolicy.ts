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
 * The language server's growth once it has indexed its folders, while edits
 * go on: 25 %. What outlives the young generation during edits is mostly
 * the re-checked files' diagnostics, replaced at their next re-check; the
 * old generation fills with them up to this much over what survived the
 * last full collection, and keeps the pages it grew to (a full collection
 * empties them only in part): after 1,000 edits at 10,000 reports 136–159 MB
 * of pages for 103–113 MB live, against 164–180 at 50 %. It was not worth
 * its CPU while the publisher's messages were promoted as they waited for
 * the client (a hot-event edit 1.11 times the CPU at 25 %); since the
 * publisher waits instead (publisher.ts), a hot-event edit promotes a
 * sixth as much, and 1,000 edits take 21 full collections at 25 % against
 * main's 26 at 50 % (docs/performance-history.md, "What the edits promote").
 */
const EDITING_HEAP_GROWING_PERCENT = 25;

/**
 * How much the young generation (where new objects are made, and most die)
 * grows each time many of its objects survive a scavenge: V8 doubles it, from
 * two semi-spaces of 1 MB up to two of 16 MB. A command that reads the corpus
 * once and exits holds it (factor 1) at the size it has when this runs: two
 * semi-spaces of 4 MB, V8 having doubled it twice while the bundle's modules
 * were evaluated (perf-youngcap, stop 37). With the heap's growth above,
 * `check` peaked at 230–235 against 287–290 MB at 10,000 reports when this
 * was set (docs/performance-history.md, "What the language server's growth
 * is made of"); 209 MB today. Letting it grow on to 8 MB semi-spaces cut the
 * scavenges' time by a quarter but not the wall time, for 10 MB more peak
 * ("The young generation grown to 8 MB for check"). The language server keeps V8's
 * doubling: there the cap lowered the resident set by 30 MB after indexing
 * and after 1,000 edits alike, leaving the growth as it was, while its
 * heaviest edits took more CPU. The maximum itself (`--max-semi-space-size`)
 * is read only when the heap is made, so it cannot be set from inside.
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
 * grew by 18 MB (docs/performance-history.md, "The cues learnt with less garbage").
 */
const SERVER_FLAGS = '--no-allocation-site-pretenuring';

/** The young generation's growth factor `applyHeapPolicy` set, if it set one. */
let youngGenerationGrowth: number | undefined;

/**
 * `batch`: a command that reads the corpus once and exits; `server`: the language server, held open;
 * `editing`: the language server once its folders are indexed.
 */
export function applyHeapPolicy(kind: 'batch' | 'server' | 'editing'): void {
  if (kind === 'editing') {
    setFlagsFromString(`--heap-growing-percent=${EDITING_HEAP_GROWING_PERCENT}`);
    return;
  }
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  if (kind === 'batch') {
    youngGenerationGrowth = BATCH_YOUNG_GENERATION_GROWTH_FACTOR;
    restoreYoungGenerationGrowth();
  } else setFlagsFromString(SERVER_FLAGS);
}

/**
 * Sets the young generation's growth factor again once a worker thread has
 * started: V8 raises `--semi-space-growth-factor` to at least 2 as it
 * configures the new isolate's heap, and the flag is the whole process's.
 * Left raised, `check`'s young generation grew to 16 MB semi-spaces and its
 * peak by 35–45 MB at 10,000 reports (docs/performance-history.md, "The
 * reports read on a second thread").
 */
export function restoreYoungGenerationGrowth(): void {
  if (youngGenerationGrowth !== undefined) setFlagsFromString(`--semi-space-growth-factor=${youngGenerationGrowth}`);
}

/** Whether a started thread must be waited for, to set the young generation's growth factor again: only where the policy set one (`check`, not the language server). */
export function holdsYoungGenerationGrowth(): boolean {
  return youngGenerationGrowth !== undefined;
}
