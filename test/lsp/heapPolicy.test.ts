// The language server's heap policy gives back the pages a burst grew the heap
// to while work goes on, not only once the editor is quiet: an editor open
// all day does not keep the room learning the assist's cues took. (Node's
// test runner runs each file in a process of its own, so the policy set here
// holds for this file only.)

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getHeapSpaceStatistics } from 'node:v8';
import { applyHeapPolicy } from '../../server/src/heapPolicy';

const MB = 1024 * 1024;

const physicalBytes = (space: string) => getHeapSpaceStatistics().find((s) => s.space_name === space)?.physical_space_size ?? NaN;

/** A burst's worth of objects that outlive the young generation, of which one in two is kept: the old generation's pages stay, half empty. */
function burst(): { readonly at: number; readonly claim: string }[] {
  const made: { at: number; claim: string }[] = [];
  for (let at = 0; at < 1_500_000; at++) made.push({ at, claim: `killed=${at % 97}` });
  return made.filter((_, k) => k % 2 === 0);
}

/** An edit's worth of work, held until the next edit has made its own: it outlives scavenges and dies in the old generation. */
function edit(): string[] {
  const made: string[] = [];
  for (let at = 0; at < 300_000; at++) made.push(`date=2024-04-${at % 28}`);
  return made;
}

test('the server gives the pages of a burst back while edits go on, and keeps the young generation under the 32 MB V8 would grow it to', async () => {
  applyHeapPolicy('server');
  const kept = burst();
  const grown = physicalBytes('old_space');
  let held: string[] = [];
  for (const until = performance.now() + 20_000; performance.now() < until && physicalBytes('old_space') > grown * 0.8; ) {
    held = edit();
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.ok(physicalBytes('old_space') < grown * 0.8, `the old generation went from ${(grown / MB).toFixed(0)} to ${(physicalBytes('old_space') / MB).toFixed(0)} MB of pages while edits went on`);
  assert.ok(physicalBytes('new_space') <= 16 * MB, `the young generation holds ${(physicalBytes('new_space') / MB).toFixed(1)} MB`);
  // Read last, so the burst's survivors and the last edit's objects stay reachable throughout.
  assert.equal(kept.length + held.length, 1_050_000);
});
