// The front matter fast path must read exactly what the YAML parser reads,
// or step aside: checked against the parser on generated front matter.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isJsSpace, plainFields, readFrontMatter, readYamlFields } from '../../server/src/engine/frontMatter';
import type { FrontMatterNode } from '../../server/src/engine/syntax';

// White space beyond the space and the tab (no-break, ideographic, vertical tab) included: YAML and the fast path must agree on where a word ends.
const word = fc.stringMatching(/^[A-Za-z0-9@#:.\-_/'"?~ \u00a0\u3000\v]{0,12}$/);
const key = fc.constantFrom('source', 'origin', 'published', 'language', 'url', 'title', 'x-1', 'not-claims');
const line = fc.oneof(
  fc.tuple(key, fc.constantFrom(' ', '  ', '\t'), word, fc.constantFrom('', ' ', ' # note')).map(([k, gap, v, tail]) => `${k}:${gap}${v}${tail}`),
  fc.constantFrom('# a comment', '', '  ', 'published: 2023-11-25', 'published: 2023', 'published: 2023-02-30', 'source: afp', 'origin: @afp', 'url: https://example.org/a-b?c=d', 'language: ~', 'flag: true', 'n: 0x1F', 'n: 1e5', 'n: +1', 'source: @afp', 'language: fr', 'title: false'),
);

/** The front matter node of `text` whose YAML lines start at `offset`. */
function nodeOf(text: string, offset: number): FrontMatterNode {
  return { kind: 'front-matter', start: 0, end: text.length, content: { start: offset, end: text.length } };
}

test('the plain lines read as the YAML parser reads them, or are left to it', () => {
  fc.assert(
    fc.property(fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), fc.nat(5), (lines, eol, offset) => {
      const text = ' '.repeat(offset) + lines.join(eol) + eol;
      // YAML breaks lines at \n and \r\n only; a lone \r, a line break for the parser of reports, is read as one by both sides here.
      const asYaml = text.replace(/\r(?!\n)/g, '\n');
      assert.deepEqual(readFrontMatter(text, nodeOf(text, offset)), readYamlFields(asYaml, nodeOf(asYaml, offset)));
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 500) },
  );
});

test('the usual front matter is read without the parser, comments and CRLF included', () => {
  const text = '# who published it\r\nsource: vietnam-vn\r\norigin: afp\r\npublished: 2023-11-25\r\nlanguage: fr\r\n';
  assert.equal(plainFields(text, 0, text.length), 4);
  const read = readFrontMatter(text, nodeOf(text, 0));
  assert.deepEqual(
    [read.source, read.origin, read.published, read.language, read.problems],
    [{ value: 'vietnam-vn', start: 28, end: 38 }, { value: 'afp', start: 48, end: 51 }, '2023-11-25', 'fr', []],
  );
});

test('a list, a quote or a repeated key is left to the parser', () => {
  for (const text of ['source: afp\nnot-claims: x\n', 'source: "afp"\n', 'source: afp\nsource: reuters\n', 'source: afp # the wire\n', 'n: 12\n']) {
    assert.equal(plainFields(text, 0, text.length), 0, text);
  }
});

test('white space, for the fast path, is what trim() and \\s take', () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isJsSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});

test('published: ? is a front-matter error that says to quote the ? or leave the line out, not only YAML\'s "Nested mappings"', () => {
  const text = 'source: afp\npublished: ?\n';
  const read = readFrontMatter(text, nodeOf(text, 0));
  assert.deepEqual(read.problems.map((p) => [text.slice(p.start, p.end), p.message]), [['?', 'Nested mappings are not allowed in compact mappings: a bare ? starts a YAML key here; write "?" in quotes for the value, or leave the line out']]);
});
