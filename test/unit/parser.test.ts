// The markup parser (DESIGN.md, "The markup"): every construct and every
// syntax problem at its exact UTF-16 offsets, the article text and its map
// back to the source, hostile input, and properties over generated documents:
// the tree always prints back to the very same text.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { articleText, parseDocument, printDocument } from '../../server/src/engine/parser';
import { keyRangeOf, keywordRangeOf } from '../../server/src/engine/spans';
import type {
  Attribute,
  Block,
  ClaimBlock,
  InlineNode,
  MentionBlock,
  ParsedDocument,
  SpanNode,
  TextRange,
} from '../../server/src/engine/syntax';

/** Parses and checks, for every test, that the tree gives the text back. */
function parse(text: string): ParsedDocument {
  const doc = parseDocument(text);
  assert.equal(printDocument(doc), text);
  return doc;
}

function source(doc: ParsedDocument, range: TextRange): string {
  return doc.text.slice(range.start, range.end);
}

/** The range of the `occurrence`-th `needle` in `text`. */
function find(text: string, needle: string, occurrence = 0): TextRange {
  let start = -1;
  for (let k = 0; k <= occurrence; k++) {
    start = text.indexOf(needle, start + 1);
    assert.notEqual(start, -1, `${JSON.stringify(needle)} #${occurrence} not in the text`);
  }
  return { start, end: start + needle.length };
}

function rangeOf(range: TextRange): TextRange {
  return { start: range.start, end: range.end };
}

/** Problems as [code, source text at fault, start], in document order. */
function problems(doc: ParsedDocument): [string, string, number][] {
  return doc.problems.map((p) => [p.code, source(doc, p), p.start]);
}

function onlySpan(doc: ParsedDocument): SpanNode {
  assert.equal(doc.spans.length, 1);
  return doc.spans[0];
}

function mention(block: Block): MentionBlock {
  assert.equal(block.kind, 'mention');
  return block;
}

function claim(block: Block): ClaimBlock {
  assert.equal(block.kind, 'claim');
  return block;
}

function claimOf(text: string): { doc: ParsedDocument; block: ClaimBlock } {
  const doc = parse(text);
  return { doc, block: claim(onlySpan(doc).block) };
}

/** key=value as the analysis will read it. */
function attribute(doc: ParsedDocument, attr: Attribute | undefined): Record<string, unknown> {
  assert.ok(attr);
  return {
    source: source(doc, attr),
    key: attr.key,
    keySource: source(doc, keyRangeOf(attr)),
    raw: attr.value.raw,
    valueSource: source(doc, attr.value),
    text: attr.value.text,
    quoted: attr.value.quoted,
    ref: attr.value.ref,
  };
}

function nodeSummary(doc: ParsedDocument, nodes: readonly InlineNode[]): string[] {
  return nodes.map((node) => `${node.kind}:${source(doc, node)}`);
}

void describe('front matter', () => {
  for (const [name, eol] of [
    ['\\n', '\n'],
    ['\\r\\n', '\r\n'],
    ['\\r', '\r'],
  ] as const) {
    void test(`fences ending with ${name} are part of the node; the YAML between them is its content`, () => {
      const text = `---${eol}source: afp${eol}published: 2023-11-25${eol}---${eol}[Le JNIM]{@jnim} a attaqué.`;
      const doc = parse(text);
      assert.ok(doc.frontMatter);
      assert.equal(doc.frontMatter.start, 0);
      assert.equal(source(doc, doc.frontMatter), `---${eol}source: afp${eol}published: 2023-11-25${eol}---${eol}`);
      assert.equal(source(doc, doc.frontMatter.content), `source: afp${eol}published: 2023-11-25${eol}`);
      assert.equal(doc.spans[0].start, doc.frontMatter.end);
      assert.deepEqual(doc.problems, []);
      assert.equal(articleText(doc).text, 'Le JNIM a attaqué.');
    });
  }

  void test('`...` closes it too, and a closing fence may end the text', () => {
    const dots = parse('---\nsource: rfi\n...\nTexte');
    assert.equal(source(dots, dots.frontMatter!.content), 'source: rfi\n');
    assert.equal(articleText(dots).text, 'Texte');
    const atEnd = parse('---\r\nsource: rfi\r\n---');
    assert.equal(atEnd.frontMatter!.end, atEnd.text.length);
    assert.deepEqual(atEnd.nodes, []);
    assert.equal(articleText(atEnd).text, '');
    const empty = parse('---\n---\n');
    assert.deepEqual(rangeOf(empty.frontMatter!.content), { start: 4, end: 4 });
  });

  void test('the YAML is not read as markup', () => {
    const doc = parse('---\nnote: "[a]{@x}" {claim}\n---\n');
    assert.deepEqual(doc.spans, []);
    assert.deepEqual(doc.problems, []);
  });

  void test('an unclosed front matter is reported on its opening fence and stays article text', () => {
    const text = '---\nsource: afp\n\n[Le JNIM]{@jnim} a attaqué.';
    const doc = parse(text);
    assert.equal(doc.frontMatter, undefined);
    assert.deepEqual(problems(doc), [['front-matter', '---', 0]]);
    assert.match(doc.problems[0].message, /add a line `---`/);
    assert.equal(articleText(doc).text, '---\nsource: afp\n\nLe JNIM a attaqué.');
    assert.equal(doc.spans.length, 1);
  });

  void test('a fence may carry trailing spaces and tabs, as YAML allows', () => {
    const doc = parse('--- \t\nsource: afp\n---  \nTexte');
    assert.equal(source(doc, doc.frontMatter!.content), 'source: afp\n');
    assert.equal(articleText(doc).text, 'Texte');
  });

  void test('only a `---` line at offset 0 opens it', () => {
    for (const text of [' ---\na\n---\n', '----\na\n----\n', '\n---\na\n---\n', '---', '---a\n---\n']) {
      const doc = parse(text);
      assert.equal(doc.frontMatter, undefined, JSON.stringify(text));
      assert.deepEqual(doc.problems, [], JSON.stringify(text));
      assert.equal(articleText(doc).text, text);
    }
  });

  void test('a BOM before the opening fence, as a client may send a buffer, leaves it the front matter', () => {
    const doc = parse('\uFEFF---\r\nsource: afp\r\n---\r\nTexte');
    assert.equal(doc.frontMatter?.start, 1);
    assert.equal(source(doc, doc.frontMatter.content), 'source: afp\r\n');
    assert.equal(articleText(doc).text, 'Texte');
    assert.deepEqual(problems(parse('\uFEFF---\nsource: afp\n')), [['front-matter', '---', 1]]);
    assert.equal(articleText(parse('\uFEFFTexte')).text, 'Texte', 'nor is it article text without a front matter');
  });

  void test('a closing fence is `---` or `...`, not a longer run', () => {
    const doc = parse('---\na: 1\n----\n....\n---\nTexte');
    assert.equal(source(doc, doc.frontMatter!.content), 'a: 1\n----\n....\n');
  });
});

