// The lossless parser of a corpus document: front matter, then paragraphs of
// article text holding `[text]{block}` spans. The tree partitions the text
// (printDocument gives it back exactly), the parser never throws, and it runs
// in linear time: each paragraph is delimited, then read once with charCodeAt;
// brackets are matched with an explicit stack and every tree walk is
// iterative, so 100,000 nested brackets cannot overflow the call stack.

import { BlockReader } from './blocks';
import { afterLineBreak, indexOrEnd, LineBreakFinder, lineBreakAt } from './lineIndex';
import { walkInline } from './spans';
import type {
  EscapeNode,
  FrontMatterNode,
  InvalidBlock,
  ParsedDocument,
  SpanNode,
  SyntaxProblem,
  TextRange,
} from './syntax';

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;
const SPACE = 0x20;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Spans nested deeper than this are reported (and kept). */
const MAX_SPAN_DEPTH = 32;

/**
 * Where an open `[` stands among the nodes until its `]` is read: most
 * become spans, whose `[` is no node, so its text node is made only for a
 * bracket that turns out plain (keepPlain), not for each of the 166,000
 * spans of 10,000 reports. Never merged or kept: every mark is replaced or
 * dropped before the nodes around it are merged.
 */
const OPEN_BRACKET_MARK: BuildText = Object.freeze({ kind: 'text', start: -1, end: -1 });

/** Most documents have no block after a stray `]`: they share one empty list. */
const NO_ORPHANS: readonly InvalidBlock[] = Object.freeze([]);

// While parsing, text nodes grow as neighbours merge and a span learns its
// depth only once every span around it is known.
interface BuildText {
  kind: 'text';
  start: number;
  end: number;
}
interface BuildSpan extends SpanNode {
  depth: number;
  readonly children: readonly BuildNode[];
}
type BuildNode = BuildText | EscapeNode | BuildSpan;

export function parseDocument(text: string): ParsedDocument {
  const problems: SyntaxProblem[] = [];
  const frontMatter = readFrontMatter(text, problems);
  const article = new ArticleParser(text, problems);
  const nodes = article.parse(frontMatter === undefined ? fenceStart(text) : frontMatter.end);
  const spans = placeSpans(article.spans, problems);
  const orphanBlocks = article.orphanBlocks.length === 0 ? NO_ORPHANS : article.orphanBlocks;
  // Stable: problems at one offset keep the order they were found in.
  problems.sort((a, b) => a.start - b.start);
  return frontMatter === undefined ? { text, nodes, spans, orphanBlocks, problems } : { text, frontMatter, nodes, spans, orphanBlocks, problems };
}

/** Only spaces and tabs in text[start, end). */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== LF && c !== CR) return false;
  }
  return true;
}

/** A front matter fence: `---` (or `...` to close), trailing spaces and tabs allowed, as in YAML. */
function isFence(text: string, start: number, end: number, closing: boolean): boolean {
  if (!(text.startsWith('---', start) || (closing && text.startsWith('...', start)))) return false;
  return isBlank(text, start + 3, end);
}

/**
 * Where the document starts: at offset 0, or after a BOM. Read from disk the
 * BOM is dropped, but a client may send a buffer with it: there it is neither
 * article text nor in the way of the front matter's opening fence.
 */
export function fenceStart(text: string): number {
  return text.charCodeAt(0) === BOM ? 1 : 0;
}

function readFrontMatter(text: string, problems: SyntaxProblem[]): FrontMatterNode | undefined {
  const open = fenceStart(text);
  const firstEnd = lineBreakAt(text, open);
  if (firstEnd === text.length || !isFence(text, open, firstEnd, false)) return undefined;
  const contentStart = afterLineBreak(text, firstEnd);
  let lineStart = contentStart;
  while (lineStart < text.length) {
    const end = lineBreakAt(text, lineStart);
    if (isFence(text, lineStart, end, true)) {
      return {
        kind: 'front-matter',
        start: open,
        end: end === text.length ? end : afterLineBreak(text, end),
        content: { start: contentStart, end: lineStart },
      };
    }
    if (end === text.length) break;
    lineStart = afterLineBreak(text, end);
  }
  problems.push({
    code: 'front-matter',
    start: open,
    end: open + 3,
    message: 'front matter is not closed: add a line `---` after it',
  });
  return undefined;
}

/**
 * The open brackets' stacks, shared by every document's parser: a parse
 * runs to its end before another starts, and lists of numbers kept for long
 * cost the collector nothing, where each report's parser grew two of its own.
 */
const BRACKET_OFFSETS: number[] = [];
const BRACKET_FIRST_CHILD: number[] = [];

