// Property tests of the parser on any text at all, and of the markup
// round-trip: what the parser read, printed back as markup, parses to the
// same tree. parser.test.ts checks that printing a tree's source slices gives
// the text back; here the printer writes each span and block from what the
// parser understood (ids, keys, unquoted values), so a value read wrong, a
// token dropped or a range off by one changes the tree the second parse gives.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Corpus } from '../../server/src/engine/corpus';
import { articleText, fenceStart, parseDocument } from '../../server/src/engine/parser';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { keyRangeOf, keywordRangeOf } from '../../server/src/engine/spans';
import type { Block, InlineNode, ParsedDocument, TextRange, Value } from '../../server/src/engine/syntax';
import { checkProperty } from '../fuzz';

const REGISTRY = `documents: ["*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled] }
  killed: { type: count }
actors:
  jnim: { name: JNIM, aliases: [JNIM, GSIM, "l'armée"] }
  afp: { name: AFP }
events:
  attack: { name: Attack }
`;

// --- Any text --------------------------------------------------------------

/** Any UTF-16 code unit, lone surrogates and NUL included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** Pieces that matter to the parser, and to code that counts code points. */
const fragment = fc.constantFrom(
  '[', ']', '{', '}', '\\', '"', '@', '#', '=', ' ', '\t', '\n', '\r', '\r\n', '\n\n', '\r\r', '---', '---\n', '...\n',
  '\u0000', '\uD800', '\uDFFF', '\uDBFF\uDFFF', '😀', 'é', 'e\u0301', 'ع', '\uFEFF', '\u2028',
  'claim', 'skip', 'hedged', '@jnim', '@afp', 'by=@jnim', 'event=@attack', 'outcome=captured', 'killed=~50', 'k="a } \\" b"', '#c1',
  '[JNIM]{@jnim}', ']{', '{@', '{claim ', 'JNIM', 'GSIM', "l'armée", 'source: afp',
);
const anyText = fc.oneof(
  { weight: 3, arbitrary: fc.array(fragment, { maxLength: 120 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(fragment, codeUnit), maxLength: 60 }) },
  { weight: 1, arbitrary: fc.tuple(fc.array(fragment, { maxLength: 40 }), fc.array(fragment, { maxLength: 60 })).map(([yaml, body]) => `---\n${yaml.join('')}\n---\n${body.join('')}`) },
);

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Checks a range lies in the text and does not cut a surrogate pair in two. */
function assertInside(text: string, range: TextRange, what: string): void {
  assert.ok(Number.isInteger(range.start) && Number.isInteger(range.end), `${what}: integer offsets`);
  assert.ok(range.start >= 0 && range.start <= range.end && range.end <= text.length, `${what} [${range.start}, ${range.end}) outside 0..${text.length}`);
  for (const at of [range.start, range.end]) {
    assert.ok(!(isHighSurrogate(text.charCodeAt(at - 1)) && isLowSurrogate(text.charCodeAt(at))), `${what} cuts a surrogate pair at ${at}`);
  }
}

function assertWithin(outer: TextRange, inner: TextRange, what: string): void {
  assert.ok(outer.start <= inner.start && inner.end <= outer.end, `${what} [${inner.start}, ${inner.end}) leaves [${outer.start}, ${outer.end})`);
}

function blockRanges(block: Block): [string, TextRange][] {
  const ranges: [string, TextRange][] = [];
  if (block.kind === 'mention') for (const ref of block.refs) ranges.push([`ref @${ref.id}`, ref]);
  if (block.kind === 'claim') {
    ranges.push(['claim keyword', keywordRangeOf(block)]);
    if (block.id) ranges.push(['claim #id', block.id]);
    if (block.hedged) ranges.push(['hedged', block.hedged]);
    for (const attribute of [block.by, block.event, ...block.properties]) {
      if (!attribute) continue;
      ranges.push([`attribute ${attribute.key}`, attribute], [`key ${attribute.key}`, keyRangeOf(attribute)], [`value of ${attribute.key}`, attribute.value]);
      assertWithin(attribute, keyRangeOf(attribute), `key of ${attribute.key}`);
      assertWithin(attribute, attribute.value, `value of ${attribute.key}`);
    }
  }
  return ranges;
}

