/** Unit tests of the language server's restart limit. */

import assert from "node:assert/strict";
import { test } from "node:test";
import { RestartPolicy } from "../src/restartPolicy";

test("restarts at most maxRestarts times within the window", () => {
  let now = 0;
  const policy = new RestartPolicy(2, 1000, () => now);
  assert.equal(policy.shouldRestart(), true);
  now = 10;
  assert.equal(policy.shouldRestart(), true);
  now = 20;
  assert.equal(policy.shouldRestart(), false);
});

test("crashes older than the window are forgotten", () => {
  let now = 0;
  const policy = new RestartPolicy(1, 1000, () => now);
  assert.equal(policy.shouldRestart(), true);
  now = 1500;
  assert.equal(policy.shouldRestart(), true);
  now = 1600;
  assert.equal(policy.shouldRestart(), false);
});

test("zero restarts allowed never restarts; reset clears the count", () => {
  assert.equal(new RestartPolicy(0).shouldRestart(), false);
  const policy = new RestartPolicy(1, 1000, () => 0);
  policy.shouldRestart();
  assert.equal(policy.shouldRestart(), false);
  policy.reset();
  assert.equal(policy.shouldRestart(), true);
});
