// `corroborate lsp --stdio`: the language server over standard input/output.

import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures, StreamMessageReader } from 'vscode-languageserver/node';
import { BatchedMessageWriter } from './batchedWriter';
import { MessageActivity } from './messageActivity';
import { startServer } from './server';

/**
 * How far V8 lets the heap grow past what survived its last full collection
 * before it collects again: 50 %, against up to 300 % by default, when V8
 * favours throughput. A server held open all day kept the room it grew to in
 * a burst (the assist's cue model learnt, a hot event republished): at
 * 10,000 reports 380 MB after indexing and 691–941 MB after 1,000 edits
 * (peak 1.2–1.4 GB) for a live heap that grew by a few MB; 512 MB (peak
 * 524 MB) with this. The price is more full collections in the edits that
 * allocate most: a hot-event or alias edit costs about 1.6 times the CPU
 * (docs/performance.md, "The language server's memory, continued"). The
 * flag is read at every collection, so setting it once the process runs
 * takes effect.
 */
const HEAP_GROWING_PERCENT = 50;

export function startStdioServer(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const activity = new MessageActivity();
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
  startServer(connection, activity);
}
