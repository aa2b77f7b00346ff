// Reads YAML (the registry and front matter alike) with the `yaml` package's
// 1.2 core schema into a small positioned tree. Working on positioned nodes,
// never on `toJS()`, keeps every schema problem pointable, and walking aliases
// against a budget keeps an alias bomb from expanding. The `yaml` package
// parses block collections and composes every collection by recursion, so
// nesting is measured first, on the lines and then on its (iterative) token
// tree, and refused past a depth no corpus needs.

import { Composer, isAlias, isMap, isNode, isScalar, isSeq, Parser, visit, type Alias, type CST, type Document, type Node as YamlAstNode } from 'yaml';
import type { TextRange } from './syntax';

export type YamlNode = YamlMap | YamlSeq | YamlScalar;

export interface YamlEntry {
  readonly key: string;
  readonly keyRange: TextRange;
  /** The range of the whole `key: value` entry. */
  readonly range: TextRange;
  readonly value: YamlNode;
}

export interface YamlMap extends TextRange {
  readonly kind: 'map';
  readonly entries: readonly YamlEntry[];
}

export interface YamlSeq extends TextRange {
  readonly kind: 'seq';
  readonly items: readonly YamlNode[];
}

export interface YamlScalar extends TextRange {
  readonly kind: 'scalar';
  /** The value as the core schema reads it; `null` for an empty value. */
  readonly value: string | number | boolean | null;
}

export interface YamlProblem extends TextRange {
  readonly message: string;
}

/**
 * The yaml package's own reading of the text, kept for what needs the text's
 * real structure (edits that keep its layout, the registry's outline): the
 * Document, whose nodes carry source ranges, and the nodes some alias names.
 */
export interface ParsedYaml {
  readonly document: Document.Parsed;
  /** Anchored nodes that at least one alias names: editing one edits every copy. */
  readonly aliased: ReadonlySet<YamlAstNode>;
}

export interface YamlReading {
  readonly root?: YamlNode;
  readonly problems: readonly YamlProblem[];
  /** Absent when the text was refused before the yaml package composed it (too deep) or held YAML errors. */
  readonly parsed?: ParsedYaml;
}

/** Nodes read through aliases: far above any real registry, far below a bomb. */
const NODE_BUDGET = 200_000;
/** Collections inside collections, aliases expanded: far above any real registry, far below the call stack's limit. */
const MAX_DEPTH = 100;

/** `offset`: where the text starts in its file, added to every position. */
export function readYaml(text: string, offset = 0): YamlReading {
  const { reading, clean } = readText(text, offset, 0);
  // A whole file's reading is what an edit of the file is spliced into.
  if (clean && offset === 0) spliceable.add(reading);
  return reading;
}

/**
 * The reading of a text, and whether it is clean: no problem, no anchor or
 * alias (a node read elsewhere), every line break one the yaml package
 * sees (no lone \r), and no directive nor document marker (`%`, `---`,
 * `...`), which would change how the rest is read. `depth`: the
 * collections around the text in its file, counted against MAX_DEPTH (a
 * stretch of a file read on its own: see readYamlEdit).
 */
