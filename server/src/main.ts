// The one program behind `corroborate` and the editor's language server. It
// is also the entry of the reader threads `check` starts (workspace/readers.ts):
// one started with a reader's data reads documents, and runs nothing else.

import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import diagnosticsGuide from '../../docs/diagnostics.md';
import { EXIT_USAGE, runCli } from './cli/main';
import { StreamOutput } from './cli/output';
import { applyHeapPolicy } from './heapPolicy';
import { startStdioServer } from './lsp/main';
import { readerThreads } from './workspace/readers';
import { isReaderData, readInThread } from './workspace/readerThread';

if (!isMainThread && parentPort !== null && isReaderData(workerData)) {
  readInThread(workerData, parentPort);
} else {
  runProgram();
}

function runProgram(): void {
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
  // This very file, started again as a reader thread. Starting a thread sets
  // V8's flags back as they were when the process started, for every thread
  // (Node 20: in the Worker constructor, and again as the thread boots): the
  // heap policy is set again after each, or the main thread's young
  // generation grew to 16 MB semi-spaces (32 MB of new space at exit against
  // 8 MB) and the reader's too.
  const readers = readerThreads((options) => {
    const worker = new Worker(__filename, options);
    applyHeapPolicy('batch');
    worker.once('online', () => applyHeapPolicy('batch'));
    return worker;
  });
  runCli(args, { out, err, cwd: process.cwd(), version: CORROBORATE_VERSION, diagnosticsGuide, readers, startLanguageServer: startStdioServer }).then(
    (code) => {
      process.exitCode = out.failure ? EXIT_USAGE : code;
    },
    (error: unknown) => {
      err.write(`corroborate: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
