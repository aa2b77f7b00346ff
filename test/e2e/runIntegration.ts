// Runs the editor integration suite (test/integration, bundled by
// `npm run build:integration`) inside code-server, on a temporary copy of
// seeds/, with the extension loaded from this checkout (build it first).
//
//   npx tsx test/e2e/runIntegration.ts
import path from 'node:path';
import { copySeedsWorkspace, REPOSITORY_ROOT } from '../integration/seedsWorkspace';
import { resolveCodeServerBinary } from './codeServer';
import { runExtensionTests } from './runExtensionTests';

async function main(): Promise<void> {
  const started = Date.now();
  const workspace = await copySeedsWorkspace();
  try {
    const exitCode = await runExtensionTests({
      codeServerBinary: await resolveCodeServerBinary(),
      extensionDevelopmentPath: REPOSITORY_ROOT,
      extensionTestsPath: path.join(REPOSITORY_ROOT, 'test', 'out', 'integration', 'index.js'),
      workspaceFolder: workspace.folder,
      artifactsDir: path.join(REPOSITORY_ROOT, '.test-artifacts', 'e2e', 'integration'),
    });
    // Mocha has said how the tests went; this says more only when the suite failed.
    if (exitCode !== 0) process.stderr.write(`[e2e] integration suite in code-server exited with code ${exitCode} after ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    process.exitCode = exitCode;
  } finally {
    await workspace.remove();
  }
}

// Ctrl-C or a CI timeout: exiting runs code-server's exit hook, which ends its process group.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
main().catch((error: unknown) => {
  process.stderr.write(`[e2e] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
