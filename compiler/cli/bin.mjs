#!/usr/bin/env node
// The `livehtml` command of this checkout (the package ships dist/cli.mjs instead). `compile` and
// `check` run from cli.bundle.mjs (plain JavaScript built by scripts/build-cli.mjs on install):
// no TypeScript loader to start, so a one-file compile answers quickly. When a source is newer
// than the bundle (a pull, a merge, an edit) the bundle is rebuilt first, once; the sources run
// through tsx only when it cannot be (no esbuild, a read-only checkout), and for `dev` (whose
// dev server is TypeScript run through Vite).
import { readdirSync, statSync } from "node:fs";

const bundle = new URL("./cli.bundle.mjs", import.meta.url);
const sources = [new URL("../", import.meta.url), new URL("../../runtime/shared/", import.meta.url), new URL("../../runtime/components/", import.meta.url)];

/** Newest modification time of the files under `dir` that can end up in the bundle. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(new URL(`${entry.name}/`, dir)));
    else if (/\.(ts|cjs|mjs)$/.test(entry.name) && entry.name !== "cli.bundle.mjs") newest = Math.max(newest, statSync(new URL(entry.name, dir)).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    const built = statSync(bundle).mtimeMs;
    return sources.every((dir) => newestSource(dir) <= built);
  } catch {
    return false;
  }
}

/** Whether the bundle is up to date, rebuilding it if a source changed since it was built. */
async function freshBundle() {
  if (bundleIsFresh()) return true;
  try {
    const { buildCliBundle } = await import("../../scripts/build-cli.mjs");
    await buildCliBundle();
    return true;
  } catch {
    return false;
  }
}

let main;
// LIVEHTML_CLI_SOURCES=1 always runs the sources (tests cover both ways).
if (process.argv[2] !== "dev" && !process.env.LIVEHTML_CLI_SOURCES && (await freshBundle())) {
  ({ main } = await import(bundle.href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("./index.ts"));
}
process.exitCode = await main(process.argv.slice(2));
