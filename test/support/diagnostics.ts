// Diagnostics expected inline (./fixture): the corpus a fixture shows is
// checked as `corroborate check --format json` checks it, and every
// diagnostic must be the one written under its text — code, exact range,
// and the message where the fixture gives one — with the severity
// docs/diagnostics.md gives its code, in the contract's order.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Corpus } from '../../server/src/engine/corpus';
import type { DiagnosticCode, Severity } from '../../server/src/engine/diagnostics';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { checkJson } from '../../server/src/cli/report';
import { loadCorpus } from '../../server/src/workspace/corpusFiles';
import { assertSameText } from './assertText';
import { corpusOf } from './corpus';
import { parseFixture, renderFixture, type Annotation, type Fixture } from './fixture';
import { REPO, writeCorpus, type CorpusFiles } from './tempFolder';

/**
 * The codes and their severities as docs/diagnostics.md lists them for users:
 * the tests hold the engine to its documentation, not to its own table.
 */
export const CONTRACT_SEVERITY: ReadonlyMap<string, Severity> = documentedCodes();

function documentedCodes(): Map<string, Severity> {
  const page = fs.readFileSync(path.join(REPO, 'docs', 'diagnostics.md'), 'utf8');
  const rows = [...page.matchAll(/^\| \[`([a-z-]+)`\]\(#[a-z-]+\) \| (error|warning|information|hint) \|/gm)];
  if (rows.length === 0) throw new Error('docs/diagnostics.md lists no code in its table: the tests read the codes and severities from it');
  return new Map(rows.map(([, code = '', severity = '']) => [code, severity as Severity]));
}

export function isDiagnosticCode(word: string): boolean {
  return CONTRACT_SEVERITY.has(word);
}

/** `check --format json`'s positions: 1-based lines and columns, exclusive end. */
export interface JsonRange {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface JsonRelated extends JsonRange {
  readonly message: string;
  readonly claimant: string | null;
  readonly source: string | null;
  readonly value: string | null;
}

export interface JsonDiagnostic extends JsonRange {
  readonly severity: string;
  readonly code: string;
  readonly message: string;
  readonly related: readonly JsonRelated[];
}

export interface CheckOutput {
  readonly documents: number;
  readonly mentions: number;
  readonly claims: number;
  readonly diagnostics: readonly JsonDiagnostic[];
}

/** What `corroborate check --format json` prints for this corpus. */
export function checkOutput(corpus: Corpus): CheckOutput {
  return JSON.parse(checkJson(corpus, corpus.allDiagnostics())) as CheckOutput;
}

export function rangeOf(d: JsonRange): JsonRange {
  return { file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn };
}

/** A label `$name` marks a range the test names (a related location, say); other labels are codes. */
function isMark(label: string): boolean {
  return label.startsWith('$');
}

export function parseDiagnosticsFixture(source: string): Fixture {
  return parseFixture(source, (label) => isMark(label) || isDiagnosticCode(label));
}

export interface DiagnosticsCase {
  /** Files the fixture does not show (a shared registry, a binary file): in the corpus, as they are. */
  readonly extra?: CorpusFiles;
  /** Bytes written for a fixture file instead of its text; they must decode to that text. */
  readonly bytes?: Readonly<Record<string, Uint8Array>>;
  /** Line ends of every file the fixture shows (default `\n`). */
  readonly eol?: '\n' | '\r\n' | '\r';
  /** A byte order mark before every file the fixture shows. */
  readonly bom?: boolean;
  /** Puts the corpus on disk and calls this on its folder before it is read (to add links, say). */
  readonly onDisk?: (folder: string) => void;
  /** Only these codes are compared; the others are not looked at. */
  readonly only?: readonly DiagnosticCode[];
  /** These codes are not compared. */
  readonly ignore?: readonly DiagnosticCode[];
}

export interface Checked {
  readonly out: CheckOutput;
  readonly corpus: Corpus;
  readonly fixture: Fixture;
  /** Where the fixture's `$name` mark is, as `check` would print it. */
  readonly mark: (name: string) => JsonRange;
}

/**
 * Checks the corpus a fixture shows and compares its diagnostics with the
 * fixture's annotations, as one rendered text, so a failure shows the
 * fixture as it should be written. In memory, unless bytes, a BOM or a file
 * of `extra` that is bytes need the disk.
 */
export async function expectDiagnostics(source: string, options: DiagnosticsCase = {}): Promise<Checked> {
  const fixture = parseDiagnosticsFixture(source);
  const eol = options.eol ?? '\n';
  const shown = new Map([...fixture.files].map(([file, text]) => [file, text.replace(/\n/g, eol)]));
  const onDisk = options.onDisk !== undefined || options.bom === true || options.bytes !== undefined || Object.values(options.extra ?? {}).some((content) => typeof content !== 'string');
  let corpus: Corpus;
  if (onDisk) {
    const files: Record<string, string | Uint8Array> = { ...options.extra };
    for (const [file, text] of shown) files[file] = options.bytes?.[file] ?? Buffer.from(options.bom ? `\ufeff${text}` : text);
    const folder = writeCorpus(files);
    options.onDisk?.(folder);
    corpus = await loadCorpus(folder);
  } else {
    const files: Record<string, string> = {};
    for (const [file, content] of Object.entries(options.extra ?? {})) if (typeof content === 'string') files[file] = content;
    corpus = corpusOf({ ...files, ...Object.fromEntries(shown) });
  }
  for (const [file, text] of shown) {
    const read = file === REGISTRY_FILE ? corpus.registry.text : corpus.document(file)?.text;
    assert.equal(read, text, `${file} is read as the fixture writes it`);
  }

  const out = checkOutput(corpus);
  const compared = (code: string) => (options.only === undefined || options.only.some((c) => c === code)) && !(options.ignore ?? []).some((c) => c === code);
  for (const d of out.diagnostics) assert.equal(d.severity, CONTRACT_SEVERITY.get(d.code), `the severity of ${d.code} at ${d.file}:${d.line}:${d.column}, as docs/diagnostics.md gives it`);
  assert.deepEqual(
    out.diagnostics.map((d) => [d.file, d.line, d.column, d.code]),
    out.diagnostics.map((d) => [d.file, d.line, d.column, d.code]).sort(contractOrder),
    'diagnostics in the contract order: file, line, column, code',
  );

  const marks = fixture.annotations.filter((a) => isMark(a.label));
  for (const a of fixture.annotations) assert.ok(isMark(a.label) || compared(a.label), `the fixture expects ${a.label}, which this test does not compare`);
  const withMessage = new Set(fixture.annotations.filter((a) => a.message !== undefined).map(annotationKey));
  const reported: Annotation[] = out.diagnostics
    .filter((d) => compared(d.code))
    .map((d) => {
      const annotation: Annotation = { file: d.file, start: { line: d.line - 1, character: d.column - 1 }, end: { line: d.endLine - 1, character: d.endColumn - 1 }, label: d.code };
      return withMessage.has(annotationKey(annotation)) ? { ...annotation, message: d.message } : annotation;
    });
  const actual = [...reported, ...marks];
  // Files the fixture does not show appear when something is reported on them.
  const texts = new Map(fixture.files);
  for (const a of actual) {
    if (!texts.has(a.file)) texts.set(a.file, (a.file === REGISTRY_FILE ? corpus.registry.text : corpus.document(a.file)?.text) ?? '');
  }
  assertSameText(
    renderFixture(texts, actual),
    renderFixture(fixture.files, fixture.annotations),
    "the diagnostics are not the fixture's: + lines are what the engine reports, - lines what the fixture expects",
  );
  const mark = (name: string): JsonRange => {
    const found = marks.find((a) => a.label === `$${name}`);
    assert.ok(found, `the fixture marks no $${name}`);
    return { file: found.file, line: found.start.line + 1, column: found.start.character + 1, endLine: found.end.line + 1, endColumn: found.end.character + 1 };
  };
  return { out, corpus, fixture, mark };
}

function annotationKey(a: Annotation): string {
  return JSON.stringify([a.file, a.start, a.end, a.label]);
}

function contractOrder(a: (string | number)[], b: (string | number)[]): number {
  for (let k = 0; k < a.length; k++) {
    const [x, y] = [a[k] ?? '', b[k] ?? ''];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
