// The syntax tree of one corpus document: front matter plus article text with
// bracketed spans. Every offset is a UTF-16 code-unit offset into the decoded
// document text (after any BOM), so it is also an LSP character offset.

/** A half-open range of offsets, [start, end). */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A problem found while reading the text; the parser never throws. */
export interface SyntaxProblem extends TextRange {
  readonly code: 'syntax' | 'front-matter';
  readonly message: string;
}

/** Article text the markup does not touch (unmatched brackets and stray braces included). */
export interface TextNode extends TextRange {
  readonly kind: 'text';
}

/** `\[`, `\]`, `\{` or `\}` in text: the article holds `char`. */
export interface EscapeNode extends TextRange {
  readonly kind: 'escape';
  readonly char: string;
}

/** `[` children `]` block. `start` is the `[`, `end` is just after the block's `}`. */
export interface SpanNode extends TextRange {
  readonly kind: 'span';
  /** Offset of the closing `]`. */
  readonly close: number;
  /** What lies between `[` and `]`: text, escapes and nested spans. */
  readonly children: readonly InlineNode[];
  readonly block: Block;
  /** 1 for a span that no other span contains. */
  readonly depth: number;
}

export type InlineNode = TextNode | EscapeNode | SpanNode;

/** `@id`; the range covers the `@`. */
export interface Ref extends TextRange {
  readonly id: string;
}

/** A value after `key=`: a bare token, a quoted string or an `@ref`. */
export interface Value extends TextRange {
  /** The source characters, quotes and escapes included. */
  readonly raw: string;
  /** The value itself: unquoted and unescaped (quoting never changes a value). */
  readonly text: string;
  readonly quoted: boolean;
  /** Set when the value is an `@id`, quoted or not. */
  readonly ref?: string;
}

/** `key=value`; the range covers both. */
export interface Attribute extends TextRange {
  /** As written, so its range is the attribute's first `key.length` characters (`keyRangeOf`). */
  readonly key: string;
  readonly value: Value;
}

/**
 * A whitespace-separated token of a block as written, kept where the block
 * reader could not use it, so that completion and edits read the block the
 * parser read instead of scanning it again.
 */
export interface BlockToken extends TextRange {
  /** For a token holding `=`: what comes before the first `=`, and what after it (possibly empty). */
  readonly key?: TextRange;
  readonly value?: TextRange;
  /** Offset of a quote that nothing closes: the token runs on to the end of the block. */
  readonly openQuote?: number;
}

/** `{@a @b}` */
export interface MentionBlock extends TextRange {
  readonly kind: 'mention';
  readonly refs: readonly Ref[];
  /** Tokens reported and left out (not `@id`s); usually none. */
  readonly rejected: readonly BlockToken[];
}

/** `{claim by=@x event=@y #id hedged key=value …}` */
export interface ClaimBlock extends TextRange {
  readonly kind: 'claim';
  /** Where the word `claim` starts (`keywordRangeOf`). */
  readonly keywordStart: number;
  /** `#id`: the range covers the `#`. */
  readonly id?: TextRange & { readonly name: string };
  readonly by?: Attribute;
  readonly event?: Attribute;
  readonly hedged?: TextRange;
  /** Every other `key=value`, in source order, first occurrence of each key only. */
  readonly properties: readonly Attribute[];
  /** Tokens reported and left out (a malformed attribute, a repeated key); usually none. */
  readonly rejected: readonly BlockToken[];
}

/** `{skip}` */
export interface SkipBlock extends TextRange {
  readonly kind: 'skip';
  /** Where the word `skip` starts (`keywordRangeOf`). */
  readonly keywordStart: number;
  /** Anything after `skip`, which stands alone: reported and left out. */
  readonly rejected: readonly BlockToken[];
}

/**
 * A block that could not be read (empty, unknown, left open, an unclosed
 * quote…); a syntax problem says why. Its tokens are kept as written, as a
 * half-typed block is one the analyst is still writing.
 */
export interface InvalidBlock extends TextRange {
  readonly kind: 'invalid';
  readonly tokens: readonly BlockToken[];
}

export type Block = MentionBlock | ClaimBlock | SkipBlock | InvalidBlock;

/** `---` line, YAML lines, `---` (or `...`) line, each with its line ending. */
export interface FrontMatterNode extends TextRange {
  readonly kind: 'front-matter';
  /** The YAML between the fences. */
  readonly content: TextRange;
}

export interface ParsedDocument {
  readonly text: string;
  readonly frontMatter?: FrontMatterNode;
  /** The article: everything after the front matter. */
  readonly nodes: readonly InlineNode[];
  /** Every span in document order of its `[` (outer before inner). */
  readonly spans: readonly SpanNode[];
  /**
   * Blocks after a `]` that closes no span (`le camp]{@niafunke}` with its `[`
   * missing), in document order: a syntax problem on each, and plain text in
   * the tree, but kept so that what is typed in them can still be read.
   */
  readonly orphanBlocks: readonly InvalidBlock[];
  readonly problems: readonly SyntaxProblem[];
}