void describe('spans', () => {
  void test('a mention span: brackets, block and refs at their exact offsets', () => {
    const text = "Selon l'AFP, [Le JNIM]{@jnim} a revendiqué.";
    const doc = parse(text);
    const span = onlySpan(doc);
    assert.deepEqual(
      { start: span.start, close: span.close, end: span.end, depth: span.depth },
      { start: 13, close: 21, end: 29, depth: 1 },
    );
    assert.deepEqual(nodeSummary(doc, span.children), ['text:Le JNIM']);
    const block = mention(span.block);
    assert.deepEqual(rangeOf(block), { start: 22, end: 29 });
    assert.deepEqual(block.refs, [{ start: 23, end: 28, id: 'jnim' }]);
    assert.deepEqual(nodeSummary(doc, doc.nodes), ["text:Selon l'AFP, ", 'span:[Le JNIM]{@jnim}', 'text: a revendiqué.']);
    assert.deepEqual(doc.problems, []);
  });

  void test('a mention block with several refs, separated by any whitespace including a line break', () => {
    const doc = parse('[Bamako et Niamey]{ @bamako\t@niamey\n  @niger_2-b }');
    const block = mention(onlySpan(doc).block);
    assert.deepEqual(
      block.refs.map((ref) => [ref.id, source(doc, ref)]),
      [
        ['bamako', '@bamako'],
        ['niamey', '@niamey'],
        ['niger_2-b', '@niger_2-b'],
      ],
    );
    assert.deepEqual(doc.problems, []);
  });

  void test('spans nest: a claim holding mentions, listed outer first with their depth', () => {
    const text = '[[Le JNIM]{@jnim} a pris [le camp de [Niafunké]{@niafunke}]{@camp}]{claim event=@niafunke-attack outcome=captured}.';
    const doc = parse(text);
    assert.deepEqual(
      doc.spans.map((span) => [source(doc, span).slice(0, 12), span.depth, span.block.kind]),
      [
        ['[[Le JNIM]{@', 1, 'claim'],
        ['[Le JNIM]{@j', 2, 'mention'],
        ['[le camp de ', 2, 'mention'],
        ['[Niafunké]{@', 3, 'mention'],
      ],
    );
    const outer = doc.spans[0];
    assert.deepEqual(nodeSummary(doc, outer.children), [
      'span:[Le JNIM]{@jnim}',
      'text: a pris ',
      'span:[le camp de [Niafunké]{@niafunke}]{@camp}',
    ]);
    assert.equal(outer.children[0], doc.spans[1]);
    assert.equal(articleText(doc).text, 'Le JNIM a pris le camp de Niafunké.');
  });

  void test('brackets inside span text balance and stay plain text', () => {
    const doc = parse('[il a dit [sic] ceci]{@quote}');
    const span = onlySpan(doc);
    assert.deepEqual(nodeSummary(doc, span.children), ['text:il a dit [sic] ceci']);
    assert.equal(span.start, 0);
    assert.equal(span.close, 20);
    assert.deepEqual(doc.problems, []);
  });

  void test('plain brackets around a span leave it to the enclosing level', () => {
    const doc = parse('[voir [JNIM]{@jnim} ici] puis [x [y]{@y} z]{@x}');
    assert.deepEqual(nodeSummary(doc, doc.nodes), ['text:[voir ', 'span:[JNIM]{@jnim}', 'text: ici] puis ', 'span:[x [y]{@y} z]{@x}']);
    assert.deepEqual(
      doc.spans.map((span) => [source(doc, span), span.depth]),
      [
        ['[JNIM]{@jnim}', 1],
        ['[x [y]{@y} z]{@x}', 1],
        ['[y]{@y}', 2],
      ],
    );
  });

  void test('a `[` still open at the end of its paragraph is plain text and its spans flow out', () => {
    const doc = parse('[Le [JNIM]{@jnim} a dit\n\nque]');
    assert.deepEqual(nodeSummary(doc, doc.nodes), ['text:[Le ', 'span:[JNIM]{@jnim}', 'text: a dit\n\nque]']);
    assert.equal(doc.spans[0].depth, 1);
    assert.deepEqual(doc.problems, []);
  });

  void test('span text wraps across lines within a paragraph, whatever the line ending', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const doc = parse(`Il dit [que le${eol}camp est${eol}  tombé]{claim event=@e}${eol}ce jour.`);
      assert.equal(articleText(doc).text, `Il dit que le${eol}camp est${eol}  tombé${eol}ce jour.`);
      assert.equal(onlySpan(doc).block.kind, 'claim');
    }
  });

  void test('a blank line, even with spaces and tabs, ends the paragraph and the `[` with it', () => {
    for (const gap of ['\n\n', '\r\n\r\n', '\r\r', '\n \t \n', '\r\n\t\r\n\r\n']) {
      const text = `[Le${gap}JNIM]{@jnim}`;
      const doc = parse(text);
      assert.deepEqual(doc.spans, [], JSON.stringify(gap));
      assert.deepEqual(problems(doc), [['syntax', ']{@jnim}', find(text, ']').start]]);
    }
  });

  void test('markup is found at its exact offset after emoji, Arabic and accents, however far the next bracket, brace or backslash lies', () => {
    // Each kind of markup character is met first paragraphs after the last one, or as the text's last character.
    const text = 'Ḥamā 😀 قال\r\n\r\n[الجيش]{@army} a dit \\[non\\] 😀\r\n\r\nfin {claim} é [';
    const doc = parse(text);
    assert.deepEqual(nodeSummary(doc, doc.nodes), ['text:Ḥamā 😀 قال\r\n\r\n', 'span:[الجيش]{@army}', 'text: a dit ', 'escape:\\[', 'text:non', 'escape:\\]', 'text: 😀\r\n\r\nfin {claim} é [']);
    const span = onlySpan(doc);
    assert.deepEqual([span.start, span.close, span.end], [find(text, '[').start, find(text, ']').start, find(text, '}').end]);
    assert.deepEqual(problems(doc), [['syntax', '{claim}', find(text, '{claim}').start]]);
    for (const last of ['\\', '{', ']', '[']) {
      const ending = parse(`😀 [x]{@x} ع${last}`);
      assert.deepEqual(nodeSummary(ending, ending.nodes), ['text:😀 ', 'span:[x]{@x}', `text: ع${last}`], last);
    }
  });

  void test('empty span text is reported on `[]` and the span kept', () => {
    const doc = parse('Voir []{@jnim}.');
    const span = onlySpan(doc);
    assert.deepEqual(span.children, []);
    assert.deepEqual(mention(span.block).refs.map((ref) => ref.id), ['jnim']);
    assert.deepEqual(problems(doc), [['syntax', '[]', 5]]);
    assert.match(doc.problems[0].message, /empty span text/);
    assert.equal(articleText(doc).text, 'Voir .');
  });

  void test('span text of only spaces or line breaks is empty too; nested spans are not', () => {
    for (const text of ['Voir [ ]{@jnim}.', 'Voir [ \n\t]{@jnim}.']) {
      const doc = parse(text);
      assert.equal(doc.spans.length, 1);
      assert.deepEqual(doc.problems.map((p) => p.code), ['syntax'], JSON.stringify(text));
      assert.match(doc.problems[0].message, /empty span text/);
    }
    assert.deepEqual(parse('[ [JNIM]{@jnim} ]{claim event=@x}').problems, []);
  });

  void test('a skip block', () => {
    const doc = parse('[Commentaire : bravo]{skip}');
    assert.deepEqual(rangeOf(onlySpan(doc).block), { start: 21, end: 27 });
    assert.equal(onlySpan(doc).block.kind, 'skip');
    assert.deepEqual(doc.problems, []);
  });

  void test('a span block must follow `]` immediately', () => {
    const text = '[Le JNIM] {@jnim}';
    const doc = parse(text);
    assert.deepEqual(doc.spans, []);
    assert.deepEqual(problems(doc), [['syntax', '{@jnim}', 10]]);
  });
});

