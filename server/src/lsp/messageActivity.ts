// When the client has nothing more queued. The connection dispatches the
// messages it has read one per turn of the event loop; this strategy counts
// them, so work that only the latest state matters for (re-checking a
// document after a burst of keystrokes) can wait until a whole turn passes
// with no message dispatched — every queued edit applied — and then run once,
// with no timer delaying it.

import { Message as Messages, ShutdownRequest, type Message, type MessageStrategy } from 'vscode-languageserver/node';

export class MessageActivity implements MessageStrategy {
  private dispatched = 0;
  private waiting: (() => void)[] = [];
  /** Whether the client asked the server to shut down: the exit code, should it close stdin without the exit notification. */
  shutdownRequested = false;

  /** `onDispatch` hears of every message of the client as it is dispatched. */
  constructor(private readonly onDispatch: () => void = () => undefined) {}

  handleMessage(message: Message, next: (message: Message) => void): void {
    this.dispatched++;
    this.onDispatch();
    if (Messages.isRequest(message) && message.method === ShutdownRequest.method) this.shutdownRequested = true;
    // The connection's handler returns a promise that the connection watches once it gets it back: hand it on.
    return next(message);
  }

  /** Runs `work` on the first turn of the event loop in which no message of the client was dispatched. */
  whenQueueEmpty(work: () => void): void {
    this.waiting.push(work);
    if (this.waiting.length > 1) return;
    // A message dispatched in this very turn schedules the next one after this check: it always looks twice.
    let seen = -1;
    const check = () => {
      if (this.dispatched !== seen) {
        seen = this.dispatched;
        setImmediate(check);
        return;
      }
      for (const waiting of this.waiting.splice(0)) waiting();
    };
    setImmediate(check);
  }
}
