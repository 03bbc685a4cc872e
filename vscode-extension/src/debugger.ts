/** The `memphis` debugger: resolves launch configurations and starts `<python> -m memphis_dap`. */

import * as vscode from "vscode";
import { defaultLaunchConfig, resolveLaunchConfig, type LaunchContext, type MemphisLaunchConfig } from "./launchConfig";
import { RunWithoutDebuggingAdapter } from "./runAdapter";
import { debugAdapterCommand } from "./settings";

/** Register the configuration provider and the adapter factory for type `memphis`. */
export function registerDebugger(
  context: vscode.ExtensionContext,
  python: (folder: vscode.WorkspaceFolder | undefined) => string,
): void {
  context.subscriptions.push(
    vscode.debug.registerDebugConfigurationProvider("memphis", new MemphisConfigurationProvider()),
    vscode.debug.registerDebugAdapterDescriptorFactory("memphis", {
      createDebugAdapterDescriptor(session) {
        if (session.configuration.noDebug) {
          return new vscode.DebugAdapterInlineImplementation(
            new RunWithoutDebuggingAdapter(python(session.workspaceFolder)),
          );
        }
        const line = debugAdapterCommand(python(session.workspaceFolder));
        return new vscode.DebugAdapterExecutable(line.command, line.args);
      },
    }),
  );
}

function launchContext(folder: vscode.WorkspaceFolder | undefined): LaunchContext {
  const editor = vscode.window.activeTextEditor;
  return {
    activeFile: editor?.document.uri.scheme === "file" ? editor.document.uri.fsPath : undefined,
    activeLanguage: editor?.document.languageId,
    workspaceFolder: (folder ?? vscode.workspace.workspaceFolders?.[0])?.uri.fsPath,
  };
}

class MemphisConfigurationProvider implements vscode.DebugConfigurationProvider {
  provideDebugConfigurations(folder: vscode.WorkspaceFolder | undefined): vscode.DebugConfiguration[] {
    const config = defaultLaunchConfig({ activeFile: "${file}", activeLanguage: "python" }) as MemphisLaunchConfig;
    return [{ ...config, cwd: folder === undefined ? undefined : "${workspaceFolder}" }];
  }

  resolveDebugConfiguration(
    folder: vscode.WorkspaceFolder | undefined,
    config: vscode.DebugConfiguration,
  ): vscode.DebugConfiguration | undefined {
    const resolution = resolveLaunchConfig(config as Partial<MemphisLaunchConfig>, launchContext(folder));
    if (resolution.error !== undefined) {
      void vscode.window.showErrorMessage(`Memphis: ${resolution.error}`);
      return undefined;
    }
    return resolution.config as vscode.DebugConfiguration;
  }
}
