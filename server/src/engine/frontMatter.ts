// The YAML front matter of a document: who published it and whose report it
// republishes. Read with the same YAML reader as the registry.

import { afterLineBreak, lineBreakAt } from './lineIndex';
import type { Positioned } from './registry';
import { intern, internRange } from './strings';
import type { FrontMatterNode, SyntaxProblem } from './syntax';
import { readDate } from './values';
import { readYaml, scalarText, type YamlEntry } from './yaml';

export interface FrontMatter {
  readonly source?: Positioned<string>;
  readonly origin?: Positioned<string>;
  readonly published?: string;
  readonly language?: string;
  /**
   * `not-claims:`, the passages the analyst dismissed as no claim ("Not a
   * claim"), as written: the assist proposes no claim inside one.
   */
  readonly notClaims?: readonly string[];
  /** Where `not-claims:` is written, for the edit that adds a dismissal. */
  readonly notClaimsEntry?: YamlEntry;
  readonly problems: readonly SyntaxProblem[];
}

/** The front matter key that lists the passages dismissed as no claim. */
export const NOT_CLAIMS_KEY = 'not-claims';

const KNOWN = ['source', 'origin', 'published', 'language', 'title', 'url', 'author', NOT_CLAIMS_KEY];

/** A front matter problem on [start, end), never empty. */
function report(problems: SyntaxProblem[], start: number, end: number, message: string): void {
  problems.push({ code: 'front-matter', start, end: Math.max(end, start + 1), message });
}

/** `not-claims:` as a list of passages; a problem on anything that is not a list of texts. */
function readNotClaims(entry: YamlEntry, problems: SyntaxProblem[]): string[] {
  const list = entry.value;
  if (list.kind === 'scalar' && list.value === null) return [];
  if (list.kind !== 'seq') {
    const range = list.kind === 'scalar' ? entry.keyRange : list;
    report(problems, range.start, range.end, `${NOT_CLAIMS_KEY} must be a list of passages, one \`- "…"\` line each`);
    return [];
  }
  const passages: string[] = [];
  for (const item of list.items) {
    if (item.kind !== 'scalar' || typeof item.value !== 'string') report(problems, item.start, item.end, `each ${NOT_CLAIMS_KEY} entry is the text of a passage, in quotes`);
    else passages.push(item.value);
  }
  return passages;
}

/** What front matter without problems keeps (nearly every report's): one shared list, not an empty one per report. */
const NO_PROBLEMS: readonly SyntaxProblem[] = Object.freeze([]);

/** `published:` values read as dates, as written: a corpus's reports share a few hundred; past this many the set starts again. */
const DATES_KEPT = 4_096;
const datesRead = new Set<string>();

/** Whether `published: value` reads as a date; a problem on [start, end) when it does not. */
function isDate(value: string, start: number, end: number, problems: SyntaxProblem[]): boolean {
  if (datesRead.has(value)) return true;
  const reading = readDate(value);
  if (!reading.ok) {
    report(problems, start, end, reading.message);
    return false;
  }
  if (datesRead.size >= DATES_KEPT) datesRead.clear();
  datesRead.add(value);
  return true;
}

/**
 * What the front matter says, field by field, whichever way it was read.
 * Problems are reported through a module function and this list, not a
 * closure made per report: the bundle names each closure as it is made
 * (keepNames), a sixth of the front matter's time.
 */
class Fields {
  readonly problems: SyntaxProblem[] = [];
  private source: Positioned<string> | undefined;
  private origin: Positioned<string> | undefined;
  private published: string | undefined;
  private language: string | undefined;
  notClaims: string[] | undefined;
  notClaimsEntry: YamlEntry | undefined;

  /** A known field's single value as written, at [start, end); the fields not kept (title, url, author) are ignored. */
  take(key: string, value: string, start: number, end: number): void {
    switch (key) {
      case 'source':
        this.source = located(value, start, end);
        break;
      case 'origin':
        this.origin = located(value, start, end);
        break;
      case 'published':
        // Interned too: a corpus's reports share a few hundred dates and a few languages, and each kept its own copy.
        if (isDate(value, start, end, this.problems)) this.published = intern(value);
        break;
      case 'language':
        this.language = intern(value);
        break;
    }
  }

  unknown(key: string, start: number, end: number): void {
    report(this.problems, start, end, `unknown front matter field \`${key}\`: use ${KNOWN.join(', ')}`);
  }

