// Every edit the server proposes to corroborate.yaml: add an entity,
// acknowledge a dispute, record the desk's assessment and estimate, and the
// registry's part of a rename. They work on the registry's one parsed
// document (the yaml package's Document, with source ranges), so they know
// its real structure: flow or block, explicit keys, block scalars that keep
// their trailing lines, an end marker, nodes that YAML aliases copy. The
// YAML is never re-serialised: the inserted text copies the style around it
// (indentation, line ending), and every byte outside it stays as written.

import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { afterLineBreak, LineIndex, lineBreakAt, lineEnding } from '../engine/lineIndex';
import type { SectionKey } from '../engine/names';
import { readRegistryValue, REGISTRY_FILE, type Registry } from '../engine/registry';
import type { TextRange } from '../engine/syntax';
import { valueKey, type PropertyDefinition } from '../engine/values';
import type { TextEdit } from './locate';

/**
 * A scalar as YAML text: plain when the 1.2 core schema reads it back as the
 * same text (the registry reads numbers and booleans as written), else double
 * quoted. Plain scalars must start with a letter or digit, so indicators such
 * as `>=20`, `~50` or `@x` are always quoted.
 */
export function yamlScalar(value: string): string {
  return isPlainSafe(value) ? value : JSON.stringify(value);
}

