/** Unit tests of package.json's contributions against the extension's own code. */

import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { resolveLaunchConfig } from "../src/launchConfig";

// compiled to out/test/: the manifest is two folders up
const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));

test("the memphis debugger documents every launch attribute with a default", () => {
  const [debuggerContribution] = manifest.contributes.debuggers;
  assert.equal(debuggerContribution.type, "memphis");
  const attributes = debuggerContribution.configurationAttributes.launch.properties;
  assert.deepEqual(Object.keys(attributes).sort(), ["args", "cwd", "env", "justMyCode", "module", "program", "stopOnEntry"]);
  for (const [name, attribute] of Object.entries<Record<string, unknown>>(attributes)) {
    assert.ok(typeof attribute.description === "string" && attribute.description.length > 10, name);
    assert.ok("default" in attribute, name);
  }
  assert.equal(attributes.justMyCode.default, true);
  assert.equal(attributes.stopOnEntry.default, false);
});

test("the initial configuration and snippets resolve without error", () => {
  const [debuggerContribution] = manifest.contributes.debuggers;
  const context = { activeFile: "/ws/a.py", activeLanguage: "python", workspaceFolder: "/ws" };
  for (const config of debuggerContribution.initialConfigurations) {
    assert.equal(resolveLaunchConfig(config, context).error, undefined);
  }
  for (const snippet of debuggerContribution.configurationSnippets) {
    assert.equal(snippet.body.type, "memphis", snippet.label);
    assert.equal(resolveLaunchConfig(snippet.body, context).error, undefined, snippet.label);
  }
});

test("the commands and settings the extension registers are contributed", () => {
  const source = fs.readFileSync(path.join(__dirname, "..", "..", "src", "extension.ts"), "utf8");
  const registered = [...source.matchAll(/registerCommand\("([^"]+)"/g)].map((match) => match[1]).sort();
  const contributed = manifest.contributes.commands.map((command: { command: string }) => command.command).sort();
  assert.deepEqual(registered, contributed);
  assert.deepEqual(registered, ["memphis.openRepl", "memphis.restartLanguageServer", "memphis.runCurrentFile"]);
  const settings = manifest.contributes.configuration.properties;
  assert.equal(settings["memphis.python"].default, "");
  for (const [name, setting] of Object.entries<Record<string, unknown>>(settings)) {
    assert.ok(setting.description ?? setting.markdownDescription, name);
  }
});