class ArticleParser {
  // Completed nodes in source order. The nodes after the `[` of an open
  // bracket are its children so far; the `[` itself is a text node that is
  // dropped if the bracket becomes a span and stays if it turns out plain.
  private readonly nodes: BuildNode[] = [];
  // How many of `nodes` are live: a span's close drops its children by
  // lowering the count, where setting the list's length let V8 shrink the
  // list, and the next nodes grow it again.
  private nodeCount = 0;
  // Start of the text not yet in `nodes`.
  private emitted = 0;
  // The open `[` of the current paragraph, innermost last, and for each the
  // index in `nodes` of its first child.
  private readonly bracketOffsets = BRACKET_OFFSETS;
  private readonly bracketFirstChild = BRACKET_FIRST_CHILD;
  private openBrackets = 0;
  // The next `[`, `]`, `\` and `{` at or after the last offset asked
  // (markupAt), or the end of the text: found by the native indexOf, which
  // runs several times faster than a charCodeAt loop over the text between
  // them, and each searched again only once the parser is past it.
  private nextOpenBracket = -1;
  private nextCloseBracket = -1;
  private nextBackslash = -1;
  private nextOpenBrace = -1;
  private readonly blocks: BlockReader;
  private readonly lineBreaks: LineBreakFinder;
  /** Blocks after a `]` that closes no span, in document order. */
  readonly orphanBlocks: InvalidBlock[] = [];
  /** Every span, in the order of its `]`: inner before outer. */
  readonly spans: BuildSpan[] = [];

  constructor(
    private readonly text: string,
    private readonly problems: SyntaxProblem[],
  ) {
    this.blocks = new BlockReader(text, problems);
    this.lineBreaks = new LineBreakFinder(text);
  }

  parse(start: number): BuildNode[] {
    const text = this.text;
    const length = text.length;
    this.emitted = start;
    let lineStart = start;
    while (lineStart < length) {
      let p = lineStart;
      while (p < length && isLineSpace(text.charCodeAt(p))) p++;
      if (p === length) break;
      const c = text.charCodeAt(p);
      if (c === LF || c === CR) {
        lineStart = afterLineBreak(text, p);
        continue;
      }
      const paragraphEnd = this.paragraphEnd(p);
      this.parseParagraph(lineStart, paragraphEnd);
      if (paragraphEnd === length) break;
      lineStart = afterLineBreak(text, paragraphEnd);
    }
    this.flushText(length);
    return mergeText(this.nodes, 0, this.nodeCount);
  }

  /** End of the paragraph whose first line holds `p`: the end of its last non-blank line, before the line break. */
  private paragraphEnd(p: number): number {
    const text = this.text;
    const length = text.length;
    let end = this.lineBreaks.at(p);
    while (end < length) {
      let next = afterLineBreak(text, end);
      while (next < length && isLineSpace(text.charCodeAt(next))) next++;
      if (next === length) return end;
      const c = text.charCodeAt(next);
      if (c === LF || c === CR) return end;
      end = this.lineBreaks.at(next);
    }
    return end;
  }