void describe('claims', () => {
  void test('every attribute kind is read with exact ranges, the values left uninterpreted', () => {
    const text =
      '[il avait pris le camp]{claim by=@jnim event=@niafunke-attack #c-1 hedged outcome=captured killed=~50 date=2023-02-30 place=@niafunke note="a } \\" \\\\ b" wounded=? range=20..99}';
    const { doc, block } = claimOf(text);
    assert.deepEqual(doc.problems, []);
    assert.equal(source(doc, keywordRangeOf(block)), 'claim');
    assert.deepEqual(rangeOf(block), { start: 23, end: text.length });
    assert.deepEqual(block.id && { source: source(doc, block.id), name: block.id.name }, { source: '#c-1', name: 'c-1' });
    assert.equal(block.hedged && source(doc, block.hedged), 'hedged');
    assert.deepEqual(attribute(doc, block.by), {
      source: 'by=@jnim',
      key: 'by',
      keySource: 'by',
      raw: '@jnim',
      valueSource: '@jnim',
      text: '@jnim',
      quoted: false,
      ref: 'jnim',
    });
    assert.equal(block.event?.value.ref, 'niafunke-attack');
    assert.deepEqual(
      block.properties.map((p) => [p.key, p.value.raw, p.value.text, p.value.quoted, p.value.ref]),
      [
        ['outcome', 'captured', 'captured', false, undefined],
        ['killed', '~50', '~50', false, undefined],
        ['date', '2023-02-30', '2023-02-30', false, undefined],
        ['place', '@niafunke', '@niafunke', false, 'niafunke'],
        ['note', '"a } \\" \\\\ b"', 'a } " \\ b', true, undefined],
        ['wounded', '?', '?', false, undefined],
        ['range', '20..99', '20..99', false, undefined],
      ],
    );
    assert.deepEqual(attribute(doc, block.properties[4]), {
      source: 'note="a } \\" \\\\ b"',
      key: 'note',
      keySource: 'note',
      raw: '"a } \\" \\\\ b"',
      valueSource: '"a } \\" \\\\ b"',
      text: 'a } " \\ b',
      quoted: true,
      ref: undefined,
    });
  });

  void test('quoting never changes a value: a quoted @id is a ref; a backslash before another character stays', () => {
    const { block } = claimOf('[x]{claim by="@jnim" note="C:\\dossier" empty="" other="@ not an id"}');
    assert.deepEqual(
      [block.by?.value.text, block.by?.value.ref, block.properties[0].value.text, block.properties[1].value.text, block.properties[2].value.ref],
      ['@jnim', 'jnim', 'C:\\dossier', '', undefined],
    );
  });

  void test('a key=value written again reads the same wherever it stands, at its own offsets', () => {
    const block = '{claim by=@jnim killed=12 note="x y" place=@gao}';
    const read = (text: string): Record<string, unknown>[][] => {
      const doc = parse(text);
      return doc.spans.map((span) => {
        const { by, properties } = claim(span.block);
        return [by, ...properties].map((attr) => ({ ...attribute(doc, attr), hasRef: attr !== undefined && 'ref' in attr.value }));
      });
    };
    const once = read(`[a]${block}`);
    assert.deepEqual(once[0].map((a) => [a.source, a.keySource, a.valueSource, a.hasRef]), [
      ['by=@jnim', 'by', '@jnim', true],
      ['killed=12', 'killed', '12', false],
      ['note="x y"', 'note', '"x y"', false],
      ['place=@gao', 'place', '@gao', true],
    ]);
    assert.deepEqual(read(`[a]${block}`), once);
    assert.deepEqual(read(`Plus loin, [le camp]${block}\n\n[b]{claim killed=12 by=@jnim note="x y" place=@gao}`), [once[0], once[0]]);
  });

  void test('attributes may be spread over the lines of the paragraph', () => {
    const { doc, block } = claimOf('[x]{claim\r\n  by=@fama\revent=@e\n  outcome=repelled}');
    assert.deepEqual(doc.problems, []);
    assert.deepEqual([block.by?.value.ref, block.event?.value.ref, block.properties[0].value.text], ['fama', 'e', 'repelled']);
  });

  void test('`claim` alone is a claim with nothing in it', () => {
    const { doc, block } = claimOf('[x]{claim}');
    assert.deepEqual(doc.problems, []);
    assert.deepEqual([block.by, block.event, block.id, block.hedged, block.properties], [undefined, undefined, undefined, undefined, []]);
  });

  void test('`key=` without a value is reported on the key', () => {
    const { doc, block } = claimOf('[x]{claim killed= event=@e}');
    assert.deepEqual(problems(doc), [['syntax', 'killed=', 10]]);
    assert.match(doc.problems[0].message, /missing value after `killed=`/);
    assert.deepEqual(block.properties, []);
    assert.equal(block.event?.value.ref, 'e');
  });

  void test('a non-breaking or invisible space between attributes is named in the message, which would otherwise quote what looks like two attributes', () => {
    const pasted = '[x]{claim event=@e\u00a0killed=3}';
    const { doc } = claimOf(pasted);
    assert.deepEqual(problems(doc), [['syntax', '@e\u00a0killed=3', find(pasted, '@e').start]]);
    assert.match(doc.problems[0].message, /it holds a non-breaking space, U\+00A0, where attributes need a plain space/);
    const alone = claimOf('[x]{claim event=@e \u202f}');
    assert.deepEqual(problems(alone.doc), [['syntax', '\u202f', 19]]);
    assert.match(alone.doc.problems[0].message, /it holds an invisible space, U\+202F/);
    // A non-breaking space inside a quoted value is the value's own.
    assert.deepEqual(claimOf('[x]{claim event=@e method="30\u00a0km"}').doc.problems, []);
  });

  void test('a second occurrence of a key, #id or hedged is reported and the first kept', () => {
    const text = '[x]{claim by=@jnim killed=5 #a hedged by=@fama killed=7 #b hedged event=@e event=@f}';
    const { doc, block } = claimOf(text);
    assert.deepEqual(problems(doc), [
      ['syntax', 'by=@fama', find(text, 'by=@fama').start],
      ['syntax', 'killed=7', find(text, 'killed=7').start],
      ['syntax', '#b', find(text, '#b').start],
      ['syntax', 'hedged', find(text, 'hedged', 1).start],
      ['syntax', 'event=@f', find(text, 'event=@f').start],
    ]);
    assert.match(doc.problems[0].message, /duplicate key `by`: a key may appear once/);
    assert.match(doc.problems[1].message, /duplicate key `killed`/);
    assert.equal(block.by?.value.ref, 'jnim');
    assert.equal(block.event?.value.ref, 'e');
    assert.equal(block.id?.name, 'a');
    assert.deepEqual(rangeOf(block.hedged!), find(text, 'hedged'));
    assert.deepEqual(block.properties.map((p) => p.value.text), ['5']);
  });

  void test('tokens that are no attribute are reported one by one', () => {
    const bad = ['foo', '=x', '-a=1', '#', '#-a', 'by=@', 'place=@ni!', 'note=a"b"', 'note="a"b', 'claim', 'é=1'];
    const text = `[x]{claim ${bad.join(' ')} outcome=captured}`;
    const { doc, block } = claimOf(text);
    assert.deepEqual(
      problems(doc).map(([, at]) => at),
      ['foo', '=x', '-a=1', '#', '#-a', '@', '@ni!', 'a"b"', '"a"b', 'claim', 'é=1'],
    );
    assert.deepEqual(block.properties.map((p) => p.key), ['outcome']);
    assert.equal(block.by, undefined);
  });
});

