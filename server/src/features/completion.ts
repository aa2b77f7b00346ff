// Completion inside `{…}` blocks: entity ids, claim attributes and property
// values. The block under the cursor is usually half-typed; the parser keeps
// the tokens of such blocks, so the context is read from the tree, never by
// scanning the text again. Entity ids come filtered by what is typed and
// at most MAX_ENTITY_ENTRIES at a time (the list says when it is cut, so the
// editor asks again as the analyst types); an entity's description is sent
// only for the entry the editor shows (`entityResolution`).

import type { Corpus } from '../engine/corpus';
import { entitiesNamedBy, type DocumentFacts } from '../engine/document';
import { isIdAt, isIdCharacter } from '../engine/names';
import { REGISTRY_FILE, type Entity, type PropertyEntry, type Registry } from '../engine/registry';
import { blockAt, blockTokens } from '../engine/spans';
import type { BlockToken, SpanNode, TextRange } from '../engine/syntax';
import type { EntitySection } from '../engine/values';
import { entityKindLabel } from './present';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'entity' | 'property' | 'value' | 'keyword';
  readonly detail?: string;
  readonly documentation?: string;
  /** The entity an entry inserts: its documentation is asked for separately, see entityResolution(). */
  readonly entity?: string;
  readonly insertText: string;
  /** The partial token being typed, which the entry replaces. */
  readonly replace: TextRange;
  readonly filterText?: string;
  readonly sortText?: string;
}

export interface CompletionResult {
  readonly entries: readonly CompletionEntry[];
  /** Entries were left out: typing more (or less) must ask again, the editor cannot filter this list alone. */
  readonly isIncomplete: boolean;
}

/**
 * Past this many entity ids, the list is cut (the parties the block's text
 * names first, then ids starting with what is typed): a registry of
 * thousands of entities would otherwise cost every keystroke the whole list.
 */
export const MAX_ENTITY_ENTRIES = 100;

const NOTHING: CompletionResult = { entries: [], isIncomplete: false };

export function complete(corpus: Corpus, file: string, offset: number): CompletionResult {
  if (file === REGISTRY_FILE) return NOTHING;
  const facts = corpus.document(file);
  if (!facts || offset < 0 || offset > facts.text.length) return NOTHING;
  const at = blockAt(facts.parsed, offset);
  if (!at) return NOTHING;
  const text = facts.text;
  const tokens = blockTokens(at.block);
  const current = tokens.find((token) => token.start <= offset && offset <= token.end);
  const tokenStart = current?.start ?? offset;
  const typed = text.slice(tokenStart, offset);
  // Inside a quoted string, or after one: free text, nothing to offer.
  if (typed.includes('"')) return NOTHING;
  const first = tokens[0] !== undefined && tokens[0].start < tokenStart ? text.slice(tokens[0].start, tokens[0].end) : undefined;
  const replace = tokenRange(text, tokenStart, offset);
  if (first === undefined) {
    if (typed.startsWith('@')) return entityItems(corpus, undefined, typed, replace, mentionedBySpanText(corpus, facts, at.span));
    return whole(blockKeywords(replace));
  }
  if (first.startsWith('@')) {
    if (typed !== '' && !typed.startsWith('@')) return NOTHING;
    return entityItems(corpus, undefined, typed, replace, mentionedBySpanText(corpus, facts, at.span));
  }
  if (first !== 'claim') return NOTHING;
  if (current?.key !== undefined && current.value !== undefined && current.value.start <= offset) {
    const key = text.slice(current.key.start, current.key.end);
    const value = text.slice(current.value.start, offset);
    return valueItems(corpus, key, value, tokenRange(text, current.value.start, offset), () => namedInSpan(corpus, facts, at.span));
  }
  if (typed.startsWith('#')) return NOTHING;
  return whole(attributeItems(corpus, text, tokens.slice(1).filter((token) => token !== current), replace));
}

