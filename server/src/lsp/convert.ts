// The one place where engine offsets become LSP positions and back. Positions
// are UTF-16 code units, which is what JavaScript string offsets already are,
// so the conversion is only about lines.

import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type DiagnosticRelatedInformation, type Position, type Range } from 'vscode-languageserver/node';
import type { Diagnostic, Severity } from '../engine/diagnostics';
import { LineIndex } from '../engine/lineIndex';
import type { TextRange } from '../engine/syntax';

export function toRange(index: LineIndex, range: TextRange): Range {
  return { start: index.positionAt(range.start), end: index.positionAt(range.end) };
}

export function toOffset(index: LineIndex, position: Position): number {
  return index.offsetAt(position);
}

export function toOffsets(index: LineIndex, range: Range): TextRange {
  const start = index.offsetAt(range.start);
  const end = index.offsetAt(range.end);
  return start <= end ? { start, end } : { start: end, end: start };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toSeverity(severity: Severity): DiagnosticSeverity {
  return SEVERITY[severity];
}

/** Line indexes of corpus files, rebuilt only when a file's text changes. */
export class LineIndexCache {
  private readonly indexes = new Map<string, { text: string; index: LineIndex }>();

  get(file: string, text: string): LineIndex {
    const cached = this.indexes.get(file);
    if (cached && cached.text === text) return cached.index;
    const index = new LineIndex(text);
    this.indexes.set(file, { text, index });
    return index;
  }

  forget(file: string): void {
    this.indexes.delete(file);
  }
}

export interface DiagnosticContext {
  /** The index of the diagnostic's own file. */
  readonly index: LineIndex;
  /** Position mapping for related entries, which may sit in other files. */
  readonly locate: (file: string, range: TextRange) => { uri: string; range: Range } | undefined;
  readonly severity: (diagnostic: Diagnostic) => Severity;
}

export function toLspDiagnostic(diagnostic: Diagnostic, context: DiagnosticContext): LspDiagnostic {
  const related: DiagnosticRelatedInformation[] = [];
  for (const entry of diagnostic.related ?? []) {
    const location = context.locate(entry.file, entry);
    if (location) related.push({ location, message: entry.message });
  }
  return {
    range: toRange(context.index, diagnostic),
    severity: toSeverity(context.severity(diagnostic)),
    code: diagnostic.code,
    source: 'corroborate',
    message: diagnostic.message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
  };
}
