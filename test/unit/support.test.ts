// What the tests rely on: the fixture format of test/support/fixture.ts
// (what a fixture says is what it is read as, and rendering what was read
// gives a fixture that reads back the same), and snapshots that are never
// accepted silently.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFixture, renderFixture, type Annotation } from '../support/fixture';
import { matchSnapshot } from '../support/snapshot';
import { checkProperty } from '../fuzz';

const LABELS = new Set(['unknown-entity', 'syntax', '$mark']);
const isLabel = (word: string) => LABELS.has(word);
const parse = (source: string) => parseFixture(source, isLabel);

/** The annotations as comparable strings, in one order. */
function sorted(annotations: readonly Annotation[]): string[] {
  return annotations.map((a) => JSON.stringify([a.file, a.start.line, a.start.character, a.end.line, a.end.character, a.label, a.message])).sort();
}

void describe('fixtures', () => {
  void test('carets under the line above, one per UTF-16 unit; the text without them, ending with a line break', () => {
    const fixture = parse(`
      [Le JNIM]{@jnmi}
                ^^^^^ unknown-entity
      😀 [x]{@y}
              ^^ unknown-entity: no @y
    `);
    assert.deepEqual([...fixture.files], [['a.txt', '[Le JNIM]{@jnmi}\n😀 [x]{@y}\n']]);
    assert.deepEqual(fixture.annotations, [
      { file: 'a.txt', start: { line: 0, character: 10 }, end: { line: 0, character: 15 }, label: 'unknown-entity' },
      { file: 'a.txt', start: { line: 1, character: 8 }, end: { line: 1, character: 10 }, label: 'unknown-entity', message: 'no @y' },
    ]);
  });

  void test('files, ranges across lines (through an empty one), empty ranges, and the end of the file', () => {
    const fixture = parse(`
      //- corroborate.yaml
      documents: ["*.txt"]
                 | syntax
      //- b.txt
      selon l'armée
            ^^^^^^^> unknown-entity
      
      >
      malienne.
      ^^^^^^^^
      deux
         ^> syntax
      //= end of file
      |
      | $mark
    `);
    assert.deepEqual([...fixture.files], [
      ['corroborate.yaml', 'documents: ["*.txt"]\n'],
      ['b.txt', "selon l'armée\n\nmalienne.\ndeux\n"],
    ]);
    assert.deepEqual(fixture.annotations, [
      { file: 'corroborate.yaml', start: { line: 0, character: 11 }, end: { line: 0, character: 11 }, label: 'syntax' },
      { file: 'b.txt', start: { line: 0, character: 6 }, end: { line: 2, character: 8 }, label: 'unknown-entity' },
      { file: 'b.txt', start: { line: 3, character: 3 }, end: { line: 4, character: 0 }, label: 'syntax' },
      { file: 'b.txt', start: { line: 4, character: 0 }, end: { line: 4, character: 0 }, label: '$mark' },
    ]);
  });

  void test('a line that only looks like an annotation, with a word that is no label, is text', () => {
    assert.deepEqual([...parse('x\n^ not-a-label\n').files], [['a.txt', 'x\n^ not-a-label\n']]);
  });

  void test('a fixture that cannot mean what it says is refused, with its line', () => {
    assert.throws(() => parse('  ^ syntax\nx\n'), /line 1 .*needs a line of text above/);
    assert.throws(() => parse('abc\n ^^^^ syntax\n'), /line 2 .*past the end of the line above \(3 UTF-16 units\)/);
    assert.throws(() => parse('abc\n ^> syntax\n'), /`>` goes right after the last character/);
    assert.throws(() => parse('abc\n  ^> syntax\n'), /never closed/);
    assert.throws(() => parse('abc\n  ^> syntax\nd\ne\n^\n'), /needs a caret line under every line it covers/);
    assert.throws(() => parse('a\r\nb'), /LF line ends/);
  });

  void test('render then parse gives the files and the ranges back, whatever the text and the ranges', () => {
    // Text lines never read as annotations: no line of only carets, `>` or `|`, no
    // header, no line that is all blanks (a fixture drops those blanks).
    const unit = fc.constantFrom('a', 'é', '😀', 'ق', ' ', '\t', '[', ']', '{', '@', '^', '>', '|', '-');
    const line = fc.array(unit, { maxLength: 12 }).map((units) => units.join('')).filter((l) => (l === '' || l.trim() !== '') && !/^[\^>|]*$/.test(l.trim()) && !l.startsWith('//'));
    const file = fc.array(line, { minLength: 1, maxLength: 5 });
    const corpus = fc.array(file, { minLength: 1, maxLength: 3 }).filter((files) => (files[files.length - 1]?.at(-1) ?? '') !== '');
    const fixture = corpus.chain((files) => {
      const named = files.map((lines, k) => ({ name: k === 0 ? 'a.txt' : `f${k}.txt`, lines }));
      // A position on a line, or at the start of the line after the last line break.
      const position = (lines: string[]) =>
        fc.integer({ min: 0, max: lines.length }).chain((l) => fc.integer({ min: 0, max: (lines[l] ?? '').length }).map((c) => ({ line: l, character: c })));
      const annotation = fc.integer({ min: 0, max: named.length - 1 }).chain((k) => {
        const { name, lines } = named[k] ?? { name: '', lines: [] };
        return fc
          .tuple(position(lines), position(lines), fc.constantFrom(...LABELS), fc.option(fc.constantFrom('a message', 'it: says `x`'), { nil: undefined }))
          .map(([p, q, label, message]): Annotation => {
            const [start, end] = p.line < q.line || (p.line === q.line && p.character <= q.character) ? [p, q] : [q, p];
            return { file: name, start, end, label, ...(message === undefined ? {} : { message }) };
          });
      });
      return fc.tuple(fc.constant(named), fc.array(annotation, { maxLength: 6 }));
    });
    checkProperty(
      fc.property(fixture, ([named, annotations]) => {
        const files = new Map(named.map(({ name, lines }) => [name, lines.map((l) => `${l}\n`).join('')]));
        const read = parse(renderFixture(files, annotations));
        assert.deepEqual([...read.files], [...files]);
        assert.deepEqual(sorted(read.annotations), sorted(annotations));
      }),
      300,
    );
  });
});

void describe('snapshots', () => {
  void test('a missing or different snapshot fails the test and is not written, unless UPDATE_SNAPSHOTS=1', () => {
    const asked = process.env.UPDATE_SNAPSHOTS;
    delete process.env.UPDATE_SNAPSHOTS;
    try {
      assert.throws(() => matchSnapshot('never-written/by-this-test.md', 'text\n'), /no snapshot test\/unit\/snapshots\/never-written\/by-this-test\.md: run the test with UPDATE_SNAPSHOTS=1/);
      assert.throws(() => matchSnapshot('support/differs.md', 'another text\n'), /snapshot test\/unit\/snapshots\/support\/differs\.md differs/);
      matchSnapshot('support/differs.md', 'What this snapshot holds: the test that compares another text with it must fail.\n');
    } finally {
      if (asked !== undefined) process.env.UPDATE_SNAPSHOTS = asked;
    }
  });
});
