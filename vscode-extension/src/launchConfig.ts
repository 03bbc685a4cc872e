/** Resolution of `memphis` launch configurations before VS Code starts the debug adapter.
 * Pure functions, no `vscode` import, so they are unit-tested in plain Node. */

/** The launch.json attributes a `memphis` configuration has (see package.json). */
export interface MemphisLaunchConfig {
  type: string;
  request: string;
  name: string;
  program?: string;
  module?: string;
  args?: string[] | string;
  cwd?: string;
  env?: Record<string, string | number | boolean | null>;
  stopOnEntry?: boolean;
  justMyCode?: boolean;
  noDebug?: boolean;
  [key: string]: unknown;
}

/** Where the configuration is resolved: the active editor's file and the workspace folder. */
export interface LaunchContext {
  activeFile?: string;
  activeLanguage?: string;
  workspaceFolder?: string;
}

/** A resolved configuration, or the reason the launch cannot start (shown to the user). */
export type LaunchResolution =
  | { config: MemphisLaunchConfig; error?: undefined }
  | { config?: undefined; error: string };

/** The configuration F5 uses when there is no launch.json: debug the active Python file. */
export function defaultLaunchConfig(context: LaunchContext): MemphisLaunchConfig | undefined {
  if (context.activeFile === undefined || context.activeLanguage !== "python") {
    return undefined;
  }
  return {
    type: "memphis",
    request: "launch",
    name: "Memphis: Current File",
    program: context.activeFile,
  };
}

/** Split a one-string `args` (as typed in a prompt) the way a POSIX shell splits words. */
export function splitArgs(text: string): string[] {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: string | undefined;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote !== undefined) {
      if (char === quote) {
        quote = undefined;
      } else if (char === "\\" && quote === '"' && index + 1 < text.length) {
        word += text[++index];
      } else {
        word += char;
      }
    } else if (char === "'" || char === '"') {
      quote = char;
      inWord = true;
    } else if (char === "\\" && index + 1 < text.length) {
      word += text[++index];
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) {
        words.push(word);
      }
      word = "";
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (inWord) {
    words.push(word);
  }
  return words;
}

/**
 * Fill in defaults and check a configuration: an empty one (F5 without launch.json) debugs the
 * active file; `cwd` defaults to the workspace folder; `args` becomes a list of strings, `env`
 * values strings; `justMyCode` defaults to true and `stopOnEntry` to false.
 */
export function resolveLaunchConfig(config: Partial<MemphisLaunchConfig>, context: LaunchContext): LaunchResolution {
  let resolved: MemphisLaunchConfig;
  if (!config.type && !config.request && !config.name) {
    const fallback = defaultLaunchConfig(context);
    if (fallback === undefined) {
      return { error: "Open a Python file to debug it with Memphis, or add a launch configuration." };
    }
    resolved = { ...fallback };
  } else {
    resolved = { type: "memphis", request: "launch", name: "Memphis", ...config };
  }
  if (resolved.request !== "launch") {
    return { error: `Memphis supports only "launch" configurations, not "${resolved.request}".` };
  }
  const hasProgram = typeof resolved.program === "string" && resolved.program !== "";
  const hasModule = typeof resolved.module === "string" && resolved.module !== "";
  if (hasProgram && hasModule) {
    return { error: 'A Memphis launch configuration takes "program" or "module", not both.' };
  }
  if (!hasProgram && !hasModule) {
    return { error: 'A Memphis launch configuration needs "program" (a file) or "module".' };
  }
  if (!hasModule) {
    delete resolved.module;
  }
  if (typeof resolved.args === "string") {
    resolved.args = splitArgs(resolved.args);
  } else if (resolved.args === undefined) {
    resolved.args = [];
  } else if (!Array.isArray(resolved.args)) {
    return { error: '"args" must be a list of strings.' };
  } else {
    resolved.args = resolved.args.map(String);
  }
  if (resolved.cwd === undefined || resolved.cwd === "") {
    const programFolder = hasProgram ? parentFolder(resolved.program as string) : undefined;
    const cwd = context.workspaceFolder ?? programFolder;
    if (cwd !== undefined) {
      resolved.cwd = cwd;
    } else {
      delete resolved.cwd;
    }
  }
  if (resolved.env !== undefined) {
    if (typeof resolved.env !== "object" || resolved.env === null || Array.isArray(resolved.env)) {
      return { error: '"env" must be an object of NAME: value.' };
    }
    resolved.env = Object.fromEntries(
      Object.entries(resolved.env).map(([name, value]) => [name, value === null ? "" : String(value)]),
    );
  }
  resolved.stopOnEntry = resolved.stopOnEntry === true;
  resolved.justMyCode = resolved.justMyCode !== false;
  return { config: resolved };
}

function parentFolder(file: string): string | undefined {
  const slash = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  return slash > 0 ? file.slice(0, slash) : undefined;
}

/** The command line that runs a resolved configuration without the debugger (Ctrl+F5):
 * `<python> -m interpreter PROGRAM ARGS` or `<python> -m interpreter -m MODULE ARGS`. */
export function noDebugCommand(python: string, config: MemphisLaunchConfig): { command: string; args: string[] } {
  const target = config.module ? ["-m", config.module] : [config.program as string];
  const args = Array.isArray(config.args) ? config.args : [];
  return { command: python, args: ["-m", "interpreter", ...target, ...args] };
}
