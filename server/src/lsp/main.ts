// `corroborate lsp --stdio`: the language server over standard input/output.

import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server';

export function startStdioServer(): void {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  // Anything written to stdout would corrupt the protocol stream.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  startServer(connection);
}
