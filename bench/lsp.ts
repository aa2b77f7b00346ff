// The language server as an editor meets it: indexing, then edits, hovers and
// completions, timed at the client. An edit is timed from its didChange to the
// last publishDiagnostics it causes; "last" is only known once the server has
// gone quiet, so after each edit the client asks a hover (answered only after
// the change is applied) and then waits for a quiet period with no publish.
// The quiet period is the benchmark's wait, not the server's: it is reported
// apart and never part of a figure. An edit that publishes nothing (prose the
// diagnostics do not depend on) is timed to the hover's answer instead.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { EditSite, GeneratedCorpus, ProbeSite } from './corpus';
import { BenchClient, positionAt, uriOf, type Publish } from './lspClient';
import { CORROBORATE } from './tools';

export interface LspOptions {
  /** Measured edits per kind. */
  readonly edits: number;
  /** Measured requests per hover or completion site. */
  readonly requests: number;
  readonly quietMs: number;
  /** Stop measuring a kind of edit after this long (at least `minimumEdits` done), so a slow kind cannot stall the run. */
  readonly editBudgetMs: number;
  readonly indexTimeoutMs: number;
}

export interface Settled {
  /** From the change sent to the last publish it caused, or to the probe's answer when it caused none. */
  readonly ms: number;
  /** Distinct files republished. */
  readonly files: number;
  readonly via: 'publish' | 'answer';
}

export interface EditFigures {
  readonly description: string;
  readonly file: string;
  readonly samples: readonly Settled[];
}

export interface RequestFigures {
  readonly description: string;
  readonly samplesMs: readonly number[];
  /** Hover: whether it had content; completion: how many items. */
  readonly result: string;
}

export interface LspFigures {
  readonly indexMs: number;
  /** The server's own "indexed … in N ms" (loading the corpus, before publishing). */
  readonly serverIndexMs?: number;
  readonly publishesAtIndex: number;
  readonly expectedPublishes: number;
  readonly rssAfterIndexMb?: number;
  readonly openRegistry: Settled;
  readonly edits: {
    readonly prose: EditFigures;
    readonly proseInHotReport: EditFigures;
    readonly sharedValue: EditFigures;
    readonly hotEvent: EditFigures;
    readonly registry: EditFigures;
  };
  readonly hovers: readonly RequestFigures[];
  readonly completions: readonly RequestFigures[];
  readonly rssEndMb?: number;
  readonly peakRssMb?: number;
  readonly quietMs: number;
}

const WARMUP_EDITS = 2;
const WARMUP_REQUESTS = 5;
const MINIMUM_EDITS = 10;

interface OpenDocument {
  readonly uri: string;
  text: string;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sends `action`, probes with a hover, waits for the quiet period, and says when the server was done. */
async function settle(client: BenchClient, action: () => Promise<void>, probeUri: string, quietMs: number): Promise<Settled> {
  const before = client.publishes.length;
  const start = performance.now();
  await action();
  const probe = await client.hover(probeUri, { line: 0, character: 0 });
  const lastPublish = (): Publish | undefined => (client.publishes.length > before ? client.publishes[client.publishes.length - 1] : undefined);
  for (;;) {
    const last = Math.max(probe.at, lastPublish()?.at ?? -Infinity);
    const left = last + quietMs - performance.now();
    if (left <= 0) break;
    await pause(left);
  }
  const mine = client.publishes.slice(before);
  const last = mine[mine.length - 1];
  if (!last) return { ms: probe.at - start, files: 0, via: 'answer' };
  return { ms: last.at - start, files: new Set(mine.map((p) => p.uri)).size, via: 'publish' };
}

async function measureEdits(client: BenchClient, document: OpenDocument, site: EditSite, options: LspOptions): Promise<EditFigures> {
  let step = 0;
  const edit = (): Promise<Settled> => {
    const [first, second] = site.variants;
    const from = step % 2 === 0 ? first : second;
    const to = step % 2 === 0 ? second : first;
    if (document.text.slice(site.offset, site.offset + from.length) !== from) throw new Error(`edit site in ${site.file} lost track of its text`);
    const range = { start: positionAt(document.text, site.offset), end: positionAt(document.text, site.offset + from.length) };
    document.text = document.text.slice(0, site.offset) + to + document.text.slice(site.offset + from.length);
    step++;
    return settle(client, () => client.change(document.uri, range, to), document.uri, options.quietMs);
  };
  for (let i = 0; i < WARMUP_EDITS; i++) await edit();
  const samples: Settled[] = [];
  const began = performance.now();
  while (samples.length < options.edits && (samples.length < MINIMUM_EDITS || performance.now() - began < options.editBudgetMs)) samples.push(await edit());
  // Leave the file as generated, for the kinds measured after this one.
  if (step % 2 === 1) await edit();
  return { description: site.description, file: site.file, samples };
}

async function measureRequests(
  documents: ReadonlyMap<string, OpenDocument>,
  site: ProbeSite,
  count: number,
  ask: (uri: string, position: { line: number; character: number }) => Promise<{ at: number; result: string }>,
): Promise<RequestFigures> {
  const document = documents.get(site.file);
  if (!document) throw new Error(`${site.file} is not open`);
  const position = positionAt(document.text, site.offset);
  let result = '';
  for (let i = 0; i < WARMUP_REQUESTS; i++) result = (await ask(document.uri, position)).result;
  const samplesMs: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const answer = await ask(document.uri, position);
    samplesMs.push(answer.at - start);
  }
  return { description: site.description, samplesMs, result };
}

