// Offsets become line/column positions here and nowhere else in the engine.
// Columns count UTF-16 code units, as LSP and the CLI's JSON do; `\r\n`, `\n`
// and a lone `\r` each end a line.

export interface Position {
  /** 0-based */
  readonly line: number;
  /** 0-based, UTF-16 code units */
  readonly character: number;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    // indexOf runs natively; most texts hold no lone \r, so that search ends at once.
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf !== -1 || cr !== -1) {
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        const next = cr + 1 === lf ? lf + 1 : cr + 1;
        starts.push(next);
        if (next === lf + 1) lf = text.indexOf('\n', next);
        cr = text.indexOf('\r', next);
      } else {
        starts.push(lf + 1);
        lf = text.indexOf('\n', lf + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid]) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - (this.starts[low]) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    const next = position.line + 1 < this.starts.length ? (this.starts[position.line + 1]) : this.text.length;
    let lineEnd = next;
    if (lineEnd > start && this.text.charCodeAt(lineEnd - 1) === 10) lineEnd--;
    if (lineEnd > start && this.text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    return Math.min(start + Math.max(0, position.character), lineEnd);
  }

  /** The line ending this document uses most, for edits that add lines. */
  dominantEol(): string {
    let crlf = 0;
    let lf = 0;
    let cr = 0;
    for (let line = 1; line < this.starts.length; line++) {
      const end = this.starts[line];
      if (this.text.charCodeAt(end - 1) === 10) {
        if (this.text.charCodeAt(end - 2) === 13) crlf++;
        else lf++;
      } else cr++;
    }
    if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
    if (cr > lf) return '\r';
    return '\n';
  }
}
