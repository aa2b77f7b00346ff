// What the two forms of `corroborate report` (the HTML page and the Markdown
// summary) say alike: what each cell state means, and the overview's and the
// timeline's figures in words.

import type { CellState, DateRange, DisputeCount, EventMatrix, ReportEntry, TimelineTrack } from '../features/matrix';
import { plural } from '../features/present';

/** What a report is about and what `check` finds in it, said once at its top. */
export interface ReportContext {
  /** The corpus folder's name. */
  readonly corpusName: string;
  /** The corpus folder as the report shows paths: relative to the working folder. */
  readonly corpusPath: string;
  readonly version: string;
  /** "0 errors, 15 warnings (corroborate check)". */
  readonly checkSummary: string;
}

/** Each cell state, for the legend. */
export const STATE_WORDS: Readonly<Record<CellState, string>> = {
  conflicts: 'a value it claims contradicts another claim, and the desk has not acknowledged the dispute',
  acknowledged: 'contradicted only where the event’s disputed: acknowledges the dispute',
  agrees: 'another claimant gives the same or a compatible value',
  single: 'the only claimant with a value other than ?',
  declined: 'gives only ?, a value declined or unknown',
};

/** "2023-11-24", "2023-11-24 to 2023-11-26", with "(registry)" when no claim dates the event. */
export function datesText(dates: DateRange | undefined): string {
  if (!dates) return 'unknown';
  const range = dates.from === dates.to ? dates.from : `${dates.from} to ${dates.to}`;
  return dates.basis === 'registry' ? `${range} (registry)` : range;
}

/** "1 property, 2 cells, 15 warnings", or "none". */
export function disputeText(count: DisputeCount, severity: 'warning' | 'information'): string {
  if (count.properties === 0) return 'none';
  // "2 information", as check's summary counts them: the word takes no plural.
  const diagnostics = plural(count.diagnostics, severity, severity === 'information' ? severity : undefined);
  return `${plural(count.properties, 'property', 'properties')}, ${plural(count.cells, 'cell')}, ${diagnostics}`;
}

/** What followed a statement's first reports: "2 later reports; relayed by 1 copy (RFI); 1 undated", or "—". */
export function relaysText(track: TimelineTrack, { origins }: TimelineNames): string {
  let later = 0;
  let undated = 0;
  const relayed = new Map<string, number>();
  for (const appearance of track.appearances) {
    if (appearance.relay) relayed.set(appearance.origin, (relayed.get(appearance.origin) ?? 0) + 1);
    else if (appearance.order === 'later') later++;
    else if (appearance.order === 'undated') undated++;
  }
  const parts: string[] = [];
  if (later > 0) parts.push(plural(later, 'later report'));
  if (relayed.size > 0) {
    const copies = [...relayed.values()].reduce((a, b) => a + b, 0);
    parts.push(`relayed by ${plural(copies, 'copy', 'copies')} (of ${[...relayed.keys()].map((key) => origins.get(key) ?? key).join(', ')})`);
  }
  if (undated > 0) parts.push(`${undated} undated`);
  return parts.length > 0 ? parts.join('; ') : '—';
}

/** "2 hedged" of a cell value's claims: ", hedged" when all are, ", 2 of 5 claims hedged" when some are. */
export function hedgedText(hedged: number, claims: number): string {
  if (hedged === 0) return '';
  return hedged === claims ? ', hedged' : `, ${hedged} of ${claims} claims hedged`;
}

/** "Dated 2023-11-24 in the registry · at Niafunké · 36 claims in 4 reports from 2 independent origins (4 sources)". */
export function eventFacts(matrix: EventMatrix): string {
  const { summary } = matrix;
  const facts = [
    matrix.date !== undefined ? `dated ${matrix.date} in the registry` : undefined,
    matrix.place ? `at ${matrix.place.name}` : undefined,
    `${plural(summary.claims, 'claim')} in ${plural(summary.reports, 'report')} from ${plural(summary.origins, 'independent origin')} (${plural(summary.sources, 'source')})`,
    summary.dates?.basis === 'claims' ? `claimed dates ${datesText(summary.dates)}` : undefined,
  ].filter((f): f is string => f !== undefined);
  const text = facts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** First reports named in a timeline row; past this, "and N more". */
const NAMED_FIRST = 3;

/** What a timeline names its reports by: their outlets and labels, and origins' names. */
export interface TimelineNames {
  readonly reports: ReadonlyMap<string, ReportEntry>;
  readonly origins: ReadonlyMap<string, string>;
}

export function timelineNames(matrix: EventMatrix): TimelineNames {
  return { reports: new Map(matrix.reports.map((r) => [r.file, r])), origins: new Map(matrix.origins.map((o) => [o.key, o.label])) };
}

/** The reports that first carried a statement, named by outlet (at most three), and how many more there are. */
export function firstReports(track: TimelineTrack, names: TimelineNames): { readonly named: readonly { readonly outlet: string; readonly report: string; readonly hedged: boolean }[]; readonly more: number } {
  const first = track.appearances.filter((a) => a.order === 'first');
  const named = first.slice(0, NAMED_FIRST).map((a) => {
    const report = names.reports.get(a.file);
    // A report without source is named by its path.
    return { outlet: report?.source?.name ?? report?.label ?? a.file, report: report?.label ?? a.file, hedged: a.hedged };
  });
  return { named, more: first.length - named.length };
}