void describe('blocks that cannot be read', () => {
  void test('empty blocks', () => {
    for (const block of ['{}', '{  }', '{\n}']) {
      const doc = parse(`[a]${block}`);
      assert.equal(onlySpan(doc).block.kind, 'invalid');
      assert.deepEqual(problems(doc), [['syntax', block, 3]]);
      assert.match(doc.problems[0].message, /empty block/);
    }
  });

  void test('an unknown block is reported on its first word', () => {
    const doc = parse('[a]{foo bar}');
    assert.equal(onlySpan(doc).block.kind, 'invalid');
    assert.deepEqual(problems(doc), [['syntax', 'foo', 4]]);
    assert.match(doc.problems[0].message, /unknown block `\{foo\}`: a block holds @ids, `claim …` or `skip`/);
    for (const block of ['{claims x=1}', '{Claim}', '{skip-this}', '{"claim"}']) {
      assert.equal(onlySpan(parse(`[a]${block}`)).block.kind, 'invalid', block);
    }
  });

  void test('a mention block reports every token that is not an @id and keeps the others', () => {
    const text = '[a]{@jnim, @fama y @-z @ @ok "@q"}';
    const doc = parse(text);
    assert.deepEqual(
      problems(doc).map(([, at]) => at),
      ['@jnim,', 'y', '@-z', '@', '"@q"'],
    );
    assert.deepEqual(mention(onlySpan(doc).block).refs.map((ref) => ref.id), ['fama', 'ok']);
  });

  void test('skip stands alone', () => {
    const doc = parse('[a]{skip now}');
    assert.equal(onlySpan(doc).block.kind, 'skip');
    assert.deepEqual(problems(doc), [['syntax', 'now', 9]]);
  });

  void test('a block left open runs to the end of the paragraph, line break excluded', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `[Le JNIM]{@jnim a dit${eol}qu'il${eol}${eol}[Niafunké]{@niafunke}`;
      const doc = parse(text);
      assert.equal(doc.spans.length, 2);
      const open = doc.spans[0];
      assert.equal(open.block.kind, 'invalid');
      assert.equal(source(doc, open.block), `{@jnim a dit${eol}qu'il`);
      assert.deepEqual(problems(doc), [['syntax', '{', 9]]);
      assert.match(doc.problems[0].message, /block is not closed: add \}/);
      assert.equal(doc.spans[1].block.kind, 'mention');
      assert.equal(articleText(doc).text, `Le JNIM${eol}${eol}Niafunké`);
    }
  });

  void test('a block open at the end of the text', () => {
    const doc = parse('[a]{claim by=@x');
    assert.equal(onlySpan(doc).end, doc.text.length);
    assert.deepEqual(problems(doc), [['syntax', '{', 3]]);
  });

  void test('an unclosed quote is reported on the quote; the block ends at the next }', () => {
    const text = '[a]{claim note="bilan} provisoire} suite\n\nFin.';
    const doc = parse(text);
    const span = onlySpan(doc);
    assert.equal(span.block.kind, 'invalid');
    assert.equal(source(doc, span.block), '{claim note="bilan}');
    assert.deepEqual(problems(doc), [['syntax', '"', 15]]);
    assert.match(doc.problems[0].message, /unclosed quote/);
    assert.equal(articleText(doc).text, 'a provisoire} suite\n\nFin.');
  });

  void test('an unclosed quote with no } after it ends the block with the paragraph', () => {
    const text = '[a]{claim note="bilan\r\nprovisoire\r\n\r\n[b]{@b}';
    const doc = parse(text);
    assert.equal(source(doc, doc.spans[0].block), '{claim note="bilan\r\nprovisoire');
    assert.deepEqual(problems(doc), [['syntax', '"', 15]]);
    assert.equal(doc.spans[1].block.kind, 'mention');
  });

  void test('a quote holds } and escaped quotes, even across a line break', () => {
    const { doc, block } = claimOf('[a]{claim note="x } \\"y\\"\nz" outcome=captured}');
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(block.properties.map((p) => p.value.text), ['x } "y"\nz', 'captured']);
  });

  void test('a quote does not run past its paragraph', () => {
    const doc = parse('[a]{claim note="x\n\ny"}');
    assert.deepEqual(problems(doc), [['syntax', '"', 15]]);
    assert.equal(source(doc, onlySpan(doc).block), '{claim note="x');
  });
});

