// `npm run bench:publish`: what an edit costs the language server in push
// mode, phase by phase, in process, and the floor of delivering what it
// publishes. On a generated corpus (bench/corpus.ts) it applies the
// benchmark's edits (by default its two flips, a value shared by ≥ 50
// reports and a claim of the hot event; `--kinds` names others) as the server
// does (CorpusHost.useBuffer), then times the
// diagnostics of the touched files, what the editor is shown of them
// (ShownDiagnostics: LSP objects and their fingerprints) and their JSON.
// Then it writes the messages of one flip alone to another process, which
// reads and parses them as an editor would, and times them to the last one
// read, with the server's writer and with the JSON-RPC library's: what
// publishing them costs when nothing computes them, the part of an edit that
// no change to the engine or the server removes while each report's related
// information stays as DESIGN.md has it.
// Figures and the machine's load go to standard output; docs/performance.md
// holds a run. `npm run bench:publish -- --help` lists the options.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { StreamMessageReader, StreamMessageWriter, type Message, type MessageWriter, type NotificationMessage, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { REGISTRY_FILE } from '../server/src/engine/registry';
import { applyHeapPolicy } from '../server/src/heapPolicy';
import { BatchedMessageWriter } from '../server/src/lsp/batchedWriter';
import type { ClientFile } from '../server/src/lsp/convert';
import { CorpusHost } from '../server/src/lsp/corpusHost';
import { ShownDiagnostics } from '../server/src/lsp/shownDiagnostics';
import { CORPUS_SHAPES, EDIT_KINDS, generateCorpus, type CorpusShape, type EditKind } from './corpus';
import { summarise } from './stats';
import { machineDescription } from './table';

const USAGE = `npm run bench:publish -- [options]

  --docs N      reports in the generated corpus (default 10000)
  --seed S      generator seed (default 1)
  --corpus C    the generator's shape: standard (default) or contested
  --kinds K,…   the bench's edit kinds to time (default sharedValue,hotEvent; any of
                ${EDIT_KINDS.join(', ')})
  --flips N     edits of each kind timed in process (default 20; the first 2 warm up)
  --writes N    times the messages of one flip are written to the reading process (default 12)
  --clock C     what the in-process phases are timed in: wall (default) or cpu, this
                process's user + system time, which other work on a shared machine
                disturbs less (the writes to the reading process are always wall time)`;

const PUBLISH = 'textDocument/publishDiagnostics';
/** What the reading process answers once it has read every message before it. */
const READ_ALL = 'bench/readAll';
const READER_FLAG = '--reader';

interface Phases {
  engine: number[];
  diagnostics: number[];
  shown: number[];
  json: number[];
}

