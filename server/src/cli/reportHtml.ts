// `corroborate report --html`: the claims report as one static page a desk
// can attach to a brief or publish. Self-contained: inline CSS and one small
// inline script (sorting the overview, opening an event when linked to and
// every event before printing), no font, image or request to anywhere, which
// the page's Content-Security-Policy also enforces. Light and dark follow the
// reader's system; states are written in words as well as in colour, so the
// page reads in print and without colour.
//
// Each claimed matrix cell carries data-event, data-property, data-claimant
// (an actor id), data-document (for an anonymous claimant, its report,
// relative to DIR) and data-state, so that the page can be checked by
// machine (DESIGN.md, "Outside the editor").

import { createHash } from 'node:crypto';
import type { CellState, ClaimsReport, DeskView, EventMatrix, EventSummary, MatrixCell, MatrixClaimant, MatrixRow, RowValue, TimelineTrack } from '../features/matrix';
import { listed, plural } from '../features/present';
import { STATE_WORDS, datesText, disputeText, eventFacts, firstReports, hedgedText, relaysText, timelineNames, type ReportContext, type TimelineNames } from './reportText';

/** A report of more events than this shows them collapsed under the overview: the page opens fast on a large corpus. */
const OPEN_EVENTS = 10;

/** Text made inert in HTML, in element content and in double- or single-quoted attributes alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--head:#f6f8fa;--link:#0969da;
--conflicts:#b42318;--conflicts-bg:#fdecea;--acknowledged:#8a4b00;--acknowledged-bg:#fff1d6;--agrees:#1a7f37;--agrees-bg:#e7f5ea;
--single:#0b5cad;--single-bg:#e9f1fb;--declined:#59636e;--declined-bg:#f1f2f4}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--head:#151b23;--link:#4493f8;
--conflicts:#ff8f84;--conflicts-bg:#3b1517;--acknowledged:#e3b341;--acknowledged-bg:#33260c;--agrees:#56d364;--agrees-bg:#12301b;
--single:#79c0ff;--single-bg:#0f2744;--declined:#9198a1;--declined-bg:#1c2128}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1500px;padding:1.5rem;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.3rem;margin:2rem 0 .5rem}h3{display:inline;font-size:1.1rem;margin:0}h4{margin:1.2rem 0 .4rem}
a{color:var(--link)}code{font:.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.muted,.meta{color:var(--muted)}small{color:var(--muted);font-size:.8em}
table{border-collapse:collapse;margin:.3rem 0}th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--head);position:sticky;top:0;z-index:1}
.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto;max-width:100%}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;padding:0;list-style:none}
.swatch{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.3em;vertical-align:-.05em}
${(['conflicts', 'acknowledged', 'agrees', 'single', 'declined'] as const)
  .map((s) => `.s-${s}{--c:var(--${s});--cb:var(--${s}-bg)}`)
  .join('')}
${(['conflicts', 'acknowledged', 'agrees', 'single', 'declined'] as const)
  .map((s) => `td[data-state=${s}]{--c:var(--${s});--cb:var(--${s}-bg)}`)
  .join('')}
td[data-state]{background:var(--cb);box-shadow:inset 3px 0 var(--c)}
td[data-state]::before{content:attr(data-state);color:var(--c);font-size:.72em;font-weight:600;letter-spacing:.04em;text-transform:uppercase;margin-right:.4em}
td[data-state]>small:first-child{color:var(--c);font-weight:600}
.swatch,.badge{color:var(--c)}
.swatch{background:var(--c)}
.badge{display:inline-block;border:1px solid var(--c);border-radius:1em;padding:0 .5em;font-size:.8em;margin-left:.4em}
.matrix th[scope=row]{position:sticky;left:0;background:var(--head);min-width:9rem}
.matrix thead th{min-width:9rem;max-width:16rem;font-weight:600;overflow-wrap:anywhere}
.timeline{padding-left:0;list-style:none}.timeline li{margin:.15rem 0}.timeline time{display:inline-block;min-width:6.5rem;font-variant-numeric:tabular-nums;color:var(--muted)}
.hedged{font-style:italic}td[data-state] b,td[data-state] b+small{display:block}td[data-state] b{margin-top:.15rem}
details.event{border-top:1px solid var(--line);padding:.6rem 0}
details.event>summary{cursor:pointer;padding:.2rem 0}
.desk{margin:.4rem 0;padding:.4rem .7rem;border-left:3px solid var(--line);background:var(--head)}
.desk dt{font-weight:600;float:left;clear:left;margin-right:.5em}.desk dd{margin:0 0 .2rem}
.overview button{all:unset;cursor:pointer}.overview button:focus-visible,summary:focus-visible,a:focus-visible{outline:2px solid var(--link);outline-offset:2px}
.overview th[aria-sort=ascending] button::after{content:" ▲"}.overview th[aria-sort=descending] button::after{content:" ▼"}
@media print{body{max-width:none;padding:0;font-size:9pt}.scroll{overflow:visible}thead th,.matrix th[scope=row]{position:static}
details.event{break-before:page}tr,li{break-inside:avoid}a{color:inherit;text-decoration:none}.overview button::after{content:""!important}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

// Sorting the overview by a column (buttons in its headings), opening an
// event's section when a link or the address points at it, and opening every
// section before printing (a closed <details> prints its summary only).
const SCRIPT = `
(() => {
  const table = document.querySelector('table.overview');
  if (table) {
    const body = table.tBodies[0];
    table.querySelectorAll('thead th').forEach((th, column) => {
      const button = th.querySelector('button');
      if (!button) return;
      button.addEventListener('click', () => {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        table.querySelectorAll('thead th').forEach((other) => other.removeAttribute('aria-sort'));
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const key = (row) => row.cells[column].dataset.sort ?? row.cells[column].textContent.trim();
        const numeric = th.dataset.type === 'number';
        const rows = [...body.rows].sort((a, b) => {
          const x = key(a), y = key(b);
          const order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
          return ascending ? order : -order;
        });
        body.append(...rows);
      });
    });
  }
  const openTarget = () => {
    const target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    const section = target && target.closest('details');
    if (section) { section.open = true; target.scrollIntoView(); }
  };
  addEventListener('hashchange', openTarget);
  openTarget();
  addEventListener('beforeprint', () => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
})();
`;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/** Nothing loads from anywhere; only this page's own style and script run. */
const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src 'sha256-${sha256(STYLE)}'; script-src 'sha256-${sha256(SCRIPT)}'; base-uri 'none'; form-action 'none'`;

const STATES: readonly CellState[] = ['conflicts', 'acknowledged', 'agrees', 'single', 'declined'];

/** The page, in pieces. */
export function* reportHtmlParts(report: ClaimsReport, context: ReportContext): Generator<string> {
  const title = `Claims report: ${context.corpusName}`;
  yield `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n`;
  yield `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">\n`;
  yield `<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="Corroborate ${escapeHtml(context.version)}">\n`;
  yield `<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n`;
  yield* header(report, context, title);
  yield* overview(report);
  yield `<section id="events" aria-labelledby="events-title">\n<h2 id="events-title">Events</h2>\n`;
  const open = report.events.length <= OPEN_EVENTS;
  for (const matrix of report.events) yield* eventSection(matrix, open);
  yield `</section>\n</main>\n`;
  yield `<footer><p class="muted">Made with Corroborate ${escapeHtml(context.version)} from the corpus in <code>${escapeHtml(context.corpusPath)}</code>.</p></footer>\n`;
  yield `<script>${SCRIPT}</script>\n</body>\n</html>\n`;
}

