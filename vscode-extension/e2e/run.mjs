// End-to-end test of the packaged extension in a real VS Code (code-server) driven by Chromium:
// Problems panel diagnostics, a breakpoint stop with call stack and variables, Debug Console output.
// Usage: node e2e/run.mjs  (environment: see `options` below; tests/vscode/ runs it from pytest)
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { chromium } from "playwright-core";

const here = path.dirname(new URL(import.meta.url).pathname);
const options = {
  codeServer: required("MEMPHIS_E2E_CODE_SERVER"), // the code-server executable
  vsix: process.env.MEMPHIS_E2E_VSIX ?? path.join(here, "..", "memphis.vsix"),
  python: required("MEMPHIS_E2E_PYTHON"), // memphis.python: an interpreter with Memphis importable
  chromium: process.env.MEMPHIS_E2E_CHROMIUM ?? "/usr/bin/chromium",
  work: process.env.MEMPHIS_E2E_WORK ?? fs.mkdtempSync("/tmp/memphis-e2e-"), // scratch folder
  artifacts: process.env.MEMPHIS_E2E_ARTIFACTS ?? path.join(here, "artifacts"), // screenshots
  // what the Problems panel must show for broken.py (the pytest wrapper computes it with CPython)
  syntaxError: process.env.MEMPHIS_E2E_SYNTAX_ERROR ?? "invalid syntax",
  waitMs: Number(process.env.MEMPHIS_E2E_WAIT_MS ?? 90000),
};

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`set ${name}`);
  }
  return value;
}

function log(message) {
  process.stdout.write(`[e2e ${new Date().toISOString().slice(11, 23)}] ${message}\n`);
}

// The workspace opened in VS Code: broken.py (a syntax error and an undefined name), program.py
// (debugged; its line marked `# breakpoint` gets the breakpoint) and .vscode/launch.json.
const WORKSPACE = path.join(here, "workspace");
const BREAKPOINT_LINE =
  fs.readFileSync(path.join(WORKSPACE, "program.py"), "utf8").split("\n").findIndex((line) => line.includes("# breakpoint")) + 1;

function writeWorkspace(root) {
  const workspace = path.join(root, "workspace");
  fs.cpSync(WORKSPACE, workspace, { recursive: true });
  return workspace;
}

function writeUserSettings(userData) {
  fs.mkdirSync(path.join(userData, "User"), { recursive: true });
  const settings = {
    "workbench.startupEditor": "none",
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "security.workspace.trust.enabled": false,
    "extensions.autoUpdate": false,
    "extensions.ignoreRecommendations": true,
    "workbench.enableExperiments": false,
    "workbench.tips.enabled": false,
    "debug.showVariableTypes": true,
    "debug.internalConsoleOptions": "openOnSessionStart",
    "editor.minimap.enabled": false,
    // the DOM renderer keeps the terminal's text readable in the page
    "terminal.integrated.gpuAcceleration": "off",
  };
  fs.writeFileSync(path.join(userData, "User", "settings.json"), JSON.stringify(settings, null, 2));
  // code-server is a remote window: machine(-overridable) settings such as memphis.python are
  // read from the remote machine's settings, not the user's.
  fs.mkdirSync(path.join(userData, "Machine"), { recursive: true });
  fs.writeFileSync(
    path.join(userData, "Machine", "settings.json"),
    JSON.stringify({ "memphis.python": options.python }, null, 2),
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitForHealth(url, deadline) {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url}`);
}

function findFiles(folder, predicate, found = []) {
  if (!fs.existsSync(folder)) {
    return found;
  }
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      findFiles(full, predicate, found);
    } else if (predicate(full)) {
      found.push(full);
    }
  }
  return found;
}

function printLogs(userData, serverLog) {
  const logs = findFiles(path.join(userData, "logs"), (file) =>
    /remoteexthost\.log$|exthost\.log$|Memphis\.log$|\d-Memphis\.log$/.test(path.basename(file)) ||
    /Memphis/.test(path.basename(file)),
  );
  for (const file of logs) {
    process.stdout.write(`\n===== ${file} =====\n${fs.readFileSync(file, "utf8")}\n`);
  }
  process.stdout.write(`\n===== code-server output =====\n${serverLog.join("")}\n`);
}

/** The language server processes this test's VS Code started: `memphis_lsp` running in the
 * test's workspace (its cwd), so servers of other programs on the machine are never touched. */
function languageServerPids(workspace) {
  const pids = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (command.includes("memphis_lsp") && fs.readlinkSync(`/proc/${entry}/cwd`) === workspace) {
        pids.push(Number(entry));
      }
    } catch {
      // the process ended meanwhile, or is not ours to read
    }
  }
  return pids;
}

/** Run a step; on failure save a screenshot named after it and rethrow. */
async function step(page, name, body) {
  log(`step: ${name}`);
  const started = Date.now();
  try {
    await body();
  } catch (error) {
    fs.mkdirSync(options.artifacts, { recursive: true });
    const shot = path.join(options.artifacts, `${name.replace(/\W+/g, "-")}.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    log(`FAILED: ${name} (screenshot ${shot})`);
    throw error;
  }
  log(`ok: ${name} (${Date.now() - started} ms)`);
}

