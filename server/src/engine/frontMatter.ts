// The YAML front matter of a document: who published it and whose report it
// republishes. Read with the same YAML reader as the registry.

import { afterLineBreak, lineBreakAt } from './lineIndex';
import type { Positioned } from './registry';
import { intern } from './strings';
import type { FrontMatterNode, SyntaxProblem } from './syntax';
import { readDate } from './values';
import { readYaml, scalarText, type YamlEntry, type YamlMap, type YamlReading } from './yaml';

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

/** A front matter problem on `range`, never empty. */
function report(problems: SyntaxProblem[], range: { start: number; end: number }, message: string): void {
  problems.push({ code: 'front-matter', start: range.start, end: Math.max(range.end, range.start + 1), message });
}

/** `not-claims:` as a list of passages; a problem on anything that is not a list of texts. */
function readNotClaims(entry: YamlEntry, problems: SyntaxProblem[]): string[] {
  const list = entry.value;
  if (list.kind === 'scalar' && list.value === null) return [];
  if (list.kind !== 'seq') {
    report(problems, list.kind === 'scalar' ? entry.keyRange : list, `${NOT_CLAIMS_KEY} must be a list of passages, one \`- "…"\` line each`);
    return [];
  }
  const passages: string[] = [];
  for (const item of list.items) {
    if (item.kind !== 'scalar' || typeof item.value !== 'string') report(problems, item, `each ${NOT_CLAIMS_KEY} entry is the text of a passage, in quotes`);
    else passages.push(item.value);
  }
  return passages;
}

/** What front matter without problems keeps (nearly every report's): one shared list, not an empty one per report. */
const NO_PROBLEMS: readonly SyntaxProblem[] = Object.freeze([]);

/** `published:` values read as dates, as written: a corpus's reports share a few hundred; past this many the set starts again. */
const DATES_KEPT = 4_096;
const datesRead = new Set<string>();

/** Whether `published: value` reads as a date; a problem on `range` when it does not. */
function isDate(value: string, range: { start: number; end: number }, problems: SyntaxProblem[]): boolean {
  if (datesRead.has(value)) return true;
  const reading = readDate(value);
  if (!reading.ok) {
    report(problems, range, reading.message);
    return false;
  }
  if (datesRead.size >= DATES_KEPT) datesRead.clear();
  datesRead.add(value);
  return true;
}

export function readFrontMatter(text: string, node: FrontMatterNode | undefined): FrontMatter {
  if (!node) return { problems: NO_PROBLEMS };
  // Problems reported through a module function and this list, not a
  // closure made per report: the bundle names each closure as it is made
  // (keepNames), a sixth of this function's time.
  const problems: SyntaxProblem[] = [];
  const reading = readPlainLines(text, node.content.start, node.content.end) ?? readYaml(text.slice(node.content.start, node.content.end), node.content.start);
  for (const p of reading.problems) report(problems, p, p.message);
  const root = reading.root;
  if (!root) {
    if (reading.problems.length === 0) report(problems, { start: node.start, end: node.start + 3 }, 'front matter is empty: name the outlet with `source: <actor id>`');
    return { problems };
  }
  if (root.kind !== 'map') {
    report(problems, root, 'front matter must be `key: value` lines, such as `source: afp`');
    return { problems };
  }
  let source: Positioned<string> | undefined;
  let origin: Positioned<string> | undefined;
  let published: string | undefined;
  let language: string | undefined;
  let notClaims: string[] | undefined;
  let notClaimsEntry: YamlEntry | undefined;
  for (const entry of root.entries) {
    const value = scalarText(entry.value);
    if (!KNOWN.includes(entry.key)) {
      report(problems, entry.keyRange, `unknown front matter field \`${entry.key}\`: use ${KNOWN.join(', ')}`);
      continue;
    }
    if (entry.key === NOT_CLAIMS_KEY) {
      notClaims = readNotClaims(entry, problems);
      notClaimsEntry = entry;
      continue;
    }
    if (value === undefined) {
      report(problems, entry.value.kind === 'scalar' ? entry.keyRange : entry.value, `${entry.key} must be a single value`);
      continue;
    }
    switch (entry.key) {
      case 'source':
        source = located(value, entry.value);
        break;
      case 'origin':
        origin = located(value, entry.value);
        break;
      case 'published':
        // Interned too: a corpus's reports share a few hundred dates and a few languages, and each kept its own copy.
        if (isDate(value, entry.value, problems)) published = intern(value);
        break;
      case 'language':
        language = intern(value);
        break;
    }
  }
  // One literal, each field undefined where the report has none: the spread
  // of one object per field was most of this function's time in a cold
  // check, and fields assigned one by one after the literal went to a store
  // of their own, one more object per report that the server keeps all day.
  return { problems: problems.length === 0 ? NO_PROBLEMS : problems, source, origin, published, language, notClaims, notClaimsEntry };
}

