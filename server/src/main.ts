// The one program behind `npx corroborate` and the editor's language server.

import { runCli } from './cli/main';
import { startStdioServer } from './lsp/main';

runCli(process.argv.slice(2), process.stdout, process.stderr, startStdioServer).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`corroborate: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
