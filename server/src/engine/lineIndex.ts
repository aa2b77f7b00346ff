// Lines, in one place: offsets become line/column positions here and nowhere
// else in the engine, and this is the one rule of what ends a line: `\r\n`,
// `\n` and a lone `\r`, each one line break. Columns count UTF-16 code
// units, as LSP and the CLI's JSON do.

const LF = 0x0a;
const CR = 0x0d;

/** Offset of the first line break at or after `from`, or the end of the text. */
export function lineBreakAt(text: string, from: number): number {
  for (let p = from; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (c === LF || c === CR) return p;
  }
  return text.length;
}

/**
 * lineBreakAt for a reader that walks one text forward, line after line, as
 * the parser does. The native indexOf is several times faster than a
 * charCodeAt loop; the next \n and the next \r are remembered, so each search
 * moves forward and a text with no \r is not searched to its end on every line.
 */
export class LineBreakFinder {
  private nextLF = -1;
  private nextCR = -1;

  constructor(private readonly text: string) {}

  /** Offset of the first line break at or after `from`, or the end of the text; `from` never goes back. */
  at(from: number): number {
    if (this.nextLF < from) this.nextLF = indexOrEnd(this.text, '\n', from);
    if (this.nextCR < from) this.nextCR = indexOrEnd(this.text, '\r', from);
    return Math.min(this.nextLF, this.nextCR);
  }
}

/** Offset of the first `search` at or after `from`, or the end of the text. */
export function indexOrEnd(text: string, search: string, from: number): number {
  const found = text.indexOf(search, from);
  return found < 0 ? text.length : found;
}

/** Offset just after the line break at `at` (`\r\n` counts as one). */
export function afterLineBreak(text: string, at: number): number {
  return text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
}

/** The line ending a text is written with: that of its first line break, `\n` when it has none. Edits that add lines write it. */
export function lineEnding(text: string): '\n' | '\r\n' | '\r' {
  const at = lineBreakAt(text, 0);
  if (at === text.length || text.charCodeAt(at) === LF) return '\n';
  return afterLineBreak(text, at) === at + 2 ? '\r\n' : '\r';
}

export interface Position {
  /** 0-based */
  readonly line: number;
  /** 0-based, UTF-16 code units */
  readonly character: number;
}

/**
 * A text's lines as numbers only, so that it outlives the text: a report the
 * language server let go of (TextLayout) still places its diagnostics.
 */
export class LineIndex {
  /** For each line, where it starts and where its content ends (before its line break), in one array: one object per text, not two. */
  private readonly bounds: Int32Array;
  private readonly length: number;

  constructor(text: string) {
    const bounds = [0];
    // indexOf runs natively; most texts hold no lone \r, so that search ends at once.
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf !== -1 || cr !== -1) {
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        const next = cr + 1 === lf ? lf + 1 : cr + 1;
        bounds.push(cr, next);
        if (next === lf + 1) lf = text.indexOf('\n', next);
        cr = text.indexOf('\r', next);
      } else {
        bounds.push(lf, lf + 1);
        lf = text.indexOf('\n', lf + 1);
      }
    }
    bounds.push(text.length);
    this.bounds = Int32Array.from(bounds);
    this.length = text.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    let low = 0;
    let high = (this.bounds.length >> 1) - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.bounds[2 * mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.bounds[2 * low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.bounds.length >> 1) return this.length;
    const start = this.bounds[2 * position.line];
    return Math.min(start + Math.max(0, position.character), this.bounds[2 * position.line + 1]);
  }
}
