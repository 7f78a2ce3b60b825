#!/usr/bin/env node
// Bundles the `livehtml` CLI (compile, check) into compiler/cli/cli.bundle.mjs, so that it starts
// without a TypeScript loader: plain JavaScript, one file. Runs on `npm ci` / `npm install`
// (the `prepare` script). compiler/cli/bin.mjs uses the bundle only while it is newer than every
// source it was built from, and runs the sources through tsx otherwise.
import { build } from "esbuild";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { typescriptByRequire } from "./typescript-by-require.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ["compiler/cli/index.ts"],
  outfile: "compiler/cli/cli.bundle.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // TypeScript stays a package, loaded by compiler/utils/typescript.cjs (V8's code cache), which
  // is required from where it sits rather than bundled (see typescript-by-require.mjs).
  external: ["typescript", "vite", "tsx", "esbuild"],
  plugins: [typescriptByRequire(join(root, "compiler/cli/cli.bundle.mjs"), join(root, "compiler/utils/typescript.cjs"))],
  // Bundled CommonJS calls require; an ES module has none of its own.
  banner: { js: 'import { createRequire as $createRequire } from "node:module"; const require = $createRequire(import.meta.url);' },
  logLevel: "warning",
});
