// compiler/utils/typescript.cjs: TypeScript loads with V8's code cache when it can, and always
// loads: no cache yet, a cache, a corrupt cache, or the cache turned off.
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const LOADER = new URL("../../compiler/utils/typescript.cjs", import.meta.url).pathname;
const PROBE = `const ts = require(${JSON.stringify(LOADER)}); const f = ts.createSourceFile("a.ts", "let a = 1", ts.ScriptTarget.Latest); process.stdout.write(ts.version + " " + f.statements.length);`;

function load(cacheDir: string): string {
  return execFileSync(process.execPath, ["-e", PROBE], { env: { ...process.env, LIVEHTML_CACHE_DIR: cacheDir }, encoding: "utf8" });
}

const loader = suite("TypeScript loader");

loader("writes a code cache once, then loads with it; a corrupt cache is replaced", () => {
  const dir = mkdtempSync(join(tmpdir(), "livehtml-cache-test-"));
  try {
    const { version } = JSON.parse(execFileSync(process.execPath, ["-p", "JSON.stringify(require('typescript/package.json'))"], { encoding: "utf8" })) as { version: string };
    assert.is(load(dir), `${version} 1`);
    const files = readdirSync(dir);
    assert.equal(files.length, 1, files.join(", "));
    assert.match(files[0]!, new RegExp(`^typescript-${version.replace(/\./g, "\\.")}-node-`));
    const cache = join(dir, files[0]!);
    assert.ok(statSync(cache).size > 100_000, "a real code cache");
    assert.is(load(dir), `${version} 1`);

    writeFileSync(cache, "not a code cache");
    assert.is(load(dir), `${version} 1`, "a corrupt cache still loads");
    assert.ok(statSync(cache).size > 100_000, "and is rewritten");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

loader("LIVEHTML_CACHE_DIR=off loads without a cache", () => {
  assert.match(load("off"), / 1$/);
});

loader.run();
