// Preloaded (`node --require`) into a measured process: at exit, writes the
// process's own peak resident set (getrusage ru_maxrss, in KiB) to the file
// the benchmark names. Exact, unlike polling /proc from outside, which can
// miss the peak between two polls.

import { writeFileSync } from 'node:fs';

const target = process.env.CORROBORATE_BENCH_PEAK_RSS_FILE;
if (target !== undefined && target !== '') {
  process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
}
