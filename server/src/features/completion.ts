// Completion inside `{…}` blocks: entity ids, claim attributes and property
// values. The block under the cursor is usually half-typed, which the parser
// reports as invalid, so the context is read from the text itself: the `]{`
// that opens the block within the paragraph, then its tokens up to the cursor.

import type { Corpus } from '../engine/corpus';
import { REGISTRY_FILE, type PropertyEntry } from '../engine/registry';
import type { TextRange } from '../engine/syntax';
import type { EntitySection } from '../engine/values';
import { entityKindLabel } from './hover';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'entity' | 'property' | 'value' | 'keyword';
  readonly detail?: string;
  readonly documentation?: string;
  readonly insertText: string;
  /** The partial token being typed, which the entry replaces. */
  readonly replace: TextRange;
  readonly filterText?: string;
  readonly sortText?: string;
}

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const AT = 0x40;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

const ATTRIBUTE_KEY = /^([A-Za-z0-9][A-Za-z0-9_-]*)=/;
const REF = /@([A-Za-z0-9][A-Za-z0-9_-]*)/g;

export function complete(corpus: Corpus, file: string, offset: number): CompletionEntry[] {
  if (file === REGISTRY_FILE) return [];
  const facts = corpus.document(file);
  if (!facts || offset < 0 || offset > facts.text.length) return [];
  const text = facts.text;
  const articleStart = facts.parsed.frontMatter?.end ?? 0;
  if (offset < articleStart) return [];
  const block = blockAt(text, offset, articleStart);
  if (!block) return [];
  const typed = text.slice(block.tokenStart, offset);
  const first = block.before[0];
  if (first === undefined) {
    if (typed.startsWith('@')) return entityItems(corpus, undefined, typed, tokenRange(text, block.tokenStart, offset), mentionedBySpanText(corpus, text, block.open, articleStart));
    return blockKeywords(tokenRange(text, block.tokenStart, offset));
  }
  if (first.startsWith('@')) {
    if (typed !== '' && !typed.startsWith('@')) return [];
    return entityItems(corpus, undefined, typed, tokenRange(text, block.tokenStart, offset), mentionedBySpanText(corpus, text, block.open, articleStart));
  }
  if (first !== 'claim') return [];
  const equals = typed.indexOf('=');
  if (equals >= 0) {
    const valueStart = block.tokenStart + equals + 1;
    const value = text.slice(valueStart, offset);
    if (value.startsWith('"')) return [];
    const range = tokenRange(text, valueStart, offset);
    return valueItems(corpus, typed.slice(0, equals), value, range, () => namedInSpan(corpus, text, block.open, articleStart));
  }
  if (typed.startsWith('#')) return [];
  return attributeItems(corpus, [...block.before.slice(1), ...block.after], tokenRange(text, block.tokenStart, offset));
}

// ---------------------------------------------------------------------------
// Reading the block around the cursor

interface BlockContext {
  /** Offset of the block's `{`. */
  readonly open: number;
  /** The block's tokens wholly before the one under the cursor. */
  readonly before: readonly string[];
  /** Where the token under the cursor starts: the cursor itself between tokens. */
  readonly tokenStart: number;
  /** The block's tokens after the one under the cursor. */
  readonly after: readonly string[];
}

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR;
}

function isIdChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f;
}

function isEscapable(c: number): boolean {
  return c === OPEN_BRACKET || c === CLOSE_BRACKET || c === OPEN_BRACE || c === CLOSE_BRACE;
}

/** True when the line break at `i` ends the paragraph: the next line is blank, or there is none. */
function endsParagraph(text: string, i: number): boolean {
  let p = text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  while (p < text.length && (text.charCodeAt(p) === SPACE || text.charCodeAt(p) === TAB)) p++;
  return p >= text.length || text.charCodeAt(p) === LF || text.charCodeAt(p) === CR;
}

/** Start of the line holding `offset`, not before `floor`. */
function lineStart(text: string, offset: number, floor: number): number {
  let p = offset;
  while (p > floor && text.charCodeAt(p - 1) !== LF && text.charCodeAt(p - 1) !== CR) p--;
  return p;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let p = start; p < end; p++) if (text.charCodeAt(p) !== SPACE && text.charCodeAt(p) !== TAB) return false;
  return true;
}

/** Start of the paragraph holding `offset`: the line after the last blank line before it, or `floor`. */
function paragraphStart(text: string, offset: number, floor: number): number {
  let start = lineStart(text, offset, floor);
  while (start > floor) {
    const breakEnd = start - (text.charCodeAt(start - 1) === LF && text.charCodeAt(start - 2) === CR ? 2 : 1);
    const previous = lineStart(text, breakEnd, floor);
    if (isBlank(text, previous, breakEnd)) return start;
    start = previous;
  }
  return floor;
}

/** Offset just after the quoted string opening at `quote`, or -1 when it is still open at `limit`. */
function skipQuoted(text: string, quote: number, limit: number): number {
  let p = quote + 1;
  while (p < limit) {
    const c = text.charCodeAt(p);
    if (c === QUOTE) return p + 1;
    const next = text.charCodeAt(p + 1);
    p += c === BACKSLASH && p + 1 < limit && (next === QUOTE || next === BACKSLASH) ? 2 : 1;
  }
  return -1;
}

