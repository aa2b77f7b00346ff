// The one program behind `corroborate` and the editor's language server.

import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import diagnosticsGuide from '../../docs/diagnostics.md';
import { EXIT_USAGE, runCli } from './cli/main';
import { StreamOutput } from './cli/output';
import { isValueCheckWork, serveValueChecks } from './cli/sharedChecks';
import { startStdioServer } from './lsp/main';

function runProgram(): void {
  const out = new StreamOutput(process.stdout);
  const err = new StreamOutput(process.stderr);
  // A closed pipe is absorbed by StreamOutput; any other failure to write
  // (a full disk) is an I/O failure, whenever it is noticed.
  out.onFailure((error) => {
    err.write(`corroborate: cannot write the output: ${error.message}\n`);
    process.exitCode = EXIT_USAGE;
  });

  const environment = { out, err, cwd: process.cwd(), version: CORROBORATE_VERSION, diagnosticsGuide, startLanguageServer: startStdioServer, program: __filename };
  runCli(process.argv.slice(2), environment).then(
    (code) => {
      process.exitCode = out.failure ? EXIT_USAGE : code;
    },
    (error: unknown) => {
      err.write(`corroborate: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}

// The same file is the worker thread `check` starts (cli/sharedChecks.ts).
const work: unknown = workerData;
if (!isMainThread && parentPort !== null && isValueCheckWork(work)) {
  const port = parentPort;
  serveValueChecks(work, (message) => port.postMessage(message));
} else {
  runProgram();
}
