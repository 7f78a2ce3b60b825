// `npm run bench [-- group…]`: runs the benchmark groups (all by default) and prints one table
// per measurement. Groups: ssr, update, compile, server, client. `QUICK=1` shrinks every size.
import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { fromSources } from "./lib/server-runtime.ts";

// Peers pick their production builds (Vue, Svelte and Marko skip dev-only checks) when this is
// set before they load, hence the lazy group imports below.
process.env.NODE_ENV ??= "production";

/**
 * `npm run bench` resolves `livehtml/*` to the sources (`--conditions=livehtml-source`), which the
 * other groups import directly. The ssr group times the GET path as an application runs it, on
 * the built package (bench/lib/server-runtime.ts), so it runs in a Node process without that
 * condition, with the same options otherwise.
 */
function onBuiltPackage(group: string): Promise<void> {
  const execArgv = process.execArgv.filter((arg) => arg !== "--conditions=livehtml-source");
  const run = spawnSync(process.execPath, [...execArgv, fileURLToPath(import.meta.url), group], { stdio: "inherit", env: { ...process.env, LIVEHTML_BENCH_CHILD: "1" } });
  if (run.status !== 0) throw new Error(`bench: group ${group} failed (exit ${run.status ?? run.signal})`);
  return Promise.resolve();
}

const GROUPS: Record<string, () => Promise<void>> = {
  // A child that still resolves the sources (NODE_OPTIONS sets the condition) runs on them, and its tables say so.
  ssr: async () => (fromSources && !process.env.LIVEHTML_BENCH_CHILD ? onBuiltPackage("ssr") : (await import("./ssr/run.ts")).runSSR()),
  update: async () => (await import("./update/run.ts")).runUpdate(),
  compile: async () => (await import("./compile/run.ts")).runCompile(),
  server: async () => (await import("./server/run.ts")).runServer(),
  client: async () => (await import("./client/run.ts")).runClient(),
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in GROUPS));
if (unknown.length > 0) {
  console.error(`bench: unknown group ${unknown.join(", ")}; groups are ${Object.keys(GROUPS).join(", ")}`);
  process.exit(2);
}
if (!process.env.LIVEHTML_BENCH_CHILD) console.log(`livehtml benchmarks — node ${process.version}, ${cpus().length} cores, NODE_ENV=${process.env.NODE_ENV}`);
for (const name of requested.length > 0 ? requested : Object.keys(GROUPS)) await GROUPS[name]!();
