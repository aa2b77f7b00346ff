// The server gives V8's room back once the editor goes quiet, and only then:
// while messages keep coming, or while the server is still busy after the
// last one, nothing is collected; once neither, the pages a burst grew to
// go back to the system.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getHeapStatistics } from 'node:v8';
import { IdleCollection } from '../../server/src/lsp/idleCollection';

const MB = 1024 * 1024;
const QUIET_MS = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const heapBytes = () => getHeapStatistics().total_heap_size;

/** A burst's worth of objects that outlive the young generation, of which one in eight is kept: the old generation's pages stay, mostly empty. */
function burst(): { readonly at: number; readonly claim: string }[] {
  const made: { at: number; claim: string }[] = [];
  for (let at = 0; at < 600_000; at++) made.push({ at, claim: `killed=${at % 97}` });
  return made.filter((_, k) => k % 8 === 0);
}

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

test('after a burst, the pages go back once the client is quiet and the server idle, not before', async () => {
  const idle = new IdleCollection({ quietMs: QUIET_MS, worthReducingBytes: 16 * MB });
  const kept = burst();
  const grown = heapBytes();
  // Messages keep coming.
  for (let k = 0; k < 6; k++) {
    idle.messageDispatched();
    await sleep(QUIET_MS / 2);
  }
  assert.ok(heapBytes() >= grown, 'collected while the client was sending messages');
  // Silence from the client, but slices of work between turns of the event loop (cues learnt, reports published), busy half the time.
  idle.messageDispatched();
  const until = performance.now() + QUIET_MS * 3;
  while (performance.now() < until) {
    busyFor(20);
    await sleep(20);
  }
  assert.ok(heapBytes() >= grown, 'collected while the server was busy');
  // Quiet.
  await sleep(QUIET_MS * 4);
  assert.ok(heapBytes() < grown - 24 * MB, `the heap went from ${(grown / MB).toFixed(0)} to ${(heapBytes() / MB).toFixed(0)} MB`);
  assert.equal(kept.length, 75_000);
});
