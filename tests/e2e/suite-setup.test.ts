// browserSuite: a set-up that throws (the suite's `before`, the app, the browser) fails every
// test of the suite with the set-up's message, for each client, and the file exits non-zero.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { suite } from "uvu";
import * as assert from "uvu/assert";

const FIXTURE = fileURLToPath(new URL("./fixtures/failing-setup.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

const tests = suite("browserSuite set-up failures");

tests("fail each test loudly with the set-up's message", () => {
  const run = spawnSync(process.execPath, ["--import", "tsx", FIXTURE], { cwd: ROOT, encoding: "utf8", timeout: 60_000, env: { ...process.env, FORCE_COLOR: "0" } });
  const output = run.stdout + run.stderr;
  assert.is.not(run.status, 0, output);
  for (const client of ["official", "livehtml"]) {
    assert.match(output, `FAIL  a suite that cannot set up [${client}]  "a test that never gets a page"`);
  }
  assert.match(output, /the suite's set-up failed: the fixture's database is missing/);
  assert.match(output, /at Object.before \(.*failing-setup.ts:\d+/, "the failure points at the line that threw");
  assert.match(output, /Passed:\s+0/);
});

tests.run();
