// Fixtures: the files of a small corpus written as one text, with what is
// expected at a range written on the lines under it, in the manner of
// rust-analyzer's fixtures. The full grammar is in CONTRIBUTING.md; in short:
//
//     //- corroborate.yaml            a file begins (optional for one a.txt)
//     documents: ["*.txt"]
//     //- a.txt
//     [Le JNIM]{@jnmi}
//               ^^^^^ unknown-entity  a range on the line above, and its label
//     selon l'armée
//           ^^^^^^^> unannotated-mention   `>`: the range runs on past the line break…
//     malienne.
//     ^^^^^^^^                        …to the last caret of the line that ends it
//     [x]{claim}
//        | syntax: a message          `|`: an empty range; `: …` the exact message
//
// One caret (or space) stands for one UTF-16 code unit of the line above, as
// LSP and `check` count columns: under an emoji the carets are one column off
// on screen, under Arabic they follow the logical order, not the display.
// Fixture text has LF line ends; a test renders it with CRLF, CR or a BOM.

/** A position in the fixture's text: 0-based line and UTF-16 column. */
export interface FixturePosition {
  readonly line: number;
  readonly character: number;
}

export interface Annotation {
  readonly file: string;
  readonly start: FixturePosition;
  readonly end: FixturePosition;
  readonly label: string;
  readonly message?: string;
}

export interface Fixture {
  /** Text of each file, in the order written, each ending with one `\n`. */
  readonly files: ReadonlyMap<string, string>;
  readonly annotations: readonly Annotation[];
}

/** The file a fixture without any `//- ` header is. */
export const DEFAULT_FILE = 'a.txt';

const FILE_HEADER = /^\/\/- (\S+)$/;
/** Stands for the position after the last line break, which no line of its own shows. */
const END_OF_FILE = '//= end of file';
const LABELLED = /^( *)(\^*)(>?)(\|?) (\$?[a-z][a-z0-9-]*)(?:: (.*))?$/;
const CONTINUED = /^(\^*)(>?)(\|?)$/;

interface OpenRange {
  readonly file: string;
  readonly start: FixturePosition;
  readonly label: string;
  readonly message?: string;
}

/**
 * Reads a fixture. `isLabel` says which words are labels, so that a text line
 * that merely starts with spaces and a caret is not taken for an annotation.
 * The fixture's common indentation and its blank first and last lines are
 * dropped, so it can be written indented in a template literal.
 */
export function parseFixture(source: string, isLabel: (word: string) => boolean): Fixture {
  if (source.includes('\r')) throw new Error('fixture text has LF line ends: render CRLF or CR with an option instead');
  const lines = dedent(source);
  const files = new Map<string, string[]>();
  const annotations: Annotation[] = [];
  let file = DEFAULT_FILE;
  let text: string[] | undefined;
  // Ranges that run on past a line break, oldest first.
  let open: OpenRange[] = [];
  // The line annotations are under (its index in the file, -1 before the first
  // line), and the ranges open when it began: one continuation line each.
  let above = '';
  let aboveIndex = -1;
  let pending: OpenRange[] = [];
  let continuations = 0;
  let index = 0;
  const fail = (why: string): never => {
    throw new Error(`fixture line ${index + 1} (\`${lines[index] ?? ''}\`): ${why}`);
  };
  const endLine = () => {
    if (continuations < pending.length) fail(`the range labelled ${pending[continuations]?.label} needs a caret line under every line it covers`);
  };
  const beginLine = (line: string, lineIndex: number) => {
    endLine();
    above = line;
    aboveIndex = lineIndex;
    pending = [...open];
    continuations = 0;
  };

  for (; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const header = FILE_HEADER.exec(line);
    if (header) {
      endLine();
      if (open.length > 0) fail(`a range labelled ${open[0]?.label} is still open at the end of ${file}`);
      file = header[1] ?? '';
      if (files.has(file)) fail(`${file} is written twice`);
      text = [];
      files.set(file, text);
      aboveIndex = -1;
      pending = [];
      continuations = 0;
      continue;
    }
    if (text === undefined) {
      text = [];
      files.set(file, text);
    }
    if (line === END_OF_FILE) {
      beginLine('', text.length);
      continue;
    }
    const labelled = LABELLED.exec(line);
    if (labelled && isLabel(labelled[5] ?? '')) {
      const [, indent = '', carets = '', on = '', empty = '', label = '', message] = labelled;
      if (aboveIndex < 0) fail('an annotation needs a line of text above it');
      if (empty && (carets || on)) fail('`|` marks an empty range on its own');
      if (!empty && !carets && !on) fail('a range needs carets, `>` or `|`');
      const start = { line: aboveIndex, character: indent.length };
      const end = indent.length + carets.length;
      if (end > above.length) fail(`the carets run past the end of the line above (${above.length} UTF-16 units)`);
      const said = message === undefined ? {} : { message };
      if (on) {
        if (end !== above.length) fail('`>` goes right after the last character of the line above');
        open.push({ file, start, label, ...said });
      } else {
        annotations.push({ file, start, end: { line: aboveIndex, character: end }, label, ...said });
      }
      continue;
    }
    const range = pending[continuations];
    const continued = range && line !== '' ? CONTINUED.exec(line) : null;
    if (range && continued) {
      const [, carets = '', on = '', empty = ''] = continued;
      continuations++;
      if (empty && (carets || on)) fail('`|` ends a range at the start of the line on its own');
      if (carets.length > above.length) fail(`the carets run past the end of the line above (${above.length} UTF-16 units)`);
      if (on) {
        if (carets.length !== above.length) fail('`>` goes right after the last character of the line above');
        continue;
      }
      open = open.filter((r) => r !== range);
      annotations.push({ ...range, end: { line: aboveIndex, character: carets.length } });
      continue;
    }
    text.push(line);
    beginLine(line, text.length - 1);
  }
  endLine();
  if (open.length > 0) throw new Error(`fixture: a range labelled ${open[0]?.label} in ${open[0]?.file} is never closed`);
  return { files: new Map([...files].map(([name, written]) => [name, written.map((l) => `${l}\n`).join('')])), annotations };
}

