// `check` on two cores. `value-not-in-text` reads every count and date
// claim's words, the costliest check one document needs (about a fifth of a
// cold check at 10,000 reports), and needs nothing of the other documents:
// while the main thread reads the corpus, a worker thread reads the same
// files, one at a time, and finds their warnings. When the main thread has
// read every document it tells the worker to stop, takes the warnings found
// so far (plain records, cloned between threads: never a tree) for the
// documents whose text and registry it read the same, and finds the others
// itself. A busy second core only leaves the main thread more to do.

import { Worker } from 'node:worker_threads';
import { adoptValueNotInText, valueNotInText } from '../engine/assist/valueCheck';
import { Corpus } from '../engine/corpus';
import type { Diagnostic } from '../engine/diagnostics';
import { loadDocument, readRegistryFile } from '../workspace/corpusFiles';

/**
 * Below this many documents the main thread has read the corpus before a
 * worker thread has started and checked many (it starts in about 110 ms, as
 * long as the main thread takes to read 800 reports).
 */
const SHARED_FROM_DOCUMENTS = 2000;

/** The Int32 slots of the buffer the threads share. */
const STOP = 0;
const CHECKED = 1;

const ROLE = 'corroborate value-not-in-text';

/** What the worker thread is started with. */
export interface ValueCheckWork {
  readonly role: typeof ROLE;
  readonly root: string;
  readonly files: readonly string[];
  /** Two Int32: STOP, set to 1 by the main thread when it wants no more; CHECKED, the documents the worker has checked. */
  readonly shared: SharedArrayBuffer;
}

type WorkerMessage =
  | { readonly kind: 'registry'; readonly text: string }
  | { readonly kind: 'checked'; readonly file: string; readonly text: string; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: 'done' };

/** Whether a worker thread was started to do this work. */
export function isValueCheckWork(data: unknown): data is ValueCheckWork {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === ROLE;
}

/**
 * The worker's side: reads the documents in order, each alone against the
 * registry (the warnings of one document depend on it and the registry only),
 * and posts each one's warnings, until told to stop.
 */
export function serveValueChecks(work: ValueCheckWork, post: (message: WorkerMessage) => void): void {
  const shared = new Int32Array(work.shared);
  const registry = readRegistryFile(work.root);
  post({ kind: 'registry', text: registry.text });
  // One document at a time: the worker keeps none, so it costs the memory of one report.
  const corpus = new Corpus(registry.text, registry.encoding);
  for (const file of work.files) {
    if (Atomics.load(shared, STOP) !== 0) break;
    loadDocument(corpus, work.root, file);
    const facts = corpus.document(file);
    if (facts !== undefined) post({ kind: 'checked', file, text: facts.text, diagnostics: valueNotInText(corpus, facts) });
    corpus.deleteDocument(file);
    Atomics.add(shared, CHECKED, 1);
  }
  post({ kind: 'done' });
}

/**
 * The corpus of DIR read for `check`, its `value-not-in-text` warnings found
 * on a worker thread running `program` (this program's file) as far as the
 * worker got while the corpus was read. `read` reads the corpus; `discovered`
 * is called back with the documents found, before they are read.
 */
export async function readSharingValueChecks(
  program: string,
  root: string,
  read: (discovered: (files: readonly string[]) => void) => Promise<Corpus>,
): Promise<Corpus> {
  const buffer = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  let worker: Worker | undefined;
  let registryText: string | undefined;
  const checked: Extract<WorkerMessage, { kind: 'checked' }>[] = [];
  let finished: Promise<void> = Promise.resolve();
  const corpus = await read((files) => {
    if (files.length < SHARED_FROM_DOCUMENTS) return;
    const work: ValueCheckWork = { role: ROLE, root, files, shared: buffer };
    const started = new Worker(program, { workerData: work, stdout: true, stderr: true });
    worker = started;
    finished = new Promise((resolve) => {
      started.on('message', (message: WorkerMessage) => {
        if (message.kind === 'registry') registryText = message.text;
        else if (message.kind === 'checked') checked.push(message);
        else resolve();
      });
      // A worker that fails or ends early leaves its share to the main thread: the output is the same.
      started.on('error', () => resolve());
      started.on('exit', () => resolve());
    });
  });
  if (worker === undefined) return corpus;
  const shared = new Int32Array(buffer);
  Atomics.store(shared, STOP, 1);
  // A worker still starting (a busy machine) would only make the main thread wait.
  if (Atomics.load(shared, CHECKED) > 0) await finished;
  await worker.terminate();
  if (registryText !== corpus.registry.text) return corpus;
  for (const { file, text, diagnostics } of checked) {
    const facts = corpus.document(file);
    // A file changed between the two reads is checked again here.
    if (facts?.text === text) adoptValueNotInText(corpus, facts, diagnostics);
  }
  return corpus;
}
