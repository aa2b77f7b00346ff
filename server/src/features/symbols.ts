// Outline and symbol search. A document's outline is its claims and mentions,
// nested as the spans nest; corroborate.yaml's is its sections and entries.
// Workspace symbols are the registry's entities and properties.

import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { foldText } from '../engine/aliases';
import type { Corpus } from '../engine/corpus';
import type { Claim } from '../engine/claims';
import { shorten } from '../engine/names';
import { REGISTRY_FILE, type PropertyEntry } from '../engine/registry';
import { walkInline } from '../engine/spans';
import type { SpanNode, TextRange } from '../engine/syntax';
import type { FileRange } from './locate';
import { entityKindLabel } from './present';

export interface DocumentSymbolNode {
  readonly name: string;
  readonly detail?: string;
  /** Spans in documents; sections, entities and properties in corroborate.yaml. */
  readonly kind: 'claim' | 'mention' | 'skip' | 'section' | 'actor' | 'place' | 'event' | 'property';
  readonly range: TextRange;
  /** What to select when the symbol is picked: a span's text, an entry's key. */
  readonly selectionRange: TextRange;
  readonly children: DocumentSymbolNode[];
}

export interface WorkspaceSymbol {
  readonly name: string;
  readonly kind: 'actor' | 'place' | 'event' | 'property';
  readonly detail?: string;
  readonly location: FileRange;
}

/** Names are read in a narrow outline: long span texts and values are cut. */
const MAX_NAME = 80;

function excerpt(text: string, max = MAX_NAME): string {
  return shorten(text, max);
}

/**
 * The start of a span's text, markup removed, cut for a name. Only the start
 * is read: each of thousands of nested spans holds all the text and spans
 * inside it, and reading it whole made the outline quadratic.
 */
function spanName(text: string, span: SpanNode, max: number): string {
  const enough = 4 * max;
  let out = '';
  // Nodes visited are bounded too: text may lie under thousands of nested spans.
  let visits = 0;
  let cut = false;
  walkInline<SpanNode>(span.children, {
    leaf: (node) => {
      visits++;
      out += node.kind === 'text' ? text.slice(node.start, Math.min(node.end, node.start + enough - out.length)) : node.char;
    },
    enter: () => visits++,
    until: () => (cut = out.length >= enough || visits >= enough),
  });
  const name = excerpt(out, max);
  return cut && !name.endsWith('…') ? `${name}…` : name;
}

/** Spans nest at most 32 deep in valid markup; deeper ones are listed flat at this depth, so the outline stays a shallow tree. */
const MAX_OUTLINE_DEPTH = 32;

export function documentSymbols(corpus: Corpus, file: string): DocumentSymbolNode[] {
  if (file === REGISTRY_FILE) return registrySymbols(corpus);
  const facts = corpus.document(file);
  if (!facts) return [];
  // By where each claim's span starts: the tree may have been parsed again since the claims were read (see TreeCache).
  const claims = new Map<number, Claim>(facts.claims.map((claim) => [claim.start, claim]));
  const roots: DocumentSymbolNode[] = [];
  // Spans come outer before inner; the stack holds the open symbols around
  // the current span, so nesting needs no recursion however deep it goes.
  const open: DocumentSymbolNode[] = [];
  let skipEnd = -1;
  for (const span of facts.parsed.spans) {
    // Inside {skip} nothing is read as markup of the article.
    if (span.start < skipEnd) continue;
    const symbol = spanSymbol(corpus, facts.text, span, claims.get(span.start));
    if (!symbol) continue;
    if (span.block.kind === 'skip') skipEnd = span.end;
    while ((open.at(-1)?.range.end ?? Infinity) <= span.start) open.pop();
    const parent = open.at(-1);
    (parent ? parent.children : roots).push(symbol);
    if (open.length < MAX_OUTLINE_DEPTH) open.push(symbol);
  }
  return roots;
}

