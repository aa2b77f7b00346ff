// `corroborate lsp --stdio`: the language server over standard input/output.

import { applyEditingHeapPolicy } from '../heapPolicy';
import { createConnection, DidChangeTextDocumentNotification, Message, ProposedFeatures, StreamMessageReader } from 'vscode-languageserver/node';
import { BatchedMessageWriter } from './batchedWriter';
import { IdleCollection } from './idleCollection';
import { MessageActivity } from './messageActivity';
import { startServer } from './server';

export function startStdioServer(): void {
  const idleCollection = new IdleCollection();
  let firstEdit: () => void = () => undefined;
  const edited = new Promise<void>((resolve) => (firstEdit = resolve));
  const activity = new MessageActivity((message) => {
    idleCollection.messageDispatched();
    if (Message.isNotification(message) && message.method === DidChangeTextDocumentNotification.method) firstEdit();
  });
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new BatchedMessageWriter(process.stdout), { messageStrategy: activity });
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
  // Indexing, and the assist's cues learnt once a report is opened, are passes over every report: V8's
  // policy for edits starts with the first edit of an indexed workspace.
  void Promise.all([startServer(connection, activity), edited]).then(applyEditingHeapPolicy);
}