void describe('markup without its other half', () => {
  void test('`]{` with no open `[` is reported on the bracket and its block, which stay text', () => {
    const text = 'Le JNIM]{@jnim} a dit.';
    const doc = parse(text);
    assert.deepEqual(doc.spans, []);
    assert.deepEqual(problems(doc), [['syntax', ']{@jnim}', 7]]);
    assert.match(doc.problems[0].message, /add the opening \[ of this span, or escape the bracket as \\\]/);
    assert.equal(articleText(doc).text, text);
  });

  void test('`]{` with no open `[` and an unclosed block is reported to the end of the paragraph', () => {
    const doc = parse('a]{@x b\nc\n\n[d]{@d}');
    assert.deepEqual(problems(doc), [['syntax', ']{@x b\nc', 1]]);
    assert.equal(doc.spans.length, 1);
  });

  void test('a block that follows no `]` is reported when it reads as a block', () => {
    for (const block of ['{@jnim}', '{ claim by=@jnim}', '{skip}', '{\nskip }', '{claim}', '{@}']) {
      const text = `Le JNIM ${block} a dit.`;
      const doc = parse(text);
      assert.deepEqual(problems(doc), [['syntax', block, 8]], block);
      assert.match(doc.problems[0].message, /this block follows no \[text\]: wrap the text it annotates in \[ \]/);
      assert.equal(articleText(doc).text, text);
    }
  });

  void test('other braces are plain text', () => {
    for (const text of ['{}', '{ }', '{skipper}', '{claimant x}', '{a} }', 'f(x) = {x | x > 0}', '}{', '{\n\n@x}']) {
      const doc = parse(text);
      assert.deepEqual(doc.problems, [], JSON.stringify(text));
      assert.equal(articleText(doc).text, text);
    }
  });

  void test('a stray block left open is reported to the end of its paragraph', () => {
    const doc = parse('x {@jnim a dit\r\n\r\n[y]{@y}');
    assert.deepEqual(problems(doc), [['syntax', '{@jnim a dit', 2]]);
    assert.equal(doc.spans.length, 1);
  });

  void test('a `]` with no `[` and no block, and a `[` never closed, are plain text', () => {
    const doc = parse('a] b [c');
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(nodeSummary(doc, doc.nodes), ['text:a] b [c']);
  });
});