  private parseParagraph(start: number, limit: number): void {
    const text = this.text;
    let i = this.markupAt(start);
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (c === OPEN_BRACKET) {
        this.openBracket(i);
        i++;
      } else if (c === CLOSE_BRACKET) {
        i = this.closeBracket(i, limit);
      } else if (c === BACKSLASH) {
        i = this.escape(i, limit);
      } else {
        i = this.strayBrace(i, limit);
      }
      i = this.markupAt(i);
    }
    // A `[` still open here is plain text: it stays where it is, and the
    // nodes after it belong to the enclosing bracket, which is the top level.
    for (let k = 0; k < this.openBrackets; k++) this.keepPlain(k);
    this.openBrackets = 0;
  }

  /** The first character at or after `from` that may be markup (`[`, `]`, `\`, `{`), or the end of the text; `from` never goes back. */
  private markupAt(from: number): number {
    const text = this.text;
    if (this.nextOpenBracket < from) this.nextOpenBracket = indexOrEnd(text, '[', from);
    if (this.nextCloseBracket < from) this.nextCloseBracket = indexOrEnd(text, ']', from);
    if (this.nextBackslash < from) this.nextBackslash = indexOrEnd(text, '\\', from);
    if (this.nextOpenBrace < from) this.nextOpenBrace = indexOrEnd(text, '{', from);
    return Math.min(this.nextOpenBracket, this.nextCloseBracket, this.nextBackslash, this.nextOpenBrace);
  }

  private openBracket(i: number): void {
    this.flushText(i);
    this.push(OPEN_BRACKET_MARK);
    this.emitted = i + 1;
    this.bracketOffsets[this.openBrackets] = i;
    this.bracketFirstChild[this.openBrackets] = this.nodeCount;
    this.openBrackets++;
  }

  private closeBracket(i: number, limit: number): number {
    const blockFollows = i + 1 < limit && this.text.charCodeAt(i + 1) === OPEN_BRACE;
    if (this.openBrackets === 0) {
      if (!blockFollows) return i + 1;
      const orphan = this.blocks.readOrphan(i + 1, limit);
      this.orphanBlocks.push(orphan);
      this.report(i, orphan.end, '`]{` closes no span: add the opening [ of this span, or escape the bracket as \\]');
      return orphan.end;
    }
    this.openBrackets--;
    // Not followed by a block, the brackets are plain text: the `[` and the
    // `]` stay text nodes and what they hold flows to the enclosing bracket.
    if (!blockFollows) {
      this.keepPlain(this.openBrackets);
      return i + 1;
    }
    const open = this.bracketOffsets[this.openBrackets];
    const firstChild = this.bracketFirstChild[this.openBrackets];
    this.flushText(i);
    const block = this.blocks.read(i + 1, limit);
    const children = mergeText(this.nodes, firstChild, this.nodeCount);
    this.nodeCount = firstChild - 1; // the children, and the `[` before them
    if (allBlankText(this.text, children)) {
      this.report(open, i + 1, 'empty span text: put the words this block annotates between [ and ]');
    }
    const span: BuildSpan = { kind: 'span', start: open, end: block.end, close: i, children, block, depth: 0 };
    this.push(span);
    this.spans.push(span);
    this.emitted = block.end;
    return block.end;
  }

  /** The `[` of open bracket `k`, which is no span's: a text node where its mark stands. */
  private keepPlain(k: number): void {
    const open = this.bracketOffsets[k];
    this.nodes[this.bracketFirstChild[k] - 1] = { kind: 'text', start: open, end: open + 1 };
  }

  private escape(i: number, limit: number): number {
    if (i + 1 >= limit) return i + 1;
    const c = this.text.charCodeAt(i + 1);
    if (c !== OPEN_BRACKET && c !== CLOSE_BRACKET && c !== OPEN_BRACE && c !== CLOSE_BRACE) return i + 1;
    this.flushText(i);
    this.push({ kind: 'escape', start: i, end: i + 2, char: String.fromCharCode(c) });
    this.emitted = i + 2;
    return i + 2;
  }

  /** A `{` that no `]` precedes: plain text, reported when it reads as a block. */
  private strayBrace(i: number, limit: number): number {
    if (!this.blocks.looksLikeBlock(i, limit)) return i + 1;
    const end = this.blocks.extentOf(i, limit);
    this.report(i, end, 'this block follows no [text]: wrap the text it annotates in [ ]');
    return end;
  }

  private flushText(end: number): void {
    if (end > this.emitted) this.push({ kind: 'text', start: this.emitted, end });
  }

  private push(node: BuildNode): void {
    this.nodes[this.nodeCount++] = node;
  }

  private report(start: number, end: number, message: string): void {
    this.problems.push({ code: 'syntax', start, end, message });
  }
}

/** Whether a span holds nothing but blank text: what `empty span text` reports. */
function allBlankText(text: string, children: readonly BuildNode[]): boolean {
  for (const child of children) if (child.kind !== 'text' || !isBlank(text, child.start, child.end)) return false;
  return true;
}

function isLineSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}

/**
 * nodes[from, to) with adjacent text nodes merged (they are always contiguous in
 * the source), compacted in place and copied out: `slice` gives an array of
 * exactly the right size, where one grown by `push` would keep spare room in
 * every span of a corpus held in memory.
 */
function mergeText(nodes: BuildNode[], from: number, to: number): BuildNode[] {
  // Most spans hold one text node: nothing to merge.
  if (to - from === 1) return [nodes[from]];
  let kept = from;
  for (let k = from; k < to; k++) {
    const node = nodes[k];
    const last = kept > from ? nodes[kept - 1] : undefined;
    if (node.kind === 'text' && last !== undefined && last.kind === 'text') {
      last.end = node.end;
    } else {
      nodes[kept++] = node;
    }
  }
  return nodes.slice(from, kept);
}

/**
 * Gives every span its depth, lists them in order of their `[`, and reports
 * spans nested too deep. From the spans in the order the parser closed them,
 * not by a walk of the whole tree: a span holds another exactly when the
 * other's `[` lies between its `[` and `]`, and no span starts inside a block.
 */
