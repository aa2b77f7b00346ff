// What the browser-driven walk-throughs share (browser.test.ts,
// matrix.test.ts): the seeds opened in code-server with the packaged
// extension, steps that each need the state the one before left, and what a
// failed step leaves behind to look at.

import { cp, mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { copySeedsWorkspace, type SeedsWorkspace } from '../integration/seedsWorkspace';
import { launchChromium, resolveCodeServerBinary, startCodeServer, type CodeServer } from './codeServer';
import { describeError } from './waitFor';

/** The editor renders spaces as non-breaking spaces and splits text into token spans: compare text with its whitespace made plain. */
export function plainText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export async function isVisible(locator: Locator): Promise<true | undefined> {
  return (await locator.isVisible()) ? true : undefined;
}

/**
 * Declares the steps of one walk-through: the steps after a failed one are
 * skipped, and the failed one leaves a screenshot of the workbench and
 * code-server's logs in `failureFolder`.
 */
export function walkthrough(failureFolder: string, running: () => { readonly page?: Page; readonly server?: CodeServer }): (name: string, body: () => Promise<void>) => void {
  let failedStep: string | undefined;

  async function saveFailureArtifacts(stepName: string): Promise<void> {
    const { page, server } = running();
    try {
      await mkdir(failureFolder, { recursive: true });
      await page?.screenshot({ path: path.join(failureFolder, 'workbench.png'), timeout: 10_000 });
      if (server) {
        await writeFile(path.join(failureFolder, 'code-server-output.log'), server.recentOutput());
        await cp(path.join(server.userDataDir, 'logs'), path.join(failureFolder, 'logs'), { recursive: true, force: true });
      }
      process.stderr.write(`[e2e] "${stepName}" failed; screenshot and code-server logs in ${failureFolder}\n`);
    } catch (error) {
      process.stderr.write(`[e2e] could not save the failure artifacts of "${stepName}" to ${failureFolder}: ${describeError(error)}\n`);
    }
  }

  return (name, body) => {
    test(name, { timeout: 120_000 }, async (t) => {
      if (failedStep !== undefined) {
        t.skip(`it follows "${failedStep}", which failed`);
        return;
      }
      try {
        await body();
      } catch (error) {
        failedStep = name;
        await saveFailureArtifacts(name);
        throw error;
      }
    });
  };
}

export interface SeedsSession {
  readonly workspace: SeedsWorkspace;
  readonly server: CodeServer;
  readonly page: Page;
  /** Closes the browser, stops code-server and removes the copy of the seeds. */
  stop(): Promise<void>;
}

/** A copy of seeds/, code-server with the packaged extension `vsix` installed, and a browser page to drive it. */
export async function openSeedsSession(vsix: string, pageOptions: BrowserContextOptions): Promise<SeedsSession> {
  await stat(vsix).catch(() => {
    throw new Error(`${vsix} not found: run npm run package first`);
  });
  const workspace = await copySeedsWorkspace();
  const server = await startCodeServer({ binary: await resolveCodeServerBinary(), vsixFiles: [vsix] });
  const browser = await launchChromium();
  const page = await browser.newPage(pageOptions);
  return {
    workspace,
    server,
    page,
    stop: async () => {
      await browser.close();
      await server.stop();
      await workspace.remove();
    },
  };
}
