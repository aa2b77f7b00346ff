// The editor settings (section `corroborate`), read from
// workspace/configuration or initializationOptions, and what they change: how
// contradictions show, which hints are published, and whether code lenses and
// inlay hints are shown.

import type { Diagnostic, Severity } from '../engine/diagnostics';

export interface Settings {
  /** Severity of conflicting-claims and inconsistent-reports. */
  readonly contradictionSeverity: 'error' | 'warning' | 'information';
  readonly hintUnannotatedMentions: boolean;
  /** The assist's `possible-claim` hints in open reports (and the reading of reports and learning of cues they need). */
  readonly hintPossibleClaims: boolean;
  /** A lens above the first claim of each event: its claims, origins and conflicts. */
  readonly codeLens: boolean;
  /** After a vague count or a partial date, the interval it stands for. */
  readonly inlayHints: boolean;
}

export const DEFAULT_SETTINGS: Settings = { contradictionSeverity: 'warning', hintUnannotatedMentions: true, hintPossibleClaims: true, codeLens: true, inlayHints: true };

const CONTRADICTIONS = new Set(['conflicting-claims', 'inconsistent-reports']);

/** Settings from whatever the client sent: anything unknown or mistyped keeps its default. */
export function readSettings(value: unknown): Settings {
  const raw = (value ?? {}) as Partial<Record<keyof Settings, unknown>>;
  const severity = raw.contradictionSeverity;
  const flag = (key: 'hintUnannotatedMentions' | 'hintPossibleClaims' | 'codeLens' | 'inlayHints') => {
    const value = raw[key];
    return typeof value === 'boolean' ? value : DEFAULT_SETTINGS[key];
  };
  return {
    contradictionSeverity: severity === 'error' || severity === 'information' || severity === 'warning' ? severity : DEFAULT_SETTINGS.contradictionSeverity,
    hintUnannotatedMentions: flag('hintUnannotatedMentions'),
    hintPossibleClaims: flag('hintPossibleClaims'),
    codeLens: flag('codeLens'),
    inlayHints: flag('inlayHints'),
  };
}

/** The severity the editor shows a diagnostic with. */
export function shownSeverity(settings: Settings, diagnostic: Diagnostic): Severity {
  return CONTRADICTIONS.has(diagnostic.code) ? settings.contradictionSeverity : diagnostic.severity;
}

/** Whether the editor shows a diagnostic: hints only in open files, alias and possible-claim hints only when asked for. */
export function isShown(settings: Settings, diagnostic: Diagnostic, open: boolean): boolean {
  return (
    (diagnostic.severity !== 'hint' || open) &&
    (diagnostic.code !== 'unannotated-mention' || settings.hintUnannotatedMentions) &&
    (diagnostic.code !== 'possible-claim' || settings.hintPossibleClaims)
  );
}