/**
 * An outlet's id where it is written, with or without its `@`. Interned: a
 * slice of the report's text would keep all of it alive, and the language
 * server lets texts go (texts.ts).
 */
function located(value: string, range: { start: number; end: number }): Positioned<string> {
  return { value: intern(value.startsWith('@') ? value.slice(1) : value), start: range.start, end: range.end };
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

function isKeyStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isKeyPart(c: number): boolean {
  return isKeyStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;
}

/** Whether text[start, end) is all white space (what `trim` would leave empty). */
function isBlankLine(text: string, start: number, end: number): boolean {
  for (let p = start; p < end; p++) if (!isJsSpace(text.charCodeAt(p))) return false;
  return true;
}

/** Whether `entries` has one of key `key`: a loop, where `some` made a closure for each line of each report. */
function hasKey(entries: readonly YamlEntry[], key: string): boolean {
  for (const entry of entries) if (entry.key === key) return true;
  return false;
}

/** What a plain-lines reading reports: nothing, in one shared list. */
const NO_YAML_PROBLEMS: YamlReading['problems'] = Object.freeze([]);

/**
 * The usual front matter — `key: word` lines and whole-line comments — read
 * without the YAML parser, which costs more per document than the rest of
 * its analysis. Anything else (quotes, flow collections, numbers, inline
 * comments, a repeated key…) returns undefined and goes to the parser, so
 * the entries are always those the parser would give. Each line is read
 * where it stands, character by character: a regular expression over a
 * slice of it made the slice, the match and its captures (a tenth of what
 * reading a report's front matter allocated).
 */
export function readPlainLines(text: string, start: number, end: number): YamlReading | undefined {
  const entries: YamlEntry[] = [];
  let lineStart = start;
  while (lineStart < end) {
    const lineEnd = Math.min(lineBreakAt(text, lineStart), end);
    if (!isBlankLine(text, lineStart, lineEnd) && text.charCodeAt(lineStart) !== HASH) {
      const entry = plainEntry(text, lineStart, lineEnd);
      if (entry === undefined || hasKey(entries, entry.key)) return undefined;
      entries.push(entry);
    }
    lineStart = afterLineBreak(text, lineEnd);
  }
  if (entries.length === 0) return undefined;
  const root: YamlMap = { kind: 'map', entries, start: entries[0].keyRange.start, end: entries[entries.length - 1].range.end };
  return { root, problems: NO_YAML_PROBLEMS };
}

/**
 * The line text[lineStart, lineEnd) as `key: value`, the key a letter then
 * letters, digits, `_` or `-`, spaces or tabs after the colon, the value a
 * plain word (no white space, no `#`, not starting with an indicator, not
 * ending with `:`, read as text), spaces or tabs after it; or undefined.
 */
function plainEntry(text: string, lineStart: number, lineEnd: number): YamlEntry | undefined {
  let p = lineStart;
  if (!isKeyStart(text.charCodeAt(p))) return undefined;
  p++;
  while (p < lineEnd && isKeyPart(text.charCodeAt(p))) p++;
  if (p === lineEnd || text.charCodeAt(p) !== COLON) return undefined;
  const keyEnd = p++;
  const gap = p;
  while (p < lineEnd && isLineSpace(text.charCodeAt(p))) p++;
  if (p === gap || p === lineEnd) return undefined;
  const valueStart = p;
  const first = text.charCodeAt(p);
  if (isJsSpace(first) || NOT_FIRST.has(first)) return undefined;
  p++;
  while (p < lineEnd && !isJsSpace(text.charCodeAt(p)) && text.charCodeAt(p) !== HASH) p++;
  const valueEnd = p;
  while (p < lineEnd && isLineSpace(text.charCodeAt(p))) p++;
  if (p !== lineEnd || text.charCodeAt(valueEnd - 1) === COLON) return undefined;
  const value = text.slice(valueStart, valueEnd);
  if (NOT_TEXT.test(value)) return undefined;
  return {
    key: text.slice(lineStart, keyEnd),
    keyRange: { start: lineStart, end: keyEnd },
    range: { start: lineStart, end: valueEnd },
    value: { kind: 'scalar', value, start: valueStart, end: valueEnd },
  };
}

function isLineSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}
