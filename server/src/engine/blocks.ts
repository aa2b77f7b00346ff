// Reading one `{…}` block of the markup: where it ends (a quoted string may
// hold `}`) and what it says (a mention, a claim, skip). Blocks never run past
// the end of their paragraph; the caller passes that end as `limit`.

import { isIdAt, shorten } from './names';
import { intern, internRange } from './strings';
import type { Attribute, Block, BlockToken, ClaimBlock, InvalidBlock, MentionBlock, Ref, SkipBlock, SyntaxProblem, TextRange, Value } from './syntax';

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const HASH = 0x23;
const EQUALS = 0x3d;
const AT = 0x40;
const BACKSLASH = 0x5c;
const CLOSE_BRACE = 0x7d;

/** Tokens in a block are separated by spaces, tabs and the line breaks of the paragraph. */
function isBlockSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}

/** Inside a quoted value `\"` stands for `"` and `\\` for `\`; any other backslash is itself. */
function isQuotedEscape(text: string, backslash: number, limit: number): boolean {
  if (backslash + 1 >= limit) return false;
  const next = text.charCodeAt(backslash + 1);
  return next === QUOTE || next === BACKSLASH;
}

function unescapeQuoted(text: string, start: number, end: number): string {
  let value = '';
  let runStart = start;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === BACKSLASH && isQuotedEscape(text, i, end)) {
      value += text.slice(runStart, i);
      runStart = i + 1;
      i++;
    }
  }
  return value + text.slice(runStart, end);
}

/**
 * Spaces that look like the plain one but separate no tokens: pasted from a
 * word processor or a web page (French text puts a non-breaking space before
 * `:`, `;` and `?`), they leave a message quoting what looks like two
 * attributes, or nothing at all.
 */
const LOOKALIKE_SPACE = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/;

/** What `message` should add when text[start, end) holds a lookalike space, or ''. */
function lookalikeSpaceNote(text: string, start: number, end: number): string {
  const found = LOOKALIKE_SPACE.exec(text.slice(start, end));
  if (found === null) return '';
  const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  const name = code === '00A0' ? 'a non-breaking space' : 'an invisible space';
  return ` (it holds ${name}, U+${code}, where attributes need a plain space: type a plain space there)`;
}

/** Past this, a token is cut in messages so they stay readable. */
const MAX_TOKEN_SHOWN = 40;

function excerpt(token: string): string {
  return shorten(token, MAX_TOKEN_SHOWN);
}

/** Whether attributes[0, count) has one of key `key`. */
function hasKey(attributes: readonly Attribute[], count: number, key: string): boolean {
  for (let k = 0; k < count; k++) if (attributes[k].key === key) return true;
  return false;
}

/**
 * list[0, count) as a list of its own. Most blocks keep one or two refs or
 * properties: an array literal is allocated inline by the optimised code,
 * where `slice` is a call into V8's builtins for each of 166,000 blocks.
 */
function leading<T>(list: readonly T[], count: number): T[] {
  if (count === 1) return [list[0]];
  if (count === 2) return [list[0], list[1]];
  return list.slice(0, count);
}

/** Distinct attribute tokens kept by `attributeOfToken`; past it the table starts again, as `intern`'s does. */
const ATTRIBUTE_TOKENS_MAX = 16_384;

/** What a `key=value` token reads as wherever it stands: its attribute but for the offsets. */
interface AttributeReading {
  readonly key: string;
  readonly raw: string;
  readonly text: string;
  readonly quoted: boolean;
  readonly ref: string | undefined;
}

/**
 * Each well-formed attribute token met, as written: at 10,000 reports
 * 135,700 attributes are 2,765 distinct tokens (`event=@…`, `killed=14`).
 * A token's attribute depends on its text alone, so a hit reads it with
 * one look-up in place of the key's and the value's checks and copies.
 */
const attributeOfToken = new Map<string, AttributeReading>();

