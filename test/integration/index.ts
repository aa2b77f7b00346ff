// The suite's entry point, in the shape both runners expect: VS Code's
// extension host loads this module (bundled to test/out/integration/index.js)
// and awaits run(), which rejects when a test failed. @vscode/test-electron
// calls it in a downloaded VS Code (npm run test:vscode), test/e2e's harness
// in code-server (npm run test:e2e).
import { format } from 'node:util';
import Mocha from 'mocha';

/**
 * In code-server the suite's lines reach the harness mixed with the
 * workbench's own log; the harness sets this mark, prints the lines that
 * carry it, and the others only when the suite fails.
 */
const mark = process.env.CORROBORATE_SUITE_LOG_MARK ?? '';

function print(...args: unknown[]): void {
  for (const line of format(...args).split('\n')) console.log(`${mark}${line}`);
}

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    // Plain text: code-server relays the log through the browser, where colour codes are noise.
    color: false,
    // Every wait in the tests has its own, shorter deadline and message; this only catches a hang elsewhere.
    timeout: 120_000,
  });
  Mocha.reporters.Base.consoleLog = print;
  // The suite is one bundle, so mocha cannot load test files by path: each is
  // imported here after mocha has put describe/it on the global object, as its
  // own loader would.
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'corpus.test.ts', mocha);
  await import('./corpus.test.js');

  const { passed, failed } = await new Promise<{ passed: number; failed: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
  });
  print(`${passed} passed, ${failed} failed`);
  if (failed > 0 || passed === 0) throw new Error(failed > 0 ? `${failed} integration tests failed` : 'no integration test ran');
}