/** Every range of the tree inside the text, children inside their span, siblings in order and touching. */
function assertTreeInside(doc: ParsedDocument): void {
  const text = doc.text;
  // A leading BOM is part of no node.
  let articleStart = fenceStart(text);
  if (doc.frontMatter) {
    assertInside(text, doc.frontMatter, 'front matter');
    assertWithin(doc.frontMatter, doc.frontMatter.content, 'front matter content');
    assert.equal(doc.frontMatter.start, articleStart);
    articleStart = doc.frontMatter.end;
  }
  const pending: { nodes: readonly InlineNode[]; from: number; to: number }[] = [{ nodes: doc.nodes, from: articleStart, to: text.length }];
  for (let level = pending.pop(); level !== undefined; level = pending.pop()) {
    let at = level.from;
    for (const node of level.nodes) {
      assertInside(text, node, node.kind);
      assert.equal(node.start, at, `${node.kind} at ${node.start} should start where its sibling ended (${at})`);
      assert.ok(node.start < node.end, `${node.kind} at ${node.start} is empty`);
      at = node.end;
      if (node.kind !== 'span') continue;
      assert.ok(node.start < node.close && node.close + 1 === node.block.start && node.block.end === node.end, `span at ${node.start}: [ ] { } in order`);
      assert.equal(text[node.start], '[');
      assert.equal(text[node.close], ']');
      assert.equal(text[node.block.start], '{');
      for (const [what, range] of blockRanges(node.block)) {
        assertInside(text, range, what);
        assertWithin(node.block, range, what);
      }
      pending.push({ nodes: node.children, from: node.start + 1, to: node.close });
    }
    assert.equal(at, level.to, `the nodes of [${level.from}, ${level.to}) stop at ${at}`);
  }
  for (const problem of doc.problems) {
    assertInside(text, problem, `problem "${problem.message}"`);
    assert.ok(problem.start < problem.end, `problem "${problem.message}" points at no character`);
  }
}

void describe('the parser on any text', () => {
  void test('never throws; every range of the tree lies inside the text, without cutting a surrogate pair', () => {
    checkProperty(
      fc.property(anyText, (text) => {
        const doc = parseDocument(text);
        assertTreeInside(doc);
        // The article maps back to source offsets without leaving the text
        // (unit by unit: half a surrogate pair is a unit of the article too).
        const article = articleText(doc);
        for (let k = 0; k <= article.text.length; k++) {
          const { start, end } = article.toSourceRange(k, Math.min(k + 1, article.text.length));
          assert.ok(start >= 0 && start <= end && end <= text.length, `article ${k} maps to [${start}, ${end})`);
        }
      }),
      1500,
    );
  });

  void test('the whole analysis never throws either, and every diagnostic points inside its file', () => {
    const corpus = new Corpus(REGISTRY);
    checkProperty(
      fc.property(anyText, anyText, (first, second) => {
        corpus.setDocument('a.txt', first);
        corpus.setDocument('b.txt', second);
        for (const diagnostic of corpus.allDiagnostics()) {
          const text = diagnostic.file === 'a.txt' ? first : diagnostic.file === 'b.txt' ? second : REGISTRY;
          assertInside(text, diagnostic, `${diagnostic.file} ${diagnostic.code} "${diagnostic.message}"`);
          for (const related of diagnostic.related ?? []) {
            assertInside(related.file === 'a.txt' ? first : related.file === 'b.txt' ? second : REGISTRY, related, `related entry of ${diagnostic.code}`);
          }
        }
      }),
      400,
    );
  });
});

/** YAML pieces: indicators, anchors and aliases, tags, quotes, indentation. */
const yamlFragment = fc.constantFrom(
  'documents: ["*.txt"]\n', 'actors:\n', '  jnim: { name: JNIM, aliases: [JNIM] }\n', 'places:\n', '  - ', ': ', '? ', '- ', '[', ']', '{', '}', ',', '"', "'", '#', '&a ', '*a', '&b [*a, *a]', '!!str ', '!custom ', '!!js/function ',
  '|\n', '>-\n', '  ', '\t', '\n', '\r', '\r\n', '---\n', '...\n', '%YAML 1.2\n', '😀', 'é', '\uD800', '\u0000', '__proto__: ', 'in: mali', 'x',
);
const anyRegistry = fc.oneof(fc.array(yamlFragment, { maxLength: 60 }).map((parts) => parts.join('')), fc.string({ unit: fc.oneof(yamlFragment, codeUnit), maxLength: 40 }));

