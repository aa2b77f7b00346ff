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

/**
 * Why wrapping text[start, end) as `markup` would not be safe, or undefined
 * when it is: the passage must read without problems on its own and hold no
 * blank line, the markup must read as exactly one claim span around it with
 * nothing rejected, and the article text must stay the same. A backslash
 * before the passage would escape the new `[`. Markup is read paragraph by
 * paragraph and the passage cuts no span, so reading it alone is reading it
 * in place.
 */
export function wrapProblem(text: string, start: number, end: number, markup: string): string | undefined {
  if (start > 0 && text.charCodeAt(start - 1) === 0x5c) return 'a backslash just before it would escape the new [';
  const passage = text.slice(start, end);
  if (/\r?\n[ \t]*\r?\n|\r[ \t]*\r/u.test(passage)) return 'a claim span cannot cross a blank line, the end of a paragraph';
  const alone = parseDocument(passage);
  if (alone.problems.length > 0 || alone.frontMatter !== undefined) return 'its markup has problems to fix first';
  const wrapped = parseDocument(markup);
  const span = wrapped.nodes[0];
  if (wrapped.problems.length > 0 || wrapped.nodes.length !== 1 || span.kind !== 'span' || span.start !== 0 || span.end !== markup.length || span.block.kind !== 'claim' || span.block.rejected.length > 0) {
    return 'a bracket in it would pair with the new ones';
  }
  return articleText(wrapped).text === articleText(alone).text ? undefined : 'wrapping it would change the article text';
}
