// Writing a proposed claim: the exact replacement text for a passage, and
// the check that applying it keeps the markup valid and the article the same.

import { articleText, parseDocument } from '../parser';

export interface ClaimParts {
  /** Written as `by=@id`; left out when the document's source states the fact. */
  readonly by?: string;
  readonly event?: string;
  readonly hedged: boolean;
  readonly properties: readonly { readonly key: string; readonly value: string }[];
}

/** A value as the markup writes it: bare when it can be, else quoted with `\"` and `\\`. */
export function writeValue(value: string): string {
  if (/^[\p{L}\p{N}@~<>=?._:/+-]+$/u.test(value) && !value.startsWith('"')) return value;
  return `"${value.replace(/\s+/gu, ' ').replace(/[\\"]/gu, (c) => `\\${c}`)}"`;
}

/** The claim block for some parts: `{claim by=@x event=@e hedged key=value …}`. */
export function claimBlock(parts: ClaimParts): string {
  const tokens = ['claim'];
  if (parts.by !== undefined) tokens.push(`by=@${parts.by}`);
  if (parts.event !== undefined) tokens.push(`event=@${parts.event}`);
  if (parts.hedged) tokens.push('hedged');
  for (const { key, value } of parts.properties) tokens.push(`${key}=${writeValue(value)}`);
  return `{${tokens.join(' ')}}`;
}

/** Whether text[start, end) holds only spaces and tabs. */
function blank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

/** The start of the line holding `offset`. */
function lineStart(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--;
  return at;
}

/** The end of the line holding `offset`, before its line break. */
function lineEnd(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
  return at;
}

/** Past the line break at `at`. */
function afterBreak(text: string, at: number): number {
  return text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1;
}

/**
 * The paragraph holding [start, end): the lines around it up to a blank
 * line, the end of the front matter (`body`) or the ends of the text. The
 * parser reads markup paragraph by paragraph, so a paragraph read alone
 * reads as it does in place.
 */
function paragraphAround(text: string, start: number, end: number, body: number): { start: number; end: number } {
  let from = lineStart(text, start);
  while (from > body) {
    const previous = lineStart(text, from - 1 - (text[from - 1] === '\n' && text[from - 2] === '\r' ? 1 : 0));
    const previousEnd = lineEnd(text, previous);
    if (previous < body || blank(text, previous, previousEnd)) break;
    from = previous;
  }
  from = Math.max(from, body);
  let to = lineEnd(text, end);
  while (to < text.length) {
    const next = afterBreak(text, to);
    const nextEnd = lineEnd(text, next);
    if (blank(text, next, nextEnd)) break;
    to = nextEnd;
  }
  return { start: from, end: to };
}

/** A paragraph read alone; a line break before it keeps a `---` that opens it from reading as front matter. */
function readParagraph(text: string): ReturnType<typeof parseDocument> {
  return parseDocument(`\n${text}`);
}

/** A passage to wrap and its replacement. */
export interface Wrap {
  readonly start: number;
  readonly end: number;
  readonly markup: string;
}

const BLANK_LINE = /\r?\n[ \t]*\r?\n|\r[ \t]*\r/u;

/** Past this many wraps in one paragraph whose batch fails, they are refused together rather than checked one by one. */
const MAX_CHECKED_ONE_BY_ONE = 64;

function claimsIn(parsed: ReturnType<typeof parseDocument>): number {
  return parsed.spans.filter((span) => span.block.kind === 'claim' && span.block.rejected.length === 0).length;
}

/** Applies wraps (sorted, disjoint, inside [from, to)) to text[from, to). */
function applied(text: string, from: number, to: number, wraps: readonly Wrap[]): string {
  let out = '';
  let at = from;
  for (const wrap of wraps) {
    out += text.slice(at, wrap.start) + wrap.markup;
    at = wrap.end;
  }
  return out + text.slice(at, to);
}

/**
 * Why each wrap of text[start, end) as its markup would not be safe, or
 * undefined where it is: the paragraph around it must read without
 * problems, and with the markup in place still read without problems, hold
 * one more claim span per wrap, and give the same article text. A passage
 * across a blank line is refused outright: a span ends with its paragraph.
 * `body` is where the article starts (after the front matter). The wraps
 * (sorted, disjoint) of one paragraph are checked together, so a document
 * is read about twice, not once per wrap.
 */
export function wrapProblems(text: string, wraps: readonly Wrap[], body = 0): (string | undefined)[] {
  const problems: (string | undefined)[] = [];
  for (let i = 0; i < wraps.length; ) {
    if (BLANK_LINE.test(text.slice(wraps[i].start, wraps[i].end))) {
      problems.push('a claim span cannot cross a blank line, the end of a paragraph');
      i++;
      continue;
    }
    const paragraph = paragraphAround(text, wraps[i].start, wraps[i].end, body);
    let j = i + 1;
    while (j < wraps.length && wraps[j].end <= paragraph.end && !BLANK_LINE.test(text.slice(wraps[j].start, wraps[j].end))) j++;
    const group = wraps.slice(i, j);
    const before = readParagraph(text.slice(paragraph.start, paragraph.end));
    const check = (some: readonly Wrap[]) => {
      const after = readParagraph(applied(text, paragraph.start, paragraph.end, some));
      if (after.problems.length > 0 || claimsIn(after) !== claimsIn(before) + some.length) return 'a bracket or a backslash in it would pair with the new markup';
      return articleText(after).text === articleText(before).text ? undefined : 'wrapping it would change the article text';
    };
    if (before.problems.length > 0) problems.push(...group.map(() => 'its paragraph has markup problems to fix first'));
    else if (check(group) === undefined) problems.push(...group.map(() => undefined));
    else if (group.length > MAX_CHECKED_ONE_BY_ONE) problems.push(...group.map(() => 'a bracket or a backslash in its paragraph would pair with the new markup'));
    else problems.push(...group.map((wrap) => check([wrap])));
    i = j;
  }
  return problems;
}

/** Why wrapping one passage as `markup` would not be safe (see wrapProblems), or undefined. */
export function wrapProblem(text: string, start: number, end: number, markup: string, body = 0): string | undefined {
  return wrapProblems(text, [{ start, end, markup }], body)[0];
}
