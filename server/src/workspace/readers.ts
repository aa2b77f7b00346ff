// Reading a large corpus's documents on more than one thread (`check`).
// Reader threads (readerThread.ts) each read batches of documents — text,
// facts, and the diagnostics that need that document and the registry alone,
// about half of a cold check's work on the main thread — and post them as
// plain records; the main thread adds every document to the corpus in file
// order, reading batches itself whenever it has nothing to add, so the
// corpus, and every diagnostic, is the one the main thread reads alone.

import { availableParallelism } from 'node:os';
import type { ResourceLimits, Worker, WorkerOptions } from 'node:worker_threads';
import type { Corpus } from '../engine/corpus';
import { loadDocument, type DocumentReaders, type RegistryFile } from './corpusFiles';
import { batchFiles, readerData, readOutcome, type ReadBatch, type ReadOutcome } from './readerThread';

export interface ReaderThreadSettings {
  /** How many reader threads to start beside the main thread. */
  readonly count: number;
  /** Fewer documents than this are read on the main thread alone. */
  readonly fromDocuments: number;
  /** Documents per batch handed out. */
  readonly batchSize: number;
  /** Starts one reader thread with these options (its data and heap): a thread whose entry runs readInThread. */
  start(options: WorkerOptions): Worker;
}

/**
 * A reader thread's heap: the registry, a batch of reports and the code
 * take about 20 MB. A report too large for it (parsing a 64 MB report takes
 * hundreds) ends the thread, and the main thread reads its batches. The
 * young generation is held as small as the batch heap policy holds the main
 * thread's: a larger one is resident memory the peak pays for.
 */
const READER_RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 3 };

/** Batches handed to a thread ahead of its reading them, so it does not wait while the main thread adds or reads a batch. */
const QUEUED_PER_THREAD = 2;

/** The main thread, as the reader of a batch. */
const MAIN_THREAD = -1;

/** Reads `files` into `corpus` on `settings.count` reader threads and the main thread; see DocumentReaders. */
export async function readOnThreads(corpus: Corpus, root: string, registry: RegistryFile, files: readonly string[], settings: ReaderThreadSettings): Promise<void> {
  const data = readerData(root, registry, files, settings.batchSize);
  const batches = Math.ceil(files.length / settings.batchSize);
  /** Batches read ahead of their turn and not yet added, by number. */
  const ready = new Map<number, readonly ReadOutcome[]>();
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
  const pool = Array.from({ length: settings.count }, () => ({ worker: settings.start({ workerData: data, resourceLimits: READER_RESOURCE_LIMITS }), queued: 0, gone: false }));
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
      ready.set(batch, outcomes);
      handOut(index);
      woken();
    });
    // A thread that fails (out of its heap, or it cannot start) exits: its batches not yet posted are read
    // here. Node delivers every message a thread posted before its exit event.
    thread.worker.on('error', () => {});
    thread.worker.on('exit', () => {
      thread.gone = true;
      woken();
    });
    handOut(index);
  });
  try {
    while (next < batches) {
      const outcomes = ready.get(next);
      if (outcomes !== undefined) {
        ready.delete(next);
        batchFiles(data, next++).forEach((file, k) => add(corpus, root, file, outcomes[k]));
      } else if (next === handedOut || pool[readers[next]]?.gone === true) {
        // Its turn, and no thread will read it: read here, straight into the corpus.
        if (next === handedOut) handedOut++;
        for (const file of batchFiles(data, next++)) loadDocument(corpus, root, file);
      } else if (handedOut < batches) {
        // Nothing to add yet: read the next batch no thread has, then let the threads' messages in.
        const batch = handedOut++;
        ready.set(batch, batchFiles(data, batch).map((file) => readOutcome(corpus, root, file)));
        await new Promise((resolve) => setImmediate(resolve));
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    for (const { worker } of pool) void worker.terminate();
  }
}

/** Adds a document read ahead, as loadDocument would have read it. */
function add(corpus: Corpus, root: string, file: string, outcome: ReadOutcome): void {
  switch (outcome.kind) {
    case 'read':
      corpus.addRecord(outcome.record);
      return;
    case 'unreadable':
      corpus.setUnreadable(file, outcome.message);
      return;
    case 'gone':
      corpus.deleteDocument(file);
      return;
    case 'failed':
      loadDocument(corpus, root, file);
  }
}

/**
 * The most reader threads worth starting: the main thread's own share
 * (adding the records, the corpus's analysis, the output) is about half a
 * check, so past three readers it is the whole wait.
 */
const MAX_READER_THREADS = 3;

/** Below this many documents a check reads them on the main thread alone. */
const READ_ON_THREADS_FROM = 500;

/** Documents per batch handed out: few enough that the threads finish together, enough that a message carries a batch's worth of work. */
const BATCH_SIZE = 32;

/** Reads on reader threads with these settings; none started when `count` is 0. */
export function documentReaders(settings: ReaderThreadSettings): DocumentReaders {
  return {
    fromDocuments: settings.count > 0 ? settings.fromDocuments : Number.POSITIVE_INFINITY,
    read: (corpus, root, registry, files) => readOnThreads(corpus, root, registry, files, settings),
  };
}

/**
 * Reader threads for the cores of this machine, started by `start`: one
 * fewer than the cores, so the main thread, which adds every record and
 * reads batches too when it has none to add, keeps one; none on one core.
 */
export function readerThreads(start: (options: WorkerOptions) => Worker): DocumentReaders {
  return documentReaders({ count: Math.min(availableParallelism() - 1, MAX_READER_THREADS), fromDocuments: READ_ON_THREADS_FROM, batchSize: BATCH_SIZE, start });
}