export async function measureLsp(corpus: GeneratedCorpus, expectedPublishes: number, options: LspOptions, log: (line: string) => void): Promise<LspFigures> {
  const client = BenchClient.start(CORROBORATE, corpus.dir);
  try {
    await client.initialize(corpus.dir);
    const start = await client.initialized();
    await client.waitFor('the corpus to be indexed (corroborate/corpusDocuments)', () => client.corpusDocumentsAt !== undefined, options.indexTimeoutMs);
    const indexMs = (client.corpusDocumentsAt ?? NaN) - start;
    const publishesAtIndex = client.publishes.length;
    const afterIndex = client.memory();
    const indexedLine = client.logs.map((line) => /^indexed .* in (\d+) ms$/.exec(line)).find((match) => match !== null);
    log(`  language server: indexed and published in ${indexMs.toFixed(0)} ms (${publishesAtIndex} files published, ${client.corpusDocuments.length} documents)`);

    const documents = new Map<string, OpenDocument>();
    let openRegistry: Settled | undefined;
    const { prose, sharedValue, hotEvent, registry } = corpus.edits;
    for (const file of [...new Set([prose.file, sharedValue.file, hotEvent.file, registry.file])]) {
      const document: OpenDocument = { uri: uriOf(corpus.dir, file), text: fs.readFileSync(path.join(corpus.dir, file), 'utf8') };
      documents.set(file, document);
      const opened = await settle(client, () => client.open(document.uri, file === registry.file ? 'yaml' : 'corroborate', document.text), document.uri, options.quietMs);
      if (file === registry.file) openRegistry = opened;
    }
    if (!openRegistry) throw new Error('corroborate.yaml was not opened');

    const hovers: RequestFigures[] = [];
    for (const site of corpus.hovers) {
      hovers.push(
        await measureRequests(documents, site, options.requests, async (uri, position) => {
          const answer = await client.hover(uri, position);
          return { at: answer.at, result: answer.found ? 'card' : 'nothing' };
        }),
      );
    }
    const completions: RequestFigures[] = [];
    for (const site of corpus.completions) {
      completions.push(
        await measureRequests(documents, site, options.requests, async (uri, position) => {
          const answer = await client.completion(uri, position);
          return { at: answer.at, result: `${answer.items} items` };
        }),
      );
    }
    log('  language server: hover and completion done');

    const documentOf = (site: EditSite): OpenDocument => {
      const document = documents.get(site.file);
      if (!document) throw new Error(`${site.file} is not open`);
      return document;
    };
    const edits = {
      prose: await measureEdits(client, documentOf(prose), prose, options),
      proseInHotReport: await measureEdits(client, documentOf(corpus.edits.proseInHotReport), corpus.edits.proseInHotReport, options),
      sharedValue: await measureEdits(client, documentOf(sharedValue), sharedValue, options),
      hotEvent: await measureEdits(client, documentOf(hotEvent), hotEvent, options),
      registry: await measureEdits(client, documentOf(registry), registry, options),
    };
    log('  language server: edits done');
    const end = client.memory();
    return {
      indexMs,
      ...(indexedLine?.[1] !== undefined ? { serverIndexMs: Number(indexedLine[1]) } : {}),
      publishesAtIndex,
      expectedPublishes,
      ...(afterIndex.rssMb !== undefined ? { rssAfterIndexMb: afterIndex.rssMb } : {}),
      openRegistry,
      edits,
      hovers,
      completions,
      ...(end.rssMb !== undefined ? { rssEndMb: end.rssMb } : {}),
      ...(end.peakRssMb !== undefined ? { peakRssMb: end.peakRssMb } : {}),
      quietMs: options.quietMs,
    };
  } finally {
    await client.stop();
  }
}
