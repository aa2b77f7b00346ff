// `corroborate lsp --stdio`: the language server over standard input/output.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

export function startStdioServer(): void {
  // The raw streams, not readers: the library then exits when the editor closes stdin,
  // instead of lingering while the editor's process (--clientProcessId) lives on.
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  // Anything written to stdout would corrupt the protocol stream.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  startServer(connection);
}