function readText(text: string, offset: number, depth: number): { readonly reading: YamlReading; readonly clean: boolean } {
  const problems: YamlProblem[] = [];
  // The yaml package breaks lines at \n and \r\n only; YAML 1.2 (and the
  // corpus) also at a lone \r. Replacing it keeps the length, so offsets stand.
  const source = text.replace(/\r(?!\n)/g, '\n');
  const problemAt = (start: number, end: number, message: string) => {
    const range = wholeCharacters(source, start, end);
    problems.push({ start: offset + range.start, end: offset + range.end, message });
  };
  const tooDeepBlock = firstTooDeepLine(source, depth);
  if (tooDeepBlock !== undefined) {
    problemAt(tooDeepBlock, tooDeepBlock + 1, `nested deeper than ${MAX_DEPTH} levels: flatten this YAML`);
    return { reading: { problems }, clean: false };
  }
  const tokens = [...new Parser().parse(source)];
  const tooDeep = firstTooDeep(tokens, depth);
  if (tooDeep !== undefined) {
    problemAt(tooDeep, tooDeep + 1, `nested deeper than ${MAX_DEPTH} levels: flatten this YAML`);
    return { reading: { problems }, clean: false };
  }
  // Duplicate keys are found by the tree reader: as a parse error they would
  // discard the whole document, and be reported on one character.
  const composer = new Composer({ version: '1.2', schema: 'core', uniqueKeys: false });
  let document: Document.Parsed | undefined;
  for (const composed of composer.compose(tokens, true, source.length)) {
    if (document === undefined) {
      document = composed;
    } else {
      const [start, end] = composed.range;
      problemAt(start, end, 'a second YAML document starts here: keep one document, without `---` lines inside it');
      break;
    }
  }
  if (document === undefined) return { reading: { problems }, clean: false };
  for (const error of [...document.errors, ...document.warnings]) {
    const [start, end] = error.pos;
    problemAt(start, end, withBareQuestionMark(source, start, firstLine(error.message)));
  }
  if (document.errors.length > 0) return { reading: { problems }, clean: false };
  const reader = new TreeReader(document, offset, problems);
  const root = document.contents === null ? undefined : reader.read(document.contents, undefined, depth);
  const parsed: ParsedYaml = { document, aliased: new Set(reader.aliasTargets.values()) };
  return { reading: root === undefined ? { problems, parsed } : { root, problems, parsed }, clean: problems.length === 0 && !reader.anchored && hasPlainLines(text) };
}

/** The clean readings of whole files (readText), spliced or not: those an edit of the file may be spliced into (readYamlEdit). */
const spliceable = new WeakSet<YamlReading>();

function hasPlainLines(text: string): boolean {
  return !/\r(?!\n)|^(?:%|---|\.\.\.)/m.test(text);
}

/**
 * The reading of `text`, an edit of `before` whose reading is `previous`:
 * what `readYaml(text)` gives, without parsing the whole text again when
 * the edit lies inside one entry of a block mapping that another entry
 * follows (an alias added to an actor of a 4,000-line corroborate.yaml).
 * That entry, its lines from its key to the next entry's, is read on its
 * own and put in place of the old one, and what follows it moves by the
 * length the edit added. Block structure makes that exact: the entry ends
 * where a line is indented no deeper than its key, whatever it holds, and
 * nothing before it reads differently. It is done only where that holds:
 * both readings clean (readText), the entry's lines indented deeper than
 * its key (comments aside), its key the same, and its old lines read on
 * their own giving exactly what the whole text gave. The yaml package's
 * Document is then parsed from the whole text when first asked for (the
 * outline, an edit of the registry), not on every keystroke.
 */
export function readYamlEdit(before: string, previous: YamlReading, text: string): YamlReading {
  return splice(before, previous, text) ?? readYaml(text);
}