void describe('escapes', () => {
  void test('\\[ \\] \\{ \\} are escape nodes whose character is in the article', () => {
    const text = 'a \\[b\\] \\{c\\} [d \\] e]{@x}';
    const doc = parse(text);
    assert.deepEqual(nodeSummary(doc, doc.nodes), [
      'text:a ',
      'escape:\\[',
      'text:b',
      'escape:\\]',
      'text: ',
      'escape:\\{',
      'text:c',
      'escape:\\}',
      'text: ',
      'span:[d \\] e]{@x}',
    ]);
    assert.deepEqual(
      doc.nodes.filter((node) => node.kind === 'escape').map((node) => node.char),
      ['[', ']', '{', '}'],
    );
    assert.deepEqual(nodeSummary(doc, onlySpan(doc).children), ['text:d ', 'escape:\\]', 'text: e']);
    assert.equal(articleText(doc).text, 'a [b] {c} d ] e');
    assert.deepEqual(doc.problems, []);
  });

  void test('a backslash before anything else is plain text, and only the next character is escaped', () => {
    const doc = parse('C:\\dossier \\\\[a]{@x} \\');
    assert.deepEqual(nodeSummary(doc, doc.nodes), ['text:C:\\dossier \\', 'escape:\\[', 'text:a]{@x} \\']);
    assert.deepEqual(problems(doc), [['syntax', ']{@x}', 15]]);
  });

  void test('an escaped bracket does not close a span: its block follows no `]`', () => {
    const doc = parse('[a\\]{@x}');
    assert.deepEqual(doc.spans, []);
    assert.deepEqual(problems(doc), [['syntax', '{@x}', 4]]);
  });

  void test('an escape cannot take a line break', () => {
    const doc = parse('a\\\n[b]{@b}');
    assert.deepEqual(nodeSummary(doc, doc.nodes), ['text:a\\\n', 'span:[b]{@b}']);
  });
});

void describe('nesting depth', () => {
  function nested(depth: number): string {
    return '['.repeat(depth) + 'x' + ']{@a}'.repeat(depth);
  }

  void test('32 nested spans are fine', () => {
    const doc = parse(nested(32));
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(
      doc.spans.map((span) => span.depth),
      Array.from({ length: 32 }, (_, k) => k + 1),
    );
  });

  void test('every span deeper than 32 is reported on its block and kept', () => {
    const text = nested(40);
    const doc = parse(text);
    assert.equal(doc.spans.length, 40);
    const deep = doc.spans.filter((span) => span.depth > 32);
    assert.equal(deep.length, 8);
    assert.deepEqual(
      doc.problems.map((p) => [p.start, p.end]),
      deep.map((span) => [span.block.start, span.block.end]).sort((a, b) => a[0] - b[0]),
    );
    assert.ok(doc.problems.every((p) => source(doc, p) === '{@a}' && /nesting deeper than 32 spans/.test(p.message)));
  });
});

void describe('UTF-16 offsets', () => {
  void test('accents, emoji and Arabic count as the editor counts them', () => {
    const text = 'Tombouctou 😀 é [الجيش]{@fama} 👍🏽 [Niafunké]{@niafunke}';
    const doc = parse(text);
    assert.deepEqual(
      doc.spans.map((span) => [span.start, span.close, span.end]),
      [
        [16, 22, 30],
        [36, 45, 57],
      ],
    );
    assert.equal(source(doc, mention(doc.spans[0].block).refs[0]), '@fama');
    const article = articleText(doc);
    assert.equal(article.text, 'Tombouctou 😀 é الجيش 👍🏽 Niafunké');
    const place = find(article.text, 'Niafunké');
    assert.deepEqual(article.toSourceRange(place.start, place.end), { start: 37, end: 45 });
  });

  void test('lone surrogates, NUL and lone \\r are text like any other', () => {
    const text = '\uD800[a\u0000\uDC00]{@x}\r\uDBFF\r[b]{@y}\u0000';
    const doc = parse(text);
    assert.deepEqual(
      doc.spans.map((span) => source(doc, span)),
      ['[a\u0000\uDC00]{@x}', '[b]{@y}'],
    );
    assert.equal(articleText(doc).text, '\uD800a\u0000\uDC00\r\uDBFF\rb\u0000');
  });
});

void describe('article text and its map to the source', () => {
  void test('a document without markup is its own article', () => {
    const text = 'Le camp de Niafunké a été attaqué.\r\n\r\nUne cinquantaine de morts.';
    const article = articleText(parse(text));
    assert.equal(article.text, text);
    assert.equal(article.toSource(10), 10);
    assert.equal(article.toSource(text.length), text.length);
  });

  void test('offsets map back past front matter, brackets, blocks and escapes', () => {
    const text = '---\nsource: afp\n---\nSelon [le [JNIM]{@jnim}]{claim event=@e} \\[sic\\], fin.';
    const doc = parse(text);
    const article = articleText(doc);
    assert.equal(article.text, 'Selon le JNIM [sic], fin.');
    const jnim = find(article.text, 'JNIM');
    assert.equal(source(doc, article.toSourceRange(jnim.start, jnim.end)), 'JNIM');
    const leJnim = find(article.text, 'le JNIM');
    // The range stops after the last character: the markup after it is left out.
    assert.equal(source(doc, article.toSourceRange(leJnim.start, leJnim.end)), 'le [JNIM');
    const sic = find(article.text, '[sic]');
    assert.equal(source(doc, article.toSourceRange(sic.start, sic.end)), '\\[sic\\]');
    assert.equal(article.toSource(0), 20);
    assert.equal(article.toSource(find(article.text, 'sic').start), find(text, 'sic').start);
    assert.equal(article.toSource(article.text.length), text.length);
    assert.deepEqual(article.toSourceRange(3, 3), { start: 23, end: 23 });
  });

  void test('a document that is all front matter has an empty article', () => {
    const article = articleText(parse('---\na: 1\n---\n'));
    assert.equal(article.text, '');
    assert.equal(article.toSource(0), 13);
    assert.deepEqual(article.toSourceRange(0, 0), { start: 13, end: 13 });
  });
});

