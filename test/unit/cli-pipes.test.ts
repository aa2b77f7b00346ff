// `corroborate … | head -1`: when the reader of the output goes away, the
// command stops, prints nothing on stderr and exits with the code of its run
// (DESIGN.md), instead of dying on an unhandled EPIPE with exit 1, the code
// that means "the corpus has errors".

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { BIN, writeCorpus } from '../support/cli';

const REGISTRY = `documents: ["*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled] }
  killed: { type: count }
actors:
  jnim: { name: JNIM, aliases: [JNIM] }
events:
  attack: { name: Attack }
`;

/**
 * Far more output than a pipe holds (64 KB on Linux), in every format: each
 * line has a hint, a mention, a claim and a sentence to suggest a claim for,
 * so the program is still writing when the reader leaves.
 */
function bigCorpus(withError: boolean): string {
  const line = 'Le JNIM et [le JNIM]{@jnim} ont [pris le camp]{claim event=@attack outcome=captured}. Selon [le JNIM]{@jnim}, 20 soldats ont été tués.\n';
  const files: Record<string, string> = { 'corroborate.yaml': REGISTRY, 'big.txt': `---\nsource: jnim\n---\n${line.repeat(5_000)}` };
  if (withError) files['broken.txt'] = '---\nsource: jnim\n---\n[x]{claim event=@nowhere}\n';
  return writeCorpus(files);
}

interface EarlyExit {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  firstChunk: string;
}

/** Runs the program in the corpus folder, reads its first chunk of output, then closes the pipe, as `head -c` does. */
async function readFirstChunkThenClose(args: readonly string[], corpus: string): Promise<EarlyExit> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: corpus, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  child.stdout.destroy();
  const [status, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  return { status, signal, stderr, firstChunk: chunk.toString('utf8') };
}

void describe('a closed pipe', () => {
  const runs: [string, string[], string][] = [
    ['check (text)', ['check'], 'big.txt:4:'],
    ['check --format json', ['check', '--format', 'json'], '{"documents":'],
    ['check --format sarif', ['check', '--format', 'sarif'], '{"$schema":'],
    ['export --format json', ['export', '--format', 'json'], '[\n'],
    ['export --format csv', ['export', '--format', 'csv'], 'file,line,'],
    ['export --format w3c', ['export', '--format', 'w3c'], '{"@context":'],
    ['suggest (text)', ['suggest'], 'big.txt:4:'],
    ['suggest --format json', ['suggest', '--format', 'json'], '{"suggestions":['],
  ];
  const clean = bigCorpus(false);
  const broken = bigCorpus(true);
  for (const [name, args, opening] of runs) {
    void test(`${name}: stops quietly with the run's exit code`, async () => {
      const ok = await readFirstChunkThenClose(args, clean);
      assert.ok(ok.firstChunk.startsWith(opening), `output starts with ${JSON.stringify(ok.firstChunk.slice(0, 40))}`);
      assert.deepEqual({ status: ok.status, signal: ok.signal, stderr: ok.stderr }, { status: 0, signal: null, stderr: '' });
      if (args[0] === 'check') {
        // A corpus with errors keeps its exit 1: the reader left, the errors did not.
        const failing = await readFirstChunkThenClose(args, broken);
        assert.deepEqual({ status: failing.status, signal: failing.signal, stderr: failing.stderr }, { status: 1, signal: null, stderr: '' });
      }
    });
  }
});
