// What a person does with the packaged extension, done through a real
// browser: corroborate.vsix (npm run package) installed into code-server, a
// copy of seeds/ opened, a report opened from the explorer, a hover over a
// JNIM mention, the event's code lens and an inlay hint, the Problems panel
// read, a quick fix applied from the light bulb. Screenshots of the hover
// card, the lens and hints and the Problems panel are left in
// .test-artifacts/e2e/ (docs/images/ holds copies from a real run); a failed
// step leaves a screenshot and code-server's logs there too.
//
//   npm run package && node --import tsx --test test/e2e/browser.test.ts

// The functions handed to page.evaluate run in the workbench page, among DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe } from 'node:test';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { REPOSITORY_ROOT, type SeedsWorkspace } from '../integration/seedsWorkspace';
import { workbenchUrl, type CodeServer } from './codeServer';
import { waitFor } from './waitFor';
import { isVisible, openSeedsSession, plainText, walkthrough, type SeedsSession } from './walkthrough';

const execFileAsync = promisify(execFile);

const VSIX = path.join(REPOSITORY_ROOT, 'corroborate.vsix');
const CLI = path.join(REPOSITORY_ROOT, 'server', 'dist', 'corroborate.js');
const ARTIFACTS = path.join(REPOSITORY_ROOT, '.test-artifacts', 'e2e');
const REPORT = '002_bf727807ddea604f.txt';
/** The JNIM mention hovered: the GSIM in this phrase of the report. */
const MENTION_CONTEXT = '[GSIM]{@jnim} quittent';
const MENTION = 'GSIM';
const CONTRADICTION_CODE = 'conflicting-claims';
const ACKNOWLEDGED_CODE = 'acknowledged-dispute';
/**
 * The hover card's height is capped at a quarter of the editor's (250 px at
 * least): this is tall enough for JNIM's whole card to show in the screenshot.
 */
const VIEWPORT = { width: 1600, height: 1250 };
/** One condition's deadline: generous for a loaded CI machine, short enough to fail a broken build quickly. */
const WAIT_MS = 30_000;

interface ProblemRow {
  readonly index: number;
  readonly kind: 'file' | 'problem' | 'related';
  readonly label: string;
  readonly code: string;
  readonly last: boolean;
}

/** What `corroborate check --format json` prints, as far as this test reads it. */
interface CheckOutput {
  readonly diagnostics: readonly { readonly file: string; readonly code: string }[];
}


function until<T>(what: string, probe: () => Promise<T | undefined>, pollMs = 200): Promise<T> {
  return waitFor(probe, { what, timeoutMs: WAIT_MS, pollMs });
}


/** The warning count the status bar shows beside its warning icon. */
async function statusBarWarnings(page: Page): Promise<number | undefined> {
  return page.locator('#status\\.problems').evaluate((item) => {
    const nodes = [...(item.querySelector('.statusbar-item-label')?.childNodes ?? [])];
    const icon = nodes.findIndex((node) => node instanceof HTMLElement && node.classList.contains('codicon-warning'));
    const count = icon >= 0 ? Number.parseInt(nodes[icon + 1]?.textContent ?? '', 10) : Number.NaN;
    return Number.isNaN(count) ? undefined : count;
  });
}

/** Where on the page the characters `word` of `context` are drawn, found in the rendered lines of the editor. */
async function boxOfText(page: Page, context: string, word: string): Promise<{ x: number; y: number; width: number; height: number } | undefined> {
  return page.evaluate(
    ({ context, word }) => {
      for (const line of document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line')) {
        const lineText = (line.textContent ?? '').replace(/\u00a0/g, ' ');
        const at = lineText.indexOf(context);
        if (at < 0) continue;
        const start = at + context.indexOf(word);
        const end = start + word.length;
        const range = document.createRange();
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let offset = 0;
        let started = false;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent?.length ?? 0;
          if (!started && start < offset + length) {
            range.setStart(node, start - offset);
            started = true;
          }
          if (started && end <= offset + length) {
            range.setEnd(node, end - offset);
            const { x, y, width, height } = range.getBoundingClientRect();
            return width > 0 ? { x, y, width, height } : undefined;
          }
          offset += length;
        }
      }
      return undefined;
    },
    { context, word },
  );
}

/** The rows of the Problems panel, less the copies that tree's sticky scroll pins to its top. */
const PROBLEM_ROWS = '.markers-panel .monaco-list-row:not(.monaco-tree-sticky-row)';

async function renderedProblemRows(page: Page): Promise<ProblemRow[]> {
  return page.locator(PROBLEM_ROWS).evaluateAll((rows) =>
    rows.map((row) => ({
      index: Number(row.getAttribute('data-index')),
      // Told apart by what they draw: aria-level is not kept up to date on rows the list reuses while scrolling.
      kind: row.querySelector('.marker-icon') ? ('problem' as const) : row.querySelector('.monaco-count-badge') ? ('file' as const) : ('related' as const),
      label: row.getAttribute('aria-label') ?? '',
      code: row.querySelector('.marker-code')?.textContent?.trim() ?? '',
      last: row.getAttribute('data-last-element') === 'true',
    })),
  );
}

