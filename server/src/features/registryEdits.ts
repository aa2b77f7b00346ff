// Minimal text edits on corroborate.yaml for the quick fixes: add an entity,
// acknowledge a dispute. The YAML is never re-serialised: the file is parsed
// only to find where to insert, and the inserted text copies the style around
// it (block or flow, indentation, line ending), so comments, layout and every
// byte outside the insertion stay as the analyst wrote them.

import { isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { SectionKey } from '../engine/names';
import { REGISTRY_FILE } from '../engine/registry';
import type { TextEdit } from './locate';


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

type Parsed = { readonly source: Source; readonly root: Node | null } | undefined;

// One request asks for several edits on the same registry (an entity in three
// sections, a dispute per contradiction): it is parsed once. The tree is only
// read, never changed.
let lastParse: { readonly text: string; readonly parsed: Parsed } | undefined;

function parse(text: string): Parsed {
  if (lastParse?.text !== text) {
    const doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true });
    // Offsets into a file the parser could not read would land anywhere.
    const readable = doc.errors.length === 0 && doc.warnings.length === 0;
    lastParse = { text, parsed: readable ? { source: { text, eol: lineEnding(text) }, root: doc.contents } : undefined };
  }
  return lastParse.parsed;
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
 * An entry to add to a map: its key and its value in flow style, or, for a
 * block map whose entries are written as blocks, the value's lines and how
 * far they are indented under the key.
 */
interface NewEntry {
  readonly key: string;
  readonly flow: string;
  readonly block?: { readonly lines: readonly string[]; readonly indent: number };
}

/** Adds an entry at the end of a map, in the map's own style (flow: before its `}`; block: a line after its last). */
function addToMap(source: Source, map: YAMLMap, entry: NewEntry): TextEdit | undefined {
  const { text, eol } = source;
  const key = yamlScalar(entry.key);
  const last = map.items[map.items.length - 1];
  if (map.flow) {
    if (!last) return insert(rangeOf(map)[0] + 1, ` ${key}: ${entry.flow} `);
    return insert(pairEnd(text, last), `, ${key}: ${entry.flow}`);
  }
  if (!last || !isScalar(last.key)) return undefined;
  const indent = ' '.repeat(column(text, rangeOf(last.key)[0]));
  return insert(lineEndAt(text, pairEnd(text, last)), entryLines(entry, key).map((line) => `${eol}${indent}${line}`).join(''));
}

function entryLines(entry: NewEntry, key: string): string[] {
  if (!entry.block) return [`${key}: ${entry.flow}`];
  const fieldIndent = ' '.repeat(entry.block.indent);
  return [`${key}:`, ...entry.block.lines.map((line) => fieldIndent + line)];
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

/** Indentation of a block the file gives no example of. */
const DEFAULT_INDENT = 2;

/**
 * An empty value (`actors:` with nothing after it) gets the entry as a block
 * on the next line; an explicit null (`~`, `null`) is replaced by a flow map.
 */
function fillNull(source: Source, pair: Pair, entry: NewEntry): TextEdit {
  const { text, eol } = source;
  const value = pair.value as Node | null;
  const key = yamlScalar(entry.key);
  if (value && isScalar(value)) {
    const [start, end] = rangeOf(value);
    if (end > start) return { file: REGISTRY_FILE, start, end, newText: `{ ${key}: ${entry.flow} }` };
  }
  const keyStart = isScalar(pair.key) ? rangeOf(pair.key)[0] : 0;
  const indent = ' '.repeat(column(text, keyStart) + DEFAULT_INDENT);
  return insert(lineEndAt(text, keyStart), entryLines(entry, key).map((line) => `${eol}${indent}${line}`).join(''));
}

function isEmpty(node: unknown): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

/** How far the fields of a block-map entry are indented under its key; undefined for a flow or empty entry. */
function fieldIndentOf(text: string, pair: Pair | undefined): number | undefined {
  const body = pair?.value as Node | null | undefined;
  if (!pair || !isScalar(pair.key) || !body || !isMap(body) || body.flow) return undefined;
  const first = body.items[0];
  if (!first || !isScalar(first.key)) return undefined;
  return column(text, rangeOf(first.key)[0]) - column(text, rangeOf(pair.key)[0]);
}

/**
 * Adds `id: { name: … }` under a section, in the style of the entries already
 * there; creates the section at the end of the file when it is missing.
 * Undefined when the file cannot be edited safely (YAML errors, a section that
 * is not a map, an id already present).
 */
export function addEntity(registryText: string, section: SectionKey, id: string, name: string): TextEdit | undefined {
  const parsed = parse(registryText);
  if (!parsed) return undefined;
  const { source, root } = parsed;
  const { text, eol } = source;
  if (root !== null && !isMap(root)) return undefined;
  const flow = `{ name: ${yamlScalar(name)} }`;
  const nameLine = `name: ${yamlScalar(name)}`;
  const pair = root === null ? undefined : findPair(root, section);
  if (!pair) {
    if (root?.flow) return addToMap(source, root, { key: section, flow: `{ ${yamlScalar(id)}: ${flow} }` });
    const indent = ' '.repeat(DEFAULT_INDENT);
    const lines = [`${section}:`, `${indent}${yamlScalar(id)}:`, `${indent}${indent}${nameLine}`];
    if (text.length === 0 || /[\r\n]$/.test(text)) return insert(text.length, lines.map((line) => line + eol).join(''));
    return insert(text.length, lines.map((line) => eol + line).join(''));
  }
  const entries = pair.value as Node | null;
  if (isEmpty(entries)) return fillNull(source, pair, { key: id, flow, block: { lines: [nameLine], indent: DEFAULT_INDENT } });
  if (!isMap(entries) || findPair(entries, id)) return undefined;
  // New entries look like the last one: a block of fields, or a flow map.
  const fieldIndent = fieldIndentOf(text, entries.items[entries.items.length - 1]);
  return addToMap(source, entries, { key: id, flow, ...(fieldIndent !== undefined ? { block: { lines: [nameLine], indent: fieldIndent } } : {}) });
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
  const events = findPair(root, 'events')?.value;
  if (!isMap(events)) return undefined;
  const eventPair = findPair(events, eventId);
  if (!eventPair) return undefined;
  const unique = [...new Set(values)];
  const disputedFlow = `{ ${yamlScalar(property)}: ${flowList(unique)} }`;
  const body = eventPair.value;
  if (isEmpty(body)) return [fillNull(source, eventPair, { key: 'disputed', flow: disputedFlow })];
  if (!isMap(body)) return undefined;
  const disputedPair = findPair(body, 'disputed');
  const disputed = disputedPair?.value;
  let edit: TextEdit | undefined;
  if (!disputedPair) edit = addToMap(source, body, { key: 'disputed', flow: disputedFlow });
  else if (!isMap(disputed)) return undefined;
  else {
    const list = findPair(disputed, property)?.value;
    if (list === undefined) edit = addToMap(source, disputed, { key: property, flow: flowList(unique) });
    else if (!isSeq(list)) return undefined;
    else {
      const listed = new Set(list.items.map(scalarText));
      const missing = unique.filter((v) => !listed.has(v));
      if (missing.length === 0) return [];
      edit = addToSeq(source, list, missing);
    }
  }
  return edit ? [edit] : undefined;
}
