// The corpus reader thread's script (server/dist/corpusReader.js): see readAhead.ts.

import { serveReads } from './readAhead';

serveReads();
