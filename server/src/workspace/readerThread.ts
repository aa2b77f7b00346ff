// A reader thread of `check` (readers.ts hands it batches of documents): it
// reads each document of a batch against a corpus of the registry alone —
// text, facts, and the diagnostics that need that document and the registry
// alone — and posts the batch back as plain records, never trees.

import * as path from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { Corpus, type DocumentRecord } from '../engine/corpus';
import { readDocument, type RegistryFile } from './corpusFiles';
import { withoutOptimizing } from './runOnce';

/** What tells a thread started by the program that it is a reader thread. */
const READER_ROLE = 'corroborate-reader';

/** What a reader thread is started with (its `workerData`). */
export interface ReaderData {
  readonly role: typeof READER_ROLE;
  readonly root: string;
  /** corroborate.yaml as the main thread read it: the thread reads documents against the same registry. */
  readonly registry: RegistryFile;
  /** The corpus's documents in file order: batch k is the documents from k × batchSize on, batchSize of them. */
  readonly files: readonly string[];
  readonly batchSize: number;
}

export function readerData(root: string, registry: RegistryFile, files: readonly string[], batchSize: number): ReaderData {
  return { role: READER_ROLE, root, registry, files, batchSize };
}

export function isReaderData(data: unknown): data is ReaderData {
  return typeof data === 'object' && data !== null && (data as { readonly role?: unknown }).role === READER_ROLE;
}

/**
 * What became of one document: read (its record), unreadable (why), gone
 * (vanished, or binary), or failed (reading it threw: the main thread reads
 * it again in its turn, so what went wrong surfaces as it does without
 * reader threads).
 */
export type ReadOutcome =
  | { readonly kind: 'read'; readonly record: DocumentRecord }
  | { readonly kind: 'unreadable'; readonly message: string }
  | { readonly kind: 'gone' }
  | { readonly kind: 'failed' };

/** A batch read, as a reader thread posts it: an outcome for each of its documents, in order. */
export interface ReadBatch {
  readonly batch: number;
  readonly outcomes: readonly ReadOutcome[];
}

/** The documents of one batch. */
export function batchFiles(data: Pick<ReaderData, 'files' | 'batchSize'>, batch: number): readonly string[] {
  return data.files.slice(batch * data.batchSize, (batch + 1) * data.batchSize);
}

/** Reads one document into a record against `corpus`'s registry; any failure is the `failed` outcome. */
export function readOutcome(corpus: Corpus, root: string, file: string): ReadOutcome {
  try {
    const found = readDocument(path.join(root, file));
    if (found === undefined) return { kind: 'gone' };
    if ('unreadable' in found) return { kind: 'unreadable', message: found.unreadable };
    return { kind: 'read', record: corpus.recordOf(file, found.text, found.encoding) };
  } catch {
    return { kind: 'failed' };
  }
}

/** The reader thread's work: each batch number the main thread sends is read and posted back. */
export function readInThread(data: ReaderData, port: MessagePort): void {
  // As loadCorpus reads it: once, its code not worth optimizing (runOnce.ts); one tree kept, the one being read.
  const corpus = withoutOptimizing(() => new Corpus(data.registry.text, data.registry.encoding, { treesKept: 1 }));
  port.on('message', (batch: number) => {
    const outcomes = batchFiles(data, batch).map((file) => readOutcome(corpus, data.root, file));
    try {
      port.postMessage({ batch, outcomes } satisfies ReadBatch);
    } catch {
      // A record that cannot be cloned: the main thread reads the batch itself.
      port.postMessage({ batch, outcomes: outcomes.map((): ReadOutcome => ({ kind: 'failed' })) } satisfies ReadBatch);
    }
  });
}
