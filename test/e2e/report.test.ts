// `corroborate report --html` opened as a reader opens it: the page the built
// program writes, loaded from disk in headless Chromium. The matrix cells are
// read through their data attributes (the seeds' outcome row: JNIM's
// `captured` and the army's `repelled` in conflict), the page asks for
// nothing beyond its own file, its style and script run under its own
// Content-Security-Policy, user text stays text, and the overview sorts from
// the keyboard. Screenshots of the seeds' page, light and dark, are left in
// .test-artifacts/e2e/ (docs/images/ holds copies from a real run).
//
//   npm run build && node --import tsx --test test/e2e/report.test.ts

// The functions handed to page.evaluate run in the page, among DOM types.
/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { REPOSITORY_ROOT, SEEDS } from '../integration/seedsWorkspace';
import { tempFolder, writeCorpus } from '../support/tempFolder';
import { launchChromium } from './codeServer';

const execFileAsync = promisify(execFile);
const CLI = path.join(REPOSITORY_ROOT, 'server', 'dist', 'corroborate.js');
const ARTIFACTS = path.join(REPOSITORY_ROOT, '.test-artifacts', 'e2e');

interface Cell {
  readonly event: string;
  readonly property: string;
  readonly claimant: string;
  readonly document: string | null;
  readonly state: string;
  readonly text: string;
}

/** Writes the report of the corpus in `root` to a new folder; returns the page's path. */
async function writeReport(root: string): Promise<string> {
  const page = path.join(tempFolder('report'), 'report.html');
  await execFileAsync(process.execPath, [CLI, 'report', root, '--html', page]);
  return page;
}

/** Opens a file in a new page, keeping every request the page makes and every problem it logs. */
async function open(browser: Browser, file: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, colorScheme });
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, requests, problems };
}

function cells(page: Page, event: string): Promise<Cell[]> {
  return page.locator(`table.matrix td[data-event="${event}"]`).evaluateAll((tds) =>
    tds.map((td) => {
      const data = (td as HTMLElement).dataset;
      return {
        event: data.event ?? '',
        property: data.property ?? '',
        claimant: data.claimant ?? '',
        document: data.document ?? null,
        state: data.state ?? '',
        // textContent: a collapsed event's cells are not rendered, and have no innerText.
        text: (td.textContent ?? '').replace(/\s+/g, ' ').trim(),
      };
    }),
  );
}

const REGISTRY = `documents: ["*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled, withdrawn] }
  killed: { type: count }
actors:
  army: { name: 'Army <script>window.injected = true</script> "quoted"' }
  rebels: { name: Rebels }
  locals: { name: Local sources, anonymous: true }
  wire: { name: Wire }
  paper: { name: Paper }
events:
  raid:
    name: The raid
    disputed: { outcome: [captured, repelled] }
    assessment: The desk holds that the camp fell, then was retaken.
    estimate: { killed: 10..40 }
  siege: { name: The siege }
${Array.from({ length: 10 }, (_, k) => `  skirmish-${k}: { name: Skirmish ${k} }`).join('\n')}
`;

/** Every state, an anonymous claimant in a report whose name needs escaping, a republication, and more events than the page opens. */
const OWN_CORPUS = {
  'corroborate.yaml': REGISTRY,
  'a.txt': '---\nsource: wire\npublished: 2024-03-01\n---\n[x]{claim by=@rebels event=@raid outcome=captured} [x]{claim by=@army event=@raid outcome=repelled} [x]{claim by=@army event=@siege killed=10} [x]{claim by=@rebels event=@siege killed=40}\n',
  'b.txt': '---\nsource: paper\norigin: wire\npublished: 2024-03-02\n---\n[x]{claim by=@army event=@siege killed=10} [x]{claim by=@rebels event=@siege outcome=?}\n',
  'c "<quoted>" & more.txt': '---\nsource: paper\n---\n[x]{claim by=@locals event=@siege killed=~10} [x]{claim by=@locals event=@siege outcome=withdrawn}\n',
  'd.txt': `---\nsource: wire\n---\n${Array.from({ length: 10 }, (_, k) => `[x]{claim by=@rebels event=@skirmish-${k} killed=${k}}`).join(' ')}\n`,
};

