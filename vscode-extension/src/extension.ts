/** The Memphis extension's entry point: the language client, the `memphis` debugger, the run/REPL
 * commands and the status bar item. */

import * as vscode from "vscode";
import { registerDebugger } from "./debugger";
import { MemphisLanguageServer } from "./languageServer";
import { resolvePython } from "./settings";
import { openRepl, runCurrentFile } from "./terminals";

let server: MemphisLanguageServer | undefined;

/** The interpreter from `memphis.python` for a folder (the first workspace folder by default). */
function pythonFor(folder: vscode.WorkspaceFolder | undefined): string {
  const scope = folder ?? vscode.workspace.workspaceFolders?.[0];
  const setting = vscode.workspace.getConfiguration("memphis", scope?.uri).get("python");
  return resolvePython(setting, scope?.uri.fsPath);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // vscode-languageclient calls .error()/.info() on its channel: it must be a log channel.
  const output = vscode.window.createOutputChannel("Memphis", { log: true });
  context.subscriptions.push(output);
  server = new MemphisLanguageServer(output, () => pythonFor(undefined));
  context.subscriptions.push(server);
  registerDebugger(context, pythonFor);
  context.subscriptions.push(
    vscode.commands.registerCommand("memphis.runCurrentFile", () => runCurrentFile(pythonFor)),
    vscode.commands.registerCommand("memphis.openRepl", () => openRepl(pythonFor)),
    vscode.commands.registerCommand("memphis.restartLanguageServer", async () => {
      output.info("restart requested");
      await server?.start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("memphis.python") || event.affectsConfiguration("memphis.languageServer")) {
        await server?.start();
      }
    }),
  );
  await server.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
