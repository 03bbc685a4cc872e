/** The Memphis language server client: starts `<python> -m memphis_lsp` for Python files,
 * restarts it when it dies (within a limit) and shows its state in the status bar. */

import * as vscode from "vscode";
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";
import { RestartPolicy } from "./restartPolicy";
import { languageServerCommand, resolveLogLevel } from "./settings";

/** The server's state as the status bar item shows it. */
type ServerState = "starting" | "running" | "stopped" | "failed" | "disabled";

const STATUS_TEXT: Record<ServerState, string> = {
  starting: "$(sync~spin) Memphis",
  running: "$(check) Memphis",
  stopped: "$(circle-slash) Memphis",
  failed: "$(error) Memphis",
  disabled: "$(circle-slash) Memphis",
};

const STATUS_TOOLTIP: Record<ServerState, string> = {
  starting: "Memphis language server: starting",
  running: "Memphis language server: running",
  stopped: "Memphis language server: stopped (click to restart)",
  failed: "Memphis language server: failed (see the Memphis output; click to restart)",
  disabled: "Memphis language server: disabled (memphis.languageServer.enabled)",
};

/** Owns the language client across restarts, its output channel and status bar item. */
export class MemphisLanguageServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private policy = new RestartPolicy(5);
  private state: ServerState = "stopped";
  private readonly statusItem: vscode.StatusBarItem;

  constructor(
    private readonly output: vscode.LogOutputChannel,
    private readonly python: () => string,
  ) {
    this.statusItem = vscode.window.createStatusBarItem("memphis.server", vscode.StatusBarAlignment.Left, 0);
    this.statusItem.name = "Memphis Language Server";
    this.statusItem.command = "memphis.restartLanguageServer";
    this.statusItem.show();
    this.setState("stopped");
  }

  /** The current state ("starting", "running", "stopped", "failed" or "disabled"). */
  get serverState(): ServerState {
    return this.state;
  }

  /** Start the server (stopping a running one first), as settings say. */
  async start(): Promise<void> {
    await this.stop();
    const settings = vscode.workspace.getConfiguration("memphis");
    if (!settings.get<boolean>("languageServer.enabled", true)) {
      this.setState("disabled");
      return;
    }
    this.policy = new RestartPolicy(Math.max(0, settings.get<number>("languageServer.maxRestarts", 5)));
    const line = languageServerCommand(this.python(), resolveLogLevel(settings.get("languageServer.logLevel")));
    this.output.info(`starting the language server: ${line.command} ${line.args.join(" ")}`);
    const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const serverOptions: ServerOptions = {
      command: line.command,
      args: line.args,
      transport: TransportKind.stdio,
      options: cwd === undefined ? {} : { cwd },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: "file", language: "python" },
        { scheme: "untitled", language: "python" },
      ],
      diagnosticCollectionName: "memphis",
      outputChannel: this.output,
      errorHandler: this.errorHandler(),
    };
    const client = new LanguageClient("memphis", "Memphis", serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((change) => {
      if (this.client !== client) {
        return;
      }
      if (change.newState === State.Starting) {
        this.setState("starting");
      } else if (change.newState === State.Running) {
        this.setState("running");
      } else if (this.state !== "failed") {
        this.setState("stopped");
      }
    });
    this.setState("starting");
    try {
      await client.start();
    } catch (error) {
      this.setState("failed");
      this.output.error(`the language server did not start: ${String(error)}`);
      void vscode.window.showErrorMessage(
        `Memphis: the language server did not start with "${line.command}" (is Memphis installed for it? ` +
          `See the memphis.python setting and the Memphis output).`,
      );
    }
  }

  /** Stop the server if it runs. */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client === undefined) {
      return;
    }
    try {
      if (client.isRunning()) {
        await client.stop(2000);
      }
    } catch (error) {
      this.output.warn(`stopping the language server: ${String(error)}`);
    }
    await client.dispose().catch(() => undefined);
    this.setState("stopped");
  }

  dispose(): void {
    void this.stop();
    this.statusItem.dispose();
  }

  private errorHandler(): ErrorHandler {
    return {
      error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue }),
      closed: (): CloseHandlerResult => {
        if (this.policy.shouldRestart()) {
          this.output.warn("the language server stopped: restarting it");
          return { action: CloseAction.Restart, handled: true };
        }
        this.setState("failed");
        const message =
          `Memphis: the language server stopped ${this.policy.maxRestarts + 1} times in three minutes ` +
          `and will not be restarted. Run "Memphis: Restart Language Server" to try again.`;
        this.output.error(message);
        return { action: CloseAction.DoNotRestart, message };
      },
    };
  }

  private setState(state: ServerState): void {
    this.state = state;
    this.statusItem.text = STATUS_TEXT[state];
    this.statusItem.tooltip = STATUS_TOOLTIP[state];
    this.statusItem.backgroundColor =
      state === "failed" ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
  }
}
