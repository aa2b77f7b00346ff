// Code that runs once per process, read without V8's optimizing compiler.
//
// corroborate.yaml is read once when a corpus is loaded, by the `yaml`
// package's lexer, parser and composer: large functions (generators, long
// switches) that turn hot within the one read and that TurboFan then
// compiles, on a second thread, for a read that ends about when the
// compiled code is ready. At the bench corpus's 135 KB registry, TurboFan compiled 78
// functions in about 390 ms of its thread's time, and the registry's read
// took 300–330 ms of CPU in a fresh process against 170–185 ms without it
// (docs/performance-history.md, "The registry read without TurboFan, and the start").
// The interpreter and the baseline compiler still run it; the code that
// reads every report is optimized as before once TurboFan is on again.

import { setFlagsFromString } from 'node:v8';

/**
 * V8 flags that decide how code is compiled. A process started with one of
 * them (`--jitless`, `--no-turbofan`, `--max-opt=…`) keeps what it asked for:
 * turning TurboFan back on would override it, and under `--jitless` V8 has
 * no optimizing compiler at all.
 */
const TIERING_FLAGS = /--(?:no-)?(?:jitless|turbofan|opt|max-opt|always-turbofan|always-opt|maglev|sparkplug|always-sparkplug)\b/;

function tieringLeftToV8(): boolean {
  return TIERING_FLAGS.test(process.execArgv.join(' ')) || TIERING_FLAGS.test(process.env.NODE_OPTIONS ?? '');
}

/** `read()`, with TurboFan off while it runs; V8 reads the flag each time it decides to optimize a function. */
export function withoutOptimizing<T>(read: () => T): T {
  if (tieringLeftToV8()) return read();
  setFlagsFromString('--no-turbofan');
  try {
    return read();
  } finally {
    setFlagsFromString('--turbofan');
  }
}
