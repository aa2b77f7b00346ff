// Reading a large corpus's documents on more than one thread. Reader threads
// (readerThread.ts) each read a share of the documents — text, facts, and the
// diagnostics that need that document and the registry alone, which are most
// of a cold check's work — and post them as plain records; the main thread
// reads a share too whenever it has nothing to add, and adds every document
// to the corpus in file order, as it would reading them all itself. The
// corpus, and every diagnostic, is the same.

import { availableParallelism } from 'node:os';
import type { ResourceLimits, Worker, WorkerOptions } from 'node:worker_threads';
import type { Corpus } from '../engine/corpus';
import type { DocumentFacts } from '../engine/document';
import type { RegistryFile } from './corpusFiles';
import { loadDocument } from './documentFile';
import { batchFiles, readerData, readOutcome, type ReadBatch, type ReadOutcome } from './readerThread';

export interface ReaderThreads {
  /** How many to start beside the main thread. */
  readonly count: number;
  /** Fewer documents than this are read on the main thread alone: starting threads would cost more than they save. */
  readonly fromDocuments: number;
  /** Documents per batch handed out. */
  readonly batchSize: number;
  /** Starts one reader thread, with these options (its data and heap): a thread whose entry runs readInThread. */
  start(options: WorkerOptions): Worker;
}

/**
 * A reader thread's heap: a batch of reports, the registry and the code take
 * about 20 MB. A report too large for the rest (parsing a 64 MB report takes
 * hundreds) ends the thread, and the main thread reads its batches.
 */
const READER_RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 64 };

/** Batches handed to a thread ahead of its reading them, so it does not wait while the main thread is reading a batch itself. */
const QUEUED_PER_THREAD = 2;

/** The main thread, as the reader of a batch. */
const MAIN_THREAD = -1;

export async function readInParallel(corpus: Corpus, root: string, registry: RegistryFile, files: readonly string[], threads: ReaderThreads): Promise<void> {
  const data = readerData(root, registry, files, threads.batchSize);
  const batches = Math.ceil(files.length / threads.batchSize);
  /** Batches read and not yet added, by number. */
  const ready = new Map<number, readonly ReadOutcome<DocumentFacts>[]>();
  /** Who reads each batch handed out: a thread's index, or the main thread. */
  const readers = new Int32Array(batches).fill(MAIN_THREAD);
  let handedOut = 0;
  let next = 0;
  let wake: (() => void) | undefined;
  const woken = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const pool = Array.from({ length: threads.count }, () => ({ worker: threads.start({ workerData: data, resourceLimits: READER_RESOURCE_LIMITS }), queued: 0, gone: false }));
  const handOut = (index: number) => {
    const thread = pool[index];
    while (!thread.gone && thread.queued < QUEUED_PER_THREAD && handedOut < batches) {
      readers[handedOut] = index;
      thread.worker.postMessage(handedOut++);
      thread.queued++;
    }
  };
  pool.forEach((thread, index) => {
    thread.worker.on('message', ({ batch, outcomes }: ReadBatch) => {
      thread.queued--;
      ready.set(batch, outcomes.map((outcome) => (outcome.kind === 'read' ? { ...outcome, read: corpus.adoptRecord(outcome.read) } : outcome)));
      handOut(index);
      woken();
    });
    // A thread that fails (out of memory, say) exits: its batches not yet posted are read here. Node
    // delivers every message a thread posted before its exit event.
    thread.worker.on('error', () => {});
    thread.worker.on('exit', () => {
      thread.gone = true;
      woken();
    });
    handOut(index);
  });
  const readHere = (batch: number) => batchFiles(data, batch).map((file) => readOutcome(root, file, (text, encoding) => corpus.readDocument(file, text, encoding)));
  try {
    while (next < batches) {
      const outcomes = ready.get(next);
      if (outcomes !== undefined) {
        ready.delete(next++);
        for (const outcome of outcomes) add(corpus, root, outcome);
      } else if (pool[readers[next]]?.gone === true) {
        ready.set(next, readHere(next));
      } else if (handedOut < batches) {
        // Nothing to add yet: read the next batch no thread has, then let the threads' messages in.
        readers[handedOut] = MAIN_THREAD;
        ready.set(handedOut, readHere(handedOut++));
        await new Promise((resolve) => setImmediate(resolve));
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    for (const { worker } of pool) void worker.terminate();
  }
}

/** Adds a document read, as loadDocument would have. */
function add(corpus: Corpus, root: string, outcome: ReadOutcome<DocumentFacts>): void {
  switch (outcome.kind) {
    case 'read':
      corpus.addDocument(outcome.read);
      return;
    case 'unreadable':
      corpus.setUnreadable(outcome.file, outcome.message);
      return;
    case 'gone':
      corpus.deleteDocument(outcome.file);
      return;
    case 'failed':
      loadDocument(corpus, root, outcome.file);
  }
}

/** The most reader threads worth starting: past them the main thread's own share (adding documents, the corpus's analysis, the output) is the whole wait. */
const MAX_READER_THREADS = 3;

/** Below this many documents a check reads them on the main thread alone. */
const READ_IN_PARALLEL_FROM = 500;

/** Documents per batch handed out: few enough that the threads finish together, enough that a message carries a batch's worth of work. */
const BATCH_SIZE = 32;

/** Reader threads for the cores of this machine, started by `start`. */
export function readerThreads(start: (options: WorkerOptions) => Worker): ReaderThreads {
  return { count: Math.min(availableParallelism() - 1, MAX_READER_THREADS), fromDocuments: READ_IN_PARALLEL_FROM, batchSize: BATCH_SIZE, start };
}