function isPlainSafe(value: string): boolean {
  if (!/^[\p{L}\p{N}]/u.test(value) || /[\t\n\v\f\r,[\]{}#"\\]/.test(value) || value !== value.trim()) return false;
  // Read back inside a flow sequence, the strictest place a scalar is written.
  const doc = parseDocument(`[${value}]`, { version: '1.2', schema: 'core' });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
  const seq = doc.contents;
  if (!isSeq(seq) || seq.items.length !== 1) return false;
  return scalarText(seq.items[0]) === value;
}

/** A scalar's value as the registry reads it (numbers and booleans as text); undefined for anything else. */
function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function flowList(values: readonly string[]): string {
  return `[${values.join(', ')}]`;
}

function flowMap(entries: readonly NewEntry[]): string {
  return `{ ${entries.map((e) => `${e.key}: ${e.flow}`).join(', ')} }`;
}

/** The registry as the edits see it: its text, its lines, its line ending, and the parsed document when it may be edited. */
class Source {
  readonly text: string;
  readonly eol: string;
  private readonly lines: LineIndex;

  private constructor(
    private readonly registry: Registry,
    readonly root: Node | null,
  ) {
    this.text = registry.text;
    this.lines = new LineIndex(this.text);
    this.eol = lineEnding(this.text);
  }

  /** Undefined when the file has YAML problems (offsets would land anywhere) or was refused unread. */
  static of(registry: Registry): Source | undefined {
    if (!registry.editable || !registry.parsed) return undefined;
    return new Source(registry, registry.parsed.document.contents);
  }

  /** A node that an alias copies: editing it would edit every copy too. */
  isCopied(node: unknown): boolean {
    return this.registry.parsed?.aliased.has(node as Node) ?? false;
  }

  column(p: number): number {
    return this.lines.positionAt(p).character;
  }

  lineStartAt(p: number): number {
    return p - this.column(p);
  }

  /** The start of the line after the one `p` lies on; the text's end on its last line. */
  nextLineStart(p: number): number {
    const lineBreak = lineBreakAt(this.text, p);
    return lineBreak === this.text.length ? lineBreak : afterLineBreak(this.text, lineBreak);
  }

  /** Lines inserted at `at`: each ends with a line break there at a line start, or each starts with one at the end of a last line. */
  insertLines(at: number, lines: readonly string[]): TextEdit {
    const atLineStart = this.column(at) === 0;
    return insert(at, lines.map((line) => (atLineStart ? line + this.eol : this.eol + line)).join(''));
  }

  /** Where a line can go after a node: past its last line, and past the trailing lines a `|+` scalar keeps. */
  lineAfter(node: Node): number {
    const end = contentEnd(this.text, node);
    if (isKeptBlockScalar(this.text, lastLeaf(node)) && this.column(end) === 0) return end;
    return this.nextLineStart(end);
  }

  /** Where the document's end marker `...` starts, if it has one. */
  endMarker(): number | undefined {
    const document = this.registry.parsed?.document;
    if (!document?.directives.docEnd) return undefined;
    for (let line = this.lineStartAt(Math.min(document.range[1], this.text.length)); line < this.text.length; line = this.nextLineStart(line)) {
      if (this.text.startsWith('...', line) && (line + 3 === this.text.length || /[\s#]/.test(this.text.charAt(line + 3)))) return line;
    }
    return undefined;
  }
}

function rangeOf(node: Node): [number, number] {
  const range = node.range;
  return range ? [range[0], range[1]] : [0, 0];
}

function isBlockCollection(node: unknown): node is YAMLMap | YAMLSeq {
  return (isMap(node) || isSeq(node)) && !node.flow;
}

/** The node whose text ends a node: the last item of a block collection, all the way down. */
function lastLeaf(node: Node): Node {
  let current = node;
  for (;;) {
    if (!isBlockCollection(current) || current.items.length === 0) return current;
    const last = current.items[current.items.length - 1] as Node | Pair;
    if (!isPair(last)) current = last;
    else if (last.value) current = last.value as Node;
    else return last.key as Node;
  }
}

/** `|+` or `>+`: a block scalar whose trailing blank lines are part of its value. */
function isKeptBlockScalar(text: string, node: Node): boolean {
  if (!isScalar(node) || (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED')) return false;
  const [start] = rangeOf(node);
  return /^[|>][1-9]?\+/.test(text.slice(start, start + 3));
}

/** Just after the last character of a node's own content: trailing line breaks and comments excluded, except those a `|+` scalar keeps. */
function contentEnd(text: string, node: Node): number {
  const leaf = lastLeaf(node);
  let end = rangeOf(leaf)[1];
  if (isKeptBlockScalar(text, leaf)) return end;
  // A block scalar's range runs to the end of its last line break.
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}

function pairEnd(text: string, pair: Pair): number {
  const keyEnd = isScalar(pair.key) ? rangeOf(pair.key)[1] : 0;
  const value = pair.value as Node | null;
  return value ? Math.max(keyEnd, contentEnd(text, value)) : keyEnd;
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => scalarText(pair.key) === key);
}

/**
 * An entry to add to a map: its key (written) and its value in flow style,
 * or, for a block map whose entries are written as blocks, the value's lines
 * and how far they are indented under the key.
 */
interface NewEntry {
  readonly key: string;
  readonly flow: string;
  readonly block?: { readonly lines: readonly string[]; readonly indent: number };
}

function entry(key: string, flow: string, block?: NewEntry['block']): NewEntry {
  return { key: yamlScalar(key), flow, ...(block ? { block } : {}) };
}

function entryLines(entry: NewEntry): string[] {
  if (!entry.block) return [`${entry.key}: ${entry.flow}`];
  const fieldIndent = ' '.repeat(entry.block.indent);
  return [`${entry.key}:`, ...entry.block.lines.map((line) => fieldIndent + line)];
}

/** The column a block map's entries start at: that of its first item, the `?` of an explicit key included. */
function blockIndent(source: Source, collection: YAMLMap | YAMLSeq): number {
  return source.column(rangeOf(collection)[0]);
}

/** Adds entries at the end of a map, in the map's own style (flow: before its `}`; block: lines after its last). */
function addToMap(source: Source, map: YAMLMap, entries: readonly NewEntry[]): TextEdit | undefined {
  if (source.isCopied(map)) return undefined;
  const last = map.items[map.items.length - 1];
  if (map.flow) {
    const written = entries.map((e) => `${e.key}: ${e.flow}`);
    if (!last) return insert(rangeOf(map)[0] + 1, ` ${written.join(', ')} `);
    return insert(pairEnd(source.text, last), written.map((w) => `, ${w}`).join(''));
  }
  if (!last) return undefined;
  const indent = ' '.repeat(blockIndent(source, map));
  const lastNode = (last.value ?? last.key) as Node | null;
  if (!lastNode) return undefined;
  return source.insertLines(source.lineAfter(lastNode), entries.flatMap((e) => entryLines(e).map((line) => indent + line)));
}

/** Adds values at the end of a sequence, in its own style. */
function addToSeq(source: Source, seq: YAMLSeq, written: readonly string[]): TextEdit | undefined {
  if (source.isCopied(seq)) return undefined;
  const { text } = source;
  const [start] = rangeOf(seq);
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (seq.flow) {
    if (!last) return insert(start + 1, written.join(', '));
    return insert(contentEnd(text, last), written.map((v) => `, ${v}`).join(''));
  }
  if (!last) return undefined;
  const [lastStart] = rangeOf(last);
  // `      - ` before the last item, reused for the new ones.
  const prefix = text.slice(source.lineStartAt(lastStart), lastStart);
  if (!/^ *- +$/.test(prefix)) return undefined;
  return source.insertLines(source.lineAfter(last), written.map((v) => prefix + v));
}

function insert(at: number, newText: string): TextEdit {
  return { file: REGISTRY_FILE, start: at, end: at, newText };
}

function replace(range: TextRange, newText: string): TextEdit {
  return { file: REGISTRY_FILE, start: range.start, end: range.end, newText };
}

/** Indentation of a block the file gives no example of. */
const DEFAULT_INDENT = 2;

/**
 * Entries for a key with no value yet. In a block map, after an empty value
 * (`actors:` with nothing after it) they go as a block on the next lines;
 * otherwise — an explicit null (`~`, `null`), an empty value in a flow map —
 * the value becomes a flow map.
 */
function fillNull(source: Source, container: YAMLMap, pair: Pair, entries: readonly NewEntry[]): TextEdit | undefined {
  const value = pair.value as Node | null;
  if (value && isScalar(value) && (container.flow || rangeOf(value)[1] > rangeOf(value)[0])) return writeValue(source, value, flowMap(entries));
  if (!isScalar(pair.key) || container.flow) return undefined;
  const [keyStart, keyEnd] = rangeOf(pair.key);
  // Lines under an explicit key without a value (`? attack`) would extend the key itself.
  if (source.text.slice(source.lineStartAt(keyStart), keyStart).includes('?')) return undefined;
  const indent = ' '.repeat(source.column(keyStart) + DEFAULT_INDENT);
  return source.insertLines(source.nextLineStart(keyEnd), entries.flatMap((e) => entryLines(e).map((line) => indent + line)));
}

/**
 * Replaces a scalar value with `written` (a block scalar's trailing lines
 * stay). An empty value has no characters: it is written where it would be,
 * with the spaces YAML needs around it.
 */
function writeValue(source: Source, value: Node, written: string): TextEdit {
  const start = rangeOf(value)[0];
  let end = rangeOf(value)[1];
  if (isScalar(value) && (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED')) {
    while (end > start && /\s/.test(source.text.charAt(end - 1))) end--;
  }
  if (end > start) return replace({ start, end }, written);
  const before = start > 0 && /[ \t]/.test(source.text.charAt(start - 1)) ? '' : ' ';
  const after = /[^\s,\]}]/.test(source.text.charAt(start)) ? ' ' : '';
  return insert(start, before + written + after);
}

function isEmpty(node: unknown): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

/** How far the fields of a block-map entry are indented under its key; undefined for a flow or empty entry. */
function fieldIndentOf(source: Source, map: YAMLMap, pair: Pair | undefined): number | undefined {
  const body = pair?.value as Node | null | undefined;
  if (!body || !isMap(body) || body.flow || body.items.length === 0) return undefined;
  return blockIndent(source, body) - blockIndent(source, map);
}

/** A map under a key of the root, reached without going through a node an alias copies. */
function sectionMap(source: Source, key: string): { readonly pair?: Pair; readonly map?: YAMLMap } | undefined {
  const root = source.root;
  if (root === null) return {};
  if (!isMap(root) || source.isCopied(root)) return undefined;
  const pair = findPair(root, key);
  if (!pair) return {};
  if (isEmpty(pair.value)) return { pair };
  return isMap(pair.value) && !source.isCopied(pair.value) ? { pair, map: pair.value } : undefined;
}

/**
 * Adds `id: { name: … }` under a section, in the style of the entries already
 * there; creates the section at the end of the file (before an end marker)
 * when it is missing. Undefined when the file cannot be edited safely (YAML
 * problems, a section that is not a map, an id already in use).
 */
export function addEntity(registry: Registry, section: SectionKey, id: string, name: string, extra: NewEntityFields = {}): TextEdit | undefined {
  const source = Source.of(registry);
  if (!source || registry.entities.has(id)) return undefined;
  const found = sectionMap(source, section);
  if (!found) return undefined;
  const fields = [
    `name: ${yamlScalar(name)}`,
    ...(extra.aliases !== undefined && extra.aliases.length > 0 ? [`aliases: [${extra.aliases.map(yamlScalar).join(', ')}]`] : []),
    ...(extra.anonymous === true ? ['anonymous: true'] : []),
  ];
  const flow = `{ ${fields.join(', ')} }`;
  const { pair, map } = found;
  if (!pair) {
    const root = source.root;
    if (isMap(root) && root.flow) return addToMap(source, root, [entry(section, `{ ${yamlScalar(id)}: ${flow} }`)]);
    const indent = ' '.repeat(DEFAULT_INDENT);
    const lines = [`${section}:`, `${indent}${yamlScalar(id)}:`, ...fields.map((field) => `${indent}${indent}${field}`)];
    return source.insertLines(source.endMarker() ?? source.text.length, lines);
  }
  const block = { lines: fields, indent: DEFAULT_INDENT };
  if (!map) return isMap(source.root) ? fillNull(source, source.root, pair, [entry(id, flow, block)]) : undefined;
  if (findPair(map, id)) return undefined;
  // New entries look like the last one: a block of fields, or a flow map.
  const fieldIndent = fieldIndentOf(source, map, map.items[map.items.length - 1]);
  return addToMap(source, map, [entry(id, flow, fieldIndent !== undefined ? { lines: fields, indent: fieldIndent } : undefined)]);
}

/** What a new entity records beside its name: the text that named it, and whether it is an unnamed source. */
export interface NewEntityFields {
  readonly aliases?: readonly string[];
  readonly anonymous?: boolean;
}

/** An event's entry in the registry, with its body when that is a map (absent when empty) that no alias copies. */
interface EventEntry {
  readonly events: YAMLMap;
  readonly pair: Pair;
  readonly body?: YAMLMap;
}

function eventEntry(source: Source, eventId: string): EventEntry | undefined {
  const events = sectionMap(source, 'events')?.map;
  const pair = events ? findPair(events, eventId) : undefined;
  if (!events || !pair) return undefined;
  if (isEmpty(pair.value)) return { events, pair };
  const body = pair.value;
  return isMap(body) && !source.isCopied(body) ? { events, pair, body } : undefined;
}

/** Adds entries to an event, whether its body is a map or still empty. */
function addToEvent(source: Source, event: EventEntry, entries: readonly NewEntry[]): TextEdit | undefined {
  return event.body ? addToMap(source, event.body, entries) : fillNull(source, event.events, event.pair, entries);
}

/** Values for a property, as the registry reads them, each meaning once; undefined for a value that is not one of the property's. */
function distinctValues(property: PropertyDefinition, values: readonly string[], known: ReadonlySet<string>): string[] | undefined {
  const seen = new Set(known);
  const out: string[] = [];
  for (const value of values) {
    const reading = readRegistryValue(property, value);
    if (!reading.ok) return undefined;
    const key = valueKey(reading.value);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

/**
 * Records under an event's `disputed:` that `values` of `property` are in
 * acknowledged dispute: adds `disputed: { property: [a, b] }`, or the
 * property to an existing `disputed:`, or the missing values to its list.
 * Values are compared by meaning, as the registry reads them (`@niafunke`
 * and `niafunke`, `~50` and `45..55` are the same value), and one already
 * listed is not repeated; an empty array means there is nothing to add.
 * Undefined when the event or property cannot be found or edited.
 */
export function acknowledgeDispute(registry: Registry, eventId: string, property: string, values: readonly string[]): TextEdit[] | undefined {
  const source = Source.of(registry);
  const definition = registry.properties.get(property);
  const event = source && eventEntry(source, eventId);
  if (!source || !definition || !event) return undefined;
  const listed = registry.entities.get(eventId)?.disputed.get(property);
  const missing = distinctValues(definition, values, listed?.keys ?? new Set());
  if (!missing) return undefined;
  if (missing.length === 0) return [];
  // Entity ids are written as the list already writes them, with their `@` or without.
  const bare = definition.type === 'entity' && listed !== undefined && listed.values.length > 0 && listed.values.every((v) => !v.value.startsWith('@'));
  const written = missing.map((value) => yamlScalar(bare && value.startsWith('@') ? value.slice(1) : value));
  const disputedPair = event.body ? findPair(event.body, 'disputed') : undefined;
  let edit: TextEdit | undefined;
  if (!disputedPair) edit = addToEvent(source, event, [entry('disputed', flowMap([entry(property, flowList(written))]))]);
  else if (!isMap(disputedPair.value) || source.isCopied(disputedPair.value)) return undefined;
  else {
    const list = findPair(disputedPair.value, property)?.value;
    if (list === undefined) edit = addToMap(source, disputedPair.value, [entry(property, flowList(written))]);
    else if (!isSeq(list)) return undefined;
    else edit = addToSeq(source, list, written);
  }
  return edit ? [edit] : undefined;
}

/** What the desk concludes about an event: its assessment in words, and its estimate per property in the claims' value syntax. */
export interface DeskRecord {
  readonly assessment?: string;
  /** Property → value as a claim writes it (`20..50`, `repelled`, `@niafunke`). */
  readonly estimate?: ReadonlyMap<string, string>;
}

/**
 * Writes the desk's assessment and estimate under an event: replaces the
 * values already there, adds the others (`assessment: …`, `estimate: { … }`
 * or entries of an existing `estimate:`). Undefined when the event cannot be
 * edited, or a property is not defined or a value does not read for it (an
 * entity value must name an entity of the property's kind).
 */
export function recordAssessment(registry: Registry, eventId: string, record: DeskRecord): TextEdit[] | undefined {
  const source = Source.of(registry);
  const event = source && eventEntry(source, eventId);
  if (!source || !event) return undefined;
  const edits: TextEdit[] = [];
  const added: NewEntry[] = [];
  if (record.assessment !== undefined) {
    const existing = event.body ? findPair(event.body, 'assessment') : undefined;
    if (existing && !replaceValue(source, existing, yamlScalar(record.assessment), edits)) return undefined;
    if (!existing) added.push(entry('assessment', yamlScalar(record.assessment)));
  }
  const estimate = [...(record.estimate ?? [])];
  for (const [property, value] of estimate) {
    const definition = registry.properties.get(property);
    const reading = definition && readRegistryValue(definition, value);
    if (!reading?.ok) return undefined;
    if (reading.value.type === 'entity' && registry.entities.get(reading.value.id)?.section !== definition?.kind) return undefined;
  }
  if (estimate.length > 0) {
    const estimatePair = event.body ? findPair(event.body, 'estimate') : undefined;
    const map = estimatePair?.value;
    if (!estimatePair) added.push(entry('estimate', flowMap(estimate.map(([p, v]) => entry(p, yamlScalar(v))))));
    else if (isEmpty(map) && event.body) {
      const filled = fillNull(source, event.body, estimatePair, estimate.map(([p, v]) => entry(p, yamlScalar(v))));
      if (!filled) return undefined;
      edits.push(filled);
    } else if (!isMap(map) || source.isCopied(map)) return undefined;
    else {
      const missing: NewEntry[] = [];
      for (const [property, value] of estimate) {
        const pair = findPair(map, property);
        if (pair && !replaceValue(source, pair, yamlScalar(value), edits)) return undefined;
        if (!pair) missing.push(entry(property, yamlScalar(value)));
      }
      if (missing.length > 0) {
        const edit = addToMap(source, map, missing);
        if (!edit) return undefined;
        edits.push(edit);
      }
    }
  }
  if (added.length > 0) {
    const edit = addToEvent(source, event, added);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return mergeTouching(source.text, edits);
}

/** Replaces a pair's scalar value; false when the value is not a scalar it can replace. */
function replaceValue(source: Source, pair: Pair, written: string, edits: TextEdit[]): boolean {
  const value = pair.value as Node | null;
  if (!isScalar(value) || source.isCopied(value)) return false;
  edits.push(writeValue(source, value, written));
  return true;
}

/** Edits sorted, and those that touch merged into one, so that no two share an offset (LSP forbids overlapping edits). */
function mergeTouching(text: string, edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextEdit[] = [];
  for (const edit of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && edit.start <= previous.end) {
      merged[merged.length - 1] = { ...previous, end: Math.max(previous.end, edit.end), newText: previous.newText + text.slice(previous.end, Math.max(previous.end, edit.start)) + edit.newText };
    } else merged.push(edit);
  }
  return merged;
}

/**
 * The registry's part of renaming an entity: its key and every id the
 * registry writes for it (`in:`, `place:`, `affiliations:`, entity values of
 * `disputed:` and `estimate:`), each written place once even when a YAML
 * alias repeats it. A plain id is rewritten as a scalar (quoted if the new
 * id would read as something else); an id inside a quoted or `@` value keeps
 * its surroundings. Undefined when one of them is not written plainly (a YAML
 * escape), so that no edit is made on a guess.
 */
export function renameInRegistry(registry: Registry, id: string, newId: string): TextEdit[] | undefined {
  const entity = registry.entities.get(id);
  if (!entity) return undefined;
  const text = registry.text;
  const key = text.indexOf(id, entity.idRange.start);
  if (key < 0 || key + id.length > entity.idRange.end) return undefined;
  const places = [{ start: key, end: key + id.length }, ...registry.references.filter((r) => r.id === id).map((r) => r.idRange)];
  const edits = new Map<number, TextEdit>();
  for (const range of places) {
    if (text.slice(range.start, range.end) !== id) return undefined;
    if (edits.has(range.start)) continue;
    edits.set(range.start, replace(range, isWholeScalar(text, range) ? yamlScalar(newId) : newId));
  }
  return [...edits.values()].sort((a, b) => a.start - b.start);
}

/** Whether an id's characters are a whole plain scalar (not inside quotes, not after `@`). */
function isWholeScalar(text: string, range: TextRange): boolean {
  const before = text.charAt(range.start - 1);
  const after = text.charAt(range.end);
  return !/["'@]/.test(before) && !/["']/.test(after);
}
