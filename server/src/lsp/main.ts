// `corroborate lsp --stdio`: the language server over standard input/output.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { MessageActivity } from './messageActivity';
import { startServer } from './server';

export function startStdioServer(): void {
  const activity = new MessageActivity();
  // The raw streams, not readers: the library then exits when the editor closes stdin,
  // instead of lingering while the editor's process (--clientProcessId) lives on.
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout, { messageStrategy: activity });
  // Anything written to stdout would corrupt the protocol stream.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  startServer(connection, activity);
}
