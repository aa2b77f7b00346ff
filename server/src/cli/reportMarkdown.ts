// `corroborate report --format md`: the claims report as a Markdown summary,
// for a brief, an issue or a wiki. The overview is a table; each event's
// matrix is a list per property (one line per claimant), which stays
// readable however many claimants there are; the timeline is a table. User
// text is made inert for Markdown and for the terminal it may be printed in.

import type { ClaimsReport, EventMatrix, MatrixRow, TimelineTrack } from '../features/matrix';
import { escapeMarkdown, plural } from '../features/present';
import { STATE_WORDS, datesText, disputeText, eventFacts, firstReports, hedgedText, relaysText, timelineNames, type ReportContext, type TimelineNames } from './reportText';
import { terminalText } from './terminal';

/** User text in Markdown: punctuation escaped, and no control character left to drive a terminal. */
function md(text: string): string {
  return terminalText(escapeMarkdown(text));
}

function id(text: string): string {
  return `\`@${terminalText(text.replace(/`/g, ''))}\``;
}

/** The summary, in pieces. */
export function* reportMarkdownParts(report: ClaimsReport, context: ReportContext): Generator<string> {
  const { overview } = report;
  yield `# Claims report: ${md(context.corpusName)}\n\n`;
  yield `${plural(overview.documents, 'report')} · ${plural(overview.claims, 'claim')} · ${plural(overview.events.length, 'event')} with claims · ${md(context.checkSummary)}\n\n`;
  yield `Cell states, the first that applies: ${Object.entries(STATE_WORDS)
    .map(([state, words]) => `**${state}** (${md(words)})`)
    .join('; ')}.\n\n`;
  yield `## Overview\n\n`;
  if (overview.events.length === 0) yield `No claim is about an event of corroborate.yaml.\n\n`;
  else {
    yield `| Event | Open conflicts | Acknowledged disputes | Claims | Reports | Sources | Independent origins | Claimants | Dates |\n`;
    yield `|---|---|---|---:|---:|---:|---:|---:|---|\n`;
    for (const s of overview.events) {
      yield `| ${md(s.event.name)} ${id(s.event.id)} | ${disputeText(s.conflicts, 'warning')} | ${disputeText(s.acknowledged, 'information')} | ${s.claims} | ${s.reports} | ${s.sources} | ${s.origins} | ${s.claimants} | ${md(datesText(s.dates))} |\n`;
    }
    yield `\n`;
  }
  if (overview.withoutClaims.length > 0) {
    yield `${plural(overview.withoutClaims.length, 'event')} without claims: ${overview.withoutClaims.map((e) => `${md(e.name)} ${id(e.id)}`).join(', ')}.\n\n`;
  }
  for (const matrix of report.events) yield* eventSection(matrix);
}

function* eventSection(matrix: EventMatrix): Generator<string> {
  const { summary } = matrix;
  yield `## ${md(matrix.event.name)} (${id(matrix.event.id)})\n\n`;
  const disputes = [
    summary.conflicts.properties > 0 ? `open conflicts: ${disputeText(summary.conflicts, 'warning')}` : 'no open conflict',
    ...(summary.acknowledged.properties > 0 ? [`acknowledged disputes: ${disputeText(summary.acknowledged, 'information')}`] : []),
  ];
  yield `${md([eventFacts(matrix), ...disputes].join(' · '))}\n\n`;
  const { desk } = matrix;
  if (desk.assessment !== undefined) yield `> **Assessment:** ${md(desk.assessment)}\n\n`;
  for (const { property, values } of desk.disputed) yield `- **Disputed** ${md(property)}: ${md(values.join(' / '))} (acknowledged)\n`;
  for (const { property, label } of desk.estimate) yield `- **Desk estimate** ${md(property)}: ${md(label)}\n`;
  if (desk.disputed.length + desk.estimate.length > 0) yield `\n`;
  if (matrix.rows.length === 0) yield `No claim about this event asserts a property.\n\n`;
  else {
    yield `### Claims\n\n`;
    for (const row of matrix.rows) yield* rowLines(matrix, row);
  }
  if (matrix.timeline.length > 0) {
    yield `### Timeline\n\n| First reported | Who | Property | Value | First in | Then |\n|---|---|---|---|---|---|\n`;
    const names = timelineNames(matrix);
    for (const track of matrix.timeline) yield timelineLine(track, names);
    yield `\n`;
  }
}

const DISPUTE_NOTE: Readonly<Record<MatrixRow['dispute'], string>> = { open: ' — conflict', acknowledged: ' — acknowledged dispute', none: '' };

function* rowLines(matrix: EventMatrix, row: MatrixRow): Generator<string> {
  yield `**${md(row.property)}**${DISPUTE_NOTE[row.dispute]}\n\n`;
  const claimants = new Map(matrix.claimants.map((c) => [c.key, c]));
  const values = new Map(row.values.map((v) => [v.key, v]));
  for (const cell of row.cells) {
    const said = cell.values.map((v) => {
      return `${md(values.get(v.value)?.label ?? v.value)} (${plural(v.reports, 'report')}${v.origins > 1 ? `, ${v.origins} origins` : ''}${hedgedText(v.hedged, v.claims)})`;
    });
    const state = `*${cell.state}*${cell.inconsistent ? ', inconsistent' : ''}`;
    yield `- ${md(claimants.get(cell.claimant)?.label ?? cell.claimant)}: ${said.join('; ')} — ${state}\n`;
  }
  yield `\n`;
}

function timelineLine(track: TimelineTrack, names: TimelineNames): string {
  const { named, more } = firstReports(track, names);
  const listedFirst = named.map((r) => `${md(r.outlet)} (${md(r.report)}${r.hedged ? ', hedged' : ''})`).join(', ');
  const firstIn = named.length > 0 ? listedFirst + (more > 0 ? ` and ${more} more` : '') : 'no dated report';
  return `| ${md(track.first ?? 'undated')} | ${md(track.claimantName)} | ${md(track.property)} | ${md(track.label)} | ${firstIn} | ${md(relaysText(track, names))} |\n`;
}
