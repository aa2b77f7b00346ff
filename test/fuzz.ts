// Run counts and seeds of the property tests. `npm test` runs each property a
// bounded number of times with a fresh seed; FUZZ_RUNS=N runs every property
// N times instead (docs/robustness.md), and a failure says how to replay it:
// the same FUZZ_SEED regenerates the same cases in the same order.

import fc from 'fast-check';

export interface FuzzOptions {
  /** Upper bound on the runs, whatever FUZZ_RUNS says (for properties that each start a server, say). */
  readonly maxRuns?: number;
}

interface FuzzSettings {
  readonly seed: number;
  readonly numRuns: number;
  readonly path?: string;
}

function integerFromEnvironment(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name}=${raw} is not an integer`);
  return value;
}

/** How many times a property runs: FUZZ_RUNS when set, else its count in `npm test`; never over `maxRuns`. */
export function fuzzRuns(defaultRuns: number, options: FuzzOptions = {}): number {
  const requested = integerFromEnvironment('FUZZ_RUNS') ?? defaultRuns;
  return Math.max(1, Math.min(requested, options.maxRuns ?? Number.POSITIVE_INFINITY));
}

function settings(defaultRuns: number, options: FuzzOptions): FuzzSettings {
  const numRuns = fuzzRuns(defaultRuns, options);
  const seed = integerFromEnvironment('FUZZ_SEED') ?? (Date.now() ^ Math.floor(Math.random() * 0x1_0000_0000)) | 0;
  const path = process.env.FUZZ_PATH;
  return path ? { seed, numRuns, path } : { seed, numRuns };
}

/** The failure with the command line that replays it in front of fast-check's own report. */
function replayable(error: unknown, { seed, numRuns }: FuzzSettings): Error {
  const report = error instanceof Error ? error.message : String(error);
  const pathMatch = /path: "([^"]*)"/.exec(report);
  const replay = `FUZZ_SEED=${seed} FUZZ_RUNS=${numRuns}${pathMatch ? ` FUZZ_PATH=${pathMatch[1]}` : ''}`;
  const cause = error instanceof Error && error.cause instanceof Error ? `\n\nThe property failed with: ${error.cause.stack ?? error.cause.message}` : '';
  return new Error(`Replay with: ${replay} node --import tsx --test <this test file>\n\n${report}${cause}`, { cause: error });
}

/** fc.assert with the run count and seed of this run, and a failure that says how to replay it. */
export function checkProperty<Ts>(property: fc.IProperty<Ts>, defaultRuns: number, options: FuzzOptions = {}): void {
  const run = settings(defaultRuns, options);
  try {
    fc.assert(property, run);
  } catch (error) {
    throw replayable(error, run);
  }
}

/**
 * The same for an asynchronous property. Shrinking is off: each run of these
 * costs real time (a server over stdio), so a failure is reported as found,
 * with its seed.
 */
export async function checkAsyncProperty<Ts>(property: fc.IAsyncProperty<Ts>, defaultRuns: number, options: FuzzOptions = {}): Promise<void> {
  const run = settings(defaultRuns, options);
  try {
    await fc.assert(property, { ...run, endOnFailure: true });
  } catch (error) {
    throw replayable(error, run);
  }
}
