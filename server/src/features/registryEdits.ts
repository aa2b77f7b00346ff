// Minimal text edits on corroborate.yaml for the quick fixes: add an entity,
// acknowledge a dispute. The YAML is never re-serialised: the file is parsed
// only to find where to insert, and the inserted text copies the style around
// it (block or flow, indentation, line ending), so comments, layout and every
// byte outside the insertion stay as the analyst wrote them.

import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { REGISTRY_FILE } from '../engine/registry';
import type { TextEdit } from './locate';

export type EntitySectionKey = 'actors' | 'places' | 'events';

/** The file's own line ending: that of its first line break, `\n` when it has none. */
export function lineEnding(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return '\n';
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
  }
  return '\n';
}

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
  const item = seq.items[0];
  return scalarText(item) === value;
}

/** A scalar's value as the registry reads it (numbers and booleans as text); undefined for anything else. */
function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

function flowList(values: readonly string[]): string {
  return `[${values.map(yamlScalar).join(', ')}]`;
}

/** A parsed registry and what the edits need to know about its text. */
interface Source {
  readonly text: string;
  readonly eol: string;
}

function parse(text: string): { source: Source; root: Node | null } | undefined {
  const doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true });
  // Offsets into a file the parser could not read would land anywhere.
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  return { source: { text, eol: lineEnding(text) }, root: doc.contents };
}

function rangeOf(node: Node): [number, number] {
  const range = node.range;
  return range ? [range[0], range[1]] : [0, 0];
}

function lineStartAt(text: string, p: number): number {
  let i = p;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

function lineEndAt(text: string, p: number): number {
  let i = p;
  while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

function column(text: string, p: number): number {
  return p - lineStartAt(text, p);
}

/** Just after the last character of a node's own content, trailing line breaks and comments excluded. */
function contentEnd(text: string, node: Node): number {
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1] as Node | Pair;
    return isPair(last) ? pairEnd(text, last) : contentEnd(text, last);
  }
  let end = rangeOf(node)[1];
  // A block scalar's range runs to the end of its last line break.
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}

function pairEnd(text: string, pair: Pair): number {
  const keyEnd = isScalar(pair.key) ? rangeOf(pair.key)[1] : 0;
  const value = pair.value as Node | null;
  return value ? Math.max(keyEnd, contentEnd(text, value)) : keyEnd;
}

function pairKey(pair: Pair): string | undefined {
  return scalarText(pair.key);
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => pairKey(pair) === key);
}

/**
 * An entry to add to a map: its key, its value in flow style, and optionally
 * its value as block lines (indented relative to the key) for block maps
 * whose entries are written that way.
 */
interface NewEntry {
  readonly key: string;
  readonly flow: string;
  readonly block?: readonly string[];
}

/** Adds an entry at the end of a map, in the map's own style. */
function addToMap(source: Source, map: YAMLMap, entry: NewEntry, blockIndent: (lastValue: Node | null) => number | undefined): TextEdit {
  const { text, eol } = source;
  const key = yamlScalar(entry.key);
  const [start] = rangeOf(map);
  const last = map.items[map.items.length - 1];
  if (map.flow) {
    if (!last) return insert(start + 1, ` ${key}: ${entry.flow} `);
    return insert(pairEnd(text, last), `, ${key}: ${entry.flow}`);
  }
  if (!last || !isScalar(last.key)) return insert(lineEndAt(text, start), `${eol}${key}: ${entry.flow}`);
  const indent = ' '.repeat(column(text, rangeOf(last.key)[0]));
  const at = lineEndAt(text, pairEnd(text, last));
  const fieldIndent = entry.block ? blockIndent(last.value as Node | null) : undefined;
  if (entry.block && fieldIndent !== undefined) {
    const fields = entry.block.map((line) => `${eol}${indent}${' '.repeat(fieldIndent)}${line}`).join('');
    return insert(at, `${eol}${indent}${key}:${fields}`);
  }
  return insert(at, `${eol}${indent}${key}: ${entry.flow}`);
}

/** Adds values at the end of a sequence, in its own style. */
function addToSeq(source: Source, seq: YAMLSeq, values: readonly string[]): TextEdit | undefined {
  const { text, eol } = source;
  const written = values.map(yamlScalar);
  const [start] = rangeOf(seq);
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (seq.flow) {
    if (!last) return insert(start + 1, written.join(', '));
    return insert(contentEnd(text, last), written.map((v) => `, ${v}`).join(''));
  }
  if (!last) return undefined;
  const [lastStart] = rangeOf(last);
  // `      - ` before the last item, reused for the new ones.
  const prefix = text.slice(lineStartAt(text, lastStart), lastStart);
  if (!/^ *- +$/.test(prefix)) return undefined;
  return insert(lineEndAt(text, contentEnd(text, last)), written.map((v) => `${eol}${prefix}${v}`).join(''));
}

function insert(at: number, newText: string): TextEdit {
  return { file: REGISTRY_FILE, start: at, end: at, newText };
}

/**
 * An empty value (`actors:` with nothing after it) gets the entry as a block
 * on the next line; an explicit null (`~`, `null`) is replaced by a flow map.
 */
