// What `corroborate check` and `export` print: the CLI's contract with
// scripts and CI (DESIGN.md, "Outside the editor"). Lines and columns are
// 1-based, columns in UTF-16 code units, ends exclusive.

import { assertionsOf, claimBlockFrom } from '../engine/claims';
import type { Corpus } from '../engine/corpus';
import type { Diagnostic, RelatedEntry } from '../engine/diagnostics';
import { spanText, type DocumentFacts } from '../engine/document';
import { LineIndex } from '../engine/lineIndex';
import { REGISTRY_FILE } from '../engine/registry';
import { flatCopy } from '../engine/strings';
import { forEachSpan, spanAt } from '../engine/spans';
import type { MentionBlock, SpanNode, TextRange } from '../engine/syntax';
import { valueBounds } from '../engine/values';
import { terminalPath, terminalText } from './terminal';

/** The lines of a file without facts (an unreadable document): every offset is at its start. */
const NO_LINES = new LineIndex('');

export interface CliRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * Offsets to the CLI's 1-based lines and UTF-16 columns. A document's lines
 * are its own line index (TextLayout.lines), which outlives its text: `check`
 * lets each report's text go once read, and a related entry may point into
 * any report.
 */
export class Positions {
  private registryLines: LineIndex | undefined;

  constructor(private readonly corpus: Corpus) {}

  private linesOf(file: string): LineIndex {
    if (file === REGISTRY_FILE) return (this.registryLines ??= new LineIndex(this.corpus.registry.text));
    return this.corpus.document(file)?.layout.lines ?? NO_LINES;
  }

  range(file: string, range: TextRange): CliRange {
    const index = this.linesOf(file);
    const start = index.positionAt(range.start);
    const end = index.positionAt(range.end);
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
  }
}

/** A relative path as a URI reference: each segment percent-encoded, so `:`, `#`, `%`, spaces and line breaks survive. */
export function uriReference(relativePath: string, separator = '/'): string {
  return relativePath.split(separator).map(encodeURIComponent).join('/');
}

export interface Counts {
  readonly documents: number;
  readonly mentions: number;
  readonly claims: number;
}

/** The mention spans of a document that count: those outside `{skip}`, where the engine reads no markup. */
export function mentionSpans(facts: DocumentFacts): (SpanNode & { readonly block: MentionBlock })[] {
  const found: (SpanNode & { readonly block: MentionBlock })[] = [];
  forEachSpan(facts.parsed.spans, {
    read: (span) => {
      const block = span.block;
      if (block.kind === 'mention') found.push({ ...span, block });
    },
  });
  return found;
}

export function countCorpus(corpus: Corpus): Counts {
  let claims = 0;
  for (const facts of corpus.allFacts()) claims += facts.claims.length;
  // From the facts, not the tree: check keeps no tree (a mention's refs are its ids' mention uses, summed per entity as documents are read).
  return { documents: corpus.files().length, mentions: corpus.mentionCount(), claims };
}

export function checkJson(corpus: Corpus, diagnostics: readonly Diagnostic[]): string {
  return [...checkJsonParts(corpus, diagnostics)].join('');
}

/**
 * The JSON object of `check --format json`, in pieces: a corpus of many
 * contradicting claims makes more JSON than one JavaScript string can hold
 * (over 500 MB from a 20 MB report), so the CLI writes it piece by piece.
 * Each diagnostic is written as JSON.stringify writes its object, field by
 * field, rather than built as an object to stringify: most of the output is
 * contradictions' related entries, and their claims' entries are shared by
 * many diagnostics (contradictions.ts), so each is placed and written once
 * (at 10,000 reports 52,730 entries are written, 2,374 distinct).
 */
export function* checkJsonParts(corpus: Corpus, diagnostics: readonly Diagnostic[]): Generator<string> {
  const json = new CheckJson(new Positions(corpus));
  // The counts' object, left open for the diagnostics.
  yield `${JSON.stringify(countCorpus(corpus)).slice(0, -1)},"diagnostics":[`;
  let first = true;
  for (const d of diagnostics) {
    // Each diagnostic closes the one before it: one piece fewer to encode for each.
    const head = json.head(d);
    yield first ? head : `]},${head}`;
    first = false;
    // Its related entries a piece of their own: joined to the rest, the diagnostic was one more copy of them, made
    // flat again where writeParts encodes it (most of the output is related entries: 16 MB at 10,000 reports).
    if (d.related !== undefined && d.related.length > 0) yield json.related(d.related);
  }
  yield first ? ']}' : ']}]}';
}

/** What checkJsonParts writes of a diagnostic, with what several diagnostics share written once. */
class CheckJson {
  /** Each related entry's JSON: its place read once. */
  private readonly entries = new Map<RelatedEntry, string>();
  /** Severities and codes as JSON writes them. */
  private readonly quoted = new Map<string, string>();
  /** The last diagnostic's file as JSON writes it: diagnostics come file by file. */
  private file = '';
  private quotedFile = '""';

  constructor(private readonly positions: Positions) {}

