// The whole tree type-checks under strict TypeScript (tsconfig.json), so `npm test` fails on a
// type error anywhere, not only where a test happens to run the code.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSC = fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url));

const typecheck = suite("typecheck");

typecheck("tsc -p tsconfig.json reports no errors", () => {
  const run = spawnSync(process.execPath, [TSC, "-p", "tsconfig.json", "--noEmit"], { cwd: ROOT, encoding: "utf8", timeout: 300_000 });
  assert.is(run.status, 0, `${run.stdout}${run.stderr}`.split("\n").slice(0, 30).join("\n"));
});

typecheck.run();
