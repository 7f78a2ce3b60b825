// The measured server, in its own process so that its memory holds nothing of the clients.
// `livehtml`: createServer with the Thermostat example. `bare-ws`: a `ws` server that accepts
// connections and does nothing (the reference line: the cost of a connection alone).
// Run with --expose-gc; answers `measure` requests over IPC with memory after forced GCs.
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { createServer, live } from "../../runtime/server/index.ts";
import { ThermostatView } from "../../examples/thermostat/thermostat.ts";

export interface MemorySample {
  rss: number;
  heapUsed: number;
  external: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("bench/server/child.ts must run with --expose-gc");

async function measure(): Promise<MemorySample> {
  // Several passes with pauses: let sockets' buffers and finalizers settle between them.
  for (let i = 0; i < 4; i++) {
    gc!();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
}

async function listenLivehtml(): Promise<number> {
  const server = createServer({
    routes: [live("/thermostat", ThermostatView)],
    secret: "benchmark secret, long enough for the signer",
    session: () => ({ userId: "alice" }),
  });
  return (await server.listen(0)).port;
}

async function listenBare(): Promise<number> {
  const http = createHttpServer((_req, res) => res.end());
  const wss = new WebSocketServer({ server: http });
  wss.on("connection", (ws) => ws.on("message", () => undefined));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return (http.address() as AddressInfo).port;
}

const mode = process.argv[2];
const port = mode === "livehtml" ? await listenLivehtml() : mode === "bare-ws" ? await listenBare() : null;
if (port === null) throw new Error(`bench/server/child.ts: unknown mode ${mode} (livehtml | bare-ws)`);
process.on("message", (message: { type: string }) => {
  if (message.type === "measure") void measure().then((sample) => process.send!({ type: "memory", sample }));
  if (message.type === "exit") process.exit(0);
});
process.send!({ type: "ready", port });