/**
 * The block the cursor is in, read the way the parser reads blocks: opened
 * by `]{` in the paragraph, tokens split at whitespace, quoted strings kept
 * whole (a `}` inside one does not close the block). Undefined outside any
 * block, or inside a quoted string, where nothing can be offered.
 */
function blockAt(text: string, offset: number, floor: number): BlockContext | undefined {
  let open = -1;
  let tokens: string[] = [];
  let tokenStart = -1;
  let i = paragraphStart(text, offset, floor);
  while (i < offset) {
    const c = text.charCodeAt(i);
    if (open < 0) {
      if (c === BACKSLASH && isEscapable(text.charCodeAt(i + 1))) i += 2;
      else if (c === CLOSE_BRACKET && text.charCodeAt(i + 1) === OPEN_BRACE) {
        open = i + 1;
        tokens = [];
        tokenStart = -1;
        i += 2;
      } else i++;
      continue;
    }
    if (c === CLOSE_BRACE) {
      open = -1;
      i++;
    } else if (isSpace(c)) {
      if (tokenStart >= 0) tokens.push(text.slice(tokenStart, i));
      tokenStart = -1;
      i++;
    } else {
      if (tokenStart < 0) tokenStart = i;
      if (c === QUOTE) {
        i = skipQuoted(text, i, offset);
        if (i < 0) return undefined;
      } else i++;
    }
  }
  if (open < 0) return undefined;
  return { open, before: tokens, tokenStart: tokenStart >= 0 ? tokenStart : offset, after: tokensAfter(text, offset) };
}

/** The block's tokens after the cursor's own, up to its `}` or the end of the paragraph. */
function tokensAfter(text: string, offset: number): string[] {
  const tokens: string[] = [];
  let i = offset;
  while (i < text.length && !isSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== CLOSE_BRACE) i++;
  let tokenStart = -1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    // A bracket cannot be part of a block: past one, the text is the article again.
    if (c === CLOSE_BRACE || c === OPEN_BRACKET || c === CLOSE_BRACKET) break;
    if ((c === LF || c === CR) && endsParagraph(text, i)) break;
    if (isSpace(c)) {
      if (tokenStart >= 0) tokens.push(text.slice(tokenStart, i));
      tokenStart = -1;
      i++;
      continue;
    }
    if (tokenStart < 0) tokenStart = i;
    if (c === QUOTE) {
      const after = skipQuoted(text, i, text.length);
      if (after < 0) break;
      i = after;
    } else i++;
  }
  if (tokenStart >= 0) tokens.push(text.slice(tokenStart, i));
  return tokens;
}

/** From `start` to the end of the id being typed, so accepting replaces the whole word, not just its head. */
function tokenRange(text: string, start: number, offset: number): TextRange {
  let end = offset;
  if (end === start && text.charCodeAt(end) === AT) end++;
  while (end < text.length && isIdChar(text.charCodeAt(end))) end++;
  return { start, end };
}

/**
 * The raw text of the span whose `]` precedes the block at `open`: from its
 * matching `[` (brackets balance, escapes aside) to the `]`. Undefined when
 * no `[` opens it within the paragraph.
 */
function spanBefore(text: string, open: number, floor: number): TextRange | undefined {
  const close = open - 1;
  const start = paragraphStart(text, close, floor);
  let depth = 0;
  for (let i = close - 1; i >= start; i--) {
    const c = text.charCodeAt(i);
    if ((c !== OPEN_BRACKET && c !== CLOSE_BRACKET) || text.charCodeAt(i - 1) === BACKSLASH) continue;
    if (c === CLOSE_BRACKET) depth++;
    else if (depth === 0) return { start: i + 1, end: close };
    else depth--;
  }
  return undefined;
}

/** Entities the mention's text is an alias of: `[Le GSIM]{@` puts @jnim first. */
function mentionedBySpanText(corpus: Corpus, text: string, open: number, floor: number): ReadonlySet<string> {
  const span = spanBefore(text, open, floor);
  if (!span) return new Set();
  const written = text.slice(span.start, span.end);
  // Nested markup is not the words an alias must equal.
  if (written.includes('{')) return new Set();
  return new Set(corpus.aliases.matchWhole(written));
}

/** Entities a claim's text refers to or names, so `by=@` offers the parties in the sentence first. */
function namedInSpan(corpus: Corpus, text: string, open: number, floor: number): ReadonlySet<string> {
  const span = spanBefore(text, open, floor);
  const ids = new Set<string>();
  if (!span) return ids;
  for (const match of text.slice(span.start, span.end).matchAll(REF)) ids.add(match[1] ?? '');
  for (const match of corpus.aliases.scan(text, span.start, span.end)) for (const id of match.entityIds) ids.add(id);
  return ids;
}

// ---------------------------------------------------------------------------
// Entries

