// Claim annotations taken off a document, for the tests and the evaluation
// of the annotation assist: what a report looks like before the analyst
// annotated its claims (its mentions kept), and the words of a range of it.

import { parseDocument } from '../../server/src/engine/parser';
import { walkInline } from '../../server/src/engine/spans';
import type { ParsedDocument, SpanNode, TextRange } from '../../server/src/engine/syntax';

/** The text without its claim spans' brackets and blocks: mentions, skips and the article stay as they are. */
export function stripClaims(text: string): string {
  const parsed = parseDocument(text);
  const cuts: TextRange[] = [];
  for (const span of parsed.spans) {
    if (span.block.kind !== 'claim') continue;
    cuts.push({ start: span.start, end: span.start + 1 }, { start: span.close, end: span.end });
  }
  cuts.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const cut of cuts) {
    out += text.slice(at, cut.start);
    at = cut.end;
  }
  return out + text.slice(at);
}

/** Source offsets to article offsets (markup removed), for comparing ranges of two markups of one article. */
export class ArticleOffsets {
  private readonly sourceStarts: number[] = [];
  private readonly articleStarts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly articleLengths: number[] = [];
  readonly article: string;

  constructor(parsed: ParsedDocument) {
    let article = '';
    walkInline<SpanNode>(parsed.nodes, {
      leaf: (node) => {
        this.sourceStarts.push(node.start);
        this.articleStarts.push(article.length);
        const piece = node.kind === 'text' ? parsed.text.slice(node.start, node.end) : node.char;
        this.lengths.push(node.end - node.start);
        this.articleLengths.push(piece.length);
        article += piece;
      },
    });
    this.article = article;
  }

  /** The article offset of the first article character at or after a source offset. */
  at(source: number): number {
    let low = 0;
    let high = this.sourceStarts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sourceStarts[middle] + this.lengths[middle] <= source) low = middle + 1;
      else high = middle;
    }
    if (low === this.sourceStarts.length) return this.article.length;
    // An escape is two source characters for one of the article.
    return this.articleStarts[low] + Math.min(Math.max(0, source - this.sourceStarts[low]), this.articleLengths[low]);
  }

  /** The article range of a source range. */
  range(range: TextRange): TextRange {
    return { start: this.at(range.start), end: this.at(range.end) };
  }
}

/** The words of an article range, as the start offsets of its letter-or-digit runs. */
export function wordsIn(article: string, range: TextRange): Set<number> {
  const words = new Set<number>();
  const pattern = /[\p{L}\p{N}]+/gu;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(article); match !== null; match = pattern.exec(article)) {
    if (match.index >= range.end) break;
    if (match.index + match[0].length > range.start && match.index >= range.start) words.add(match.index);
  }
  return words;
}
