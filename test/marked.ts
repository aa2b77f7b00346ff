// Test rows that write the expected source ranges inside the text they point
// at: `Le bilan est de ⟦plus de 100⟧ morts`. ⟦ and ⟧ never occur in reports.

import assert from 'node:assert/strict';
import type { TextRange } from '../server/src/engine/syntax';

export interface Marked {
  /** The text without its markers. */
  readonly text: string;
  /** The ranges the markers enclose, in order, as UTF-16 offsets into `text`. */
  readonly ranges: readonly TextRange[];
}

export function marked(source: string): Marked {
  let text = '';
  const ranges: TextRange[] = [];
  let open = -1;
  for (const char of source) {
    if (char === '⟦') open = text.length;
    else if (char === '⟧') ranges.push({ start: open, end: text.length });
    else text += char;
  }
  return { text, ranges };
}

/**
 * Asserts that reading the marked text gives, in order, one reading per
 * marked range, on exactly those characters, with the values expected.
 */
export function assertReadings<Value>(source: string, read: (text: string) => readonly (TextRange & { readonly value: Value })[], values: readonly Value[]): void {
  const { text, ranges } = marked(source);
  assert.deepEqual(
    read(text).map((reading) => [text.slice(reading.start, reading.end), reading.value]),
    ranges.map((range, i) => [text.slice(range.start, range.end), values[i]]),
  );
}
