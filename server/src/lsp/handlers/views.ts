// Code lenses and inlay hints: what the editor draws into a document's text,
// each switchable in the settings. A lens counts a whole event's claims, so an
// edit in one report changes the lenses of others: after every change to a
// corpus (once the client has nothing more queued) the client is asked to
// draw them again, when it says it can be.

import { CodeLensRefreshRequest, InlayHintRefreshRequest, type CodeLens, type Connection, type InlayHint } from 'vscode-languageserver/node';
import { codeLenses } from '../../features/codeLens';
import { inlayHints } from '../../features/inlayHints';
import { toCodeLens, toInlayHint, toOffsets } from '../convert';
import type { MessageActivity } from '../messageActivity';
import type { Settings } from '../settings';
import type { ServerContext, Session } from './context';
import { answer } from './requests';

export function registerViewHandlers(context: ServerContext): void {
  const { connection, workspace, session } = context;

  connection.onCodeLens(
    answer(context, 'codeLens', (params): CodeLens[] => {
      const at = session.settings.codeLens ? workspace.heldFileOf(params.textDocument.uri) : undefined;
      if (!at) return [];
      const file = workspace.clientFile(at);
      return codeLenses(at.host.corpus, at.file).map((lens) => toCodeLens(lens, file));
    }),
  );

  connection.languages.inlayHint.on(
    answer(context, 'inlayHint', (params): InlayHint[] => {
      const at = session.settings.inlayHints ? workspace.heldFileOf(params.textDocument.uri) : undefined;
      if (!at) return [];
      const file = workspace.clientFile(at);
      return inlayHints(at.host.corpus, at.file, toOffsets(file.lines, params.range)).map((hint) => toInlayHint(hint, file));
    }),
  );

  workspace.onCorpusChange(() => context.views.request({ codeLens: true, inlayHints: true }));
}

/**
 * The settings the client gave: diagnostics are published again under them,
 * and lenses and hints switched on or off are drawn again.
 */
export function useSettings(context: ServerContext, settings: Settings): void {
  const before = context.session.settings;
  context.session.settings = settings;
  context.workspace.useSettings(settings);
  context.views.request({ codeLens: before.codeLens !== settings.codeLens, inlayHints: before.inlayHints !== settings.inlayHints });
}

/** Asks the client to draw lenses or hints again, once for a burst of changes, when it says it can. */
export class ViewRefresh {
  private pending = { codeLens: false, inlayHints: false };
  private scheduled = false;

  constructor(
    private readonly connection: Connection,
    private readonly session: Session,
    private readonly activity: MessageActivity,
  ) {}

  request(views: { readonly codeLens: boolean; readonly inlayHints: boolean }): void {
    this.pending = {
      codeLens: this.pending.codeLens || (views.codeLens && this.session.clientRefreshesCodeLenses),
      inlayHints: this.pending.inlayHints || (views.inlayHints && this.session.clientRefreshesInlayHints),
    };
    if (this.scheduled || !(this.pending.codeLens || this.pending.inlayHints)) return;
    this.scheduled = true;
    this.activity.whenQueueEmpty(() => this.send());
  }

  private send(): void {
    const { codeLens, inlayHints } = this.pending;
    this.pending = { codeLens: false, inlayHints: false };
    this.scheduled = false;
    if (this.session.state !== 'running') return;
    const failed = (what: string) => (error: unknown) => this.connection.console.warn(`asking the client to refresh its ${what} failed: ${String(error)}`);
    if (codeLens) this.connection.sendRequest(CodeLensRefreshRequest.type).then(undefined, failed('code lenses'));
    if (inlayHints) this.connection.sendRequest(InlayHintRefreshRequest.type).then(undefined, failed('inlay hints'));
  }
}
