// The language server's heap policy for edits: a young generation that
// indexing grew to V8's maximum (two semi-spaces of 16 MB) is brought down to
// 16 MB by one collection and stays there while edits go on, where V8 alone
// keeps it at 32 MB. Each test file runs in a process of its own, so the
// flags set here reach no other test.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getHeapSpaceStatistics } from 'node:v8';
import { applyEditingHeapPolicy, applyHeapPolicy } from '../../server/src/heapPolicy';

const MB = 1024 * 1024;

const youngBytes = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? NaN;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** One edit's worth of objects, half of which the next eight edits still hold, as republished reports' diagnostics are held a while: enough survive scavenges for V8 to grow the young generation and to collect the old one. */
function edit(kept: { at: number; message: string }[][]): void {
  const made: { at: number; message: string }[] = [];
  for (let at = 0; at < 100_000; at++) made.push({ at, message: `killed=${at % 97}` });
  kept.push(made.filter((_, k) => k % 2 === 0));
  if (kept.length > 8) kept.shift();
}

test('once edits start, the young generation indexing grew to 32 MB is brought to 16 MB and stays there', async () => {
  applyHeapPolicy('server');
  const kept: { at: number; message: string }[][] = [];
  // Indexing: V8 doubles the young generation up to its maximum.
  for (let i = 0; i < 100 && youngBytes() < 32 * MB; i++) {
    edit(kept);
    await nextTurn();
  }
  assert.equal(youngBytes(), 32 * MB, 'indexing did not grow the young generation to its maximum');
  applyEditingHeapPolicy();
  for (let i = 0; i < 300 && youngBytes() > 16 * MB; i++) {
    edit(kept);
    await nextTurn();
  }
  assert.ok(youngBytes() <= 16 * MB, `the young generation stayed at ${youngBytes() / MB} MB`);
  let largest = 0;
  for (let i = 0; i < 100; i++) {
    edit(kept);
    await nextTurn();
    largest = Math.max(largest, youngBytes());
  }
  assert.ok(largest <= 16 * MB, `the young generation grew back to ${largest / MB} MB`);
});