function spanSymbol(corpus: Corpus, text: string, span: SpanNode, claim: Claim | undefined): DocumentSymbolNode | undefined {
  const range = { start: span.start, end: span.end };
  const selectionRange = span.close > span.start + 1 ? { start: span.start + 1, end: span.close } : range;
  const block = span.block;
  switch (block.kind) {
    case 'mention': {
      const ids = block.refs.map((ref) => `@${ref.id}`).join(' ');
      const names = block.refs.map((ref) => corpus.registry.entities.get(ref.id)?.name ?? `unknown @${ref.id}`);
      return { name: `${spanName(text, span, MAX_NAME / 2)} → ${ids}`, detail: names.join(', '), kind: 'mention', range, selectionRange, children: [] };
    }
    case 'claim': {
      const claimant = claim?.claimant !== undefined ? `@${claim.claimant}` : 'claim';
      const asserted = block.properties.map((attribute) => `${attribute.key}=${attribute.value.raw}`).join(', ');
      const eventId = block.event?.value.ref;
      const event = eventId !== undefined ? (corpus.registry.entities.get(eventId)?.name ?? `@${eventId}`) : 'no event';
      return {
        name: excerpt(asserted ? `${claimant}: ${asserted}` : `${claimant}: ${event}`),
        detail: `${event}${block.hedged ? ' · hedged' : ''}`,
        kind: 'claim',
        range,
        selectionRange,
        children: [],
      };
    }
    case 'skip':
      return { name: 'skip', detail: spanName(text, span, MAX_NAME / 2), kind: 'skip', range, selectionRange, children: [] };
    case 'invalid':
      return undefined;
  }
}

const SECTION_CHILD: Record<string, DocumentSymbolNode['kind']> = { properties: 'property', actors: 'actor', places: 'place', events: 'event', vague: 'property' };

/** A key of the YAML document as the registry reads keys (numbers and booleans as written). */
function keyText(pair: Pair): string | undefined {
  if (!isScalar(pair.key)) return undefined;
  const value = pair.key.value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** A `key: value` entry of the document: its key's range, and the whole entry's. */
interface Entry {
  readonly key: string;
  readonly keyRange: TextRange;
  readonly range: TextRange;
  readonly value: unknown;
}

function entriesOf(map: unknown): Entry[] {
  if (!isMap(map)) return [];
  return map.items.flatMap((pair) => {
    const key = keyText(pair);
    const keyRange = (pair.key as Node).range;
    if (key === undefined || !keyRange) return [];
    const end = (pair.value as Node | null)?.range?.[1] ?? keyRange[1];
    return [{ key, keyRange: { start: keyRange[0], end: keyRange[1] }, range: { start: keyRange[0], end: Math.max(keyRange[1], end) }, value: pair.value }];
  });
}

/**
 * corroborate.yaml: each top-level section, with its entries, from the one
 * document the registry parsed (an entry an alias copies is listed where it
 * is written, once).
 */
function registrySymbols(corpus: Corpus): DocumentSymbolNode[] {
  const document = corpus.registry.parsed?.document;
  if (!document) return [];
  return entriesOf(document.contents).map((section) => {
    const childKind = SECTION_CHILD[section.key];
    const children = childKind === undefined ? [] : entriesOf(section.value).map((entry) => registryEntrySymbol(corpus, section.key, childKind, entry));
    const detail = section.key === 'documents' ? corpus.registry.documents.map((glob) => glob.value).join(', ') : `${children.length}`;
    return { name: section.key, detail, kind: 'section', range: section.range, selectionRange: section.keyRange, children };
  });
}

function propertyDetail(property: PropertyEntry): string {
  const type = property.type === 'enum' ? `enum: ${property.values.join(' | ')}` : property.type === 'entity' ? `entity: ${property.kind ?? ''}` : property.type;
  const cues = property.cues.length + [...property.valueCues.values()].reduce((n, list) => n + list.length, 0);
  return [type, ...(property.measure ? [`measure: ${property.measure.value}`] : []), ...(cues > 0 ? [`${cues} ${cues === 1 ? 'cue' : 'cues'}`] : [])].join(' · ');
}

function registryEntrySymbol(corpus: Corpus, section: string, kind: DocumentSymbolNode['kind'], entry: Entry): DocumentSymbolNode {
  const registry = corpus.registry;
  let detail: string | undefined;
  const children: DocumentSymbolNode[] = [];
  if (section === 'properties') {
    const property = registry.properties.get(entry.key);
    if (property) detail = propertyDetail(property);
  } else if (section === 'vague') {
    const vague = registry.vague.get(entry.key);
    if (vague?.phraseRange.start === entry.keyRange.start) detail = `≈ ${vague.written}`;
  } else {
    const entity = registry.entities.get(entry.key);
    // A duplicate id is listed in its section but named by its first entry.
    if (entity && entity.idRange.start === entry.keyRange.start) {
      detail = entity.name === entity.id ? entity.kind : `${entity.name}${entity.kind !== undefined ? ` · ${entity.kind}` : ''}`;
      for (const estimate of entity.estimate.values()) {
        const range = { start: estimate.keyRange.start, end: Math.max(estimate.keyRange.end, estimate.end) };
        // Read through a YAML alias, an estimate may be written outside this entry: it is listed where it is.
        if (range.start < entry.range.start || range.end > entry.range.end) continue;
        children.push({ name: `estimate: ${estimate.property}`, detail: estimate.value, kind: 'property', range, selectionRange: estimate.keyRange, children: [] });
      }
    }
  }
  return { name: entry.key, ...(detail !== undefined ? { detail } : {}), kind, range: entry.range, selectionRange: entry.keyRange, children };
}

// ---------------------------------------------------------------------------
// Workspace symbols

/** Case- and accent-folded, as aliases are matched: "niafunke" finds Niafunké. */
function fold(text: string): string {
  return foldText(text).folded;
}

/**
 * How well `candidate` matches: 0 starts with the query, 1 contains it, 2
 * spells it with the starts of its words in order ("attnia" is "Attack on
 * the Niafunké camp"); undefined not at all. A looser subsequence match
 * would find "outc" in "Front de libération du Macina".
 */
function matchTier(query: string, candidate: string): number | undefined {
  const folded = fold(candidate);
  const at = folded.indexOf(query);
  if (at === 0) return 0;
  if (at > 0) return 1;
  const compact = query.replace(/[^\p{L}\p{N}]+/gu, '');
  if (compact === '') return undefined;
  return spelledByWordStarts(compact, folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '')) ? 2 : undefined;
}