/** No tokens: one shared empty list, so a block that keeps none costs nothing more. */
const NO_TOKENS: readonly BlockToken[] = Object.freeze([]);

/**
 * The token offsets of the block being read, shared by every reader: a
 * block's tokens are used only within the call that scans it, and a list
 * of numbers kept for long costs the collector nothing, where each of
 * 10,000 reports' readers grew two lists of its own.
 */
const TOKEN_STARTS: number[] = [];
const TOKEN_ENDS: number[] = [];

export class BlockReader {
  // The tokens of the last scanned block, reused from block to block.
  private readonly tokenStarts = TOKEN_STARTS;
  private readonly tokenEnds = TOKEN_ENDS;
  private tokenCount = 0;
  // What the block being read collects, reused from block to block; blocks
  // get exact-size copies, as arrays grown by `push` keep spare room. Filled
  // up to a count, not emptied: V8 drops the room of a list whose length is
  // set to 0, and the next block would grow it again.
  private readonly refs: Ref[] = [];
  private readonly properties: Attribute[] = [];
  // Tokens of the block being read that it reports and leaves out; most blocks have none.
  private rejected: BlockToken[] | undefined;
  private end = 0;
  private closed = false;
  private unclosedQuote = -1;
  // Start of the token whose quote is not closed: it runs to `openTokenEnd`.
  private openTokenStart = -1;
  private openTokenEnd = -1;
  // A quote that finds no closing quote before the end of its paragraph means
  // that every later quote of that paragraph fails too: each later `"` was
  // read as the `\"` escape by the failed scan, which is therefore in the same
  // state as a new scan just after it. Remembering the failure keeps a
  // paragraph full of unclosed quotes linear instead of quadratic.
  private failedQuote = -1;
  private failedQuoteLimit = -1;

  constructor(
    private readonly text: string,
    private readonly problems: SyntaxProblem[],
  ) {}

  /**
   * True when the `{` at `open` starts what is meant as a block: its content
   * opens with `@`, the word `claim` or the word `skip`.
   */
  looksLikeBlock(open: number, limit: number): boolean {
    const text = this.text;
    let p = open + 1;
    while (p < limit && isBlockSpace(text.charCodeAt(p))) p++;
    if (p >= limit) return false;
    return text.charCodeAt(p) === AT || this.wordAt(p, 'claim', limit) || this.wordAt(p, 'skip', limit);
  }

  /** End of the block opening at `open` when it is kept as plain text. */
  extentOf(open: number, limit: number): number {
    this.scan(open, limit);
    return this.end;
  }

  /**
   * The block opening at `open` after a `]` that closes no span: kept as
   * written, with its tokens, for what reads half-typed markup. The caller
   * reports it; nothing inside it is reported on top.
   */
  readOrphan(open: number, limit: number): InvalidBlock {
    this.scan(open, limit);
    return { kind: 'invalid', start: open, end: this.end, tokens: this.allTokens() };
  }

  /** Reads the block opening at `open`; `block.end` is where the text resumes. */
  read(open: number, limit: number): Block {
    this.scan(open, limit);
    const start = open;
    const end = this.end;
    if (this.unclosedQuote >= 0) {
      this.report(this.unclosedQuote, this.unclosedQuote + 1, 'unclosed quote: add the closing " before the end of the paragraph');
      return { kind: 'invalid', start, end, tokens: this.allTokens() };
    }
    if (!this.closed) {
      this.report(open, open + 1, 'block is not closed: add }');
      return { kind: 'invalid', start, end, tokens: this.allTokens() };
    }
    if (this.tokenCount === 0) {
      this.report(start, end, 'empty block: write @ids, `claim …` or `skip` between the braces');
      return { kind: 'invalid', start, end, tokens: NO_TOKENS };
    }
    if (this.text.charCodeAt(this.tokenStarts[0]) === AT) return this.readMention(start, end);
    if (this.tokenIs(0, 'claim')) return this.readClaim(start, end);
    if (this.tokenIs(0, 'skip')) return this.readSkip(start, end);
    this.reportToken(0, (token) => `unknown block \`{${token}}\`: a block holds @ids, \`claim …\` or \`skip\``);
    return { kind: 'invalid', start, end, tokens: this.allTokens() };
  }