async function main(): Promise<void> {
  if (process.argv.includes(READER_FLAG)) return readMessages();
  const { values } = parseArgs({
    options: {
      docs: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      corpus: { type: 'string', default: 'standard' },
      kinds: { type: 'string', default: 'sharedValue,hotEvent' },
      flips: { type: 'string', default: '20' },
      writes: { type: 'string', default: '12' },
      clock: { type: 'string', default: 'wall' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const shape = values.corpus as CorpusShape;
  if (!CORPUS_SHAPES.includes(shape)) throw new Error(`--corpus takes ${CORPUS_SHAPES.join(' or ')}`);
  const kinds = values.kinds.split(',') as EditKind[];
  const unknown = kinds.find((kind) => !EDIT_KINDS.includes(kind));
  if (unknown !== undefined) throw new Error(`--kinds: ${unknown} is not one of ${EDIT_KINDS.join(', ')}`);
  if (values.clock !== 'wall' && values.clock !== 'cpu') throw new Error('--clock takes wall or cpu');
  const tick = values.clock === 'cpu' ? cpuNow : () => performance.now();
  const flips = Number(values.flips);
  const writes = Number(values.writes);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-publish-'));
  try {
    const generated = generateCorpus({ documents: Number(values.docs), seed: Number(values.seed), dir, shape });
    // The corpus held as the language server holds it: its heap policy too, which sets how often V8 collects.
    applyHeapPolicy('server');
    const host = await CorpusHost.load(dir);
    const clientFile = (file: string): ClientFile => ({ uri: host.uriOf(file), lines: host.lineIndex(file), version: null });
    // A client that has no report open: the edited one's hints are another cost (docs/assist.md).
    const shown = new ShownDiagnostics({
      holderOf: (at, file) => (at.holds(file) ? { host: at, file } : undefined),
      clientFiles: (at) => (file) => (at.holds(file) ? clientFile(file) : undefined),
      isOpen: () => false,
      whenIdle: () => undefined,
      hintsKnown: () => undefined,
    });
    const published = new Map<string, string>();
    for (const file of host.corpus.files()) published.set(host.uriOf(file), shown.of(host, file).fingerprint);
    console.log(`${generated.files.length} reports (${generated.shape}), load ${loadNow()}, phases in ${values.clock === 'cpu' ? 'CPU' : 'wall'} time\n${machineDescription()}`);
    for (const kind of kinds) {
      const site = generated.edits[kind];
      const phases: Phases = { engine: [], diagnostics: [], shown: [], json: [] };
      let messages: PublishDiagnosticsParams[] = [];
      let bytes = 0;
      let touchedFiles = 0;
      for (let flip = 0; flip < flips; flip++) {
        const [now, next] = flip % 2 === 0 ? site.variants : [site.variants[1], site.variants[0]];
        const text = site.file === REGISTRY_FILE ? host.corpus.registry.text : (host.corpus.document(site.file)?.text ?? '');
        const t0 = tick();
        const touched = host.useBuffer(site.file, text.slice(0, site.offset) + next + text.slice(site.offset + now.length), flip + 1) ?? new Set<string>();
        const t1 = tick();
        touchedFiles = touched.size;
        for (const file of touched) host.corpus.diagnostics(file);
        const t2 = tick();
        // As the publisher does: a file is sent when what it shows changed.
        messages = [];
        for (const file of touched) {
          const { uri, diagnostics, fingerprint } = shown.of(host, file);
          if (published.get(uri) === fingerprint) continue;
          published.set(uri, fingerprint);
          messages.push({ uri, diagnostics });
        }
        const t3 = tick();
        bytes = 0;
        for (const params of messages) bytes += Buffer.byteLength(JSON.stringify(notification(PUBLISH, params)));
        const t4 = tick();
        if (flip < 2) continue;
        phases.engine.push(t1 - t0);
        phases.diagnostics.push(t2 - t1);
        phases.shown.push(t3 - t2);
        phases.json.push(t4 - t3);
      }
      const batched = await writeToReader(messages, writes, (output) => new BatchedMessageWriter(output));
      const library = await writeToReader(messages, writes, (output) => new StreamMessageWriter(output));
      console.log(`\n${kind}: ${site.description}; ${touchedFiles} files touched, ${messages.length} published, ${(bytes / 1e6).toFixed(2)} MB of JSON`);
      console.log('| phase | median | p95 |\n| --- | ---: | ---: |');
      const row = (name: string, samples: readonly number[]) => {
        const { median, p95 } = summarise(samples);
        console.log(`| ${name} | ${ms(median)} | ${ms(p95)} |`);
      };
      row('engine: the edit applied (Corpus.setDocument, setRegistry)', phases.engine);
      row("the touched files' diagnostics", phases.diagnostics);
      row('what they show: LSP objects, fingerprints', phases.shown);
      row('their messages as JSON', phases.json);
      row("the same messages alone, written to another process that reads them, to the last one read: the server's writer", batched);
      row("… the JSON-RPC library's writer (one message per turn of the event loop)", library);
    }
    console.log(`\nload at the end ${loadNow()}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Times `messages` written by a writer of `writerOf` to a child process, to its answer that it read the last one. */
async function writeToReader(messages: readonly PublishDiagnosticsParams[], times: number, writerOf: (output: Writable) => MessageWriter): Promise<number[]> {
  const child = spawn(process.execPath, [...process.execArgv, __filename, READER_FLAG], { stdio: ['pipe', 'pipe', 'inherit'] });
  const reader = new StreamMessageReader(child.stdout);
  const writer = writerOf(child.stdin);
  let answered: () => void = () => undefined;
  reader.listen(() => answered());
  const roundTrip = async (): Promise<void> => {
    const read = new Promise<void>((resolve) => (answered = resolve));
    for (const params of messages) void writer.write(notification(PUBLISH, params));
    void writer.write(notification(READ_ALL));
    await read;
  };
  const samples: number[] = [];
  try {
    // The first write warms both processes up.
    await roundTrip();
    for (let k = 0; k < times; k++) {
      const start = performance.now();
      await roundTrip();
      samples.push(performance.now() - start);
      // A pause, as between edits: the reader's collections happen in it rather than in the next sample.
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    reader.dispose();
    writer.dispose();
    child.kill();
  }
  return samples;
}

/** The child: reads messages as an editor does (parsed) and answers READ_ALL once it reaches it. */
function readMessages(): void {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.listen((message: Message) => {
    if ((message as NotificationMessage).method === READ_ALL) void writer.write(notification(READ_ALL));
  });
}

function notification(method: string, params?: PublishDiagnosticsParams): NotificationMessage {
  return { jsonrpc: '2.0', method, ...(params ? { params } : {}) };
}

/** This process's user + system time in ms (its threads together: the collector's helpers too). */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

function loadNow(): string {
  return os.loadavg()[0].toFixed(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