function fillNull(source: Source, pair: Pair, entry: NewEntry, indent: number): TextEdit {
  const { text, eol } = source;
  const value = pair.value as Node | null;
  const key = yamlScalar(entry.key);
  if (value && isScalar(value)) {
    const [start, end] = rangeOf(value);
    if (end > start) return { file: REGISTRY_FILE, start, end, newText: `{ ${key}: ${entry.flow} }` };
  }
  const keyStart = isScalar(pair.key) ? rangeOf(pair.key)[0] : 0;
  const at = lineEndAt(text, keyStart);
  const own = ' '.repeat(column(text, keyStart) + indent);
  const lines = entry.block ? [`${key}:`, ...entry.block.map((line) => ' '.repeat(indent) + line)] : [`${key}: ${entry.flow}`];
  return insert(at, lines.map((line) => `${eol}${own}${line}`).join(''));
}

function isEmpty(node: unknown): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

/** Column of the first key of a block map, relative to `base`; undefined for any other node. */
function fieldIndentOf(text: string, node: Node | null, base: number): number | undefined {
  if (!node || !isMap(node) || node.flow) return undefined;
  const first = node.items[0];
  if (!first || !isScalar(first.key)) return undefined;
  return column(text, rangeOf(first.key)[0]) - base;
}

/**
 * Adds `id: { name: … }` under a section, in the style of the entries already
 * there; creates the section at the end of the file when it is missing.
 * Undefined when the file cannot be edited safely (YAML errors, a section that
 * is not a map, an id already present).
 */
export function addEntity(registryText: string, section: EntitySectionKey, id: string, name: string): TextEdit | undefined {
  const parsed = parse(registryText);
  if (!parsed) return undefined;
  const { source, root } = parsed;
  const { text, eol } = source;
  const entry: NewEntry = { key: id, flow: `{ name: ${yamlScalar(name)} }`, block: [`name: ${yamlScalar(name)}`] };
  if (root !== null && !isMap(root)) return undefined;
  const pair = root === null ? undefined : findPair(root, section);
  if (!pair) {
    if (root?.flow) return addToMap(source, root, { key: section, flow: `{ ${yamlScalar(id)}: ${entry.flow} }` }, () => undefined);
    const lines = [`${section}:`, `  ${yamlScalar(id)}:`, `    name: ${yamlScalar(name)}`];
    if (text.length === 0 || /[\r\n]$/.test(text)) return insert(text.length, lines.map((line) => line + eol).join(''));
    return insert(text.length, lines.map((line) => eol + line).join(''));
  }
  const value = pair.value as Node | null;
  if (isEmpty(value)) return fillNull(source, pair, entry, 2);
  if (!value || isAlias(value) || !isMap(value)) return undefined;
  if (value.items.some((p) => pairKey(p) === id)) return undefined;
  const last = value.items[value.items.length - 1];
  const keyColumn = last && isScalar(last.key) ? column(text, rangeOf(last.key)[0]) : 0;
  return addToMap(source, value, entry, (lastValue) => fieldIndentOf(text, lastValue, keyColumn));
}

/**
 * Records under an event's `disputed:` that `values` of `property` are in
 * acknowledged dispute: adds `disputed: { property: [a, b] }`, or the
 * property to an existing `disputed:`, or the missing values to its list.
 * Values already listed (as written) are not repeated; an empty array means
 * there is nothing to add. Undefined when the event cannot be found or edited.
 */
export function acknowledgeDispute(registryText: string, eventId: string, property: string, values: readonly string[]): TextEdit[] | undefined {
  const parsed = parse(registryText);
  if (!parsed || !isMap(parsed.root)) return undefined;
  const { source, root } = parsed;
  const events = findPair(root, 'events')?.value as Node | null | undefined;
  if (!events || !isMap(events)) return undefined;
  const eventPair = findPair(events, eventId);
  if (!eventPair) return undefined;
  const unique = [...new Set(values)];
  const disputedFlow = `{ ${yamlScalar(property)}: ${flowList(unique)} }`;
  const body = eventPair.value as Node | null;
  if (isEmpty(body)) return [fillNull(source, eventPair, { key: 'disputed', flow: disputedFlow }, 2)];
  if (!body || isAlias(body) || !isMap(body)) return undefined;
  const disputedPair = findPair(body, 'disputed');
  if (!disputedPair) return [addToMap(source, body, { key: 'disputed', flow: disputedFlow }, () => undefined)];
  const disputed = disputedPair.value as Node | null;
  if (!disputed || isAlias(disputed) || !isMap(disputed)) return undefined;
  const listPair = findPair(disputed, property);
  if (!listPair) return [addToMap(source, disputed, { key: property, flow: flowList(unique) }, () => undefined)];
  const list = listPair.value as Node | null;
  if (!list || isAlias(list) || !isSeq(list)) return undefined;
  const listed = new Set(list.items.map(scalarText));
  const missing = unique.filter((v) => !listed.has(v));
  if (missing.length === 0) return [];
  const edit = addToSeq(source, list, missing);
  return edit ? [edit] : undefined;
}
