// The tokens the parser keeps for blocks it cannot read in full (half-typed,
// invalid, with rejected parts), which completion and edits read instead of
// scanning the text again: as written, with the key and value of `key=…`,
// and nothing extra held by blocks that read cleanly.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, printDocument } from '../../server/src/engine/parser';
import { blockAt, blockTokens } from '../../server/src/engine/spans';
import type { Block, BlockToken, ParsedDocument } from '../../server/src/engine/syntax';
import { checkProperty } from '../fuzz';

function parse(text: string): ParsedDocument {
  const doc = parseDocument(text);
  assert.equal(printDocument(doc), text);
  return doc;
}

/** A token as its source: `key=value` as [key, value], an unclosed quote marked. */
function written(text: string, token: BlockToken): string | [string, string] {
  const whole = text.slice(token.start, token.end) + (token.openQuote !== undefined ? ` (open quote at ${token.openQuote - token.start})` : '');
  if (token.key === undefined || token.value === undefined) return whole;
  return [text.slice(token.key.start, token.key.end), text.slice(token.value.start, token.value.end) + (token.openQuote !== undefined ? ' (open quote)' : '')];
}

function firstBlock(doc: ParsedDocument): Block {
  const block = doc.spans[0]?.block ?? doc.orphanBlocks[0];
  assert.ok(block, 'a block');
  return block;
}

void describe('the tokens of a block', () => {
  const cases: { text: string; kind: Block['kind']; tokens: (string | [string, string])[]; rejected?: string[] }[] = [
    // Half-typed: what completion meets while the analyst writes.
    { text: '[a]{claim by=@x killed=', kind: 'invalid', tokens: ['claim', ['by', '@x'], ['killed', '']] },
    { text: '[a]{@', kind: 'invalid', tokens: ['@'] },
    { text: '[a]{', kind: 'invalid', tokens: [] },
    { text: '[a]{claim\n  by=@jn\n\nNext paragraph', kind: 'invalid', tokens: ['claim', ['by', '@jn']] },
    { text: '[a]{claim method="a } b" outcome=', kind: 'invalid', tokens: ['claim', ['method', '"a } b"'], ['outcome', '']] },
    // An unclosed quote: its token runs to the block's end, before the `}` that ends it.
    { text: '[a]{claim note="bilan} provisoire}', kind: 'invalid', tokens: ['claim', ['note', '"bilan (open quote)']] },
    { text: '[a]{claim "x y', kind: 'invalid', tokens: ['claim', '"x y (open quote at 0)'] },
    // Invalid whole.
    { text: '[a]{foo bar=1}', kind: 'invalid', tokens: ['foo', ['bar', '1']] },
    { text: '[a]{ }', kind: 'invalid', tokens: [] },
    // Read, with parts rejected: every token is still there, in order.
    { text: '[a]{@jnim, @fama y}', kind: 'mention', tokens: ['@jnim,', '@fama', 'y'], rejected: ['@jnim,', 'y'] },
    { text: '[a]{skip now}', kind: 'skip', tokens: ['skip', 'now'], rejected: ['now'] },
    {
      text: '[a]{claim #c1 #c2 hedged by=@x hedged k="a"b killed=1 killed=2 x =y z=}',
      kind: 'claim',
      tokens: ['claim', '#c1', '#c2', 'hedged', ['by', '@x'], 'hedged', ['k', '"a"b'], ['killed', '1'], ['killed', '2'], 'x', ['', 'y'], ['z', '']],
      rejected: ['#c2', 'hedged', 'k="a"b', 'killed=2', 'x', '=y', 'z='],
    },
    { text: '[a]{claim by=@x event=@e #c hedged killed=~50}', kind: 'claim', tokens: ['claim', ['by', '@x'], ['event', '@e'], '#c', 'hedged', ['killed', '~50']], rejected: [] },
  ];
  for (const { text, kind, tokens, rejected } of cases) {
    void test(JSON.stringify(text), () => {
      const doc = parse(text);
      const block = firstBlock(doc);
      assert.equal(block.kind, kind);
      assert.deepEqual(
        blockTokens(block).map((token) => written(text, token)),
        tokens,
      );
      if (rejected !== undefined && block.kind !== 'invalid') assert.deepEqual(block.rejected.map((token) => text.slice(token.start, token.end)), rejected);
    });
  }

  void test('blocks that read cleanly share one empty list of rejected tokens: nothing more is kept per block', () => {
    const doc = parse('[a]{@jnim} [b]{claim event=@e killed=2} [c]{skip} [d]{@x @y}');
    const lists = doc.spans.map((span) => (span.block.kind === 'invalid' ? undefined : span.block.rejected));
    assert.equal(lists[0]?.length, 0);
    for (const list of lists) assert.equal(list, lists[0]);
    assert.equal(doc.orphanBlocks.length, 0);
  });
});