void describe('robustness on hostile input', () => {
  void test('100,000 nested `[` parse without overflowing the stack', () => {
    const text = '['.repeat(100_000) + 'x' + ']'.repeat(100_000);
    const doc = parse(text);
    assert.deepEqual(doc.spans, []);
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(nodeSummary(doc, doc.nodes).length, 1);
    assert.equal(articleText(doc).text, text);
  });

  void test('100,000 nested spans are kept, printed and reported without recursion', () => {
    const depth = 100_000;
    const text = '['.repeat(depth) + 'x' + ']{@a}'.repeat(depth);
    const doc = parse(text);
    assert.equal(doc.spans.length, depth);
    assert.equal(doc.spans[depth - 1].depth, depth);
    assert.equal(doc.problems.length, depth - 32);
    assert.equal(articleText(doc).text, 'x');
  });

  void test('100,000 unclosed `[` followed by spans', () => {
    const text = '[ '.repeat(100_000) + '[a]{@a}'.repeat(1000);
    const doc = parse(text);
    assert.equal(doc.spans.length, 1000);
    assert.ok(doc.spans.every((span) => span.depth === 1));
  });

  void test('a 1 MB single line of annotated text', () => {
    const sentence = '[Le JNIM]{@jnim} dit [avoir pris le camp]{claim by=@jnim event=@e outcome=captured note="a } b"}. ';
    const count = Math.ceil(1_000_000 / sentence.length);
    const doc = parse(sentence.repeat(count));
    assert.equal(doc.spans.length, 2 * count);
    assert.deepEqual(doc.problems, []);
    assert.equal(articleText(doc).text, 'Le JNIM dit avoir pris le camp. '.repeat(count));
  });

  void test('a long paragraph of unclosed quotes, stray blocks and brackets', () => {
    // The first quote never closes: every later one is escaped from its point
    // of view. A parser that rescans each of them to the end of the paragraph
    // is quadratic and does not finish.
    const chunk = '[a]{claim x=\\"} ]{@q \\"} {@r \\"} [c] ';
    const count = 20_000;
    const doc = parse(chunk.repeat(count));
    assert.equal(doc.spans.length, count);
    assert.ok(doc.spans.every((span) => span.block.kind === 'invalid' && source(doc, span) === '[a]{claim x=\\"}'));
    assert.equal(doc.problems.length, 3 * count);
    assert.deepEqual(problems(doc).slice(0, 3), [
      ['syntax', '"', 13],
      ['syntax', ']{@q \\"}', 16],
      ['syntax', '{@r \\"}', 25],
    ]);
  });

  void test('a 1 MB line with no markup, and a 1 MB block', () => {
    const plain = 'é'.repeat(1_000_000);
    assert.equal(articleText(parse(plain)).text, plain);
    const block = `[a]{claim ${'k=v '.repeat(250_000)}}`;
    const doc = parse(block);
    assert.equal(claim(onlySpan(doc).block).properties.length, 1);
    assert.equal(doc.problems.length, 250_000 - 1);
  });

  void test('degenerate texts', () => {
    for (const text of ['', '\r', '\n', '\r\n', '[', ']', '{', '}', '\\', '"', '---\n', '[]', ']{', '{@', '[a]{', '[a]{"', '[a]{"\\']) {
      const doc = parse(text);
      assert.ok(doc.problems.every((p) => p.start >= 0 && p.end <= text.length && p.start < p.end), JSON.stringify(text));
    }
  });
});