/** The fixture that shows `annotations` on `files`: parseFixture(renderFixture(f, a)) gives f and a back. */
export function renderFixture(files: ReadonlyMap<string, string>, annotations: readonly Annotation[]): string {
  const out: string[] = [];
  for (const [file, text] of files) {
    // Always a header: without one, a file whose every line is indented would lose its indentation.
    out.push(`//- ${file}`);
    const lines = text === '' ? [] : text.split(/\r\n|\r|\n/);
    // The line "after" the final line break is shown only when something is there.
    if (lines[lines.length - 1] === '') lines.pop();
    const mine = annotations.filter((a) => a.file === file).sort(compareAnnotations);
    const open: Annotation[] = [];
    const show = (lineIndex: number, line: string) => {
      for (const range of [...open]) {
        if (range.end.line > lineIndex) out.push(`${'^'.repeat(line.length)}>`);
        else {
          out.push(range.end.character === 0 ? '|' : '^'.repeat(range.end.character));
          open.splice(open.indexOf(range), 1);
        }
      }
      for (const a of mine.filter((m) => m.start.line === lineIndex)) {
        const label = a.message === undefined ? a.label : `${a.label}: ${a.message.replace(/\n/g, '\\n')}`;
        const indent = ' '.repeat(a.start.character);
        if (a.end.line > lineIndex) {
          out.push(`${indent}${'^'.repeat(Math.max(0, line.length - a.start.character))}> ${label}`);
          open.push(a);
        } else if (a.end.character === a.start.character) {
          out.push(`${indent}| ${label}`);
        } else {
          out.push(`${indent}${'^'.repeat(a.end.character - a.start.character)} ${label}`);
        }
      }
    };
    lines.forEach((line, lineIndex) => {
      out.push(line);
      show(lineIndex, line);
    });
    if (open.length > 0 || mine.some((a) => a.start.line >= lines.length)) {
      out.push(END_OF_FILE);
      show(lines.length, '');
    }
  }
  return `${out.join('\n')}\n`;
}

function compareAnnotations(a: Annotation, b: Annotation): number {
  return (
    a.start.line - b.start.line ||
    a.start.character - b.start.character ||
    a.end.line - b.end.line ||
    a.end.character - b.end.character ||
    (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) ||
    ((a.message ?? '') < (b.message ?? '') ? -1 : (a.message ?? '') > (b.message ?? '') ? 1 : 0)
  );
}

function dedent(source: string): string[] {
  const lines = source.split('\n');
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift();
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const common = Math.min(...indents);
  return lines.map((l) => (l.trim() === '' ? '' : l.slice(common)));
}