void describe('corroborate.yaml as any text', () => {
  void test('is read without throwing; every diagnostic lies inside it, on whole characters', () => {
    checkProperty(
      fc.property(anyRegistry, (registry) => {
        const corpus = new Corpus(registry);
        corpus.setDocument('a.txt', '---\nsource: jnim\n---\n[JNIM]{@jnim}\n');
        for (const diagnostic of corpus.allDiagnostics()) {
          assertInside(diagnostic.file === REGISTRY_FILE ? registry : (corpus.document(diagnostic.file)?.text ?? ''), diagnostic, `${diagnostic.code} "${diagnostic.message}"`);
        }
      }),
      800,
    );
  });
});

// --- Round-trip --------------------------------------------------------------

/** A value as markup: bare as the parser read it, or quoted with `\"` and `\\` escaped. */
function printValue(value: Value): string {
  return value.quoted ? `"${value.text.replace(/[\\"]/g, (c) => `\\${c}`)}"` : value.raw;
}

/** A block written from what the parser understood; one it could not read is left as written. */
function printBlock(text: string, block: Block): string {
  switch (block.kind) {
    case 'skip':
      return '{skip}';
    case 'mention':
      return block.refs.length === 0 ? text.slice(block.start, block.end) : `{${block.refs.map((ref) => `@${ref.id}`).join(' ')}}`;
    case 'claim': {
      const parts = ['claim'];
      if (block.id) parts.push(`#${block.id.name}`);
      if (block.by) parts.push(`by=${printValue(block.by.value)}`);
      if (block.event) parts.push(`event=${printValue(block.event.value)}`);
      if (block.hedged) parts.push('hedged');
      for (const attribute of block.properties) parts.push(`${attribute.key}=${printValue(attribute.value)}`);
      return `{${parts.join(' ')}}`;
    }
    case 'invalid':
      return text.slice(block.start, block.end);
  }
}

/** The document written back from its tree: text as read, escapes from their character, spans and blocks from what they mean. */
function printTree(doc: ParsedDocument): string {
  const text = doc.text;
  const out: string[] = [];
  if (doc.frontMatter) out.push(text.slice(doc.frontMatter.start, doc.frontMatter.end));
  // Work items: a node to print, or the closing `]` and block of a span.
  const work: (InlineNode | { closing: Block })[] = [...doc.nodes].reverse();
  for (let item = work.pop(); item !== undefined; item = work.pop()) {
    if ('closing' in item) {
      out.push(']', printBlock(text, item.closing));
    } else if (item.kind === 'text') {
      out.push(text.slice(item.start, item.end));
    } else if (item.kind === 'escape') {
      out.push(`\\${item.char}`);
    } else {
      out.push('[');
      work.push({ closing: item.block }, ...[...item.children].reverse());
    }
  }
  return out.join('');
}

type BlockShape =
  | { kind: 'skip' | 'invalid' }
  | { kind: 'mention'; refs: string[] }
  | { kind: 'claim'; id?: string; hedged: boolean; attributes: [string, string, boolean, string | undefined][] };
type Shape = { text: string } | { escape: string } | { span: Shape[]; depth: number; block: BlockShape };

function blockShape(block: Block): BlockShape {
  switch (block.kind) {
    case 'mention':
      return { kind: 'mention', refs: block.refs.map((ref) => ref.id) };
    case 'claim': {
      const attributes = [block.by, block.event, ...block.properties].flatMap((a) => (a ? [[a.key, a.value.text, a.value.quoted, a.value.ref] as [string, string, boolean, string | undefined]] : []));
      return { kind: 'claim', ...(block.id ? { id: block.id.name } : {}), hedged: block.hedged !== undefined, attributes };
    }
    default:
      return { kind: block.kind };
  }
}

/** The tree without offsets: what two parses must agree on. */
function shapeOf(doc: ParsedDocument): { frontMatter?: string; nodes: Shape[] } {
  const text = doc.text;
  const toShapes = (nodes: readonly InlineNode[]): Shape[] => {
    // Built bottom-up without recursion: spans nest 32 deep at most here, but the helper should not care.
    const result: Shape[] = [];
    const stack: { nodes: readonly InlineNode[]; index: number; out: Shape[] }[] = [{ nodes, index: 0, out: result }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.index === top.nodes.length) {
        stack.pop();
        continue;
      }
      const node = top.nodes[top.index++];
      if (node.kind === 'text') top.out.push({ text: text.slice(node.start, node.end) });
      else if (node.kind === 'escape') top.out.push({ escape: node.char });
      else {
        const children: Shape[] = [];
        top.out.push({ span: children, depth: node.depth, block: blockShape(node.block) });
        stack.push({ nodes: node.children, index: 0, out: children });
      }
    }
    return result;
  };
  const nodes = toShapes(doc.nodes);
  return doc.frontMatter ? { frontMatter: text.slice(doc.frontMatter.content.start, doc.frontMatter.content.end), nodes } : { nodes };
}

