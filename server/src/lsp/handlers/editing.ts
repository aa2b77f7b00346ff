// Completion and quick fixes: text the server proposes to write. Each is
// computed on the client's latest buffers; a workspace edit names the
// version of each open file it was computed on.

import type { CodeAction, CompletionItem, CompletionList } from 'vscode-languageserver/node';
import { diagnosticsShownNow } from '../../engine/assist/hints';
import { codeActions } from '../../features/codeActions';
import { complete, entityResolution } from '../../features/completion';
import { isCompletionItemData, isRequestedKind, markdown, NO_RELATED_FILES, toCodeAction, toCompletionList, toLspDiagnostic, toOffset, toOffsets, toWorkspaceEdit } from '../convert';
import type { ServerContext } from './context';
import { answer } from './requests';

export function registerEditingHandlers(context: ServerContext): void {
  const { connection, workspace, session, buffers } = context;

  connection.onCompletion(
    answer(context, 'completion', (params): CompletionList => {
      const at = workspace.heldFileOf(params.textDocument.uri);
      if (!at) return { isIncomplete: false, items: [] };
      const file = workspace.clientFile(at);
      return toCompletionList(complete(at.host.corpus, at.file, toOffset(file.lines, params.position)), file, params.textDocument.uri, session.completion);
    }),
  );

  // An entity's description (and, for a client that resolves it, its name and kind) goes only with the entry the editor shows, not with every id of the list.
  connection.onCompletionResolve(
    answer(context, 'completionResolve', (item): CompletionItem => {
      const data: unknown = item.data;
      if (!isCompletionItemData(data)) return item;
      const at = workspace.heldFileOf(data.uri);
      const resolved = at && entityResolution(at.host.corpus, data.entity);
      if (!resolved) return item;
      return { ...item, detail: resolved.detail, ...(resolved.documentation !== undefined ? { documentation: markdown(resolved.documentation) } : {}) };
    }),
  );

  connection.onCodeAction(
    answer(context, 'codeAction', (params): CodeAction[] => {
      const at = workspace.heldFileOf(params.textDocument.uri);
      if (!at) return [];
      const found = workspace.editsOnLatestText(
        at.host,
        () => {
          const file = workspace.clientFile(at);
          const range = toOffsets(file.lines, params.range);
          // An open document's possible claims are among its diagnostics, as the editor shows them (unless the settings turn them off).
          const showsClaims = buffers.get(params.textDocument.uri) !== undefined && workspace.shown.settings.hintPossibleClaims;
          const overlapping = diagnosticsShownNow(at.host.corpus, at.file, showsClaims).filter((d) => d.start <= range.end && range.start <= d.end);
          const only = requestedKinds(params.context);
          // Source actions only when asked for (a Source Action menu): otherwise every request anywhere in a report would carry one.
          const actions = codeActions(at.host.corpus, at.file, range, overlapping, { source: only !== undefined && isRequestedKind('source', only) }).filter((action) => isRequestedKind(action.kind, only));
          return { file, actions };
        },
        ({ actions }) => actions.flatMap((action) => action.edits.map((e) => e.file)),
      );
      if (!found) return [];
      const files = workspace.clientFiles(at.host);
      return found.actions.flatMap((action) => {
        const edit = action.edits.length > 0 ? toWorkspaceEdit(action.edits, files, session.clientTakesVersionedEdits, session.clientTakesSnippetEdits) : undefined;
        if (action.edits.length > 0 && !edit) return [];
        // The diagnostics a fix resolves are its own file's: their related entries are not needed here.
        const diagnostics = action.diagnostics.map((d) => toLspDiagnostic(d, found.file, NO_RELATED_FILES, workspace.shown.severityOf(d)));
        return [toCodeAction(action, diagnostics, edit, found.file)];
      });
    }),
  );
}

/** `context.only`, the kinds of action the client asked for; undefined (all kinds) when it names none, or sent no context. */
function requestedKinds(context: unknown): readonly string[] | undefined {
  if (typeof context !== 'object' || context === null || !('only' in context) || !Array.isArray(context.only)) return undefined;
  return context.only.filter((kind): kind is string => typeof kind === 'string');
}