  private readSkip(start: number, end: number): SkipBlock {
    for (let k = 1; k < this.tokenCount; k++) {
      this.reject(k, (token) => `\`skip\` stands alone: remove \`${token}\``);
    }
    return { kind: 'skip', start, end, keywordStart: this.tokenStarts[0], rejected: this.takeRejected() };
  }

  private readMention(start: number, end: number): MentionBlock {
    const refs = this.refs;
    let count = 0;
    for (let k = 0; k < this.tokenCount; k++) {
      const tokenStart = this.tokenStarts[k];
      const tokenEnd = this.tokenEnds[k];
      if (this.text.charCodeAt(tokenStart) === AT && isIdAt(this.text, tokenStart + 1, tokenEnd)) {
        refs[count++] = { start: tokenStart, end: tokenEnd, id: internRange(this.text, tokenStart + 1, tokenEnd) };
      } else {
        this.reject(
          k,
          (token) =>
            `\`${token}\` is not an entity ref: a mention block holds only @ids (letters, digits, - and _ after the @)`,
        );
      }
    }
    return { kind: 'mention', start, end, refs: leading(refs, count), rejected: this.takeRejected() };
  }

  private readClaim(start: number, end: number): ClaimBlock {
    const text = this.text;
    const properties = this.properties;
    let count = 0;
    let id: ClaimBlock['id'];
    let by: Attribute | undefined;
    let event: Attribute | undefined;
    let hedged: TextRange | undefined;
    for (let k = 1; k < this.tokenCount; k++) {
      const tokenStart = this.tokenStarts[k];
      const tokenEnd = this.tokenEnds[k];
      if (text.charCodeAt(tokenStart) === HASH) {
        if (!isIdAt(text, tokenStart + 1, tokenEnd)) {
          this.reject(k, (token) => `\`${token}\` is not a claim id: write # then letters, digits, - or _`);
        } else if (id !== undefined) {
          this.reject(k, (token) => `duplicate claim id \`${token}\`: a claim has one #id, remove this one`);
        } else {
          id = { start: tokenStart, end: tokenEnd, name: internRange(text, tokenStart + 1, tokenEnd) };
        }
        continue;
      }
      if (this.tokenIs(k, 'hedged')) {
        if (hedged !== undefined) {
          this.reject(k, () => 'duplicate key `hedged`: a key may appear once');
        } else {
          hedged = { start: tokenStart, end: tokenEnd };
        }
        continue;
      }
      const attribute = this.readAttribute(k, tokenStart, tokenEnd);
      if (attribute === undefined) continue;
      const key = attribute.key;
      // Every key kept is in exactly one of by, event and properties.
      if (key === 'by' ? by !== undefined : key === 'event' ? event !== undefined : hasKey(properties, count, key)) {
        this.reject(k, () => `duplicate key \`${excerpt(key)}\`: a key may appear once`);
        continue;
      }
      if (key === 'by') by = attribute;
      else if (key === 'event') event = attribute;
      else properties[count++] = attribute;
    }
    // One object shape for every claim, absent parts included, keeps the
    // consumers' property accesses monomorphic.
    return { kind: 'claim', start, end, keywordStart: this.tokenStarts[0], id, by, event, hedged, properties: leading(properties, count), rejected: this.takeRejected() };
  }