void describe('blocks after a ] that closes no span', () => {
  void test('are kept with their tokens, reported once as before, and stay plain text', () => {
    const text = 'le camp]{@niaf et [b]{@b}';
    const doc = parse(text);
    // The block runs to its `}`: what it swallowed is not a span.
    assert.equal(doc.spans.length, 0);
    assert.equal(doc.orphanBlocks.length, 1);
    const orphan = doc.orphanBlocks[0];
    assert.equal(text.slice(orphan.start, orphan.end), '{@niaf et [b]{@b}');
    assert.deepEqual(
      orphan.tokens.map((token) => written(text, token)),
      ['@niaf', 'et', '[b]{@b'],
    );
    assert.deepEqual(
      doc.problems.map((p) => [text.slice(p.start, p.end), p.message]),
      [[']{@niaf et [b]{@b}', '`]{` closes no span: add the opening [ of this span, or escape the bracket as \\]']],
    );
  });

  void test('a block after no ] at all is not one of them', () => {
    assert.deepEqual(parse('Texte {@jnim} et \\]{@x}').orphanBlocks, []);
  });
});

void describe('the block under the cursor', () => {
  const at = (marked: string) => {
    const offset = marked.indexOf('|');
    const doc = parse(marked.slice(0, offset) + marked.slice(offset + 1));
    const found = blockAt(doc, offset);
    return found && doc.text.slice(found.block.start, found.block.end);
  };

  void test('is the block whose inside holds the cursor: after its {, up to its } or where it stops', () => {
    assert.equal(at('[a]{|@jnim}'), '{@jnim}');
    assert.equal(at('[a]{@jnim|}'), '{@jnim}');
    assert.equal(at('[a]{claim by=@|'), '{claim by=@');
    assert.equal(at('[x [a]{@a|} y]{claim event=@e}'), '{@a}');
    assert.equal(at('[x [a]{@a} y]{claim event=@e|}'), '{claim event=@e}');
    assert.equal(at('le camp]{@n|'), '{@n');
  });

  void test('is none between ] and {, after }, or in the text', () => {
    assert.equal(at('[a]|{@jnim}'), undefined);
    assert.equal(at('[a]{@jnim}|'), undefined);
    assert.equal(at('[a|]{@jnim}'), undefined);
    assert.equal(at('Le {|@jnim}'), undefined);
  });
});

void describe('block tokens over generated markup', () => {
  const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  const markup = fc
    .array(fc.constantFrom('[', ']', '{', '}', ']{', '@', '@jnim', 'claim', 'skip', 'hedged', '#c', 'k=', 'x=1', '=', '"', '\\', ' ', '\n', '\n\n', '\r\n', 'a'), { maxLength: 40 })
    .map((parts) => parts.join(''));

  void test('every block’s tokens are its non-blank runs as written, in order, quoted strings whole', () => {
    checkProperty(
      fc.property(markup, (text) => {
        const doc = parse(text);
        for (const block of [...doc.spans.map((span) => span.block), ...doc.orphanBlocks]) {
          let at = block.start + 1;
          for (const token of blockTokens(block)) {
            for (let p = at; p < token.start; p++) assert.ok(isSpace(text[p] ?? ''), `only blanks before a token: ${JSON.stringify(text)}`);
            assert.ok(token.end > token.start && !isSpace(text[token.start] ?? ''));
            if (token.key !== undefined && token.value !== undefined) {
              assert.equal(token.key.start, token.start);
              assert.equal(token.value.end, token.end);
              assert.equal(text[token.key.end], '=');
              assert.ok(!text.slice(token.key.start, token.key.end).includes('='));
            } else {
              assert.ok(!text.slice(token.start, token.end).includes('='));
            }
            at = token.end;
          }
          const rest = text.slice(at, block.end);
          assert.ok(/^[ \t\r\n]*\}?$/.test(rest), `after the last token: ${JSON.stringify(rest)} in ${JSON.stringify(text)}`);
        }
      }),
      2000,
    );
  });
});
