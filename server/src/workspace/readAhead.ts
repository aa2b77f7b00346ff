// The corpus's reports read and decoded on a second thread while the main
// thread checks the ones already read: `check` and the language server's
// cold indexing.
//
// This is the one thread the server starts (test/unit/trust.test.ts allows
// it here alone). It is safe because the thread runs only our own
// bundled script (server/dist/corpusReader.js, built from corpusReader.ts)
// and no corpus content: it opens, reads, decodes and closes the paths the
// main thread gives it, which discovery has already vetted (inside the
// corpus folder, no link out), and sends back their texts.
//
// Why a thread and not libuv's pool: a callback `open`, `fstat`, `read` and
// `close` per report cost the main thread more than the synchronous calls
// they would replace (each callback's request and wake-up are its own), and
// promise-based file handles cost 1.7 s at 10,000 reports (issue 5). The
// reader sends a chunk of reports in one message, which the main thread
// takes off the channel itself when it wants it (receiveMessageOnPort), with
// no turn of the event loop; how far the reader is ahead is counted in
// shared memory, not in messages back. Texts and not bytes: the decode
// leaves the main thread too, and a text crosses as a copy of its
// characters. docs/performance-history.md, "The reports read on a second thread".

import { existsSync } from 'node:fs';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker, workerData } from 'node:worker_threads';
import { holdsYoungGenerationGrowth, restoreYoungGenerationGrowth } from '../heapPolicy';
import { readDocument, type DocumentRead } from './documentRead';

/** A chunk holds up to this many reports, or stops at the first report that takes it past CHUNK_CHARACTERS. */
const CHUNK_FILES = 64;
const CHUNK_CHARACTERS = 512 * 1024;
/**
 * The reader stops when it is this many chunks ahead of the main thread, so
 * memory stays flat whatever the corpus's size, and goes on when it is
 * RESUME_AHEAD ahead: woken once per few chunks, not at every one.
 */
const CHUNKS_AHEAD = 8;
const RESUME_AHEAD = 4;
/** How long the main thread waits for the reader to start (45–150 ms measured on a loaded 2-core machine) before it goes on regardless. */
const START_WAIT_MS = 2_000;
/** How long the main thread waits for a chunk before it lets the event loop tell it whether the reader has ended. */
const CHUNK_WAIT_MS = 50;

/** The shared counters: the reader has started; chunks it has sent; chunks the main thread has taken. */
const STARTED = 0;
const SENT = 1;
const TAKEN = 2;

/** A report's read as it crosses: its text alone when it is a text without encoding problem, null when the file is gone or binary. */
type Crossing = string | Exclude<DocumentRead, undefined> | null;

interface ReaderData {
  readonly paths: readonly string[];
  readonly counters: Int32Array;
  readonly chunks: MessagePort;
}

/**
 * Calls `each` with every path's text (or why it cannot be read), in the
 * order of `paths`, read ahead on a thread running `script`. Read on the
 * main thread when the script is absent (the sources run without a build),
 * and whatever is left if the thread fails.
 */
export async function readAhead(script: string, paths: readonly string[], each: (index: number, read: DocumentRead) => void): Promise<void> {
  let index = 0;
  if (existsSync(script)) {
    const counters = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
    const { port1: chunks, port2 } = new MessageChannel();
    const reader = new Worker(script, { workerData: { paths, counters, chunks: port2 } satisfies ReaderData, transferList: [port2] });
    // A reader that fails (out of memory, say) leaves the rest to the main thread; it reports nothing itself.
    let ended = false;
    const end = () => {
      ended = true;
    };
    reader.on('error', end);
    reader.on('exit', end);
    // `check`'s main thread waits here, without running anything, until the
    // reader's heap is made: V8 then raises the young generation's growth
    // factor for the whole process, and `check`'s factor of 1 is set again
    // before the main thread's next collection could grow its young
    // generation (heapPolicy.ts). It would wait as long for the first chunk.
    // The language server sets no factor, so it waits for that chunk below,
    // where its event loop may turn.
    if (holdsYoungGenerationGrowth()) {
      Atomics.wait(counters, STARTED, 0, START_WAIT_MS);
      restoreYoungGenerationGrowth();
    }
    try {
      let taken = 0;
      while (index < paths.length) {
        const reads = nextChunk(chunks);
        if (reads === undefined) {
          if (Atomics.wait(counters, SENT, taken, CHUNK_WAIT_MS) !== 'timed-out') continue;
          await new Promise(setImmediate);
          if (ended && Atomics.load(counters, SENT) === taken) break;
          continue;
        }
        taken++;
        Atomics.store(counters, TAKEN, taken);
        if (Atomics.load(counters, SENT) - taken === RESUME_AHEAD) Atomics.notify(counters, TAKEN);
        for (const read of reads) each(index++, typeof read === 'string' ? { text: read } : (read ?? undefined));
      }
    } finally {
      chunks.close();
      reader.removeAllListeners();
      void reader.terminate();
    }
  }
  for (; index < paths.length; index++) each(index, readDocument(paths[index]));
}

/** The next chunk the reader has sent, when one waits on the channel. */
function nextChunk(chunks: MessagePort): readonly Crossing[] | undefined {
  const received: { readonly message: readonly Crossing[] } | undefined = receiveMessageOnPort(chunks);
  return received?.message;
}

/** The reader thread's side (corpusReader.ts): reads the paths chunk by chunk, up to CHUNKS_AHEAD ahead of the main thread. */
export function serveReads(): void {
  const { paths, counters, chunks } = workerData as ReaderData;
  Atomics.store(counters, STARTED, 1);
  Atomics.notify(counters, STARTED);
  let sent = 0;
  for (let next = 0; next < paths.length; ) {
    for (let taken = Atomics.load(counters, TAKEN); sent - taken >= CHUNKS_AHEAD; taken = Atomics.load(counters, TAKEN)) Atomics.wait(counters, TAKEN, taken);
    const chunk = readChunk(paths, next);
    next += chunk.length;
    chunks.postMessage(chunk);
    Atomics.store(counters, SENT, ++sent);
    Atomics.notify(counters, SENT);
  }
  chunks.close();
}

function readChunk(paths: readonly string[], from: number): Crossing[] {
  const reads: Crossing[] = [];
  let characters = 0;
  for (let i = from; i < paths.length && reads.length < CHUNK_FILES && characters < CHUNK_CHARACTERS; i++) {
    const read = readDocument(paths[i]);
    if (read !== undefined && 'text' in read) characters += read.text.length;
    reads.push(read === undefined ? null : 'text' in read && read.encoding === undefined ? read.text : read);
  }
  return reads;
}
