#!/usr/bin/env node
// Bundles the `livehtml` CLI (compile, check) into compiler/cli/cli.bundle.mjs, so that it starts
// without a TypeScript loader: plain JavaScript, one file. Runs on `npm ci` / `npm install`
// (the `prepare` script), and from compiler/cli/bin.mjs when a source is newer than the bundle
// (after a pull, a merge or an edit), so that a checkout's CLI stays the fast one.
import { build } from "esbuild";
import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { typescriptByRequire } from "./typescript-by-require.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = join(root, "compiler/cli/cli.bundle.mjs");

export async function buildCliBundle() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["compiler/cli/index.ts"],
    outfile,
    write: false,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // TypeScript stays a package, loaded by compiler/utils/typescript.cjs (V8's code cache), which
    // is required from where it sits rather than bundled (see typescript-by-require.mjs).
    external: ["typescript", "vite", "tsx", "esbuild"],
    plugins: [typescriptByRequire(outfile, join(root, "compiler/utils/typescript.cjs"))],
    // Bundled CommonJS calls require; an ES module has none of its own.
    banner: { js: 'import { createRequire as $createRequire } from "node:module"; const require = $createRequire(import.meta.url);' },
    logLevel: "warning",
  });
  // Written aside and renamed: a CLI starting meanwhile (tests run two at a time) never imports
  // half a bundle.
  const partial = `${outfile}.${process.pid}`;
  writeFileSync(partial, result.outputFiles[0].contents);
  renameSync(partial, outfile);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCliBundle();
