// How the features put the engine's answers into words: Markdown made inert,
// ids as code, counts with their noun, lists cut to a glance, values as a
// reader says them. Presentation only: what is said comes from the engine.

import type { Corpus } from '../engine/corpus';
import { shorten } from '../engine/names';
import type { Entity, PropertyEntry } from '../engine/registry';
import type { ClaimValue } from '../engine/values';

/** Past this, a list says "+N more": a hover is read at a glance. */
export const MAX_LISTED = 6;
const MAX_TEXT_VALUE = 60;

const SECTION_WORD: Record<Entity['section'], string> = { actor: 'actor', place: 'place', event: 'event' };

/**
 * User text made inert: Markdown punctuation escaped, so a name such as
 * `a_b | c*` shows as written and cannot break a table, and `&amp;` is not
 * read as an entity reference; whitespace runs become one space, so a
 * wrapped description stays one paragraph.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]{}<>|#~&]/g, (c) => `\\${c}`)
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** `@id` as code: ids are `[A-Za-z0-9_-]`, but front matter may hold anything, so backticks are dropped. */
export function code(id: string): string {
  return `\`@${id.replace(/`/g, '')}\``;
}

/** "1 claim", "3 claims". */
export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/** `a, b, c (+2 more)`. */
export function listed(items: readonly string[], max = MAX_LISTED): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} (+${items.length - max} more)` : shown;
}

/** "actor · armed-group", "place", "event": the section and the registry's descriptive kind. */
export function entityKindLabel(entity: Entity): string {
  return entity.kind !== undefined ? `${SECTION_WORD[entity.section]} · ${entity.kind}` : SECTION_WORD[entity.section];
}

/** An entity's name, or its `@id` when the registry does not know it. */
export function entityName(corpus: Corpus, id: string): string {
  return corpus.registry.entities.get(id)?.name ?? `@${id}`;
}

/**
 * A value as a reader says it, in plain text: `>=20` is "≥ 20", `~50` "about
 * 50", `@niafunke` "Niafunké", free text in quotes (cut past 60 characters).
 * `written` is the value unquoted and unescaped (Assertion.valueText): a
 * quoted `">=20"` is the same value as `>=20`, and reads the same.
 */
export function valueText(corpus: Corpus, property: PropertyEntry, value: ClaimValue, written: string): string {
  switch (value.type) {
    case 'unknown':
      return 'not given (?)';
    case 'enum':
      return value.value;
    case 'entity':
      return entityName(corpus, value.id);
    case 'text':
      return `“${shorten(value.text, MAX_TEXT_VALUE)}”`;
    case 'interval':
      if (property.type === 'date') return written.replace('..', ' to ');
      return written
        .replace(/^>=/, '≥ ')
        .replace(/^<=/, '≤ ')
        .replace(/^>(?=\d)/, '> ')
        .replace(/^<(?=\d)/, '< ')
        .replace(/^~/, 'about ')
        .replace('..', '–');
  }
}

/** valueText in Markdown, made inert; `compact` shows an entity as its `@id` in code. */
export function valueInWords(corpus: Corpus, property: PropertyEntry, value: ClaimValue, written: string, compact = false): string {
  if (value.type === 'entity' && compact) return code(value.id);
  if (value.type === 'text') return `“${escapeMarkdown(shorten(value.text, MAX_TEXT_VALUE))}”`;
  return escapeMarkdown(valueText(corpus, property, value, written));
}

/** An event whose claims matrix a hover link, a code lens or a code action opens. */
export interface MatrixTarget {
  readonly event: string;
}