async function scrollProblemsToTop(page: Page): Promise<void> {
  const list = page.locator('.markers-panel .monaco-list').first();
  const box = await list.boundingBox();
  assert.ok(box, 'the Problems list has a size');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await until('the Problems panel to scroll back to its first row', async () => {
    const firstRowTop = await page
      .locator(`${PROBLEM_ROWS}[data-index="0"]`)
      .evaluateAll((rows) => (rows.length > 0 ? rows[0].getBoundingClientRect().top : undefined));
    if (firstRowTop !== undefined && firstRowTop >= box.y) return true;
    await page.mouse.wheel(0, -10 * box.height);
    return undefined;
  }, 20);
}

/** Every row of the Problems panel, scrolling through it from the top: the panel draws only the rows in view. */
async function allProblemRows(page: Page): Promise<ProblemRow[]> {
  await scrollProblemsToTop(page);
  const rows = new Map<number, ProblemRow>();
  const list = page.locator('.markers-panel .monaco-list').first();
  for (;;) {
    const rendered = await renderedProblemRows(page);
    for (const row of rendered) rows.set(row.index, row);
    if (rendered.length === 0 || rendered.some((row) => row.last)) break;
    const furthest = Math.max(...rendered.map((row) => row.index));
    const box = await list.boundingBox();
    assert.ok(box, 'the Problems list has a size');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, Math.max(box.height - 44, 22));
    // The list redraws on the next animation frame.
    await until(
      `the Problems panel to scroll past row ${furthest}`,
      async () => ((await renderedProblemRows(page)).some((row) => row.index > furthest) ? true : undefined),
      20,
    );
  }
  return [...rows.values()].sort((a, b) => a.index - b.index);
}

