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
 * Whether wrapping text[start, end) as `markup` is safe: the passage reads
 * without problems on its own, the markup reads as exactly one claim span
 * around it with nothing rejected, and the article text is the same. A
 * backslash before the passage would escape the new `[`, so it refuses that
 * too. Markup is read paragraph by paragraph and the passage cuts no span,
 * so reading it alone is reading it in place.
 */
export function wrapsCleanly(text: string, start: number, end: number, markup: string): boolean {
  if (start > 0 && text.charCodeAt(start - 1) === 0x5c) return false;
  const passage = parseDocument(text.slice(start, end));
  if (passage.problems.length > 0 || passage.frontMatter !== undefined) return false;
  const wrapped = parseDocument(markup);
  if (wrapped.problems.length > 0 || wrapped.nodes.length !== 1) return false;
  const span = wrapped.nodes[0];
  if (span.kind !== 'span' || span.start !== 0 || span.end !== markup.length || span.block.kind !== 'claim' || span.block.rejected.length > 0) return false;
  return articleText(wrapped).text === articleText(passage).text;
}
