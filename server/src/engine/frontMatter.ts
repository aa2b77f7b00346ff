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

/** `not-claims:` as a list of passages; a problem on anything that is not a list of texts. */
function readNotClaims(entry: YamlEntry, problem: (range: { start: number; end: number }, message: string) => void): string[] {
  const list = entry.value;
  if (list.kind === 'scalar' && list.value === null) return [];
  if (list.kind !== 'seq') {
    problem(list.kind === 'scalar' ? entry.keyRange : list, `${NOT_CLAIMS_KEY} must be a list of passages, one \`- "…"\` line each`);
    return [];
  }
  const passages: string[] = [];
  for (const item of list.items) {
    if (item.kind !== 'scalar' || typeof item.value !== 'string') problem(item, `each ${NOT_CLAIMS_KEY} entry is the text of a passage, in quotes`);
    else passages.push(item.value);
  }
  return passages;
}

/** What front matter without problems keeps (nearly every report's): one shared list, not an empty one per report. */
const NO_PROBLEMS: readonly SyntaxProblem[] = Object.freeze([]);

export function readFrontMatter(text: string, node: FrontMatterNode | undefined): FrontMatter {
  if (!node) return { problems: NO_PROBLEMS };
  const problems: SyntaxProblem[] = [];
  const problem = (range: { start: number; end: number }, message: string) =>
    problems.push({ code: 'front-matter', start: range.start, end: Math.max(range.end, range.start + 1), message });
  const reading = readPlainLines(text, node.content.start, node.content.end) ?? readYaml(text.slice(node.content.start, node.content.end), node.content.start);
  for (const p of reading.problems) problem(p, p.message);
  const root = reading.root;
  if (!root) {
    if (reading.problems.length === 0) problem({ start: node.start, end: node.start + 3 }, 'front matter is empty: name the outlet with `source: <actor id>`');
    return { problems };
  }
  if (root.kind !== 'map') {
    problem(root, 'front matter must be `key: value` lines, such as `source: afp`');
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
      problem(entry.keyRange, `unknown front matter field \`${entry.key}\`: use ${KNOWN.join(', ')}`);
      continue;
    }
    if (entry.key === NOT_CLAIMS_KEY) {
      notClaims = readNotClaims(entry, problem);
      notClaimsEntry = entry;
      continue;
    }
    if (value === undefined) {
      problem(entry.value.kind === 'scalar' ? entry.keyRange : entry.value, `${entry.key} must be a single value`);
      continue;
    }
    // Interned: a slice of the report's text would keep all of it alive, and the language server lets texts go (texts.ts).
    const located = { value: intern(value.startsWith('@') ? value.slice(1) : value), start: entry.value.start, end: entry.value.end };
    switch (entry.key) {
      case 'source':
        source = located;
        break;
      case 'origin':
        origin = located;
        break;
      case 'published': {
        const reading = readDate(value);
        if (!reading.ok) problem(entry.value, reading.message);
        // Interned too: a corpus's reports share a few hundred dates and a few languages, and each kept its own copy.
        else published = intern(value);
        break;
      }
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

const PLAIN_LINE = /^([A-Za-z][A-Za-z0-9_-]*):[ \t]+([^\s#'"{}[\],&*!|>%@`?:-][^\s#]*)[ \t]*$/;
/** Plain scalars the 1.2 core schema reads as numbers, booleans or null rather than text. */
const NOT_TEXT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/** Whether `entries` has one of key `key`: a loop, where `some` made a closure for each line of each report. */
function hasKey(entries: readonly YamlEntry[], key: string): boolean {
  for (const entry of entries) if (entry.key === key) return true;
  return false;
}

/**
 * The usual front matter — `key: word` lines and whole-line comments — read
 * without the YAML parser, which costs more per document than the rest of
 * its analysis. Anything else (quotes, flow collections, numbers, inline
 * comments, a repeated key…) returns undefined and goes to the parser, so
 * the entries are always those the parser would give.
 */
export function readPlainLines(text: string, start: number, end: number): YamlReading | undefined {
  const entries: YamlEntry[] = [];
  let lineStart = start;
  while (lineStart < end) {
    const lineEnd = Math.min(lineBreakAt(text, lineStart), end);
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() !== '' && !line.startsWith('#')) {
      const match = PLAIN_LINE.exec(line);
      const key = match?.[1];
      const value = match?.[2];
      if (key === undefined || value === undefined || value.endsWith(':') || NOT_TEXT.test(value) || hasKey(entries, key)) return undefined;
      const valueStart = lineStart + line.indexOf(value, key.length + 1);
      const scalar = { kind: 'scalar' as const, value, start: valueStart, end: valueStart + value.length };
      entries.push({ key, keyRange: { start: lineStart, end: lineStart + key.length }, range: { start: lineStart, end: scalar.end }, value: scalar });
    }
    lineStart = afterLineBreak(text, lineEnd);
  }
  if (entries.length === 0) return undefined;
  const root: YamlMap = { kind: 'map', entries, start: (entries[0]).keyRange.start, end: (entries[entries.length - 1]).range.end };
  return { root, problems: [] };
}
