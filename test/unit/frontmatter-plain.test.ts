// The front matter fast path must read exactly what the YAML parser reads,
// or step aside: checked against the parser on generated front matter.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isJsSpace, readPlainLines } from '../../server/src/engine/frontMatter';
import { readYaml } from '../../server/src/engine/yaml';

// White space beyond the space and the tab (no-break, ideographic, vertical tab) included: YAML and the fast path must agree on where a word ends.
const word = fc.stringMatching(/^[A-Za-z0-9@#:.\-_/'"?~ \u00a0\u3000\v]{0,12}$/);
const key = fc.constantFrom('source', 'origin', 'published', 'language', 'url', 'title', 'x-1');
const line = fc.oneof(
  fc.tuple(key, fc.constantFrom(' ', '  ', '\t'), word, fc.constantFrom('', ' ', ' # note')).map(([k, gap, v, tail]) => `${k}:${gap}${v}${tail}`),
  fc.constantFrom('# a comment', '', '  ', 'published: 2023-11-25', 'published: 2023', 'source: afp', 'url: https://example.org/a-b?c=d', 'language: ~', 'flag: true', 'n: 0x1F', 'n: 1e5', 'source: @afp'),
);

test('the plain-lines reader gives the YAML parser’s entries, or leaves the text to it', () => {
  fc.assert(
    fc.property(fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), fc.nat(5), (lines, eol, offset) => {
      const text = ' '.repeat(offset) + lines.join(eol) + eol;
      const fast = readPlainLines(text, offset, text.length);
      if (!fast) return;
      const parsed = readYaml(text.slice(offset).replace(/\r(?!\n)/g, '\n'), offset);
      assert.deepEqual(parsed.problems, []);
      // The map's own range is only used to report a front matter that is not a map.
      assert.equal(parsed.root?.kind, 'map');
      assert.deepEqual(fast.root?.kind === 'map' ? fast.root.entries : undefined, parsed.root?.kind === 'map' ? parsed.root.entries : undefined);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 500) },
  );
});

test('the usual front matter is read without the parser, comments and CRLF included', () => {
  const text = '# who published it\r\nsource: vietnam-vn\r\norigin: afp\r\npublished: 2023-11-25\r\nlanguage: fr\r\n';
  const fast = readPlainLines(text, 0, text.length);
  assert.ok(fast?.root?.kind === 'map');
  assert.deepEqual(fast.root.entries.map((e) => [e.key, e.value.kind === 'scalar' ? e.value.value : undefined, text.slice(e.value.start, e.value.end)]), [
    ['source', 'vietnam-vn', 'vietnam-vn'],
    ['origin', 'afp', 'afp'],
    ['published', '2023-11-25', '2023-11-25'],
    ['language', 'fr', 'fr'],
  ]);
});

test('white space, for the fast path, is what trim() and \\s take', () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isJsSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});
