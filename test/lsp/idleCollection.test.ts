// The server gives V8's room back once the editor goes quiet, and only then:
// while messages keep coming, or while the server is still busy after the
// last one, V8 keeps the pages a burst grew the heap to; once neither, its
// memory reducer gives them back (at its next check: within 8 s, so this
// test takes about 20 s).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getHeapSpaceStatistics } from 'node:v8';
import { IdleCollection } from '../../server/src/lsp/idleCollection';

const MB = 1024 * 1024;
const QUIET_MS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The pages of V8's old generation, where what outlives a burst's first moments goes. */
const oldGenerationBytes = () => getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')?.physical_space_size ?? NaN;

/** A burst's worth of objects that outlive the young generation, of which one in eight is kept: the old generation's pages stay, mostly empty. */
function burst(): { readonly at: number; readonly claim: string }[] {
  const made: { at: number; claim: string }[] = [];
  for (let at = 0; at < 1_500_000; at++) made.push({ at, claim: `killed=${at % 97}` });
  return made.filter((_, k) => k % 8 === 0);
}

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

test('after a burst, the pages go back once the client is quiet and the server idle, not before', async () => {
  const idle = new IdleCollection(QUIET_MS);
  const kept = burst();
  const grown = oldGenerationBytes();
  // Messages keep coming.
  for (const until = performance.now() + 5_000; performance.now() < until; ) {
    idle.messageDispatched();
    await sleep(QUIET_MS / 3);
  }
  // Silence from the client, but slices of work between turns of the event loop (cues learnt, reports published), busy half the time.
  idle.messageDispatched();
  for (const until = performance.now() + 5_000; performance.now() < until; ) {
    busyFor(20);
    await sleep(20);
  }
  assert.ok(oldGenerationBytes() >= grown, 'the pages went back while the client sent messages or the server was busy');
  // Quiet.
  for (const until = performance.now() + 20_000; performance.now() < until && oldGenerationBytes() > grown / 2; ) await sleep(250);
  assert.ok(oldGenerationBytes() < grown / 2, `the old generation went from ${(grown / MB).toFixed(0)} to ${(oldGenerationBytes() / MB).toFixed(0)} MB of pages`);
  assert.equal(kept.length, 187_500);
});
