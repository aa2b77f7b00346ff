// The registry is read with V8's optimizing compiler off (workspace/runOnce.ts):
// the code that reads every report afterwards must be optimized again, or a
// check of 10,000 reports takes several times as long, and a process started
// with its own compiler flags must keep them. Each case runs in a child
// process, whose V8 flags it may change, with V8's test functions allowed.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const RUN_ONCE = path.join(__dirname, '..', '..', 'server', 'src', 'workspace', 'runOnce.ts');

// Whether a function V8 is asked to optimize is optimized (bit 16 of its status), inside withoutOptimizing and after it.
const PROBE = `
const { withoutOptimizing } = require(${JSON.stringify(RUN_ONCE)});
const optimized = () => {
  const f = new Function('x', 'return x * 2 + 1');
  eval('%PrepareFunctionForOptimization(f)');
  f(1);
  eval('%OptimizeFunctionOnNextCall(f)');
  f(2);
  return (eval('%GetOptimizationStatus(f)') & 16) !== 0;
};
const value = withoutOptimizing(() => ({ optimized: optimized() }));
process.stdout.write(JSON.stringify({ inside: value.optimized, after: optimized() }));
`;

function probe(flags: readonly string[]): { inside: boolean; after: boolean } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--allow-natives-syntax', ...flags, '-e', PROBE], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as { inside: boolean; after: boolean };
}

describe('code run once, without the optimizing compiler', () => {
  test('nothing is optimized while it runs, and code is optimized again after it', () => {
    assert.deepEqual(probe([]), { inside: false, after: true });
  });

  test('a process started without the optimizing compiler stays without it', () => {
    assert.deepEqual(probe(['--no-turbofan']), { inside: false, after: false });
  });

  test('a process started with the optimizing compiler forced keeps it on throughout', () => {
    assert.deepEqual(probe(['--turbofan']), { inside: true, after: true });
  });
});
