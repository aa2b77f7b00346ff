// A document's text off the disk, or why it cannot be read. The corpus
// reader's thread (readAhead.ts) runs this module, and nothing of the engine.

import { closeSync, constants, fstatSync, openSync, readFileSync, readlinkSync, readSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import type { EncodingProblem } from '../engine/document';
import { decode } from './decode';

/**
 * Past this size a document is not read but reported `unreadable`: no report
 * is this long (the tests check 20 MB ones), and a file of a gigabyte would
 * exhaust the memory of the editor's server or exceed what a string holds.
 */
export const DOCUMENT_MAX_BYTES = 64 * 1024 * 1024;

export const LEAVE_OUT = 'or change the documents globs so that they leave it out';

/** A document's bytes as text; undefined when the file is gone or binary; or why it cannot be read. */
export type DocumentRead = { readonly text: string; readonly encoding?: EncodingProblem } | { readonly unreadable: string } | undefined;

type BytesRead = { readonly bytes: Buffer } | { readonly unreadable: string } | undefined;

/**
 * Opened without waiting: a named pipe opened to be read otherwise waits
 * for a writer, forever. The file is then told apart on the open file
 * itself (fstat), which spares each report a stat of its path. A terminal
 * among the documents must not become the server's controlling terminal
 * (O_NOCTTY, which Windows does not have).
 */
const OPEN_TO_READ = constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0);

export function readDocument(full: string): DocumentRead {
  const read = readDocumentBytes(full);
  if (read === undefined || 'unreadable' in read) return read;
  const decoded = decode(read.bytes);
  if (decoded.binary) return undefined;
  return decoded.encoding ? { text: decoded.text, encoding: decoded.encoding } : { text: decoded.text };
}

function readDocumentBytes(full: string): BytesRead {
  let fd: number;
  try {
    fd = openSync(full, OPEN_TO_READ);
  } catch {
    // Gone, a link that leads nowhere, no permission, a socket: each told as it always was.
    return readDocumentByPath(full);
  }
  try {
    const stat = fstatSync(fd);
    return refusal(stat) ?? { bytes: readOpenFile(fd, stat.size) };
  } catch (error) {
    return readFailure(full, error);
  } finally {
    closeSync(fd);
  }
}

/** Why a file is not read, from its stat: it is no file, or too large. */
function refusal(stat: Stats): { readonly unreadable: string } | undefined {
  if (!stat.isFile()) return { unreadable: `this is ${whatIsIt(stat)}, not a file, and is not read: replace it with the report, ${LEAVE_OUT}` };
  if (stat.size > DOCUMENT_MAX_BYTES) {
    const size = `${(stat.size / 1024 / 1024).toFixed(1)} MB`;
    return { unreadable: `this file is ${size}, over the limit of ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB for a document, and is not read: split it into one file per report, ${LEAVE_OUT}` };
  }
  return undefined;
}

/** The `size` bytes fstat gave, as readFileSync reads them; a size of 0 (a /proc file, say) is read to its end by readFileSync itself. */
function readOpenFile(fd: number, size: number): Buffer {
  if (size === 0) return readFileSync(fd);
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, bytes, filled, size - filled, null);
    if (read === 0) break;
    filled += read;
  }
  return filled === size ? bytes : bytes.subarray(0, filled);
}

/** The way a document was read before it was opened first: kept for the paths that cannot be opened, whose stat says why. */
function readDocumentByPath(full: string): BytesRead {
  try {
    // Checked before reading: opening a named pipe waits for a writer, forever.
    return refusal(statSync(full)) ?? { bytes: readFileSync(full) };
  } catch (error) {
    return readFailure(full, error);
  }
}

/** Why a document could not be read, from the error its stat, open or read threw; undefined when it is gone. */
function readFailure(full: string, error: unknown): BytesRead {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    const target = linkTargetOrUndefined(full);
    if (target !== undefined) return { unreadable: `this is a link to ${target}, which does not exist, and is not read: point the link at the report, or delete it, ${LEAVE_OUT}` };
    // A folder's listing spells a name that is not UTF-8 with U+FFFD, and no file has the name so spelled: the file is there, under bytes a path string cannot hold.
    if (path.basename(full).includes('\uFFFD')) return { unreadable: `this file's name is not UTF-8 (an archive's Latin-1, say), so it cannot be opened: rename it in UTF-8, ${LEAVE_OUT}` };
    return undefined;
  }
  if (code === 'ELOOP') return { unreadable: `this link leads back to itself, through links, and is not read: point it at the report, ${LEAVE_OUT}` };
  if (code === 'EACCES' || code === 'EPERM') return { unreadable: `this file cannot be read: permission denied. Give yourself read access (chmod u+r), ${LEAVE_OUT}` };
  return { unreadable: `this file cannot be read (${(error as Error).message}): check the disk, ${LEAVE_OUT}` };
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
