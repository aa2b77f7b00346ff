// Completion inside `{…}` blocks: entity ids, claim attributes and property
// values. The block under the cursor is usually half-typed; the parser keeps
// the tokens of such blocks, so the context is read from the tree, never by
// scanning the text again.

import type { Corpus } from '../engine/corpus';
import { entitiesNamedBy, type DocumentFacts } from '../engine/document';
import { isIdAt, isIdCharacter } from '../engine/names';
import { REGISTRY_FILE, type PropertyEntry } from '../engine/registry';
import { blockAt, blockTokens } from '../engine/spans';
import type { BlockToken, SpanNode, TextRange } from '../engine/syntax';
import type { EntitySection } from '../engine/values';
import { entityKindLabel } from './present';

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

export function complete(corpus: Corpus, file: string, offset: number): CompletionEntry[] {
  if (file === REGISTRY_FILE) return [];
  const facts = corpus.document(file);
  if (!facts || offset < 0 || offset > facts.text.length) return [];
  const at = blockAt(facts.parsed, offset);
  if (!at) return [];
  const text = facts.text;
  const tokens = blockTokens(at.block);
  const current = tokens.find((token) => token.start <= offset && offset <= token.end);
  const tokenStart = current?.start ?? offset;
  const typed = text.slice(tokenStart, offset);
  // Inside a quoted string, or after one: free text, nothing to offer.
  if (typed.includes('"')) return [];
  const first = tokens[0] !== undefined && tokens[0].start < tokenStart ? text.slice(tokens[0].start, tokens[0].end) : undefined;
  const replace = tokenRange(text, tokenStart, offset);
  if (first === undefined) {
    if (typed.startsWith('@')) return entityItems(corpus, undefined, typed, replace, mentionedBySpanText(corpus, facts, at.span));
    return blockKeywords(replace);
  }
  if (first.startsWith('@')) {
    if (typed !== '' && !typed.startsWith('@')) return [];
    return entityItems(corpus, undefined, typed, replace, mentionedBySpanText(corpus, facts, at.span));
  }
  if (first !== 'claim') return [];
  if (current?.key !== undefined && current.value !== undefined && current.value.start <= offset) {
    const key = text.slice(current.key.start, current.key.end);
    const value = text.slice(current.value.start, offset);
    return valueItems(corpus, key, value, tokenRange(text, current.value.start, offset), () => namedInSpan(corpus, facts, at.span));
  }
  if (typed.startsWith('#')) return [];
  return attributeItems(corpus, text, tokens.slice(1).filter((token) => token !== current), replace);
}

/** From `start` to the end of the id being typed, so accepting replaces the whole word, not just its head. */
function tokenRange(text: string, start: number, offset: number): TextRange {
  let end = offset;
  if (end === start && text.charCodeAt(end) === 0x40) end++;
  while (end < text.length && isIdCharacter(text.charCodeAt(end))) end++;
  return { start, end };
}

/** Entities the mention's text is an alias of: `[Le GSIM]{@` puts @jnim first. */
function mentionedBySpanText(corpus: Corpus, facts: DocumentFacts, span: SpanNode | undefined): ReadonlySet<string> {
  return new Set(span ? entitiesNamedBy(corpus.aliases, facts.text, span) : []);
}

/** Entities a claim's text refers to or names, so `by=@` offers the parties in the sentence first. */
function namedInSpan(corpus: Corpus, facts: DocumentFacts, span: SpanNode | undefined): ReadonlySet<string> {
  const ids = new Set<string>();
  if (!span) return ids;
  for (const reference of facts.references) if (reference.start > span.start && reference.end <= span.close) ids.add(reference.id);
  for (const match of corpus.aliases.scan(facts.text, span.start + 1, span.close)) for (const id of match.entityIds) ids.add(id);
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
function attributeItems(corpus: Corpus, text: string, otherTokens: readonly BlockToken[], replace: TextRange): CompletionEntry[] {
  const used = new Set<string>();
  let hasId = false;
  for (const token of otherTokens) {
    const written = text.slice(token.start, token.end);
    if (token.key !== undefined && isIdAt(text, token.key.start, token.key.end)) used.add(text.slice(token.key.start, token.key.end));
    else if (written === 'hedged') used.add(written);
    else if (written.startsWith('#')) hasId = true;
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