async function quickOpen(page, fileName) {
  await page.keyboard.press("Control+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(fileName);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: fileName }).first().waitFor();
  await page.keyboard.press("Enter");
  await page.locator(`.tab.active[aria-label*="${fileName}"]`).waitFor();
  await page.locator(".monaco-editor .view-lines").first().click();
}

async function runCommand(page, title) {
  await page.keyboard.press("Control+Shift+P");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(`>${title}`);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor();
  await page.keyboard.press("Enter");
}

async function textOf(locator) {
  return (await locator.allInnerTexts()).join("\n");
}

/** Text with every run of white space made one space (list rows split their cells by lines). */
function flat(text) {
  return text.replace(/\s+/g, " ").trim();
}

async function main() {
  fs.rmSync(options.artifacts, { recursive: true, force: true });
  const root = options.work;
  const userData = path.join(root, "user-data");
  const extensions = path.join(root, "extensions");
  const env = {
    ...process.env,
    TMPDIR: path.join(root, "tmp"),
    XDG_CONFIG_HOME: path.join(root, "config"),
    XDG_DATA_HOME: path.join(root, "data"),
    XDG_CACHE_HOME: path.join(root, "cache"),
  };
  for (const folder of [env.TMPDIR, env.XDG_CONFIG_HOME, env.XDG_DATA_HOME, env.XDG_CACHE_HOME]) {
    fs.mkdirSync(folder, { recursive: true });
  }
  const workspace = writeWorkspace(root);
  writeUserSettings(userData);

  log(`installing ${options.vsix}`);
  const install = spawnSync(
    options.codeServer,
    ["--user-data-dir", userData, "--extensions-dir", extensions, "--install-extension", options.vsix],
    { env, encoding: "utf8" },
  );
  if (install.status !== 0) {
    throw new Error(`installing the .vsix failed:\n${install.stdout}\n${install.stderr}`);
  }

  const port = await freePort();
  const serverLog = [];
  const server = spawn(
    options.codeServer,
    [
      "--auth", "none",
      "--bind-addr", `127.0.0.1:${port}`,
      "--user-data-dir", userData,
      "--extensions-dir", extensions,
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      "--ignore-last-opened",
    ],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  server.stdout.on("data", (chunk) => serverLog.push(chunk.toString()));
  server.stderr.on("data", (chunk) => serverLog.push(chunk.toString()));

  let browser;
  let failed = false;
  try {
    await waitForHealth(`http://127.0.0.1:${port}/healthz`, Date.now() + 30000);
    log(`code-server on port ${port}`);
    browser = await chromium.launch({
      executablePath: options.chromium,
      env,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(options.waitMs);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);

    await step(page, "workbench", async () => {
      await page.locator(".monaco-workbench").waitFor();
      await page.locator(".explorer-folders-view, .explorer-viewlet").first().waitFor();
    });

    await step(page, "problems", async () => {
      await quickOpen(page, "broken.py");
      await page.keyboard.press("Control+Shift+M");
      const rows = page.locator(".markers-panel .monaco-list-row");
      await rows.filter({ hasText: "undefined_name" }).first().waitFor();
      await rows.filter({ hasText: options.syntaxError }).first().waitFor();
      const text = await textOf(rows);
      log(`Problems panel:\n${text}`);
      if (!/memphis/i.test(text)) {
        throw new Error(`the problems do not name their source "memphis":\n${text}`);
      }
    });

    await step(page, "status bar", async () => {
      await page.locator(".statusbar-item", { hasText: "Memphis" }).first().waitFor();
      const label = await page.locator(".statusbar-item", { hasText: "Memphis" }).first().getAttribute("aria-label");
      log(`status bar item: ${label}`);
    });

    await step(page, "server started with memphis.python", async () => {
      const [memphisLog] = findFiles(path.join(userData, "logs"), (file) => path.basename(file) === "Memphis.log");
      const starts = (memphisLog ? fs.readFileSync(memphisLog, "utf8") : "")
        .split("\n")
        .filter((line) => line.includes("starting the language server:"));
      const expected = `starting the language server: ${options.python} -m memphis_lsp`;
      if (starts.length === 0 || !starts.every((line) => line.includes(expected))) {
        throw new Error(`the Memphis log does not show only "${expected}":\n${starts.join("\n")}`);
      }
    });

    await step(page, "the language server is restarted when it dies", async () => {
      const [pid, ...others] = languageServerPids(workspace);
      if (pid === undefined || others.length) {
        throw new Error(`expected one language server in ${workspace}, found ${[pid, ...others]}`);
      }
      process.kill(pid, "SIGKILL");
      const deadline = Date.now() + options.waitMs;
      let restarted = [];
      while (Date.now() < deadline) {
        restarted = languageServerPids(workspace).filter((other) => other !== pid);
        if (restarted.length) {
          break;
        }
        await page.waitForTimeout(250);
      }
      if (restarted.length !== 1) {
        throw new Error(`the language server (pid ${pid}) was not restarted: ${restarted}`);
      }
      await page.locator('.statusbar-item[aria-label*="language server: running"]').first().waitFor();
      log(`server ${pid} killed, ${restarted[0]} running`);
    });

    await step(page, "Restart Language Server", async () => {
      const [before] = languageServerPids(workspace);
      await runCommand(page, "Memphis: Restart Language Server");
      const deadline = Date.now() + options.waitMs;
      let after = [];
      while (Date.now() < deadline) {
        after = languageServerPids(workspace);
        if (after.length === 1 && after[0] !== before) {
          break;
        }
        await page.waitForTimeout(250);
      }
      if (after.length !== 1 || after[0] === before) {
        throw new Error(`the command did not replace server ${before}: now ${after}`);
      }
      await page.locator('.statusbar-item[aria-label*="language server: running"]').first().waitFor();
      log(`server ${before} replaced by ${after[0]}`);
    });

    await step(page, "breakpoint", async () => {
      await quickOpen(page, "program.py");
      await page.keyboard.press("Control+G");
      await page.locator(".quick-input-widget input").waitFor({ state: "visible" });
      await page.keyboard.type(String(BREAKPOINT_LINE));
      await page.keyboard.press("Enter");
      await page.keyboard.press("F9");
      await page.locator(".codicon-debug-breakpoint").first().waitFor();
    });

    await step(page, "stopped at the breakpoint", async () => {
      await page.keyboard.press("F5");
      const stack = page.locator(".debug-call-stack .monaco-list-row");
      await stack.filter({ hasText: "work" }).first().waitFor();
      // VS Code loads the top frame first and the rest a moment later (or on "Load More").
      const more = stack.filter({ hasText: "Load More Stack Frames" });
      const caller = stack.filter({ hasText: "<module>" });
      const deadline = Date.now() + options.waitMs;
      while (!(await caller.count()) && Date.now() < deadline) {
        await more.first().click({ timeout: 1000 }).catch(() => undefined);
        await page.waitForTimeout(250);
      }
      await caller.first().waitFor();
      const stackText = flat(await textOf(stack));
      log(`Call stack: ${stackText}`);
      for (const frame of [`work program.py ${BREAKPOINT_LINE}:1`, "<module> program.py"]) {
        if (!stackText.includes(frame)) {
          throw new Error(`the call stack has no frame "${frame}": ${stackText}`);
        }
      }
      const variables = page.locator(".debug-variables .monaco-list-row");
      await variables.filter({ hasText: "total" }).first().waitFor();
      await variables.filter({ hasText: "pattern" }).first().waitFor();
      const variablesText = flat(await textOf(variables));
      log(`Variables: ${variablesText}`);
      // debug.showVariableTypes shows the adapter's type, which marks a foreign (host) object.
      for (const shown of ["total: int = 40", "count: int = 20", "pattern: re.Pattern (CPython) = re.compile('[0-9]+')"]) {
        if (!variablesText.includes(shown)) {
          throw new Error(`the Variables view does not show "${shown}": ${variablesText}`);
        }
      }
      fs.mkdirSync(options.artifacts, { recursive: true });
      await page.screenshot({ path: path.join(options.artifacts, "debug-session.png") });
    });

    await step(page, "output in the Debug Console", async () => {
      await page.keyboard.press("F5");
      const console = page.locator(".repl .monaco-list-row");
      await console.filter({ hasText: "memphis-e2e-done" }).first().waitFor();
      const text = await textOf(console);
      log(`Debug Console:\n${text}`);
      if (!text.includes("result 43")) {
        throw new Error(`the Debug Console does not show "result 43":\n${text}`);
      }
    });
    await step(page, "Run Without Debugging ignores the breakpoint", async () => {
      // the debugged session must be over (its toolbar gone) or VS Code asks about a second one
      await page.locator(".debug-toolbar").waitFor({ state: "hidden" });
      await runCommand(page, "Clear Console");
      const console = page.locator(".repl .monaco-list-row");
      await console.filter({ hasText: "memphis-e2e-done" }).waitFor({ state: "detached" });
      await quickOpen(page, "program.py");
      await page.keyboard.press("Control+F5");
      // the breakpoint's line runs before the output is printed: the output proves no stop
      await console.filter({ hasText: "memphis-e2e-done" }).first().waitFor();
      const text = await textOf(console);
      log(`Debug Console:\n${text}`);
      const command = `Running without debugging: ${options.python} -m interpreter ${workspace}/program.py`;
      if (!text.includes("result 43") || !text.includes(command)) {
        throw new Error(`the Debug Console does not show "${command}" and "result 43":\n${text}`);
      }
    });

    await step(page, "Run Current File in a terminal", async () => {
      await quickOpen(page, "program.py");
      await runCommand(page, "Memphis: Run Current File");
      const terminal = page.locator(".terminal-wrapper.active .xterm-rows");
      await terminal.filter({ hasText: "memphis-e2e-done" }).first().waitFor();
      const text = await textOf(terminal);
      log(`Terminal:\n${text.trim()}`);
      if (!text.includes("result 43") || !text.includes(`${options.python} -m interpreter`)) {
        throw new Error(`the terminal does not show the run of program.py:\n${text}`);
      }
    });

    await step(page, "REPL in a terminal", async () => {
      await runCommand(page, "Memphis: Open REPL");
      const terminal = page.locator(".terminal-wrapper.active .xterm-rows");
      await terminal.filter({ hasText: ">>>" }).first().waitFor();
      await page.keyboard.type("print('repl', 6 * 7)");
      await page.keyboard.press("Enter");
      await terminal.filter({ hasText: "repl 42" }).first().waitFor();
      log(`REPL:\n${(await textOf(terminal)).trim()}`);
    });

    log("PASSED");
  } catch (error) {
    failed = true;
    log(`error: ${error instanceof Error ? error.stack : String(error)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    if (failed) {
      printLogs(userData, serverLog);
    }
    server.kill("SIGTERM");
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