describe('Corroborate in code-server, driven through the browser as a person uses it', () => {
  let workspace: SeedsWorkspace | undefined;
  let server: CodeServer | undefined;
  let session: SeedsSession | undefined;
  let page: Page;
  /** Contradiction entries the Problems panel listed over `outcome`, which JNIM and the army dispute. */
  let outcomeContradictionsInPanel = 0;

  const step = walkthrough(path.join(ARTIFACTS, 'browser-failure'), () => ({ page, server }));

  /** The whole workbench, or only the top of the editor when `editorHeight` is given. */
  async function screenshot(name: string, editorHeight?: number): Promise<void> {
    await mkdir(ARTIFACTS, { recursive: true });
    const editor = editorHeight !== undefined ? await page.locator('.editor-group-container.active').boundingBox() : null;
    const clip = editor && editorHeight !== undefined ? { x: editor.x, y: editor.y, width: editor.width, height: Math.min(editor.height, editorHeight) } : undefined;
    await page.screenshot({ path: path.join(ARTIFACTS, name), ...(clip ? { clip } : {}) });
  }

  before(async () => {
    session = await openSeedsSession(VSIX, { viewport: VIEWPORT });
    ({ workspace, server, page } = session);
  });

  after(async () => {
    await session?.stop();
  });

  step('opens a report from the explorer and gets its contradictions', async () => {
    assert.ok(server && workspace);
    await page.goto(workbenchUrl(server, { folder: workspace.folder }), { waitUntil: 'domcontentloaded' });
    const entry = page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: REPORT });
    await until(`${REPORT} to be listed in the explorer`, () => isVisible(entry));
    await entry.click();
    await until(`${REPORT} to open in the editor showing "${MENTION_CONTEXT}"`, async () => ((await boxOfText(page, MENTION_CONTEXT, MENTION)) ? true : undefined));
    // The status bar counts the server's warnings once it has checked the corpus.
    await until('the status bar to count the language server’s warnings', async () => ((await statusBarWarnings(page)) ?? 0) > 0 ? true : undefined);
    assert.equal(plainText(await page.locator('#status\\.editor\\.mode').innerText()), 'Corroborate', 'the report has the Corroborate language');
  });

  step('draws the attack’s code lens and the interval of a vague count, with long lines wrapped', async () => {
    const lens = page.locator('.editor-group-container.active .monaco-editor .codelens-decoration').filter({ hasText: 'niafunke-attack ·' });
    await until('the code lens of the Niafunké attack', () => isVisible(lens));
    assert.match(plainText(await lens.innerText()), /^niafunke-attack · \d+ claims · 2 origins · 1 conflict — Show matrix$/);
    // An inlay hint is drawn inside the line, as text of its own after the value it explains.
    const hint = page.locator('.editor-group-container.active .monaco-editor .view-line span').filter({ hasText: /^\s*20\.\.\s*$/ });
    await until('the hint 20.. after casualties=>=20', () => isVisible(hint.first()));
    // Word wrap is on for reports: no line runs past the editor's right edge.
    const overflow = await page.evaluate(() => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor .lines-content');
      return editor ? editor.scrollWidth - editor.clientWidth : undefined;
    });
    assert.ok(overflow !== undefined && overflow <= 1, `the report's lines wrap (horizontal overflow ${overflow} px)`);
    await screenshot('code-lens-inlay-hints.png', 640);
  });

  step('shows JNIM’s card with its aliases when the pointer rests on a GSIM mention', async () => {
    const card = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'Aliases' });
    let attempts = 0;
    const text = await until(`the hover card with JNIM’s aliases over "${MENTION}" in "${MENTION_CONTEXT}"`, async () => {
      if (await card.isVisible()) return plainText(await card.innerText());
      // A hover asked before the server answered stays empty: move away and back now and then to ask again.
      if (attempts++ % 10 === 0) {
        const box = await boxOfText(page, MENTION_CONTEXT, MENTION);
        if (!box) return undefined;
        await page.mouse.move(box.x + box.width / 2, box.y - 2 * box.height);
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
      }
      return undefined;
    });
    assert.match(text, /Jama'at Nusrat al-Islam wal-Muslimin \(JNIM\)/);
    assert.match(text, /Aliases: JNIM, .*GSIM, .*Groupe de soutien à l'islam et aux musulmans/);
    await screenshot('hover-card.png');
  });

  step('lists every contradiction in the Problems panel, as corroborate check does', async () => {
    assert.ok(workspace);
    // Moving off the mention closes the card; the status bar's counts open the Problems panel.
    await page.mouse.move(0, 0);
    await page.locator('#status\\.problems').click();
    const firstProblem = page.locator(PROBLEM_ROWS).filter({ has: page.locator('.marker-icon') }).first();
    await until('the Problems panel to show a problem', () => isVisible(firstProblem));
    await screenshot('problems-panel.png');

    const rows = await allProblemRows(page);
    const contradictions = rows.filter((row) => row.kind === 'problem' && row.code === CONTRADICTION_CODE);
    const { stdout } = await execFileAsync(process.execPath, [CLI, 'check', workspace.folder, '--format', 'json']);
    const expected = (JSON.parse(stdout) as CheckOutput).diagnostics.filter((d) => d.code === CONTRADICTION_CODE);
    assert.ok(expected.length > 0, 'the seeds have contradictions');
    assert.equal(contradictions.length, expected.length, `contradiction entries in the Problems panel:\n${contradictions.map((row) => row.label).join('\n')}`);
    const files = rows.filter((row) => row.kind === 'file').map((row) => row.label);
    for (const report of new Set(expected.map((d) => d.file))) {
      assert.ok(files.some((label) => label.includes(report)), `${report} is listed in the Problems panel among: ${files.join(' | ')}`);
    }
    outcomeContradictionsInPanel = contradictions.filter((row) => row.label.includes('outcome=')).length;
  });

  step('acknowledges the dispute from the light bulb, and the warnings become information', async () => {
    const warningsBefore = await statusBarWarnings(page);
    assert.ok(outcomeContradictionsInPanel > 0, 'the Problems panel listed contradictions over outcome');
    assert.ok(warningsBefore !== undefined && warningsBefore >= outcomeContradictionsInPanel, 'the status bar counts the contradictions among its warnings');
    // Counting scrolled the panel to its end; back at the top, the first contradiction is in full view.
    await scrollProblemsToTop(page);
    const first = (await renderedProblemRows(page)).filter((row) => row.kind === 'problem' && row.code === CONTRADICTION_CODE).sort((a, b) => a.index - b.index)[0];
    assert.ok(first, 'a contradiction at the top of the Problems panel');
    // Opening a problem with a double click puts the cursor on it and focuses the editor: the light bulb shows in the gutter.
    await page.locator(`${PROBLEM_ROWS}[data-index="${first.index}"]`).dblclick();
    const lightBulb = page.locator('.editor-group-container.active .monaco-editor [class*="codicon-gutter-lightbulb"]').first();
    await until('the light bulb in the gutter at the contradiction', () => isVisible(lightBulb));
    await lightBulb.click();
    const acknowledge = page.locator('.action-widget .monaco-list-row.action[aria-label^="Acknowledge the dispute over outcome"]');
    await until('"Acknowledge the dispute over outcome …" in the light bulb’s menu', () => isVisible(acknowledge));
    // The menu lays a pointer block over the page that only the pointer moving lifts, so that the click that opened it cannot also pick an entry.
    const entry = await acknowledge.boundingBox();
    assert.ok(entry, 'the menu entry has a place on the page');
    await page.mouse.move(entry.x + entry.width / 2, entry.y + entry.height / 2, { steps: 4 });
    await until('the light bulb’s menu to take clicks', async () => ((await page.locator('.context-view-pointerBlock').count()) === 0 ? true : undefined));
    await acknowledge.click();

    // Once the dispute over outcome is acknowledged in corroborate.yaml, each report's outcome warnings turn into information.
    const warningsAfter = warningsBefore - outcomeContradictionsInPanel;
    await until(`the status bar to count ${warningsAfter} warnings instead of ${warningsBefore}`, async () =>
      (await statusBarWarnings(page)) === warningsAfter ? true : undefined,
    );
    const acknowledged = page.locator('.markers-panel .marker-code', { hasText: ACKNOWLEDGED_CODE }).first();
    await until(`an ${ACKNOWLEDGED_CODE} entry in the Problems panel`, () => isVisible(acknowledged));
    await screenshot('quick-fix-applied.png');
  });
});