  /** A diagnostic's JSON up to its related entries' list, left open. */
  head(d: Diagnostic): string {
    if (d.file !== this.file) {
      this.file = d.file;
      this.quotedFile = JSON.stringify(d.file);
    }
    const at = this.positions.range(d.file, d);
    // Left a concatenation: writeParts encodes it at once, and a flat copy made here was copied again with the comma before it.
    return `{"file":${this.quotedFile},"line":${at.line},"column":${at.column},"endLine":${at.endLine},"endColumn":${at.endColumn},"severity":${this.quote(d.severity)},"code":${this.quote(d.code)},"message":${JSON.stringify(d.message)},"related":[`;
  }

  /** The items of a related entries' list. */
  related(entries: readonly RelatedEntry[]): string {
    return entries.map((entry) => this.entry(entry)).join(',');
  }

  private entry(entry: RelatedEntry): string {
    let text = this.entries.get(entry);
    if (text === undefined) {
      const at = this.positions.range(entry.file, entry);
      // Flat: kept to the end, where a concatenation's tree is larger than its text.
      text = flatCopy(
        `{"file":${JSON.stringify(entry.file)},"line":${at.line},"column":${at.column},"endLine":${at.endLine},"endColumn":${at.endColumn},"message":${JSON.stringify(entry.message)},"claimant":${optional(entry.claimant)},"source":${optional(entry.source)},"value":${optional(entry.value)}}`,
      );
      this.entries.set(entry, text);
    }
    return text;
  }

  private quote(text: string): string {
    let quoted = this.quoted.get(text);
    if (quoted === undefined) this.quoted.set(text, (quoted = JSON.stringify(text)));
    return quoted;
  }
}

/** A string JSON writes, or null for none. */
function optional(text: string | undefined): string {
  return text === undefined ? 'null' : JSON.stringify(text);
}

/** The items of a JSON array, one piece each, commas between them: an output too large for one string is written piece by piece. */
export function* jsonItems<T>(items: Iterable<T>, json: (item: T) => unknown): Generator<string> {
  let first = true;
  for (const item of items) {
    const text = JSON.stringify(json(item));
    yield first ? text : `,${text}`;
    first = false;
  }
}

/**
 * The lines of `check`, each with its line break, the summary last. `name`
 * says how to print a corpus file's path (relative to the working folder);
 * paths and messages are kept on one line (terminal.ts).
 */
export function* checkTextParts(corpus: Corpus, diagnostics: readonly Diagnostic[], name: (file: string) => string): Generator<string> {
  const positions = new Positions(corpus);
  const names = new Map<string, string>();
  for (const d of diagnostics) {
    const at = positions.range(d.file, d);
    let shown = names.get(d.file);
    if (shown === undefined) names.set(d.file, (shown = terminalPath(name(d.file))));
    yield `${shown}:${at.line}:${at.column}: ${d.severity} ${d.code}: ${terminalText(d.message)}\n`;
  }
  const counts = countCorpus(corpus);
  const by = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  yield `${plural(counts.documents, 'document')}, ${plural(counts.mentions, 'mention')}, ${plural(counts.claims, 'claim')}: ` +
    `${plural(by('error'), 'error')}, ${plural(by('warning'), 'warning')}, ${by('information')} information, ${plural(by('hint'), 'hint')}\n`;
}

export interface ExportRecord extends CliRange {
  readonly file: string;
  readonly id: string | null;
  readonly event: string | null;
  readonly property: string;
  readonly value: string;
  readonly low: string | number | null;
  readonly high: string | number | null;
  readonly claimant: string | null;
  readonly source: string | null;
  readonly origin: string | null;
  readonly hedged: boolean;
  readonly text: string;
}

/** One record per (claim, property), in file and offset order. */
export function exportRecords(corpus: Corpus): ExportRecord[] {
  const positions = new Positions(corpus);
  const records: ExportRecord[] = [];
  for (const file of corpus.files()) {
    const facts = corpus.document(file);
    if (!facts) continue;
    for (const claim of facts.claims) {
      // A claim keeps no text runs: its quoted text is read from its span in the tree, the innermost span at its `[`.
      const span = spanAt(facts.parsed, claim.start);
      const text = span === undefined ? '' : spanText(facts.text, span);
      for (const attribute of claimBlockFrom(span, claim).properties) {
        // Only a valid assertion has bounds: a bad value, an unknown id or an id of the wrong kind has none.
        const assertion = assertionsOf(claim).find((a) => a.start === attribute.start);
        const bounds = assertion ? valueBounds(assertion.property, assertion.value) : { low: null, high: null };
        records.push({
          file,
          ...positions.range(file, claim),
          id: claim.id ?? null,
          event: claim.event ?? null,
          property: attribute.key,
          value: attribute.value.text,
          ...bounds,
          claimant: claim.claimant ?? null,
          source: claim.source ?? null,
          origin: claim.origin ?? null,
          hedged: claim.hedged,
          text,
        });
      }
    }
  }
  return records;
}

const CSV_COLUMNS: readonly (keyof ExportRecord)[] = ['file', 'line', 'column', 'endLine', 'endColumn', 'id', 'event', 'property', 'value', 'low', 'high', 'claimant', 'source', 'origin', 'hedged', 'text'];

function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV row as RFC 4180 writes it, its CRLF included. */
export function csvRow(fields: readonly (string | number | boolean | null)[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

export function exportCsv(records: readonly ExportRecord[]): string {
  return csvRow(CSV_COLUMNS) + records.map((record) => csvRow(CSV_COLUMNS.map((column) => record[column]))).join('');
}