function splice(before: string, previous: YamlReading, text: string): YamlReading | undefined {
  const root = previous.root;
  if (!spliceable.has(previous) || root?.kind !== 'map') return undefined;
  const shortest = Math.min(before.length, text.length);
  let start = 0;
  while (start < shortest && before.charCodeAt(start) === text.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < shortest - start && before.charCodeAt(before.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const edit = { start, end: before.length - suffix, shift: text.length - before.length };
  // Innermost first: the fewer lines read again, the better.
  for (const entry of [...entriesAround(before, root, edit)].reverse()) {
    const spliced = spliceEntry(before, text, entry, edit);
    if (spliced !== undefined) return spliced;
  }
  return undefined;
}

/** An edit: the stretch [start, end) of the text before it that it replaced, and how much longer it made the text. */
interface Edit {
  readonly start: number;
  readonly end: number;
  readonly shift: number;
}

/**
 * An entry of a block mapping whose lines hold an edit: the mappings from
 * the root down to its own and the entries that hold it there (it last),
 * where its key's line starts and at which column, and where the next
 * entry's line starts.
 */
interface EntryLines {
  readonly maps: readonly YamlMap[];
  readonly path: readonly YamlEntry[];
  readonly from: number;
  readonly column: number;
  readonly to: number;
}

/** The entries of block mappings, outermost first, whose lines from their key to the next entry's hold the edit, and whose key it leaves. */
function* entriesAround(text: string, root: YamlMap, edit: Edit): Generator<EntryLines> {
  const maps: YamlMap[] = [];
  const path: YamlEntry[] = [];
  // A flow mapping's entries are not cut by lines.
  for (let map = root; text.charCodeAt(map.start) !== LEFT_BRACE; ) {
    const k = map.entries.findLastIndex((entry) => entry.keyRange.start <= edit.start);
    const entry = map.entries[k];
    if (entry === undefined || edit.start < entry.keyRange.end) return;
    maps.push(map);
    path.push(entry);
    const key = keyLine(text, entry.keyRange.start);
    const next = map.entries[k + 1];
    const nextKey = next === undefined ? undefined : keyLine(text, next.keyRange.start);
    if (key !== undefined && nextKey !== undefined && nextKey.column === key.column && edit.end <= nextKey.from) {
      yield { maps: [...maps], path: [...path], from: key.from, column: key.column, to: nextKey.from };
    }
    if (entry.value.kind !== 'map') return;
    map = entry.value;
  }
}

/** The start and column of the line a key starts, when nothing but spaces comes before it there. */
function keyLine(text: string, key: number): { readonly from: number; readonly column: number } | undefined {
  let from = key;
  while (from > 0 && text.charCodeAt(from - 1) === SPACE) from--;
  return from === 0 || text.charCodeAt(from - 1) === LF ? { from, column: key - from } : undefined;
}

/** The whole text's reading with one entry read again from its lines, or undefined when its lines cannot be read on their own. */
function spliceEntry(before: string, text: string, lines: EntryLines, edit: Edit): YamlReading | undefined {
  const { maps, path, from, to } = lines;
  // The next entry's line must still start a line: an edit that takes the newline before it joins the two entries' lines.
  if (text.charCodeAt(to + edit.shift - 1) !== LF) return undefined;
  const entry = path[path.length - 1];
  const was = entryAlone(before.slice(from, to), lines);
  if (was === undefined || !sameEntry(was, entry)) return undefined;
  const now = entryAlone(text.slice(from, to + edit.shift), lines);
  if (now === undefined || now.key !== entry.key || !sameRange(now.keyRange, entry.keyRange)) return undefined;
  // Each mapping on the way down ends after the next entry, past the edit: what comes before the entry stays, what comes after moves.
  const rebuilt = (level: number): YamlMap => {
    const map = maps[level];
    return {
      kind: 'map',
      entries: map.entries.map((e) => {
        if (e !== path[level]) return e.range.end <= from ? e : shiftedEntry(e, edit.shift);
        if (level === path.length - 1) return now;
        return { key: e.key, keyRange: e.keyRange, range: { start: e.range.start, end: e.range.end + edit.shift }, value: rebuilt(level + 1) };
      }),
      start: map.start,
      end: map.end + edit.shift,
    };
  };
  let whole: YamlReading | undefined;
  const reading: YamlReading = {
    root: rebuilt(0),
    problems: [],
    get parsed() {
      return (whole ??= readYaml(text)).parsed;
    },
  };
  spliceable.add(reading);
  return reading;
}

/** An entry's lines read on their own, at their place in the file; undefined unless they hold that one entry, cleanly, and nothing at its key's column or left of it. */
function entryAlone(lines: string, { maps, from, column }: EntryLines): YamlEntry | undefined {
  if (!indentedUnder(lines, column)) return undefined;
  // Read on their own, the lines are a mapping at the root: the mappings around the entry count against the depth the whole text may nest.
  const { reading, clean } = readText(lines, from, maps.length - 1);
  if (!clean || reading.root?.kind !== 'map' || reading.root.entries.length !== 1) return undefined;
  return reading.root.entries[0];
}

/** Whether every line after the first is blank, a comment, or indented deeper than `column`. */
function indentedUnder(lines: string, column: number): boolean {
  for (let at = lines.indexOf('\n') + 1; at > 0 && at < lines.length; at = lines.indexOf('\n', at) + 1) {
    let p = at;
    while (p < lines.length && lines.charCodeAt(p) === SPACE) p++;
    const c = lines.charCodeAt(p);
    if (p === lines.length || c === LF || c === CR || c === HASH) continue;
    if (p - at <= column) return false;
  }
  return true;
}

function shiftedEntry(entry: YamlEntry, by: number): YamlEntry {
  return { key: entry.key, keyRange: shiftedRange(entry.keyRange, by), range: shiftedRange(entry.range, by), value: shifted(entry.value, by) };
}

function shiftedRange(range: TextRange, by: number): TextRange {
  return { start: range.start + by, end: range.end + by };
}

function shifted(node: YamlNode, by: number): YamlNode {
  switch (node.kind) {
    case 'scalar':
      return { kind: 'scalar', value: node.value, start: node.start + by, end: node.end + by };
    case 'seq':
      return { kind: 'seq', items: node.items.map((item) => shifted(item, by)), start: node.start + by, end: node.end + by };
    case 'map':
      return { kind: 'map', entries: node.entries.map((entry) => shiftedEntry(entry, by)), start: node.start + by, end: node.end + by };
  }
}

/** Whether two readings of an entry say the same at the same places. */
function sameEntry(a: YamlEntry, b: YamlEntry): boolean {
  return a.key === b.key && sameRange(a.keyRange, b.keyRange) && sameRange(a.range, b.range) && sameValue(a.value, b.value);
}

function sameRange(a: TextRange, b: TextRange): boolean {
  return a.start === b.start && a.end === b.end;
}

function sameValue(a: YamlNode, b: YamlNode): boolean {
  if (!sameRange(a, b)) return false;
  switch (a.kind) {
    case 'scalar':
      return b.kind === 'scalar' && a.value === b.value;
    case 'seq':
      return b.kind === 'seq' && a.items.length === b.items.length && a.items.every((item, k) => sameValue(item, b.items[k]));
    case 'map':
      return b.kind === 'map' && a.entries.length === b.entries.length && a.entries.every((entry, k) => sameEntry(entry, b.entries[k]));
  }
}

/**
 * [start, end) made to cover one character at least, inside the text, and
 * whole code points: the yaml package reports a missing closing quote just
 * past the end of the file, and a position inside an emoji.
 */
function wholeCharacters(text: string, start: number, end: number): TextRange {
  if (text.length === 0) return { start: 0, end: 0 };
  let from = Math.min(Math.max(start, 0), text.length - 1);
  let to = Math.min(Math.max(end, from + 1), text.length);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from)) && isHighSurrogate(text.charCodeAt(from - 1))) from--;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to)) && isHighSurrogate(text.charCodeAt(to - 1))) to++;
  return { start: from, end: to };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Where the first line starts whose block structure nests deeper than
 * MAX_DEPTH: its indentation levels, plus the `- `, `? ` and `: ` that open a
 * collection on the line itself (`- - - x`). The yaml package's parser
 * overflows the call stack on such input before any token tree exists.
 * Lines end at `\n` only, unlike lineIndex.ts's rule: the yaml package's
 * lexer ends none at a lone `\r`, and this measures nesting as it will.
 */
