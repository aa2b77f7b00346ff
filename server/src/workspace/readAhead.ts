// The corpus's reports read and decoded on a second thread while the main
// thread checks the ones already read: `check` and the language server's
// cold indexing.
//
// This is the server's one use of worker_threads (test/unit/trust.test.ts
// allows it here alone). It is safe because the thread runs only our own
// bundled script (server/dist/corpusReader.js, built from corpusReader.ts)
// and no corpus content: it opens, reads, decodes and closes the paths the
// main thread gives it, which discovery has already vetted (inside the
// corpus folder, no link out), and sends back their texts.
//
// Why a thread and not libuv's pool: a callback `open`, `fstat`, `read` and
// `close` per report cost the main thread more than the synchronous calls
// they would replace (each callback's request and wake-up are its own), and
// promise-based file handles cost 1.7 s at 10,000 reports (issue 5). The
// reader sends a chunk of reports in one message, so the main thread pays a
// message per chunk and a copy of each text. Texts and not bytes: bytes
// would arrive in buffers that outlive the young generation while their
// chunk is checked, and the buffers' memory would wait for a full
// collection (44 MB more at the peak of a check of 10,000 reports).
// docs/performance-history.md, "The reports read on a second thread".

import { existsSync } from 'node:fs';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { restoreYoungGenerationGrowth } from '../heapPolicy';
import { readDocument, type DocumentRead } from './documentRead';

/** A chunk holds up to this many reports, or stops at the first report that takes it past CHUNK_CHARACTERS. */
const CHUNK_FILES = 64;
const CHUNK_CHARACTERS = 512 * 1024;
/** How far the reader runs ahead of the main thread, so memory stays flat whatever the corpus's size. */
const CHUNKS_AHEAD = 4;
const CHARACTERS_AHEAD = 4 * 1024 * 1024;
/** How long the main thread waits for the reader to start (about 45 ms on a loaded 2-core machine) before it goes on regardless. */
const START_WAIT_MS = 2_000;

/** A report's read as it crosses: its text alone when it is a text without encoding problem, null when the file is gone or binary. */
type Sent = string | Exclude<DocumentRead, undefined> | null;

interface Chunk {
  readonly reads: readonly Sent[];
  readonly characters: number;
}

/** The main thread's word to the reader: the paths to read, then each chunk's size as it is taken. */
type Request = { readonly paths: readonly string[] } | { readonly taken: number };

/**
 * Calls `each` with every path's text (or why it cannot be read), in the
 * order of `paths`, read ahead on a thread running `script`. Read on the
 * main thread when the script is absent (the sources run without a build),
 * and whatever is left if the thread fails.
 */
export async function readAhead(script: string, paths: readonly string[], each: (index: number, read: DocumentRead) => void): Promise<void> {
  let index = 0;
  if (existsSync(script)) {
    // The main thread waits here, without running anything, until the
    // reader's heap is made: V8 then raises the young generation's growth
    // factor for the whole process, and `check`'s factor of 1 is set again
    // before the main thread's next collection could grow its young
    // generation (heapPolicy.ts). It would wait as long for the first chunk.
    const started = new Int32Array(new SharedArrayBuffer(4));
    const reader = new Worker(script, { workerData: started });
    Atomics.wait(started, 0, 0, START_WAIT_MS);
    restoreYoungGenerationGrowth();
    const chunks: Chunk[] = [];
    let failed = false;
    let wake: (() => void) | undefined;
    const arrived = () => {
      wake?.();
      wake = undefined;
    };
    reader.on('message', (chunk: Chunk) => {
      chunks.push(chunk);
      arrived();
    });
    // A reader that fails (out of memory, say) leaves the rest to the main thread; it reports nothing itself.
    const fail = () => {
      failed = true;
      arrived();
    };
    reader.on('error', fail);
    reader.on('exit', fail);
    try {
      reader.postMessage({ paths } satisfies Request);
      while (index < paths.length) {
        if (chunks.length === 0 && !failed) await new Promise<void>((resolve) => (wake = resolve));
        const chunk = chunks.shift();
        if (chunk === undefined) {
          if (failed) break;
          continue;
        }
        reader.postMessage({ taken: chunk.characters } satisfies Request);
        for (const read of chunk.reads) each(index++, typeof read === 'string' ? { text: read } : (read ?? undefined));
      }
    } finally {
      reader.removeAllListeners();
      void reader.terminate();
    }
  }
  for (; index < paths.length; index++) each(index, readDocument(paths[index]));
}

/** The reader thread's side (corpusReader.ts): reads chunks while the main thread is less than CHUNKS_AHEAD and CHARACTERS_AHEAD behind. */
export function serveReads(): void {
  const port = parentPort;
  if (port === null || !(workerData instanceof Int32Array)) throw new Error('the corpus reader runs on a worker thread');
  Atomics.store(workerData, 0, 1);
  Atomics.notify(workerData, 0);
  let paths: readonly string[] = [];
  let next = 0;
  let chunksAhead = 0;
  let charactersAhead = 0;
  port.on('message', (request: Request) => {
    if ('paths' in request) paths = request.paths;
    else {
      chunksAhead--;
      charactersAhead -= request.taken;
    }
    while (next < paths.length && chunksAhead < CHUNKS_AHEAD && charactersAhead < CHARACTERS_AHEAD) {
      const chunk = readChunk(paths, next);
      next += chunk.reads.length;
      chunksAhead++;
      charactersAhead += chunk.characters;
      port.postMessage(chunk);
    }
  });
}

function readChunk(paths: readonly string[], from: number): Chunk {
  const reads: Sent[] = [];
  let characters = 0;
  for (let i = from; i < paths.length && reads.length < CHUNK_FILES && characters < CHUNK_CHARACTERS; i++) {
    const read = readDocument(paths[i]);
    if (read !== undefined && 'text' in read) characters += read.text.length;
    reads.push(read === undefined ? null : 'text' in read && read.encoding === undefined ? read.text : read);
  }
  return { reads, characters };
}
