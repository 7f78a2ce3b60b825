// The `typescript` package, loaded for a fast start. Every compiler module imports TypeScript
// from here (`import ts from "../utils/typescript.cjs"`, typed by typescript.d.cts as the
// package itself), never from "typescript" directly, because how it is loaded decides the CLI's
// cold start:
//
// - Imported as an ES module, Node (and tsx) first scan the 9 MB CommonJS file for its export
//   names, which costs more than loading it. Loaded from this CommonJS file, no scan runs:
//   this file is written in plain CommonJS for that reason alone.
// - Compiling the file is most of what remains. V8 can reuse the code it compiled in an earlier
//   run (`vm.Script` cached data); the cache is written once per TypeScript and Node version to
//   the system's temporary directory (`LIVEHTML_CACHE_DIR` overrides it, `LIVEHTML_CACHE_DIR=off`
//   disables it). A cache V8 rejects is rewritten; any failure falls back to a plain `require`.
// - The cache is written when the process that found none exits, not right after loading: by
//   then it also holds the functions the run compiled on first call (the scanner and parser a
//   compile uses), which a cache taken at load would leave for every later run to compile.
"use strict";
const { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const { Module, createRequire } = require("node:module");
const { tmpdir } = require("node:os");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

function loadWithCodeCache() {
  const setting = process.env.LIVEHTML_CACHE_DIR;
  if (setting === "off") return null;
  const file = require.resolve("typescript");
  const { version } = require("typescript/package.json");
  const dir = setting || join(tmpdir(), "livehtml-v8-cache");
  // "-run": taken at exit (see above); a cache taken at load by an earlier version is not reused.
  const cacheFile = join(dir, `typescript-${version}-node-${process.version}-${process.arch}-run.bin`);
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  // Module.wrap gives exactly the function CommonJS runs a module in.
  const script = new Script(Module.wrap(readFileSync(file, "utf8")), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  if (cachedData === undefined || script.cachedDataRejected) process.once("exit", () => writeCache(script, dir, cacheFile));
  return module.exports;
}

function writeCache(script, dir, cacheFile) {
  try {
    mkdirSync(dir, { recursive: true });
    // Written aside and renamed, so a process starting meanwhile never reads half a cache.
    const partial = `${cacheFile}.${process.pid}`;
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cacheFile);
  } catch {
    // A read-only or full temporary directory only costs the next start its speed.
  }
}

function load() {
  try {
    const ts = loadWithCodeCache();
    if (ts && typeof ts.createScanner === "function") return ts;
  } catch {
    // Fall through: the ordinary way always works.
  }
  return require("typescript");
}

module.exports = load();
