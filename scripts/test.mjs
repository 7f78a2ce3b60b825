#!/usr/bin/env node
// Runs every `*.test.ts` file under tests/ in its own Node process (uvu suites share globals
// within a process, so one file per process keeps them apart), two at a time, and prints one
// summary line `N passed, N failed`. Exits non-zero on any failure.
//
//   npm test                 all test files
//   npm test -- parse        only files whose path contains "parse"
import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { availableParallelism } from "node:os";

const root = new URL("..", import.meta.url).pathname;
const filters = process.argv.slice(2);

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "fixtures" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (name.endsWith(".test.ts")) out.push(path);
  }
  return out.sort();
}

const files = findTests(join(root, "tests")).filter(
  (f) => filters.length === 0 || filters.some((p) => relative(root, f).includes(p)),
);

// `livehtml/…` imports (the examples', compiled templates') resolve to the sources, not dist/:
// tests run what they test, and one module instance serves relative and package imports. Through
// NODE_OPTIONS, processes that tests start inherit it.
const SOURCE_OPTIONS = [process.env.NODE_OPTIONS, "--conditions=livehtml-source"].filter(Boolean).join(" ");

const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);

function runFile(file) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ["--import", "tsx", file], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: "0", NODE_OPTIONS: SOURCE_OPTIONS },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => {
      // uvu prints "Total: N", "Passed: N", "Skipped: N" per process.
      const total = Number(/Total:\s+(\d+)/.exec(output)?.[1] ?? 0);
      const passed = Number(/Passed:\s+(\d+)/.exec(output)?.[1] ?? 0);
      let failed = total - passed;
      // A crash before uvu reports, or a non-zero exit, counts as one failure of the file.
      if (code !== 0 && failed === 0) failed = 1;
      if (total === 0 && code === 0) failed = 1, output += "\n(no tests ran: does the file call .run()?)";
      resolve({ file, passed, failed, output, ms: Date.now() - started });
    });
  });
}

const queue = [...files];
const results = [];
const workers = Math.max(1, Math.min(Number(process.env.TEST_JOBS) || availableParallelism(), 4));
await Promise.all(
  Array.from({ length: workers }, async () => {
    while (queue.length) {
      const file = queue.shift();
      const r = await runFile(file);
      results.push(r);
      const mark = r.failed ? paint(31, "FAIL") : paint(32, "ok  ");
      console.log(`${mark} ${relative(root, r.file)}  ${r.passed} passed${r.failed ? `, ${r.failed} failed` : ""}  (${r.ms} ms)`);
      if (r.failed) console.log(r.output.replace(/^/gm, "     "));
    }
  }),
);

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
if (files.length === 0) console.log("no test files matched");
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || files.length === 0 ? 1 : 0);
