/** "Memphis: Run Current File" and "Memphis: Open REPL": Memphis in an integrated terminal. */

import * as path from "node:path";
import * as vscode from "vscode";
import { replCommand, runFileCommand, shellCommandLine } from "./settings";

const RUN_TERMINAL = "Memphis: Run";

/** Save the active Python file and run it with Memphis in the "Memphis: Run" terminal. */
export async function runCurrentFile(python: (folder: vscode.WorkspaceFolder | undefined) => string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined || editor.document.languageId !== "python") {
    void vscode.window.showWarningMessage("Memphis: open a Python file to run it.");
    return;
  }
  const document = editor.document;
  if (document.isUntitled || document.uri.scheme !== "file") {
    void vscode.window.showWarningMessage("Memphis: save the file before running it.");
    return;
  }
  if (document.isDirty && !(await document.save())) {
    return;
  }
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const line = runFileCommand(python(folder), document.uri.fsPath);
  let terminal = vscode.window.terminals.find((candidate) => candidate.name === RUN_TERMINAL);
  if (terminal === undefined) {
    terminal = vscode.window.createTerminal({
      name: RUN_TERMINAL,
      cwd: folder?.uri.fsPath ?? path.dirname(document.uri.fsPath),
    });
  }
  terminal.show();
  terminal.sendText(shellCommandLine(line));
}

/** Open a terminal running the Memphis REPL (`<python> -m interpreter`). */
export function openRepl(python: (folder: vscode.WorkspaceFolder | undefined) => string): void {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const line = replCommand(python(folder));
  const terminal = vscode.window.createTerminal({
    name: "Memphis REPL",
    shellPath: line.command,
    shellArgs: line.args,
    cwd: folder?.uri.fsPath,
  });
  terminal.show();
}