function* header(report: ClaimsReport, context: ReportContext, title: string): Generator<string> {
  const { overview } = report;
  yield `<header>\n<h1>${escapeHtml(title)}</h1>\n`;
  yield `<p class="meta">${escapeHtml(
    `${plural(overview.documents, 'report')} · ${plural(overview.claims, 'claim')} · ${plural(overview.events.length, 'event')} with claims · ${context.checkSummary}`,
  )}</p>\n`;
  yield `<ul class="legend" aria-label="Cell states">`;
  for (const state of STATES) yield `<li class="s-${state}"><span class="swatch"></span><b>${state}</b>: ${escapeHtml(STATE_WORDS[state])}</li>`;
  yield `</ul>\n</header>\n<main>\n`;
}

interface OverviewColumn {
  readonly heading: string;
  readonly type: 'text' | 'number';
  readonly cell: (s: EventSummary) => { readonly html: string; readonly sort?: string | number };
}

const OVERVIEW_COLUMNS: readonly OverviewColumn[] = [
  {
    heading: 'Event',
    type: 'text',
    cell: (s) => ({ html: `<a href="#event-${escapeHtml(s.event.id)}">${escapeHtml(s.event.name)}</a> <code>@${escapeHtml(s.event.id)}</code>`, sort: s.event.name }),
  },
  { heading: 'Open conflicts', type: 'number', cell: (s) => ({ html: escapeHtml(disputeText(s.conflicts, 'warning')), sort: disputeRank(s.conflicts) }) },
  { heading: 'Acknowledged disputes', type: 'number', cell: (s) => ({ html: escapeHtml(disputeText(s.acknowledged, 'information')), sort: disputeRank(s.acknowledged) }) },
  { heading: 'Claims', type: 'number', cell: (s) => ({ html: String(s.claims), sort: s.claims }) },
  { heading: 'Reports', type: 'number', cell: (s) => ({ html: String(s.reports), sort: s.reports }) },
  { heading: 'Sources', type: 'number', cell: (s) => ({ html: String(s.sources), sort: s.sources }) },
  { heading: 'Independent origins', type: 'number', cell: (s) => ({ html: String(s.origins), sort: s.origins }) },
  { heading: 'Claimants', type: 'number', cell: (s) => ({ html: String(s.claimants), sort: s.claimants }) },
  { heading: 'Dates', type: 'text', cell: (s) => ({ html: escapeHtml(datesText(s.dates)), sort: s.dates?.from ?? '' }) },
];