/** Whether `query` splits into pieces that begin words of `words`, in order. */
function spelledByWordStarts(query: string, words: readonly string[]): boolean {
  // reachable[i]: query[0, i) is spelled by words before the one being tried.
  let reachable = new Set<number>([0]);
  for (const word of words) {
    const next = new Set(reachable);
    for (const from of reachable) {
      for (let length = 1; from + length <= query.length && length <= word.length && word.charCodeAt(length - 1) === query.charCodeAt(from + length - 1); length++) {
        next.add(from + length);
      }
    }
    reachable = next;
    if (reachable.has(query.length)) return true;
  }
  return false;
}

interface Ranked {
  readonly symbol: WorkspaceSymbol;
  readonly tier: number;
}

/**
 * Entities (by name, id or alias) and properties (by key) matching the
 * query, folded for case and accents, closest matches first; an empty query
 * lists them all. When only an alias or the id matches, the name shows it,
 * because editors filter the results again by their name.
 */
export function workspaceSymbols(corpus: Corpus, query: string): WorkspaceSymbol[] {
  const wanted = fold(query).replace(/\s+/g, ' ').trim();
  const ranked: Ranked[] = [];
  for (const entity of corpus.registry.entities.values()) {
    const location: FileRange = { file: REGISTRY_FILE, start: entity.idRange.start, end: entity.idRange.end };
    const candidates: { name: string; tier: number | undefined }[] = [
      { name: entity.name, tier: matchTier(wanted, entity.name) },
      { name: `${entity.name} (@${entity.id})`, tier: matchTier(wanted, entity.id) },
      ...entity.aliases.map((alias) => ({ name: `${entity.name} (${alias.value})`, tier: matchTier(wanted, alias.value) })),
    ];
    let best: { name: string; tier: number } | undefined;
    for (const { name, tier } of candidates) if (tier !== undefined && (!best || tier < best.tier)) best = { name, tier };
    if (!best) continue;
    ranked.push({ tier: best.tier, symbol: { name: best.name, kind: entity.section, detail: `@${entity.id} · ${entityKindLabel(entity)}`, location } });
  }
  for (const property of corpus.registry.properties.values()) {
    const tier = matchTier(wanted, property.key);
    if (tier === undefined) continue;
    const location: FileRange = { file: REGISTRY_FILE, start: property.keyRange.start, end: property.keyRange.end };
    ranked.push({ tier, symbol: { name: property.key, kind: 'property', detail: `property · ${property.type}`, location } });
  }
  // Stable: within a tier, registry order.
  return ranked.sort((a, b) => a.tier - b.tier).map((r) => r.symbol);
}
