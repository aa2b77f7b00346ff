import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
} from 'vscode-languageclient/node';

/** Restarts allowed within `crashWindowMinutes` before the client gives up. */
const maxRestarts = 4;
const crashWindowMinutes = 3;
const crashWindowMs = crashWindowMinutes * 60 * 1000;
/** Failed reads or writes in a row that the client rides out before stopping the server. */
const maxConnectionErrors = 3;

const showOutputButton = 'Show Output';
const restartServerButton = 'Restart Server';

/** What the buttons on the crash messages do. */
export interface CrashActions {
  showOutput(): void;
  restartServer(): void;
}

/**
 * Restarts a server process that died, a bounded number of times, and tells
 * the user every time: a server that silently stops leaves an analyst trusting
 * diagnostics that are no longer updated.
 */
export class ServerCrashHandler implements ErrorHandler {
  /** When each recent crash happened, oldest first. */
  private crashes: number[] = [];

  constructor(private readonly actions: CrashActions) {}

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    if (count !== undefined && count <= maxConnectionErrors) {
      return { action: ErrorAction.Continue };
    }
    // Not `handled`: the client shows this message as an error notification.
    return {
      action: ErrorAction.Shutdown,
      message: `The connection to the Corroborate server keeps failing (${error.message}), so the server was stopped. Run "Corroborate: Restart Server" to start it again.`,
    };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes = this.crashes.filter((time) => now - time < crashWindowMs);
    this.crashes.push(now);
    if (this.crashes.length > maxRestarts) {
      const message = `The Corroborate server stopped ${this.crashes.length} times in ${crashWindowMinutes} minutes and will not be restarted again. Diagnostics are no longer updated; see the output for the cause.`;
      this.offer(vscode.window.showErrorMessage(message, showOutputButton, restartServerButton));
      return { action: CloseAction.DoNotRestart, message, handled: true };
    }
    const message = `The Corroborate server stopped unexpectedly and is being restarted (restart ${this.crashes.length} of at most ${maxRestarts} in ${crashWindowMinutes} minutes).`;
    this.offer(vscode.window.showWarningMessage(message, showOutputButton));
    return { action: CloseAction.Restart, message, handled: true };
  }

  /** A restart the user asked for starts a fresh count. */
  forgetCrashes(): void {
    this.crashes = [];
  }

  private offer(choice: Thenable<string | undefined>): void {
    void choice.then((picked) => {
      if (picked === showOutputButton) this.actions.showOutput();
      if (picked === restartServerButton) this.actions.restartServer();
    });
  }
}
