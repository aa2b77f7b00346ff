// `corroborate lsp --stdio`: the language server over standard input/output.

import { createConnection, ProposedFeatures, StreamMessageReader } from 'vscode-languageserver/node';
import { BatchedMessageWriter } from './batchedWriter';
import { IdleCollection } from './idleCollection';
import { MessageActivity } from './messageActivity';
import { startServer } from './server';

export function startStdioServer(): void {
  const idleCollection = new IdleCollection();
  const activity = new MessageActivity(() => idleCollection.messageDispatched());
  const writer = new BatchedMessageWriter(process.stdout);
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), writer, { messageStrategy: activity });
  // Exit when the editor closes stdin, as the library does when given the raw stream (it takes a
  // writer only with a reader), instead of lingering while the editor's process (--clientProcessId) lives on.
  const inputClosed = () => {
    connection.dispose();
    process.exit(activity.shutdownRequested ? 0 : 1);
  };
  process.stdin.on('end', inputClosed);
  process.stdin.on('close', inputClosed);
  // Anything written to stdout would corrupt the protocol stream.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  startServer(connection, activity, writer);
}
