// The claims matrix view of the packaged extension, driven through a real
// browser as an analyst uses it: corroborate.vsix (npm run package) installed
// into code-server, a copy of seeds/ opened, "Corroborate: Show Claims
// Matrix" run from the command palette and the attack picked from its list;
// then the webview's own DOM read (the outcome row: JNIM's captured and the
// army's repelled in conflict), the arrow keys walked, the table copied as
// TSV, the timeline and the overview tabs read, a cell clicked to land on its
// passage, and a value typed into the report to see the cell follow.
// Screenshots of the view in the dark and the light theme are left in
// .test-artifacts/e2e/ (docs/images/ holds copies from a real run).
//
//   npm run package && node --import tsx --test test/e2e/matrix.test.ts

/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { REPOSITORY_ROOT, type SeedsWorkspace } from '../integration/seedsWorkspace';
import { workbenchUrl, type CodeServer } from './codeServer';
import { waitFor } from './waitFor';
import { isVisible, openSeedsSession, plainText, walkthrough, type SeedsSession } from './walkthrough';

const VSIX = path.join(REPOSITORY_ROOT, 'corroborate.vsix');
const ARTIFACTS = path.join(REPOSITORY_ROOT, '.test-artifacts', 'e2e');
const REPORT = '002_bf727807ddea604f.txt';
const EVENT = 'niafunke-attack';
const VIEWPORT = { width: 1600, height: 1000 };
const WAIT_MS = 30_000;
/** How many times the command palette is opened before its closing fails the test. */
const PALETTE_ATTEMPTS = 3;
/** How long an attempt but the last waits for the palette. */
const RETRY_WAIT_MS = 3_000;


function until<T>(what: string, probe: () => Promise<T | undefined>, pollMs = 200): Promise<T> {
  return waitFor(probe, { what, timeoutMs: WAIT_MS, pollMs });
}


