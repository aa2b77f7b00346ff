// The one rule of what ends a line (`\r\n`, `\n`, a lone `\r`) and the line
// index built on it: positions in UTF-16 code units, as LSP counts them.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { afterLineBreak, lineBreakAt, lineEnding, LineIndex } from '../../server/src/engine/lineIndex';

void describe('line breaks', () => {
  void test('the line ending a text is written with is that of its first line break', () => {
    const cases: [string, string][] = [
      ['a\r\nb\nc\rd', '\r\n'],
      ['a\nb\r\nc', '\n'],
      ['a\rb\r\nc', '\r'],
      ['ends with a lone CR\r', '\r'],
      ['ends with CRLF\r\n', '\r\n'],
      ['no line break at all', '\n'],
      ['', '\n'],
    ];
    for (const [text, expected] of cases) assert.equal(lineEnding(text), expected, JSON.stringify(text));
  });

  void test('a line break is found and stepped over as one, whichever it is', () => {
    const text = 'é😀\r\nb\rc\nd';
    assert.equal(lineBreakAt(text, 0), 3);
    assert.equal(afterLineBreak(text, 3), 5);
    assert.equal(lineBreakAt(text, 5), 6);
    assert.equal(afterLineBreak(text, 6), 7);
    assert.equal(lineBreakAt(text, 7), 8);
    assert.equal(afterLineBreak(text, 8), 9);
    assert.equal(lineBreakAt(text, 9), text.length);
  });
});

void describe('the line index', () => {
  void test('counts \\r\\n, \\n and a lone \\r as one line break each, columns in UTF-16 code units', () => {
    const text = 'é😀x\r\nالجيش\rc\n\nd';
    const index = new LineIndex(text);
    const at = (needle: string) => index.positionAt(text.indexOf(needle));
    assert.deepEqual(at('x'), { line: 0, character: 3 });
    assert.deepEqual(at('الجيش'), { line: 1, character: 0 });
    assert.deepEqual(at('c'), { line: 2, character: 0 });
    assert.deepEqual(at('d'), { line: 4, character: 0 });
    assert.deepEqual(index.positionAt(text.length + 5), { line: 4, character: 1 });
    for (let offset = 0; offset <= text.length; offset++) {
      const inBreak = text[offset - 1] === '\r' && text[offset] === '\n';
      if (!inBreak) assert.equal(index.offsetAt(index.positionAt(offset)), offset, `offset ${offset}`);
    }
    // A column past the end of a line stops before its line break.
    assert.equal(index.offsetAt({ line: 0, character: 99 }), text.indexOf('\r'));
    assert.equal(index.offsetAt({ line: 9, character: 0 }), text.length);
  });
});
