/** Unit tests of `memphis` launch configuration resolution. */

import assert from "node:assert/strict";
import { test } from "node:test";
import { noDebugCommand, resolveLaunchConfig, splitArgs } from "../src/launchConfig";

const editing = { activeFile: "/ws/main.py", activeLanguage: "python", workspaceFolder: "/ws" };

test("F5 without launch.json debugs the active Python file", () => {
  const { config, error } = resolveLaunchConfig({}, editing);
  assert.equal(error, undefined);
  assert.deepEqual(config, {
    type: "memphis",
    request: "launch",
    name: "Memphis: Current File",
    program: "/ws/main.py",
    args: [],
    cwd: "/ws",
    stopOnEntry: false,
    justMyCode: true,
  });
});

test("F5 without launch.json and no Python editor explains what to do", () => {
  const { config, error } = resolveLaunchConfig({}, { activeFile: "/ws/x.txt", activeLanguage: "plaintext" });
  assert.equal(config, undefined);
  assert.match(error ?? "", /Open a Python file/);
});

test("given attributes are kept and defaults filled in", () => {
  const { config } = resolveLaunchConfig(
    {
      type: "memphis",
      request: "launch",
      name: "run",
      program: "${file}",
      args: ["-x", "1"],
      cwd: "/elsewhere",
      env: { A: "1", N: 2 as unknown as string, E: null },
      stopOnEntry: true,
      justMyCode: false,
    },
    editing,
  );
  assert.deepEqual(config, {
    type: "memphis",
    request: "launch",
    name: "run",
    program: "${file}",
    args: ["-x", "1"],
    cwd: "/elsewhere",
    env: { A: "1", N: "2", E: "" },
    stopOnEntry: true,
    justMyCode: false,
  });
});

test("cwd defaults to the workspace folder, else the program's folder", () => {
  const base = { type: "memphis", request: "launch", name: "n", program: "/p/q/prog.py" };
  assert.equal(resolveLaunchConfig(base, editing).config?.cwd, "/ws");
  assert.equal(resolveLaunchConfig(base, {}).config?.cwd, "/p/q");
  assert.equal(resolveLaunchConfig({ ...base, program: "prog.py" }, {}).config?.cwd, undefined);
});

test("a module launch keeps module and has no program", () => {
  const { config } = resolveLaunchConfig({ type: "memphis", request: "launch", name: "m", module: "pkg.tool" }, editing);
  assert.equal(config?.module, "pkg.tool");
  assert.equal(config?.program, undefined);
});

test("invalid configurations are refused with a reason", () => {
  const base = { type: "memphis", name: "n" };
  assert.match(resolveLaunchConfig({ ...base, request: "attach", program: "a.py" }, editing).error ?? "", /only "launch"/);
  assert.match(resolveLaunchConfig({ ...base, request: "launch" }, editing).error ?? "", /needs "program"/);
  assert.match(
    resolveLaunchConfig({ ...base, request: "launch", program: "a.py", module: "m" }, editing).error ?? "",
    /not both/,
  );
  assert.match(
    resolveLaunchConfig({ ...base, request: "launch", program: "a.py", env: ["A=1"] as unknown as Record<string, string> }, editing)
      .error ?? "",
    /"env" must be an object/,
  );
});

test("args given as one string are split like a shell does", () => {
  const { config } = resolveLaunchConfig(
    { type: "memphis", request: "launch", name: "n", program: "a.py", args: `one "two words" 'three'` },
    editing,
  );
  assert.deepEqual(config?.args, ["one", "two words", "three"]);
  assert.deepEqual(splitArgs(`a\\ b "c\\"d" '' e`), ["a b", 'c"d', "", "e"]);
  assert.deepEqual(splitArgs("   "), []);
});

test("Run Without Debugging runs the program or module with Memphis's command line", () => {
  const base = { type: "memphis", request: "launch", name: "n" };
  const program = resolveLaunchConfig({ ...base, program: "/ws/a.py", args: ["x", "y z"] }, editing).config;
  assert.deepEqual(noDebugCommand("/py", program!), { command: "/py", args: ["-m", "interpreter", "/ws/a.py", "x", "y z"] });
  const module = resolveLaunchConfig({ ...base, module: "pkg", args: "-v" }, editing).config;
  assert.deepEqual(noDebugCommand("py", module!), { command: "py", args: ["-m", "interpreter", "-m", "pkg", "-v"] });
});
