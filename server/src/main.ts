// The one program behind `corroborate` and the editor's language server.

import diagnosticsGuide from '../../docs/diagnostics.md';
import { EXIT_USAGE, runCli } from './cli/main';
import { StreamOutput } from './cli/output';
import { applyHeapPolicy } from './heapPolicy';
import { startStdioServer } from './lsp/main';

const args = process.argv.slice(2);
// Every command but `lsp`, the language server, reads the corpus once and exits.
applyHeapPolicy(args[0] === 'lsp' ? 'server' : 'batch');
const out = new StreamOutput(process.stdout);
const err = new StreamOutput(process.stderr);
// A closed pipe is absorbed by StreamOutput; any other failure to write
// (a full disk) is an I/O failure, whenever it is noticed.
out.onFailure((error) => {
  err.write(`corroborate: cannot write the output: ${error.message}\n`);
  process.exitCode = EXIT_USAGE;
});

runCli(args, { out, err, cwd: process.cwd(), version: CORROBORATE_VERSION, diagnosticsGuide, startLanguageServer: startStdioServer }).then(
  (code) => {
    process.exitCode = out.failure ? EXIT_USAGE : code;
  },
  (error: unknown) => {
    err.write(`corroborate: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT_USAGE;
  },
);
