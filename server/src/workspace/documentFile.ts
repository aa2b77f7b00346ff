// One document of the corpus on disk: its bytes read and decoded, or why
// they cannot be. What loadCorpus does for every document (on the main
// thread, or on reader threads for their share), and the language server for
// each document that changes.

import { readFileSync, readlinkSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import type { Corpus } from '../engine/corpus';
import type { EncodingProblem } from '../engine/document';
import { decode } from './decode';

/**
 * Past this size a document is not read but reported `unreadable`: no report
 * is this long (the tests check 20 MB ones), and a file of a gigabyte would
 * exhaust the memory of the editor's server or exceed what a string holds.
 */
export const DOCUMENT_MAX_BYTES = 64 * 1024 * 1024;

/** A document's bytes as text; undefined when the file is gone or binary; or why it cannot be read. */
export type DocumentRead = { readonly text: string; readonly encoding?: EncodingProblem } | { readonly unreadable: string } | undefined;

export const LEAVE_OUT = 'or change the documents globs so that they leave it out';

export function readDocumentFile(full: string): DocumentRead {
  let bytes: Buffer;
  try {
    // Checked before reading: opening a named pipe waits for a writer, forever.
    const stat = statSync(full);
    if (!stat.isFile()) return { unreadable: `this is ${whatIsIt(stat)}, not a file, and is not read: replace it with the report, ${LEAVE_OUT}` };
    if (stat.size > DOCUMENT_MAX_BYTES) {
      const size = `${(stat.size / 1024 / 1024).toFixed(1)} MB`;
      return { unreadable: `this file is ${size}, over the limit of ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB for a document, and is not read: split it into one file per report, ${LEAVE_OUT}` };
    }
    bytes = readFileSync(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      const target = linkTargetOrUndefined(full);
      return target === undefined ? undefined : { unreadable: `this is a link to ${target}, which does not exist, and is not read: point the link at the report, or delete it, ${LEAVE_OUT}` };
    }
    if (code === 'ELOOP') return { unreadable: `this link leads back to itself, through links, and is not read: point it at the report, ${LEAVE_OUT}` };
    if (code === 'EACCES' || code === 'EPERM') return { unreadable: `this file cannot be read: permission denied. Give yourself read access (chmod u+r), ${LEAVE_OUT}` };
    return { unreadable: `this file cannot be read (${(error as Error).message}): check the disk, ${LEAVE_OUT}` };
  }
  const decoded = decode(bytes);
  if (decoded.binary) return undefined;
  return decoded.encoding ? { text: decoded.text, encoding: decoded.encoding } : { text: decoded.text };
}

/** Where a link points, as written in it; undefined when the path is not a link (or is gone). */
function linkTargetOrUndefined(file: string): string | undefined {
  try {
    return readlinkSync(file);
  } catch {
    return undefined;
  }
}

function whatIsIt(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'a special file';
}

/**
 * Reads one document into the corpus. A file that vanished or is binary
 * leaves it; one that cannot be read stays, with an `unreadable` error.
 * Synchronous on purpose: a corpus is thousands of small files, and a
 * promise and a thread-pool round trip per file cost more than the read
 * itself.
 */
export function loadDocument(corpus: Corpus, root: string, file: string): Set<string> {
  const read = readDocumentFile(path.join(root, file));
  if (read === undefined) return corpus.deleteDocument(file);
  if ('unreadable' in read) return corpus.setUnreadable(file, read.unreadable);
  return corpus.setDocument(file, read.text, read.encoding);
}
