/** Unit tests of the interpreter setting's resolution and the command lines built from it. */

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  DEFAULT_PYTHON,
  debugAdapterCommand,
  languageServerCommand,
  replCommand,
  resolveLogLevel,
  resolvePython,
  runFileCommand,
  shellCommandLine,
  shellQuote,
} from "../src/settings";

test("an empty or missing memphis.python means python3 on PATH", () => {
  assert.equal(DEFAULT_PYTHON, "python3");
  for (const setting of ["", "   ", undefined, null, 42]) {
    assert.equal(resolvePython(setting, "/ws"), "python3");
  }
});

test("memphis.python is used as given when absolute or a bare name", () => {
  assert.equal(resolvePython("/opt/py/bin/python3.11", "/ws"), "/opt/py/bin/python3.11");
  assert.equal(resolvePython("python3.12", "/ws"), "python3.12");
  assert.equal(resolvePython("  /usr/bin/python3 ", undefined), "/usr/bin/python3");
});

test("memphis.python expands ~, ${workspaceFolder} and ${env:NAME}", () => {
  assert.equal(resolvePython("~/venv/bin/python", "/ws", {}, "/home/me"), "/home/me/venv/bin/python");
  assert.equal(resolvePython("${workspaceFolder}/.venv/bin/python", "/ws"), "/ws/.venv/bin/python");
  assert.equal(resolvePython("${env:VENV}/bin/python", "/ws", { VENV: "/v" }), "/v/bin/python");
  assert.equal(resolvePython("${env:MISSING}/python", "/ws", {}), "/python");
});

test("a relative memphis.python path is relative to the workspace folder", () => {
  assert.equal(resolvePython(".venv/bin/python", "/ws"), "/ws/.venv/bin/python");
  assert.equal(resolvePython(".venv/bin/python", undefined), ".venv/bin/python");
});

test("the log level setting falls back to WARNING", () => {
  assert.equal(resolveLogLevel("debug"), "DEBUG");
  assert.equal(resolveLogLevel("ERROR"), "ERROR");
  assert.equal(resolveLogLevel("verbose"), "WARNING");
  assert.equal(resolveLogLevel(undefined), "WARNING");
});

test("the server, adapter, run and REPL command lines", () => {
  assert.deepEqual(languageServerCommand("/py", "INFO"), {
    command: "/py",
    args: ["-m", "memphis_lsp", "--log-level", "INFO"],
  });
  assert.deepEqual(debugAdapterCommand("/py"), { command: "/py", args: ["-m", "memphis_dap"] });
  assert.deepEqual(runFileCommand("python3", "/ws/a b.py"), {
    command: "python3",
    args: ["-m", "interpreter", "/ws/a b.py"],
  });
  assert.deepEqual(replCommand("python3"), { command: "python3", args: ["-m", "interpreter"] });
});

test("shell quoting keeps plain words and quotes the rest", () => {
  assert.equal(shellQuote("/usr/bin/python3", "linux"), "/usr/bin/python3");
  assert.equal(shellQuote("a b", "linux"), "'a b'");
  assert.equal(shellQuote("it's", "linux"), "'it'\\''s'");
  assert.equal(shellQuote("", "linux"), "''");
  assert.equal(shellQuote("a b", "win32"), '"a b"');
  assert.equal(
    shellCommandLine(runFileCommand("python3", "/ws/my prog.py"), "linux"),
    "python3 -m interpreter '/ws/my prog.py'",
  );
});