void describe('properties over generated documents', () => {
  /** What a well-formed piece of source contributes to the article. */
  interface Piece {
    readonly source: string;
    readonly article: string;
    readonly spans: number;
  }
  const piece = (src: string, article = src): Piece => ({ source: src, article, spans: 0 });

  // Text that may stand anywhere, inside span text too: no unbalanced bracket,
  // no blank line, no backslash at its end, no brace right after a `]`.
  const inlineText = fc.constantFrom(
    piece('Le '),
    piece('camp'),
    piece(' de Niafunké'),
    piece(' 😀 '),
    piece('الجيش المالي'),
    piece('👍🏽'),
    piece('a\nb'),
    piece('c\r\nd'),
    piece('e\rf'),
    piece(', '),
    piece('@jnim'),
    piece(' "cité" '),
    piece(' claim skip '),
    piece('[sic]'),
    piece(' {x} '),
    piece(' {} '),
    piece('C:\\dir'),
    piece('\\[', '['),
    piece('\\]', ']'),
    piece('\\{', '{'),
    piece('\\}', '}'),
    piece('\u0000'),
  );
  // Only outside spans: they would close or break the span around them.
  const topLevelText = fc.constantFrom(piece('\n\n'), piece('\r\n\r\n'), piece('\r\r'), piece('\n \t\n'), piece('['), piece(']'), piece('\n'));
  const block = fc.constantFrom(
    '{@jnim}',
    '{@bamako @niamey}',
    '{ @a\n@b-2 }',
    '{claim by=@jnim event=@niafunke-attack outcome=captured}',
    '{claim event=@e note="a } \\" b" #c1 hedged killed=~50}',
    '{claim\r\nevent=@e}',
    '{skip}',
  );
  const { span } = fc.letrec<{ span: Piece }>((tie) => ({
    span: fc
      .tuple(fc.array(fc.oneof({ depthSize: 'small' }, inlineText, tie('span')), { minLength: 1, maxLength: 4 }), block)
      .map(([children, blockSource]) => ({
        source: `[${children.map((c) => c.source).join('')}]${blockSource}`,
        article: children.map((c) => c.article).join(''),
        spans: 1 + children.reduce((sum, c) => sum + c.spans, 0),
      })),
  }));
  const frontMatter = fc.constantFrom(
    piece(''),
    piece('---\nsource: afp\n---\n', ''),
    piece('---\r\nsource: afp\r\n...\r\n', ''),
    // A lone \r must not meet a \n from the article: they would make one line break.
    piece('---\rsource: afp\r---\rTexte', 'Texte'),
  );
  const wellFormed = fc
    .tuple(frontMatter, fc.array(fc.oneof(inlineText, topLevelText, span), { maxLength: 12 }))
    .map(([yaml, pieces]) => ({
      source: yaml.source + pieces.map((p) => p.source).join(''),
      article: yaml.article + pieces.map((p) => p.article).join(''),
      spans: pieces.reduce((sum, p) => sum + p.spans, 0),
    }));

  // Anything at all, rich in markup characters.
  const chaos = fc
    .array(
      fc.constantFrom(
        '[', ']', '{', '}', '@', '"', '\\', '\n', '\r', '\r\n', ' ', '\t', '=', '#', 'a', 'x', 'é', '😀', 'ع', '\uD83D', '\u0000',
        'claim', 'skip', 'hedged', '@jnim', 'by=', 'k=v', '---', '\n\n', ']{', '[a]{@x}', '{claim ', '{@',
      ),
      { maxLength: 80 },
    )
    .map((parts) => parts.join(''));
  const anything = fc.oneof(chaos, fc.string({ unit: 'binary', maxLength: 40 }), wellFormed.map((w) => w.source));

  /** The spans of the tree, outer before inner, with the depth they sit at. */
  function spansInTree(doc: ParsedDocument): [SpanNode, number][] {
    const found: [SpanNode, number][] = [];
    const pending: [readonly InlineNode[], number][] = [[doc.nodes, 1]];
    while (pending.length > 0) {
      const [nodes, depth] = pending.pop()!;
      const inner: [readonly InlineNode[], number][] = [];
      for (const node of nodes) {
        if (node.kind !== 'span') continue;
        found.push([node, depth]);
        inner.push([node.children, depth + 1]);
      }
      pending.push(...inner.reverse());
    }
    return found.sort((a, b) => a[0].start - b[0].start);
  }

  void test('printing the tree gives back every string, and the tree is consistent', () => {
    fc.assert(
      fc.property(anything, (text) => {
        const doc = parseDocument(text);
        assert.equal(printDocument(doc), text);
        doc.problems.forEach((problem, k) => {
          assert.ok(problem.start >= 0 && problem.start < problem.end && problem.end <= text.length, problem.message);
          assert.ok(k === 0 || doc.problems[k - 1].start <= problem.start, 'problems in document order');
        });
        const inTree = spansInTree(doc);
        assert.equal(doc.spans.length, inTree.length);
        doc.spans.forEach((span, k) => {
          assert.equal(span, inTree[k][0]);
          assert.equal(span.depth, inTree[k][1]);
          assert.equal(span.block.start, span.close + 1);
          assert.equal(span.block.end, span.end);
          assert.equal(text[span.start], '[');
          assert.equal(text[span.close], ']');
        });
      }),
      { numRuns: 1000 },
    );
  });

  void test('the article is the text with front matter, span brackets, blocks and escape backslashes cut out', () => {
    fc.assert(
      fc.property(anything, (text) => {
        const doc = parseDocument(text);
        const removed: TextRange[] = [];
        if (doc.frontMatter) removed.push(doc.frontMatter);
        for (const span of doc.spans) removed.push({ start: span.start, end: span.start + 1 }, { start: span.close, end: span.end });
        const escapes: number[] = [];
        const pending: (readonly InlineNode[])[] = [doc.nodes];
        while (pending.length > 0) {
          for (const node of pending.pop()!) {
            if (node.kind === 'escape') escapes.push(node.start);
            else if (node.kind === 'span') pending.push(node.children);
          }
        }
        for (const start of escapes) removed.push({ start, end: start + 1 });
        removed.sort((a, b) => a.start - b.start);
        let expected = '';
        let from = 0;
        for (const range of removed) {
          expected += text.slice(from, range.start);
          from = range.end;
        }
        expected += text.slice(from);

        const article = articleText(doc);
        assert.equal(article.text, expected);
        let previous = -1;
        for (let k = 0; k < article.text.length; k++) {
          const at = article.toSource(k);
          assert.ok(at > previous);
          previous = at;
          const { start, end } = article.toSourceRange(k, k + 1);
          assert.equal(start, at);
          const fromSource = text.slice(start, end);
          assert.ok(fromSource === article.text[k] || fromSource === `\\${article.text[k]}`, `article ${k}`);
        }
      }),
      { numRuns: 1000 },
    );
  });

  void test('well-formed markup parses without problems and its article is recovered exactly', () => {
    fc.assert(
      fc.property(wellFormed, ({ source: text, article, spans }) => {
        const doc = parseDocument(text);
        assert.deepEqual(problems(doc), []);
        assert.equal(doc.spans.length, spans);
        assert.equal(articleText(doc).text, article);
        assert.equal(printDocument(doc), text);
      }),
      { numRuns: 500 },
    );
  });
});