/** One number that sorts disputes as the overview does: properties, then cells, then diagnostics (each past a million counts as a million). */
function disputeRank(count: EventSummary['conflicts']): number {
  const capped = (n: number) => Math.min(n, 999_999);
  return capped(count.properties) * 1e12 + capped(count.cells) * 1e6 + capped(count.diagnostics);
}

function* overview(report: ClaimsReport): Generator<string> {
  const { events, withoutClaims } = report.overview;
  yield `<section id="overview" aria-labelledby="overview-title">\n<h2 id="overview-title">Overview</h2>\n`;
  if (events.length === 0) yield `<p>No claim is about an event of corroborate.yaml.</p>\n`;
  else yield* overviewTable(events);
  if (withoutClaims.length > 0) {
    const names = withoutClaims.map((e) => `${escapeHtml(e.name)} <code>@${escapeHtml(e.id)}</code>`);
    yield `<p class="muted">${escapeHtml(plural(withoutClaims.length, 'event'))} without claims: ${listed(names, 20)}.</p>\n`;
  }
  yield `</section>\n`;
}

function* overviewTable(events: readonly EventSummary[]): Generator<string> {
  yield `<p class="muted">Every event with claims, most disputed first. Sort by a column with its heading.</p>\n`;
  yield `<div class="scroll"><table class="overview">\n<thead><tr>`;
  for (const column of OVERVIEW_COLUMNS) {
    const numeric = column.type === 'number' ? ' class="num"' : '';
    yield `<th scope="col" data-type="${column.type}"${numeric}><button type="button">${escapeHtml(column.heading)}</button></th>`;
  }
  yield `</tr></thead>\n<tbody>\n`;
  for (const summary of events) {
    let row = `<tr data-event="${escapeHtml(summary.event.id)}">`;
    OVERVIEW_COLUMNS.forEach((column, i) => {
      const { html, sort } = column.cell(summary);
      const tag = i === 0 ? 'th' : 'td';
      const attributes = `${i === 0 ? ' scope="row"' : ''}${column.type === 'number' ? ' class="num"' : ''}${sort !== undefined ? ` data-sort="${escapeHtml(String(sort))}"` : ''}`;
      row += `<${tag}${attributes}>${html}</${tag}>`;
    });
    yield `${row}</tr>\n`;
  }
  yield `</tbody>\n</table></div>\n`;
}

function* eventSection(matrix: EventMatrix, open: boolean): Generator<string> {
  const { event, summary } = matrix;
  yield `<details class="event" id="event-${escapeHtml(event.id)}"${open ? ' open' : ''}>\n<summary><h3>${escapeHtml(event.name)}</h3> <code>@${escapeHtml(event.id)}</code>`;
  if (summary.conflicts.properties > 0) yield `<span class="badge s-conflicts">${escapeHtml(plural(summary.conflicts.properties, 'property', 'properties'))} in conflict</span>`;
  if (summary.acknowledged.properties > 0) yield `<span class="badge s-acknowledged">${escapeHtml(plural(summary.acknowledged.properties, 'acknowledged dispute'))}</span>`;
  yield `</summary>\n`;
  yield `<p class="meta">${escapeHtml(eventFacts(matrix))}</p>\n`;
  if (matrix.description !== undefined) yield `<p>${escapeHtml(matrix.description)}</p>\n`;
  yield* desk(matrix.desk);
  yield* matrixTable(matrix);
  yield* timelineList(matrix);
  yield `</details>\n`;
}

function* desk(view: DeskView): Generator<string> {
  if (view.assessment === undefined && view.disputed.length === 0 && view.estimate.length === 0) return;
  yield `<dl class="desk" aria-label="The desk's record">`;
  if (view.assessment !== undefined) yield `<dt>Assessment</dt><dd>${escapeHtml(view.assessment)}</dd>`;
  for (const { property, values } of view.disputed) yield `<dt>Disputed</dt><dd>${escapeHtml(`${property}: ${values.join(' / ')} (acknowledged)`)}</dd>`;
  for (const { property, label, raw } of view.estimate) yield `<dt>Estimate</dt><dd>${escapeHtml(`${property}: ${label}`)}${label !== raw ? ` <code>${escapeHtml(raw)}</code>` : ''}</dd>`;
  yield `</dl>\n`;
}