/** Markup an analyst writes, with values that need quoting, escapes and blocks spread over lines. */
const wordText = fc.constantFrom('Le ', 'camp', ' de Niafunké', ' 😀 ', 'الجيش', 'a\nb', 'c\r\nd', ', ', ' [sic] ', ' {x} ', '\\[', '\\]', '\\{', '\\}', 'C:\\dir', ' "cité" ');
const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,6}$/);
const quotedText = fc.string({ unit: fc.constantFrom('a', ' ', '}', '{', '"', '\\', 'é', '\n', '=', '@', '#'), maxLength: 8 });
const value = fc.oneof(
  id,
  id.map((v) => `@${v}`),
  fc.constantFrom('~50', '>=20', '10..20', '2023-11-24', '?', 'a\\b'),
  quotedText.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`),
);
const space = fc.constantFrom(' ', '  ', '\n', '\t', '\r\n ');
const claimBlock = fc
  .record({
    claimId: fc.option(id, { nil: undefined }),
    hedged: fc.boolean(),
    attributes: fc.uniqueArray(fc.tuple(id, value), { selector: ([key]) => key, maxLength: 4 }),
    separators: fc.array(space, { minLength: 8, maxLength: 8 }),
  })
  .map(({ claimId, hedged, attributes, separators }) => {
    const tokens = ['claim', ...(claimId ? [`#${claimId}`] : []), ...(hedged ? ['hedged'] : []), ...attributes.filter(([key]) => key !== 'hedged').map(([key, v]) => `${key}=${v}`)];
    return `{${tokens.map((token, k) => (k === 0 ? token : `${separators[k % separators.length]}${token}`)).join('')}}`;
  });
const mentionBlock = fc.array(id, { minLength: 1, maxLength: 3 }).map((ids) => `{${ids.map((i) => `@${i}`).join(' ')}}`);
const block = fc.oneof(claimBlock, mentionBlock, fc.constant('{skip}'), fc.constant('{ skip }'));
const { span } = fc.letrec<{ span: string }>((tie) => ({
  span: fc.tuple(fc.array(fc.oneof({ depthSize: 'small' }, wordText, tie('span')), { minLength: 1, maxLength: 3 }), block).map(([children, b]) => `[${children.join('')}]${b}`),
}));
const markup = fc
  .tuple(fc.constantFrom('', '---\nsource: afp\n---\n', '---\r\nsource: afp\r\n...\r\n'), fc.array(fc.oneof(wordText, span, fc.constantFrom('\n\n', ' ', '[', ']')), { maxLength: 10 }))
  .map(([yaml, pieces]) => yaml + pieces.join(''));

void describe('markup round-trip', () => {
  void test('printing what the parser read and parsing it again gives the same tree', () => {
    checkProperty(
      fc.property(fc.oneof({ weight: 3, arbitrary: markup }, { weight: 1, arbitrary: anyText }), (text) => {
        const first = parseDocument(text);
        const printed = printTree(first);
        const second = parseDocument(printed);
        assert.deepEqual(shapeOf(second), shapeOf(first));
        assert.equal(articleText(second).text, articleText(first).text, 'the article is the same');
        // Well-formed markup stays well-formed; printing is then a fixpoint.
        if (first.problems.length === 0) assert.deepEqual(second.problems, []);
        assert.equal(printTree(second), printed);
      }),
      1500,
    );
  });

  void test('generated markup is well-formed, so the round-trip above covers real spans', () => {
    // Guards the generator: if it produced mostly broken markup, the
    // round-trip property would pass on invalid blocks printed as written.
    const samples = fc.sample(markup, { numRuns: 300, seed: 42 });
    const clean = samples.filter((text) => parseDocument(text).problems.length === 0);
    assert.ok(clean.length > 250, `${clean.length} of 300 generated documents parse cleanly`);
    const spans = clean.reduce((n, text) => n + parseDocument(text).spans.filter((s) => s.block.kind !== 'invalid').length, 0);
    assert.ok(spans > 500, `only ${spans} spans generated`);
  });
});
