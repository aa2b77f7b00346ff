// Diagnostics as the engine produces them: offsets into one file of the
// corpus. Lines and columns are computed only at the edges (CLI output, LSP).

import type { SectionKey } from './names';
import { flatCopy } from './strings';
import type { TextRange } from './syntax';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type DiagnosticCode =
  | 'syntax'
  | 'encoding'
  | 'front-matter'
  | 'registry'
  | 'unknown-entity'
  | 'unknown-property'
  | 'bad-value'
  | 'missing-event'
  | 'missing-claimant'
  | 'wrong-kind'
  | 'duplicate-id'
  | 'unreadable'
  | 'conflicting-claims'
  | 'inconsistent-reports'
  | 'mention-mismatch'
  | 'ambiguous-alias'
  | 'empty-glob'
  | 'value-not-in-text'
  | 'acknowledged-dispute'
  | 'unannotated-mention'
  | 'unused-entity'
  | 'possible-claim';

export const severityOf: Readonly<Record<DiagnosticCode, Severity>> = {
  syntax: 'error',
  encoding: 'error',
  'front-matter': 'error',
  registry: 'error',
  'unknown-entity': 'error',
  'unknown-property': 'error',
  'bad-value': 'error',
  'missing-event': 'error',
  'missing-claimant': 'error',
  'wrong-kind': 'error',
  'duplicate-id': 'error',
  unreadable: 'error',
  'conflicting-claims': 'warning',
  'inconsistent-reports': 'warning',
  'mention-mismatch': 'warning',
  'ambiguous-alias': 'warning',
  'empty-glob': 'warning',
  'value-not-in-text': 'warning',
  'acknowledged-dispute': 'information',
  'unannotated-mention': 'hint',
  'unused-entity': 'hint',
  'possible-claim': 'hint',
};

/** Another place a diagnostic points to: for contradictions, the other claim's `key=value`. */
export interface RelatedEntry extends TextRange {
  readonly file: string;
  readonly message: string;
  readonly claimant?: string;
  readonly source?: string;
  readonly value?: string;
}

/**
 * What a quick fix needs to know and the range alone does not say. Plain data,
 * so it can travel through LSP's `Diagnostic.data` unchanged.
 */
export type FixHint =
  | { readonly kind: 'did-you-mean'; readonly candidates: readonly string[] }
  | {
      readonly kind: 'unknown-entity';
      readonly id: string;
      /** The section the id must come from, when its place says (by= → actors). */
      readonly section?: SectionKey;
      readonly candidates: readonly string[];
    }
  | { readonly kind: 'annotate'; readonly entityIds: readonly string[] }
  /** A passage the assist proposes as a claim: its fixes find the suggestion again from the range. */
  | { readonly kind: 'possible-claim' }
  /** The value a claim's own words give for the property, as the markup writes it, and those words. */
  | { readonly kind: 'value-in-text'; readonly value: string; readonly words: string }
  | {
      readonly kind: 'contradiction';
      readonly event: string;
      readonly property: string;
      readonly value: string;
      readonly otherValues: readonly string[];
    };

export interface Diagnostic extends TextRange {
  /** Corpus-relative path with `/` separators; the registry is `corroborate.yaml`. */
  readonly file: string;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly related?: readonly RelatedEntry[];
  readonly fix?: FixHint;
}

export function diagnostic(
  file: string,
  range: TextRange,
  code: DiagnosticCode,
  message: string,
  extra: { related?: readonly RelatedEntry[]; fix?: FixHint } = {},
): Diagnostic {
  return { file, start: range.start, end: range.end, severity: severityOf[code], code, message: flatCopy(message), ...extra };
}
