// Go to definition, find references, rename: ids across the corpus.

import { ErrorCodes, LSPErrorCodes, ResponseError, type Location, type WorkspaceEdit } from 'vscode-languageserver/node';
import { definition, prepareRename, references, rename } from '../../features/navigation';
import { toLocation, toOffset, toPrepareRename, toWorkspaceEdit } from '../convert';
import type { CorpusFile } from '../workspace';
import type { ServerContext } from './context';
import { answer } from './requests';

const NOT_RENAMEABLE = 'Only ids of a Corroborate corpus can be renamed here.';

export function registerNavigationHandlers(context: ServerContext): void {
  const { connection, workspace, session } = context;

  const locations = (at: CorpusFile, found: readonly Parameters<typeof toLocation>[0][]): Location[] => {
    const files = workspace.clientFiles(at.host);
    return found.flatMap((location) => toLocation(location, files) ?? []);
  };

  connection.onDefinition(
    answer(context, 'definition', (params): Location[] | null => {
      const at = workspace.heldFileOf(params.textDocument.uri);
      if (!at) return null;
      return locations(at, definition(at.host.corpus, at.file, toOffset(workspace.clientFile(at).lines, params.position)));
    }),
  );

  connection.onReferences(
    answer(context, 'references', (params): Location[] | null => {
      const at = workspace.heldFileOf(params.textDocument.uri);
      if (!at) return null;
      const offset = toOffset(workspace.clientFile(at).lines, params.position);
      return locations(at, references(at.host.corpus, at.file, offset, params.context.includeDeclaration));
    }),
  );

  connection.onPrepareRename(
    answer(context, 'prepareRename', (params) => {
      const at = workspace.heldFileOf(params.textDocument.uri);
      if (!at) throw new ResponseError(ErrorCodes.InvalidRequest, NOT_RENAMEABLE);
      const file = workspace.clientFile(at);
      const result = prepareRename(at.host.corpus, at.file, toOffset(file.lines, params.position));
      if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
      return toPrepareRename(result.range, result.placeholder, file);
    }),
  );

  connection.onRenameRequest(
    answer(context, 'rename', (params): WorkspaceEdit => {
      const at = workspace.heldFileOf(params.textDocument.uri);
      if (!at) throw new ResponseError(ErrorCodes.InvalidRequest, NOT_RENAMEABLE);
      const result = workspace.editsOnLatestText(
        at.host,
        () => rename(at.host.corpus, at.file, toOffset(workspace.clientFile(at).lines, params.position), params.newName),
        (renamed) => ('error' in renamed ? [] : renamed.edits.map((e) => e.file)),
      );
      if (!result) throw new ResponseError(LSPErrorCodes.ContentModified, 'files to rename in keep changing on disk: ask again');
      if ('error' in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.error);
      const edit = toWorkspaceEdit(result.edits, workspace.clientFiles(at.host), session.clientTakesVersionedEdits);
      if (!edit) throw new ResponseError(LSPErrorCodes.ContentModified, 'a file to rename in left the corpus: ask again');
      return edit;
    }),
  );
}
