// The server's messages to the client, written in order, all those of one
// turn of the event loop in one write. The library's writer writes each
// message on a turn of its own (a lock handed on with setImmediate) in two
// writes, header and body: a flip that republishes 431 reports spent about
// as long in that as in the 0.4 MB it sends (bench:publish,
// docs/performance.md).

import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

const CRLF = '\r\n';

export class BatchedMessageWriter extends AbstractMessageWriter implements MessageWriter {
  /** Encoded messages not yet written, headers and bodies in order. */
  private pending: Buffer[] = [];
  /** Settles the writes of the pending messages once they are handed to the stream. */
  private written: { resolve: () => void; reject: (error: Error) => void }[] = [];
  private errors = 0;

  constructor(private readonly output: NodeJS.WritableStream) {
    super();
    output.on('error', (error: Error) => this.fireError(error));
    output.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let body: Buffer;
    try {
      body = Buffer.from(JSON.stringify(message), 'utf8');
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.fireError(failure, message, ++this.errors);
      return Promise.reject(failure);
    }
    if (this.pending.length === 0) queueMicrotask(() => this.flush());
    this.pending.push(Buffer.from(`Content-Length: ${body.byteLength}${CRLF}${CRLF}`, 'ascii'), body);
    return new Promise((resolve, reject) => this.written.push({ resolve, reject }));
  }

  end(): void {
    this.output.end();
  }

  private flush(): void {
    const data = Buffer.concat(this.pending);
    const written = this.written;
    this.pending = [];
    this.written = [];
    this.output.write(data, (error) => {
      if (error) {
        this.fireError(error, undefined, ++this.errors);
        for (const write of written) write.reject(error);
      } else for (const write of written) write.resolve();
    });
  }
}