  /** Token `k`, text[start, end), as a `key=value`, or undefined (with a problem) when it is malformed. */
  private readAttribute(k: number, start: number, end: number): Attribute | undefined {
    const text = this.text;
    const written = internRange(text, start, end);
    const known = attributeOfToken.get(written);
    if (known !== undefined) {
      const valueStart = start + known.key.length + 1;
      const value: Value =
        known.ref === undefined
          ? { start: valueStart, end, raw: known.raw, text: known.text, quoted: known.quoted }
          : { start: valueStart, end, raw: known.raw, text: known.text, quoted: known.quoted, ref: known.ref };
      return { start, end, key: known.key, value };
    }
    const keyEnd = this.equalsIn(start, end);
    if (keyEnd === end || !isIdAt(text, start, keyEnd)) {
      this.reject(k, (token) => `\`${token}\` is not a claim attribute: write key=value, #id or hedged`);
      return undefined;
    }
    const key = internRange(text, start, keyEnd);
    if (keyEnd + 1 === end) {
      this.reject(k, () => `missing value after \`${excerpt(key)}=\`: write a value, a "quoted string" or an @id`);
      return undefined;
    }
    const value = this.readValue(keyEnd + 1, end);
    if (value === undefined) {
      (this.rejected ??= []).push(this.token(k));
      return undefined;
    }
    if (attributeOfToken.size >= ATTRIBUTE_TOKENS_MAX) attributeOfToken.clear();
    attributeOfToken.set(written, { key, raw: value.raw, text: value.text, quoted: value.quoted, ref: value.ref });
    return { start, end, key, value };
  }

  /** The value text[start, end) of a `key=value`, or undefined (with a problem) when it is malformed. */
  private readValue(start: number, end: number): Value | undefined {
    const text = this.text;
    const raw = internRange(text, start, end);
    const first = text.charCodeAt(start);
    if (first === QUOTE) {
      // The scan already found the closing quote of every quoted string in the block.
      let close = start + 1;
      while (text.charCodeAt(close) !== QUOTE) close += text.charCodeAt(close) === BACKSLASH && isQuotedEscape(text, close, end) ? 2 : 1;
      if (close + 1 !== end) {
        this.report(start, end, `\`${excerpt(raw)}\` has text after its closing quote: quote the whole value`);
        return undefined;
      }
      const value = intern(unescapeQuoted(text, start + 1, close));
      // Quoting never changes a value, so "@niafunke" is the same ref as @niafunke.
      const ref = value.charCodeAt(0) === AT && isIdAt(value, 1, value.length) ? internRange(value, 1, value.length) : undefined;
      return ref === undefined ? { start, end, raw, text: value, quoted: true } : { start, end, raw, text: value, quoted: true, ref };
    }
    if (raw.includes('"')) {
      this.report(start, end, `\`${excerpt(raw)}\` has a quote inside it: a quote may only open a value, as key="…"`);
      return undefined;
    }
    if (first === AT) {
      if (!isIdAt(text, start + 1, end)) {
        this.report(start, end, `\`${excerpt(raw)}\` is not an entity ref: write @ then letters, digits, - or _`);
        return undefined;
      }
      return { start, end, raw, text: raw, quoted: false, ref: internRange(raw, 1, raw.length) };
    }
    return { start, end, raw, text: raw, quoted: false };
  }

  /**
   * Splits the block opening at `open` into tokens and finds its end: just
   * after its `}`, or `limit` when the paragraph ends first; after an unclosed
   * quote, just after the first `}` that follows the quote.
   */
  private scan(open: number, limit: number): void {
    const text = this.text;
    this.tokenCount = 0;
    this.closed = false;
    this.unclosedQuote = -1;
    this.openTokenStart = -1;
    let p = open + 1;
    for (;;) {
      while (p < limit && isBlockSpace(text.charCodeAt(p))) p++;
      if (p >= limit) {
        this.end = limit;
        return;
      }
      if (text.charCodeAt(p) === CLOSE_BRACE) {
        this.end = p + 1;
        this.closed = true;
        return;
      }
      const tokenStart = p;
      while (p < limit) {
        const c = text.charCodeAt(p);
        // Past the quote, only `}` ends or splits a token: most characters of a block take two tests, not six.
        if (c > QUOTE && c !== CLOSE_BRACE) {
          p++;
          continue;
        }
        if (c === CLOSE_BRACE || isBlockSpace(c)) break;
        if (c !== QUOTE) {
          p++;
          continue;
        }
        const afterQuote = this.skipQuoted(p, limit);
        if (afterQuote < 0) {
          this.unclosedQuote = p;
          let brace = p + 1;
          while (brace < limit && text.charCodeAt(brace) !== CLOSE_BRACE) brace++;
          this.end = brace < limit ? brace + 1 : limit;
          this.openTokenStart = tokenStart;
          this.openTokenEnd = brace;
          return;
        }
        p = afterQuote;
      }
      this.tokenStarts[this.tokenCount] = tokenStart;
      this.tokenEnds[this.tokenCount] = p;
      this.tokenCount++;
    }
  }

