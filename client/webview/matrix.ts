// The claims matrix view's page script: draws the matrix the extension hands
// it (the server's answer to corroborate/claimsMatrix) as a real table —
// rows = properties, columns = claimants grouped by the independent origins
// they are heard through, each cell's state in colour and in words — and
// turns clicks and keys into requests to the extension. It computes no
// analysis: every state and label comes from the server.

import type { EventSummary } from '../../server/src/features/matrix';
import type { ClaimsMatrixResult, MatrixView, MatrixViewCell, MatrixViewRow } from '../../server/src/lsp/customProtocol';
import './matrix.css';
import type { FromView, ToView, ViewState } from './messages';

interface VsCodeApi {
  postMessage(message: FromView): void;
  getState(): ViewState | undefined;
  setState(state: ViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

/** What each state means, for the legend and each cell's tooltip; the words are the report's (docs/report.md). */
const STATE_WORDS = {
  conflicts: 'a value it claims contradicts another claim, and the desk has not acknowledged the dispute',
  acknowledged: 'contradicted only where the event’s disputed: acknowledges the dispute',
  agrees: 'another claimant gives the same or a compatible value',
  single: 'the only claimant with a value other than ?',
  declined: 'gives only ?, a value declined or unknown',
} as const;

type State = keyof typeof STATE_WORDS;

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** "hedged" when every claim of a value is, "2 of 9 hedged" when some are. */
function hedgedText(hedged: number, claims: number): string {
  return hedged === claims ? 'hedged' : `${hedged} of ${claims} hedged`;
}

/** An element with text and attributes; text goes in as text, never as markup. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

const root = document.getElementById('root') as HTMLElement;
let shown: ClaimsMatrixResult | undefined;
/** The matrix cell the keyboard was last on, kept across redraws. */
let keyboardCell: string | undefined;
root.addEventListener('focusin', (event) => {
  if (event.target instanceof HTMLElement && event.target.dataset.cell !== undefined) keyboardCell = event.target.dataset.cell;
});

// ---------------------------------------------------------------------------
// Columns: claimants grouped by the set of independent origins they are heard through

interface ColumnGroup {
  readonly label: string;
  readonly detail: string;
  readonly claimants: MatrixView['claimants'][number][];
}

function columnGroups(matrix: MatrixView): ColumnGroup[] {
  const origins = new Map(matrix.origins.map((o) => [o.key, o]));
  const reportOf = new Map(matrix.reports.map((r) => [r.file, r]));
  const groups = new Map<string, ColumnGroup>();
  for (const claimant of matrix.claimants) {
    const keys = claimant.origins.map((o) => o.origin);
    const key = keys.join('\u0000');
    let group = groups.get(key);
    if (!group) {
      const names = keys.map((k) => origins.get(k)?.label ?? k);
      const reports = claimant.origins.flatMap((o) => o.reports);
      const copies = reports.filter((file) => reportOf.get(file)?.copy).length;
      const detail = `${plural(reports.length - copies, 'report')}${copies > 0 ? ` + ${plural(copies, 'copy', 'copies')}` : ''}`;
      group = { label: `${keys.length > 1 ? 'Heard through' : 'Through'} ${names.join(' · ')}`, detail, claimants: [] };
      groups.set(key, group);
    }
    group.claimants.push(claimant);
  }
  return [...groups.values()];
}

// ---------------------------------------------------------------------------
// Drawing

type Tab = 'matrix' | 'timeline' | 'overview';
const TABS: readonly { readonly id: Tab; readonly label: string }[] = [
  { id: 'matrix', label: 'Matrix' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'overview', label: 'Overview' },
];
let tab: Tab = vscode.getState()?.tab ?? 'matrix';

function render(result: ClaimsMatrixResult): void {
  shown = result;
  // The cell the keyboard was on is focused again after a redraw, but only while the view has the focus: a redraw caused by typing in a report never takes the focus from it.
  const focused = document.hasFocus() && document.activeElement instanceof HTMLElement ? document.activeElement.dataset.cell : undefined;
  const empty = () => [el('p', { class: 'muted' }, emptyText(result))];
  const panels: Record<Tab, () => HTMLElement[]> = {
    matrix: () => (result.matrix ? matrixSection(result.matrix) : empty()),
    timeline: () => (result.matrix ? timelineSection(result.matrix) : empty()),
    overview: () => overviewSection(result),
  };
  // Only the tab shown is drawn: a large corpus's other tabs cost nothing until asked for.
  const panel = el('section', { role: 'tabpanel', id: `panel-${tab}`, 'aria-labelledby': `tab-${tab}` }, ...panels[tab]());
  root.replaceChildren(header(result), tabList(), panel);
  if (focused !== undefined) root.querySelector<HTMLElement>(`[data-cell="${CSS.escape(focused)}"]`)?.focus();
}

function tabList(): HTMLElement {
  const list = el('div', { role: 'tablist', class: 'tabs', 'aria-label': 'Views of the event' });
  for (const { id, label } of TABS) {
    const button = el('button', { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `panel-${id}`, 'aria-selected': String(id === tab), tabindex: id === tab ? '0' : '-1' }, label);
    button.addEventListener('click', () => selectTab(id));
    list.append(button);
  }
  list.addEventListener('keydown', (event) => {
    const at = TABS.findIndex((t) => t.id === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    selectTab(TABS[(at + step + TABS.length) % TABS.length]?.id ?? tab);
    event.preventDefault();
  });
  return list;
}

function selectTab(next: Tab): void {
  tab = next;
  vscode.setState({ ...vscode.getState(), tab });
  if (shown) render(shown);
  root.querySelector<HTMLElement>(`#tab-${next}`)?.focus();
}

function emptyText(result: ClaimsMatrixResult): string {
  return result.events.length === 0 ? 'No claim in this corpus is about an event of corroborate.yaml yet.' : 'Choose an event to see who claims what about it.';
}

function header(result: ClaimsMatrixResult): HTMLElement {
  const select = el('select', { id: 'event', 'aria-label': 'Event' });
  if (!result.matrix) select.append(el('option', { value: '' }, 'Choose an event…'));
  for (const summary of result.events) select.append(eventOption(summary, summary.event.id === result.matrix?.event.id));
  select.addEventListener('change', () => {
    if (select.value !== '') vscode.postMessage({ type: 'selectEvent', event: select.value });
  });
  const copy = el('button', { id: 'copy', type: 'button' }, 'Copy as TSV');
  copy.disabled = !result.matrix;
  copy.addEventListener('click', () => {
    if (shown?.matrix) vscode.postMessage({ type: 'copy', text: tsv(shown.matrix), what: `The claims matrix of ${shown.matrix.event.name}` });
  });
  return el('header', {}, el('label', { for: 'event' }, 'Event '), select, ' ', copy, el('span', { class: 'muted corpus' }, ` in ${result.corpus.name}`));
}

function eventOption(summary: EventSummary, selected: boolean): HTMLOptionElement {
  const conflicts = summary.conflicts.properties;
  const open = conflicts > 0 ? `${plural(conflicts, 'property', 'properties')} in conflict` : 'no open conflict';
  const option = el('option', { value: summary.event.id }, `${summary.event.name} (@${summary.event.id}) — ${open}, ${plural(summary.claims, 'claim')}`);
  option.selected = selected;
  return option;
}

function matrixSection(matrix: MatrixView): HTMLElement[] {
  const { summary } = matrix;
  const facts = [
    matrix.date !== undefined ? `dated ${matrix.date}` : undefined,
    matrix.place ? `at ${matrix.place.name}` : undefined,
    `${plural(summary.claims, 'claim')} in ${plural(summary.reports, 'report')} from ${plural(summary.origins, 'independent origin')}`,
    summary.conflicts.properties > 0 ? `${plural(summary.conflicts.properties, 'property', 'properties')} in open conflict` : 'no open conflict',
    summary.acknowledged.properties > 0 ? plural(summary.acknowledged.properties, 'acknowledged dispute') : undefined,
  ].filter((f): f is string => f !== undefined);
  const parts: HTMLElement[] = [el('h1', {}, matrix.event.name, ' ', el('code', {}, `@${matrix.event.id}`)), el('p', { class: 'muted' }, facts.join(' · '))];
  if (matrix.description !== undefined) parts.push(el('p', {}, matrix.description));
  const desk = deskSection(matrix);
  if (desk) parts.push(desk);
  parts.push(legend());
  parts.push(matrix.rows.length > 0 ? table(matrix) : el('p', { class: 'muted' }, 'No claim about this event asserts a property.'));
  return parts;
}

function deskSection(matrix: MatrixView): HTMLElement | undefined {
  const { desk } = matrix;
  if (desk.assessment === undefined && desk.disputed.length === 0 && desk.estimate.length === 0) return undefined;
  const list = el('dl', { class: 'desk', 'aria-label': 'The desk’s record' });
  if (desk.assessment !== undefined) list.append(el('dt', {}, 'Assessment'), el('dd', {}, desk.assessment));
  for (const { property, label } of desk.estimate) list.append(el('dt', {}, 'Estimate'), el('dd', {}, `${property}: ${label}`));
  for (const { property, values } of desk.disputed) list.append(el('dt', {}, 'Disputed'), el('dd', {}, `${property}: ${values.join(' / ')} (acknowledged)`));
  return list;
}

function legend(): HTMLElement {
  const list = el('ul', { class: 'legend', 'aria-label': 'Cell states' });
  for (const [state, words] of Object.entries(STATE_WORDS)) list.append(el('li', { class: `s-${state}` }, el('span', { class: 'swatch' }), el('b', {}, state), `: ${words}`));
  return list;
}

function table(matrix: MatrixView): HTMLTableElement {
  const groups = columnGroups(matrix);
  const columns = groups.flatMap((g) => g.claimants);
  const estimates = new Map(matrix.desk.estimate.map((e) => [e.property, e.label]));
  const groupRow = el('tr', {}, el('th', { scope: 'col', rowspan: '2' }, 'Property'));
  const claimantRow = el('tr');
  for (const group of groups) {
    groupRow.append(el('th', { scope: 'colgroup', colspan: String(group.claimants.length), class: 'origin' }, group.label, el('small', {}, group.detail)));
    for (const claimant of group.claimants) {
      const reports = new Set(claimant.origins.flatMap((o) => o.reports)).size;
      claimantRow.append(el('th', { scope: 'col', 'data-claimant': claimant.id }, claimant.label, el('small', {}, `${plural(claimant.claims, 'claim')} · ${plural(reports, 'report')}`)));
    }
  }
  const body = el('tbody');
  matrix.rows.forEach((row, r) => {
    const heading = el('th', { scope: 'row', 'data-cell': `${r}:0`, tabindex: '-1' }, row.property);
    if (row.dispute !== 'none') heading.append(' ', el('span', { class: `badge s-${row.dispute === 'open' ? 'conflicts' : 'acknowledged'}` }, row.dispute === 'open' ? 'conflict' : 'acknowledged'));
    const estimate = estimates.get(row.property);
    if (estimate !== undefined) heading.append(el('small', {}, `desk estimate: ${estimate}`));
    const tr = el('tr', { 'data-property': row.property }, heading);
    const cells = new Map(row.cells.map((c) => [c.claimant, c]));
    columns.forEach((claimant, c) => {
      const cell = cells.get(claimant.key);
      const at = `${r}:${c + 1}`;
      tr.append(cell ? cellElement(matrix, row, claimant, cell, at) : el('td', { 'data-cell': at, tabindex: '-1', class: 'empty', 'aria-label': `${claimant.label} claims nothing about ${row.property}` }));
    });
    body.append(tr);
  });
  const grid = el(
    'table',
    { class: 'matrix', 'data-event': matrix.event.id, 'aria-label': `Claims matrix of ${matrix.event.name}: properties by claimant` },
    el('caption', { class: 'muted' }, 'Arrow keys move between cells; Enter opens the passages of a cell.'),
    el('thead', {}, groupRow, claimantRow),
    body,
  );
  // One cell is in the Tab order: the one the keyboard was last on, else the first with a claim.
  const last = keyboardCell !== undefined ? grid.querySelector<HTMLElement>(`[data-cell="${CSS.escape(keyboardCell)}"]`) : null;
  (last ?? grid.querySelector<HTMLElement>('td[data-state]') ?? grid.querySelector<HTMLElement>('[data-cell]'))?.setAttribute('tabindex', '0');
  grid.addEventListener('keydown', onKey);
  grid.addEventListener('click', (event) => {
    const cell = (event.target as Element).closest<HTMLElement>('td[data-state]');
    if (cell) openCell(cell);
  });
  return grid;
}

function cellElement(matrix: MatrixView, row: MatrixViewRow, claimant: MatrixView['claimants'][number], cell: MatrixViewCell, at: string): HTMLTableCellElement {
  const state: State = cell.state;
  const values = new Map(row.values.map((v) => [v.key, v]));
  const reports = new Map(matrix.reports.map((r) => [r.uri, r]));
  const td = el('td', {
    'data-cell': at,
    tabindex: '-1',
    'data-event': matrix.event.id,
    'data-property': row.property,
    'data-claimant': claimant.id,
    ...(claimant.document !== undefined ? { 'data-document': claimant.document } : {}),
    'data-state': state,
    title: `${claimant.label}, ${row.property}: ${state} — ${STATE_WORDS[state]}`,
  });
  td.append(el('span', { class: 'state' }, state));
  if (cell.inconsistent) td.append(el('span', { class: 'state inconsistent' }, 'inconsistent'));
  for (const value of cell.values) {
    const rowValue = values.get(value.value);
    const kind = rowValue?.kind ?? 'value';
    const label = kind === 'declined' ? '? declined' : (rowValue?.label ?? value.value);
    const hedged = value.hedged === 0 ? '' : `, ${hedgedText(value.hedged, value.claims)}`;
    const carried = [...new Set(value.passages.map((p) => p.uri))].map((uri) => {
      const report = reports.get(uri);
      return report ? `${report.label}${report.copy ? ' (copy)' : ''}` : uri;
    });
    td.append(
      el('b', { class: `value${value.hedged === value.claims ? ' hedged' : ''}${kind === 'declined' ? ' declined' : ''}`, title: `in ${carried.join(', ')}` }, label),
      el('small', {}, `${plural(value.reports, 'report')}${value.origins > 1 ? `, ${value.origins} origins` : ''}${hedged}`),
    );
  }
  return td;
}

// ---------------------------------------------------------------------------
// The timeline: who said what first, and who only relayed it

function timelineSection(matrix: MatrixView): HTMLElement[] {
  if (matrix.timeline.length === 0) return [el('p', { class: 'muted' }, 'No claim about this event asserts a property.')];
  const reports = new Map(matrix.reports.map((r) => [r.file, r]));
  const outlet = (file: string) => reports.get(file)?.source?.name ?? reports.get(file)?.label ?? file;
  const list = el('ol', { class: 'timeline' });
  for (const track of matrix.timeline) {
    const firsts = [...new Set(track.appearances.filter((a) => a.order === 'first').map((a) => `${outlet(a.file)}${a.hedged ? ' (hedged)' : ''}`))];
    const later = track.appearances.filter((a) => a.order === 'later' && !a.relay).length;
    const relays = track.appearances.filter((a) => a.relay).length;
    const undated = track.appearances.filter((a) => a.order === 'undated').length;
    const then = [later > 0 ? plural(later, 'later report') : '', relays > 0 ? `relayed by ${plural(relays, 'copy', 'copies')}` : '', undated > 0 ? `${undated} undated` : ''].filter((t) => t !== '');
    list.append(
      el(
        'li',
        { 'data-property': track.property, 'data-claimant': track.claimant },
        el('time', {}, track.first ?? 'undated'),
        ' ',
        el('b', {}, track.claimantName),
        ` ${track.property} `,
        el('b', {}, track.label),
        ` — ${firsts.length > 0 ? `first in ${firsts.join(', ')}` : 'no dated report'}${then.length > 0 ? `; then ${then.join('; ')}` : ''}`,
      ),
    );
  }
  return [el('p', { class: 'muted' }, 'When each claimant’s value first appeared, by the reports’ publication dates; a republication that says what its original says only relays it.'), list];
}

// ---------------------------------------------------------------------------
// The overview: every event with claims, sortable

interface OverviewColumn {
  readonly heading: string;
  readonly numeric: boolean;
  readonly value: (s: EventSummary) => string | number;
  readonly text: (s: EventSummary) => string;
}

function disputeText(count: EventSummary['conflicts']): string {
  return count.properties === 0 ? 'none' : `${plural(count.properties, 'property', 'properties')}, ${plural(count.cells, 'cell')}`;
}

const OVERVIEW_COLUMNS: readonly OverviewColumn[] = [
  { heading: 'Event', numeric: false, value: (s) => s.event.name, text: (s) => s.event.name },
  { heading: 'Open conflicts', numeric: true, value: (s) => s.conflicts.properties * 1e6 + s.conflicts.cells, text: (s) => disputeText(s.conflicts) },
  { heading: 'Acknowledged', numeric: true, value: (s) => s.acknowledged.properties * 1e6 + s.acknowledged.cells, text: (s) => disputeText(s.acknowledged) },
  { heading: 'Claims', numeric: true, value: (s) => s.claims, text: (s) => String(s.claims) },
  { heading: 'Reports', numeric: true, value: (s) => s.reports, text: (s) => String(s.reports) },
  { heading: 'Sources', numeric: true, value: (s) => s.sources, text: (s) => String(s.sources) },
  { heading: 'Independent origins', numeric: true, value: (s) => s.origins, text: (s) => String(s.origins) },
  { heading: 'Dates', numeric: false, value: (s) => s.dates?.from ?? '', text: (s) => (s.dates ? (s.dates.from === s.dates.to ? s.dates.from : `${s.dates.from} to ${s.dates.to}`) : 'unknown') },
];

/** The overview's order: the server's (most disputed first) until a heading is clicked. */
let overviewSort: { readonly column: number; readonly descending: boolean } | undefined;

function overviewSection(result: ClaimsMatrixResult): HTMLElement[] {
  if (result.events.length === 0) return [el('p', { class: 'muted' }, emptyText(result))];
  const sort = overviewSort;
  const column = sort ? OVERVIEW_COLUMNS[sort.column] : undefined;
  const events = [...result.events];
  if (sort && column) {
    events.sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.descending ? -order : order;
    });
  }
  const head = el('tr');
  OVERVIEW_COLUMNS.forEach((c, i) => {
    const button = el('button', { type: 'button', class: 'sort' }, c.heading);
    button.addEventListener('click', () => {
      overviewSort = { column: i, descending: sort?.column === i ? !sort.descending : c.numeric };
      if (shown) render(shown);
      root.querySelectorAll<HTMLElement>('table.overview thead button')[i]?.focus();
    });
    const ariaSort = sort?.column === i ? (sort.descending ? 'descending' : 'ascending') : 'none';
    head.append(el('th', { scope: 'col', 'aria-sort': ariaSort, ...(c.numeric ? { class: 'num' } : {}) }, button));
  });
  const body = el('tbody');
  for (const summary of events) {
    const open = el('button', { type: 'button', class: 'link', title: `Show the matrix of @${summary.event.id}` }, summary.event.name);
    open.addEventListener('click', () => {
      tab = 'matrix';
      vscode.setState({ ...vscode.getState(), tab });
      vscode.postMessage({ type: 'selectEvent', event: summary.event.id });
    });
    const row = el('tr', { 'data-event': summary.event.id }, el('th', { scope: 'row' }, open, ' ', el('code', {}, `@${summary.event.id}`)));
    for (const c of OVERVIEW_COLUMNS.slice(1)) row.append(el('td', c.numeric ? { class: 'num' } : {}, c.text(summary)));
    body.append(row);
  }
  return [
    el('p', { class: 'muted' }, `Every event with claims in ${result.corpus.name}, most disputed first. Sort by a column with its heading; open an event's matrix with its name.`),
    el('table', { class: 'overview' }, el('thead', {}, head), body),
  ];
}

// ---------------------------------------------------------------------------
// Keys and clicks

function cellAt(row: number, column: number): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-cell="${row}:${column}"]`);
}

function onKey(event: KeyboardEvent): void {
  const current = (event.target as Element).closest<HTMLElement>('[data-cell]');
  if (!current) return;
  const [row = 0, column = 0] = (current.dataset.cell ?? '0:0').split(':').map(Number);
  const last = (current.closest('tr')?.children.length ?? 1) - 1;
  const moves: Record<string, [number, number]> = {
    ArrowUp: [row - 1, column],
    ArrowDown: [row + 1, column],
    ArrowLeft: [row, column - 1],
    ArrowRight: [row, column + 1],
    Home: [row, 0],
    End: [row, last],
  };
  const move = moves[event.key];
  if (move) {
    const next = cellAt(...move);
    if (next) {
      current.setAttribute('tabindex', '-1');
      next.setAttribute('tabindex', '0');
      next.focus();
    }
    event.preventDefault();
  } else if ((event.key === 'Enter' || event.key === ' ') && current.dataset.state !== undefined) {
    openCell(current);
    event.preventDefault();
  }
}

function openCell(td: HTMLElement): void {
  const matrix = shown?.matrix;
  const [r = -1, c = -1] = (td.dataset.cell ?? '').split(':').map(Number);
  const row = matrix?.rows[r];
  if (!matrix || !row) return;
  const claimant = columnGroups(matrix).flatMap((g) => g.claimants)[c - 1];
  const cell = row.cells.find((x) => x.claimant === claimant?.key);
  if (!cell || !claimant) return;
  vscode.postMessage({ type: 'open', passages: cell.values.flatMap((v) => v.passages), title: `${claimant.label} on ${row.property}` });
}

// ---------------------------------------------------------------------------
// Copy as TSV: the table as a desk pastes it into a spreadsheet or a brief

function tsvField(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

function tsv(matrix: MatrixView): string {
  const columns = columnGroups(matrix).flatMap((g) => g.claimants);
  const estimates = new Map(matrix.desk.estimate.map((e) => [e.property, e.label]));
  const lines = [['Property', ...columns.map((c) => c.label), 'Desk estimate']];
  for (const row of matrix.rows) {
    const values = new Map(row.values.map((v) => [v.key, v]));
    const cells = new Map(row.cells.map((c) => [c.claimant, c]));
    const line = [row.property];
    for (const claimant of columns) {
      const cell = cells.get(claimant.key);
      const said = cell?.values.map((v) => `${values.get(v.value)?.label ?? v.value}${v.hedged > 0 ? ` (${hedgedText(v.hedged, v.claims)})` : ''}`).join('; ');
      line.push(cell ? `${said} [${cell.state}]` : '');
    }
    line.push(estimates.get(row.property) ?? '');
    lines.push(line);
  }
  return `${lines.map((line) => line.map(tsvField).join('\t')).join('\n')}\n`;
}

addEventListener('message', (event: MessageEvent<ToView>) => {
  const message = event.data;
  if (message.type === 'show') {
    render(message.result);
    const state = vscode.getState();
    vscode.setState({ ...state, ...(message.result.matrix ? { event: message.result.matrix.event.id } : {}), uri: message.result.corpus.uri });
  } else {
    root.querySelector('.error')?.remove();
    root.prepend(el('p', { class: 'error', role: 'alert' }, message.message));
  }
});

vscode.postMessage({ type: 'ready' });
