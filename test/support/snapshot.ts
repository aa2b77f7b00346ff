// Whole expected texts kept in files next to the tests (test/unit/snapshots/),
// reviewed in diffs like code. A test compares what it got with its file;
// `UPDATE_SNAPSHOTS=1` writes what it got instead, for a change of output
// that is meant. A missing file fails the test unless UPDATE_SNAPSHOTS=1:
// a snapshot is never accepted without someone asking for it.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { assertSameText } from './assertText';
import { REPO } from './tempFolder';

export const SNAPSHOTS = path.join(REPO, 'test', 'unit', 'snapshots');

function updating(): boolean {
  return process.env.UPDATE_SNAPSHOTS === '1';
}

/** Compares `actual` with the snapshot `name` (a path under test/unit/snapshots/), or writes it under UPDATE_SNAPSHOTS=1. */
export function matchSnapshot(name: string, actual: string): void {
  const file = path.join(SNAPSHOTS, name);
  if (updating()) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current !== actual) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, actual);
    }
    return;
  }
  if (!fs.existsSync(file)) assert.fail(`no snapshot test/unit/snapshots/${name}: run the test with UPDATE_SNAPSHOTS=1 to write it, then review it in the diff`);
  assertSameText(actual, fs.readFileSync(file, 'utf8'), `snapshot test/unit/snapshots/${name} differs (UPDATE_SNAPSHOTS=1 rewrites it when the change is meant)`);
}
