// The server's writer: what it sends an editor is cut into writes of a
// bounded size, and whatever the cut, every message arrives whole, in order,
// as the JSON-RPC library reads it — reports in Arabic and French, with
// characters outside the BMP (a surrogate pair must not be cut in two, each
// write is encoded alone), from one line to a republished hot event's size.

import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { StreamMessageReader, type Message, type NotificationMessage } from 'vscode-languageserver-protocol/node';
import { BatchedMessageWriter } from '../../server/src/lsp/batchedWriter';

/** A publication's worth of text: `size` code units of a report's words, emoji among them. */
function diagnosticsOf(size: number, seed: number): NotificationMessage {
  const words = ['tués', 'قتلى', '😀', 'soldiers', '𝔄', 'جنود', '—', 'blessés'];
  let message = '';
  for (let k = seed; message.length < size; k++) message += `${words[k % words.length]} `;
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: `file:///reports/${seed}.txt`, diagnostics: [{ message }] } };
}

async function sendAndRead(messages: readonly Message[], pauseEvery: number): Promise<Message[]> {
  // A small buffer, so the writer waits for the reader as it does for an editor that reads slowly.
  const pipe = new PassThrough({ highWaterMark: 1024 });
  const writer = new BatchedMessageWriter(pipe);
  const reader = new StreamMessageReader(pipe);
  const received: Message[] = [];
  const all = new Promise<void>((resolve) =>
    reader.listen((message) => {
      received.push(message);
      if (received.length === messages.length) resolve();
    }),
  );
  const written: Promise<void>[] = [];
  for (const [k, message] of messages.entries()) {
    written.push(writer.write(message));
    // Messages of several turns of the event loop, as an edit's publications come in slices.
    if (k % pauseEvery === pauseEvery - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(written);
  await all;
  reader.dispose();
  writer.dispose();
  return received;
}

describe('the server writes its messages whole and in order', () => {
  const cases: readonly { readonly name: string; readonly sizes: readonly number[]; readonly pauseEvery: number }[] = [
    { name: 'hundreds of small publications in one turn', sizes: Array.from({ length: 400 }, (_, k) => 200 + ((k * 97) % 3000)), pauseEvery: 400 },
    { name: 'publications larger than a write, odd and even sizes', sizes: [40_001, 65_536, 70_000, 1, 250_003, 32_767, 32_768, 32_769], pauseEvery: 3 },
    { name: 'a hot event republished: 5 MB over a few turns', sizes: Array.from({ length: 393 }, (_, k) => 9_000 + k * 31), pauseEvery: 50 },
  ];
  for (const { name, sizes, pauseEvery } of cases) {
    // A message cut wrongly leaves the reader waiting for bytes that never come: it fails by the timeout.
    test(name, { timeout: 30_000 }, async () => {
      const messages = sizes.map((size, k) => diagnosticsOf(size, k));
      assert.deepEqual(await sendAndRead(messages, pauseEvery), messages);
    });
  }

  test('a stream that fails rejects the writes waiting on it and reports why', async () => {
    const failing = new Writable({ write: (_chunk, _encoding, callback) => callback(new Error('the editor went away')) });
    const writer = new BatchedMessageWriter(failing);
    const errors: Error[] = [];
    writer.onError(([error]) => errors.push(error));
    const results = await Promise.allSettled([writer.write(diagnosticsOf(10, 1)), writer.write(diagnosticsOf(100_000, 2)), writer.write(diagnosticsOf(10, 3))]);
    assert.deepEqual(
      results.map((result) => result.status),
      ['rejected', 'rejected', 'rejected'],
    );
    assert.ok(errors.some((error) => error.message === 'the editor went away'));
  });

  test('it says it is full while the reader lags, and no longer once it has read', async () => {
    // What the publisher waits on before making more messages: nothing read yet, a hot event's publications fill it.
    const pipe = new PassThrough({ highWaterMark: 1024 });
    const writer = new BatchedMessageWriter(pipe);
    assert.equal(writer.full, false);
    const written = Array.from({ length: 40 }, (_, k) => writer.write(diagnosticsOf(9_000, k)));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(writer.full, true);
    let resumed = false;
    writer.whenNotFull(() => (resumed = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(resumed, false);
    pipe.resume();
    await Promise.all(written);
    assert.equal(resumed, true);
    assert.equal(writer.full, false);
    writer.dispose();
  });
});
