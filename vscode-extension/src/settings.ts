/** What the extension runs: the Python interpreter chosen in settings and the command lines
 * built from it. Pure functions, no `vscode` import, so they are unit-tested in plain Node. */

import * as os from "node:os";
import * as path from "node:path";

/** A command line: the program and its arguments, as `child_process.spawn` takes them. */
export interface CommandLine {
  command: string;
  args: string[];
}

/** The interpreter used when `memphis.python` is empty: found on PATH by the shell/spawn. */
export const DEFAULT_PYTHON = process.platform === "win32" ? "python" : "python3";

/** The log levels `memphis-lsp --log-level` accepts. */
export const LOG_LEVELS = ["DEBUG", "INFO", "WARNING", "ERROR"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * The interpreter to run: the `memphis.python` setting with `~`, `${workspaceFolder}` and
 * `${env:NAME}` expanded, or `python3` (found on PATH) when it is empty.
 */
export function resolvePython(
  setting: unknown,
  workspaceFolder: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (typeof setting !== "string" || setting.trim() === "") {
    return DEFAULT_PYTHON;
  }
  let value = setting.trim();
  value = value.replace(/\$\{env:([^}]+)\}/g, (_, name: string) => env[name] ?? "");
  if (workspaceFolder !== undefined) {
    value = value.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  }
  if (value === "~" || value.startsWith("~/")) {
    value = path.join(home, value.slice(1));
  }
  // A relative path with a separator is relative to the workspace, as in the Python extension.
  if (workspaceFolder !== undefined && value.includes("/") && !path.isAbsolute(value)) {
    value = path.join(workspaceFolder, value);
  }
  return value;
}

/** `memphis.languageServer.logLevel`, falling back to WARNING for anything unknown. */
export function resolveLogLevel(setting: unknown): LogLevel {
  const upper = typeof setting === "string" ? setting.toUpperCase() : "";
  return (LOG_LEVELS as readonly string[]).includes(upper) ? (upper as LogLevel) : "WARNING";
}

/** The language server: `<python> -m memphis_lsp --log-level LEVEL` (stdio). */
export function languageServerCommand(python: string, logLevel: LogLevel): CommandLine {
  return { command: python, args: ["-m", "memphis_lsp", "--log-level", logLevel] };
}

/** The debug adapter: `<python> -m memphis_dap` (stdio). */
export function debugAdapterCommand(python: string): CommandLine {
  return { command: python, args: ["-m", "memphis_dap"] };
}

/** Run a file in a terminal: `<python> -m interpreter FILE` (Memphis's `memphis FILE`). */
export function runFileCommand(python: string, file: string): CommandLine {
  return { command: python, args: ["-m", "interpreter", file] };
}

/** The REPL: `<python> -m interpreter` with no arguments (Memphis's `memphis`). */
export function replCommand(python: string): CommandLine {
  return { command: python, args: ["-m", "interpreter"] };
}

/** Quote one word for a POSIX shell (or cmd/PowerShell on Windows) when it needs quoting. */
export function shellQuote(word: string, platform: NodeJS.Platform = process.platform): string {
  if (word !== "" && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) {
    return word;
  }
  if (platform === "win32") {
    return `"${word.replace(/"/g, '""')}"`;
  }
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A command line as one string typed into a terminal. */
export function shellCommandLine(line: CommandLine, platform: NodeJS.Platform = process.platform): string {
  return [line.command, ...line.args].map((word) => shellQuote(word, platform)).join(" ");
}