/** The line and column (1-based, UTF-16) of an offset, as the status bar counts them. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\n|\r/);
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}

describe('the claims matrix view in code-server, driven through the browser', () => {
  let workspace: SeedsWorkspace | undefined;
  let server: CodeServer | undefined;
  let session: SeedsSession | undefined;
  let page: Page;

  const step = walkthrough(path.join(ARTIFACTS, 'matrix-failure'), () => ({ page, server }));

  /** The page inside the matrix panel's webview: VS Code nests it in two frames. */
  function view(): FrameLocator {
    return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  function cell(property: string, claimant: string): Locator {
    return view().locator(`table.matrix td[data-property="${property}"][data-claimant="${claimant}"]`);
  }

  /** The row of the open quick input whose label is exactly `label`. */
  function quickInputRow(label: string): Locator {
    const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    return page.locator('.quick-input-widget .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
  }

  async function clickQuickInputRow(label: string): Promise<void> {
    const entry = quickInputRow(label);
    await until(`"${label}" in the quick input`, () => isVisible(entry));
    await entry.click();
  }

  async function chooseInQuickInput(text: string, label: string): Promise<void> {
    const input = page.locator('.quick-input-widget input');
    await until('the quick input', () => isVisible(input));
    await input.fill(text);
    await clickQuickInputRow(label);
  }

  /**
   * Runs a command from the palette, opened by a click on the title bar's
   * command center rather than by F1: after the viewport changes, the
   * workbench lays the matrix's webview out again and focus can land in it,
   * where F1 opens nothing (CI failed so, three presses in a row, after the
   * report's tab was clicked each time). The click needs no focus; if the
   * palette closes all the same before the command is typed, it is opened
   * again. What is chosen, and what the view then shows, is asserted as
   * before.
   */
  async function runCommand(title: string): Promise<void> {
    const input = page.locator('.quick-input-widget input');
    for (let attempt = 1; ; attempt++) {
      const last = attempt === PALETTE_ATTEMPTS;
      const orAgain = (error: unknown): false => {
        if (last) throw error;
        return false;
      };
      await page.locator('.command-center-center').click();
      const opened = await waitFor(() => isVisible(input), { what: 'the command palette', timeoutMs: last ? WAIT_MS : RETRY_WAIT_MS, pollMs: 100 }).then(() => true, orAgain);
      if (!opened) continue;
      const typed = await input.fill(`>${title}`, { timeout: last ? WAIT_MS : RETRY_WAIT_MS }).then(() => true, orAgain);
      if (!typed) continue;
      await clickQuickInputRow(title);
      return;
    }
  }

  async function screenshotOfView(name: string): Promise<void> {
    await mkdir(ARTIFACTS, { recursive: true });
    const box = await page.locator('iframe.webview.ready').boundingBox();
    assert.ok(box, 'the matrix panel has a place on the page');
    await page.screenshot({ path: path.join(ARTIFACTS, name), clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 760) } });
  }

  /** Picks a colour theme as a user does, from "Preferences: Color Theme". */
  async function useTheme(label: string, kind: 'vscode-light' | 'vscode-dark'): Promise<void> {
    await runCommand('Preferences: Color Theme');
    await chooseInQuickInput(label, label);
    await until(`the matrix view drawn in the ${label} theme`, async () => ((await view().locator(`body.${kind}`).count()) > 0 ? true : undefined));
  }

  before(async () => {
    // The clipboard, to read what Copy as TSV put there.
    session = await openSeedsSession(VSIX, { viewport: VIEWPORT, permissions: ['clipboard-read', 'clipboard-write'] });
    ({ workspace, server, page } = session);
  });

  after(async () => {
    await session?.stop();
  });

  step('opens from the command palette, with the events most disputed first', async () => {
    assert.ok(server && workspace);
    await page.goto(workbenchUrl(server, { folder: workspace.folder }), { waitUntil: 'domcontentloaded' });
    const entry = page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: REPORT });
    await until(`${REPORT} in the explorer`, () => isVisible(entry));
    await entry.click();
    // The server has checked the corpus once the status bar counts its warnings.
    const warnings = page.locator('#status\\.problems .codicon-warning');
    await until('the language server’s warnings in the status bar', () => isVisible(warnings));
    await runCommand('Corroborate: Show Claims Matrix');
    // The cursor sits at the top of the report, on no claim: the command asks which event.
    const first = page.locator('.quick-input-widget .monaco-list-row').first();
    await until('the list of events', () => isVisible(first));
    assert.match(plainText(await first.innerText()), new RegExp(`@${EVENT}`), 'the attack, with the open conflict, comes first');
    await page.keyboard.press('Enter');
    await until('the matrix of the attack in its panel', () => isVisible(view().locator(`table.matrix[data-event="${EVENT}"]`)));
  });

  step('shows JNIM’s captured and the army’s repelled in conflict on the outcome row, in colour and in words', async () => {
    const jnim = cell('outcome', 'jnim');
    const fama = cell('outcome', 'fama');
    await until('the outcome cells', () => isVisible(fama));
    assert.equal(await jnim.getAttribute('data-state'), 'conflicts');
    assert.equal(await fama.getAttribute('data-state'), 'conflicts');
    assert.match(plainText(await jnim.innerText()), /^conflicts captured /i);
    assert.match(plainText(await fama.innerText()), /^conflicts repelled /i);
    // The state's colour is the theme's, and differs from an agreeing cell's.
    const colours = await view()
      .locator('table.matrix td[data-state]')
      .evaluateAll((cells) => Object.fromEntries(cells.map((c) => [c.getAttribute('data-state') ?? '', getComputedStyle(c).boxShadow])));
    assert.ok(colours.conflicts && colours.agrees && colours.conflicts !== colours.agrees, JSON.stringify(colours));
    // The column headers group claimants by the origins they are heard through.
    assert.ok((await view().locator('thead th.origin').count()) > 0, 'origin groups over the claimant columns');
    assert.match(plainText(await view().locator('select#event option:checked').innerText()), new RegExp(`@${EVENT}`));
    // Wide enough for the panel beside the report to show several claimant columns.
    await page.setViewportSize({ width: 2400, height: 1000 });
    await useTheme('Dark Modern', 'vscode-dark');
    await screenshotOfView('claims-matrix-dark.png');
    await useTheme('Light Modern', 'vscode-light');
    await screenshotOfView('claims-matrix-light.png');
    await page.setViewportSize(VIEWPORT);
  });

  step('moves between cells with the arrow keys', async () => {
    const jnim = cell('outcome', 'jnim');
    await jnim.focus();
    await jnim.press('ArrowDown');
    const below = await view()
      .locator(':focus')
      .evaluate((element) => ({ property: element.closest('tr')?.getAttribute('data-property'), cell: element.getAttribute('data-cell') }));
    assert.notEqual(below.property, 'outcome', 'ArrowDown leaves the outcome row');
    await view().locator(':focus').press('ArrowUp');
    assert.equal(await view().locator(':focus').getAttribute('data-claimant'), 'jnim');
  });

  step('copies the table as TSV, one line per property with each cell’s values and state', async () => {
    await view().locator('button#copy').click();
    const copied = await until('the matrix on the clipboard', async () => {
      const text = await page.evaluate(() => navigator.clipboard.readText());
      return text.startsWith('Property\t') ? text : undefined;
    });
    const lines = copied.replace(/\n$/, '').split('\n').map((line) => line.split('\t'));
    const [heading = [], ...rows] = lines;
    const outcome = rows.find((row) => row[0] === 'outcome');
    assert.ok(outcome, copied);
    const column = (name: RegExp) => heading.findIndex((h) => name.test(h));
    assert.equal(outcome[column(/JNIM/)], 'captured [conflicts]');
    assert.match(outcome[column(/FAMa/)] ?? '', /^repelled( \((\d+ of \d+ )?hedged\))? \[conflicts\]$/);
    assert.equal(heading.at(-1), 'Desk estimate');
    assert.ok(lines.every((line) => line.length === heading.length), 'every line has a field per column');
  });

  step('shows who said it first in the timeline, and every event in a sortable overview that opens an event’s matrix', async () => {
    await view().locator('[role=tab]', { hasText: 'Timeline' }).click();
    const jnim = view().locator('ol.timeline li[data-property="outcome"][data-claimant="jnim"]');
    await until('JNIM’s outcome in the timeline', () => isVisible(jnim));
    assert.match(plainText(await jnim.innerText()), /^2023-11-2\d Jama'at .* outcome captured — first in /);
    // The keyboard moves between the tabs.
    await view().locator('[role=tab][aria-selected=true]').press('ArrowRight');
    const rows = view().locator('table.overview tbody tr');
    await until('the corpus overview', () => isVisible(rows.first()));
    assert.equal(await rows.first().getAttribute('data-event'), EVENT, 'the most disputed event first');
    const claims = async () => (await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.children[3]?.textContent))));
    await view().locator('table.overview thead button', { hasText: 'Claims' }).click();
    const sorted = await claims();
    assert.deepEqual(sorted, [...sorted].sort((a, b) => b - a), 'most claims first');
    await view().locator(`table.overview tr[data-event="${EVENT}"] button.link`).click();
    await until('the attack’s matrix again', () => isVisible(cell('outcome', 'jnim')));
  });

  step('lands on the passage when a cell is clicked, with every passage in a peek list', async () => {
    assert.ok(workspace);
    await cell('outcome', 'jnim').click();
    const peek = page.locator('.peekview-widget');
    await until('the peek list of JNIM’s outcome passages', () => isVisible(peek));
    const tab = plainText(await page.locator('.editor-group-container.active .tab.active').first().innerText());
    const file = tab.match(/\d{3}_[0-9a-f]+\.txt/)?.[0];
    assert.ok(file, `a report in the active tab: ${tab}`);
    const text = await readFile(path.join(workspace.folder, file), 'utf8');
    const selection = plainText(await page.locator('#status\\.editor\\.selection').innerText());
    const at = /Ln (\d+), Col (\d+)/.exec(selection);
    assert.ok(at, selection);
    // The cursor sits after `outcome=captured` of a JNIM claim in that report (the peek list keeps the cursor, not the selection).
    const ends = [...text.matchAll(/by=@jnim event=@niafunke-attack[^}]*?outcome=captured/g)].map((m) => lineAndColumn(text, (m.index ?? 0) + m[0].length));
    assert.ok(
      ends.some((end) => end.line === Number(at[1]) && end.column === Number(at[2])),
      `the cursor (${selection}) at the end of one of JNIM's outcome=captured in ${file}: ${JSON.stringify(ends)}`,
    );
  });

  step('follows an edit: the value typed over the passage shows in the cell', async () => {
    await page.keyboard.press('Escape');
    await until('the peek list to close', async () => ((await page.locator('.peekview-widget').isVisible()) ? undefined : true));
    // The cursor ends JNIM's outcome=captured: the value rewritten, never saved.
    for (let k = 0; k < 'captured'.length; k++) await page.keyboard.press('Backspace');
    await page.keyboard.type('repelled');
    const jnim = cell('outcome', 'jnim');
    await until('JNIM’s outcome cell to show the edited value', async () => (/repelled/.test(await jnim.innerText()) ? true : undefined));
    assert.match(plainText(await jnim.innerText()), /inconsistent/i, 'JNIM now reported two ways');
    // The redraw leaves the keyboard in the report being edited.
    assert.equal(await page.evaluate(() => (document.activeElement?.closest('.monaco-editor') ?? null) !== null), true, 'the focus stays in the editor');
  });
});
