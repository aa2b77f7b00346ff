// The claims matrix request (customProtocol.ts): one event's matrix and the
// corpus's events, read from the corpus index the diagnostics come from —
// its analyses, and the overview's line of each event (keptSummary), are
// kept between requests and read again only where an edit changed them, so
// a view that asks again after every edit summarises the events it touched.

import * as path from 'node:path';
import { ErrorCodes, RequestType, ResponseError } from 'vscode-languageserver/node';
import type { Corpus } from '../../engine/corpus';
import { REGISTRY_FILE } from '../../engine/registry';
import { suggest } from '../../engine/suggest';
import { matrixTargetAt } from '../../features/hover';
import { corpusOverview, eventMatrix } from '../../features/matrix';
import { toMatrixView, toOffset } from '../convert';
import type { CorpusHost } from '../corpusHost';
import { claimsMatrixMethod, type ClaimsMatrixParams, type ClaimsMatrixResult } from '../customProtocol';
import type { ServerContext } from './context';
import { answer } from './requests';

const claimsMatrixRequest = new RequestType<ClaimsMatrixParams, ClaimsMatrixResult, void>(claimsMatrixMethod);

export function registerMatrixHandlers(context: ServerContext): void {
  const { connection, workspace } = context;

  connection.onRequest(
    claimsMatrixRequest,
    answer(context, 'claimsMatrix', (params): ClaimsMatrixResult => {
      const uri = params.textDocument?.uri;
      let host: CorpusHost | undefined;
      let event = params.event;
      if (uri !== undefined) {
        const at = workspace.heldFileOf(uri);
        if (!at) throw new ResponseError(ErrorCodes.InvalidParams, `${uri} is not a document of a Corroborate corpus: no claims matrix for it`);
        host = at.host;
        if (event === undefined && params.position) event = matrixTargetAt(host.corpus, at.file, toOffset(workspace.clientFile(at).lines, params.position))?.event;
      } else {
        host = workspace.corpora[0];
        if (!host) throw new ResponseError(ErrorCodes.InvalidParams, 'the workspace holds no Corroborate corpus (no corroborate.yaml): no claims matrix to show');
      }
      const corpus = host.corpus;
      const result: ClaimsMatrixResult = { corpus: { uri: host.uriOf(REGISTRY_FILE), name: path.basename(host.root) }, events: corpusOverview(corpus).events };
      if (event === undefined) return result;
      const matrix = eventMatrix(corpus, event);
      if (!matrix) throw new ResponseError(ErrorCodes.InvalidParams, notAnEvent(corpus, event));
      return { ...result, matrix: toMatrixView(matrix, workspace.clientFiles(host)) };
    }),
  );
}

function notAnEvent(corpus: Corpus, id: string): string {
  const entity = corpus.registry.entities.get(id);
  if (entity) return `@${id} is ${entity.section === 'actor' ? 'an actor' : 'a place'} in ${REGISTRY_FILE}, not an event: a claims matrix is of an event`;
  const events = [...corpus.registry.entities.values()].filter((e) => e.section === 'event').map((e) => e.id);
  const close = suggest(id, events);
  return `no event @${id} in ${REGISTRY_FILE}${close.length > 0 ? `: did you mean ${close.map((c) => `@${c}`).join(', ')}?` : ''}`;
}