  frontMatter(): FrontMatter {
    // One literal, each field undefined where the report has none: the spread
    // of one object per field was most of this function's time in a cold
    // check, and fields assigned one by one after the literal went to a store
    // of their own, one more object per report that the server keeps all day.
    const { problems, source, origin, published, language, notClaims, notClaimsEntry } = this;
    return { problems: problems.length === 0 ? NO_PROBLEMS : problems, source, origin, published, language, notClaims, notClaimsEntry };
  }
}

/**
 * An outlet's id where it is written, with or without its `@`. Interned: a
 * slice of the report's text would keep all of it alive, and the language
 * server lets texts go (texts.ts).
 */
function located(value: string, start: number, end: number): Positioned<string> {
  return { value: intern(value.startsWith('@') ? value.slice(1) : value), start, end };
}

export function readFrontMatter(text: string, node: FrontMatterNode | undefined): FrontMatter {
  if (!node) return { problems: NO_PROBLEMS };
  const count = plainFields(text, node.content.start, node.content.end);
  return count > 0 ? readPlainFields(text, count) : readYamlFields(text, node);
}

/** The front matter as the YAML parser reads it: what readFrontMatter gives for any front matter but plain lines. */
export function readYamlFields(text: string, node: FrontMatterNode): FrontMatter {
  const fields = new Fields();
  const problems = fields.problems;
  const reading = readYaml(text.slice(node.content.start, node.content.end), node.content.start);
  for (const p of reading.problems) report(problems, p.start, p.end, p.message);
  const root = reading.root;
  if (!root) {
    if (reading.problems.length === 0) report(problems, node.start, node.start + 3, 'front matter is empty: name the outlet with `source: <actor id>`');
    return { problems };
  }
  if (root.kind !== 'map') {
    report(problems, root.start, root.end, 'front matter must be `key: value` lines, such as `source: afp`');
    return { problems };
  }
  for (const entry of root.entries) {
    const value = scalarText(entry.value);
    if (!KNOWN.includes(entry.key)) {
      fields.unknown(entry.key, entry.keyRange.start, entry.keyRange.end);
      continue;
    }
    if (entry.key === NOT_CLAIMS_KEY) {
      fields.notClaims = readNotClaims(entry, problems);
      fields.notClaimsEntry = entry;
      continue;
    }
    if (value === undefined) {
      const range = entry.value.kind === 'scalar' ? entry.keyRange : entry.value;
      report(problems, range.start, range.end, `${entry.key} must be a single value`);
      continue;
    }
    fields.take(entry.key, value, entry.value.start, entry.value.end);
  }
  return fields.frontMatter();
}

/** The front matter of `count` plain lines, as plainFields found them: read where the lines stand, no entry made for any. */
function readPlainFields(text: string, count: number): FrontMatter {
  const fields = new Fields();
  const at = PLAIN_FIELDS;
  for (let k = 0; k < PLAIN_NUMBERS * count; k += PLAIN_NUMBERS) {
    const keyStart = at[k];
    const keyEnd = at[k + 1];
    const valueStart = at[k + 2];
    const valueEnd = at[k + 3];
    const key = knownKeyAt(text, keyStart, keyEnd);
    if (key === undefined) fields.unknown(text.slice(keyStart, keyEnd), keyStart, keyEnd);
    // The fields kept are interned where they stand; the others (title, url, author) are not read.
    else if (key === 'source' || key === 'origin' || key === 'published' || key === 'language') fields.take(key, internRange(text, valueStart, valueEnd), valueStart, valueEnd);
  }
  return fields.frontMatter();
}

/** The known key written at text[start, end), or undefined. */
function knownKeyAt(text: string, start: number, end: number): string | undefined {
  for (const key of KNOWN) if (key.length === end - start && text.startsWith(key, start)) return key;
  return undefined;
}

/** Plain scalars the 1.2 core schema reads as numbers, booleans or null rather than text. */
const NOT_TEXT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

const TAB = 0x09;
const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;

/**
 * The white space of `String.prototype.trim` and of a regular expression's
 * `\s`, which are the same set: ECMAScript's WhiteSpace and LineTerminator.
 */
