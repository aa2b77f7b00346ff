// The one program behind `corroborate` and the editor's language server.

import diagnosticsGuide from '../../docs/diagnostics.md';
import { EXIT_USAGE, runCli } from './cli/main';
import { StreamOutput } from './cli/output';
import { applyHeapPolicy } from './heapPolicy';
import { startStdioServer } from './lsp/main';

// Every command but `lsp` reads the corpus once and exits; `lsp` sets the server's own policy as it starts.
applyHeapPolicy('batch');
const out = new StreamOutput(process.stdout);
const err = new StreamOutput(process.stderr);
// A closed pipe is absorbed by StreamOutput; any other failure to write
// (a full disk) is an I/O failure, whenever it is noticed.
out.onFailure((error) => {
  err.write(`corroborate: cannot write the output: ${error.message}\n`);
  process.exitCode = EXIT_USAGE;
});

function startLanguageServer(): void {
  applyHeapPolicy('server');
  startStdioServer();
}

runCli(process.argv.slice(2), { out, err, cwd: process.cwd(), version: CORROBORATE_VERSION, diagnosticsGuide, startLanguageServer }).then(
  (code) => {
    process.exitCode = out.failure ? EXIT_USAGE : code;
  },
  (error: unknown) => {
    err.write(`corroborate: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT_USAGE;
  },
);
