// The server runtime the GET-path benchmarks time, resolved as `livehtml/server`: without the
// `livehtml-source` condition that is the built package (dist/), what an application runs. The
// compiled templates import `livehtml/runtime`, which resolves the same way, so a template and
// the server around it share one runtime. (Through tsx, the TypeScript sources carry esbuild's
// keepNames wrapper, `__name(fn, "…")`, on every function a render creates, which no
// deployment pays.)
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const entry = import.meta.resolve("livehtml/server");

/** Whether `livehtml/server` resolved to the TypeScript sources (a process run with `--conditions=livehtml-source`). */
export const fromSources = entry.endsWith(".ts");

/** Says, in a table's title, which runtime was timed. */
export const runtimeLabel = fromSources ? "runtime: sources through tsx" : "runtime: dist/ (the built package)";

/** A module of the server runtime beside `livehtml/server` (internals the package does not export), from the same build. */
export async function serverModule<M>(name: string): Promise<M> {
  return (await import(new URL(`./${name}${fromSources ? ".ts" : ".js"}`, entry).href)) as M;
}

/** Stops when dist/ was built before the newest change to runtime/: its numbers would be an older runtime's. */
export function assertBuiltPackageFresh(): void {
  if (fromSources) return;
  const built = statSync(fileURLToPath(entry)).mtimeMs;
  const root = fileURLToPath(new URL("../../runtime/", import.meta.url));
  const newer = newestSource(root);
  if (newer && newer.mtimeMs > built) {
    throw new Error(`bench: dist/ is older than ${newer.path.slice(root.length - "runtime/".length)}; run \`npm run build\` first (the GET path is timed on the built package)`);
  }
}

function newestSource(dir: string): { path: string; mtimeMs: number } | null {
  let newest: { path: string; mtimeMs: number } | null = null;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const found = entry.isDirectory() ? newestSource(path) : entry.name.endsWith(".ts") ? { path, mtimeMs: statSync(path).mtimeMs } : null;
    if (found && (!newest || found.mtimeMs > newest.mtimeMs)) newest = found;
  }
  return newest;
}