export function isJsSpace(c: number): boolean {
  if (c < 0x80) return c === SPACE || (c >= TAB && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The characters a plain value may not start with, as YAML reads them: indicators, quotes and `#`. */
const NOT_FIRST = new Set(Array.from('#\'"{}[],&*!|>%@`?:-', (c) => c.charCodeAt(0)));
/** The characters NOT_TEXT's values start with (`-` aside, which no plain value starts with): any other value is text without asking it. */
const MAY_NOT_BE_TEXT = new Set(Array.from('+.~0123456789nNtTfF', (c) => c.charCodeAt(0)));

function isKeyStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isKeyPart(c: number): boolean {
  return isKeyStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;
}

function isLineSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** Whether text[start, end) is all white space (what `trim` would leave empty). */
function isBlankLine(text: string, start: number, end: number): boolean {
  for (let p = start; p < end; p++) if (!isJsSpace(text.charCodeAt(p))) return false;
  return true;
}

/** Whether text[a, a + length) and text[b, b + length) hold the same units. */
function sameUnits(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/** How many numbers PLAIN_FIELDS holds for each line: key start and end, value start and end. */
const PLAIN_NUMBERS = 4;
/**
 * The fields plainFields found, shared by every report's read: one read
 * runs to its end before another starts, and a list of numbers kept for
 * long costs the collector nothing.
 */
const PLAIN_FIELDS: number[] = [];

/**
 * The usual front matter — `key: word` lines and whole-line comments — found
 * without the YAML parser, which costs more per document than the rest of
 * its analysis: how many fields it holds, each written into PLAIN_FIELDS,
 * or 0 when anything else is there (quotes, flow collections, numbers,
 * inline comments, a repeated key, `not-claims:`…) and the parser must read
 * it; so the fields are always those the parser would give. Each line is read
 * where it stands: a regular expression over a slice of it, and an entry
 * made for each, were half of what the front matter allocated.
 */
export function plainFields(text: string, start: number, end: number): number {
  let count = 0;
  let lineStart = start;
  while (lineStart < end) {
    const lineEnd = Math.min(lineBreakAt(text, lineStart), end);
    if (!isBlankLine(text, lineStart, lineEnd) && text.charCodeAt(lineStart) !== HASH) {
      if (!plainField(text, lineStart, lineEnd, PLAIN_NUMBERS * count) || isRepeated(text, count)) return 0;
      count++;
    }
    lineStart = afterLineBreak(text, lineEnd);
  }
  return count;
}

/** Whether field `count`'s key is one of the fields' before it. */
function isRepeated(text: string, count: number): boolean {
  const at = PLAIN_FIELDS;
  const last = PLAIN_NUMBERS * count;
  const length = at[last + 1] - at[last];
  for (let k = 0; k < last; k += PLAIN_NUMBERS) if (at[k + 1] - at[k] === length && sameUnits(text, at[k], at[last], length)) return true;
  return false;
}

/**
 * The line text[lineStart, lineEnd) as `key: value`, written into
 * PLAIN_FIELDS from `into`: the key a letter then letters, digits, `_` or
 * `-` (not `not-claims`, a list the parser reads), spaces or tabs after the
 * colon, the value a plain word (no white space, no `#`, not starting with
 * an indicator, not ending with `:`, read as text), spaces or tabs after it.
 */
function plainField(text: string, lineStart: number, lineEnd: number, into: number): boolean {
  let p = lineStart;
  if (!isKeyStart(text.charCodeAt(p))) return false;
  p++;
  while (p < lineEnd && isKeyPart(text.charCodeAt(p))) p++;
  if (p === lineEnd || text.charCodeAt(p) !== COLON) return false;
  const keyEnd = p++;
  if (keyEnd - lineStart === NOT_CLAIMS_KEY.length && text.startsWith(NOT_CLAIMS_KEY, lineStart)) return false;
  const gap = p;
  while (p < lineEnd && isLineSpace(text.charCodeAt(p))) p++;
  if (p === gap || p === lineEnd) return false;
  const valueStart = p;
  const first = text.charCodeAt(p);
  if (isJsSpace(first) || NOT_FIRST.has(first)) return false;
  p++;
  while (p < lineEnd && !isJsSpace(text.charCodeAt(p)) && text.charCodeAt(p) !== HASH) p++;
  const valueEnd = p;
  while (p < lineEnd && isLineSpace(text.charCodeAt(p))) p++;
  if (p !== lineEnd || text.charCodeAt(valueEnd - 1) === COLON) return false;
  if (MAY_NOT_BE_TEXT.has(first) && NOT_TEXT.test(text.slice(valueStart, valueEnd))) return false;
  const at = PLAIN_FIELDS;
  at[into] = lineStart;
  at[into + 1] = keyEnd;
  at[into + 2] = valueStart;
  at[into + 3] = valueEnd;
  return true;
}
