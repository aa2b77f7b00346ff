// `corroborate lsp --stdio`: the language server over standard input/output.

import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { MessageActivity } from './messageActivity';
import { startServer } from './server';

/**
 * How far V8 lets the heap grow past what survived its last full collection
 * before it collects again: 50 %, against up to 300 % by default, when V8
 * favours throughput. A server held open all day kept the room it grew to in
 * a burst (the assist's cue model learnt, a hot event republished): at
 * 10,000 reports 376 MB after indexing and 941 MB after 1,000 edits (peak
 * 1.4 GB) for a live heap that grew by a few MB. 20 % kept it nearer still
 * (515 MB after 300 edits) but cost a hot-event edit about half again its
 * CPU in collections; 50 % (578 MB) cost none measurable
 * (docs/performance.md, "The language server's memory, continued"). The
 * flag is read at every collection, so setting it once the process runs
 * takes effect.
 */
const HEAP_GROWING_PERCENT = 50;

export function startStdioServer(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const activity = new MessageActivity();
  // The raw streams, not readers: the library then exits when the editor closes stdin,
  // instead of lingering while the editor's process (--clientProcessId) lives on.
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout, { messageStrategy: activity });
  // Anything written to stdout would corrupt the protocol stream.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  startServer(connection, activity);
}