function* matrixTable(matrix: EventMatrix): Generator<string> {
  if (matrix.rows.length === 0) {
    yield `<p class="muted">No claim about this event asserts a property.</p>\n`;
    return;
  }
  yield `<div class="scroll"><table class="matrix" data-event="${escapeHtml(matrix.event.id)}">\n`;
  yield `<caption class="muted">Claims matrix: properties × claimants; each cell names the values claimed and how many reports carry each.</caption>\n<thead><tr><th scope="col">Property</th>`;
  for (const claimant of matrix.claimants) yield claimantHeading(claimant);
  yield `</tr></thead>\n<tbody>\n`;
  const estimates = new Map(matrix.desk.estimate.map((e) => [e.property, e]));
  const disputed = new Map(matrix.desk.disputed.map((d) => [d.property, d.values]));
  for (const row of matrix.rows) {
    yield `<tr data-property="${escapeHtml(row.property)}"><th scope="row">${escapeHtml(row.property)}`;
    if (row.dispute === 'open') yield ` <span class="badge s-conflicts">conflict</span>`;
    else if (row.dispute === 'acknowledged') yield ` <span class="badge s-acknowledged">acknowledged</span>`;
    const estimate = estimates.get(row.property);
    if (estimate) yield `<br><small>desk estimate: ${escapeHtml(estimate.label)}</small>`;
    const values = disputed.get(row.property);
    if (values) yield `<br><small>disputed: ${escapeHtml(values.join(' / '))}</small>`;
    yield `</th>`;
    const cells = new Map(row.cells.map((c) => [c.claimant, c]));
    const rowValues = new Map(row.values.map((v) => [v.key, v]));
    for (const claimant of matrix.claimants) {
      const cell = cells.get(claimant.key);
      yield cell ? cellHtml(matrix, row, claimant, cell, rowValues) : `<td></td>`;
    }
    yield `</tr>\n`;
  }
  yield `</tbody>\n</table></div>\n`;
}

function claimantHeading(claimant: MatrixClaimant): string {
  const reports = new Set(claimant.origins.flatMap((o) => o.reports)).size;
  const detail = `${plural(claimant.origins.length, 'origin')} · ${plural(reports, 'report')}`;
  return `<th scope="col" data-claimant="${escapeHtml(claimant.id)}">${escapeHtml(claimant.label)}<br><small>${escapeHtml(detail)}</small></th>`;
}

function cellHtml(matrix: EventMatrix, row: MatrixRow, claimant: MatrixClaimant, cell: MatrixCell, values: ReadonlyMap<string, RowValue>): string {
  const document = claimant.document !== undefined ? ` data-document="${escapeHtml(claimant.document)}"` : '';
  let html = `<td data-event="${escapeHtml(matrix.event.id)}" data-property="${escapeHtml(row.property)}" data-claimant="${escapeHtml(claimant.id)}"${document} data-state="${cell.state}">`;
  // The state's word comes from data-state through CSS: one element less in each of a large report's cells.
  if (cell.inconsistent) html += `<small>inconsistent</small>`;
  for (const v of cell.values) {
    const label = escapeHtml(values.get(v.value)?.label ?? v.value);
    const counts = `${plural(v.reports, 'report')}${v.origins > 1 ? `, ${v.origins} origins` : ''}${hedgedText(v.hedged, v.claims)}`;
    html += `<b${v.hedged === v.claims ? ' class="hedged"' : ''}>${label}</b> <small>${escapeHtml(counts)}</small>`;
  }
  return `${html}</td>`;
}

function* timelineList(matrix: EventMatrix): Generator<string> {
  if (matrix.timeline.length === 0) return;
  const names = timelineNames(matrix);
  yield `<h4>Timeline</h4>\n<p class="muted">When each claimant’s value first appeared, by the reports’ publication dates; republications of a report that says the same only relay it.</p>\n<ol class="timeline">\n`;
  for (const track of matrix.timeline) yield timelineItem(track, names);
  yield `</ol>\n`;
}

/** "2023-11-25 JNIM outcome captured — first in AFP, RFI; then relayed by 2 copies (of AFP, RFI)". */
function timelineItem(track: TimelineTrack, names: TimelineNames): string {
  const { named, more } = firstReports(track, names);
  const firstIn = named.map((r) => `${escapeHtml(r.outlet)}${r.hedged ? ' (hedged)' : ''}`).join(', ') + (more > 0 ? ` and ${more} more` : '');
  const then = relaysText(track, names);
  return (
    `<li><time>${escapeHtml(track.first ?? 'undated')}</time> <b>${escapeHtml(track.claimantName)}</b> ${escapeHtml(track.property)} <b>${escapeHtml(track.label)}</b>` +
    ` — ${named.length > 0 ? `first in ${firstIn}` : 'no dated report'}${then !== '—' ? `; then ${escapeHtml(then)}` : ''}</li>\n`
  );
}
