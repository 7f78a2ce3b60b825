// `npm run bench [-- group…]`: runs the benchmark groups (all by default) and prints one table
// per measurement. Groups: ssr, update, compile, server, client. `QUICK=1` shrinks every size.
import { cpus } from "node:os";

// Peers pick their production builds (Vue, Svelte and Marko skip dev-only checks) when this is
// set before they load, hence the lazy group imports below.
process.env.NODE_ENV ??= "production";

const GROUPS: Record<string, () => Promise<void>> = {
  ssr: async () => (await import("./ssr/run.ts")).runSSR(),
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
console.log(`livehtml benchmarks — node ${process.version}, ${cpus().length} cores, NODE_ENV=${process.env.NODE_ENV}`);
for (const name of requested.length > 0 ? requested : Object.keys(GROUPS)) await GROUPS[name]!();