function firstTooDeepLine(text: string, outerDepth: number): number | undefined {
  const indents: number[] = [];
  for (let lineStart = 0; lineStart < text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    let p = lineStart;
    while (p < lineEnd && text.charCodeAt(p) === SPACE) p++;
    const first = text.charCodeAt(p);
    if (p < lineEnd && first !== HASH && first !== CR && first !== TAB) {
      const indent = p - lineStart;
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      let depth = outerDepth + indents.length;
      while (p < lineEnd && isCollectionIndicator(text.charCodeAt(p)) && (p + 1 === lineEnd || isLineSpace(text.charCodeAt(p + 1)))) {
        depth++;
        p++;
        while (p < lineEnd && isLineSpace(text.charCodeAt(p))) p++;
      }
      if (depth > MAX_DEPTH) return lineStart;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const HASH = 0x23;
const LEFT_BRACE = 0x7b;

function isLineSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === CR;
}

/** `-`, `?` and `:`, which open a sequence or a mapping when a space follows. */
function isCollectionIndicator(c: number): boolean {
  return c === 0x2d || c === 0x3f || c === 0x3a;
}

/** Offset of the first collection nested deeper than MAX_DEPTH in the token tree, walked without recursion. */
function firstTooDeep(tokens: readonly CST.Token[], outerDepth: number): number | undefined {
  const pending: [CST.Token, number][] = tokens.map((token) => [token, outerDepth]);
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [token, depth] = next;
    if (token.type === 'document') {
      if (token.value) pending.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth >= MAX_DEPTH) return token.offset;
      for (const item of token.items) {
        if (item.key) pending.push([item.key, depth + 1]);
        if (item.value) pending.push([item.value, depth + 1]);
      }
    }
  }
  return undefined;
}