/** A list the editor can filter on its own. */
function whole(entries: readonly CompletionEntry[]): CompletionResult {
  return { entries, isIncomplete: false };
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

function entityItems(corpus: Corpus, section: EntitySection | undefined, typed: string, replace: TextRange, preferred: ReadonlySet<string>): CompletionResult {
  // Typed without its `@` (`by=jn`), the id alone must match what is typed.
  const withAt = typed === '' || typed.startsWith('@');
  const query = (withAt ? typed.slice(1) : typed).toLowerCase();
  // In id order, the parties the text names first, then by how well the id fits what is typed: the cut keeps the first,
  // so no rank needs more than MAX_ENTITY_ENTRIES ids.
  const ranked: IdEntry[][] = [[], [], [], []];
  let candidates = 0;
  for (const id of idsInOrder(corpus.registry)) {
    if (section !== undefined && id.entity.section !== section) continue;
    candidates++;
    const rank = matchRank(id.folded, query);
    if (rank === undefined) continue;
    const into = ranked[preferred.has(id.entity.id) ? 0 : rank + 1];
    if (into.length < MAX_ENTITY_ENTRIES) into.push(id);
  }
  const entries: CompletionEntry[] = [];
  for (const rank of ranked) {
    for (const id of rank) {
      if (entries.length === MAX_ENTITY_ENTRIES) break;
      entries.push({
        label: id.label,
        kind: 'entity',
        detail: id.detail,
        entity: id.entity.id,
        insertText: id.label,
        replace,
        filterText: withAt ? id.label : id.entity.id,
        sortText: preferred.has(id.entity.id) ? id.preferredSortText : id.sortText,
      });
    }
  }
  return { entries, isIncomplete: entries.length < candidates };
}

/** What each keystroke's list reads of an entity, written once per registry: its id folded for matching, and its entry's strings. */
interface IdEntry {
  readonly entity: Entity;
  readonly folded: string;
  readonly label: string;
  readonly detail: string;
  readonly sortText: string;
  readonly preferredSortText: string;
}

const inIdOrder = new WeakMap<Registry, readonly IdEntry[]>();

/**
 * The registry's entities sorted by id, with their entries' strings: made
 * once per registry (the language server asks with `prepareCompletion` once
 * a new registry's diagnostics are out), not by the first keystroke after an
 * edit of it. One shape for every entry, whatever the entity and the
 * registry: read from the entities themselves, the request's loop was sent
 * back to the interpreter (`--trace-deopt`: wrong map) within one registry
 * and again after an edit of it.
 */
function idsInOrder(registry: Registry): readonly IdEntry[] {
  let sorted = inIdOrder.get(registry);
  if (!sorted) {
    sorted = [...registry.entities.values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((entity) => ({ entity, folded: entity.id.toLowerCase(), label: `@${entity.id}`, detail: entityDetail(entity), sortText: `1${entity.id}`, preferredSortText: `0${entity.id}` }));
    inIdOrder.set(registry, sorted);
  }
  return sorted;
}

/** Makes what completion keeps per registry now, so that no keystroke after a registry edit waits for it. */
export function prepareCompletion(registry: Registry): void {
  idsInOrder(registry);
}

/**
 * Whether an id is offered for what is typed, and how well it fits: 0 when
 * it starts with it, 1 when one of its words does (`army` in
 * `malian-army`), 2 when its letters only appear in order. Editors filter
 * the list again with their own fuzzy matching, which never keeps an id
 * whose letters are not there in order: none they would show is left out.
 */
function matchRank(id: string, query: string): number | undefined {
  if (id.startsWith(query)) return 0;
  let at = 0;
  for (let k = 0; k < id.length && at < query.length; k++) if (id[k] === query[at]) at++;
  if (at < query.length) return undefined;
  return id.split(/[-_.]/).some((word) => word.startsWith(query)) ? 1 : 2;
}

function entityDetail(entity: Entity): string {
  return `${entity.name} — ${entityKindLabel(entity)}`;
}

/** An entity's entry as the editor shows it (completionItem/resolve): its detail, as in the list, and its description. */
export function entityResolution(corpus: Corpus, id: string): { readonly detail: string; readonly documentation?: string } | undefined {
  const entity = corpus.registry.entities.get(id);
  if (!entity) return undefined;
  return { detail: entityDetail(entity), ...(entity.description !== undefined ? { documentation: entity.description } : {}) };
}

const UNKNOWN_VALUE_DETAIL = 'declined or unknown: shown, never in conflict';

function unknownValue(replace: TextRange): CompletionEntry {
  return { label: '?', kind: 'value', detail: UNKNOWN_VALUE_DETAIL, insertText: '?', replace, sortText: '9' };
}

function valueItems(corpus: Corpus, key: string, typed: string, replace: TextRange, named: () => ReadonlySet<string>): CompletionResult {
  if (key === 'by') return entityItems(corpus, 'actor', typed, replace, named());
  if (key === 'event') return entityItems(corpus, 'event', typed, replace, named());
  const property = corpus.registry.properties.get(key);
  if (!property) return NOTHING;
  switch (property.type) {
    case 'entity': {
      const ids = entityItems(corpus, property.kind, typed, replace, named());
      return { entries: [...ids.entries, unknownValue(replace)], isIncomplete: ids.isIncomplete };
    }
    case 'enum':
      return whole([
        ...property.values.map((value, index): CompletionEntry => ({
          label: value,
          kind: 'value',
          detail: compatibleNote(property, value),
          insertText: value,
          replace,
          sortText: String(index).padStart(4, '0'),
        })),
        unknownValue(replace),
      ]);
    case 'count':
    case 'date':
      return whole([unknownValue(replace)]);
    case 'text':
      return NOTHING;
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
