// Bytes on disk to document text. A BOM is dropped (columns count after it,
// as editors do); invalid UTF-8 is decoded with replacement characters and
// reported at its first bad byte; a NUL byte marks a binary file.

import { isUtf8 } from 'node:buffer';
import type { EncodingProblem } from '../engine/document';

export type Decoded =
  | { readonly binary: true }
  | { readonly binary: false; readonly text: string; readonly encoding?: EncodingProblem };

const decoder = new TextDecoder('utf-8', { ignoreBOM: false });

/** Index of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.indexOf(0) !== -1) return { binary: true };
  const text = decoder.decode(bytes);
  if (isUtf8(bytes)) return { binary: false, text };
  const bad = firstInvalidUtf8(bytes);
  if (bad === -1) return { binary: false, text };
  return { binary: false, text, encoding: problemAt(bytes, bad, 'invalid UTF-8') };
}

/**
 * corroborate.yaml's bytes as text. It is never skipped as binary: the
 * corpus has no other registry, and read as empty it would only be told it
 * is no mapping. A NUL byte (every other byte of UTF-16, as Windows Notepad
 * saves "Unicode") is reported as invalid UTF-8 is, whichever comes first.
 */
export function decodeRegistry(bytes: Uint8Array): { readonly text: string; readonly encoding?: EncodingProblem } {
  const decoded = decode(bytes);
  if (!decoded.binary) return decoded;
  const nul = bytes.indexOf(0);
  const bad = firstInvalidUtf8(bytes);
  const encoding = bad !== -1 && bad < nul ? problemAt(bytes, bad, 'invalid UTF-8') : problemAt(bytes, nul, 'not UTF-8 text, saved as UTF-16?');
  return { text: decoder.decode(bytes), encoding };
}

function problemAt(bytes: Uint8Array, at: number, what: string): EncodingProblem {
  const offset = decoder.decode(bytes.subarray(0, at)).length;
  const shown = bytes[at].toString(16).toUpperCase().padStart(2, '0');
  return { offset, message: `${what} (byte 0x${shown} at byte ${at}): save the file as UTF-8; no fixes are offered until then` };
}