function blockKeywords(replace: TextRange): CompletionEntry[] {
  return [
    { label: 'claim', kind: 'keyword', detail: 'a claim: claim by=@actor event=@event key=value…', insertText: 'claim ', replace, sortText: '0' },
    { label: 'skip', kind: 'keyword', detail: 'not the article: comments, captions, embedded posts', insertText: 'skip', replace, sortText: '1' },
    { label: '@', kind: 'keyword', detail: 'a mention: the entities this text names', insertText: '@', replace, sortText: '2' },
  ];
}

function entityItems(corpus: Corpus, section: EntitySection | undefined, typed: string, replace: TextRange, preferred: ReadonlySet<string>): CompletionEntry[] {
  const items: CompletionEntry[] = [];
  // Typed without its `@` (`by=jn`), the id alone must match what is typed.
  const withAt = typed === '' || typed.startsWith('@');
  for (const entity of corpus.registry.entities.values()) {
    if (section !== undefined && entity.section !== section) continue;
    items.push({
      label: `@${entity.id}`,
      kind: 'entity',
      detail: `${entity.name} — ${entityKindLabel(entity)}`,
      ...(entity.description !== undefined ? { documentation: entity.description } : {}),
      insertText: `@${entity.id}`,
      replace,
      filterText: withAt ? `@${entity.id}` : entity.id,
      sortText: `${preferred.has(entity.id) ? '0' : '1'}${entity.id}`,
    });
  }
  return items;
}

const UNKNOWN_VALUE_DETAIL = 'declined or unknown: shown, never in conflict';

function unknownValue(replace: TextRange): CompletionEntry {
  return { label: '?', kind: 'value', detail: UNKNOWN_VALUE_DETAIL, insertText: '?', replace, sortText: '9' };
}

function valueItems(corpus: Corpus, key: string, typed: string, replace: TextRange, named: () => ReadonlySet<string>): CompletionEntry[] {
  if (key === 'by') return entityItems(corpus, 'actor', typed, replace, named());
  if (key === 'event') return entityItems(corpus, 'event', typed, replace, named());
  const property = corpus.registry.properties.get(key);
  if (!property) return [];
  switch (property.type) {
    case 'entity':
      return [...entityItems(corpus, property.kind, typed, replace, named()), unknownValue(replace)];
    case 'enum':
      return [
        ...property.values.map((value, index): CompletionEntry => ({
          label: value,
          kind: 'value',
          detail: compatibleNote(property, value),
          insertText: value,
          replace,
          sortText: String(index).padStart(4, '0'),
        })),
        unknownValue(replace),
      ];
    case 'count':
    case 'date':
      return [unknownValue(replace)];
    case 'text':
      return [];
  }
}

function compatibleNote(property: PropertyEntry, value: string): string {
  const friends = new Set(property.compatible.filter((group) => group.includes(value)).flat());
  friends.delete(value);
  return friends.size > 0 ? `${property.key}; compatible with ${[...friends].join(', ')}` : property.key;
}

function propertyDetail(property: PropertyEntry): string {
  switch (property.type) {
    case 'enum':
      return `enum: ${property.values.join(' | ')}`;
    case 'entity':
      return `entity: @${property.kind ?? 'id'}`;
    default:
      return property.type;
  }
}

/** Attributes a claim can still take: keys not used in the block, `hedged` and `#id` once. */
function attributeItems(corpus: Corpus, otherTokens: readonly string[], replace: TextRange): CompletionEntry[] {
  const used = new Set<string>();
  let hasId = false;
  for (const token of otherTokens) {
    const key = ATTRIBUTE_KEY.exec(token)?.[1];
    if (key !== undefined) used.add(key);
    else if (token === 'hedged') used.add(token);
    else if (token.startsWith('#')) hasId = true;
  }
  const items: CompletionEntry[] = [];
  if (!used.has('by')) items.push({ label: 'by=', kind: 'keyword', detail: 'the claimant: an actor (default: the document’s source)', insertText: 'by=@', replace, sortText: '00' });
  if (!used.has('event')) items.push({ label: 'event=', kind: 'keyword', detail: 'the event the claim is about (required)', insertText: 'event=@', replace, sortText: '01' });
  let index = 0;
  for (const property of corpus.registry.properties.values()) {
    index++;
    if (used.has(property.key)) continue;
    items.push({
      label: property.key,
      kind: 'property',
      detail: propertyDetail(property),
      ...(property.description !== undefined ? { documentation: property.description } : {}),
      insertText: property.type === 'entity' ? `${property.key}=@` : `${property.key}=`,
      replace,
      sortText: `1${String(index).padStart(4, '0')}`,
    });
  }
  if (!used.has('hedged')) items.push({ label: 'hedged', kind: 'keyword', detail: 'conditional or unconfirmed wording: shown, never changes comparison', insertText: 'hedged', replace, sortText: '2' });
  if (!hasId) items.push({ label: '#', kind: 'keyword', detail: 'name this claim: #id, unique in the corpus', insertText: '#', replace, sortText: '3' });
  return items;
}
