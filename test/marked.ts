// Test rows that write the expected source ranges inside the text they point
// at: `Le bilan est de ⟦plus de 100⟧ morts`. ⟦ and ⟧ never occur in reports.

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