function placeSpans(closed: BuildSpan[], problems: SyntaxProblem[]): SpanNode[] {
  const spans = byStart(closed);
  // The `]` of each span around the current one, outermost first.
  const around: number[] = [];
  for (const span of spans) {
    while (around.length > 0 && around[around.length - 1] < span.start) around.pop();
    span.depth = around.length + 1;
    around.push(span.close);
    if (span.depth > MAX_SPAN_DEPTH) {
      problems.push({
        code: 'syntax',
        start: span.block.start,
        end: span.block.end,
        message: `nesting deeper than ${MAX_SPAN_DEPTH} spans: close some of the spans around this one`,
      });
    }
  }
  return spans;
}

/** Past this many spans a document's are sorted by Array.prototype.sort, which copies them; below, in place. */
const SPANS_SORTED_IN_PLACE = 64;

/**
 * The spans in the order of their `[` (no two share one). In the order they
 * closed, only a span around others comes after them: a few steps of an
 * insertion sort put a report's spans in order, with no copy of the list.
 */
function byStart(spans: BuildSpan[]): BuildSpan[] {
  if (spans.length > SPANS_SORTED_IN_PLACE) return spans.sort((a, b) => a.start - b.start);
  for (let k = 1; k < spans.length; k++) {
    const span = spans[k];
    let j = k;
    while (j > 0 && spans[j - 1].start > span.start) {
      spans[j] = spans[j - 1];
      j--;
    }
    spans[j] = span;
  }
  return spans;
}

/**
 * The document text rebuilt from the source slices of the tree's pieces:
 * equal to `doc.text` exactly when the tree partitions it.
 */
export function printDocument(doc: ParsedDocument): string {
  const text = doc.text;
  const parts: string[] = [];
  // From 0: a BOM at the start is part of no node.
  parts.push(text.slice(0, doc.frontMatter === undefined ? fenceStart(text) : doc.frontMatter.end));
  walkInline<SpanNode>(doc.nodes, {
    leaf: (node) => parts.push(text.slice(node.start, node.end)),
    enter: (span) => parts.push(text.slice(span.start, span.start + 1)),
    leave: (span) => parts.push(text.slice(span.close, span.close + 1), text.slice(span.block.start, span.block.end)),
  });
  return parts.join('');
}

/** The article of a document: its text without front matter and markup. */
export interface ArticleText {
  readonly text: string;
  /**
   * Source offset of the article character at `articleOffset` (the `\` of an
   * escape); the end of the article maps to the end of the document.
   */
  toSource(articleOffset: number): number;
  /**
   * Source range of the article range [start, end): it ends just after the
   * source of its last character, so markup that follows is left out.
   */
  toSourceRange(start: number, end: number): TextRange;
}

/**
 * The article text: front matter, brackets and blocks of spans removed,
 * escapes replaced by their character, with the way back to source offsets.
 */
export function articleText(doc: ParsedDocument): ArticleText {
  const source = doc.text;
  const parts: string[] = [];
  // Pieces of the article in order: each starts at articleStarts[k] and comes
  // from source[sourceStarts[k], sourceEnds[k]), one to one except for an
  // escape, where one character comes from two.
  const articleStarts: number[] = [];
  const sourceStarts: number[] = [];
  const sourceEnds: number[] = [];
  let articleLength = 0;
  walkInline<SpanNode>(doc.nodes, {
    leaf: (node) => {
      articleStarts.push(articleLength);
      sourceStarts.push(node.start);
      sourceEnds.push(node.end);
      if (node.kind === 'text') {
        parts.push(source.slice(node.start, node.end));
        articleLength += node.end - node.start;
      } else {
        parts.push(node.char);
        articleLength += 1;
      }
    },
  });
  const text = parts.join('');

  /** Index of the piece holding article offset `offset` (0 <= offset < length). */
  const pieceAt = (offset: number): number => {
    let low = 0;
    let high = articleStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (articleStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const toSource = (articleOffset: number): number => {
    if (articleOffset >= articleLength) return source.length;
    const k = pieceAt(Math.max(articleOffset, 0));
    return sourceStarts[k] + (Math.max(articleOffset, 0) - articleStarts[k]);
  };
  /** Source offset just after the article character before `articleEnd` (0 < articleEnd <= length). */
  const sourceEndBefore = (articleEnd: number): number => {
    const k = pieceAt(articleEnd - 1);
    const pieceEnd = k + 1 < articleStarts.length ? articleStarts[k + 1] : articleLength;
    return articleEnd === pieceEnd ? sourceEnds[k] : sourceStarts[k] + (articleEnd - articleStarts[k]);
  };
  return {
    text,
    toSource,
    toSourceRange: (start, end) => {
      const sourceStart = toSource(start);
      const lastEnd = Math.min(end, articleLength);
      if (lastEnd <= Math.max(start, 0)) return { start: sourceStart, end: sourceStart };
      return { start: sourceStart, end: sourceEndBefore(lastEnd) };
    },
  };
}
