// Preloaded (`node --require`) into the memory session's language servers by
// `--memory-breakdown`: on SIGUSR2 the server appends one JSON line to
// `$CORROBORATE_BENCH_MEMORY_DIR/memory-<pid>.jsonl` saying what its resident
// set is made of, read from inside without a collection (which would change
// what is measured next): V8's heap by space (committed, physical, used),
// what V8 itself allocated with malloc, buffers outside the heap, and the
// kernel's split of the resident set into anonymous and file-backed pages.
// Anonymous pages that are not V8's heap are native memory: malloc'd
// objects, its free lists and arenas, thread stacks. A server started with
// --expose-gc (`--server-node-options=--expose-gc`) then collects fully and
// reads again: the live heap, at the price of changing what comes next.

import { appendFileSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { getHeapSpaceStatistics, getHeapStatistics } from 'node:v8';

export interface HeapSpaceFigures {
  readonly name: string;
  readonly committedMb: number;
  readonly physicalMb: number;
  readonly usedMb: number;
}

export interface MemoryBreakdown {
  readonly rssMb: number;
  readonly rssAnonMb: number;
  readonly rssFileMb: number;
  readonly heapPhysicalMb: number;
  readonly heapUsedMb: number;
  readonly mallocedByV8Mb: number;
  readonly externalMb: number;
  readonly arrayBuffersMb: number;
  readonly spaces: readonly HeapSpaceFigures[];
  /** The same, read again after a full collection (only with --expose-gc). */
  readonly afterFullCollection?: MemoryBreakdown;
}

const MB = 1024 * 1024;

function statusFieldMb(status: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

function breakdown(): MemoryBreakdown {
  const status = readFileSync('/proc/self/status', 'utf8');
  const usage = process.memoryUsage();
  const heap = getHeapStatistics();
  return {
    rssMb: statusFieldMb(status, 'VmRSS'),
    rssAnonMb: statusFieldMb(status, 'RssAnon'),
    rssFileMb: statusFieldMb(status, 'RssFile') + statusFieldMb(status, 'RssShmem'),
    heapPhysicalMb: heap.total_physical_size / MB,
    heapUsedMb: heap.used_heap_size / MB,
    mallocedByV8Mb: heap.malloced_memory / MB,
    externalMb: usage.external / MB,
    arrayBuffersMb: usage.arrayBuffers / MB,
    spaces: getHeapSpaceStatistics().map((space) => ({
      name: space.space_name,
      committedMb: space.space_size / MB,
      physicalMb: space.physical_space_size / MB,
      usedMb: space.space_used_size / MB,
    })),
  };
}

const dir = process.env.CORROBORATE_BENCH_MEMORY_DIR;
if (dir !== undefined && dir !== '') {
  const file = path.join(dir, `memory-${process.pid}.jsonl`);
  process.on('SIGUSR2', () => {
    const before = breakdown();
    const { gc } = globalThis;
    if (gc !== undefined) gc();
    appendFileSync(file, JSON.stringify(gc === undefined ? before : { ...before, afterFullCollection: breakdown() }) + '\n');
  });
}