/**
 * What each alias names: the last node with its anchor before it, found in
 * one pass (`Alias.resolve` walks the whole document for every alias, which
 * makes many aliases quadratic); and whether the document has any anchor or
 * alias at all.
 */
function aliasTargets(document: Document): { readonly targets: Map<Alias, YamlAstNode>; readonly anchored: boolean } {
  const targets = new Map<Alias, YamlAstNode>();
  const anchors = new Map<string, YamlAstNode>();
  let anchored = false;
  visit(document, {
    Node: (_key, node) => {
      if (isAlias(node)) {
        anchored = true;
        const target = anchors.get(node.source);
        if (target !== undefined) targets.set(node, target);
      } else if (isNode(node) && node.anchor !== undefined) {
        anchored = true;
        anchors.set(node.anchor, node);
      }
    },
  });
  return { targets, anchored };
}

/**
 * The yaml package's message, and what a bare `?` means to YAML where it
 * stands: claims write `?` for "not given", and a desk writes it so in
 * `estimate:` or `published:`, where YAML reads it as the start of a key
 * and says only "Nested mappings are not allowed in compact mappings".
 */
function withBareQuestionMark(source: string, at: number, message: string): string {
  // At the error, or just before it in a flow mapping, where YAML stops at the `}` after it.
  let mark = at;
  if (source[mark] !== '?') for (mark--; source[mark] === ' ' || source[mark] === '\t'; mark--);
  const bare = source[mark] === '?' && (mark === 0 || ' \t\n:{[,'.includes(source[mark - 1]));
  return bare ? `${message}: a bare ? starts a YAML key here; write "?" in quotes for the value, or leave the line out` : message;
}

function firstLine(message: string): string {
  const newline = message.indexOf('\n');
  return newline === -1 ? message : message.slice(0, newline);
}

class TreeReader {
  private visited = 0;
  private exhausted = false;
  private tooDeep = false;
  readonly aliasTargets: ReadonlyMap<Alias, YamlAstNode>;
  /** Whether the document has an anchor or an alias anywhere. */
  readonly anchored: boolean;
  /** Anchored nodes being expanded through an alias, to catch an alias inside the node it names. */
  private readonly expanding = new Set<YamlAstNode>();

