// A reader thread's entry under tsx, for tests that read a corpus on reader
// threads in process: what server/src/main.ts does when the bundle is started
// as one. Started with `require('tsx/cjs')` first (test/unit/readers.test.ts).

import { parentPort, workerData } from 'node:worker_threads';
import { isReaderData, readInThread } from '../../server/src/workspace/readerThread';

if (parentPort === null || !isReaderData(workerData)) throw new Error('started without a reader thread’s data');
readInThread(workerData, parentPort);
