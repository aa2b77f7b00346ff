import assert from 'node:assert/strict';

/**
 * assert.equal on two texts with `why` in front of the diff the test runner
 * shows: which side is which, and how to accept a change that is meant.
 */
export function assertSameText(actual: string, expected: string, why: string): void {
  if (actual !== expected) throw new assert.AssertionError({ message: why, actual, expected, operator: 'strictEqual' });
}