  constructor(
    document: Document,
    private readonly offset: number,
    private readonly problems: YamlProblem[],
  ) {
    ({ targets: this.aliasTargets, anchored: this.anchored } = aliasTargets(document));
  }

  /**
   * `depth` counts the collections around the node, through aliases too.
   * Only nodes read through an alias count against the budget: the text
   * bounds the others, so what follows a bomb is still read.
   */
  read(node: YamlAstNode, at: TextRange | undefined, depth: number): YamlNode | undefined {
    if (this.expanding.size > 0 && ++this.visited > NODE_BUDGET) {
      if (!this.exhausted) {
        this.exhausted = true;
        this.problems.push({ ...(at ?? this.rangeOf(node)), message: `too many nodes (over ${NODE_BUDGET}, aliases expanded): simplify the YAML` });
      }
      return undefined;
    }
    const range = at ?? this.rangeOf(node);
    if (isAlias(node)) {
      const target = this.aliasTargets.get(node);
      if (target === undefined) {
        // The yaml package reports this only when converting to JavaScript, which this reader never does.
        this.problems.push({ ...range, message: `*${node.source} names no anchor: YAML reads an alias only after its &${node.source}, so define the anchor above it or write the value out` });
        return undefined;
      }
      if (this.expanding.has(target)) {
        this.problems.push({ ...range, message: `*${node.source} lies inside the node it names, so it would repeat forever: remove it` });
        return undefined;
      }
      this.expanding.add(target);
      const read = this.read(target, range, depth);
      this.expanding.delete(target);
      return read;
    }
    if ((isSeq(node) || isMap(node)) && depth >= MAX_DEPTH) {
      if (!this.tooDeep) {
        this.tooDeep = true;
        this.problems.push({ ...range, message: `nested deeper than ${MAX_DEPTH} levels once aliases are expanded: flatten this YAML` });
      }
      return undefined;
    }
    if (isScalar(node)) {
      const value = node.value;
      if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        return { kind: 'scalar', value, ...range };
      }
      // The core schema yields no other scalar types; keep the source text if one appears.
      return { kind: 'scalar', value: typeof node.source === 'string' ? node.source : null, ...range };
    }
    if (isSeq(node)) {
      const items: YamlNode[] = [];
      for (const item of node.items) {
        const read = this.read(item as YamlAstNode, undefined, depth + 1);
        if (read) items.push(read);
      }
      return { kind: 'seq', items, ...range };
    }
    if (isMap(node)) {
      const entries: YamlEntry[] = [];
      const keys = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key as YamlAstNode | null;
        const keyRange = key ? this.rangeOf(key) : range;
        const keyValue = key && isScalar(key) ? key.value : undefined;
        if (typeof keyValue !== 'string' && typeof keyValue !== 'number' && typeof keyValue !== 'boolean') {
          this.problems.push({ ...keyRange, message: 'a key must be a plain name' });
          continue;
        }
        if (keys.has(String(keyValue))) {
          this.problems.push({ ...keyRange, message: `\`${String(keyValue)}\` is already a key of this mapping: merge the two entries, or rename one` });
          continue;
        }
        keys.add(String(keyValue));
        const value = pair.value === null ? ({ kind: 'scalar', value: null, start: keyRange.end, end: keyRange.end } as const) : this.read(pair.value as YamlAstNode, undefined, depth + 1);
        if (!value) continue;
        entries.push({ key: String(keyValue), keyRange, range: { start: keyRange.start, end: Math.max(keyRange.end, value.end) }, value });
      }
      return { kind: 'map', entries, ...range };
    }
    return undefined;
  }

  private rangeOf(node: YamlAstNode): TextRange {
    const range = node.range;
    if (!range) return { start: this.offset, end: this.offset };
    return { start: this.offset + range[0], end: this.offset + range[1] };
  }
}

/** A scalar written as text (numbers and booleans as written), or undefined. */
export function scalarText(node: YamlNode): string | undefined {
  if (node.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}
