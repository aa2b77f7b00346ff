// What the CLI writes is the UTF-8 of its pieces joined, however they are cut
// into batches: writeParts encodes piece by piece into batches of bytes.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeParts, type Output } from '../../server/src/cli/output';

/** An output that keeps what it is given, as a file would hold it; closed after `limit` writes. */
function recording(limit = Infinity): Output & { bytes(): Buffer; writes: number } {
  const chunks: Buffer[] = [];
  return {
    writes: 0,
    get closed() {
      return this.writes >= limit;
    },
    write(chunk: string | Uint8Array) {
      this.writes++;
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
    },
    bytes: () => Buffer.concat(chunks),
  };
}

void describe('writeParts', () => {
  test('writes the UTF-8 of the pieces joined, across batches of a megabyte', () => {
    const pieces: string[] = [];
    for (let k = 0; k < 30_000; k++) pieces.push(`{"message":"\`Niafunké\` names @niafunke ${k} — 𝐉𝐍𝐈𝐌 ’"},`);
    const out = recording();
    writeParts(out, pieces);
    assert.ok(out.writes > 1, 'more than one batch');
    assert.deepEqual(out.bytes(), Buffer.from(pieces.join(''), 'utf8'));
  });

  test('a surrogate pair cut between two pieces is written as its one character', () => {
    const emoji = '😀';
    const out = recording();
    writeParts(out, ['before ', emoji[0], emoji[1], ' after']);
    assert.equal(out.bytes().toString('utf8'), `before ${emoji} after`);
  });

  test('a piece longer than a batch is written whole, in its place', () => {
    const long = 'é'.repeat(600_000);
    const out = recording();
    writeParts(out, ['[', long, ']']);
    assert.deepEqual(out.bytes(), Buffer.from(`[${long}]`, 'utf8'));
  });

  test('stops writing once the reader has gone', () => {
    const out = recording(1);
    const pieces: string[] = [];
    for (let k = 0; k < 100_000; k++) pieces.push(`line ${k} of a long output\n`);
    writeParts(out, pieces);
    assert.equal(out.writes, 1);
    assert.ok(out.bytes().length < pieces.join('').length);
  });
});
