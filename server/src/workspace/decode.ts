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
  const offset = decoder.decode(bytes.subarray(0, bad)).length;
  const shown = (bytes[bad]).toString(16).toUpperCase().padStart(2, '0');
  return {
    binary: false,
    text,
    encoding: { offset, message: `invalid UTF-8 (byte 0x${shown} at byte ${bad}): save the file as UTF-8; no fixes are offered until then` },
  };
}