void describe('corroborate report --html in Chromium', () => {
  let browser: Browser | undefined;
  let seedsPage = '';
  let ownPage = '';

  before(async () => {
    [seedsPage, ownPage] = await Promise.all([writeReport(SEEDS), writeReport(writeCorpus(OWN_CORPUS))]);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
  });

  void test('the seeds: the outcome row shows JNIM’s captured and the army’s repelled in conflict', async () => {
    assert.ok(browser);
    const { page, requests, problems } = await open(browser, seedsPage);
    const found = await cells(page, 'niafunke-attack');
    const outcome = found.filter((c) => c.property === 'outcome');
    assert.deepEqual(
      outcome.map((c) => [c.claimant, c.state, c.text]),
      [
        ['jnim', 'conflicts', 'captured 4 reports, 2 origins'],
        ['fama', 'conflicts', 'repelled 4 reports, 2 origins, 2 of 9 claims hedged'],
      ],
    );
    // The army declined to give a toll; local sources, once in each report that quotes them, agree with JNIM's.
    assert.deepEqual(
      found.filter((c) => c.property === 'killed').map((c) => [c.claimant, c.document, c.state]),
      [
        ['jnim', null, 'agrees'],
        ['fama', null, 'declined'],
        ['local-sources', '001_5d94ad36ec1082ee.txt', 'agrees'],
        ['local-sources', '003_1a14fc8a2bf519ca.txt', 'agrees'],
      ],
    );
    assert.deepEqual(requests, [pathToFileURL(seedsPage).href], 'the page requests nothing but itself');
    assert.deepEqual(problems, [], 'nothing refused by the page’s Content-Security-Policy, no script error');
    // The inline style applied: a conflict cell is coloured, and says its state in words as well.
    const look = await page.locator('td[data-property="outcome"][data-claimant="jnim"]').evaluate((td) => ({
      background: getComputedStyle(td).backgroundColor,
      word: getComputedStyle(td, '::before').content,
    }));
    assert.notEqual(look.background, 'rgba(0, 0, 0, 0)');
    assert.equal(look.word, '"conflicts"');
    await page.close();
  });

  void test('screenshots of the seeds’ report, light and dark', async () => {
    assert.ok(browser);
    await mkdir(ARTIFACTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await open(browser, seedsPage, scheme);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(13, 17, 23)', `the ${scheme} colours`);
      await page.locator('details#event-niafunke-attack table.matrix').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(ARTIFACTS, `report-${scheme}.png`) });
      await page.close();
    }
  });

  void test('a corpus of every state: acknowledged, conflicts, agrees, single, declined; anonymous claimants by report', async () => {
    assert.ok(browser);
    const { page, requests, problems } = await open(browser, ownPage);
    assert.deepEqual(
      (await cells(page, 'raid')).map((c) => [c.property, c.claimant, c.state]),
      [
        ['outcome', 'army', 'acknowledged'],
        ['outcome', 'rebels', 'acknowledged'],
      ],
    );
    assert.deepEqual(
      (await cells(page, 'siege')).map((c) => [c.property, c.claimant, c.document, c.state, c.text]),
      [
        ['outcome', 'locals', 'c "<quoted>" & more.txt', 'single', 'withdrawn 1 report'],
        ['outcome', 'rebels', null, 'declined', 'not given (?) 1 report'],
        ['killed', 'army', null, 'conflicts', '10 2 reports'],
        ['killed', 'locals', 'c "<quoted>" & more.txt', 'conflicts', 'about 10 1 report'],
        ['killed', 'rebels', null, 'conflicts', '40 1 report'],
      ],
    );
    assert.equal(await page.locator('details#event-raid .desk').textContent(), 'AssessmentThe desk holds that the camp fell, then was retaken.Disputedoutcome: captured / repelled (acknowledged)Estimatekilled: 10–40 10..40');
    // The army's name is shown as written, and its <script> never ran.
    assert.equal(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected), undefined);
    assert.ok((await page.locator('table.matrix thead th[data-claimant="army"]').first().textContent())?.startsWith('Army <script>window.injected = true</script> "quoted"'));
    assert.deepEqual(requests, [pathToFileURL(ownPage).href]);
    assert.deepEqual(problems, []);
    await page.close();
  });

  void test('a report of many events opens collapsed: a link opens its event, the keyboard sorts the overview, printing opens them all', async () => {
    assert.ok(browser);
    const { page, problems } = await open(browser, ownPage);
    const openEvents = () => page.locator('details.event').evaluateAll((all) => all.filter((d) => (d as HTMLDetailsElement).open).map((d) => d.id));
    assert.deepEqual(await openEvents(), []);
    await page.locator('table.overview a[href="#event-siege"]').click();
    // The page opens the section when the address changes, an event after the click.
    await page.waitForFunction(() => (document.getElementById('event-siege') as HTMLDetailsElement | null)?.open === true, undefined, { timeout: 10_000 });
    assert.deepEqual(await openEvents(), ['event-siege']);

    const firstColumn = () => page.locator('table.overview tbody th').evaluateAll((ths) => ths.map((th) => th.querySelector('code')?.textContent));
    // Most disputed first: the siege's killed row, then the raid's acknowledged outcome.
    assert.deepEqual((await firstColumn()).slice(0, 2), ['@siege', '@raid']);
    const claims = page.locator('table.overview thead button', { hasText: 'Claims' });
    await claims.focus();
    await page.keyboard.press('Enter');
    const sorted = page.locator('table.overview thead th[aria-sort]');
    assert.deepEqual([await sorted.innerText(), await sorted.getAttribute('aria-sort')], ['Claims', 'ascending']);
    const counts = await page.locator('table.overview tbody tr td:nth-child(4)').allInnerTexts();
    assert.deepEqual(counts, [...counts].sort((a, b) => Number(a) - Number(b)));
    await page.keyboard.press('Enter');
    assert.deepEqual([await sorted.innerText(), await sorted.getAttribute('aria-sort')], ['Claims', 'descending']);
    const descending = await page.locator('table.overview tbody tr td:nth-child(4)').allInnerTexts();
    assert.deepEqual(descending, [...descending].sort((a, b) => Number(b) - Number(a)));

    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    assert.equal((await openEvents()).length, await page.locator('details.event').count());
    assert.deepEqual(problems, []);
    await page.close();
  });
});
