// How every request is answered. Before `initialize` it is refused with
// ServerNotInitialized, after `shutdown` with InvalidRequest, without the
// parameters its handler reads with InvalidParams. Otherwise it
// waits for the first indexing of the workspace (which starts at
// `initialize`, so no request waits for a client's `initialized`), the
// client's buffers are applied to the corpora, and the answer is computed in
// the same synchronous step: it reads exactly the text of the version the
// client sent last. A document edited while the request waited for the
// index is answered ContentModified: its position was for an older text.
// A report the server let go of that changed on disk before its watcher
// event came is read first (StaleText), and the request answered again.

import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { StaleText } from '../../engine/texts';
import { missingParams, type RequestName } from '../requestParams';
import type { ServerContext } from './context';

export function answer<P, R, A extends unknown[] = []>(
  context: ServerContext,
  name: RequestName,
  handler: (params: P, ...rest: A) => R,
): (params: P, ...rest: A) => R | ResponseError<never> | Promise<Awaited<R> | ResponseError<never>> {
  const { session, workspace, buffers } = context;
  const run = (params: P, rest: A): R | ResponseError<never> => {
    try {
      workspace.applyBuffers();
      try {
        return handler(params, ...rest);
      } catch (error) {
        if (!(error instanceof StaleText)) throw error;
        // A report changed on disk before its watcher event came: read now, and the request answered on its new text.
        workspace.followStaleText(error.file);
        return handler(params, ...rest);
      }
    } catch (error) {
      // A refusal the handler means (renaming prose, say) is an answer, not a fault: it goes back as it is.
      if (error instanceof ResponseError) return error as ResponseError<never>;
      if (error instanceof StaleText) return new ResponseError<never>(LSPErrorCodes.ContentModified, `${error.file} keeps changing on disk: ask again`);
      const where = documentOf(params);
      context.connection.console.error(`${name}${where ? ` on ${where}` : ''} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return new ResponseError<never>(ErrorCodes.InternalError, `Corroborate could not answer ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (params: P, ...rest: A) => {
    if (session.state === 'awaiting initialize') return new ResponseError<never>(ErrorCodes.ServerNotInitialized, `${name} before initialize: the client must initialize the server first`);
    if (session.state === 'shut down') return new ResponseError<never>(ErrorCodes.InvalidRequest, `${name} after shutdown: the server only waits for exit`);
    const missing = missingParams(name, params);
    if (missing !== undefined) return new ResponseError<never>(ErrorCodes.InvalidParams, missing);
    if (workspace.isReady) return run(params, rest);
    const uri = documentOf(params);
    const version = uri === undefined ? undefined : buffers.get(uri)?.version;
    // A handler's own promise (a pull held open) is taken up by this one: it resolves with what that one resolves with.
    return workspace.ready.then((): R | ResponseError<never> => {
      if (session.state === 'shut down') return new ResponseError<never>(ErrorCodes.InvalidRequest, `${name} after shutdown: the server only waits for exit`);
      if (uri !== undefined && buffers.get(uri)?.version !== version) {
        return new ResponseError<never>(LSPErrorCodes.ContentModified, `${uri} changed while the workspace was being indexed: ask again`);
      }
      return run(params, rest);
    }) as Promise<Awaited<R> | ResponseError<never>>;
  };
}

/** The document a request is about, when its parameters name one. */
function documentOf(params: unknown): string | undefined {
  const uri = (params as { textDocument?: { uri?: unknown } } | null | undefined)?.textDocument?.uri;
  return typeof uri === 'string' ? uri : undefined;
}