  /** Offset just after the quoted string opening at `quote`, or -1 when it is not closed before `limit`. */
  private skipQuoted(quote: number, limit: number): number {
    if (limit === this.failedQuoteLimit && quote > this.failedQuote) return -1;
    const text = this.text;
    let p = quote + 1;
    while (p < limit) {
      const c = text.charCodeAt(p);
      if (c === QUOTE) return p + 1;
      p += c === BACKSLASH && isQuotedEscape(text, p, limit) ? 2 : 1;
    }
    this.failedQuote = quote;
    this.failedQuoteLimit = limit;
    return -1;
  }

  private wordAt(p: number, word: string, limit: number): boolean {
    const after = p + word.length;
    if (after > limit || !this.text.startsWith(word, p)) return false;
    if (after === limit) return true;
    const c = this.text.charCodeAt(after);
    return isBlockSpace(c) || c === CLOSE_BRACE;
  }

  private tokenIs(k: number, word: string): boolean {
    return this.tokenEnds[k] - this.tokenStarts[k] === word.length && this.text.startsWith(word, this.tokenStarts[k]);
  }

  private reportToken(k: number, message: (token: string) => string): void {
    const start = this.tokenStarts[k];
    const end = this.tokenEnds[k];
    this.report(start, end, message(excerpt(this.text.slice(start, end))));
  }

  /** Reports token `k` and keeps it among the block's rejected tokens. */
  private reject(k: number, message: (token: string) => string): void {
    this.reportToken(k, message);
    (this.rejected ??= []).push(this.token(k));
  }

  private takeRejected(): readonly BlockToken[] {
    const rejected = this.rejected ?? NO_TOKENS;
    this.rejected = undefined;
    return rejected;
  }

  /** Offset of the first `=` in text[start, end), or `end`: what separates a key from its value. */
  private equalsIn(start: number, end: number): number {
    let p = start;
    while (p < end && this.text.charCodeAt(p) !== EQUALS) p++;
    return p;
  }

  private token(k: number): BlockToken {
    return this.tokenAt(this.tokenStarts[k], this.tokenEnds[k], undefined);
  }

  private tokenAt(start: number, end: number, openQuote: number | undefined): BlockToken {
    const equals = this.equalsIn(start, end);
    const parts = equals < end ? { key: { start, end: equals }, value: { start: equals + 1, end } } : {};
    return openQuote === undefined ? { start, end, ...parts } : { start, end, ...parts, openQuote };
  }

  /** Every token of the last scanned block, the one an unclosed quote leaves open included. */
  private allTokens(): readonly BlockToken[] {
    if (this.tokenCount === 0 && this.openTokenStart < 0) return NO_TOKENS;
    const tokens: BlockToken[] = [];
    for (let k = 0; k < this.tokenCount; k++) tokens.push(this.token(k));
    if (this.openTokenStart >= 0) tokens.push(this.tokenAt(this.openTokenStart, this.openTokenEnd, this.unclosedQuote));
    return tokens;
  }

  private report(start: number, end: number, message: string): void {
    this.problems.push({ code: 'syntax', start, end, message: message + lookalikeSpaceNote(this.text, start, end) });
  }
}
