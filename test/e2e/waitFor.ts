import { setTimeout as delay } from 'node:timers/promises';

export interface WaitOptions {
  /** What is awaited, phrased to complete "timed out after N ms waiting for …". */
  readonly what: string;
  readonly timeoutMs: number;
  /** Pause between two checks of the condition; the wait itself ends on the condition, not on this. */
  readonly pollMs?: number;
}

/**
 * Checks `probe` until it returns a value other than `undefined` and returns
 * that value, or rejects once `timeoutMs` has passed. A probe that throws is
 * treated as "not yet" and its last error is quoted in the timeout message,
 * which is what makes a flaky start-up diagnosable.
 */
export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, options: WaitOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError === undefined ? '' : ` (last error: ${describeError(lastError)})`;
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${options.what}${cause}`);
    }
    await delay(Math.min(options.pollMs ?? 100, Math.max(0, deadline - Date.now())));
  }
}

/**
 * Settles like `promise`, or rejects once `timeoutMs` has passed, for waits on
 * an event rather than on a condition that can be polled.
 */
export async function withDeadline<T>(promise: Promise<T>, options: Omit<WaitOptions, 'pollMs'>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${options.timeoutMs} ms waiting for ${options.what}`)), options.timeoutMs);
  });
  try {
    return await Promise.race([promise, expiry]);
  } finally {
    clearTimeout(timer);
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
