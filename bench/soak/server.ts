// The soak's server, in a process of its own so that it can be killed and restarted, and its
// memory measured apart from the clients'. Run with --expose-gc. Listens on SOAK_PORT (0: any),
// signs with SOAK_SECRET, tells its parent `{ type: "ready", port }`, and answers `memory`
// requests with its heap after forced GCs and its open connection count.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createServer, live } from "../../runtime/server/index.ts";
import { SoakCounterView } from "./counter.ts";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !process.send) throw new Error("bench/soak/server.ts is forked by bench/soak/index.ts with --expose-gc");

const server = createServer({
  routes: [live("/counter", SoakCounterView)],
  secret: process.env.SOAK_SECRET,
  // The soak's own 1,000 clients are within the defaults; the logger stays quiet about refusals.
  logger: { info() {}, warn() {}, error: (m) => console.error(`[soak server] ${m}`) },
});
const { port } = await server.listen(Number(process.env.SOAK_PORT ?? 0));

// The server's own event-loop delay, so a slow round trip can be told apart from a busy machine.
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();

process.on("message", async (m: { type: string }) => {
  if (m.type === "loop") {
    process.send!({ type: "loop", p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 });
    loop.reset();
    return;
  }
  if (m.type !== "memory") return;
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  process.send!({ type: "memory", heapUsed: process.memoryUsage().heapUsed, connections: server.connectionCount });
});
process.send({ type: "ready", port });
