// Preloaded (`node --require`) into a measured process: at exit, writes the
// process's own peak resident set (getrusage ru_maxrss, in KiB) and the CPU
// time of all its threads (user + system, ms) to the file the benchmark
// names, as JSON. Exact, unlike polling /proc from outside, which can miss
// the peak between two polls. On a machine that other work shares, the CPU
// time says what a run cost where its wall time says how long it waited.

import { writeFileSync } from 'node:fs';

const target = process.env.CORROBORATE_BENCH_PEAK_RSS_FILE;
if (target !== undefined && target !== '') {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
  });
}
