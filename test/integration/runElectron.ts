// Runs the editor integration suite in desktop VS Code, downloaded by
// @vscode/test-electron into .vscode-test/ (so it needs internet access; the
// project's own machines have none and run the same suite inside code-server
// with `npm run test:e2e`). On a Linux machine without a display, run it under
// a virtual one: `xvfb-run -a npm run test:vscode`.
//
//   npm run test:vscode [-- --vscode-version 1.91.0]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { copySeedsWorkspace, REPOSITORY_ROOT } from './seedsWorkspace';

async function main(): Promise<void> {
  const { values } = parseArgs({
    // 'stable' is the newest release; engines.vscode names the oldest the extension supports.
    options: { 'vscode-version': { type: 'string', default: 'stable' } },
    strict: true,
  });
  const workspace = await copySeedsWorkspace();
  try {
    process.exitCode = await runTests({
      version: values['vscode-version'],
      extensionDevelopmentPath: REPOSITORY_ROOT,
      extensionTestsPath: path.join(REPOSITORY_ROOT, 'test', 'out', 'integration', 'index.js'),
      // Other extensions installed on the machine stay off, so they cannot claim .txt files or change the outcome.
      launchArgs: [workspace.folder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    await workspace.remove();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
