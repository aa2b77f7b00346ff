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

export function readYaml(text: string, offset = 0): YamlReading {
  const problems: YamlProblem[] = [];
  // The yaml package breaks lines at \n and \r\n only; YAML 1.2 (and the
  // corpus) also at a lone \r. Replacing it keeps the length, so offsets stand.
  const source = text.replace(/\r(?!\n)/g, '\n');
  const problemAt = (start: number, end: number, message: string) => {
    const range = wholeCharacters(source, start, end);
    problems.push({ start: offset + range.start, end: offset + range.end, message });
  };
  const tooDeepBlock = firstTooDeepLine(source);
  if (tooDeepBlock !== undefined) {
    problemAt(tooDeepBlock, tooDeepBlock + 1, `nested deeper than ${MAX_DEPTH} levels: flatten this YAML`);
    return { problems };
  }
  const tokens = [...new Parser().parse(source)];
  const tooDeep = firstTooDeep(tokens);
  if (tooDeep !== undefined) {
    problemAt(tooDeep, tooDeep + 1, `nested deeper than ${MAX_DEPTH} levels: flatten this YAML`);
    return { problems };
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
  if (document === undefined) return { problems };
  for (const error of [...document.errors, ...document.warnings]) {
    const [start, end] = error.pos;
    problemAt(start, end, firstLine(error.message));
  }
  if (document.errors.length > 0) return { problems };
  const reader = new TreeReader(document, offset, problems);
  const root = document.contents === null ? undefined : reader.read(document.contents, undefined, 0);
  const parsed: ParsedYaml = { document, aliased: new Set(reader.aliasTargets.values()) };
  return root === undefined ? { problems, parsed } : { root, problems, parsed };
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
function firstTooDeepLine(text: string): number | undefined {
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
      let depth = indents.length;
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
const CR = 0x0d;
const SPACE = 0x20;
const HASH = 0x23;

function isLineSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === CR;
}

/** `-`, `?` and `:`, which open a sequence or a mapping when a space follows. */
function isCollectionIndicator(c: number): boolean {
  return c === 0x2d || c === 0x3f || c === 0x3a;
}

/** Offset of the first collection nested deeper than MAX_DEPTH in the token tree, walked without recursion. */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const pending: [CST.Token, number][] = tokens.map((token) => [token, 0]);
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
 * makes many aliases quadratic).
 */
function aliasTargets(document: Document): Map<Alias, YamlAstNode> {
  const targets = new Map<Alias, YamlAstNode>();
  const anchored = new Map<string, YamlAstNode>();
  visit(document, {
    Node: (_key, node) => {
      if (isAlias(node)) {
        const target = anchored.get(node.source);
        if (target !== undefined) targets.set(node, target);
      } else if (isNode(node) && node.anchor !== undefined) {
        anchored.set(node.anchor, node);
      }
    },
  });
  return targets;
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
  /** Anchored nodes being expanded through an alias, to catch an alias inside the node it names. */
  private readonly expanding = new Set<YamlAstNode>();

  constructor(
    document: Document,
    private readonly offset: number,
    private readonly problems: YamlProblem[],
  ) {
    this.aliasTargets = aliasTargets(document);
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
      if (target === undefined) return undefined;
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
